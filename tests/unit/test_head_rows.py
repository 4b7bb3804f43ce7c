"""A row in a heading's own type right under it is the heading's, whatever its weight: digits and
Latin letters among a CJK head's characters measure light (random seeds 2134, 2056: a title's last
row `款3.2亿元` cut off as a paragraph of one row). A paragraph's first row under a subhead stays text.
A title's last row of a few glyphs whose ink sits low measures body letters, yet is boxed as tall as the
title's rows right over it: it is the title's (2203)."""

from __future__ import annotations

from broadsheet.layout.blocks import Block, text_blocks
from broadsheet.layout.lines import LineBox, split_by_size
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


# seed 2203 (hei at 33.5 px, unit 19): the title `全县夏粮收购进度过半` in two bold rows of 27 px, letters
# 1.44 of the body's, then `过半` boxed 26 px, its letters 1.17, weight 1.02, on a row with the next column's
# text (which made it body); its own column's text 28 px under it. (box, letters, weight)
TITLE_2203 = [((420, 139, 535, 166), 1.44, 1.26), ((420, 176, 536, 203), 1.44, 1.3),
              ((449, 213, 507, 239), 1.17, 1.02)]
COLUMN_2203 = [((439, 267, 557, 285), 0.96, 1.16), ((400, 294, 557, 313), 1.01, 1.06),
               ((400, 322, 556, 341), 0.75, 1.02), ((399, 350, 549, 368), 0.96, 0.82),
               ((399, 377, 543, 396), 1.0, 0.96), ((400, 405, 556, 424), 1.01, 0.94),
               ((589, 139, 702, 157), 0.97, 1.04), ((577, 194, 721, 213), 1.01, 1.17),
               ((577, 222, 733, 239), 0.96, 0.79), ((576, 249, 733, 268), 1.01, 1.08),
               ((577, 277, 726, 295), 0.85, 1.08), ((577, 305, 733, 323), 1.01, 1.16),
               ((577, 332, 733, 351), 1.01, 0.97), ((577, 360, 721, 378), 0.96, 1.1),
               ((576, 388, 734, 406), 1.0, 1.13)]


def _split(rows) -> tuple[list[tuple[int, int, int, int]], list[tuple[int, int, int, int]]]:
    heads, body = split_by_size([LineBox(box, letters=letters, weight=weight) for box, letters, weight in rows],
                                19.0, [])
    return sorted(line.bbox for line in heads), sorted(line.bbox for line in body)


def test_a_titles_short_last_row_measured_body_size_stays_with_the_title():
    heads, body = _split(TITLE_2203 + COLUMN_2203)
    assert heads == sorted(box for box, _, _ in TITLE_2203)


def test_a_tall_row_under_a_taller_title_or_over_its_columns_text_stays_body():
    # the guards: a title whose rows are boxed taller than the row by more than a deck's rows differ,
    # and the column's text right under the row (a first row made tall by brackets)
    row = TITLE_2203[2][0]
    taller = [((420, 133, 535, 166), 1.6, 1.26), ((420, 170, 536, 203), 1.6, 1.3), TITLE_2203[2]]
    assert row in _split(taller + COLUMN_2203)[1]
    under = [((439, 248, 557, 266), 0.96, 1.16)] + COLUMN_2203[1:]
    assert row in _split(TITLE_2203 + under)[1]
