"""A spinner on stderr while something slow runs (the PDF render), only on a terminal."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def working(message: str) -> Iterator[None]:
    from rich.console import Console

    err = Console(stderr=True, highlight=False)
    if not err.is_terminal:
        yield
        return
    with err.status(message, spinner="dots"):
        yield
