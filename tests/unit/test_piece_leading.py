"""A piece of a detector box tightened to its own line (issue 16, wave 19): the box's padding holds
the edges of the lines above and below, and leading no wider than the bridge over blank rows inside
characters must not join them to the line (random seed 1845, Latin serif 24 px: pieces 32 px tall
over two and three rows, read by Tesseract as nothing, taken for titles and joined over a gutter)."""

from __future__ import annotations

import numpy as np

from broadsheet.layout.lines import LineBox, split_at_gaps

# Inked pixels a row of seed 1845's third column (working page, x 859-1238) from row 704 to 779:
# a line's ascenders 711-715, x-height 716-725, descenders 726-727, leading 728-732, the next line 733-747
PROFILE = [3, 5, 7, 6, 0, 0, 0, 13, 32, 35, 21, 21, 204, 227, 169, 162, 192, 189, 147, 168, 239, 204,
           3, 3, 0, 0, 0, 0, 0, 34, 52, 44, 32, 71, 202, 194, 144, 142, 166, 159, 130, 158, 197, 128,
           0, 0, 0, 0, 0, 0, 5, 43, 56, 41, 36, 136, 198, 163, 144, 164, 166, 131, 146, 207, 216,
           37, 3, 5, 5, 0, 0, 0, 15, 27, 28, 22]
TOP, LEFT, WIDTH = 704, 40, 380


def _page() -> np.ndarray:
    ink = np.zeros((TOP + len(PROFILE) + 20, LEFT + WIDTH + 40), dtype=bool)
    for row, count in enumerate(PROFILE):
        ink[TOP + row, LEFT:LEFT + count] = True
    return ink


def _tightened(y0: int, y1: int) -> tuple[int, int]:
    pieces, _ = split_at_gaps([LineBox((LEFT - 4, y0, LEFT + WIDTH + 4, y1))], _page(), [])
    assert len(pieces) == 1
    return pieces[0].y0, pieces[0].y1


def test_a_box_reaching_both_neighbours_over_narrow_leading_leaves_the_line_above():
    # the detector's box (725-758) around `toffel wächst oder wie viel Arbeit in` (733-748) takes in
    # the last x-height row of the line above and the ascenders of the line below, 8 rows away each:
    # the line above's body goes, the ascenders (tips, as an accent would be) stay in the box
    top, bottom = _tightened(725, 758)
    assert (top, bottom) == (733, 758)


def test_a_box_reaching_one_neighbour_keeps_its_own_line():
    # four rows higher (column two's piece of the next box down, 530-553 for 538-553): the line
    # above's x-height foot 8 rows away is taken in, the line below's ascenders are not reached
    top, bottom = _tightened(721, 754)
    assert (top, bottom) == (733, 748)


def test_a_box_that_reaches_no_neighbour_is_tightened_as_before():
    top, bottom = _tightened(729, 752)
    assert (top, bottom) == (733, 748)
