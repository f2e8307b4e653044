"""One fact, one value, on every surface that shows it.

For each of the five examples and a food importer that answered two questions "don't know", the
fact is read off each surface as a reader would read it (the PDF's first page, ``plan`` and
``score`` JSON, the result screen, the report, ``diff`` and the progress page) and must be the same.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from markupsafe import escape
from pypdf import PdfReader

from aeo_check.document.build import read
from aeo_check.views.pdf.board import fmt_date
from aeo_check.views.pdf.report import build_context, render_html, render_pdf
from aeo_check.views.result_screen import screen_lines
from aeo_check.words.i18n import t

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
UNKNOWN = ("total_liabilities", "security_training_staff_last")


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> list[Path]:
    """The five examples and the food importer with two answers replaced by "don't know"."""
    text = (ROOT / "examples" / "regular-food-importer.yaml").read_text(encoding="utf-8")
    for qid in UNKNOWN:
        text, n = re.subn(rf"^  {qid}: .*$", f"  {qid}: dont_know", text, flags=re.M)
        assert n == 1, qid
    unknown = tmp_path_factory.mktemp("unknown") / "food-importer-dont-know.yaml"
    unknown.write_text(text, encoding="utf-8")
    return [*EXAMPLES, unknown]


def _cli(*args: str) -> str:
    res = subprocess.run([sys.executable, "-m", "aeo_check", *args], capture_output=True, text=True,
                         stdin=subprocess.DEVNULL, cwd=ROOT)
    assert res.returncode in (0, 1), res.stderr
    return res.stdout


@pytest.fixture(scope="module")
def surfaces(cat, sources) -> dict[str, dict]:
    """Per source: its document, ``score --format json``, ``plan --format json`` and the first PDF page."""
    scored = json.loads(_cli("score", *map(str, sources), "--format", "json"))
    out = {}
    for path, score_json in zip(sources, scored, strict=True):
        doc = read(cat, path)
        pdf, _ = render_pdf(cat, doc.data, "en")
        first = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
        plan = json.loads(_cli("plan", str(path), "--format", "json"))
        out[path.stem] = {"doc": doc, "score": score_json, "plan": plan, "first_page": re.sub(r"\s+", " ", first)}
    return out


def test_dont_know_answers_are_counted_as_such(surfaces):
    counts = surfaces["food-importer-dont-know"]["score"]["facts"]["counts"]
    assert counts["dont_know"] == 2 and counts["unanswered"] == 1
    assert counts["in_scope"] == counts["answered"] + counts["dont_know"] + counts["unanswered"]


def test_recommended_tier_and_date_agree_on_first_page_plan_and_score(cat, surfaces):
    for name, s in surfaces.items():
        rec = s["score"]["facts"]["recommended"]
        assert s["plan"]["recommended"] == (rec["tier"] if rec else None), name
        if rec is None:
            continue
        target = s["plan"]["targets"][rec["tier"]]
        assert (target["apply_on"], target["decision_by"]) == (rec["apply_on"], rec["decision_by"]), name
        page = s["first_page"]
        date = rec["apply_on"] or rec["ready_on"]
        assert fmt_date(date, "en") in page, (name, date)
        if rec["route"] != "repair":
            assert cat.label("tiers", rec["tier"]).en in page, name
            assert s["plan"]["next_step"]["en"].count(cat.label("tiers", rec["tier"]).en) >= 1, name


def test_effort_in_person_days_agrees_on_first_page_score_and_plan(cat, surfaces):
    for name, s in surfaces.items():
        rec = s["score"]["facts"]["recommended"]
        if rec is None or rec["route"] == "repair":
            continue
        effort = s["score"]["facts"]["effort"][rec["tier"]]
        target = s["plan"]["targets"][rec["tier"]]
        assert effort["total_days"] == target["person_days"], name
        assert f"Total {effort['total_days']}" in s["first_page"], name


def test_a_dont_know_costs_its_verification_not_a_remediation(surfaces):
    known, unknown = surfaces["regular-food-importer"]["score"], surfaces["food-importer-dont-know"]["score"]
    for tier in ("certified", "advanced"):
        a, b = known["facts"]["effort"][tier], unknown["facts"]["effort"][tier]
        assert b["remediation_days"] <= a["remediation_days"], tier
        checks = [s for s in surfaces["food-importer-dont-know"]["plan"]["steps"]
                  if s["kind"] == "check" and s["id"] in unknown["plan"]["targets"][tier]["steps"]]
        assert b["verification_days"] == sum(s["days"] for s in checks) > a["verification_days"], tier
    assert all("effort_days" not in p for p in unknown["paths"].values())


def test_a_dont_know_blocker_costs_its_check_step_on_the_score_screen_and_in_the_report(cat, surfaces):
    from rich.console import Console

    from aeo_check.views.terminal import render_score

    s = surfaces["food-importer-dont-know"]
    checks = {item: step["days"] for step in s["plan"]["steps"] if step["kind"] == "check" for item in step["items"]}
    unknown = {g["id"] for sid in ("advanced", "certified") for g in s["score"]["standards"][sid]["gaps"]
               if g["rating"] == "unanswered"}
    assert unknown and unknown <= checks.keys()
    console = Console(file=io.StringIO(), width=200, color_system=None)
    render_score(console, cat, s["doc"], "en")
    screen = console.file.getvalue()
    gaps = build_context(cat, s["doc"].data, "en", None, True)["gaps"]
    for item in unknown:
        title = next(g["title"]["en"] for g in s["score"]["standards"]["advanced"]["gaps"] if g["id"] == item)
        row = next(line for line in screen.splitlines() if title in line)
        assert row.rstrip(" │").endswith(f"{checks[item]} (Check)"), row
        assert next(m for m in gaps if m["id"] == item)["check_days"] == checks[item]


def test_answer_counts_agree_on_result_screen_json_and_report(cat, surfaces):
    for name, s in surfaces.items():
        counts = s["score"]["facts"]["counts"]
        for lang in ("zh", "en"):
            line = t("answer_counts", lang, **counts)
            screen = "\n".join(x.plain for x in screen_lines(cat, s["doc"], lang))
            assert (line in screen) == s["doc"].result.provisional, (name, lang)
            assert str(escape(line)) in render_html(cat, s["doc"].data, lang), (name, lang)


def test_the_answer_appendix_lists_every_dont_know(cat, surfaces):
    doc = surfaces["food-importer-dont-know"]["doc"]
    rows = [r for sec in build_context(cat, doc.data, "en", None, True)["appendix"] for r in sec["rows"]]
    assert sorted(r["id"] for r in rows if r["dont_know"]) == sorted(UNKNOWN)
    assert len(rows) == doc.facts.counts.in_scope


def test_evidence_states_agree_in_checklist_and_json(cat, surfaces):
    for name, s in surfaces.items():
        states = [(e["zh"], e["state"]) for e in s["score"]["evidence"]]
        report = [(e["doc"], e["state"]) for e in build_context(cat, s["doc"].data, "zh", None, True)["evidence"]]
        assert report == states, name


def test_a_document_the_answers_establish_is_held(surfaces):
    evidence = {e["en"]: e["state"] for e in surfaces["regular-food-importer"]["score"]["evidence"]}
    assert evidence["Audited balance sheet and cash-flow statement"] == "held"


def test_diff_and_the_progress_page_show_the_same_numbers(cat, sources, surfaces):
    from aeo_check.compare.progress import compare

    old, new = ROOT / "examples" / "regular-food-importer.yaml", sources[-1]
    diffed = json.loads(_cli("diff", str(old), str(new), "--format", "json"))
    assert diffed == compare(read(cat, old).data, surfaces[new.stem]["doc"].data)
    assert diffed["paths"]["advanced"]["effort_days_new"] == surfaces[new.stem]["score"]["facts"]["effort"][
        "advanced"]["total_days"]
    page = render_html(cat, surfaces[new.stem]["doc"].data, "en", progress=diffed)
    for row in diffed["standards"].values():
        assert f"{row['old']}" in page and f"{row['new']}" in page
