"""Latin rows boxed tall or twice (issue 16, wave 22): a word boxed into the rows around it, a line of
small type whose brackets measure its letters big, rows boxed one by one and again as one, a paragraph's
first line over a row boxed in pieces (recorded lines of random seeds 2176, 2217 and 2181)."""

from __future__ import annotations

from broadsheet.layout.lines import LineBox, drop_rows_boxed_twice, split_by_size
from broadsheet.layout.rules import Rule


def _measured(rows: list[tuple[tuple[int, int, int, int], float, float, float]]) -> list[LineBox]:
    return [LineBox(box, letters=letters, weight=weight, stroke=stroke) for box, letters, weight, stroke in rows]


# seed 2176 (14.3 px Latin serif, skew +1.10), unit 11: `project in Lander County,` boxed as
# `project in Lander` and `County,`, the latter run into the rows above and below (2.2 body heights)
ROWS_2176 = [((58, 277, 280, 289), 1.023, 0.872, 0.976), ((370, 279, 537, 289), 0.977, 0.867, 0.977),
             ((295, 280, 344, 289), 0.841, 1.195, 0.987), ((37, 295, 280, 306), 1.0, 0.909, 1.029),
             ((552, 297, 600, 307), 0.841, 1.135, 1.002), ((295, 298, 538, 306), 1.0, 1.085, 1.031),
             ((481, 306, 536, 330), 0.909, 0.664, 0.968), ((37, 314, 280, 324), 0.841, 0.724, 0.972),
             ((295, 315, 483, 324), 0.818, 0.731, 1.011), ((295, 329, 537, 341), 1.091, 0.821, 0.961),
             ((552, 329, 795, 341), 1.091, 1.115, 0.989), ((38, 332, 280, 341), 0.818, 0.991, 0.968),
             ((38, 347, 280, 358), 1.0, 0.921, 1.004), ((295, 347, 537, 358), 1.0, 0.967, 1.021),
             ((552, 347, 794, 358), 1.0, 1.014, 1.034)]


def test_a_word_boxed_into_the_rows_around_it_beside_its_row_is_body():
    heads, body = split_by_size(_measured(ROWS_2176), 11.0, [])
    assert heads == [] and len(body) == len(ROWS_2176)


def test_a_bold_word_boxed_tall_beside_a_row_stays_a_headline():
    rows = [r if r[0] != (481, 306, 536, 330) else (r[0], r[1], 1.6, 1.4) for r in ROWS_2176]
    heads, _ = split_by_size(_measured(rows), 11.0, [])
    assert [h.bbox for h in heads] == [(481, 306, 536, 330)]


# seed 2217 (9.2 px Latin sans), unit 12: the third column opens with `Agency (EPA).`, the last line of
# the paragraph the column before ends, its brackets measuring its letters 1.25 of the page's body;
# the column's lines under it measure 1.17
COLUMN_TOP_2217 = [((805, 195, 920, 210), 1.25, 0.912, 0.979), ((830, 216, 1148, 230), 1.167, 0.904, 1.015),
                   ((806, 237, 1147, 251), 1.167, 0.837, 1.002), ((806, 258, 1148, 272), 1.167, 0.808, 1.042),
                   ((806, 279, 1147, 293), 1.167, 0.844, 1.014)]


def test_a_paragraphs_last_line_measured_against_the_column_under_it_is_body():
    heads, body = split_by_size(_measured(COLUMN_TOP_2217), 12.0, [])
    assert heads == [] and len(body) == 5


def test_a_line_in_bigger_letters_than_the_column_under_it_stays_a_headline():
    rows = [((805, 193, 920, 212), 1.5, 0.912, 0.979)] + COLUMN_TOP_2217[1:]
    heads, _ = split_by_size(_measured(rows), 12.0, [])
    assert [h.bbox for h in heads] == [(805, 193, 920, 212)]


# seed 2181 (9.2 px Latin serif, blurred), unit 11: `dreizehn Uhr geöffnet.` / `Wer mit dem Auto` /
# `kommt, sollte das` boxed row by row and again as one box 3.0 body heights tall
ROWS_2181 = [((476, 432, 584, 442), 0.909, 1.103, 1.103), ((425, 457, 584, 469), 1.091, 1.026, 0.988),
             ((407, 475, 584, 485), 1.0, 0.969, 0.989), ((405, 492, 584, 502), 1.0, 1.053, 0.963),
             ((405, 494, 583, 527), 1.068, 0.759, 0.996), ((242, 504, 399, 516), 1.0, 0.902, 0.976),
             ((242, 512, 399, 515), 1.0, 0.748, 0.99), ((408, 512, 583, 519), 1.0, 1.02, 1.031),
             ((224, 522, 400, 532), 1.0, 0.976, 1.061), ((408, 525, 584, 536), 1.0, 0.843, 1.085),
             ((224, 538, 398, 544), 1.0, 0.657, 1.051), ((224, 539, 399, 549), 0.909, 0.83, 1.019),
             ((408, 540, 566, 544), 1.0, 0.437, 1.039), ((405, 542, 584, 553), 1.0, 0.813, 1.025),
             ((224, 555, 400, 566), 1.0, 0.921, 1.036), ((405, 559, 477, 571), 1.0, 1.101, 1.027)]


def test_rows_boxed_one_by_one_and_again_as_one_are_no_headline():
    heads, body = split_by_size(_measured(ROWS_2181), 11.0, [Rule((403, 382, 405, 879))])
    assert drop_rows_boxed_twice(heads, body) == []


def test_a_box_of_big_letters_over_body_rows_stays_a_headline():
    title = LineBox((405, 470, 584, 520), letters=2.4, weight=1.6, stroke=1.4)
    rows = [line for line in _measured(ROWS_2181) if line.y0 > 470 and line.height < 20]
    heads, body = split_by_size(rows + [title], 11.0, [])
    assert drop_rows_boxed_twice(heads, body) == [title]


# seed 2181, a title's foot: `Markttag am` / `Domplatz`, then the paragraph's first line `Nach der
# Segnung` boxed 1.7 body heights, over a row boxed in pieces (`durch den` ... `Pfarrer`)
FOOT_OF_TITLE_2181 = [((60, 871, 198, 886), 1.227, 1.708, 1.571), ((78, 895, 180, 910), 1.364, 1.783, 1.54),
                      ((59, 931, 220, 950), 1.091, 0.687, 1.005), ((164, 941, 217, 960), 0.455, 0.95, 1.06),
                      ((41, 949, 137, 960), 1.0, 0.929, 1.06), ((41, 965, 220, 977), 1.091, 0.975, 0.993),
                      ((40, 983, 220, 994), 1.0, 1.067, 0.983), ((152, 999, 217, 1011), 1.091, 1.156, 0.97)]


def test_a_paragraphs_first_line_over_a_row_boxed_in_pieces_is_body():
    heads, _ = split_by_size(_measured(FOOT_OF_TITLE_2181), 11.0,
                             [Rule((225, 890, 588, 894)), Rule((220, 907, 224, 1725))])
    assert [h.bbox for h in heads] == [(60, 871, 198, 886), (78, 895, 180, 910)]
