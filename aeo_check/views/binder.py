"""The evidence binder's own texts and views: each item's README.md, the index's opening comment,
and the check as a table, JSON, GitHub annotations and JUnit XML."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from aeo_check.binder.check import GAPS, Check, DocCheck
from aeo_check.binder.plan import ItemFolder, item_label
from aeo_check.files.safetext import annotation, inert
from aeo_check.words.i18n import t

if TYPE_CHECKING:  # pragma: no cover
    from aeo_check.catalogue.compiled import Catalogue


def readme(cat: Catalogue, f: ItemFolder, places: dict[str, str], lang: str) -> str:
    """An item folder's README.md: the item, then each document with its folder, owner and period."""
    item = cat.item(f.item)
    word, number = item_label(cat, item, lang)
    title, requirement = (item.title.zh, item.requirement.zh) if lang == "zh" else (item.title.en, item.requirement.en)
    out = [f"# {f.folder}", "", t("binder.readme_item", lang, label=word, number=number, title=title), "",
           t("binder.readme_requirement", lang, text=requirement), "", f"## {t('binder.readme_docs', lang)}", ""]
    for need in f.docs + f.shared:
        out.append(f"- **{need.title(lang)}**")
        where = places[need.doc]
        key = "binder.readme_folder" if need in f.docs else "binder.readme_shared"
        out.append(f"  - {t(key, lang, folder=where)}")
        owner = cat.label("owners", need.owner)
        out.append(f"  - {t('binder.readme_owner', lang, owner=owner.zh if lang == 'zh' else owner.en)}")
        if need.kind == "records":
            out.append(f"  - {t('binder.readme_records', lang, months=need.months)}")
        elif need.kind == "procedure":
            out.append(f"  - {t('binder.readme_procedure', lang)}")
    note = cat.assumptions[cat.evidence_assumption].text
    note_text = note.zh if lang == "zh" else note.en
    out += ["", t("binder.readme_how", lang), "", t("binder.readme_assumption", lang, text=note_text), ""]
    return "\n".join(out)


def index_comment(lang: str) -> str:
    return t("binder.index_comment", lang)


def why(d: DocCheck, lang: str) -> str:
    """Why a document is in its state, in words ("" when present)."""
    if d.why is None:
        return ""
    detail = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in d.detail.items()}
    return t(f"binder.{d.why}", lang, **detail)


def _item_name(cat: Catalogue, item_id: str, lang: str) -> str:
    item = cat.item(item_id)
    word, number = item_label(cat, item, lang)
    return f"{word} {number} {item.title.zh if lang == 'zh' else item.title.en}"


def rows(cat: Catalogue, c: Check, lang: str) -> list[tuple[str, str, str, str, str]]:
    """(item, document, state, files, why) per document of each item with a gap or a claim without
    evidence, items in the standards' order (a complete item has nothing to show; the summary
    counts it, and the JSON lists every document)."""
    by_doc = {d.doc: d for d in c.docs}
    out = []
    for ic in c.items:
        if ic.state not in GAPS and not ic.claimed:
            continue
        claim = t("binder.claim", lang) if ic.claimed else ""
        for n, name in enumerate(ic.docs):
            d = by_doc[name]
            text = t("punct.semi", lang).join(x for x in (why(d, lang), claim if n == 0 else "") if x)
            out.append((_item_name(cat, ic.item, lang) if n == 0 else "", d.doc if lang == "zh" else d.en,
                        t(f"binder.state_{d.state}", lang), str(d.files), text))
    return out


def summary(c: Check, lang: str) -> str:
    gaps = sum(1 for d in c.docs if d.state in GAPS)
    present = sum(1 for d in c.docs if d.state == "present")
    claims = sum(1 for i in c.items if i.claimed)
    items = sum(1 for i in c.items if i.state not in GAPS and not i.claimed)
    line = t("binder.summary", lang, docs=len(c.docs), present=present, gaps=gaps, claims=claims,
             items=items, all=len(c.items))
    return line + (" " + t("binder.complete", lang) if c.complete else "")


def table(console: Any, cat: Catalogue, c: Check, root: str, lang: str) -> None:
    from rich.table import Table
    from rich.text import Text

    tab = Table(title=Text(inert(t("binder.check_title", lang, root=root, on=c.on.isoformat()))), show_lines=False)
    for key in ("col_item", "col_doc", "col_state", "col_files", "col_why"):
        tab.add_column(t(f"binder.{key}", lang), overflow="fold")
    shown = rows(cat, c, lang)
    for r in shown:
        tab.add_row(*(Text(inert(x)) for x in r))
    if shown:
        console.print(tab)
    console.print(inert(summary(c, lang)), markup=False)


def to_json(c: Check, root: str) -> str:
    """The check as JSON: every document with its state and why (both languages), every item."""
    docs = [{"doc": d.doc, "en": d.en, "folder": d.folder, "items": list(d.items), "kind": d.kind,
             "months": d.months, "state": d.state, "why": d.why,
             "why_text": {"zh": why(d, "zh"), "en": why(d, "en")} if d.why else None,
             "files": d.files, "bytes": d.bytes,
             "start": d.start.isoformat() if d.start else None, "end": d.end.isoformat() if d.end else None}
            for d in c.docs]
    items = [{"item": i.item, "state": i.state, "docs": list(i.docs), "claim_without_evidence": i.claimed}
             for i in c.items]
    out = {"format": "aeo-check/binder-check/1", "binder": root, "on": c.on.isoformat(),
           "checked_against_answers": c.answers, "complete": c.complete, "documents": docs, "items": items}
    return json.dumps(out, ensure_ascii=False, indent=1) + "\n"


def github(cat: Catalogue, c: Check, root: str) -> str:
    """One ``::error`` per gap and per claim without evidence, at the document's folder."""
    lines = []
    for d in c.docs:
        if d.state in GAPS:
            file = f"{root}/{d.folder}" if d.folder else f"{root}/binder.yaml"
            title = f"aeo-check binder {d.state}"
            message = f"{d.en} / {d.doc}: {why(d, 'en')}"
            lines.append(f"::error file={annotation(file, True)},title={annotation(title, True)}::{annotation(message)}")
    for i in c.items:
        if i.claimed:
            message = f"{_item_name(cat, i.item, 'en')}: {t('binder.claim', 'en')}"
            lines.append(f"::error title=aeo-check binder claim::{annotation(message)}")
    return "".join(line + "\n" for line in lines)


def junit(cat: Catalogue, c: Check, root: str) -> str:
    """One test case per item: failed when a document has a gap or the item is claimed without evidence."""
    import xml.etree.ElementTree as ET

    by_doc = {d.doc: d for d in c.docs}
    suite = ET.Element("testsuite", name="aeo-check binder")
    failures = 0
    for i in c.items:
        case = ET.SubElement(suite, "testcase", classname="aeo-check.binder", name=_item_name(cat, i.item, "en"),
                             file=root)
        bad = [by_doc[n] for n in i.docs if by_doc[n].state in GAPS]
        if bad or i.claimed:
            failures += 1
            message = t("binder.claim", "en") if i.claimed else f"{len(bad)} document(s) with gaps"
            el = ET.SubElement(case, "failure", type="binder", message=message)
            el.text = "\n".join(f"{d.en} [{d.state}]: {why(d, 'en')}" for d in bad)
    suite.set("tests", str(len(c.items)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    ET.indent(suite)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suite, encoding="unicode") + "\n"
