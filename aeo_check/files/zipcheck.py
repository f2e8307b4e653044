"""A zip package checked before anything reads it: few entries, plain compression, bounded size.

A workbook (``.xlsx``) is a zip. Its central directory states each entry's compression method
and inflated size, and both may lie: a bzip2 or LZMA entry, or a deflate entry that inflates
to a thousand times what it claims, can cost gigabytes before a reader notices. So, before a
reader sees the bytes, :func:`check_zip` holds the package to :data:`MAX_ENTRIES` entries, to
the methods Excel, WPS and LibreOffice write (stored and deflate), to unique entry names, and
inflates every entry in chunks, counting what really comes out against
:data:`MAX_ENTRY_BYTES` and :data:`MAX_TOTAL_BYTES`. It stops at the first byte past a limit,
so a package costs at most one chunk of memory more than the limit, whatever it claims. An
XML part that declares a DTD is refused on the way: spreadsheet programs never write one, and
entity expansion is where XML readers run away or start to disagree.
"""

from __future__ import annotations

import io
import zipfile
import zlib

#: entries in one package (a filled questionnaire has about 20)
MAX_ENTRIES = 200
#: bytes one entry may inflate to (a questionnaire's largest sheet is under 1 MB)
MAX_ENTRY_BYTES = 8 * 2**20
#: bytes all entries together may inflate to (a filled questionnaire unpacks to under 2 MB)
MAX_TOTAL_BYTES = 16 * 2**20
#: compression methods read: stored and deflate (what spreadsheet programs write)
METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflate"}
_CHUNK = 64 * 1024
_DTD = b"<!DOCTYPE"


class ZipRefused(ValueError):
    """The package breaks one of the limits, or is not a zip; the message says which."""


def check_zip(raw: bytes) -> None:
    """Raise :class:`ZipRefused` unless ``raw`` is a zip within every limit above."""
    try:
        z = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
        raise ZipRefused("not a zip package") from None
    with z:
        infos = z.infolist()
        _check_directory(infos)
        total = 0
        for info in infos:
            total += _inflated_size(z, info, MAX_TOTAL_BYTES - total)


def _check_directory(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_ENTRIES:
        raise ZipRefused(f"has {len(infos):,} entries; the limit is {MAX_ENTRIES}")
    names = set()
    for info in infos:
        if info.compress_type not in METHODS:
            raise ZipRefused(f"entry {info.filename!r} is compressed with method {info.compress_type}; "
                             "only stored and deflate entries are read")
        if info.flag_bits & 0x1:
            raise ZipRefused(f"entry {info.filename!r} is encrypted")
        if info.filename in names:
            raise ZipRefused(f"entry {info.filename!r} appears twice")
        names.add(info.filename)
        if info.file_size > MAX_ENTRY_BYTES:
            raise ZipRefused(f"entry {info.filename!r} unpacks to {info.file_size:,} bytes; "
                             f"the limit is {MAX_ENTRY_BYTES:,}")


def _inflated_size(z: zipfile.ZipFile, info: zipfile.ZipInfo, room: int) -> int:
    """The bytes ``info`` really inflates to, counted in chunks; refused past either limit."""
    limit = min(MAX_ENTRY_BYTES, room)
    size = 0
    xml = info.filename.endswith((".xml", ".rels"))
    tail = b""
    try:
        with z.open(info) as fh:
            while chunk := fh.read(_CHUNK):
                size += len(chunk)
                if xml and _DTD in tail + chunk:
                    raise ZipRefused(f"part {info.filename!r} declares a DTD; spreadsheet programs never write one")
                tail = chunk[-len(_DTD):]
                if size > limit:
                    raise ZipRefused(f"entry {info.filename!r} unpacks to more than {MAX_ENTRY_BYTES:,} bytes, "
                                     "the limit" if limit == MAX_ENTRY_BYTES else
                                     f"unpacks to more than {MAX_TOTAL_BYTES:,} bytes in all, the limit")
    except ZipRefused:
        raise
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError, ValueError) as exc:
        # ValueError: a directory whose offsets lie before the file makes zipfile seek there
        raise ZipRefused(f"entry {info.filename!r} is damaged ({type(exc).__name__})") from None
    return size
