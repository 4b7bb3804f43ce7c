"""On a page whose body the detector never boxed, a row found in the ink is a heading only where it
measures as display type: body rows found word by word stand as tall as body-size headings (seed
1037). A row in a title's letters topping its column, no line over it up to a rule across it or the
page's top, stays a heading, with its rows of that type under it (random seed 2612, Fraktur at 9.1
px: the title `Die Altstadt soll wieder aufblühen`, two rows of letters 1.33 under a rule, was read
into the body; 2734, serif at 8.1 px: `Markttag am Domplatz`, letters 1.41, atop the page)."""

from __future__ import annotations

from broadsheet.layout.lines import LineBox
from broadsheet.layout.rules import Rule
from broadsheet.layout.structure import _found_rows_as_body

Box = tuple[int, int, int, int]

UNIT = 15.79  # 2612's body by the ink, working pixels
RULE = Rule((747, 586, 1056, 591))  # 2612's rule over the title
TITLE = [(812, 611, 991, 631), (814, 644, 989, 664)]
ABOVE = [(747, 552, 1021, 571)]  # the last row of the article over the rule
BODY = [(772, 691, 996, 706), (748, 714, 976, 728), (748, 733, 1056, 752)]


def _kept(heads: list[tuple[Box, float]], body: list[Box], rules: list[Rule], unit: float = UNIT) -> list[Box]:
    rows = [LineBox(box, letters=letters) for box, letters in heads]
    kept, _ = _found_rows_as_body(rows, [LineBox(box) for box in body], [], unit, rules)
    return [line.bbox for line in kept]


def test_a_title_found_in_the_ink_under_a_rule_atop_its_column_stays_a_heading():
    assert _kept([(box, 1.33) for box in TITLE], ABOVE + BODY, [RULE]) == TITLE


def test_a_title_found_in_the_ink_atop_the_page_stays_a_heading_and_the_row_under_it_is_body():
    title, first = (1031, 173, 1242, 193), (1154, 201, 1242, 218)  # 2734: the column's first row, letters 1.19
    assert _kept([(title, 1.41), (first, 1.19)], [(1032, 220, 1123, 235), (1032, 238, 1101, 254)], [], 13.16) == [title]


def test_a_tall_row_found_in_the_ink_with_its_column_over_it_is_body():
    # seed 1612's shape: a row with descenders standing apart, the column's rows over and under it
    assert _kept([((750, 770, 990, 790), 1.33)], BODY + [(752, 812, 985, 826)], [RULE]) == []


def test_a_column_s_first_row_in_body_letters_under_a_rule_is_body():
    assert _kept([(TITLE[0], 1.11)], ABOVE + BODY, [RULE]) == []
