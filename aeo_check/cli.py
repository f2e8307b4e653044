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
from .i18n import both, en_zh, t, ui_lang

if TYPE_CHECKING:  # pragma: no cover
    from rich.console import Console

    from .catalogue.compiled import Catalogue

#: the interface language, from --lang anywhere on the command line or the locale (--help is in it)
UI = ui_lang()


def _h(key: str) -> str:
    """The --help text of a command, option or argument (the help group of aeo_check.words)."""
    return t(f"help.{key}", UI)


def _m(key: str) -> str:
    """The placeholder of an argument in usage lines (the metavar group of aeo_check.words)."""
    return t(f"metavar.{key}", UI)


app = typer.Typer(
    name="aeo-check",
    help=_h("aeo-check"),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    cls=GuardedGroup,
)
standards_app = typer.Typer(help=_h("standards"), no_args_is_help=True)
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
                                          help=_h("aeo-check --version"))] = False,
    debug: Annotated[bool, typer.Option("--debug", help=_h("aeo-check --debug"))] = False,
    lang: Annotated[Optional[Lang], typer.Option("--lang", help=_h("aeo-check --lang"))] = None,
) -> None:
    """Exit codes: 0 ok, 1 below --fail-below, 2 invalid input or usage, 3 I/O or internal error, 130 interrupted."""


def _problems_exit(problems) -> None:
    from .checkwords import problem_text
    from .exitcodes import interface_lang

    lang = interface_lang()
    for p in problems:
        err.print(problem_text(p, lang), markup=False, soft_wrap=True)
    raise typer.Exit(2)


def catalogue() -> "Catalogue":
    from .catalogue.compiled import get_catalogue
    from .launch import resume
    from .sourcefile import DataFileError

    try:
        return get_catalogue()
    except DataFileError as exc:
        err.print(en_zh("cli.catalogue_broken") + ":", markup=False)
        _problems_exit(exc.problems)
        raise  # unreachable
    finally:
        resume()  # the program is loaded: collect garbage again while the command works


def _lang(lang: Optional[Lang], fallback: str | None = None) -> str:
    if lang is not None:
        return lang.value
    if fallback:
        return fallback
    from .exitcodes import interface_lang

    return interface_lang()


# --------------------------------------------------------------------------- standards

def _standard_rows(cat: "Catalogue", tier: str, specific: str | None) -> list[dict]:
    from .scoring.result import text

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
            "clause": text(item.clause.title),
            "title": text(item.title_for(tier)),
            "options": item.options_for(tier),
            "applies_to": list(item.applies_to),
            "params": dict(use.params),
            "owner": item.owner,
            "effort_days": item.effort_days,
        })
    return rows


@standards_app.command("list", help=_h("standards list"))
def standards_list(
    tier: Annotated[StdTier, typer.Option(help=_h("standards list --tier"))] = StdTier.advanced,
    specific: Annotated[Optional[Specific], typer.Option(help=_h("standards list --specific"))] = None,
    lang: Annotated[Optional[Lang], typer.Option(help=_h("standards list --lang"))] = None,
    format: Annotated[Fmt, typer.Option("--format", help=_h("standards list --format"))] = Fmt.table,
) -> None:
    cat = catalogue()
    rows = _standard_rows(cat, tier.value, specific.value if specific else None)
    if format is Fmt.json:
        from .views.jsonout import dumps

        print(dumps(rows))
        return
    from .views.terminal import render_standards

    render_standards(out, cat, rows, _lang(lang))


@standards_app.command("show", help=_h("standards show"))
def standards_show(
    item_id: Annotated[list[str], typer.Argument(metavar=_m("id"), help=_h("standards show item_id"))],
    lang: Annotated[Optional[Lang], typer.Option(help=_h("standards show --lang"))] = None,
    format: Annotated[Fmt, typer.Option("--format", help=_h("standards show --format"))] = Fmt.table,
) -> None:
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

    err.print(f"{inert(path)}: {exc.strerror or exc} / {t('cli.cannot_write', 'zh')}", markup=False, soft_wrap=True)
    raise typer.Exit(3)


@app.command(help=_h("template"))
def template(
    type: Annotated[EType, typer.Option("--type", help=_h("template --type"))] = EType.importer_exporter,
    specific: Annotated[Optional[list[Specific]], typer.Option(help=_h("template --specific"))] = None,
    lang: Annotated[Optional[Lang], typer.Option(help=_h("template --lang"))] = None,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help=_h("template --output"))] = None,
    format: Annotated[TemplateFmt, typer.Option("--format", help=_h("template --format"))] = TemplateFmt.yaml,
    from_file: Annotated[Optional[Path], typer.Option("--from", metavar=_m("file"), help=_h("template --from"))] = None,
    force: Annotated[bool, typer.Option("--force", help=_h("template --force"))] = False,
) -> None:
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
            err.print(en_zh("cli.xlsx_needs_output"), markup=False)
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


@app.command("import", help=_h("import"))
def import_(
    file: Annotated[Path, typer.Argument(metavar=_m("file"), help=_h("import file"))],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help=_h("import --output"))] = None,
) -> None:
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


@app.command(help=_h("schema"))
def schema(
    kind: Annotated[SchemaKind, typer.Argument(help=_h("schema kind"))],
) -> None:
    from .schema import make, schema_text

    sys.stdout.write(schema_text(make(kind.value, catalogue())))


# --------------------------------------------------------------------------- validate / score

def _load(path: Path, cat: "Catalogue"):
    from .answers import load_answers

    return load_answers(path, cat, str(path))


class ValidateFmt(str, Enum):
    text = "text"
    github = "github"


@app.command(help=_h("validate"))
def validate(
    files: Annotated[list[Path], typer.Argument(metavar=_m("files"), help=_h("validate files"))],
    format: Annotated[ValidateFmt, typer.Option("--format", help=_h("validate --format"))] = ValidateFmt.text,
) -> None:
    from .batch import check_file, tell
    from .exitcodes import interface_lang, worst
    from .safetext import inert

    cat = catalogue()
    ui = interface_lang()
    code = 0
    for f in files:
        outcome = check_file(f, cat, plan=True)
        code = worst(code, outcome.code)
        if format is ValidateFmt.github and outcome.problems:
            from .views.ci import github_annotation

            for p in outcome.problems:
                print(github_annotation(p))
        else:
            tell(outcome, lang=ui if format is ValidateFmt.text else "en")
        if outcome.code == 0 and format is ValidateFmt.text:
            out.print(t("cli.ok", ui, file=inert(f)), markup=False)
    raise typer.Exit(code)


@app.command(help=_h("score"))
def score(
    # plain strings: ten thousand Path objects would cost megabytes before the first file is read
    files: Annotated[list[str], typer.Argument(metavar=_m("files"), help=_h("score files"))],
    format: Annotated[ScoreFmt, typer.Option(
        "--format", help=_h("score --format"))] = ScoreFmt.table,
    fail_below: Annotated[Optional[GuardTier], typer.Option(
        "--fail-below", help=_h("score --fail-below"))] = None,
    fail_on_new_blockers: Annotated[Optional[Path], typer.Option(
        "--fail-on-new-blockers", metavar=_m("old"), help=_h("score --fail-on-new-blockers"))] = None,
    lang: Annotated[Optional[Lang], typer.Option(help=_h("score --lang"))] = None,
    detail: Annotated[bool, typer.Option("--detail", help=_h("score --detail"))] = False,
    jobs: Annotated[Optional[int], typer.Option(
        "-j", "--jobs", min=1, help=_h("score --jobs"))] = None,
) -> None:
    from . import batch

    many = len(files) > 1
    color: str | None = None
    width = 80
    if format is ScoreFmt.table and (not many or detail):
        # the panel: its modules (rich) and its console load with the program, while collection
        # is still paused (see launch), not after the catalogue
        from .views import terminal  # noqa: F401

        color, width = out.color_system, out.width
    elif format is ScoreFmt.table:
        color = "standard" if _colour_terminal() else None
    cat = catalogue()
    if format is ScoreFmt.junit:  # one XML document for the whole batch
        _score_junit(cat, [Path(f) for f in files], fail_below, fail_on_new_blockers)
        return
    paths = files
    fmt = format.value
    ui_lang = _lang(lang)
    from .views.brief import file_width

    opts = batch.Options(format=fmt, lang=lang.value if lang else None,
                         fail_below=fail_below.value if fail_below else None, detail=detail, many=many,
                         color=color, width=width, ui_lang=ui_lang,
                         file_width=file_width(paths) if fmt == "table" and many else 0,
                         blockers=fail_on_new_blockers is not None)
    stdout, stderr = sys.stdout, sys.stderr
    on_file = None
    gained: list[str] = []
    if fail_on_new_blockers is not None:  # compared as each file is scored: one pass
        from .progress import gained_blockers

        olds = _old_blockers(cat, fail_on_new_blockers)

        def on_file(path: str, o: "batch.Outcome") -> None:
            if o.blockers is not None:
                new = gained_blockers(olds.get(o.blockers[0]), o.blockers[1])
                if new:
                    gained.append(f"{path}: {', '.join(new)}")
    try:
        done = batch.run(cat, paths, opts, jobs or batch.default_jobs(len(paths)),
                         write=stdout.write, warn=lambda text: (stdout.flush(), stderr.write(text)), on_file=on_file)
        stdout.flush()
    except BrokenPipeError:
        # the reader has gone (`score … | head -1`): it has what it wanted, which is not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), stdout.fileno())  # nothing left to flush at exit
        raise typer.Exit(0) from None
    if done.status == batch.BELOW and fmt == "table":
        if done.below:
            err.print(en_zh("cli.tier_below", tier=fail_below.value), markup=False)
        if done.maybe_below:
            err.print(en_zh("cli.tier_maybe_below", tier=fail_below.value), markup=False)
    status = done.status
    for g in gained:
        err.print(f"{en_zh('cli.new_blocker')}: {g}", markup=False)
    if gained and status == 0:
        status = 1
    if status:
        raise typer.Exit(status)


def _colour_terminal() -> bool:
    """Styles for the one-line view: a terminal that is not dumb, and NO_COLOR not set."""
    import os

    return (sys.stdout.isatty() and not os.environ.get("NO_COLOR")
            and os.environ.get("TERM", "") != "dumb")


def _old_blockers(cat, old_path: Path) -> dict:
    """The earlier results' blockers by USCC (the first result of each enterprise, as
    :func:`aeo_check.progress.match_old` picks it); an unreadable OLD exits 2 before any scoring."""
    from .progress import blockers_of
    from .resultfile import load_results
    from .sourcefile import DataFileError

    try:
        olds = load_results(cat, old_path)
    except DataFileError as exc:
        _problems_exit(exc.problems)
    by_uscc: dict = {}
    for o in olds:
        by_uscc.setdefault(o.get("enterprise", {}).get("uscc"), blockers_of(o))
    return by_uscc


def _score_junit(cat, files: list[Path], fail_below, fail_on_new_blockers) -> None:
    """``score --format junit``: one JUnit document for the whole batch (one test case per file)."""
    from .scoring import score as run_score
    from .scoring.result import tier_rank
    from .sourcefile import DataFileError
    from .views.ci import junit_xml

    from .progress import blockers_of_result, gained_blockers

    olds = _old_blockers(cat, fail_on_new_blockers) if fail_on_new_blockers else None
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
        new = (gained_blockers(olds.get(res.enterprise.get("uscc")), blockers_of_result(res)) or None
               if olds is not None else None)
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
    ics = "ics"


@app.command(help=_h("plan"))
def plan(
    file: Annotated[Path, typer.Argument(metavar=_m("file"), help=_h("plan file"))],
    format: Annotated[PlanFmt, typer.Option("--format", help=_h("plan --format"))] = PlanFmt.table,
    lang: Annotated[Optional[Lang], typer.Option(help=_h("plan --lang"))] = None,
) -> None:
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
    elif format is PlanFmt.ics:
        from .views.ics import plan_ics

        sys.stdout.buffer.write(plan_ics(cat, p, language, a.enterprise.uscc, a.enterprise.name))
        sys.stdout.flush()
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


@app.command(help=_h("report"))
def report(
    files: Annotated[list[Path], typer.Argument(metavar=_m("files"), help=_h("report files"))],
    output_text: Annotated[Optional[str], typer.Option(
        "-o", "--output", help=_h("report --output"))] = None,
    lang: Annotated[Optional[Lang], typer.Option(help=_h("report --lang"))] = None,
    html: Annotated[bool, typer.Option("--html", help=_h("report --html"))] = False,
    brand: Annotated[Optional[Path], typer.Option(help=_h("report --brand"))] = None,
    pdf_variant: Annotated[Optional[PdfVariant], typer.Option(
        "--pdf-variant", help=_h("report --pdf-variant"))] = None,
    report_no: Annotated[Optional[str], typer.Option("--report-no", help=_h("report --report-no"))] = None,
    revision: Annotated[str, typer.Option("--revision", help=_h("report --revision"))] = "1.0",
    compare: Annotated[Optional[Path], typer.Option("--compare", metavar=_m("old"), help=_h("report --compare"))] = None,
    jobs: Annotated[Optional[int], typer.Option("-j", "--jobs", min=1, help=_h("report --jobs"))] = None,
    force: Annotated[bool, typer.Option("--force", help=_h("report --force"))] = False,
) -> None:
    from .sourcefile import DataFileError

    # the path as typed: Path() turns "" into "." and drops a trailing slash
    if output_text is not None and not output_text.strip():
        err.print(en_zh("cli.empty_output"), markup=False)
        raise typer.Exit(3)
    output = Path(output_text) if output_text is not None else None
    to_folder = output_text is not None and output_text.endswith(("/", "\\"))
    if len(files) == 1 and not to_folder and output is not None and output.is_dir():
        from .safetext import inert

        shown = inert(output_text)
        err.print(f"{shown}: " + en_zh("cli.is_a_folder", folder=shown.rstrip("/")), markup=False, soft_wrap=True)
        raise typer.Exit(3)
    batch = len(files) > 1 or to_folder
    if batch:
        if output is None:
            err.print(en_zh("cli.several_need_folder"), markup=False)
            raise typer.Exit(2)
        if compare is not None:
            err.print(en_zh("cli.compare_one_file"), markup=False)
            raise typer.Exit(2)
        if output.exists() and not output.is_dir():
            err.print(f"{output} " + en_zh("cli.not_a_folder"), markup=False)
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
        err.print(en_zh("cli.variant_not_html"), markup=False)
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
    import gc

    gc.freeze()  # what is loaded by now lives to the end: keep it out of the collections the render triggers
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


@app.command(help=_h("portfolio"))
def portfolio(
    paths: Annotated[list[Path], typer.Argument(metavar=_m("paths"), help=_h("portfolio paths"))],
    format: Annotated[PortfolioFmt, typer.Option("--format", help=_h("portfolio --format"))] =
    PortfolioFmt.table,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help=_h("portfolio --output"))] = None,
    lang: Annotated[Optional[Lang], typer.Option(help=_h("portfolio --lang"))] = None,
    jobs: Annotated[Optional[int], typer.Option("-j", "--jobs", min=1, help=_h("portfolio --jobs"))] = None,
) -> None:
    from . import batch
    from .portfolio import RowTask, answer_files, attention_key

    cat = catalogue()
    files = answer_files(paths)
    if not files:
        err.print(en_zh("cli.no_answer_files"), markup=False)
        raise typer.Exit(2)
    if format is PortfolioFmt.xlsx and output is None:
        err.print(en_zh("cli.portfolio_xlsx_output"), markup=False)
        raise typer.Exit(2)
    import gc

    gc.freeze()  # as score does: the catalogue is long-lived, keep it out of every collection
    rows = []
    invalid = 0
    status = batch.OK
    language = _lang(lang)
    names = [str(f) for f in files]
    task = RowTask("en" if format is PortfolioFmt.json else language)  # JSON is for programs: English problems
    for name, got in zip(names, batch.each(cat, names, task, jobs or batch.default_jobs(len(names)))):
        code, r, lines = got or (batch.FAILED, None, [f"{name}: {en_zh('cli.worker_ended')}"])
        for line in lines:
            err.print(line, markup=False, soft_wrap=True)
        invalid += code == batch.INVALID
        status = max(status, code)
        if r is not None:
            rows.append(r)
    rows.sort(key=attention_key)
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
        err.print(en_zh("cli.n_invalid_of", invalid=invalid, n=len(files)), markup=False)
    if status:
        raise typer.Exit(status)


# --------------------------------------------------------------------------- diff

@app.command(help=_h("diff"))
def diff(
    old: Annotated[Path, typer.Argument(metavar=_m("old"), help=_h("diff old"))],
    new: Annotated[Path, typer.Argument(metavar=_m("new"), help=_h("diff new"))],
    format: Annotated[Fmt, typer.Option("--format", help=_h("diff --format"))] = Fmt.table,
    lang: Annotated[Optional[Lang], typer.Option(help=_h("diff --lang"))] = None,
) -> None:
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

@app.command(help=_h("assess"))
def assess(
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help=_h("assess --output"))] = None,
    resume: Annotated[Optional[Path], typer.Option(help=_h("assess --resume"))] = None,
    review: Annotated[Optional[str], typer.Option(help=_h("assess --review"))] = None,
    lang: Annotated[Optional[Lang], typer.Option(help=_h("assess --lang"))] = None,
) -> None:
    if not (sys.stdin is not None and sys.stdin.isatty() and sys.stdout is not None and sys.stdout.isatty()):
        err.print(both("needs_terminal"), markup=False, soft_wrap=True)
        raise typer.Exit(2)
    from .interactive.session import run_assess

    if lang is None:  # aeo-check --lang zh assess: the program's --lang
        from typer._click.globals import get_current_context

        given = get_current_context().find_root().params.get("lang")
        lang = Lang(given) if given is not None else None
    code = run_assess(catalogue(), output=output, resume=resume, review=review, lang=lang.value if lang else None)
    raise typer.Exit(code)


# --------------------------------------------------------------------------- doctor

@app.command(help=_h("doctor"))
def doctor() -> None:
    from .launch import resume
    from .views.doctor import run_doctor

    resume()  # it renders a test PDF: collect garbage as usual
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
