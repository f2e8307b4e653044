"""Interface words live in one place (aeo_check/words/lexicon.py), in Chinese and English.

- no Chinese character or Chinese punctuation in a string literal of aeo_check/ outside words/lexicon.py,
  but for a short list of files that read what people type (input syntax, not interface words);
- every entry of WORDS has both languages, the same {placeholders} in both, no Chinese in the English;
- the report's templates find every word they name;
- English catalogue texts (questionnaires/) have no Chinese either.
"""

from __future__ import annotations

import ast
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from aeo_check.words.lexicon import LANGUAGE_NAMES, WORDS

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "aeo_check"
#: Chinese characters, kana, and the CJK and full-width punctuation (，。：；（）、“” and the like)
CJK = re.compile(r"[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f"
                 r"\uff00-\uffef\u201c\u201d]")

#: file -> (why it may hold Chinese, the only Chinese characters it may hold)
ALLOWED: dict[str, tuple[str, str]] = {
    "answers/amounts.py": ("amounts as people type them: 万/亿/元 units, 人民币 and ￥, full-width separators",
                   "千万元百亿人民币，\u3000￥"),
    "answers/model.py": ("months, 'never' and amounts as people type them: 2026年5月, 从未, 没有, 2800万, 3亿",
                         "年月从未发生无没有万亿元人民币￥"),
    "catalogue/lookup.py": ("item numbers as people quote them: 高级 48, 认证 30, 第（48）项", "高级认证企业标准第项（）"),
    "interactive/asker.py": ('"never" as people type it in Chinese (从未, 没有), the full-width percent sign',
                             "从未发生无没有％"),
    "answers/workbook.py": ("cells as people fill them in: 英文 for the language, dates written 2025年3月15日", "英文年月日"),
    "views/pdf/board.py": ("Chinese punctuation recognised in text when sentences are joined", "。；！？，、：）”"),
    "cli/words.py": ("the closing marks Chinese typesetting keeps off the start of a help line", "。，、；：！？）」』》〉”’"),
    "views/pdf/doctor.py": ("a sample of Chinese text rendered to check that a Chinese font is installed", "高级认证企业"),
    "binder/dates.py": ("dates as people write them in file names: 2025年3月15日", "年月日"),
}


def cjk_literals(source: str) -> list[tuple[int, str]]:
    """(line, text) of every string literal holding Chinese, docstrings and comments left out."""
    tree = ast.parse(source)
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    return sorted((node.lineno, node.value) for node in ast.walk(tree)
                  if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
                  and CJK.search(node.value))


def test_the_scanner_finds_literals_and_skips_docstrings_and_comments():
    source = ('"""模块说明"""\n'
              'def f(lang):\n'
              '    """函数说明"""\n'
              '    # 注释\n'
              '    return "：" if lang == "zh" else ": "\n'
              'x = f"{1}个文件"\n')
    assert cjk_literals(source) == [(5, "："), (6, "个文件")]


def test_no_chinese_literal_outside_words_py():
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel == "words/lexicon.py":
            continue
        chars = set()
        for line, text in cjk_literals(path.read_text(encoding="utf-8")):
            chars |= set(CJK.findall(text))
            if rel not in ALLOWED:
                found.setdefault(rel, []).append(f"{line}: {text!r}")
        if rel in ALLOWED:
            allowed = set(ALLOWED[rel][1])
            assert chars, f"{rel} holds no Chinese any more: take it off the allow-list"
            assert chars <= allowed, f"{rel}: {''.join(sorted(chars - allowed))} is not input syntax"
    assert found == {}, "interface words belong in aeo_check/words/lexicon.py:\n" + "\n".join(
        f"{f}:{x}" for f, xs in found.items() for x in xs)


def test_every_allowed_file_exists():
    for rel in ALLOWED:
        assert (PACKAGE / rel).is_file(), rel


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("group", sorted(WORDS))
def test_every_word_has_both_languages_and_the_same_placeholders(group):
    assert WORDS[group], group
    for key, pair in WORDS[group].items():
        where = f"{group}.{key}"
        assert isinstance(pair, tuple) and len(pair) == 2, where
        zh, en = pair
        assert isinstance(zh, str) and zh.strip(), f"{where}: no Chinese"
        assert isinstance(en, str) and en.strip(), f"{where}: no English"
        assert _fields(zh) == _fields(en), f"{where}: {sorted(_fields(zh))} vs {sorted(_fields(en))}"
        assert not CJK.search(en), f"{where}: Chinese in the English text: {en!r}"
        sample = {name: 1 for name in _fields(en)}
        zh.format(**sample), en.format(**sample)  # noqa: B018 - a broken brace raises here


def test_a_word_with_chinese_in_its_english_would_be_caught():
    assert CJK.search("Enter an amount, e.g. 2800万") and CJK.search("a list（here）")
    assert _fields("{n}个文件中{invalid}个无效") != _fields("{invalid} file(s) invalid")


def test_language_names_are_their_own_names():
    assert LANGUAGE_NAMES == {"zh": "中文", "en": "English"}


def test_words_and_i18n_import_nothing_heavy():
    probe = ("import sys\nimport aeo_check.words.i18n, aeo_check.words.lexicon\n"
             "print(sorted(m for m in ('yaml', 'jinja2', 'weasyprint', 'questionary', 'pydantic', 'typer', 'rich')"
             " if m in sys.modules))")
    res = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "[]"


# --------------------------------------------------------------------------- the report's words

def test_the_report_words_come_from_words_py():
    assert not (ROOT / "report_templates" / "words.yaml").exists()
    from aeo_check.views.pdf.report import _words

    zh, en = _words(None, "zh"), _words(None, "en")
    assert zh["doc_title"] == "AEO认证改进计划" and en["doc_title"] == "AEO certification improvement plan"
    assert (zh["colon"], en["colon"]) == ("：", ": ") and (zh["sp"], en["sp"]) == ("", " ")
    used = set()
    for template in (ROOT / "report_templates").glob("*.html"):
        used |= set(re.findall(r"\bW\.(\w+)", template.read_text(encoding="utf-8")))
    used |= {f"ev_{state}" for state in ("held", "missing", "to_check", "na")}  # W['ev_' ~ e.state]
    assert used - set(zh) == set() and used - set(en) == set()
    assert len(used) > 100
    # the progress page reads its words as w.<name> (the progress group)
    progress = set(re.findall(r"\bw\.(\w+)", (ROOT / "report_templates" / "progress.html").read_text(encoding="utf-8")))
    assert progress and progress - set(WORDS["progress"]) == set()


def test_one_blocker_and_several_read_right_in_english():
    from aeo_check.views.pdf.report import _words

    en = _words(None, "en")
    assert en["sum_blocks"].format(tier="Certified Enterprise", items="3 items", f=2) == \
        "Reaching Certified Enterprise means closing 3 items; 2 of them are now at fail or unanswered."
    assert en["sum_blocks_1"].format(tier="Certified Enterprise", items="3 items", f=1) == \
        "Reaching Certified Enterprise means closing 3 items; 1 of them is now at fail or unanswered."


# --------------------------------------------------------------------------- catalogue texts

def _english_texts(node, path):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "en" and isinstance(value, str):
                yield path + ".en", value
            yield from _english_texts(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _english_texts(value, f"{path}[{i}]")


def test_no_english_catalogue_text_holds_chinese():
    texts = []
    for f in sorted((ROOT / "questionnaires").rglob("*.yaml")):
        texts += [(f"{f.relative_to(ROOT)}:{p}", v)
                  for p, v in _english_texts(yaml.safe_load(f.read_text(encoding="utf-8")), "")]
    assert len(texts) > 1000
    bad = [f"{where}: {text[:80]}" for where, text in texts if CJK.search(text)]
    assert bad == [], "\n".join(bad)


def test_the_seizure_questions_give_the_chinese_term_in_pinyin():
    from aeo_check.catalogue import get_catalogue

    q = get_catalogue().questions
    assert "'chahuo' (seizures)" in q["seized_declarations_12m"].help.en
    assert "'gaozhiliang chahuo' (high-quality seizures)" in q["hq_seized_declarations_12m"].help.en
    assert "查获" in q["seized_declarations_12m"].text.zh
