"""The ``aeo-check`` command's entry point: the program loads itself with garbage collection paused.

Starting a command imports a few hundred modules (typer, pydantic, rich, the package) and
unpickles the catalogue: several hundred thousand objects that live until the process ends, and
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


def main() -> None:
    pause()
    from aeo_check.cli.main import main as run

    run()
