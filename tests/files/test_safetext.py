"""One sanitiser per output surface: terminal, GitHub annotations, CSV and the xlsx export."""

from __future__ import annotations

import io

from openpyxl import Workbook, load_workbook

from aeo_check.files.safetext import annotation, inert, put_text, spreadsheet

HOSTILE = "Acme\x1b]0;owned\x07\u202eoC\r\n::error::forged, 100%"


def test_terminal_text_shows_control_bidi_and_separator_characters_as_escapes():
    assert inert(HOSTILE) == r"Acme\x1b]0;owned\x07\u202eoC\x0d\x0a::error::forged, 100%"
    assert inert("上海[bold]禾鲜[/]") == "上海[bold]禾鲜[/]"  # markup is left to rich's Text, not rewritten


def test_an_annotation_message_stays_one_command_on_one_line():
    out = annotation(HOSTILE)
    assert "\n" not in out and "\r" not in out and "\x1b" not in out and "\u202e" not in out
    assert out == r"Acme\x1b]0;owned\x07\u202eoC%0D%0A::error::forged, 100%25"


def test_an_annotation_property_cannot_end_the_property_list():
    assert annotation("clients/a,b:c.yaml\n", prop=True) == "clients/a%2Cb%3Ac.yaml%0A"


def test_csv_text_that_a_spreadsheet_would_run_gets_a_leading_quote():
    for formula in ("=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"):
        assert spreadsheet(formula) == "'" + formula
    assert spreadsheet("上海禾鲜食品进出口有限公司") == "上海禾鲜食品进出口有限公司"
    assert spreadsheet(-3) == -3  # a number is a number, not text


def test_xlsx_text_that_looks_like_a_formula_is_saved_as_text():
    wb = Workbook()
    put_text(wb.active["A1"], '=HYPERLINK("http://x","click")')
    put_text(wb.active["A2"], 98)
    buf = io.BytesIO()
    wb.save(buf)
    ws = load_workbook(io.BytesIO(buf.getvalue())).active
    assert ws["A1"].data_type == "s" and ws["A1"].value == '=HYPERLINK("http://x","click")'
    assert ws["A2"].value == 98
