"""The screening part: which questions (data), at most 25 for any profile, and the provisional
verdict read from the scorer's result."""

from __future__ import annotations

from pathlib import Path

import pytest

from aeo_check.answers.read import load_answers
from aeo_check.catalogue import get_catalogue
from aeo_check.catalogue.vocab import ENTERPRISE_TYPES, SPECIFIC_TYPES
from aeo_check.interactive.screening import blockers, screening_ids, verdict_lines
from aeo_check.interactive.session import in_profile
from aeo_check.scoring import score

ROOT = Path(__file__).resolve().parents[2]
CAT = get_catalogue()


@pytest.mark.parametrize("etype", ENTERPRISE_TYPES)
def test_screening_asks_at_most_25_questions_of_any_profile(etype):
    asked = [q for q in screening_ids(CAT) if in_profile(CAT.questions[q], etype, SPECIFIC_TYPES)]
    assert 15 <= len(asked) <= 25


def test_screening_holds_every_fact_a_discrediting_ground_reads():
    read = {n for tr in CAT.triggers for n in tr.when.names if n in CAT.questions}
    assert read <= set(screening_ids(CAT))


def test_screening_holds_the_facts_of_the_items_no_repair_mends_for_penalties_and_finance():
    first = set(screening_ids(CAT))
    assert {"penalty_count_12m", "fines_total_12m", "audit_opinion", "total_assets", "total_liabilities",
            "dissolution_or_bankruptcy", "false_info_last", "abnormal_list_last"} <= first


def only_screening(example: str):
    a = load_answers(ROOT / "examples" / example, CAT)
    first = set(screening_ids(CAT))
    a.answers = {k: v for k, v in a.answers.items() if k in first}
    a.dont_know = [q for q in a.dont_know if q in first]
    return score(CAT, a)


def test_the_discredited_example_shows_its_ground_and_the_item_in_both_standards():
    res = only_screening("discredited.yaml")
    assert res.tier == "discredited"
    assert blockers(res, "en") == ["Discrediting ground: Duty unpaid more than 3 months after the deadline",
                                   "Adv. (22)/Cert. (20) Duty and fines paid on time"]


def test_the_food_importer_sees_its_penalty_item_numbered_in_the_advanced_standard():
    res = only_screening("regular-food-importer.yaml")
    lines = [str(t) for t in verdict_lines(CAT, res, 19, 150, "zh")]
    assert lines[0] == "按筛查部分的19个问题，暂定信用等级： 常规企业 "
    assert "  · 高级(19) 处罚次数和累计金额" in lines
    assert lines[-1] == "其余150个问题决定两项标准的得分。"
