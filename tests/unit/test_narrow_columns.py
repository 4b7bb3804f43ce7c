"""Columns narrower than MIN_COLUMN_WIDTH: letter-spaced CJK three characters wide (random seed 1844)."""

from __future__ import annotations

from broadsheet.layout.blocks import column_intervals, column_segments
from broadsheet.layout.lines import LineBox

UNIT = 17.0  # seed 1844 at its working scale: 51 px type, 16 px characters on a 24 px pitch


def _rows(x0: int, x1: int, top: int, count: int, pitch: float = 26.6) -> list[LineBox]:
    return [LineBox((x0, round(top + i * pitch), x1, round(top + i * pitch) + 17)) for i in range(count)]


def _seed_1844() -> tuple[list[LineBox], list[LineBox], list[LineBox]]:
    """Seed 1844's recorded boxes: an article of two columns three characters wide (x 273-338 and
    375-441), the right one's characters boxed one by one, over an article on the page's six-column
    grid whose column (279-441) holds both."""
    left = _rows(273, 338, 798, 50)
    right = [LineBox((x, y0, x + 17, y0 + 17)) for row in _rows(375, 441, 798, 50) for y0 in [row.y0]
             for x in (375, 400, 424)]
    grid = _rows(279, 441, 2150, 12)
    return left, right, grid


def test_a_letter_spaced_cjk_column_three_characters_wide_is_a_column():
    left, right, grid = _seed_1844()
    assert (273, 338) in column_intervals(left + right + grid, UNIT)


def test_the_narrow_columns_lines_are_not_read_in_rows_with_the_column_beside():
    left, right, grid = _seed_1844()
    body = left + right + grid
    segments = column_segments(body, column_intervals(body, UNIT), UNIT, [], [])
    assert not any(set(map(id, s.lines)) & set(map(id, left)) and set(map(id, s.lines)) & set(map(id, right))
                   for s in segments)


def test_a_few_short_lines_lined_up_are_no_column():
    # a credit or a list of five short lines, four body heights wide, one under another
    assert column_intervals(_rows(100, 166, 100, 5), UNIT) == []
