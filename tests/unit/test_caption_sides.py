"""Which lines are a photo's caption when it stands beside the photo, on the geometry of random pages
(saved-image pixels): a credit set flush right, a caption taller than its photo, and the columns of
text under a photo that spans them."""

from __future__ import annotations

import importlib
from itertools import count

from broadsheet.model import Line, Region, RegionType
from broadsheet.postprocess.captions import LATIN_CREDIT_MISREAD, CaptionLines, credit_line, find_caption, split_credit
from unit.recorded_lines import lines_of as _lines


def _column(text: str, left: int, right: int, top: int, pitch: int, height: int, count: int) -> list[Line]:
    return [Line(f"{text}{k}", (left, top + pitch * k, right, top + pitch * k + height), 1.0) for k in range(count)]


def test_a_credit_set_flush_right_ends_a_caption_beside_its_photo():
    # random seed 133 (unit 40): the caption right of its photo ends with `马文 供图` alone on its
    # line, flush right, far from the photo's edge; without it the caption had no credit and its
    # lines became a subhead and a paragraph of the article beside
    caption = _lines(("改造后的东关老街区吸引", (2124, 828, 2559, 877)),
                     ("不少市民前来游玩。", (2125, 887, 2454, 934)), ("马文 供图", (2385, 950, 2559, 995)))
    found = find_caption((697, 793, 2093, 1503), caption, 40.0)
    assert found is not None and found.side == "beside" and found.lines == caption


def test_a_caption_beside_its_photo_may_run_on_past_its_foot():
    # random seed 109 (unit 40): a caption title and ten lines beside a photo 6.5 lines tall, the
    # credit on the last; the text under it in the same column is not the caption's
    caption = (_lines(("古籍焕新颜", (682, 959, 888, 1001)))
               + _column("赛场两岸观众云集", 678, 1082, 1019, 52, 37, 9)
               + _lines(("本报记者 郑一帆 摄", (682, 1546, 1080, 1587))))
    text = _lines(("负责人表示,下一步将继", (678, 1618, 1080, 1658)),
                  ("续完善双向转诊机制,让", (678, 1672, 1080, 1712)))
    found = find_caption((199, 957, 602, 1231), caption + text, 40.0)
    assert found is not None and found.side == "beside" and found.lines == caption


def test_the_columns_of_text_under_a_photo_across_them_are_not_its_caption():
    # random seed 125 (unit 25): under a photo across two columns the text runs on in both, down to
    # another photo's credit; read as one run, the two columns' lines were taken for the caption
    # and the real caption, beside the photo, for body text
    below = (_column("了。”他说,今年他家种的", 471, 832, 2255, 44, 32, 4)
             + _column("法从严查处。会议还研究", 868, 1231, 2252, 44, 32, 4)
             + _lines(("本报记者 赵磊 摄", (600, 2430, 832, 2460))))
    beside = _lines(("6月10日,“雁湖杯”龙舟邀请赛", (1257, 1866, 1619, 1892)),
                    ("在城南湖区举行,来自周边县市", (1261, 1902, 1618, 1928)),
                    ("的24支队伍同场竞渡。", (1261, 1940, 1500, 1964)),
                    ("赛场两岸观众云集,锣鼓声、呐", (1263, 1973, 1621, 2001)),
                    ("喊声此起彼伏,不少市民带着孩", (1261, 2009, 1620, 2037)),
                    ("子前来感受传统节日的热闹气", (1263, 2045, 1622, 2073)),
                    ("氛。本报记者 郑一帆 摄", (1265, 2081, 1622, 2107)))
    found = find_caption((465, 1868, 1230, 2238), below + beside, 25.0)
    assert found is not None and found.side == "beside" and found.lines == beside


def test_a_credit_flush_right_may_end_past_the_caption_line_beside_the_photo():
    # random seed 7 (unit 48): a one-line caption beside its photo, shorter than its column, and
    # the credit under it set flush right, ending past that line: it was left out of the column
    caption = _lines(("即将启用的市人民医院东院区。", (4732, 8736, 5305, 8790)),
                     ("图/陈立军", (5209, 8795, 5401, 8843)))
    body = _lines(("名校选派,通过集团化办学的方", (4005, 9227, 4670, 9289)),
                  ("服务时间为7月10日至8月10", (4745, 9285, 5413, 9349)))
    found = find_caption((3990, 8745, 4673, 9207), caption + body, 48.0)
    assert found is not None and found.side == "beside" and found.lines == caption


def test_a_misread_credit_sharing_the_captions_last_row_ends_it():
    # random seed 225 (unit 20, a bilevel page): `李娜 供图` read `李幅 供附`, set flush right on the
    # caption's last row; with no credit read, the caption and the title under it went to an article
    caption = _lines(("4月7日,车辆在改扩建定成的北庭", (100, 370, 375, 393)),
                     ("公路上行驶", (102, 395, 190, 415)), ("李幅 供附", (298, 400, 375, 419)))
    title = _lines(("农家书星涕新书 今年,昌吉", (138, 430, 374, 456)))
    found = find_caption((99, 212, 381, 368), caption + title, 20.0)
    assert found is not None and found.side == "below" and found.lines == caption
    assert credit_line(found.lines, 20.0) is caption[-1]


def test_a_reporters_credit_that_lost_its_last_character_ends_the_caption():
    # random seed 156 (unit 20): `本报记者 柳青 摄` read without its 摄, under eight lines of caption;
    # the body of the column goes on under it
    caption = _column("市残联组织医疗康复", 268, 440, 698, 27, 19, 8) + _lines(("本报记者 柳青", (270, 916, 402, 936)))
    body = _lines(("猕猴桃协会会长吴", (267, 954, 437, 973)), ("说,今年的果子", (267, 990, 437, 1009)))
    found = find_caption((267, 607, 442, 691), caption + body, 20.0)
    assert found is not None and found.side == "below" and found.lines == caption


def test_a_boxed_captions_credit_whose_first_character_the_frame_took_ends_it():
    # random seed 95 (unit 50): `本` of `本报记者 郑一帆 摄` detected apart, left of the box's frame
    caption = (_column("赛场两岸观众云集", 3625, 3990, 897, 72, 50, 12)
               + _lines(("报记者 郑一帆 摄", (3608, 1823, 3995, 1875))))
    body = _lines(("负责人表示,下一步将继", (3625, 1990, 3990, 2040)))
    found = find_caption((3614, 631, 3982, 876), caption + body, 50.0)
    assert found is not None and found.side == "below" and found.lines == caption


def test_an_advertisements_number_flush_right_beside_its_picture_is_no_credit():
    # the Czech ads page (unit 14): an advertisement's text beside its picture, its number set flush
    # right on the last row; taken for a credit by its shape, the whole advertisement became a caption
    text = _lines(('kkamenicko -sochařská dílna', (1180, 1092, 1444, 1103)),
                  ('(průmysl žuly a mramoru)', (1302, 1111, 1433, 1121)),
                  ('v Praze, na Emauzích č.', (1292, 1127, 1445, 1136)),
                  ('820-11.', (1350, 1138, 1388, 1146)),
                  ('Provedení veškerých staveb-', (1302, 1153, 1443, 1167)),
                  ('nich prací z nejlepších druhů', (1290, 1161, 1444, 1175)),
                  ('kainéňe za poměrné levné ceny,', (1291, 1170, 1445, 1184)),
                  ('Mramorové desky všech dru-', (1302, 1188, 1444, 1198)),
                  ('hů na stolky: do kaváren a', (1291, 1196, 1445, 1211)),
                  ('krámů, na kredence, na kuleč-', (1291, 1211, 1445, 1219)),
                  ('níky a pro koželuhy za ob-', (1291, 1217, 1445, 1230)),
                  ('zvláště levné ceny.', (1291, 1231, 1384, 1241)),
                  ('12176', (1417, 1227, 1444, 1240)))
    assert find_caption((1100, 1099, 1152, 1162), text, 14.0) is None


def test_a_reporters_credit_misread_by_a_character_ends_the_caption():
    # random seeds 140, 212 (units 12, 11): `本报记者 郑一帆 摄` read `本报记名郑一帆雨` and `本报记者 柳青
    # 摄` read `本报记着 柳育 微` under nine lines of a narrow column's caption; with no credit read,
    # the caption went to the article beside it. Seed 158: read `本程记者郑一帆` after the caption's
    # last sentence on its row
    caption = _lines(("6月10日,“雅湖杆”", (395, 908, 502, 918)), ("龙舟道请赛在城南湖区举", (370, 924, 509, 935)),
                     ("行,采自周边温市的24支", (372, 940, 509, 951)), ("队伍固络竞渡。", (372, 957, 444, 968)),
                     ("腾场两岸疫众五集,掺", (395, 973, 510, 984)), ("鞋声,纳喊声此起被伏,不", (372, 990, 510, 1000)),
                     ("少市民带最孩子前来感受传", (372, 1006, 509, 1017)), ("统节日的热闹气氛。", (372, 1023, 467, 1034)),
                     ("本报记名郑一帆雨", (407, 1039, 509, 1050)))
    found = find_caption((371, 812, 509, 902), caption, 12.0)
    assert found is not None and found.side == "below" and found.lines == caption
    caption = (_column("综医疗、康量、法", 468, 565, 579, 16, 10, 8)
               + _lines(("B.", (469, 708, 483, 719)), ("本报记着 柳育 微", (474, 724, 566, 735))))
    body = _lines(("以能看病要", (493, 746, 564, 757)), ("湖时老城区,路上", (468, 764, 564, 776)))
    found = find_caption((467, 506, 572, 573), caption + body, 11.0)
    assert found is not None and found.lines == caption
    caption = (_column("要在城乘派这举行,来自用边县", 220, 387, 389, 16.6, 10, 6)
               + _lines(("凯。本程记者郑一帆", (220, 488, 387, 499))))
    body = _column("行车1500辆,基本覆盖主要", 220, 386, 511, 19, 11, 3)
    found = find_caption((219, 292, 389, 389), caption + body, 12.0)
    assert found is not None and found.lines == caption


def test_an_articles_byline_under_a_caption_is_not_its_misread_credit():
    # random seed 208 (unit 14): under a caption whose credit (图/赵磊) was misread, the byline of
    # the article below, `本报记者 周敏` read `本限记者州敏`, follows a line running to the margin
    caption = _column("1作老师的带读下·在起图劳功", 845, 1027, 1010, 18.8, 11, 9)
    byline = _lines(("本限记者州敏", (845, 1184, 941, 1197)), ("本报讯 记者黄思远报", (872, 1206, 1027, 1221)))
    found = find_caption((843, 879, 1028, 1004), caption + byline, 14.0)
    assert found is None or byline[0] not in found.lines


def test_a_reporters_credit_whose_papers_name_was_misread_ends_the_caption():
    # random seed 881 (unit 18): `本报记者 何春泉 摄` read `本征记者 何春表 摄` under fifteen rows of
    # caption; with no credit read, the caption was longer than one without may be, and went to
    # the article beside it
    caption = _lines(("3月22目上午。一海主", (614, 575, 740, 589)), ("题为“当备精神 热血件", (585, 594, 741, 610)),
                     ("承”的无您敏血活确在器", (586, 614, 740, 630)), ("吉市汇嘉生活广场业心献", (586, 635, 740, 650)),
                     ("血星进行", (584, 655, 648, 669)), ("昌吉市延安北路街道", (613, 675, 739, 691)),
                     ("国结社区和州红十字会", (583, 695, 735, 711)), ("网和联·州中心血路联通", (583, 716, 738, 731)),
                     ("安北路街道浦结社区“话", (582, 736, 737, 751)), ("悉量”工作政细织动员辑", (583, 756, 737, 772)),
                     ("注300多家单位的楚工展社", (581, 776, 736, 792)), ("温居民参加元量献血活", (581, 797, 736, 812)),
                     ("动。漆动旗目,有球位献", (580, 818, 735, 832)), ("血者为觉循袖,具计损献", (579, 837, 735, 853)),
                     ("血波6000毫升", (578, 858, 671, 872)), ("本征记者 何春表 摄", (601, 877, 734, 894)))
    title = _lines(("昌吉高新", (603, 927, 708, 956)), ("区第一季", (601, 960, 707, 989)))
    found = find_caption((584, 482, 745, 571), caption + title, 18.0)
    assert found is not None and found.side == "below" and found.lines == caption
    assert split_credit(caption[-1].text) == ("", "本征记者 何春表 摄")
    # a credit run into the sentence before it is none: its paper's name is the sentence's end
    assert split_credit("热闹气氛本报记者 郑一帆 摄")[1] is None


def test_a_wide_captions_word_spaces_lining_up_are_no_gutter():
    # random seed 896 (unit 60): a caption detected cut at its word spaces, two of them one under
    # the other (`Crews | resurface State`, `Route | 305 south`), looked like two columns of body
    # text starting under the photo; `Battle Mountain.` runs across that "gutter"
    caption = _lines(("Crews", (3381, 4382, 3573, 4433)), ("resurface State", (3647, 4386, 4179, 4442)),
                     ("Route", (3383, 4471, 3565, 4522)), ("305 south", (3652, 4475, 4032, 4532)),
                     ("of", (4119, 4482, 4184, 4534)), ("Battle Mountain.", (3381, 4563, 3894, 4619)),
                     ("Photo: Nevada DOT", (3561, 4658, 4178, 4715)))
    found = find_caption((3379, 3849, 4193, 4353), caption, 60.0)
    assert found is not None and found.side == "below" and found.lines == caption


def test_a_justified_latin_captions_last_word_is_no_credit():
    # random seed 303 (unit 11): `Photo: J. Smith` read `Proto: |. Smith`; the last word of the
    # caption's second row, cut off at a word space and set flush right, was taken for a credit
    # by its shape, and the caption ended there. Four rows of seven pieces are a short caption.
    caption = _lines(("Volunteers replant", (490, 611, 581, 620)), ("native", (587, 613, 616, 621)),
                     ("sagebrush", (490, 624, 539, 632)), ("aiong ss the", (556, 625, 616, 634)),
                     ("Lamodie Canyon trail in", (489, 637, 616, 648)), ("April.", (488, 650, 514, 659)),
                     ("Proto: |. Smith", (546, 651, 616, 661)))
    found = find_caption((489, 539, 618, 608), caption, 11.0)
    assert found is not None and found.side == "below" and found.lines == caption
    assert credit_line(caption[:4], 11.0) is None


def test_a_credit_misread_past_knowing_ends_a_long_caption_by_its_place():
    # random seed 279 (unit 10, 9 px): `本报记者 何春泉 摄` read `本程记准 神电 通` under a caption
    # title and twelve rows; no credit read, the caption was longer than one without may be, and
    # went to an article, its title for a headline. The credit stands alone on the last row, flush
    # right, 4.8 units in, after the caption's last sentence ending short
    caption = _lines(("孩子们的欢乐时光", (811, 492, 881, 501)), ("3月20日上年一场生题为", (805, 504, 905, 512)),
                     ("当特材神 热盐件杂活北出经图", (788, 516, 905, 524)), ("成场法有C路生源广场心", (788, 527, 905, 536)),
                     ("标出距进行", (786, 540, 828, 548)), ("药A专机贸化种时国结社", (804, 551, 904, 561)),
                     ("别和用虹十学备 出联 图中", (787, 564, 904, 572)), ("心在标非扩复 文非出重出标社区", (787, 576, 904, 585)),
                     ("法连堂 工 作织场动关体况 购", (791, 588, 905, 597)), ("水家举位的员工品社派展民参加", (789, 599, 906, 608)),
                     ("汽准料在法动、速动器江 南油", (789, 612, 906, 620)), ("位社五在为费费社,共计频积出康", (787, 624, 905, 633)),
                     ("6E片", (787, 636, 824, 645)), ("本程记准 神电 通", (835, 648, 906, 657)))
    found = find_caption((786, 427, 906, 493), caption, 10.0)
    assert found is not None and found.side == "below" and found.lines == caption
    assert found.credit is caption[-1]


def test_a_paragraphs_first_line_under_a_photo_is_no_credit_by_its_place():
    # a body column under a photo, set apart from what follows, whose last row starts a paragraph:
    # indented two characters and running to the margin, it is not a credit, and the column is longer
    # than a caption with no credit may be
    body = (_column("工作队组织动员辖区多家单", 787, 906, 504, 12, 9, 8)
            + _lines(("血液毫升。", (787, 600, 830, 609)), ("昌吉市延安北路街道团结", (807, 612, 906, 621))))
    assert find_caption((786, 427, 906, 493), body, 10.0) is None


def test_a_full_line_under_a_captions_short_first_row_is_no_credit():
    # random seed 878 (unit 27): the caption's first line went into the photo's box, so its run
    # starts with `戏。`, the end of that line; the full line under it starts past that piece's
    # middle and was taken for a credit by its shape, ending the caption after two rows
    caption = _lines(("戏。", (679, 2399, 713, 2425)), ("近年来,随着生态环境持续改善,青河湿地公园", (727, 2435, 1245, 2460)),
                     ("内的鸟类种类由十年前的60余种增加到143种,", (679, 2470, 1204, 2494)), ("白", (1222, 2472, 1244, 2496)),
                     ("鹭、苍鹭、黑翅长脚鹬等成为这里的“常客”。", (679, 2504, 1171, 2530)),
                     ("张宇", (1159, 2540, 1206, 2566)), ("摄", (1221, 2540, 1245, 2565)))
    found = find_caption((678, 2045, 1248, 2390), caption, 27.0)
    assert found is not None and found.side == "below" and found.lines == caption
    assert credit_line(caption[:2], 27.0) is None


def test_a_reporters_misread_credit_after_a_row_ending_short_ends_the_caption():
    # random seed 962 (unit 9, 10 px): `本报记者 郑一帆 摄` read `本程记者 延一机 集` alone on the row
    # after the caption's last, `…热闹气氛。` read `用气就`: its stop lost, but ending far short of
    # the column's edge. With no credit read, eleven rows were too long for a caption without one,
    # and went to the article beside
    caption = _lines(("6用节日。程浦", (31, 260, 106, 269)), ("杆”龙舟道请费在", (31, 271, 106, 282)),
                     ("域果湖区举行,来", (32, 284, 106, 295)), ("自周边提市的24变", (33, 298, 106, 308)),
                     ("以倍的项竞道。", (33, 310, 89, 321)), ("赛场两岸观点云", (33, 322, 107, 333)),
                     ("集,伊胶声、精城", (33, 335, 108, 346)), ("声此起推伏,不少", (34, 348, 106, 359)),
                     ("市民带相孩子新来", (35, 361, 107, 371)), ("终受件他节日的热", (34, 373, 108, 384)),
                     ("用气就", (34, 387, 64, 396)), ("本程记者 延一机 集", (28, 399, 109, 410)))
    body = _lines(("市气象台音", (56, 416, 108, 427)), ("腐预报热孙解济", (33, 429, 108, 440)))
    found = find_caption((29, 208, 107, 262), caption + body, 9.0)
    assert found is not None and found.side == "below" and found.lines == caption


def test_a_latin_credit_whose_prefix_or_initial_was_misread_ends_the_caption():
    # random seed 966 (unit 13, Fraktur): `Foto: Feuerwehr` read `Fow: Feuerwehr` under the caption
    # beside its photo; with no credit read there, the next article's title under the photo was
    # taken for its caption
    caption = _lines(("Das neue Löschfahrzeug dei einer", (307, 205, 555, 223)),
                     ("ersten Übung am Gerätehaus.", (306, 231, 503, 248)), ("Fow: Feuerwehr", (445, 253, 556, 271)))
    below = _lines(("Schüler bauen einen Garten", (47, 350, 254, 368)), ("Auch die Anschlüose in der", (66, 380, 296, 398)),
                   ("Stadt vollen besser werden. Die", (48, 403, 296, 421)))
    found = find_caption((43, 207, 296, 338), caption + below, 13.0)
    assert found is not None and found.side == "beside" and found.lines == caption
    assert found.credit is caption[-1]
    # random seed 954 (unit 16, 20.6 px): `Photo: J. Smith` read `Photo: j. Smith` under a justified
    # caption on a skewed page; the caption was cut after its first row
    caption = _lines(("Volunteers", (72, 754, 173, 771)), ("replant", (194, 753, 260, 767)), ("native", (283, 751, 340, 765)),
                     ("sagebrush", (72, 782, 170, 797)), ("along", (214, 780, 267, 797)), ("the", (309, 775, 342, 791)),
                     ("Lamoille Canyon trail in", (74, 802, 342, 824)), ("April.", (74, 835, 121, 852)),
                     ("Photo: j. Smith", (207, 828, 343, 848)))
    heading = _lines(("DEPARTMENT OF", (76, 865, 272, 888)), ("AGRICULTURE", (75, 892, 237, 913)))
    found = find_caption((66, 569, 341, 749), caption + heading, 16.1)
    assert found is not None and found.side == "below" and sorted(found.lines, key=id) == sorted(caption, key=id)
    assert found.credit is caption[-1]
    for text in ("Proto: |. Smith", "Frey: Feuerwehr", "Fats: Arma Berg"):
        assert LATIN_CREDIT_MISREAD.fullmatch(text)
    # a body line is none: no colon, or words after it that are no name
    for text in ("Fest zurückgegeben.", "Fish and Wildlife", "For: the first time"):
        assert not LATIN_CREDIT_MISREAD.fullmatch(text)


def test_a_misread_credit_sharing_the_captions_last_line_ends_it():
    # random seed 1114 (unit 9, 10 px): `“常客”。 张宇 摄` read `“常客”。鱼中 热`, one detector line
    # with the caption's last sentence: ten rows with no credit read were too long for a caption
    # without one, and went to the article whose column goes on under it
    caption = _lines(("5万15日+一释动背点", (571, 702, 660, 711)), ("青河湿地公国内化会", (571, 714, 658, 725)),
                     ("44 -", (569, 727, 594, 736)), ("近年表·随着生态环境", (570, 740, 660, 751)),
                     ("持维政备,青河湿地会", (569, 754, 659, 764)), ("国内的与是种类面十年", (569, 766, 658, 777)),
                     ("前的05金补增加河13", (569, 780, 659, 790)), ("林·白花·石道·里起", (569, 792, 658, 803)),
                     ("长脚脑等成为运里的", (569, 805, 658, 816)), ("“常客”。鱼中 热", (572, 818, 657, 829)))
    body = _lines(("夜市等夜间出行需求", (567, 836, 657, 848)), ("较集中的区域·市民", (566, 850, 657, 862)),
                  ("可通过“青河公交”", (567, 864, 653, 877)))
    found = find_caption((570, 641, 664, 699), caption + body, 9.0)
    assert found is not None and found.side == "below" and found.lines == caption and found.misread
    assert split_credit(caption[-1].text, found.misread) == ("“常客”。", "鱼中 热")
    # random seed 1121 (unit 9.6): `身的好去处。 李想 摄` read `…。李想 提`, under a caption title
    caption = _lines(("银发族学用手机", (774, 1507, 852, 1520)), ("8月31日傍晚,临河滨江步", (749, 1521, 877, 1535)),
                     ("道上,市民在晚露中散步。", (749, 1536, 871, 1550)), ("装行、纳凉。", (750, 1552, 805, 1565)),
                     ("今年以来,我市新建改造滨", (751, 1565, 879, 1579)), ("水绿道12公里,串联起沿河", (751, 1580, 879, 1594)),
                     ("7个公园。成为市民休闲健", (751, 1595, 878, 1609)), ("身的好去处。李想 提", (751, 1610, 879, 1623)))
    body = _lines(("服务站·帮助农民把农产", (753, 1629, 877, 1644)), ("品卖出大山", (752, 1650, 818, 1662)))
    found = find_caption((745, 1416, 877, 1505), caption + body, 9.6)
    assert found is not None and found.side == "below" and found.lines == caption
    # random seed 1078 (unit 14, Fraktur): `Foto: Feuerwehr` read `Fow: Feuerwebr` after the caption's
    # last sentence on its line; the caption was cut after its first row
    caption = _lines(("Das neue Löochfahrieug dei seiner ceroten", (59, 343, 373, 362)),
                     ("Übung am Gerätebaus. Fow: Feuerwebr", (59, 367, 374, 389)))
    below = _lines(("Markttag am Domplatz", (58, 401, 242, 421)),
                   ("Der Markt ist jeweils am Mittwoch", (84, 433, 372, 456)),
                   ("und am Samstaq von 6ieben bis dreizehn", (57, 458, 372, 478)))
    found = find_caption((59, 175, 379, 340), caption + below, 13.9)
    assert found is not None and found.side == "below" and found.lines == caption and found.misread
    assert split_credit(caption[-1].text, found.misread) == ("Übung am Gerätebaus.", "Fow: Feuerwebr")


def test_a_body_line_with_a_space_after_a_sentence_is_no_misread_credit():
    # body text sets no space between ideographs, and a Latin sentence after a stop is no credit
    for text in ("他说。我们今年要把", "动能、添后劲。”", "sagte er. Foto und Film", "Er kam. Paul Meyer"):
        assert split_credit(text, misread=True)[1] is None
    # but a credit read whole is one, misread or not
    assert split_credit("…加紧施工。 本报记者 刘茜 摄", misread=True) == ("…加紧施工。", "本报记者 刘茜 摄")


def test_a_caption_leaded_wider_than_the_usual_blank_is_not_cut_at_its_own_spacing():
    # random seed 946 (unit 12 on the working image, Fraktur at 11.5 px): the caption's rows stand
    # 10-11 px apart, over CAPTION_BREAK, row after row; `Foto: Max Muster` read `Jrew Max Muotet`. The
    # caption was cut after its second row and the rest went to the article under it
    caption = _lines(("Am Marktbryunen", (56, 1196, 185, 1207)), ("in der", (206, 1197, 256, 1208)),
                     ("Altatad4 wird ectwa gearbeitet", (56, 1218, 256, 1229)),
                     ("Bias zum Herdet oollen die alten", (55, 1240, 255, 1251)),
                     ("Dllatteroteine wieder au ihrem", (56, 1262, 256, 1273)),
                     ("Platz lingen.", (56, 1283, 130, 1296)), ("Jrew Max Muotet", (140, 1304, 257, 1317)))
    title = _lines(("Turmwerein ſeiert Geburteiag", (55, 1356, 245, 1369)),
                   ("Nach langen Jahren der", (73, 1383, 256, 1396)))
    found = find_caption((55, 1083, 256, 1187), caption + title, 12.0)
    assert found is not None and found.side == "below" and found.lines == caption
    assert found.credit is caption[-1]
    # a byline under a caption whose credit was misread stands 1.47 times the caption's own blank
    # below it, and stays out (random seed 1114, unit 12)
    caption = _lines(("3月N日上午,前理成飞", (1035, 556, 1153, 565)), ("新材科有限司风电对", (1035, 572, 1152, 582)),
                     ("养 生产基地项盐建设现", (1036, 590, 1154, 600)), ("路,工人们正在加禁地", (1035, 607, 1154, 617)),
                     ("工", (1035, 625, 1054, 634)), ("春族记者 刘西 临", (1056, 642, 1153, 652)))
    article = _lines(("本报记者 柳青", (1034, 663, 1148, 676)), ("市公交公司提", (1063, 683, 1153, 696)),
                     ("醒,市民可通过“临", (1034, 703, 1154, 715)))
    found = find_caption((1033, 475, 1155, 549), caption + article, 12.0)
    assert found is not None and found.lines == caption


def test_a_credit_misread_past_knowing_ends_a_cjk_caption_beside_its_photo_by_its_place():
    # random seed 927 (8.3 px, unit 7.6): a caption title and twelve rows beside the photo, `本报记者
    # 何春泉 摄` read `本提起度 种事里 辑` alone on the last row, flush right; no credit read, the
    # caption went to the article beside it as a subhead and paragraphs
    caption = _lines(("运动场上里风采", (562, 349, 616, 359)),
                     ("1月2日上午,一场土现力”第样桃", (563, 360, 679, 371)),
                     ("神 热放年求正 称 王位建点流动在线", (561, 371, 678, 382)),
                     ("农作工第家适广场变心制出定进", (562, 382, 678, 393)),
                     ("fi.", (561, 393, 571, 401)),
                     ("昌古 证堂北省南道社区和画", (561, 404, 678, 414)),
                     ("红 1字会,州U线。中C出BE", (560, 415, 676, 425)),
                     ("是党北地解建继校区 达准度", (561, 426, 673, 436)),
                     ("工 风的出通机C m第吸自用", (562, 437, 677, 446)),
                     ("商工资社供排位参加汇绩做组训", (560, 448, 676, 457)),
                     ("电。这动生出有出位能靠套方觉推", (559, 459, 677, 469)),
                     ("用。共计前联自酒000用", (559, 469, 648, 479)),
                     ("本提起度 种事里 辑", (612, 481, 676, 491)))
    found = find_caption((166, 340, 550, 643), caption, 7.6)
    assert found is not None and found.side == "beside" and found.lines == caption
    assert found.credit is caption[-1]



def test_a_cjk_caption_beside_its_photo_under_its_columns_text_ends_at_a_misread_credit():
    # random seed 876 (9.9 px, working page, unit 13): the caption beside the photo runs on under
    # the article's text in its column, `本报记者 孙晓红 摄` read `非在运量 羽动b 摄` alone on its
    # row, flush right; the caption's lines went to the article as text
    above = _lines(("动,改靠业市各具区和主要", (801, 1802, 972, 1816)), ("M区", (802, 1821, 827, 1835)),
                   ("消防演练道校园 气象", (830, 1840, 971, 1855)))
    caption = _lines(("国回国通>海图在第A国务", (802, 1867, 970, 1878)),
                     ("时光德业用节界在龙文员测者", (804, 1886, 971, 1897)),
                     ("M (AD", (802, 1905, 899, 1916)), ("非在运量 羽动b 摄", (861, 1924, 972, 1935)))
    found = find_caption((612, 1865, 787, 1960), above + caption, 13.0)
    assert found is not None and found.side == "beside" and found.lines == caption
    assert found.credit is caption[-1]


def test_a_column_running_on_past_a_photos_top_is_no_caption_beside_it():
    # random seed 2398 (7.2 px sans, working page, unit 15): the column right of the photo runs on
    # from above its top at its own spacing; a dateline in it, `本报讯 记者吴涛 通讯员杨帆 报道`, read
    # `…通讯员杨机摄`, ended a caption beside, and the photo's own caption under it, its credit
    # `图/市交通运输局` misread, went to no photo
    column = _lines(("46分钟就能型。称", (368, 903, 515, 918)), ("指也方便步了。”室", (369, 929, 515, 944)),
                    ("住北那山区的果表马", (368, 956, 515, 971)), ("信福说,道路通车", (368, 983, 513, 998)),
                    ("后。他家种的苹果可", (369, 1010, 514, 1024)), ("以更快运到减理的证", (369, 1037, 514, 1052)),
                    ("夏市场。", (369, 1063, 421, 1078)), ("本报道 记者买", (400, 1089, 513, 1105)),
                    ("清。通讯员杨机摄", (368, 1116, 514, 1132)), ("道:5月15日一单。", (368, 1143, 504, 1158)))
    caption = _lines(("维修加端正的曲浦大", (208, 1086, 353, 1098)), ("桥", (207, 1106, 222, 1119)),
                     ("盖/市文地三集用", (243, 1127, 355, 1142)))
    found = find_caption((204, 984, 357, 1077), column + caption, 15.0)
    assert found is not None and found.side == "below" and found.lines == caption


def test_a_caption_of_only_its_title_and_a_credit_known_by_place_is_paired(monkeypatch):
    # replayed layouts of random seeds 338 and 1274: after the title and the credit nothing is left
    assemble = importlib.import_module("broadsheet.postprocess.assemble")  # the package exports a function of that name

    title = Line("古籍焕新颜", (200, 1020, 500, 1062), 1.0)
    credit = Line("本报记看 郑一帆 损", (640, 1080, 1000, 1120), 1.0)
    monkeypatch.setattr(assemble, "find_caption",
                        lambda photo, lines, unit: CaptionLines([title, credit], "below", credit=credit))
    blocks = [Region("r1", RegionType.SUBHEAD, title.bbox, [title]),
              Region("r2", RegionType.TEXT, credit.bbox, [credit])]
    photo = Region("p1", RegionType.PHOTO, (200, 400, 1000, 1000))
    (_, paired, caption), = assemble._pair_captions([photo], blocks, 40.0, (f"n{i}" for i in count(1)))
    assert (paired.caption_title, paired.caption, paired.credit) == ("古籍焕新颜", [], "本报记看 郑一帆 损")
    assert caption is not None and caption.lines == [title, credit]


def test_a_two_row_caption_cut_at_the_gutter_under_it_ends_at_its_reporters_misread_credit():
    # random seed 1436 (10.2 px): a caption two rows wide, each row cut where the gutter of the two
    # columns under the photo runs, its credit `本报记者 刘茜 摄` read `本报记者 可国 法`; the
    # columns' common edge was taken for text set under the photo and the caption was lost
    caption = _lines(("三月润营去平,种模或气科村档有", (615, 871, 744, 881)),
                     ("原治建风收件政 生产基地理国建", (748, 868, 876, 878)),
                     ("道现场,工人们正质加紧社工", (617, 884, 731, 894)),
                     ("本报记者 可国 法", (809, 880, 877, 890)))
    columns = _lines(("两的游客一边拍照,一边内", (753, 897, 877, 911)), ("问题。", (616, 903, 641, 915)),
                     ("基本打听新茶的价格,", (753, 912, 848, 924)), ("器工结局有关负责人介", (637, 914, 741, 928)),
                     ("市公用事业局有美负责", (774, 925, 878, 938)), ("绍,今年全县还将距建5G", (616, 928, 743, 942)),
                     ("人表示,试运行期间将广泛", (754, 939, 878, 952)),
                     ("基站120个,优先覆盖乡镇", (618, 942, 742, 955)))
    found = find_caption((611, 733, 878, 869), caption + columns, 10.2)
    assert found is not None and found.side == "below"
    assert sorted(map(id, found.lines)) == sorted(map(id, caption))


def test_a_credit_sticking_out_left_of_its_caption_leaves_the_captions_paragraph_whole():
    # random seed 2125 (26.2 px, working page, unit 19): the credit `本报记者 王雪梅 摄`, set wider than
    # its boxed column, starts a character left of the caption's lines; measured from it, every
    # caption row after a short one stood indented and the caption read as four paragraphs
    assemble = importlib.import_module("broadsheet.postprocess.assemble")  # the package exports a function of that name

    lines = _lines(("4月8日,北", (990, 824, 1102, 839)), ("庭镇千亩高标准", (950, 852, 1101, 870)),
                   ("农田示范区内", (952, 882, 1077, 899)), ("，", (1090, 888, 1095, 894)),
                   ("农机手驾驶播种", (952, 912, 1102, 928)), ("机进行播种", (951, 941, 1075, 958)),
                   ("作", (1084, 940, 1101, 958)), ("业。", (952, 971, 983, 986)),
                   ("本报记者 王雪梅 摄", (920, 999, 1101, 1016)))
    blocks = [Region("r1", RegionType.TEXT, (920, 824, 1102, 1016), lines)]
    photo = Region("p1", RegionType.PHOTO, (948, 705, 1104, 812))
    (_, paired, _), = assemble._pair_captions([photo], blocks, 19.0, (f"n{i}" for i in count(1)))
    assert paired.caption == ["4月8日,北庭镇千亩高标准农田示范区内，农机手驾驶播种机进行播种作业。"]
    assert paired.credit == "本报记者 王雪梅 摄"


def test_a_captions_first_row_boxed_as_a_heading_is_no_title_when_it_runs_on_a_sentence():
    # random seed 2089 (8.7 px, working page, unit 14): the caption's first row `9月2日，临河市实验小学`,
    # read `月日,6河市实验小学`, was grouped as a heading and taken for the caption's title; a title is a
    # phrase (孩子们的欢乐时光), and a clause's stop inside a row is a sentence's
    assemble = importlib.import_module("broadsheet.postprocess.assemble")  # the package exports a function of that name

    lines = _lines(("月日,6河市实验小学", (57, 782, 196, 796)), ("东核区的学生们在开学间", (57, 800, 198, 814)),
                   ("机上", (57, 819, 88, 832)), ("本记者 线宁", (88, 835, 198, 849)))
    blocks = [Region("r1", RegionType.SUBHEAD, lines[0].bbox, lines[:1]),
              Region("r2", RegionType.TEXT, (57, 800, 198, 849), lines[1:])]
    photo = Region("p1", RegionType.PHOTO, (56, 696, 198, 777))
    (_, paired, _), = assemble._pair_captions([photo], blocks, 14.0, (f"n{i}" for i in count(1)))
    assert paired.caption_title is None and paired.caption[0].startswith("月日,6河市实验小学")
    title = Line("孩子们的欢乐时光", (80, 782, 176, 796), 1.0)  # a heading that is a phrase stays the title
    blocks = [Region("r1", RegionType.SUBHEAD, title.bbox, [title]),
              Region("r2", RegionType.TEXT, (57, 800, 198, 849), lines[1:])]
    (_, paired, _), = assemble._pair_captions([photo], blocks, 14.0, (f"n{i}" for i in count(1)))
    assert paired.caption_title == "孩子们的欢乐时光"


def test_a_justified_captions_row_end_in_lower_case_is_no_credit():
    # random seed 2071 (9.6 px Latin serif, saved-image pixels): a caption's second row ends `along
    # the`, flush right two units after `sagebrush` (justified into a narrow column); taken for a
    # credit by its shape, it cut the caption after two of its four rows, the rest read as body text
    lines = _lines(("Velurteers replant", (447, 615, 535, 622)), ("native", (545, 615, 573, 622)),
                   ("sagebrush", (447, 628, 493, 634)), ("along the", (513, 627, 573, 635)))
    assert credit_line(lines, 9.6) is None
    credit = _lines(("Photo: J. Smith", (513, 627, 573, 635)))  # a name in its place
    assert credit_line(lines[:3] + credit, 9.6) is credit[0]


def test_a_bylines_reporter_first_in_the_row_under_a_photo_is_no_credit_ending_a_caption():
    # random seed 2575 (10.4 px, unit 9.5): the article's byline `本报记者 马文` opens the first of three
    # columns set under the photo; read as a caption's credit it stopped the search for the columns'
    # edges there, and the columns' first two rows became the caption while the caption beside the
    # photo (its credit `本报记者 钱宁 摄` misread `本级记者 铁宁 温`) went to the text
    columns = _lines(("本报记者 马文", (363, 366, 433, 377)), ("环境,显地公园在核", (472, 367, 566, 376)),
                     ("的半天,慢的要好儿", (582, 366, 677, 376)), ("今年以来,湖东", (385, 380, 455, 390)),
                     ("心区设置 了隔离带和", (473, 380, 566, 390)), ("天,“修细如旧,最", (585, 380, 677, 391)),
                     ("社区其生服务中心推", (362, 395, 455, 405)), ("现鸟屋,游客只能在", (473, 395, 565, 405)),
                     ("大限度保审古糖原", (585, 395, 675, 405)), ("出基础位·慢病位、", (363, 410, 452, 420)),
                     ("撒定区域观赏,共同", (473, 409, 566, 420)), ("貌。是我们最重要的", (583, 409, 676, 420)))
    caption = _lines(("夜市烟火气", (692, 178, 743, 189)), ("8月は·临河市要验小", (693, 192, 786, 201)),
                     ("学家较区的学生们森许", (694, 206, 786, 214)), ("学西民生。", (694, 219, 737, 227)),
                     ("本级记者 铁宁 温", (707, 232, 787, 241)))
    found = find_caption((361, 177, 678, 359), columns + caption, 9.5)
    assert found is not None and found.side == "beside" and found.lines == caption


def test_a_one_row_caption_cut_at_the_gutters_under_it_ends_at_its_reporters_spaced_misread_credit():
    # random seed 2670 (10.9 px hei, page pixels, unit 10.5): the caption under the photo is one row
    # across three columns, cut at their gutters, its credit `本报记者 韩露 摄` read `本探记者 形课 骤`
    # at its right end; the gutters were taken for the columns starting at the photo and the caption
    # went to the text
    caption = _lines(("6月10日、门步五需茶温里", (594, 449, 718, 458)), ("安茶工正在要携复茶", (731, 448, 815, 457)),
                     ("本探记者 形课 骤", (925, 448, 999, 458)))
    columns = _lines(("很统计,去年全市公", (616, 467, 715, 478)), ("共自行车累计确行量达到", (595, 484, 716, 495)),
                     ("860万人次,日均确行", (594, 501, 715, 512)), ("青河湿地公园等一批文族", (737, 467, 857, 478)),
                     ("新地标,培育了民宿集", (737, 483, 857, 495)), ("群,研学施行等新业态。", (737, 501, 850, 512)),
                     ("去一到采收学,果农最怕", (879, 466, 1000, 478)), ("的就是“烂在地里”。", (878, 484, 992, 495)),
                     ("2019年,桃源乡看进会", (879, 501, 999, 512)))
    found = find_caption((594, 127, 1000, 444), caption + columns, 10.5)
    assert found is not None and found.side == "below"
    assert found.lines == caption and found.credit is caption[-1]


def test_a_two_row_caption_cut_at_the_gutter_under_it_ends_at_a_credit_set_apart_by_its_shape():
    # random seed 2535 (8.4 px serif, working page, unit 14): the caption's rows are cut where the
    # gutter of the two columns under the photo runs, its credit `本报记者 刘茜 摄` misread past knowing
    # (`车装记表 利品 据`); set flush right, far past the gutter, it starts no column, yet the columns'
    # common edge was taken for text set right under the photo and the caption went to the text
    caption = _lines(("I连品连 生中。器器电 飞新视器电线", (65, 841, 302, 849)),
                     ("是现表呼通报护基建理速暖理原路", (316, 842, 536, 848)),
                     ("L AR AA SR AL", (67, 861, 194, 871)), ("车装记表 利品 据", (429, 861, 543, 872)))
    columns = _lines(("手载应量出现河水外温、道路相", (65, 888, 297, 903)), ("建", (312, 888, 360, 903)),
                     ("光影秀等形式 展动 了", (380, 888, 555, 903)), ("东等利派,此次改造渗及面格", (66, 916, 297, 930)),
                     ("青河想先的历史 之化和新时代发", (314, 916, 543, 930)),
                     ("社条,新建海水管网泳公 里。", (64, 943, 285, 957)),
                     ("解成就,吸引 了 上 万 名市民和游", (312, 944, 544, 958)))
    found = find_caption((61, 446, 556, 841), caption + columns, 14.0)
    assert found is not None and found.side == "below"
    assert sorted(map(id, found.lines)) == sorted(map(id, caption))
    # a right column's paragraph opening two characters in, beside the left one's last line, is no credit
    indented = _lines(("车装记表利品据心区设置了隔离", (344, 861, 536, 872)))
    assert find_caption((61, 446, 556, 841), caption[:3] + indented + columns, 14.0) is None


def test_a_credit_sharing_a_side_captions_last_row_outranks_the_uncredited_text_below():
    # random seed 2908 (9.9 px ming, unit 15): a caption beside its photo in smaller type, its credit
    # (周敏 摄 misread `周收 微`) flush right on its last row after `困难家庭。`; the column's three rows
    # under the photo, set apart by a subhead, were taken for an uncredited caption (pairing 0.67)
    beside = _lines(("9月19日,南湖区幸福里社区的志愿者和居民一", (1012, 403, 1307, 417)),
                    ("配制作月饼,迎接中秋佳节。", (1012, 424, 1184, 437)),
                    ("当天,社区组织开展“浓情中秋 邻里网乐”活", (1014, 445, 1307, 458)),
                    ("动,居民们国坐在一起揉面、包销,压模,欢声", (1012, 465, 1306, 479)),
                    ("笑语不断,做好的月销将送给社区的独居老人和", (1013, 486, 1307, 499)),
                    ("困难家庭。", (1012, 506, 1073, 519)), ("周收 微", (1255, 506, 1307, 519)))
    column = _lines(("人员介绍,专线只在上学、放学时段运", (1013, 591, 1306, 606)),
                    ("行,沿途停靠7所中小学附近站点,票价与", (1013, 615, 1305, 630)),
                    ("普通线路相同。", (1013, 639, 1117, 654)))
    below = _lines(("室内体育馆·科学实验室和图书馆-“教", (695, 591, 988, 606)),
                   ("室宽敞明亮,操场还有塑胶跑道,孩子很", (695, 615, 989, 630)),
                   ("喜欢。”送孩子上学的家长刘女士说。", (696, 639, 956, 654)),
                   ("因地制宜促增收", (784, 669, 900, 686)),
                   ("“以前看病要跑到老城区,路上就得", (733, 697, 989, 712)),
                   ("一个小时,新院区建在家门口,以后看病", (695, 721, 988, 736)))
    found = find_caption((693, 403, 990, 578), beside + column + below, 15.0)
    assert found is not None and found.side == "beside"
    assert found.lines == beside and found.credit is beside[-1]
