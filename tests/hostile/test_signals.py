"""Killed runs and closed pipes: workers stop with the run, no partial output stays, the code says why."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
EXE = str(Path(sys.executable).parent / "aeo-check")
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
ENV = {"PATH": "/usr/bin:/bin", "COLUMNS": "120", "LANG": "C.UTF-8"}


def _children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_stops_the_workers_and_leaves_no_partial_plan(tmp_path, sig, code):
    files = []
    for i in range(8):  # eight clients, two workers: the run is busy when the signal comes
        f = tmp_path / f"client-{i}.yaml"
        shutil.copy(EXAMPLES[i % len(EXAMPLES)], f)
        files.append(str(f))
    out = tmp_path / "plans"
    p = subprocess.Popen([EXE, "report", *files, "-o", f"{out}/", "-j", "2"], env=ENV, stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while len(_children(p.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = _children(p.pid)
    assert len(workers) >= 2, "the workers never started"
    time.sleep(1.0)  # rendering now
    p.send_signal(sig)
    _, err = p.communicate(timeout=20)
    assert p.returncode == code, err
    time.sleep(0.2)
    assert [w for w in workers if _alive(w)] == []
    assert sorted(x.name for x in out.iterdir() if x.name.startswith(".")) == []  # no temporary file left
    assert b"Traceback" not in err


@pytest.mark.parametrize("args", [["score"], ["score", "--fail-below", "advanced"], ["validate"]])
def test_closed_standard_output_exits_quietly_with_the_code_of_the_result(args):
    files = [str(p) for p in EXAMPLES]
    shown = subprocess.run([EXE, *args, *files], env=ENV, stdin=subprocess.DEVNULL, capture_output=True)
    closed = subprocess.run([EXE, *args, *files], env=ENV, stdin=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            preexec_fn=lambda: os.close(1))
    assert (closed.returncode, closed.stderr) == (shown.returncode, shown.stderr)
