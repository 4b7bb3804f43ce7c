"""Rules beside a photo. A photo's own dark edge, found as a rule before the photo, is the photo's:
standing beside it as a column rule it made the page read by column stripes (random seed 2313, 23.7 px:
the left column's two articles read before the three-column article and photo beside them, page CER
43.5%)."""

from __future__ import annotations

from broadsheet.layout.rules import Rule
from broadsheet.layout.structure import _photo_sides

UNIT = 19.0  # seed 2313's body at its working scale
PHOTO = (248, 1432, 762, 1727)
COLUMN_RULES = [Rule((221, 145, 225, 1395)), Rule((221, 1432, 225, 1892))]  # a's and the photo-news' own


def test_a_rule_close_along_a_photos_side_is_the_photos_edge():
    edge = Rule((237, 1433, 243, 1727))  # seed 2313's: 5 px off the photo, its height
    photos, rules = _photo_sides([PHOTO], COLUMN_RULES + [edge], UNIT)
    assert photos == [(237, 1432, 762, 1727)]
    assert rules == COLUMN_RULES


def test_a_column_rule_beside_a_photo_stays_a_rule():
    # a gutter off the photo (half a 1.3 em gutter), or running on past it (its caption's height)
    off = Rule((230, 1433, 234, 1727))
    longer = Rule((240, 1433, 244, 1892))
    short = Rule((240, 1433, 244, 1500))  # a piece along a small part of its side: a broken column rule
    photos, rules = _photo_sides([PHOTO], [off, longer, short], UNIT)
    assert photos == [PHOTO]
    assert rules == [off, longer, short]

