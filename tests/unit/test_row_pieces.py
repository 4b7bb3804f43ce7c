"""Body lines found in pieces side by side (issue 16, wave 8): a box reaching into the column beside
leaves no sliver of that column's last character as a line of its own, and a gutter parts rows."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from broadsheet.layout.blocks import column_intervals, cut_at_gutters
from broadsheet.layout.lines import LineBox, _blank_runs, merge_row_fragments, split_at_gaps
from broadsheet.layout.rules import Rule

UNIT = 14  # body ink height, px
PITCH = 22  # body line pitch


def _page(width: int = 700, rows: int = 9) -> np.ndarray:
    return np.zeros((rows * PITCH + 40, width), dtype=bool)


def _ink(ink: np.ndarray, x0: int, y0: int, x1: int, y1: int) -> LineBox:
    """Solid ink, the box tight around it (words without letter gaps are enough for these rules)."""
    ink[y0:y1, x0:x1] = True
    return LineBox((x0, y0, x1, y1))


def _column(ink: np.ndarray, x0: int, x1: int, skip: int) -> list[LineBox]:
    """Whole body lines down a column, every row but `skip` (the row under test)."""
    return [_ink(ink, x0, 20 + r * PITCH, x1, 20 + r * PITCH + UNIT) for r in range(9) if r != skip]


def _joined(lines: list[LineBox], ink: np.ndarray, left: LineBox, right: LineBox) -> bool:
    merged, _ = merge_row_fragments(lines, UNIT, [], ink)
    return any(m.x0 <= left.x0 and m.x1 >= right.x1 and m.y0 <= left.y1 and m.y1 >= left.y0 for m in merged)


def test_a_gutter_still_parts_two_columns():
    # Two columns 2 units apart, every row in two boxes: no line runs across the blank
    ink = _page()
    lines = _column(ink, 40, 300, skip=4) + _column(ink, 328, 588, skip=4)
    y = 20 + 4 * PITCH
    left = _ink(ink, 40, y, 300, y + UNIT)
    right = _ink(ink, 328, y + 4, 588, y + 12)
    assert not _joined(lines + [left, right], ink, left, right)


def test_a_box_reaching_into_the_column_beside_leaves_no_sliver_of_its_last_character():
    # CJK columns 0.9 em apart (random seed 874): the right column's detector boxes start 3 px
    # inside the left column's last character (a comma's tail, a few rows of ink at its foot)
    ink = _page()
    boxes = []
    for r in range(9):
        y = 20 + r * PITCH
        ink[y:y + 17, 40:200] = True
        ink[y + 12:y + 17, 201:204] = True  # the tail
        ink[y:y + 17, 220:380] = True
        boxes += [LineBox((36, y - 3, 205, y + 20)), LineBox((201, y - 3, 384, y + 20))]
    pieces, _ = split_at_gaps(boxes, ink, [])
    assert not [p for p in pieces if p.x0 >= 200 and p.x1 <= 205]
    assert len([p for p in pieces if p.x0 >= 215]) == 9


def test_a_rows_last_character_past_a_blank_lined_up_down_the_column_is_not_cut_off():
    # Random seed 2686 (34 px kai): a justified column's characters stand on a grid, so the blank a
    # narrow last character leaves (项|目, ，|完) lines up with the lines around's: the stripe of
    # paper down the column was taken for a gutter, and 目, 完 and 区 became lines of their own
    ink = _page()
    boxes = []
    for r in range(9):
        y = 20 + r * PITCH
        ink[y:y + 17, 40:280] = True
        ink[y:y + 17, 292:304] = True  # the last character, 12 px past a 12 px blank
        boxes.append(LineBox((36, y - 3, 308, y + 20)))
    pieces, cuts = split_at_gaps(boxes, ink, [])
    assert not cuts and all(p.x0 == 40 and p.x1 == 304 for p in pieces)


def test_a_column_beside_a_character_wide_is_still_cut_off():
    # A guard: the same rows with a column beside them, its first character boxed with the row
    ink = _page()
    boxes = []
    for r in range(9):
        y = 20 + r * PITCH
        ink[y:y + 17, 40:280] = True
        ink[y:y + 17, 292:560] = True
        boxes.append(LineBox((36, y - 3, 308, y + 20)) if r == 4 else LineBox((36, y - 3, 284, y + 20)))
        if r != 4:
            boxes.append(LineBox((288, y - 3, 564, y + 20)))
    pieces, _ = split_at_gaps(boxes, ink, [])
    row = sorted(p.bbox[::2] for p in pieces if p.y0 <= 20 + 4 * PITCH < p.y1)
    assert row == [(40, 280), (292, 308)]


def test_a_headline_split_at_its_word_space_is_one_line():
    # Random seed 1079 (17 px body): `老城区雨污分流改造 年内完工`, 43-46 px type, boxed in two 52 px
    # (1.21 of its size) apart, was two titles each heading columns of one article; titles side by
    # side on a row stand 2.4 times their size apart and more
    ink = np.zeros((120, 1400), dtype=bool)
    left = _ink(ink, 100, 30, 541, 76)
    right = _ink(ink, 593, 32, 788, 75)
    assert _joined([left, right], ink, left, right)
    apart = _ink(ink, 890, 30, 1300, 76)  # the next title, 2.4 times its size on
    assert not _joined([right, apart], ink, right, apart)


def test_short_columns_under_a_caption_across_both_stay_apart():
    # Random seed 1070 (59 px CJK, a one-character gutter): under a photo's caption that runs across
    # two columns, the columns hold four and three lines; the caption's lines run through the gutter
    # and vote it a word space, and too few lines around end and start at it for a column edge. Each
    # piece's own column, its lines one under another, ends (starts) at the gutter
    ink = _page(rows=10)
    caption = [_ink(ink, 40, 20 + r * PITCH, 588, 20 + r * PITCH + UNIT) for r in range(4)]
    top = 20 + 4 * PITCH + UNIT  # the caption's last line is a line's pitch and more above
    left = [_ink(ink, 40, top + r * PITCH, 300, top + r * PITCH + UNIT) for r in range(4)]
    right = [_ink(ink, 314, top + r * PITCH, 588, top + r * PITCH + UNIT) for r in range(3)]
    lines = caption + left + right
    for l, r in zip(left, right):
        assert not _joined(lines, ink, l, r)


def test_a_two_line_column_under_a_caption_stays_apart_from_the_indented_column_beside():
    # Random seed 2696 (65 px ming, a 0.9 em gutter): under a caption across both, the left column
    # holds a paragraph's last two lines (the second short), the right one opens a paragraph two
    # characters in; the caption voted the 3 em blank a word space, no line of the left column ended
    # at the gutter but the row under test, and `镇建起了电商服务站，帮助 在修复室里，修复师周` was one line
    ink = _page(rows=10)
    caption = [_ink(ink, 40, 20 + r * PITCH, 588, 20 + r * PITCH + UNIT) for r in range(3)]
    top = 20 + 3 * PITCH + UNIT
    left = _ink(ink, 40, top, 300, top + UNIT)
    last = _ink(ink, 40, top + PITCH, 250, top + PITCH + UNIT)
    right = _ink(ink, 346, top, 588, top + UNIT)
    below = [_ink(ink, 314, top + r * PITCH, 588, top + r * PITCH + UNIT) for r in range(1, 5)]
    lines = caption + [left, last, right] + below
    assert not _joined(lines, ink, left, right)


def test_a_row_over_a_short_last_line_still_joins_at_its_word_space():
    # A guard: lines under the right piece that start where the left one does are its own column's,
    # not another column starting in the blank
    ink = _page(rows=10)
    caption = [_ink(ink, 40, 20 + r * PITCH, 588, 20 + r * PITCH + UNIT) for r in range(3)]
    top = 20 + 3 * PITCH + UNIT
    left, right = _ink(ink, 40, top, 80, top + UNIT), _ink(ink, 112, top, 588, top + UNIT)
    below = [_ink(ink, 40, top + r * PITCH, 588, top + r * PITCH + UNIT) for r in range(1, 4)]
    below.append(_ink(ink, 40, top + 4 * PITCH, 250, top + 4 * PITCH + UNIT))
    lines = caption + [left, right] + below
    assert _joined(lines, ink, left, right)


def test_pieces_of_a_justified_line_still_join_under_lines_that_run_through():
    # The same rows with the lines around running through the blank, one row split at a word space
    ink = _page(rows=10)
    lines = [_ink(ink, 40, 20 + r * PITCH, 588, 20 + r * PITCH + UNIT) for r in range(9) if r != 4]
    y = 20 + 4 * PITCH
    left, right = _ink(ink, 40, y, 300, y + UNIT), _ink(ink, 314, y, 588, y + UNIT)
    assert _joined(lines + [left, right], ink, left, right)


def _columns_with_a_row_across(ink: np.ndarray, row: int) -> tuple[list[LineBox], LineBox]:
    """Two justified columns 9 px (half an em) apart; the line of `row` runs across the gutter, boxed
    as one, with a 2 px blank where the columns part (a comma's tail and the next letter close it)."""
    lines = [_ink(ink, x0, 20 + r * PITCH, x1, 20 + r * PITCH + UNIT)
             for r in range(9) if r != row for x0, x1 in ((40, 300), (309, 569))]
    y = 20 + row * PITCH
    across = _ink(ink, 40, y, 569, y + UNIT)
    ink[y:y + UNIT, 303:305] = False
    return lines, across


def test_a_line_across_a_gutter_too_narrow_for_the_line_finder_is_cut_at_the_columns():
    # Random seed 1113 (18 px Latin, half-em gutters): three lines ran from one column into the
    # next, their text interleaved and the paragraphs broken
    ink = _page()
    lines, across = _columns_with_a_row_across(ink, 4)
    body = lines + [across]
    cut = cut_at_gutters(body, column_intervals(body, UNIT), UNIT, ink, body)
    assert sorted(l.bbox for l in cut if l.y0 == across.y0) == [(40, across.y0, 303, across.y1),
                                                               (305, across.y0, 569, across.y1)]


def test_a_line_over_the_columns_first_lines_is_not_cut():
    # A caption's or deck's last line over both columns: no line of theirs above it
    ink = _page()
    lines, across = _columns_with_a_row_across(ink, 0)
    body = lines + [across]
    assert across in cut_at_gutters(body, column_intervals(body, UNIT), UNIT, ink, body)


def _row_across_cut(blank: tuple[int, int]) -> list[tuple[int, int, int, int]]:
    """The boxes left of a row over two justified columns 14 px (an em) apart, boxed as one with
    nothing of theirs above it (a headline over the columns, a photo set inside them), after
    `cut_at_gutters`; the row's ink is blank over `blank`."""
    ink = _page()
    lines = [_ink(ink, x0, 20 + r * PITCH, x1, 20 + r * PITCH + UNIT)
             for r in range(1, 9) for x0, x1 in ((40, 300), (314, 574))]
    across = _ink(ink, 40, 20, 574, 20 + UNIT)
    ink[20:20 + UNIT, blank[0]:blank[1]] = False
    body = lines + [across]
    return sorted(l.bbox for l in cut_at_gutters(body, column_intervals(body, UNIT), UNIT, ink, body) if l.y0 == 20)


def test_a_row_across_whose_blank_is_the_gutter_is_cut_with_nothing_of_the_columns_on_one_side():
    # Random seed 1324 (10 px CJK, a 0.8-em gutter): two rows between a headline and a photo set
    # inside the columns, and the row under the photo's caption, ran over the gutter
    assert _row_across_cut((300, 314)) == [(40, 20, 300, 20 + UNIT), (314, 20, 574, 20 + UNIT)]


def test_a_row_across_with_a_word_space_in_the_gutter_is_not_cut():
    # A caption's line over the columns' first lines: its word space (a third of an em) in the gutter
    # does not reach the columns' edges
    assert _row_across_cut((305, 310)) == [(40, 20, 574, 20 + UNIT)]


def _half_em_columns(across: Callable[[int], bool], blank: tuple[int, int, int] | None = None
                     ) -> tuple[list[LineBox], np.ndarray, list[int]]:
    """Ten rows of three columns of eight 17 px characters, 3 px apart, the columns 9 px (half an em)
    apart: rows where `across(r)` are boxed as one line over the three columns, 35 px tall, the others a
    column at a time in boxes 23 px tall; `blank` (row, column, character) is left out."""
    size, pitch, gap, gutter = 17, 28, 3, 9
    ink = np.zeros((12 * pitch, 600), dtype=bool)
    columns = [(20 + c * (8 * size + 7 * gap + gutter)) for c in range(3)]
    width = 8 * size + 7 * gap
    boxes = []
    for r in range(10):
        y = 20 + r * pitch
        for c, x in enumerate(columns):
            for k in range(8):
                if (r, c, k) != blank:
                    ink[y:y + size, x + k * (size + gap):x + k * (size + gap) + size] = True
        if across(r):
            boxes.append(LineBox((columns[0] - 8, y - 9, columns[-1] + width + 8, y + size + 9)))
        else:
            boxes += [LineBox((x - 3, y - 3, x + width + 3, y + size + 3)) for x in columns]
    return boxes, ink, columns


def test_rows_boxed_across_a_half_em_gutter_in_boxes_taller_than_the_body_boxes_are_cut_at_it():
    # Random seed 1438 (42.7 px CJK, 8 columns 0.50 em apart, working page 0.42): most rows were boxed
    # a column at a time, 23 px tall for type of 17, but some across three columns whose rows stand a
    # few px apart, in one box 35 px tall. Their 9 px gutter was narrower than 0.3 of that box, so
    # never a candidate cut, and those rows read across the columns (reading CER 11.4%)
    # rows 0, 3, 6 and 9 boxed across; a blank wider than the gutter after 、 in row 3's middle column
    boxes, ink, columns = _half_em_columns(lambda r: r % 3 == 0, blank=(3, 1, 4))
    pieces, _ = split_at_gaps(boxes, ink, [])
    assert len(pieces) == 30  # three columns a row, the blank inside the middle column not cut
    assert {p.x0 for p in pieces} == set(columns)


def test_a_lone_row_boxed_across_a_half_em_gutter_taller_than_the_body_boxes_is_cut_at_it():
    # Random seed 2855 (34.9 px CJK sans, 8 columns 0.50 em apart): one row alone was boxed over three
    # columns, 40 px tall over body boxes of 26. The rows around, 26 px, were not "of its size", so none
    # voted on its blanks, and a stripe 0.3 of 40 px was wider than the 10-12 px gutter: the row stayed
    # whole, and its three columns' ends read as one line (`出闯劲,砥砺韧劲,倒 多元,夏茶虽然价格 骑它了。”`)
    boxes, ink, columns = _half_em_columns(lambda r: r == 4)
    pieces, _ = split_at_gaps(boxes, ink, [])
    assert len(pieces) == 30
    assert {p.x0 for p in pieces} == set(columns)


def test_a_box_a_pixel_over_the_body_boxes_keeps_its_own_gutter_measure():
    # Random seed 1393 (10.9 px): rows boxed 14 px over body boxes of 13 were measured by those, and a
    # 4 px blank between characters (over 0.3 of 13, under 0.3 of 14) became a candidate gutter and a
    # cut; only a box far taller than the body boxes (1438: 35 over 23) holds rows of several columns
    ink = np.zeros((60, 200), dtype=bool)
    ink[12:24, 10:60] = True
    ink[12:24, 64:120] = True  # 4 px of paper between characters
    assert _blank_runs(LineBox((8, 11, 122, 25)), ink, [], 13.0)[2] == []
    ink[10:40, 130:190] = True
    ink[10:40, 150:159] = False  # 9 px of gutter in a box of rows 35 px tall, body boxes 23
    assert _blank_runs(LineBox((128, 8, 192, 43)), ink, [], 23.0)[2] == [(150, 159)]


def test_a_row_boxed_over_three_columns_is_cut_at_both_gutters():
    # Random seed 1570 (22 px Latin serif, three columns 0.54 em apart): one row ran over all three
    # columns; only a line over two was cut
    ink = _page(width=900)
    spans = ((40, 300), (309, 569), (578, 838))
    y = 20 + 4 * PITCH
    lines = [_ink(ink, x0, 20 + r * PITCH, x1, 20 + r * PITCH + UNIT) for r in range(9) if r != 4 for x0, x1 in spans]
    across = _ink(ink, 40, y, 838, y + UNIT)
    ink[y:y + UNIT, 301:308] = False
    ink[y:y + UNIT, 570:577] = False
    body = lines + [across]
    cut = cut_at_gutters(body, column_intervals(body, UNIT), UNIT, ink, body)
    assert sorted(l.bbox for l in cut if l.y0 == y) == [(40, y, 301, y + UNIT), (308, y, 570, y + UNIT),
                                                       (577, y, 838, y + UNIT)]


def test_a_row_over_a_gutter_whose_left_column_alone_goes_on_under_it_is_cut_at_its_stop_s_blank():
    # Random seed 2601 (27.5 px kai, 1.00 em gutters): under a caption, the row `…到站信息，` | `的好处，…`
    # was boxed over the gutter. Right under it the left column goes on; the right column's next line is
    # a subhead a blank row down. Framed on no side, the row was cut only at a blank flush with the
    # gutter, and the stop's blank opens 6 px inside the left column: it stayed whole, read across
    ink = _page()
    y = 20 + 2 * PITCH
    lines = [_ink(ink, x0, 20 + r * PITCH, x1, 20 + r * PITCH + UNIT) for r in range(5, 9)
             for x0, x1 in ((40, 300), (322, 582))]
    lines.append(_ink(ink, 40, y + PITCH, 200, y + PITCH + UNIT))  # the left column's next row, flush
    lines.append(_ink(ink, 60, y + 2 * PITCH, 300, y + 2 * PITCH + UNIT))  # its next paragraph's
    row = _ink(ink, 40, y, 582, y + UNIT)
    ink[y:y + UNIT, 295:322] = False  # the stop ends the left part 5 px short of the column's edge
    body = lines + [row]
    cut = cut_at_gutters(body, column_intervals(body, UNIT), UNIT, ink, body)
    assert sorted(l.bbox for l in cut if l.y0 == y) == [(40, y, 295, y + UNIT), (322, y, 582, y + UNIT)]


def test_a_row_over_a_gutter_with_a_short_last_line_under_it_and_a_line_across_below_stays_whole():
    # The Czech advertisements page: a death notice set across two of the page's columns. Its row
    # `hodině dopolední z domu smutku …` has a word space over the gutter, under it only the paragraph's
    # short last line `olšanském pohřbena.`, flush left, and under that a line across again (`V Praze,
    # dne …`): no column goes on there, and the row stays whole
    ink = _page()
    y = 20 + 2 * PITCH
    lines = [_ink(ink, x0, 20 + r * PITCH, x1, 20 + r * PITCH + UNIT) for r in range(5, 9)
             for x0, x1 in ((40, 300), (322, 582))]
    lines.append(_ink(ink, 40, y + PITCH, 200, y + PITCH + UNIT))  # the paragraph's short last line
    lines.append(_ink(ink, 60, y + 2 * PITCH, 582, y + 2 * PITCH + UNIT))  # a line across under it
    row = _ink(ink, 40, y, 582, y + UNIT)
    ink[y:y + UNIT, 295:322] = False  # a word space 5 px inside the left column
    body = lines + [row]
    cut = cut_at_gutters(body, column_intervals(body, UNIT), UNIT, ink, body)
    assert sorted(l.bbox for l in cut if l.y0 == y) == [(40, y, 582, y + UNIT)]


def _rows_joined_over_a_gutter(joined: int, gutter: tuple[int, int], right: int = 574, columns_from: int = 0
                               ) -> tuple[np.ndarray, list[LineBox], list[LineBox]]:
    """Two columns, 40 px to `right`, parted at `gutter`, whose top `joined` rows are each boxed as
    one line over the gutter (its blank the gutter) and whose own lines fill rows `columns_from`
    (or after the joined rows) to 8: the page, all lines, the joined rows."""
    ink = _page()
    lines = [_ink(ink, x0, 20 + r * PITCH, x1, 20 + r * PITCH + UNIT) for r in range(max(joined, columns_from), 9)
             for x0, x1 in ((40, gutter[0]), (gutter[1], right))]
    rows = []
    for r in range(joined):
        y = 20 + r * PITCH
        rows.append(_ink(ink, 40, y, right, y + UNIT))
        ink[y:y + UNIT, gutter[0]:gutter[1]] = False
    return ink, lines + rows, rows


def test_a_run_of_rows_over_a_gutter_is_cut_from_the_row_the_columns_frame():
    # Random seeds 1567 (46 px hei) and 1624 (16 px): the top two rows of short columns under a caption
    # ran over the gutter; only the lower, over the columns' own lines, was cut, and the upper, with
    # a row across under it, stayed joined
    ink, body, rows = _rows_joined_over_a_gutter(2, (300, 314))
    cut = cut_at_gutters(body, column_intervals(body, UNIT), UNIT, ink, body)
    assert not any(row in cut for row in rows)
    assert sorted(l.bbox for l in cut if l.y0 == 20) == [(40, 20, 300, 20 + UNIT), (314, 20, 574, 20 + UNIT)]


def test_a_cjk_row_ended_by_a_stop_is_cut_at_the_gutter_its_blank_takes_in():
    # Random seed 1567: a row whose left part ends in ，(ink in the left half of its cell) ran over a
    # one-em gutter under a headline; its blank began 0.44 em short of the column's edge, outside the
    # 0.15 a blank must fit the edges by where no column's lines frame it
    assert _row_across_cut((294, 314)) == [(40, 20, 294, 20 + UNIT), (314, 20, 574, 20 + UNIT)]


def test_rows_joined_over_a_gutter_that_make_an_interval_of_their_own_are_cut():
    # Random seeds 1438 (42.7 px, 0.5-em gutters) and 1284 (14.5 px, under a caption across both
    # columns): four rows joined over the gutter share one extent, stand one under another and were
    # taken for a column of their own, two columns wide, in which they fit
    ink, body, _ = _rows_joined_over_a_gutter(4, (300, 309), right=569)
    columns = column_intervals(body, UNIT)
    assert (40, 569) in columns
    cut = cut_at_gutters(body, columns, UNIT, ink, body)
    assert sorted(l.bbox for l in cut if l.y0 < 20 + 4 * PITCH) == sorted(
        box for r in range(4) for box in ((40, 20 + r * PITCH, 300, 20 + r * PITCH + UNIT),
                                          (309, 20 + r * PITCH, 569, 20 + r * PITCH + UNIT)))


def test_two_rows_over_a_gutter_with_nothing_else_of_the_columns_around_are_cut():
    # Random seed 1705 (50.8 px serif, one-em gutters): the two rows between a title and a photo set
    # inside the columns ran over the gutter; each had the other, over the gutter, for its neighbour,
    # taken for a caption's line across the columns
    ink, body, _ = _rows_joined_over_a_gutter(2, (300, 314), columns_from=6)
    cut = cut_at_gutters(body, column_intervals(body, UNIT), UNIT, ink, body)
    assert sorted(l.bbox for l in cut if l.y0 < 20 + 2 * PITCH) == [
        (40, 20, 300, 20 + UNIT), (40, 20 + PITCH, 300, 20 + PITCH + UNIT),
        (314, 20, 574, 20 + UNIT), (314, 20 + PITCH, 574, 20 + PITCH + UNIT)]


def test_two_caption_lines_across_the_columns_stay_whole():
    # The guard the rule above keeps: lines across the gutter with ink in it are a caption's, and a
    # line between them and the photo stays whole though its own blank is the gutter
    ink = _page()
    lines = [_ink(ink, x0, 20 + r * PITCH, x1, 20 + r * PITCH + UNIT) for r in range(6, 9)
             for x0, x1 in ((40, 300), (314, 574))]
    rows = [_ink(ink, 40, 20 + r * PITCH, 574, 20 + r * PITCH + UNIT) for r in range(2)]
    ink[20:20 + UNIT, 300:314] = False
    body = lines + rows
    cut = cut_at_gutters(body, column_intervals(body, UNIT), UNIT, ink, body)
    assert all(row in cut for row in rows)



def test_two_rows_whose_blank_lies_a_few_pixels_off_the_columns_gutter_are_cut():
    # Random seed 1843 (22.2 px hei): two rows under a caption, set on their article's grid, ran over
    # a gutter 5 px right of the gutter the columns below them measure; the blank of each lay outside
    # the 0.15 body heights it must fit the edges by, and each took the other for a caption's line
    ink, body, rows = _rows_joined_over_a_gutter(0, (300, 314), columns_from=6)
    for r in range(2):
        y = 20 + r * PITCH
        rows.append(_ink(ink, 40, y, 574, y + UNIT))
        ink[y:y + UNIT, 305:319] = False
    body += rows
    cut = cut_at_gutters(body, column_intervals(body, UNIT), UNIT, ink, body)
    assert sorted(l.bbox for l in cut if l.y0 < 20 + 2 * PITCH) == [
        (40, 20, 305, 20 + UNIT), (40, 20 + PITCH, 305, 20 + PITCH + UNIT),
        (319, 20, 574, 20 + UNIT), (319, 20 + PITCH, 574, 20 + PITCH + UNIT)]


def test_a_caption_line_with_a_stop_over_the_gutter_stays_whole_beside_a_joined_row():
    # The guard: a caption's stop leaves a blank narrower than the gutter, which no joined row shares
    ink, body, rows = _rows_joined_over_a_gutter(0, (300, 314), columns_from=6)
    for r, blank in ((0, (303, 312)), (1, (305, 319))):
        y = 20 + r * PITCH
        rows.append(_ink(ink, 40, y, 574, y + UNIT))
        ink[y:y + UNIT, blank[0]:blank[1]] = False
    body += rows
    cut = cut_at_gutters(body, column_intervals(body, UNIT), UNIT, ink, body)
    assert all(row in cut for row in rows)


def test_a_flat_letter_boxed_apart_at_a_titles_end_is_joined_to_it():
    # Random seed 1983 (13.8 px): the detector boxed `本周后期将有` (30 px tall) and, into its last
    # letter, the `一` after it (15 px): the heights differ as a head's and a body line's do, and the
    # `一` stood as a line of its own, a one-letter article
    ink = _page()
    title = _ink(ink, 140, 40, 335, 70)
    flat = LineBox((321, 48, 360, 63))
    ink[54:58, 325:358] = True
    assert _joined([title, flat], ink, title, flat)


def test_a_body_line_beside_a_tall_head_stays_apart():
    # The guard: a body line running on from the foot of a head set two lines deep is no letter of it
    ink = _page()
    head = _ink(ink, 40, 20, 120, 20 + PITCH + UNIT)
    body = _ink(ink, 118, 20 + PITCH, 400, 20 + PITCH + UNIT)
    assert not _joined([head, body], ink, head, body)


def test_a_line_at_the_foot_of_a_tall_box_is_no_letter_of_it():
    # The guard: the Star's masthead is boxed 397 px tall, and a line 24 px tall stands in its box's
    # foot: within its rows and into its box, but at its foot, where no flat letter sits
    ink = _page(rows=20)
    tall = _ink(ink, 200, 20, 500, 200)
    foot = _ink(ink, 120, 185, 230, 198)
    assert not _joined([tall, foot], ink, foot, tall)


def test_a_credit_sticking_out_through_its_frame_is_not_cut_at_the_rule():
    # Random seeds 2125 (26.2 px) and 2028 (26.7 px): a photo's credit `本报记者 王雪梅 摄`, set wider
    # than its boxed column, runs its first character out through the box's left frame; the frame cut
    # `本` off as a line of its own, an untitled one-character article. The rule runs through the
    # character (its strokes flush against the rule both sides), one character beyond it
    ink = np.zeros((80, 400), dtype=bool)
    ink[:, 100:102] = True  # the frame, down the whole box
    ink[30:50, 82:100] = True  # 本's left part ...
    ink[30:50, 102:106] = True  # ... and its right, across the rule
    ink[30:50, 112:300] = True  # 报记者 王雪梅 摄
    frame = Rule((100, 0, 102, 80))
    pieces, cuts = split_at_gaps([LineBox((78, 26, 304, 54))], ink, [frame])
    assert cuts == [] and [(p.x0, p.x1) for p in pieces] == [(82, 300)]


def test_a_column_rule_between_lines_still_cuts_them():
    # the guards: a rule with paper beside it (a gutter), and a rule flush with ink both sides but
    # more than a character of it each way (two lines set tight to the rule), still part the line
    ink = np.zeros((80, 400), dtype=bool)
    ink[:, 200:202] = True
    ink[30:50, 40:196] = True
    ink[30:50, 206:360] = True
    rule = Rule((200, 0, 202, 80))
    pieces, _ = split_at_gaps([LineBox((36, 26, 364, 54))], ink, [rule])
    assert [(p.x0, p.x1) for p in pieces] == [(40, 196), (206, 360)]
    ink[30:50, 196:200] = True
    ink[30:50, 202:206] = True
    pieces, _ = split_at_gaps([LineBox((36, 26, 364, 54))], ink, [rule])
    assert [(p.x0, p.x1) for p in pieces] == [(40, 200), (202, 360)]


# Random seed 2183 (22.5 px sans, working page at 17 px): under a photo's caption, an article set three
# short columns of four rows on a grid of its own (280 px columns, 33 px gutters) that the page's
# five-column grid does not measure; two rows were boxed over the second gutter, read interleaved
_GRID_2183 = [(55, 272), (304, 522), (554, 772), (804, 1022), (991, 1271), (1054, 1271)]
_SHORT_COLUMNS_2183 = [(54, 1552, 332, 1567), (344, 1552, 708, 1567), (900, 1552, 960, 1567),  # caption, credit
                       (54, 1582, 194, 1600), (91, 1611, 323, 1629), (679, 1611, 769, 1629),
                       (367, 1612, 646, 1628), (716, 1640, 959, 1658), (55, 1641, 335, 1658),
                       (367, 1641, 646, 1657), (55, 1670, 335, 1687),
                       (993, 1527, 1272, 1544), (991, 1556, 1272, 1573), (992, 1585, 1272, 1602),
                       (992, 1614, 1271, 1631), (992, 1643, 1199, 1661)]  # the page's fifth column


def _short_columns_2183(joined: list[tuple[tuple[int, int, int, int], tuple[int, int]]]) -> tuple[
        list[LineBox], np.ndarray, list[LineBox]]:
    ink = np.zeros((1760, 1300), dtype=bool)
    lines = [_ink(ink, *box) for box in _SHORT_COLUMNS_2183]
    rows = []
    for box, blank in joined:
        rows.append(_ink(ink, *box))
        ink[box[1]:box[3], blank[0]:blank[1]] = False
    return lines + rows, ink, rows


def test_rows_joined_over_a_short_grids_gutter_are_cut_into_columns_as_wide_as_the_rows_beside():
    # the first row ends in a comma, its ink 13 px short of the column's edge (cut at its ink, wave 25)
    body, ink, rows = _short_columns_2183([((366, 1582, 960, 1599), (633, 679)),
                                           ((366, 1670, 959, 1687), (647, 679))])
    cut = cut_at_gutters(body, _GRID_2183, 17, ink, body)
    assert not any(row in cut for row in rows)
    assert sorted(l.bbox for l in cut if 360 < l.x0 < 1000 and l.y0 in (1582, 1670)) == [
        (366, 1582, 633, 1599), (366, 1670, 647, 1687), (679, 1582, 960, 1599), (679, 1670, 959, 1687)]


def test_a_line_over_a_short_grids_gutter_with_a_stops_blank_or_a_short_end_stays_whole():
    # The guards: a blank narrower than the gutter the rows beside put there (a caption's stop), and a
    # line whose part past the gutter is narrower than the column (no row of that grid)
    body, ink, rows = _short_columns_2183([((366, 1582, 960, 1599), (640, 660)),
                                           ((366, 1670, 900, 1687), (647, 679))])
    cut = cut_at_gutters(body, _GRID_2183, 17, ink, body)
    assert all(row in cut for row in rows)


def test_a_caption_line_under_its_first_line_boxed_in_two_pieces_stays_whole():
    # The guard, random seed 2049 (12.6 px): a caption's first line boxed in two pieces, the second
    # line under it with a stop's blank 5 px wide where the pieces part; a piece is no column's line
    # (no line of its extent stacked on it), so the second line is no row of a grid
    grid = [(35, 196), (214, 370), (388, 548), (570, 726), (749, 909), (927, 1083), (1102, 1261), (1284, 1440)]
    ink = np.zeros((1300, 1500), dtype=bool)
    lines = [_ink(ink, *box) for box in ((929, 1151, 1074, 1160), (1095, 1150, 1260, 1160), (928, 1186, 1102, 1196),
                                         (1160, 1186, 1261, 1197), (1285, 1135, 1440, 1149), (1283, 1158, 1401, 1171))]
    row = _ink(ink, 927, 1168, 1262, 1178)
    ink[1168:1178, 1091:1096] = False
    assert row in cut_at_gutters(lines + [row], grid, 13, ink, lines + [row])


def test_a_blank_as_wide_as_its_rows_own_word_spaces_is_one_where_rivers_line_up():
    # Random seed 2614 (50 px serif, a short column over a photo): a justified row stretched to 37 px
    # spaces, boxed a word at a time; its last blank lay on a river of the rows around (their own
    # spaces, paper down the column), so the row stayed in pieces and the column was never found
    ink = _page(rows=6)
    lines = []
    for r in (0, 1, 3, 4, 5):
        y = 20 + r * PITCH
        lines.append(_ink(ink, 40, y, 300, y + UNIT))
        ink[y:y + UNIT, 238:246] = False  # a word space, one under another
    y = 20 + 2 * PITCH
    words = [_ink(ink, x0, y, x1, y + UNIT) for x0, x1 in ((40, 100), (130, 160), (190, 230))]
    last = _ink(ink, 260, y, 300, y + UNIT)
    assert _joined(lines + words + [last], ink, words[0], last)


def test_a_blank_where_a_column_starts_stays_a_gutter_however_wide_the_rows_spaces():
    # A guard (2614's `Comments concer-` beside the next column's row, both boxed short, 12 px
    # against 17, so the lines around were too tall to vote on the gutter): the lines around start
    # where the row's last piece does
    ink = _page(rows=6)
    lines = []
    for r in (0, 1, 3, 4, 5):
        y = 20 + r * PITCH
        lines += [_ink(ink, 40, y, 230, y + UNIT), _ink(ink, 260, y, 300, y + UNIT)]
    y = 20 + 2 * PITCH + 2
    words = [_ink(ink, x0, y, x1, y + 10) for x0, x1 in ((40, 100), (130, 160), (190, 230))]
    last = _ink(ink, 260, y, 300, y + 10)
    assert not _joined(lines + words + [last], ink, words[0], last)


def _measure_column(ink: np.ndarray) -> list[LineBox]:
    """A justified column of nine rows 180 px wide at x 800, inked: the page's measure."""
    boxes = []
    for r in range(9):
        y = 20 + r * PITCH
        ink[y:y + 17, 800:980] = True
        boxes.append(LineBox((796, y - 3, 984, y + 20)))
    return boxes


def _short_block_beside_a_column(right: int, blank: tuple[int, int]) -> tuple[list[LineBox], np.ndarray]:
    """A justified column of nine rows 180 px wide (the page's measure), and beside it a block three rows
    deep, each row one box from 40 to `right` with a blank at `blank` down all three."""
    ink = _page(width=1000)
    boxes = _measure_column(ink)
    for r in range(3):
        y = 20 + (r + 3) * PITCH
        ink[y:y + 17, 40:blank[0]] = True
        ink[y:y + 17, blank[1]:right] = True
        boxes.append(LineBox((36, y - 3, right + 4, y + 20)))
    return boxes, ink


def test_rows_a_columns_measure_wide_are_not_cut_at_marks_lined_up_down_a_short_block():
    # Random seed 2588 (21.5 px serif): three rows between a deck and a photo each hold a mark at the
    # same place (`导交通，` / `户通行。` / `旧燃气、`); the blank after it has paper in both other rows,
    # so it was cut as a gutter, and the rows' starts were read after the next column
    boxes, ink = _short_block_beside_a_column(220, (100, 114))
    pieces, cuts = split_at_gaps(boxes, ink, [])
    assert not cuts and sorted(p.bbox[::2] for p in pieces if p.x0 < 400) == [(40, 220)] * 3


def test_rows_boxed_over_two_columns_narrower_than_the_measure_are_still_cut():
    # A guard: the same block twice the measure wide is two columns' rows, cut at the blank
    boxes, ink = _short_block_beside_a_column(400, (212, 226))
    pieces, cuts = split_at_gaps(boxes, ink, [])
    assert len(cuts) == 3 and sorted(p.bbox[::2] for p in pieces if p.x0 < 600) == [(40, 212)] * 3 + [(226, 400)] * 3


def _bridged_rows_beside_a_column(right_blank: tuple[int, int]) -> tuple[list[LineBox], np.ndarray]:
    """A justified column of nine rows 180 px wide (the page's measure), and three rows each boxed as one
    over two columns of that measure, (40, 220) and (240, 420), with a blank at `right_blank` down all
    three inside the right column."""
    ink = _page(width=1000)
    boxes = _measure_column(ink)
    for r in range(3):
        y = 20 + (r + 3) * PITCH
        for x0, x1 in ((40, 220), (240, right_blank[0]), (right_blank[1], 420)):
            ink[y:y + 17, x0:x1] = True
        boxes.append(LineBox((36, y - 3, 424, y + 20)))
    return boxes, ink


def test_a_river_of_word_spaces_inside_a_column_s_measure_is_not_cut():
    # Random seed 2874 (54 px serif, 0.86 em gutters): three rows bridged over two columns hold wide
    # word spaces one under another (`Am Rand | der Altstadt`), paper in all three, so they were cut
    # there as at the gutter, and the column's first three rows came out as two blocks side by side
    boxes, ink = _bridged_rows_beside_a_column((280, 296))
    pieces, cuts = split_at_gaps(boxes, ink, [])
    assert sorted(c[::2] for c in cuts) == [(220, 240)] * 3
    assert sorted(p.bbox[::2] for p in pieces if p.x0 < 600) == [(40, 220)] * 3 + [(240, 420)] * 3


def test_a_short_grid_s_gutter_inside_a_column_s_measure_is_still_cut():
    # A guard: the column's stretch cut into two pieces as wide as each other is two narrow columns
    boxes, ink = _bridged_rows_beside_a_column((324, 336))
    pieces, cuts = split_at_gaps(boxes, ink, [])
    assert sorted(c[::2] for c in cuts) == [(220, 240)] * 3 + [(324, 336)] * 3
