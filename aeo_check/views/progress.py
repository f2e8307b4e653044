"""Views of the progress between two assessments (``aeo-check diff`` and the report's progress page).

They only present what :func:`aeo_check.compare.progress.compare` found; nothing is scored here.
"""

from __future__ import annotations

from typing import Any

from aeo_check.catalogue.compiled import Catalogue
from aeo_check.files.safetext import inert
from aeo_check.views.values import answer_value
from aeo_check.words.i18n import group

#: the words of this view in one language (the progress group of aeo_check.words.lexicon)
W: dict[str, dict[str, str]] = {lang: group("progress", lang) for lang in ("zh", "en")}
RATING_STYLE = {"pass": "green", "partial": "yellow", "fail": "red", "na": "grey50", "unanswered": "magenta"}


def _label(cat: Catalogue, vocab: str, key: str, lang: str) -> str:
    try:
        return cat.label(vocab, key).get(lang)
    except KeyError:
        return key


def answer_text(cat: Catalogue, qid: str, value: Any, lang: str) -> str:
    if value is None:
        return "—"
    if value == "dont_know":
        return W[lang]["dont_know"]
    return answer_value(cat, qid, value, lang)


def question_text(cat: Catalogue, qid: str, lang: str) -> str:
    q = cat.questions.get(qid)
    return q.text.get(lang) if q else qid


def date_label(key: str, cat: Catalogue, lang: str) -> str:
    w = W[lang]
    if "." in key:
        tier, what = key.split(".", 1)
        return f"{_label(cat, 'tiers', tier, lang)} · {w.get(what, what)}"
    return w.get(key, key)


def moved(days: int | None, lang: str) -> str:
    if days is None or days == 0:
        return ""
    return W[lang]["later" if days > 0 else "earlier"].format(n=abs(days))


def has_changes(d: dict[str, Any]) -> bool:
    return bool(d["tier"]["change"] != "same" or any(s["delta"] for s in d["standards"].values())
                or any(d["gaps"][s][k] for s in d["gaps"] for k in ("closed", "opened", "changed"))
                or any(d["answers"].values()) or d["dates"] or d["triggers"]["new"] or d["triggers"]["cleared"])


# --------------------------------------------------------------------------- terminal

def render_diff(console: Any, cat: Catalogue, d: dict[str, Any], lang: str) -> None:
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    w = W[lang]
    parts: list[Any] = [*_diff_head(cat, d, lang), Text(""), _score_table(d, lang), *_trigger_lines(d, lang)]
    for sid, g in d["gaps"].items():
        if any(g[k] for k in ("closed", "opened", "changed")):
            parts += [Text(""), _gap_table(cat, sid, g, lang)]
    if d["blockers"]["new"]:
        parts.append(Text(f"{w['new_blockers']}: " + ", ".join(
            f"{w[b['standard']]} ({b['official_no']})" for b in d["blockers"]["new"]), style="red"))
    rows = [*d["answers"]["changed"], *d["answers"]["added"], *d["answers"]["removed"]]
    if rows:
        parts += [Text(""), _answer_table(cat, rows, lang)]
    if d["dates"]:
        parts += [Text(""), Text(w["dates"], style="bold")]
        parts += [Text(f"  {date_label(x['what'], cat, lang)}: {x['old'] or '—'} → {x['new'] or '—'}"
                       f"  {moved(x['days'], lang)}") for x in d["dates"]]
    if not has_changes(d):
        parts.append(Text(w["no_change"], style="grey50"))
    console.print(Panel(Group(*parts), expand=False, title=w["title"], title_align="left"))


def _diff_head(cat: Catalogue, d: dict[str, Any], lang: str) -> list[Any]:
    """The enterprise, the two dates, warnings when the two documents do not match, the tier's move."""
    from rich.text import Text

    w = W[lang]
    head = Text(inert(d["enterprise"]["name"]), style="bold")
    head.append("  " + w["from_to"].format(old=d["assessed_on"]["old"], new=d["assessed_on"]["new"],
                                           days=d["assessed_on"]["days"]), style="grey50")
    lines = [head]
    if d["catalogue"]["old"] != d["catalogue"]["new"]:
        lines.append(Text(w["other_catalogue"].format(**d["catalogue"]), style="yellow"))
    if not d["same_enterprise"]:
        lines.append(Text(w["other_enterprise"], style="yellow"))
    tier = d["tier"]
    style = {"up": "green", "down": "red", "same": "grey50"}[tier["change"]]
    lines.append(Text.assemble((w["tier"] + ": ", "bold"), _label(cat, "tiers", tier["old"], lang), " → ",
                               (_label(cat, "tiers", tier["new"], lang), "bold"), (f"  ({w[tier['change']]})", style)))
    return lines


def _score_table(d: dict[str, Any], lang: str) -> Any:
    from rich.table import Table
    from rich.text import Text

    w = W[lang]
    t = Table(box=None, pad_edge=False, header_style="bold")
    for col in (w["standard"], w["score"], "", w["change"], w["threshold"]):
        t.add_column(col, justify="left" if col == w["standard"] else "right")
    for sid, s in d["standards"].items():
        delta = s["delta"]
        t.add_row(w[sid], str(s["old"]), "→ " + str(s["new"]),
                  Text(f"{delta:+d}" if delta else "0", style="green" if delta > 0 else "red" if delta < 0 else "grey50"),
                  str(s["threshold"]))
    return t


def _trigger_lines(d: dict[str, Any], lang: str) -> list[Any]:
    from rich.text import Text

    w = W[lang]
    return [Text(f"{w[key]}: " + "; ".join(x["title"][lang] for x in d["triggers"][side]), style=style)
            for key, side, style in (("new_triggers", "new", "red"), ("cleared_triggers", "cleared", "green"))
            if d["triggers"][side]]


def _gap_table(cat: Catalogue, sid: str, g: dict[str, Any], lang: str) -> Any:
    """One standard's gaps that closed, opened or changed rating (and how many stayed as they were)."""
    from rich.table import Table
    from rich.text import Text

    w = W[lang]
    gt = Table(title=f"{w['gaps']} · {w[sid]}", box=None, pad_edge=False, header_style="bold",
               title_justify="left", title_style="bold")
    gt.add_column("")
    gt.add_column(w["item"])
    gt.add_column(w["rating"])
    for key, mark, style in (("closed", "✓", "green"), ("opened", "✗", "red"), ("changed", "~", "yellow")):
        for e in g[key]:
            gt.add_row(Text(f"{mark} {w[key]}", style=style), f"({e['official_no']}) {e['title'][lang]}",
                       Text.assemble((_label(cat, "ratings", e["rating_old"], lang),
                                      RATING_STYLE.get(e["rating_old"], "")), " → ",
                                     (_label(cat, "ratings", e["rating_new"], lang),
                                      RATING_STYLE.get(e["rating_new"], ""))))
    if g["unchanged"]:
        gt.add_row(Text(w["unchanged"], style="grey50"), Text(str(len(g["unchanged"])), style="grey50"), "")
    return gt


def _answer_table(cat: Catalogue, rows: list[dict[str, Any]], lang: str) -> Any:
    from rich.table import Table
    from rich.text import Text

    w = W[lang]
    at = Table(title=w["answers"], box=None, pad_edge=False, header_style="bold", title_justify="left",
               title_style="bold")
    at.add_column(w["question"], overflow="fold", max_width=70)
    at.add_column(w["before"])
    at.add_column(w["now"])
    for r in rows:
        at.add_row(question_text(cat, r["id"], lang), Text(inert(answer_text(cat, r["id"], r["old"], lang))),
                   Text(inert(answer_text(cat, r["id"], r["new"], lang))))
    return at


# --------------------------------------------------------------------------- report page


def progress_context(cat: Catalogue, d: dict[str, Any], lang: str) -> dict[str, Any]:
    """What the report's progress page (report_templates/progress.html) shows, in ``lang``."""
    w = W[lang]
    gaps = []
    for sid in d["gaps"]:
        for key in ("closed", "opened", "changed"):
            for e in d["gaps"][sid][key]:
                gaps.append({"standard": w[sid], "kind": key, "kind_label": w[key], "no": e["official_no"],
                             "title": e["title"][lang],
                             "old": _label(cat, "ratings", e["rating_old"], lang), "old_key": e["rating_old"],
                             "new": _label(cat, "ratings", e["rating_new"], lang), "new_key": e["rating_new"]})
    answers = [{"question": question_text(cat, r["id"], lang), "old": answer_text(cat, r["id"], r["old"], lang),
                "new": answer_text(cat, r["id"], r["new"], lang)}
               for r in (*d["answers"]["changed"], *d["answers"]["added"], *d["answers"]["removed"])]
    return {
        "w": w,
        "intro": w["intro"].format(old=d["assessed_on"]["old"]),
        "span": w["from_to"].format(old=d["assessed_on"]["old"], new=d["assessed_on"]["new"],
                                    days=d["assessed_on"]["days"]),
        "other_catalogue": w["other_catalogue"].format(**d["catalogue"])
        if d["catalogue"]["old"] != d["catalogue"]["new"] else None,
        "tier_old": _label(cat, "tiers", d["tier"]["old"], lang),
        "tier_new": _label(cat, "tiers", d["tier"]["new"], lang),
        "tier_change": d["tier"]["change"], "tier_change_label": w[d["tier"]["change"]],
        "standards": [{"label": w[sid], **s} for sid, s in d["standards"].items()],
        "gaps": gaps,
        "unchanged": sum(len(d["gaps"][sid]["unchanged"]) for sid in d["gaps"]),
        "new_blockers": [f"{w[b['standard']]} ({b['official_no']}) {b['title'][lang]}" for b in d["blockers"]["new"]],
        "triggers_new": [t["title"][lang] for t in d["triggers"]["new"]],
        "triggers_cleared": [t["title"][lang] for t in d["triggers"]["cleared"]],
        "answers": answers,
        "dates": [{"label": date_label(x["what"], cat, lang), "old": x["old"] or "—", "new": x["new"] or "—",
                   "moved": moved(x["days"], lang)} for x in d["dates"]],
        "changed": has_changes(d),
    }
