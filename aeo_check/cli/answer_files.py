"""``template``, ``import`` and ``schema``: blank answer files, workbooks in, schemas out."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from aeo_check.cli.app import (
    EType,
    Lang,
    Specific,
    _h,
    _io_error,
    _lang,
    _load,
    _m,
    app,
    catalogue,
    err,
    problems_exit_2,
)
from aeo_check.words.i18n import en_zh

# --------------------------------------------------------------------------- template

class TemplateFmt(str, Enum):
    yaml = "yaml"
    xlsx = "xlsx"


@app.command(help=_h("template"))
def template(
    type: Annotated[EType, typer.Option("--type", help=_h("template --type"))] = EType.importer_exporter,
    specific: Annotated[list[Specific] | None, typer.Option(help=_h("template --specific"))] = None,
    lang: Annotated[Lang | None, typer.Option(help=_h("template --lang"))] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help=_h("template --output"))] = None,
    format: Annotated[TemplateFmt, typer.Option("--format", help=_h("template --format"))] = TemplateFmt.yaml,
    from_file: Annotated[Path | None, typer.Option("--from", metavar=_m("file"), help=_h("template --from"))] = None,
    force: Annotated[bool, typer.Option("--force", help=_h("template --force"))] = False,
) -> None:
    cat = catalogue()
    filled = None
    etype, specs = type.value, [s.value for s in specific or []]
    if from_file is not None:
        with problems_exit_2():
            filled = _load(from_file, cat)
        etype, specs = filled.enterprise.type, list(filled.enterprise.specific)
    language = _lang(lang, filled.language if filled else None)
    if format is TemplateFmt.xlsx:
        if output is None:
            err.print(en_zh("cli.xlsx_needs_output"), markup=False)
            raise typer.Exit(2)
        from aeo_check.answers.workbook import workbook_bytes
        from aeo_check.files.outfile import write_output

        data = workbook_bytes(cat, etype, specs, language, filled=filled)
        target = write_output(output, data, inputs=[from_file], force=force)
        if target.kind != "stdout":
            err.print(target.display, markup=False)
        return
    from aeo_check.views.template import render_template

    text = render_template(cat, etype, specs, language, filled=filled,
                           file_hint=output.name if output is not None else "answers.yaml")
    if output is None:
        sys.stdout.write(text)
        return
    from aeo_check.files.outfile import write_output

    target = write_output(output, text.encode("utf-8"), inputs=[from_file], force=force)
    if target.kind != "stdout":
        err.print(target.display, markup=False)


@app.command("import", help=_h("import"))
def import_(
    file: Annotated[Path, typer.Argument(metavar=_m("file"), help=_h("import file"))],
    output: Annotated[Path | None, typer.Option("-o", "--output", help=_h("import --output"))] = None,
    force: Annotated[bool, typer.Option("--force", help=_h("import --force"))] = False,
) -> None:
    cat = catalogue()
    with problems_exit_2():
        a = _load(file, cat)
    from aeo_check.files.pdfdata import answers_from_pdf, is_pdf

    try:
        head = file.open("rb").read(8)
    except OSError as exc:
        _io_error(exc, file)
    if is_pdf(head):
        name, data = answers_from_pdf(file.read_bytes())  # the attached file, byte for byte
        if output is None:
            sys.stdout.write(data.decode("utf-8-sig"))
            return
        from aeo_check.files.outfile import write_output
        from aeo_check.files.safetext import inert

        target = write_output(output, data, inputs=[file], force=force, existing=False)  # never over the plan read
        err.print(f"{target.display} ({inert(file)}:{inert(name)})", markup=False)
        return
    from aeo_check.views.template import render_template

    text = render_template(cat, a.enterprise.type, list(a.enterprise.specific), a.language, filled=a,
                           file_hint=output.name if output is not None else "answers.yaml")
    if output is None:
        sys.stdout.write(text)
        return
    from aeo_check.files.outfile import write_output

    target = write_output(output, text.encode("utf-8"), inputs=[file], force=force, existing=False)
    err.print(target.display, markup=False)


# --------------------------------------------------------------------------- migrate

@app.command(help=_h("migrate"))
def migrate(
    files: Annotated[list[Path], typer.Argument(metavar=_m("files"), help=_h("migrate files"))],
    no_backup: Annotated[bool, typer.Option("--no-backup", help=_h("migrate --no-backup"))] = False,
) -> None:
    from aeo_check.answers.migrate import current_version, read_through, rewrite, version_of
    from aeo_check.cli.app import UI
    from aeo_check.files.safetext import inert
    from aeo_check.files.sourcefile import read_file
    from aeo_check.words.i18n import t

    code = 0
    for f in files:
        if f.suffix.lower() not in (".yaml", ".yml"):
            err.print(t("cli.migrate_not_yaml", UI, file=inert(f)), markup=False)
            code = max(code, 2)
            continue
        try:
            with problems_exit_2():
                data = read_file(f).data  # first: a missing or unreadable file is invalid input (exit 2)
                text = f.read_text(encoding="utf-8")
        except OSError as exc:
            _io_error(exc, f)
        version = version_of(data)
        if version >= current_version():
            err.print(t("cli.migrate_current", UI, file=inert(f), version=version), markup=False)
            continue
        up = read_through(data)
        backup = ""
        try:
            if not no_backup:
                f.with_name(f.name + ".bak").write_text(text, encoding="utf-8")
                backup = t("cli.migrated_backup", UI, file=inert(f.with_name(f.name + ".bak")))
            f.write_text(rewrite(text, up), encoding="utf-8")
        except OSError as exc:
            _io_error(exc, f)
        if up.removed:
            err.print(t("cli.migrate_removed", UI, file=inert(f), ids=", ".join(up.removed)), markup=False)
        err.print(t("cli.migrated", UI, file=inert(f), version=current_version(), backup=backup), markup=False)
    raise typer.Exit(code)


class SchemaKind(str, Enum):
    answers = "answers"
    result = "result"


@app.command(help=_h("schema"))
def schema(
    kind: Annotated[SchemaKind, typer.Argument(metavar=_m("kind"), help=_h("schema kind"))],
) -> None:
    from aeo_check.document.schema import make, schema_text

    sys.stdout.write(schema_text(make(kind.value, catalogue())))
