"""Titles set at the body's size, in its own face or in a bold that measures under bold, head the
paragraph under them by their place and the space under them (recorded line boxes of random pages:
seed 245, Fraktur at 25 px, every title in the body's face; seed 304, bold serif titles over a sans
body at weight 1.28 and 1.36). Without that, seed 245's every column was an untitled article."""

from __future__ import annotations

from broadsheet.layout.blocks import Block, text_blocks
from unit.recorded_lines import weighed_boxes

# seed 245, the first column's top: `Markttag am Domplatz`, then its first paragraph from an indent
TITLE_245 = [((79, 211, 243, 225), 1.065, 1.013)]
BODY_245 = [((102, 242, 396, 255), 0.943, 1.015), ((78, 264, 396, 277), 0.94, 0.998),
            ((79, 287, 397, 300), 1.011, 0.995), ((79, 309, 396, 323), 0.889, 0.998),
            ((79, 333, 396, 345), 0.978, 0.988), ((79, 355, 395, 368), 0.947, 1.015),
            ((79, 377, 397, 390), 0.997, 0.99), ((79, 401, 397, 413), 0.924, 0.995),
            ((78, 423, 396, 436), 1.019, 1.007), ((79, 445, 212, 458), 1.041, 1.001),
            ((102, 468, 396, 481), 1.018, 1.004), ((78, 491, 397, 504), 0.931, 1.003),
            ((79, 513, 396, 527), 0.947, 1.002), ((79, 536, 397, 549), 0.883, 0.983)]
UNIT_245 = 13.0


def _kinds(pieces: list[tuple[bool, Block]]) -> list[tuple[bool, int]]:
    return [(heading, len(block.lines)) for heading, block in pieces]


def test_a_title_in_the_body_face_heads_its_paragraph_by_the_space_under_it():
    """Same face, size and weight as the body (1.07 / 1.01): flush left at the column's top, then
    8 px more than a line's pitch (and a paragraph break's, `und Balken sägten.` over `Damit`)
    before an indented first line."""
    pieces = text_blocks([Block(weighed_boxes(TITLE_245 + BODY_245))], UNIT_245, [])
    assert _kinds(pieces) == [(True, 1), (False, 14)]


def test_a_paragraph_end_topping_a_column_is_no_head():
    """The same column from `und Balken sägten.`: a continued paragraph's short last line over an
    indented first line at the body's pitch."""
    pieces = text_blocks([Block(weighed_boxes(BODY_245[9:]))], UNIT_245, [])
    assert _kinds(pieces) == [(False, 5)]


def test_rows_right_under_a_photo_are_its_caption_not_a_head():
    photo = (79, 150, 397, 205)
    pieces = text_blocks([Block(weighed_boxes(TITLE_245 + BODY_245))], UNIT_245, [], [photo])
    assert _kinds(pieces) == [(False, 15)]


def test_a_quiet_head_alone_in_its_segment_heads_the_segment_under_it():
    """A short head line fits a narrower column than its text's and comes out a segment of its own
    (random seeds 137, 198 and 305)."""
    pieces = text_blocks([Block(weighed_boxes(TITLE_245)), Block(weighed_boxes(BODY_245))], UNIT_245, [])
    assert _kinds(pieces) == [(True, 1), (False, 14)]


def test_a_wrapped_title_under_bold_is_one_head():
    """Seed 304: `Schneller ins` (weight 1.28, strokes 1.12: under bold) over `Rhein-Main-Gebiet`
    (1.36: bold) was read as a paragraph's first line and a subhead."""
    lines = weighed_boxes([((1164, 229, 1310, 245), 1.281, 1.123), ((1164, 255, 1377, 271), 1.361, 1.117),
                           ((1187, 288, 1483, 304), 0.824, 0.959), ((1163, 314, 1482, 329), 0.983, 0.998),
                           ((1163, 342, 1482, 355), 1.027, 1.02), ((1164, 368, 1481, 380), 0.968, 0.978),
                           ((1164, 390, 1483, 405), 1.048, 1.005), ((1164, 415, 1484, 431), 1.008, 1.006),
                           ((1163, 441, 1482, 456), 0.943, 0.997), ((1163, 466, 1483, 481), 0.977, 0.996),
                           ((1163, 491, 1482, 507), 0.881, 0.988), ((1164, 516, 1482, 532), 1.029, 1.011),
                           ((1163, 545, 1422, 557), 1.091, 1.006), ((1188, 567, 1482, 582), 1.019, 0.99),
                           ((1163, 592, 1483, 608), 0.878, 0.994), ((1164, 618, 1482, 634), 0.95, 1.024)])
    pieces = text_blocks([Block(lines)], 15.0, [])
    assert _kinds(pieces) == [(True, 2), (False, 14)]


# seed 1847 (Fraktur at 10 px, working unit 11): `Schneller ins Rhein-Main-Gebiet` in the body's face
# and weight, then its text 17 px under it (1.55 body heights: over `SEGMENT_GAP`, so a segment of its
# own; the page's other three titles stand 16 px over theirs and were found)
TITLE_1847 = [((45, 173, 262, 185), 1.007, 0.981)]
BODY_1847 = [((68, 202, 352, 213), 0.923, 0.962), ((44, 223, 352, 233), 0.935, 0.997),
             ((46, 243, 352, 255), 0.861, 0.963), ((45, 265, 352, 276), 0.815, 0.948),
             ((45, 286, 159, 297), 0.915, 0.94), ((69, 306, 352, 317), 0.938, 0.971),
             ((45, 327, 352, 339), 0.808, 0.949), ((45, 348, 352, 359), 0.928, 0.985),
             ((46, 369, 352, 380), 0.826, 0.972), ((45, 390, 352, 401), 0.897, 0.984),
             ((45, 412, 245, 422), 1.023, 1.009)]
UNIT_1847 = 11.0


def test_a_quiet_head_parted_from_its_text_by_the_space_under_it_still_heads_it():
    pieces = text_blocks([Block(weighed_boxes(TITLE_1847)), Block(weighed_boxes(BODY_1847))], UNIT_1847, [])
    assert _kinds(pieces) == [(True, 1), (False, 11)]


def test_a_line_far_over_the_text_below_heads_nothing():
    """The same line 2.2 body heights over that text (over `QUIET_HEAD_ALONE_GAP`): no head of it."""
    lifted = [((45, 166, 262, 178), 1.007, 0.981)]
    pieces = text_blocks([Block(weighed_boxes(lifted)), Block(weighed_boxes(BODY_1847))], UNIT_1847, [])
    assert _kinds(pieces) == [(False, 1), (False, 11)]


# seed 1999 (12 px Latin serif, unit 11): a narrow justified column whose rows the detector boxed word by
# word, each piece a segment of its own: `damaged by` / `heavy`, `spring` / `runoff,`, `avalanches` / `and`
ROWS_1999 = [((240, 356, 420, 365), 0.853, 0.978), ((240, 373, 352, 384), 0.885, 0.994),
             ((376, 375, 420, 384), 1.018, 0.971), ((369, 390, 419, 402), 0.91, 0.951),
             ((241, 393, 288, 405), 1.065, 0.963), ((393, 411, 420, 421), 1.103, 0.968),
             ((241, 412, 325, 421), 1.072, 0.966), ((241, 430, 420, 440), 1.022, 0.961)]


def test_a_rows_last_word_boxed_apart_is_no_quiet_head_over_the_next_rows_last_word():
    """`runoff,` at the column's edge over `and`, set in from it like an indented first line: a quiet
    head alone by its place, but `spring` shares its row and the full row `increasing recreational`
    two rows down spans both (the paragraph was cut in two around a subhead `runoff,`)."""
    pieces = text_blocks([Block(weighed_boxes([row])) for row in ROWS_1999], 11.0, [])
    assert [heading for heading, _ in pieces] == [False] * len(ROWS_1999)


def test_a_quiet_head_beside_the_next_columns_text_still_heads_its_segment():
    """A head alone in its segment with the next column's text on its row: no line spans both."""
    beside = [((418, y0, 736, y0 + 13), 1.0, 1.0) for y0 in (190, 212, 234, 256)]
    blocks = [Block(weighed_boxes(rows)) for rows in (TITLE_245, BODY_245, beside)]
    pieces = text_blocks(blocks, UNIT_245, [])
    assert sorted(_kinds(pieces)) == [(False, 4), (False, 14), (True, 1)]
