"""A letter-spaced row's first character the detector never boxed is found in the ink: alone it is
too short for a row of pieces, and no full line stands flush over it (the line over it opens the
paragraph, indented), but it stands at the column's edge, level with a body line that starts a
letter space after it (random seed 2089, CJK at 8.7 px: `峰` of `峰  通讯员王倩报道：` lost; the row,
boxed from its second character, stood indented and opened a paragraph of its own)."""

from __future__ import annotations

import numpy as np

from broadsheet.layout.lines import LineBox, merge_row_fragments
from broadsheet.layout.missed import missed_lines
from broadsheet.layout.rules import ink_mask

UNIT = 14
PITCH = 20
LEFT, RIGHT = 40, 320
SPACED = UNIT + 12  # the letter-spaced row's pitch: a blank of a character between its characters


def _glyph(gray: np.ndarray, x: int, y: int) -> None:
    """A dense CJK character of body size in one piece: a frame with a bar and a stem."""
    gray[y:y + UNIT, x:x + UNIT - 2] = 0
    gray[y + 2:y + 6, x + 2:x + UNIT - 4] = 255
    gray[y + 8:y + UNIT - 2, x + 2:x + 5] = 255


def _column(lone_x: int, row_from: int) -> tuple[np.ndarray, list[LineBox]]:
    """A paragraph of six rows, its first indented two characters; the second row is letter-spaced,
    boxed from `row_from` on, its character at `lone_x` left unboxed."""
    gray = np.full((200, 400), 255, np.uint8)
    lines = []
    for k in range(6):
        y = 40 + k * PITCH
        start, pitch = (LEFT + 2 * UNIT, UNIT) if k == 0 else (row_from, SPACED) if k == 1 else (LEFT, UNIT)
        xs = list(range(start, RIGHT - UNIT, pitch))
        for x in xs:
            _glyph(gray, x, y)
        lines.append(LineBox((start, y, xs[-1] + UNIT - 2, y + UNIT)))
        if k == 1:
            _glyph(gray, lone_x, y)
    return gray, lines


def _found(lone_x: int, row_from: int) -> tuple[list[tuple[int, int, int, int]], list[LineBox]]:
    gray, lines = _column(lone_x, row_from)
    ink = ink_mask(gray)
    found = missed_lines(ink, gray, lines, [], float(UNIT))
    merged, _ = merge_row_fragments(lines + found, float(UNIT), [], ink)
    return [line.bbox for line in found], merged


def test_a_row_s_first_character_a_letter_space_off_is_found_and_joins_its_row():
    found, merged = _found(LEFT, LEFT + SPACED)
    assert [box[:2] for box in found] == [(LEFT, 40 + PITCH)]
    [row] = [line for line in merged if line.y0 == 40 + PITCH]
    assert row.x0 == LEFT and row.x1 > RIGHT - 2 * UNIT  # one row, flush with its column: no indent


def test_a_lone_character_off_the_column_s_edge_or_far_from_its_row_is_no_line():
    assert _found(LEFT + 5 * UNIT, LEFT + 5 * UNIT + SPACED)[0] == []  # set in: not the column's edge
    assert _found(LEFT, LEFT + 4 * UNIT)[0] == []  # a blank wider than a letter-spaced row's: another column


def test_a_row_s_last_character_at_the_column_s_edge_is_found():
    gray = np.full((200, 400), 255, np.uint8)
    lines = []
    last = LEFT + 15 * UNIT  # the full rows' last character; the letter-spaced row's, unboxed, stands there too
    for k in range(6):
        y = 40 + k * PITCH
        xs = list(range(LEFT, last + 1, UNIT)) if k != 1 else list(range(last - 8 * SPACED, last, SPACED))
        for x in xs:
            _glyph(gray, x, y)
        lines.append(LineBox((xs[0], y, xs[-1] + UNIT - 2, y + UNIT)))
        if k == 1:
            _glyph(gray, last, y)
    found = missed_lines(ink_mask(gray), gray, lines, [], float(UNIT))
    assert [line.bbox for line in found] == [(last, 40 + PITCH, last + UNIT - 2, 40 + PITCH + UNIT)]


def _dense_glyph(gray: np.ndarray, x: int, y: int) -> None:
    """A CJK character of body size blurred nearly solid (0.91 of its box inked)."""
    gray[y:y + UNIT, x:x + UNIT - 2] = 0
    gray[y + 3:y + 6, x + 3:x + 8] = 255


def _blurred_column(lone) -> list[tuple[int, int, int, int]]:
    """Six rows of dense type, the first indented two characters; the second's first character, at the
    column's edge, left unboxed (`lone` draws it), the rest boxed in two pieces at a comma's blank
    (random seed 2785, CJK at 9.8 px, JPEG q20: `道` of `道：4月起，我市在城区`, 0.88 of its box inked, the
    row's own characters up to 0.89; its pieces `4月起，` and `我市在城区` each narrower than a column)."""
    gray = np.full((200, 400), 255, np.uint8)
    lines = []
    for k in range(6):
        y = 40 + k * PITCH
        if k == 1:
            lone(gray, LEFT, y)
            for first, last in ((LEFT + 2 * UNIT, LEFT + 5 * UNIT), (LEFT + 7 * UNIT, LEFT + 11 * UNIT)):
                for x in range(first, last + 1, UNIT):
                    _dense_glyph(gray, x, y)
                lines.append(LineBox((first, y, last + UNIT - 2, y + UNIT)))
            continue
        start = LEFT + 2 * UNIT if k == 0 else LEFT
        xs = list(range(start, LEFT + 15 * UNIT + 1, UNIT))
        for x in xs:
            _dense_glyph(gray, x, y)
        lines.append(LineBox((start, y, xs[-1] + UNIT - 2, y + UNIT)))
    return [line.bbox for line in missed_lines(ink_mask(gray), gray, lines, [], float(UNIT))]


def test_a_row_s_first_character_blurred_as_dense_as_its_rows_is_found_beside_the_row_s_pieces():
    assert _blurred_column(_dense_glyph) == [(LEFT, 40 + PITCH, LEFT + UNIT - 2, 40 + PITCH + UNIT)]


def test_a_blot_denser_than_the_type_around_it_is_no_character():
    def blot(gray: np.ndarray, x: int, y: int) -> None:
        gray[y:y + UNIT, x:x + UNIT - 2] = 0

    assert _blurred_column(blot) == []


def test_a_justified_row_s_first_word_a_stretched_word_space_off_is_found_and_joins_its_row():
    # Random seed 2646 (24 px Latin serif): justification stretched the row `of Land Management`'s
    # spaces to 2.8 bodies; `of`, left unboxed 45 px before `Land`, was past a letter-spaced row's
    # reach (2 bodies), and the row, boxed from `Land`, stood indented and opened a paragraph
    space = 34  # over ROW_END_GAP's 28, as wide as the row's own spaces
    gray, lines = _column(LEFT + 5 * UNIT, LEFT)  # rows 0 and 2-5; row 1 is drawn anew below
    y = 40 + PITCH
    gray[y - 2:y + UNIT + 2, :] = 255
    _glyph(gray, LEFT, y)  # the lost short word, a character wide
    starts = range(LEFT + UNIT - 2 + space, RIGHT - 3 * UNIT, 3 * UNIT - 2 + space)  # words of three
    for x in starts:
        for k in range(3):
            _glyph(gray, x + k * UNIT, y)
    lines[1] = LineBox((starts[0], y, starts[-1] + 3 * UNIT - 2, y + UNIT))
    ink = ink_mask(gray)
    found = missed_lines(ink, gray, lines, [], float(UNIT))
    assert [line.bbox for line in found] == [(LEFT, y, LEFT + UNIT - 2, y + UNIT)]
    merged, _ = merge_row_fragments(lines + found, float(UNIT), [], ink)
    [row] = [line for line in merged if line.y0 == y]
    assert row.x0 == LEFT
