"""Control and format characters are refused wherever they come from: written in the text, or
made by an escape that only the full YAML path decodes; a file is UTF-8, with or without a
byte order mark."""

from __future__ import annotations

import pytest

from aeo_check.files.sourcefile import REFUSED, DataFileError, parse_text, read_file, refused_characters


def test_every_refused_character_is_one_python_does_not_print():
    # refused_characters skips the pattern for text Python calls printable: that is only safe
    # while no refused character is printable
    assert [hex(c) for c in range(0x110000) if REFUSED.match(chr(c)) and chr(c).isprintable()] == []


def test_text_with_tabs_line_breaks_and_wide_spaces_is_not_refused():
    assert refused_characters("a:\t1\r\nb: 上海\u3000禾鲜\u00a0食品\n", "a.yaml") == []


@pytest.mark.parametrize("char", ["\u202e", "\x1b", "\u2028", "\x85", "\u200f"])
def test_a_refused_character_is_named_with_its_line(char):
    problems = refused_characters(f"a: 1\nb: 2\nname: x{char}y\n", "a.yaml")
    assert [(p.file, p.line) for p in problems] == [("a.yaml", 3)]
    assert f"U+{ord(char):04X}" in problems[0].message


@pytest.mark.parametrize("escape", ["\\u202e", "\\e", "\\x85"])
def test_an_escape_that_makes_a_control_character_is_refused_with_its_line(escape):
    with pytest.raises(DataFileError) as exc:
        parse_text(f'format: aeo-check/answers/1\nenterprise:\n  name: "Acme{escape}"\n', "a.yaml")
    assert [(p.line, p.field) for p in exc.value.problems] == [(3, "enterprise.name")]


def test_plain_text_of_the_common_shape_reads_without_a_problem():
    doc = parse_text('format: aeo-check/answers/1\nenterprise:\n  name: "上海禾鲜食品"\n', "a.yaml")
    assert doc.data == {"format": "aeo-check/answers/1", "enterprise": {"name": "上海禾鲜食品"}}


TEXT = 'format: aeo-check/answers/1\nenterprise:\n  name: "上海禾鲜食品"\n'


def test_a_byte_order_mark_is_dropped_and_the_file_reads_as_without_it(tmp_path):
    plain, marked = tmp_path / "plain.yaml", tmp_path / "marked.yaml"
    plain.write_bytes(TEXT.encode())
    marked.write_bytes(b"\xef\xbb\xbf" + TEXT.encode())
    assert read_file(marked).data == read_file(plain).data == {
        "format": "aeo-check/answers/1", "enterprise": {"name": "上海禾鲜食品"}}


@pytest.mark.parametrize("mark", [b"", b"\xef\xbb\xbf"], ids=["no mark", "byte order mark"])
def test_bytes_that_are_not_utf8_are_named_with_their_line(tmp_path, mark):
    f = tmp_path / "gbk.yaml"
    f.write_bytes(mark + b"format: aeo-check/answers/1\nenterprise:\n  name: " + "上海".encode("gbk") + b"\n")
    with pytest.raises(DataFileError) as exc:
        read_file(f)
    assert [(p.file, p.line, p.message) for p in exc.value.problems] == [(str(f), 3, "not UTF-8 text")]
