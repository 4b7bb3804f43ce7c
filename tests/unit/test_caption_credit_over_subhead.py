"""A caption's bold credit over an in-column subhead (random seed 2661, 11.9 px kai, unit 12): under a
photo, the caption's rows, its short last row `工。`, the credit `本报记者 刘茜 摄` (bold, body-high, 9 px in),
then the subhead `培育龙头，` / `延长茶叶加` / `工产业链条` (bold, 15 px) and the body from its indent. Recorded
boxes (working pixels) as (box, letters, weight, stroke)."""

from __future__ import annotations

from broadsheet.layout.blocks import Block, text_blocks
from broadsheet.layout.lines import LineBox, split_by_size

PHOTO_2661 = (310, 1533, 429, 1598)
CAPTION_2661 = [((312, 1604, 427, 1617), 1.16, 1.42, 1.14), ((311, 1623, 426, 1635), 1.07, 1.64, 1.19),
                ((312, 1642, 427, 1655), 1.16, 1.49, 1.17), ((311, 1662, 426, 1674), 1.07, 1.70, 1.19),
                ((312, 1681, 428, 1694), 1.16, 1.32, 1.14), ((312, 1700, 329, 1713), 1.16, 1.07, 0.99),
                ((320, 1719, 428, 1732), 1.16, 1.63, 1.24)]
SUBHEAD_2661 = [((331, 1744, 400, 1759), 1.13, 2.27, 1.61), ((331, 1766, 408, 1781), 1.33, 2.47, 1.63),
                ((331, 1788, 407, 1803), 1.33, 2.29, 1.62)]
BODY_2661 = [((341, 1812, 426, 1824), 0.98, 0.98, 1.03), ((312, 1834, 426, 1847), 1.16, 1.15, 1.00),
             ((312, 1855, 426, 1868), 1.00, 0.88, 0.96), ((313, 1877, 426, 1890), 1.04, 0.78, 0.99),
             ((312, 1899, 426, 1911), 1.07, 0.92, 1.01), ((312, 1921, 426, 1933), 0.98, 1.07, 1.02),
             ((312, 1942, 426, 1955), 1.09, 1.08, 1.03), ((312, 1964, 426, 1976), 0.98, 0.86, 0.97),
             ((311, 1986, 425, 1998), 1.00, 1.10, 1.00)]


def _boxes(rows) -> list[LineBox]:
    return [LineBox(box, letters=letters, weight=weight, stroke=stroke) for box, letters, weight, stroke in rows]


def test_a_subheads_rows_go_to_the_body_with_its_first_row():
    """The first row continues the column under the credit; its two rows under it, left as headline
    type, stood as a title of their own (a false article)."""
    heads, _ = split_by_size(_boxes(CAPTION_2661 + SUBHEAD_2661 + BODY_2661), 12.0, [])
    assert heads == []


def test_a_bold_head_stacked_under_a_column_with_no_text_under_it_stays_headline_type():
    # the guard: rows not set between text, as a title's under a column's last row
    heads, _ = split_by_size(_boxes(CAPTION_2661 + SUBHEAD_2661), 12.0, [])
    assert sorted(line.bbox for line in heads) == [box for box, *_ in SUBHEAD_2661[1:]]


def test_a_captions_bold_credit_under_a_photo_is_no_head_of_the_subhead_under_it():
    """The credit and the subhead made one bold run of four rows, over a subhead's three: all text,
    the subhead read into the caption. The caption steps 19-20 px, the subhead stands 25 under the credit."""
    pieces = text_blocks([Block(_boxes(CAPTION_2661 + SUBHEAD_2661 + BODY_2661))], 12.0, [], [PHOTO_2661])
    assert [(heading, len(block.lines)) for heading, block in pieces] == [(False, 7), (True, 3), (False, 9)]


def test_a_bold_run_at_the_captions_pitch_away_from_a_photo_is_judged_as_before():
    # the guard: the caption's end is looked for only under a photo
    pieces = text_blocks([Block(_boxes(CAPTION_2661 + SUBHEAD_2661 + BODY_2661))], 12.0, [], [])
    assert [(heading, len(block.lines)) for heading, block in pieces] == [(False, 19)]
