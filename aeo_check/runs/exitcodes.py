"""Exit codes, and the guard that turns every failure into one of them.

====  =================================================================
0     ok
1     a file's likely tier is below ``--fail-below``
2     invalid input or usage (a bad answer file, an option, a refused output path)
3     an I/O or internal error: one line on stderr; the traceback only with ``--debug``
130   interrupted (Ctrl-C, SIGINT)
143   terminated (SIGTERM)
====  =================================================================

A batch processes every file and exits with the worst code of all (3 > 2 > 1 > 0). A broken
pipe (``aeo-check score … | head -1``) is not an error: output stops, exit 0.

:class:`GuardedGroup` is the command group of the CLI; whatever a command raises that is not
one of typer's own exits ends here, so a pipeline never sees a traceback with exit 1 (the
``--fail-below`` code).
"""

from __future__ import annotations

import os
import sys
import traceback
from typing import Any

import typer
from typer._click.exceptions import ClickException  # typer vendors click (pinned <0.30)
from typer.core import TyperGroup

from aeo_check.files.safetext import inert

OK, BELOW, INVALID, FAILED, INTERRUPTED, TERMINATED = 0, 1, 2, 3, 130, 143


class Terminated(BaseException):
    """SIGTERM arrived (raised by the handler :mod:`aeo_check.cli.launch` sets): the run stops as
    after Ctrl-C, its workers are ended and its partial files removed, and it exits 143."""


def worst(*codes: int) -> int:
    """The code a batch exits with: the highest of those its files produced."""
    return max(codes, default=OK)


def say(message: str) -> None:
    """One line on stderr, control characters made inert."""
    try:
        sys.stderr.write(inert(message) + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):  # stderr is gone too: nothing more to say
        pass


def silence_stdout() -> None:
    """After a broken pipe: send what is still buffered for stdout nowhere, so the
    interpreter's last flush does not fail again (and does not print "Exception ignored")."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a real file (in-process tests)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def pipe_console(**options: Any) -> Any:
    """A rich console for stdout whose broken pipe is not an error: rich itself would exit 1
    (the ``--fail-below`` code); this one lets :class:`GuardedGroup` end the command with 0.
    (rich is imported here, on first use, not when the CLI starts.)"""
    from rich.console import Console

    class PipeConsole(Console):
        def on_broken_pipe(self) -> None:
            self.quiet = True
            silence_stdout()
            raise BrokenPipeError

    return PipeConsole(**options)


def interface_lang(ctx: Any = None) -> str:
    """The language a person is addressed in: ``--lang`` given to the program (or, failing that,
    to the command), else the locale (:func:`aeo_check.words.i18n.ui_lang`)."""
    from aeo_check.words.i18n import ui_lang

    if ctx is None:
        from typer._click.globals import get_current_context

        ctx = get_current_context(silent=True)
    found = None
    while ctx is not None:  # the program's own --lang, at the root, wins
        value = ctx.params.get("lang")
        if value is not None:
            found = getattr(value, "value", value)
        ctx = ctx.parent
    return found if found in ("zh", "en") else ui_lang()


def debug_enabled(ctx: Any = None) -> bool:
    """Whether ``--debug`` was given (to the command being run, when ``ctx`` is None)."""
    if ctx is None:
        from typer._click.globals import get_current_context

        ctx = get_current_context(silent=True)
    while ctx is not None:
        if ctx.params.get("debug"):
            return True
        ctx = ctx.parent
    return bool(os.environ.get("AEO_CHECK_DEBUG"))


class GuardedGroup(TyperGroup):
    """The CLI's group: maps every exception a command lets out to an exit code."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, ClickException):
            raise
        except Terminated:
            say("aeo-check: terminated")
            raise typer.Exit(TERMINATED) from None
        except (KeyboardInterrupt, EOFError):
            from aeo_check.words.i18n import en_zh

            say(en_zh("cli.interrupted"))
            raise typer.Exit(INTERRUPTED) from None
        except BrokenPipeError:
            silence_stdout()
            raise typer.Exit(OK) from None
        except BaseException as exc:  # noqa: BLE001 - the whole point
            if isinstance(exc, (SystemExit, GeneratorExit)):
                raise
            if debug_enabled(ctx):
                traceback.print_exc()
            raise typer.Exit(report(exc)) from None


def report(exc: BaseException) -> int:
    """Say what went wrong in one line, in the interface language; return the exit code."""
    from aeo_check.files.outfile import OutputError
    from aeo_check.files.sourcefile import DataFileError
    from aeo_check.words.i18n import t

    lang = interface_lang()
    if isinstance(exc, OutputError):
        from aeo_check.answers.messages import localise

        say(f"aeo-check: {localise(exc.message, lang)}")
        return exc.code
    if isinstance(exc, DataFileError):
        from aeo_check.answers.messages import problem_text

        for p in exc.problems:
            say(problem_text(p, lang))
        return INVALID
    if isinstance(exc, MemoryError):
        say(f"aeo-check: {t('cli.out_of_memory', lang)}")
        return FAILED
    if isinstance(exc, OSError):
        from aeo_check.answers.messages import os_reason

        where = f" ({inert(exc.filename)})" if exc.filename else ""
        why = os_reason(exc.strerror, lang) if exc.strerror else inert(exc)
        say(f"aeo-check: {t('cli.io_error', lang, where=where, why=why)}")
        return FAILED
    say(f"aeo-check: {t('cli.internal_error', lang, error=f'{type(exc).__name__}: {inert(exc, 200)}')}")
    return FAILED
