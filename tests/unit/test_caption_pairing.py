"""Which lines are a photo's caption: the recorded lines (boxes and text as read) around photos of
random pages whose caption was lost or taken from elsewhere (`benchmarks/random_pages.py
--only-seed K`), paired without OCR."""

from __future__ import annotations

from broadsheet.model import Line
from broadsheet.postprocess.captions import find_caption


def lines(*recorded: tuple[str, tuple[int, int, int, int]]) -> list[Line]:
    return [Line(text, box, 1.0) for text, box in recorded]


def test_a_credit_wider_than_the_column_beside_the_photo_is_the_captions():
    # random seed 40 (58 px body): set flush right, the credit starts over the photo's right edge
    photo = (155, 3931, 1225, 4781)
    found = find_caption(photo, lines(
        ("5月16日晚,演员在", (1259, 3931, 1763, 3992)), ("第五届青河文化旅", (1260, 4011, 1764, 4073)),
        ("游节开幕式上表演", (1261, 4095, 1765, 4153)), ("舞蹈《山水青", (1262, 4175, 1766, 4237)),
        ("河》。", (1263, 4263, 1394, 4320)), ("本报记者 孙晓红 摄", (1200, 4339, 1768, 4402)),
        ("当日,新疆昌", (298, 4828, 670, 4892)),
    ), 57.9)
    assert found is not None and found.side == "beside"
    assert [l.text for l in found.lines][-1] == "本报记者 孙晓红 摄" and len(found.lines) == 6


def test_a_credit_set_flush_right_far_from_the_photo_is_found():
    # random seed 133 (38 px body): the credit starts seven units right of the photo's edge
    photo = (695, 793, 2093, 1504)
    found = find_caption(photo, lines(
        ("改造后的东关老街区吸引", (2124, 828, 2559, 877)), ("不少市民前来游玩。", (2125, 887, 2454, 934)),
        ("马文 供图", (2385, 950, 2559, 995)), ("等新建区域公交覆盖不", (2111, 1539, 2542, 1590)),
    ), 37.7)
    assert found is not None and [l.text for l in found.lines] == [
        "改造后的东关老街区吸引", "不少市民前来游玩。", "马文 供图"]


def test_a_caption_beside_a_short_photo_runs_on_under_its_foot():
    # random seed 109 (42 px body): a ten-line caption with its title beside a photo 6.5 units tall
    photo = (198, 955, 603, 1232)
    column = lines(
        ("减少。县卫生健康局", (682, 831, 1081, 876)), ("古籍焕新颜", (682, 959, 888, 1001)),
        ("6月10日,“雁湖杯”龙", (682, 1019, 1082, 1059)), ("舟邀请赛在城南湖区举", (681, 1079, 1082, 1119)),
        ("行,来自周边县市的", (681, 1136, 1079, 1176)), ("24支队伍同场竞渡。", (681, 1196, 1024, 1235)),
        ("赛场两岸观众云集,锣", (681, 1253, 1081, 1293)), ("鼓声、呐喊声此起彼", (681, 1313, 1081, 1353)),
        ("伏,不少市民带着孩子", (678, 1370, 1081, 1410)), ("前来感受传统节日的热", (678, 1427, 1080, 1470)),
        ("闹气氛。", (680, 1489, 815, 1526)), ("本报记者 郑一帆 摄", (682, 1546, 1080, 1587)),
        ("负责人表示,下一步", (681, 1622, 1078, 1664)), ("质普遍好于往年,平", (200, 1617, 599, 1662)),
    )
    found = find_caption(photo, column, 41.9)
    assert found is not None and found.side == "beside"
    texts = [l.text for l in found.lines]
    assert texts[0] == "古籍焕新颜" and texts[-1] == "本报记者 郑一帆 摄" and len(texts) == 11


def test_columns_of_body_under_a_photo_end_the_search_below_it():
    # random seed 125 (27 px body): two columns of body text under a photo set across them, and
    # further down another photo's credit; the photo's caption stands beside it
    photo = (465, 1868, 1230, 2238)
    found = find_caption(photo, lines(
        ("6月10日,“雁湖杯”龙舟邀请赛", (1257, 1866, 1619, 1892)),
        ("在城南湖区举行,来自周边县市", (1261, 1902, 1618, 1928)),
        ("的24支队伍同场竞渡。", (1261, 1940, 1500, 1964)), ("赛场两岸观众云集,锣鼓声、呐", (1263, 1973, 1621, 2001)),
        ("喊声此起彼伏,不少市民带着孩", (1261, 2009, 1620, 2037)),
        ("子前来感受传统节日的热闹气", (1263, 2045, 1622, 2073)),
        ("氛。本报记者 郑一帆 摄", (1265, 2081, 1622, 2107)),
        ("了。”他说,今年他家种的", (471, 2255, 832, 2287)), ("法从严查处。", (868, 2252, 1017, 2280)),
        ("400亩小麦每斤卖到1.25元,", (470, 2299, 817, 2329)), ("会议还研究了防汛抗旱、", (924, 2292, 1212, 2324)),
        ("比预期还要好一些。", (472, 2343, 706, 2373)), ("安全生产和信访稳定等工作。", (868, 2336, 1213, 2368)),
        ("整治期间,市城管局将组", (528, 2385, 834, 2417)), ("会议要求,要提前做好防汛物", (868, 2380, 1231, 2412)),
        ("李娜 供图", (732, 2425, 846, 2447)),
    ), 26.7)
    assert found is not None and found.side == "beside"
    assert found.lines[0].text.startswith("6月10日") and found.lines[-1].text.endswith("摄")


def test_a_justified_latin_caption_cut_at_its_spaces_stays_whole():
    # random seed 57 (23 px body): two rows of words apart, then the credit
    photo = (2749, 344, 3239, 670)
    found = find_caption(photo, lines(
        ("Volunteers", (2749, 682, 2902, 705)), ("replant", (2975, 690, 3078, 706)), ("native", (3149, 691, 3236, 707)),
        ("sagebrush along the", (2750, 729, 3082, 747)), ("Lamoille", (3115, 724, 3236, 747)),
        ("Canyon trail in April.", (2750, 764, 3042, 788)), ("Photo: J. Smith", (3026, 804, 3236, 829)),
        ("ENVIRONMENTAL", (2749, 856, 3070, 882)),
    ), 22.6)
    assert found is not None and found.side == "below" and len(found.lines) == 7


def test_a_caption_cut_at_its_commas_in_one_place_is_no_two_columns():
    # random seed 1069 (64 px body): the detector cut two rows of a CJK caption at a comma in the
    # same place; the pieces left of the cut are 0.4 as wide as the ones right of it, where columns
    # under a photo are about as wide. Taken for two columns, the caption went to the article.
    photo = (259, 4955, 1088, 5360)
    found = find_caption(photo, lines(
        ("9月18日", (273, 5392, 487, 5443)), (",南湖镇万亩水稻种", (526, 5378, 1083, 5441)),
        ("植基地,", (275, 5474, 500, 5537)), ("联合收割机正在抢收", (528, 5464, 1089, 5527)),
        ("水稻。", (281, 5566, 438, 5620)), ("本报记者 刘晨 摄", (553, 5551, 1091, 5617)),
        ("动能、添后劲。”", (257, 4841, 769, 4918)),
    ), 64.2)
    assert found is not None and found.side == "below" and len(found.lines) == 6
    assert found.lines[-1].text == "本报记者 刘晨 摄"
