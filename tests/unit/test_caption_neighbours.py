"""Captions of photos set beside each other or a wide gutter away, on lines recorded from random pages
1440-1539 (working-image pixels, text as `find_caption` sees it)."""

from __future__ import annotations

import importlib
from itertools import count

from broadsheet.model import Region, RegionType
from broadsheet.postprocess.captions import find_caption, split_credit
from unit.recorded_lines import lines_of as _lines

assemble = importlib.import_module("broadsheet.postprocess.assemble")  # the package exports a function of that name


def test_a_latin_caption_one_wide_gutter_beside_its_photo_is_found():
    # random seed 1502 (unit 15, Fraktur): the caption starts in the next column, 2.6 units (a gutter
    # of 1.9 ems) right of the photo; beside captions were looked for 2.5 units out and it was lost
    caption = _lines(("Das neue LöSchfahrzeug bei Seiner", (390, 584, 672, 597)),
                     ("ersten Ubung am Gerätehaus.", (390, 611, 601, 624)),
                     ("Foto: Feuerwehr", (553, 636, 672, 651)))
    text = _lines(("Vertreter der Opposition kritiSier-", (69, 822, 351, 837)),
                  ("men: Die Jugendfeuerwehr trifft", (391, 822, 672, 837)),
                  ("Sich jeden Freitag um achtzehn Uhr", (390, 848, 672, 864)))
    found = find_caption((72, 580, 351, 803), caption + text, 15.0)
    assert found is not None and found.side == "beside" and found.lines == caption


def test_a_misread_credit_sharing_the_last_row_ends_a_cjk_caption_beside_a_short_photo():
    # random seed 1500 (unit 15, 13 px): the caption's last characters (技术。 read `东`) and its credit
    # (陈霞 摄 read `蜂靠 香`) share the last row; no credit read, the caption was lost (the body text
    # under the photo, eight rows, is no caption either)
    caption = _lines(("4共13日,新西兰集树专家马", (469, 2429, 663, 2444)),
                     ("竞(右二)在赋理 多界媒桃神", (470, 2451, 664, 2465)),
                     ("德基地典票农示E参季修有控", (468, 2472, 662, 2487)),
                     ("东", (469, 2494, 489, 2508)), ("蜂靠 香", (613, 2493, 664, 2508)))
    text = _lines(("道 为满足市民表同出行赛", (260, 2555, 452, 2569)), ("求 市公交期进自3月2H", (258, 2581, 450, 2595)),
                  ("起新开通我网公之线路。", (258, 2607, 452, 2622)),
                  ("条。全市我所公交找路增音", (259, 2634, 451, 2648)),
                  ("12条。未班长量晚发车时间", (260, 2660, 451, 2675)), ("睡长至谢分。", (259, 2687, 382, 2701)),
                  ("走进新幕流的刚期支验", (292, 2713, 451, 2728)),
                  ("小学。宽难蚂是的教室感配", (259, 2739, 452, 2754)),
                  ("长子女士说·", (471, 2554, 560, 2569)), ("目前,建成标准", (504, 2581, 662, 2596)))
    found = find_caption((257, 2429, 452, 2541), caption + text, 15.0)
    assert found is not None and found.side == "beside" and set(map(id, found.lines)) == set(map(id, caption))


def test_a_caption_under_a_photo_is_its_own_not_the_taller_photo_beside_it():
    # random seed 1500 (unit 15): photo B stands over the column right of the taller photo A, its
    # caption under it, ending in a credit by its place, beside A. A's own caption under it, its credit
    # `马文 供图` misread `马文 供国`, was passed over: A was paired first and took B's caption
    tall, short = (56, 621, 1076, 1325), (1102, 699, 1508, 935)
    under_tall = _lines(("改单后的东关老街区看引不少市候躺乘雪玩", (85, 1332, 370, 1346)),
                        ("马文 供国", (1010, 1353, 1076, 1368)))
    under_short = _lines(("3月22日上午,一场主助为“雪峰将神 热曲传录”的无晕献准活", (1102, 963, 1507, 978)),
                         ("助在具高市汇座生活广场雪心球血望进行。", (1101, 985, 1372, 999)),
                         ("县西市延安北路哥潭播地社区和州红十字会、州归康、州中心", (1102, 1006, 1508, 1020)),
                         ("自站驻延安北路街道回雄社区“访眼看”工作以峰织尊贵耶区", (1102, 1027, 1506, 1042)),
                         ("30多政单位约员工及社区男具参加无截单血清端。潘哈当日,有", (1102, 1049, 1506, 1063)),
                         ("18位献自者为量排越,共计提鲜血着6600毫升。", (1103, 1070, 1395, 1085)),
                         ("本猫记者 何非象 些", (1376, 1091, 1507, 1106)))
    text = _lines(("昌古高新区党工委副各", (1135, 1120, 1296, 1134)),
                  ("力建设肇进中编式现代化新", (1317, 1120, 1507, 1135)),
                  ("记、冒委会主任糖进说:", (1103, 1146, 1294, 1162)),
                  ("看实政的典范地州作出道", (1313, 1146, 1505, 1161)))
    blocks = [Region("r1", RegionType.TEXT, (85, 1332, 1076, 1368), under_tall),
              Region("r2", RegionType.TEXT, (1101, 963, 1508, 1162), under_short + text)]
    photos = [Region("p1", RegionType.PHOTO, tall), Region("p2", RegionType.PHOTO, short)]
    (_, a, a_caption), (_, b, b_caption) = assemble._pair_captions(photos, blocks, 15.0, (f"n{i}" for i in count(1)))
    assert a_caption is not None and a_caption.lines == under_tall
    assert b_caption is not None and b_caption.lines == under_short and b.credit == "本猫记者 何非象 些"
    assert (a_caption.id, b_caption.id) == ("n1", "n2")  # numbered in the photos' order


def test_a_caption_wider_than_a_bilevel_photo_found_narrow_is_taken_whole():
    # random seed 1442 (unit 17, bilevel): the photo's paper-white left side is paper, so the photo was
    # found 108 px wide in a column 158 wide; the caption's full lines, wider than the photo, were left
    # out and the caption ended after its first, indented line
    caption = _lines(("古籍焕新颜", (834, 301, 915, 317)), ("5月15日,一群白", (827, 324, 952, 339)),
                     ("鹭在青河湿地公园内觅", (796, 347, 953, 362)), ("食、嬉戏。", (796, 370, 864, 385)),
                     ("近年来,随着生态", (827, 392, 953, 408)), ("环境持续改善,青河湿", (795, 415, 953, 431)),
                     ("地公园内的鸟类种类由", (795, 438, 952, 453)), ("十年前的60余种增加", (796, 461, 953, 476)),
                     ("到143种,白鹭、苍", (796, 484, 953, 499)), ("鹭、黑翅长脚鹬等成为", (796, 507, 952, 522)),
                     ("这里的“常客”。", (795, 529, 912, 545)), ("张宇 摄", (902, 552, 953, 568)))
    found = find_caption((846, 213, 954, 293), caption, 17.0)
    assert found is not None and found.side == "below" and found.lines == caption


def test_a_credit_read_with_a_dotted_rules_colon_after_it_is_a_credit():
    # random seed 1470 (unit 14): the dotted column rule beside the credit's end read as `:`; no credit
    # read, the caption ran on through the two columns of text under it to a byline
    assert split_credit("9月2日,临河市实验小学东校区的学生们在开学典礼上。 本报记者 钱宁 摄:") == (
        "9月2日,临河市实验小学东校区的学生们在开学典礼上。", "本报记者 钱宁 摄")


def test_columns_set_staggered_under_a_photo_are_no_caption_and_the_one_beside_it_is():
    # random seed 2145 (unit 13, 12.1 px sans): two columns under the photo, the right one half a line
    # lower (a subhead in it), share no row: no column edge was found, and the rows down to a byline's
    # flush-right end (`本报讯 记者刘`) were taken for the caption. Its own stands beside the photo
    caption = _lines(("9月2日·临河事实社小", (472, 766, 596, 777)), ("学家校区的学生们在开", (474, 784, 596, 795)),
                     ("学典礼上。", (474, 802, 530, 813)), ("车以记者 低宁 器", (501, 820, 596, 831)))
    under = _lines(("本报讯 记者刘", (206, 983, 302, 996)), ("体的景观大通。", (326, 984, 412, 996)),
                   ("器、通讯员朱卫华报", (178, 1006, 302, 1019)), ("冷链物流拓市场", (336, 1011, 438, 1025)),
                   ("道:3月24日,为期10", (179, 1029, 302, 1042)), ("本报讯 记者刘", (354, 1037, 449, 1050)),
                   ("天的“我从天山来”", (179, 1051, 294, 1064)), ("晓峰 通讯员王情报", (325, 1059, 449, 1072)),
                   ("昌吉州促进外经贸发", (179, 1074, 302, 1087)), ("道:“我这个月里了", (326, 1082, 448, 1095)),
                   ("展培训班在福建结", (178, 1097, 302, 1110)), ("86分,能换一桶油", (325, 1105, 449, 1118)))
    found = find_caption((178, 765, 451, 972), caption + under, 13.0)
    assert found is not None and found.side == "beside" and found.lines == caption
