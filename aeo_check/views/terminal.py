"""Terminal views (rich). They only present a :class:`Result` or catalogue data; they never score."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from aeo_check.catalogue.compiled import Catalogue
from aeo_check.files.safetext import inert

if TYPE_CHECKING:  # pragma: no cover
    from aeo_check.document.build import Document
from aeo_check.words.i18n import t

if TYPE_CHECKING:  # pragma: no cover - annotations only
    from aeo_check.catalogue.models import Item

TIER_STYLE = {
    "advanced": "bold white on green4",
    "certified": "bold white on dark_cyan",
    "regular": "bold black on grey70",
    "discredited": "bold white on red3",
    "seriously_discredited": "bold white on dark_red",
}
RATING_STYLE = {"pass": "green", "partial": "yellow", "fail": "red", "na": "grey50", "unanswered": "magenta"}
CATEGORY_ORDER = ("internal_control", "financial", "compliance", "trade_security",
                  "health_quarantine", "animal_plant_quarantine", "food_cosmetics", "commodity_inspection", "bonus")


def label(cat: Catalogue, vocab: str, key: str, lang: str) -> str:
    return cat.label(vocab, key).get(lang)


def category_label(cat: Catalogue, key: str, lang: str) -> str:
    for vocab in ("categories", "specific_types"):
        try:
            return label(cat, vocab, key, lang)
        except KeyError:
            continue
    return key


def item_no(r: Any) -> str:
    return f"({r.official_no})"


def _bar(lost: int, width: int = 12) -> Text:
    filled = min(lost, width)
    bar = Text("█" * filled, style="red") + Text("·" * (width - filled), style="grey50")
    return bar


def render_score(console: Console, cat: Catalogue, doc: Document, lang: str, file: str | None = None) -> None:
    """The score panel of one assessment document."""
    res, plan = doc.result, doc.plan_data
    width = console.width - 4  # inside the panel's border and padding
    lines: list[Any] = [*_verdict_lines(cat, doc, lang, file), Text(""), *_standards_table(res, lang, width),
                        Text(""), *_categories_table(cat, res, lang, width)]
    from aeo_check.views.plan import check_days, target_lines

    checks = check_days(plan)
    for sid, sr in res.standards.items():
        blockers = [g for g in sr.gaps if g.result.rating in ("fail", "unanswered")]
        if blockers and not (sid == "certified" and res.tier == "advanced"):
            lines += [Text(""), *_blocker_table(cat, sid, blockers, checks, lang, width)]
    lines.append(Text(""))
    lines += [Text(line, style=style) for style, line in target_lines(cat, plan, lang)]
    if file:
        lines.append(Text(t("see_plan", lang, file=inert(file)), style="grey50"))
    if res.tolerance:
        lines.append(_tolerance_line(cat, res.tolerance, lang))
    console.print(Panel(Group(*lines), expand=True, border_style=TIER_STYLE[res.tier].split()[-1]))


def _aligned(heads: list[str], rows: list[list[str | Text]], right: frozenset[int], width: int,
             title: str | None = None) -> list[Any]:
    """A table of one-line cells under a bold header row (and title): as aligned lines when it fits
    ``width``, laid out as rich's Table lays out such a table (no box, two spaces between columns,
    each column as wide as its widest cell) at a fifth of the cost; else as rich's Table, which wraps
    cells to fit."""
    grid = [[Text(h, style="bold") for h in heads], *([c if isinstance(c, Text) else Text(c) for c in row]
                                                     for row in rows)]
    widths = [max(cell.cell_len for cell in column) for column in zip(*grid, strict=True)]
    total = sum(widths) + 2 * (len(widths) - 1)
    if total > width or (title is not None and Text(title).cell_len > total) or any(
            "\n" in cell.plain for row in grid for cell in row):
        return [_rich_table(grid, right, title)]
    lines = [Text(title, style="bold")] if title is not None else []
    for row in grid:
        line = Text()
        for i, (cell, w) in enumerate(zip(row, widths, strict=True)):
            gap = " " * (w - cell.cell_len)
            if i:
                line.append("  ")
            if i in right:
                line.append(gap)
            line.append_text(cell)
            if i not in right:
                line.append(gap)
        lines.append(line)
    return lines


def _rich_table(grid: list[list[Text]], right: frozenset[int], title: str | None) -> Table:
    table = Table(title=title, box=None, pad_edge=False, title_justify="left", header_style="bold",
                  title_style="bold")
    for i, head in enumerate(grid[0]):
        table.add_column(head, justify="right" if i in right else "left")
    for row in grid[1:]:
        table.add_row(*row)
    return table


def _verdict_lines(cat: Catalogue, doc: Document, lang: str, file: str | None) -> list[Any]:
    """The enterprise (and file), the likely tier, whether it is provisional, and why."""
    res, counts = doc.result, doc.facts.counts
    head = Text()
    head.append(inert(res.enterprise["name"]), style="bold")  # untrusted: control characters shown, not obeyed
    if file:
        head.append(f"  {inert(file)}", style="grey50")
    tier_text = Text(f" {label(cat, 'tiers', res.tier, lang)} ", style=TIER_STYLE[res.tier])
    lines: list[Any] = [head, Text.assemble((t("likely_tier", lang) + ": ", "bold"), tier_text)]
    if res.provisional:
        lines.append(Text(t("provisional", lang) + f" ({t('answer_counts', lang, **counts._asdict())})",
                          style="magenta"))
    lines.append(Text.assemble((t("reason", lang) + ": ", "bold"), res.reason[lang]))
    return lines


def _standards_table(res: Any, lang: str, width: int) -> list[Any]:
    rows: list[list[str | Text]] = []
    for sid, sr in res.standards.items():
        verdict = Text(t("passed", lang), style="green") if sr.passed else Text(t("not_passed", lang), style="red")
        rows.append([t(sid, lang), str(sr.score), str(sr.threshold), verdict])
    return _aligned([t("standard", lang), t("score", lang), t("threshold", lang), ""], rows, frozenset({1, 2}), width)


def _categories_table(cat: Catalogue, res: Any, lang: str, width: int) -> list[Any]:
    """Points lost per category in each standard (a bar for the Advanced standard's)."""
    rows: list[list[str | Text]] = []
    for k in (k for k in CATEGORY_ORDER if k in res.standards["advanced"].categories and k != "bonus"):
        a = res.standards["advanced"].categories[k]
        c = res.standards["certified"].categories.get(k)
        a_lost = -a.points if a.points < 0 else 0
        c_lost = (-c.points if c.points < 0 else 0) if c else 0
        rows.append([category_label(cat, k, lang), str(a_lost), _bar(a_lost), str(c_lost)])
    heads = [t("category", lang), t("advanced", lang) + " " + t("points_lost", lang), "",
             t("certified", lang) + " " + t("points_lost", lang)]
    return _aligned(heads, rows, frozenset({1, 3}), width)


def _blocker_table(cat: Catalogue, sid: str, blockers: list[Any], checks: dict[str, int], lang: str,
                   width: int) -> list[Any]:
    """A standard's blockers (the first twelve, and how many more), each with the person-days it
    costs on the plan: finding out for an answer not known, else its remediation."""
    rows: list[list[str | Text]] = []
    for g in blockers[:12]:
        r = g.result
        rows.append([item_no(r) if r.category in CATEGORY_ORDER[:4] else f"{category_label(cat, r.category, lang)}{item_no(r)}",
                     r.item.title_for(sid).get(lang),
                     Text(label(cat, "ratings", r.rating, lang), style=RATING_STYLE[r.rating]),
                     label(cat, "owners", r.item.owner, lang),
                     _effort_cell(r, checks, lang)])
    if len(blockers) > 12:
        rows.append(["", t("and_more", lang, n=len(blockers) - 12), "", "", ""])
    heads = [t("no", lang), t("title", lang), t("rating", lang), t("owner", lang), t("effort_pd", lang)]
    return _aligned(heads, rows, frozenset({4}), width, title=f"{t('blockers', lang)} · {t(sid, lang)}")


def _effort_cell(r: Any, checks: dict[str, int], lang: str) -> str:
    if r.rating == "unanswered" and r.id in checks:
        return f"{checks[r.id]} ({t('kind_check', lang)})"
    # person-days of work; an item only time can clear has none (its wait is dated in the plan)
    return f"{r.item.effort_days}" if r.item.rectifiable else t("kind_wait", lang)


def _tolerance_line(cat: Catalogue, tol: dict[str, Any], lang: str) -> Text:
    cur = label(cat, "tiers", tol["current_tier"], lang)
    if tol["route"] == "tolerance":
        return Text(f"{t('tolerance', lang)}: " + t("tolerance_ok", lang, months=tol["period_months"], tier=cur),
                    style="green")
    return Text(f"{t('tolerance', lang)}: " + t("tolerance_no", lang), style="red")


def render_score_text(
    cat: Catalogue, doc: Document, lang: str, file: str | None = None, *, color: str | None = None, width: int = 80
) -> str:
    """:func:`render_score` as text, for a terminal with colour system ``color`` (None: no styles)."""
    import io

    console = Console(
        file=io.StringIO(),
        width=width,
        color_system=color,
        force_terminal=color is not None,
        highlight=False,
        soft_wrap=False,
        legacy_windows=False,
        emoji=False,
    )
    render_score(console, cat, doc, lang, file)
    return console.file.getvalue()


def render_standards(console: Console, cat: Catalogue, rows: list[dict[str, Any]], lang: str) -> None:
    table = Table(header_style="bold")
    table.add_column(t("no", lang), justify="right")
    table.add_column(t("id", lang))
    table.add_column(t("category", lang))
    table.add_column(t("title", lang))
    table.add_column(t("options", lang))
    for r in rows:
        table.add_row(f"({r['official_no']})", r["id"], category_label(cat, r["category"], lang),
                      escape(r["title"][lang]), " / ".join(label(cat, "ratings", o, lang) for o in r["options"]))
    console.print(table)


def render_item(console: Console, cat: Catalogue, item: Item, lang: str) -> None:
    other = "en" if lang == "zh" else "zh"
    out: list[Any] = []
    out.append(Text(f"{item.title.get(lang)}  ·  {item.title.get(other)}", style="bold"))
    out.append(Text(f"{item.id}  ·  {category_label(cat, item.specific or item.category, lang)}"
                    f"  ·  {item.clause.title.get(lang)}", style="grey50"))
    for sid, use in item.standards.items():
        params = ", ".join(f"{k}={v}" for k, v in use.params.items())
        out.append(Text(f"{t(sid, lang)}: ({use.number})" + (f"  [{params}]" if params else "")))
        if use.requirement is not None:
            out.append(Text("  " + use.requirement.get(lang)))
    out += [Text(""), Text(item.requirement.get(lang)), Text(item.requirement.get(other), style="grey62")]
    out.append(Text(""))
    out.append(Text(t("options", lang) + ": " + " / ".join(label(cat, "ratings", o, lang) for o in item.options)))
    for name, e in item.rule.expressions():
        out.append(Text(f"  {name}: {e.source}", style="cyan"))
    heading = [t(f"item_{k}", lang) for k in ("questions", "evidence", "audit_methods", "remediation")]
    out.append(Text(heading[0], style="bold"))
    for qid in item.questions:
        q = cat.questions[qid]
        out.append(Text(f"  {qid}: {q.text.get(lang)}"))
    out.append(Text(heading[1], style="bold"))
    for ev in item.evidence:
        out.append(Text(f"  • {ev.get(lang)}"))
    out.append(Text(heading[2] + ": " + ", ".join(label(cat, "audit_methods", m, lang) for m in item.audit_methods)))
    out.append(Text(heading[3], style="bold"))
    for i, step in enumerate(item.remediation, 1):
        out.append(Text(f"  {i}. {step.get(lang)}"))
    effort = (f"{t('effort_pd', lang)}: {item.effort_days}" if item.rectifiable  # person-days, not calendar time
              else f"{t('effort', lang)}: {t('kind_wait', lang)}")
    out.append(Text(f"{t('owner', lang)}: {label(cat, 'owners', item.owner, lang)}   {effort}"))
    if item.assumption is not None:
        out.append(Text(f"⚠ {item.assumption.get(lang)}", style="yellow"))
    console.print(Panel(Group(*out), expand=False))


def render_plan(console: Console, cat: Catalogue, plan: dict[str, Any], lang: str, name: str) -> None:
    """The task list of a dated plan, with the next step and the targets above it."""
    from aeo_check.views.plan import plan_notes, plan_rows, step_when, target_lines

    console.print(Text(inert(name), style="bold"))
    for style, line in target_lines(cat, plan, lang):
        console.print(Text(line, style=style))
    for line in plan_notes(plan, lang):
        console.print(Text(line, style="yellow"))
    # the step takes what the other columns leave; dates, kinds and days never break. Below 100
    # columns the items' numbers lead the step's text instead of taking a column of their own.
    wide = console.width >= 100
    table = Table(box=None, pad_edge=False, header_style="bold", expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(t("col_step", lang), ratio=1, overflow="fold")
    table.add_column(t("col_kind", lang), no_wrap=True)
    table.add_column(t("col_tiers", lang), max_width=14 if wide else 4, overflow="fold")
    table.add_column(t("owner", lang), max_width=16 if wide else 8, overflow="fold")
    table.add_column(t("col_start", lang), no_wrap=True)
    table.add_column(t("col_end", lang), min_width=10, max_width=13 if wide else 10)  # a range takes 2-3 lines
    table.add_column(t("col_days", lang), justify="right", no_wrap=True)
    table.add_column(t("col_depends", lang), max_width=12 if wide else 5, overflow="fold")
    if wide:
        table.add_column(t("col_items", lang), max_width=16, overflow="fold")
    for row, step in zip(plan_rows(cat, plan, lang), plan["steps"], strict=False):
        lead = f"{row['items']}{'' if lang == 'zh' else ' '}" if row["items"] and not wide else ""
        cells = [row["no"], lead + row["step"], row["kind"], row["tier_marks"],
                 row["owner"], row["start"], step_when(step, lang, iso=True), row["days"], row["waits_on"]]
        table.add_row(*cells, *([row["items"]] if wide else []))
    console.print(table)
