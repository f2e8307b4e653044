"""The command line's own words in the interface language: help, usage line, errors.

The language is chosen once per process: ``--lang`` on the command line, else the locale
(gettext's order, :func:`aeo_check.words.i18n.default_lang`). The commands take their help and
metavars in that language from the ``help`` and ``metavar`` groups of :mod:`aeo_check.words.lexicon`
(see ``aeo_check.cli.app``); under Chinese, :func:`run_app` also replaces the command-line library's
fixed English ("Usage:", "Options", "Show this message and exit.", "Missing argument …"). Only
typer, already loaded, is touched here.
"""

from __future__ import annotations

import functools
import re
import sys
from typing import Any

import typer.core
from typer import _click

from aeo_check.words.i18n import t, ui_lang

LANG = ui_lang()


def w(key: str, **kw: Any) -> str:
    return t(f"typer.{key}", LANG, **kw)


# typer formats a few words through gettext; under Chinese they come from aeo_check.words.lexicon
_GETTEXT = {"Options": "options", "Arguments": "arguments", "Commands": "commands", "required": "required",
            "Aborted!": "aborted", "Missing command.": "missing_command"}


def _translate(msg: str) -> str:
    if msg.startswith("default: "):
        return msg.replace("default: ", w("default", default=""), 1)
    key = _GETTEXT.get(msg)
    return w(key) if key else msg


def _worded(cls: type) -> type:
    """A subclass of a command class whose usage line and help option are in the interface language."""

    def format_usage(self: Any, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=w("usage"))

    def get_help_option(self: Any, ctx: Any) -> Any:
        opt = cls.get_help_option(self, ctx)
        if opt is not None:
            opt.help = w("show_help")
        return opt

    return type(cls.__name__, (cls,), {"format_usage": format_usage, "get_help_option": get_help_option})


_CLASSES: dict[type, type] = {}


def localise(cmd: Any) -> None:
    """Give a command tree its words in the interface language: placeholders in words (both
    languages), and under Chinese the library's own English too."""
    for param in getattr(cmd, "params", ()):
        placeholders(param)
    if LANG != "zh":
        for sub in getattr(cmd, "commands", {}).values():
            localise(sub)
        return
    cls = type(cmd)
    if cls not in _CLASSES:
        _CLASSES[cls] = _worded(cls)
    cmd.__class__ = _CLASSES[cls]
    if cmd.help and not cmd.short_help:  # the first sentence (the library cuts Chinese at a space)
        stop, colon = t("punct.full_stop", "zh"), t("punct.colon", "zh")
        cmd.short_help = cmd.help.split(stop)[0].split(colon)[0] + (stop if stop in cmd.help else "")
    for param in getattr(cmd, "params", ()):  # the completion options typer adds, with its English help
        if param.name in ("install_completion", "show_completion"):
            param.help = t(f"help.aeo-check --{param.name.replace('_', '-')}", "zh")
    if getattr(cmd, "options_metavar", None):
        cmd.options_metavar = w("options_metavar")
    if hasattr(cmd, "subcommand_metavar"):
        cmd.subcommand_metavar = w("command_metavar")
    for sub in getattr(cmd, "commands", {}).values():
        localise(sub)


def _word(param: Any) -> str | None:
    """What a value of ``param`` is, in words (``文件…``, ``INTEGER``), where the library would
    show its Python type (``<list[Path]>``, ``<int range>``); a choice lists its values."""
    desc = getattr(param, "type_descriptor", None)
    if desc is None or getattr(param, "is_flag", False) or getattr(param, "count", False):
        return None
    if desc.is_choice:
        word = "|".join(str(getattr(c, "value", c)) for c in desc.choices)
    else:
        from typing import get_args

        one = get_args(desc.annotation)[0] if desc.is_list else desc.annotation
        kind = ("dir" if desc.path_type == "dir" else "file") if desc.is_path else _KINDS.get(one, "text")
        word = t(f"metavar.{kind}", LANG)
    return word + (t("metavar.more", LANG) if desc.is_list else "")


_KINDS = {int: "integer", float: "number", str: "text"}


def _range(param: Any) -> str | None:
    lo, hi = getattr(param, "min", None), getattr(param, "max", None)
    if lo is None and hi is None:
        return None
    key = "between" if lo is not None and hi is not None else "at_least" if lo is not None else "at_most"
    return w(key, lo=lo, hi=hi)


def placeholders(param: Any) -> None:
    """An option's placeholder and an argument's type column in words (:func:`_word`), and a
    number's range too (``至少1``, ``at least 1`` for ``x>=1``)."""
    word = _word(param)
    if word is None:
        return
    if param.param_type_name == "argument":  # its metavar (lexicon) already says what it is
        param.display_type_rich = lambda ctx: None if param.metavar else word
    elif param.metavar is None:
        param.metavar = word
    param._get_number_range_help_str = lambda: _range(param)


def only_command(app: Any, argv: list[str]) -> Any:
    """``app`` with just the command ``argv`` runs, when it names one.

    typer turns every command into its command-line form before running any (15 ms for this
    CLI, a tenth of a one-file ``score``); the others are not needed to run one command or show
    its help. The first word that is neither one of the group's options nor the value of its
    ``--lang`` is the command. No command named (``aeo-check --help``) or an unknown one: the
    whole app, so help lists them all and a typo gets the library's "No such command".
    """
    import copy

    from typer.main import get_command_name

    name = None
    words = iter(argv)
    for a in words:
        if a == "--lang":
            next(words, None)  # its value
        elif not a.startswith("-"):
            name = a
            break
    if name is None:
        return app
    for info in app.registered_commands:
        if (info.name or get_command_name(info.callback.__name__)) == name:
            lean = copy.copy(app)
            lean.registered_commands, lean.registered_groups = [info], []
            return lean
    for group in app.registered_groups:
        if (group.name or "") == name:
            lean = copy.copy(app)
            lean.registered_commands, lean.registered_groups = [], [group]
            return lean
    return app


def _cells(text: str) -> int:
    """Columns ``text`` takes on a terminal (a Chinese character takes two)."""
    from rich.cells import cell_len

    return cell_len(_click._compat.strip_ansi(text))


@functools.lru_cache(maxsize=1)
def _plain_console() -> Any:
    """One console for wrapping help (the formatter wraps every paragraph and option help apart)."""
    from rich.console import Console

    return Console(color_system=None, legacy_windows=False)


def _wrap_cells(text: str, width: int = 78, initial_indent: str = "", subsequent_indent: str = "",
                preserve_paragraphs: bool = False) -> str:
    """The help formatter's ``wrap_text``, measuring in terminal columns (the library counts a
    Chinese character as one and breaks lines only at spaces, so Chinese help ran past the edge and
    split words such as ``jsonl``): rich's wrapping, which knows both. A paragraph that starts with
    ``\b`` keeps its lines, as in the library."""
    from rich.text import Text

    console = _plain_console()
    room = max(width - max(_cells(initial_indent), _cells(subsequent_indent)), 10)
    paragraphs = re.split(r"\n\s*\n", text.expandtabs()) if preserve_paragraphs else [text.expandtabs()]
    out: list[str] = []
    first = True
    for par in paragraphs:
        if par.startswith("\b"):
            lines = par.splitlines()[1:]
        else:
            words = " ".join(par.split())
            lines = _no_leading_stop([line.plain.rstrip() for line in Text(words).wrap(console, room, overflow="fold")],
                                     room)
        block = []
        for line in lines:
            block.append((initial_indent if first else subsequent_indent) + line)
            first = False
        out.append("\n".join(block))
    return "\n\n".join(out)


#: marks that Chinese typesetting never puts at the start of a line (typesetting, not words:
#: allow-listed in tests/words/test_lexicon.py)
_CLOSING = frozenset("。，、；：！？）」』》〉”’")


def _no_leading_stop(lines: list[str], room: int) -> list[str]:
    """No line starts with a closing mark: the marks hang at the end of the line before (inside
    the help's two-column right margin), or, when that line is full, its last character comes down
    with them."""
    for i in range(1, len(lines)):
        cur, prev = lines[i], lines[i - 1]
        k = 0
        while k < len(cur) and cur[k] in _CLOSING:
            k += 1
        if not k or not prev:
            continue
        if _cells(prev) + _cells(cur[:k]) <= room + 2:
            lines[i - 1], lines[i] = prev + cur[:k], cur[k:].lstrip()
        else:
            lines[i - 1], lines[i] = prev[:-1].rstrip(), prev[-1] + cur
    return [line for line in lines if line]


def run_app(app: Any) -> int:
    """Run the typer app; usage errors worded in the interface language. Returns the exit code."""
    from typer.main import get_command

    if LANG == "zh":
        typer.core._ = _translate  # type: ignore[attr-defined]
        from typer._click import (
            formatting,  # help and usage lines measured in terminal columns
        )

        formatting.wrap_text = _wrap_cells  # type: ignore[assignment]
        formatting.term_len = _cells  # type: ignore[assignment]
    cmd = get_command(only_command(app, sys.argv[1:]))
    localise(cmd)
    try:
        rv = cmd.main(prog_name="aeo-check", standalone_mode=False)
    except _click.exceptions.ClickException as exc:
        show_error(exc)
        return exc.exit_code
    except typer.Abort:
        print(w("aborted"), file=sys.stderr)
        return 1
    return rv if isinstance(rv, int) else 0


_NOT_ONE_OF = re.compile(r"^(?:Value error, )?(.+) is not one of (.+)\.$")


def _hint(e: Any) -> str:
    hint = e.param_hint if e.param_hint is not None else (e.param.get_error_hint() if e.param else "")
    return " / ".join(hint) if isinstance(hint, (list, tuple)) else str(hint)


def message(e: Exception) -> str:
    """The error's message in the interface language."""
    ex = _click.exceptions
    if LANG != "zh":
        return e.format_message()  # type: ignore[attr-defined]
    if isinstance(e, ex.NoSuchOption):
        text = w("no_such_option", name=e.option_name)
        if e.possibilities:
            text += w("possible", names=", ".join(sorted(e.possibilities)))
        return text
    if isinstance(e, ex.MissingParameter):
        kind = e.param_type or (e.param.param_type_name if e.param else "argument")
        return w("missing_option" if kind == "option" else "missing_argument", name=_hint(e))
    if isinstance(e, ex.BadParameter):
        m = _NOT_ONE_OF.match(e.message)
        detail = w("not_one_of", value=m.group(1), choices=m.group(2)) if m else e.message
        return w("invalid_value", name=_hint(e), message=detail)
    msg = e.format_message()  # type: ignore[attr-defined]
    m = re.match(r"^Option '(.+)' requires an argument\.$", msg)
    if m:
        return w("needs_value", name=m.group(1))
    m = re.match(r"^Got unexpected extra argument(?:s|\(s\))? \((.*)\)$", msg)
    if m:
        return w("extra_args", args=m.group(1))
    m = re.match(r"^No such command '(.+?)'\.?(?: Did you mean (.+)\?)?$", msg)
    if m:
        text = w("no_such_command", name=repr(m.group(1)))
        return text + (w("possible", names=m.group(2)) if m.group(2) else "")
    if msg.startswith("Missing command"):
        return w("missing_command")
    return msg


def show_error(e: Exception) -> None:
    """Print a usage error as the command-line library would, in the interface language."""
    ex = _click.exceptions
    if isinstance(e, ex.NoArgsIsHelpError) or LANG != "zh":
        e.show()  # type: ignore[attr-defined]
        return
    out = sys.stderr
    ctx = getattr(e, "ctx", None)
    if isinstance(e, ex.UsageError) and ctx is not None:
        lines = [ctx.get_usage()]
        if ctx.command.get_help_option(ctx) is not None:
            lines.append(w("try_help", command=ctx.command_path, option=ctx.help_option_names[0]))
        print("\n".join(lines) + "\n", file=out)
    print(w("error", message=message(e)), file=out)
