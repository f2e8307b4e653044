"""The interactive assessment, saving after every answer: the enterprise's details, then the
screening part (the facts that decide the tier alone, ``questionnaires/order.yaml``) and its
provisional verdict, where the person may stop, then the detail section by section.

Before the first question the person learns how many questions this profile brings and how long
they take; questions the profile or earlier answers rule out are never asked. "Don't know yet"
(Ctrl-D, or the list entry) is recorded as ``dont_know`` with the question's source; the open
questions and the documents that answer them are listed at the end (also saved as a printable
checklist). Two answers that break a consistency rule (``rules/consistency.yaml``) are shown
together at the second, and the person picks which to change.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.markup import escape

from aeo_check.answers.messages import localise, problem_text
from aeo_check.answers.migrate import current_version, read_through, version_of
from aeo_check.answers.model import (
    DONT_KNOW,
    FORMAT,
    WORKBOOK_SUFFIXES,
    Enterprise,
    check_value,
    customs_code_problem,
    enterprise_from,
    inconsistent,
    uscc_problem,
)
from aeo_check.answers.read import read_answers
from aeo_check.catalogue.compiled import Catalogue
from aeo_check.catalogue.vocab import ENTERPRISE_TYPES, SECTIONS, SPECIFIC_TYPES, TIERS
from aeo_check.files.limits import MAX_NAME_CHARS, MAX_NOTE_CHARS
from aeo_check.files.outfile import OutputError, remove_stale_temps
from aeo_check.files.safetext import has_control, inert
from aeo_check.files.sourcefile import DataFileError, Problem, SourceDoc
from aeo_check.interactive.asker import BACK, HELP, NOTE, SKIP, Asker, Nav
from aeo_check.interactive.asker import DONT_KNOW as DONT_KNOW_NAV
from aeo_check.interactive.lock import Busy, Refused, SessionLock
from aeo_check.interactive.screening import screening_ids, verdict_lines
from aeo_check.words.i18n import default_lang, group, t
from aeo_check.words.progname import command

if TYPE_CHECKING:  # pragma: no cover - annotations only
    from aeo_check.catalogue.models import Question
    from aeo_check.document.build import Document

PROFILE_FIELDS = ("name", "uscc", "customs_code", "type", "specific", "production", "current_tier")
#: seconds a person typically needs per question type, documents at hand (for the time estimate)
SECONDS = {"yes_no": 15, "choice": 20, "multi": 30, "last_event": 25, "integer": 35, "number": 35,
           "percent": 35, "money": 45, "date": 30, "text": 40}
DONT_KNOW_SHOWN = 8


@dataclass
class Draft:
    """An assessment being answered: may be incomplete, is always savable."""

    language: str
    assessed_on: dt.date
    enterprise: dict[str, Any] = field(default_factory=dict)
    answers: dict[str, Any] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    #: questions answered "don't know yet"
    dont_know: list[str] = field(default_factory=list)
    #: answers of an earlier questionnaire's file that no current question takes (left out)
    removed: list[str] = field(default_factory=list)

    def document(self, cat: Catalogue) -> dict[str, Any]:
        ent = {k: self.enterprise[k] for k in PROFILE_FIELDS if k in self.enterprise}
        answers = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in self.answers.items()}
        for qid in self.dont_know:
            answers[qid] = DONT_KNOW
        return {
            "format": FORMAT,
            "standard": cat.version,
            "questionnaire_version": current_version(),
            "language": self.language,
            "enterprise": ent,
            "assessed_on": self.assessed_on.isoformat(),
            "answers": answers,
            "notes": dict(self.notes),
        }

    def enterprise_model(self) -> Enterprise | None:
        try:
            return enterprise_from({k: self.enterprise[k] for k in PROFILE_FIELDS if k in self.enterprise})
        except Exception:  # noqa: BLE001 - incomplete profile
            return None

    def set_answer(self, qid: str, value: Any) -> None:
        if value is DONT_KNOW_NAV:
            self.answers.pop(qid, None)
            if qid not in self.dont_know:
                self.dont_know.append(qid)
            return
        self.answers[qid] = value
        if qid in self.dont_know:
            self.dont_know.remove(qid)


def draft_yaml(path: Path, draft: Draft, cat: Catalogue) -> str:
    """The draft as a fresh answer file (no comments to keep)."""
    import yaml

    from aeo_check.answers.store import _Dumper

    header = "# " + t("template.header", draft.language, command=command("assess", "--resume", path)) + "\n"
    return header + yaml.dump(draft.document(cat), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                              default_flow_style=False, width=100)


def save(path: Path, draft: Draft, cat: Catalogue) -> None:
    """Write the draft atomically; :class:`~aeo_check.files.outfile.OutputError` when it cannot be.

    An existing file keeps its comments and layout: only the answer lines change (a
    consultant's commented template stays commented)."""
    from aeo_check.answers.store import write_text_atomic
    from aeo_check.interactive.yamltext import rewrite

    text = None
    try:
        old = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        old = None
    if old and old.strip():
        text = rewrite(_current_questionnaire(old), draft.document(cat))
    write_text_atomic(path, text if text is not None else draft_yaml(path, draft, cat))


def _current_questionnaire(text: str) -> str:
    """An answer file written for an earlier questionnaire, as ``aeo-check migrate`` rewrites it
    (comments kept, a removed answer's line turned into a comment naming it); others as they are."""
    if "questionnaire_version: " + str(current_version()) in text:
        return text
    from aeo_check.answers.migrate import rewrite as migrate_text
    from aeo_check.files.sourcefile import DataFileError, parse_text

    try:
        data = parse_text(text, "draft").data
    except DataFileError:
        return text
    if version_of(data) >= current_version():
        return text
    return migrate_text(text, read_through(data))


def load_draft(path: Path, cat: Catalogue) -> Draft:
    """Read a (possibly unfinished) answer file; invalid answers are reported, never dropped.
    Questions answered ``dont_know`` are kept as such (and asked again)."""
    from aeo_check.answers.model import _not_an_answer_file
    from aeo_check.files.limits import FIRST_ASSESSED_ON, LAST_ASSESSED_ON
    from aeo_check.files.numbers import parse_date

    doc = read_answers(path, cat, str(path))  # YAML, JSON or a filled Excel questionnaire
    problems: list[Problem] = list(doc.problems)
    not_answers = _not_an_answer_file(doc)
    if not_answers:
        raise DataFileError(problems + [not_answers])
    data = doc.data
    lang = data.get("language") if data.get("language") in ("zh", "en") else default_lang()
    assessed = parse_date(data.get("assessed_on"))
    if assessed is None or not FIRST_ASSESSED_ON <= assessed <= LAST_ASSESSED_ON:
        assessed = dt.date.today()
    if data.get("standard") not in (None, cat.version):
        problems.append(doc.problem(("standard",), f"answers were given for {data.get('standard')!r}, "
                                                   f"not {cat.version!r}"))
    ent_raw = data.get("enterprise") if isinstance(data.get("enterprise"), dict) else {}
    enterprise = {k: v for k, v in ent_raw.items() if k in PROFILE_FIELDS and _profile_ok(k, v)}
    raw_answers, raw_notes = data.get("answers") or {}, data.get("notes") or {}
    for key, raw in (("answers", raw_answers), ("notes", raw_notes)):
        if not isinstance(raw, dict):
            problems.append(doc.problem((key,), "expected a mapping of question ids"))
    current = read_through(data)  # an older questionnaire's file through its renames ({}: no mapping)
    answers, dont_know = _draft_answers(doc, cat, current.answers, assessed, problems)
    # a removed question's note goes with its answer
    notes = {k: v for k, v in raw_notes.items() if k not in current.removed} if isinstance(raw_notes, dict) else {}
    notes = _draft_notes(doc, cat, notes, problems)
    if problems:
        raise DataFileError(problems)
    return Draft(lang, assessed, enterprise, answers, notes, dont_know, current.removed)


def _draft_answers(doc: SourceDoc, cat: Catalogue, raw: dict[str, Any], assessed: dt.date,
                   problems: list[Problem]) -> tuple[dict[str, Any], list[str]]:
    """The answers that pass their question's check, and those answered "don't know yet"."""
    answers: dict[str, Any] = {}
    dont_know: list[str] = []
    for qid, value in raw.items():
        q = cat.questions.get(qid)
        if q is None:
            problems.append(doc.problem(("answers", qid), "unknown question id"))
            continue
        if value is None:
            continue
        if value == DONT_KNOW:  # "don't know yet": kept, and asked again
            dont_know.append(qid)
            continue
        value, why = check_value(cat, q, value)
        if why is None and isinstance(value, dt.date) and value > assessed:
            why = f"{value} is after assessed_on ({assessed}): this answer is the date of a past event"
        if why:
            problems.append(doc.problem(("answers", qid), why))
        else:
            answers[qid] = value
    return answers, dont_know


def _draft_notes(doc: SourceDoc, cat: Catalogue, raw: dict[str, Any], problems: list[Problem]) -> dict[str, str]:
    """The notes of known questions that are plain text."""
    from aeo_check.answers.model import text_problem

    notes: dict[str, str] = {}
    for qid, note in raw.items():
        if not note:
            continue
        why = "expected text" if not isinstance(note, str) else text_problem(note)
        if why or qid not in cat.questions:
            problems.append(doc.problem(("notes", qid), why or "note for an unknown question id"))
        else:
            notes[qid] = note
    return notes


def _profile_ok(key: str, v: Any) -> bool:
    if key == "name":
        return isinstance(v, str) and bool(v.strip()) and len(v) <= MAX_NAME_CHARS and not has_control(v)
    if key == "uscc":
        return isinstance(v, str) and uscc_problem(v) is None
    if key == "customs_code":
        return isinstance(v, str) and customs_code_problem(v) is None
    if key == "type":
        return v in ENTERPRISE_TYPES
    if key == "specific":
        return isinstance(v, list) and all(s in SPECIFIC_TYPES for s in v)
    if key == "production":
        return isinstance(v, bool)
    if key == "current_tier":
        return v in TIERS
    return False


# --------------------------------------------------------------------------- what is asked

def in_profile(q: Question, etype: str, specific: Any) -> bool:
    """Whether ``q`` belongs to this enterprise's questionnaire (before any answer is known)."""
    if etype not in q.applies_to:
        return False
    return q.specific is None or q.specific in specific


def questionnaire(cat: Catalogue, etype: str, specific: Any) -> list[Question]:
    return [q for q in cat.questions.values() if in_profile(q, etype, specific)]


def minutes_for(questions: list[Question]) -> int:
    """Estimated minutes, rounded up to 5."""
    seconds = sum(SECONDS.get(q.type, 30) for q in questions)
    return max(5, int(math.ceil(seconds / 60 / 5) * 5))


def sources(questions: list[Question], lang: str) -> list[tuple[str, list[Question]]]:
    """Where the facts are found, in the order first needed, with the questions each serves."""
    found: dict[str, list[Question]] = {}
    for q in questions:
        if q.source is not None:
            found.setdefault(q.source.get(lang), []).append(q)
    return list(found.items())


def checklist_text(cat: Catalogue, questions: list[Question], lang: str, enterprise: str, path: Path) -> str:
    w = group("session", lang)
    lines = [w["checklist_title"], w["checklist_for"].format(enterprise=enterprise, path=path), ""]
    for i, (src, qs) in enumerate(sources(questions, lang), 1):
        lines.append(f"[ ] {i}. {src}")
        lines.append(f"      {w['checklist_used_for']}")
        lines += [f"      - {q.text.get(lang)}" for q in qs]
        lines.append("")
    lines.append(w["checklist_keys"])
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- the session

@dataclass
class Step:
    kind: str  # profile | question | verdict
    key: str


class StopHere(Exception):
    """The person stops at the provisional verdict (the answers are saved)."""


class Session:
    def __init__(self, cat: Catalogue, draft: Draft, path: Path, asker: Asker, console: Console,
                 review: str | None = None, resume: bool = False) -> None:
        self.cat = cat
        self.draft = draft
        self.path = path
        self.asker = asker
        self.console = console
        self.review = review
        self.resume = resume
        self.lang = draft.language
        self.w = group("session", self.lang)
        first = screening_ids(cat) if review is None else []  # a review keeps the section's order
        self.steps = ([Step("profile", f) for f in PROFILE_FIELDS] + [Step("question", q) for q in first]
                      + [Step("verdict", "")] + [Step("question", q) for q in cat.questions if q not in first])
        self._section_shown: str | None = None
        #: the questions in scope, in the order asked: fixed when the count is shown before the
        #: first question, changed (with a note) only by an answer that brings in or rules out some
        self._scope: list[str] | None = None
        #: questions met in this session (answered, skipped or "don't know"): moving forward
        #: after going back passes over them; a resumed file re-asks its open and don't-know ones
        self.visited: set[str] = set()
        self.unsaved = False  # the latest answers are only in memory (the last save failed)
        self.lock: SessionLock | None = None
        self.asker.latest = draft.assessed_on

    # saving --------------------------------------------------------------------
    def lock_path(self, path: Path) -> str | None:
        """Lock ``path`` for this session (releasing the lock held so far); None, or the message
        saying why not (another session has it, or the lock path is a folder or a link)."""
        lock = SessionLock(path)
        try:
            lock.acquire()
        except Busy as busy:
            return self.w["locked"].format(path=inert(path), pid=busy.pid or "?")
        except Refused as refused:
            return self.w["lock_refused"].format(path=inert(refused.path), what=self.w[f"lock_{refused.kind}"])
        if self.lock is not None:
            self.lock.release()
        self.lock = lock
        remove_stale_temps(path, older_than=0)  # ours alone now: what is left is from a killed session
        return None

    def save(self) -> bool:
        """Save the draft. When that fails, say where and why, keep everything in memory and
        offer another file; True when the answers are on disk."""
        while True:
            try:
                save(self.path, self.draft, self.cat)
                self.unsaved = False
                return True
            except OutputError as exc:
                self.unsaved = True
                self.console.print(self.w["save_failed"].format(path=inert(self.path), why=localise(exc.message, self.lang)),
                                   markup=False, soft_wrap=True, style="red")
            fallback = Path.home() / self.path.name
            if fallback.exists() or os.path.realpath(fallback) == os.path.realpath(self.path):
                fallback = Path(tempfile.gettempdir()) / self.path.name
            target = self.asker.text(self.w["save_elsewhere"], default=str(fallback), nav=False)
            if not isinstance(target, str) or not target.strip():
                self.console.print(self.w["kept_in_memory"].format(path=inert(self.path)), markup=False,
                                   soft_wrap=True)
                return False
            new = Path(target.strip()).expanduser()
            if new.exists() and os.path.realpath(new) != os.path.realpath(self.path):
                self.console.print(self.w["path_taken"].format(path=inert(new)), markup=False, soft_wrap=True)
                continue
            busy = self.lock_path(new)
            if busy is not None:
                self.console.print(busy, markup=False, soft_wrap=True)
                continue
            self.path = new

    # applicability -----------------------------------------------------------
    def _facts(self):
        from aeo_check.scoring.engine import Facts, compiled

        ent = self.draft.enterprise
        profile = {"production": ent.get("production", True), "enterprise_type": ent.get("type", "importer_exporter"),
                   "specific_types": tuple(ent.get("specific", ())), "current_tier": ent.get("current_tier", "regular"),
                   "assessed_on": self.draft.assessed_on}
        return Facts(compiled(self.cat), self.draft.answers, profile, frozenset(self.draft.dont_know))

    def applicable(self, step: Step, facts: Any = None) -> bool:
        if step.kind == "profile":
            return self.review is None or self.review == "profile"
        if step.kind == "verdict":
            return self.review is None
        q = self.cat.questions[step.key]
        if self.review is not None and q.section != self.review:
            return False
        facts = facts or self._facts()
        return facts.applies(step.key) is not False

    def answered(self, step: Step) -> bool:
        if step.kind == "profile":
            return step.key in self.draft.enterprise
        if step.kind == "verdict":  # passed once the detail has begun
            first = set(screening_ids(self.cat))
            return any(q not in first for q in [*self.draft.answers, *self.draft.dont_know, *self.visited])
        return step.key in self.draft.answers or step.key in self.visited

    def questions(self) -> list[Question]:
        """The questions this profile brings, in the order asked (follow-ups included, whether
        or not the answers call for them)."""
        ent = self.draft.enterprise
        etype, specific = ent.get("type", "importer_exporter"), ent.get("specific", ())
        return [self.cat.questions[s.key] for s in self.steps
                if s.kind == "question" and in_profile(self.cat.questions[s.key], etype, specific)]

    def still_asked(self) -> list[Question]:
        """The questions of :meth:`questions` the answers so far do not rule out."""
        facts = self._facts()
        return [q for q in self.questions() if facts.applies(q.id) is not False]

    def scope(self) -> list[str]:
        """The progress marks' questions: the ones in scope as the scorer counts them (its
        ``in_scope``), in the order asked. Set before the first question; afterwards only
        :meth:`rescope` changes it."""
        if self._scope is None:
            self._scope = [q.id for q in self.still_asked()]
        return self._scope

    def rescope(self) -> None:
        """After an answer: when it brings in or rules out questions, say so in one line and
        move the totals; otherwise nothing changes."""
        if self._scope is None:
            return
        new = [q.id for q in self.still_asked()]
        more, fewer = len(set(new) - set(self._scope)), len(set(self._scope) - set(new))
        self._scope = new
        if more or fewer:
            key = "scope_both" if more and fewer else "scope_more" if more else "scope_fewer"
            self.console.print(self.w[key].format(more=more, fewer=fewer, n=len(new)), style="cyan",
                               markup=False, soft_wrap=True)

    # the loop ------------------------------------------------------------------
    def run(self) -> None:
        """Walk the steps. Moving forward passes over answered questions (so a resumed file
        continues where it stopped, and going back then forward returns to where you were);
        going back re-asks the previous question with its answer as the default."""
        i, forward, n = 0, True, len(self.steps)
        while i < n:
            step = self.steps[i]
            passed = forward and self.review is None and self.answered(step)
            if not self.applicable(step) or passed or (step.kind == "verdict" and not forward):
                i += 1 if forward else -1
                if i < 0:
                    i, forward = 0, True
                continue
            moved = self.verdict() if step.kind == "verdict" else self.ask(step)
            if moved is not BACK:
                i, forward = i + 1, True
                continue
            j = i - 1
            while j >= 0 and not (self.applicable(self.steps[j]) and self.steps[j].kind != "verdict"):
                j -= 1
            if j < 0:
                self.console.print(f"[grey50]{self.w['first']}[/]")
                continue
            i, forward = j, False

    def verdict(self) -> Any:
        """The provisional verdict after the screening part: go on, or stop (:class:`StopHere`)."""
        from aeo_check.document.build import build

        first = set(screening_ids(self.cat))
        asked = [q for q in self.still_asked() if q.id in first]
        res = build(self.cat, self.assessment(), str(self.path)).result  # the scorer's, as at the end
        self.console.rule(f"[bold]{escape(self.w['verdict_title'])}[/]")
        for line in verdict_lines(self.cat, res, len(asked), len(self.still_asked()) - len(asked), self.lang):
            self.console.print(line, soft_wrap=True)
        choice: Any = HELP
        while choice in (HELP, NOTE, SKIP, DONT_KNOW_NAV):
            choice = self.asker.select(self.w["verdict_next"], [("go_on", self.w["verdict_go_on"]),
                                                               ("stop", self.w["verdict_stop"])], default="go_on")
        if choice == "stop":
            raise StopHere
        return choice

    def assessment(self) -> Any:
        """The answers so far as the scorer takes them."""
        from aeo_check.answers.model import Assessment

        d = self.draft
        return Assessment(standard=self.cat.version, language=self.lang, enterprise=d.enterprise_model(),
                          assessed_on=d.assessed_on, answers=dict(d.answers), notes=dict(d.notes),
                          file=str(self.path), dont_know=[q for q in self.cat.questions if q in d.dont_know])

    def ask(self, step: Step) -> Any:
        """Ask one step until it is answered, skipped, left as "don't know" or left backwards."""
        tentative: dict[str, Any] = {}  # an answer that clashed: the cursor starts on it again
        while True:
            if step.kind == "question" and not self.applicable(step):
                return None  # an earlier answer changed after a clash rules this one out
            self._header(step)
            if step.kind == "profile":
                result = self._ask_profile(step.key)
            else:
                q = self.cat.questions[step.key]
                current = DONT_KNOW_NAV if q.id in self.draft.dont_know else self.draft.answers.get(q.id)
                result = self.asker.ask(q, tentative.pop(q.id, current), self._progress(q))
            if result is HELP:
                self._help(step)
                continue
            if result is NOTE:
                self._note(step)
                continue
            if result is BACK:
                return BACK
            if result is SKIP or result is DONT_KNOW_NAV:
                if step.kind == "profile":
                    self.console.print(f"[yellow]{self.w['required']}[/]")
                    continue
                self.visited.add(step.key)
                if result is SKIP:
                    self.console.print(f"[grey50]{self.w['skipped']}[/]")
                    return SKIP
                self.draft.set_answer(step.key, DONT_KNOW_NAV)
                self.save()
                self.rescope()
                src = self.cat.questions[step.key].source
                if src is not None:
                    self.console.print(f"[magenta]{escape(self.w['ask_source'].format(source=src.get(self.lang)))}[/]",
                                       soft_wrap=True)
                return DONT_KNOW_NAV
            if step.kind == "question" and self._clashes(step.key, result):
                tentative[step.key] = result
                continue
            if step.kind == "profile":
                self.draft.enterprise[step.key] = result
            else:
                self.visited.add(step.key)
                self.draft.set_answer(step.key, result)
            self.save()
            self.rescope()
            return result

    def _clashes(self, qid: str, value: Any) -> bool:
        """Whether ``value`` breaks a consistency rule with an earlier answer; if so, show both
        answers and let the person change either (the earlier one is asked again here)."""
        ent = self.draft.enterprise
        profile = {"production": ent.get("production", True), "enterprise_type": ent.get("type", "importer_exporter"),
                   "specific_types": tuple(ent.get("specific", ())), "current_tier": ent.get("current_tier", "regular"),
                   "assessed_on": self.draft.assessed_on}
        rule = next((r for r in inconsistent(self.cat, {**self.draft.answers, qid: value}, profile)
                     if qid in r.check.names), None)
        if rule is None:
            return False
        from aeo_check.interactive.asker import show_answer

        others = [n for n in sorted(rule.check.names) if n != qid and n in self.draft.answers]
        w, lang = self.w, self.lang
        self.console.print(w["clash"].format(msg=rule.message.get(lang)), style="yellow", markup=False, soft_wrap=True)
        for key, n, v in [("clash_this", qid, value), *(("clash_other", n, self.draft.answers[n]) for n in others)]:
            q = self.cat.questions[n]
            self.console.print("  " + w[key].format(question=q.text.get(lang), answer=show_answer(self.cat, q, v, lang)),
                               style="yellow", markup=False, soft_wrap=True)
        pick = self.asker.select(w["clash_pick"], [("", w["clash_change_this"])] + [
            (n, w["clash_change_other"].format(question=self.cat.questions[n].text.get(lang))) for n in others],
            default="")
        if isinstance(pick, str) and pick:
            self.ask(Step("question", pick))
        return True

    def _header(self, step: Step) -> None:
        if step.kind == "question" and self._scope is None:
            facts, ids = self._facts(), self.scope()
            qs = [self.cat.questions[q] for q in ids]
            open_ = sum(1 for q in ids if facts.applies(q) is not True)
            self.console.print(self.w["count_open"].format(n=len(ids), f=open_, minutes=minutes_for(qs)),
                               style="bold", markup=False, soft_wrap=True)
        section = "profile" if step.kind == "profile" else self._part(step.key)
        if section != self._section_shown:
            self._section_shown = section
            if section == "screening":
                self.console.rule(f"[bold]{escape(self.w['screening_title'])}[/]")
                n = sum(1 for q in self.scope() if self._part(q) == "screening")
                self.console.print(self.w["screening_count"].format(n=n), markup=False, soft_wrap=True)
            else:
                self.console.rule(f"[bold]{escape(self.cat.label('sections', section).get(self.lang))}[/]")
            self.console.print(f"[grey50]{escape(t('asker.keys', self.lang))}[/]")

    def _part(self, qid: str) -> str:
        """'screening' for a screening question (outside --review), else its section."""
        if self.review is None and qid in screening_ids(self.cat):
            return "screening"
        return self.cat.questions[qid].section

    def _progress(self, q: Question) -> str:
        """[12/140 · 贸易安全 3/40]: position among the questions in scope (:meth:`scope`), in
        the order asked, so the last question asked is the last one counted."""
        ids = self.scope()
        part = self._part(q.id)
        in_part = [x for x in ids if self._part(x) == part]
        pos = ids.index(q.id) + 1 if q.id in ids else 0
        spos = in_part.index(q.id) + 1 if q.id in in_part else 0
        title = self.w["screening"] if part == "screening" else self.cat.label("sections", part).get(self.lang)
        return "[" + self.w["progress"].format(pos=pos, total=len(ids), section=title, spos=spos,
                                               stotal=len(in_part)) + "] "

    def _help(self, step: Step) -> None:
        if step.kind == "profile":
            key = f"help_{step.key}"
            text = self.w.get(key, "")
            if step.key == "specific":
                self._specific_help()
        else:
            q = self.cat.questions[step.key]
            text = q.help.get(self.lang)
            if q.source is not None:
                text += "\n" + self.w["ask_source"].format(source=q.source.get(self.lang))
        if text:
            colon = t("punct.colon", self.lang).rstrip()
            self.console.print(f"[cyan]{escape(self.w['help'] + colon)}[/] {escape(text)}", highlight=False)

    def _specific_help(self) -> None:
        self.console.print(escape(self.w["specific_intro"]), highlight=False)
        for k in SPECIFIC_TYPES:
            self.console.print("  · " + escape(self.w[f"specific_{k}"]), highlight=False, soft_wrap=True)
        self.console.print("  · " + escape(self.w["specific_none"]), highlight=False)

    def _note(self, step: Step) -> None:
        if step.kind != "question":
            return
        current = self.draft.notes.get(step.key, "")
        result = self.asker.text(self.w["note_prompt"], default=current, nav=False, validate=self._text_ok)
        if isinstance(result, Nav):
            return
        if result.strip():
            self.draft.notes[step.key] = result.strip()
        else:
            self.draft.notes.pop(step.key, None)
        self.save()
        self.console.print(f"[grey50]{self.w['note_saved']}[/]")

    def _text_ok(self, s: str, limit: int = MAX_NOTE_CHARS) -> bool | str:
        if len(s.strip()) > limit:
            return self.w["name_too_long"].format(n=limit)
        if has_control(s, allow="\n\t"):
            return self.w["no_control"]
        return True

    def _ask_profile(self, key: str) -> Any:
        w, lang, ent = self.w, self.lang, self.draft.enterprise
        a = self.asker
        if key == "name":
            colon = t("asker.colon", lang)
            r = a.text(w["name"] + colon, default=ent.get("name", ""),
                       validate=lambda s: self._text_ok(s, MAX_NAME_CHARS) if s.strip() else t("asker.required", lang))
            return r.strip() if isinstance(r, str) else r
        if key in ("uscc", "customs_code"):
            check: Callable[..., str | None] = uscc_problem if key == "uscc" else customs_code_problem
            r = a.text(w[key] + t("asker.colon", lang), default=ent.get(key, ""),
                       validate=lambda s: localise(check(s.strip().upper()) or "", lang) or True)
            return r.strip().upper() if isinstance(r, str) else r
        if key == "type":
            return a.select(w["type"], [(k, self.cat.label("enterprise_types", k).get(lang)) for k in ENTERPRISE_TYPES],
                            default=ent.get("type"))
        if key == "specific":
            self._specific_help()
            return a.checkbox(w["specific"], [(k, self.cat.label("specific_types", k).get(lang)) for k in SPECIFIC_TYPES],
                              checked=ent.get("specific"))
        if key == "production":
            return a.confirm(w["production"], default=None)
        if key == "current_tier":
            return a.select(w["current_tier"], [(k, self.cat.label("tiers", k).get(lang)) for k in TIERS],
                            default=ent.get("current_tier"))
        raise KeyError(key)  # pragma: no cover


def intro(cat: Catalogue, session: Session, console: Console) -> None:
    """How many questions and how long, before the enterprise's details are asked."""
    w = session.w
    sizes = [questionnaire(cat, etype, spec) for etype in ENTERPRISE_TYPES for spec in ((), SPECIFIC_TYPES)]
    low, high = min(len(x) for x in sizes), max(len(x) for x in sizes)
    typical = questionnaire(cat, "importer_exporter", ())
    console.rule(f"[bold]{escape(w['intro_title'])}[/]")
    console.print(escape(w["intro_count"].format(low=low, high=high, minutes=minutes_for(typical))), soft_wrap=True)
    console.print(f"[grey50]{escape(w['checklist_keys'])}[/]", soft_wrap=True)


def documents(cat: Catalogue, session: Session, console: Console) -> None:
    """Last: the documents that answer the questions still open, and the printable checklist
    of them beside the answers."""
    w, lang, draft = session.w, session.lang, session.draft
    still = [q for q in session.still_asked() if q.id not in draft.answers]
    if not still:
        return
    console.print(escape(w["intro_docs"]))
    for i, (src, qs) in enumerate(sources(still, lang), 1):
        console.print(f"  {i}. {escape(src)}[grey50]{escape(w['intro_docs_n'].format(n=len(qs)))}[/]", soft_wrap=True)
    from aeo_check.answers.store import write_text_atomic

    target = checklist_path(session.path)
    write_text_atomic(target, checklist_text(cat, still, lang, draft.enterprise.get("name", ""), session.path))
    console.print(f"[grey50]{escape(w['checklist_saved'].format(path=target))}[/]", soft_wrap=True)


def checklist_path(answers: Path) -> Path:
    return answers.with_name(answers.stem + "-checklist.txt")


def run_assess(cat: Catalogue, output: Path | None, resume: Path | None, review: str | None,
               lang: str | None, asker_factory: Callable[[Catalogue, str], Asker] = Asker,
               console: Console | None = None, today: dt.date | None = None) -> int:
    console = console or Console(highlight=False)
    err = Console(stderr=True, highlight=False)
    today = today or dt.date.today()
    ui = lang or default_lang()
    if review is not None and review not in SECTIONS:
        err.print(t("session.unknown_section", ui, s=review, all=", ".join(SECTIONS)), markup=False)
        return 2
    if review is not None and resume is None:
        err.print(t("session.review_needs", ui), markup=False)
        return 2
    if resume is not None:
        try:
            draft = load_draft(resume, cat)
        except DataFileError as exc:
            err.print(t("session.invalid_resume", ui, path=inert(resume)), markup=False, soft_wrap=True)
            for p in exc.problems:
                err.print(problem_text(p, ui), markup=False)
            return 2
        if lang:
            draft.language = lang
        if draft.removed:  # named once; the saves write the file in the current questionnaire
            console.print(t("session.removed_on_resume", draft.language, file=inert(resume),
                            ids=", ".join(draft.removed)), markup=False, soft_wrap=True)
        path = output or resume
        if output is None and resume.suffix.lower() in WORKBOOK_SUFFIXES:  # answers go on in YAML beside it
            path = resume.with_suffix(".yaml")
            if path.exists():
                err.print(t("session.exists", draft.language, path=inert(path)), markup=False, soft_wrap=True)
                return 2
    else:
        path = output or Path(f"aeo-answers-{today.isoformat()}.yaml")
        if path.exists():
            err.print(t("session.exists", ui, path=inert(path)), markup=False, soft_wrap=True)
            return 2
        draft = Draft(ui, today)
    asker = asker_factory(cat, draft.language)
    asker.console = console
    session = Session(cat, draft, path, asker, console, review=review, resume=resume is not None)
    busy = session.lock_path(path)
    if busy is not None:
        err.print(busy, markup=False, soft_wrap=True)
        return 2
    try:
        return _run(cat, session, console, resume is not None)
    finally:
        if session.lock is not None:
            session.lock.release()


def _run(cat: Catalogue, session: Session, console: Console, resumed: bool) -> int:
    draft, w = session.draft, session.w
    console.print(f"[bold]{escape(w['welcome'].format(title=cat.meta.title.get(draft.language)))}[/]")
    if resumed:  # every answer in scope counts, "don't know yet" included: the count the totals use
        scope = [q.id for q in session.still_asked()]
        k = sum(1 for q in scope if q in draft.dont_know)
        console.print(w["resumed"].format(path=inert(session.path), n=sum(1 for q in scope if q in draft.answers) + k,
                                          k=k, p=len(draft.enterprise)),
                      markup=False, soft_wrap=True)
    try:
        session.save()
        console.print(f"[grey50]{escape(w['saving'].format(path=inert(session.path)))}[/]", soft_wrap=True)
        if not resumed:
            intro(cat, session, console)
        session.run()
        return finish(cat, session, console)
    except StopHere:
        documents(cat, session, console)
        console.print(w["stopped"].format(command=inert(command("assess", "--resume", session.path))),
                      markup=False, soft_wrap=True)
        return 0
    except KeyboardInterrupt:
        console.print()
        lang = draft.language
        if session.unsaved:  # one last try, then show the answers rather than lose them
            try:
                save(session.path, draft, cat)
                session.unsaved = False
            except OutputError as exc:
                console.print(w["save_failed"].format(path=inert(session.path), why=localise(exc.message, lang)), markup=False,
                              soft_wrap=True)
                console.print(w["not_saved_dump"], markup=False)
                console.print(draft_yaml(session.path, draft, cat), markup=False, soft_wrap=True)
                return 130
        documents(cat, session, console)
        gap = "" if lang == "zh" else " "  # Chinese sets no space after its full stop
        console.print(f"[yellow]{escape(t('interrupted', lang))}[/]{gap}"
                      + escape(t("saved_at", lang, path=inert(session.path))), soft_wrap=True)
        console.print(t("resume_with", lang, command=inert(command("assess", "--resume", session.path))),
                      markup=False, soft_wrap=True)
        return 130


def finish(cat: Catalogue, session: Session, console: Console) -> int:
    """The end of a session: what is still to find out, the documents, the result screen, the plan
    as PDF if wanted; the answers saved."""
    from aeo_check.document.build import build
    from aeo_check.views.result_screen import render_result_screen

    draft, w, lang = session.draft, session.w, session.lang
    console.rule(f"[bold]{escape(w['done'])}[/]")
    if draft.enterprise_model() is None:
        console.print(w["incomplete"], markup=False)
        return 1
    doc = build(cat, session.assessment(), str(session.path))
    if doc.result.dont_know:
        _to_find_out(cat, session, console, doc.result.dont_know)
    documents(cat, session, console)
    plan_file = session.path.with_name(f"aeo-plan-{draft.assessed_on.isoformat()}.pdf")
    commands = {
        "score": inert(command("score", session.path)),
        "report": inert(command("report", session.path, "-o", plan_file)),
    }
    render_result_screen(console, cat, doc, lang, commands)
    if session.asker.confirm(w["offer_pdf"], default=None, nav=False) is True:
        _offer_pdf(cat, session, console, doc, str(plan_file))
    if session.unsaved:
        session.save()
    console.print(t("saved_at", lang, path=inert(session.path)), markup=False, soft_wrap=True)
    return 0


def _to_find_out(cat: Catalogue, session: Session, console: Console, dont_know: list[str]) -> None:
    """The questions answered "don't know", the first few by name with where to look it up, and how
    to come back to them."""
    w, lang = session.w, session.lang
    console.print(f"[bold magenta]{escape(w['dont_know_title'].format(n=len(dont_know)))}[/]")
    for qid in dont_know[:DONT_KNOW_SHOWN]:
        q = cat.questions[qid]
        src = f" — {q.source.get(lang)}" if q.source is not None else ""
        console.print(f"  · {escape(_short(q.text.get(lang), 40 if lang == 'zh' else 70))}[grey50]{escape(src)}[/]",
                      soft_wrap=True)
    if len(dont_know) > DONT_KNOW_SHOWN:
        console.print(f"  [grey50]{escape(w['dont_know_more'].format(n=len(dont_know) - DONT_KNOW_SHOWN))}[/]")
    console.print("  " + w["dont_know_then"].format(command=inert(command("assess", "--resume", session.path))),
                  markup=False, soft_wrap=True)


def _offer_pdf(cat: Catalogue, session: Session, console: Console, doc: Document, default: str) -> None:
    """Ask where to write the plan as PDF until it is written or the user gives no path; never over
    the answer file, nor over another answer file."""
    from aeo_check.files.outfile import resolve_output
    from aeo_check.views.pdf.report import write_report
    from aeo_check.views.spinner import working

    w, lang = session.w, session.lang
    while True:
        target = session.asker.text(w["pdf_path"], default=default, nav=False)
        if not isinstance(target, str) or not target.strip():
            return
        try:
            out = resolve_output(target.strip(), inputs=[session.path])
            with working(t("cli.rendering_pdf", lang)):
                write_report(cat, doc.data, out, lang=lang)
        except OutputError as exc:
            console.print(w["pdf_failed"].format(why=localise(exc.message, lang)), markup=False, soft_wrap=True,
                          style="red")
            continue
        console.print(w["pdf_written"].format(path=inert(target.strip())), markup=False, soft_wrap=True)
        return


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
