"""Where a caption ends at 9-16 px, on lines recorded from random pages (working-image pixels): a speck
on a row, a credit far under the foot of a short photo beside it, a credit misread on the last row."""

from __future__ import annotations

from broadsheet.postprocess.captions import find_caption
from unit.recorded_lines import lines_of as _lines


def test_a_speck_on_a_row_makes_no_blank_under_it():
    # random seed 1393 (unit 11, 9 px, blurred): `B`, a speck 0.4 units tall on the caption's fifth
    # row, ended 1.0 units over the next row, so the caption was cut there and its last three rows
    # (`处。` and the credit `李想 摄`) were left to the text
    caption = _lines(("香", (229, 1392, 235, 1400)), ("最度职财帮就，装汽油", (90, 1394, 208, 1400)),
                     ("通王、作风在现流中画事。", (66, 1409, 219, 1419)), ("施", (227, 1409, 236, 1419)),
                     ("野·汽车", (66, 1427, 111, 1436)), ("专界以道·政律新建改造国", (91, 1444, 235, 1454)),
                     ("本通通公业里，在做专接过", (67, 1462, 216, 1471)), ("B", (230, 1463, 234, 1468)),
                     ("由展+我用审民协用进身题研着", (67, 1479, 235, 1489)), ("4", (66, 1497, 75, 1507)),
                     ("办6瓶", (199, 1514, 237, 1525)))
    found = find_caption((64, 1268, 238, 1385), caption, 11.0)
    assert found is not None and found.side == "below" and set(map(id, found.lines)) == set(map(id, caption))


def test_a_caption_beside_a_short_photo_runs_on_to_its_credit_far_under_the_foot():
    # random seed 1413 (unit 15): a caption of 17 rows beside a photo 7.6 units tall, its credit
    # 15.3 units under the photo's foot; the column was cut at 12 units, so no credit ended the
    # caption and it went to the text
    caption = _lines(("3月22日上午，一场主题为", (442, 1865, 610, 1877)),
                     ("“雷锋精神热血传承”", (450, 1886, 603, 1898)),
                     ("的无偿献血活动在昌吉市", (443, 1907, 610, 1919)),
                     ("汇嘉生活广场爱心献血屋", (443, 1929, 610, 1941)), ("进行。", (444, 1951, 481, 1963)),
                     ("昌吉市延安北路街道团结", (444, 1971, 610, 1984)),
                     ("社区和州红十字会、州如", (443, 1993, 610, 2005)),
                     ("联、州中心血站驻延安北", (443, 2015, 611, 2027)),
                     ("路街道团结社区“访惠", (443, 2036, 610, 2048)),
                     ("聚”工作队组织动员辖区", (444, 2057, 608, 2069)),
                     ("30多家单位的员工及社区", (442, 2079, 608, 2091)),
                     ("居民参加无偿献血活动。", (444, 2100, 606, 2112)),
                     ("活动当日，有18位献血者", (443, 2122, 610, 2133)),
                     ("为爱撸袖，共计捐献血液", (444, 2143, 611, 2155)), ("6600毫升。", (441, 2164, 510, 2176)),
                     ("本报记者何春泉摄", (471, 2185, 610, 2198)))
    text = _lines(("资2.6亿元，设有48个", (443, 2213, 610, 2229)))
    found = find_caption((248, 1841, 419, 1955), caption + text, 15.0)
    assert found is not None and found.side == "beside" and found.lines == caption


def test_a_credit_misread_on_a_full_last_row_ends_a_long_caption_set_apart():
    # random seed 1411 (unit 13): a title and ten rows under a photo, the last `消防主维活动、梁实海`
    # for 消防主题活动。 梁宏涛 摄 (no credit read, no space before it), then a blank and another
    # article's text; longer than a caption with no credit may be, the caption went to the text
    caption = _lines(("春耕正当时", (464, 1952, 533, 1965)), ("3月24日.高占市消防数展大队", (414, 1971, 584, 1982)),
                     ("的消防政提人员和学生反动。", (412, 1990, 572, 2001)),
                     ("1月27日是第238个全国中小学", (415, 2009, 584, 2020)),
                     ("生安全教育社，为增强中小学", (414, 2028, 583, 2039)),
                     ("生的消防减火意识和投能，普", (414, 2048, 583, 2059)),
                     ("及消防安全知识和消防器材的", (415, 2067, 583, 2078)),
                     ("正确使用方法，具古市消防费", (414, 2086, 583, 2097)),
                     ("隆大队来到目古市第十理小学", (413, 2105, 583, 2116)),
                     ("开禁企用中小学生变全教育目", (415, 2124, 582, 2135)),
                     ("消防主维活动、梁实海", (413, 2143, 583, 2155)))
    text = _lines(("亭办理，样金300元·专号", (413, 2168, 581, 2180)),
                  ("内，城区将建成站点30个", (413, 2187, 567, 2199)),
                  ("投放自行车15辆，基本理", (413, 2207, 583, 2220)))
    found = find_caption((411, 1866, 585, 1946), caption + text, 13.0)
    assert found is not None and found.side == "below" and found.lines == caption


def test_a_body_paragraph_ending_its_sentence_before_a_blank_is_no_caption():
    # the same lines with the last row ending its sentence, as a body paragraph's does: no credit
    # shares it, and text this long under a photo is not taken for its caption
    caption = _lines(*((f"生安全教育社，为增强中小学{k}", (414, 1971 + 19 * k, 583, 1982 + 19 * k)) for k in range(9)),
                     ("消防主题活动，梁宏涛说。", (413, 2143, 583, 2155)))
    text = _lines(("亭办理，样金300元·专号", (413, 2168, 581, 2180)))
    assert find_caption((411, 1866, 585, 1946), caption + text, 13.0) is None


def test_a_reporters_credit_misread_ends_a_caption_beside_its_photo():
    # random seed 257 (unit 13, 9 px): `6M记者五常物 通` for 本报记者 王雪梅 摄 beside a narrow photo,
    # 1.2 units in (a paragraph's indent): 本报 read as Latin, so the credit was not known and the
    # caption went to the text under it
    caption = _lines(("通用H目止北海准平面高标", (979, 1421, 1113, 1431)),
                     ("苏放神主提源代-非出书", (981, 1439, 1113, 1449)),
                     ("美运动种化通行细研线", (981, 1457, 1113, 1467)), ("高", (981, 1477, 989, 1485)),
                     ("6M记者五常物 通", (995, 1493, 1113, 1503)))
    text = _lines(("阅，让担睡在核库用的", (978, 1516, 1114, 1528)), ("古施“活”起来，为地", (980, 1538, 1115, 1551)))
    neighbour = _lines(("租州官发解画略动，划", (1133, 1425, 1269, 1437)),
                       ("能水平，促进并研贸北", (1133, 1469, 1268, 1482)))
    found = find_caption((823, 1419, 962, 1503), caption + text + neighbour, 13.0)
    assert found is not None and found.side == "beside" and found.lines == caption
    assert found.credit is caption[-1]


# random seed 2797 (unit 13, 7.1 px hei, boxed): a caption of eight rows under its photo (its first row's
# `5月11日，` lost), then the credit `本报记者 柳青 摄` flush right, read `A脑血身 抑者 益`, starting 1.9
# units in: no further than a paragraph's first line, so no credit by its place, and the caption, too
# long for one with no credit, went to the text
PHOTO_2797 = (653, 940, 783, 1021)
CAPTION_2797 = _lines(("第 老视期", (718, 1029, 780, 1037)), ("E", (691, 1030, 696, 1036)),
                      ("地织品流、通造、涤德", (656, 1046, 780, 1056)),
                      ("事分的的总通北大活政", (657, 1064, 781, 1075)),
                      ("基社区。的概国人免费", (657, 1083, 780, 1094)), ("L业、作药理动常县", (658, 1102, 776, 1111)),
                      ("美美政策者你·地温基", (657, 1119, 780, 1130)), ("十 个 要灌频线 后", (662, 1139, 753, 1148)))


def test_a_credit_misread_but_spaced_as_printed_ends_a_caption_from_a_paragraphs_indent():
    credit = _lines(("A脑血身 抑者 益", (681, 1156, 781, 1167)))
    found = find_caption(PHOTO_2797, CAPTION_2797 + credit, 13.0)
    assert found is not None and found.side == "below" and found.credit is credit[0]
    assert set(map(id, found.lines)) == set(map(id, CAPTION_2797 + credit))


def test_a_paragraphs_first_line_from_the_indent_at_the_runs_foot_is_no_credit():
    # the guard: the same place, read as a body line with no spaces
    opening = _lines(("据了解今年的农村危", (681, 1156, 781, 1167)))
    assert find_caption(PHOTO_2797, CAPTION_2797 + opening, 13.0) is None
