"""``aeo-check report``: the improvement plan as PDF or HTML, one or many."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, NoReturn

import typer

from aeo_check.cli.app import (
    Lang,
    PdfVariant,
    _h,
    _io_error,
    _lang,
    _m,
    app,
    catalogue,
    err,
    problems_exit_2,
)
from aeo_check.document.resultfile import read_one
from aeo_check.words.i18n import en_zh, t

# --------------------------------------------------------------------------- report

@app.command(help=_h("report"))
def report(
    files: Annotated[list[Path], typer.Argument(metavar=_m("files"), help=_h("report files"))],
    output_text: Annotated[str | None, typer.Option(
        "-o", "--output", metavar=_m("output"), help=_h("report --output"))] = None,
    lang: Annotated[Lang | None, typer.Option(help=_h("report --lang"))] = None,
    html: Annotated[bool, typer.Option("--html", help=_h("report --html"))] = False,
    brand: Annotated[Path | None, typer.Option(help=_h("report --brand"))] = None,
    pdf_variant: Annotated[PdfVariant | None, typer.Option(
        "--pdf-variant", help=_h("report --pdf-variant"))] = None,
    report_no: Annotated[str | None, typer.Option("--report-no", help=_h("report --report-no"))] = None,
    revision: Annotated[str, typer.Option("--revision", help=_h("report --revision"))] = "1.0",
    compare: Annotated[Path | None, typer.Option("--compare", metavar=_m("old"), help=_h("report --compare"))] = None,
    jobs: Annotated[int | None, typer.Option("-j", "--jobs", min=1, help=_h("report --jobs"))] = None,
    force: Annotated[bool, typer.Option("--force", help=_h("report --force"))] = False,
    binder: Annotated[Path | None, typer.Option("--binder", metavar=_m("dir"), help=_h("report --binder"))] = None,
) -> None:
    output, to_folder = _output_of(files, output_text)
    if len(files) > 1 or to_folder:
        _report_batch(files, output, lang, html, brand, compare, jobs, binder)
    _report_one(files[0], output, lang, html, brand, pdf_variant, report_no, revision, compare, force, binder)


def _output_of(files: list[Path], output_text: str | None) -> tuple[Path | None, bool]:
    """``-o`` as a path, and whether it names a folder (ends in a slash); exits on an unusable one."""
    # the path as typed: Path() turns "" into "." and drops a trailing slash
    if output_text is not None and not output_text.strip():
        err.print(en_zh("cli.empty_output"), markup=False)
        raise typer.Exit(2)
    output = Path(output_text) if output_text is not None else None
    to_folder = output_text is not None and output_text.endswith(("/", "\\"))
    if len(files) == 1 and not to_folder and output is not None and output.is_dir():
        from aeo_check.files.safetext import inert

        shown = inert(output_text)
        err.print(f"{shown}: " + en_zh("cli.is_a_folder", folder=shown.rstrip("/")), markup=False, soft_wrap=True)
        raise typer.Exit(2)
    return output, to_folder


def _report_batch(files: list[Path], output: Path | None, lang: Lang | None, html: bool, brand: Path | None,
                  compare: Path | None, jobs: int | None, binder: Path | None) -> NoReturn:
    """Several files (or one into a folder): one plan each, rendered in parallel; exits with the batch's code."""
    if output is None:
        err.print(en_zh("cli.several_need_folder"), markup=False)
        raise typer.Exit(2)
    if compare is not None or binder is not None:
        err.print(en_zh("cli.compare_one_file" if compare is not None else "binder.one_file"), markup=False)
        raise typer.Exit(2)
    if output.exists() and not output.is_dir():
        err.print(f"{output} " + en_zh("cli.not_a_folder"), markup=False)
        raise typer.Exit(2)
    from aeo_check.runs.batch import processors
    from aeo_check.runs.report_batch import Job, outputs_for, run_batch

    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _io_error(exc, output)
    if brand is not None:
        from aeo_check.views.pdf.report import load_brand

        with problems_exit_2():
            load_brand(brand)  # a broken brand file stops the batch before any work
    if not html:
        _fonts_or_exit(lang.value if lang else "zh")
    targets, renamed = outputs_for(files, output, html, [*files, *([brand] if brand is not None else [])])
    for line in renamed:
        err.print(line, markup=False, soft_wrap=True)
    todo = [Job(f, o, lang.value if lang else None, html, brand) for f, o in zip(files, targets, strict=False)]
    raise typer.Exit(run_batch(todo, jobs or processors(), err))


def _report_one(file: Path, output: Path | None, lang: Lang | None, html: bool, brand: Path | None,
                pdf_variant: PdfVariant | None, report_no: str | None, revision: str, compare: Path | None,
                force: bool, binder: Path | None) -> None:
    """One file's plan: read it (and the earlier assessment), then render it to ``output``."""
    output = output or Path("plan.html" if html else "plan.pdf")
    cat = catalogue()
    progress = None
    with problems_exit_2():
        from aeo_check.cli.binder import binder_states
        from aeo_check.views.pdf.report import answers_attachment, load_brand

        doc = read_one(cat, file, binder=binder_states(cat, binder))
        res, a_lang = doc.data, doc.assessment.language
        brand_obj = load_brand(brand) if brand else None
        if compare is not None:
            from aeo_check.compare.progress import compare as compare_results

            old = read_one(cat, compare, doc.result.enterprise.get("uscc"))
            progress = compare_results(old.data, res)
    if html and pdf_variant is not None:
        err.print(en_zh("cli.variant_not_html"), markup=False)
        raise typer.Exit(2)
    from aeo_check.files.outfile import resolve_output  # noqa: I001
    from aeo_check.views.pdf.board import DocInfo
    from aeo_check.views.pdf.report import write_report

    # checked before the render: never over an input, an answer file, a folder
    target = resolve_output(output, inputs=[file, compare, brand, brand_obj.logo if brand_obj else None], force=force)
    attachment = None
    if pdf_variant is PdfVariant.a3b:
        attachment = _attachment_of(file, res, answers_attachment)
    from aeo_check.views.spinner import working

    ui = _lang(lang, a_lang)
    if not html:
        _fonts_or_exit(ui)
    import gc

    gc.freeze()  # what is loaded by now lives to the end: keep it out of the collections the render triggers
    with working(t("cli.rendering_html" if html else "cli.rendering_pdf", ui)):
        write_report(cat, res, target, lang=ui, html=html, brand=brand_obj,
                     variant=pdf_variant.value if pdf_variant else None, attachment=attachment,
                     info=DocInfo(report_no=report_no, revision=revision), progress=progress)
    if target.kind != "stdout":
        err.print(target.display, markup=False)


def _fonts_or_exit(lang: str) -> None:
    """Refuse, in one line and before any rendering, when no font can show the report (exit 3)."""
    from aeo_check.views.pdf.doctor import font_problem

    problem = font_problem(lang)
    if problem:
        err.print(problem, markup=False, soft_wrap=True)
        raise typer.Exit(3)


def _attachment_of(file: Path, res: dict, make) -> tuple[str, bytes]:
    """The answer file a PDF/A-3 plan carries; a plan given as input passes its own on."""
    from aeo_check.files.pdfdata import answers_from_pdf, is_pdf
    from aeo_check.files.sourcefile import read_bytes_limited, source_name

    raw = read_bytes_limited(file, source_name(file))  # read already: standard input gives it again

    if is_pdf(raw):
        return answers_from_pdf(raw)
    return make(file, res)
