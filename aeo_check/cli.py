"""The ``aeo-check`` command line.

Start-up stays light: typer only. rich is imported when something is drawn with it; the
catalogue (from its compiled cache), questionary, jinja2 and weasyprint inside the commands
that need them.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from . import __version__
from .exitcodes import GuardedGroup
from .i18n import both, default_lang, t

if TYPE_CHECKING:  # pragma: no cover
    from rich.console import Console

    from .catalogue.loader import Catalogue

app = typer.Typer(
    name="aeo-check",
    help="Self-assessment against China Customs (GACC) enterprise credit certification standards "
         "(AEO, Announcement 2026 No. 34).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    cls=GuardedGroup,
)
standards_app = typer.Typer(help="Browse the standards' items.", no_args_is_help=True)
app.add_typer(standards_app, name="standards")

class _LazyConsole:
    """A rich Console made on first use, so commands that draw nothing never import rich."""

    def __init__(self, pipe: bool = False, **options: object) -> None:
        self._options = options
        self._pipe = pipe
        self._console: "Console | None" = None

    def __getattr__(self, name: str):  # noqa: ANN204 - whatever the Console has
        if self._console is None:
            if self._pipe:  # stdout: a reader that goes away is not an error (exit 0, not rich's 1)
                from .exitcodes import pipe_console

                self._console = pipe_console(**self._options)
            else:
                from rich.console import Console

                self._console = Console(**self._options)  # type: ignore[arg-type]
        return getattr(self._console, name)


out = _LazyConsole(pipe=True, highlight=False, soft_wrap=False)
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
    junit = "junit"


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
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an internal error.")] = False,
) -> None:
    """Exit codes: 0 ok, 1 below --fail-below, 2 invalid input or usage, 3 I/O or internal error, 130 interrupted."""


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
    item_id: Annotated[list[str], typer.Argument(metavar="ID", help="Item id (e.g. cmp-single-fine), or a standard "
                                                 "and official number (e.g. \"advanced 48\", \"(48)\").")],
    lang: Annotated[Optional[Lang], typer.Option(help="zh or en.")] = None,
    format: Annotated[Fmt, typer.Option("--format", help="table or json.")] = Fmt.table,
) -> None:
    """Show one item whole: texts, thresholds per standard, rule, questions, evidence, remediation."""
    cat = catalogue()
    ui = _lang(lang)
    wanted = " ".join(item_id).strip()
    item = cat.items_by_id.get(wanted)
    if item is None:
        from .catalogue.lookup import find_by_number

        found = find_by_number(cat, wanted)
        if found is not None:
            item, (standard, number) = found
            if item is None:
                err.print(t("cli.unknown_number", ui, standard=t(standard, ui), n=number), markup=False)
                raise typer.Exit(2)
    if item is None:
        import difflib

        close = difflib.get_close_matches(wanted, list(cat.items_by_id), n=3, cutoff=0.5)
        hint = t("cli.did_you_mean", ui, ids=", ".join(close)) if close else ""
        err.print(t("cli.unknown_item", ui, id=repr(wanted)) + hint, markup=False)
        raise typer.Exit(2)
    if format is Fmt.json:
        from .views.jsonout import dumps, item_dict

        print(dumps(item_dict(cat, item)))
        return
    from .views.terminal import render_item

    render_item(out, cat, item, _lang(lang))


# --------------------------------------------------------------------------- template

class TemplateFmt(str, Enum):
    yaml = "yaml"
    xlsx = "xlsx"


def _io_error(exc: OSError, path: Path) -> None:
    from .safetext import inert

    err.print(f"{inert(path)}: {exc.strerror or exc} / 无法写入", markup=False, soft_wrap=True)
    raise typer.Exit(3)


@app.command()
def template(
    type: Annotated[EType, typer.Option("--type", help="Enterprise type.")] = EType.importer_exporter,
    specific: Annotated[Optional[list[Specific]], typer.Option(help="Specific standards that apply (repeatable).")] = None,
    lang: Annotated[Optional[Lang], typer.Option(help="Language of the questions and of reports made from it.")] = None,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write to this file instead of stdout.")] = None,
    format: Annotated[TemplateFmt, typer.Option("--format", help="yaml (a commented answer file) or xlsx "
                                                "(an Excel questionnaire a client fills in; needs -o).")] = TemplateFmt.yaml,
    from_file: Annotated[Optional[Path], typer.Option("--from", metavar="FILE", help="Carry the enterprise, answers "
                                                      "and notes of this answer file (YAML, JSON or xlsx).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing answer file.")] = False,
) -> None:
    """Write a blank answer file (or Excel questionnaire) with every question asked of that enterprise."""
    cat = catalogue()
    filled = None
    etype, specs = type.value, [s.value for s in specific or []]
    if from_file is not None:
        from .sourcefile import DataFileError

        try:
            filled = _load(from_file, cat)
        except DataFileError as exc:
            _problems_exit(exc.problems)
        etype, specs = filled.enterprise.type, list(filled.enterprise.specific)
    language = _lang(lang, filled.language if filled else None)
    if format is TemplateFmt.xlsx:
        if output is None:
            err.print("an Excel questionnaire needs -o FILE.xlsx / Excel 问卷需要用 -o 指定输出文件", markup=False)
            raise typer.Exit(2)
        from .outfile import write_output
        from .workbook import workbook_bytes

        data = workbook_bytes(cat, etype, specs, language, filled=filled)
        target = write_output(output, data, inputs=[from_file], force=force)
        if target.kind != "stdout":
            err.print(target.display, markup=False)
        return
    from .views.template import render_template

    text = render_template(cat, etype, specs, language, filled=filled,
                           file_hint=output.name if output is not None else "answers.yaml")
    if output is None:
        sys.stdout.write(text)
        return
    from .outfile import write_output

    target = write_output(output, text.encode("utf-8"), inputs=[from_file], force=force)
    if target.kind != "stdout":
        err.print(target.display, markup=False)


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="A filled Excel questionnaire, a PDF/A-3 plan "
                                         "(--pdf-variant pdf/a-3b) or any answer file.")],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="The YAML answer file to write "
                                                   "(default: stdout).")] = None,
) -> None:
    """Turn a filled Excel questionnaire into a commented YAML answer file (problems name sheet and
    cell), or read the answer file back out of a PDF/A-3 plan; either is checked like any answer file."""
    from .sourcefile import DataFileError

    cat = catalogue()
    try:
        a = _load(file, cat)
    except DataFileError as exc:
        _problems_exit(exc.problems)
        return
    from .pdfdata import answers_from_pdf, is_pdf

    try:
        head = file.open("rb").read(8)
    except OSError as exc:
        _io_error(exc, file)
    if is_pdf(head):
        name, data = answers_from_pdf(file.read_bytes())  # the attached file, byte for byte
        if output is None:
            sys.stdout.write(data.decode("utf-8-sig"))
            return
        from .outfile import write_output
        from .safetext import inert

        target = write_output(output, data, inputs=[file], protect_answers=False)  # never over the plan read
        err.print(f"{target.display} ({inert(file)}:{inert(name)})", markup=False)
        return
    from .views.template import render_template

    text = render_template(cat, a.enterprise.type, list(a.enterprise.specific), a.language, filled=a,
                           file_hint=output.name if output is not None else "answers.yaml")
    if output is None:
        sys.stdout.write(text)
        return
    from .outfile import write_output

    target = write_output(output, text.encode("utf-8"), inputs=[file], protect_answers=False)
    err.print(target.display, markup=False)


class SchemaKind(str, Enum):
    answers = "answers"
    result = "result"


@app.command()
def schema(
    kind: Annotated[SchemaKind, typer.Argument(help="answers (answer files) or result (score --format json).")],
) -> None:
    """Print the JSON Schema of answer files or of the result JSON (generated from the catalogue)."""
    from .schema import make, schema_text

    sys.stdout.write(schema_text(make(kind.value, catalogue())))


# --------------------------------------------------------------------------- validate / score

def _load(path: Path, cat: "Catalogue"):
    from .answers import load_answers

    return load_answers(path, cat, str(path))


class ValidateFmt(str, Enum):
    text = "text"
    github = "github"


@app.command()
def validate(
    files: Annotated[list[Path], typer.Argument(metavar="FILE...", help="Answer files (YAML, JSON or xlsx).")],
    format: Annotated[ValidateFmt, typer.Option("--format", help="text, or github (annotations on stdout for "
                                                "GitHub Actions).")] = ValidateFmt.text,
) -> None:
    """Check answer files; print every problem with file, line (or sheet!cell) and field.
    Exit 0 valid, 2 not, 3 on an I/O or internal error."""
    from .batch import check_file, tell
    from .exitcodes import worst
    from .safetext import inert

    cat = catalogue()
    code = 0
    for f in files:
        outcome = check_file(f, cat, plan=True)
        code = worst(code, outcome.code)
        if format is ValidateFmt.github and outcome.problems:
            from .views.ci import github_annotation

            for p in outcome.problems:
                print(github_annotation(p))
        else:
            tell(outcome)
        if outcome.code == 0 and format is ValidateFmt.text:
            out.print(f"{inert(f)}: ok", markup=False)
    raise typer.Exit(code)


@app.command()
def score(
    # plain strings: ten thousand Path objects would cost megabytes before the first file is read
    files: Annotated[list[str], typer.Argument(metavar="FILE...", help="Answer files (YAML, JSON or xlsx).")],
    format: Annotated[ScoreFmt, typer.Option(
        "--format", help="table (one file: the full panel; more: one line each), json (an array, one "
                         "result per line), jsonl (one JSON document per line) or junit (one test case "
                         "per file, blockers as failures).")] = ScoreFmt.table,
    fail_below: Annotated[Optional[GuardTier], typer.Option(
        "--fail-below", help="Exit 1 when any file's likely tier is below this tier.")] = None,
    fail_on_new_blockers: Annotated[Optional[Path], typer.Option(
        "--fail-on-new-blockers", metavar="OLD", help="Exit 1 when a blocker appears that the old results "
        "(score --format json, or an answer file) did not have; matched by USCC.")] = None,
    lang: Annotated[Optional[Lang], typer.Option(help="zh or en (default: each file's language).")] = None,
    detail: Annotated[bool, typer.Option("--detail", help="The full panel for every file, not one line each.")] = False,
    jobs: Annotated[Optional[int], typer.Option(
        "-j", "--jobs", min=1, help="Score in this many processes (default: one per core from "
                                    "9 files on, else 1). Output order and bytes do not change.")] = None,
) -> None:
    """Score answer files: likely tier, both standards' scores, blockers, the path up.

    Each file is written as soon as it is scored. Exit 0; 1 when a file falls below --fail-below
    or gains a blocker (--fail-on-new-blockers); 2 on invalid input (every file is still scored).
    """
    from . import batch

    cat = catalogue()
    if format is ScoreFmt.junit:  # one XML document for the whole batch
        _score_junit(cat, [Path(f) for f in files], fail_below, fail_on_new_blockers)
        return
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
    status = done.status
    if fail_on_new_blockers is not None:  # a second pass: compare each result with its earlier one
        gained = _new_blockers(cat, [Path(f) for f in files], fail_on_new_blockers)
        for g in gained:
            err.print(f"new blocker / 新增阻碍项: {g}", markup=False)
        if gained and status == 0:
            status = 1
    if status:
        raise typer.Exit(status)


def _colour_terminal() -> bool:
    """Styles for the one-line view: a terminal that is not dumb, and NO_COLOR not set."""
    import os

    return (sys.stdout.isatty() and not os.environ.get("NO_COLOR")
            and os.environ.get("TERM", "") != "dumb")


def _new_blockers(cat, files: list[Path], old_path: Path) -> list[str]:
    """``FILE: item, item`` for every file with a blocker its earlier result did not have."""
    from .progress import compare as compare_results
    from .progress import match_old, new_blockers
    from .resultfile import load_results
    from .scoring import score as run_score
    from .sourcefile import DataFileError
    from .views.jsonout import result_document

    try:
        olds = load_results(cat, old_path)
    except DataFileError as exc:
        _problems_exit(exc.problems)
    gained: list[str] = []
    for f in files:
        try:
            a = _load(f, cat)
        except DataFileError:
            continue  # already reported by the scoring pass
        now = result_document(cat, run_score(cat, a))
        old = match_old(now, olds)
        if old is None:  # no earlier result for this enterprise: every blocker is new
            old = {**now, "standards": {k: {**v, "gaps": []} for k, v in now["standards"].items()},
                   "discredit": [], "answers": {}, "dont_know": []}
        new = new_blockers(compare_results(old, now))
        if new:
            gained.append(f"{f}: {', '.join(new)}")
    return gained


def _score_junit(cat, files: list[Path], fail_below, fail_on_new_blockers) -> None:
    """``score --format junit``: one JUnit document for the whole batch (one test case per file)."""
    from .scoring import score as run_score
    from .scoring.result import tier_rank
    from .sourcefile import DataFileError
    from .views.ci import junit_xml

    gained = {g.split(": ", 1)[0]: g.split(": ", 1)[1].split(", ")
              for g in (_new_blockers(cat, files, fail_on_new_blockers) if fail_on_new_blockers else [])}
    entries = []
    status = 0
    for f in files:
        try:
            a = _load(f, cat)
        except DataFileError as exc:
            status = 2
            entries.append({"file": str(f), "result": None, "problems": exc.problems})
            continue
        res = run_score(cat, a)
        if fail_below is not None and (tier_rank(res.tier) < tier_rank(fail_below.value)
                                       or tier_rank(res.floor_tier) < tier_rank(fail_below.value)):
            status = max(status, 1)
        new = gained.get(str(f)) if fail_on_new_blockers else None
        if new:
            status = max(status, 1)
        entries.append({"file": str(f), "result": res, "problems": None,
                        "guard": fail_below.value if fail_below else None, "new_blockers": new})
    sys.stdout.write(junit_xml(entries))
    if status:
        raise typer.Exit(status)


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

def _one_result(cat: "Catalogue", path: Path, uscc: str | None = None) -> dict:
    """The one result in ``path`` (for a list from score --format json: the one with that USCC)."""
    from .progress import match_old
    from .resultfile import load_results
    from .sourcefile import DataFileError, Problem

    results = load_results(cat, path)
    if len(results) == 1:
        return results[0]
    found = match_old({"enterprise": {"uscc": uscc}}, results) if uscc else None
    if found is None:
        raise DataFileError([Problem(str(path), None, "", f"holds {len(results)} results; none matches the "
                                                          f"enterprise {uscc!r}" if uscc else
                                     f"holds {len(results)} results; give a file with one")])
    return found


@app.command()
def report(
    files: Annotated[list[Path], typer.Argument(metavar="FILE...", help="Answer files or result JSONs from "
                                                "score --format json.")],
    output_text: Annotated[Optional[str], typer.Option(
        "-o", "--output", help="The PDF (or HTML with --html) to write; a folder ending in / (one plan per "
                               "file) for several files.")] = None,
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
    compare: Annotated[Optional[Path], typer.Option("--compare", metavar="OLD", help="An earlier assessment (answer "
                                                    "file or result JSON): adds a progress page.")] = None,
    jobs: Annotated[Optional[int], typer.Option("-j", "--jobs", min=1, help="Worker processes for several files "
                                                "(default: one per core).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing answer file with the report.")] = False,
) -> None:
    """Render the improvement plan as a bilingual PDF (or HTML); several files render in parallel.
    "-o -" writes one file's plan to stdout."""
    from .sourcefile import DataFileError

    # the path as typed: Path() turns "" into "." and drops a trailing slash
    if output_text is not None and not output_text.strip():
        err.print("-o: the path is empty / 输出路径为空", markup=False)
        raise typer.Exit(3)
    output = Path(output_text) if output_text is not None else None
    to_folder = output_text is not None and output_text.endswith(("/", "\\"))
    if len(files) == 1 and not to_folder and output is not None and output.is_dir():
        from .safetext import inert

        shown = inert(output_text)
        err.print(f"{shown}: is a folder; to write the plan into it use -o {shown.rstrip('/')}/ "
                  f"/ 是文件夹；要写入该文件夹请用 -o {shown.rstrip('/')}/", markup=False, soft_wrap=True)
        raise typer.Exit(3)
    batch = len(files) > 1 or to_folder
    if batch:
        if output is None:
            err.print("several files need -o FOLDER/ / 多个文件需要用 -o 指定输出文件夹", markup=False)
            raise typer.Exit(2)
        if compare is not None:
            err.print("--compare takes one file / --compare 只能用于单个文件", markup=False)
            raise typer.Exit(2)
        if output.exists() and not output.is_dir():
            err.print(f"{output} is not a folder / 不是文件夹", markup=False)
            raise typer.Exit(2)
        from .report_batch import Job, default_workers, outputs_for, run_batch

        try:
            output.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            _io_error(exc, output)
        if brand is not None:
            from .views.report import load_brand

            try:
                load_brand(brand)  # a broken brand file stops the batch before any work
            except DataFileError as exc:
                _problems_exit(exc.problems)
        targets = outputs_for(files, output, html)
        todo = [Job(f, o, lang.value if lang else None, html, brand) for f, o in zip(files, targets)]
        raise typer.Exit(run_batch(todo, jobs or default_workers(), err))

    file = files[0]
    output = output or Path("plan.html" if html else "plan.pdf")
    cat = catalogue()
    progress = None
    try:
        from .views.report import answers_attachment, load_brand, load_result_for_report

        res, a_lang = load_result_for_report(cat, file)
        brand_obj = load_brand(brand) if brand else None
        if compare is not None:
            from .progress import compare as compare_results

            old = _one_result(cat, compare, res["enterprise"].get("uscc"))
            progress = compare_results(old, res)
    except DataFileError as exc:
        _problems_exit(exc.problems)
        return
    if html and pdf_variant is not None:
        err.print("--pdf-variant applies to PDF output, not --html / --pdf-variant 只用于PDF输出", markup=False)
        raise typer.Exit(2)
    from .views.board import DocInfo
    from .views.report import write_report

    from .outfile import resolve_output  # noqa: I001

    # checked before the render: never over an input, an answer file, a folder
    target = resolve_output(output, inputs=[file, brand, brand_obj.logo if brand_obj else None], force=force)
    attachment = None
    if pdf_variant is PdfVariant.a3b:
        attachment = _attachment_of(file, res, answers_attachment)
    from .spinner import working

    ui = _lang(lang, a_lang)
    with working(t("cli.rendering_html" if html else "cli.rendering_pdf", ui)):
        write_report(cat, res, target, lang=ui, html=html, brand=brand_obj,
                     variant=pdf_variant.value if pdf_variant else None, attachment=attachment,
                     info=DocInfo(report_no=report_no, revision=revision), progress=progress)
    if target.kind != "stdout":
        err.print(target.display, markup=False)


def _attachment_of(file: Path, res: dict, make) -> tuple[str, bytes]:
    """The answer file a PDF/A-3 plan carries; a plan given as input passes its own on."""
    raw = file.read_bytes()
    from .pdfdata import answers_from_pdf, is_pdf

    if is_pdf(raw):
        return answers_from_pdf(raw)
    return make(file, res)


# --------------------------------------------------------------------------- portfolio

class PortfolioFmt(str, Enum):
    table = "table"
    csv = "csv"
    xlsx = "xlsx"
    json = "json"


@app.command()
def portfolio(
    paths: Annotated[list[Path], typer.Argument(metavar="FILE|DIR...", help="Answer files, or folders of them.")],
    format: Annotated[PortfolioFmt, typer.Option("--format", help="table, csv, xlsx (needs -o) or json.")] =
    PortfolioFmt.table,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write to this file instead of stdout.")] = None,
    lang: Annotated[Optional[Lang], typer.Option(help="zh or en (default: from the locale).")] = None,
    jobs: Annotated[Optional[int], typer.Option(
        "-j", "--jobs", min=1, help="Score in this many processes (default: one per core from 9 files on, "
                                    "else 1). The output does not change.")] = None,
) -> None:
    """One row per client: tiers, scores, blockers, next tier and its date; who needs attention first.

    Every file is read; invalid ones are named on stderr and the exit code is then 2 (3 when a file
    could not be read or scored at all).
    """
    from . import batch
    from .portfolio import RowTask, answer_files, attention_key

    cat = catalogue()
    files = answer_files(paths)
    if not files:
        err.print("no answer files found / 未找到答卷文件", markup=False)
        raise typer.Exit(2)
    if format is PortfolioFmt.xlsx and output is None:
        err.print("--format xlsx needs -o FILE.xlsx / 需要用 -o 指定输出文件", markup=False)
        raise typer.Exit(2)
    import gc

    gc.freeze()  # as score does: the catalogue is long-lived, keep it out of every collection
    rows = []
    invalid = 0
    status = batch.OK
    names = [str(f) for f in files]
    for name, got in zip(names, batch.each(cat, names, RowTask(), jobs or batch.default_jobs(len(names)))):
        code, r, lines = got or (batch.FAILED, None, [f"{name}: not scored: a worker process ended early"])
        for line in lines:
            err.print(line, markup=False, soft_wrap=True)
        invalid += code == batch.INVALID
        status = max(status, code)
        if r is not None:
            rows.append(r)
    rows.sort(key=attention_key)
    language = _lang(lang)
    data: bytes
    if format is PortfolioFmt.json:
        from .views.jsonout import dumps

        data = (dumps(rows) + "\n").encode("utf-8")
    elif format is PortfolioFmt.csv:
        from .portfolio import csv_text

        data = csv_text(cat, rows, language).encode("utf-8-sig" if output is not None else "utf-8")
    elif format is PortfolioFmt.xlsx:
        from .portfolio import xlsx_bytes

        data = xlsx_bytes(cat, rows, language)
    else:
        from .portfolio import render_table

        if output is None:
            render_table(out, cat, rows, language)
        else:
            from rich.console import Console

            buf = Console(record=True, width=200, file=open(os.devnull, "w"))
            render_table(buf, cat, rows, language)
            data = buf.export_text().encode("utf-8")
    if output is not None:
        from .outfile import write_output

        target = write_output(output, data, inputs=files)  # never over an input or an answer file
        err.print(target.display, markup=False)
    elif format is not PortfolioFmt.table:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    if invalid:
        err.print(f"{invalid} of {len(files)} file(s) invalid / {invalid}个文件无效", markup=False)
    if status:
        raise typer.Exit(status)


# --------------------------------------------------------------------------- diff

@app.command()
def diff(
    old: Annotated[Path, typer.Argument(metavar="OLD", help="The earlier assessment: answer file or result JSON.")],
    new: Annotated[Path, typer.Argument(metavar="NEW", help="The later assessment: answer file or result JSON.")],
    format: Annotated[Fmt, typer.Option("--format", help="table or json.")] = Fmt.table,
    lang: Annotated[Optional[Lang], typer.Option(help="zh or en (default: the new file's language).")] = None,
) -> None:
    """Progress between two assessments: tier and scores, gaps closed and opened, answers and dates that changed."""
    from .progress import compare as compare_results
    from .sourcefile import DataFileError

    cat = catalogue()
    try:
        new_r = _one_result(cat, new)
        old_r = _one_result(cat, old, new_r["enterprise"].get("uscc"))
    except DataFileError as exc:
        _problems_exit(exc.problems)
        return
    d = compare_results(old_r, new_r)
    if format is Fmt.json:
        from .views.jsonout import dumps

        print(dumps(d))
        return
    from .views.progress import render_diff

    render_diff(out, cat, d, _lang(lang, new_r.get("language")))


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
    from .exitcodes import silence_stdout

    from .cliwords import run_app

    try:
        code = run_app(app)  # help, usage line and usage errors in the interface language
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except KeyboardInterrupt:  # pragma: no cover - the group turns it into exit 130 already
        code = 130
    try:  # the last of stdout may meet a closed pipe only now: not an error
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
    except (OSError, ValueError):  # pragma: no cover
        code = code or 3
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    main()
