"""The text rules of postprocess, one case each: joining lines, paragraphs across column breaks
(and past a body line taken for a subhead), credits, notices, bylines and the header band's fields."""

from __future__ import annotations

import pytest

from broadsheet.layout import PageLayout
from broadsheet.model import Line, Region, RegionType, union_bbox
from broadsheet.postprocess.assemble import assemble
from broadsheet.postprocess.captions import split_credit
from broadsheet.postprocess.header import read_header
from broadsheet.postprocess.notices import continuation, misread_notice, own_line_byline, split_notices, split_subheads
from broadsheet.postprocess.paragraphs import byline, join_lines, paragraphs

UNIT = 20  # px: body text size of the lines below


@pytest.mark.parametrize("left, right, joined", [
    ("揭短亮", "丑，让群众", "揭短亮丑，让群众"),  # CJK: no space, even before digits
    ("总投资达", "12.5亿元", "总投资达12.5亿元"),
    ("the Bureau of Land", "Management", "the Bureau of Land Management"),
    ("a word hyphen-", "ated at the end", "a word hyphenated at the end"),
])
def test_join_lines(left, right, joined):
    assert join_lines(left, right) == joined


def _line(text: str, x0: int, y0: int, width: int = 200) -> Line:
    return Line(text, (x0, y0, x0 + width, y0 + UNIT), 0.99)


def test_a_column_that_starts_without_an_indent_continues_the_paragraph():
    first = [_line("本报讯 今年以来，我市坚持", 40, 0), _line("问题导向，揭短亮", 0, 30)]
    second = [_line("丑，推动工作落实。", 300, 0), _line("新的一段从缩进开始。", 340, 30)]
    assert paragraphs([(0, first), (300, second)], UNIT) == [
        "本报讯 今年以来，我市坚持问题导向，揭短亮丑，推动工作落实。", "新的一段从缩进开始。"]


@pytest.mark.parametrize("caption, text, credit", [
    ("3月24日上午，工人们加紧施工。 本报记者 刘茜 摄", "3月24日上午，工人们加紧施工。", "本报记者 刘茜 摄"),
    ("梁宏涛 摄", "", "梁宏涛 摄"),
    ("Workers on the new bridge. Photo: J. Smith", "Workers on the new bridge.", "Photo: J. Smith"),
    ("他说记者刘茜摄影很好", "他说记者刘茜摄影很好", None),  # no sentence end before it: not a credit
])
def test_split_credit(caption, text, credit):
    assert split_credit(caption) == (text, credit)


@pytest.mark.parametrize("text, expected", [
    ("（上接第一版）", ("上接第一版", True)),
    ("(下转第四版)", ("下转第四版", False)),
    ("（转4版）", ("转4版", False)),
    ("(接1版)", ("接1版", True)),
    ("(Continued on Page 4)", ("Continued on Page 4", False)),
    ("See TROTSKY, Page 4", ("See TROTSKY, Page 4", False)),
    ("上接第一版的报道引起关注。", None),
])
def test_continuation_notices(text, expected):
    assert continuation(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("■■本报记者 蔡茂楷", "本报记者 蔡茂楷"),
    ("本报记者 刘茜 通讯员 宋华敏", "本报记者 刘茜 通讯员 宋华敏"),
    ("By Jane Doe and John Smith", "By Jane Doe and John Smith"),
    ("本报记者蔡茂楷说，今年收成好。", None),  # a sentence is not a byline
    ("本报讯 记者刘晨", "本报讯 记者刘晨"),  # after its dateline (random seeds 93, 157: a paragraph of its own)
    ("本雅记者 黄思远", "本雅记者 黄思远"),  # 本报 misread at 12-15 px (seeds 1007, 1035)
    ("奉银记者 东亨", "奉银记者 东亨"),
])
def test_own_line_bylines(text, expected):
    assert own_line_byline(text) == expected


def _recorded(rows) -> list[Line]:
    return [Line(text, bbox, 0.99) for bbox, text in rows]


def _block(region_id: str, kind: RegionType, rows) -> Region:
    lines = _recorded(rows)
    return Region(region_id, kind, union_bbox([line.bbox for line in lines]), lines)


# Recorded on random pages (page pixels; `unit` is the page's body text size)
_SEED_63 = 41.9, [((727, 3030, 1085, 3073), "记者了解到,今年"), ((636, 3096, 1083, 3142), "全市还将继续实施课后"),
                  ((638, 3162, 1085, 3208), "服务提质行动,各中小"), ((635, 3230, 1069, 3274), "学结合实际开设科技、")]


def test_a_paragraph_opening_like_a_byline_stays_text():
    """记者了解到，今年 fills the column and the text runs on flush under it (seed 63): a sentence."""
    unit, rows = _SEED_63
    lines = _recorded(rows)
    block = Region("r1", RegionType.TEXT, (635, 3030, 1085, 3274), lines)
    assert [r.type for _, r in split_notices([(636, block)], iter(["r2"]), unit)] == [RegionType.TEXT]
    assert block.lines == lines


def test_a_byline_line_before_an_indented_paragraph_is_taken_out():
    unit, rows = _SEED_63
    lines = [Line("本报讯 记者刘晨", (636, 2960, 960, 3003), 0.99)] + _recorded(rows)
    block = Region("r1", RegionType.TEXT, (635, 2960, 1085, 3274), lines)
    found = split_notices([(636, block)], iter(["r2"]), unit)
    assert [r.type for _, r in found] == [RegionType.BYLINE, RegionType.TEXT]


def test_a_speck_inside_a_row_starts_no_paragraph():
    """Seed 85: a '|' read between the pieces of a row (the detector cut it at a wide gap)."""
    lines = _recorded([((1363, 5293, 1964, 5336), "total maximum ("), ((1853, 5328, 1860, 5334), "|"),
                       ((1957, 5292, 2092, 5347), "daily"), ((2189, 5296, 2515, 5346), "loads __ for"),
                       ((1362, 5351, 2511, 5416), "phosphorus in the lower Humboldt")])
    assert len(paragraphs([(1352, lines)], 40.6)) == 1


def test_an_indent_is_measured_from_the_lines_near_it():
    """Seed 104: the block's box starts at a speck left of its lines (450), and on the skewed page
    the lines' edge drifts 472 -> 493 down the column; a line opening with a quote starts half a
    character in. Three paragraphs start, at 本报讯, 目 前 and 改造中."""
    lines = _recorded([
        ((472, 3069, 800, 3097), "教育局提前调配骨干教师、组"), ((479, 3283, 602, 3307), "率达到85%。"),
        ((529, 3311, 807, 3340), "本报讯 记者刘晓峰 通讯"), ((485, 3346, 803, 3376), "员王倩报道:“我这个月攒了"),
        ((484, 3488, 715, 3516), "拿着积分卡高兴地说。"), ((537, 3521, 812, 3550), "目 前,全市共有茶叶加工"),
        ((487, 3556, 811, 3584), "企业236家,其中省级以上农业"), ((465, 3603, 469, 3609), "2"),
        ((488, 3591, 809, 3619), "产业化龙头企业7家。我市推广"), ((499, 3625, 813, 3654), "“龙头企业+合作社+基地+农"),
        ((490, 3732, 673, 3759), "下了“定心丸”。"), ((540, 3764, 816, 3792), "改造中,街道注重保留老"),
        ((493, 3833, 818, 3863), "进行了修缮保护,将闲置厂房")])
    found = paragraphs([(450, lines)], 20.9)
    assert [p[:3] for p in found] == ["教育局", "本报讯", "目 前", "改造中"]


def test_a_line_that_lost_its_thin_first_character_is_no_indent():
    """Seed 321 (10.6 px): 一新，街角的小花园 was detected from 新, one character and its ink offset
    in (1.23 units); a CJK indent is two characters. The empty line is 展。 not read."""
    lines = _recorded([
        ((167, 1170, 277, 1183), "推动农文旅融合发"), ((168, 1190, 187, 1203), ""),
        ((194, 1209, 278, 1222), "本报讯 记者陈"), ((170, 1229, 278, 1242), "立军·通讯员 马文报"),
        ((168, 1249, 279, 1263), "道:青石板路干净整"), ((168, 1269, 279, 1282), "清:每较的老墙统热"),
        ((181, 1289, 280, 1302), "新,黄角的小花暖"), ((170, 1308, 280, 1322), "重然民们正在 下棋辅"),
        ((171, 1329, 280, 1342), "天…一5月14日,记"), ((169, 1369, 280, 1382), "的东关老衡区,处处"),
        ((170, 1389, 253, 1403), "感受到新变化")])
    found = paragraphs([(166, lines)], 10.6)
    assert [p[:3] for p in found] == ["推动农", "本报讯"]


def test_a_line_under_one_that_fills_the_measure_mid_sentence_is_no_indent():
    """Seed 1258 (37 px Fraktur): the detector boxed `die Arbeiten in kurzen` from `Arbeiten`, 3.9 units
    in; the line above fills the measure and ends on a comma, so the paragraph goes on."""
    lines = _recorded([
        ((700, 1578, 986, 1594), "Wenn während der Bauarbeiten"),
        ((701, 1609, 987, 1621), "monatelang Absperrungen vor"),
        ((700, 1632, 987, 1648), "ihren Schaufenstern SsStünden,"),
        ((701, 1658, 987, 1674), "blieben die Kunden aus. Die"),
        ((700, 1685, 987, 1701), "Verwaltung versprach daraufhin,"),
        ((763, 1712, 986, 1727), "Arbeiten in kurzen"),
        ((700, 1738, 987, 1754), "Abschnitten zu erledigen und"),
        ((700, 1765, 987, 1783), "jeden Laden jederzeit zugänglich")])
    assert len(paragraphs([(699, lines)], 16.0)) == 1


def test_a_line_set_in_as_deep_as_its_column_s_opening_starts_a_paragraph_under_a_full_line():
    """Seed 2609 (11.2 px Fraktur): `… pflanzen.` fills the measure and its stop was read as nothing
    (`pflan ien`); `Nicht alle …` under it sits as deep as the column's opening `Jeden Dienstag …`."""
    lines = _recorded([
        ((68, 1655, 404, 1667), "Jeden Dienstag arbeiten eie zwei Stunden im Gar-"),
        ((45, 1675, 403, 1687), "ten, degleitet von ihrer Lebrerin und zwei Großvätern"),
        ((44, 1694, 403, 1706), "aus der Nachdarschaft, die viel von Pflanzen versteden"),
        ((45, 1713, 403, 1725), "Was geerntet wird, kommt in der Schulküche auf den"),
        ((46, 1732, 403, 1744), "Tioch. Im Herbot wollen die Kinder ihre Ernte beim"),
        ((45, 1751, 402, 1763), "Schulſeot verkaufen und vom Erlös Obsrbäume pflan ien"),
        ((69, 1770, 403, 1782), "Nicht alle Fraktionen 3ind mit den Einzelheiten"),
        ((45, 1789, 403, 1801), "zufrieden. Die Vertreter der Opposition kritisierten vor"),
        ((45, 1809, 403, 1821), "allem, dass die Bürger bei der Geotaltung der Plätze zu"),
        ((45, 1828, 403, 1840), "wenig mitreden dürften. Auch die Kaufleute der"),
        ((46, 1847, 403, 1859), "Langgas0e äußerten Sorgen: Wenn während der"),
        ((45, 1943, 175, 1956), "zugänglich zu dalten.")])
    assert [p[:5] for p in paragraphs([(44, lines)], 12.0)] == ["Jeden", "Nicht"]


def test_a_line_lone_past_its_column_s_measure_does_not_set_it():
    """Seed 2566 (9.5 px, a column rule set tight against the text): `… sther)` runs into the rule's ink
    to 426 px, the other lines end at 422-423. `ace the asalability` lost its first word under `We`, which
    fills the measure mid-sentence, and fills it too: the paragraph goes on."""
    lines = _recorded([
        ((249, 224, 423, 236), "SUMMAHY: The Burean"), ((230, 243, 373, 254), "of Land Mane"),
        ((231, 385, 423, 396), "The parcel is usolated and"), ((230, 403, 422, 413), "dilflcst to mannge, ad it"),
        ((231, 422, 426, 431), "is mot oeedoill fer eny sther)"), ((231, 440, 342, 449), "Fetirral psttose"),
        ((248, 455, 324, 467), "SUMMARY"), ((400, 455, 423, 466), "We"),
        ((273, 475, 422, 485), "ace the asalability"), ((230, 493, 423, 502), "of a idraft cmtans"),
        ((230, 511, 423, 520), "cemlservetinn plas and"), ((230, 529, 369, 538), "eerurumettal a")])
    assert [p[:5] for p in paragraphs([(230, lines)], 10.0)] == ["SUMMA", "SUMMA"]


def test_a_cjk_line_that_lost_its_first_two_characters_under_a_full_line_is_no_indent():
    """Seed 1398 (11 px): `一，卖不上好价` was boxed from 卖, two characters in, under a line that fills
    the measure without a stop; the paragraph opened by the quote above goes on."""
    lines = _recorded([
        ((55, 532, 176, 544), "时位置,合理安排出"), ((55, 554, 104, 565), "行时间。"),
        ((89, 574, 177, 586), "“以前大家各种"), ((56, 595, 176, 607), "各的,施肥·打药全"),
        ((56, 616, 176, 628), "凭经验,果子 大小不"), ((93, 637, 176, 648), "卖不上好价"),
        ((54, 657, 177, 670), "铁。“桃源少那独机"), ((55, 679, 171, 691), "协会会长吴德明说。")])
    assert [p[:2] for p in paragraphs([(54, lines)], 12.0)] == ["时位", "“以"]


def test_an_indent_under_a_row_read_empty_starts_a_paragraph():
    """Seed 1461 (14 px): the row under `… Geox` was read empty (`246, Wells, Nevada 89835.`, its
    paragraph's end), so the line above the indent is two rows up, not the row right above."""
    lines = _recorded([
        ((747, 810, 1035, 824), "ADDRESSES: Send written cor"),
        ((725, 822, 1035, 850), "rants to the OWnict Ranger, Ruby"),
        ((725, 849, 1035, 863), "Mountains Ranger District. 7.0. Geox"), ((725, 860, 944, 889), ""),
        ((748, 888, 1034, 902), "GATES: To eneure consideration."),
        ((725, 910, 1036, 921), "we must receive your writen cer")])
    assert [p[:5] for p in paragraphs([(724, lines)], 13.0)] == ["ADDRE", "GATES"]


def test_a_run_in_lead_starts_a_paragraph_under_a_line_that_runs_on():
    """Seed 1418 (24 px): a brief's lead `老旧小区加装电梯` wraps, the space after it on the next line;
    the paragraph above ends mid-sentence at the measure (the generator's text ends there)."""
    lines = _recorded([
        ((485, 927, 655, 943), "督小组,对每一户改"), ((485, 953, 654, 969), "造房屋的地基、墙"),
        ((485, 980, 653, 996), "体、屋面等关键环节"), ((523, 1006, 655, 1024), "老旧小区加装电"),
        ((484, 1033, 653, 1049), "梯 常态化落实周例"), ((486, 1060, 653, 1076), "会工作制度。昌吉州")])
    assert [p[:3] for p in paragraphs([(484, lines)], 16.0)] == ["督小组", "老旧小"]


def test_a_credit_ends_its_caption_at_the_measure():
    """Seed 1468 (42 px): a caption read in the body's column ends with its credit at the measure; the
    indented line under it starts the text."""
    lines = _recorded([
        ((471, 381, 667, 396), "9月2日,临河市实验小学东"), ((471, 404, 667, 419), "校区的学生们在开学典礼"),
        ((471, 427, 666, 442), "上。本报记者 钱宁 摄"), ((507, 456, 666, 473), "市教育局体卫艺科负"),
        ((472, 485, 667, 502), "责人介绍,今年考生的整")])
    assert [p[:3] for p in paragraphs([(465, lines)], 17.0)] == ["9月2", "市教育"]


def test_a_centred_line_under_a_full_one_starts_a_paragraph():
    """An advertisement's or a notice's lines are centred (the Czech ads page: a full line ending on a
    word, then `W. Gartner, starosta`): the line under is short at both ends, no row whose start the
    detector lost, so its indent stands."""
    lines = [_line("Z obecního úřadu městyse Chlumína dne", 0, 0, 400), _line("W. Gartner, starosta", 90, 30, 220),
             _line("Za výkazy neobjednané se neplatí", 40, 60, 320)]
    assert [p[:2] for p in paragraphs([(0, lines)], UNIT)] == ["Z ", "W.", "Za"]


def test_a_latin_indent_of_one_and_a_third_units_starts_a_paragraph():
    """Seed 146 (14 px, Latin): an indent of 1.0-1.5 ems measures 1.3 units and more."""
    lines = _recorded([
        ((367, 643, 669, 662), "Wer mit dem Auto kommt, sollte"), ((366, 664, 669, 684), "das Parkhaus am Stadtgraben"),
        ((366, 687, 454, 701), "benutzen."), ((384, 705, 669, 726), "Auch die Anschlüsse in der"),
        ((366, 719, 668, 746), "Stadt sollen besser werden. Die"),
        ((365, 748, 667, 768), "Buslinie zum Goethe-Gymnasium")])
    assert [p[:4] for p in paragraphs([(362, lines)], 14.0)] == ["Wer ", "Auch"]


# Seed 2818 (14.7 px, blurred, unit 11): the first column of an article under a photo holds three
# paragraph openings, each indented; the other two columns show the measure (325 px) and the indent (16-18)
_SEED_2818 = [
    ((388, 2149, 711, 2159), "must receive your written comments by"), ((386, 2165, 489, 2178), "July 12, 2010."),
    ((403, 2183, 711, 2195), "ADDRESSES: Send written comments to"),
    ((388, 2202, 711, 2213), "the District Ranger, Ruby Mountains"),
    ((388, 2219, 710, 2231), "Ranger District, P.O. Box 246. Wells,"), ((388, 2237, 499, 2249), "Nevada 69835"),
    ((404, 2256, 711, 2267), "SUMMARY In accordance with section"),
    ((390, 2274, 711, 2285), "113g) of the Clean Air Act. notice is given"),
    ((387, 2294, 711, 2303), "of a proposed settiement agreement to"),
    ((388, 2310, 711, 2322), "address a lawsuit filed by the Great Basin")], [
    ((725, 2149, 1049, 2159), "Water Network concerning total maximum"),
    ((725, 2167, 1049, 2177), "daily loads for phosphorus in the lower"),
    ((727, 2184, 1049, 2195), "Humboldt Kiver Under the agreement. the"),
    ((725, 2204, 1049, 2213), "agency would approve or disapprove the"),
    ((726, 2221, 987, 2231), "state's submission within 120 days"),
    ((741, 2238, 1049, 2249), "ADDRESSES Send written comments by"),
    ((725, 2256, 1048, 2267), "June 28, 2010. to the Field Manager, BLM")]


def test_a_column_of_indented_lines_alone_is_measured_by_the_article_s_other_columns():
    """Its own lines all start 1.5 units in, so they cannot show its edge; its right edge less the other
    columns' measure puts the edge the others' indent left of them: each line opens a paragraph. Lines
    starting at the edge so found (a column that is flush) stay one paragraph."""
    second, third = (_recorded(rows) for rows in _SEED_2818)
    first = _recorded([((65, 2261, 309, 2274), "AGENCY: Forest Service, USDA."),
                       ((66, 2280, 257, 2291), "ACTION: Notice of intent"),
                       ((66, 2298, 373, 2310), "DATES; To ensure consideration, we")])
    found = paragraphs([(65, first), (386, second), (725, third)], 11.0)
    assert [p[:6] for p in found] == ["AGENCY", "ACTION", "DATES;", "ADDRES", "SUMMAR", "ADDRES"]
    flush = _recorded([((48, 2261, 309, 2274), "Service, USDA. The notice was"),
                       ((49, 2280, 257, 2291), "given on the tenth"),
                       ((49, 2298, 373, 2310), "of May, as the Act asks, and")])
    found = paragraphs([(48, flush), (386, second), (725, third)], 11.0)
    assert [p[:6] for p in found] == ["Servic", "ADDRES", "SUMMAR", "ADDRES"]


def test_a_word_cut_off_its_row_starts_no_paragraph():
    """Seed 915 (23.6 px): `die`, the end of the row `den Fahrersitz … Für`, was found in a block of
    its own, placed after the column's: it goes back in its row, and starts no paragraph. Paragraphs
    start at Nach, Auch, Die and Zum."""
    first = _recorded([
        ((706, 2261, 1526, 2299), "Nach der Segnung durch den Pfarrer durften die Kinder auf"),
        ((673, 2299, 1470, 2337), "den Fahrersitz klettern und das Blaulicht einschalten. Für"),
        ((672, 2340, 1523, 2379), "Erwachsenen gab es Kaffee und Kuchen."),
        ((702, 2458, 1520, 2497), "Auch an die Kinder ist gedacht. Auf dem Kirchplatz soll ein"),
        ((671, 2498, 1521, 2535), "kleiner Spielplatz entstehen."),
        ((698, 2696, 1517, 2734), "Die Veranstalter suchen für die drei Abende noch freiwillige"),
        ((666, 2736, 1515, 2773), "Helfer, die Stühle aufstellen, Getränke ausschenken und nach den")])
    cut_off = _recorded([((1487, 2313, 1524, 2338), "die")])
    second = _recorded([
        ((1580, 2223, 2430, 2260), "Konzerten beim Aufräumen mit anfassen. Wer mithelfen möchte,"),
        ((1580, 2303, 2063, 2334), "wo auch die Programmhefte ausliegen."),
        ((1611, 2342, 2428, 2380), "Zum Jubiläum erscheint außerdem eine Festschrift, in der"),
        ((1577, 2382, 2428, 2419), "ehemalige Mitglieder von ihren Erinnerungen erzählen.")])
    found = paragraphs([(666, first), (666, cut_off), (1571, second)], 23.6)
    assert [p[:4] for p in found] == ["Nach", "Auch", "Die ", "Zum "]
    assert "einschalten. Für die Erwachsenen" in found[0] and "nach den Konzerten" in found[2]


def test_a_word_found_twice_inside_its_line_starts_no_paragraph():
    """Seed 873 (14 px): the detector found `der` again inside the line `Familien der Altstadt`,
    and it came first; the row starts at the column's edge, so the paragraph runs on."""
    lines = _recorded([
        ((1334, 1589, 1447, 1602), "wird ein"), ((1488, 1583, 1553, 1600), "Garten"),
        ((1334, 1606, 1553, 1624), "angelegt, in dem die"), ((1432, 1627, 1464, 1644), "der"),
        ((1335, 1627, 1554, 1645), "Familien der Altstadt"), ((1334, 1649, 1463, 1667), "Gemüse und"),
        ((1481, 1648, 1555, 1665), "Kräuter"), ((1335, 1676, 1396, 1689), "ziehen"),
        ((1422, 1670, 1554, 1688), "können.")])
    assert len(paragraphs([(1328, lines)], 14.0)) == 1


def test_a_speck_at_a_rows_end_starts_no_paragraph():
    """Seed 1020 (working frame, 15 px): a speck read `F` at the end of the row `Abend nach der
    Arbeit auf`, set a little higher than the row's middle: in its row, though the row's middle is
    not in its small box. It is no indented paragraph start, and the row runs on."""
    lines = _recorded([
        ((1090, 1809, 1406, 1825), "Turnverein von einer Handvoll"),
        ((1091, 1837, 1407, 1849), "junger Handwerker, die sich am"), ((1406, 1856, 1409, 1863), "F"),
        ((1090, 1857, 1409, 1872), "Abend nach der Arbeit auf"),
        ((1091, 1880, 1408, 1896), "einer Wiese am Fluss zum Tur-")])
    assert len(paragraphs([(1090, lines)], 15.0)) == 1


def test_a_rows_piece_on_a_skewed_page_starts_no_paragraph():
    """Seed 1062 (14 px, skewed 1.3°): justified rows cut at their wide gaps; `ihren`, right of
    `Absperrungen vor`, sits higher than that piece's box, which its middle misses. It shares most
    of that piece's height, so it goes on its row and is no indented paragraph start."""
    lines = _recorded([
        ((347, 183, 640, 205), "dürften. Auch die Kaufleute"), ((347, 214, 517, 228), "der Langgasse"),
        ((556, 207, 640, 224), "äußerten"), ((349, 230, 642, 251), "Sorgen: Wenn während der"),
        ((348, 257, 463, 274), "Bauarbeiten"), ((532, 257, 642, 270), "monatelang"),
        ((348, 282, 553, 297), "Absperrungen vor"), ((592, 268, 642, 292), "ihren"),
        ((350, 302, 484, 320), "Schaufenstern"), ((562, 299, 642, 316), "stünden,"),
        ((350, 322, 643, 343), "blieben die Kunden aus. Die")])
    assert len(paragraphs([(344, lines)], 14.0)) == 1


def test_pieces_of_rows_found_in_blocks_of_their_own_go_back_in_their_rows():
    """Seed 1071 (working frame, 14 px): the ends of three rows were found in blocks of their own,
    which started columns of their own after the column: `hoffen. Vom`, `an drei` and `Johanna`
    (the start of a paragraph's first row) were read after its last line, `Johanna` as a paragraph."""
    column = _recorded([
        ((1539, 1068, 1865, 1083), "Pendler dürfen auf kürzere"), ((1521, 1091, 1615, 1106), "Fahrzeiten"),
        ((1521, 1114, 1864, 1128), "Fahrplanwechsel im Dezember an"),
        ((1521, 1250, 1864, 1264), "knapp einer Stunde, weil der Zug"),
        ((1521, 1275, 1730, 1286), "unterwegs lediglich"),
        ((1521, 1294, 1663, 1309), "Bahnhöfen hält."), ((1539, 1318, 1729, 1331), "Oberbürgermeisterin"),
        ((1521, 1341, 1864, 1354), "Keller sprach nach der Abstimmung")])
    found = paragraphs([(1520, column), (1688, _recorded([((1688, 1091, 1750, 1106), "hoffen."),
                                                          ((1823, 1092, 1864, 1106), "Vom")])),
                        (1769, _recorded([((1769, 1275, 1791, 1286), "an"), ((1830, 1266, 1864, 1286), "drei")])),
                        (1769, _recorded([((1791, 1320, 1864, 1331), "Johanna")]))], 14.0)
    assert found == ["Pendler dürfen auf kürzere Fahrzeiten hoffen. Vom Fahrplanwechsel im Dezember an knapp "
                     "einer Stunde, weil der Zug unterwegs lediglich an drei Bahnhöfen hält.",
                     "Oberbürgermeisterin Johanna Keller sprach nach der Abstimmung"]


def test_a_rows_left_pieces_found_in_a_block_after_the_rest_go_back_in_their_rows():
    """Seed 1494 (working frame, 15 px Fraktur): the left pieces of three rows (`Liter Wasser,`,
    `Atemschutzgeräte`, `Feuerwehrleute`) were boxed in a block of their own, placed after the block
    of the rest; their words were read after the next paragraph's end."""
    column = _recorded([
        ((893, 1129, 1093, 1140), "Werkstatt musste. Das neue"), ((893, 1147, 999, 1160), "Fahrzeug trägt"),
        ((1021, 1149, 1093, 1158), "zweitausend"), ((1005, 1165, 1093, 1177), "eine Pumpe,"),
        ((1022, 1183, 1092, 1195), "für sechs"), ((1016, 1203, 1092, 1213), "und eine"),
        ((893, 1220, 1013, 1231), "Ausrüstung zur"), ((1040, 1219, 1092, 1231), "Rettung"),
        ((893, 1238, 1042, 1249), "eingeklemmter Personen."), ((916, 1256, 1092, 1267), "Damit die neuen Züge fahren"),
        ((893, 1274, 1093, 1285), "können, wird der Bahnhof im")])
    pieces = _recorded([((893, 1157, 1006, 1176), "Liter Wasser,"), ((893, 1183, 999, 1194), "Atemschutzgeräte"),
                        ((893, 1202, 985, 1213), "Feuerwehrleute")])
    assert paragraphs([(892, column), (892, pieces)], 11.0) == [
        "Werkstatt musste. Das neue Fahrzeug trägt zweitausend Liter Wasser, eine Pumpe, Atemschutzgeräte für "
        "sechs Feuerwehrleute und eine Ausrüstung zur Rettung eingeklemmter Personen.",
        "Damit die neuen Züge fahren können, wird der Bahnhof im"]


def test_a_rows_piece_goes_back_beside_a_block_of_short_lines_within_the_columns_measure():
    """Seed 1564 (working frame, 28 px): `Environmental`, the rest of the row `AGENCY:`, was boxed in a
    block of its own placed after the block of `AGENCY:` and `Protection Agency (EPA).`, both short: the
    measure is the column's (its later blocks fill it), not that block's."""
    found = paragraphs([(938, _recorded([((963, 1125, 1060, 1142), "AGENCY:"),
                                         ((938, 1153, 1209, 1170), "Protection Agency (EPA).")])),
                        (938, _recorded([((1173, 1125, 1331, 1142), "Environmental")])),
                        (938, _recorded([((965, 1181, 1331, 1198), "DATES: To ensure consideration,")])),
                        (938, _recorded([((937, 1213, 1331, 1226), "we must receive your written")]))], 17.0)
    assert found == ["AGENCY: Environmental Protection Agency (EPA).",
                     "DATES: To ensure consideration, we must receive your written"]


def test_the_next_columns_lines_stay_out_of_rows_whose_column_holds_lines_run_over_the_gutter():
    """Seed 1438 on an older layout (working frame, 43 px): the first column's rows were joined to the
    next column's, and one next column's line kept among them; the column's measure stays its own."""
    first = _recorded([
        ((821, 423, 1113, 440), "种植面积21.5万 乐会等五大板块"),
        ((822, 451, 1113, 468), "亩,受益于播种期 107项活动,覆盖"),
        ((822, 507, 962, 524), "虫害防控到位,小"), ((821, 591, 950, 607), "产达到465公斤,"),
        ((972, 590, 1113, 607), "实施课后服务提质"), ((822, 646, 845, 663), "斤。")])
    second = _recorded([((821, 702, 962, 719), "起,我市先后投入"), ((822, 730, 962, 747), "资金2.3亿元,实"),
                        ((821, 758, 962, 775), "施退耕还湿、退渔"), ((821, 786, 962, 803), "还湖、生态补水和")])
    third = _recorded([((973, 702, 1113, 719), "课程200余门,满"), ((973, 730, 1113, 747), "足学生多样化的成"),
                       ((973, 758, 1031, 775), "长需求。")])
    found = paragraphs([(821, first), (821, second), (972, third)], 17.0)
    assert "起,我市先后投入资金2.3亿元,实施退耕还湿、退渔还湖、生态补水和课程200余门" in "".join(found)


def test_a_slight_indent_under_a_paragraphs_short_last_line_starts_a_paragraph():
    """Seed 1587 (working frame, 26 px): one-line paragraphs of a notice, indented 1.18 units (the page's
    indent is one em), under lines that end a sentence short of the measure."""
    lines = _recorded([
        ((1099, 368, 1458, 385), "AGENCY: Forest Service, USDA."),
        ((1098, 396, 1384, 413), "ACTION: Notice of intent."),
        ((1099, 424, 1552, 442), "AGENCY: Bureau of Land Management,"), ((1078, 454, 1167, 469), "Interior."),
        ((1100, 480, 1553, 498), "DATES: Comments concerning the scope"),
        ((1077, 509, 1553, 526), "of the analysis should be received by June")])
    assert [p[:6] for p in paragraphs([(1075, lines)], 17.0)] == ["AGENCY", "ACTION", "AGENCY", "DATES:"]


def test_a_slight_offset_under_a_line_that_fills_the_measure_starts_no_paragraph():
    """A line ending a sentence at the measure may be followed by one that starts a hair in (a quote's
    ink): only a short last line lowers the indent that opens a paragraph."""
    lines = _recorded([
        ((1077, 509, 1553, 526), "of the analysis should be received by June"),
        ((1079, 537, 1553, 554), "11, 2010. The draft EIS is expected in."),
        ((1088, 565, 1553, 583), "December 2010 and the final EIS in June")])
    assert len(paragraphs([(1075, lines)], 17.0)) == 1


def test_the_next_columns_lines_stay_beside_a_line_run_over_the_gutter():
    """Seed 1126 (working frame, 18 px): a line of the first column ran on over the gutter into the
    second, whose lines lie in the first column's rows; they are no pieces of those rows."""
    first = _recorded([
        ((268, 732, 446, 750), "道”,简化审批流程,"), ((268, 764, 671, 781), "截至4月12日,已向 道:3月24日上午,在奋"),
        ((268, 795, 447, 813), "2100余户种养大户、"), ((268, 826, 460, 844), "家庭农场和农民专业合")])
    second = _recorded([((480, 732, 670, 750), "茜、通讯员宋华敏报"), ((480, 794, 671, 813), "楫争先、高质量发展的"),
                        ((481, 826, 671, 844), "火热氛围中,昌吉国家")])
    found = paragraphs([(268, first), (480, second)], 18.0)
    assert found[0].endswith("家庭农场和农民专业合茜、通讯员宋华敏报楫争先、高质量发展的火热氛围中,昌吉国家")


def test_a_continuation_notice_ending_near_the_measure_is_taken_out():
    """Seed 334 (46.8 px, a column seven characters wide): the centred (上接第二版) ends within a
    character of the measure, as a line running on would; a notice is all its line says."""
    lines = _recorded([
        ((313, 2079, 602, 2134), "(上接第二版)"), ((186, 2154, 576, 2214), "本报记者 郑一帆"),
        ((287, 2230, 636, 2286), "本报讯 记者蒋"), ((189, 2304, 630, 2363), "蕾报道:8月30日"),
        ((191, 2381, 637, 2440), "晚,位于临河南岸的"), ((202, 2833, 648, 2891), "晚吸引游客和市民约")])
    block = Region("r1", RegionType.TEXT, (184, 2079, 652, 2891), lines)
    found = split_notices([(184, block)], iter(["r2", "r3"]), 46.8)
    assert [r.type for _, r in found] == [RegionType.CONTINUATION, RegionType.BYLINE, RegionType.TEXT]


def test_a_continuation_notice_in_a_block_of_its_own_is_taken_out():
    """Seed 921 (10.6 px): (下转第四版) was found as a block of its own under the last column."""
    text = _recorded([((199, 1848, 362, 1861), "向2100余户种养大户、家庭农"),
                      ((199, 1866, 362, 1879), "场和农民专业合作社发放春耕贷"), ((199, 1884, 255, 1896), "款3.2亿元。")])
    notice = _recorded([((286, 1902, 355, 1914), "(下转第四版)")])
    body = [(199, Region("r1", RegionType.TEXT, (199, 1848, 362, 1896), text)),
            (199, Region("r2", RegionType.TEXT, (286, 1902, 355, 1914), notice))]
    found = split_notices(body, iter(["r3"]), 10.6)
    assert [r.type for _, r in found] == [RegionType.TEXT, RegionType.CONTINUATION]


@pytest.mark.parametrize(("rows", "at"), [
    # seed 300 (17 px): the last line of the article's last column, 第 read 幕
    ([((325, 1745, 567, 1761), "户、家底农场和农民专业合作"), ((325, 1774, 512, 1791), "社发放春耕贷款3.2亿元。"),
      ((455, 1804, 558, 1821), "（下转幕四版)")], -1),
    # seed 1290 (working frame, 12 px): the first line of a jump, 接 and 版 misread
    ([((533, 155, 613, 168), "(上描第 二酸)"), ((530, 217, 661, 229), "不少理方志、家路和牌"),
      ((526, 238, 660, 250), "概合机加藏方路中存")], 0),
])
def test_a_misread_continuation_notice_is_taken_out(rows, at):
    lines = _recorded(rows)
    body = [(325, Region("r1", RegionType.TEXT, union_bbox([line.bbox for line in lines]), lines))]
    found = split_notices(body, iter(["r2"]), 12.0)
    kinds = [r.type for _, r in found]
    assert kinds[at] == RegionType.CONTINUATION and kinds.count(RegionType.TEXT) == 1
    assert [line.text for _, r in found if r.type == RegionType.CONTINUATION for line in r.lines] == [rows[at][1]]


@pytest.mark.parametrize("text", [
    "1上接果三)",  # seed 2295 (8.2 px): (上接第三版), three edits off, its jump word read whole
    "(上R量-)", "(上第 架)",  # seed 2280 (8.4 px): (上接第一版), its brackets read round 上
    "(下#量)",  # seed 2207 (8.1 px): (下转第四版)
    "(下种8入点)",  # seed 1850 (8.8 px): (下转第八版)
    "上楼幕三编)",  # seed 2168 (11.9 px): (上接第三版), its opening bracket lost
])
def test_a_notice_misread_past_its_words_at_small_type_is_a_misread_notice(text):
    assert misread_notice(text)


@pytest.mark.parametrize("text", ["(第二)", "第二版", "1月2日上午", "(记者 王敏)", "（新华社电）", "记者第一版",
                                  "市民李建华", "(上图)", "(下同)", "上接着说", "(记者 上官云)", ""])
def test_a_short_line_is_no_misread_notice(text):
    assert not misread_notice(text)


def test_a_notice_read_without_its_brackets_is_a_misread_notice():
    """Seed 1393 (11 px): `（上接第一版）` read `上接第一级`, its brackets lost and 版 misread."""
    assert misread_notice("上接第一级")


def test_a_subhead_read_as_body_text_is_taken_out():
    """Seed 1100 (working frame, 14 px): the subhead `科技赋能增动力`, indented two characters and
    short of the measure, was read as body text, in a block with the run-in lead under it. It stands
    after a paragraph's last line, whose full stop the reading lost, and before an indented start."""
    title = Region("r1", RegionType.TITLE, (1010, 1090, 1180, 1125), _recorded([((1010, 1090, 1180, 1125), "乡村公路")]))
    above = _recorded([
        ((1012, 1147, 1179, 1161), "行了集中培训。各乡镇将"), ((1011, 1169, 1179, 1183), "成立质量监督小组，对每"),
        ((1012, 1191, 1180, 1205), "一户改造房屋的地基、墙"), ((1011, 1213, 1143, 1227), "体、屋面等关键环节")])
    below = _recorded([((1040, 1242, 1150, 1257), "科技赋能增动力"), ((1040, 1266, 1180, 1280), "图书馆延长开放本")])
    blocks = [Region("r37", RegionType.TEXT, (1010, 1147, 1180, 1227), above),
              Region("r39", RegionType.TEXT, (1040, 1242, 1180, 1280), below)]
    page = assemble(PageLayout((1300, 1400), 14.0, headlines=[[title]], text_blocks=blocks))
    article, = page.articles
    assert [(s.text, s.before) for s in article.subheads] == [("科技赋能增动力", 1)]
    assert article.paragraphs[1] == "图书馆延长开放本"


def test_a_short_line_in_a_paragraph_is_no_subhead():
    """The same lines with the subhead's line ending a sentence: a one-line paragraph."""
    above = _recorded([((1011, 1169, 1179, 1183), "成立质量监督小组，对每"), ((1011, 1213, 1143, 1227), "体、屋面等关键环节。")])
    below = _recorded([((1040, 1242, 1150, 1257), "科技赋能增动力。"), ((1040, 1266, 1180, 1280), "图书馆延长开放本")])
    body = [(1010, Region("r37", RegionType.TEXT, (1010, 1169, 1180, 1227), above)),
            (1040, Region("r39", RegionType.TEXT, (1040, 1242, 1180, 1280), below))]
    assert split_subheads(body, iter(["r40"]), 14.0) == body


def test_the_rest_of_a_row_is_no_subhead():
    """Seed 1122 (9.8 px): a paragraph's last row cut in two, `多读` / `8·请好书:` (书、读好书。
    misread), before an indented start: the second piece stands in and ends no sentence, but it
    is the rest of a row, not one of its own."""
    lines = _recorded([
        ((50, 1002, 194, 1015), "将脑续开展经典诵读、读书"), ((51, 1020, 195, 1033), "分享会、好书推荐·校园书"),
        ((51, 1038, 195, 1052), "市等十余项活语·倡导学生"), ((53, 1057, 73, 1070), "多读"),
        ((78, 1058, 142, 1069), "8·请好书:"), ((75, 1076, 193, 1089), "本报讯 记者周批报"),
        ((47, 1094, 192, 1107), "道:4月起·我市在城区主")])
    body = [(45, Region("r8", RegionType.TEXT, (45, 1002, 195, 1107), lines))]
    assert split_subheads(body, iter(["r40"]), 9.8) == body


def test_a_byline_opening_the_first_paragraph():
    assert byline("本报讯 记者刘茜、通讯员宋华敏报道:3月24日上午") == "本报讯 记者刘茜、通讯员宋华敏报道"
    assert byline("3月24日上午，记者来到现场") is None


def test_header_band_fields():
    lines = [_line("昌吉日报", 0, 0, 300), _line("第2版", 1000, 10, 80),
             _line("2010年5月12日 星期三", 1200, 10, 300), _line("要闻·综合", 500, 10, 150),
             _line("本版编辑：王芳 校对：李明 电话：2345678", 0, 60, 600)]
    lines[0].bbox = (0, 0, 300, 60)  # the paper's name is set largest
    header = read_header(lines)
    assert (header.paper, header.folio, header.date, header.section) == (
        "昌吉日报", "第2版", "2010年5月12日 星期三", "要闻·综合")
    assert header.staff == "本版编辑：王芳 校对：李明 电话：2345678"


def _band(*rows: str):
    """The header fields of a band printed as these rows, each one detector piece."""
    return read_header([_line(text, 0, 40 * k, 600) for k, text in enumerate(rows)])


def test_a_polluted_header_row_is_parsed_item_by_item():
    # issue 16: the e-mail and the layout editor went into the section with a folio that lost
    # its digit, and the folio stayed empty
    header = _band("要闻·综合 E一mail;yaowen@sina.com版式制作:张祎 第版")
    assert (header.section, header.folio) == ("要闻·综合", None)
    assert header.staff == "E-mail:yaowen@sina.com 版式制作:张祎"
    header = _band("雁湖日报", "第2 版 要闻·综合 E一mail;yaowen@sina.com 版式制作:张祎 第版")
    assert (header.paper, header.folio, header.section) == ("雁湖日报", "第2版", "要闻·综合")


@pytest.mark.parametrize("row, fields", [
    ("本版编辑:王建华校对:李敏电话:0994-2345678",  # its narrow spaces not read
     {"staff": "本版编辑:王建华 校对:李敏 电话:0994-2345678"}),
    ("责任编辑 赵永红 美编：孙一鸣 校对；周静", {"staff": "责任编辑 赵永红 美编：孙一鸣 校对：周静"}),
    ("2010年5月12日 星期三 农历庚寅年三月廿九", {"date": "2010年5月12日 星期三 农历庚寅年三月廿九"}),
    ("第 3 版 综合新闻 总第8123期", {"folio": "第3版", "section": "综合新闻"}),
    ("A2 要闻 0994-2345678", {"folio": "A2", "section": "要闻", "staff": "0994-2345678"}),
    ("2", {"folio": "2"}),
    ("Page 3 Notices", {"folio": "Page 3", "section": "Notices"}),
    ("Seite 3 Nr. 12 Dienstag, den 14. Juni 2022", {"folio": "Seite 3", "date": "Dienstag, den 14. Juni 2022"}),
    ("Vol. XXIX No. 12", {}),
    ("Ročník XXIX. V Praze, v neděli 12. srpna 1888. Číslo 221.", {"date": "V Praze, v neděli 12. srpna 1888"}),
    ("Vierter Jahrgang. St. Cloud, Minn., Donnerstag, den 3. Januar, 1878.",
     {"date": "St. Cloud, Minn., Donnerstag, den 3. Januar, 1878"}),
    ("WASHINGTON, D. C., MONDAY, NOVEMBER 15, 1920-THIRTY-SIX PAGES.",
     {"date": "WASHINGTON, D. C., MONDAY, NOVEMBER 15, 1920"}),
])
def test_header_row_items(row, fields):
    header = _band(row)
    assert {k: v for k, v in vars(header).items() if v is not None} == fields


def test_a_body_line_taken_for_a_subhead_under_a_photo_runs_on():
    """Random seed 1013 (working frame, 19 px): under a photo set in the column, the paragraph's
    next line `捷、连续的健康服` was measured a heading. It fills the measure of the text under it,
    which goes on flush (`务。`): the paragraph runs through it, and no subhead is left."""
    title = _block("r4", RegionType.TITLE, [((327, 972, 502, 1006), "“积分超市”"), ((307, 1017, 523, 1052), "激活乡村治理")])
    above = _block("r13", RegionType.TEXT, [
        ((285, 1083, 406, 1102), "市卫生健康委"), ((244, 1114, 393, 1133), "有关负责人表示,"),
        ((244, 1145, 406, 1164), "将进一步扩大家庭"), ((245, 1176, 406, 1195), "医生签约服务覆盖"),
        ((244, 1207, 406, 1226), "面，提升服务质"), ((244, 1238, 406, 1256), "量，让居民在家门"),
        ((246, 1268, 406, 1287), "口就能享受到便")])
    taken = _block("r14", RegionType.SUBHEAD, [((244, 1471, 406, 1491), "捷、连续的健康服")])
    below = _block("r15", RegionType.TEXT, [
        ((244, 1503, 277, 1522), "务。"), ((295, 1533, 407, 1552), "“今年雨水"),
        ((244, 1564, 406, 1583), "足、光照好，再加"), ((244, 1595, 406, 1614), "上用了新品种，亩"),
        ((244, 1626, 406, 1645), "产能比去年多一百"), ((244, 1656, 406, 1675), "斤左右。”种粮大")])
    photo = Region("r28", RegionType.PHOTO, (242, 1329, 408, 1435))
    page = assemble(PageLayout((700, 1900), 19.0, headlines=[[title]], text_blocks=[above, taken, below],
                               photos=[photo]))
    article, = page.articles
    assert article.subheads == []
    assert article.paragraphs[0].endswith("享受到便捷、连续的健康服务。")
    assert article.paragraphs[1].startswith("“今年雨水")


def _run_in_column(lead_ends: int) -> list[Region]:
    # random seed 2909 (11.7 px serif, working frame, unit 15): under a photo the column is cut into
    # blocks of a line each; two paragraphs open with a bold run-in lead, indented two characters
    return [_block("r35", RegionType.SUBHEAD, [((628, 1810, lead_ends, 1827), "职业技能大赛落幕 目前，该中心共组")]),
            _block("r30", RegionType.TEXT, [((596, 1833, 882, 1850), "建家庭医生团队15个，签约居民2.1万人，")]),
            _block("r31", RegionType.TEXT, [((597, 1854, 891, 1871), "其中65岁以上老年人、慢性病患者等重点")]),
            _block("r32", RegionType.TEXT, [((597, 1875, 742, 1893), "人群签约率达到82%。")]),
            _block("r36", RegionType.SUBHEAD, [((628, 1898, lead_ends, 1915), "口袋公园添新绿 昌吉高新区党工委副")]),
            _block("r33", RegionType.TEXT, [((597, 1919, 891, 1935), "书记、管委会主任姚进说：“开展清洁能源")])]


def test_a_run_in_leads_row_filling_the_measure_over_one_line_blocks_opens_a_paragraph():
    """The lead's row is indented as a paragraph opens and fills the column's measure, its text going
    on flush under it; the column's other one-line blocks give the measure (main: two subheads, each
    paragraph cut after its first row, paragraph F1 0.95)."""
    title = _block("r11", RegionType.TITLE, [((600, 1760, 880, 1790), "全县行政村实现光纤宽带全覆盖")])
    page = assemble(PageLayout((1300, 2100), 15.0, headlines=[[title]], text_blocks=_run_in_column(891)))
    article, = page.articles
    assert article.subheads == []
    assert [p[:7] for p in article.paragraphs] == ["职业技能大赛落", "口袋公园添新绿"]
    assert "该中心共组建家庭医生团队" in article.paragraphs[0]


def test_a_centred_heading_over_one_line_blocks_stays_a_subhead():
    title = _block("r11", RegionType.TITLE, [((600, 1760, 880, 1790), "全县行政村实现光纤宽带全覆盖")])
    page = assemble(PageLayout((1300, 2100), 15.0, headlines=[[title]], text_blocks=_run_in_column(860)))
    assert len(page.articles[0].subheads) == 2


def test_a_paragraphs_last_line_taken_for_a_subhead_ends_its_paragraph():
    """Random seed 1240 (working frame, 12 px): a paragraph's last line `键、连续的健康服务` (its
    full stop lost) was measured a heading. It starts flush under a line that fills the measure
    and ends no sentence: the paragraph runs on into it, and no subhead is left."""
    title = _block("r4", RegionType.TITLE, [((60, 380, 182, 403), "我市启动农村")])
    above = _block("r8", RegionType.TEXT, [
        ((73, 428, 196, 440), "市卫生健康委有关负"), ((45, 450, 196, 463), "责人表示、将进一步扩大"),
        ((45, 473, 197, 486), "家庭医生签约服务覆盖"), ((44, 495, 197, 508), "面，提升服务质量，让居"),
        ((44, 518, 198, 530), "民在家门口就境学受到便")])
    taken = _block("r9", RegionType.SUBHEAD, [((44, 540, 169, 553), "键、连续的健康服务")])
    below = _block("r10", RegionType.TEXT, [
        ((79, 562, 197, 575), "“今年雨水匀，茶等"), ((44, 584, 183, 597), "发得齐，一由地能多采"),
        ((54, 607, 197, 619), "十斤。”石门乡茶农罗")])
    page = assemble(PageLayout((743, 2165), 12.0, headlines=[[title]], text_blocks=[above, taken, below]))
    article, = page.articles
    assert article.subheads == []
    assert article.paragraphs[0].endswith("受到便键、连续的健康服务")
    assert article.paragraphs[1].startswith("“今年雨水匀")


def test_a_subhead_after_a_paragraphs_end_stays():
    """The same lines with the line over the heading ending its sentence: a subhead set flush."""
    title = _block("r4", RegionType.TITLE, [((60, 380, 182, 403), "我市启动农村")])
    above = _block("r8", RegionType.TEXT, [
        ((73, 428, 196, 440), "市卫生健康委有关负"), ((45, 450, 196, 463), "责人表示、将进一步扩大"),
        ((44, 518, 198, 530), "民在家门口就能享受到。")])
    taken = _block("r9", RegionType.SUBHEAD, [((44, 540, 169, 553), "键、连续的健康服务")])
    below = _block("r10", RegionType.TEXT, [
        ((79, 562, 197, 575), "“今年雨水匀，茶等"), ((44, 584, 183, 597), "发得齐，一由地能多采")])
    page = assemble(PageLayout((743, 2165), 12.0, headlines=[[title]], text_blocks=[above, taken, below]))
    article, = page.articles
    assert [s.text for s in article.subheads] == ["键、连续的健康服务"]


_COLUMN_1755 = [((49, 1006, 224, 1019), "站、大学城、夜市等夜网出行"),
                ((51, 1026, 223, 1039), "需求较集中的区域。市民可通"),
                ((50, 1046, 223, 1060), "过“青河公交”手机应用实时"),
                ((51, 1067, 224, 1080), "查询车辆到站信息·合理安排")]


def test_a_columns_short_last_line_ending_a_sentence_closes_its_paragraph():
    """Seed 1755 (13.4 px kai): `出行时间。` ends its column 8 units short; the article's last paragraph
    goes on in one line in each of the next three columns, over a photo. A segment of one line shows no
    indent (its flush edge is its own start), so the paragraph ran on into it."""
    column = _recorded(_COLUMN_1755 + [((51, 1089, 113, 1101), "出行时间。")])
    segments = [(47, column), (275, _recorded([((275, 572, 422, 586), "市民政局相关负责人介")])),
                (449, _recorded([((449, 571, 623, 585), "绍·到今年感·全市将实现社")])),
                (650, _recorded([((650, 570, 793, 584), "区养老服务设施全覆盖。")]))]
    assert [p[-5:] for p in paragraphs(segments, 13.4)] == ["出行时间。", "施全覆盖。"]


@pytest.mark.parametrize("last", [
    ((51, 1089, 224, 1101), "出行时间交通。"),  # at the measure: the sentence may end there, not the paragraph
    ((51, 1089, 210, 1101), "出行时间交通。”"),  # a unit short: a mark pushed over to the next line
    ((51, 1089, 113, 1101), "出行时间"),  # short mid-sentence: a column cut by a photo's caption
])
def test_a_column_ending_at_its_measure_or_mid_sentence_runs_on_into_the_next(last):
    column = _recorded(_COLUMN_1755 + [last])
    segments = [(47, column), (275, _recorded([((275, 572, 422, 586), "市民政局相关负责人介")]))]
    assert len(paragraphs(segments, 13.4)) == 1


def test_a_byline_ends_by_the_pitch_of_the_rows_around_it():
    """The Evening Star (1920), its lead story: the byline `BY N. O. MESSENGER.`, then the opening
    paragraphs leaded 23-24 px a row, the first indented 17 px, then 40 rows 17 px apart. The row under
    the byline is 27 px down: a row apart by the pitch there, so the byline, short of the measure, ends;
    measured by the column's usual 17 px it seemed a row lost between, and it ran into the paragraph."""
    rows = [((124, 1159, 366, 1175), "BY N. O. MESSENGER.")]
    rows += [((68 if i == 0 else 51, 1186 + 24 * i, 442, 1200 + 24 * i), f"the opening rows, leaded, row {i}")
             for i in range(18)]
    rows += [((51, 1620 + 17 * i, 442, 1632 + 17 * i), f"and the rows set solid further down, row {i}")
             for i in range(40)]
    found = paragraphs([(50, _recorded(rows))], 26.0)
    assert found[0] == "BY N. O. MESSENGER."
    assert len(found) == 2


def test_a_centred_lists_lines_each_stay_their_own():
    """Der Nordstern (1878), its printing office's notice: a list set in a staircase, each line further
    in. Two of its lines end 2 px apart (`BusSiness Cards` 357, `Circulars,` 355), but the list's measure
    is the column's, 78 px past its longest line: neither fills it, so neither runs on into the other."""
    lines = _recorded([
        ((169, 2474, 458, 2489), "We print in English, French,"), ((142, 2495, 361, 2510), "German and-Norwegian :"),
        ((144, 2519, 260, 2534), "Letteorheads,"), ((186, 2544, 275, 2558), "Billheads,"),
        ((223, 2568, 357, 2583), "BusSiness Cards"), ((264, 2593, 355, 2608), "Circulars,"),
        ((304, 2617, 380, 2632), "Posters,"), ((344, 2642, 458, 2657), "Blanks, &c.."),
        ((141, 2665, 290, 2678), "on Short notice.")])
    found = paragraphs([(140, lines)], 15.0)
    assert "BusSiness Cards" in found and "Circulars," in found


def test_rows_of_a_centred_notice_far_in_open_no_paragraphs_at_their_first_rows_depth():
    """The Czech advertisements page (1880s): a notice's rows stand 13 units in, beside its column's
    engraving, the first of them an opening. A row under a full row that ends in a word is not opened
    by standing as deep as that first row: that is no paragraph's indent."""
    lines = _recorded([
        ((1346, 286, 1445, 298), "migréna, křečo Zu-"), ((1346, 292, 1441, 304), "ludka a voškeré čív"),
        ((1345, 302, 1443, 318), "ní nemoce vyléčí 10"), ((1339, 316, 1443, 324), "céry sílícími plini-"),
        ((1171, 327, 1443, 334), "kamí dra. Cronlera. Žídejme zaručající známka jednoty")])
    assert len(paragraphs([(1119, lines)], 17.0)) == 1


def test_a_row_under_a_word_broken_at_the_measure_runs_on_at_an_openings_depth():
    """A row as deep as its column's opening indent opens a paragraph under a full row that ends in a
    word (its stop may be lost), not under one that breaks a word with a hyphen (the Czech
    advertisements page: `… tapostrové, vo-` over `lurové, bruselské …`)."""
    lines = _recorded([
        ((20, 0, 300, 10), "Koberce salonní a stolní v největším,"),
        ((0, 14, 300, 24), "salonní, vlněné, tapostrové, vo-"),
        ((20, 28, 300, 38), "lurové, bruselské a velretové od"),
        ((0, 42, 150, 52), "zl. 3:50 do zl. 120.")])
    assert len(paragraphs([(0, lines)], 10.0)) == 1
