"""The score panel's tables: aligned lines where they fit, drawn exactly as rich's Table draws them."""

from __future__ import annotations

import io

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from aeo_check.views.terminal import _aligned, _rich_table

HEADS = ["序号", "名称", "结果", "工作量（人日）"]
ROWS: list[list[str | Text]] = [
    ["(10)", "内部审计", Text("不达标", style="red"), "20"],
    ["(42)", "Shareholders on Credit China", Text("未回答", style="magenta"), "2 (核实)"],
]
RIGHT = frozenset({3})


def _plain(renderable, width: int) -> str:
    """``renderable`` in the score panel, which pads every line to its inner width."""
    console = Console(file=io.StringIO(), width=width + 4, color_system=None, legacy_windows=False)
    console.print(Panel(renderable, expand=True))
    return console.file.getvalue()


def _as_rich(title: str | None) -> Table:
    grid = [[Text(h, style="bold") for h in HEADS], *([c if isinstance(c, Text) else Text(c) for c in r] for r in ROWS)]
    return _rich_table(grid, RIGHT, title)


def test_a_table_that_fits_is_drawn_as_aligned_lines_exactly_as_rich_draws_it():
    for title in (None, "阻碍项 · 高级认证企业标准"):
        lines = _aligned(HEADS, ROWS, RIGHT, 76, title=title)
        assert all(isinstance(line, Text) for line in lines)
        assert _plain(Group(*lines), 76) == _plain(_as_rich(title), 76)


def test_the_columns_are_as_wide_as_their_widest_cell_two_spaces_apart():
    header, first, second = (line.plain for line in _aligned(HEADS, ROWS, RIGHT, 76))
    assert header == "序号  名称                          结果    工作量（人日）"
    assert first == "(10)  内部审计                      不达标              20"
    assert second == "(42)  Shareholders on Credit China  未回答        2 (核实)"


def test_a_table_wider_than_the_panel_is_left_to_rich_which_wraps_its_cells():
    [table] = _aligned(HEADS, ROWS, RIGHT, 40)
    assert isinstance(table, Table)
    assert _plain(table, 40) == _plain(_as_rich(None), 40)
    assert max(len(line) for line in _plain(table, 40).splitlines()) <= 44  # wrapped within the panel
