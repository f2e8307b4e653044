"""One ``assess`` session per answer file.

Two sessions saving the same file would each write their own copy after every answer, and the
last save would win (29 of 30 answers lost). The session holds an exclusive ``flock`` on a
lock file beside the answer file (``.NAME.lock``, holding the process id) for as long as it
runs; a second session is refused with a message naming the first one's process id. The lock
goes with the process, so a killed session never leaves the file locked.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path


class Busy(Exception):
    """Another session holds the file; ``pid`` is its process id when known."""

    def __init__(self, pid: str) -> None:
        super().__init__(pid)
        self.pid = pid


class SessionLock:
    def __init__(self, path: Path) -> None:
        real = Path(os.path.realpath(path))
        self.path = real.parent / f".{real.name}.lock"
        self.fd: int | None = None

    def acquire(self) -> bool:
        """Take the lock; :class:`Busy` when another session has it. False when no lock file
        can be made there (a read-only folder: then nothing can be saved there either, and the
        session's save recovery takes over)."""
        for _ in range(5):
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW, 0o644)
            except OSError:
                return False
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
