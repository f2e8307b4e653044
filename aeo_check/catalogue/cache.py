"""The frozen catalogue, cached between runs as data.

Loading ``questionnaires/`` from source parses 21 YAML files, validates them with pydantic,
cross-checks them and compiles a few hundred rule expressions: about 100 ms, on every run. The
result is the same for the same files, so it is stored once per catalogue content and reused.
What is stored is the catalogue frozen into plain records (:mod:`.compiled`) written as JSON
(:mod:`.datacache`): data only, so an entry can never run code, whoever wrote it; each rule
expression passes the catalogue's own whitelist again before it is first compiled.

- The key is a hash of every file under ``questionnaires/`` (path and bytes), the package
  version, the Python version and the source of the modules that shape the records: a changed
  catalogue file, an upgrade or an edited model gives another key, so an entry is never stale.
  The key is stored inside the entry too and checked on load. The hash is remembered by the
  files' stamps (:func:`remembered_key`), so a run that finds them unchanged stats the files
  instead of reading them.
- The folder, who may use it and how an entry is written are those of every per-user cache
  (:mod:`aeo_check.files.usercache`): the user's own folder, never a link or an entry others may
  write; otherwise the catalogue is built in memory, as it is when nothing can be read or written.

``python -m aeo_check.catalogue`` always validates from source and never uses this cache.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from aeo_check.files.usercache import read_entry, usable_folder, write_entry

if TYPE_CHECKING:  # pragma: no cover
    from aeo_check.catalogue.compiled import Catalogue

_PREFIX = "catalogue-"
_SUFFIX = ".json"
_PACKAGE = Path(__file__).resolve().parent.parent
#: modules that shape the stored records; their source is part of the key
_CODE = ("catalogue/models.py", "catalogue/compiled.py", "catalogue/vocab.py", "catalogue/expr.py",
         "catalogue/loader.py", "catalogue/cache.py", "catalogue/ops.py", "catalogue/datacache.py")


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
    for path in _data_files(base):
        with open(path, "rb") as fh:
            data = fh.read()
        h.update(os.path.relpath(path, base).encode("utf-8", "surrogateescape") + b"\0")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def _data_files(base: Path) -> list[str]:
    files = []
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames.sort()
        for name in filenames:
            files.append(os.path.join(dirpath, name))
    return sorted(files)


_STAMP_PREFIX = "stamp-"
_STAMP_SUFFIX = ".key"
#: a file changed this recently (nanoseconds) may change again within the same file time: not remembered
RECENT_NS = 2_000_000_000


def remembered_key(base: Path, folder: Path) -> str:
    """:func:`catalogue_key`, remembered in ``folder`` by the stamps of the files it hashes
    (size, inode, modification and change times): hashing half a megabyte is most of a cache load,
    a stat of each file a hundredth of it. Any change to a file changes its change time, so a stamp
    never outlives the content it was taken of."""
    stamp = _stamp(base)
    if stamp is None:
        return catalogue_key(base)
    mark = hashlib.sha256(stamp.encode("utf-8", "surrogateescape")).hexdigest()
    path = folder / f"{_STAMP_PREFIX}{mark[:32]}{_STAMP_SUFFIX}"
    body = read_entry(path, mark)
    if body is not None and len(body) == 64 and all(c in b"0123456789abcdef" for c in body):
        return body.decode("ascii")
    key = catalogue_key(base)
    write_entry(path, mark, key.encode("ascii"), _STAMP_PREFIX)
    return key


def _stamp(base: Path) -> str | None:
    """Every file :func:`catalogue_key` reads, by name and status; None when one of them changed
    within :data:`RECENT_NS` (then it is hashed, as it always may be)."""
    import time

    from aeo_check import __version__

    now = time.time_ns()
    lines = [f"aeo-check/catalogue-stamp/1 {__version__} {sys.version} {base}"]
    for path in [*(str(_PACKAGE / rel) for rel in _CODE), *_data_files(base)]:
        st = os.stat(path)
        if now - max(st.st_mtime_ns, st.st_ctime_ns) < RECENT_NS:
            return None
        lines.append(f"{path}\0{st.st_size}\0{st.st_ino}\0{st.st_mtime_ns}\0{st.st_ctime_ns}")
    return "\n".join(lines)


def _read(path: Path, key: str) -> Catalogue | None:
    import gc

    from aeo_check.catalogue.compiled import Catalogue
    from aeo_check.catalogue.datacache import loads

    collecting = gc.isenabled()
    gc.disable()  # tens of thousands of new objects and no garbage: collections would only walk them
    try:
        body = read_entry(path, key)
        return None if body is None else Catalogue(root=path, **loads(body, str(path)))
    except (ValueError, RecursionError):  # damaged or foreign: rebuilt, never trusted
        return None
    finally:
        if collecting:
            gc.enable()


def _write(path: Path, key: str, cat: Catalogue) -> None:
    from aeo_check.catalogue.datacache import dumps

    try:
        body = dumps(cat).encode("utf-8")
    except (TypeError, ValueError):  # something the data format cannot hold: just no cache
        return
    write_entry(path, key, body, _PREFIX)


def load(root: Path | None = None) -> Catalogue:
    """The compiled catalogue of ``root/questionnaires`` (default: the packaged one).

    From the cache when an entry for exactly these files exists in a folder the user owns, else
    from source (validated; a broken catalogue raises
    :class:`~aeo_check.files.sourcefile.DataFileError` as ever) and then stored for the next run.
    """
    from aeo_check.catalogue.compiled import data_root

    base = (root or data_root()) / "questionnaires"
    folder = usable_folder() if base.is_dir() else None
    key = path = None
    if folder is not None:
        try:
            key = remembered_key(base, folder)
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
    if key is not None and path is not None:
        _write(path, key, cat)
    return cat


@functools.lru_cache(maxsize=4)
def _cached(root: str | None) -> Catalogue:
    return load(Path(root) if root else None)


def get_catalogue(root: Path | None = None) -> Catalogue:
    """The compiled catalogue, loaded once per process: from the per-user cache when it holds
    an entry for exactly these files, else from source."""
    return _cached(str(root) if root else None)
