"""`score` over many files streams, in order, in one or several processes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from aeo_check.answers.read import load_answers
from aeo_check.catalogue import get_catalogue
from aeo_check.runs import batch
from aeo_check.scoring import score

ROOT = Path(__file__).resolve().parents[2]
EXE = str(Path(sys.executable).parent / "aeo-check")
EXAMPLES = sorted(str(p) for p in (ROOT / "examples").glob("*.yaml"))


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([EXE, *args], capture_output=True, text=True, cwd=cwd, stdin=subprocess.DEVNULL,
                          env={"PATH": "/usr/bin:/bin", "COLUMNS": "120", "LANG": "C.UTF-8"})


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> list[str]:
    """17 files: the five examples three times over (copies with their own names), one invalid
    file in the middle and one missing file at the end: enough for the default to go parallel."""
    folder = tmp_path_factory.mktemp("many")
    paths = []
    for round_ in range(3):
        for p in EXAMPLES:
            dst = folder / f"{round_}-{Path(p).name}"
            dst.write_text(Path(p).read_text(encoding="utf-8"), encoding="utf-8")
            paths.append(str(dst))
    bad = folder / "bad.yaml"
    bad.write_text(Path(EXAMPLES[1]).read_text(encoding="utf-8").replace("assessed_on: 2026-11-20",
                                                                         "assessed_on: someday"), encoding="utf-8")
    paths.insert(8, str(bad))
    paths.append(str(folder / "missing.yaml"))
    return paths


def test_jsonl_is_one_document_per_line_in_the_order_given():
    order = [EXAMPLES[3], EXAMPLES[0], EXAMPLES[4]]
    res = cli("score", *order, "--format", "jsonl")
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert len(lines) == 3 and res.stdout.endswith("\n")
    docs = [json.loads(line) for line in lines]
    assert [d["file"] for d in docs] == order
    assert [d["tier"] for d in docs] == ["discredited", "advanced", "regular"]
    assert all(d["format"] == "aeo-check/result/2" for d in docs)


def test_json_is_an_array_streamed_one_result_per_line():
    res = cli("score", *EXAMPLES, "--format", "json")
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == len(EXAMPLES) + 2
    assert all(line.endswith(",") for line in lines[1:-2]) and not lines[-2].endswith(",")
    assert [d["file"] for d in json.loads(res.stdout)] == EXAMPLES
    missing = cli("score", "missing.yaml", "--format", "json")  # an unreadable file appears, with its problem
    assert missing.returncode == 2 and "missing.yaml: file not found" in missing.stderr
    assert json.loads(missing.stdout) == [{"file": "missing.yaml", "format": "aeo-check/result/2", "valid": False,
                                           "problems": [{"file": "missing.yaml", "line": None, "field": "",
                                                         "message": "file not found"}]}]


@pytest.mark.parametrize("fmt", [["--format", "jsonl"], ["--format", "json"], [], ["--detail"],
                                 ["--fail-below", "certified", "--lang", "zh"]])
def test_two_jobs_give_the_same_bytes_as_one(many, fmt):
    one = cli("score", *many, "-j", "1", *fmt)
    two = cli("score", *many, "-j", "2", *fmt)
    default = cli("score", *many, *fmt)  # 17 files: one job per core
    assert one.returncode == two.returncode == default.returncode == 2  # the invalid and the missing file
    assert one.stdout == two.stdout == default.stdout and len(one.stdout) > 1000
    assert one.stderr == two.stderr == default.stderr
    bad_line = next(i for i, line in enumerate(Path(EXAMPLES[1]).read_text(encoding="utf-8").splitlines(), 1)
                    if line.startswith("assessed_on:"))
    if "zh" in fmt:  # --lang zh: a person's table, so the problems are in Chinese too
        assert f"bad.yaml:{bad_line}: assessed_on: 应为日期 YYYY-MM-DD" in one.stderr
        assert "missing.yaml: 找不到文件" in one.stderr
    else:
        assert f"bad.yaml:{bad_line}: assessed_on: expected a date YYYY-MM-DD" in one.stderr
        assert "missing.yaml: file not found" in one.stderr
    assert "Traceback" not in one.stderr + two.stderr


def test_every_file_of_a_batch_is_scored_and_the_exit_code_is_the_worst(many):
    res = cli("score", *many, "--format", "jsonl", "-j", "2")
    records = [json.loads(line) for line in res.stdout.splitlines()]
    assert [r["file"] for r in records] == many  # every file, in order
    assert [r["file"] for r in records if r.get("valid") is False] == [p for p in many
                                                                        if p.endswith(("bad.yaml", "missing.yaml"))]
    assert res.returncode == 2
    guard = cli("score", *EXAMPLES, "--fail-below", "advanced", "-j", "2")
    assert guard.returncode == 1 and guard.stderr.strip() == "tier below advanced / 信用等级低于 advanced"


def test_many_files_one_line_each_one_file_the_panel():
    res = cli("score", *EXAMPLES)
    lines = res.stdout.splitlines()
    assert len(lines) == 1 + len(EXAMPLES) + 1  # header, a line per file, the summary
    assert lines[0].split() == ["File", "Advanced", "Certified", "Likely", "tier", "·", "Enterprise"]
    trading = next(line for line in lines if "certified-trading" in line)
    assert trading.split()[1:5] == ["100", "✗", "102", "✓"]
    assert trading.endswith("Certified Enterprise · Ningbo Harbour Light Trading Co., Ltd.")
    food = next(line for line in lines if "regular-food-importer" in line)
    assert "常规企业（暂定） · 上海禾鲜食品进出口有限公司" in food
    assert lines[-1] == ("5 files: Advanced Certified Enterprise 2, Certified Enterprise 1, "
                         "Regular enterprise 1, Discredited enterprise 1")
    zh = cli("score", *EXAMPLES, "--lang", "zh").stdout.splitlines()
    assert zh[-1] == "5个文件：高级认证企业 2，认证企业 1，常规企业 1，失信企业 1"
    single = cli("score", EXAMPLES[1]).stdout
    assert "╭" in single and "Next step" in single and "Blockers" in single
    detail = cli("score", *EXAMPLES[:2], "--detail").stdout
    assert detail.count("╭") == 2


def test_one_line_view_makes_control_characters_inert(tmp_path):
    text = Path(EXAMPLES[1]).read_text(encoding="utf-8")
    hostile = tmp_path / "hostile.yaml"
    hostile.write_text(text.replace('name: "Ningbo Harbour Light Trading Co., Ltd."',
                                    'name: "Evil\\e]0;owned\\a\\e[2J Co."'), encoding="utf-8")
    # the reader refuses such a name, the other file is still scored ...
    res = cli("score", str(hostile), EXAMPLES[0])
    assert res.returncode == 2
    at = next(i for i, line in enumerate(hostile.read_text(encoding="utf-8").splitlines(), 1) if "  name:" in line)
    assert f"{hostile}:{at}: enterprise.name: holds U+001B, a control or format character; remove it" in res.stderr
    assert "\x1b" not in res.stdout + res.stderr and "\x07" not in res.stdout + res.stderr
    # ... and the view itself still shows a name that has control characters as inert text
    from aeo_check.views.brief import score_line

    cat = get_catalogue()
    r = score(cat, load_answers(Path(EXAMPLES[1]), cat))
    r.enterprise = {**r.enterprise, "name": "Evil\x1b]0;owned\x07\x1b[2J Co."}
    line = score_line(cat, r, "hostile.yaml", "en", None, 20)
    assert "\x1b" not in line and "\x07" not in line
    assert r"Evil\x1b]0;owned\x07\x1b[2J Co." in line


def test_each_file_is_written_before_the_next_is_read(monkeypatch):
    cat = get_catalogue()
    read: list[str] = []
    real = batch.score_file

    def counting(cat_, path, opts):
        read.append(path)
        return real(cat_, path, opts)

    monkeypatch.setattr(batch, "score_file", counting)
    written: list[tuple[int, bytes]] = []
    opts = batch.Options(format="jsonl", many=True)
    done = batch.run(cat, EXAMPLES, opts, 1, write=lambda s: written.append((len(read), s)), warn=lambda s: None)
    assert done.status == 0
    by_file: dict[int, bytes] = {}
    for n, s in written:
        by_file[n] = by_file.get(n, b"") + s
    assert list(by_file) == [1, 2, 3, 4, 5]  # written right after its own file was read, before the next
    assert all(text.endswith(b"\n") and text.count(b"\n") == 1 for text in by_file.values())  # one line each
    assert [json.loads(text)["file"] for text in by_file.values()] == EXAMPLES


def test_the_console_script_collects_garbage_while_it_scores():
    """Collection is paused while the program loads (up to the catalogue) and on again, with what
    loaded frozen, for every file scored: a batch of ten thousand files must not grow on
    uncollected cycles."""
    code = (
        "import gc, sys\n"
        "import aeo_check.cli.launch as launch\n"
        "import aeo_check.runs.batch as batch\n"
        "import aeo_check.catalogue.cache as compiled\n"
        "def state():\n"
        "    return ('collecting' if gc.isenabled() else 'paused') + (' frozen' if gc.get_freeze_count() else '')\n"
        "real_cat, real_file = compiled.get_catalogue, batch.score_file\n"
        "def cat_spy(*a):\n"
        "    print('loading:', state(), file=sys.stderr)\n"
        "    return real_cat(*a)\n"
        "def file_spy(*a):\n"
        "    print('scoring:', state(), file=sys.stderr)\n"
        "    return real_file(*a)\n"
        "compiled.get_catalogue, batch.score_file = cat_spy, file_spy\n"
        f"sys.argv = ['aeo-check', 'score', {EXAMPLES[0]!r}, {EXAMPLES[1]!r}, '--format', 'jsonl']\n"
        "launch.main()\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stderr.splitlines() == ["loading: paused", "scoring: collecting frozen", "scoring: collecting frozen"]


def test_default_jobs():
    assert batch.default_jobs(1) == 1
    assert batch.default_jobs(batch.PARALLEL_FROM - 1) == 1
    assert batch.default_jobs(1000) >= 1
