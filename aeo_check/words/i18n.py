"""Interface words in Simplified Chinese and English, and the interface language.

All of the tool's own words live in one place, :mod:`aeo_check.words.lexicon`, the report's headings
and phrases included (catalogue texts live in ``questionnaires/``). A key is ``group.name``; a
bare name is looked up in the ``general`` group.
"""

from __future__ import annotations

import locale
import os
import sys
from typing import Any

from aeo_check.words.lexicon import WORDS

LANGS = ("zh", "en")


def entry(key: str) -> tuple[str, str]:
    """(Chinese, English) of one word."""
    group, _, name = key.rpartition(".")
    return WORDS[group or "general"][name]


def t(key: str, lang: str, **kw: object) -> str:
    s = entry(key)[0 if lang == "zh" else 1]
    return s.format(**kw) if kw else s


def both(key: str, **kw: object) -> str:
    """Both languages on one line, Chinese first."""
    return f"{t(key, 'zh', **kw)} / {t(key, 'en', **kw)}"


def en_zh(key: str, **kw: object) -> str:
    """Both languages on one line, English first (the command line's own messages)."""
    return f"{t(key, 'en', **kw)} / {t(key, 'zh', **kw)}"


def join_list(parts: list[str], lang: str) -> str:
    """``a, b and c`` / ``a、b、c``: a list in a sentence, as each language writes it."""
    if len(parts) <= 1:
        return "".join(parts)
    return t("punct.list_sep", lang).join(parts[:-1]) + t("punct.list_last", lang) + parts[-1]


def group(name: str, lang: str) -> dict[str, str]:
    """Every word of one group in one language (for modules that format many of them)."""
    side = 0 if lang == "zh" else 1
    return {k: v[side] for k, v in WORDS[name].items()}


#: the general group as the old (zh, en) table, for code written against it
M: dict[str, tuple[str, str]] = WORDS["general"]


def lang_of(value: str | None) -> str | None:
    """zh or en for a locale-like value (zh_CN.UTF-8, en_US, C, zh:en …); None when empty."""
    if not value:
        return None
    first = value.split(":")[0].strip().lower()
    if not first:
        return None
    return "zh" if first.startswith("zh") else "en"


def default_lang(environ: Any = None) -> str:
    """The interface language from the environment, in gettext's order.

    The first of ``LANGUAGE`` (a priority list such as ``zh_CN:en``), ``LC_ALL``,
    ``LC_MESSAGES`` and ``LANG`` that is set decides: zh when it names Chinese, en otherwise
    (``C`` and ``POSIX`` included). With none set, the process locale decides.
    """
    env = os.environ if environ is None else environ
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        found = lang_of(env.get(var))
        if found:
            return found
    if environ is not None:
        return "en"
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:  # pragma: no cover
        loc = ""
    return "zh" if loc.lower().startswith("zh") else "en"


def ui_lang() -> str:
    """The interface language of this process: ``--lang`` anywhere on the command line, else the locale."""
    return argv_lang() or default_lang()


def argv_lang(argv: list[str] | None = None) -> str | None:
    """The value of ``--lang`` on the command line, if one was given."""
    args = sys.argv[1:] if argv is None else argv
    for i, a in enumerate(args):
        if a == "--":
            break
        if a == "--lang" and i + 1 < len(args) and args[i + 1] in LANGS:
            return args[i + 1]
        if a.startswith("--lang=") and a[7:] in LANGS:
            return a[7:]
    return None
