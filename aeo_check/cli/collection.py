"""Garbage collection paused while the program loads, resumed once (see :mod:`aeo_check.cli.launch`)."""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Turn collection off if it is on; :func:`resume` turns it back on."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Freeze what is loaded and turn collection back on (once; a no-op when not paused here)."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
