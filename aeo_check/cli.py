"""The ``aeo-check`` command line.

Start-up stays light: typer only. rich is imported when something is drawn with it; the
catalogue (from its compiled cache), questionary, jinja2 and weasyprint inside the commands
that need them.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from . import __version__
from .i18n import both, default_lang, t

if TYPE_CHECKING:  # pragma: no cover
    from rich.console import Console

    from .catalogue.loader import Catalogue

app = typer.Typer(
    name="aeo-check",
    help="Self-assessment against China Customs (GACC) enterprise credit certification standards "
         "(AEO, Announcement 2026 No. 34). 海关企业信用认证（AEO）自评工具。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
standards_app = typer.Typer(help="Browse the standards' items. 浏览认证标准条目。", no_args_is_help=True)
app.add_typer(standards_app, name="standards")

class _LazyConsole:
    """A rich Console made on first use, so commands that draw nothing never import rich."""

    def __init__(self, **options: object) -> None:
        self._options = options
        self._console: "Console | None" = None

    def __getattr__(self, name: str):  # noqa: ANN204 - whatever the Console has
        if self._console is None:
            from rich.console import Console

            self._console = Console(**self._options)  # type: ignore[arg-type]
        return getattr(self._console, name)


out = _LazyConsole(highlight=False, soft_wrap=False)
err = _LazyConsole(stderr=True, highlight=False)


class Lang(str, Enum):
    zh = "zh"
    en = "en"


class Fmt(str, Enum):
    table = "table"
    json = "json"


class ScoreFmt(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


class StdTier(str, Enum):
    advanced = "advanced"
    certified = "certified"


class Specific(str, Enum):
    health_quarantine = "health_quarantine"
    animal_plant_quarantine = "animal_plant_quarantine"
    food_cosmetics = "food_cosmetics"
    commodity_inspection = "commodity_inspection"


class EType(str, Enum):
    importer_exporter = "importer_exporter"
    customs_broker = "customs_broker"


class PdfVariant(str, Enum):
    ua1 = "pdf/ua-1"
    a3b = "pdf/a-3b"


class GuardTier(str, Enum):
    advanced = "advanced"
    certified = "certified"
    regular = "regular"
    discredited = "discredited"


def _version(value: bool) -> None:
    if value:
        print(f"aeo-check {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    pass


def _problems_exit(problems) -> None:
    for p in problems:
        err.print(str(p), markup=False, soft_wrap=True)
    raise typer.Exit(2)


def catalogue() -> "Catalogue":
    from .catalogue.loader import get_catalogue
    from .sourcefile import DataFileError

    try:
        return get_catalogue()
    except DataFileError as exc:
        err.print("the catalogue is broken / 标准目录数据有误:", markup=False)
        _problems_exit(exc.problems)
        raise  # unreachable


def _lang(lang: Optional[Lang], fallback: str | None = None) -> str:
    if lang is not None:
        return lang.value
    return fallback or default_lang()


# --------------------------------------------------------------------------- standards

def _standard_rows(cat: "Catalogue", tier: str, specific: str | None) -> list[dict]:
    rows = []
    for item in cat.items_in(tier):
        if specific is None and item.category == "specific":
            continue
        if specific is not None and item.specific != specific:
            continue
        use = item.standards[tier]
        rows.append({
            "id": item.id,
            "official_no": use.number,
            "category": item.specific or item.category,
            "clause": item.clause.title.model_dump(),
            "title": item.title_for(tier).model_dump(),
            "options": item.options_for(tier),
            "applies_to": list(item.applies_to),
            "params": dict(use.params),
            "owner": item.owner,
            "effort_days": item.effort_days,
        })
    return rows


@standards_app.command("list")
def standards_list(
    tier: Annotated[StdTier, typer.Option(help="Which standard: advanced or certified.")] = StdTier.advanced,
    specific: Annotated[Optional[Specific], typer.Option(help="List a specific standard's items instead.")] = None,
    lang: Annotated[Optional[Lang], typer.Option(help="zh or en (default: from the locale).")] = None,
    format: Annotated[Fmt, typer.Option("--format", help="table or json.")] = Fmt.table,
) -> None:
    """List the items of a standard with their official numbers."""
    cat = catalogue()
    rows = _standard_rows(cat, tier.value, specific.value if specific else None)
    if format is Fmt.json:
        from .views.jsonout import dumps

        print(dumps(rows))
        return
    from .views.terminal import render_standards

    render_standards(out, cat, rows, _lang(lang))


@standards_app.command("show")
def standards_show(
    item_id: Annotated[str, typer.Argument(metavar="ID", help="Item id, e.g. cmp-single-fine.")],
    lang: Annotated[Optional[Lang], typer.Option(help="zh or en.")] = None,
    format: Annotated[Fmt, typer.Option("--format", help="table or json.")] = Fmt.table,
) -> None:
    """Show one item whole: texts, thresholds per standard, rule, questions, evidence, remediation."""
    cat = catalogue()
    item = cat.items_by_id.get(item_id)
    if item is None:
        import difflib

        close = difflib.get_close_matches(item_id, list(cat.items_by_id), n=3, cutoff=0.5)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        err.print(f"unknown item id {item_id!r}{hint} / 没有编号为 {item_id!r} 的条目", markup=False)
        raise typer.Exit(2)
    if format is Fmt.json:
        from .views.jsonout import dumps, item_dict

        print(dumps(item_dict(cat, item)))
        return
    from .views.terminal import render_item

    render_item(out, cat, item, _lang(lang))


# --------------------------------------------------------------------------- template

@app.command()
def template(
    type: Annotated[EType, typer.Option("--type", help="Enterprise type.")] = EType.importer_exporter,
    specific: Annotated[Optional[list[Specific]], typer.Option(help="Specific standards that apply (repeatable).")] = None,
    lang: Annotated[Optional[Lang], typer.Option(help="Language of the comments and of reports made from it.")] = None,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write to this file instead of stdout.")] = None,
) -> None:
    """Write a blank answer file with every question asked of that enterprise, commented."""
    from .views.template import render_template

    cat = catalogue()
    text = render_template(cat, type.value, [s.value for s in specific or []], _lang(lang))
    if output is None:
        sys.stdout.write(text)
        return
    from .store import write_text_atomic

    write_text_atomic(output, text)
    err.print(f"{output}", markup=False)


# --------------------------------------------------------------------------- validate / score

def _load(path: Path, cat: "Catalogue"):
    from .answers import load_answers

    return load_answers(path, cat, str(path))


@app.command()
def validate(
    files: Annotated[list[Path], typer.Argument(metavar="FILE...", help="Answer files (YAML or JSON).")],
) -> None:
    """Check answer files; print every problem with file, line and field. Exit 0 valid, 2 not."""
    from .sourcefile import DataFileError

    cat = catalogue()
    bad = 0
    for f in files:
        try:
            _load(f, cat)
        except DataFileError as exc:
            bad += 1
            for p in exc.problems:
                err.print(str(p), markup=False, soft_wrap=True)
            continue
        out.print(f"{f}: ok", markup=False)
    if bad:
        raise typer.Exit(2)


@app.command()
def score(
    # plain strings: ten thousand Path objects would cost megabytes before the first file is read
    files: Annotated[list[str], typer.Argument(metavar="FILE...", help="Answer files (YAML or JSON).")],
    format: Annotated[ScoreFmt, typer.Option(
        "--format", help="table (one file: the full panel; more: one line each), json (an array, one "
                         "result per line) or jsonl (one JSON document per line).")] = ScoreFmt.table,
    fail_below: Annotated[Optional[GuardTier], typer.Option(
        "--fail-below", help="Exit 1 when any file's likely tier is below this tier.")] = None,
    lang: Annotated[Optional[Lang], typer.Option(help="zh or en (default: each file's language).")] = None,
    detail: Annotated[bool, typer.Option("--detail", help="The full panel for every file, not one line each.")] = False,
    jobs: Annotated[Optional[int], typer.Option(
        "-j", "--jobs", min=1, help="Score in this many processes (default: one per core from "
                                    "9 files on, else 1). Output order and bytes do not change.")] = None,
) -> None:
    """Score answer files: likely tier, both standards' scores, blockers, the path up.

    Each file is written as soon as it is scored. Exit 0; 1 when a file falls below
    --fail-below; 2 on invalid input (every file is still scored).
    """
    from . import batch

    cat = catalogue()
    paths = files
    fmt = format.value
    ui_lang = _lang(lang)
    many = len(paths) > 1
    color: str | None = None
    width = 80
    if fmt == "table":
        if many and not detail:
            color = "standard" if _colour_terminal() else None
        else:
            color, width = out.color_system, out.width
    from .views.brief import file_width

    opts = batch.Options(format=fmt, lang=lang.value if lang else None,
                         fail_below=fail_below.value if fail_below else None, detail=detail, many=many,
                         color=color, width=width, ui_lang=ui_lang,
                         file_width=file_width(paths) if fmt == "table" and many else 0)
    stdout, stderr = sys.stdout, sys.stderr
    try:
        done = batch.run(cat, paths, opts, jobs or batch.default_jobs(len(paths)),
                         write=stdout.write, warn=lambda text: (stdout.flush(), stderr.write(text)))
        stdout.flush()
    except BrokenPipeError:
        # the reader has gone (`score … | head -1`): it has what it wanted, which is not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), stdout.fileno())  # nothing left to flush at exit
        raise typer.Exit(0) from None
    if done.status == batch.BELOW and fmt == "table":
        if done.below:
            err.print(f"tier below {fail_below.value} / 信用等级低于 {fail_below.value}", markup=False)
        if done.maybe_below:
            err.print(f"tier may be below {fail_below.value}: discredit triggers are unanswered"
                      f" / 失信情形尚未回答，信用等级可能低于 {fail_below.value}", markup=False)
    if done.status:
        raise typer.Exit(done.status)


def _colour_terminal() -> bool:
    """Styles for the one-line view: a terminal that is not dumb, and NO_COLOR not set."""
    import os

    return (sys.stdout.isatty() and not os.environ.get("NO_COLOR")
            and os.environ.get("TERM", "") != "dumb")


# --------------------------------------------------------------------------- plan

class PlanFmt(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


@app.command()
def plan(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="An answer file (YAML or JSON).")],
    format: Annotated[PlanFmt, typer.Option("--format", help="table, json or csv (opens in Excel or a project tool).")] = PlanFmt.table,
    lang: Annotated[Optional[Lang], typer.Option(help="zh or en (default: the answer file's language).")] = None,
) -> None:
    """The dated plan as a task list: step, kind, owner, start, end, items, depends on."""
    from .planning import make_plan
    from .scoring import score as run_score
    from .sourcefile import DataFileError

    cat = catalogue()
    try:
        a = _load(file, cat)
    except DataFileError as exc:
        _problems_exit(exc.problems)
        return
    p = make_plan(cat, run_score(cat, a)).to_dict()
    language = _lang(lang, a.language)
    if format is PlanFmt.json:
        from .views.jsonout import dumps

        print(dumps(p))
    elif format is PlanFmt.csv:
        from .views.plan import plan_csv

        sys.stdout.write(plan_csv(cat, p, language))
    else:
        from .views.terminal import render_plan

        render_plan(out, cat, p, language, a.enterprise.name)


# --------------------------------------------------------------------------- report

@app.command()
def report(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="An answer file or a result JSON from score --format json.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The PDF (or HTML with --html) to write.")] = Path("plan.pdf"),
    lang: Annotated[Optional[Lang], typer.Option(help="zh or en (default: the answer file's language).")] = None,
    html: Annotated[bool, typer.Option("--html", help="Write one self-contained HTML file instead of a PDF.")] = False,
    brand: Annotated[Optional[Path], typer.Option(help="YAML with the consultant's name, logo, colours, "
                                                  "sign-off names and day rates.")] = None,
    pdf_variant: Annotated[Optional[PdfVariant], typer.Option(
        "--pdf-variant", help="pdf/ua-1: tagged, accessible PDF; pdf/a-3b: archival PDF that carries the "
                              "answer file inside (read it back with `aeo-check import`).")] = None,
    report_no: Annotated[Optional[str], typer.Option("--report-no", help="Report number for document control "
                                                     "(default AEO-<customs code>-<assessment date>).")] = None,
    revision: Annotated[str, typer.Option("--revision", help="Version of this report.")] = "1.0",
) -> None:
    """Render the improvement plan as a bilingual PDF (or HTML)."""
    from .sourcefile import DataFileError

    cat = catalogue()
    try:
        from .views.report import answers_attachment, load_brand, load_result_for_report

        res, a_lang = load_result_for_report(cat, file)
        brand_obj = load_brand(brand) if brand else None
    except DataFileError as exc:
        _problems_exit(exc.problems)
        return
    if html and pdf_variant is not None:
        err.print("--pdf-variant applies to PDF output, not --html / --pdf-variant 只用于PDF输出", markup=False)
        raise typer.Exit(2)
    from .views.board import DocInfo
    from .views.report import write_report

    attachment = None
    if pdf_variant is PdfVariant.a3b:
        attachment = _attachment_of(file, res, answers_attachment)
    try:
        write_report(cat, res, output, lang=_lang(lang, a_lang), html=html, brand=brand_obj,
                     variant=pdf_variant.value if pdf_variant else None, attachment=attachment,
                     info=DocInfo(report_no=report_no, revision=revision))
    except OSError as exc:
        err.print(f"{output}: cannot write: {exc.strerror}", markup=False)
        raise typer.Exit(3)
    err.print(str(output), markup=False)


def _attachment_of(file: Path, res: dict, make) -> tuple[str, bytes]:
    """The answer file a PDF/A-3 plan carries; a plan given as input passes its own on."""
    raw = file.read_bytes()
    from .pdfdata import answers_from_pdf, is_pdf

    if is_pdf(raw):
        return answers_from_pdf(raw)
    return make(file, res)


@app.command("import")
def import_(
    plan: Annotated[Path, typer.Argument(metavar="PLAN.pdf", help="A plan made with --pdf-variant pdf/a-3b.")],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write the answer file here "
                                                   "(default: stdout).")] = None,
) -> None:
    """Read the answer file back out of a plan (PDF/A-3), checked like any answer file."""
    from .pdfdata import NoAnswersInPdf, answers_from_pdf
    from .sourcefile import DataFileError

    cat = catalogue()
    try:
        raw = plan.read_bytes()
    except OSError as exc:
        err.print(f"{plan}: cannot read: {exc.strerror or exc}", markup=False)
        raise typer.Exit(2)
    try:
        name, data = answers_from_pdf(raw)
    except NoAnswersInPdf as exc:
        err.print(f"{plan}: {exc}", markup=False, soft_wrap=True)
        raise typer.Exit(2)
    try:
        _load(plan, cat)
    except DataFileError as exc:
        _problems_exit(exc.problems)
    if output is None:
        sys.stdout.write(data.decode("utf-8-sig"))
        return
    from .store import write_bytes_atomic

    write_bytes_atomic(output, data)
    err.print(f"{output} ({plan}:{name})", markup=False)


# --------------------------------------------------------------------------- assess

@app.command()
def assess(
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Answer file to save to "
                                                   "(default ./aeo-answers-<date>.yaml).")] = None,
    resume: Annotated[Optional[Path], typer.Option(help="Continue the assessment saved in this file.")] = None,
    review: Annotated[Optional[str], typer.Option(help="Re-ask one section (with --resume): internal_control, "
                                                  "financial, compliance, trade_security, specific, bonus, profile.")] = None,
    lang: Annotated[Optional[Lang], typer.Option(help="zh or en (default: from the locale).")] = None,
) -> None:
    """Interactive assessment: walk through the questionnaire, get the likely tier and a plan.

    Every answer is saved the moment it is given; Ctrl-C loses nothing.
    """
    if not (sys.stdin is not None and sys.stdin.isatty() and sys.stdout is not None and sys.stdout.isatty()):
        err.print(both("needs_terminal"), markup=False, soft_wrap=True)
        raise typer.Exit(2)
    from .interactive.session import run_assess

    code = run_assess(catalogue(), output=output, resume=resume, review=review, lang=lang.value if lang else None)
    raise typer.Exit(code)


# --------------------------------------------------------------------------- doctor

@app.command()
def doctor() -> None:
    """Check that PDF rendering will work: libraries, a Chinese font, the catalogue."""
    from .views.doctor import run_doctor

    raise typer.Exit(run_doctor(out))


def main() -> None:  # the console-script entry point
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover - typer turns it into exit 130 already
        sys.exit(130)


if __name__ == "__main__":  # pragma: no cover
    main()
