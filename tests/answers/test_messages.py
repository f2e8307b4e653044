"""Answer-file problems in the interface language.

``validate`` (text) and ``score`` (table) print each problem with file:line and field, its message
in Chinese under ``--lang zh`` or a Chinese locale and in English otherwise; the formats made for
CI (``validate --format github``, ``score --format json``) stay English. Every message the checker
can produce has its Chinese wording (aeo_check.answers.messages).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from aeo_check.answers.messages import localise
from aeo_check.catalogue import get_catalogue
from aeo_check.files.sourcefile import DataFileError, Problem

ROOT = Path(__file__).resolve().parents[2]
EXE = str(Path(sys.executable).parent / "aeo-check")
EXAMPLE = (ROOT / "examples" / "certified-trading.yaml").read_text(encoding="utf-8")
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _edit(text: str, *pairs: tuple[str, str]) -> str:
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("problems")
    broken = folder / "broken.yaml"
    broken.write_text(_edit(
        EXAMPLE,
        ('uscc: "91330206MA2H4RT5XN"', 'uscc: "91330206MA2H4RT5XA"'),  # check digit
        ("  exports: true\n", "  exports: true\n  exportz: true\n"),  # unknown question id
        ('audit_opinion: "unqualified"', 'audit_opinion: "clean"'),  # not one of the choices
        ("total_assets_prior: 66000000", "total_assets_prior: -5"),  # out of range
        ("seized_declarations_12m: 0", "seized_declarations_12m: 70"),  # more seized than inspected (58)
    ), encoding="utf-8")
    twice = folder / "twice.yaml"
    twice.write_text(_edit(EXAMPLE, ("  exports: true\n", "  exports: true\n  exports: false\n")), encoding="utf-8")
    return broken, twice


def _line(path: Path, start: str) -> int:
    return next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text.startswith(start))


def expected(broken: Path, twice: Path, lang: str) -> list[str]:
    at = {k: f"{broken}:{_line(broken, s)}" for k, s in (
        ("uscc", "  uscc:"), ("exportz", "  exportz:"), ("audit", "  audit_opinion:"),
        ("assets", "  total_assets_prior:"), ("seized", "  seized_declarations_12m:"))}
    dup = f"{twice}:{_line(twice, '  exports: false')}"
    first = _line(twice, "  exports: true")
    choices = "unqualified, qualified, adverse, disclaimer, none"
    shown = "inspected_declarations_12m = 58, seized_declarations_12m = 70"
    if lang == "zh":
        return [
            f"{at['uscc']}: enterprise.uscc: 校验位为 'A'，应为 'N'",
            f"{at['exportz']}: answers.exportz: 未知的问题编号（是否为 'exports'？）",
            f"{at['audit']}: answers.audit_opinion: 'clean' 不是允许的值：应为以下之一：{choices}",
            f"{at['assets']}: answers.total_assets_prior: -5 超出范围：应为数字 >= 0，<= 100000000000000",
            f"{at['seized']}: answers.seized_declarations_12m: 被查获的报关单票数不能超过被海关检查的报关单票数。（{shown}）",
            f"{dup}: answers.exports: 重复的键：第{first}行已出现，第{first + 1}行再次出现",
        ]
    return [
        f"{at['uscc']}: enterprise.uscc: check digit is 'A', expected 'N'",
        f"{at['exportz']}: answers.exportz: unknown question id (did you mean 'exports'?)",
        f"{at['audit']}: answers.audit_opinion: 'clean' is not allowed: expected one of: {choices}",
        f"{at['assets']}: answers.total_assets_prior: -5 is out of range: expected a number >= 0, <= 100000000000000",
        f"{at['seized']}: answers.seized_declarations_12m: More declarations were seized than customs checked. ({shown})",
        f"{dup}: answers.exports: duplicate key: first at line {first}, again at line {first + 1}",
    ]


def run(*args: str, lang_env: str = "C.UTF-8") -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "COLUMNS": "200", "LANG": lang_env}
    return subprocess.run([EXE, *args], capture_output=True, text=True, stdin=subprocess.DEVNULL, env=env)


@pytest.mark.parametrize(("args", "lang_env", "lang"), [
    (["--lang", "zh"], "C.UTF-8", "zh"),
    (["--lang", "en"], "zh_CN.UTF-8", "en"),
    ([], "zh_CN.UTF-8", "zh"),
    ([], "C.UTF-8", "en"),
])
def test_validate_prints_each_problem_in_the_interface_language(files, args, lang_env, lang):
    broken, twice = files
    res = run(*args, "validate", str(broken), str(twice), lang_env=lang_env)
    assert res.returncode == 2 and res.stdout == ""
    assert res.stderr.splitlines() == expected(broken, twice, lang)


@pytest.mark.parametrize(("args", "lang_env", "lang"), [(["--lang", "zh"], "C.UTF-8", "zh"),
                                                        ([], "zh_CN.UTF-8", "zh"), (["--lang", "en"], "C.UTF-8", "en")])
def test_score_prints_each_problem_in_the_interface_language(files, args, lang_env, lang):
    broken, twice = files
    res = run(*args, "score", str(broken), str(twice), lang_env=lang_env)
    assert res.returncode == 2
    assert res.stderr.splitlines() == expected(broken, twice, lang)


def test_a_good_file_is_ok_in_either_language():
    good = str(ROOT / "examples" / "customs-broker.yaml")
    assert run("--lang", "zh", "validate", good).stdout == f"{good}：有效\n"
    assert run("--lang", "en", "validate", good).stdout == f"{good}: ok\n"


def test_ci_formats_stay_english_under_chinese(files):
    broken, twice = files
    github = run("--lang", "zh", "validate", "--format", "github", str(broken), lang_env="zh_CN.UTF-8")
    assert github.returncode == 2 and not CJK.search(github.stdout + github.stderr.replace(str(broken), ""))
    assert "check digit is 'A', expected 'N'" in github.stdout
    as_json = run("--lang", "zh", "score", "--format", "json", str(broken), str(twice), lang_env="zh_CN.UTF-8")
    assert as_json.returncode == 2 and not CJK.search(as_json.stdout)
    records = json.loads(as_json.stdout)  # every file appears, an invalid one with its problems
    assert [(r["file"], r["valid"]) for r in records] == [(str(broken), False), (str(twice), False)]
    assert [str(Problem(**q)) for r in records for q in r["problems"]] == expected(broken, twice, "en")
    assert as_json.stderr.splitlines() == expected(broken, twice, "en")
    junit = run("score", "--format", "junit", str(broken), lang_env="zh_CN.UTF-8")
    assert "check digit is" in junit.stdout and "校验位" not in junit.stdout


def test_other_commands_name_problems_in_the_interface_language(files):
    broken, _ = files
    for command in (["plan"], ["diff", str(ROOT / "examples" / "certified-trading.yaml")], ["template", "--from"]):
        res = run("--lang", "zh", *command, str(broken))
        assert res.returncode == 2 and "校验位为 'A'，应为 'N'" in res.stderr, command
    res = run("--lang", "zh", "portfolio", str(broken))
    assert "校验位为 'A'，应为 'N'" in res.stderr and "1 of 1 file(s) invalid / 1个文件中1个无效" in res.stderr


# --------------------------------------------------------------------------- every message the checker has


def _problems(cat, text: str) -> list[str]:
    from aeo_check.answers.model import parse_answers
    from aeo_check.files.sourcefile import parse_text

    try:
        parse_answers(parse_text(text, "f.yaml"), cat)
    except DataFileError as exc:
        return [p.message for p in exc.problems]
    raise AssertionError("no problem")


def _answer_file_messages(cat) -> list[str]:
    name = '  name: "Ningbo Harbour Light Trading Co., Ltd."'
    edits = [
        (name, "  name: 123"), (name, '  name: ""'), (name, '  name: "' + "x" * 300 + '"'), (name, '  name: "  "'),
        (name, '  name: "a\\u001b[31m"'),
        ("  type: importer_exporter", "  type: trader"), ("  type: importer_exporter\n", ""),
        ("  specific: []", "  specific: food"), ("  specific: []", "  specific: [food_cosmetics, food_cosmetics]"),
        ("  production: false", "  production: maybe"),
        ('  customs_code: "3302960TLC"', "  customs_code: 3302960123"),
        ('  customs_code: "3302960TLC"', "  customs_code: [1]"), ('  customs_code: "3302960TLC"', '  customs_code: "abc"'),
        ('  uscc: "91330206MA2H4RT5XN"', '  uscc: "9133"'), ('  uscc: "91330206MA2H4RT5XN"', '  uscc: "91330206MA2H4RT5XA"'),
        ('  uscc: "91330206MA2H4RT5XN"', "  uscc: 12"), ('  uscc: "91330206MA2H4RT5XN"', '  uscc: "91330206MA2H4RT5IN"'),
        ("assessed_on: 2026-11-20", "assessed_on: 2200-01-01"), ("assessed_on: 2026-11-20", "assessed_on: nope"),
        ("assessed_on: 2026-11-20", "assessed_on: 2026-03-31"),
        ("language: en", "language: fr"), ("standard: gacc-2026-34", "standard: gacc-2020"),
        ("enterprise:\n  name", "enterprise:\n  nickname: x\n  name"),
        ("enterprise:\n", "notes: {imports: 5, exportz: x}\nenterprise:\n"),
        ("assessed_on: 2026-11-20", "assessed_on: 2026-11-20\nextra: 1"),
        ("  declarations_prev_year: 2100", "  declarations_prev_year: 1,50"),
        ("  declarations_prev_year: 2100", "  declarations_prev_year: 2.5"),
        ("  declarations_prev_year: 2100", "  declarations_prev_year: abc"),
        ("  declarations_prev_year: 2100", "  declarations_prev_year: 1e30"),
        ("  declarations_prev_year: 2100", "  declarations_prev_year: 1.123456789"),
        ("  declarations_prev_year: 2100", "  declarations_prev_year: .inf"),
        ('  main_export_markets: ["eu", "thailand", "australia", "united_kingdom"]', '  main_export_markets: ["mars"]'),
        ('  main_export_markets: ["eu", "thailand", "australia", "united_kingdom"]', '  main_export_markets: "eu"'),
        ('  main_export_markets: ["eu", "thailand", "australia", "united_kingdom"]', '  main_export_markets: [eu, eu]'),
        ("  imports: true", "  imports: maybe"),
        ("  exports: true", "  exports: true\n  exportz: true"),
        ('audit_opinion: "unqualified"', "audit_opinion: 5"),
        ("seized_declarations_12m: 0", "seized_declarations_12m: 70"),
    ]
    out = []
    for old, new in edits:
        out += _problems(cat, _edit(EXAMPLE, (old, new)))
    broker_only = next(q.id for q in cat.questions.values() if "importer_exporter" not in q.applies_to)
    out += _problems(cat, _edit(EXAMPLE, ("  imports: true", f"  imports: true\n  {broker_only}: 3")))
    out += _problems(cat, _edit(EXAMPLE, ("  designated_on:", "  designated_on: 2027-01-05")))  # a date
    out += _problems(cat, _edit(EXAMPLE, ("  designated_on:", "  designated_on: 1800-01-05")))
    out += _problems(cat, _edit(EXAMPLE, ("  latest_penalty_on:", "  latest_penalty_on: 2027-01")))  # a last event
    text_q = next((q for q in cat.questions.values() if q.type == "text"), None)
    if text_q is not None:
        out += _problems(cat, _edit(EXAMPLE, ("  imports: true", f"  imports: true\n  {text_q.id}: [1]")))
    out += _problems(cat, "format: aeo-check/result/1\nstandard: gacc-2026-34\n")
    out += _problems(cat, "- 1\n- 2\n")
    many = "".join(f"  nope_{i}: 1\n" for i in range(120))
    out += _problems(cat, _edit(EXAMPLE, ("  imports: true\n", "  imports: true\n" + many)))
    return out


def _file_messages(tmp: Path) -> list[str]:
    from aeo_check.files.sourcefile import parse_text, read_file

    out = []
    for text in ("a: &x [1]\nb: *x\n", "a: {b: 1}\n<<: {c: 1}\n", "? [1, 2]\n: 3\n", "a: [1\n",
                 "a:\n" + "".join("  " * i + f"  k{i}:\n" for i in range(14)) + "  " * 15 + "  v: 1\n"):
        try:
            parse_text(text, "f.yaml")
        except DataFileError as exc:
            out += [p.message for p in exc.problems]
    big = tmp / "big.yaml"
    big.write_bytes(b"#" * (2 * 1024 * 1024 + 1))
    (tmp / "latin1.yaml").write_bytes("name: caf\xe9\n".encode("latin-1"))
    (tmp / "folder").mkdir()
    os.mkfifo(tmp / "pipe.yaml")
    outside = tmp / "outside"
    outside.mkdir()
    (outside / "x.yaml").write_text("a: 1\n", encoding="utf-8")
    (tmp / "inner").mkdir()
    (tmp / "inner" / "link.yaml").symlink_to(outside / "x.yaml")
    (tmp / "plan.pdf").write_bytes(b"%PDF-1.7\nnot really a PDF\n")
    for name in ("missing.yaml", "big.yaml", "latin1.yaml", "folder", "pipe.yaml", "inner/link.yaml", "plan.pdf"):
        try:
            read_file(tmp / name)
        except DataFileError as exc:
            out += [p.message for p in exc.problems]
    return out


def _workbook_messages(cat, tmp: Path) -> list[str]:
    import openpyxl

    from aeo_check.answers.read import load_answers
    from aeo_check.answers.workbook import workbook_bytes

    out = []
    garbage = tmp / "garbage.xlsx"
    garbage.write_bytes(b"not a zip")
    plain = tmp / "plain.xlsx"
    openpyxl.Workbook().save(plain)
    made = tmp / "made.xlsx"
    made.write_bytes(workbook_bytes(cat, "importer_exporter", [], "zh"))
    wb = openpyxl.load_workbook(made)
    es = wb.worksheets[0]
    row = next(r for r in range(1, 40) if str(es[f"A{r}"].value).startswith("enterprise.specific="))
    es[f"D{row}"] = "maybe"
    es[f"D{row + 1}"] = "=1+1"
    wb.remove(wb.worksheets[2])
    ws, r = next((ws, r) for ws in wb.worksheets[1:] for r in range(4, ws.max_row + 1)
                 if "=" in str(ws[f"A{r}"].value or ""))  # a choice of a multiple-choice question
    ws[f"D{r}"] = "perhaps"
    edited = tmp / "edited.xlsx"
    wb.save(edited)
    for path in (garbage, plain, edited):
        try:
            load_answers(path, cat)
        except DataFileError as exc:
            out += [p.message for p in exc.problems]
    return out


#: words of an English sentence (names, codes and values in a Chinese message are not)
ENGLISH = re.compile(r"\b(?:the|is|are|was|not|no|with|for|and|or|of|an?|to|it|this|that|expected|allowed|must|should|"
                     r"cannot|have|has|into|from|after|before|only|more|than|line|file|value|write|save|make|"
                     r"list|number|whole|date|text|missing|unknown|twice|characters?|digits?|deep|key|sheet|"
                     r"workbook|questionnaire|problems?|question|mapping|valid|input)\b")


def untranslated(messages: list[str], kept: str) -> list[str]:
    """Each message whose Chinese is missing: unchanged, without a Chinese character, or with
    English words left once the parts matching ``kept`` (quoted values, names) are set aside."""
    bad = []
    for m in messages:
        zh = localise(m, "zh")
        if zh == m or not CJK.search(zh) or ENGLISH.search(re.sub(kept, " ", zh)):
            bad.append(f"{m!r} -> {zh!r}")
    return bad


def test_every_checker_message_has_its_chinese(tmp_path):
    cat = get_catalogue()
    messages = list(dict.fromkeys(_answer_file_messages(cat) + _file_messages(tmp_path) + _workbook_messages(cat, tmp_path)))
    assert len(messages) >= 50
    # quoted values and commands stay as they are, and so does the YAML parser's own detail
    assert untranslated(messages, r"'[^']*'|\"[^\"]*\"|`[^`]*`|语法错误：.*") == []
    for kind in ("check digit is", "duplicate key", "is not allowed for", "holds a formula", "is missing: was it",
                 "not an aeo-check questionnaire", "aliases (*name)", "merge keys", "not UTF-8", "symbolic link",
                 "named pipe", "cannot read this PDF", "Input should be a valid string", "… and 20 more problems",
                 "is after assessed_on", "is not asked of a", "is too early", "came into force"):
        assert any(kind in m for m in messages), kind


# --------------------------------------------------------------------------- brand files (report --brand)

def _png(width: int, height: int) -> bytes:
    import struct
    import zlib

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr
            + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr)) + b"\0\0\0\0IEND\xaeB`\x82")


BRANDS = {
    "blank.yaml": 'name: ""\n', "long.yaml": "name: " + "x" * 130 + "\n", "colour.yaml": "name: Hua Xin\nprimary: red\n",
    "currency.yaml": "name: Hua Xin\ncurrency: yuan\n", "class.yaml": "name: Hua Xin\nclassification: secret\n",
    "negative.yaml": "name: Hua Xin\nday_rate: -1\n", "huge.yaml": "name: Hua Xin\nday_rate: 1e12\n",
    "inf.yaml": "name: Hua Xin\nday_rate: .inf\n", "owner.yaml": "name: Hua Xin\nday_rates: {nobody: 1}\n",
    "costs.yaml": "name: Hua Xin\nextra_costs:\n" + "  - {label: audit, amount: 1}\n" * 51,
    "extra.yaml": "name: Hua Xin\ncolour: red\n", "noname.yaml": 'primary: "#000000"\n', "list.yaml": "- 1\n",
    "label.yaml": 'name: Hua Xin\nextra_costs: [{label: "", amount: 0}]\n', "who.yaml": "name: Hua Xin\nconsultant: 5\n",
    "nologo.yaml": "name: Hua Xin\nlogo: none.png\n", "outside.yaml": "name: Hua Xin\nlogo: ../outside.png\n",
    "svg.yaml": "name: Hua Xin\nlogo: logo.svg\n", "bytes.yaml": "name: Hua Xin\nlogo: big.png\n",
    "claims.yaml": "name: Hua Xin\nlogo: claims.png\n", "pixels.yaml": "name: Hua Xin\nlogo: pixels.png\n",
    "fake.yaml": "name: Hua Xin\nlogo: fake.png\n",
}


def _brand_messages(tmp: Path) -> list[str]:
    from aeo_check.files.image import MAX_BYTES
    from aeo_check.views.pdf.report import load_brand

    folder = tmp / "brand"
    folder.mkdir()
    (tmp / "outside.png").write_bytes(_png(10, 10))
    (folder / "logo.svg").write_text("<svg/>", encoding="utf-8")
    (folder / "big.png").write_bytes(b"\x89PNG" + b"\0" * MAX_BYTES)
    (folder / "claims.png").write_bytes(_png(60_000, 60_000))
    (folder / "pixels.png").write_bytes(_png(5_000, 5_000))
    (folder / "fake.png").write_bytes(b"not an image")
    out = []
    for name, text in BRANDS.items():
        (folder / name).write_text(text, encoding="utf-8")
        with pytest.raises(DataFileError) as exc:
            load_brand(folder / name)
        out += [p.message for p in exc.value.problems]
    return out


def test_every_brand_file_message_has_its_chinese(tmp_path):
    messages = list(dict.fromkeys(_brand_messages(tmp_path)))
    assert len(messages) >= 18
    assert untranslated(messages, r"'[^']*'|\S+\.(?:png|svg)") == []  # quoted values and the logo's name stay


def test_report_names_a_brand_problem_in_the_interface_language(tmp_path):
    brand = tmp_path / "brand.yaml"
    brand.write_text("name: 华信关务咨询\nlogo: logo.svg\n", encoding="utf-8")
    (tmp_path / "logo.svg").write_text("<svg/>", encoding="utf-8")
    args = ["report", str(ROOT / "examples" / "certified-trading.yaml"), "--html", "--brand", str(brand),
            "-o", str(tmp_path / "plan.html")]
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    zh = subprocess.run([EXE, "--lang", "zh", *args], capture_output=True, text=True, env=env)
    en = subprocess.run([EXE, "--lang", "en", *args], capture_output=True, text=True, env=env)
    assert (zh.returncode, en.returncode) == (2, 2)
    logo = tmp_path / "logo.svg"
    assert zh.stderr == f"{brand}:2: logo: {logo} 不是 PNG 或 JPEG 图片（.png、.jpg）；SVG 及其他格式不会被绘制\n"
    assert en.stderr == (f"{brand}:2: logo: {logo} is not a PNG or JPEG image (.png, .jpg); "
                         "SVG and other formats are not drawn\n")


def _output_refusals(tmp_path: Path) -> list[str]:
    """What each way an output cannot be written says (in English, as files/outfile.py words it)."""
    from aeo_check.files.outfile import OutputError, resolve_output, write_file_atomic

    answers = tmp_path / "acme.yaml"
    answers.write_text(EXAMPLE, encoding="utf-8")
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    attempts = [
        lambda: resolve_output(""),
        lambda: resolve_output(tmp_path),
        lambda: resolve_output(tmp_path / "plain" / "x.pdf"),
        lambda: resolve_output(answers, inputs=[answers]),
        lambda: resolve_output(answers),
        lambda: resolve_output(tmp_path / "plain", existing=False),
        lambda: write_file_atomic("/proc/aeo-check/x.pdf", b""),
        lambda: write_file_atomic("/proc/x.pdf", b""),
    ]
    said = []
    for attempt in attempts:
        with pytest.raises(OutputError) as refused:
            attempt()
        said.append(refused.value.message)
    return said


def test_every_reason_an_output_is_refused_reads_in_chinese(tmp_path):
    said = _output_refusals(tmp_path)
    assert len(set(said)) == len(said)  # eight different reasons
    for message in said:
        zh = localise(message, "zh")
        assert CJK.search(zh) and not re.search(r"\b(cannot|refusing|folder|given)\b", zh), zh
    assert localise(said[-2], "zh").endswith("：文件或文件夹不存在")  # the system's reason too


def test_an_unwritable_output_is_named_in_the_interface_language(tmp_path):
    for lang, words in (("zh", "无法写入"), ("en", "cannot write")):
        res = subprocess.run([sys.executable, "-m", "aeo_check", "report", str(ROOT / "examples" / "certified-trading.yaml"),
                              "-o", "/proc/aeo-check/plan.pdf", "--lang", lang], capture_output=True, text=True,
                             stdin=subprocess.DEVNULL)
        assert res.returncode == 3
        assert res.stderr.splitlines() == [f"aeo-check: {words} /proc/aeo-check/plan.pdf"
                                           + ("：文件或文件夹不存在" if lang == "zh" else ": No such file or directory")]


def _result_messages(tmp: Path) -> list[str]:
    """What reading a forged or foreign result file says, one forgery per message."""
    from aeo_check.document.resultfile import read_one

    cat = get_catalogue()
    good = json.loads(subprocess.run([EXE, "score", str(ROOT / "examples" / "regular-food-importer.yaml"),
                                      "--format", "json"], capture_output=True, text=True,
                                     stdin=subprocess.DEVNULL).stdout)[0]
    gaps = good["standards"]["advanced"]["gaps"]

    def forged(change) -> dict:
        d = json.loads(json.dumps(good))
        change(d)
        return d

    def fact(kind: str, key: str, value) -> Callable:
        return lambda d: d["standards"]["advanced"]["gaps"][0]["why"].append(
            {**gaps[0]["why"][0], "kind": kind, "id": key, "state": "computed", "value": value})

    forgeries = [
        forged(lambda d: d["standards"]["advanced"]["gaps"][0].update(id="no-such-item")),
        forged(lambda d: d["standards"]["advanced"]["gaps"].append(gaps[0])),
        forged(fact("question", "no_such_question", 1)),
        forged(fact("profile", "production", {"a": 1})),
        forged(lambda d: d["answers"].update(no_such_question=1)),
        forged(lambda d: d["dont_know"].append("no_such_question")),
        forged(lambda d: d["derived"].update(no_such_value=1)),
        forged(lambda d: d.update(format="aeo-check/result/1")),
        forged(lambda d: d.update(standard="gacc-2014")),
        [good, good],
        [good, {"not": "a result"}],
    ]
    out = []
    for n, data in enumerate(forgeries):
        path = tmp / f"forged-{n}.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        with pytest.raises(DataFileError) as exc:
            read_one(cat, path)
        out += [p.message for p in exc.value.problems]
    return out


def test_every_result_file_message_has_its_chinese(tmp_path):
    messages = list(dict.fromkeys(_result_messages(tmp_path)))
    assert len(messages) >= 11
    assert untranslated(messages, r"'[^']*'|\"[^\"]*\"|`[^`]*`|aeo-check [a-z].*") == []  # quoted values, commands
