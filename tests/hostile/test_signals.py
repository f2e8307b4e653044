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
def test_a_signal_stops_the_workers_and_exits_with_its_code(tmp_path, sig, code):
    for example in EXAMPLES:
        shutil.copy(example, tmp_path / example.name)
    # 20,000 files to score: still busy when the signal comes, however fast scoring gets
    files = [example.name for example in EXAMPLES] * 4000
    # a runner started in the background ignores SIGINT, and so would the tool it starts: give it
    # the disposition a terminal gives a command (Python then turns SIGINT into KeyboardInterrupt)
    p = subprocess.Popen([EXE, "score", "--format", "jsonl", "-j", "2", *files], env=ENV, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=tmp_path,
                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while len(_children(p.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = _children(p.pid)
    assert len(workers) >= 2, "the workers never started"
    time.sleep(0.5)
    p.send_signal(sig)
    try:
        _, err = p.communicate(timeout=20)
    finally:
        if p.poll() is None:  # never leave it running for the tests after this one
            p.kill()  # its workers end when their pipe closes
            p.communicate()
    assert p.returncode == code, err
    time.sleep(0.2)
    assert [w for w in workers if _alive(w)] == []
    assert b"Traceback" not in err


def test_stopping_a_report_batch_removes_the_partial_plans_and_ends_its_workers(tmp_path):
    import multiprocessing

    from aeo_check.runs.report_batch import Job, _stop

    plan = tmp_path / "acme.pdf"
    partial = tmp_path / ".acme.pdf.k3j2.tmp"  # what a worker killed mid-write leaves
    partial.write_bytes(b"%PDF-1.7 half")
    worker = multiprocessing.get_context("fork").Process(target=time.sleep, args=(60,))
    worker.start()
    _stop([Job(tmp_path / "acme.yaml", plan, None, False, None)])
    assert not partial.exists() and not worker.is_alive()


@pytest.mark.parametrize("args", [["score"], ["score", "--fail-below", "advanced"], ["validate"]])
def test_closed_standard_output_exits_quietly_with_the_code_of_the_result(args):
    files = [str(p) for p in EXAMPLES]
    shown = subprocess.run([EXE, *args, *files], env=ENV, stdin=subprocess.DEVNULL, capture_output=True)
    closed = subprocess.run([EXE, *args, *files], env=ENV, stdin=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            preexec_fn=lambda: os.close(1))
    assert (closed.returncode, closed.stderr) == (shown.returncode, shown.stderr)
