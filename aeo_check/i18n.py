"""Interface texts in Simplified Chinese and English.

Catalogue texts (items, questions, remediation) live in ``questionnaires/``; this module only
holds the words of the tool itself: headings, prompts, messages.
"""

from __future__ import annotations

import locale
import os

LANGS = ("zh", "en")

M: dict[str, tuple[str, str]] = {
    # general
    "tier": ("信用等级", "Tier"),
    "likely_tier": ("预计信用等级", "Likely tier"),
    "score": ("得分", "Score"),
    "threshold": ("通过线", "Threshold"),
    "passed": ("通过", "passes"),
    "not_passed": ("未通过", "does not pass"),
    "provisional": ("暂定结果：有问题尚未回答", "Provisional: some questions are unanswered"),
    "reason": ("判断依据", "Why"),
    "category": ("类别", "Category"),
    "items": ("项目", "Items"),
    "points_lost": ("扣分", "Points lost"),
    "rating": ("结果", "Rating"),
    "blockers": ("阻碍项", "Blockers"),
    "gaps": ("差距项", "Gaps"),
    "path_to": ("晋级路径", "Path up"),
    "close_items": ("完成以下{n}项整改即可达到{tier}（约{days}个工作日，预计得分{score}）",
                    "Close {these} to become {tier} (about {days} working days; score {score})"),
    "path_infeasible": ("即使完成全部可整改项，{tier}仍无法达到", "{tier} cannot be reached even after closing every gap"),
    "clear_triggers": ("先消除失信情形并完成信用修复：{names}", "First clear the discredit triggers and repair credit: {names}"),
    "waits": ("其中{n}项属于历史事项，只能等待期限届满", "{n} of them are past events that only time removes"),
    "may_apply_from": ("最早可申请日期", "May apply from"),
    "barred": ("受1年内不得申请限制", "barred for 1 year"),
    "tolerance": ("容错整改", "Error tolerance"),
    "tolerance_ok": ("可申请容错整改（最长{months}个月），保留{tier}等级", "Eligible to apply for rectification (up to {months} months) and keep the {tier} grade"),
    "tolerance_no": ("不满足容错条件，预计将被降级", "Not eligible for error tolerance: a downgrade is likely"),
    "unanswered_n": ("{n}个问题未回答", "{n} questions unanswered"),
    "file": ("文件", "File"),
    "enterprise": ("企业", "Enterprise"),
    "standard": ("标准", "Standard"),
    "advanced": ("高级认证企业标准", "Advanced standard"),
    "certified": ("认证企业标准", "Certified standard"),
    "effort": ("工作量", "Effort"),
    "owner": ("责任部门", "Owner"),
    "days": ("天", "days"),
    "id": ("编号", "ID"),
    "no": ("序号", "No."),
    "title": ("名称", "Title"),
    "options": ("可选结果", "Options"),
    "and_more": ("另有{n}项", "and {n} more"),
    "self_assessment": ("本报告为企业自评结果，不代表海关的认证决定。", "This is a self-assessment, not a customs decision."),
    # errors
    "invalid": ("无效", "invalid"),
    "valid": ("有效", "valid"),
    "problems": ("{n}个问题", "{n} problem(s)"),
    "needs_terminal": (
        "交互式评估需要在终端中运行；非交互环境请使用 aeo-check template 生成答卷、aeo-check score 评分",
        "interactive assessment needs a terminal; elsewhere use aeo-check template to make an answer file and aeo-check score to score it",
    ),
    "saved_at": ("答案已保存到 {path}", "Answers are saved in {path}"),
    "resume_with": ("继续作答：aeo-check assess --resume {path}", "To continue: aeo-check assess --resume {path}"),
    "interrupted": ("已中断。", "Interrupted."),
}


def t(key: str, lang: str, **kw: object) -> str:
    zh, en = M[key]
    s = zh if lang == "zh" else en
    return s.format(**kw) if kw else s


def both(key: str, **kw: object) -> str:
    """Both languages on one line, Chinese first."""
    return f"{t(key, 'zh', **kw)} / {t(key, 'en', **kw)}"


def default_lang() -> str:
    """zh when the locale is Chinese, otherwise en."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        v = os.environ.get(var)
        if v:
            return "zh" if v.lower().startswith("zh") else "en"
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:  # pragma: no cover
        loc = ""
    return "zh" if loc.lower().startswith("zh") else "en"
