"""``binder pack``: the same binder gives the same bytes; links and devices are refused by name."""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile

import pytest
from binder_files import fill, make, result_of

from aeo_check.binder.index import read_index
from aeo_check.binder.pack import Refused, members, pack


def packed(cat, root) -> bytes:
    from aeo_check.views.pdf import binder_toc

    index = read_index(root, {i.id for i in cat.items}).index
    buf = io.BytesIO()
    pack(root, buf, binder_toc.extras(cat, index))
    return buf.getvalue()


@pytest.fixture(scope="module")
def binder(cat, tmp_path_factory):
    root = tmp_path_factory.mktemp("binder")
    make(cat, result_of(cat, "certified-trading.yaml"), root)
    fill(cat, root)
    return root


def test_packing_twice_gives_identical_bytes(cat, binder):
    first = packed(cat, binder)
    os.utime(next(binder.rglob("*.xlsx")), (1_800_000_000, 1_800_000_000))  # times do not count
    assert packed(cat, binder) == first


def test_the_archive_holds_every_file_with_its_hash_the_contents_and_a_manifest(cat, binder):
    zf = zipfile.ZipFile(io.BytesIO(packed(cat, binder)))
    names = zf.namelist()
    assert names[-3:] == ["contents.html", "contents.pdf", "manifest.json"]
    assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    manifest = json.loads(zf.read("manifest.json"))
    files = {f["path"]: f for f in manifest["files"]}
    some = next(binder.rglob("*.xlsx"))
    rel = "binder/" + some.relative_to(binder).as_posix()
    assert files[rel]["sha256"] == hashlib.sha256(some.read_bytes()).hexdigest()
    assert zf.read(rel) == some.read_bytes()
    page = zf.read("contents.html").decode()
    assert files[rel]["sha256"] in page and "证据册目录 / Evidence binder: contents" in page
    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(zf.read("contents.pdf"))).pages)
    assert files[rel]["sha256"][:16] in text.replace("\n", "")


def test_a_link_pointing_outside_is_refused_by_name_and_not_followed(cat, binder, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("do not pack me")
    link = binder / "高级-27-未列入信用信息异常名录" / "查询结果.pdf" if (binder / "高级-27-未列入信用信息异常名录").exists() \
        else next(p for p in binder.iterdir() if p.is_dir()) / "查询结果.pdf"
    link.symlink_to(secret)
    try:
        with pytest.raises(Refused) as exc:
            packed(cat, binder)
        (path, why), = exc.value.names
        assert path == link.relative_to(binder).as_posix()
        assert "symbolic link" in why and str(secret) in why
    finally:
        link.unlink()


def test_a_pipe_is_refused_by_name(tmp_path):
    (tmp_path / "a").mkdir()
    os.mkfifo(tmp_path / "a" / "pipe")
    (tmp_path / "a" / "ok.pdf").write_bytes(b"x")
    with pytest.raises(Refused) as exc:
        members(tmp_path)
    assert exc.value.names == [("a/pipe", "is not a regular file (a device, pipe or socket)")]


def test_packing_streams_a_large_file_without_holding_it(tmp_path):
    import tracemalloc

    (tmp_path / "高级-10-内部审计" / "1-年度内部审计报告").mkdir(parents=True)
    big = tmp_path / "高级-10-内部审计" / "1-年度内部审计报告" / "内审底稿扫描件 2026-06-30.pdf"
    with open(big, "wb") as fh:
        fh.truncate(64 << 20)  # 64 MiB (sparse: nothing is written to the disk)
    out = tmp_path.parent / f"{tmp_path.name}.zip"
    tracemalloc.start()
    try:
        with open(out, "wb") as fh:
            (packed,) = pack(tmp_path, fh, lambda packed: [])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        out.unlink()
    assert packed.size == 64 << 20
    assert packed.sha256 == hashlib.sha256(bytes(64 << 20)).hexdigest()
    assert peak < 8 << 20, f"{peak:,} bytes held while packing a 64 MiB file"
