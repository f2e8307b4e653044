"""The ``aeo-check`` command line.

Start-up stays light: typer only. rich is imported when something is drawn with it; the
catalogue (from its compiled cache), questionary, jinja2 and weasyprint inside the commands
that need them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from aeo_check import __version__
from aeo_check.runs.exitcodes import GuardedGroup
from aeo_check.words.i18n import en_zh, t, ui_lang

if TYPE_CHECKING:  # pragma: no cover
    from rich.console import Console

    from aeo_check.catalogue.compiled import Catalogue

#: the interface language, from --lang anywhere on the command line or the locale (--help is in it)
UI = ui_lang()


def _h(key: str) -> str:
    """The --help text of a command, option or argument (the help group of aeo_check.words.lexicon)."""
    return t(f"help.{key}", UI)


def _m(key: str) -> str:
    """The placeholder of an argument in usage lines (the metavar group of aeo_check.words.lexicon)."""
    return t(f"metavar.{key}", UI)


app = typer.Typer(
    name="aeo-check",
    help=_h("aeo-check"),
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion (bash, zsh, fish)
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    cls=GuardedGroup,
)
standards_app = typer.Typer(help=_h("standards"), no_args_is_help=True,
                            context_settings={"help_option_names": ["-h", "--help"]})
app.add_typer(standards_app, name="standards")

class _LazyConsole:
    """A rich Console made on first use, so commands that draw nothing never import rich."""

    def __init__(self, pipe: bool = False, **options: object) -> None:
        self._options = options
        self._pipe = pipe
        self._console: Console | None = None

    def __getattr__(self, name: str):  # noqa: ANN204 - whatever the Console has
        if self._console is None:
            if self._pipe:  # stdout: a reader that goes away is not an error (exit 0, not rich's 1)
                from aeo_check.runs.exitcodes import pipe_console

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
    lang: Annotated[Lang | None, typer.Option("--lang", help=_h("aeo-check --lang"))] = None,
) -> None:
    """Exit codes: 0 ok, 1 below --fail-below, 2 invalid input or usage, 3 I/O or internal error, 130 interrupted."""


@contextmanager
def problems_exit_2() -> Iterator[None]:
    """Run the block; when a file in it is invalid (a DataFileError), print every problem with
    its file, line and field, one a line, and exit 2."""
    from aeo_check.files.sourcefile import DataFileError

    try:
        yield
    except DataFileError as exc:
        _problems_exit(exc.problems)


def _problems_exit(problems) -> None:
    from aeo_check.answers.messages import problem_text
    from aeo_check.runs.exitcodes import interface_lang

    lang = interface_lang()
    for p in problems:
        err.print(problem_text(p, lang), markup=False, soft_wrap=True)
    raise typer.Exit(2)


def catalogue() -> Catalogue:
    from aeo_check.catalogue.cache import get_catalogue
    from aeo_check.cli.collection import resume
    from aeo_check.files.sourcefile import DataFileError

    try:
        return get_catalogue()
    except DataFileError as exc:
        err.print(en_zh("cli.catalogue_broken") + ":", markup=False)
        _problems_exit(exc.problems)
        raise  # unreachable
    finally:
        resume()  # the program is loaded: collect garbage again while the command works


def _lang(lang: Lang | None, fallback: str | None = None) -> str:
    if lang is not None:
        return lang.value
    if fallback:
        return fallback
    from aeo_check.runs.exitcodes import interface_lang

    return interface_lang()


def _load(path: Path, cat: Catalogue):
    from aeo_check.answers.read import load_answers

    return load_answers(path, cat, str(path))


def _io_error(exc: OSError, path: Path) -> None:
    from aeo_check.files.safetext import inert

    err.print(f"{inert(path)}: {exc.strerror or exc} / {t('cli.cannot_write', 'zh')}", markup=False, soft_wrap=True)
    raise typer.Exit(3)
