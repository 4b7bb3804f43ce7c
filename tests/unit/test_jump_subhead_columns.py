"""A jump's columns may open with subheads level with its notice (random seed 2459, 28.0 px kai, 8
columns, gutters of 0.68 em: `（上接第一版）` atop the first column, `守住底线保安全` and `培育龙头，延长茶 /
叶加工产业链条` atop the second and third): the wrapped subhead was taken for the title of an article of
its own (a false headline, article F1 0.94), and the columns under the subheads were not run on into
the jump, their text starting a pixel more than a row under the notice. Boxes as the layout found
them (working page, unit 15)."""

from __future__ import annotations

from broadsheet.model import Line, Region, RegionType
from broadsheet.postprocess.articles import promote_headings
from broadsheet.postprocess.assemble import _cluster

UNIT = 15.0
UNIT_2617 = 18.0  # random seed 2617's page


def _block(name: str, kind: RegionType, box: tuple[int, int, int, int], *texts: str) -> Region:
    return Region(name, kind, box, lines=[Line(text, box, 1.0) for text in texts])


def _page() -> tuple[Region, list[Region]]:
    jump = _block("r18", RegionType.TEXT, (446, 151, 624, 686), "（上接第一版）", "新能源公交上线")
    columns = [_block("r23", RegionType.SUBHEAD, (660, 151, 792, 169), "守住底线保安全"),
               _block("r22", RegionType.TEXT, (637, 182, 815, 661), "职业技能大赛落幕", "暑期托管服务时间为7"),
               _block("r27", RegionType.SUBHEAD, (841, 151, 992, 196), "培育龙头，延长茶", "叶加工产业链条"),
               _block("r26", RegionType.TEXT, (828, 209, 1006, 689), "防汛物资全部到位", "“第一天就卖了800多"),
               _block("r28", RegionType.TEXT, (1019, 152, 1197, 714), "务。", "农家书屋添新书")]
    return jump, columns


def test_a_wrapped_subhead_atop_a_column_a_jump_runs_into_is_no_title():
    jump, columns = _page()
    assert promote_headings([jump] + columns, [], [], UNIT) == []
    assert columns[2].type == RegionType.SUBHEAD


def test_a_column_opened_by_a_subhead_level_with_the_notice_goes_with_the_jump():
    jump, columns = _page()
    blocks = [jump] + columns
    groups = _cluster(blocks, [], UNIT, blocks)
    assert len(groups) == 1


def test_a_column_a_wide_gutter_beside_the_jump_goes_with_it():
    # random seed 2390 (65.9 px kai, unit 18): the page's gutters 2.4 units, wider than untitled text's
    # nearness; `因地制宜促增收` atop the column beside `（上接第二版）`, level with it, its text 43 px right
    # of the notice's column: the column was an untitled article of its own (article F1 0.94)
    notice = _block("r43", RegionType.TEXT, (1353, 3211, 1635, 3663), "（上接第二版）", "气象专家同时提醒市民，")
    columns = [_block("r8", RegionType.SUBHEAD, (1740, 3211, 1899, 3233), "因地制宜促增收"),
               _block("r49", RegionType.TEXT, (1678, 3248, 1961, 3433), "下一步，我市将持续推进"),
               _block("r53", RegionType.SUBHEAD, (1739, 3456, 1899, 3478), "健全机制强保障"),
               _block("r50", RegionType.TEXT, (1678, 3493, 1961, 3712), "目前，全市共有茶叶加工")]
    blocks = [notice] + columns
    assert len(_cluster(blocks, [], 18.0, blocks)) == 1
    # a column that wide a gutter off but starting rows under the notice is another item's
    lower = [_block("r60", RegionType.TEXT, (1678, 3400, 1961, 3712), "目前，全市共有茶叶加工")]
    assert len(_cluster([notice] + lower, [], 18.0, [notice] + lower)) == 2


def _photo_jump() -> tuple[list[Region], list[tuple[tuple[int, int, int, int], tuple[int, int, int, int]]]]:
    # random seed 2617 (24.6 px ming, unit 18): `（上接第三版）` atop the first column; the second column a
    # paragraph's end, 4 lines; a photo and its caption under the second to fourth columns, the third
    # opened by `守住底线 / 保安全` level with the notice
    blocks = [_block("r14", RegionType.TEXT, (52, 200, 224, 558), "（上接第三版）", "新能源公交上线"),
              _block("r19", RegionType.SUBHEAD, (90, 574, 171, 623), "打好基础", "求长远"),
              _block("r16", RegionType.TEXT, (53, 634, 223, 765), "口袋公园添新绿", "市教育局基础教育科"),
              _block("r20", RegionType.TEXT, (249, 200, 420, 304), "按照成本补偿、非营", "利原则确定，家庭经"),
              _block("r31", RegionType.SUBHEAD, (484, 200, 565, 248), "守住底线", "保安全"),
              _block("r29", RegionType.TEXT, (448, 259, 617, 334), "文明养犬倡议发", "布 本报讯 记者陈"),
              _block("r33", RegionType.TEXT, (644, 200, 814, 359), "卫生健康委获悉，市", "人民医院东院区建设")]
    return blocks, [((249, 375, 814, 687), (249, 696, 813, 787))]


def test_a_subhead_beside_a_jumps_column_ending_over_a_photo_is_no_title():
    # the second column ends 4 units over the photo, far short of the first's foot: the photo set under
    # the jump's columns fills it, and the subhead opens a column of the jump (main: a false headline)
    blocks, pictures = _photo_jump()
    assert promote_headings(blocks, [], [], UNIT_2617, pictures) == []
    assert blocks[4].type == RegionType.SUBHEAD


def test_a_subhead_beside_a_jumps_short_column_with_no_picture_under_it_is_a_title():
    # the same columns without the photo: the jump ends short in its second column (as seed 943's)
    blocks, _ = _photo_jump()
    assert [b.id for b in promote_headings(blocks, [], [], UNIT_2617)] == ["r31"]



def _short_column_jump(last: str) -> list[Region]:
    # random seed 2926 (35.6 px serif, unit 16): `（上接第一版）` atop the first of four columns; the third
    # ends a paragraph 3 units short of the first's foot, `科技赋能增动力` atop the fourth, level with
    # the notice (main: a false headline, article F1 0.80)
    return [_block("r3", RegionType.TEXT, (37, 172, 267, 570), "（上接第一版）", "认真组织召开组织生活"),
            _block("r5", RegionType.TEXT, (267, 172, 496, 469), "据统计，去年全市公共自", "式。"),
            _block("r8", RegionType.SUBHEAD, (310, 480, 435, 501), "因地制宜促增收"),
            _block("r7", RegionType.TEXT, (277, 507, 497, 554), "今年，我市继续扩大大豆", "玉米带状复合种植面积，推广"),
            _block("r10", RegionType.TEXT, (499, 172, 729, 520), "水肥一体化、测土配方施肥等", last),
            _block("r14", RegionType.SUBHEAD, (764, 173, 889, 194), "科技赋能增动力"),
            _block("r12", RegionType.TEXT, (731, 200, 961, 572), "市住建局相关负责人表", "恼。")]


def test_a_subhead_beside_a_jumps_column_ending_a_paragraph_short_is_no_title():
    # the head did not fit at the third column's foot: the column ends short by the head's depth more
    blocks = _short_column_jump("的环境。")
    assert promote_headings(blocks, [], [], 16.0) == []
    assert blocks[5].type == RegionType.SUBHEAD


def test_a_head_beside_a_jumps_column_ending_short_mid_sentence_heads_an_item():
    blocks = _short_column_jump("市经济社会发展营造和谐稳定")
    assert promote_headings(blocks, [], [], 16.0) == [blocks[5]]
