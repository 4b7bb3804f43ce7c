"""A head's deck, or a subhead opening a column of the body under the head: the body beside it tells
(random seed 2198, 21.7 px kai, recorded boxes)."""

from __future__ import annotations

from broadsheet.layout.blocks import headline_groups
from broadsheet.layout.lines import LineBox

UNIT = 21.7
TITLE = [LineBox((109, 164, 415, 211)), LineBox((105, 219, 421, 268))]
DECK = [LineBox((175, 289, 356, 321)), LineBox((115, 325, 416, 359))]
# `标准化种 / 植提品质`, bold, atop the second column, level with the first column's first two rows
SUBHEAD = [LineBox((319, 381, 411, 406)), LineBox((320, 416, 412, 441))]
LEFT_COLUMN = [LineBox((84, 385, 257, 408)), LineBox((43, 419, 256, 442)), LineBox((44, 453, 258, 475))]
RIGHT_COLUMN = [LineBox((323, 451, 493, 474)), LineBox((279, 486, 494, 508))]


def test_a_subhead_level_with_the_bodys_first_rows_is_no_part_of_the_deck_over_it():
    # it was stacked under the deck (22 px under it) and its box over the first column's first rows
    # cut them off as an untitled article of their own
    groups = headline_groups(TITLE + DECK + SUBHEAD, UNIT, [], LEFT_COLUMN + RIGHT_COLUMN)
    assert sorted(len(g.lines) for g in groups) == [2, 4]
    assert next(g for g in groups if len(g.lines) == 2).lines == SUBHEAD


def test_a_deck_with_no_body_beside_it_stays_the_heads():
    groups = headline_groups(TITLE + DECK, UNIT, [], LEFT_COLUMN + RIGHT_COLUMN)
    assert [len(g.lines) for g in groups] == [4]

