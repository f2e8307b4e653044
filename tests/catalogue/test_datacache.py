"""The catalogue cache holds data only: JSON records, never code, read only from the user's own folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from aeo_check.catalogue import cache, datacache
from aeo_check.catalogue.compiled import Catalogue
from aeo_check.catalogue.expr import ExpressionError

ROOT = Path(__file__).resolve().parent.parent.parent
EXE = str(Path(sys.executable).parent / "aeo-check")
GOOD = ROOT / "examples" / "customs-broker.yaml"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("AEO_CHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("AEO_CHECK_NO_CACHE", raising=False)
    return tmp_path / "cache"


def test_the_records_come_back_equal_and_still_shared(cat):
    back = Catalogue(root=cat.root, **datacache.loads(datacache.dumps(cat)))
    for name in datacache.FIELDS:
        assert getattr(back, name) == getattr(cat, name), name
    assert back.items_by_id[back.items[0].id] is back.items[0]  # one object, as in the frozen catalogue


def _forged_question(cat, text: str, prefix: str):
    """The first question of the catalogue read back from ``text`` whose condition starts with ``prefix``."""
    back = Catalogue(root=cat.root, **datacache.loads(text, "/cache/catalogue-x.json"))
    return next(q for q in back.questions.values() if q.ask_if and q.ask_if.source.startswith(prefix))


def test_a_rule_expression_is_stored_as_its_text_and_checked_before_it_is_first_compiled(cat):
    text = datacache.dumps(cat)
    assert '"$x":' in text and "marshal" not in text and "pickle" not in text
    forged = text.replace('{"$x":"', '{"$x":"__import__(\'os\').system(\'true\') or ', 1)
    q = _forged_question(cat, forged, "__import__")
    with pytest.raises(ExpressionError, match=r"^the catalogue cache entry /cache/catalogue-x\.json is damaged "
                                              r"\(delete it\): only the functions .* may be called"):
        q.ask_if.code  # noqa: B018


def test_a_stored_expression_must_read_the_names_stored_with_it(cat):
    text = datacache.dumps(cat)
    forged = text.replace('{"$x":"', '{"$x":"penalty_count_12m > 9 or ', 1)  # a name not stored with it
    q = _forged_question(cat, forged, "penalty_count_12m > 9 or ")
    with pytest.raises(ExpressionError, match=r"names stored with 'penalty_count_12m > 9 or .*' are not those it reads"):
        q.ask_if.code  # noqa: B018


def test_a_planted_rule_that_would_run_code_stops_the_command_and_names_the_entry(folder, tmp_path):
    cache.load()
    [entry] = list(folder.glob("catalogue-*.json"))
    marker = tmp_path / "pwned"
    head, _, body = entry.read_bytes().partition(b"\n")
    planted = body.replace(b'{"$x":"', b'{"$x":"__import__(\'os\').system(\'touch %s\') or ' % str(marker).encode())
    entry.write_bytes(head + b"\n" + planted)
    env = {**os.environ, "AEO_CHECK_CACHE_DIR": str(folder)}
    res = subprocess.run([EXE, "score", str(GOOD)], env=env, capture_output=True, stdin=subprocess.DEVNULL, text=True)
    assert res.returncode == 3 and not marker.exists()
    [line] = res.stderr.splitlines()
    assert f"the catalogue cache entry {entry} is damaged (delete it)" in line


@pytest.mark.parametrize("entry", ['{"$r":"Popen","$i":0}', '{"$obj":"os.system"}', "[]", '{"meta":1}'])
def test_anything_but_the_catalogue_records_is_refused(entry):
    with pytest.raises(ValueError):
        datacache.loads(entry)


def test_the_entry_is_json_in_a_private_folder(folder):
    cache.load()
    [entry] = list(folder.glob("catalogue-*.json"))
    key, _, body = entry.read_bytes().partition(b"\n")
    assert len(key) == 64 and isinstance(json.loads(body), dict)
    assert oct(folder.stat().st_mode & 0o777) == "0o700"
    assert cache.load().items == cache.load().items  # and read back


def test_a_planted_pickle_runs_no_code(folder, tmp_path):
    import pickle

    cache.load()
    [entry] = list(folder.glob("catalogue-*.json"))
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    for name in (entry.name, entry.name.replace(".json", ".pickle")):
        (folder / name).write_bytes(entry.read_bytes().partition(b"\n")[0] + b"\n" + pickle.dumps(Evil()))
    env = {**os.environ, "AEO_CHECK_CACHE_DIR": str(folder)}
    res = subprocess.run([EXE, "score", str(GOOD)], env=env, capture_output=True, stdin=subprocess.DEVNULL)
    assert res.returncode == 0 and not marker.exists()


@pytest.mark.parametrize("mode", [0o777, 0o775, 0o757])
def test_a_folder_others_may_write_is_not_used(folder, mode):
    folder.mkdir()
    os.chmod(folder, mode)
    cat = cache.load()
    assert len(cat.items) > 90 and list(folder.iterdir()) == []  # built in memory, nothing written there


def test_an_entry_others_may_write_or_a_link_is_not_read(folder):
    cache.load()
    [entry] = list(folder.glob("catalogue-*.json"))
    key = entry.read_bytes().partition(b"\n")[0].decode()
    assert cache._read(entry, key) is not None
    os.chmod(entry, 0o666)
    assert cache._read(entry, key) is None
    os.chmod(entry, 0o644)
    target = entry.with_name("elsewhere.json")
    entry.rename(target)
    entry.symlink_to(target)
    assert cache._read(entry, key) is None
