"""A one-row caption over body columns, and a reporter's misread credit set as printed sharing a
caption's last row, on lines recorded from random pages (working-image pixels, text as `find_caption`
sees it)."""

from __future__ import annotations

from broadsheet.postprocess.captions import find_caption, split_credit
from unit.recorded_lines import lines_of as _lines


def test_a_one_row_caption_with_its_credit_apart_ends_where_the_columns_start():
    # random seed 1551 (unit 13, 10.1 px): `维修加固后的南湖大桥。` and its credit `图/市交通运输局`
    # (read `盖/…`) flush right on one row, three body columns under it: the credit's piece hid the
    # columns' gutters (the first row cut at an edge no later row shares), no blank set the row
    # apart, and the run took 22 body lines down to a short one
    caption = _lines(("盖/市交通运输局", (846, 395, 934, 406)), ("维体加圆后的南湖大桥，", (572, 396, 696, 406)))
    body = _lines(("本报讯 记者李娜", (574, 417, 672, 430)), ("县卫生健康局负责", (696, 417, 810, 430)),
                  ("“统一管理、统一", (825, 417, 934, 430)), ("本报讯 记者刘", (601, 440, 687, 453)),
                  ("人表示，下一步将", (697, 440, 810, 453)), ("标识、统一收", (819, 440, 934, 453)),
                  ("茜、通讯员朱卫华", (572, 463, 687, 476)), ("继续完善双向转诊", (695, 464, 810, 476)),
                  ("费”，摊位费比周", (820, 463, 934, 476)), ("报道：3月24日，为期", (572, 486, 687, 499)),
                  ("机制，让“小病不", (696, 486, 811, 499)), ("边商铺租金低得", (819, 486, 934, 499)))
    found = find_caption((570, 224, 935, 396), caption + body, 13.0)
    assert found is not None and found.side == "below"
    assert {id(line) for line in found.lines} == {id(line) for line in caption}


def test_a_one_row_caption_misread_is_not_lost_to_the_columns_under_it():
    # random seed 1334 (unit 14, 10.5 px bilevel): the caption's one row and its credit, misread past
    # knowing, then three columns: with no credit read and no caption found the row went to the body
    caption = _lines(("6污从办、5/多武营求，生事工主意最要要。", (463, 683, 777, 697)),
                     ("孕普20*国 艺", (958, 683, 1062, 697)))
    body = _lines(("名前有经停[不科安康", (496, 709, 646, 723)), ("文要所所山我朝人前票·", (674, 709, 833, 723)),
                  ("南 交通地暗地画藏 六。", (910, 709, 1060, 723)), ("只语 中年年能的面年底", (467, 731, 646, 744)),
                  ("心算 噪令亡 典型需求", (704, 731, 852, 745)), ("境：将变；组象轴：", (879, 731, 1060, 744)),
                  ("瘤明望好于证年 分表达", (463, 752, 645, 766)), ("血族 第从 式", (671, 752, 851, 766)),
                  ("4-之家 要让贵章在管现身", (878, 752, 1060, 766)), ("例 比去随画↑", (464, 774, 644, 788)),
                  ("2.1万人 其中心事に1息", (671, 774, 852, 788)), ("助封地业!7 通：九骂破的", (877, 774, 1059, 788)))
    found = find_caption((463, 311, 1062, 677), caption + body, 14.0)
    assert found is not None and found.side == "below"
    assert {id(line) for line in found.lines} == {id(line) for line in caption}


def test_columns_right_under_a_photo_still_leave_no_caption():
    # the same page's columns with nothing over them: the photo's article's body, no caption
    body = _lines(("只语 中年年能的面年底", (467, 731, 646, 744)), ("心算 噪令亡 典型需求", (704, 731, 852, 745)),
                  ("境：将变；组象轴：", (879, 731, 1060, 744)), ("瘤明望好于证年 分表达", (463, 752, 645, 766)),
                  ("血族 第从 式", (671, 752, 851, 766)), ("4-之家 要让贵章在管现身", (878, 752, 1060, 766)),
                  ("例 比去随画↑", (464, 774, 644, 788)), ("2.1万人 其中心事に1息", (671, 774, 852, 788)),
                  ("助封地业!7 通：九骂破的", (877, 774, 1059, 788)))
    assert find_caption((463, 311, 1062, 725), body, 14.0) is None


def test_a_reporters_credit_misread_after_the_captions_last_character_ends_a_beside_caption():
    # random seed 1591 (unit 15, 16 px): beside its photo, a titled caption whose last row reads
    # `目 本报记者 柳青 提` for 日。 本报记者 柳青 摄; no credit was read and the caption was lost
    caption = _lines(("银发族学用手机", (485, 1308, 591, 1323)), ("5月11日·审残联组织画疗·康", (487, 1329, 675, 1341)),
                     ("复·法律等方面的志愿者走进", (488, 1349, 675, 1362)),
                     ("城东社区·为残成人免费义", (486, 1370, 675, 1382)),
                     ("诊·维修铺助器具，升展政策", (487, 1390, 675, 1402)),
                     ("备海·迎接第二十个全国助线", (487, 1411, 676, 1423)),
                     ("目 本报记者 柳青 提", (488, 1431, 675, 1443)))
    column = _lines(("并在周边路口增派交通疏导", (486, 1458, 676, 1473)), ("人员。", (486, 1482, 522, 1498)),
                    ("“以前开车进城要一个", (525, 1507, 676, 1521)))
    below = _lines(("暑期托管服务时间为7", (307, 1458, 465, 1473)), ("月10日至8月10日，每周一", (276, 1483, 465, 1497)),
                   ("至周五开放，主要提供场", (275, 1507, 465, 1522)))
    found = find_caption((272, 1307, 466, 1428), caption + column + below, 15.0)
    assert found is not None and found.side == "beside" and found.lines == caption
    assert found.misread and split_credit("全国助线目 本报记者 柳青 提", True) == ("全国助线目", "本报记者 柳青 提")


def test_a_reporters_credit_misread_beside_the_captions_last_character_ends_a_beside_caption():
    # random seed 1627 (unit 12, 9.3 px): the last row is `上` and `本国记养 银中 蛋` (本报记者 钱宁 摄)
    # detected apart; two of 本报记者's characters kept, the credit's spacing as printed
    caption = _lines(("春耕正当时", (442, 1321, 505, 1334)), ("0月2日。福河态实小学东", (399, 1339, 547, 1350)),
                     ("校区的学生们在开车典礼", (399, 1357, 548, 1368)), ("本国记养 银中 蛋", (447, 1374, 548, 1385)),
                     ("上", (400, 1375, 415, 1385)))
    found = find_caption((230, 1319, 382, 1422), caption, 12.0)
    assert found is not None and found.side == "beside"
    assert {id(line) for line in found.lines} == {id(line) for line in caption}


def test_body_text_with_a_space_is_no_spaced_credit():
    # body lines at 8-10 px read with a space at a wide blank, and a name and 摄 misread after a stop
    assert split_credit("还在小区里加装了 电梯和充电桩", True) == ("还在小区里加装了 电梯和充电桩", None)
    assert split_credit("生态环境持续 改善 青", True) == ("生态环境持续 改善 青", None)


def test_a_one_line_beside_captions_credit_may_start_past_the_lines_end():
    # random seed 1636 (unit 18, 52 px): beside its photo `维修加固后的南湖大桥。` and, on the row under
    # it, `图/市交通运输局` set flush right in the column, starting 1.4 units past the caption line's
    # end: the column beside was taken as wide as that line, the credit left out, the caption lost
    caption = _lines(("维修加固后的南湖大桥。", (1171, 3951, 1370, 3969)),
                     ("图/市交通运输局", (1396, 3979, 1535, 3997)))
    next_column = _lines(("源，打造了南山茶海、白龙潭茶谷等5条茶乡", (1573, 3940, 1992, 3959)),
                         ("旅游线路，去年接待游客86万人次，实现旅", (1572, 3971, 1997, 3989)),
                         ("游收入3.1亿元。", (1573, 4001, 1724, 4019)))
    found = find_caption((402, 3950, 1153, 4289), caption + next_column, 18.0)
    assert found is not None and found.side == "beside" and found.lines == caption


def test_a_captions_rows_cut_at_its_spaces_are_no_columns_under_it():
    # random seed 1623 (unit 17, 33 px): a titled caption whose third and fourth rows the detector cut
    # at a space, 5 px apart, under a whole second row; its credit `张宇 摄` ends it, not those "columns"
    caption = _lines(("田间地头话丰收", (1738, 2703, 1867, 2721)),
                     ("5月15日，一群白鹭在青河湿地公园内觅食、嬉戏。", (1738, 2730, 2135, 2745)),
                     ("近年来，随着生态环境持续改善，", (1739, 2755, 2000, 2771)),
                     ("青河湿地公园内的鸟类种类由十年", (2009, 2756, 2276, 2771)),
                     ("苍鹭、黑翅长脚鹬等成为这里的", (2014, 2781, 2275, 2797)),
                     ("前的60余种增加到143种，白鹭", (1739, 2782, 1990, 2797)), ("、", (1999, 2787, 2004, 2792)),
                     ("“常客”。", (1747, 2806, 1821, 2822)), ("张宇 摄", (2213, 2808, 2276, 2823)))
    body = _lines(("本报记者 郑一帆", (1738, 2840, 1890, 2859)), ("老旧小区加装电梯 目", (2058, 2840, 2272, 2860)),
                  ("文明养犬倡议发布“音", (1777, 2868, 1995, 2888)))
    found = find_caption((1737, 2348, 2277, 2694), caption + body, 17.0)
    assert found is not None and found.side == "below"
    assert {id(line) for line in found.lines} == {id(line) for line in caption}


def test_a_credit_set_where_the_right_column_starts_is_the_captions_not_a_column():
    # random seed 1509 (unit 13, 10 px): the caption's last characters `品水费河` and its credit (read
    # `车 接记表 附确红 最`) flush right on its second row, over the right one of three columns: that
    # row is no start of the columns, its pieces unlike
    caption = _lines(("5阵法日略，满热在要互解营河文化能源管资幕式上表演解蹈", (288, 1017, 657, 1028)),
                     ("品水费河", (299, 1036, 362, 1047)), ("车 接记表 附确红 最", (545, 1036, 657, 1047)))
    body = _lines(("\"ME”的品M", (424, 1059, 532, 1073)), ("市农业站新时", (322, 1060, 406, 1073)),
                  ("在名库里的古籍", (543, 1060, 657, 1073)), ("“话”起来、为地", (549, 1083, 657, 1097)),
                  ("运站长孙建平分", (288, 1084, 407, 1097)), ("(R组来越收", (417, 1084, 504, 1097)),
                  ("址 企本已建成生", (288, 1107, 405, 1120)))
    found = find_caption((284, 813, 659, 1010), caption + body, 13.0)
    assert found is not None and found.side == "below"
    assert {id(line) for line in found.lines} == {id(line) for line in caption}
