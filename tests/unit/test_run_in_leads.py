"""A bold lead starting a run-in paragraph (random pages' briefs: `乡村公路完成硬化` set from the
paragraph indent, the text running on flush below it) is the paragraph's first line, not a subhead;
a centred bold line between paragraphs still is one."""

from __future__ import annotations

from broadsheet.layout.blocks import Block, text_blocks
from broadsheet.layout.lines import LineBox
from unit.recorded_lines import weighed_boxes

UNIT = 20.0
PITCH = 30
LEFT, RIGHT = 100, 340  # a 12-character column


def _column(lead: tuple[int, int]) -> tuple[Block, LineBox]:
    """A paragraph ending short, the bold line (x0, x1), then four lines flush left."""
    lines = [LineBox((LEFT + 44, 100, RIGHT, 120)), LineBox((LEFT, 130, RIGHT, 150)), LineBox((LEFT, 160, 200, 180))]
    bold = LineBox((lead[0], 190, lead[1], 210), weight=2.0)
    lines += [bold] + [LineBox((LEFT, 190 + k * PITCH, RIGHT, 210 + k * PITCH)) for k in range(1, 5)]
    return Block(lines), bold


def _heading_lines(block: Block) -> list[list[LineBox]]:
    return [piece.lines for heading, piece in text_blocks([block], UNIT, []) if heading]


def test_a_bold_lead_from_the_indent_runs_on_into_its_paragraph():
    block, lead = _column((LEFT + 44, RIGHT - 8))  # two characters in, ends near the edge
    assert _heading_lines(block) == []


def test_a_centred_bold_line_is_a_subhead():
    block, head = _column((LEFT + 60, RIGHT - 60))
    assert _heading_lines(block) == [[head]]


def test_a_bold_lead_under_a_bold_line_still_runs_on_into_its_paragraph():
    """Random seed 11: a bold line (a byline, a subhead) right over a run-in lead, both measured
    bold, made one heading of two rows and took the lead from its paragraph."""
    block, lead = _column((LEFT + 44, RIGHT - 8))
    over = LineBox((LEFT + 60, 167, RIGHT - 60, 185), weight=2.0)  # centred, space above it
    lines = [over if line.y0 == 160 else line for line in block.lines]
    assert _heading_lines(Block(lines)) == [[over]]


def test_a_bold_lead_under_a_two_line_subhead_runs_on_into_its_paragraph():
    """Random seeds 11, 69, 93, 106, 114, 152, 228: a subhead of two centred lines right over a
    run-in lead (`改善生态，构建现代茶 / 产业发展基础` over `秋季征兵开始报名 据…`) made one heading of
    three rows: the lead was lost from its paragraph and glued to the subhead."""
    lines = [LineBox((LEFT + 44, 100, RIGHT, 120)), LineBox((LEFT, 130, RIGHT, 150)), LineBox((LEFT, 160, 200, 180))]
    head = [LineBox((LEFT + 20, 197, RIGHT - 20, 215), weight=2.0),
            LineBox((LEFT + 60, 227, RIGHT - 60, 245), weight=2.0)]
    lead = LineBox((LEFT + 44, 257, RIGHT - 8, 277), weight=2.0)
    lines += head + [lead] + [LineBox((LEFT, 257 + k * PITCH, RIGHT, 277 + k * PITCH)) for k in range(1, 5)]
    assert _heading_lines(Block(lines)) == [head]


# seed 2035 (kai at 15.6 px, unit 14): a column whose body measures heavy throughout (weights 1.03-1.37);
# a paragraph ends (`…。` short), the next opens from the indent with a run-in lead over a row and a half
# (`严格执行首问` / `负责制度。昌吉州` / `住房公积金管理中`), three rows that measure bold, then plain rows
COLUMN_2035 = [((343, 1370, 467, 1385), 1.272, 0.991), ((343, 1396, 467, 1410), 1.369, 1.028),
               ((343, 1422, 399, 1435), 1.217, 0.989), ((375, 1447, 466, 1460), 1.361, 1.016),
               ((346, 1472, 465, 1486), 1.309, 1.004), ((343, 1497, 465, 1511), 1.347, 1.005),
               ((343, 1523, 467, 1536), 1.255, 1.028), ((343, 1549, 465, 1561), 1.248, 0.993),
               ((343, 1574, 465, 1587), 1.293, 1.028), ((343, 1599, 467, 1612), 1.179, 0.978),
               ((344, 1624, 467, 1638), 1.213, 1.046), ((342, 1650, 465, 1663), 1.177, 1.01),
               ((343, 1675, 466, 1688), 1.029, 1.023), ((351, 1699, 466, 1714), 0.877, 0.974),
               ((343, 1725, 383, 1739), 1.255, 1.058)]


def test_bold_rows_set_as_a_paragraphs_opening_are_text_not_a_subhead():
    """From the indent, then flush left, each row but the last run to the column's edge: a paragraph's
    first rows (the lead and the text it runs into), not a three-line subhead cut out of the column."""
    lines = weighed_boxes(COLUMN_2035)
    pieces = text_blocks([Block(lines)], 14.0, [])
    assert [(heading, len(block.lines)) for heading, block in pieces] == [(False, 15)]


# seed 2057 (serif at 14.8 px, unit 14): a paragraph ends (`的价格。`, measured bold), the next opens
# from the indent with its agency lead (`本报讯 记者刘茜、` / `通讯员宋华敏报道:3月24`), both rows bold;
# the first row's closing `、` inks only the left of its square, so it ends 10 px short of the edge
COLUMN_2057 = [((816, 377, 977, 390), 1.195, 1.044),
               ((815, 399, 978, 413), 1.277, 1.043), ((815, 421, 864, 435), 1.332, 1.056),
               ((846, 443, 968, 457), 1.309, 1.076), ((815, 465, 978, 479), 1.369, 1.077),
               ((817, 488, 977, 501), 1.132, 1.059), ((815, 510, 978, 524), 1.332, 1.063),
               ((816, 532, 978, 546), 1.313, 1.024), ((816, 554, 977, 568), 1.173, 1.02),
               ((815, 576, 977, 590), 0.957, 1.0), ((816, 599, 977, 613), 0.949, 1.008)]


def test_a_paragraphs_bold_opening_row_ending_in_a_comma_still_runs_on():
    """The opening row ends a comma's blank short of the column's edge, within a paragraph end's
    margin: the two rows are the paragraph's opening, not a two-line subhead cut from it."""
    lines = weighed_boxes(COLUMN_2057)
    pieces = text_blocks([Block(lines)], 14.0, [])
    assert [(heading, len(block.lines)) for heading, block in pieces] == [(False, 11)]


# seed 2047 (serif at 24 px, unit 17): a byline flush left over its first paragraph, whose opening
# rows (`市交通运输局提醒，` from the indent, then `大桥通行后将实行限速每` flush) measure bold too
COLUMN_2047 = [((1721, 368, 1874, 385), 1.444, 1.26), ((1759, 393, 1907, 410), 1.397, 1.083),
               ((1722, 418, 1919, 435), 1.368, 1.054), ((1722, 443, 1919, 460), 1.122, 1.031),
               ((1723, 468, 1919, 485), 1.352, 1.083), ((1721, 494, 1920, 510), 1.306, 1.058),
               ((1721, 519, 1853, 535), 1.277, 1.077), ((1759, 543, 1919, 560), 1.287, 1.071),
               ((1721, 568, 1907, 586), 1.067, 1.037), ((1723, 594, 1919, 611), 1.201, 1.006)]


def test_a_byline_over_a_paragraphs_bold_opening_rows_heads_alone():
    """The bold run byline + opening is cut before the opening, as before a one-row run-in lead:
    the byline alone is the heading, the paragraph keeps its first two rows."""
    lines = weighed_boxes(COLUMN_2047)
    pieces = text_blocks([Block(lines)], 17.0, [])
    assert [(heading, len(block.lines)) for heading, block in pieces] == [(True, 1), (False, 9)]


def test_a_subhead_set_from_the_indent_and_wrapped_is_still_a_subhead():
    """Random seed 1930 (7.9 px): a subhead set from the indent over two rows, the first ending a comma
    short of the edge, the second flush left, then a paragraph from the indent: shaped as a paragraph's
    opening but for the row under it, which opens a paragraph instead of going on."""
    lines = [LineBox((LEFT + 44, 100, RIGHT, 120)), LineBox((LEFT, 130, RIGHT, 150)), LineBox((LEFT, 160, 200, 180))]
    head = [LineBox((LEFT + 44, 190, RIGHT - 10, 210), weight=2.0), LineBox((LEFT, 220, 180, 240), weight=2.0)]
    lines += head + [LineBox((LEFT + 44, 250, RIGHT, 270))] + [LineBox((LEFT, 250 + k * PITCH, RIGHT, 270 + k * PITCH))
                                                               for k in range(1, 4)]
    assert _heading_lines(Block(lines)) == [head]


# seed 2610 (ming at 41 px, unit 19): a column ends with a subhead set from the indent (`科技赋` / `能增动` /
# `力`, 21 px rows) over the run-in lead `图书馆延`, which runs to the column's edge and goes on (`长开放`)
# atop the next column
COLUMN_2610 = [((126, 243, 208, 262), 2.442, 1.504), ((86, 276, 208, 294), 0.894, 1.009),
               ((86, 308, 207, 326), 0.816, 1.023), ((86, 340, 207, 359), 0.977, 1.004),
               ((87, 372, 193, 391), 0.847, 0.962), ((97, 405, 208, 424), 0.896, 1.001),
               ((87, 438, 208, 456), 0.747, 1.01), ((86, 470, 208, 489), 0.991, 1.002),
               ((86, 502, 208, 521), 0.62, 0.967), ((87, 535, 208, 553), 0.681, 0.982),
               ((86, 567, 208, 586), 0.756, 0.974), ((97, 599, 208, 619), 0.629, 1.014),
               ((86, 631, 208, 651), 0.624, 1.0), ((86, 664, 208, 683), 1.035, 0.954),
               ((86, 697, 200, 715), 0.841, 1.0), ((126, 736, 190, 757), 2.456, 1.476),
               ((127, 769, 190, 790), 2.513, 1.466), ((127, 801, 146, 822), 1.907, 1.541),
               ((127, 837, 208, 856), 2.553, 1.507)]


def test_a_run_in_lead_ending_its_column_under_a_subhead_is_parted_from_the_subhead():
    """The column's last row, from the indent to the column's edge, is a run-in lead whose paragraph goes
    on in the next column: the subhead above it is a heading, the lead text (it was all one bold run at
    the column's end, taken for text, and the subhead was read into the paragraph before)."""
    lines = weighed_boxes(COLUMN_2610)
    pieces = text_blocks([Block(lines)], 19.0, [])
    assert [(heading, len(block.lines)) for heading, block in pieces] == [(False, 15), (True, 3), (False, 1)]


def test_a_bold_run_ending_its_column_short_of_the_edge_is_left_whole():
    """Guard: the same run whose last row ends short of the column's edge is no lead going on; the run is
    settled whole, as before (no text follows, so it stays text)."""
    rows = COLUMN_2610[:-1] + [((127, 837, 190, 856), 2.553, 1.507)]
    pieces = text_blocks([Block(weighed_boxes(rows))], 19.0, [])
    assert [(heading, len(block.lines)) for heading, block in pieces] == [(False, 15), (False, 4)]


# seed 2610: two columns level at the top; the left one's last row (`本报讯 记者`, from the indent) runs to
# its edge, and the bold agency lead goes on flush left atop the right one (`何丽娟 通讯员张` / `永强报道：
# 记者从`, both measured bold) before the plain text
LEFT_2610 = [((1216, 1113, 1336, 1132), 1.217, 1.042), ((1176, 1146, 1336, 1164), 1.109, 0.99),
             ((1176, 1178, 1336, 1197), 1.008, 0.995), ((1176, 1210, 1322, 1229), 1.174, 0.982),
             ((1176, 1243, 1336, 1261), 1.013, 0.98), ((1176, 1275, 1335, 1294), 1.039, 0.971),
             ((1176, 1307, 1336, 1327), 1.104, 1.006), ((1176, 1340, 1322, 1358), 1.053, 0.995),
             ((1176, 1372, 1336, 1391), 1.257, 1.008), ((1175, 1405, 1336, 1423), 0.797, 0.953),
             ((1178, 1437, 1335, 1456), 1.048, 0.954), ((1176, 1470, 1229, 1488), 0.919, 0.992),
             ((1216, 1502, 1336, 1521), 0.965, 1.021)]
RIGHT_2610 = [((1357, 1113, 1518, 1131), 1.475, 1.033), ((1358, 1146, 1517, 1164), 1.375, 1.015),
              ((1358, 1178, 1518, 1197), 1.281, 0.979), ((1358, 1210, 1518, 1229), 1.105, 1.016),
              ((1357, 1243, 1518, 1261), 1.109, 1.016), ((1358, 1275, 1516, 1293), 0.887, 0.946),
              ((1358, 1307, 1518, 1326), 1.187, 1.004), ((1358, 1340, 1518, 1359), 1.191, 1.008),
              ((1358, 1372, 1511, 1391), 0.953, 1.046), ((1358, 1405, 1518, 1423), 1.348, 0.982),
              ((1359, 1437, 1518, 1456), 1.271, 0.977), ((1358, 1470, 1431, 1489), 1.131, 0.986)]


def test_a_bold_lead_carried_to_the_top_of_the_next_column_is_text():
    """Flush left, both rows to the column's edge, the text going on flush under them, in a column a
    paragraph runs on into: the lead's rest, not a subhead (it was cut out as one, the paragraph split)."""
    left, right = Block(weighed_boxes(LEFT_2610)), Block(weighed_boxes(RIGHT_2610))
    pieces = text_blocks([left, right], 19.0, [])
    assert [(heading, len(block.lines)) for heading, block in pieces] == [(False, 13), (False, 12)]


def test_a_bold_head_atop_a_column_nothing_runs_on_into_is_still_a_heading():
    """Guard: the same right column alone (no paragraph carried into it) keeps its bold rows a heading."""
    pieces = text_blocks([Block(weighed_boxes(RIGHT_2610))], 19.0, [])
    assert [(heading, len(block.lines)) for heading, block in pieces] == [(True, 2), (False, 10)]


# seed 2647 (6.6 px ming, 14 px working): a paragraph ends short (`…`, 295-360), the next opens with a bold
# run-in lead boxed from 2.6 units in (two characters of a face filling less of its em, box padding) and
# runs on flush left
RUN_IN_2647 = [((295, 944, 485, 958), 0.87, 1.0), ((295, 970, 484, 984), 1.1, 1.09),
               ((311, 996, 483, 1009), 1.09, 0.99), ((293, 1021, 483, 1036), 1.04, 1.08),
               ((301, 1047, 484, 1062), 1.05, 1.05), ((295, 1072, 360, 1086), 0.9, 0.97),
               ((329, 1097, 487, 1114), 2.08, 1.73), ((293, 1124, 483, 1138), 0.95, 0.95),
               ((294, 1151, 485, 1164), 1.15, 1.04)]


def test_a_bold_lead_boxed_a_cjk_indent_in_runs_on_into_its_paragraph():
    """A run-in lead starts no further in than two characters measure (`SUBHEAD_INDENT`); further in, a
    bold row is a head centred over its column (`test_latin_heads`, seed 2784)."""
    assert [heading for heading, _ in text_blocks([Block(weighed_boxes(RUN_IN_2647))], 14.0, [])] == [False]
