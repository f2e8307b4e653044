"""What the binder's document folders hold, read from names and sizes only (one ``lstat`` per
file, as a plain walk does): nothing is opened, so a binder of large files costs what one of
small files costs, and no link is followed."""

from __future__ import annotations

import functools
import os
import stat
from dataclasses import dataclass

#: names a file manager or an office program leaves behind: never a document
IGNORED = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})


@dataclass(frozen=True, slots=True)
class Found:
    """One file (or thing that is not one) in a document's folder."""

    path: str  # relative to the binder, '/'-separated
    size: int
    problem: str | None  # None for a readable regular file; else link | special | unreadable


@dataclass(frozen=True, slots=True)
class Folder:
    exists: bool
    readable: bool
    found: tuple[Found, ...]


def _readable(st: os.stat_result) -> bool:
    """Whether the permission bits let this process read the file (no extra system call)."""
    uid = os.geteuid() if hasattr(os, "geteuid") else -1
    if uid == 0:
        return True
    if st.st_uid == uid:
        return bool(st.st_mode & stat.S_IRUSR)
    if st.st_gid in _groups():
        return bool(st.st_mode & stat.S_IRGRP)
    return bool(st.st_mode & stat.S_IROTH)


@functools.cache
def _groups() -> frozenset[int]:
    return frozenset(os.getgroups()) | {os.getegid()} if hasattr(os, "getgroups") else frozenset()


def _skip(name: str) -> bool:
    return name in IGNORED or name.startswith((".", "~$"))


def scan_folder(root: str, rel: str) -> Folder:
    """Every file under ``root/rel`` (its sub-folders included), in name order."""
    found: list[Found] = []
    top = os.path.join(root, rel)
    try:
        st = os.lstat(top)
    except FileNotFoundError:
        return Folder(False, True, ())
    except OSError:
        return Folder(True, False, ())
    if not stat.S_ISDIR(st.st_mode):  # a link or a file where the folder should be
        return Folder(True, False, ())
    pending = [rel]
    readable = True
    while pending:
        here = pending.pop()
        try:
            with os.scandir(os.path.join(root, here)) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            readable = False
            found.append(Found(here, 0, "unreadable"))
            continue
        for e in entries:
            if _skip(e.name):
                continue
            path = f"{here}/{e.name}"
            if e.is_symlink():
                found.append(Found(path, 0, "link"))
            elif e.is_dir(follow_symlinks=False):
                pending.append(path)
            else:
                found.append(_file(e, path))
    found.sort(key=lambda f: f.path)
    return Folder(True, readable, tuple(found))


def _file(e: os.DirEntry[str], path: str) -> Found:
    try:
        st = e.stat(follow_symlinks=False)
    except OSError:
        return Found(path, 0, "unreadable")
    if not stat.S_ISREG(st.st_mode):
        return Found(path, 0, "special")
    return Found(path, st.st_size, None if _readable(st) else "unreadable")
