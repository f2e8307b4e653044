"""The zip check a workbook passes before any reader sees it."""

from __future__ import annotations

import io
import zipfile

import pytest
from zips import zip_bytes

from aeo_check.files.zipcheck import MAX_ENTRIES, MAX_ENTRY_BYTES, MAX_TOTAL_BYTES, ZipRefused, check_zip


def test_a_package_within_every_limit_passes():
    check_zip(zip_bytes({"xl/workbook.xml": b"<workbook/>", "xl/worksheets/sheet1.xml": b"<worksheet/>" * 1000}))
    check_zip(zip_bytes({"a.xml": b"<a/>"}, zipfile.ZIP_STORED))


@pytest.mark.parametrize(("entries", "method", "message"), [
    ({f"e{i}": b"" for i in range(MAX_ENTRIES + 1)}, zipfile.ZIP_STORED,
     f"has {MAX_ENTRIES + 1} entries; the limit is {MAX_ENTRIES}"),
    ({"a.xml": b"<a/>"}, zipfile.ZIP_BZIP2,
     "entry 'a.xml' is compressed with method 12; only stored and deflate entries are read"),
    ({"a.xml": b"<a/>"}, zipfile.ZIP_LZMA,
     "entry 'a.xml' is compressed with method 14; only stored and deflate entries are read"),
    ({"a.xml": b" " * (MAX_ENTRY_BYTES + 1)}, zipfile.ZIP_DEFLATED,
     f"entry 'a.xml' unpacks to {MAX_ENTRY_BYTES + 1:,} bytes; the limit is {MAX_ENTRY_BYTES:,}"),
    ({f"{i}.bin": b" " * MAX_ENTRY_BYTES for i in range(3)}, zipfile.ZIP_DEFLATED,
     f"unpacks to more than {MAX_TOTAL_BYTES:,} bytes in all, the limit"),
    ({"x.xml": b'<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'}, zipfile.ZIP_DEFLATED,
     "part 'x.xml' declares a DTD; spreadsheet programs never write one"),
])
def test_a_package_past_a_limit_is_refused_saying_which(entries, method, message):
    with pytest.raises(ZipRefused) as info:
        check_zip(zip_bytes(entries, method))
    assert str(info.value) == message


def test_a_dtd_split_across_two_chunks_is_still_found():
    with pytest.raises(ZipRefused, match="declares a DTD"):
        check_zip(zip_bytes({"x.xml": b" " * (64 * 1024 - 4) + b"<!DOCTYPE x><x/>"}))


def test_an_entry_that_inflates_past_what_it_claims_is_refused():
    raw = bytearray(zip_bytes({"x.xml": b"<x/>" + b" " * 100_000}))
    z = zipfile.ZipFile(io.BytesIO(bytes(raw)))
    info = z.getinfo("x.xml")
    raw[info.header_offset + 22:info.header_offset + 26] = (10).to_bytes(4, "little")  # local header
    cd = bytes(raw).index(b"PK\x01\x02")
    raw[cd + 24:cd + 28] = (10).to_bytes(4, "little")  # and central directory claim 10 bytes
    with pytest.raises(ZipRefused, match="entry 'x.xml' is damaged"):
        check_zip(bytes(raw))


def test_what_is_not_a_zip_is_refused():
    with pytest.raises(ZipRefused, match="not a zip package"):
        check_zip(b"PK\x03\x04" + b"\xff" * 100)


def test_a_directory_that_says_it_starts_past_the_file_is_refused():
    # the end record's offset of the central directory, damaged: every entry then lies before the
    # start of the file, and zipfile's seek there raises ValueError, not one of its own errors
    raw = bytearray(zip_bytes({"a.xml": b"<a/>", "b.xml": b"<b/>"}))
    end = bytes(raw).rindex(b"PK\x05\x06")
    raw[end + 16:end + 20] = (0x8005A3E7).to_bytes(4, "little")
    with pytest.raises(ZipRefused, match="entry 'a.xml' is damaged"):
        check_zip(bytes(raw))
