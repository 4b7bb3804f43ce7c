"""A title a size up standing on a body line's row across a wide gutter stays headline type (random
seed 42, 14 px, no rules, gutters of 1.9 em): taken for a word cut from that row, its three lines
went to the body one by one and the page came out as one article. Boxes and letter heights as the
layout measured them on that page; a cut Latin word, with body-size letters, still goes to the body."""

from __future__ import annotations

from broadsheet.layout.lines import LineBox, split_by_size

UNIT = 14.0
BODY = [(94, 106, 175, 120), (71, 127, 183, 141), (41, 149, 184, 162), (42, 170, 184, 184),
        (43, 192, 183, 205), (42, 213, 183, 227)]  # the first column's lines, 54 px from the title
TITLE = [(239, 107, 325, 127), (239, 135, 325, 155), (238, 162, 325, 182)]  # `南湖大桥 / 维修加固 / 工程完工`
TITLE_LETTERS = [1.43, 1.43, 1.41]
SUBHEAD = (239, 202, 354, 216)  # `社区义诊暖人心`, bold at body size, under the title


def _lines(title_letters: list[float]) -> tuple[list[LineBox], list[LineBox]]:
    title = [LineBox(box, letters=letters) for box, letters in zip(TITLE, title_letters)]
    return title, [LineBox(box) for box in BODY] + title + [LineBox(SUBHEAD)]


def test_a_title_in_bigger_letters_across_a_wide_gutter_stays_a_headline():
    title, lines = _lines(TITLE_LETTERS)
    heads, _ = split_by_size(lines, UNIT, [])
    assert [l.bbox for l in heads] == [l.bbox for l in title]


def test_a_tall_word_of_body_size_letters_on_a_body_row_is_body_text():
    # the same boxes with body-size letters: a word cut from its row (descenders make it tall)
    title, lines = _lines([1.0, 1.0, 1.0])
    heads, _ = split_by_size(lines, UNIT, [])
    assert heads == []


def test_a_box_run_into_its_rows_text_holds_small_print_whatever_its_letters():
    # the Star's index (recorded boxes, unit 26): `D'Annunzio seizes disputed zone.` boxed together
    # with the row under it measures letters 1.25, and runs into `Page 2` beside it
    tall = LineBox((460, 3674, 852, 3711), letters=1.25)
    lines = [LineBox((454, 3648, 648, 3660)), tall, LineBox((479, 3697, 579, 3715))]
    heads, _ = split_by_size(lines, 26.0, [])
    assert heads == []
