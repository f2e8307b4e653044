"""Answer files of earlier questionnaire versions: the renames and splits between versions are
data (``questionnaires/migrations.yaml``); an older file is read through them, and
:func:`rewrite` brings a file's text up to date in place of its old answers, keeping comments."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from aeo_check.catalogue.compiled import data_root
from aeo_check.files.sourcefile import read_file

VERSION_KEY = "questionnaire_version"


@dataclass(eq=False, repr=False)
class Upgrade:
    """What reading an older file changed: new answers by id, and what was dropped."""

    answers: dict[str, Any]
    carried: dict[str, str] = field(default_factory=dict)  # new id -> the old id it came from
    removed: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _steps() -> tuple[int, list[dict[str, Any]]]:
    data = read_file(data_root() / "questionnaires" / "migrations.yaml").data
    return int(data["current"]), list(data["steps"])


@lru_cache(maxsize=1)
def current_version() -> int:
    """The ``current:`` line of migrations.yaml, read without a YAML parser (every file asks)."""
    text = (data_root() / "questionnaires" / "migrations.yaml").read_text(encoding="utf-8")
    return int(re.search(r"^current: (\d+)", text, re.M).group(1))


def version_of(data: Any) -> int:
    v = data.get(VERSION_KEY) if isinstance(data, dict) else None
    return v if isinstance(v, int) and not isinstance(v, bool) else 1


def version_by_ids(ids: set[str]) -> int:
    """The version a file that records none was made for, judged by the question ids it holds (a
    workbook has a row for every question, answered or not): the newest version whose step
    brought in one of them, else 1 (the 2026-11 release, which recorded no version)."""
    version = 1
    for step in _steps()[1]:
        if not ids.isdisjoint(_introduced(step)):
            version = step["to"]
    return version


def _introduced(step: dict[str, Any]) -> set[str]:
    """The ids a step brings in: new names, the new parts of a split, derived answers."""
    new = set((step.get("renamed") or {}).values())
    for old, parts in (step.get("split") or {}).items():
        new.update(p for p in parts if p != old)
    return new | set(step.get("derived") or {})


def read_through(data: Any) -> Upgrade:
    """A file's answers as the current questionnaire asks them: an older file's through the steps
    after its version (with what was carried and what dropped), a current file's as they are."""
    raw = data.get("answers") if isinstance(data, dict) and isinstance(data.get("answers"), dict) else {}
    version = version_of(data)
    return upgrade(raw, version) if version < current_version() else Upgrade(raw)


def upgrade(answers: dict[str, Any], version: int) -> Upgrade:
    """``answers`` of questionnaire ``version`` as the current questionnaire asks them."""
    up = Upgrade(dict(answers))
    for step in _steps()[1]:
        if step["from"] >= version:
            _apply(step, up)
    return up


def _put(up: Upgrade, new: str, value: Any, old: str) -> None:
    if new not in up.answers or new == old:
        up.answers[new] = value
        if new != old:
            up.carried[new] = old


def _apply(step: dict[str, Any], up: Upgrade) -> None:
    a = up.answers
    for old, new in (step.get("renamed") or {}).items():
        if old in a:
            _put(up, new, a.pop(old), old)
    for old, parts in (step.get("split") or {}).items():
        if old in a:
            for new in parts:
                _put(up, new, a[old], old)
    for new, rule in (step.get("derived") or {}).items():
        if new not in a and a.get(rule["from"]) == rule["when"]:
            _put(up, new, rule["value"], rule["from"])
    for old, rule in (step.get("values") or {}).items():
        if old in a:
            value = a.pop(old)
            if value in rule["map"]:
                for new in rule["to"]:
                    _put(up, new, rule["map"][value], old)
            else:
                up.removed.append(old)
    for old in step.get("removed") or []:
        if old in a:
            a.pop(old)
            up.removed.append(old)


_ANSWER = re.compile(r"^(  )([A-Za-z_][A-Za-z0-9_]*)(:)(.*)$")


def rewrite(text: str, up: Upgrade) -> str:
    """``text`` (an answer file in YAML) with its answers block brought to the current version:
    every line that is not an answer stays as it was; a removed answer's line becomes a comment
    naming it; new answers go where their source was, and the version is recorded."""
    out: list[str] = []
    block = ""
    written: set[str] = set()
    for line in text.split("\n"):
        if re.match(r"^\S", line):
            block = line.split(":")[0]
        m = _ANSWER.match(line) if block in ("answers", "notes") else None
        if m is not None and block == "notes":
            gone = m.group(2) in up.removed
            out.append(f"  # {m.group(2)}:{m.group(4)}  # no longer asked" if gone else line)
            continue
        if m is None:
            out.append(line)
            continue
        qid = m.group(2)
        if qid in up.answers:
            out.append(line if qid not in up.carried or up.carried[qid] == qid else _line(qid, up.answers[qid]))
            written.add(qid)
        else:
            out.append(f"  # {qid}:{m.group(4)}  # no longer asked (questionnaire {current_version()})")
        for new, old in up.carried.items():
            if old == qid and new not in written and new != qid:
                out.append(_line(new, up.answers[new]))
                written.add(new)
    return _with_version("\n".join(out))


def _line(qid: str, value: Any) -> str:
    if isinstance(value, bool):
        return f"  {qid}: {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"  {qid}: {value}"
    return f'  {qid}: "{value}"'


def _with_version(text: str) -> str:
    line = f"{VERSION_KEY}: {current_version()}"
    if re.search(rf"^{VERSION_KEY}:.*$", text, re.M):
        return re.sub(rf"^{VERSION_KEY}:.*$", line, text, count=1, flags=re.M)
    return re.sub(r"^(standard:.*)$", lambda m: m.group(1) + "\n" + line, text, count=1, flags=re.M)
