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


# random seed 2457 (44.9 px ming, 8 columns, no rules; unit 17 at the working scale): the one-column
# title `昌吉高新 / 区为7家 / 企业发放 / 87万元 / 清洁能源 / 替代补贴`, bold, each row boxed 1.5-1.65 body
# heights, 3 body heights right of the first column's rows; 昌, 高 and 清 break into small pieces, so
# the first and fifth rows' letters measure 0.84 and 0.98 of the body's, like a word cut from its row
LEFT_BODY = [(272, 154, 448, 170), (270, 178, 448, 195), (271, 202, 448, 219), (271, 226, 448, 243),
             (270, 251, 300, 267), (307, 309, 448, 326), (271, 333, 448, 350), (271, 357, 448, 374)]
BOLD_TITLE = [(501, 155, 613, 182), (505, 192, 607, 218), (499, 228, 613, 254), (510, 264, 601, 291),
              (498, 300, 613, 327), (499, 336, 613, 364)]
BOLD_TITLE_LETTERS = [0.84, 1.37, 1.55, 1.31, 0.98, 1.67]


def test_a_bold_title_boxed_far_taller_than_the_row_beside_stays_a_headline():
    title = [LineBox(box, weight=1.5, letters=letters) for box, letters in zip(BOLD_TITLE, BOLD_TITLE_LETTERS)]
    heads, _ = split_by_size([LineBox(box) for box in LEFT_BODY] + title, 17.0, [])
    assert [l.bbox for l in heads] == BOLD_TITLE


def test_a_light_tall_box_of_small_pieces_on_a_body_row_is_still_a_cut_word():
    # the same boxes measured light: not the title's type, so a word cut from the row as before
    title = [LineBox(box, letters=letters) for box, letters in zip(BOLD_TITLE, BOLD_TITLE_LETTERS)]
    heads, _ = split_by_size([LineBox(box) for box in LEFT_BODY] + title, 17.0, [])
    assert heads == []


# random seed 2685 (31.5 px CJK serif; unit 16 at the working scale): the bold one-column title
# `市第三中学开展 / “书香校园”读 / 书月活动` over a photo, its first row 1.9 body heights right of a
# caption's credit `本报记者 何春泉 摄` on its row, its letters 1.38-1.44: taken for a box run into its
# row's text, the title went to the body row by row and opened the article as two paragraphs
CAPTION = [((485, 698, 906, 712), 1.153, 1.052, 1.0), ((485, 720, 906, 735), 1.056, 1.093, 1.0),
           ((485, 743, 800, 758), 1.166, 1.067, 0.98), ((774, 766, 907, 780), 1.147, 1.106, 1.0),
           ((519, 794, 906, 810), 0.896, 0.964, 1.0), ((485, 822, 907, 838), 0.725, 1.004, 1.0)]
TITLE_2685 = [((938, 761, 1106, 783), 1.267, 1.279, 1.38), ((950, 790, 1106, 813), 1.226, 1.294, 1.44),
              ((975, 821, 1070, 844), 1.325, 1.299, 1.44)]


def _caption_and_title(bold: bool) -> tuple[list[LineBox], list[LineBox]]:
    title = [LineBox(box, weight=weight if bold else 1.0, stroke=stroke if bold else 1.0, letters=letters)
             for box, weight, stroke, letters in TITLE_2685]
    caption = [LineBox(box, weight=weight, stroke=stroke, letters=letters) for box, weight, stroke, letters in CAPTION]
    return title, caption + title


def test_a_bold_title_in_a_heads_letters_near_a_body_row_across_a_gutter_stays_a_headline():
    title, lines = _caption_and_title(bold=True)
    heads, _ = split_by_size(lines, 16.0, [])
    assert [l.bbox for l in heads] == [l.bbox for l in title]


def test_a_light_box_in_the_same_letters_as_near_a_body_row_still_holds_small_print():
    _, lines = _caption_and_title(bold=False)
    heads, _ = split_by_size(lines, 16.0, [])
    assert heads == []
