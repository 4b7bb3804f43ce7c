"""A line the page prints and we read stays in the page's text and in every text format: none is
lost to another's place (a second byline row) or left out of a format (the header band in Markdown)."""

from __future__ import annotations

from broadsheet.export.markdown import page_markdown
from broadsheet.model import Line, Page, PageHeader, Region, RegionType


def _region(region_id: str, kind: RegionType, box: tuple[int, int, int, int], text: str = "x") -> Region:
    return Region(region_id, kind, box, [Line(text, box, 0.99)])


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
