"""The compiled catalogue, cached between runs.

Loading ``questionnaires/`` from source parses 21 YAML files, validates them with pydantic,
cross-checks them and compiles a few hundred rule expressions: about 100 ms, on every run. The
result is the same for the same files, so it is pickled once per catalogue content and reused.
What is pickled is the catalogue frozen into plain records (:mod:`.compiled`), so loading it
needs neither pydantic's model machinery nor the model classes.

- The key is a hash of every file under ``questionnaires/`` (path and bytes), the package
  version, the Python version and the source of the modules whose objects are pickled: a
  changed catalogue file, an upgrade or an edited model gives another key, so an entry is never
  stale. The key is stored inside the entry too and checked on load.
- The folder is ``$AEO_CHECK_CACHE_DIR`` when set, else ``$XDG_CACHE_HOME/aeo-check``, else
  ``~/.cache/aeo-check``. ``AEO_CHECK_NO_CACHE=1`` turns the cache off.
- An entry is written to a temporary file and renamed into place, so readers see a whole entry
  or none. A folder that cannot be created or written, and an entry that cannot be read, are
  skipped without a word: the catalogue is then loaded from source, as before.

``python -m aeo_check.catalogue`` always validates from source and never uses this cache.
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import os
import pickle
import sys
from pathlib import Path
from types import CodeType
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from aeo_check.catalogue.compiled import Catalogue

#: entries kept per folder (several installed versions may share one folder)
KEEP = 8
_PREFIX = "catalogue-"
_SUFFIX = ".pickle"
_PACKAGE = Path(__file__).resolve().parent.parent
#: modules whose classes are inside a pickled catalogue; their source is part of the key
_CODE = ("catalogue/models.py", "catalogue/compiled.py", "catalogue/vocab.py", "catalogue/expr.py",
         "catalogue/loader.py", "catalogue/cache.py", "catalogue/ops.py")


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is turned off."""
    if os.environ.get("AEO_CHECK_NO_CACHE", "").strip() not in ("", "0"):
        return None
    explicit = os.environ.get("AEO_CHECK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):  # the XDG spec: relative paths are invalid and ignored
        return Path(xdg) / "aeo-check"
    try:
        return Path.home() / ".cache" / "aeo-check"
    except (RuntimeError, KeyError):  # no home folder known
        return None


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


class _Pickler(pickle.Pickler):
    """Pickles compiled rule code (not picklable by default) as marshal bytes."""

    def reducer_override(self, obj):  # noqa: ANN001 - pickle's protocol
        if type(obj) is CodeType:
            return marshal.loads, (marshal.dumps(obj),)
        return NotImplemented


def _read(path: Path, key: str) -> Catalogue | None:
    import gc

    collecting = gc.isenabled()
    gc.disable()  # tens of thousands of new objects and no garbage: collections would only walk them
    try:
        with open(path, "rb") as fh:
            stored_key, cat = pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - a damaged or foreign entry is rebuilt, never trusted
        return None
    finally:
        if collecting:
            gc.enable()
    if stored_key != key:
        return None
    return cat


def _write(folder: Path, path: Path, key: str, cat: Catalogue) -> None:
    import tempfile  # once per catalogue content; every other run only reads

    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError:
        return  # read-only, missing and not creatable, not a folder: run without a cache
    try:
        with os.fdopen(fd, "wb") as fh:
            _Pickler(fh, protocol=pickle.HIGHEST_PROTOCOL).dump((key, cat))
        os.replace(tmp, path)
    except Exception:  # noqa: BLE001 - a full disk or an unpicklable object: just no cache
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

    From the cache when an entry for exactly these files exists, else from source (validated;
    a broken catalogue raises :class:`~aeo_check.files.sourcefile.DataFileError` as ever) and then
    stored for the next run.
    """
    from aeo_check.catalogue.compiled import data_root

    base = (root or data_root()) / "questionnaires"
    folder = cache_dir()
    key = path = None
    if folder is not None and base.is_dir():
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
    an entry for exactly these files (see :mod:`aeo_check.catalogue.cache`), else from source."""
    return _cached(str(root) if root else None)
