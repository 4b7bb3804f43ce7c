"""A line the page prints and we read stays in the page's text and in every text format: none is
lost to another's place (a second byline row) or left out of a format (the header band in Markdown)."""

from __future__ import annotations

from broadsheet.export.markdown import page_markdown
from broadsheet.layout import PageLayout
from broadsheet.model import Line, Page, PageHeader, Region, RegionType
from broadsheet.postprocess.assemble import assemble


def _region(region_id: str, kind: RegionType, box: tuple[int, int, int, int], text: str = "x") -> Region:
    return Region(region_id, kind, box, [Line(text, box, 0.99)])


def test_a_second_byline_row_opens_the_text_and_the_first_stays_the_byline():
    # random seed 2531 (20 px): `本报记者 黄思远` on its own line over the text, whose first row `本报讯
    # 记者何丽` (娟 通讯员… on the next row) was taken for a byline line too, in its place: the article's
    # byline lost `本报记者 黄思远` from the page's text and its first paragraph `本报讯 记者何丽`
    title = _region("t1", RegionType.TITLE, (100, 40, 500, 80), "全市秋粮收获进入高峰期")
    signed = _region("b1", RegionType.TEXT, (340, 100, 500, 122), "本报记者 黄思远")
    rows = [("本报讯 记者何丽", (140, 140, 300, 162)), ("娟 通讯员张永强报道:记者从市住房和城乡", (100, 170, 500, 192)),
            ("建设局获悉,今年我市将投入资金1.2亿元。", (100, 200, 480, 222))]
    body = Region("b2", RegionType.TEXT, (100, 140, 500, 222), [Line(t, b, 0.99) for t, b in rows])
    page = assemble(PageLayout((600, 400), 20.0, headlines=[[title]], text_blocks=[signed, body]))
    article = page.articles[0]
    assert (article.byline, article.byline_apart) == ("本报记者 黄思远", True)
    assert article.paragraphs == ["本报讯 记者何丽娟 通讯员张永强报道:记者从市住房和城乡建设局获悉,"
                                  "今年我市将投入资金1.2亿元。"]


def test_markdown_opens_with_the_header_band_row_by_row():
    # random seed 2472 (9.3 px): the band `昌吉日报` / `2023年3月28日 星期二` beside it / `第3版 综合新闻` under
    # them, masthead regions in the JSON and its header fields, was in no line of NAME.md
    page = Page(1000, 800, header=PageHeader(paper="昌吉日报", folio="第3版", section="综合新闻",
                                             date="2023年3月28日 星期二"))
    page.regions = [_region("r1", RegionType.MASTHEAD, (40, 20, 300, 70), "昌吉日报"),
                    _region("r2", RegionType.MASTHEAD, (700, 40, 960, 60), "2023年3月28日 星期二"),
                    _region("r3", RegionType.MASTHEAD, (40, 90, 300, 110), "第3版 综合新闻"),
                    Region("r4", RegionType.UNREAD, (40, 130, 300, 150), [Line("", (40, 130, 300, 150), 0.0)])]
    blocks = page_markdown(page, "p").rstrip("\n").split("\n\n")
    assert blocks == ["昌吉日报 2023年3月28日 星期二  \n第3版 综合新闻"]  # nothing of the unread box
    page.regions = page.regions[3:]
    assert page_markdown(page, "p") == "\n"
