"""The page's band under the masthead's rule (issue 16, wave 22): a column's first row whose line ends
in a date is the page's text, not a band row, once the layout closed the masthead at its rule."""

from __future__ import annotations

from itertools import count

from broadsheet.model import Line, Region, RegionType, TextDirection
from broadsheet.postprocess.header import take_header


def _line(text: str, box: tuple[int, int, int, int]) -> Line:
    return Line(text, box, 0.95, TextDirection.HORIZONTAL_LR)


def test_a_columns_first_row_under_the_mastheads_rule_stays_the_pages():
    """Seed 2174 (38.2 px): the layout closed the masthead at its rule; the row under it, two notices'
    kickers' first rows and a column's first line ending `July 12, 2010.`, was read as a dated band row:
    three lines lost from the articles."""
    masthead = Region("r1", RegionType.MASTHEAD, (63, 70, 1299, 165),
                      [_line("FEDERAL GAZETTE", (352, 70, 1010, 115)), _line("Page 3", (63, 138, 169, 165)),
                       _line("Wednesday, May 12, 2010", (727, 141, 998, 157))])
    first = [_line("DEPARTMENT OF", (68, 230, 301, 250)), _line("ments by July 12, 2010.", (548, 232, 819, 252)),
             _line("ENVIRONMENTAL", (1028, 235, 1271, 254))]
    # the column's first line is a block of its own over a subhead (`Background`) and the text under it
    below = [_line("the body's text", (548, 300 + 20 * i, 819, 316 + 20 * i)) for i in range(4)]
    regions = [Region("r2", RegionType.TITLE, (68, 230, 301, 250), [first[0]]),
               Region("r3", RegionType.TEXT, (548, 232, 819, 252), [first[1]]),
               Region("r4", RegionType.TEXT, (548, 300, 819, 376), below),
               Region("r5", RegionType.TITLE, (1028, 235, 1271, 254), [first[2]])]
    band = take_header(masthead, regions, 2462, (f"m{i}" for i in count()))
    assert band is not None and band.header.date == "Wednesday, May 12, 2010"
    assert [r.lines for r in regions] == [[first[0]], [first[1]], below, [first[2]]]
