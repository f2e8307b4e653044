"""Plans of a batch: one file per client, whatever the clients' files are called."""

from __future__ import annotations

import shutil
from pathlib import Path

from aeo_check.runs.report_batch import outputs_for

ROOT = Path(__file__).resolve().parent.parent.parent
EX = ROOT / "examples"


def _clients(tmp_path: Path) -> list[Path]:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    files = [tmp_path / "a" / "acme.yaml", tmp_path / "b" / "acme.yaml", tmp_path / "acme-2.yaml"]
    for f, ex in zip(files, ("customs-broker", "certified-trading", "discredited"), strict=False):
        shutil.copy(EX / f"{ex}.yaml", f)
    return files


def test_three_clients_two_of_one_name_get_three_plans_named_by_credit_code(tmp_path):
    files = _clients(tmp_path)
    out, said = outputs_for(files, tmp_path / "plans", True, files)
    assert [p.name for p in out] == ["acme-91120116MA06KP9R30.html", "acme-91330206MA2H4RT5XN.html", "acme-2.html"]
    assert said[0] == f"{files[0]} → {tmp_path}/plans/acme-91120116MA06KP9R30.html (another file has the same " \
                      f"name) / {files[0]} → {tmp_path}/plans/acme-91120116MA06KP9R30.html（另有同名文件）"
    assert len(said) == 2


def test_without_a_credit_code_a_counter_tells_them_apart_and_never_takes_a_name_in_use(tmp_path):
    for d in "abc":
        (tmp_path / d).mkdir()
        (tmp_path / d / "x.yaml").write_text("not: an answer file\n", encoding="utf-8")
    files = [tmp_path / d / "x.yaml" for d in "abc"] + [tmp_path / "x-1.yaml"]
    out, said = outputs_for(files, tmp_path / "plans", False, files)
    assert [p.name for p in out] == ["x-2.pdf", "x-3.pdf", "x-4.pdf", "x-1.pdf"]
    assert len(set(out)) == 4 and len(said) == 3


def test_an_input_is_never_an_output_of_the_same_batch(tmp_path):
    plan = tmp_path / "plans" / "acme.pdf"
    plan.parent.mkdir()
    plan.write_bytes(b"%PDF-1.7 an earlier plan carrying its answers")
    other = tmp_path / "other.yaml"
    out, said = outputs_for([plan, other], plan.parent, False, [plan, other])
    assert out[0] != plan and out[1] == plan.parent / "other.pdf" and len(said) == 1


def test_the_three_client_batch_writes_three_plans(tmp_path):
    import subprocess
    import sys

    exe = str(Path(sys.executable).parent / "aeo-check")
    files = _clients(tmp_path)
    res = subprocess.run([exe, "report", *map(str, files), "-o", f"{tmp_path}/plans/", "--html"],
                         capture_output=True, text=True, stdin=subprocess.DEVNULL,
                         env={"PATH": "/usr/bin:/bin", "COLUMNS": "200", "LANG": "C.UTF-8"})
    assert res.returncode == 0, res.stderr
    assert sorted(p.name for p in (tmp_path / "plans").iterdir()) == [
        "acme-2.html", "acme-91120116MA06KP9R30.html", "acme-91330206MA2H4RT5XN.html"]
    assert "3 written, 0 failed" in res.stderr
    for f, plan in ((files[0], "acme-91120116MA06KP9R30.html"), (files[1], "acme-91330206MA2H4RT5XN.html")):
        assert f"{f} → {tmp_path}/plans/{plan} (another file has the same name)" in res.stderr  # renames are told
