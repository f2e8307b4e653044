"""``binder check``: what each document's folder holds, judged from names, sizes and dates."""

from __future__ import annotations

import datetime as dt
import os
import shutil

import pytest
from binder_files import ON, fill, make, result_of

from aeo_check.binder.check import check
from aeo_check.binder.index import INDEX, read_index
from aeo_check.files.sourcefile import DataFileError


def run(cat, root, result=None, on=ON):
    return check(cat, read_index(root, {i.id for i in cat.items}), on, result)


@pytest.fixture(scope="module", params=["advanced-manufacturer.yaml", "certified-trading.yaml"])
def made(request, cat, tmp_path_factory):
    """A filled binder per example, made once; each test gets its own copy."""
    result = result_of(cat, request.param)
    root = tmp_path_factory.mktemp("binder")
    make(cat, result, root)
    return result, root, fill(cat, root)


@pytest.fixture
def filled(made, tmp_path):
    result, root, files = made
    copy = tmp_path / "binder"
    shutil.copytree(root, copy, symlinks=True)
    return result, copy, {doc: copy / path.relative_to(root) for doc, path in files.items()}


def state(c, doc):
    return next(d for d in c.docs if d.doc == doc)


def test_a_filled_binder_is_complete(cat, filled):
    result, root, _ = filled
    c = run(cat, root, result)
    assert [d.doc for d in c.docs if d.state != "present"] == []
    assert c.complete


def test_a_removed_document_is_missing(cat, filled):
    result, root, files = filled
    files["商业伙伴名单"].unlink()
    c = run(cat, root)
    d = state(c, "商业伙伴名单")
    assert (d.state, d.why) == ("missing", "no_files")
    assert not c.complete


def test_a_document_folder_removed_with_its_files_is_missing(cat, filled):
    result, root, files = filled
    folder = files["商业伙伴名单"].parent
    files["商业伙伴名单"].unlink()
    folder.rmdir()
    d = state(run(cat, root), "商业伙伴名单")
    assert (d.state, d.why, d.detail["folder"]) == ("missing", "no_folder", folder.relative_to(root).as_posix())


def test_an_empty_file_is_named(cat, filled):
    result, root, files = filled
    files["商业伙伴名单"].write_bytes(b"")
    d = state(run(cat, root), "商业伙伴名单")
    assert (d.state, d.detail["file"]) == ("empty", files["商业伙伴名单"].relative_to(root).as_posix())


def test_records_that_do_not_reach_back_far_enough_are_stale(cat, filled):
    result, root, files = filled
    old = files["员工培训教材、签到表和记录"]
    short = old.with_name(old.name.split(" ")[0] + " 2026-03_2026-11.xlsx")
    old.rename(short)
    d = state(run(cat, root), "员工培训教材、签到表和记录")
    assert (d.state, d.why) == ("stale", "records_short")
    assert d.detail == {"start": dt.date(2026, 3, 1), "need": dt.date(2025, 12, 7), "months": 12}


def test_a_period_written_in_the_index_counts_over_the_file_name(cat, filled):
    result, root, files = filled
    index = root / INDEX
    text = index.read_text(encoding="utf-8")
    marker = '  - doc: "员工培训教材、签到表和记录"\n'
    assert marker in text
    index.write_text(text.replace(marker, marker + "    from: 2026-06-01\n    to: 2026-11-30\n"), encoding="utf-8")
    d = state(run(cat, root), "员工培训教材、签到表和记录")
    assert (d.state, d.detail["start"]) == ("stale", dt.date(2026, 6, 1))


def test_records_without_any_date_cannot_be_judged(cat, filled):
    result, root, files = filled
    f = files["员工培训教材、签到表和记录"]
    f.rename(f.with_name("培训签到表.xlsx"))
    assert state(run(cat, root), "员工培训教材、签到表和记录").state == "undated"


def test_a_procedure_dated_after_its_first_record_is_stale(cat, filled):
    result, root, files = filled
    f = files["贸易安全培训制度和年度培训计划"]
    f.rename(f.with_name("贸易安全培训制度 2026-06-01.pdf"))
    d = state(run(cat, root), "贸易安全培训制度和年度培训计划")
    assert (d.state, d.why) == ("stale", "procedure_after")
    assert d.detail == {"dated": dt.date(2026, 6, 1), "first": dt.date(2025, 12, 1)}


def test_the_file_modification_time_never_decides(cat, filled):
    result, root, files = filled
    f = files["员工培训教材、签到表和记录"]
    os.utime(f, (0, 0))  # 1970: a copy or a restore can set any time
    assert state(run(cat, root), "员工培训教材、签到表和记录").state == "present"


def test_an_item_answered_met_whose_documents_are_missing_is_a_claim_without_evidence(cat, filled):
    result, root, files = filled
    files["商业伙伴名单"].unlink()
    c = run(cat, root, result)
    item = next(i for i in c.items if i.item == "ts-partner-list")
    assert item.claimed and item.state == "missing"
    assert [i.item for i in c.items if i.claimed] == ["ts-partner-list"]
    assert not any(i.claimed for i in run(cat, root).items), "without the answers nothing is claimed"


def test_a_link_in_a_document_folder_is_unreadable_and_not_followed(cat, filled, tmp_path_factory):
    result, root, files = filled
    outside = tmp_path_factory.mktemp("elsewhere") / "secret.pdf"
    outside.write_bytes(b"%PDF-1.4 secret")
    f = files["商业伙伴名单"]
    f.unlink()
    f.symlink_to(outside)
    d = state(run(cat, root), "商业伙伴名单")
    assert (d.state, d.why) == ("unreadable", "file_link")


def test_a_document_the_answers_need_that_the_index_lacks_is_missing(cat, filled):
    result, root, files = filled
    index = root / INDEX
    text = index.read_text(encoding="utf-8")
    start = text.index('  - doc: "商业伙伴名单"')
    end = text.index("  - doc:", start + 1) if "  - doc:" in text[start + 1:] else len(text)
    index.write_text(text[:start] + text[end:], encoding="utf-8")
    d = state(run(cat, root, result), "商业伙伴名单")
    assert (d.state, d.why) == ("missing", "not_in_index")


def test_an_index_folder_leaving_the_binder_is_refused_with_its_line(cat, filled):
    result, root, files = filled
    index = root / INDEX
    text = index.read_text(encoding="utf-8")
    index.write_text(text.replace('folder: "', 'folder: "../', 1), encoding="utf-8")
    with pytest.raises(DataFileError) as exc:
        run(cat, root)
    (p,) = exc.value.problems
    assert (p.field, p.line) == ("documents[0].folder", text[: text.index('folder: "')].count("\n") + 1)


def test_an_unknown_item_in_the_index_is_refused(cat, filled):
    result, root, files = filled
    index = root / INDEX
    index.write_text(index.read_text(encoding="utf-8").replace("items: [", "items: [no-such-item, ", 1), encoding="utf-8")
    with pytest.raises(DataFileError, match="unknown item 'no-such-item'"):
        run(cat, root)


def test_states_map_onto_the_evidence_list(cat, filled):
    result, root, files = filled
    files["商业伙伴名单"].unlink()
    states = run(cat, root, result).evidence_states()
    assert states["商业伙伴名单"] == "missing"
    assert {v for k, v in states.items() if k != "商业伙伴名单"} == {"held"}


def test_the_evidence_list_with_the_binder_shows_held_documents_as_held(cat, filled):
    from aeo_check.binder.check import with_binder

    result, root, files = filled
    files["商业伙伴名单"].unlink()
    rows = with_binder(result.evidence_rows, run(cat, root, result).evidence_states())
    states = {row[2]: row[4] for row in rows}
    assert states["商业伙伴名单"] == "missing"
    answered = {row[2]: row[4] for row in result.evidence_rows}
    assert {d for d, s in states.items() if s == "held"} == {d for d, s in answered.items() if s != "na"} - {"商业伙伴名单"}
    assert [row[4] for row in rows] == sorted((row[4] for row in rows), key=["missing", "to_check", "held", "na"].index)
