"""A column's row starts the detector cut off stack down its edge as tall as a vertical title, but
each stands level with its row's box, a letter's blank from it: those rows' letters, no vertical
line (random seed 2746, Fraktur at 8.9 px: the capitals cut off eight rows' starts stood as a
vertical line (48, 1243, 107, 1444), a false title)."""

from __future__ import annotations

import numpy as np

from broadsheet.layout.lines import LineBox
from broadsheet.layout.missed import missed_lines
from broadsheet.layout.rules import ink_mask
from broadsheet.model import TextDirection

UNIT = 12
PITCH = 23
LEFT, RIGHT = 48, 300


def _letter(gray: np.ndarray, x: int, y: int, width: int) -> None:
    """A letter of body height in one piece: a frame with a bar."""
    gray[y:y + UNIT, x:x + width] = 0
    gray[y + 2:y + 5, x + 2:x + width - 2] = 255
    gray[y + 7:y + UNIT - 2, x + 2:x + width - 2] = 255


def _column(boxed_from: int) -> tuple[np.ndarray, list[LineBox]]:
    """Eight rows of letters from `LEFT`, each boxed from `boxed_from` (the letters before it unboxed)."""
    gray = np.full((260, 360), 255, np.uint8)
    lines = []
    for k in range(8):
        y = 20 + k * PITCH
        for x in range(LEFT, RIGHT, 11):
            _letter(gray, x, y, 9 + 5 * (x == LEFT))
        lines.append(LineBox((boxed_from, y, RIGHT, y + UNIT)))
    return gray, lines


def test_row_starts_cut_off_down_a_column_s_edge_are_no_vertical_line():
    gray, lines = _column(LEFT + 22)  # each row's first two letters left out
    found = missed_lines(ink_mask(gray), gray, lines, [], float(UNIT))
    assert not [l.bbox for l in found if l.direction == TextDirection.VERTICAL_RL]


def test_a_stack_of_letters_a_gutter_off_the_rows_is_still_a_vertical_line():
    gray, lines = _column(LEFT + 22)
    lines = [LineBox((LEFT + 60, l.y0, RIGHT, l.y1)) for l in lines]  # the rows boxed past a gutter
    gray[:, LEFT + 22:LEFT + 60] = 255
    found = missed_lines(ink_mask(gray), gray, lines, [], float(UNIT))
    assert [l.bbox[::2] for l in found if l.direction == TextDirection.VERTICAL_RL] == [(LEFT, LEFT + 20)]


def test_a_vertical_title_s_characters_beside_a_column_s_rows_are_still_a_vertical_line():
    """Fixture page_h: a title's characters of 28 px, 10 px off rows of 14, level with two each."""
    gray = np.full((260, 360), 255, np.uint8)
    lines = []
    for k in range(8):
        y = 20 + k * PITCH
        for x in range(LEFT + 34, RIGHT, 11):
            _letter(gray, x, y, 9)
        lines.append(LineBox((LEFT + 34, y, RIGHT, y + UNIT)))
    for k in range(6):  # the title's characters: a frame with a bar, 24 px, 6 px apart
        y = 20 + k * 30
        gray[y:y + 24, LEFT:LEFT + 24] = 0
        gray[y + 3:y + 10, LEFT + 3:LEFT + 21] = 255
        gray[y + 13:y + 21, LEFT + 3:LEFT + 21] = 255
    found = missed_lines(ink_mask(gray), gray, lines, [], float(UNIT))
    assert [l.bbox[::2] for l in found if l.direction == TextDirection.VERTICAL_RL] == [(LEFT, LEFT + 24)]
