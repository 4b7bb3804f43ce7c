"""A Chinese page's in-article subhead (小标题), set bold a little over body size, is measured as
headline type and used to start an article of its own (random seeds 4, 19, 37: `健全机制强保障`,
1.24 body heights, between two paragraphs of its column). It is the subhead of the article it
stands in; a title as big as a new article's, or a bold head on a Latin page (Der Nordstern's items),
still starts one. Hand-built layouts, assembled without OCR."""

from __future__ import annotations

from broadsheet.layout import PageLayout
from broadsheet.model import Line, Region, RegionType, union_bbox
from broadsheet.postprocess.assemble import assemble

UNIT = 17  # body line height, px
PITCH = 26
LEFT, RIGHT = 100, 340
CJK = "市城管局有关负责人表示环境卫生整治离不开广大市民的参与和支持"
LATIN = "The committee will meet on Monday to hear the report of the engineers on the new bridge"


def _column(region_id: str, top: int, rows: int, words: str) -> Region:
    lines = []
    for k in range(rows):
        y = top + k * PITCH
        start = LEFT + (2 * UNIT if k == 0 else 0)
        end = RIGHT if k < rows - 1 else RIGHT - 5 * UNIT
        text = words[k % 5:][:12] + ("。" if k == rows - 1 and words is CJK else "." if k == rows - 1 else "")
        lines.append(Line(text, (start, y, end, y + UNIT), 0.99))
    return Region(region_id, RegionType.TEXT, union_bbox([l.bbox for l in lines]), lines)


def _page(head_tall: float, words: str, head: str) -> PageLayout:
    title = Region("r1", RegionType.TITLE, (120, 40, 320, 80), [Line(words[:10], (120, 40, 320, 80), 0.99)])
    upper = _column("r2", 100, 6, words)
    top = upper.bbox[3] + UNIT // 2
    box = (150, top, 290, top + round(head_tall * UNIT))
    inner = Region("r3", RegionType.TITLE, box, [Line(head, box, 0.99)])
    lower = _column("r4", box[3] + UNIT // 2, 6, words[3:])
    return PageLayout((440, 600), UNIT, headlines=[[title], [inner]], text_blocks=[upper, lower])


def test_a_one_line_head_barely_over_body_size_inside_a_column_is_a_subhead():
    page = assemble(_page(1.24, CJK, "健全机制强保障"))
    assert [a.title for a in page.articles] == [CJK[:10]]
    assert [s.text for s in page.articles[0].subheads] == ["健全机制强保障"]
    assert page.articles[0].subheads[0].before == 1  # between the two paragraphs


def test_a_head_of_title_size_still_starts_an_article():
    page = assemble(_page(1.6, CJK, "健全机制强保障"))
    assert [a.title for a in page.articles] == [CJK[:10], "健全机制强保障"]


def test_on_a_latin_page_an_item_head_still_starts_an_article():
    page = assemble(_page(1.24, LATIN, "Fire."))
    assert [a.title for a in page.articles] == [LATIN[:10], "Fire."]
