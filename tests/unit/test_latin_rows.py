"""Latin rows boxed in pieces (issue 16, wave 21): a paragraph's last line made tall by brackets under
a row whose words the detector boxed apart, and a speck of noise cut off a detector box at a gutter
(recorded lines of random seeds 2094 and 2113, and of the Pionier scan)."""

from __future__ import annotations

import numpy as np

from broadsheet.layout.lines import LineBox, split_at_gaps, split_by_size


def _lettered(rows: list[tuple[tuple[int, int, int, int], float, float]]) -> list[LineBox]:
    return [LineBox(box, letters=letters, weight=weight) for box, letters, weight in rows]


# seed 2094 (25.5 px Latin serif), a column's foot: `AGENCY: Environmental Protection` boxed as
# `AGENCY:` and `Protection` (the detector lost the word between), then `Agency (EPA).`, its brackets
# 1.27 body heights tall, the article's last line
FOOT_2094 = [((1212, 939, 1333, 955), 1.067, 0.91), ((1242, 963, 1339, 979), 1.067, 1.05),
             ((1388, 963, 1474, 979), 0.8, 0.96), ((1213, 991, 1283, 1003), 0.833, 1.12),
             ((1369, 987, 1474, 1003), 0.9, 1.03), ((1212, 1011, 1357, 1030), 1.067, 0.86)]


def test_a_last_line_made_tall_by_brackets_under_a_row_boxed_in_pieces_is_body():
    heads, body = split_by_size(_lettered(FOOT_2094), 15.0, [])
    assert heads == [] and len(body) == 6


def test_a_title_under_a_short_line_it_runs_past_stays_a_headline():
    """The Pionier scan (16 px Fraktur): a title in the body's letters, two rows boxed tall, under a
    paragraph's last line it runs past (a speck of ink at that line's end is no piece of a row)."""
    lines = _lettered([((1262, 2063, 1614, 2079), 0.839, 0.95), ((1627, 2066, 1630, 2071), 1.0, 0.34),
                       ((1240, 2088, 1625, 2108), 1.071, 0.97), ((1240, 2107, 1626, 2129), 0.929, 0.79),
                       ((1240, 2138, 1476, 2154), 0.875, 1.06)])
    heads, _ = split_by_size(lines, 16.0, [])
    assert [h.bbox for h in heads] == [(1240, 2088, 1625, 2108), (1240, 2107, 1626, 2129)]


def test_a_speck_cut_off_a_box_at_a_gutter_is_no_piece():
    """Seed 2113 (18.9 px, gutter 0.64 em): the title `Markttag am` boxed from 13 px into the gutter,
    where a 1x2 px speck of noise lies; kept as a piece it was a row of its own over the head beside
    it, which parted that head's first line from the rest."""
    unit, pitch = 14, 24
    ink = np.zeros((10 * pitch, 560), dtype=bool)
    lines = []
    for row in range(9):
        y = 10 + row * pitch
        for x0, x1 in ((66, 291), (305, 530)):
            if row != 4:
                ink[y:y + unit, x0:x1] = True
                lines.append(LineBox((x0 - 3, y - 3, x1 + 3, y + unit + 3)))
    y = 10 + 4 * pitch
    ink[y:y + unit, 66:200] = True
    ink[y:y + unit, 305:440] = True
    ink[y + 2:y + 4, 296] = True  # the speck
    lines += [LineBox((62, y - 3, 204, y + unit + 3)), LineBox((292, y - 6, 444, y + unit + 6))]
    pieces, _ = split_at_gaps(lines, ink, [])
    assert not [p for p in pieces if p.x1 <= 300 and p.x0 >= 292]
    row = [p.bbox for p in pieces if p.y0 >= y - 3 and p.y1 <= y + unit + 3 and p.x0 >= 292]
    assert row == [(305, y, 440, y + unit)]
