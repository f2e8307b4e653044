"""The compiled catalogue cache is never stale and never required."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import BaseModel

from aeo_check.answers.read import load_answers
from aeo_check.catalogue import cache, load_catalogue
from aeo_check.catalogue.compiled import RECORDS, Catalogue, Record, record
from aeo_check.planning import make_plan
from aeo_check.scoring import score

ROOT = Path(__file__).resolve().parents[2]
EXE = str(Path(sys.executable).parent / "aeo-check")
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


@pytest.fixture()
def copy(tmp_path, monkeypatch) -> Path:
    """A copy of the catalogue to edit, and a private cache folder."""
    root = tmp_path / "data"
    shutil.copytree(ROOT / "questionnaires", root / "questionnaires")
    monkeypatch.setenv("AEO_CHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("AEO_CHECK_NO_CACHE", raising=False)
    return root


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("catalogue-*.json")) if folder.is_dir() else []


def test_built_once_then_read_from_the_cache(copy, tmp_path, monkeypatch):
    first = cache.load(copy)
    [entry] = _entries(tmp_path / "cache")
    assert not list((tmp_path / "cache").glob(".*.tmp"))  # written whole, then renamed into place

    def no_source(*a, **k):
        raise AssertionError("loaded from source although the cache holds this catalogue")

    monkeypatch.setattr("aeo_check.catalogue.loader.load_catalogue", no_source)
    second = cache.load(copy)
    assert second is not first and second.items == first.items
    assert _entries(tmp_path / "cache") == [entry]


def test_rebuilt_after_a_catalogue_file_changes(copy, tmp_path):
    before = cache.load(copy)
    item = before.items_by_id["cmp-single-fine"]
    f = copy / "questionnaires" / "standards" / "compliance.yaml"
    text = f.read_text(encoding="utf-8")
    old_title = item.title.en
    assert old_title in text
    f.write_text(text.replace(old_title, old_title + " (edited)"), encoding="utf-8")
    after = cache.load(copy)
    assert after.items_by_id["cmp-single-fine"].title.en == old_title + " (edited)"
    assert len(_entries(tmp_path / "cache")) == 2
    f.write_text(text, encoding="utf-8")  # back as it was: the first entry is right again
    assert cache.load(copy).items_by_id["cmp-single-fine"].title.en == old_title
    assert len(_entries(tmp_path / "cache")) == 2


def test_a_broken_catalogue_is_reported_not_cached(copy, tmp_path):
    from aeo_check.files.sourcefile import DataFileError

    f = copy / "questionnaires" / "rules" / "scoring.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("threshold:", "treshold:", 1), encoding="utf-8")
    with pytest.raises(DataFileError) as exc:
        cache.load(copy)
    assert any("scoring.yaml" in str(p) for p in exc.value.problems)
    assert _entries(tmp_path / "cache") == []


def test_a_damaged_entry_is_rebuilt(copy, tmp_path):
    cache.load(copy)
    [entry] = _entries(tmp_path / "cache")
    key = entry.read_bytes().partition(b"\n")[0]
    entry.write_bytes(key + b"\n{not json")
    assert len(cache.load(copy).items) > 90
    assert entry.read_bytes().startswith(key + b"\n{") and len(entry.read_bytes()) > 100_000


def test_cached_and_uncached_catalogues_score_every_example_identically(copy):
    source = load_catalogue(copy)
    cache.load(copy)  # build the entry
    cached = cache.load(copy)  # and read it back
    for p in EXAMPLES:
        a = json.dumps(score(source, load_answers(p, source)).to_dict(), ensure_ascii=False, sort_keys=True)
        b = json.dumps(score(cached, load_answers(p, cached)).to_dict(), ensure_ascii=False, sort_keys=True)
        assert a == b, p.name
        plan_a = make_plan(source, score(source, load_answers(p, source))).to_dict()
        plan_b = make_plan(cached, score(cached, load_answers(p, cached))).to_dict()
        assert plan_a == plan_b, p.name


def _objects(root):
    """Every object reachable through lists, dicts, tuples, records and models from ``root``."""
    seen, stack, out = set(), [root], []
    while stack:
        v = stack.pop()
        if id(v) in seen:
            continue
        seen.add(id(v))
        out.append(v)
        if isinstance(v, (list, tuple)):
            stack.extend(v)
        elif isinstance(v, dict):
            stack.extend(v.values())
        elif isinstance(v, (BaseModel, Record)):
            stack.extend(v.__dict__.values())
    return out


def test_the_cached_catalogue_holds_records_not_models(copy):
    source = load_catalogue(copy)
    models = {type(o).__name__ for f in Catalogue.__dataclass_fields__ for o in _objects(getattr(source, f))
              if isinstance(o, BaseModel)}
    assert models == set(RECORDS)  # every model a catalogue holds has its record, and no record is unused
    cache.load(copy)
    cached = cache.load(copy)
    found = [o for f in Catalogue.__dataclass_fields__ for o in _objects(getattr(cached, f))]
    assert not [o for o in found if isinstance(o, BaseModel)]
    assert {type(o).__name__ for o in found if isinstance(o, Record)} == set(RECORDS)
    item = cached.items_by_id["cmp-single-fine"]
    with pytest.raises(AttributeError, match="read-only"):
        item.effort_days = 1
    same = record("Text", {"zh": item.title.zh, "en": item.title.en})  # another object, the same text
    assert same is not item.title and same == item.title and hash(same) == hash(item.title)
    assert record("Text", {"zh": item.title.zh, "en": "other"}) != item.title
    assert item.title.get("zh") == source.items_by_id["cmp-single-fine"].title.zh


def test_scoring_from_the_cache_imports_no_model_class(tmp_path):
    code = ("import sys\n"
            "from pathlib import Path\n"
            "from aeo_check.catalogue import get_catalogue\n"
            "from aeo_check.answers.read import load_answers\n"
            "from aeo_check.scoring import score\n"
            "from aeo_check.planning import make_plan\n"
            "cat = get_catalogue()\n"
            f"make_plan(cat, score(cat, load_answers(Path({str(EXAMPLES[0])!r}), cat)))\n"
            "print(sorted(m for m in sys.modules if m in ('aeo_check.catalogue.models', 'aeo_check.catalogue.loader',"
            " 'pydantic.main')))\n")
    env = {**os.environ, "AEO_CHECK_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("AEO_CHECK_NO_CACHE", None)
    subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True)  # builds the entry
    run = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True)
    assert run.stdout.strip() == "[]"


def test_read_only_or_impossible_cache_folder_still_works(tmp_path, monkeypatch):
    examples = [str(p) for p in EXAMPLES]
    base_env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(tmp_path)}
    off = subprocess.run([EXE, "score", *examples, "--format", "jsonl", "-j", "1"], capture_output=True,
                         text=True, stdin=subprocess.DEVNULL, env={**base_env, "AEO_CHECK_NO_CACHE": "1"})
    assert off.returncode == 0 and off.stdout.count("\n") == len(examples)
    assert not (tmp_path / ".cache").exists()

    read_only = tmp_path / "ro"
    read_only.mkdir()
    read_only.chmod(0o555)
    under_a_file = tmp_path / "a-file"
    under_a_file.write_text("x", encoding="utf-8")
    for folder in (read_only, under_a_file / "cache"):
        res = subprocess.run([EXE, "score", *examples, "--format", "jsonl", "-j", "1"], capture_output=True,
                             text=True, stdin=subprocess.DEVNULL, env={**base_env, "AEO_CHECK_CACHE_DIR": str(folder)})
        assert res.returncode == 0, res.stderr
        assert res.stdout == off.stdout and res.stderr == ""
    assert not under_a_file.with_name("cache").exists()

    # as root the mode bits above do not stop a write: a read-only file system refuses it
    def refuse(*a, **k):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr("tempfile.mkstemp", refuse)  # the cache imports tempfile when it writes
    monkeypatch.setenv("AEO_CHECK_CACHE_DIR", str(tmp_path / "rofs"))
    cat = cache.load(None)
    assert len(cat.items) > 90 and _entries(tmp_path / "rofs") == []


def test_validating_from_source_does_not_use_the_cache(copy, tmp_path):
    env = {**os.environ, "AEO_CHECK_DATA": str(copy), "AEO_CHECK_CACHE_DIR": str(tmp_path / "cache")}
    res = subprocess.run([sys.executable, "-m", "aeo_check.catalogue"], capture_output=True, text=True,
                         env=env, stdin=subprocess.DEVNULL)
    assert res.returncode == 0 and res.stdout.startswith("advanced ")
    assert _entries(tmp_path / "cache") == []


def test_the_key_is_remembered_by_the_files_stamps_until_a_file_changes(copy, tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "RECENT_NS", 0)  # the copy was made just now
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    base = copy / "questionnaires"
    key = cache.remembered_key(base, folder)
    assert key == cache.catalogue_key(base) and len(list(folder.glob("stamp-*.key"))) == 1
    hashed = []
    real = cache.catalogue_key
    monkeypatch.setattr(cache, "catalogue_key", lambda b: hashed.append(b) or real(b))
    assert cache.remembered_key(base, folder) == key and hashed == []  # the files were only stat'ed
    f = base / "standards" / "compliance.yaml"
    f.write_bytes(f.read_bytes().replace(b"# ", b"#  ", 1))
    changed = cache.remembered_key(base, folder)
    assert hashed == [base] and changed != key and changed == real(base)


def test_a_file_changed_in_the_last_two_seconds_is_hashed_and_not_remembered(copy, tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    base = copy / "questionnaires"
    assert cache.remembered_key(base, folder) == cache.catalogue_key(base)
    assert list(folder.glob("stamp-*.key")) == []
