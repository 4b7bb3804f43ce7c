"""Rules beside a photo. A photo's own dark edge, found as a rule before the photo, is the photo's:
standing beside it as a column rule it made the page read by column stripes (random seed 2313, 23.7 px:
the left column's two articles read before the three-column article and photo beside them, page CER
43.5%). A rule broken into pieces down a photo's side is one rule (seed 2234, 51.3 px: its lowest piece
read as a column rule, the right column read last, page CER 24.4%)."""

from __future__ import annotations

from broadsheet.layout.rules import Rule
from broadsheet.layout.structure import _continued_past_photos, _joined_along_photos, _out_of_photos, _photo_sides

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


def test_a_rule_broken_down_a_photos_side_is_one_rule():
    # random seed 2234 (51.3 px, skewed): the column rule beside the right column in six pieces down a
    # photo set against it; the lowest, alone, ran past the photo's article's foot: a column rule
    photo = (2345, 1109, 3733, 2145)
    pieces = [(3748, 492, 3761, 1123), (3746, 1133, 3755, 1365), (3744, 1397, 3752, 1542),
              (3745, 1661, 3750, 1806), (3743, 1881, 3748, 2026), (3730, 2123, 3745, 3061)]
    below = Rule((3709, 3164, 3738, 4915))  # the next item's own rule, a break under the photo
    left = Rule((900, 464, 932, 2866))
    rules = _joined_along_photos([left, below] + [Rule(p) for p in pieces], [photo], 51.3)
    assert sorted(r.bbox for r in rules) == sorted([left.bbox, below.bbox, (3730, 492, 3761, 3061)])


def test_a_rules_break_above_a_photo_stays_a_break():
    # random seed 2313: the rules of two items stacked in one column, the lower a photo-news block
    rules = [Rule((221, 145, 225, 1395)), Rule((221, 1432, 225, 1892))]
    assert _joined_along_photos(rules, [(237, 1432, 762, 1727)], UNIT) == rules


def test_a_frames_side_ends_at_its_corner_beside_a_photo():
    # random seed 2377 (15.8 px, vertical, boxed): a boxed item's left side, its frame's corner at its
    # foot, over the next item's rule a break lower, a photo beside both: two items' rules, not one
    # broken (joined, the right column read after the page, page CER 12.0%)
    photo = (1197, 1545, 1420, 1712)
    side, below = Rule((1428, 762, 1431, 1622)), Rule((1423, 1652, 1426, 2559))
    corners = [Rule((1430, 761, 1653, 763)), Rule((1431, 1617, 1654, 1620))]
    rules = [side, below] + corners
    assert _joined_along_photos(rules, [photo], 15.0) == rules


def test_a_dotted_column_rule_runs_on_past_a_photo_set_against_it():
    # random seed 2723 (11.6 px CJK, unit 12): the dotted rule between columns 3 and 4 was found above a
    # photo only (the photo's box takes the rule's line); its piece under the photo, 98 px, was too far
    # past the break for `_continuations`, and a row of the photo's caption was joined to the row beside
    photo = (589, 321, 767, 433)
    rule = Rule((591, 114, 592, 344))
    pieces = [(588, 114, 593, 344), (590, 444, 592, 542), (589, 1068, 594, 1226)]
    rules = _continued_past_photos([rule], pieces, [photo], 12.0)
    assert [r.bbox for r in rules] == [(590, 114, 592, 542)]
    # a piece starting well past the photo's foot, or down its inside (its own edge), continues nothing
    far = [(590, 480, 592, 542), (590, 350, 592, 420)]
    assert _continued_past_photos([rule], far, [photo], 12.0) == [rule]


def test_a_dotted_column_rule_piece_running_on_down_a_photos_side_still_joins_it():
    # random seed 2825 (17.1 px Fraktur, unit 13): the dotted rule left of a photo set against it was found
    # under the photo only; its piece above ran on 20 px down the photo's side (its edge carries the stroke),
    # past the rule's thickness the join allowed, so the two columns above the photo were one block, their
    # titles `Musik in den Höfen` and `Schneller ins Rhein-Main-Gebiet` read as its text
    photo = (407, 786, 757, 991)
    rule = Rule((407, 993, 409, 1224))
    rules = _continued_past_photos([rule], [(407, 656, 409, 806)], [photo], 13.0)
    assert [r.bbox for r in rules] == [(407, 656, 409, 1224)]
    # the same downwards: a rule above, its piece under starting along the side
    rule = Rule((407, 656, 409, 784))
    rules = _continued_past_photos([rule], [(407, 970, 409, 1224)], [photo], 13.0)
    assert [r.bbox for r in rules] == [(407, 656, 409, 1224)]
    # a stroke along the side only, from the photo's top, is its edge, not the rule's piece
    assert _continued_past_photos([Rule((407, 993, 409, 1224))], [(407, 784, 409, 900)], [photo], 13.0) \
        == [Rule((407, 993, 409, 1224))]


def test_a_rule_running_into_a_photo_ends_at_its_edge():
    # random seed 2855 (CJK sans at 35 px, 8 columns): the rule over an article ran on across the
    # column rule and 175 px into the top of a photo in the next column, in line with the photo's
    # tone; it parted the photo's column from its text above (one article read as two)
    photo = (1340, 894, 1515, 1029)
    into = Rule((432, 903, 1514, 914))
    [rule] = _out_of_photos([into], [photo], 18.0)
    assert rule.bbox == (432, 903, 1340, 914)


def test_a_rule_along_a_photos_edge_or_across_it_stays():
    photo = (1340, 894, 1515, 1029)
    edge = Rule((432, 893, 1514, 897))  # along its top: a frame's or the photo's own edge
    across = Rule((432, 960, 1700, 964))  # from side to side: nothing tells which part is the picture
    below = Rule((1200, 1040, 1515, 1044))
    assert _out_of_photos([edge, across, below], [photo], 18.0) == [edge, across, below]
