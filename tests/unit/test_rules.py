"""Rules found on synthetic strokes: a slanted rule, a rule that steps across, a box's heavy frame."""

from __future__ import annotations

import numpy as np

from broadsheet.layout.rules import _straight_pieces, find_frames, find_rules, ink_mask


def test_a_slanted_rule_is_found_in_straight_pieces():
    # 3 px wide, drifting 12 px over 2,000 rows (a column rule 0.35 degrees off the page's axis):
    # its box is 15 px thick, more than a rule may be, though it is 3 px thick at every row
    ink = np.zeros((2100, 300), np.uint8)
    for y in range(50, 2050):
        x = 140 + y * 12 // 2000
        ink[y, x:x + 3] = 255
    rules = find_rules(ink, unit=24.0, min_length=192, max_thickness=8)
    assert rules and all(not r.horizontal and r.bbox[2] - r.bbox[0] <= 8 for r in rules)
    covered = np.zeros(2100, bool)
    for r in rules:
        covered[r.bbox[1]:r.bbox[3]] = True
    assert covered[60:2040].all() and not covered[:50].any()  # (its ends, to a pixel or two)
    # pieces overlap by a line's height: a line the rule passes lies beside one whole piece
    spans = sorted((r.bbox[1], r.bbox[3]) for r in rules)
    assert all(b[0] <= a[1] - 48 for a, b in zip(spans, spans[1:]))


def test_a_rule_that_steps_across_is_cut_once_at_the_step():
    # along axis 1: a 2-px stroke that steps 2 px across at 600, where no piece 3 px thick can
    # overlap the one before (each following piece was cut one pixel on from the last: 50 of them)
    stroke = np.zeros((6, 1000), bool)
    stroke[0:2, :600] = True
    stroke[2:4, 600:] = True
    pieces = _straight_pieces(stroke, max_thickness=3, overlap=50)
    assert pieces == [(0, 0, 600, 2), (600, 2, 1000, 4)]


def test_a_box_framed_by_heavy_bars_is_a_frame_and_a_photo_s_flat_tone_is_not():
    # bars 16 px thick (a rule may be 6) round a box of paper, as Národní listy frames its notices of
    # death; beside it a photo's flat tone, which the ink mask (darker than the local mean) inks only
    # along its edges, so that it looks framed too
    gray = np.full((900, 800), 220, np.uint8)
    for x0, y0, x1, y1 in ((100, 100, 700, 116), (100, 400, 700, 416), (100, 100, 116, 416), (684, 100, 700, 416)):
        gray[y0:y1, x0:x1] = 20
    gray[500:800, 100:400] = 120
    bars = [r.bbox for r in find_frames(gray, ink_mask(gray, 8), unit=20.0, min_length=160, max_thickness=6)]
    sides = [(100, 116, 116, 400), (116, 100, 684, 116), (116, 400, 684, 416), (684, 116, 700, 400)]
    assert len(bars) == 4, bars
    assert all(np.abs(np.subtract(bar, side)).max() <= 1 for bar, side in zip(sorted(bars), sides)), bars
