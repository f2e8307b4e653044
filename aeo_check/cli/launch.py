"""The ``aeo-check`` command's entry point: the program loads itself with garbage collection paused.

Starting a command imports a few hundred modules (typer, pydantic, rich, the package) and
reads the catalogue from its cache: several hundred thousand objects that live until the process ends, and
almost no garbage. Python's collector is triggered by the count of new objects, so while the
program loads it walks the growing heap again and again to find nothing (about a twentieth of
``score FILE``). Collection is therefore paused from here until the command is about to work on
its input (:func:`resume`, called once the catalogue is loaded, see ``cli.catalogue``, and by
``doctor`` before its test render); what was loaded is then frozen out of the collector's way and
collection resumes as normal, so a batch of ten thousand files runs with the collector on, as it
always did. Only ``--help``, ``--version`` and usage errors end with collection still paused:
they print a screen and exit.
"""

from __future__ import annotations

from aeo_check.cli.collection import pause


def _closed_streams() -> None:
    """A standard stream the caller closed (``>&-``) becomes /dev/null: the command runs and
    exits with the code it would have, and what it prints goes nowhere, as into a closed pipe."""
    import os
    import sys

    for fd, name, mode in ((0, "stdin", "r"), (1, "stdout", "w"), (2, "stderr", "w")):
        if getattr(sys, name) is not None:
            continue
        null = os.open(os.devnull, os.O_RDWR)  # the lowest free descriptor: the closed one
        if null != fd:
            os.dup2(null, fd)
            os.close(null)
        setattr(sys, name, open(fd, mode, encoding="utf-8", closefd=False))


def _terminated(signum: int, frame: object) -> None:
    from aeo_check.runs.exitcodes import Terminated

    raise Terminated


def main() -> None:
    import signal

    pause()
    _closed_streams()
    signal.signal(signal.SIGTERM, _terminated)  # stopped like Ctrl-C: workers ended, partial files removed
    from aeo_check.cli.main import main as run

    run()
