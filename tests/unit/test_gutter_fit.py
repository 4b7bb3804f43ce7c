"""A first row joined over half-em gutters whose blank starts a pixel or two past the column's edge
(issue 16, wave 25; recorded boxes and ink of random seed 2523, 9.4 px Fraktur, four columns 0.53 em
apart): `noch`'s last letter inks two pixels past its column's measured edge, over the 1.8 px that
`GUTTER_FIT` allowed at a 12 px body, so the row stayed whole over three columns and read as one line."""

from __future__ import annotations

import numpy as np

from broadsheet.layout.blocks import cut_at_gutters
from broadsheet.layout.lines import LineBox

UNIT = 12.0
COLUMNS = [(59, 258), (267, 466), (476, 675), (684, 883)]
# the columns' first rows at working scale, as the detector boxed them, and the rows under them
ROWS = [(77, 256, 728, 270), (60, 278, 675, 290), (703, 277, 885, 291),
        (59, 299, 258, 311), (267, 299, 467, 311), (685, 299, 884, 311)]
# inked runs [x0, x1) down each joined row's middle
INK = {(77, 256, 728, 270): [(77, 106), (118, 154), (166, 197), (198, 211), (223, 231), (232, 259), (267, 286),
                             (301, 319), (335, 359), (374, 387), (389, 423), (439, 459), (460, 468), (476, 524),
                             (525, 537), (538, 565), (592, 605), (631, 676), (685, 728)],
       (60, 278, 675, 290): [(60, 79), (89, 119), (120, 160), (161, 172), (173, 177), (187, 194), (196, 217),
                             (228, 259), (267, 304), (305, 332), (343, 360), (361, 381), (382, 383), (395, 412),
                             (423, 434), (436, 449), (450, 467), (476, 496), (497, 522), (523, 524), (543, 568),
                             (586, 610), (628, 667), (668, 675)],
       (703, 277, 885, 291): [(703, 727), (732, 816), (823, 853), (859, 885)]}


def test_a_row_over_three_gutters_is_cut_at_each():
    ink = np.zeros((320, 900), np.uint8)
    for (_, y0, _, y1), runs in INK.items():
        for x0, x1 in runs:
            ink[y0:y1, x0:x1] = 255
    lines = [LineBox(box) for box in ROWS]
    out = cut_at_gutters(lines, COLUMNS, UNIT, ink, lines)
    first = sorted((l.x0, l.x1) for l in out if l.y0 == 256)
    assert first == [(77, 259), (267, 468), (476, 676), (685, 728)]


def _joined_row_cut(left_ink: tuple[int, int], right_ink: tuple[int, int], under: list[tuple]) -> list[tuple]:
    """Columns 1 and 2's rows joined into one box at y 465, inked over the spans given, cut at the gutter."""
    ink = np.zeros((520, 900), np.uint8)
    ink[467:476, left_ink[0]:left_ink[1]] = 255
    ink[467:476, right_ink[0]:right_ink[1]] = 255
    lines = [LineBox(box) for box in [(59, 445, 259, 456), (268, 445, 436, 457), (59, 465, 467, 477), *under]]
    out = cut_at_gutters(lines, COLUMNS, UNIT, ink, lines)
    return sorted(l.bbox for l in out if l.y0 == 465)


def test_a_paragraphs_first_row_cut_off_the_row_beside_it_keeps_its_indent():
    """Column 2's `Auf dem Gelände der`, set from the paragraph indent (ink from x 286, its column from
    267), joined to column 1's row: the blank runs past the window the cut looks in (the gutter and a
    column's tolerance), and the right piece was boxed from the window's end (274), an indent of 7 px
    that no paragraph break reads: the paragraph ran on from the one above."""
    cut = _joined_row_cut((59, 259), (286, 467), [(59, 485, 188, 498), (267, 486, 468, 498)])
    assert cut == [(59, 465, 259, 477), (286, 465, 467, 477)]


def test_a_short_last_row_cut_off_the_row_beside_it_ends_at_its_ink():
    """The mirror case: the left column's row ends short (a paragraph's last line), its blank running
    left of the window: the left piece ends at its last letter, not at the window's start."""
    cut = _joined_row_cut((59, 200), (267, 467), [(59, 485, 258, 498), (267, 486, 468, 498)])
    assert cut == [(59, 465, 200, 477), (267, 465, 467, 477)]
