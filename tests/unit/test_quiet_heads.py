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


# seed 2589 (Fraktur at 41.9 px, working unit 15), every title in the body's face: five of the page's seven
# paragraph breaks (a row indented under one flush left) are titles over their text, 34-36 px top to top,
# the two true breaks 26 and 27
SEGMENTS_2589 = [
    [((83, 252, 318, 268), 1.067, 0.998), ((111, 287, 415, 303), 0.947, 1.002), ((84, 314, 415, 330), 1.074, 1.016),
     ((84, 341, 415, 356), 1.009, 1.006), ((84, 368, 415, 383), 1.071, 1.002), ((84, 396, 414, 410), 0.882, 1.000),
     ((83, 422, 415, 437), 0.879, 0.998), ((84, 448, 415, 464), 1.011, 0.989), ((84, 475, 414, 491), 1.021, 0.996),
     ((84, 502, 415, 518), 0.813, 0.994), ((84, 529, 292, 544), 1.116, 0.997), ((110, 563, 390, 580), 1.473, 1.200),
     ((111, 594, 415, 609), 1.109, 1.001)],
    [((66, 682, 309, 698), 1.082, 0.988), ((94, 717, 409, 733), 0.973, 1.009), ((67, 744, 409, 760), 1.019, 1.004),
     ((67, 771, 409, 787), 0.834, 0.997), ((66, 798, 409, 813), 1.034, 1.011), ((66, 825, 409, 840), 1.101, 1.008),
     ((66, 851, 409, 867), 1.003, 0.985)],
    [((66, 1475, 355, 1491), 1.084, 0.991), ((94, 1511, 409, 1526), 0.966, 1.020),
     ((66, 1538, 409, 1553), 0.971, 1.027), ((66, 1563, 409, 1580), 0.889, 1.004),
     ((66, 1591, 409, 1606), 1.068, 0.999), ((66, 1618, 409, 1633), 0.980, 1.003),
     ((66, 1644, 410, 1660), 0.967, 1.008), ((66, 1671, 409, 1687), 0.982, 1.002),
     ((67, 1699, 409, 1714), 1.029, 0.996), ((66, 1725, 409, 1741), 0.854, 0.992),
     ((66, 1752, 191, 1767), 1.121, 1.035), ((94, 1779, 409, 1795), 0.923, 1.001)],
    # `Musik in den Höfen`, then `Besonders gespannt sind die` boxed in four pieces: 34 px top to top
    [((813, 1475, 981, 1491), 1.104, 0.987), ((840, 1509, 930, 1526), 1.090, 0.987),
     ((1067, 1510, 1102, 1526), 1.142, 1.003), ((1133, 1510, 1156, 1526), 1.146, 1.010),
     ((961, 1514, 1035, 1526), 1.180, 1.010), ((813, 1537, 1156, 1553), 0.848, 1.017),
     ((813, 1568, 1155, 1580), 1.000, 0.994), ((813, 1591, 1156, 1607), 0.892, 0.993),
     ((813, 1618, 1155, 1633), 1.071, 1.009), ((813, 1644, 1155, 1660), 1.000, 1.005),
     ((813, 1671, 1156, 1687), 0.922, 0.992), ((813, 1698, 1067, 1714), 1.000, 0.982)],
    [((439, 682, 782, 698), 0.907, 0.998), ((440, 709, 783, 725), 0.995, 1.011), ((439, 736, 783, 751), 1.059, 1.022),
     ((439, 763, 581, 778), 1.101, 0.997), ((467, 789, 783, 805), 0.956, 0.994), ((439, 816, 783, 832), 1.044, 0.994),
     ((440, 844, 782, 859), 1.050, 1.001)],
]


def test_a_title_as_far_over_its_text_as_the_pages_other_titles_heads_it_where_titles_outnumber_breaks():
    """The page's break pitch is one it measured (27 px), not one interpolated between a break and a
    title (30.5): with that, `Musik in den Höfen` at 34 px fell 0.25 px under the gap and its article had
    no title, the title a paragraph of it."""
    segments = [Block(weighed_boxes(rows)) for rows in SEGMENTS_2589]
    pieces = text_blocks(segments, 15.0, [])
    heads = sorted(block.bbox for heading, block in pieces if heading)
    assert (813, 1475, 981, 1491) in heads
    assert (66, 1475, 355, 1491) in heads and (66, 682, 309, 698) in heads  # found before too
