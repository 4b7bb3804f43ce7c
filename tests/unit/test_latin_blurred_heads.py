"""Heads in Latin columns the structure passes lost (issue 16, wave 24; recorded lines of random seeds
2421, 2411 and 2257): a centred subhead over a paragraph whose first row ends short, a notice's bold head
under a caption whose last row carries a credit set flush right, and a short subhead centred in a wide
column, alone in its segment."""

from __future__ import annotations

from broadsheet.layout.blocks import Block, text_blocks
from broadsheet.layout.lines import LineBox, split_by_size
from unit.recorded_lines import weighed_boxes


def _measured(rows: list[tuple[tuple[int, int, int, int], float, float, float]]) -> list[LineBox]:
    return [LineBox(box, letters=letters, weight=weight, stroke=stroke) for box, letters, weight, stroke in rows]


# seed 2421 (10.3 px Latin sans, blur 1.06), column 1: a paragraph's last line, the subhead `Background`,
# a paragraph, its short last line, `Next Steps`, then a paragraph whose first row is boxed in two pieces
# that end short of the subhead's right end (`83-165`, `232-262`), and the row under it
COLUMN_2421 = [((65, 565, 124, 576), 1.000, 1.123, 0.998), ((98, 590, 212, 604), 1.273, 1.493, 1.401),
               ((83, 613, 262, 625), 1.091, 0.826, 0.982), ((64, 634, 168, 645), 1.000, 1.022, 0.956),
               ((98, 659, 204, 673), 1.273, 1.404, 1.346), ((232, 680, 262, 693), 1.182, 0.981, 0.968),
               ((83, 681, 165, 693), 1.091, 1.179, 1.047), ((65, 702, 261, 714), 1.091, 0.854, 0.968)]


def test_a_subhead_over_a_first_row_that_ends_short_is_in_its_column():
    """`Next Steps` stood past the column's measure as taken from the paragraph's short last line above
    and the short first row below: a one-line title starting an article of its own, a false headline.
    The row under the first shows the column's edge."""
    heads, body = split_by_size(_measured(COLUMN_2421), 11.0, [])
    assert heads == [] and len(body) == len(COLUMN_2421)


# seed 2411 (13.9 px Latin sans, blur 1.09), column 6 under a photo: the caption's four rows, the last
# `April.` and the credit `Photo: J. Smith` set flush right, then the notice's head of eleven bold rows
# at body size (agency, office, title, subtitle), then the notice's text
CAPTION_2411 = [((1217, 350, 1299, 360), 1.075, 0.990), ((1318, 350, 1371, 360), 1.112, 1.006),
                ((1390, 350, 1438, 360), 0.992, 0.970), ((1412, 370, 1438, 382), 0.948, 0.945),
                ((1217, 372, 1296, 382), 1.020, 0.989), ((1334, 372, 1375, 384), 1.038, 0.996),
                ((1217, 393, 1438, 404), 0.702, 0.903), ((1217, 414, 1254, 427), 0.990, 0.963),
                ((1325, 414, 1438, 427), 0.861, 0.915)]
HEAD_2411 = [((1217, 442, 1390, 457), 1.273, 1.188), ((1217, 464, 1360, 477), 1.309, 1.207),
             ((1217, 485, 1352, 498), 1.241, 1.214), ((1218, 506, 1373, 519), 1.374, 1.292),
             ((1218, 527, 1369, 540), 1.440, 1.308), ((1217, 547, 1428, 561), 1.281, 1.248),
             ((1218, 569, 1402, 581), 1.321, 1.291), ((1218, 589, 1399, 603), 1.205, 1.227),
             ((1217, 613, 1321, 623), 1.329, 1.272), ((1218, 632, 1431, 645), 1.386, 1.245),
             ((1217, 653, 1314, 665), 1.416, 1.260)]
TEXT_2411 = [((1239, 679, 1438, 693), 0.833, 0.986), ((1217, 700, 1314, 714), 0.899, 0.953),
             ((1240, 721, 1310, 735), 1.007, 0.991), ((1339, 721, 1439, 735), 0.777, 0.977),
             ((1217, 744, 1266, 755), 1.091, 0.970)]


def test_a_head_under_a_caption_ending_in_a_credit_opens_an_article():
    """The caption's last row reaches the column's edge only by its credit: its text ends short, so
    the bold run under it, flush left with space above, opens the next article (a head of up to
    `MAX_HEADING_LINES`), not a subhead of three lines at most, left as paragraph text."""
    lines = weighed_boxes(CAPTION_2411 + HEAD_2411 + TEXT_2411)
    pieces = text_blocks([Block(lines)], 13.0, [])
    assert [(heading, len(block.lines)) for heading, block in pieces] == [(False, 9), (True, 11), (False, 5)]


def test_a_caption_row_running_to_the_edge_is_no_paragraph_end():
    """Guard: a row whose words run to the column's edge at stretched word spaces is a full row."""
    full = [((1217, 414, 1290, 427), 0.990, 0.963), ((1330, 414, 1438, 427), 0.861, 0.915)]
    lines = weighed_boxes(CAPTION_2411[:7] + full + HEAD_2411 + TEXT_2411)
    pieces = text_blocks([Block(lines)], 13.0, [])
    assert [heading for heading, _ in pieces] == [False]


# seed 2257 (15.3 px Latin serif), column 1: a paragraph ending short, `Public Comment` centred in the
# column 4.8 body heights in (a segment of its own: it fits a narrower column), the next paragraph
ABOVE_2257 = [((61, 296, 304, 308), 1.013, 0.972), ((45, 318, 304, 327), 0.976, 1.007),
              ((45, 334, 289, 346), 1.044, 0.957)]
SUBHEAD_2257 = [((103, 359, 247, 371), 1.566, 1.270)]
BELOW_2257 = [((61, 380, 306, 392), 1.004, 0.991), ((45, 400, 221, 411), 1.031, 1.059),
              ((256, 399, 304, 413), 1.093, 1.066), ((45, 420, 304, 432), 0.98, 1.0)]


def test_a_bold_line_centred_over_the_text_below_is_its_subhead():
    segments = [Block(weighed_boxes(rows)) for rows in (ABOVE_2257, SUBHEAD_2257, BELOW_2257)]
    pieces = text_blocks(segments, 12.0, [])
    assert [(heading, len(block.lines)) for heading, block in pieces] == [(False, 3), (True, 1), (False, 4)]


def test_a_bold_line_off_centre_and_far_in_is_no_subhead_of_the_text_below():
    """Guard: a short bold line standing well right of the column's middle heads nothing below it."""
    off = [((190, 359, 300, 371), 1.566, 1.270)]
    segments = [Block(weighed_boxes(rows)) for rows in (ABOVE_2257, off, BELOW_2257)]
    pieces = text_blocks(segments, 12.0, [])
    assert [heading for heading, _ in pieces] == [False, False, False]


# seed 2746 (8.9 px Fraktur, noise 7.5), column 2: a paragraph's full row and its last word, the bold sans
# subhead `Wie es weitergeht` centred, then rows boxed in pieces (the first from its first word to its
# fourth, a speck, a row's last words) and a full row; unit 12
COLUMN_2746 = [((326, 334, 570, 347), 1.08, 0.95, 0.99), ((326, 358, 368, 369), 1.00, 1.09, 0.98),
               ((354, 385, 548, 401), 1.33, 1.30, 1.26), ((347, 411, 403, 425), 1.17, 0.98, 0.99),
               ((353, 411, 358, 413), 1.00, 1.08, 1.16), ((426, 436, 576, 448), 1.00, 1.13, 1.08),
               ((329, 437, 341, 444), 1.00, 1.47, 1.28), ((327, 458, 575, 472), 1.17, 1.02, 1.00)]


def test_a_subhead_over_rows_boxed_in_pieces_takes_its_column_s_measure_from_the_rows_flush_with_its_edge():
    """The paragraph's last word above and the pieces below end short of the subhead: it was a title
    starting an article of its own. The full rows over and under, flush with the column's left edge,
    show the column's measure."""
    heads, body = split_by_size(_measured(COLUMN_2746), 12.0, [])
    assert heads == [] and len(body) == len(COLUMN_2746)


def test_a_head_past_the_measure_of_the_rows_flush_with_its_edge_is_still_a_head():
    """The same rows in a column ending at 470: the head runs on past its measure."""
    narrow = [((x0, y0, min(x1, 470), y1), *rest) if x0 < 340 else ((x0, y0, x1, y1), *rest)
              for (x0, y0, x1, y1), *rest in COLUMN_2746 if x0 < 426]
    heads, _ = split_by_size(_measured(narrow), 12.0, [])
    assert [l.bbox for l in heads] == [(354, 385, 548, 401)]
