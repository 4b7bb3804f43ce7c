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
