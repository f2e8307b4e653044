"""The ``assess`` session lock: one session per answer file, and a lock path that is not a
plain file is refused rather than followed."""

from __future__ import annotations

import os

import pytest

from aeo_check.interactive.lock import Busy, Refused, SessionLock


@pytest.fixture
def answers(tmp_path):
    f = tmp_path / "acme.yaml"
    f.write_text("format: aeo-check/answers/1\n", encoding="utf-8")
    return f


def test_a_second_lock_on_the_same_file_is_busy_with_the_first_ones_process(answers):
    first = SessionLock(answers)
    assert first.acquire()
    try:
        with pytest.raises(Busy) as info:
            SessionLock(answers).acquire()
        assert info.value.pid == str(os.getpid())
    finally:
        first.release()
    assert not (answers.parent / ".acme.yaml.lock").exists()


def test_a_lock_file_left_by_a_killed_session_is_taken_over(answers):
    (answers.parent / ".acme.yaml.lock").write_text("999999\n", encoding="ascii")  # no flock held on it
    lock = SessionLock(answers)
    assert lock.acquire()
    assert (answers.parent / ".acme.yaml.lock").read_text(encoding="ascii") == f"{os.getpid()}\n"
    lock.release()


@pytest.mark.parametrize(("make", "what"), [
    (lambda p, t: p.mkdir(), "a folder"),
    (lambda p, t: p.symlink_to(t / "nowhere"), "a symbolic link"),
    (lambda p, t: p.symlink_to(t / "acme.yaml"), "a symbolic link"),
    (lambda p, t: os.mkfifo(p), "not a regular file"),
])
def test_a_lock_path_that_is_a_folder_a_link_or_a_fifo_is_refused_by_name(answers, tmp_path, make, what):
    path = answers.parent / ".acme.yaml.lock"
    make(path, tmp_path)
    with pytest.raises(Refused) as info:
        SessionLock(answers).acquire()
    assert str(info.value) == f"the lock file {path} is {what}; remove it, or choose another answer file"
    assert not (tmp_path / "nowhere").exists()  # a dangling link is not followed to make a file
