"""The binder's check: for every document of the index, whether its folder holds it, and whether
its dates cover what the item requires; per item, the worst of its documents; with the answers,
the items answered "met" whose documents are missing (a claim without evidence).

States, worst first: ``missing`` (no file), ``unreadable`` (a file that cannot be read, a link
or a device: never followed), ``empty`` (a file of 0 bytes), ``stale`` (records that do not reach
back as far as required or end before that day; a procedure dated after the records that follow
it), ``undated`` (records with no date in binder.yaml or in a file name, so their period cannot be
judged), ``present``; and ``na`` when the answers show the document cannot exist.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aeo_check.binder.dates import months_before, name_dates
from aeo_check.binder.index import Binder, Entry
from aeo_check.binder.plan import english_names, numbered
from aeo_check.binder.scan import Folder, scan_folder

if TYPE_CHECKING:  # pragma: no cover
    from aeo_check.catalogue.compiled import Catalogue
    from aeo_check.scoring.result import Result

STATES = ("missing", "unreadable", "empty", "stale", "undated", "present", "na")
GAPS = frozenset(STATES[:5])
#: the states that leave an item "met" without its evidence
ABSENT = frozenset({"missing", "unreadable", "empty"})
#: a binder state as the evidence list's state (held, to_check, missing, na)
EVIDENCE_STATE = {"present": "held", "undated": "to_check", "na": "na"}


@dataclass(slots=True)
class DocCheck:
    doc: str
    en: str
    folder: str
    items: tuple[str, ...]
    kind: str
    months: int | None
    state: str = "present"
    why: str | None = None  # a key of the words' binder group
    detail: dict[str, Any] = field(default_factory=dict)  # the values the why names
    files: int = 0
    bytes: int = 0
    start: dt.date | None = None  # records: the first day they cover; procedure: its date
    end: dt.date | None = None

    def mark(self, state: str, why: str, **detail: Any) -> None:
        if STATES.index(state) < STATES.index(self.state):
            self.state, self.why, self.detail = state, why, detail


@dataclass(frozen=True, slots=True)
class ItemCheck:
    item: str
    state: str
    docs: tuple[str, ...]
    claimed: bool  # answered met (its rating passes) while a document is absent


@dataclass(frozen=True, slots=True)
class Check:
    on: dt.date
    docs: tuple[DocCheck, ...]
    items: tuple[ItemCheck, ...]
    answers: bool  # checked against answers

    @property
    def complete(self) -> bool:
        return not any(d.state in GAPS for d in self.docs) and not any(i.claimed for i in self.items)

    def evidence_states(self) -> dict[str, str]:
        """Each document's state as the evidence list shows it (its Chinese name → state)."""
        return {d.doc: EVIDENCE_STATE.get(d.state, "missing") for d in self.docs}


def _files(d: DocCheck, folder: Folder) -> list[tuple[str, int]]:
    """The readable regular files, after marking the document by what its folder holds."""
    if not folder.exists:
        d.mark("missing", "no_folder", folder=d.folder)
        return []
    if not folder.readable and not folder.found:
        d.mark("unreadable", "folder_unreadable", folder=d.folder)
        return []
    for f in folder.found:
        if f.problem is not None:
            d.mark("unreadable", f"file_{f.problem}", file=f.path)
    good = [(f.path, f.size) for f in folder.found if f.problem is None]
    d.files, d.bytes = len(good), sum(size for _, size in good)
    if not folder.found:
        d.mark("missing", "no_files", folder=d.folder)
    for path, size in good:
        if size == 0:
            d.mark("empty", "file_empty", file=path)
    return good


def _dates(d: DocCheck, e: Entry, files: list[tuple[str, int]]) -> None:
    """The span the document covers: from binder.yaml, else from its files' names."""
    spans = [s for s in (name_dates(path.rsplit("/", 1)[-1]) for path, _ in files) if s is not None]
    if d.kind == "procedure":
        d.start = e.dated or (min(s[0] for s in spans) if spans else None)
        return
    d.start = e.from_ or (min(s[0] for s in spans) if spans else None)
    d.end = e.to or (max(s[1] for s in spans) if spans else None)


def _records(d: DocCheck, on: dt.date) -> None:
    if d.kind != "records" or d.months is None or not d.files:
        return
    need = months_before(on, d.months)
    if d.start is None:
        d.mark("undated", "records_undated", months=d.months)
    elif d.start > need:
        d.mark("stale", "records_short", start=d.start, need=need, months=d.months)
    elif d.end is not None and d.end < need:
        d.mark("stale", "records_old", end=d.end, need=need, months=d.months)


def _procedures(docs: list[DocCheck]) -> None:
    """A procedure dated after the first record its item's records hold is stale."""
    first: dict[str, dt.date] = {}
    for d in docs:
        if d.kind == "records" and d.start is not None and d.files:
            for item in d.items:
                first[item] = min(first.get(item, d.start), d.start)
    for d in docs:
        if d.kind == "procedure" and d.start is not None:
            after = [first[i] for i in d.items if i in first and first[i] < d.start]
            if after:
                d.mark("stale", "procedure_after", dated=d.start, first=min(after))


def ratings(result: Result) -> dict[str, str]:
    """Each item's rating as the evidence list reads it: the stricter standard's (Advanced first)."""
    out: dict[str, str] = {}
    for sr in result.standards.values():
        for r in sr.items:
            if r.category != "bonus" and r.rating != "na":
                out.setdefault(r.id, r.rating)
    return out


def check(cat: Catalogue, binder: Binder, on: dt.date, result: Result | None = None) -> Check:
    """Check every document of ``binder`` on day ``on``; with ``result``, against its answers."""
    kinds = cat.evidence_kinds
    names = english_names(cat)
    root = str(binder.root)
    answered = {row[2]: row[4] for row in result.evidence_rows} if result is not None else {}
    docs = []
    for e in binder.index.documents:
        kind, months = kinds.get(e.doc, ("other", None))
        d = DocCheck(e.doc, names.get(e.doc, e.title or e.doc), e.folder, tuple(e.items), kind, months)
        files = _files(d, scan_folder(root, e.folder))
        _dates(d, e, files)
        _records(d, on)
        if answered.get(e.doc) == "na":
            d.state, d.why, d.detail = "na", "not_applicable", {}
        docs.append(d)
    _procedures(docs)
    if result is not None:
        docs += _not_in_binder(answered, {e.doc for e in binder.index.documents}, result, kinds)
    return Check(on, tuple(docs), _items(cat, docs, ratings(result) if result else {}), result is not None)


def _not_in_binder(answered: dict[str, str], listed: set[str], result: Result,
                   kinds: dict[str, Any]) -> list[DocCheck]:
    """Documents the answers' evidence list asks for that the index does not list."""
    out = []
    for _, _, zh, en, state, items, *_ in result.evidence_rows:
        if zh not in listed and state != "na":
            kind, months = kinds.get(zh, ("other", None))
            d = DocCheck(zh, en, "", tuple(items), kind, months)
            d.mark("missing", "not_in_index")
            out.append(d)
    return out


def _items(cat: Catalogue, docs: list[DocCheck], rating: dict[str, str]) -> tuple[ItemCheck, ...]:
    by_item: dict[str, list[DocCheck]] = {}
    for d in docs:
        for item in d.items:
            by_item.setdefault(item, []).append(d)
    out = []
    for item in numbered(cat):
        mine = by_item.get(item.id)
        if mine:
            state = min((d.state for d in mine), key=STATES.index)
            claimed = rating.get(item.id) == "pass" and any(d.state in ABSENT for d in mine)
            out.append(ItemCheck(item.id, state, tuple(d.doc for d in mine), claimed))
    return tuple(out)


#: the evidence list's order of states (as the scorer ranks them)
_RANK = {"missing": 0, "to_check": 1, "held": 2, "na": 3}


def with_binder(rows: list[tuple], states: dict[str, str]) -> list[tuple]:
    """The evidence checklist's rows (``Result.evidence_rows``) with each document's state taken
    from the binder (:meth:`Check.evidence_states`); a document the answers make not applicable
    stays so. Sorted as the scorer sorts them: by state, then catalogue place."""
    out = []
    for row in rows:
        state = row[4] if row[4] == "na" else states.get(row[2], "missing")
        out.append((_RANK[state], row[1], row[2], row[3], state, *row[5:]))
    out.sort()
    return out
