"""The interactive assessment: profile, then section by section, saving after every answer."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from rich.console import Console
from rich.markup import escape

from ..answers import (DONT_KNOW, FORMAT, WORKBOOK_SUFFIXES, Enterprise, check_value, customs_code_problem,
                       inconsistent, read_answers, uscc_problem)
from ..catalogue.loader import Catalogue
from ..catalogue.models import ENTERPRISE_TYPES, SECTIONS, SPECIFIC_TYPES, TIERS, Question
from ..i18n import default_lang, t
from ..limits import MAX_NAME_CHARS, MAX_NOTE_CHARS
from ..outfile import OutputError, remove_stale_temps
from ..safetext import has_control, inert
from ..sourcefile import DataFileError, Problem, read_file
from .asker import BACK, HELP, NOTE, SKIP, Asker, Nav, WORDS
from .lock import Busy, SessionLock

W = {
    "zh": {
        "welcome": "AEO 认证自评 · {title}",
        "saving": "每个答案都会立即保存到 {path}",
        "profile": "企业概况",
        "name": "企业名称",
        "uscc": "统一社会信用代码（18位）",
        "customs_code": "海关编码（10位）",
        "type": "企业类型",
        "specific": "适用的单项标准（可多选，没有则直接回车）",
        "production": "是否为生产型企业？",
        "current_tier": "海关目前给予的信用等级",
        "required": "此项为必填，不能跳过",
        "first": "已经是第一个问题",
        "note_prompt": "备注（留空则删除备注）：",
        "note_saved": "备注已保存",
        "skipped": "已跳过：该问题保持未回答，结果将标记为暂定",
        "help": "说明",
        "done": "问卷完成",
        "offer_pdf": "现在生成 PDF 整改计划吗？",
        "pdf_path": "PDF 保存路径：",
        "pdf_written": "整改计划已生成：{path}",
        "exists": "{path} 已存在。继续该文件请用 --resume {path}，或用 -o 指定新文件。",
        "review_needs": "--review 需要与 --resume FILE 一起使用",
        "unknown_section": "未知的部分 {s}；可选：{all}",
        "incomplete": "企业信息不完整，无法评分；请用 --resume 继续填写。",
        "nothing_saved": "尚未保存任何答案。",
        "invalid_resume": "{path} 中有无效内容，请先修正：",
        "resumed": "继续 {path}：已回答 {n} 个问题",
        "inconsistent": "与已有答案矛盾：{msg}（请重新回答；Ctrl-P 返回修改上一题，Ctrl-S 跳过）",
        "locked": "{path} 正在另一个 aeo-check assess 会话中作答（进程 {pid}）。请先完成或退出那个会话。",
        "save_failed": "无法保存到 {path}：{why}。答案仍保留在内存中，没有丢失。",
        "save_elsewhere": "另存为（留空则暂不保存，下一个答案时再试）：",
        "kept_in_memory": "答案暂存在内存中；回答下一题时会再次尝试保存到 {path}。",
        "path_taken": "{path} 已存在，请换一个文件名。",
        "not_saved_dump": "答案未能保存。以下是全部答案，请复制保存：",
        "pdf_failed": "无法写入 PDF：{why}",
        "name_too_long": "不能超过 {n} 个字",
        "no_control": "不能包含控制字符",
    },
    "en": {
        "welcome": "AEO self-assessment · {title}",
        "saving": "Every answer is saved at once in {path}",
        "profile": "Enterprise profile",
        "name": "Enterprise name",
        "uscc": "Unified social credit code (18 characters)",
        "customs_code": "Customs code (10 characters)",
        "type": "Enterprise type",
        "specific": "Specific standards that apply (several allowed; Enter for none)",
        "production": "Is it a production enterprise?",
        "current_tier": "The credit tier customs gives the enterprise today",
        "required": "This one is required and cannot be skipped",
        "first": "This is the first question",
        "note_prompt": "Note (empty to remove it):",
        "note_saved": "Note saved",
        "skipped": "Skipped: the question stays unanswered and the result will be provisional",
        "help": "Help",
        "done": "Questionnaire complete",
        "offer_pdf": "Write the PDF improvement plan now?",
        "pdf_path": "Save the PDF as:",
        "pdf_written": "Improvement plan written: {path}",
        "exists": "{path} already exists. To continue it use --resume {path}, or choose a new file with -o.",
        "inconsistent": "This contradicts an earlier answer: {msg} (answer again; Ctrl-P goes back, Ctrl-S skips)",
        "review_needs": "--review needs --resume FILE",
        "unknown_section": "unknown section {s}; choose one of: {all}",
        "incomplete": "The enterprise profile is incomplete, so nothing can be scored; continue with --resume.",
        "nothing_saved": "No answer has been saved yet.",
        "invalid_resume": "{path} holds invalid entries; fix them first:",
        "resumed": "Continuing {path}: {n} questions answered",
        "locked": "{path} is being answered in another aeo-check assess session (process {pid}). "
                  "Finish or quit that one first.",
        "save_failed": "Could not save to {path}: {why}. The answers are kept in memory; nothing is lost.",
        "save_elsewhere": "Save to another file (empty: not now, try again at the next answer):",
        "kept_in_memory": "The answers are kept in memory; saving to {path} is tried again after the next answer.",
        "path_taken": "{path} already exists; choose another name.",
        "not_saved_dump": "The answers could not be saved. Here they all are, to copy:",
        "pdf_failed": "Could not write the PDF: {why}",
        "name_too_long": "At most {n} characters",
        "no_control": "Control characters are not allowed",
    },
}

PROFILE_FIELDS = ("name", "uscc", "customs_code", "type", "specific", "production", "current_tier")


@dataclass
class Draft:
    """An assessment being answered: may be incomplete, is always savable."""

    language: str
    assessed_on: dt.date
    enterprise: dict[str, Any] = field(default_factory=dict)
    answers: dict[str, Any] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)

    def document(self, cat: Catalogue) -> dict[str, Any]:
        ent = {k: self.enterprise[k] for k in PROFILE_FIELDS if k in self.enterprise}
        return {
            "format": FORMAT,
            "standard": cat.version,
            "language": self.language,
            "enterprise": ent,
            "assessed_on": self.assessed_on.isoformat(),
            "answers": {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in self.answers.items()},
            "notes": dict(self.notes),
        }

    def enterprise_model(self) -> Enterprise | None:
        try:
            return Enterprise.model_validate({k: self.enterprise[k] for k in PROFILE_FIELDS if k in self.enterprise})
        except Exception:  # noqa: BLE001 - incomplete profile
            return None


def draft_yaml(path: Path, draft: Draft, cat: Catalogue) -> str:
    import yaml

    from ..store import HEADER, _Dumper

    return HEADER.format(name=str(path)) + yaml.dump(draft.document(cat), Dumper=_Dumper, allow_unicode=True,
                                                     sort_keys=False, default_flow_style=False, width=100)


def save(path: Path, draft: Draft, cat: Catalogue) -> None:
    """Write the draft atomically; :class:`~aeo_check.outfile.OutputError` when it cannot be."""
    from ..store import write_text_atomic

    write_text_atomic(path, draft_yaml(path, draft, cat))


def load_draft(path: Path, cat: Catalogue) -> Draft:
    """Read a (possibly unfinished) answer file; invalid answers are reported, never dropped."""
    from ..answers import _not_an_answer_file, text_problem
    from ..limits import FIRST_ASSESSED_ON, LAST_ASSESSED_ON
    from ..numbers import parse_date

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
    answers: dict[str, Any] = {}
    raw_answers, raw_notes = data.get("answers") or {}, data.get("notes") or {}
    for key, raw in (("answers", raw_answers), ("notes", raw_notes)):
        if not isinstance(raw, dict):
            problems.append(doc.problem((key,), "expected a mapping of question ids"))
    for qid, value in (raw_answers.items() if isinstance(raw_answers, dict) else ()):
        q = cat.questions.get(qid)
        if q is None:
            problems.append(doc.problem(("answers", qid), "unknown question id"))
            continue
        if value is None or value == DONT_KNOW:  # "don't know yet" is asked again
            continue
        value, why = check_value(cat, q, value)
        if why is None and isinstance(value, dt.date) and value > assessed:
            why = f"{value} is after assessed_on ({assessed}): this answer is the date of a past event"
        if why:
            problems.append(doc.problem(("answers", qid), why))
        else:
            answers[qid] = value
    notes: dict[str, str] = {}
    for qid, note in (raw_notes.items() if isinstance(raw_notes, dict) else ()):
        if not note:
            continue
        why = "expected text" if not isinstance(note, str) else text_problem(note)
        if why or qid not in cat.questions:
            problems.append(doc.problem(("notes", qid), why or "note for an unknown question id"))
        else:
            notes[qid] = note
    if problems:
        raise DataFileError(problems)
    return Draft(lang, assessed, enterprise, answers, notes)


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


# --------------------------------------------------------------------------- the session

@dataclass
class Step:
    kind: str  # profile | question
    key: str


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
        self.w = W[self.lang]
        self.steps = [Step("profile", f) for f in PROFILE_FIELDS] + [Step("question", q) for q in cat.questions]
        self._section_shown: str | None = None
        self.unsaved = False  # the latest answers are only in memory (the last save failed)
        self.lock: SessionLock | None = None
        self.asker.latest = draft.assessed_on

    # saving --------------------------------------------------------------------
    def lock_path(self, path: Path) -> str | None:
        """Lock ``path`` for this session (releasing the lock held so far); the other
        session's process id when it is busy."""
        lock = SessionLock(path)
        try:
            lock.acquire()
        except Busy as busy:
            return busy.pid or "?"
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
                self.console.print(self.w["save_failed"].format(path=inert(self.path), why=exc.message),
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
                self.console.print(self.w["locked"].format(path=inert(new), pid=busy), markup=False, soft_wrap=True)
                continue
            self.path = new

    # applicability -----------------------------------------------------------
    def _facts(self):
        from ..scoring.engine import Facts, compiled

        ent = self.draft.enterprise
        profile = {"production": ent.get("production", True), "enterprise_type": ent.get("type", "importer_exporter"),
                   "specific_types": tuple(ent.get("specific", ())), "current_tier": ent.get("current_tier", "regular")}
        return Facts(compiled(self.cat), self.draft.answers, profile)

    def applicable(self, step: Step, facts: Any = None) -> bool:
        if step.kind == "profile":
            return self.review is None or self.review == "profile"
        q = self.cat.questions[step.key]
        if self.review is not None and q.section != self.review:
            return False
        facts = facts or self._facts()
        return facts.applies(step.key) is not False

    def answered(self, step: Step) -> bool:
        if step.kind == "profile":
            return step.key in self.draft.enterprise
        return step.key in self.draft.answers

    # the loop ------------------------------------------------------------------
    def run(self) -> None:
        """Walk the steps. Moving forward passes over answered questions (so a resumed file
        continues where it stopped, and going back then forward returns to where you were);
        going back re-asks the previous question with its answer as the default."""
        i, forward, n = 0, True, len(self.steps)
        while i < n:
            step = self.steps[i]
            if not self.applicable(step):
                i += 1 if forward else -1
                if i < 0:
                    i, forward = 0, True
                continue
            if forward and self.review is None and self.answered(step):
                i += 1
                continue
            if self.ask(step) is BACK:
                j = i - 1
                while j >= 0 and not self.applicable(self.steps[j]):
                    j -= 1
                if j < 0:
                    self.console.print(f"[grey50]{self.w['first']}[/]")
                    continue
                i, forward = j, False
                continue
            i, forward = i + 1, True

    def ask(self, step: Step) -> Any:
        """Ask one step until it is answered, skipped or left backwards."""
        while True:
            self._header(step)
            if step.kind == "profile":
                result = self._ask_profile(step.key)
            else:
                q = self.cat.questions[step.key]
                result = self.asker.ask(q, self.draft.answers.get(q.id), self._progress(q))
            if result is HELP:
                self._help(step)
                continue
            if result is NOTE:
                self._note(step)
                continue
            if result is BACK:
                return BACK
            if result is SKIP:
                if step.kind == "profile":
                    self.console.print(f"[yellow]{self.w['required']}[/]")
                    continue
                self.console.print(f"[grey50]{self.w['skipped']}[/]")
                return SKIP
            if step.kind == "question":
                clash = self._contradiction(step.key, result)
                if clash is not None:
                    self.console.print(f"[yellow]{escape(self.w['inconsistent'].format(msg=clash))}[/]")
                    continue
            if step.kind == "profile":
                self.draft.enterprise[step.key] = result
            else:
                self.draft.answers[step.key] = result
            self.save()
            return result

    def _contradiction(self, qid: str, value: Any) -> str | None:
        """The message of a consistency rule (``rules/consistency.yaml``) this answer breaks."""
        ent = self.draft.enterprise
        profile = {"production": ent.get("production", True), "enterprise_type": ent.get("type", "importer_exporter"),
                   "specific_types": tuple(ent.get("specific", ())), "current_tier": ent.get("current_tier", "regular")}
        for rule in inconsistent(self.cat, {**self.draft.answers, qid: value}, profile):
            if qid in rule.check.names:
                return rule.message.get(self.lang)
        return None

    def _header(self, step: Step) -> None:
        section = "profile" if step.kind == "profile" else self.cat.questions[step.key].section
        if section != self._section_shown:
            self._section_shown = section
            title = self.cat.label("sections", section).get(self.lang)
            self.console.rule(f"[bold]{title}[/]")
            self.console.print(f"[grey50]{WORDS[self.lang]['keys']}[/]")

    def _progress(self, q: Question) -> str:
        facts = self._facts()
        in_section = [s for s in self.steps if s.kind == "question"
                      and self.cat.questions[s.key].section == q.section and self.applicable(s, facts)]
        keys = [s.key for s in in_section]
        pos = keys.index(q.id) + 1 if q.id in keys else 0
        title = self.cat.label("sections", q.section).get(self.lang)
        return f"[{title} · {pos}/{len(keys)}] "

    def _help(self, step: Step) -> None:
        if step.kind == "profile":
            text = {"uscc": ("营业执照上的18位代码，最后一位是校验位。", "The 18-character code on the business licence; the last one is a check digit."),
                    "customs_code": ("海关注册登记编码，10位。", "The 10-character customs registration code."),
                    "production": ("生产型企业的资产负债率标准较宽。", "Production enterprises have a looser debt-ratio threshold."),
                    }.get(step.key, ("", ""))[0 if self.lang == "zh" else 1]
        else:
            text = self.cat.questions[step.key].help.get(self.lang)
        if text:
            self.console.print(f"[cyan]{self.w['help']}:[/] {text}", markup=True, highlight=False)

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
            r = a.text(w["name"] + ":", default=ent.get("name", ""),
                       validate=lambda s: self._text_ok(s, MAX_NAME_CHARS) if s.strip() else WORDS[lang]["required"])
            return r.strip() if isinstance(r, str) else r
        if key in ("uscc", "customs_code"):
            check: Callable[[str], str | None] = uscc_problem if key == "uscc" else customs_code_problem
            r = a.text(w[key] + ":", default=ent.get(key, ""),
                       validate=lambda s: check(s.strip().upper()) or True)
            return r.strip().upper() if isinstance(r, str) else r
        if key == "type":
            return a.select(w["type"], [(k, self.cat.label("enterprise_types", k).get(lang)) for k in ENTERPRISE_TYPES],
                            default=ent.get("type", "importer_exporter"))
        if key == "specific":
            return a.checkbox(w["specific"], [(k, self.cat.label("specific_types", k).get(lang)) for k in SPECIFIC_TYPES],
                              checked=list(ent.get("specific", [])))
        if key == "production":
            return a.confirm(w["production"], default=ent.get("production", True))
        if key == "current_tier":
            return a.select(w["current_tier"], [(k, self.cat.label("tiers", k).get(lang)) for k in TIERS],
                            default=ent.get("current_tier", "regular"))
        raise KeyError(key)  # pragma: no cover


def run_assess(cat: Catalogue, output: Path | None, resume: Path | None, review: str | None,
               lang: str | None, asker_factory: Callable[[Catalogue, str], Asker] = Asker,
               console: Console | None = None, today: dt.date | None = None) -> int:
    console = console or Console(highlight=False)
    err = Console(stderr=True, highlight=False)
    today = today or dt.date.today()
    if review is not None and review not in SECTIONS:
        err.print(W[lang or default_lang()]["unknown_section"].format(s=review, all=", ".join(SECTIONS)), markup=False)
        return 2
    if review is not None and resume is None:
        err.print(W[lang or default_lang()]["review_needs"], markup=False)
        return 2
    if resume is not None:
        try:
            draft = load_draft(resume, cat)
        except DataFileError as exc:
            err.print(W[lang or default_lang()]["invalid_resume"].format(path=inert(resume)), markup=False,
                      soft_wrap=True)
            for p in exc.problems:
                err.print(str(p), markup=False)
            return 2
        if lang:
            draft.language = lang
        path = output or resume
        if output is None and resume.suffix.lower() in WORKBOOK_SUFFIXES:  # answers go on in YAML beside it
            path = resume.with_suffix(".yaml")
            if path.exists():
                err.print(W[draft.language]["exists"].format(path=path), markup=False, soft_wrap=True)
                return 2
    else:
        path = output or Path(f"aeo-answers-{today.isoformat()}.yaml")
        if path.exists():
            err.print(W[lang or default_lang()]["exists"].format(path=inert(path)), markup=False, soft_wrap=True)
            return 2
        draft = Draft(lang or default_lang(), today)
    w = W[draft.language]
    session = Session(cat, draft, path, asker_factory(cat, draft.language), console, review=review,
                      resume=resume is not None)
    busy = session.lock_path(path)
    if busy is not None:
        err.print(w["locked"].format(path=inert(path), pid=busy), markup=False, soft_wrap=True)
        return 2
    try:
        return _run(cat, session, console, resume is not None)
    finally:
        if session.lock is not None:
            session.lock.release()


def _run(cat: Catalogue, session: Session, console: Console, resumed: bool) -> int:
    draft, w = session.draft, session.w
    console.print(f"[bold]{escape(w['welcome'].format(title=cat.meta.title.get(draft.language)))}[/]")
    if resumed:
        console.print(w["resumed"].format(path=inert(session.path), n=len(draft.answers)), markup=False,
                      soft_wrap=True)
    try:
        session.save()
        console.print(f"[grey50]{escape(w['saving'].format(path=inert(session.path)))}[/]", soft_wrap=True)
        session.run()
        return finish(cat, session, console)
    except KeyboardInterrupt:
        console.print()
        lang = draft.language
        if session.unsaved:  # one last try, then show the answers rather than lose them
            try:
                save(session.path, draft, cat)
                session.unsaved = False
            except OutputError as exc:
                console.print(w["save_failed"].format(path=inert(session.path), why=exc.message), markup=False,
                              soft_wrap=True)
                console.print(w["not_saved_dump"], markup=False)
                console.print(draft_yaml(session.path, draft, cat), markup=False, soft_wrap=True)
                return 130
        console.print(f"[yellow]{escape(t('interrupted', lang))}[/] "
                      + escape(t("saved_at", lang, path=inert(session.path))), soft_wrap=True)
        console.print(t("resume_with", lang, path=inert(session.path)), markup=False, soft_wrap=True)
        return 130


def finish(cat: Catalogue, session: Session, console: Console) -> int:
    from ..answers import Assessment
    from ..scoring import score
    from ..views.terminal import render_score

    draft, w, lang = session.draft, session.w, session.lang
    console.rule(f"[bold]{w['done']}[/]")
    ent = draft.enterprise_model()
    if ent is None:
        console.print(w["incomplete"], markup=False)
        return 1
    a = Assessment(standard=cat.version, language=lang, enterprise=ent, assessed_on=draft.assessed_on,
                   answers=dict(draft.answers), notes=dict(draft.notes), file=str(session.path))
    res = score(cat, a)
    from ..planning import make_plan

    render_score(console, cat, res, lang, str(session.path), plan=make_plan(cat, res).to_dict())
    want = session.asker.confirm(w["offer_pdf"], default=True, nav=False)
    default = str(session.path.with_name(f"aeo-plan-{draft.assessed_on.isoformat()}.pdf"))
    while want is True:
        target = session.asker.text(w["pdf_path"], default=default, nav=False)
        if not isinstance(target, str) or not target.strip():
            break
        from ..outfile import resolve_output
        from ..views.jsonout import result_document
        from ..views.report import write_report

        try:  # never over the answer file, nor over another answer file
            write_report(cat, result_document(cat, res), resolve_output(target.strip(), inputs=[session.path]),
                         lang=lang)
        except OutputError as exc:
            console.print(w["pdf_failed"].format(why=exc.message), markup=False, soft_wrap=True, style="red")
            continue
        console.print(w["pdf_written"].format(path=inert(target.strip())), markup=False, soft_wrap=True)
        break
    if session.unsaved:
        session.save()
    console.print(t("saved_at", lang, path=inert(session.path)), markup=False, soft_wrap=True)
    return 0
