"""A title row's first characters boxed apart in halves (issue 16, wave 26): random seed 2633 (12.8 px
ming, unit 12): `智慧养老服务平台上线运行` (32 px) came as 智慧's top half (21 px), its foot (17 px,
read `合心`) and the row from inside 慧 on; the three were too unlike in height to join as a row's
pieces (`SAME_SIZE`), so the page had titles `智慧` and `慧养老服务平台上线运行`, a false headline,
and `合心` as a subtitle. Boxes as split_at_gaps left them (working page), the ink drawn solid."""

from __future__ import annotations

import numpy as np

from broadsheet.layout.lines import LineBox, merge_row_fragments

UNIT = 12.0
TOP_HALF = (678, 2227, 754, 2248)
FOOT = (684, 2243, 743, 2260)
ROW = (737, 2227, 1082, 2259)


def _merged(*boxes: tuple[int, int, int, int]) -> list[tuple[int, int, int, int]]:
    ink = np.zeros((2400, 1200), dtype=bool)
    for x0, y0, x1, y1 in boxes:
        ink[y0:y1, x0:x1] = True
    merged, _ = merge_row_fragments([LineBox(box) for box in boxes], UNIT, [], ink)
    return sorted(line.bbox for line in merged)


def test_a_title_rows_first_characters_boxed_in_halves_join_the_row():
    assert _merged(TOP_HALF, FOOT, ROW) == [(678, 2227, 1082, 2259)]


def test_a_line_of_small_type_inside_a_title_box_stays_apart():
    # the Star's dateline under its name, inside the name's box at its foot: a line of its own
    name, dateline = (720, 93, 2008, 331), (1373, 311, 1822, 331)
    assert _merged(name, dateline) == [name, dateline]


def test_a_piece_reaching_out_of_the_rows_stays_apart():
    # a box over the row's end whose top stands a third of its height over the row: another line's
    above = (678, 2215, 754, 2240)
    assert _merged(above, ROW) == [above, ROW]


def test_boxes_of_two_band_items_that_touch_stay_apart():
    # random seed 2620 (9.2 px): the folio `第3版` and its section's reversed label `综合新闻`, boxes a
    # pixel into each other: two fields of the band, not a row's pieces
    folio, label = (425, 80, 482, 97), (481, 76, 569, 101)
    assert _merged(folio, label) == [folio, label]
