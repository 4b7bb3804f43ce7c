"""Which headline owns which text, on recorded geometry (working-page pixels) of random pages whose
articles were split or merged: titles side by side a hair apart, a bold letter's stem taken for a
rule, a column going on past its photo level with a head beside it."""

from __future__ import annotations

from broadsheet.layout import PageLayout
from broadsheet.model import Line, Photo, Region, RegionType, TextDirection, union_bbox
from broadsheet.postprocess.articles import Headline, headline_spans, owner
from broadsheet.postprocess.assemble import _cluster, _Item, _page_order, _past_photos, _run_on, assemble


def _region(region_id: str, kind: RegionType, box: tuple[int, int, int, int], text: str = "x") -> Region:
    return Region(region_id, kind, box, [Line(text, box, 0.99)])


def _rule(region_id: str, box: tuple[int, int, int, int]) -> Region:
    return Region(region_id, RegionType.SEPARATOR, box)


def test_titles_side_by_side_a_hair_apart_bound_each_others_spans():
    # random seed 1546 (unit 10): `Turnverein feiert Geburtstag` over the last two columns, each
    # article under its own rule, stands 1 px higher than `Die Altstadt soll wieder aufblühen`;
    # not overlapping, neither bounded the other's span, and the lower took all four columns
    unit = 10.0
    turnverein = _region("t1", RegionType.TITLE, (991, 719, 1309, 739), "Turnverein feiert Geburtstag")
    altstadt = _region("t2", RegionType.TITLE, (415, 740, 775, 760), "Die Altstadt soll wieder aufblühen")
    rules = [_rule("s1", (270, 720, 928, 724)), _rule("s2", (936, 698, 1369, 702))]
    columns = [(268, 785, 589, 1124), (601, 803, 921, 1108), (933, 766, 1143, 1245), (1155, 767, 1365, 1228)]
    heads = headline_spans([[turnverein], [altstadt]], rules, columns, (44, 1368), unit)
    owners = [owner(box, heads, rules, unit) for box in columns]
    assert [h.regions[0].text if h else None for h in owners] == [altstadt.text] * 2 + [turnverein.text] * 2
    # titles a body line apart up or down are not on one row: the wide one still spans the narrow one's side
    lower = _region("t3", RegionType.TITLE, (991, 775, 1309, 795))
    heads = headline_spans([[altstadt], [lower]], [], [], (44, 1368), unit)
    assert heads[0].span == (44, 1368)


def _title_row(stem_foot: int) -> PageLayout:
    # random seed 1592 (unit 19): the stem of 市 in `滨江夜市点亮城市夜经济` was found as a rule, and
    # the title's line was cut at it into two titles, each an article over its columns
    left = _region("t1", RegionType.TITLE, (466, 1682, 635, 1729), "滨江夜市")
    right = _region("t2", RegionType.TITLE, (642, 1682, 1008, 1729), "市点亮城市夜经济")
    stem = _rule("s1", (635, 1681, 642, stem_foot))
    columns = []
    for k, x0 in enumerate((404, 560, 716, 872)):
        lines = [Line("市民出行更加便利了。", (x0, 1760 + 30 * i, x0 + 140, 1780 + 30 * i), 0.99) for i in range(12)]
        columns.append(Region(f"b{k}", RegionType.TEXT, union_bbox([l.bbox for l in lines]), lines))
    return PageLayout((1100, 2200), 19.0, headlines=[[left], [right]], text_blocks=columns, separators=[stem])


def test_a_letters_stem_taken_for_a_rule_does_not_cut_a_title_in_two():
    page = assemble(_title_row(1729))
    assert [a.title for a in page.articles] == ["滨江夜市市点亮城市夜经济"]
    assert not [r for r in page.regions if r.type == RegionType.SEPARATOR]
    # a column rule running on down past the titles parts two articles
    page = assemble(_title_row(2150))
    assert [a.title for a in page.articles] == ["滨江夜市", "市点亮城市夜经济"]


def test_a_column_going_on_under_its_photo_does_not_run_on_from_the_head_beside():
    # random seed 1561 (unit 19): an untitled column (a jump, `(上接第二版)`) goes on under its photo
    # and caption; its text there starts level with `首届南湖稻田音乐节周末开唱` in the column left,
    # and was read as that article's text running on
    head = _region("t1", RegionType.TITLE, (1269, 1228, 1412, 1328), "首届南湖稻田音乐节周末开唱")
    column = _region("b1", RegionType.TEXT, (1242, 1382, 1440, 1789))
    article = _Item(Headline([head], head.bbox, (1167, 1478)), [column])
    above = _Item(None, [_region("b2", RegionType.TEXT, (1478, 538, 1675, 917))])
    below = _Item(None, [_region("b3", RegionType.TEXT, (1478, 1250, 1676, 1712))])
    photo = Region("p1", RegionType.PHOTO, (1508, 954, 1676, 1078))
    caption = _region("c1", RegionType.CAPTION, (1478, 1087, 1675, 1232))
    photos = [(photo, Photo("p1", photo.bbox), caption)]
    left = _run_on([article], [above, below], photos, [], 19.0)
    assert below in left and len(article.blocks) == 1
    assert _past_photos([article], left, photos, [], [], 19.0) == [above]
    assert above.blocks[-1] is below.blocks[0]


def test_a_stem_a_letter_space_off_the_piece_after_it_does_not_cut_a_title_in_two():
    # random seed 1700 (unit 19): the right stroke of 田 in `让“田秀才”挑起大梁`, 2.4 body heights
    # tall, found as a rule; the piece after it stands a letter space off it (10 px), more than half
    # a body height, and the title was two articles
    left = _region("t1", RegionType.TITLE, (352, 3230, 465, 3276), "让“田")
    right = _region("t2", RegionType.TITLE, (479, 3228, 812, 3279), "秀才”挑起大梁")
    columns = []
    for k, x0 in enumerate((78, 285, 493, 700)):
        lines = [Line("市民出行更加便利了。", (x0, 3319 + 28 * i, x0 + 182, 3338 + 28 * i), 0.99) for i in range(16)]
        columns.append(Region(f"b{k}", RegionType.TEXT, union_bbox([l.bbox for l in lines]), lines))
    stem = _rule("s1", (465, 3231, 469, 3279))
    page = assemble(PageLayout((1790, 4000), 19.0, headlines=[[left], [right]], text_blocks=columns,
                               separators=[_rule("s0", (79, 3204, 1091, 3207)), stem]))
    assert [a.title for a in page.articles] == ["让“田秀才”挑起大梁"]


def test_a_line_beside_a_deck_under_the_title_is_the_articles():
    # random seed 1616 (unit 16): the deck `打好基础求长远` stands right of the first line of the
    # article's first column, under its title; the head's foot was the deck's, and that line,
    # above it, was an untitled article of its own
    unit = 16.0
    title = _region("t1", RegionType.TITLE, (67, 1512, 411, 1588), "社区卫生服务中心推出家庭医生签约“套餐”")
    deck = _region("t2", RegionType.SUBTITLE, (288, 1618, 427, 1638), "打好基础求长远")
    first_line = (88, 1619, 230, 1636)
    heads = headline_spans([[title, deck]], [], [first_line], (40, 442), unit)
    assert owner(first_line, heads, [], unit) is heads[0]
    # text beside the head's title, above its foot, is not under it
    assert owner((460, 1540, 640, 1700), heads, [], unit) is None


def test_a_rule_in_the_row_under_a_vertical_title_does_not_bound_its_span():
    # random seed 1440 (unit 17): `雁湖湿地公园迎来观鸟高峰`, upright at the right of its three columns;
    # the column rule of the row below, starting under the rules that close the title's row, bounded
    # its span, and the first column was an untitled article
    unit = 17.0
    box = (763, 883, 802, 1388)
    line = Line("雁湖湿地公园迎来观鸟高峰", box, 0.99, TextDirection.VERTICAL_RL)
    title = Region("t1", RegionType.TITLE, box, [line])
    rules = [_rule(f"s{k}", b) for k, b in enumerate(((59, 861, 804, 863), (809, 832, 811, 1483),
                                                      (58, 1405, 298, 1408), (312, 1405, 805, 1408),
                                                      (302, 1426, 305, 1969)))]
    columns = [(57, 880, 277, 1361), (293, 880, 512, 1361), (528, 880, 747, 1083)]
    heads = headline_spans([[title]], rules, columns, (57, 1819), unit)
    assert all(owner(c, heads, rules, unit) is heads[0] for c in columns)


def test_a_word_boxed_tall_inside_a_column_is_read_in_it():
    # random seed 1424 (unit 17): `folgt`, in the row `danach folgt ein` of the third column under
    # `Neues Löschfahrzeug für die Wehr`, boxed tall and read empty, was a headline; the two lines
    # cut out under it (`Umzug durch die Stadt.`) were its article
    title = _region("t1", RegionType.TITLE, (393, 1172, 1377, 1211), "Neues Löschfahrzeug für die Wehr")
    word = _region("t2", RegionType.TITLE, (1018, 1750, 1069, 1786), "")
    rows = [("unter freiem Himmel,", (892, 1734, 1148, 1751)), ("danach", (892, 1763, 970, 1776)),
            ("ein", (1117, 1763, 1150, 1776)), ("Umzug", (892, 1784, 969, 1810)), ("die", (1117, 1784, 1149, 1801)),
            ("Zum zwölften Mal", (916, 1834, 1150, 1851))]
    column = Region("b1", RegionType.TEXT, (891, 1262, 1151, 1976),
                    [Line("Altstadt ein. Vom 1.-3. Juli", (891, 1262, 1151, 1279), 0.99)]
                    + [Line(text, box, 0.99) for text, box in rows])
    cut = Region("b2", RegionType.TEXT, (892, 1778, 1075, 1826),
                 [Line("durch", (1011, 1778, 1075, 1801), 0.99), Line("Stadt.", (892, 1809, 955, 1826), 0.99)])
    page = assemble(PageLayout((1500, 2100), 17.0, headlines=[[title], [word]], text_blocks=[column, cut],
                               separators=[_rule("s1", (340, 1142, 1429, 1146))]))
    assert [a.title for a in page.articles] == ["Neues Löschfahrzeug für die Wehr"]
    assert {r.article for r in page.regions if r.type == RegionType.TEXT} == {page.articles[0].id}


def test_a_rule_flanking_a_title_parts_nothing_one_closing_the_row_beside_it_does():
    # random seed 1257 (unit 19): rules flank `全市中小学启动暑期托管服务报名` at its foot, the left one
    # ending at its side; it parted the title from its first column (whose byline became a title)
    unit = 19.0
    title = _region("t1", RegionType.TITLE, (307, 191, 1117, 242), "全市中小学启动暑期托管服务报名")
    rules = [_rule("s1", (56, 250, 305, 254)), _rule("s2", (1142, 238, 1363, 242))]
    columns = [(46, 316, 298, 1146), (317, 285, 568, 1146), (1129, 285, 1380, 1116)]
    heads = headline_spans([[title]], rules, columns, (46, 1380), unit)
    assert all(owner(c, heads, rules, unit) is heads[0] for c in columns)
    # random seed 1336 (unit 19): the rule closing a jump's row ends 17 units left of the one-column
    # `社区食堂开进居民家门口`, level with its second line; the jump's columns under it were the head's
    title = _region("t2", RegionType.TITLE, (1167, 1331, 1323, 1389), "社区食堂开进居民家门口")
    rules = [_rule("s3", (69, 1380, 841, 1383))]
    jump, own = (69, 1402, 311, 1860), (1124, 1414, 1366, 2020)
    heads = headline_spans([[title]], rules, [jump, own], (69, 1380), unit)
    assert owner(jump, heads, rules, unit) is None and owner(own, heads, rules, unit) is heads[0]


def _deck_beside_the_body(text_top: int) -> PageLayout:
    # random seed 1418 (unit 16): the two-line subhead `做强产业 / 聚人气` opens the third column of
    # `州住房公积金管理中心…`; its first line was boxed with the title as its deck, level with the
    # first lines of the columns beside (a false headline), its second line a subhead of the body
    title = Region("t1", RegionType.TITLE, (101, 155, 623, 251),
                   [Line("州住房公积金管理中心多措", (101, 155, 623, 196), 0.99),
                    Line("并举推动各项工作有序开展", (102, 210, 621, 251), 0.99)])
    deck = _region("t2", RegionType.SUBTITLE, (522, 284, 602, 304), "做强产业")
    rest = _region("h1", RegionType.SUBHEAD, (522, 312, 583, 330), "聚人气")
    blocks = [rest]
    for k, (x0, x1, top) in enumerate(((107, 239, text_top), (277, 447, text_top), (484, 656, 341))):
        lines = [Line("市民出行更加便利了。", (x0, top + 27 * i, x1, top + 27 * i + 17), 0.99) for i in range(20)]
        blocks.append(Region(f"b{k}", RegionType.TEXT, union_bbox([l.bbox for l in lines]), lines))
    return PageLayout((931, 1000), 16.0, headlines=[[title, deck]], text_blocks=blocks,
                      separators=[_rule("s1", (70, 110, 866, 114))])


def test_a_deck_level_with_the_first_lines_beside_it_is_a_subhead_opening_its_column():
    page = assemble(_deck_beside_the_body(284))
    article, = page.articles
    assert article.subtitle is None
    assert [s.text for s in article.subheads] == ["做强产业聚人气"]
    # a deck standing well over the first lines beside it is the head's
    page = assemble(_deck_beside_the_body(284 + 3 * 16))
    article, = page.articles
    assert article.subtitle == "做强产业"


def test_a_jump_notice_heads_the_column_under_it_and_the_column_goes_on_past_its_photo():
    # random seed 1713 (unit 12): `(上接第一版)` over the first column of an untitled jump stands 25 px
    # (2.1 body heights) over the column's text, and was an article of its own; the column's last
    # line over the photo, a paragraph's first line two characters in, was cut off as a block of one
    # line, and the column's text under the photo and its caption (set beside it) was another article
    unit = 12.0
    notice = _region("b1", RegionType.TEXT, (209, 875, 293, 888), "(上接第一版)")
    byline = _region("b2", RegionType.TEXT, (60, 895, 166, 906), "本报讯 记者柳青")
    first = _region("b3", RegionType.TEXT, (59, 913, 299, 1021), "满山新绿。在南山镇万亩生态茶园，")
    opening = _region("b4", RegionType.TEXT, (86, 1028, 300, 1042), "新能源公交上线 昌吉高新区党工")
    beside = _region("b5", RegionType.TEXT, (321, 876, 561, 1041), "社发放春耕贷款3.2亿元。")
    groups = _cluster([notice, byline, first, opening, beside], [_rule("s1", (59, 859, 565, 863))], unit)
    assert len(groups) == 1
    photo = Region("p1", RegionType.PHOTO, (57, 1066, 301, 1191))
    caption = _region("c1", RegionType.CAPTION, (320, 1066, 562, 1190))
    photos = [(photo, Photo("p1", photo.bbox), caption)]
    above = _Item(None, groups[0])
    below = _Item(None, [_region("b6", RegionType.TEXT, (59, 1204, 300, 1426)),
                         _region("b7", RegionType.TEXT, (321, 1204, 562, 1426))])
    assert _past_photos([], [above, below], photos, [], [], unit) == [above]
    assert len(above.blocks) == 7


def test_a_column_goes_on_under_a_blank_line_unless_a_rule_beside_closes_the_row():
    # random seed 1290 (unit 12): the third column of a jump, past a paragraph's blank line 28 px
    # (2.3 body heights) down, was an untitled article of its own
    upper = _region("b1", RegionType.TEXT, (367, 1623, 501, 1698), "秀才”“土专家”脱颖而出，")
    lower = _region("b2", RegionType.TEXT, (366, 1726, 502, 2107), "今年，全县推广玉米大豆带状复合种植")
    rules = [_rule("s1", (46, 1608, 504, 1612)), _rule("s2", (512, 1187, 517, 1890))]
    assert len(_cluster([upper, lower], rules, 12.0, [upper, lower])) == 1
    # random seed 1608 (unit 14): a rule closing the row of the columns left of the last one, level
    # with the gap in that column, parts the rows' items (their heads missed)
    upper = _region("b1", RegionType.TEXT, (1209, 62, 1473, 790))
    lower = _region("b2", RegionType.TEXT, (1210, 824, 1472, 924))
    closing = _rule("s3", (66, 814, 1185, 817))
    assert len(_cluster([upper, lower], [closing], 14.0, [upper, lower])) == 2
    assert len(_cluster([upper, lower], [], 14.0, [upper, lower])) == 1


def test_a_vertical_title_whose_box_reaches_into_the_rule_over_it_owns_the_text_beside():
    # random seed 1657 (unit 18): `次明显降温过程`'s box starts 1 px over the rule topping its article;
    # that rule stood between the head's top and the columns beside, which were left untitled
    unit = 18.0
    line = Line("次明显降温过程", (596, 946, 661, 1269), 0.99, TextDirection.VERTICAL_RL)
    title = Region("t1", RegionType.TITLE, line.bbox, [line])
    rule = _rule("s1", (61, 947, 753, 949))
    beside = (429, 962, 597, 2110)
    heads = headline_spans([[title]], [rule], [beside], (60, 1720), unit)
    assert owner(beside, heads, [rule], unit) is heads[0]
    # a rule clear of the head's box, under its top, still parts it from the text under the rule
    assert owner(beside, heads, [_rule("s2", (61, 952, 590, 954))], unit) is None


def test_a_rule_closing_the_row_beside_a_head_a_gutter_off_it_parts_the_text_under_it():
    # random seed 1769 (unit 13): the rule over the first two columns ends a gutter (1.8 units) left
    # of `DEPARTMENT OF THE INTERIOR`, level with its foot; the second column, under the rule and
    # beside the first column's own head, was taken into the head's article over the third
    unit = 13.0
    right = _region("t1", RegionType.TITLE, (554, 869, 753, 923), "DEPARTMENT OF THE INTERIOR")
    left = _region("t2", RegionType.TITLE, (39, 922, 269, 1098), "DEPARTMENT OF THE INTERIOR Fish and Wildlife")
    rules = [_rule("s1", (41, 904, 530, 905)), _rule("s2", (555, 850, 1044, 852))]
    first, second, third = (40, 1112, 271, 1509), (295, 924, 528, 1523), (554, 922, 784, 1112)
    heads = headline_spans([[right], [left]], rules, [first, second, third], (38, 1559), unit)
    assert owner(third, heads, rules, unit) is heads[0] and owner(first, heads, rules, unit) is heads[1]
    assert owner(second, heads, rules, unit) is None


def _column_under(head: Region) -> PageLayout:
    # random seed 1716 (unit 13): the fourth column's first line `June 28, 2010, to the` boxed 20 px
    # tall, its foot 7 px into the block under it, was taken for a title heading the column
    rows = [("Field Manager,", (797, 180, 950, 200)), ("BLM", (979, 186, 1018, 201)),
            ("Elko District Office, 3900", (798, 207, 1018, 221)), ("East Idaho Street, Elko,", (797, 226, 1018, 240))]
    lines = [Line(text, box, 0.99) for text, box in rows]
    column = Region("b1", RegionType.TEXT, union_bbox([l.bbox for l in lines]), lines)
    return PageLayout((1066, 2158), 13.0, headlines=[[head]], text_blocks=[column])


def test_a_columns_first_line_boxed_tall_into_its_text_is_read_in_it():
    page = assemble(_column_under(_region("t1", RegionType.TITLE, (794, 167, 1019, 187), "June 28, 2010, to the")))
    assert [a.title for a in page.articles] == [None]
    text = next(r for r in page.regions if r.type == RegionType.TEXT)
    assert [l.text for l in text.lines[:2]] == ["June 28, 2010, to the", "Field Manager,"]
    # a title stands off its text (the closest of 498 on dev pages a body line), as does a subhead
    page = assemble(_column_under(_region("t1", RegionType.TITLE, (794, 150, 1019, 176), "Markttag am Domplatz")))
    assert [a.title for a in page.articles] == ["Markttag am Domplatz"]


def test_the_top_of_a_vertical_title_read_across_its_columns_stays_in_it():
    # random seed 1615 (unit 19): the top of `县域医共体让群 / 众看病少跑路` was boxed as the row `众县域`
    # across its two columns, touching the rest; that row, a title of its own, took the three columns
    row = _region("t1", RegionType.TITLE, (52, 2663, 144, 2731), "众县域")
    upright = Region("t2", RegionType.TITLE, (51, 2731, 145, 2980),
                     [Line("以医共体让群", (104, 2731, 145, 2980), 0.99, TextDirection.VERTICAL_RL),
                      Line("目病少跑路", (51, 2731, 92, 2934), 0.99, TextDirection.VERTICAL_RL)])
    columns = []
    for k, x0 in enumerate((185, 380, 575)):
        lines = [Line("市民出行更加便利了。", (x0, 2662 + 27 * i, x0 + 155, 2681 + 27 * i), 0.99) for i in range(28)]
        columns.append(Region(f"b{k}", RegionType.TEXT, union_bbox([l.bbox for l in lines]), lines))
    page = assemble(PageLayout((1980, 3848), 19.0, headlines=[[row], [upright]], text_blocks=columns,
                               separators=[_rule("s1", (51, 2640, 733, 2643))]))
    assert len(page.articles) == 1 and page.articles[0].title.startswith("众县域")
    assert {r.article for r in page.regions if r.type == RegionType.TEXT} == {page.articles[0].id}


def test_a_rule_at_a_heads_foot_over_another_head_parts_the_text_under_it():
    # random seed 1886 (unit 15): the rule over `Markttag am Domplatz` and its four columns ends a
    # gutter (1.9 units) left of `Turnverein feiert / Geburtstag`, level with its foot; the head took
    # the three columns beside `Markttag`'s, which start under the rule level with it
    unit = 15.0
    turnverein = _region("t1", RegionType.TITLE, (1403, 1050, 1587, 1090), "Turnverein feiert Geburtstag")
    markttag = _region("t2", RegionType.TITLE, (60, 1110, 307, 1124), "Markttag am Domplatz")
    rules = [_rule("s1", (60, 1087, 1375, 1090))]
    first, second, own = (59, 1141, 366, 2058), (396, 1111, 702, 1222), (1403, 1107, 1710, 1634)
    heads = headline_spans([[turnverein], [markttag]], rules, [first, second, own], (57, 2048), unit)
    assert owner(second, heads, rules, unit) is None
    assert owner(own, heads, rules, unit) is heads[0] and owner(first, heads, rules, unit) is heads[1]
    # a rule at a title's foot ending a little off its side, with no head under it, flanks it (1257)
    heads = headline_spans([[turnverein]], rules, [second, own], (57, 2048), unit)
    assert owner(second, heads, rules, unit) is heads[0]


def test_a_head_read_as_nothing_heads_nothing():
    # random seed 1900 (unit 17): the dark top of a photo was boxed as a title line and read as
    # nothing; titled `` it took the column's text under the photo from its notice's head
    title = _region("t1", RegionType.TITLE, (1017, 244, 1464, 400), "DEPARTMENT OF THE INTERIOR")
    upper = _region("b1", RegionType.TEXT, (1017, 420, 1464, 480), "AGENCY: Bureau of Land Management.")
    speck = _region("t2", RegionType.TITLE, (1300, 560, 1380, 590), "")
    lower = _region("b2", RegionType.TEXT, (1017, 800, 1464, 1300), "this notice to advise the public that")
    page = assemble(PageLayout((1500, 2000), 17.0, headlines=[[title], [speck]], text_blocks=[upper, lower]))
    assert [a.title for a in page.articles] == ["DEPARTMENT OF THE INTERIOR"]


def test_a_vertical_kicker_read_across_beside_its_title_is_a_piece_of_it():
    # random seed 1923 (unit 16): the vertical kicker `明规矩 / 强作风 / 严制度 / 促工作` beside
    # `州住房公积金管理中心…` was read across its lines as `严明 / 制规` and `促正强风`, 0.9 body heights
    # right of the title: two titles between the title and its four columns, which went untitled
    title = Region("t1", RegionType.TITLE, (575, 1600, 655, 2050),
                   [Line("州住房公积金管理中心多措", (619, 1600, 655, 2050), 0.99, TextDirection.VERTICAL_RL),
                    Line("并举推动各项工作有序开展", (575, 1600, 610, 2046), 0.99, TextDirection.VERTICAL_RL)])
    kicker = Region("k1", RegionType.KICKER, (669, 1600, 722, 1654),
                    [Line("严明", (669, 1600, 721, 1627), 0.99), Line("制规", (669, 1620, 722, 1654), 0.99)])
    piece = _region("t2", RegionType.TITLE, (669, 1700, 722, 1764), "促正强风")
    columns = [_region(f"b{k}", RegionType.TEXT, (x0, 1599, x0 + 195, 2271), "市农业局茶叶站站长")
               for k, x0 in enumerate((745, 964, 1183, 1402))]
    page = assemble(PageLayout((1640, 3100), 16.0, headlines=[[title], [kicker], [piece]], text_blocks=columns,
                               separators=[_rule("s1", (576, 1581, 1598, 1583))]))
    assert len(page.articles) == 1 and "州住房公积金管理中心" in page.articles[0].title
    assert {r.article for r in page.regions if r.type == RegionType.TEXT} == {page.articles[0].id}


def _top_photo_page() -> tuple[_Item, _Item, _Item, list]:
    # random seed 1966 (unit 19): the left column opens with a photo and its caption over an untitled
    # jump (`(上接第一版)`, then its text); a titled article fills the columns right of it from the photo's
    # top. The photo, of no article, was read first and the untitled article, its top under the caption,
    # after the one beside
    head = _region("t1", RegionType.TITLE, (405, 212, 905, 250), "滨江夜市点亮城市夜经济")
    beside = _Item(Headline([head], head.bbox, (333, 905)), [_region("b1", RegionType.TEXT, (333, 316, 614, 1339))])
    jump = _Item(None, [_region("b2", RegionType.TEXT, (54, 569, 179, 590), "(上接第一版)"),
                        _region("b3", RegionType.TEXT, (41, 601, 321, 1358))])
    photo = Region("p1", RegionType.PHOTO, (39, 212, 319, 357))
    caption = _region("c1", RegionType.CAPTION, (40, 367, 319, 554))
    news = _Item(None, photos=[(photo, Photo("p1", photo.bbox), caption)])
    return beside, jump, news, [(photo, news.photos[0][1], caption)]


def test_a_photo_of_no_article_over_an_untitled_columns_top_opens_that_article():
    beside, jump, news, photos = _top_photo_page()
    photo_news = [news]
    assert _past_photos([beside], [jump], photos, photo_news, [], 19.0) == [jump]
    assert photo_news == [] and jump.photos == news.photos
    assert _page_order([beside, jump], [], 19.0) == [jump, beside]


def _text_over_photo() -> _Item:
    over = _Item(None, [_region("b4", RegionType.TEXT, (41, 100, 321, 200))])
    over.blocks[0].lines[0].text = "今年以来,我市新建改造滨水绿道12公里。"
    return over


def test_a_photo_under_another_items_text_stays_apart_from_the_untitled_text_under_it():
    # the same photo with a column's text right over it that is not the untitled item's, no rule
    # between: the foot of the text over it or the top of the text under it, the place does not tell
    beside, jump, news, photos = _top_photo_page()
    over = _text_over_photo()
    photo_news = [news]
    _past_photos([beside], [jump, over], photos, photo_news, [], 19.0)
    assert photo_news == [news] and not jump.photos and not over.photos


def test_a_photo_under_another_items_text_past_a_rule_opens_the_untitled_text_under_it():
    # random seed 2116 (unit 23): a rule under the text over the photo ends that item; the photo, its
    # caption right over the untitled text, opens that text's article
    beside, jump, news, photos = _top_photo_page()
    over = _text_over_photo()
    photo_news = [news]
    _past_photos([beside], [jump, over], photos, photo_news, [_rule("s1", (40, 203, 321, 206))], 19.0)
    assert photo_news == [] and jump.photos == news.photos and not over.photos


def test_a_photo_wider_than_the_untitled_item_under_it_stays_news_of_its_own():
    # a photo over three columns with an untitled column's text starting under its caption in one of
    # them (random seed 2029: a photo of no article 0.7 page wide over a one-column item)
    beside, jump, news, photos = _top_photo_page()
    wide = Region("p1", RegionType.PHOTO, (39, 212, 905, 357))
    news.photos[0] = (wide, Photo("p1", wide.bbox), news.photos[0][2])
    photo_news = [news]
    _past_photos([], [jump], [news.photos[0]], photo_news, [], 19.0)
    assert photo_news == [news] and not jump.photos


def _foot_photo_page() -> tuple[list[_Item], _Item, _Item, _Item, list, list[Region]]:
    # random seed 2126 (unit 11): two titled articles down the left column; right of the column rule an
    # untitled article's text with its photo and caption under it, a rule, then another untitled article.
    # The photo, of no article, stood between the rule and the text over it: the rule ran past an item's
    # foot, so the page was read by column stripes (left column first), where the truth reads by rows
    titles = [_region("t1", RegionType.TITLE, (35, 96, 289, 130)), _region("t2", RegionType.TITLE, (35, 809, 288, 843))]
    texts = [(35, 140, 289, 786), (35, 853, 288, 1668)]
    left = [_Item(Headline([t], t.bbox, (35, 289)), [_region(f"b{k}", RegionType.TEXT, box)])
            for k, (t, box) in enumerate(zip(titles, texts))]
    top = _Item(None, [_region("b3", RegionType.TEXT, (293, 98, 544, 457), "为让新学校顺利开学,市教育局提前")])
    lower = _Item(None, [_region("b4", RegionType.TEXT, (291, 681, 543, 1251), "气象专家同时提醒市民,春季气温起")])
    photo = Region("p1", RegionType.PHOTO, (292, 464, 544, 626))
    caption = _region("c1", RegionType.CAPTION, (293, 631, 542, 657))
    news = _Item(None, photos=[(photo, Photo("p1", photo.bbox), caption)])
    rules = [_rule("s1", (292, 667, 545, 671)), _rule("s2", (289, 96, 293, 658)), _rule("s3", (287, 680, 292, 1252))]
    return left, top, lower, news, [news.photos[0]], rules


def test_a_photo_of_no_article_under_an_untitled_columns_foot_ends_that_article():
    left, top, lower, news, photos, rules = _foot_photo_page()
    photo_news = [news]
    assert _past_photos(left, [top, lower], photos, photo_news, rules, 11.4) == [top, lower]
    assert photo_news == [] and top.photos == news.photos and not lower.photos
    assert _page_order(left + [top, lower], rules, 11.4) == [left[0], top, lower, left[1]]


def test_photo_news_in_its_own_frame_under_an_untitled_column_stays_news():
    # random seed 2021: a boxed photo-news under an untitled article's foot, its frame's top between
    left, top, lower, news, photos, rules = _foot_photo_page()
    frame = [_rule("f1", (290, 460, 546, 463))]
    photo_news = [news]
    _past_photos(left, [top, lower], photos, photo_news, rules + frame, 11.4)
    assert photo_news == [news] and not top.photos


def test_a_paragraphs_last_line_beside_a_title_bounds_its_span_by_its_whole_column():
    # random seed 2726 (unit 10): column 2 opens with `zugute.`, the last line of a paragraph run on
    # from column 1, level with `Schüler bauen einen Garten` over column 3; the span stopped at the
    # word's right side, so the title took column 2 and left its own column 3 (under a photo) untitled
    unit = 10.0
    altstadt = _region("t1", RegionType.TITLE, (33, 127, 293, 138), "Die Altstadt soll wieder aufblühen")
    schueler = _region("t2", RegionType.TITLE, (767, 127, 982, 139), "Schüler bauen einen Garten")
    first, zugute, second = (32, 149, 386, 616), (400, 130, 450, 139), (399, 143, 753, 611)
    third, photo = (766, 149, 998, 648), (1010, 125, 1244, 236)
    heads = headline_spans([[altstadt], [schueler]], [], [first, zugute, second, third, photo], (31, 1246), unit)
    assert heads[1].span == (753, 1010)
    assert owner(third, heads, [], unit) is heads[1] and owner(first, heads, [], unit) is heads[0]
    assert owner(second, heads, [], unit) is None  # the run-on from column 1 joins it (`_run_on`)
    # a block under the line but not flush with it is not its column
    heads = headline_spans([[altstadt], [schueler]], [], [first, zugute, (440, 143, 753, 611)], (31, 1246), unit)
    assert heads[1].span[0] == 450
    # a column running on under the title bounds the span at the title's own side, not past it (random
    # seed 2566: a JPEG speck at the gutter, level with a head over the speck's column, read `2`)
    speck, under = (758, 130, 761, 137), (758, 143, 998, 611)
    heads = headline_spans([[altstadt], [schueler]], [], [first, speck, under], (31, 1246), unit)
    assert heads[1].span[0] == 767 and owner(under, heads, [], unit) is heads[1]


def test_a_title_beside_a_head_bounds_its_span_by_its_column_a_titles_lead_under_it():
    # random seed 2827 (12.6 px Fraktur at 0.53 em gutters, unit 10): `Musik in den Höfen` tops its
    # column 1.3 lines over it; a line's reach missed the column, so `Turnverein feiert Geburtstag`'s
    # span ran left to the title's right side, over the column's centre, and took its text
    unit = 10.0
    musik = _region("t1", RegionType.TITLE, (558, 137, 663, 147), "Musik in den Höfen")
    turnverein = _region("t2", RegionType.TITLE, (815, 137, 972, 148), "Turnverein feiert Geburtstag")
    left, second, third = (296, 138, 554, 238), (558, 160, 818, 410), (815, 160, 1075, 410)
    rules = [_rule("s1", (554, 137, 556, 518))]
    heads = headline_spans([[musik], [turnverein]], rules, [left, second, third], (35, 1078), unit)
    assert heads[1].span[0] == 815  # its own side: the column beside reaches under it
    assert owner(second, heads, rules, unit) is heads[0] and owner(third, heads, rules, unit) is heads[1]
    # a column starting two lines and more under the title is not the one it tops
    heads = headline_spans([[musik], [turnverein]], rules, [left, (558, 170, 818, 410), third], (35, 1078), unit)
    assert heads[1].span[0] == 663
