"""Heads in Latin columns the structure passes lost (issue 16, wave 24; recorded lines of random seeds
2421, 2411 and 2257): a centred subhead over a paragraph whose first row ends short, a notice's bold head
under a caption whose last row carries a credit set flush right, and a short subhead centred in a wide
column, alone in its segment."""

from __future__ import annotations

from broadsheet.layout.lines import LineBox, split_by_size


def _measured(rows: list[tuple[tuple[int, int, int, int], float, float, float]]) -> list[LineBox]:
    return [LineBox(box, letters=letters, weight=weight, stroke=stroke) for box, letters, weight, stroke in rows]


# seed 2421 (10.3 px Latin sans, blur 1.06), column 1: a paragraph's last line, the subhead `Background`,
# a paragraph, its short last line, `Next Steps`, then a paragraph whose first row is boxed in two pieces
# that end short of the subhead's right end (`83-165`, `232-262`), and the row under it
COLUMN_2421 = [((65, 565, 124, 576), 1.000, 1.123, 0.998), ((98, 590, 212, 604), 1.273, 1.493, 1.401),
               ((83, 613, 262, 625), 1.091, 0.826, 0.982), ((64, 634, 168, 645), 1.000, 1.022, 0.956),
               ((98, 659, 204, 673), 1.273, 1.404, 1.346), ((232, 680, 262, 693), 1.182, 0.981, 0.968),
               ((83, 681, 165, 693), 1.091, 1.179, 1.047), ((65, 702, 261, 714), 1.091, 0.854, 0.968)]


def test_a_subhead_over_a_first_row_that_ends_short_is_in_its_column():
    """`Next Steps` stood past the column's measure as taken from the paragraph's short last line above
    and the short first row below: a one-line title starting an article of its own, a false headline.
    The row under the first shows the column's edge."""
    heads, body = split_by_size(_measured(COLUMN_2421), 11.0, [])
    assert heads == [] and len(body) == len(COLUMN_2421)
