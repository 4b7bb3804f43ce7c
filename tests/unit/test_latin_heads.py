"""Latin notices' heads set in bold body type (issue 16, wave 21): a head's first line that measures
just under bold, a deck's row boxed tall that measures light, a deck under the last notice's end in
the same column, or under a caption's credit on a row of its own, a head's rows of thin letters measuring
nearly bold, a head centred over a segment as narrow as its paragraph's first line (recorded lines of random
seeds 2104, 2085, 2076, 2678, 2794, 2784)."""

from __future__ import annotations

from broadsheet.layout.blocks import Block, text_blocks
from unit.recorded_lines import weighed_boxes

# seed 2104 (17 px Latin sans, skewed 1.5 degrees), the third column's top: the caps kicker
# `DEPARTMENT OF THE` (weight 1.23, stroke 1.12: under bold), `INTERIOR` / `Resource Advisory Council` /
# `Meeting` bold, then the notice's first paragraph from an indent
HEAD_2104 = [((725, 176, 940, 191), 1.228, 1.12), ((725, 196, 822, 209), 1.48, 1.22),
             ((726, 216, 973, 229), 1.26, 1.2), ((725, 236, 801, 249), 1.43, 1.21)]
BODY_2104 = [((743, 261, 1040, 274), 0.92, 0.98), ((725, 281, 1040, 294), 0.92, 0.99),
             ((725, 300, 1040, 313), 0.94, 0.99), ((725, 319, 948, 332), 1.04, 1.02),
             ((743, 345, 1041, 358), 1.05, 1.02), ((725, 367, 1040, 380), 0.96, 0.97),
             ((725, 386, 1040, 399), 0.9, 1.0)]


def test_a_heads_first_line_measuring_just_under_bold_is_part_of_the_head():
    """Left as text, the kicker was the end of the article to the left's paragraph, and the head
    under it a subhead of that article: two articles as one (article F1 0.57)."""
    pieces = text_blocks([Block(weighed_boxes(HEAD_2104 + BODY_2104))], 12.0, [])
    assert [(heading, len(block.lines)) for heading, block in pieces] == [(True, 4), (False, 7)]


def test_a_heavy_paragraph_end_over_a_subhead_set_with_space_above_stays_text():
    """A continued paragraph's heavy short last line topping a column, a subhead a blank line under it."""
    end = [((725, 150, 900, 163), 1.25, 1.1)]
    head = [((725, 190, 822, 203), 1.48, 1.22), ((726, 210, 973, 223), 1.4, 1.2)]
    body = [((743, 235, 1040, 248), 0.92, 0.98)]
    body += [((725, 254 + 19 * k, 1040, 267 + 19 * k), 0.95, 1.0) for k in range(5)]
    pieces = text_blocks([Block(weighed_boxes(end + head + body))], 12.0, [])
    assert [(heading, len(block.lines)) for heading, block in pieces] == [(False, 1), (True, 2), (False, 6)]


# seed 2085 (13.6 px Latin serif), a notice's deck at a column's top: eight bold rows, the seventh
# (`Land in Elko County,`) boxed 19 px tall among 12 px rows, so its ink covers its band lightly (weight
# 1.10) while its strokes measure as bold as the rest (1.38); then the notice's first paragraph
DECK_2085 = [((1199, 145, 1385, 159), 1.66, 1.44), ((1199, 164, 1281, 176), 1.98, 1.53),
             ((1199, 182, 1331, 194), 1.62, 1.5), ((1199, 201, 1312, 212), 1.78, 1.49),
             ((1199, 218, 1404, 230), 1.66, 1.46), ((1199, 236, 1404, 248), 1.67, 1.48),
             ((1199, 247, 1376, 266), 1.1, 1.38), ((1199, 271, 1263, 284), 1.7, 1.47)]
BODY_2085 = [((1220, 295, 1415, 308), 0.96, 1.03), ((1199, 316, 1415, 326), 0.83, 0.96),
             ((1198, 332, 1415, 344), 0.91, 0.96), ((1199, 369, 1414, 379), 1.06, 1.01),
             ((1199, 388, 1415, 397), 0.91, 1.01), ((1199, 404, 1414, 415), 0.92, 0.99)]


def test_a_deck_row_boxed_tall_between_bold_rows_is_bold_by_its_strokes():
    """Read as text, the row parted the deck: `Land in Elko County,` a paragraph, `Nevada` a subhead."""
    pieces = text_blocks([Block(weighed_boxes(DECK_2085 + BODY_2085))], 12.0, [])
    assert [(heading, len(block.lines)) for heading, block in pieces] == [(True, 8), (False, 6)]


# seed 2076 (33 px Latin sans, 18 px working): a notice's last short line, then, a little more than a
# line's pitch under it, the next notice's deck (`DEPARTMENT OF THE` / `INTERIOR` / `Resource Advisory
# Council` / `Meeting`, bold, flush left) and its first paragraph: four bold rows, over a subhead's three
DECK_2076 = [((1230, 684, 1331, 697), 0.76, 0.84), ((1231, 720, 1524, 739), 1.49, 1.2),
             ((1231, 749, 1359, 768), 1.66, 1.2), ((1231, 778, 1484, 796), 1.33, 1.16),
             ((1230, 806, 1449, 825), 1.31, 1.17), ((1263, 844, 1472, 863), 1.11, 1.02),
             ((1231, 872, 1570, 891), 0.93, 1.0), ((1231, 901, 1570, 920), 0.92, 0.98),
             ((1231, 934, 1569, 948), 0.97, 1.0), ((1230, 962, 1569, 976), 0.91, 0.99)]


def test_a_flush_left_deck_under_a_notices_end_is_a_head_however_many_rows():
    pieces = text_blocks([Block(weighed_boxes(DECK_2076))], 18.0, [])
    assert [(heading, len(block.lines)) for heading, block in pieces] == [(False, 1), (True, 4), (False, 5)]


# seed 2678 (11.9 px Latin serif), a boxed notice's column under its photo: the caption (`Volunteers replant
# native sagebrush along the Lamoille Canyon trail in April.`), its credit `Photo: J. Smith` set flush right on
# a row of its own, then, a little more than a line's pitch under it, the next notice's twelve-row bold deck
# (`DEPARTMENT OF` / `AGRICULTURE` / ... / `Environmental Impact Statement`) and its first paragraph
CAPTION_2678 = [((1127, 304, 1205, 312), 1.04, 0.96), ((1239, 305, 1290, 312), 1.1, 0.98),
                ((1127, 324, 1171, 333), 1.07, 0.98), ((1215, 324, 1290, 333), 1.07, 0.99),
                ((1126, 343, 1291, 354), 0.83, 0.99), ((1126, 364, 1275, 375), 0.94, 0.95),
                ((1181, 384, 1290, 396), 0.94, 0.95)]
DECK_2678 = [((1127, 411, 1288, 424), 1.46, 1.29), ((1126, 430, 1260, 443), 1.43, 1.27),
             ((1127, 450, 1252, 462), 1.35, 1.29), ((1127, 469, 1272, 481), 1.49, 1.36),
             ((1127, 488, 1268, 500), 1.45, 1.34), ((1127, 507, 1274, 519), 1.41, 1.35),
             ((1127, 526, 1278, 538), 1.45, 1.33), ((1127, 545, 1189, 557), 1.47, 1.33),
             ((1127, 564, 1268, 576), 1.38, 1.31), ((1126, 582, 1251, 595), 1.23, 1.35),
             ((1127, 602, 1257, 614), 1.49, 1.33), ((1127, 621, 1286, 633), 1.46, 1.34)]
BODY_2678 = [((1147, 646, 1222, 659), 1.0, 0.93), ((1127, 664, 1291, 678), 0.83, 1.0),
             ((1126, 686, 1245, 696), 1.13, 0.99), ((1126, 702, 1237, 715), 0.99, 0.97)]


def test_a_flush_left_deck_under_a_credit_set_flush_right_on_its_own_row_is_a_head():
    """The credit ends the caption as a short last line would: read as a full row, the deck was bold text,
    the notice's title its first paragraph (paragraph F1 0.96, the same by boxes)."""
    pieces = text_blocks([Block(weighed_boxes(CAPTION_2678 + DECK_2678 + BODY_2678))], 12.0, [])
    assert [(heading, len(block.lines)) for heading, block in pieces] == [(False, 7), (True, 12), (False, 4)]


# seed 2794 (18.8 px Latin sans, 14 px working), a column's top: a notice's head in bold serif over the sans
# body (`DEPARTMENT OF` / `AGRICULTURE` / `Forest Service` / `Ruby Mountains Ranger` / `District; Lamoille
# Canyon Trail` / `Restoration Project` / `Notice of Intent To Prepare an` / `Environmental Impact` /
# `Statement`): its rows of thin lowercase letters weigh 1.16-1.30, under bold, between rows of 1.30-1.50; then
# the notice's first paragraphs, weighing 0.87-1.00
HEAD_2794 = [((787, 804, 977, 819), 1.377, 1.06), ((785, 828, 946, 843), 1.35, 0.95),
             ((787, 853, 936, 867), 1.299, 1.021), ((787, 876, 1042, 891), 1.302, 1.07),
             ((787, 900, 1112, 915), 1.261, 0.957), ((786, 925, 992, 939), 1.389, 0.993),
             ((787, 948, 1109, 963), 1.162, 1.075), ((787, 973, 1023, 987), 1.422, 0.971),
             ((787, 997, 896, 1011), 1.495, 0.97)]
BODY_2794 = [((812, 1028, 1047, 1043), 0.991, 1.06), ((812, 1053, 1124, 1067), 0.9, 0.907),
             ((787, 1079, 1124, 1091), 0.996, 0.962), ((787, 1103, 1123, 1115), 0.89, 1.04),
             ((787, 1125, 1124, 1139), 0.998, 0.896), ((787, 1151, 1124, 1163), 0.869, 0.932)]


def test_a_heads_rows_measuring_nearly_bold_between_bold_rows_are_part_of_the_head():
    """Judged alone, the head was cut row by row: `DEPARTMENT OF` / `AGRICULTURE` the title, `Forest
    Service` and `District; Lamoille …` / `Restoration Project` / `Notice of Intent …` paragraphs, the
    rest subheads (paragraph F1 0.95, the same by boxes)."""
    pieces = text_blocks([Block(weighed_boxes(HEAD_2794 + BODY_2794))], 14.0, [])
    assert [(heading, len(block.lines)) for heading, block in pieces] == [(True, 9), (False, 6)]


# seed 2647 (6.6 px ming, 14 px working), a column's top: a body measuring heavy throughout (1.16-1.44),
# its first and third rows over bold by chance
HEAVY_BODY_2647 = [((305, 313, 488, 327), 1.35, 1.14), ((306, 339, 488, 352), 1.23, 1.06),
                   ((305, 365, 467, 378), 1.44, 1.16), ((305, 391, 487, 403), 1.25, 1.04),
                   ((305, 416, 488, 430), 1.21, 1.08), ((306, 442, 489, 455), 1.3, 1.1),
                   ((303, 468, 483, 481), 1.36, 1.14), ((305, 494, 486, 507), 1.16, 1.04),
                   ((305, 520, 489, 532), 1.2, 1.09)]


def test_a_row_of_a_heavy_body_between_rows_measuring_bold_by_chance_is_still_text():
    """Nearly bold is measured over the segment's plain rows: 1.23 is no more than this body weighs (the
    first row, alone, is left to what the rest of its column says)."""
    pieces = text_blocks([Block(weighed_boxes(HEAVY_BODY_2647))], 14.0, [])
    second = [heading for heading, block in pieces if any(line.y0 == 339 for line in block.lines)]
    assert second == [False]


def test_a_row_measuring_nearly_bold_under_a_bold_row_is_still_text():
    """Only between two bold rows: a bold row then a row weighing under bold, ending the head, stays apart."""
    pieces = text_blocks([Block(weighed_boxes(HEAD_2794[:3] + BODY_2794))], 14.0, [])
    assert [(heading, len(block.lines)) for heading, block in pieces][0] == (True, 2)


# seed 2784 (55.6 px Latin serif, 14 px working), a column segment of two rows: the subhead `Background`
# (bold) centred over its column (478-1105), over a notice's one-row paragraph `AGENCY: Forest Service, USDA.`
# set from the indent, so the segment's edge is that indent; then the next such segment, `Costs and Schedule`
# over the first row of `SUMMARY: In accordance with …`
BACKGROUND_2784 = [((725, 1407, 857, 1422), 1.864, 1.192), ((499, 1431, 810, 1446), 1.042, 0.992)]
COSTS_2784 = [((681, 1461, 900, 1476), 1.705, 1.167), ((500, 1485, 1106, 1499), 1.105, 1.0)]


def test_a_bold_row_further_in_than_an_indent_over_a_narrow_segment_is_a_subhead():
    """Taken for run-in leads (set in, the row under flush with the segment's edge), both subheads were read
    into the paragraph under them: `Background AGENCY: …`, `Costs and Schedule SUMMARY: …` (paragraph F1
    0.95, the same by boxes)."""
    for rows in (BACKGROUND_2784, COSTS_2784):
        pieces = text_blocks([Block(weighed_boxes(rows))], 14.0, [])
        assert [(heading, len(block.lines)) for heading, block in pieces] == [(True, 1), (False, 1)]
