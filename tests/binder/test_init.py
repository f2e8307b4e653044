"""``binder init``: one folder per item that needs evidence, a README.md in each, the index; run
again, it only adds."""

from __future__ import annotations

import dataclasses
import hashlib
import os
from pathlib import Path

import pytest
from binder_files import ROOT, fill, make, result_of

from aeo_check.answers.read import load_answers
from aeo_check.binder.index import INDEX, read_index
from aeo_check.files.sourcefile import DataFileError
from aeo_check.scoring.engine import score


def tree(root):
    """Every file under ``root`` with its bytes' hash, and every folder."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for d in dirnames:
            out[os.path.relpath(os.path.join(dirpath, d), root)] = "dir"
        for f in filenames:
            path = os.path.join(dirpath, f)
            out[os.path.relpath(path, root)] = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    return out


@pytest.fixture(scope="module")
def manufacturer(cat):
    return result_of(cat, "advanced-manufacturer.yaml")


def test_each_item_gets_a_folder_named_by_standard_number_and_title_in_the_answers_language(cat, manufacturer, tmp_path):
    make(cat, manufacturer, tmp_path)
    folders = sorted(p.name for p in tmp_path.iterdir() if p.is_dir())
    assert "高级-27-未列入信用信息异常名录" in folders
    assert "高级-48-视频监控" in folders
    assert "进出口商品检验-02-商品检验不良结果" in folders


def test_an_english_answer_file_gives_english_folder_names(cat, tmp_path):
    make(cat, result_of(cat, "certified-trading.yaml"), tmp_path)
    names = {p.name for p in tmp_path.iterdir()}
    assert "Advanced-27-Not on the abnormal-credit list" in names
    assert not any("高级" in n for n in names)


def test_the_readme_lists_each_document_with_its_folder_owner_and_record_period(cat, manufacturer, tmp_path):
    make(cat, manufacturer, tmp_path)
    text = (tmp_path / "高级-03-岗位人员掌握海关规定" / "README.md").read_text(encoding="utf-8")
    assert "**年度海关法规培训计划、签到表和考核记录**" in text
    assert "文件夹：高级-03-岗位人员掌握海关规定/1-年度海关法规培训计划、签到表和考核记录" in text
    assert "通常由谁负责：人力资源" in text
    assert "记录期间：从检查日向前至少12个月" in text


def test_a_document_two_items_need_is_kept_once_and_the_other_readme_points_to_it(cat, manufacturer, tmp_path):
    make(cat, manufacturer, tmp_path)
    index = read_index(tmp_path, {i.id for i in cat.items}).index
    shared = next(e for e in index.documents if e.doc == "单证归档和保管制度")
    assert shared.items == ["ic-record-keeping", "cmp-records-destroyed"]
    other = (tmp_path / "高级-31-不转移毁弃资料" / "README.md").read_text(encoding="utf-8")
    assert f"与其他条目共用，存放在：{shared.folder}" in other


def test_init_twice_leaves_every_user_file_and_edit_untouched(cat, manufacturer, tmp_path):
    make(cat, manufacturer, tmp_path)
    fill(cat, tmp_path)
    readme = tmp_path / "高级-48-视频监控" / "README.md"
    readme.write_text("我们自己的说明\n", encoding="utf-8")
    index = tmp_path / INDEX
    index.write_text(index.read_text(encoding="utf-8").replace(
        "items: [ic-staff-competence]", "items: [ic-staff-competence]\n    note: \"人力资源部每季度更新\""), encoding="utf-8")
    (tmp_path / "高级-48-视频监控" / "现场照片").mkdir()
    (tmp_path / "高级-48-视频监控" / "现场照片" / "大门.jpg").write_bytes(b"\xff\xd8\xff\xe0jpeg")
    before = tree(tmp_path)
    made = make(cat, manufacturer, tmp_path)
    assert (made.folders, made.readmes, made.entries, made.index_created) == ([], [], [], False)
    assert tree(tmp_path) == before


def test_init_again_after_the_answers_change_only_appends_the_new_documents(cat, manufacturer, tmp_path):
    make(cat, manufacturer, tmp_path)
    fill(cat, tmp_path)
    before = tree(tmp_path)
    old_index = (tmp_path / INDEX).read_text(encoding="utf-8")
    a = load_answers(ROOT / "examples" / "advanced-manufacturer.yaml", cat)
    changed = score(cat, dataclasses.replace(a, answers=dict(a.answers, duty_recovered_12m=20000)))
    made = make(cat, changed, tmp_path)
    assert made.entries == ["高级-24-追征税款/1-海关追征税款决定或补税缴款书"]
    new_index = (tmp_path / INDEX).read_text(encoding="utf-8")
    assert new_index.startswith(old_index)
    after = tree(tmp_path)
    assert {k: v for k, v in after.items() if k in before and k != INDEX} == {k: v for k, v in before.items() if k != INDEX}
    assert all(k in after for k in before)


def test_a_file_where_a_folder_should_go_is_named_and_left_alone(cat, manufacturer, tmp_path):
    (tmp_path / "高级-48-视频监控").write_bytes(b"not a folder")
    with pytest.raises(DataFileError, match="高级-48-视频监控.*not a folder"):
        make(cat, manufacturer, tmp_path)
    assert (tmp_path / "高级-48-视频监控").read_bytes() == b"not a folder"
