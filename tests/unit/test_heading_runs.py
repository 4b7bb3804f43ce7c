"""A Latin notice's head of bold body-size lines at the top of its column (agency, office, subject):
random seed 1 sets nine in a narrow column, all of them the head, none of them paragraph text."""

from __future__ import annotations

from broadsheet.layout.blocks import Block, text_blocks
from broadsheet.layout.lines import LineBox

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
