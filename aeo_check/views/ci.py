"""Formats for CI systems: JUnit XML for ``score``, GitHub Actions annotations for ``validate``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from aeo_check.files.safetext import annotation
from aeo_check.files.sourcefile import Problem
from aeo_check.scoring.result import Result, tier_rank

NEXT_TIER = {"seriously_discredited": "regular", "discredited": "regular", "regular": "certified",
             "certified": "advanced"}
STANDARD_OF = {"advanced": "advanced", "certified": "certified"}


def blockers_for(res: Result, tier: str) -> list[str]:
    """What keeps ``res`` below ``tier``: discredit triggers, then the items at fail or unanswered
    in that tier's standard, as "(official no.) id: title"."""
    out = [f"discredit trigger {t.id}: {t.title['en']} / {t.title['zh']}" for t in res.triggers]
    sid = STANDARD_OF.get(tier)
    if sid is not None:
        for g in res.standards[sid].gaps:
            if g.result.rating in ("fail", "unanswered"):
                r = g.result
                title = r.item.title_for(sid)
                out.append(f"({r.official_no}) {r.id} [{r.rating}]: {title.en} / {title.zh}")
    return out


def junit_xml(entries: Iterable[dict[str, Any]]) -> str:
    """One test case per answer file. Each entry: file, result (or None), problems (invalid input),
    guard (the --fail-below tier or None), new_blockers (list or None)."""
    import xml.etree.ElementTree as ET

    suite = ET.Element("testsuite", name="aeo-check")
    tests = failures = errors = 0
    for e in entries:
        tests += 1
        res: Result | None = e["result"]
        case = ET.SubElement(suite, "testcase", classname="aeo-check.score", name=e["file"], file=e["file"])
        if res is None:
            errors += 1
            problems: list[Problem] = e["problems"]
            el = ET.SubElement(case, "error", type="invalid", message=f"{len(problems)} problem(s) in the answer file")
            el.text = "\n".join(str(p) for p in problems)
            continue
        case.set("name", f"{res.enterprise['name']} ({e['file']})")
        guard, new = e.get("guard"), e.get("new_blockers")
        target = guard if guard is not None else NEXT_TIER.get(res.tier)
        lines: list[str] = []
        message = None
        if guard is not None and tier_rank(res.tier) < tier_rank(guard):
            message = f"likely tier {res.tier} is below {guard}"
            lines = blockers_for(res, guard)
        elif new:
            message = f"{len(new)} new blocker(s) since the previous result"
            lines = list(new)
        elif guard is None and new is None and target is not None:
            found = blockers_for(res, target)
            if found:
                message = f"{len(found)} blocker(s) before {target}"
                lines = found
        if new and message and not message.startswith(f"{len(new)} new"):
            lines += ["new since the previous result: " + ", ".join(new)]
        out = ET.SubElement(case, "system-out")
        out.text = (f"likely tier: {res.tier}; advanced {res.standards['advanced'].score}/"
                    f"{res.standards['advanced'].threshold}; certified {res.standards['certified'].score}/"
                    f"{res.standards['certified'].threshold}" + ("; provisional" if res.provisional else ""))
        if message is not None:
            failures += 1
            el = ET.Element("failure", type="blockers", message=message)
            el.text = "\n".join(lines)
            case.insert(0, el)
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    ET.indent(suite)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suite, encoding="unicode") + "\n"


def github_annotation(p: Problem) -> str:
    """``::error file=…,line=…,title=…::message`` (a workbook's cell goes into the title)."""
    props = [f"file={annotation(p.file, prop=True)}"]
    where = ""
    if isinstance(p.line, int):
        props.append(f"line={p.line}")
    elif p.line:
        where = f" {p.line}"
    title = f"aeo-check validate{where}" + (f" {p.field}" if p.field else "")
    props.append(f"title={annotation(title, prop=True)}")
    msg = f"{p.field}: {p.message}" if p.field else p.message
    return f"::error {','.join(props)}::{annotation(msg)}"
