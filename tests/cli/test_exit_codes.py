"""Every command's exit code for invalid input, I/O failure and a closed output.

The table holds each command's cases: a missing input file and a value a command does not take
exit 2 (invalid input or usage), an output that cannot be written exits 3 (I/O), and output to a
closed standard output (``>&-``) or a reader that stops (``| head -c0``) ends quietly. An error
is one line on stderr naming what is wrong, never a traceback; usage errors are the command
line parser's own (its usage line, then one ``Error:`` line). Interrupts (130) and internal
errors (3, a traceback only with ``--debug``) are checked in ``tests/hostile``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXE = str(Path(sys.executable).parent / "aeo-check")
GOOD = str(ROOT / "examples" / "customs-broker.yaml")
ENV = {"PATH": "/usr/bin:/bin", "COLUMNS": "120", "LANG": "C.UTF-8"}

#: (arguments, exit code, what the one line on stderr says); {tmp} is a fresh folder holding
#: ``afile``, a regular file, so ``{tmp}/afile/x`` cannot be written whoever runs the test
ERRORS = [
    (["template", "-o", "{tmp}/afile/x.yaml"], 3, "{tmp}/afile/x.yaml: a part of the path is a file"),
    (["template", "--format", "xlsx", "-o", "{tmp}/afile/x.xlsx"], 3, "{tmp}/afile/x.xlsx: a part of the path"),
    (["import", "{tmp}/missing.xlsx", "-o", "{tmp}/y.yaml"], 2, "{tmp}/missing.xlsx: file not found"),
    (["import", GOOD, "-o", "{tmp}/afile/y.yaml"], 3, "{tmp}/afile/y.yaml: a part of the path is a file"),
    (["migrate", "{tmp}/missing.yaml"], 2, "{tmp}/missing.yaml: file not found"),
    (["migrate", "{tmp}/afile/x.yaml"], 2, "{tmp}/afile/x.yaml: file not found"),
    (["validate", "{tmp}/missing.yaml"], 2, "{tmp}/missing.yaml: file not found"),
    (["score", "{tmp}/missing.yaml"], 2, "{tmp}/missing.yaml: file not found"),
    (["plan", "{tmp}/missing.yaml"], 2, "{tmp}/missing.yaml: file not found"),
    (["report", "{tmp}/missing.yaml", "-o", "{tmp}/p.pdf"], 2, "{tmp}/missing.yaml: file not found"),
    (["report", GOOD, "--html", "-o", "{tmp}/afile/p.html"], 3, "{tmp}/afile/p.html: a part of the path"),
    (["report", GOOD, GOOD, "--html", "-o", "{tmp}/afile/plans/"], 3, "{tmp}/afile/plans"),
    (["portfolio", GOOD, "--format", "csv", "-o", "{tmp}/afile/p.csv"], 3, "{tmp}/afile/p.csv: a part of the path"),
    (["portfolio", GOOD, "--format", "xlsx", "-o", "{tmp}/afile/p.xlsx"], 3, "{tmp}/afile/p.xlsx: a part of"),
    (["diff", "{tmp}/missing.yaml", GOOD], 2, "{tmp}/missing.yaml: file not found"),
    (["diff", GOOD, "{tmp}/missing.json"], 2, "{tmp}/missing.json: file not found"),
    (["assess"], 2, "interactive assessment needs a terminal"),
    (["standards", "show", "NOPE"], 2, "unknown item id 'NOPE'"),
    (["binder", "init", "{tmp}/missing.yaml", "-o", "{tmp}/b"], 2, "{tmp}/missing.yaml: file not found"),
    (["binder", "init", GOOD, "-o", "{tmp}/afile/b"], 3, "{tmp}/afile/b"),
    (["binder", "check", "{tmp}/missing"], 2, "{tmp}/missing: not a folder"),
    (["binder", "pack", "{tmp}/missing", "-o", "{tmp}/b.zip"], 2, "{tmp}/missing: not a folder"),
]

USAGE = [
    ["nosuchcommand"],
    ["--lang", "xx", "score", GOOD],
    ["template", "--type", "nope"],
    ["schema", "nope"],
    ["validate", "--format", "nope", GOOD],
    ["score", "--fail-below", "platinum", GOOD],
    ["score", "-j", "0", GOOD],
    ["plan", GOOD, "--format", "nope"],
    ["portfolio", GOOD, "--format", "nope"],
    ["diff", GOOD],
    ["doctor", "--nope"],
    ["standards", "list", "--tier", "nope"],
    ["standards", "show"],
    ["binder", "nope"],
]

#: commands that write to standard output
OUTPUTS = [
    ["score", GOOD], ["score", "--format", "json", GOOD], ["validate", GOOD], ["plan", GOOD],
    ["plan", GOOD, "--format", "csv"], ["diff", GOOD, GOOD], ["portfolio", GOOD], ["portfolio", GOOD, "--format", "csv"],
    ["standards", "list"], ["standards", "show", "ic-customs-liaison"], ["schema", "answers"], ["template"],
    ["report", GOOD, "--html", "-o", "-"],
]


def run(args: list[str], **kw: object) -> subprocess.CompletedProcess:
    return subprocess.run([EXE, *args], capture_output=True, text=True, env=ENV, stdin=subprocess.DEVNULL, **kw)


@pytest.mark.parametrize(("args", "code", "says"), ERRORS, ids=[" ".join(a[:3]) for a, _, _ in ERRORS])
def test_invalid_input_exits_2_and_io_failure_3_with_one_line_naming_it(tmp_path, args, code, says):
    (tmp_path / "afile").write_text("a file, not a folder\n", encoding="utf-8")
    res = run([a.format(tmp=tmp_path) for a in args], cwd=tmp_path)
    assert res.returncode == code, res.stderr
    assert len(res.stderr.splitlines()) == 1 and says.format(tmp=tmp_path) in res.stderr, res.stderr
    assert "Traceback" not in res.stderr


@pytest.mark.parametrize("args", USAGE, ids=[" ".join(a[:3]) for a in USAGE])
def test_a_usage_error_exits_2_with_the_usage_and_one_error_line(args):
    res = run(args)
    assert res.returncode == 2, res.stderr
    lines = res.stderr.splitlines()
    assert lines[0].startswith("Usage: aeo-check") and lines[-1].startswith("Error: ")
    assert "Traceback" not in res.stderr and res.stdout == ""


@pytest.mark.parametrize("args", OUTPUTS, ids=[" ".join(a[:2]) for a in OUTPUTS])
def test_a_closed_or_abandoned_standard_output_ends_quietly(args):
    import os

    closed = subprocess.run([EXE, *args], env=ENV, stdin=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            preexec_fn=lambda: os.close(1))
    head = subprocess.run(["bash", "-c", '"$@" | head -c0; exit "${PIPESTATUS[0]}"', "-", EXE, *args], env=ENV,
                          stdin=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert (closed.returncode, closed.stderr) == (0, b"")
    assert (head.returncode, head.stderr) == (0, b"")
