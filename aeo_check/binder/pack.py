"""``binder pack``: the binder as one byte-reproducible zip archive.

Every file under the binder, in path order, with a fixed timestamp and mode, streamed in chunks
(memory does not grow with file size) while its SHA-256 is computed; then the table of contents
(made by the caller from those hashes) and a manifest. Symbolic links, devices, pipes and sockets
are refused by name before anything is written, never followed.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from aeo_check.binder.index import INDEX

#: the time every entry carries (the earliest a zip can hold), so the bytes do not depend on
#: when the binder was packed
STAMP = (1980, 1, 1, 0, 0, 0)
CHUNK = 1 << 20


class Refused(Exception):
    """The binder holds things that cannot go into an archive; ``names`` lists each."""

    def __init__(self, names: list[tuple[str, str]]) -> None:
        self.names = names
        super().__init__("; ".join(f"{path}: {why}" for path, why in names))


@dataclass(frozen=True, slots=True)
class Packed:
    path: str  # relative to the binder, '/'-separated
    size: int
    sha256: str


def members(root: Path) -> list[tuple[str, int]]:
    """Every regular file under ``root`` as (relative path, size), in path order; :class:`Refused`
    naming every link, device, pipe or socket (and unreadable folder) found."""
    out: list[tuple[str, int]] = []
    refused: list[tuple[str, str]] = []
    pending = [""]
    while pending:
        here = pending.pop()
        try:
            with os.scandir(os.path.join(root, here)) as it:
                entries = list(it)
        except OSError as exc:
            refused.append((here or ".", f"cannot be read ({exc.strerror or exc})"))
            continue
        for e in entries:
            path = f"{here}/{e.name}" if here else e.name
            st = e.stat(follow_symlinks=False)
            if stat.S_ISLNK(st.st_mode):
                refused.append((path, f"is a symbolic link (to {os.readlink(e.path)}); links are not followed"))
            elif stat.S_ISDIR(st.st_mode):
                pending.append(path)
            elif stat.S_ISREG(st.st_mode):
                out.append((path, st.st_size))
            else:
                refused.append((path, "is not a regular file (a device, pipe or socket)"))
    if refused:
        raise Refused(sorted(refused))
    out.sort(key=lambda m: m[0].encode("utf-8", "surrogateescape"))
    return out


def _info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=STAMP)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # unix, so the mode below is read as such
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    return info


def _stream(zf: zipfile.ZipFile, root: Path, path: str, name: str, size: int) -> str:
    digest = hashlib.sha256()
    with open(os.path.join(root, path), "rb") as src, zf.open(_info(name), "w", force_zip64=size >= 1 << 31) as dst:
        _copy(src, dst, digest)
    return digest.hexdigest()


def _copy(src: IO[bytes], dst: IO[bytes], digest: hashlib._Hash) -> None:
    while chunk := src.read(CHUNK):
        digest.update(chunk)
        dst.write(chunk)


#: makes the extra entries (table of contents) from the packed files: name → bytes
Extras = Callable[[list[Packed]], list[tuple[str, bytes]]]


#: the folder of the archive that holds the binder's own files; the table of contents and the
#: manifest sit beside it, so no file of the binder can take their place
TOP = "binder/"


def pack(root: Path, out: IO[bytes], extras: Extras) -> list[Packed]:
    """Write the archive of the binder at ``root`` to ``out``: its files under ``binder/``, then
    the ``extras``, then ``manifest.json`` (every entry with its size and SHA-256)."""
    files = members(root)
    packed = []
    with zipfile.ZipFile(out, "w", compresslevel=6) as zf:
        for path, size in files:
            packed.append(Packed(path, size, _stream(zf, root, path, TOP + path, size)))
        extra = extras(packed)
        for name, data in extra:
            zf.writestr(_info(name), data)
        listing = [{"path": TOP + p.path, "size": p.size, "sha256": p.sha256} for p in packed]
        listing += [{"path": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
                    for name, data in extra]
        manifest = {"format": "aeo-check/binder-pack/1", "index": TOP + INDEX, "files": listing}
        zf.writestr(_info("manifest.json"),
                    json.dumps(manifest, ensure_ascii=False, indent=1).encode() + b"\n")
    return packed
