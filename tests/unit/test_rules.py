"""Rules found on synthetic strokes: a slanted rule, a rule that steps across."""

from __future__ import annotations

import numpy as np

from broadsheet.layout.rules import _straight_pieces, find_rules


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
