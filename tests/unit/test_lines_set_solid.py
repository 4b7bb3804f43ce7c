"""Small type set solid (`lines.split_solid_lines`): boxes that run into the lines above and below are
cut to their own line (recorded working-scale lines of the Czech ads page's thanks notice, unit 17)."""

from __future__ import annotations

import numpy as np

from broadsheet.layout.lines import LineBox, split_solid_lines

UNIT = 17.0


def _notice() -> list[LineBox]:
    """`poněkud zmírniti …` to `spolkům …`, after `split_at_gaps`: every other box was cut to its ink
    (11, 14, 9 px), the boxes between run into both neighbours (21-23 px at a pitch of 13.5)."""
    rows = ((1781, 1792), (1797, 1811), (1802, 1825), (1816, 1837), (1829, 1850), (1850, 1859), (1855, 1877))
    return [LineBox((1459, y0, 1761, y1)) for y0, y1 in rows]


def test_a_box_between_a_box_cut_to_its_ink_and_a_tall_one_is_cut_on_both_sides():
    """`při pohřbu drahé zesnulé …` (1802-1825) took the foot of `ným účastenstvím …` above it and
    was read as two lines at once; the line above, cut to its ink, did not count as a side."""
    ink = np.ones((1900, 1800), dtype=bool)
    boxes = [line.bbox for line in split_solid_lines(_notice(), ink, UNIT)]
    assert (1459, 1808, 1761, 1820) in boxes
    assert (1459, 1802, 1761, 1825) not in boxes


def test_boxes_cut_to_their_ink_alone_are_no_block_set_solid():
    """Without a tall neighbour nothing shows type set solid: a headline over small type boxed tight
    keeps its box."""
    headline = LineBox((1459, 1700, 1761, 1730))
    under = [LineBox((1459, 1722, 1761, 1735)), LineBox((1459, 1690, 1761, 1705))]
    ink = np.ones((1900, 1800), dtype=bool)
    boxes = [line.bbox for line in split_solid_lines([headline, *under], ink, UNIT)]
    assert headline.bbox in boxes
