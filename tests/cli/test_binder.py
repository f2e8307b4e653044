"""``aeo-check binder`` on the command line: outputs and exit codes a CI job can rely on."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from binder_files import fill

ROOT = Path(__file__).resolve().parents[2]
EXE = str(Path(sys.executable).parent / "aeo-check")
EXAMPLE = str(ROOT / "examples" / "advanced-manufacturer.yaml")


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([EXE, *args], capture_output=True, text=True, stdin=subprocess.DEVNULL,
                          env={"PATH": "/usr/bin:/bin", "COLUMNS": "200", "LANG": "C.UTF-8"})


@pytest.fixture(scope="module")
def binder(cat, tmp_path_factory):
    root = tmp_path_factory.mktemp("cli") / "binder"
    assert cli("binder", "init", EXAMPLE, "-o", str(root)).returncode == 0
    return root, fill(cat, root)


def test_init_says_what_it_added_and_the_second_run_adds_nothing(tmp_path):
    first = cli("binder", "init", EXAMPLE, "-o", str(tmp_path / "b"))
    assert first.returncode == 0 and "索引条目 146 条" in first.stdout
    second = cli("binder", "init", EXAMPLE, "-o", str(tmp_path / "b"))
    assert (second.returncode, second.stdout.splitlines()[-1]) == (0, "证据册已完整，没有需要新增的内容。")


def test_a_complete_binder_exits_0_and_a_gap_exits_1(binder):
    root, files = binder
    ok = cli("binder", "check", str(root), "--answers", EXAMPLE, "--on", "2026-12-07")
    assert ok.returncode == 0, ok.stdout[-2000:]
    assert "证据册完整" in ok.stdout
    moved = files["商业伙伴名单"].rename(root / "商业伙伴名单.pdf")
    try:
        gap = cli("binder", "check", str(root), "--answers", EXAMPLE, "--on", "2026-12-07", "--format", "json")
        assert gap.returncode == 1
        data = json.loads(gap.stdout)
        (doc,) = [d for d in data["documents"] if d["state"] != "present"]
        assert (doc["doc"], doc["state"], doc["why_text"]["en"]) == ("商业伙伴名单", "missing", "no file yet")
        assert [i["item"] for i in data["items"] if i["claim_without_evidence"]] == ["ts-partner-list"]
        github = cli("binder", "check", str(root), "--answers", EXAMPLE, "--on", "2026-12-07", "--format", "github")
        assert github.stdout.splitlines() == [
            f"::error file={root}/高级-67-商业伙伴名单/1-商业伙伴名单,title=aeo-check binder missing::"
            "Partner list / 商业伙伴名单: no file yet",
            "::error title=aeo-check binder claim::Advanced 67 Partner list: answered as met, but its evidence is missing"]
        junit = ET.fromstring(cli("binder", "check", str(root), "--answers", EXAMPLE, "--on", "2026-12-07",
                                  "--format", "junit").stdout)
        assert junit.get("failures") == "1"
        (failed,) = [c for c in junit.iter("testcase") if c.find("failure") is not None]
        assert failed.get("name") == "Advanced 67 Partner list"
    finally:
        moved.rename(files["商业伙伴名单"])


def test_an_invalid_index_exits_2_naming_file_line_and_field(tmp_path):
    root = tmp_path / "b"
    root.mkdir()
    (root / "binder.yaml").write_text("format: aeo-check/binder/1\nstandard: x\nlanguage: fr\nenterprise: y\n"
                                      "documents: []\n", encoding="utf-8")
    res = cli("binder", "check", str(root))
    assert res.returncode == 2
    assert f"{root}/binder.yaml:3" in res.stderr and "language" in res.stderr


def test_a_folder_that_is_not_a_binder_exits_2(tmp_path):
    res = cli("binder", "check", str(tmp_path))
    assert res.returncode == 2 and "binder.yaml" in res.stderr


def test_pack_twice_gives_the_same_bytes_and_a_link_outside_exits_2_by_name(binder, tmp_path):
    root, files = binder
    a, b = tmp_path / "a.zip", tmp_path / "b.zip"
    assert cli("binder", "pack", str(root), "-o", str(a)).returncode == 0
    assert cli("binder", "pack", str(root), "-o", str(b)).returncode == 0
    assert a.read_bytes() == b.read_bytes()
    link = root / "高级-48-视频监控" / "布点图.pdf"
    link.symlink_to("/etc/passwd")
    try:
        res = cli("binder", "pack", str(root), "-o", str(tmp_path / "c.zip"))
    finally:
        link.unlink()
    assert res.returncode == 2
    assert "高级-48-视频监控/布点图.pdf" in res.stderr and "/etc/passwd" in res.stderr
    assert not (tmp_path / "c.zip").exists() and not (tmp_path / "c.zip.part").exists()


def test_pack_refuses_to_write_inside_the_binder(binder):
    root, _ = binder
    res = cli("binder", "pack", str(root), "-o", str(root / "binder.zip"))
    assert res.returncode == 2 and not (root / "binder.zip").exists()


def _report_evidence(cat, answers: str, root=None) -> dict[str, str]:
    """The report's evidence checklist (its page's rows: document → state), as report builds it."""
    from aeo_check.cli.binder import binder_states
    from aeo_check.document.resultfile import read_one
    from aeo_check.views.pdf.report import build_context

    doc = read_one(cat, Path(answers), binder=binder_states(cat, root))
    return {e["doc"]: e["state"] for e in build_context(cat, doc.data, "en", None, True)["evidence"]}


def test_the_report_with_the_binder_shows_held_documents_as_held_and_agrees_with_check(cat, tmp_path):
    trading = str(ROOT / "examples" / "certified-trading.yaml")
    root = tmp_path / "binder"
    assert cli("binder", "init", trading, "-o", str(root)).returncode == 0
    files = fill(cat, root)
    files["商业伙伴名单"].unlink()
    before, after = _report_evidence(cat, trading), _report_evidence(cat, trading, root)
    ratios = "Workings for the four solvency ratios"
    assert (before[ratios], after[ratios]) == ("missing", "held")  # the answers say missing; the binder holds it
    assert (before["Partner list"], after["Partner list"]) == ("held", "missing")
    check = json.loads(cli("binder", "check", str(root), "--answers", trading, "--format", "json").stdout)
    shown = {"present": "held", "undated": "to_check", "na": "na"}
    listed = {k: v for k, v in after.items() if v != "na"}  # the binder has no folder for what cannot exist
    assert listed == {d["en"]: shown.get(d["state"], "missing") for d in check["documents"]}
    score = json.loads(cli("score", trading, "--format", "json", "--binder", str(root)).stdout)
    score = score[0] if isinstance(score, list) else score
    assert {e["en"]: e["state"] for e in score["evidence"]} == after


def test_binder_goes_with_one_answer_file(tmp_path):
    res = cli("score", EXAMPLE, EXAMPLE, "--binder", str(tmp_path))
    assert res.returncode == 2 and "--binder" in res.stderr


def test_markup_in_the_binder_folder_name_is_printed_as_written(tmp_path):
    root = tmp_path / "[red]客户甲"
    assert cli("binder", "init", EXAMPLE, "-o", str(root)).returncode == 0
    res = cli("binder", "check", str(root), "--on", "2026-12-07")
    assert res.returncode == 1
    assert f"证据册检查：{root}（检查日 2026-12-07）" in res.stdout
