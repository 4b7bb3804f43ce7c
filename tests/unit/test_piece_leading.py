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


# Inked pixels a row of random seed 2263's first column (7.8 px sans, blurred JPEG, working page x 49-297),
# the detector's box 832-869 around `die einen Teil des` (845-859): the foot of the line above at its top,
# blurred leading holding a few pixels, and the top of the line below cut by the box's foot
BLURRED = [166, 144, 113, 79, 51, 32, 7, 1, 0, 0, 3, 11, 16, 30, 48, 52, 78, 101, 119, 126, 127, 126, 119,
           102, 70, 58, 37, 18, 9, 0, 0, 0, 1, 9, 22, 39, 67]
# The Star's 1920 column (x 47-439, box 2182-2208): tightly set lines, where only the ascenders of
# `front them in creating` reach between the line above's foot and its x-height: sparse rows, none empty
STAR = [187, 212, 174, 74, 5, 1, 9, 28, 48, 125, 212, 274, 274, 265, 260, 255, 269, 288, 300, 234, 73, 23,
        19, 32, 43, 75]


def _tightened_box(profile: list[int], width: int = 400) -> tuple[int, int]:
    ink = np.zeros((len(profile) + 40, width + 40), dtype=bool)
    for row, count in enumerate(profile):
        ink[20 + row, 20:20 + count] = True
    pieces, _ = split_at_gaps([LineBox((16, 20, width + 24, 20 + len(profile)))], ink, [])
    assert len(pieces) == 1
    return pieces[0].y0 - 20, pieces[0].y1 - 20


def test_a_blurred_box_reaching_into_both_neighbours_is_cut_to_its_own_line():
    # main kept the whole box (2.6 body heights, light: a false title); blurred leading holds specks,
    # and the box's foot cuts through the next line's letters, their ink still growing at the edge
    assert _tightened_box(BLURRED, 250) == (13, 27)


def test_rows_only_ascenders_reach_are_no_leading():
    assert _tightened_box(STAR, 392) == (0, 26)
