"""A byline set under the title in the head's bold type: the article's byline, not its deck (hand-built
from random seed 2178, 11.8 px kai)."""

from __future__ import annotations

from broadsheet.layout import PageLayout
from broadsheet.model import Line, Region, RegionType, union_bbox
from broadsheet.postprocess.assemble import assemble


def _column(x0: int, x1: int, top: int, rows: int) -> Region:
    text = "市城管局有关负责人表示环境卫生整治离不开广大市民的参与和支持"
    lines = [Line(text[k % 8:][:8] + ("。" if k == rows - 1 else ""), (x0 + (26 if k == 0 else 0), top + k * 20,
                                                                       x1, top + k * 20 + 13), 0.99)
             for k in range(rows)]
    return Region("r9", RegionType.TEXT, union_bbox([l.bbox for l in lines]), lines)


def test_a_byline_set_bold_under_the_title_is_the_articles_byline_not_its_deck():
    # random seed 2178 (11.8 px kai): `本报记者 陈立军`, bold under a narrow column's six-row title, was
    # grouped with it as its deck: a false headline, and the article had no byline
    title_lines = [Line(text, (765, 114 + k * 24, 843, 133 + k * 24), 0.99)
                   for k, text in enumerate(["昌吉高新", "区为7家", "企业发放", "87万元", "清洁能源", "替代补贴"])]
    title = Region("r1", RegionType.TITLE, union_bbox([l.bbox for l in title_lines]), title_lines)
    box = (751, 271, 842, 284)
    byline = Region("r2", RegionType.SUBTITLE, box, [Line("本报记者 陈立军", box, 0.99)])
    layout = PageLayout((900, 700), 13.0, headlines=[[title, byline]], text_blocks=[_column(750, 843, 295, 12)])
    page = assemble(layout)
    assert [(a.title, a.subtitle, a.byline) for a in page.articles] == [
        ("昌吉高新区为7家企业发放87万元清洁能源替代补贴", None, "本报记者 陈立军")]
