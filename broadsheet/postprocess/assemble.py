"""Turn a read layout into the final page (provisional: one article per page)."""

from __future__ import annotations

from broadsheet.layout import PageLayout
from broadsheet.model import Article, Page, union_bbox


def assemble(page_layout: PageLayout) -> Page:
    h, w = page_layout.image.shape[:2]
    regions = page_layout.regions
    for region in regions:
        region.bbox = page_layout.deskew.to_input(region.bbox)
        for line in region.lines:
            line.bbox = page_layout.deskew.to_input(line.bbox)
    articles = []
    if regions:
        articles.append(Article(id="a1", bbox=union_bbox([r.bbox for r in regions]),
                                paragraphs=[r.text for r in regions if r.text],
                                regions=[r.id for r in regions]))
    return Page(width=w, height=h, skew_angle=page_layout.deskew.angle, articles=articles,
                regions=regions, reading_order=[a.id for a in articles])
