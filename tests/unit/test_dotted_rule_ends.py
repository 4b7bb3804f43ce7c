"""A dotted rule whose end the rule search left out and the detector boxed as a line (issue 16, wave 25;
recorded boxes of random seed 2498, 9 px Latin sans): the column ran on past the rule, so the notice's
head under it stayed bold text inside the article above."""

from __future__ import annotations

import numpy as np

from broadsheet.layout.blocks import column_segments
from broadsheet.layout.lines import LineBox
from broadsheet.layout.rules import Rule
from broadsheet.layout.structure import _dotted_rule_ends

UNIT = 10.0
THICKNESS = 4
# column 1 at working scale: a paragraph's last row, the dotted rule's first 17 px boxed as a line, the
# rule found from x 85, then the next notice's six-row bold head and its first paragraph row
LAST_ROW = LineBox((45, 639, 115, 650))
DOTS = LineBox((45, 663, 62, 667))
HEAD = [LineBox(box) for box in [(46, 680, 179, 690), (44, 694, 188, 705), (46, 710, 284, 721),
                                 (46, 726, 210, 736), (45, 741, 243, 751), (46, 755, 99, 766)]]
TEXT = LineBox((65, 775, 295, 786))
RULE = Rule((85, 664, 300, 666))


def _dotted_ink(x0: int, x1: int, gap: int = 2) -> np.ndarray:
    """Rule ink of a page with a dotted rule from x0 to x1: dots 2 px wide, `gap` px apart."""
    ink = np.zeros((800, 320), np.uint8)
    for x in range(x0, x1, 2 + gap):
        ink[664:667, x:x + 2] = 255
    return ink


def test_a_dotted_rules_boxed_end_is_the_rules():
    lines, rules = _dotted_rule_ends([LAST_ROW, DOTS, *HEAD, TEXT], [RULE], _dotted_ink(45, 300), UNIT, THICKNESS)
    assert DOTS not in lines and len(lines) == 8
    assert rules[0].bbox[0] == 45 and rules[0].bbox[2] == 300


def test_the_column_parts_at_the_whole_rule():
    """With the rule whole, the paragraph's last row and the head under the rule are in two segments."""
    lines, rules = _dotted_rule_ends([LAST_ROW, DOTS, *HEAD, TEXT], [RULE], _dotted_ink(45, 300), UNIT, THICKNESS)
    segments = column_segments(lines, [(44, 295)], UNIT, rules, [])
    assert sorted(len(s.lines) for s in segments) == [1, 7]


def test_a_flat_box_past_a_blank_wider_than_a_dots_space_is_not_the_rules():
    """A dash or a rule's neighbour across a gutter: blank between it and the rule's end."""
    ink = _dotted_ink(85, 300)
    ink[664:667, 45:62] = 255
    lines, rules = _dotted_rule_ends([LAST_ROW, DOTS, *HEAD, TEXT], [RULE], ink, UNIT, THICKNESS)
    assert DOTS in lines and rules == [RULE]


def test_a_row_of_type_in_the_rules_row_is_not_the_rules():
    row = LineBox((45, 660, 80, 670))
    lines, rules = _dotted_rule_ends([row], [RULE], _dotted_ink(45, 300), UNIT, THICKNESS)
    assert lines == [row] and rules == [RULE]


def test_a_sliver_along_the_rule_is_dropped_and_the_rule_left_alone():
    """Random seed 2505 (8 px): a sliver of a double rule's thickness boxed as a line lies along the rule,
    not past its end; taking it grew the rule up towards the caption above (pairing by boxes 1.00 -> 0.67).
    Random seed 2550 (9.1 px): a dotted rule's dots a pixel over the rule, boxed so, were read `2 : 2 :
    412` and made an article: the sliver is no line."""
    sliver = LineBox((173, 664, 290, 667))
    lines, rules = _dotted_rule_ends([sliver, LAST_ROW], [RULE], _dotted_ink(45, 300), UNIT, THICKNESS)
    assert lines == [LAST_ROW] and rules == [RULE]
