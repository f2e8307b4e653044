"""The frozen catalogue, cached between runs as data.

Loading ``questionnaires/`` from source parses 21 YAML files, validates them with pydantic,
cross-checks them and compiles a few hundred rule expressions: about 100 ms, on every run. The
result is the same for the same files, so it is stored once per catalogue content and reused.
What is stored is the catalogue frozen into plain records (:mod:`.compiled`) written as JSON
(:mod:`.datacache`): data only, so an entry can never run code, whoever wrote it; its rule
expressions pass the catalogue's own whitelist again on reading.

- The key is a hash of every file under ``questionnaires/`` (path and bytes), the package
  version, the Python version and the source of the modules that shape the records: a changed
  catalogue file, an upgrade or an edited model gives another key, so an entry is never stale.
  The key is stored inside the entry too and checked on load.
- The folder is ``$AEO_CHECK_CACHE_DIR`` when set, else the user's cache folder
  (``platformdirs``: ``$XDG_CACHE_HOME/aeo-check`` or ``~/.cache/aeo-check`` on Linux).
  ``AEO_CHECK_NO_CACHE=1`` turns the cache off.
- The folder and the entry are used only when they belong to the user running the tool and
  nobody else may write them (no group or world write bit; the entry not a link): otherwise the
  catalogue is built in memory and nothing is written there. A new folder is made private (0700).
- An entry is written to a temporary file and renamed into place, so readers see a whole entry
  or none. A folder that cannot be created or written, and an entry that cannot be read, are
  skipped without a word: the catalogue is then loaded from source, as before.

``python -m aeo_check.catalogue`` always validates from source and never uses this cache.
"""

from __future__ import annotations

import functools
import hashlib
import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from aeo_check.catalogue.compiled import Catalogue

#: entries kept per folder (several installed versions may share one folder)
KEEP = 8
_PREFIX = "catalogue-"
_SUFFIX = ".json"
_PACKAGE = Path(__file__).resolve().parent.parent
#: modules that shape the stored records; their source is part of the key
_CODE = ("catalogue/models.py", "catalogue/compiled.py", "catalogue/vocab.py", "catalogue/expr.py",
         "catalogue/loader.py", "catalogue/cache.py", "catalogue/ops.py", "catalogue/datacache.py")


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


def catalogue_key(base: Path) -> str:
    """Hash of everything a compiled catalogue depends on; ``base`` is the questionnaires folder."""
    from aeo_check import __version__

    h = hashlib.sha256()
    h.update(f"aeo-check {__version__}\0python {sys.version}\0".encode())
    for rel in _CODE:
        h.update(rel.encode() + b"\0")
        try:
            h.update((_PACKAGE / rel).read_bytes())
        except OSError:  # pragma: no cover - a broken install; the key still changes with it
            h.update(b"?")
    files = []
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames.sort()
        for name in filenames:
            files.append(os.path.join(dirpath, name))
    for path in sorted(files):
        with open(path, "rb") as fh:
            data = fh.read()
        h.update(os.path.relpath(path, base).encode("utf-8", "surrogateescape") + b"\0")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def _usable_folder(folder: Path) -> bool:
    """The folder exists (made private if it did not) and is the user's own."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        return trusted(os.stat(folder))
    except OSError:
        return False


def _read(path: Path, key: str) -> Catalogue | None:
    import gc

    from aeo_check.catalogue.compiled import Catalogue
    from aeo_check.catalogue.datacache import loads

    collecting = gc.isenabled()
    gc.disable()  # tens of thousands of new objects and no garbage: collections would only walk them
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
        with os.fdopen(fd, "rb") as fh:
            if not (stat.S_ISREG(os.fstat(fd).st_mode) and trusted(os.fstat(fd))):
                return None
            stored_key, _, body = fh.read().partition(b"\n")
        if stored_key.decode("ascii", "replace") != key:
            return None
        return Catalogue(root=path, **loads(body))
    except (OSError, ValueError, RecursionError):  # missing, a link, damaged or foreign: rebuilt, never trusted
        return None
    finally:
        if collecting:
            gc.enable()


def _write(folder: Path, path: Path, key: str, cat: Catalogue) -> None:
    import tempfile  # once per catalogue content; every other run only reads

    from aeo_check.catalogue.datacache import dumps

    try:
        body = dumps(cat).encode("utf-8")
    except (TypeError, ValueError):  # something the data format cannot hold: just no cache
        return
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
    _prune(folder, keep=path)


def _prune(folder: Path, keep: Path) -> None:
    """Remove all but the newest :data:`KEEP` entries (and temporary files of crashed writers)."""
    try:
        entries = [p for p in folder.iterdir() if p.name.startswith(_PREFIX) and p.name.endswith(_SUFFIX)]
        entries.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[KEEP:]:
            if old != keep:
                old.unlink()
    except OSError:
        pass


def load(root: Path | None = None) -> Catalogue:
    """The compiled catalogue of ``root/questionnaires`` (default: the packaged one).

    From the cache when an entry for exactly these files exists in a folder the user owns, else
    from source (validated; a broken catalogue raises
    :class:`~aeo_check.files.sourcefile.DataFileError` as ever) and then stored for the next run.
    """
    from aeo_check.catalogue.compiled import data_root

    base = (root or data_root()) / "questionnaires"
    folder = cache_dir()
    key = path = None
    if folder is not None and base.is_dir() and _usable_folder(folder):
        try:
            key = catalogue_key(base)
        except OSError:
            key = None  # an unreadable file: the source loader names it
        if key is not None:
            path = folder / f"{_PREFIX}{key[:32]}{_SUFFIX}"
            cat = _read(path, key)
            if cat is not None:
                cat.root = base  # the same content may sit in another folder
                return cat
    from aeo_check.catalogue.loader import frozen, load_catalogue

    cat = frozen(load_catalogue(root))
    if folder is not None and key is not None and path is not None:
        _write(folder, path, key, cat)
    return cat


@functools.lru_cache(maxsize=4)
def _cached(root: str | None) -> Catalogue:
    return load(Path(root) if root else None)


def get_catalogue(root: Path | None = None) -> Catalogue:
    """The compiled catalogue, loaded once per process: from the per-user cache when it holds
    an entry for exactly these files, else from source."""
    return _cached(str(root) if root else None)
