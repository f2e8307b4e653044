"""One ``assess`` session per answer file.

Two sessions saving the same file would each write their own copy after every answer, and the
last save would win (29 of 30 answers lost). The session holds an exclusive ``flock`` on a
lock file beside the answer file (``.NAME.lock``, holding the process id) for as long as it
runs; a second session is refused with a message naming the first one's process id. The lock
goes with the process: a lock file left by a killed session holds no lock, and the next session
takes it over.

The lock path is never followed or replaced: a folder, a symbolic link (dangling or not) or any
other non-regular file there is refused with :class:`Refused`, which names it, so that a
planted link cannot make two sessions lock two different files and write one answer file.
"""

from __future__ import annotations

import errno
import fcntl
import os
import stat
from pathlib import Path


class Busy(Exception):
    """Another session holds the file; ``pid`` is its process id when known."""

    def __init__(self, pid: str) -> None:
        super().__init__(pid)
        self.pid = pid


class Refused(Exception):
    """The lock path is not a lock file this session may use: ``kind`` is ``folder``, ``link``
    or ``other`` (not a regular file)."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(f"the lock file {path} is {_WHAT[kind]}; remove it, or choose another answer file")
        self.path = path
        self.kind = kind


_WHAT = {"folder": "a folder", "link": "a symbolic link", "other": "not a regular file"}


def _kind(mode: int) -> str:
    return "folder" if stat.S_ISDIR(mode) else "link" if stat.S_ISLNK(mode) else "other"


class SessionLock:
    def __init__(self, path: Path) -> None:
        real = Path(os.path.realpath(path))
        self.path = real.parent / f".{real.name}.lock"
        self.fd: int | None = None

    def _refuse_odd(self) -> None:
        try:
            mode = os.lstat(self.path).st_mode
        except OSError:
            return
        if not stat.S_ISREG(mode):
            raise Refused(self.path, _kind(mode))

    def acquire(self) -> bool:
        """Take the lock; :class:`Busy` when another session has it, :class:`Refused` when the
        lock path is a folder, a link or another odd file. False when no lock file can be made
        there (a read-only folder: then nothing can be saved there either, and the session's
        save recovery takes over)."""
        for _ in range(5):
            self._refuse_odd()
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW | os.O_NONBLOCK, 0o600)
            except OSError as exc:
                if exc.errno in (errno.ELOOP, errno.EISDIR, errno.ENXIO):
                    self._refuse_odd()  # (made between the look and the open)
                return False
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                os.close(fd)
                raise Refused(self.path, "other")
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                try:
                    pid = os.read(fd, 32).decode("ascii", "replace").strip()
                finally:
                    os.close(fd)
                raise Busy(pid) from None
            except OSError:
                os.close(fd)
                return False
            try:  # the lock file may have been removed and remade while we waited for it
                same = os.stat(self.path, follow_symlinks=False).st_ino == os.fstat(fd).st_ino
            except FileNotFoundError:
                same = False
            if not same:
                os.close(fd)
                continue
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode("ascii"))
            self.fd = fd
            return True
        return False  # pragma: no cover - the lock file kept changing under us

    def release(self) -> None:
        if self.fd is None:
            return
        try:
            os.unlink(self.path)  # removed while still held: a waiting opener sees the inode change
        except OSError:
            pass
        os.close(self.fd)
        self.fd = None

    def __enter__(self) -> SessionLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
