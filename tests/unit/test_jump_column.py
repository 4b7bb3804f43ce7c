"""A jump's notice set as a block of its own under another article's text in its column
(（上接第三版）): the notice and the column under it are the jump's, an article of their own (random
seed 2399, 28.6 px ming, 7 columns: the column under the notice was read as more of the article
above, the notice an article alone; article F1 0.88). Untitled, that column stands a gutter off the
last column of another jump (（上接第一版）, five columns under a rule), which starts level with its own
notice, 18 units under this one's: it stays that jump's. Boxes as the layout found them (working
page, unit 18)."""

from __future__ import annotations

from broadsheet.model import Line, Region, RegionType
from broadsheet.postprocess.articles import Headline
from broadsheet.postprocess.assemble import _cluster, _jump_in_below_text

Box = tuple[int, int, int, int]
UNIT = 18.0


def _block(name: str, kind: RegionType, box: Box, text: str) -> Region:
    return Region(name, kind, box, lines=[Line(text, box, 1.0)])


HEAD = Headline([_block("title", RegionType.TITLE, (786, 173, 1440, 325), "雁湖茶产业走出绿色发展新路子")],
                (786, 173, 1440, 325), (786, 1516))
ABOVE = _block("above", RegionType.TEXT, (1339, 351, 1516, 679), "乡村公路完成硬化本报讯记者赵磊报道：记者")
BESIDE = _block("beside", RegionType.TEXT, (1129, 351, 1306, 772), "周边继续增设站点，打通群众出行“最后一公")
NOTICE = _block("notice", RegionType.TEXT, (1352, 812, 1463, 830), "（上接第三版）")
BYLINE = _block("byline", RegionType.SUBHEAD, (1339, 843, 1482, 862), "本报讯 记者周敏")
UNDER = _block("under", RegionType.TEXT, (1339, 874, 1515, 1789), "为保护鸟类栖息环境，湿地公园在核心区设置")
# the other jump, under a rule ending left of the notice's column: its notice opens its first column
RULE = Region("s1", RegionType.SEPARATOR, (289, 1129, 1307, 1132))
OTHER = [_block("j1", RegionType.TEXT, (289, 1150, 465, 1787), "（上接第一版）"),
         _block("j2", RegionType.TEXT, (499, 1151, 675, 1788), "级医院建立了影像、"),
         _block("j3", RegionType.TEXT, (709, 1151, 885, 1787), "报任务完成进度，确"),
         _block("j4", RegionType.TEXT, (919, 1150, 1095, 1787), "的模式，由企业与茶"),
         _block("j5", RegionType.TEXT, (1129, 1151, 1305, 1695), "他说，今年他家种的")]


def test_the_column_under_a_jumps_own_notice_is_the_jumps():
    blocks = [ABOVE, BESIDE, NOTICE, BYLINE, UNDER]
    assert _jump_in_below_text(NOTICE, HEAD, blocks)
    assert _jump_in_below_text(BYLINE, HEAD, blocks)
    assert _jump_in_below_text(UNDER, HEAD, blocks)


def test_the_articles_own_text_beside_and_above_the_notice_stays_its():
    blocks = [ABOVE, BESIDE, NOTICE, BYLINE, UNDER]
    assert not _jump_in_below_text(ABOVE, HEAD, blocks)
    assert not _jump_in_below_text(BESIDE, HEAD, blocks)
    # a notice under its headline, no text of the column over it, is the article's own continuation
    assert not _jump_in_below_text(UNDER, HEAD, [NOTICE, UNDER])


def test_a_column_beside_a_jump_starting_far_under_its_notice_stays_with_its_own_jump():
    blocks = [NOTICE, BYLINE, UNDER] + OTHER
    groups = _cluster(blocks, [RULE], UNIT, blocks)
    assert sorted(sorted(b.id for b in g) for g in groups) == [["byline", "notice", "under"],
                                                               ["j1", "j2", "j3", "j4", "j5"]]


def test_a_rows_piece_boxed_apart_inside_a_jumps_block_stays_with_the_jump():
    # random seed 2415 (61.7 px kai, unit 17): `、多给`, the end of the jump's first row boxed apart
    # inside the column's block, starts two rows under the notice: still the jump's text
    notice = _block("r7", RegionType.TEXT, (235, 812, 368, 858), "（上接第一版）")
    column = _block("r8", RegionType.TEXT, (235, 867, 486, 1346), "各地应多搭平台")
    piece = _block("r10", RegionType.TEXT, (431, 867, 486, 883), "、多给")
    beside = _block("r11", RegionType.TEXT, (509, 813, 760, 1319), "校总投资2.6亿元，设有48个")
    blocks = [notice, column, piece, beside]
    assert len(_cluster(blocks, [], 17.0, blocks)) == 1


def test_a_column_between_two_jumps_runs_on_from_the_one_left_of_it():
    # random seed 2891 (13.9 px serif, 5 columns, no rules, unit 14): `（上接第二版）` atop the first
    # column, the next two columns its run, and another `（上接第二版）` atop the fourth; the third,
    # near both, was put with the jump to its right, and the two jumps were then read as one
    jump = _block("j1", RegionType.TEXT, (44, 1234, 220, 1434), "（上接第二版）")
    run = [_block("j2", RegionType.TEXT, (237, 1235, 414, 1434), "设科技、体育、艺术等兴趣"),
           _block("j3", RegionType.TEXT, (430, 1235, 607, 1722), "早、中、晚三餐，还为行动")]
    other = _block("k1", RegionType.TEXT, (624, 1234, 801, 1618), "（上接第二版）")
    blocks = [jump, *run, other]
    groups = _cluster(blocks, [], 14.0, blocks)
    assert sorted(sorted(b.id for b in g) for g in groups) == [["j1", "j2", "j3"], ["k1"]]
