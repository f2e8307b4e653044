"""How to write an aeo-check command line that works when pasted into the same shell."""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path


def program(argv0: str | None = None, path_env: str | None = None) -> str:
    """``aeo-check`` when that name on PATH is this program; else the executable's own path
    (or ``python -m aeo_check`` when run that way)."""
    argv0 = sys.argv[0] if argv0 is None else argv0
    name = Path(argv0).name
    if name in ("__main__.py", "-m", "-c", "") or argv0.endswith(("aeo_check/__main__.py", "cli.py")):
        return f"{shlex.quote(sys.executable)} -m aeo_check"
    found = shutil.which("aeo-check", path=path_env if path_env is not None else os.environ.get("PATH"))
    here = shutil.which(argv0) if os.sep not in argv0 else argv0
    if found and here:
        try:
            if os.path.samefile(found, here):
                return "aeo-check"
        except OSError:
            pass
    if here:
        return shlex.quote(os.path.abspath(here))
    return "aeo-check"


def command(*args: str | os.PathLike) -> str:
    """A whole command line: program plus quoted arguments."""
    return " ".join([program(), *(shlex.quote(str(a)) for a in args)])
