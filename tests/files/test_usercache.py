"""The per-user cache folder: where it is, whose it must be, and how entries are read and kept."""

from __future__ import annotations

import os

import pytest

from aeo_check.files import usercache


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("AEO_CHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("AEO_CHECK_NO_CACHE", raising=False)
    return tmp_path / "cache"


def test_cache_folder_follows_xdg_and_the_override(monkeypatch, tmp_path):
    monkeypatch.delenv("AEO_CHECK_CACHE_DIR", raising=False)
    monkeypatch.delenv("AEO_CHECK_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert usercache.cache_dir() == tmp_path / "xdg" / "aeo-check"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert usercache.cache_dir() == tmp_path / "home" / ".cache" / "aeo-check"
    monkeypatch.setenv("AEO_CHECK_CACHE_DIR", str(tmp_path / "mine"))
    assert usercache.cache_dir() == tmp_path / "mine"
    monkeypatch.setenv("AEO_CHECK_NO_CACHE", "1")
    assert usercache.cache_dir() is None
    assert usercache.usable_folder() is None


def test_a_new_folder_is_made_private(folder):
    assert usercache.usable_folder() == folder
    assert oct(folder.stat().st_mode & 0o777) == "0o700"


@pytest.mark.parametrize("mode", [0o777, 0o775, 0o757])
def test_a_folder_others_may_write_is_not_used(folder, mode):
    folder.mkdir()
    os.chmod(folder, mode)
    assert usercache.usable_folder() is None


def test_an_entry_is_read_back_only_under_its_own_key(folder):
    usercache.usable_folder()
    usercache.write_entry(folder / "kind-a.json", "key-1", b'["2027-01-01"]', "kind-")
    assert usercache.read_entry(folder / "kind-a.json", "key-1") == b'["2027-01-01"]'
    assert usercache.read_entry(folder / "kind-a.json", "key-2") is None
    assert usercache.read_entry(folder / "kind-b.json", "key-1") is None  # missing


def test_an_entry_others_may_write_or_a_link_is_not_read(folder):
    usercache.usable_folder()
    entry = folder / "kind-a.json"
    usercache.write_entry(entry, "k", b"body", "kind-")
    os.chmod(entry, 0o666)
    assert usercache.read_entry(entry, "k") is None
    os.chmod(entry, 0o600)
    target = entry.with_name("elsewhere.json")
    entry.rename(target)
    entry.symlink_to(target)
    assert usercache.read_entry(target, "k") == b"body"
    assert usercache.read_entry(entry, "k") is None


def test_only_the_newest_entries_of_a_kind_are_kept(folder):
    usercache.usable_folder()
    (folder / "other.json").write_text("{}")
    for n in range(usercache.KEEP + 3):
        path = folder / f"kind-{n}.json"
        usercache.write_entry(path, "k", b"x", "kind-")
        os.utime(path, (1_000_000 + n, 1_000_000 + n))
    kept = sorted(p.name for p in folder.glob("kind-*.json"))
    assert len(kept) == usercache.KEEP and "kind-0.json" not in kept
    assert (folder / "other.json").exists()  # another kind is never pruned
