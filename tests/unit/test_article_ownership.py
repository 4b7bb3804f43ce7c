"""Which headline owns a block, on hand-built regions with a real page's geometry (the Evening
Star 1920, working-page pixels, body unit 26 px)."""

from __future__ import annotations

from broadsheet.model import Line, Region, RegionType
from broadsheet.postprocess.articles import headline_spans, owner

UNIT = 26.0


def _region(kind: RegionType, box: tuple[int, int, int, int]) -> Region:
    return Region(f"r{box}", kind, box, lines=[Line("x", box, 1.0)])


def test_a_rule_over_a_headline_does_not_part_it_from_its_text():
    # `ROOT SAYS G.O.P. IS SURE TO FIND LEAGUE SOLUTION`: a thin rule runs along the top of the
    # headline's box, the column rule beside it; the body under the headline's foot was taken for
    # an untitled article and read some 40 paragraphs after its headline
    title = _region(RegionType.TITLE, (57, 440, 440, 722))
    rules = [Region("s1", RegionType.SEPARATOR, (61, 442, 340, 444)),
             Region("s2", RegionType.SEPARATOR, (448, 437, 454, 1634))]
    heads = headline_spans([[title]], rules, [], (35, 3300), UNIT)
    assert owner((51, 772, 441, 893), heads, rules, UNIT) is heads[0]


def test_a_rule_under_a_headline_still_ends_its_reach():
    title = _region(RegionType.TITLE, (57, 440, 440, 722))
    rules = [Region("s1", RegionType.SEPARATOR, (40, 1500, 440, 1503)),
             Region("s2", RegionType.SEPARATOR, (448, 437, 454, 1634))]
    heads = headline_spans([[title]], rules, [], (35, 3300), UNIT)
    assert owner((51, 772, 441, 893), heads, rules, UNIT) is heads[0]
    assert owner((51, 1530, 441, 1700), heads, rules, UNIT) is None
