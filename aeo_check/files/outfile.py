"""Writing output files so that neither the system nor the user's data is ever damaged.

- A regular file (or a new one) is written atomically: a temporary file ``.NAME.XXXX.tmp``
  in the same folder, fsync, rename. The replaced file keeps its mode and owner, and a
  symbolic link stays a link: the file it points to is the one replaced.
- Anything else that already exists (``/dev/null``, ``/dev/full``, a FIFO, ``/dev/stdout``)
  is written straight to, never replaced; ``-`` means standard output.
- An input of the same command is never overwritten, nor (without ``--force``) an existing
  answer file, nor (for ``import``, without ``--force``) any existing file.
- Every failure (a folder, a path under a file, a read-only folder, a full disk) is an
  :class:`OutputError` with one clear line; the old file is left intact.
- Temporary files a killed process left behind are removed by the next write to that name.
"""

from __future__ import annotations

import glob
import os
import re
import stat
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from aeo_check.files.safetext import inert

#: temporary files older than this are left-overs of a killed process
STALE_SECONDS = 60
_ANSWER_FILE = re.compile(rb"""["']?format["']?\s*:\s*["']?aeo-check/answers/""")


class OutputError(Exception):
    """An output that cannot or must not be written. ``code`` is the exit status:
    2 for a refusal the user can fix by choosing another path, 3 for an I/O failure."""

    def __init__(self, message: str, code: int = 3) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass(frozen=True, slots=True)
class Target:
    kind: str  # stdout | stream | file
    path: Path  # as given
    real: Path  # where a "file" target is written (symbolic links followed)

    @property
    def display(self) -> str:
        return "standard output" if self.kind == "stdout" else inert(str(self.path))


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)


def looks_like_answer_file(path: Path) -> bool:
    """Whether an existing regular file starts like an aeo-check answer file."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        head = os.read(fd, 4096)
    except OSError:
        return False
    finally:
        os.close(fd)
    return bool(_ANSWER_FILE.search(head))


def resolve_output(path: Path | str, inputs: Iterable[Path | str | None] = (), force: bool = False,
                   protect_answers: bool = True, existing: bool = True) -> Target:
    """Check an output path before any work is done; :class:`OutputError` says why it cannot be used.
    With ``existing`` False, an existing regular file is replaced only with ``force``."""
    given = Path(path)
    if str(path) == "-":
        return Target("stdout", given, given)
    if str(path) == "":
        raise OutputError("no output file name given", 2)
    show = inert(str(path))
    try:
        st = os.stat(given)  # follows links, /dev/stdout included
    except FileNotFoundError:
        st = None
    except NotADirectoryError:
        raise OutputError(f"cannot write {show}: a part of the path is a file, not a folder") from None
    except OSError as exc:
        raise OutputError(f"cannot write {show}: {_why(exc)}") from None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise OutputError(f"cannot write {show}: it is a folder; give a file name", 2)
        for inp in inputs:
            if inp is None:
                continue
            try:
                ist = os.stat(inp)
            except OSError:
                continue
            if (ist.st_dev, ist.st_ino) == (st.st_dev, st.st_ino) and stat.S_ISREG(st.st_mode):
                raise OutputError(f"refusing to write {show}: it is an input of this command; "
                                  "choose another output file", 2)
        if not stat.S_ISREG(st.st_mode):
            return Target("stream", given, given)
        if protect_answers and not force and looks_like_answer_file(given):
            raise OutputError(f"refusing to overwrite {show}: it is an answer file "
                              "(use --force to replace it)", 2)
        if not existing and not force:
            raise OutputError(f"refusing to overwrite {show}: the file exists (use --force to replace it)", 2)
    return Target("file", given, Path(os.path.realpath(given)))


def write_to(target: Target, data: bytes) -> None:
    """Write ``data`` to a checked target; :class:`OutputError` on failure."""
    if target.kind == "stdout":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    if target.kind == "stream":
        _write_stream(target, data)
        return
    write_file_atomic(target.real, data, display=target.display)


def write_output(path: Path | str, data: bytes, inputs: Iterable[Path | str | None] = (),
                 force: bool = False, protect_answers: bool = True, existing: bool = True) -> Target:
    target = resolve_output(path, inputs, force, protect_answers, existing)
    write_to(target, data)
    return target


def _write_stream(target: Target, data: bytes) -> None:
    try:
        fd = os.open(target.path, os.O_WRONLY | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as exc:
        raise OutputError(f"cannot write {target.display}: {_why(exc)}") from None
    try:
        view = memoryview(data)
        while view:
            n = os.write(fd, view)
            view = view[n:]
    except OSError as exc:
        raise OutputError(f"cannot write {target.display}: {_why(exc)}") from None
    finally:
        os.close(fd)


def write_file_atomic(path: Path | str, data: bytes, display: str | None = None) -> None:
    """Replace (or create) the regular file at ``path``: temporary file, fsync, rename.

    Symbolic links are followed, so a link stays a link; an existing file keeps its mode and
    (when we may set it) its owner. Something that exists but is not a regular file (a
    device, a FIFO) is written straight to. :class:`OutputError` on any failure; the old file
    is then intact."""
    given = Path(path)
    show = display or inert(str(path))
    st = _existing(given, show)
    if st is not None and not stat.S_ISREG(st.st_mode):
        _write_stream(Target("stream", given, given), data)
        return
    real = Path(os.path.realpath(given))
    tmp = None
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = _new_temp(real, show)
        with os.fdopen(fd, "wb") as fh:
            _take_owner_and_mode(fh.fileno(), st)
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, real)
        tmp = None
    except NotADirectoryError:
        raise OutputError(f"cannot write {show}: a part of the path is a file, not a folder") from None
    except OSError as exc:
        raise OutputError(f"cannot write {show}: {_why(exc)}") from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
    remove_stale_temps(real)


def _existing(given: Path, show: str) -> os.stat_result | None:
    """What is at ``given`` now (None: nothing); a folder there is an error."""
    try:
        st = os.stat(given)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutputError(f"cannot write {show}: {_why(exc)}") from None
    if stat.S_ISDIR(st.st_mode):
        raise OutputError(f"cannot write {show}: it is a folder; give a file name")
    return st


def _new_temp(real: Path, show: str) -> tuple[int, str]:
    """A new temporary file next to ``real`` (the rename then stays on one file system)."""
    try:
        return tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=real.parent)
    except OSError as exc:
        raise OutputError(f"cannot write {show}: no new file can be made in {inert(str(real.parent))} "
                          f"({_why(exc)})") from None


def _take_owner_and_mode(fd: int, st: os.stat_result | None) -> None:
    """The replaced file's mode and (when we may set it) owner; for a new file, an ordinary mode."""
    if st is None:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)  # an ordinary file, not mkstemp's private 0600
        return
    if (st.st_uid, st.st_gid) != (os.geteuid(), os.getegid()):
        try:
            os.fchown(fd, st.st_uid, st.st_gid)
        except PermissionError:
            pass  # not ours to give away: the new file is ours, with the old mode
    os.fchmod(fd, stat.S_IMODE(st.st_mode))


def temp_files(path: Path) -> list[Path]:
    """Temporary files of earlier writes to ``path`` (``.NAME.XXXX.tmp`` beside it)."""
    real = Path(os.path.realpath(path))
    pattern = os.path.join(glob.escape(str(real.parent)), f".{glob.escape(real.name)}.*.tmp")
    return [Path(p) for p in glob.glob(pattern)]


def remove_stale_temps(path: Path, older_than: float = STALE_SECONDS) -> list[Path]:
    """Remove temporary files a killed writer left beside ``path``; return those removed."""
    removed = []
    now = time.time()
    for p in temp_files(path):
        try:
            if now - p.lstat().st_mtime >= older_than and stat.S_ISREG(p.lstat().st_mode):
                p.unlink()
                removed.append(p)
        except OSError:
            continue
    return removed
