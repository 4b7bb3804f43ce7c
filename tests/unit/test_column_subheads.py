"""A bold subhead set a size up inside one column (1.05 em bold sans over a Kai body measures 1.25
body heights, over the headline ratio) is body-column type, not a one-column title that would
start an article of its own (random page seed 19)."""

from __future__ import annotations

from broadsheet.layout.lines import LineBox, split_by_size
from broadsheet.layout.rules import Rule

UNIT = 20.0


def _column(subhead: tuple[int, int, int, int], weight: float = 2.0) -> tuple[list[LineBox], LineBox]:
    """A 300 px column: a paragraph ending in a short line, the heading, a paragraph indented 2 em."""
    lines = [LineBox((100, 100, 400, 120)), LineBox((100, 130, 400, 150)), LineBox((100, 160, 180, 180))]
    head = LineBox(subhead, weight=weight)
    top = subhead[3] + 15
    lines += [head, LineBox((140, top, 400, top + 20)), LineBox((100, top + 30, 400, top + 50))]
    return lines, head


def test_subhead_between_its_columns_lines_is_body_type() -> None:
    lines, head = _column((150, 206, 330, 231))  # 1.25 units tall, 1.3 units below the text
    heads, body = split_by_size(lines, UNIT, [])
    assert head in body and not heads


def test_a_rule_above_makes_it_a_title() -> None:
    lines, head = _column((150, 206, 330, 231))
    heads, _ = split_by_size(lines, UNIT, [Rule((95, 190, 405, 192))])
    assert heads == [head]


def test_a_wide_blank_above_makes_it_a_title() -> None:
    lines, head = _column((150, 240, 330, 265))  # 3 units below the text above
    heads, _ = split_by_size(lines, UNIT, [])
    assert heads == [head]


def test_title_type_and_regular_weight_stay_headlines() -> None:
    for box, weight in (((150, 206, 330, 240), 2.0), ((150, 206, 330, 231), 1.0)):
        lines, head = _column(box, weight)
        heads, _ = split_by_size(lines, UNIT, [])
        assert heads == [head]
