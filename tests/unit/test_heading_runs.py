"""A Latin notice's head of bold body-size lines at the top of its column (agency, office, subject):
random seed 1 sets nine in a narrow column, all of them the head, none of them paragraph text."""

from __future__ import annotations

from broadsheet.layout.blocks import Block, text_blocks
from broadsheet.layout.lines import LineBox
from unit.recorded_lines import weighed_boxes

UNIT = 20.0
PITCH = 28
LEFT, RIGHT = 100, 400


def test_nine_bold_lines_heading_a_column_are_its_head():
    head = [LineBox((LEFT, 100 + k * PITCH, RIGHT - (k % 3) * 40, 120 + k * PITCH), weight=1.5) for k in range(9)]
    top = 100 + 9 * PITCH + 10
    body = [LineBox((LEFT + (44 if k == 0 else 0), top + k * PITCH, RIGHT, top + 20 + k * PITCH)) for k in range(8)]
    pieces = text_blocks([Block(head + body)], UNIT, [])
    assert [(heading, len(block.lines)) for heading, block in pieces] == [(True, 9), (False, 8)]


def test_a_justified_run_of_heavy_lines_is_a_paragraph_not_a_head():
    """The Star's heavily inked column: ten body lines in a row measure bold, each run out to the
    column's edge as justified text is; a head's lines are ragged or centred."""
    heavy = [LineBox((LEFT + (44 if k == 0 else 0), 100 + k * PITCH, RIGHT if k < 9 else RIGHT - 120,
                      120 + k * PITCH), weight=1.5) for k in range(10)]
    top = 100 + 10 * PITCH
    body = [LineBox((LEFT, top + k * PITCH, RIGHT, top + 20 + k * PITCH)) for k in range(6)]
    pieces = text_blocks([Block(heavy + body)], UNIT, [])
    assert [heading for heading, _ in pieces] == [False]


def test_a_notice_head_parted_across_two_segments_is_one_head():
    """Random seed 87 (recorded, 16 px body): a notice's deck of nine bold body-size lines (agency,
    office, title, then its subtitle after a part's extra space) falls into two column segments,
    six lines fitting no column, then three over the notice's text. The six were read as
    paragraph text, the first of the notice's body, and the three as the head."""
    upper = weighed_boxes([((460, 940, 657, 956), 1.892, 1.304), ((459, 966, 622, 982), 1.869, 1.287),
                           ((460, 991, 628, 1007), 1.596, 1.255), ((460, 1016, 741, 1032), 1.683, 1.278),
                           ((460, 1041, 753, 1057), 1.615, 1.258), ((458, 1067, 748, 1083), 1.67, 1.246)])
    lower = weighed_boxes([((460, 1092, 780, 1108), 1.651, 1.255), ((459, 1118, 754, 1133), 1.688, 1.269),
                           ((460, 1143, 583, 1159), 1.87, 1.23), ((489, 1176, 812, 1192), 0.938, 1.0),
                           ((459, 1201, 527, 1217), 1.18, 1.021), ((489, 1226, 813, 1243), 1.034, 0.99),
                           ((460, 1252, 638, 1268), 1.099, 0.988), ((490, 1277, 813, 1293), 1.066, 1.006),
                           ((459, 1306, 813, 1318), 0.984, 0.992), ((459, 1327, 792, 1344), 0.995, 0.996),
                           ((489, 1353, 763, 1369), 1.089, 0.993)])
    pieces = text_blocks([Block(upper), Block(lower)], 16.0, [])
    assert [(heading, len(block.lines)) for heading, block in pieces] == [(True, 9), (False, 8)]
    assert pieces[0][1].lines[0].bbox == upper[0].bbox


def test_a_notice_deck_whose_lines_nearly_fill_the_column_is_a_head_not_justified_text():
    """Random seed 314 (recorded, 21 px body): agency, agency, title, title, bold, the first and
    third ending half a character short of the column's edge, read as a paragraph printed heavy:
    a justified line ends at the edge (a hyphen or full stop apart), a head's are ragged."""
    deck = weighed_boxes([((42, 882, 365, 896), 1.476, 1.177), ((41, 905, 125, 918), 1.465, 1.168),
                          ((42, 928, 364, 941), 1.497, 1.168), ((41, 949, 320, 963), 1.315, 1.174)])
    body = weighed_boxes([((63, 979, 371, 993), 0.932, 1.017), ((41, 1001, 370, 1015), 0.885, 0.978),
                          ((42, 1027, 371, 1037), 0.964, 0.974), ((41, 1049, 372, 1059), 1.044, 0.996),
                          ((41, 1068, 371, 1082), 0.942, 0.991), ((41, 1094, 371, 1104), 0.922, 0.975),
                          ((41, 1112, 371, 1126), 0.864, 1.009), ((41, 1135, 371, 1149), 0.892, 0.999)])
    pieces = text_blocks([Block(deck + body)], 13.0, [])
    assert [(heading, len(block.lines)) for heading, block in pieces] == [(True, 4), (False, 8)]


def test_a_paragraph_last_line_measured_bold_is_text_not_a_subhead():
    """Random seed 1445 (recorded, 8.9 px CJK body read at 14): a paragraph's last line of two
    characters, `温。`, measures bold (weight 1.30) and has the next paragraph's indented first line
    under it; set flush left under a full line, with no space above, it ends its paragraph. At
    this size its full stop was misread, so the text could not tell it either."""
    lines = weighed_boxes([((295, 716, 435, 729), 1.09, 1.01), ((266, 736, 435, 750), 1.031, 0.985),
                           ((266, 757, 436, 770), 0.794, 0.972), ((267, 778, 435, 791), 0.969, 1.003),
                           ((268, 798, 435, 812), 0.964, 0.992), ((268, 819, 294, 833), 1.303, 1.017),
                           ((296, 839, 436, 853), 1.025, 0.997), ((267, 860, 432, 874), 0.997, 0.996),
                           ((266, 881, 435, 894), 0.842, 0.99), ((267, 901, 436, 916), 0.845, 0.987),
                           ((267, 922, 435, 936), 0.801, 1.006)])
    pieces = text_blocks([Block(lines)], 14.0, [])
    assert [(heading, len(block.lines)) for heading, block in pieces] == [(False, 11)]


def test_a_bold_line_indented_between_paragraphs_is_still_a_subhead():
    """The same column with its bold line set from an indent (a centred subhead), not flush left
    like a paragraph's end: the paragraph indented under it still marks it a heading."""
    lines = weighed_boxes([((295, 716, 435, 729), 1.09, 1.01), ((266, 736, 435, 750), 1.031, 0.985),
                           ((266, 757, 436, 770), 0.794, 0.972), ((267, 778, 435, 791), 0.969, 1.003),
                           ((268, 798, 435, 812), 0.964, 0.992), ((310, 819, 392, 833), 1.5, 1.3),
                           ((296, 839, 436, 853), 1.025, 0.997), ((267, 860, 432, 874), 0.997, 0.996),
                           ((266, 881, 435, 894), 0.842, 0.99), ((267, 901, 436, 916), 0.845, 0.987),
                           ((267, 922, 435, 936), 0.801, 1.006)])
    pieces = text_blocks([Block(lines)], 14.0, [])
    assert [(heading, len(block.lines)) for heading, block in pieces] == [(False, 5), (True, 1), (False, 5)]


# Random seed 1386 (recorded, 20.3 px CJK body, working scale): a column of text, a bold subhead
# `改善生态，/构建现代茶/产业发展基/础` set from a two-character indent and wrapped over four lines, then the
# next paragraph. Four bold lines are over MAX_SUBHEAD_LINES: all but the first were read as text.
_COLUMN_1386 = [((268, 1014, 374, 1031), 1.19), ((230, 1040, 375, 1057), 1.05), ((230, 1065, 375, 1082), 1.13),
                ((231, 1090, 374, 1107), 1.03), ((231, 1116, 374, 1133), 1.07), ((231, 1141, 375, 1158), 1.09),
                ((231, 1166, 374, 1184), 1.08), ((231, 1192, 375, 1209), 1.03), ((230, 1217, 375, 1234), 1.07),
                ((231, 1242, 363, 1260), 1.27), ((231, 1268, 375, 1285), 1.01), ((231, 1293, 375, 1310), 1.24),
                ((230, 1319, 289, 1335), 1.06)]
_SUBHEAD_1386 = [((267, 1350, 351, 1369), 1.65), ((267, 1376, 362, 1394), 1.87), ((267, 1401, 362, 1419), 1.8),
                 ((267, 1426, 285, 1445), 2.12)]
_AFTER_1386 = [((267, 1455, 375, 1472), 0.98), ((230, 1480, 375, 1497), 1.04), ((230, 1506, 368, 1523), 1.16)]


def test_a_subhead_wrapped_over_four_lines_from_an_indent_is_one_heading():
    lines = [LineBox(box, weight=weight) for box, weight in _COLUMN_1386 + _SUBHEAD_1386 + _AFTER_1386]
    pieces = text_blocks([Block(lines)], 17.0, [])
    assert [(heading, len(block.lines)) for heading, block in pieces] == [(False, 13), (True, 4), (False, 3)]


def test_four_bold_lines_run_flush_left_are_a_paragraph_printed_heavy():
    """The same column with the four bold lines set as a paragraph (the first indented, the rest
    flush left): no head, however ragged."""
    heavy = [((267, 1350, 351, 1369), 1.65), ((230, 1376, 362, 1394), 1.87), ((230, 1401, 362, 1419), 1.8),
             ((230, 1426, 285, 1445), 2.12)]
    lines = [LineBox(box, weight=weight) for box, weight in _COLUMN_1386 + heavy + _AFTER_1386]
    pieces = text_blocks([Block(lines)], 17.0, [])
    assert [heading for heading, _ in pieces] == [False]


def test_a_subhead_set_in_over_its_own_segment_heads_the_text_under_it():
    """Random seed 1356 (recorded, 63.5 px CJK body read at 0.3): a three-line bold subhead
    `培育龙头，/延长茶叶加/工产业链条`, set two characters in, is a column segment of its own over its text's,
    which starts at the column's left edge, two characters left of it: the text did not count as
    following it, and the subhead was read as a paragraph."""
    head = weighed_boxes([((1347, 584, 1435, 603), 1.84, 1.0), ((1347, 611, 1445, 630), 2.0, 1.0),
                          ((1347, 638, 1446, 657), 1.84, 1.0)])
    text = weighed_boxes([((1348, 668, 1498, 686), 1.06, 1.0), ((1309, 696, 1498, 713), 1.03, 1.0),
                          ((1309, 723, 1498, 740), 1.14, 1.0), ((1309, 750, 1486, 768), 1.12, 1.0),
                          ((1310, 777, 1498, 795), 1.05, 1.0), ((1310, 804, 1499, 822), 1.08, 1.0),
                          ((1309, 831, 1498, 849), 1.07, 1.0), ((1309, 858, 1498, 876), 1.02, 1.0),
                          ((1309, 886, 1448, 903), 1.11, 1.0)])
    pieces = text_blocks([Block(head), Block(text)], 18.0, [])
    assert [(heading, len(block.lines)) for heading, block in pieces] == [(True, 3), (False, 9)]


# Random seed 1823 (recorded, 8.3 px CJK body read at 13): a four-line title of four or five
# characters each, bold, over a narrow column; its last line, two characters, centred.
_TITLE_1823 = [((203, 569, 270, 584), 1.312, 1.213), ((201, 590, 270, 607), 1.438, 1.348),
               ((201, 612, 271, 629), 1.489, 1.268), ((218, 635, 254, 650), 1.185, 1.319)]
_COLUMN_1823 = [((214, 667, 284, 680), 0.981, 1.068), ((188, 687, 284, 699), 0.786, 0.951),
                ((189, 707, 285, 719), 1.132, 1.006), ((188, 727, 284, 739), 0.752, 0.959),
                ((188, 747, 284, 760), 0.843, 1.043), ((189, 766, 284, 780), 0.778, 0.934),
                ((188, 786, 285, 799), 0.679, 0.872), ((188, 806, 284, 819), 0.762, 0.975)]


def test_a_title_of_lines_of_one_length_with_its_last_line_centred_is_a_head():
    """The title's segment is its own lines, so three of them reach its edge as justified lines
    do; it was read as a paragraph printed heavy, and its article's text ran on from the article
    above. A paragraph's last line starts flush left; a head's may be centred."""
    pieces = text_blocks([Block(weighed_boxes(_TITLE_1823)), Block(weighed_boxes(_COLUMN_1823))], 13.0, [])
    assert [(heading, len(block.lines)) for heading, block in pieces] == [(True, 4), (False, 8)]


def test_a_heavy_run_of_lines_of_one_length_ending_flush_left_stays_a_paragraph():
    """The same lines with the last one flush left: a paragraph's last line, so no head."""
    flush = _TITLE_1823[:3] + [((201, 635, 237, 650), 1.185, 1.319)]
    pieces = text_blocks([Block(weighed_boxes(flush)), Block(weighed_boxes(_COLUMN_1823))], 13.0, [])
    assert [heading for heading, _ in pieces] == [False, False]


_COLUMN_2362 = [((316, 1488, 362, 1503), 1.35, 1.15), ((346, 1511, 433, 1524), 1.27, 1.08),
                ((315, 1533, 433, 1546), 0.95, 0.94), ((317, 1554, 424, 1568), 1.12, 0.99),
                ((317, 1576, 432, 1589), 1.09, 1.05), ((317, 1598, 434, 1611), 1.25, 1.06),
                ((316, 1620, 432, 1632), 1.24, 1.13), ((315, 1642, 433, 1655), 1.01, 1.03),
                ((317, 1663, 432, 1676), 0.92, 1.01), ((319, 1685, 423, 1697), 0.85, 1.0)]


def _column_before(last_x1: int) -> Block:
    """The column left of 2362's third, level with it, its rows full but the last (ending at `last_x1`)."""
    rows = [((186, 1489 + k * 22, 303, 1502 + k * 22), 1.0, 1.0) for k in range(9)]
    return Block(weighed_boxes(rows + [((186, 1489 + 9 * 22, last_x1, 1502 + 9 * 22), 1.0, 1.0)]))


def test_a_paragraphs_last_line_atop_the_next_column_is_no_subhead():
    """Random seed 2362 (recorded, 9.3 px serif, unit 13): `难问题。`, the last line of a paragraph run
    on from the column before (level with it, its last row full), flush left atop its column segment
    with the next paragraph indented under it, measured bold at this size (1.35) and was typed a
    subhead, cutting the paragraph."""
    pieces = text_blocks([_column_before(303), Block(weighed_boxes(_COLUMN_2362))], 13.0, [])
    assert [(heading, len(block.lines)) for heading, block in pieces if block.bbox[0] > 310] == [(False, 10)]


def test_a_bold_line_flush_left_atop_a_column_no_paragraph_runs_into_is_still_a_head():
    """The same column where the column before it ends its paragraph (or none stands left of it, as
    a byline atop an article's first column: fixture page_i's `本报记者…`): the bold line heads it."""
    for before in ([_column_before(250)], []):
        pieces = text_blocks(before + [Block(weighed_boxes(_COLUMN_2362))], 13.0, [])
        kinds = [(heading, len(block.lines)) for heading, block in pieces if block.bbox[0] > 310]
        assert kinds == [(True, 1), (False, 9)]


def _kinds_atop_carried_column(head_box: tuple[int, int, int, int]) -> list[tuple[bool, int]]:
    """Heading or not, and lines, of the pieces of a column whose bold first line is `head_box`, over an
    indented paragraph, beside a full column whose paragraph runs on into it."""
    before = Block([LineBox((LEFT - 300, 100 + k * PITCH, LEFT - 20, 120 + k * PITCH)) for k in range(7)])
    body = [LineBox((LEFT + (44 if k == 0 else 0), 100 + (k + 1) * PITCH, RIGHT, 120 + (k + 1) * PITCH))
            for k in range(6)]
    pieces = text_blocks([before, Block([LineBox(head_box, weight=1.5)] + body)], UNIT, [])
    return [(heading, len(block.lines)) for heading, block in pieces if block.bbox[0] >= LEFT]


def test_a_subhead_centred_atop_the_column_a_paragraph_runs_on_into_is_still_a_subhead():
    """Random seed 2417 (21 px): `政企携手谋发展`, bold, all but the width of its column, flush left within
    the margin atop the column the paragraph before runs on into, over an indented paragraph: centred,
    it is a subhead, not that paragraph's last line."""
    assert _kinds_atop_carried_column((LEFT + 8, 100, RIGHT - 9, 120)) == [(True, 1), (False, 6)]


def test_a_bold_line_set_in_atop_a_column_over_an_indented_paragraph_is_still_a_subhead():
    """A subhead centred or set from the indent atop a column stays one (the 2362 rule is for a
    line flush left, as a paragraph's last line is set)."""
    assert _kinds_atop_carried_column((LEFT + 60, 100, RIGHT - 60, 120)) == [(True, 1), (False, 6)]


# Random seed 2609 (recorded, 11.2 px Fraktur read at 1.45): a paragraph's end, the subhead `Wie es
# weitergeht` (bold) set two ems in, a segment of its own, and the text under it, whose left edge is 2.7
# units left of the subhead's: more than a paragraph's indent
_ABOVE_2609 = [((69, 229, 594, 242), 1.01, 1.01), ((46, 249, 594, 261), 1.02, 0.99),
               ((47, 268, 594, 280), 1.08, 1.0), ((47, 287, 594, 300), 0.99, 0.98), ((47, 305, 74, 318), 1.18, 0.96)]
_HEAD_2609 = [((79, 332, 257, 345), 1.47, 1.28)]
_BELOW_2609 = [((69, 354, 594, 366), 1.02, 0.99), ((47, 373, 594, 385), 1.06, 1.01), ((47, 394, 69, 406), 1.05, 0.93)]


def test_a_short_bold_line_set_two_ems_in_over_its_text_is_a_subhead():
    """Read as a paragraph of its own, the subhead parted the article's text (paragraph F1 0.89)."""
    pieces = text_blocks([Block(weighed_boxes(rows)) for rows in (_ABOVE_2609, _BELOW_2609, _HEAD_2609)], 12.0, [])
    assert [(heading, block.bbox) for heading, block in pieces] == [
        (False, (46, 229, 594, 318)), (True, (79, 332, 257, 345)), (False, (47, 354, 594, 406))]


def test_a_bold_row_to_the_columns_edge_from_deeper_than_an_indent_is_no_subhead():
    """As random seed 2647 (CJK at 6.6 px): a body row measured bold, boxed from 2.9 units in to the column's
    edge, alone in a segment over its column's text: the row's start cut off, not a head."""
    head = [((82, 332, 594, 345), 1.43, 1.16)]
    pieces = text_blocks([Block(weighed_boxes(rows)) for rows in (_ABOVE_2609, _BELOW_2609, head)], 12.0, [])
    assert [heading for heading, _ in pieces] == [False, False, False]


def test_a_centred_subhead_under_heavily_inked_paragraph_rows_is_a_head():
    """Random seed 2922 (recorded, 18.4 px serif read at 14): `Next Steps`, bold and centred, under
    `ACTION: Notice of intent.` and two `AGENCY: Bureau of Land Manage-` / `ment, Interior.`, whose caps
    and short rows measure bold by their ink (1.25-1.37, strokes plain): the bold run of seven rows was
    too long for a subhead, so the subhead stayed in the paragraph text over it."""
    lines = weighed_boxes([((795, 198, 1144, 213), 1.08, 0.97), ((795, 222, 1143, 237), 0.95, 1.0),
                           ((795, 250, 1144, 261), 1.22, 0.98), ((795, 274, 1143, 285), 1.29, 0.96),
                           ((795, 298, 1054, 308), 1.33, 0.97), ((814, 317, 1055, 332), 1.32, 1.01),
                           ((813, 341, 1144, 356), 1.28, 1.0), ((795, 369, 930, 380), 1.36, 0.98),
                           ((814, 389, 1144, 404), 1.25, 1.01), ((795, 416, 930, 428), 1.37, 0.98),
                           ((910, 444, 1029, 459), 1.87, 1.3), ((815, 471, 1143, 486), 1.02, 1.02),
                           ((795, 495, 1143, 509), 1.07, 1.02), ((795, 519, 1143, 533), 0.97, 0.99),
                           ((795, 542, 1143, 557), 0.96, 0.98), ((795, 570, 1143, 581), 1.04, 1.0),
                           ((795, 594, 1145, 605), 0.86, 0.98), ((795, 614, 1143, 629), 0.97, 0.98),
                           ((795, 638, 1144, 652), 0.9, 1.01), ((795, 662, 1144, 677), 0.93, 1.02),
                           ((795, 689, 842, 700), 1.23, 0.96)])
    pieces = text_blocks([Block(lines)], 14.0, [])
    assert [(heading, len(block.lines)) for heading, block in pieces] == [(False, 10), (True, 1), (False, 10)]
