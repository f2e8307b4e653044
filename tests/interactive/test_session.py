"""`aeo-check assess` driven through questionary with piped keys (no terminal needed).

Keys are typed into a prompt_toolkit pipe; every questionary prompt created inside the app session
reads them, exactly as it would read a keyboard. ``Typist`` types each prompt's keys just before the
prompt opens (chosen from a script, or from the question's type for a whole run) and records what
the answer file held at that moment, so each test can check the file after every answer.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from keys import (
    CAT,
    CTRL_C,
    CTRL_N,
    CTRL_P,
    CTRL_S,
    CTRL_U,
    DOWN,
    ENTER,
    LAST,
    ROOT,
    UP,
    drive,
    near_complete,
    saved,
)

from aeo_check.answers.read import load_answers
from aeo_check.document.build import read as read_document
from aeo_check.interactive.screening import screening_ids


def test_resume_asks_only_the_unanswered_and_saves_each_answer(tmp_path):
    path = near_complete(tmp_path)
    before = saved(path)["answers"]
    code, typist, out = drive(tmp_path, ["y", "3" + ENTER, "2" + ENTER, "1" + ENTER, "n"], resume=path)
    assert code == 0
    assert typist.asked[:4] == LAST
    # the file after each answer holds exactly the answers given so far
    for k, snap in enumerate(typist.snapshots[:4]):
        answers = snap["answers"]
        given = {q: answers[q] for q in LAST if answers.get(q) is not None}
        assert list(given) == LAST[:k], k
    final = saved(path)["answers"]
    assert final["security_training_agents"] is True
    assert (final["declarants_top_junior"], final["declarants_top_intermediate"], final["declarants_top_advanced"]) \
        == (3, 2, 1)
    # the file keeps its layout: blank answers stay blank, the others are unchanged
    assert {k: v for k, v in final.items() if k not in LAST} == {k: v for k, v in before.items() if k not in LAST}
    assert load_answers(path, CAT).answers["declarants_top_advanced"] == 1
    assert "Certified Enterprise" in out and "102" in out


@pytest.mark.parametrize("stop_at", [0, 1, 2, 3])
def test_interrupt_after_any_question_keeps_every_answer(tmp_path, stop_at):
    path = near_complete(tmp_path)
    keys = ["y", "3" + ENTER, "2" + ENTER, "1" + ENTER][:stop_at] + [CTRL_C]
    code, typist, out = drive(tmp_path, keys, resume=path)
    assert code == 130
    answers = saved(path)["answers"]
    assert [q for q in LAST if answers.get(q) is not None] == LAST[:stop_at]
    assert str(path) in out and f"--resume {path}" in out
    assert "Traceback" not in out


@pytest.mark.parametrize(("lang", "line"), [("zh", "已中断。答案已保存到 {path}"),
                                            ("en", "Interrupted. Answers are saved in {path}")])
def test_the_interrupt_line_is_set_as_each_language_sets_a_sentence(tmp_path, lang, line):
    path = near_complete(tmp_path)
    code, _, out = drive(tmp_path, [CTRL_C], resume=path, lang=lang)
    assert code == 130 and line.format(path=path) in out


def test_resume_continues_after_an_interrupt(tmp_path):
    path = near_complete(tmp_path)
    assert drive(tmp_path, ["y", "3" + ENTER, CTRL_C], resume=path)[0] == 130
    code, typist, _ = drive(tmp_path, ["2" + ENTER, "1" + ENTER, "n"], resume=path)
    assert code == 0 and typist.asked[:2] == LAST[2:]
    answers = saved(path)["answers"]
    assert [answers[q] for q in LAST] == [True, 3, 2, 1]


def test_back_re_asks_the_previous_question_and_replaces_its_answer(tmp_path):
    path = near_complete(tmp_path)
    keys = ["y", "3" + ENTER, CTRL_P, CTRL_U + "2" + ENTER, "2" + ENTER, "1" + ENTER, "n"]
    code, typist, _ = drive(tmp_path, keys, resume=path)
    assert code == 0
    assert typist.asked[:5] == ["security_training_agents", "declarants_top_junior", "declarants_top_intermediate",
                                "declarants_top_junior", "declarants_top_intermediate"]
    assert saved(path)["answers"]["declarants_top_junior"] == 2


def test_skip_leaves_the_question_unanswered_and_the_result_provisional(tmp_path):
    path = near_complete(tmp_path)
    code, typist, out = drive(tmp_path, ["y", CTRL_S, "2" + ENTER, "1" + ENTER, "n"], resume=path)
    assert code == 0
    answers = saved(path)["answers"]
    assert answers.get("declarants_top_junior") is None and answers["declarants_top_intermediate"] == 2
    assert "provisional" in out.lower()


def test_note_is_saved_with_the_answer(tmp_path):
    path = near_complete(tmp_path)
    keys = [CTRL_N, "Agents briefed on 2026-03-02" + ENTER, "y", "3" + ENTER, "2" + ENTER, "1" + ENTER, "n"]
    code, typist, _ = drive(tmp_path, keys, resume=path)
    assert code == 0
    doc = saved(path)
    assert doc["notes"]["security_training_agents"] == "Agents briefed on 2026-03-02"
    assert doc["answers"]["security_training_agents"] is True


def test_invalid_numbers_are_re_asked_never_accepted(tmp_path):
    path = near_complete(tmp_path)
    keys = ["y", "abc" + ENTER + CTRL_U + "-5" + ENTER + CTRL_U + "2.5" + ENTER + CTRL_U + "3" + ENTER,
            "2" + ENTER, "1" + ENTER, "n"]
    code, typist, _ = drive(tmp_path, keys, resume=path)
    assert code == 0
    assert saved(path)["answers"]["declarants_top_junior"] == 3
    assert typist.asked.count("declarants_top_junior") == 1  # validation kept the one prompt open


def test_questions_that_do_not_apply_are_never_asked(tmp_path):
    blank = ["exports", "export_loading_supervised", "export_loading_photos", *LAST]
    path = near_complete(tmp_path, blank)
    code, typist, _ = drive(tmp_path, ["n", "y", "3" + ENTER, "2" + ENTER, "1" + ENTER, "n"], resume=path)
    assert code == 0
    assert typist.asked[:5] == ["exports", *LAST]
    answers = saved(path)["answers"]
    assert answers["exports"] is False
    assert "export_loading_supervised" not in typist.asked


def test_review_re_asks_one_section_with_current_answers_as_defaults(tmp_path):
    path = near_complete(tmp_path, blank=[])
    financial = [q.id for q in CAT.questions.values() if q.section == "financial"]
    keys = [ENTER] + [CTRL_U + "1" + ENTER] * 0
    # accept every default (Enter), except total_liabilities which changes
    script = []
    for qid in financial:
        q = CAT.questions[qid]
        if qid == "total_liabilities":
            script.append(CTRL_U + "58000000" + ENTER)
        elif q.type == "yes_no":
            script.append(ENTER)
        else:
            script.append(ENTER)
    script.append("n")
    code, typist, _ = drive(tmp_path, keys[:0] + script, resume=path, review="financial")
    assert code == 0
    assert typist.asked[:len(financial)] == financial
    doc = saved(path)
    assert doc["answers"]["total_liabilities"] == 58_000_000
    before = yaml.safe_load((ROOT / "examples" / "certified-trading.yaml").read_text(encoding="utf-8"))["answers"]
    assert doc["answers"]["total_assets"] == before["total_assets"]


def test_whole_questionnaire_from_an_empty_start(tmp_path):
    out_file = tmp_path / "new.yaml"
    code, typist, out = drive(tmp_path, auto=True, output=out_file)
    assert code == 0, out
    a = load_answers(out_file, CAT)
    assert a.enterprise.name == "Test Trading Co., Ltd." and a.enterprise.uscc == "91330206MA2H4RT5XN"
    asked = [x for x in typist.asked if not x.startswith(("text:", "select:", "checkbox:", "confirm:"))]
    assert len(asked) > 120 and set(asked) == set(a.answers)
    # the screening questions first (questionnaires/order.yaml), then the sections in the questionnaire's order
    first = screening_ids(CAT)
    k = sum(1 for q in asked if q in first)
    assert asked[:k] == [q for q in first if q in asked] and 0 < k <= 25
    sections = [CAT.questions[q].section for q in asked[k:]]
    order = ["profile", "internal_control", "financial", "compliance", "trade_security", "bonus"]
    assert [s for i, s in enumerate(sections) if i == 0 or sections[i - 1] != s] == order
    assert "Likely tier" in out
    # every mark counts against the total last announced; the last question asked is the last counted
    announced, marks = None, []
    for m in re.finditer(r"has (\d+) questions to answer|after this answer: (\d+) |\[(\d+)/(\d+) · ", out):
        if m.group(3) is None:
            announced = int(m.group(1) or m.group(2))
            continue
        assert int(m.group(4)) == announced, m.group(0)
        marks.append(int(m.group(3)))
    assert marks == sorted(marks) and marks[-1] == announced == len(asked)
    assert announced == read_document(CAT, out_file).facts.counts.in_scope


def test_not_a_terminal_is_refused_in_both_languages():
    exe = str(Path(sys.executable).parent / "aeo-check")
    for stdin in (subprocess.DEVNULL, None):
        res = subprocess.run([exe, "assess"], capture_output=True, text=True, stdin=stdin,
                             env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})
        assert res.returncode == 2
        lines = [x for x in res.stderr.splitlines() if x.strip()]
        assert len(lines) == 1 and "终端" in lines[0] and "terminal" in lines[0]
        assert "template" in lines[0] and "score" in lines[0] and "Traceback" not in res.stderr
    closed = subprocess.run(f"{exe} assess <&-", shell=True, capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin"})
    assert closed.returncode == 2 and "Traceback" not in closed.stderr


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_file_of_the_earlier_questionnaire_resumes_through_its_renames_and_says_what_it_drops(tmp_path, lang):
    # a 2026-11 file (questionnaire 1): one answer removed since, two questions split, one derived
    old = ROOT / "tests" / "answers" / "fixtures" / "2026-11" / "regular-food-importer.yaml"
    path = tmp_path / "food.yaml"
    path.write_text(old.read_text(encoding="utf-8"), encoding="utf-8")
    comments = sum(line.lstrip().startswith("#") for line in old.read_text(encoding="utf-8").splitlines())
    code, typist, out = drive(tmp_path, [DOWN + UP + ENTER, CTRL_C], resume=path, lang=lang)
    assert code == 130
    assert "solid_waste_fine_12m" in out and ("旧版问卷" if lang == "zh" else "earlier questionnaire") in out
    assert typist.asked[0] == "solid_waste_large_fine_last"  # new since: asked; the carried ones are not
    text = path.read_text(encoding="utf-8")
    answers = saved(path)["answers"]
    assert saved(path)["questionnaire_version"] == 2
    assert answers["cooperation_refused_last"] == answers["records_refused_last"]
    assert answers["annual_report_missed_last"] == "never" and answers["solid_waste_large_fine_last"] == "never"
    assert "solid_waste_fine_12m" not in answers and "# solid_waste_fine_12m:" in text  # named, not lost
    assert sum(line.lstrip().startswith("#") for line in text.splitlines()) == comments + 1  # comments kept
    assert load_answers(path, CAT).removed == []


def test_the_plan_is_written_as_pdf_where_asked_and_never_over_the_answers(tmp_path):
    path = near_complete(tmp_path)
    answers_before = path.read_bytes()
    target = tmp_path / "plan.pdf"
    keys = ["y", "3" + ENTER, "2" + ENTER, "1" + ENTER,  # the last four questions
            "y", CTRL_U + str(path) + ENTER,  # a PDF, first over the answer file itself: refused
            CTRL_U + str(target) + ENTER]  # then beside it
    code, typist, out = drive(tmp_path, keys, resume=path)
    assert code == 0
    assert [a for a in typist.asked if a.startswith("text:")] == ["text:Save the PDF as:"] * 2
    assert "Could not write the PDF:" in out and f"Improvement plan written: {target}" in out
    assert target.read_bytes().startswith(b"%PDF-")
    assert path.read_bytes() != answers_before and saved(path)["answers"]["declarants_top_advanced"] == 1
