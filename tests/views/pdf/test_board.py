"""A plan a board signs and a consultant puts their name on.

The PDFs are read back with pypdf, as a reader would see them. Each PDF is rendered once per
session; wording and layout choices that need no PDF are checked on the HTML.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from aeo_check.answers.read import load_answers
from aeo_check.catalogue import get_catalogue
from aeo_check.catalogue.extras import get_extras
from aeo_check.document.resultfile import read_one
from aeo_check.views.pdf.board import DocInfo
from aeo_check.views.pdf.report import answers_attachment, load_brand, render_html, render_pdf

ROOT = Path(__file__).resolve().parents[3]
EXE = str(Path(sys.executable).parent / "aeo-check")
FOOD = ROOT / "examples" / "regular-food-importer.yaml"
TRADING = ROOT / "examples" / "certified-trading.yaml"

#: target dates set by hand on the planner's own plan, so the first page can be checked exactly
HAND_DATES = {"certified": ("2027-03-15", "2027-07-13"), "advanced": ("2027-07-31", "2027-11-28")}


def _with_dates(R: dict) -> dict:
    plan = R["plan"]
    targets = {tier: {**t, "apply_on": HAND_DATES[tier][0], "decision_by": HAND_DATES[tier][1]}
               for tier, t in plan["targets"].items()}
    return {**R, "plan": {**plan, "targets": targets}}


def _text(reader: PdfReader) -> list[str]:
    return [p.extract_text() for p in reader.pages]


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="session")
def brand(tmp_path_factory):
    d = tmp_path_factory.mktemp("brand")
    (d / "brand.yaml").write_text(
        'name: 华信关务咨询\nprimary: "#224466"\nconsultant: 王敏\nreviewer: 李娜\n'
        "classification: internal\nday_rate: 2500\nday_rates: {management: 4000}\n", encoding="utf-8")
    return load_brand(d / "brand.yaml")


@pytest.fixture(scope="session")
def plans(brand):
    """Four plans, each rendered once: the food importer with a dated plan and a brand (en), the
    same without a brand (zh), the trading company as tagged PDF/UA and as PDF/A-3 with its
    answer file inside."""
    cat = get_catalogue()
    food = read_one(cat, FOOD).data
    trading = read_one(cat, TRADING).data
    dated = _with_dates(food)
    out = {}
    for key, R, lang, b, variant, att in [
        ("food-en", dated, "en", brand, None, None),
        ("food-zh", food, "zh", None, None, None),
        ("trading-ua", trading, "en", None, "pdf/ua-1", None),
        ("trading-a3", trading, "en", brand, "pdf/a-3b", answers_attachment(TRADING, trading)),
    ]:
        pdf, _ = render_pdf(cat, R, lang, b, variant=variant, attachment=att,
                            info=DocInfo(report_no="HX-2026-118" if b else None, revision="1.1" if b else "1.0"))
        reader = PdfReader(io.BytesIO(pdf))
        out[key] = {"pdf": pdf, "reader": reader, "pages": _text(reader), "R": R}
    return out


# --------------------------------------------------------------------------- first page

def test_first_page_decides_tier_targets_dates_benefits_recommendation(plans):
    page = plans["food-en"]["pages"][0]
    flat = _flat(page)
    assert "Where we stand" in page and "Regular enterprise" in page
    assert "83 / 95" in page and "91 / 95" in page
    # where it can be, and when: the dated plan's dates
    assert _flat("Certified Enterprise") in flat and _flat("15 Mar 2027") in flat and _flat("13 Jul 2027") in flat
    assert _flat("31 Jul 2027") in flat and _flat("28 Nov 2027") in flat
    # what it takes: person-days by owner of the plan's steps to Advanced, priced with the brand's
    # day rates: management 22 x 4,000; customs affairs 40, security 30, logistics 10 x 2,500
    plan = plans["food-en"]["R"]["plan"]
    steps = {s["id"]: s for s in plan["steps"]}
    by: dict = {}
    for sid in plan["targets"]["advanced"]["steps"]:
        if steps[sid]["owner"] and steps[sid]["days"]:
            by[steps[sid]["owner"]] = by.get(steps[sid]["owner"], 0) + steps[sid]["days"]
    assert "Management" in page and "Customs affairs" in page
    assert _flat(f"Management {by['management']} CNY {by['management'] * 4000:,}") in flat
    assert _flat(f"Customs affairs {by['customs_affairs']} CNY {by['customs_affairs'] * 2500:,}") in flat
    total = by["management"] * 4000 + sum(d for o, d in by.items() if o != "management") * 2500
    assert _flat(f"Total {sum(by.values())} CNY {total:,}") in flat
    # what it brings, with its source
    assert "18.5 %" in page and "GACC press briefing, 12 Feb 2026" in page
    assert re.search(r"Xinhua\)\s*\[1\]", page)
    # the risk of doing nothing, and one recommendation with the dates
    assert "80 % or more" in page
    assert "Recommendation" in page
    # Advanced can be applied for within six months of Certified: go straight for it
    assert _flat("Aim for Advanced Certified Enterprise: start now, apply on 31 Jul 2027, and expect a decision "
                 "by 28 Nov 2027.") in flat


def test_first_page_in_chinese_with_the_planners_dates_and_no_invented_cost(plans):
    page = plans["food-zh"]["pages"][0]
    flat = _flat(page)
    targets = plans["food-zh"]["R"]["plan"]["targets"]
    assert "目标与时间" in page and "认证企业" in page
    for tier in ("certified", "advanced"):
        for key in ("apply_on", "decision_by"):
            y, m, d = (int(x) for x in targets[tier][key].split("-"))
            assert f"{y}年{m}月{d}日" in flat, (tier, key)
    assert "未提供日费率，故不列费用。" in flat and "元" not in flat.split("所需投入")[1].split("能带来什么")[0]
    assert "18.5%" in flat and "海关总署2026年2月12日新闻发布会（新华社报道）[1]" in flat
    assert "企业没有出口业务" in flat  # the food importer does not export
    assert "建议" in page and "建议以" in flat and "为目标，立即启动整改，于" in flat


def test_export_markets_and_the_aeo_code_a_partner_needs(plans):
    page = _flat(plans["trading-ua"]["pages"][0])
    assert _flat("European Union ✓ Recognises China's Advanced Certified Enterprise tier since 1 Nov 2015"
                 " (reported unofficially only; to be checked)") in page
    assert _flat("Thailand ✓ Recognises China's Advanced Certified Enterprise tier since 1 Aug 2025") in page
    assert _flat("Australia ✓ Recognises China's Advanced Certified Enterprise tier since 14 Dec 2023") in page
    assert _flat("United Kingdom Not in our list of partners") in page
    code = plans["trading-ua"]["R"]["enterprise"]["customs_code"]
    assert f"AEOCN{code}" in page
    assert _flat("32 economies covering 58 countries and regions") in page
    assert _flat("The annual credit information report is due by 30 June every year, next by 30 Jun 2027") in page


def test_pass_rule_assumed_next_to_every_score_and_the_veto_stated(plans):
    pages = plans["trading-ua"]["pages"]
    first = _flat(pages[0])
    assert "100/95†" in first and "102/95†" in first
    assert _flat("It scores 100, at or above 95, yet does not pass: item 13 is at fail, and any item at fail "
                 "rules out a pass.") in first
    note = _flat("† The 2026 standards' pass rule and points are not published; this plan assumes the earlier rule")
    with_scores = [i for i, p in enumerate(pages) if re.search(r"\b\d{2,3} / 95\b|Pass mark", p)]
    assert with_scores
    for i in with_scores[:3]:
        assert note in _flat(pages[i]), i


# --------------------------------------------------------------------------- consultant

def test_document_control_and_sign_off(plans):
    page = plans["food-en"]["pages"][1]
    flat = _flat(page)
    for words in ("Document control", "Report number", "HX-2026-118", "Version", "1.1", "Date of issue",
                  "Assessment tool", "aeo-check 0.1.0", "Standards catalogue", "gacc-2026-34",
                  "Classification", "Internal", "Sign-off", "Prepared", "Reviewed",
                  "Approved (enterprise management)", "Legal representative", "王敏", "李娜", "Signature"):
        assert _flat(words) in flat, words
    zh = _flat(plans["food-zh"]["pages"][1])
    for words in ("文件控制", "报告编号", "AEO-3122466F08-20261120", "密级", "保密", "签署", "编制", "审核", "批准",
                  "法定代表人"):
        assert words in zh, words


def test_brand_in_footer_of_every_page_and_in_the_pdf_author(plans):
    doc = plans["food-en"]
    for i, page in enumerate(doc["pages"], start=1):
        assert "华信关务咨询" in page, i
    assert doc["reader"].metadata["/Author"] == "华信关务咨询"
    assert plans["food-zh"]["reader"].metadata["/Author"] == "aeo-check"


def test_footer_keeps_its_spaces_and_a_long_name_stays_on_one_line(plans):
    pages = plans["food-en"]["pages"]
    n = len(pages)
    for i, page in enumerate(pages, start=1):
        assert f"Page {i} of {n}" in page, i
        assert f"Page{i}of" not in page
    zh = plans["food-zh"]["pages"]
    for i, page in enumerate(zh, start=1):
        assert f"第 {i} 页，共 {len(zh)} 页" in page, i


def test_long_company_name_is_cut_in_the_footer_not_wrapped():
    cat = get_catalogue()
    R = read_one(cat, TRADING).data
    long = "Ningbo Harbour Light International Import and Export Trading and Logistics Group Holding Co., Ltd."
    html = render_html(cat, {**R, "enterprise": {**R["enterprise"], "name": long}}, "en")
    css = (ROOT / "report_templates" / "plan.css").read_text(encoding="utf-8")
    bottom_left = css[css.index("@bottom-left"):css.index("}", css.index("@bottom-left"))]
    assert "text-overflow: ellipsis" in bottom_left and "white-space: nowrap" in bottom_left
    assert html.count('class="ent-name"') == 1


def test_no_internal_id_or_source_code_outside_the_annex(plans):
    cat = get_catalogue()
    codes = [c for c in get_extras(cat).sources if re.search(r"[A-Z]", c)]  # "88" would match any 88
    for key in ("food-en", "food-zh", "trading-ua"):
        pages = plans[key]["pages"]
        annex = next(i for i, p in enumerate(pages) if "technical annex" in p or "技术说明" in p)
        body = "\n".join(pages[:annex])
        for item_id in cat.items_by_id:
            assert item_id not in body, (key, item_id)
        for code in codes:
            assert not re.search(rf"\b{code}\b", body), (key, code)
        annex_text = "\n".join(pages[annex:])
        assert "ic-internal-audit" in annex_text or key == "trading-ua"
        assert "https://github.com/xuhuibing/AEO--CN-" in _flat(annex_text)


def test_annex_cites_every_assumption_and_lists_real_sources(plans):
    pages = plans["food-en"]["pages"]
    first = next(i for i, p in enumerate(pages) if "Sources" in p or "Assumptions" in p)
    annex = "\n".join(pages[first:])  # the source list may run onto a page of its own
    flat = _flat(annex)
    assert "see assumption" not in annex and "item-36-window" not in flat.split("Sources")[0]
    assert _flat("Xinhua News Agency, 16 Feb 2026: the GACC press briefing of 12 Feb 2026") in flat
    assert "58188.com" not in flat and "https://github.com/xuhuibing/AEO--CN-" in flat
    assert "(the tool's own choice; no outside source)" in annex


# --------------------------------------------------------------------------- wording

def test_english_reads_as_english_and_chinese_as_chinese(plans):
    en = "\n".join(plans["food-en"]["pages"])
    assert "(s)" not in en.replace("item(s)", "")  # no "item(s)"
    assert "item(s)" not in en
    assert "：" not in en.split("Appendix 1")[0]  # no full-width colons in the English pages before the answers
    assert "Past event: only time removes it" not in en and "Items at fail" not in en
    assert "advanced passes at" not in en and "advanced: items" not in en
    zh = "\n".join(plans["food-zh"]["pages"])
    assert "？：" not in zh and "按目前的答案" not in zh and "依据（答案）" not in zh
    # the pages before the answers, less the roadmap chapter (the dated plan's own view)
    head = zh.split("附录一")[0]
    head = head.split("四、整改路线图")[0] + head.split("五、证据清单")[1]
    assert "第(" not in head and "。 " not in head
    assert '"' not in zh.split("附录二")[0]


def test_skipped_follow_ups_and_the_users_own_words():
    cat = get_catalogue()
    R = read_one(cat, FOOD).data
    zh = render_html(cat, R, "zh")
    assert "未询问（前一题的回答使其不适用）" in zh and "<strong>不适用</strong>" not in zh
    en = render_html(cat, R, "en")
    assert "not asked (an earlier answer makes it irrelevant)" in en
    # the enterprise's notes are quoted as written, marked with the language they are written in
    assert "Enterprise&#39;s note, as written" in en or "Enterprise's note, as written" in en
    assert re.search(r'<q lang="zh-CN">2026年5月一批冷冻牛肉', en)


def test_html_view_shows_the_disclaimer_and_starts_with_the_content():
    cat = get_catalogue()
    R = read_one(cat, FOOD).data
    html = render_html(cat, R, "en")
    body = html[html.index("<body"):]
    assert 'class="running"' not in html and "color: transparent" not in html
    first_text = re.sub(r"<[^>]+>", " ", body[:body.index("Where we stand")])
    assert "This is a self-assessment, not a customs decision." in first_text
    assert body.index("上海禾鲜食品进出口有限公司") < body.index("Where we stand")


def test_chart_uses_the_width_brand_colours_and_wrapped_labels(brand):
    cat = get_catalogue()
    R = read_one(cat, FOOD).data
    html = render_html(cat, R, "en", brand)
    svg = html[html.index('<svg class="chart"'):html.index("</svg>", html.index('<svg class="chart"'))]
    assert 'width="100%"' in svg and "<title>" in svg
    assert 'fill="#224466"' in svg
    assert ">Imported and exported food<" in svg and ">and cosmetics<" in svg
    sizes = [float(s) for s in re.findall(r'font-size="([\d.]+)"', svg)]
    assert min(sizes) >= 9


# --------------------------------------------------------------------------- accessible, archivable

def test_pdf_ua_is_tagged(plans):
    root = plans["trading-ua"]["reader"].trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert "/StructTreeRoot" not in plans["food-zh"]["reader"].trailer["/Root"]


def test_pdf_a3_carries_the_answer_file_that_reads_back_to_the_same_answers(plans, tmp_path):
    doc = plans["trading-a3"]
    reader = doc["reader"]
    assert list(reader.attachments) == ["aeo-answers.yaml"]
    assert reader.attachments["aeo-answers.yaml"][0] == TRADING.read_bytes()
    assert b"pdfaid:part" in doc["pdf"] or b"pdfaid" in doc["pdf"] or "/Metadata" in reader.trailer["/Root"]
    plan = tmp_path / "plan.pdf"
    plan.write_bytes(doc["pdf"])
    cat = get_catalogue()
    assert load_answers(plan, cat).to_document() == load_answers(TRADING, cat).to_document()
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    res = subprocess.run([EXE, "import", str(plan), "-o", str(tmp_path / "back.yaml")], capture_output=True,
                         text=True, env=env, stdin=subprocess.DEVNULL)
    assert res.returncode == 0, res.stderr
    assert (tmp_path / "back.yaml").read_bytes() == TRADING.read_bytes()
    res = subprocess.run([EXE, "validate", str(plan)], capture_output=True, text=True, env=env,
                         stdin=subprocess.DEVNULL)
    assert res.returncode == 0 and f"{plan}: ok" in res.stdout


def test_a_plan_without_answers_is_refused_with_a_clear_message(plans, tmp_path):
    plan = tmp_path / "plain.pdf"
    plan.write_bytes(plans["food-zh"]["pdf"])
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    for cmd in (["import", str(plan)], ["score", str(plan)]):
        res = subprocess.run([EXE, *cmd], capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL)
        assert res.returncode == 2, cmd
        assert f"{plan}" in res.stderr and "carries no answer file" in res.stderr and "Traceback" not in res.stderr


def test_result_json_input_gets_a_rebuilt_answer_file(tmp_path):
    cat = get_catalogue()
    res = subprocess.run([EXE, "score", str(TRADING), "--format", "json"], capture_output=True, text=True,
                         env={"PATH": "/usr/bin:/bin"}, stdin=subprocess.DEVNULL)
    result = tmp_path / "result.json"
    result.write_text(res.stdout, encoding="utf-8")
    R = read_one(cat, result).data
    name, data = answers_attachment(result, R)
    rebuilt = tmp_path / name
    rebuilt.write_bytes(data)
    assert load_answers(rebuilt, cat).to_document() == load_answers(TRADING, cat).to_document()


# --------------------------------------------------------------------------- catalogue data

def test_benefits_and_sources_are_cross_checked(tmp_path):
    cat = get_catalogue()
    ex = get_extras(cat)
    assert ex.benefits.inspection_rate.percent_of_regular == 18.5
    assert ex.benefits.inspection_rate.source == ["XH"]
    assert ex.benefits.markets["thailand"].since.isoformat() == "2025-08-01"
    assert ex.benefits.mra.economies == 32 and ex.benefits.mra.countries == 58
    q = cat.questions["main_export_markets"]
    assert {c.value for c in cat.choices_of(q)} == set(ex.benefits.markets)
    # a source code that is not in sources.yaml is named with file and field
    import shutil

    from aeo_check.catalogue.extras import load_extras
    from aeo_check.files.sourcefile import DataFileError

    shutil.copytree(ROOT / "questionnaires", tmp_path / "questionnaires")
    p = tmp_path / "questionnaires" / "benefits.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("source: [XH]", "source: [XQ]", 1), encoding="utf-8")
    with pytest.raises(DataFileError) as exc:
        load_extras(cat, tmp_path)
    text = str(exc.value)
    assert "benefits.yaml:" in text and "inspection_rate.source" in text and "'XQ'" in text
