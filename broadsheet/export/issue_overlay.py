"""OUT/ISSUE.<article id>.jpg: for each joined article, its parts drawn on their pages side by side.

Each part's page is drawn as the page overlay draws a page (`broadsheet.export.overlay.render`),
with only that part's regions (and its photos' captions), the pages scaled to one height and
put side by side in issue order; an arrow runs from the end of each part to the start of the next,
and a band on top names the article and where its parts are. Pages are read from the issue's
input (`IssuePage.source` / `source_page`) with the pipeline's own loaders.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from broadsheet.export.overlay import ORDER_COLOUR, _arrow, _font, render
from broadsheet.imageio import fit_jpeg, save_image_atomic
from broadsheet.inputs import iter_page_images
from broadsheet.issue.model import Issue, IssueArticle, IssuePage
from broadsheet.model import BBox, Page, RegionType

PANEL_HEIGHT = 1400  # each page's height in the picture: two pages stay within ~2200 px wide
GAP = 24  # between two pages
BAND = 56  # the title band on top
BACKGROUND = (255, 255, 255)


def picture_name(article: IssueArticle) -> str:
    return f"ISSUE.{article.id}.jpg"


def load_page_image(issue_page: IssuePage) -> np.ndarray:
    """The page's input image: page `source_page` of its file."""
    for number, source in enumerate(iter_page_images(issue_page.source), 1):
        if number == issue_page.source_page:
            return source.load()
    raise IndexError(f"{issue_page.source} has no page {issue_page.source_page}")


def part_page(page: Page, article_id: str) -> Page:
    """The page with only this article, its regions and its photos' captions."""
    article = page.article(article_id)
    photos = [p for p in page.photos if p.id in article.photos]
    photo_ids = {p.id for p in photos}
    regions = [r for r in page.regions
               if r.id in article.regions or (r.type == RegionType.CAPTION and r.photo in photo_ids)]
    return replace(page, articles=[article], photos=photos, regions=regions, reading_order=[article.id])


def _panel(page: Page, image: np.ndarray) -> tuple[Image.Image, float]:
    """The part's overlay at PANEL_HEIGHT, and the factor from page pixels to panel pixels."""
    drawn = render(page, image)
    s = PANEL_HEIGHT / drawn.height
    panel = drawn.resize((max(1, round(drawn.width * s)), PANEL_HEIGHT), Image.LANCZOS)
    return panel, panel.width / page.width


def _jump_ends(page: Page) -> tuple[BBox, BBox]:
    """Where the part starts and ends: its first and last jump notice (上接第一版 / 下转第四版),
    else its first and last text region."""
    by_id = {r.id: r for r in page.regions}
    regions = [by_id[rid] for rid in page.articles[0].regions if rid in by_id]
    notices = [r for r in regions if r.type == RegionType.CONTINUATION]
    text = [r for r in regions if r.type not in (RegionType.PHOTO, RegionType.CAPTION)] or regions
    if not text:
        return page.articles[0].bbox, page.articles[0].bbox
    return (notices or text)[0].bbox, (notices or text)[-1].bbox


def _scaled_center(bbox: BBox, s: float, x_offset: int) -> tuple[float, float]:
    return (x_offset + (bbox[0] + bbox[2]) / 2 * s, BAND + (bbox[1] + bbox[3]) / 2 * s)


def render_article(article: IssueArticle, pages: dict[int, Page], images: dict[int, np.ndarray]) -> Image.Image:
    panels = []
    ends = []  # per part: the centres of its first and last region, in picture pixels
    x = 0
    for part in article.parts:
        shown = part_page(pages[part.page], part.article)
        panel, s = _panel(shown, images[part.page])
        first, last = _jump_ends(shown)
        ends.append((_scaled_center(first, s, x), _scaled_center(last, s, x)))
        panels.append((x, panel))
        x += panel.width + GAP
    picture = Image.new("RGB", (max(1, x - GAP), BAND + PANEL_HEIGHT), BACKGROUND)
    for left, panel in panels:
        picture.paste(panel, (left, BAND))
    draw = ImageDraw.Draw(picture)
    for (_, end), (start, _) in zip(ends, ends[1:]):
        _arrow(draw, end, start, ORDER_COLOUR, 5)
    # ASCII only (the default font has no CJK glyphs): the title and folios are in the pages
    where = "  ->  ".join(f"page {p.page}, {p.article}" for p in article.parts)
    draw.text((12, BAND / 2), f"{article.id}: {where}", fill=(0, 0, 0), font=_font(28), anchor="lm")
    return picture


def write(issue: Issue, pages: dict[int, Page], out_dir: Path) -> list[Path]:
    written = []
    for article in issue.articles:
        if not article.joined:
            continue
        # one article's pages at a time: a whole issue's scans need not sit in memory at once
        images = {part.page: load_page_image(issue.page(part.page)) for part in article.parts}
        path = out_dir / picture_name(article)
        save_image_atomic(fit_jpeg(render_article(article, pages, images)), path, quality=85)
        written.append(path)
    return written
