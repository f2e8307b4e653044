"""The Excel questionnaire: a workbook a client fills in without the tool, and its reader.

Writing (:func:`workbook_bytes`): an enterprise sheet, one sheet per section, the question text
and help in the client's language, drop-down lists for choices, yes/no and "don't know", number
and date checks, rows greyed by a condition when Excel can express it (conditional formatting
over the answers they depend on), the question ids in a hidden, locked column A. The sheets are
protected without a password so that only the yellow answer cells and the note cells can be
edited; nobody is locked out (Review → Unprotect Sheet works).

Reading (:func:`read_workbook`): the filled workbook becomes the same answer document the YAML
and JSON readers produce (labels of either language turned back into the catalogue's values),
with the position of every field written ``sheet!cell``; :func:`aeo_check.answers.model.parse_answers`
then checks it like any other answer file. Rows are found by the id in column A, so a workbook
made in Chinese reads back the same answers as one made in English, and renamed sheets or moved
rows still read.

openpyxl is imported here only, and only by the commands that read or write workbooks.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aeo_check.answers.migrate import VERSION_KEY, current_version, version_by_ids, version_of
from aeo_check.answers.model import DONT_KNOW, FORMAT, LEGACY_BANDS, Assessment, allowed
from aeo_check.catalogue.compiled import Catalogue
from aeo_check.catalogue.vocab import SECTIONS, SPECIFIC_TYPES
from aeo_check.files.safetext import put_text
from aeo_check.files.sourcefile import DataFileError, Problem, SourceDoc
from aeo_check.words.i18n import group, t
from aeo_check.words.lexicon import LANGUAGE_NAMES

if TYPE_CHECKING:  # pragma: no cover - annotations only
    from aeo_check.catalogue.expr import Expression
    from aeo_check.catalogue.models import Question

META_SHEET = "aeo-check"
LISTS_SHEET = "lists"
WORKBOOK_FORMAT = "aeo-check/workbook/1"
ENTERPRISE_MARK = "@enterprise"
SECTION_MARK = "@section:"

# column letters of a question sheet
C_ID, C_NO, C_TEXT, C_ANSWER, C_ALLOWED, C_HELP, C_NOTE = "ABCDEFG"
# column letters of the enterprise sheet
# column letters of the enterprise sheet (the label spans B:C so that values share column D)
E_ID, E_LABEL, E_VALUE, E_HELP = "ABDE"
#: the only columns the reader needs, on every sheet (the hidden meta sheet uses them too)
READ_COLUMNS = frozenset("ADG")

#: the words of the workbook in one language (the workbook group of aeo_check.words.lexicon)
W: dict[str, dict[str, str]] = {lang: group("workbook", lang) for lang in ("zh", "en")}

YELLOW = "FFF2CC"
GREY_TEXT = "7F7F7F"
HEAD_FILL = "1F4E79"


def _applies(q: Question, etype: str, specific: list[str]) -> bool:
    if etype not in q.applies_to:
        return False
    return q.specific is None or q.specific in specific


def sheet_title(name: str) -> str:
    """A legal Excel sheet name (31 characters, none of []:*?/\\)."""
    return re.sub(r"[\[\]:*?/\\]", " ", name).strip()[:31]


# =========================================================================== words both ways

@dataclass
class Vocab:
    """Labels of both languages mapped back to the catalogue's values (built once per catalogue)."""

    yes: set[str] = field(default_factory=set)
    no: set[str] = field(default_factory=set)
    dont_know: set[str] = field(default_factory=set)
    never: set[str] = field(default_factory=set)
    bands: dict[str, str] = field(default_factory=dict)
    choices: dict[str, dict[str, str]] = field(default_factory=dict)  # qid -> label/value -> value
    vocab: dict[str, dict[str, str]] = field(default_factory=dict)    # vocabulary -> label/id -> id
    rank: dict[str, int] = field(default_factory=dict)                 # question id -> catalogue order


_KEYS: dict[str, str] = {}


def _key(s: str) -> str:
    """A label as compared: spaces collapsed, case folded (short ones remembered: a workbook repeats
    its few words)."""
    k = _KEYS.get(s)
    if k is None:
        k = " ".join(s.split()).casefold()
        if len(s) <= 64 and len(_KEYS) < 4096:
            _KEYS[s] = k
    return k


def vocab_of(cat: Catalogue) -> Vocab:
    v = cat.cache.get("workbook_vocab")
    if v is not None:
        return v
    v = Vocab()
    for lang in ("zh", "en"):
        v.yes |= {_key(W[lang]["yes"])}
        v.no |= {_key(W[lang]["no_"])}
        v.dont_know |= {_key(W[lang]["dont_know"])}
        v.never |= {_key(W[lang]["never"])}
    v.yes |= {"true", "y"}
    v.no |= {"false", "n"}
    v.dont_know |= {DONT_KNOW, "dont know", "don’t know"}
    v.never |= {"never"}
    recency = cat.choice_sets.get("recency")
    if recency is not None:
        for c in recency.choices:
            if c.value == "never":
                v.never |= {_key(c.label.zh), _key(c.label.en)}
            elif c.value in LEGACY_BANDS:
                for s in (c.label.zh, c.label.en, c.value):
                    v.bands[_key(s)] = c.value
    for q in cat.questions.values():
        if q.type in ("choice", "multi"):
            m: dict[str, str] = {}
            for c in cat.choices_of(q):
                for s in (c.value, c.label.zh, c.label.en):
                    m.setdefault(_key(s), c.value)
            v.choices[q.id] = m
    for vocab in ("enterprise_types", "tiers", "specific_types"):
        m = {}
        for entry in getattr(cat.meta, vocab):
            for s in (entry.id, entry.title.zh, entry.title.en):
                m.setdefault(_key(s), entry.id)
        v.vocab[vocab] = m
    v.vocab["language"] = {"zh": "zh", "en": "en", _key(LANGUAGE_NAMES["zh"]): "zh", _key(LANGUAGE_NAMES["en"]): "en",
                           _key("英文"): "en",  # input vocabulary: "English" as Chinese writes it
                           "chinese": "zh"}
    v.rank = {qid: i for i, qid in enumerate(cat.questions)}
    cat.cache["workbook_vocab"] = v
    return v


# =========================================================================== writing

def _cell_value(cat: Catalogue, q: Question, value: Any, lang: str) -> Any:
    """An answer as the client sees it in the workbook."""
    w = W[lang]
    if value is None:
        return None
    if value == DONT_KNOW:
        return w["dont_know"]
    if q.type == "yes_no":
        return w["yes"] if value else w["no_"]
    if q.type == "choice":
        for c in cat.choices_of(q):
            if c.value == value:
                return c.label.get(lang)
        return str(value)
    if q.type == "last_event":
        if value == "never":
            return w["never"]
        if isinstance(value, str) and value in LEGACY_BANDS:
            recency = cat.choice_sets.get("recency")
            for c in recency.choices if recency else []:
                if c.value == value:
                    return c.label.get(lang)
            return value
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    return value


class _Book:
    """The workbook being written, its styles, and the helpers every sheet uses: drop-down lists
    (kept on one hidden sheet), cell checks and sheet protection."""

    def __init__(self, lang: str) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

        self.lang, self.w = lang, W[lang]
        self.wb = Workbook()
        font_name = "Microsoft YaHei" if lang == "zh" else "Calibri"
        self.base = Font(name=font_name, size=10)
        self.head_font = Font(name=font_name, size=10, bold=True, color="FFFFFF")
        self.title_font = Font(name=font_name, size=14, bold=True, color=HEAD_FILL)
        self.grey_font = Font(name=font_name, size=9, color=GREY_TEXT)
        self.head_fill = PatternFill("solid", start_color=HEAD_FILL, end_color=HEAD_FILL)
        self.input_fill = PatternFill("solid", start_color=YELLOW, end_color=YELLOW)
        self.fixed_fill = PatternFill("solid", start_color="EDEDED", end_color="EDEDED")
        self.wrap = Alignment(wrap_text=True, vertical="top")
        thin = Side(style="thin", color="BFBFBF")
        self.box = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.unlocked = Protection(locked=False)
        self.yes_no = (self.w["yes"], self.w["no_"])
        self.yes_no_dk = (self.w["yes"], self.w["no_"], self.w["dont_know"])
        self.lists = self.wb.create_sheet(LISTS_SHEET)
        self.lists.sheet_state = "hidden"
        self.list_refs: dict[tuple[str, ...], str] = {}

    def list_ref(self, values: tuple[str, ...]) -> str:
        ref = self.list_refs.get(values)
        if ref is None:
            col = len(self.list_refs) + 1
            for i, v in enumerate(values, 1):
                put_text(self.lists.cell(row=i, column=col), v)
            from openpyxl.utils import get_column_letter

            letter = get_column_letter(col)
            ref = self.list_refs[values] = f"'{LISTS_SHEET}'!${letter}$1:${letter}${len(values)}"
        return ref

    def pick(self, ws: Any, cell: str, values: tuple[str, ...], prompt: str | None = None) -> None:
        from openpyxl.worksheet.datavalidation import DataValidation

        w = self.w
        error = (w["pick"] + ": " + t("punct.list_sep", self.lang).join(values))[:255]
        dv = DataValidation(type="list", formula1=self.list_ref(values), allow_blank=True, showErrorMessage=True,
                            errorTitle=w["bad_value"][:32], error=error)
        if prompt:
            dv.promptTitle, dv.prompt, dv.showInputMessage = w["allowed"][:32], prompt[:255], True
        ws.add_data_validation(dv)
        dv.add(cell)

    def check(self, ws: Any, cell: str, formula: str, prompt: str) -> None:
        from openpyxl.worksheet.datavalidation import DataValidation

        w = self.w
        dv = DataValidation(type="custom", formula1=formula, allow_blank=True, showErrorMessage=True,
                            errorTitle=w["bad_value"][:32], error=prompt[:255],
                            promptTitle=w["allowed"][:32], prompt=prompt[:255], showInputMessage=True)
        ws.add_data_validation(dv)
        dv.add(cell)

    @staticmethod
    def protect(ws: Any) -> None:
        ws.protection.sheet = True
        ws.protection.formatColumns = False  # columns and rows may still be resized
        ws.protection.formatRows = False
        ws.protection.selectLockedCells = False
        ws.protection.selectUnlockedCells = False

    def frame(self, ws: Any, row: int, columns: str) -> None:
        """Borders, font and wrapping of one table row."""
        for col in columns:
            ws[f"{col}{row}"].border = self.box
            ws[f"{col}{row}"].font = self.base
            ws[f"{col}{row}"].alignment = self.wrap


@dataclass
class _Cells:
    """Where the question sheets put things, for the skip-logic pass after them."""

    answer: dict[str, tuple[str, str]] = field(default_factory=dict)  # qid -> (sheet title, "$D$12")
    pending_grey: list[tuple[Any, str, int, int, Question]] = field(default_factory=list)


def workbook_bytes(cat: Catalogue, etype: str, specific: list[str], lang: str, today: dt.date | None = None,
                   filled: Assessment | None = None) -> bytes:
    """The questionnaire workbook (``.xlsx`` bytes); with ``filled``, carrying that assessment."""
    vocab_of(cat)
    today = filled.assessed_on if filled else (today or dt.date.today())
    answers: dict[str, Any] = dict(filled.answers) if filled else {}
    if filled:
        answers.update({k: DONT_KNOW for k in filled.dont_know if k not in answers})
    notes = dict(filled.notes) if filled else {}

    book = _Book(lang)
    es = _enterprise_sheet(book, cat, etype, specific, today, filled)
    sheets_made = [("enterprise", es.title)]
    cells = _Cells()
    for section in SECTIONS:
        qs = [q for q in cat.questions.values() if q.section == section and _applies(q, etype, specific)]
        if qs:
            ws = _question_sheet(book, cat, section, qs, answers, notes, cells)
            sheets_made.append((section, ws.title))
    _grey_skipped_rows(book, cat, cells)
    _meta_sheet(book, cat, sheets_made)
    es.sheet_view.tabSelected = True
    book.wb.active = 0
    buf = io.BytesIO()
    book.wb.save(buf)
    return buf.getvalue()


def _enterprise_sheet(book: _Book, cat: Catalogue, etype: str, specific: list[str], today: dt.date,
                      filled: Assessment | None) -> Any:
    """The first sheet: who is assessed, in which language, on which day."""
    from openpyxl.styles import Alignment

    w, lang = book.w, book.lang
    es = book.wb.active
    es.title = sheet_title(w["enterprise_sheet"])
    es["A1"] = ENTERPRISE_MARK
    es.column_dimensions["A"].hidden = True
    for col, width in zip("BCDE", (22, 14, 40, 60), strict=False):
        es.column_dimensions[col].width = width
    es["B1"] = f"{w['title']} · {cat.meta.title.get(lang)}"
    es["B1"].font = book.title_font
    es["B2"] = w["intro"]
    es["B3"] = w["after"]
    for ref in ("B2", "B3"):
        es.merge_cells(f"{ref}:E{ref[1:]}")
        es[ref].alignment = Alignment(wrap_text=True, vertical="top")
        es[ref].font = book.base
    es.row_dimensions[2].height = 44
    for col, text in zip("BDE", (w["field"], w["value"], w["help"]), strict=False):
        c = es[f"{col}5"]
        c.value, c.font, c.fill, c.border = text, book.head_font, book.head_fill, book.box
    es.merge_cells("B5:C5")

    labels = {vocab: {x.id: x.title.get(lang) for x in getattr(cat.meta, vocab)}
              for vocab in ("enterprise_types", "tiers", "specific_types")}
    for i, (fid, label, value, help_, kind) in enumerate(
            _enterprise_rows(w, cat, labels, etype, specific, today, filled, lang), 6):
        es[f"A{i}"] = fid
        es[f"B{i}"] = label
        es.merge_cells(f"B{i}:C{i}")
        cell = es[f"D{i}"]
        put_text(cell, value)
        es[f"E{i}"] = help_
        book.frame(es, i, "BCDE")
        es[f"E{i}"].font = book.grey_font
        cell.alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
        _enterprise_input(book, es, cell, f"D{i}", kind, labels)
    _fit_rows(es, {"D": 40, "E": 60}, 6)
    es.freeze_panes = "B6"
    _print_setup(es, portrait=True)
    book.protect(es)
    return es


def _enterprise_rows(w: dict[str, str], cat: Catalogue, labels: dict[str, dict[str, str]], etype: str,
                     specific: list[str], today: dt.date, filled: Assessment | None,
                     lang: str) -> list[tuple[str, str, Any, str, str]]:
    """The enterprise sheet's rows: id, label, value, help, kind."""
    e = filled.enterprise if filled else None
    rows: list[tuple[str, str, Any, str, str]] = [
        ("format", w["format"], FORMAT, w["h_fixed"], "fixed"),
        ("standard", w["standard"], cat.version, w["h_fixed"], "fixed"),
        ("language", w["language"], LANGUAGE_NAMES[filled.language if filled else lang], w["h_language"], "language"),
        ("enterprise.name", w["name"], e.name if e else None, "", "text"),
        ("enterprise.uscc", w["uscc"], e.uscc if e else None, w["h_uscc"], "text"),
        ("enterprise.customs_code", w["customs_code"], e.customs_code if e else None, w["h_customs_code"], "text"),
        ("enterprise.type", w["type"], labels["enterprise_types"][etype], w["h_type"], "type"),
    ]
    for s in SPECIFIC_TYPES:
        rows.append((f"enterprise.specific={s}", w["specific"].format(x=labels["specific_types"][s]),
                     w["yes"] if s in specific else w["no_"], w["h_specific"], "yes_no"))
    rows += [
        ("enterprise.production", w["production"],
         (w["yes"] if e.production else w["no_"]) if e else None, w["h_production"], "yes_no"),
        ("enterprise.current_tier", w["current_tier"], labels["tiers"][e.current_tier if e else "regular"], "", "tier"),
        ("assessed_on", w["assessed_on"], today, w["h_assessed_on"], "date"),
    ]
    return rows


def _enterprise_input(book: _Book, es: Any, cell: Any, ref: str, kind: str,
                      labels: dict[str, dict[str, str]]) -> None:
    """An enterprise value cell: grey when fixed, else yellow, unlocked and checked by its kind."""
    if kind == "fixed":
        cell.fill = book.fixed_fill
        return
    cell.fill, cell.protection = book.input_fill, book.unlocked
    if kind in ("text",):
        cell.number_format = "@"
    elif kind == "language":
        book.pick(es, ref, (LANGUAGE_NAMES["zh"], LANGUAGE_NAMES["en"]))
    elif kind == "type":
        book.pick(es, ref, tuple(labels["enterprise_types"].values()))
    elif kind == "tier":
        book.pick(es, ref, tuple(labels["tiers"].values()))
    elif kind == "yes_no":
        book.pick(es, ref, book.yes_no)
    elif kind == "date":
        cell.number_format = "yyyy-mm-dd"
        book.check(es, ref, f"AND(ISNUMBER({ref}),{ref}>=DATE(2000,1,1),{ref}<=DATE(2100,12,31))",
                   book.w["h_assessed_on"])


def _question_sheet(book: _Book, cat: Catalogue, section: str, qs: list[Question], answers: dict[str, Any],
                    notes: dict[str, str], cells: _Cells) -> Any:
    """One section's sheet: a heading, then a row per question (and per choice of a multi)."""
    from openpyxl.styles import Alignment

    w, lang = book.w, book.lang
    ws = book.wb.create_sheet(sheet_title(cat.label("sections", section).get(lang)))
    ws["A1"] = SECTION_MARK + section
    ws.column_dimensions["A"].hidden = True
    for col, width in zip("BCDEFG", (6, 58, 20, 26, 58, 26), strict=False):
        ws.column_dimensions[col].width = width
    ws["B1"] = cat.label("sections", section).get(lang)
    ws["B1"].font = book.title_font
    ws["B2"] = w["intro"]
    ws.merge_cells("B2:G2")
    ws["B2"].alignment = Alignment(wrap_text=True, vertical="top")
    ws["B2"].font = book.grey_font
    ws.row_dimensions[2].height = 30
    for col, text in zip(
        "BCDEFG", (w["no"], w["question"], w["answer"], w["allowed"], w["qhelp"], w["note"]), strict=False
    ):
        c = ws[f"{col}3"]
        c.value, c.font, c.fill, c.border = text, book.head_font, book.head_fill, book.box
        c.alignment = Alignment(vertical="center", wrap_text=True)
    r = 4
    for n, q in enumerate(qs, 1):
        r = _question_rows(book, cat, ws, r, n, q, answers.get(q.id), notes.get(q.id), cells) + 1
    _fit_rows(ws, {"C": 58, "E": 26, "F": 58, "G": 26}, 4)
    ws.freeze_panes = "C4"
    ws.print_title_rows = "3:3"
    _print_setup(ws, portrait=False)
    book.protect(ws)
    return ws


def _question_rows(book: _Book, cat: Catalogue, ws: Any, first: int, n: int, q: Question, value: Any,
                   note_text: str | None, cells: _Cells) -> int:
    """One question from row ``first`` on: its text, help, note and answer cell; the last row used."""
    w, lang = book.w, book.lang
    ws[f"A{first}"] = q.id
    ws[f"B{first}"] = n
    put_text(ws[f"C{first}"], q.text.get(lang))
    help_parts = [q.help.get(lang)]
    if q.source is not None:
        help_parts.append(w["source"].format(x=q.source.get(lang)))
    if q.ask_if is not None:
        help_parts.append(w["only_if"].format(x=condition_words(cat, q.ask_if, lang)))
    put_text(ws[f"F{first}"], "\n".join(help_parts))
    note = ws[f"G{first}"]
    put_text(note, note_text)
    note.protection, note.number_format = book.unlocked, "@"
    cell = ws[f"D{first}"]
    cell.fill, cell.protection = book.input_fill, book.unlocked
    if q.type == "multi":
        last = _multi_rows(book, cat, ws, first, q, value)
        if value == DONT_KNOW:
            cell.value = w["dont_know"]
    else:
        last = first
        _answer_input(book, cat, ws, first, q)
        if value is not None:
            put_text(cell, _cell_value(cat, q, value, lang))
            if isinstance(cell.value, dt.date):
                cell.number_format = "yyyy-mm-dd"
    cells.answer[q.id] = (ws.title, f"$D${first}")
    book.frame(ws, first, "BCDEFG")
    ws[f"E{first}"].font = book.grey_font
    ws[f"F{first}"].font = book.grey_font
    if q.ask_if is not None:
        cells.pending_grey.append((ws, ws.title, first, last, q))
    return last


def _multi_rows(book: _Book, cat: Catalogue, ws: Any, r: int, q: Question, value: Any) -> int:
    """A multi question: "don't know" in its own row, then a yes/no row per choice; the last row."""
    w, lang = book.w, book.lang
    ws[f"E{r}"] = w["choose_below"]
    book.pick(ws, f"D{r}", (w["dont_know"],))
    chosen = value if isinstance(value, list) else None
    for c in cat.choices_of(q):
        r += 1
        ws[f"A{r}"] = f"{q.id}={c.value}"
        put_text(ws[f"C{r}"], "    · " + c.label.get(lang))
        sub = ws[f"D{r}"]
        sub.fill, sub.protection = book.input_fill, book.unlocked
        if chosen is not None:
            sub.value = w["yes"] if c.value in chosen else w["no_"]
        ws[f"E{r}"] = " / ".join(book.yes_no)
        book.pick(ws, f"D{r}", book.yes_no)
        book.frame(ws, r, "BCDEFG")
        ws[f"E{r}"].font = book.grey_font
    return r


def _answer_input(book: _Book, cat: Catalogue, ws: Any, r: int, q: Question) -> None:
    """The answer cell of a single-row question: what column E says is allowed, and the cell's check."""
    w, lang = book.w, book.lang
    cell, ref = ws[f"D{r}"], f"D{r}"
    if q.type == "yes_no":
        ws[f"E{r}"] = " / ".join(book.yes_no_dk)
        book.pick(ws, ref, book.yes_no_dk)
    elif q.type == "choice":
        opts = tuple(c.label.get(lang) for c in cat.choices_of(q)) + (w["dont_know"],)
        ws[f"E{r}"] = " / ".join(opts)
        book.pick(ws, ref, opts)
    elif q.type in ("integer", "number", "money", "percent"):
        unit = f"; {w['unit']}: {q.unit.get(lang)}" if q.unit else ""
        ws[f"E{r}"] = (_allowed_zh(q) if lang == "zh" else allowed(cat, q)) + unit
        conds = [f"ISNUMBER({ref})"]
        if q.type == "integer":
            conds.append(f"{ref}=INT({ref})")
        if q.min is not None:
            conds.append(f"{ref}>={_num(q.min)}")
        if q.max is not None:
            conds.append(f"{ref}<={_num(q.max)}")
        book.check(ws, ref, f'OR({ref}="{w["dont_know"]}",AND({",".join(conds)}))',
                   str(ws[f"E{r}"].value) + (f" · {w['percent_hint']}" if q.type == "percent" else ""))
        cell.number_format = "0" if q.type == "integer" else "General"
    elif q.type == "date":
        ws[f"E{r}"] = "YYYY-MM-DD" + (" / " + w["dont_know"])
        cell.number_format = "yyyy-mm-dd"
        book.check(
            ws,
            ref,
            f'OR({ref}="{w["dont_know"]}",AND(ISNUMBER({ref}),{ref}>=DATE(1950,1,1),{ref}<=DATE(2100,12,31)))',
            "YYYY-MM-DD",
        )
    elif q.type == "last_event":
        ws[f"E{r}"] = w["last_event_hint"] + " / " + w["dont_know"]
        cell.number_format = "@"  # so 2025-03 stays a month and is not turned into a date
        book.check(ws, ref, f'OR({ref}="{w["never"]}",{ref}="{w["dont_know"]}",ISNUMBER({ref}),'
                            f'AND(LEN({ref})=7,MID({ref},5,1)="-"),'
                            f'AND(LEN({ref})=10,MID({ref},5,1)="-",MID({ref},8,1)="-"))',
                   w["last_event_hint"])
    else:  # text
        ws[f"E{r}"] = "—"
        cell.number_format = "@"


def _grey_skipped_rows(book: _Book, cat: Catalogue, cells: _Cells) -> None:
    """Skip logic: a question asked only if another's answer says so turns grey when it is not."""
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Font, PatternFill

    grey = PatternFill(start_color="D9D9D9", end_color="D9D9D9", fill_type="solid")
    for ws, title, first, last, q in cells.pending_grey:
        formula = skip_formula(cat, q, cells.answer, title, book.w)
        if formula is None:
            continue
        ws.conditional_formatting.add(f"B{first}:G{last}",
                                      FormulaRule(formula=[formula], fill=grey, font=Font(color="A6A6A6")))


def _meta_sheet(book: _Book, cat: Catalogue, sheets_made: list[tuple[str, str]]) -> None:
    """The very hidden sheet the reader checks first: format, standard, language and each sheet's part."""
    meta = book.wb.create_sheet(META_SHEET)
    meta.sheet_state = "veryHidden"
    meta.column_dimensions["A"].width = 12
    for key, v1, v2 in [("format", WORKBOOK_FORMAT, None), ("standard", cat.version, None), ("language", book.lang, None),
                        (VERSION_KEY, current_version(), None),
                        *(("sheet", section, title) for section, title in sheets_made)]:
        meta.append([key, None, None, v1, None, None, v2])  # columns A, D and G: the ones the reader reads


def _text_width(s: str) -> int:
    """Display width in Excel character units: CJK and full-width characters count two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _fit_rows(ws: Any, widths: dict[str, float], first_row: int) -> None:
    """Row heights for wrapped text (neither Excel nor LibreOffice sizes rows of a generated file)."""
    import math

    for row in ws.iter_rows(min_row=first_row):
        lines = 1
        for c in row:
            w = widths.get(getattr(c, "column_letter", ""))
            if w is None or not isinstance(c.value, str):
                continue
            n = sum(max(1, math.ceil(_text_width(part) / max(1.0, w * 0.92))) for part in c.value.split("\n"))
            lines = max(lines, n)
        ws.row_dimensions[row[0].row].height = 14 * lines + 3


def _print_setup(ws: Any, portrait: bool) -> None:
    """Printed (or converted to PDF) as a client would hand it back: A4, one page wide."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait" if portrait else "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def _allowed_zh(q: Question) -> str:
    kind = t(f"workbook.kind_{q.type if q.type in ('integer', 'percent') else 'number'}", "zh")
    parts = []
    if q.min is not None:
        parts.append(f"≥ {_num(q.min)}")
    if q.max is not None:
        parts.append(f"≤ {_num(q.max)}")
    return kind + (" " + t("punct.comma", "zh").join(parts) if parts else "")


def condition_words(cat: Catalogue, condition: Expression, lang: str) -> str:
    """An ``ask_if`` condition in words (the question it depends on, quoted), or its source."""
    import ast

    w = W[lang]
    ops = {ast.Gt: ">", ast.GtE: "≥", ast.Lt: "<", ast.LtE: "≤", ast.Eq: "=", ast.NotEq: "≠"}

    def quote(qid: str) -> str:
        return w["quoted"].format(text=cat.questions[qid].text.get(lang))

    def tr(node: ast.AST) -> str | None:
        if isinstance(node, ast.Name) and node.id in cat.questions and cat.questions[node.id].type == "yes_no":
            return w["answered"].format(question=quote(node.id), answer=w["yes"])
        if (
            isinstance(node, ast.UnaryOp)
            and isinstance(node.op, ast.Not)
            and isinstance(node.operand, ast.Name)
            and node.operand.id in cat.questions
        ):
            return w["answered"].format(question=quote(node.operand.id), answer=w["no_"])
        if (
            isinstance(node, ast.Compare)
            and len(node.ops) == 1
            and isinstance(node.left, ast.Name)
            and node.left.id in cat.questions
            and isinstance(node.comparators[0], ast.Constant)
            and type(node.ops[0]) in ops
        ):
            return f"{quote(node.left.id)} {ops[type(node.ops[0])]} {node.comparators[0].value}"
        if isinstance(node, ast.BoolOp):
            parts = [tr(v) for v in node.values]
            if all(parts):
                joiner = w["and"] if isinstance(node.op, ast.And) else w["or"]
                return joiner.join(parts)  # type: ignore[arg-type]
        return None

    return tr(condition.tree().body) or condition.source


def skip_formula(cat: Catalogue, q: Question, cells: dict[str, tuple[str, str]], here: str,
                 w: dict[str, str]) -> str | None:
    """An Excel formula that is TRUE when ``q``'s ``ask_if`` is known to be false; None when Excel
    cannot express the condition (a profile fact, a function, a question not in this workbook)."""

    if q.ask_if is None:
        return None
    excel = _ExcelCondition(cat, cells, here, w)
    body = excel.formula(q.ask_if.tree().body)
    if body is None or not excel.refs:
        return None
    known = ",".join(f'{r}<>"",{r}<>"{w["dont_know"]}"' for r in dict.fromkeys(excel.refs))
    return f"AND({known},NOT({body}))"


class _ExcelCondition:
    """A rule condition as an Excel formula over the workbook's answer cells: yes/no answers, not,
    and/or, and a number answer compared with a number; anything else cannot be written (None)."""

    def __init__(self, cat: Catalogue, cells: dict[str, tuple[str, str]], here: str, w: dict[str, str]) -> None:
        self.cat, self.cells, self.here, self.w = cat, cells, here, w
        self.refs: list[str] = []  # the cells the formula reads, in order

    def ref(self, name: str) -> str | None:
        """The answer cell of question ``name`` (with its sheet when on another one), or None."""
        if name not in self.cells:
            return None
        title, cell = self.cells[name]
        r = cell if title == self.here else f"'{title}'!{cell}"
        self.refs.append(r)
        return r

    def formula(self, node: Any) -> str | None:
        import ast

        if isinstance(node, ast.Name):
            sub = self.cat.questions.get(node.id)
            r = self.ref(node.id) if sub is not None and sub.type == "yes_no" else None
            return None if r is None else f'{r}="{self.w["yes"]}"'
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            inner = self.formula(node.operand)
            return None if inner is None else f"NOT({inner})"
        if isinstance(node, ast.BoolOp):
            parts = [self.formula(v) for v in node.values]
            if any(p is None for p in parts):
                return None
            return ("AND(" if isinstance(node.op, ast.And) else "OR(") + ",".join(parts) + ")"  # type: ignore[arg-type]
        if isinstance(node, ast.Compare):
            return self.comparison(node)
        return None

    def comparison(self, node: Any) -> str | None:
        """``answer <op> number`` for a number answer; TRUE only once a number is entered."""
        import ast

        limit = node.comparators[0]
        if (len(node.ops) != 1 or not isinstance(node.left, ast.Name) or not isinstance(limit, ast.Constant)
                or not isinstance(limit.value, (int, float)) or isinstance(limit.value, bool)):
            return None
        sub = self.cat.questions.get(node.left.id)
        if sub is None or sub.type not in ("integer", "number", "money", "percent"):
            return None
        op = {ast.Gt: ">", ast.GtE: ">=", ast.Lt: "<", ast.LtE: "<=", ast.Eq: "=", ast.NotEq: "<>"}.get(
            type(node.ops[0]))
        r = self.ref(node.left.id)
        if op is None or r is None:
            return None
        return f"AND(ISNUMBER({r}),{r}{op}{_num(limit.value)})"


# =========================================================================== reading


def _yes_no_both() -> str:
    """What a yes/no cell takes, in both languages (the workbook may have been made in either)."""
    return f"{W['zh']['yes']}/{W['zh']['no_']} or {W['en']['yes']}/{W['en']['no_']}"


# input syntax: dates typed into a cell the Chinese way (2025年3月, 2025年3月15日) are read too
_MONTH_LOOSE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$")
_DAY_LOOSE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


def _text(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, str):
        s = v.strip()
        return s or None
    return None


def _as_date(v: Any) -> Any:
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, str):
        s = v.strip()
        m = _DAY_LOOSE.match(s)
        if m:
            return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
        return s
    return v


def _reading(vocab: Vocab, q: Question, v: Any, percent: bool) -> Any:
    """A cell's value as the answer document holds it (what the YAML reader would give)."""
    t = _text(v)
    k = _key(t) if t is not None else None
    if k is not None and k in vocab.dont_know:
        return DONT_KNOW
    kind = q.type
    if kind == "yes_no":
        if isinstance(v, bool):
            return v
        if k is not None:
            if k in vocab.yes:
                return True
            if k in vocab.no:
                return False
        return t if t is not None else v
    if kind == "choice":
        if t is not None:
            return vocab.choices[q.id].get(k, t)
        return v
    if kind in ("integer", "number", "money", "percent"):
        if isinstance(v, (int, float)) and not isinstance(v, bool) and kind == "percent" and percent:
            return round(v * 100, 9)  # typed "85%" in a percent-formatted cell
        if isinstance(v, float) and v.is_integer() and kind != "number":
            return int(v)
        return t if isinstance(v, str) else v
    if kind == "date":
        return _as_date(v)
    if kind == "last_event":
        if isinstance(v, dt.datetime):
            return v.date()
        if k is not None:
            if k in vocab.never:
                return "never"
            if k in vocab.bands:
                return vocab.bands[k]
            m = _MONTH_LOOSE.match(t)
            if m:
                return f"{m.group(1)}-{int(m.group(2)):02d}"
            return _as_date(t)
        return v
    if kind == "text":
        if t is not None:
            return t
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return str(v)
        return v
    return v  # pragma: no cover


def _enterprise_reading(vocab: Vocab, fid: str, v: Any) -> Any:
    t = _text(v)
    if fid in ("enterprise.name", "enterprise.uscc"):
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return str(v)
        return t
    if fid == "enterprise.customs_code":
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        if isinstance(v, int) and not isinstance(v, bool):
            return str(v)
        return t
    if fid in ("enterprise.production",) or fid.startswith("enterprise.specific="):
        if isinstance(v, bool):
            return v
        if t is not None:
            k = _key(t)
            if k in vocab.yes:
                return True
            if k in vocab.no:
                return False
        return t
    if fid == "enterprise.type":
        return vocab.vocab["enterprise_types"].get(_key(t), t) if t else None
    if fid == "enterprise.current_tier":
        return vocab.vocab["tiers"].get(_key(t), t) if t else None
    if fid == "language":
        return vocab.vocab["language"].get(_key(t), t) if t else None
    if fid == "assessed_on":
        return _as_date(v)
    return t if t is not None else v


def read_workbook(path: Path, cat: Catalogue, display: str | None = None) -> SourceDoc:
    """A filled questionnaire as an answer document; positions are ``sheet!cell``."""
    from aeo_check.files.sourcefile import read_bytes_limited
    from aeo_check.files.xlsx import XlsxError, read_xlsx

    name = display or str(path)
    raw = read_bytes_limited(Path(path), name)  # a regular file within the size limit (issue 11)
    try:
        sheets = read_xlsx(raw, READ_COLUMNS, frozenset({LISTS_SHEET}))
    except XlsxError as exc:
        raise DataFileError(
            [Problem(name, None, "", f"{exc}: save it from Excel, WPS or LibreOffice as an Excel workbook (.xlsx)")]
        ) from None
    return _read(sheets, cat, name)


def _quoted(title: str) -> str:
    return f"'{title}'" if re.search(r"[\s!'\-(),;]", title) else title


def _read(sheets: list[Any], cat: Catalogue, name: str) -> SourceDoc:
    by_title = {s.title: s for s in sheets}
    if META_SHEET not in by_title:
        raise DataFileError([Problem(name, None, "", "not an aeo-check questionnaire (it has no hidden "
                                                     f"'{META_SHEET}' sheet); make one with: aeo-check template "
                                                     "--format xlsx -o FILE.xlsx")])
    reading = _Reading(cat, name)
    for ws in sheets:
        if ws.title not in (META_SHEET, LISTS_SHEET):
            reading.sheet(ws)
    return reading.document(_expected_sheets(by_title[META_SHEET]), _questionnaire_version(by_title[META_SHEET]))


def _expected_sheets(meta: Any) -> dict[str, str]:
    """The section → sheet title the workbook was made with (rows ``sheet`` of the hidden sheet)."""
    expected: dict[str, str] = {}
    for _, row in sorted(meta.rows.items()):
        a, b, c = (row.get(k) for k in "ADG")
        if a is not None and a.value == "sheet" and b is not None and c is not None:
            expected[str(b.value)] = str(c.value)
    return expected


def _questionnaire_version(meta: Any) -> int | None:
    """The questionnaire the workbook was made for, from its hidden sheet's row (None when the
    workbook records none)."""
    for _, row in sorted(meta.rows.items()):
        a, d = row.get("A"), row.get("D")
        if a is not None and a.value == VERSION_KEY and d is not None:
            return version_of({VERSION_KEY: d.value if not isinstance(d.value, float) else int(d.value)})
    return None


class _Reading:
    """One workbook being read: the answer document it becomes, sheet by sheet and row by row."""

    def __init__(self, cat: Catalogue, name: str) -> None:
        self.cat, self.name, self.vocab = cat, name, vocab_of(cat)
        self.problems: list[Problem] = []
        self.data: dict[str, Any] = {"answers": {}, "notes": {}}
        self.ent: dict[str, Any] = {}
        self.specific: list[str] = []
        self.specific_seen = False
        self.lines: dict[tuple, int | str] = {}
        self.found: set[str] = set()
        self.multi: dict[str, dict[str, Any]] = {}  # qid -> {"main": value, "choices": {value: bool}}

    def value(self, cell: Any, where: str, fld: str) -> Any:
        return _plain_value(cell, where, fld, self.problems, self.name)

    def sheet(self, ws: Any) -> None:
        quoted = _quoted(ws.title)
        marker = ws.rows.get(1, {}).get("A")
        mark = marker.value if marker is not None else None
        if mark == ENTERPRISE_MARK:
            kind = "enterprise"
            self.lines.setdefault((), f"{quoted}!A1")
            self.lines[("enterprise",)] = f"{quoted}!{E_VALUE}6"
        elif isinstance(mark, str) and mark.startswith(SECTION_MARK):
            kind = mark[len(SECTION_MARK):]
        else:
            return  # a sheet the client added: not read
        self.found.add(kind)
        for rno in sorted(ws.rows):
            id_cell = ws.rows[rno].get("A")
            ident = id_cell.value if id_cell is not None else None
            if rno == 1 or not isinstance(ident, str):
                continue
            if kind == "enterprise":
                self.enterprise_row(ident, ws.rows[rno].get(E_VALUE), f"{quoted}!{E_VALUE}{rno}")
            else:
                self.question_row(ident, ws.rows[rno], quoted, rno)

    def enterprise_row(self, ident: str, cell: Any, where: str) -> None:
        v = self.value(cell, where, ident)
        got = _enterprise_reading(self.vocab, ident, v)
        if ident.startswith("enterprise.specific="):
            self.specific_seen = True
            self.lines.setdefault(("enterprise", "specific"), where)
            if got is True:
                self.specific.append(ident.split("=", 1)[1])
            elif got not in (None, False):
                self.problems.append(Problem(self.name, where, "enterprise.specific",
                                             f"{v!r} is not allowed: expected {_yes_no_both()}"))
        elif ident.startswith("enterprise."):
            key = ident.split(".", 1)[1]
            self.lines[("enterprise", key)] = where
            if got is not None:
                self.ent[key] = got
        else:
            self.lines[(ident,)] = where
            if got is not None:
                self.data[ident] = got

    def question_row(self, ident: str, row: dict[str, Any], quoted: str, rno: int) -> None:
        qid, _, choice = ident.partition("=")
        where = f"{quoted}!{C_ANSWER}{rno}"
        cell = row.get(C_ANSWER)
        if choice:
            self.choice_row(qid, choice, cell, where)
            return
        self.lines[("answers", qid)] = where
        self.note(qid, row.get(C_NOTE), f"{quoted}!{C_NOTE}{rno}")
        v = None if cell is None else self.value(cell, where, f"answers.{qid}")
        q = self.cat.questions.get(qid)
        if q is None:
            if v is not None:
                self.data["answers"][qid] = v  # the checker names the unknown id
        elif q.type == "multi":
            main = None if v is None else _reading(self.vocab, q, v, False)
            self.multi.setdefault(qid, {"main": None, "choices": {}})["main"] = main
        elif v is not None:
            self.data["answers"][qid] = _reading(self.vocab, q, v, cell.percent)

    def choice_row(self, qid: str, choice: str, cell: Any, where: str) -> None:
        """One option of a multiple choice: its own yes/no row under the question's row."""
        v = self.value(cell, where, f"answers.{qid}")
        got = None if v is None else _reading(self.vocab, _YES_NO, v, False)
        slot = self.multi.setdefault(qid, {"main": None, "choices": {}})
        if got in (True, False):
            slot["choices"][choice] = got
        elif got is not None:
            self.problems.append(Problem(self.name, where, f"answers.{qid}",
                                         f"{v!r} is not allowed for '{choice}': expected {_yes_no_both()}"))

    def note(self, qid: str, cell: Any, where: str) -> None:
        if cell is None:  # (most rows have no note)
            return
        note = self.value(cell, where, f"notes.{qid}")
        if note is not None:
            self.lines[("notes", qid)] = where
            self.data["notes"][qid] = note.strip() if isinstance(note, str) else str(note)

    def multi_answers(self) -> None:
        """Each multiple choice from its rows: "don't know" on the question's row, else the options ticked."""
        questions = self.cat.questions
        for qid, slot in self.multi.items():
            if qid not in questions or ("answers", qid) not in self.lines:
                continue
            if slot["main"] is not None:
                self.data["answers"][qid] = slot["main"]  # don't know (or a wrong value the checker names)
            elif slot["choices"]:
                order = [c.value for c in self.cat.choices_of(questions[qid])]
                self.data["answers"][qid] = [c for c in order if slot["choices"].get(c)]

    def missing_sheets(self, expected: dict[str, str]) -> None:
        for section, title in expected.items():
            if section not in self.found:
                what = "the enterprise details" if section == "enterprise" else f"the {section} questions"
                self.problems.append(Problem(self.name, None, "",
                                             f"sheet '{title}' ({what}) is missing: was it deleted? Restore it, or copy "
                                             "the answers into a new questionnaire (aeo-check template --format xlsx)"))

    def document(self, expected: dict[str, str], version: int | None) -> SourceDoc:
        """The answer document; a workbook that records no version is judged by its rows (one of
        the 2026-11 release has no row for a question brought in since), so that its rows are read
        through the renames since, and a later one's empty rows are never filled by them."""
        if version is None:
            version = version_by_ids({key[1] for key in self.lines if key[:1] == ("answers",)})
        self.multi_answers()
        rank = self.vocab.rank
        data = self.data
        data["answers"] = dict(sorted(data["answers"].items(), key=lambda kv: rank.get(kv[0], 10**6)))
        if "enterprise" in self.found:
            if self.specific_seen:
                self.ent["specific"] = self.specific
            data["enterprise"] = self.ent
        self.missing_sheets(expected)
        data = {k: data[k] for k in ("format", "standard", "language", "enterprise", "assessed_on", "answers", "notes")
                if k in data}
        data[VERSION_KEY] = version  # an older workbook's rows are read through the renames since
        if not data.get("notes"):
            data.pop("notes", None)
        if () not in self.lines:
            self.lines[()] = next(iter(self.lines.values()), "")
        return SourceDoc(self.name, data, self.lines, problems=self.problems)


class _YesNo:
    type = "yes_no"
    id = ""


_YES_NO: Any = _YesNo()


def _plain_value(cell: Any, where: str, fld: str, problems: list[Problem], name: str) -> Any:
    """The typed value of a cell; a formula is reported, never evaluated."""
    if cell is None:
        return None
    if cell.formula is not None:
        problems.append(
            Problem(
                name,
                where,
                fld,
                f"holds a formula ({cell.formula[:40]}); type the answer itself: aeo-check reads values, not formulas",
            )
        )
        return None
    v = cell.value
    if isinstance(v, str) and not v.strip():
        return None
    return v
