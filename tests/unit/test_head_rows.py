"""A row in a heading's own type right under it is the heading's, whatever its weight: digits and
Latin letters among a CJK head's characters measure light (random seeds 2134, 2056: a title's last
row `款3.2亿元` cut off as a paragraph of one row). A paragraph's first row under a subhead stays text."""

from __future__ import annotations

from broadsheet.layout.blocks import Block, text_blocks
from unit.recorded_lines import weighed_boxes

# seed 2134 (serif at 30.4 px, unit 20): a narrow article's title, 1.3 body heights, taken for body
# type; alone in its segment, its rows measure bold but the last, whose digits dilute its ink
TITLE_2134 = [((1121, 2283, 1259, 2309), 1.273, 1.172), ((1121, 2318, 1259, 2344), 1.371, 1.157),
              ((1128, 2352, 1251, 2378), 1.05, 1.118)]


def _pieces(rows, unit: float) -> list[tuple[bool, int]]:
    lines = weighed_boxes(rows)
    return [(heading, len(block.lines)) for heading, block in text_blocks([Block(lines)], unit, [])]


def test_a_titles_last_row_in_its_type_but_measured_light_stays_with_the_title():
    assert _pieces(TITLE_2134, 20.0) == [(True, 3)]


def test_a_titles_last_row_over_the_text_stays_with_the_title():
    body = [((1117, 2404 + k * 25, 1304, 2424 + k * 25), 1.0, 1.0) for k in range(4)]
    assert _pieces(TITLE_2134 + body, 20.0) == [(True, 3), (False, 4)]


def test_a_tall_first_row_under_a_subhead_stays_text():
    """A paragraph's first row boxed tall by its quote marks, right under a bold subhead of that
    height: it runs wider than the subhead, so it is no row of it."""
    rows = [((100, 100, 340, 120), 1.0, 1.0), ((100, 130, 200, 150), 1.0, 1.0),
            ((160, 162, 280, 187), 2.0, 1.3),  # the subhead, centred, 1.25 body heights
            ((144, 193, 340, 218), 1.0, 1.0)]  # `“……` from the indent to the edge, boxed as tall
    rows += [((100, 224 + k * 30, 340, 244 + k * 30), 1.0, 1.0) for k in range(3)]
    assert _pieces(rows, 20.0) == [(False, 2), (True, 1), (False, 4)]
