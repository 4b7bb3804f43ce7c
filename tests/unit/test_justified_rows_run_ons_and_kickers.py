"""Which blocks make one article, on recorded geometry (working-page pixels): a
word a justified row's stretched space apart taken for a title, a column running on from an article
whose first column opens lower than the rule over both, a column rule's edge found as a line, a kicker
measured as body type over its title."""

from __future__ import annotations

from broadsheet.layout.lines import LineBox, split_by_size
from broadsheet.layout.rules import Rule
from broadsheet.layout.structure import _off_column_rules
from broadsheet.model import Line, Photo, Region, RegionType, union_bbox
from broadsheet.postprocess.articles import Headline
from broadsheet.postprocess.assemble import _Item, _kickers_over_titles, _run_on


def _measured(rows: list[tuple[tuple[int, int, int, int], float, float, float]]) -> list[LineBox]:
    return [LineBox(box, letters=letters, weight=weight, stroke=stroke) for box, letters, weight, stroke in rows]


# seed 2689 (21.7 px Latin sans), unit 14: a column's foot, `Public Comment`, then `AGENCY: Federal
# Highway` justified to the column's measure, its three words boxed apart 61 px (4.4 units) from each
# other, `Highway` boxed 19 px tall by its descenders
COLUMN_2689 = [((1358, 1140, 1745, 1154), 1.0, 0.895, 0.99), ((1358, 1164, 1746, 1179), 1.071, 0.927, 1.014),
               ((1358, 1189, 1745, 1204), 1.071, 1.038, 0.984), ((1357, 1214, 1606, 1229), 1.071, 1.014, 1.025),
               ((1397, 1246, 1581, 1262), 1.143, 1.533, 1.234), ((1386, 1274, 1471, 1289), 1.071, 1.182, 1.031),
               ((1532, 1274, 1602, 1289), 1.071, 1.211, 1.005), ((1663, 1274, 1745, 1293), 1.089, 1.019, 1.022),
               ((1357, 1299, 1639, 1314), 1.071, 1.089, 0.991)]
HIGHWAY = (1663, 1274, 1745, 1293)


def test_a_word_a_justified_rows_stretched_space_away_is_body():
    heads, body = split_by_size(_measured(COLUMN_2689), 14.0, [])
    assert HIGHWAY in [line.bbox for line in body]
    assert HIGHWAY not in [line.bbox for line in heads]


def test_a_word_spaced_unlike_its_row_stays_apart():
    # the same word 20 px further right: its blank (81 px) is no space of the row's (61 px)
    rows = [r if r[0] != HIGHWAY else ((1683, 1274, 1765, 1293), *r[1:]) for r in COLUMN_2689]
    heads, _ = split_by_size(_measured(rows), 14.0, [])
    assert (1683, 1274, 1765, 1293) in [line.bbox for line in heads]


def _block(region_id: str, lines: list[tuple[str, tuple[int, int, int, int]]]) -> Region:
    return Region(region_id, RegionType.TEXT, union_bbox([box for _, box in lines]),
                  [Line(text, box, 0.99) for text, box in lines])


def _page_2689(above: Region | None = None):
    # seed 2689, unit 14: a photo set 141 px (10 units) under the rule over columns 2-4, its head
    # under it and one line, `SUMMARY: We announce the`; column 3 opens at the rule, mid-paragraph
    head = Region("t1", RegionType.TITLE, (514, 1164, 884, 1279),
                  [Line("DEPARTMENT OF TRANSPORTATION", (514, 1164, 884, 1204), 0.99)])
    first = _block("b1", [("SUMMARY: We announce", (544, 1296, 839, 1311)), ("the", (871, 1297, 903, 1311))])
    photo = Region("p1", RegionType.PHOTO, (514, 875, 904, 1071))
    article = _Item(Headline([head], head.bbox, (514, 904)), [first], [(photo, Photo("p1", photo.bbox), None)])
    beside = _Item(None, [_block("b2", [("availability of a draft comprehensive", (937, 755, 1324, 769)),
                                        ("conservation plan and environmental", (936, 783, 1323, 794)),
                                        ("assessment for the Ruby Lake National", (937, 805, 1323, 819)),
                                        ("Wildlife Refuge. The draft plan", (936, 829, 1323, 844))])])
    others = [_Item(None, [above])] if above else []
    rules = [Region("s1", RegionType.SEPARATOR, (514, 730, 1747, 734))]
    return article, beside, others, [(photo, Photo("p1", photo.bbox), None)], rules


def test_a_column_runs_on_from_an_article_opening_lower_under_the_same_rule():
    article, beside, others, photos, rules = _page_2689()
    assert _run_on([article], [beside], photos, rules, 14.0) == []
    assert beside.blocks[0] in article.blocks


def test_a_column_beside_an_article_with_text_over_it_stays_apart():
    # another article's text ends over the photo: the first column is not blank up to the rule
    above = _block("b3", [("the end of another notice.", (514, 760, 880, 774))])
    article, beside, others, photos, rules = _page_2689(above)
    assert beside in _run_on([article], [beside] + others, photos, rules, 14.0)


def test_a_column_rules_edge_found_in_the_ink_is_no_line():
    # seed 2709 (16.4 px kai, bilevel): a 3 px column rule spills a pixel either side for 15 rows, and
    # the strip left by its erase was found as a line, read `I`
    rule = Rule((817, 150, 820, 868))
    edge, beside = LineBox((816, 373, 821, 388)), LineBox((823, 373, 838, 388))
    assert _off_column_rules([edge, beside], [rule]) == [beside]
    assert _off_column_rules([edge], [Rule((817, 400, 820, 868))]) == [edge]


def _title_2714() -> Region:
    rows = [("河长巡河常", (669, 2163, 767, 2182)), ("态化 水质", (670, 2188, 765, 2207)),
            ("持续向好", (679, 2213, 757, 2232))]
    return Region("t1", RegionType.TITLE, (669, 2163, 767, 2232), [Line(text, box, 0.99) for text, box in rows])


def test_a_centred_block_right_over_a_title_is_its_kicker():
    # seed 2714 (9.9 px), unit 14: `守护一` / `江碧水` over its title, the first row measuring body size
    # (its `一`), the second taken along as the first's column: an untitled article of two rows
    kicker = _block("b1", [("守护一", (688, 2108, 749, 2125)), ("江碧水", (688, 2132, 748, 2151))])
    body = _block("b2", [("气象专家同时提", (683, 2250, 782, 2264)),
                         ("醒市民，春季气温起", (654, 2274, 782, 2288))])
    rule = Region("s1", RegionType.SEPARATOR, (654, 2096, 783, 2100))  # closes the article above
    group = [_title_2714()]
    assert _kickers_over_titles([group], [kicker, body], [rule], 14.0) == [kicker]
    assert group[0] is kicker and kicker.type == RegionType.KICKER


def test_a_centred_line_right_under_text_goes_on_from_it():
    # as an advertisement's `Dětský lékař` / `MUDr.` over the doctor's name, centred each
    above = _block("b0", [("气象专家同时", (668, 2080, 770, 2097))])
    kicker = _block("b1", [("守护一", (688, 2108, 749, 2125)), ("江碧水", (688, 2132, 748, 2151))])
    assert _kickers_over_titles([[_title_2714()]], [above, kicker], [], 14.0) == []


def test_a_paragraphs_end_flush_over_a_title_stays_text():
    # the column's last line, flush with its left edge, ends the article above
    end = _block("b1", [("江碧水。", (654, 2132, 714, 2151))])
    group = [_title_2714()]
    assert _kickers_over_titles([group], [end], [], 14.0) == []
    # and a centred block under a rule is another item's
    kicker = _block("b2", [("守护一", (688, 2108, 749, 2125)), ("江碧水", (688, 2132, 748, 2151))])
    rule = Region("s1", RegionType.SEPARATOR, (654, 2155, 783, 2157))
    assert _kickers_over_titles([group], [kicker], [rule], 14.0) == []
