"""--help in both languages, every text from the help group of aeo_check/words/lexicon.py.

The command tree is walked as click sees it (``typer.main.get_command``): every command, option and
argument must have its entry, keyed by the command's path (the program itself is ``aeo-check``)
and the option's long name or the argument's name. ``aeo-check --lang zh <command> --help`` then
prints no English sentence (names of options, commands, choices, formats and products aside), and
``--lang en`` no Chinese.
"""

from __future__ import annotations

import enum
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from aeo_check.cli import main as cli
from aeo_check.cli.app import UI
from aeo_check.words.i18n import t
from aeo_check.words.lexicon import WORDS

EXE = str(Path(sys.executable).parent / "aeo-check")
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
ROOT_KEY = "aeo-check"


def _tree() -> list[tuple[list[str], object]]:
    """(path, command) for the program and every command under it."""
    out = []

    def walk(cmd, path):
        out.append((path, cmd))
        for name, sub in getattr(cmd, "commands", {}).items():
            walk(sub, path + [name])

    walk(typer.main.get_command(cli.app), [])
    return out


def _key(path: list[str]) -> str:
    return " ".join(path) or ROOT_KEY


def _param_key(path: list[str], param) -> str:
    name = max(param.opts, key=len) if param.param_type_name == "option" else param.name
    return f"{_key(path)} {name}"


TREE = _tree()
PATHS = [path for path, _ in TREE]


def test_the_tree_is_what_the_help_group_describes():
    assert len(TREE) == 20  # the program, its twelve commands, standards and its list and show, binder and its
    # init, check and pack
    keys = set()
    for path, cmd in TREE:
        keys.add(_key(path))
        keys |= {_param_key(path, p) for p in cmd.params}
    help_words = set(WORDS["help"])
    assert keys - help_words == set(), "no help words for: " + ", ".join(sorted(keys - help_words))
    assert help_words - keys == set(), "help words for nothing: " + ", ".join(sorted(help_words - keys))


@pytest.mark.parametrize("path", PATHS, ids=[_key(p) for p in PATHS])
def test_every_command_option_and_argument_has_help_in_both_languages(path):
    cmd = dict((_key(p), c) for p, c in TREE)[_key(path)]
    entries = [(_key(path), cmd)] + [(_param_key(path, p), p) for p in cmd.params]
    for key, thing in entries:
        zh, en = WORDS["help"][key]
        assert CJK.search(zh) and not CJK.search(en), key
        assert len(en.split()) >= 2 and en.endswith((".", ")")), key  # a sentence, not a stub
        assert thing.help == t(f"help.{key}", UI), key  # declared from the words, nowhere else


def _help(lang: str, path: list[str], **env: str) -> str:
    res = subprocess.run([EXE, "--lang", lang, *path, "--help"], capture_output=True, text=True,
                         stdin=subprocess.DEVNULL,
                         env={"PATH": "/usr/bin:/bin", "COLUMNS": "100", "LANG": "C.UTF-8", **env})
    assert res.returncode == 0, res.stderr
    return res.stdout


def _names() -> set[str]:
    """Latin words a Chinese help may show: commands, parameter names, choice values, sections."""
    from aeo_check.catalogue.models import SECTIONS

    names = {n for path in PATHS for n in path} | set(SECTIONS) | {"profile"}
    for _, cmd in TREE:
        names |= {p.name for p in cmd.params}
    modules = [m for name, m in sys.modules.items() if name.startswith("aeo_check.cli.")]  # every command group
    for value in (v for m in modules for v in vars(m).values()):
        if isinstance(value, type) and issubclass(value, enum.Enum):
            for member in value:
                names |= set(re.findall(r"[A-Za-z][A-Za-z0-9_]*", member.value))
    return names


#: formats, products and codes a Chinese help names as they are (PDF/A-3, Ctrl-C)
PRODUCTS = {"AEO", "aeo", "check", "JSON", "Schema", "YAML", "Excel", "PDF", "HTML", "GitHub", "Actions", "Ctrl", "C",
            "A"}


def english_left(text: str, names: set[str]) -> tuple[list[str], list[str]]:
    """(English sentences, English words) in a help text once names and codes are taken out."""
    text = re.sub(r"(--[\w-]+) [\w/.-]+(?:\|[\w/.-]+)+(?:\.\.\.)?", r"\1", text)  # an option's choices
    text = re.sub(r"-\n\s+", "-", text)  # an option name the wrapper split
    text = re.sub(r"(?<=[A-Za-z])\n\s+(?=[a-z])", "", text)  # a name the wrapper split inside Chinese text
    text = re.sub(r"(?<![\w-])--?[a-z][\w-]*", " ", text)  # options
    text = re.sub(r"\S+\.(?:yaml|json|xlsx|pdf|html)\b", " ", text)  # file names
    text = re.sub(r"\b[a-z]+(?:-[a-z0-9]+)+\b", " ", text)  # ids and codes: cmp-single-fine, aeo-check
    text = re.sub(r"[A-Za-z][A-Za-z0-9_]*", lambda m: "·" if m[0] in names | PRODUCTS else m[0], text)
    sentences = re.findall(r"[A-Za-z]{2,}(?:[ ,;:']+[A-Za-z]{2,}){2,}", text)
    return sentences, sorted(set(re.findall(r"[A-Za-z][A-Za-z0-9_]*", text)))


def test_the_english_finder_finds_english():
    names = _names()
    assert english_left("  --format table|json  Show this message and exit.", names)[0] == \
        ["Show this message and exit"]
    assert english_left("  显示本帮助并退出。默认 message，see cmp-single-fine", names)[1] == ["message", "see"]
    assert english_left("  --fail-\n   on-new-blockers 旧文件  答卷（YAML、JSON 或 xlsx）。", names) == ([], [])


@pytest.mark.parametrize("path", PATHS, ids=[_key(p) for p in PATHS])
def test_chinese_help_has_no_english_sentence(path):
    text = _help("zh", path)
    assert text.startswith("用法：aeo-check")
    sentences, words = english_left(text, _names())
    assert sentences == [] and words == [], (sentences, words)
    assert CJK.search(text)


@pytest.mark.parametrize("path", PATHS, ids=[_key(p) for p in PATHS])
def test_english_help_has_no_chinese(path):
    text = _help("en", path, LANG="zh_CN.UTF-8")  # --lang wins over the locale
    assert text.startswith("Usage: aeo-check")
    assert not CJK.search(text), CJK.findall(text)


def test_the_program_takes_lang_before_the_command():
    text = _help("zh", [])
    # wrapped in terminal columns now: compare without the line breaks
    assert "--lang" in text and "界面语言：zh或en（默认按系统语言环境）" in re.sub(r"\s+", "", text)
    english = _help("en", ["validate"])
    assert "Check answer files; print every problem with file, line (or sheet!cell) and" in english
    chinese = _help("zh", ["validate"])
    assert "检查答卷，逐条列出问题（文件、行号或工作表!单元格、字段）。" in re.sub(r"\s+", "", chinese)
    assert "文件..." in chinese and "FILE..." in english  # the argument's placeholder too


@pytest.mark.parametrize("path", [[]] + [p for p, _ in _tree() if p], ids=lambda p: " ".join(p) or "aeo-check")
def test_chinese_help_fits_80_columns_and_breaks_like_chinese(path):
    """Counted in terminal columns (a Chinese character takes two): no help line runs past 80
    columns except an option whose name and value list are longer by themselves; no line starts
    with a closing mark (。，、；：）…); English words in it are never split (jsonl, --fail-below)."""
    from rich.cells import cell_len

    out = _help("zh", path, COLUMNS="80")
    for line in out.splitlines():
        stripped = line.strip()
        assert cell_len(line) <= 80 or re.fullmatch(r"(-\w, )?--[\w-]+ [\w|/.]+", stripped), line
        assert not stripped or stripped[0] not in "。，、；：！？）」』》”’", line
    # the English words (option names, formats) are the same as in help never wrapped
    unwrapped = _help("zh", path, COLUMNS="1000")
    assert re.findall(r"[A-Za-z0-9][\w.-]*", out) == re.findall(r"[A-Za-z0-9][\w.-]*", unwrapped)


#: what the library shows where no placeholder is given: Python types and ranges
PYTHON_TYPES = re.compile(r"<(?:str|int|float|bool|path|file|dir|datetime|\w+ range)>|<[\w/.-]+(?:\|[\w/.-]+)+>"
                          r"|list\[|\[x|x[<>]=")


@pytest.mark.parametrize("lang, how", [("zh", {"LANG": "zh_CN.UTF-8"}), ("zh", ["--lang", "zh"]),
                                       ("en", {"LANG": "en_US.UTF-8"}), ("en", ["--lang", "en"])],
                         ids=["LANG=zh_CN", "--lang zh", "LANG=en_US", "--lang en"])
def test_help_shows_placeholders_in_words_never_python_types(lang, how):
    env = {"PATH": "/usr/bin:/bin", "COLUMNS": "100", "LANG": "C.UTF-8", **(how if isinstance(how, dict) else {})}
    before = how if isinstance(how, list) else []
    for path in PATHS:
        res = subprocess.run([EXE, *before, *path, "--help"], capture_output=True, text=True,
                             stdin=subprocess.DEVNULL, env=env)
        assert res.returncode == 0 and res.stdout.startswith("用法：" if lang == "zh" else "Usage:"), path
        assert PYTHON_TYPES.findall(res.stdout) == [], (path, PYTHON_TYPES.findall(res.stdout))
        if path == ["score"]:
            words = ["文件...", "-j, --jobs 整数", "至少1", "--binder 文件夹"] if lang == "zh" else \
                ["FILE...", "-j, --jobs INTEGER", "at least 1", "--binder DIR"]
            assert all(w in res.stdout for w in words), res.stdout
        if path == ["template"]:
            assert ("-o, --output 文件" if lang == "zh" else "-o, --output FILE") in res.stdout
