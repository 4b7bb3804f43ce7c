"""A paragraph's last line of a character or two the detector never boxed is found in the ink: alone
it is too short for a row of pieces, but it stands flush under a full body line at the body's
spacing (random seed 1898, CJK at 9.5 px: `务。` lost, and the in-column subhead under it, with no
text right above, was taken for a title and split its article)."""

from __future__ import annotations

import numpy as np

from broadsheet.layout.lines import LineBox
from broadsheet.layout.missed import missed_lines
from broadsheet.layout.rules import ink_mask

UNIT = 14
PITCH = 20
LEFT, RIGHT = 40, 320


def _glyph(gray: np.ndarray, x: int, y: int) -> None:
    """A dense CJK character of body size in one piece: a frame with a bar and a stem."""
    gray[y:y + UNIT, x:x + UNIT - 2] = 0
    gray[y + 2:y + 6, x + 2:x + UNIT - 4] = 255
    gray[y + 8:y + UNIT - 2, x + 2:x + 5] = 255


def _column(lone_x: int, lone_rows_down: int) -> tuple[np.ndarray, list[LineBox], tuple[int, int]]:
    gray = np.full((300, 400), 255, np.uint8)
    lines = []
    for k in range(5):
        y = 40 + k * PITCH
        for x in range(LEFT + (2 * UNIT if k == 0 else 0), RIGHT - UNIT, UNIT + 2):
            _glyph(gray, x, y)
        lines.append(LineBox((LEFT + (2 * UNIT if k == 0 else 0), y, RIGHT - UNIT - 2, y + UNIT)))
    lone = (lone_x, 40 + (4 + lone_rows_down) * PITCH)
    _glyph(gray, *lone)
    return gray, lines, lone


def _found(lone_x: int, lone_rows_down: int) -> list[tuple[int, int, int, int]]:
    gray, lines, _ = _column(lone_x, lone_rows_down)
    return [line.bbox for line in missed_lines(ink_mask(gray), gray, lines, [], float(UNIT))]


def test_a_lone_character_flush_under_a_full_line_is_its_paragraph_s_last_line():
    [box] = _found(LEFT, 1)
    assert box[0] == LEFT and box[1] == 40 + 5 * PITCH


def test_a_lone_character_out_of_the_column_s_line_is_no_line():
    assert _found(LEFT + 6 * UNIT, 1) == []  # mid-column: no paragraph's last line starts there
    assert _found(LEFT, 3) == []  # two lines' space under the column: nothing it ends
