"""Sanity checks of the committed fixture pages and their truth (no fonts needed)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from broadsheet.model import Page, RegionType, TextDirection

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PAGES = FIXTURES / "pages"
PAGE_NAMES = sorted(p.stem for p in PAGES.glob("*.json"))
MAX_FIXTURE_BYTES = 15 * 1024 * 1024


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def load(name: str) -> tuple[Page, np.ndarray, dict]:
    data = json.loads((PAGES / f"{name}.json").read_text(encoding="utf-8"))
    page = Page.from_dict(data)
    gray = np.asarray(Image.open(PAGES / page.source).convert("L"))
    return page, gray, data


def all_boxes(page: Page):
    for region in page.regions:
        yield region.id, region.bbox
        for k, line in enumerate(region.lines):
            yield f"{region.id}/line{k}", line.bbox
    for item in [*page.articles, *page.photos]:
        yield item.id, item.bbox


def column_starts(page: Page) -> tuple[int, int]:
    """(text regions that start a paragraph, text regions that continue one) over all articles."""
    starts = continues = 0
    for article in page.articles:
        offsets, total = set(), 0
        for paragraph in article.paragraphs:
            offsets.add(total)
            total += len(squash(paragraph))
        cursor = 0
        for region in (page.region(r) for r in article.regions):
            if region.type != RegionType.TEXT:
                continue
            if cursor in offsets:
                starts += 1
            else:
                continues += 1
            cursor += len(squash("".join(line.text for line in region.lines)))
    return starts, continues


def test_pages_exist():
    assert {"sample_a", "sample_b", "page_c", "page_d", "page_e", "page_f", "page_g"} <= set(PAGE_NAMES)


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_truth_round_trips_and_matches_image(name):
    page, gray, data = load(name)
    assert page.to_dict() == data
    assert gray.shape == (page.height, page.width)


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_boxes_inside_image(name):
    page, _, _ = load(name)
    for box_id, (x0, y0, x1, y1) in all_boxes(page):
        assert 0 <= x0 < x1 <= page.width and 0 <= y0 < y1 <= page.height, box_id


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_line_boxes_hold_ink(name):
    page, gray, _ = load(name)
    background = float(np.median(gray))
    for region in page.regions:
        for line in region.lines:
            x0, y0, x1, y1 = line.bbox
            crop = gray[y0:y1, x0:x1]
            # a caption line with a right-aligned credit is mostly gap, hence the modest share
            assert (crop < background - 60).mean() > 0.02, (region.id, line.text)
            assert crop.mean() < background, (region.id, line.text)


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_article_lines_spell_its_paragraphs(name):
    page, _, _ = load(name)
    for article in page.articles:
        regions = [page.region(r) for r in article.regions]
        assert all(r.article == article.id for r in regions)
        body = "".join(line.text for r in regions if r.type == RegionType.TEXT for line in r.lines)
        assert squash(body) == squash("".join(article.paragraphs)), article.id
        for role in ("kicker", "title", "subtitle"):
            drawn = "".join(line.text for r in regions if r.type == role for line in r.lines)
            assert squash(drawn) == squash(getattr(article, role) or ""), (article.id, role)
        if article.byline:
            assert article.paragraphs[0].startswith(article.byline)


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_captions_and_photos(name):
    page, gray, _ = load(name)
    for photo in page.photos:
        captions = [r for r in page.regions if r.type == RegionType.CAPTION and r.photo == photo.id]
        pictures = [r for r in page.regions if r.type == RegionType.PHOTO and r.photo == photo.id]
        assert len(captions) == 1 and len(pictures) == 1, photo.id
        assert pictures[0].bbox == photo.bbox
        drawn = "".join(line.text for line in captions[0].lines)
        assert squash(drawn) == squash("".join(photo.caption) + (photo.credit or "")), photo.id
        assert captions[0].lines[-1].text.endswith(photo.credit), photo.id
        if photo.article:
            assert photo.id in page.article(photo.article).photos
        x0, y0, x1, y1 = photo.bbox
        assert len(np.unique(gray[y0:y1, x0:x1])) > 64, f"{photo.id} is not continuous-tone"


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_reading_order_lists_articles_and_photo_news(name):
    page, _, _ = load(name)
    expected = {a.id for a in page.articles} | {p.id for p in page.photos if p.article is None}
    assert sorted(page.reading_order) == sorted(expected)
    assert len(page.reading_order) == len(expected)


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_vertical_lines_are_tall_headline_lines(name):
    page, _, _ = load(name)
    for region in page.regions:
        for line in region.lines:
            if line.direction != TextDirection.VERTICAL_RL:
                continue
            x0, y0, x1, y1 = line.bbox
            assert y1 - y0 > 2 * (x1 - x0), (region.id, line.text)
            assert region.type in (RegionType.KICKER, RegionType.TITLE, RegionType.SUBTITLE), region.id
        if region.type == RegionType.TITLE and len(region.lines) > 1:
            if all(line.direction == TextDirection.VERTICAL_RL for line in region.lines):
                # vertical-rl reading order: the right line first
                lefts = [line.bbox[0] for line in region.lines]
                assert lefts == sorted(lefts, reverse=True), region.id


@pytest.mark.parametrize(("name", "side"), [("page_f", "right"), ("page_g", "left")])
def test_vertical_title_stands_beside_its_body(name, side):
    page, _, _ = load(name)
    vertical = [
        r
        for r in page.regions
        if r.type == RegionType.TITLE and all(ln.direction == TextDirection.VERTICAL_RL for ln in r.lines)
    ]
    assert len(vertical) == 1
    title = vertical[0]
    article = page.article(title.article)
    assert squash(title.text) == squash(article.title)
    body = [page.region(r) for r in article.regions if page.region(r).type == RegionType.TEXT]
    assert len(body) >= 2
    top_of_body = min(r.bbox[1] for r in body)
    assert abs(title.bbox[1] - top_of_body) < 0.5 * (title.bbox[2] - title.bbox[0]), "top-aligned with the body"
    if side == "right":
        assert title.bbox[0] >= max(r.bbox[2] for r in body)
    else:
        assert title.bbox[2] <= min(r.bbox[0] for r in body)


def test_sample_truth_fixes_the_seed_defects():
    for name in ("sample_a", "sample_b"):
        page, _, _ = load(name)
        lead = page.article("a1")
        assert lead.kicker == "强信心 起好步 开新局"
        assert lead.title == "昌吉高新区第一季度10个项目集中复工开工 总投资20亿元"
        assert lead.byline == "本报讯 记者刘茜、通讯员宋华敏报道"
        text = "\n".join(lead.paragraphs)
        assert "今年2月底复工," in text and "延链、强链项目" in text
        assert any("揭短亮丑" in p for a in page.articles for p in a.paragraphs)
        photo_news_credits = [p.credit for p in page.photos if p.article is None]
        assert photo_news_credits == ["梁宏涛 摄", "本报记者 何春泉 摄"]


def test_paragraphs_both_continue_and_start_at_column_tops():
    starts = continues = 0
    for name in PAGE_NAMES:
        s, c = column_starts(load(name)[0])
        starts, continues = starts + s, continues + c
    # the first column of an article always starts a paragraph; we need more than those
    assert starts > sum(len(load(n)[0].articles) for n in PAGE_NAMES)
    assert continues > 0


def test_fixtures_fit_the_size_budget():
    files = [p for p in FIXTURES.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert sum(p.stat().st_size for p in files) < MAX_FIXTURE_BYTES
