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
    # the dated plan
    "next_step": ("下一步", "Next step"),
    "target_apply": ("{tier}：目标申请日 {apply}，预计决定 {decision}（最迟 {latest}）",
                     "{tier}: apply by {apply}, decision expected by {decision} (at the latest {latest})"),
    "target_keep": ("{tier}：保持现有等级", "{tier}: keep the current status"),
    "target_repair": ("信用修复：最早 {date}", "Credit repair: at the earliest {date}"),
    "target_repair_range": ("信用修复：{lo} 至 {hi} 之间", "Credit repair: between {lo} and {hi}"),
    "target_blocked": ("{tier}：目前无法安排申请日期", "{tier}: no application date can be set now"),
    "target_effort": ("工作量 {pd} 人日，其中最长一条任务链 {elapsed} 个工作日；日期取决于：{by}",
                      "{pd} person-days of work, the longest owner's chain {elapsed} working days; the date is set by: {by}"),
    "target_by": ("日期取决于：{by}", "the date is set by: {by}"),
    "no_margin": ("按计划完成后得分恰好为{score}分，没有余量：再有一项基本达标就不能通过",
                  "the plan lands exactly on {score}: no margin - one more partial item and it fails"),
    "provisional_plan": ("有待核实的事实，日期可能变化", "facts still to be checked; the dates may move"),
    "see_plan": ("完整任务清单：aeo-check plan {file}", "Full task list: aeo-check plan {file}"),
    "decider_now": ("现在即可", "ready now"),
    "decider_check": ("待核实的事实", "facts to check"),
    "decider_work": ("整改工作", "the work"),
    "decider_apply": ("申请准备", "preparing the application"),
    "decider_records": ("制度运行记录", "records of the new procedures"),
    "decider_statements": ("下一年度审计报告", "the next audited statements"),
    "decider_wait": ("过往事项移出回溯期", "past events leaving the look-back window"),
    "decider_bar": ("1年内不得申请的限制", "the 1-year bar on applying"),
    "decider_repair": ("信用修复后1年内不得申请", "the 1-year bar after credit repair"),
    "kind_check": ("核实", "Check"),
    "kind_work": ("整改", "Work"),
    "kind_records": ("运行留痕", "Records"),
    "kind_wait": ("等待期满", "Wait"),
    "kind_statements": ("年度报表", "Statements"),
    "kind_blocked": ("无法安排", "Blocked"),
    "kind_repair": ("信用修复", "Credit repair"),
    "kind_apply": ("提交申请", "Apply"),
    "col_step": ("步骤", "Step"),
    "col_kind": ("类型", "Kind"),
    "col_start": ("开始", "Start"),
    "col_end": ("结束", "End"),
    "col_items": ("项目（高级认证编号）", "Items (Advanced no.)"),
    "col_depends": ("前置步骤", "Depends on"),
    "col_days": ("人日", "Days"),
    "col_tiers": ("目标", "For"),
    "between": ("{lo} 至 {hi}", "{lo} to {hi}"),
    "at_latest": ("最迟 {d}", "by {d} at the latest"),
    "tolerance": ("容错整改", "Error tolerance"),
    "tolerance_ok": ("可申请容错整改（最长{months}个月），保留{tier}等级", "Eligible to apply for rectification (up to {months} months) and keep the {tier} grade"),
    "tolerance_no": ("不满足容错条件，预计将被降级", "Not eligible for error tolerance: a downgrade is likely"),
    "advanced_short": ("高级认证", "Advanced"),
    "certified_short": ("认证企业", "Certified"),
    "provisional_short": ("（暂定）", "(provisional)"),
    "n_files": ("{n}个文件", "{n} files"),
    "n_invalid": ("{n}个无效", "{n} invalid"),
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
