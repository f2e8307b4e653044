"""The per-user cache folder: data the tool can always rebuild, kept between runs to save time.

What is kept there: the frozen catalogue (:mod:`aeo_check.catalogue.cache`), the estimated
working-day years (:mod:`aeo_check.planning.workdays`) and the report's compiled templates
(:mod:`aeo_check.views.pdf.report`). The folder may be shared or planted by someone else, so:

- it is ``$AEO_CHECK_CACHE_DIR`` when set, else the user's cache folder (``platformdirs``:
  ``$XDG_CACHE_HOME/aeo-check`` or ``~/.cache/aeo-check`` on Linux); ``AEO_CHECK_NO_CACHE=1``
  turns caching off;
- the folder and every entry are used only when they belong to the user running the tool and
  nobody else may write them, and an entry is never read through a link; otherwise the data is
  rebuilt in memory and nothing is written there. A new folder is made private (0700);
- every entry starts with a key line (a hash of everything its content depends on) that must
  match, and is written to a temporary file renamed into place, so readers see a whole entry
  or none;
- a folder that cannot be made or written, and an entry that cannot be read, are skipped
  without a word.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

#: entries of one kind kept per folder (several installed versions may share one folder)
KEEP = 8


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is turned off."""
    if os.environ.get("AEO_CHECK_NO_CACHE", "").strip() not in ("", "0"):
        return None
    explicit = os.environ.get("AEO_CHECK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    from platformdirs import user_cache_path

    try:
        return user_cache_path("aeo-check", appauthor=False)
    except (RuntimeError, KeyError):  # pragma: no cover - no home folder known
        return None


def trusted(st: os.stat_result) -> bool:
    """Whether a folder or entry with this status is the user's own and nobody else may write it."""
    return st.st_uid == os.geteuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def usable_folder() -> Path | None:
    """The cache folder when caching is on and the folder is (or is now made) the user's own."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        return folder if trusted(os.stat(folder)) else None
    except OSError:
        return None


def open_trusted(path: Path) -> bytes | None:
    """The bytes of an entry that is a regular file of the user's own (never through a link)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fd)
        if not (stat.S_ISREG(st.st_mode) and trusted(st)):
            return None
        return fh.read()


def read_entry(path: Path, key: str) -> bytes | None:
    """The body of an entry written for ``key``; None when missing, foreign, a link or another key's."""
    raw = open_trusted(path)
    if raw is None:
        return None
    stored_key, _, body = raw.partition(b"\n")
    return body if stored_key.decode("ascii", "replace") == key else None


def write_entry(path: Path, key: str, body: bytes, prefix: str) -> None:
    """Store ``body`` under ``key`` as ``path`` (in a folder :func:`usable_folder` gave), then keep
    only the newest entries of its folder named ``prefix*``."""
    import tempfile  # once per content; every other run only reads

    folder = path.parent
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError:
        return  # read-only: run without a cache
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(key.encode("ascii") + b"\n" + body)
        os.replace(tmp, path)
    except OSError:  # a full disk: just no cache
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return
    _prune(folder, prefix, path.suffix, keep=path)


def _prune(folder: Path, prefix: str, suffix: str, keep: Path) -> None:
    """Remove all but the newest :data:`KEEP` entries of one kind."""
    try:
        entries = [p for p in folder.iterdir() if p.name.startswith(prefix) and p.name.endswith(suffix)]
        entries.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[KEEP:]:
            if old != keep:
                old.unlink()
    except OSError:
        pass
