"""The dated plan. Every date below is worked out by hand from the assessment date 2026-11-20
(a Friday), the planning constants in questionnaires/rules/planning.yaml and China's working
days (2026 official; 2027 estimated by rule: 1 Jan, 5-10 Feb, 5 Apr, 1-4 May, 9 Jun, 15 Sep and
1-5 Oct off). Spans are inclusive: a 10-day task from Friday 2026-11-20 ends on Thursday 3 Dec."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from factory import ASSESSED_ON, answer_all, enterprise

from aeo_check.answers.read import load_answers
from aeo_check.catalogue import get_catalogue
from aeo_check.planning import make_plan
from aeo_check.planning.plan import Step
from aeo_check.planning.schedule import schedule
from aeo_check.planning.workdays import WorkCalendar
from aeo_check.scoring import score

CAT = get_catalogue()
CAL = WorkCalendar()
ROOT = Path(__file__).resolve().parents[2]
EXE = str(Path(sys.executable).parent / "aeo-check")
D = dt.date


def plan_of(over=None, **ent):
    a = answer_all(CAT, enterprise(**ent), over=over or {})
    r = score(CAT, a)
    return r, make_plan(CAT, r)


def step(p, sid):
    return next(s for s in p.steps if s.id == sid)


# --------------------------------------------------------------------------- waits

def test_a_fine_dated_in_june_holds_the_advanced_application_until_it_leaves_the_window():
    r, p = plan_of({"penalty_count_12m": 1, "fines_total_12m": 80_000, "largest_fine_12m": 80_000,
                    "largest_fine_on": D(2026, 6, 20), "latest_penalty_on": D(2026, 6, 20)})
    assert r.tier == "certified"  # CNY 80,000 is within the Certified standard's CNY 100,000
    w = step(p, "wait:cmp-single-fine:advanced")
    assert (w.kind, w.end, w.end_earliest) == ("wait", D(2027, 6, 20), None)
    adv = p.targets["advanced"]
    assert adv.apply_on == D(2027, 6, 21)  # the window passes on Sunday 20 June: Monday
    assert adv.decided_by == "wait"
    assert adv.elapsed_working_days == 0  # waiting is not work
    assert p.situation == "apply"
    assert p.targets["certified"].apply_on == D(2026, 12, 4)  # the dossier 20 Nov - 3 Dec, then submitted


def test_a_fine_given_by_month_counts_from_the_months_last_day():
    _, p = plan_of({"penalty_count_12m": 1, "fines_total_12m": 80_000, "largest_fine_12m": 80_000,
                    "largest_fine_on": "2026-06", "latest_penalty_on": "2026-06"})
    assert step(p, "wait:cmp-single-fine:advanced").end == D(2027, 6, 30)
    assert "event-month-end" in [a["id"] for a in p.to_dict()["assumptions"]]


def test_an_export_notice_known_only_as_a_band_gives_a_range():
    # a notification 12-24 months ago, window 24 months: it leaves the window between the
    # assessment date and 12 months later
    r, p = plan_of({"fc_foreign_notification_last": "m12_24"}, specific=["food_cosmetics"])
    w = step(p, "wait:fc-foreign-notification:advanced")
    assert (w.end_earliest, w.end) == (D(2026, 11, 20), D(2027, 11, 20))
    cer = p.targets["certified"]
    assert (cer.ready_earliest, cer.ready_on) == (D(2026, 11, 20), D(2027, 11, 20))
    assert cer.apply_on == D(2027, 11, 22)  # the window ends on Saturday 20 November
    assert r.paths["certified"].effort_days == 730  # the scorer's effort is no longer what the plan shows


# --------------------------------------------------------------------------- work is elapsed time, not a sum

def test_three_owners_work_at_the_same_time():
    on = ASSESSED_ON
    steps = {sid: Step(sid, "work", {"zh": sid, "en": sid}, owner, on, None, days=days)
             for sid, owner, days in (("a", "hr", 20), ("b", "it", 90), ("c", "security", 30))}
    schedule(steps, on, ["a", "b", "c"], CAL)
    assert {s.start for s in steps.values()} == {on}
    assert CAL.count(on, steps["b"].end) == 90


def test_one_owners_tasks_follow_one_another():
    on = ASSESSED_ON
    steps = {sid: Step(sid, "work", {"zh": sid, "en": sid}, "it", on, None, days=days)
             for sid, days in (("x", 10), ("y", 5))}
    schedule(steps, on, ["x", "y"], CAL)
    assert steps["x"].end == D(2026, 12, 3)  # Friday 20 Nov is the first of the 10 days
    assert (steps["y"].start, steps["y"].end) == (D(2026, 12, 4), D(2026, 12, 10))


def test_the_food_importers_plan_counts_elapsed_time_from_the_longest_owner():
    p = make_plan(CAT, score(CAT, load_answers(ROOT / "examples" / "regular-food-importer.yaml", CAT)))
    adv = p.targets["advanced"]
    work = [s for s in p.steps if s.kind in ("check", "work") and "advanced" in s.tiers]
    per_owner: dict[str, int] = {}
    for s in work:
        per_owner[s.owner] = per_owner.get(s.owner, 0) + s.days
    assert adv.elapsed_working_days == max(per_owner.values())
    assert adv.person_days == sum(per_owner.values()) + 10  # plus the dossier
    assert adv.elapsed_working_days < adv.person_days


# --------------------------------------------------------------------------- apply, keep, the way back

def test_a_regular_enterprise_that_qualifies_gets_an_apply_path():
    p = make_plan(CAT, score(CAT, load_answers(ROOT / "examples" / "advanced-manufacturer.yaml", CAT)))
    assert p.situation == "apply"
    adv = p.targets["advanced"]
    assert adv.route == "apply"
    assert adv.apply_on == D(2026, 12, 4)  # the dossier 20 Nov - 3 Dec, submitted the next working day
    assert adv.decided_by == "apply"
    assert adv.onsite_by == D(2027, 2, 2)  # 60 days from receipt (an assumption)
    assert adv.decision_by == D(2027, 3, 4)  # 90 days from receipt
    # 120 days from receipt is Saturday 3 April; 5 April is Qingming: Tuesday (Civil Code Art. 203)
    assert adv.decision_latest == D(2027, 4, 6)
    limits = {lim["id"]: lim for lim in p.limits}
    assert limits["decision"]["source"]["en"].startswith("GACC Order No. 237") and limits["decision"]["assumption"] is None
    assert (limits["onsite"]["source"], limits["onsite"]["assumption"]) == (None, "plan-onsite-window")
    assert {"plan-onsite-window", "plan-receipt-on-submission"} <= {a["id"] for a in p.assumptions}
    assert "2026-12-04" in p.next_step["en"] and "2027年3月4日" in p.next_step["zh"]


def test_a_certified_enterprise_that_holds_its_tier_gets_its_yearly_obligations():
    r, p = plan_of(current_tier="advanced")
    assert (r.tier, p.situation) == ("advanced", "keep")
    due = {k["id"]: k["due"] for k in p.keep}
    assert due == {"self-review": "2026-11-30", "internal-audit": "2026-12-31",
                   "annual-audit-matters": "2027-06-30", "annual-credit-report": "2027-06-30", "review": None}
    assert p.next_step["en"] == ("Keep the Advanced Certified Enterprise status: meet the yearly obligations; "
                                 "the next is Re-assess with this tool every year, and at once after a major change "
                                 "(a penalty, new investors, worse finances), due by 2026-11-30.")


def test_the_discredited_example_gets_its_credit_repair_date_and_the_bar_after_it():
    p = make_plan(CAT, score(CAT, load_answers(ROOT / "examples" / "discredited.yaml", CAT)))
    assert p.situation == "way_back"
    # duty overdue: pay, then apply for repair 3 months after the designation (not yet made: the
    # assessment date), then one year before a certification application
    assert p.targets["regular"].ready_on == D(2027, 2, 20)
    assert p.repair["bar_until"] == "2028-02-20"
    assert p.targets["certified"].apply_on >= D(2028, 2, 21)
    pay = step(p, "work:pay:duty-overdue")
    assert (pay.owner, pay.end) == ("finance", D(2026, 11, 26))  # 20, 23, 24, 25, 26 November


def test_a_smuggling_crime_has_no_application_route_only_automatic_repair():
    r, p = plan_of({"smuggling_criminal_last": D(2026, 5, 10)})
    assert r.tier == "discredited"
    rep = step(p, "repair:smuggling-criminal")
    assert rep.detail["route"] == "automatic"
    assert rep.end == D(2028, 5, 10)  # 2 clean years after the designation
    assert p.repair["bar_until"] == "2029-05-10"


def test_a_credit_repair_four_months_ago_bars_the_application_for_a_year():
    r, p = plan_of({"credit_repaired": True, "credit_repaired_on": D(2026, 7, 20)})
    assert r.timing["may_apply_from"] == "2027-07-20"
    assert r.timing["barred"] is True
    adv = p.targets["advanced"]
    assert (adv.apply_on, adv.decided_by) == (D(2027, 7, 20), "bar")
    assert p.next_step["en"].startswith("The enterprise meets the Advanced Certified Enterprise standard but may not "
                                        "apply before 2027-07-20")


def test_a_certified_enterprise_that_no_longer_qualifies_is_told_the_way_back_to_its_tier():
    r, p = plan_of({"internal_audit_done": "not_done"}, current_tier="certified")
    assert (r.tier, p.situation) == ("regular", "at_risk")
    first = next(iter(p.targets.values()))
    assert (first.tier, first.route) == ("certified", "climb")
    assert p.next_step["en"].startswith("The answers no longer meet the Certified Enterprise standard: ")
    assert step(p, "work:ic-internal-audit").days == 20


# --------------------------------------------------------------------------- checks, statements, margins

def test_an_unanswered_fact_is_a_short_check_not_a_remediation():
    a = answer_all(CAT, enterprise())
    del a.answers["investors_discredited"]
    a.dont_know.append("investors_discredited")
    p = make_plan(CAT, score(CAT, a))
    chk = step(p, "check:investors_discredited")
    assert chk.kind == "check" and chk.days == 2
    assert chk.end == D(2026, 11, 23)  # Friday and Monday
    assert chk.detail["dont_know"] is True
    assert not [s for s in p.steps if s.kind in ("work", "wait") and "cmp-investor-credit" in s.items]
    assert p.targets["advanced"].provisional is True


def test_solvency_waits_for_the_next_audited_statements_with_figures_to_reach():
    figures = {"total_assets": 64_000_000, "total_liabilities": 51_200_000, "current_assets": 52_800_000,
               "current_liabilities": 57_600_000, "cash_and_trading_assets": 8_640_000,
               "operating_cash_flow": 2_048_000}
    r, p = plan_of(figures, production=False)
    assert r.tier == "certified"
    st = step(p, "statements:fin-solvency:advanced")
    assert st.end == D(2027, 4, 30)  # year end 2026-12-31, audit report by 30 April
    ind = {i["id"]: i for i in st.detail["indicators"]}
    assert ind["debt_ratio"]["change"] == -3_200_000.0  # to 75 % of CNY 64 m: 48 m
    assert ind["cash_ratio"]["change"] == 2_880_000.0  # to 0.2 x 57.6 m
    assert ind["ocf_to_liabilities"]["change"] == 3_072_000.0  # to 0.1 x 51.2 m
    assert ind["current_ratio"]["change"] == 4_800_000.0  # to 1.0 x 57.6 m
    # two of four are needed: the two smallest moves relative to their figures
    assert sorted(k for k, v in ind.items() if v.get("suggested")) == ["current_ratio", "debt_ratio"]
    assert p.targets["advanced"].apply_on == D(2027, 5, 5)  # after the Labour Day days off, 1-4 May
    assert p.targets["advanced"].decided_by == "statements"


def test_a_path_that_lands_exactly_on_the_threshold_says_so():
    p = make_plan(CAT, score(CAT, load_answers(ROOT / "examples" / "regular-food-importer.yaml", CAT)))
    cer = p.targets["certified"]
    assert (cer.score, cer.threshold, cer.no_margin) == (95, 95, True)


# --------------------------------------------------------------------------- evidence

def test_evidence_has_three_states_and_no_missing_document_of_an_event_that_did_not_happen():
    r, _ = plan_of()
    by = {e["en"]: e for e in r.evidence}
    assert by["Customs penalty decisions of the last year"]["state"] == "na"
    assert by["Receipts for the fines paid"]["state"] == "na"
    states = [e["state"] for e in r.evidence]
    assert "missing" not in states
    assert len({e["zh"] for e in r.evidence}) == len(r.evidence)  # each document once


def test_missing_evidence_comes_first_with_its_items_and_owner():
    r = score(CAT, load_answers(ROOT / "examples" / "regular-food-importer.yaml", CAT))
    states = [e["state"] for e in r.evidence]
    assert states == sorted(states, key=["missing", "to_check", "held", "na"].index)
    first = r.evidence[0]
    assert first["state"] == "missing" and first["items"] and first["owner"] and first["numbers"]


RANK = ["missing", "to_check", "held", "na"]


@pytest.mark.parametrize("kind, specific", [("importer_exporter", []), ("customs_broker", ["food_cosmetics"]),
                                            ("customs_broker", ["animal_plant_quarantine", "health_quarantine"])])
def test_a_document_of_several_items_is_listed_once_in_the_place_of_its_first_item_in_scope(kind, specific):
    # a customs broker's "inspection notices" document is first named by the importer's item (not in
    # its scope) and then by the agency item: it is listed with the agency item alone and its number
    r, _ = plan_of(type=kind, specific=specific, production=kind != "customs_broker")
    rated = {}
    for std in ("advanced", "certified"):
        for it in r.standards[std].items:
            if it.category != "bonus" and it.rating != "na":
                rated.setdefault(it.id, it)
    links = [(i, e) for i in CAT.items for e in i.evidence if i.id in rated]
    first = {}
    for place, (i, e) in enumerate(links):
        first.setdefault(e.zh, (place, i))
    got = r.evidence
    assert [e["zh"] for e in got] == sorted(first, key=lambda zh: (RANK.index(next(
        g["state"] for g in got if g["zh"] == zh)), first[zh][0]))
    for e in got:
        mine = [i for i, d in links if d.zh == e["zh"]]
        lead = first[e["zh"]][1]
        assert e["items"] == [i.id for i in mine]
        assert (e["owner"], e["category"]) == (lead.owner, lead.specific or lead.category)
        numbers = [(i.standards["advanced"] if "advanced" in i.standards else i.standards["certified"]).number
                   for i in mine]  # the Advanced standard's number where the item has one
        assert e["numbers"] == [f"({n})" if i.specific is None else str(n) for i, n in zip(mine, numbers, strict=False)]
    several = [e["en"] for e in got if len(e["items"]) > 1]
    assert several == ["Document filing and retention procedure"]
    # the documents first named by an item out of scope: the broker's notices of each specific type
    named_first = {}
    for i in CAT.items:
        for d in i.evidence:
            named_first.setdefault(d.zh, i.id)
    late = sorted(e["items"] for e in got if named_first[e["zh"]] not in rated)
    prefix = {"food_cosmetics": "fc", "animal_plant_quarantine": "pq", "health_quarantine": "hq"}
    assert late == sorted([f"{prefix[s]}-agency-adverse-outcomes"] for s in specific)


def test_a_document_takes_the_place_owner_and_worst_state_of_its_items_in_scope():
    """The rule on a made-up checklist, where it matters: the letter is first named by an item out
    of scope (A), so it sits after the policy (named by B) and takes its owner from C."""
    from types import SimpleNamespace as NS

    from aeo_check.scoring.engine import _evidence

    def link(place, item, owner, category):
        return (place, item, owner, category, f"{item} English", None, None)

    docs = [("letter", (link(0, "A", "legal", "compliance"), link(2, "C", "finance", "financial"))),
            ("policy", (link(1, "B", "hr", "internal_control"), link(3, "D", "it", "trade_security")))]
    c = NS(evidence_docs=docs, numbers={"B": "(2)", "C": "(3)", "D": "(4)"})
    rated = [NS(id="B", category="internal_control", rating="pass"), NS(id="C", category="financial", rating="pass"),
             NS(id="D", category="trade_security", rating="pass")]
    standards = {"advanced": NS(items=rated), "certified": NS(items=[])}
    rows = _evidence(c, None, standards)
    assert [(r[2], r[4], r[5], r[6], r[7], r[8]) for r in rows] == [
        ("policy", "held", ("B", "D"), "hr", "internal_control", ("(2)", "(4)")),
        ("letter", "held", ("C",), "finance", "financial", ("(3)",))]
    rated[2] = NS(id="D", category="trade_security", rating="fail")  # one item of the policy fails
    rows = _evidence(c, None, standards)
    assert [(r[2], r[4]) for r in rows] == [("policy", "missing"), ("letter", "held")]


# --------------------------------------------------------------------------- surfaces

def _run(*args):
    return subprocess.run([EXE, *args], capture_output=True, text=True, cwd=ROOT, stdin=subprocess.DEVNULL)


def test_plan_command_exports_the_task_list_as_csv_and_json():
    res = _run("plan", "examples/regular-food-importer.yaml", "--format", "csv", "--lang", "en")
    assert res.returncode == 0, res.stderr
    rows = list(csv.DictReader(io.StringIO(res.stdout.lstrip("\ufeff"))))
    assert list(rows[0]) == ["ID", "Step", "Kind", "Owner", "Start", "End", "Earliest end", "Person-days",
                             "Items (Advanced standard numbers)", "Depends on", "For"]
    fine = next(r for r in rows if r["ID"] == "wait:cmp-single-fine:advanced")
    assert (fine["Kind"], fine["Start"], fine["End"], fine["Items (Advanced standard numbers)"]) == \
        ("Wait", "2026-11-20", "2027-05-31", "(18)")
    res = _run("plan", "examples/regular-food-importer.yaml", "--format", "json")
    data = json.loads(res.stdout)
    # the records of the partner vetting run to 31 March; the dossier 1-15 April (5 April is
    # Qingming); submitted on Friday 16 April
    assert data["targets"]["certified"]["apply_on"] == "2027-04-16"


def test_score_json_carries_the_plan_and_the_table_shows_the_next_step():
    res = _run("score", "examples/advanced-manufacturer.yaml", "--format", "json")
    doc = json.loads(res.stdout)[0]
    assert doc["plan"]["targets"]["advanced"]["apply_on"] == "2026-12-04"
    assert doc["plan"]["targets"]["advanced"]["decision_by"] == "2027-03-04"
    res = _run("score", "examples/advanced-manufacturer.yaml", "--lang", "en")
    flat = " ".join(res.stdout.split())
    assert "Next step: The enterprise meets the Advanced Certified Enterprise standard: prepare the dossier, " \
           "submit the application to the registration customs by 2026-12-04" in flat.replace("│ ", "").replace(" │", "")


@pytest.mark.parametrize("lang,heading,apply_label", [("zh", "四、日期计划", "目标申请日"),
                                                      ("en", "4. The dated plan", "Apply by")])
def test_the_report_shows_the_dated_plan(tmp_path, lang, heading, apply_label):
    from pypdf import PdfReader

    out = tmp_path / "plan.pdf"
    res = _run("report", "examples/regular-food-importer.yaml", "-o", str(out), "--lang", lang)
    assert res.returncode == 0, res.stderr
    pages = [pg.extract_text() for pg in PdfReader(out).pages]
    page = next(t for t in pages if heading in t)
    assert apply_label in page
    assert ("2027年4月16日" if lang == "zh" else "2027-04-16") in page
    assert ("2027年10月6日" if lang == "zh" else "2027-10-06") in page
    text = "\n".join(pages)
    assert "各项工作量之和" not in text and "effort in total" not in text


@pytest.mark.parametrize("columns", [80, 120])
def test_plan_table_keeps_dates_whole_at_any_width(columns):
    """Every row's start and end dates stay on one line; below 100 columns the items' official
    numbers lead the step (Chinese without a space) instead of taking a column of their own."""
    import os

    r = subprocess.run([EXE, "plan", "examples/regular-food-importer.yaml", "--lang", "zh"], capture_output=True,
                       text=True, cwd=ROOT, stdin=subprocess.DEVNULL, env={**os.environ, "COLUMNS": str(columns)})
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert max(len(line) for line in lines) <= columns
    row = next(line for line in lines if "装货前" in line and "整改" in line).split()
    if columns == 80:  # the step and the owner wrap; the number, kind, tier, dates and days do not
        assert row[0] == "2" and row[1].startswith("(54)装货前")
        assert row[2:4] + row[5:] == ["整改", "高级", "2026-11-20", "2026-12-03", "10"]
    else:
        assert row == ["2", "装货前检查", "整改", "高级", "物流仓储部门", "2026-11-20", "2026-12-03", "10", "(54)"]
