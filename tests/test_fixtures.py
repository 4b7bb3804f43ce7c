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
# the fixture issues' pages (fixtures/issues/NAME/pNN.json beside the issue's truth.json), as `zh/p01`
ISSUES = FIXTURES / "issues"
ISSUE_PAGES = sorted(p.relative_to(ISSUES).with_suffix("").as_posix() for p in ISSUES.glob("*/p*.json"))
ALL_PAGES = PAGE_NAMES + ISSUE_PAGES
MAX_FIXTURE_BYTES = 15 * 1024 * 1024
MAX_ISSUE_BYTES = 3 * 1024 * 1024  # the fixture issues (issue 18), on top of the pages


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def join_lines(texts: list[str]) -> str:
    """Printed lines as running text: Latin lines join with a space, a line ending in a hyphenation
    hyphen (a letter then `-`) joins the next without it; real hyphens are never at a line end."""
    joined = ""
    for text in texts:
        if re.search(r"[^\W\d_]-$", joined):  # a letter, umlauts too
            joined = joined[:-1] + text
        else:
            joined += (" " if joined else "") + text
    return joined


def is_latin(page: Page) -> bool:
    text = "".join(p for a in page.articles for p in a.paragraphs)
    return sum(ch.isascii() for ch in text) > 0.9 * len(text)


BYLINE_MARKS = "■□◆● "


def load(name: str) -> tuple[Page, np.ndarray, dict]:
    path = (ISSUES if "/" in name else PAGES) / f"{name}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    page = Page.from_dict(data)
    gray = np.asarray(Image.open(path.parent / page.source).convert("L"))
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


def test_issue_pages_exist():
    assert ISSUE_PAGES == ["en/p1", "en/p2", "zh/p01", "zh/p02", "zh/p03", "zh/p04"]


def test_pages_exist():
    expected = {"sample_a", "sample_b", "page_c", "page_d", "page_e", "page_f", "page_g", "page_h", "page_i", "page_j",
                "page_k"}
    assert expected <= set(PAGE_NAMES)


@pytest.mark.parametrize("name", ALL_PAGES)
def test_truth_round_trips_and_matches_image(name):
    page, gray, data = load(name)
    assert page.to_dict() == data
    assert gray.shape == (page.height, page.width)


@pytest.mark.parametrize("name", ALL_PAGES)
def test_boxes_inside_image(name):
    page, _, _ = load(name)
    for box_id, (x0, y0, x1, y1) in all_boxes(page):
        assert 0 <= x0 < x1 <= page.width and 0 <= y0 < y1 <= page.height, box_id


@pytest.mark.parametrize("name", ALL_PAGES)
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


@pytest.mark.parametrize("name", ALL_PAGES)
def test_article_lines_spell_its_paragraphs(name):
    page, _, _ = load(name)
    for article in page.articles:
        regions = [page.region(r) for r in article.regions]
        assert all(r.article == article.id for r in regions)
        body = join_lines([line.text for r in regions if r.type == RegionType.TEXT for line in r.lines])
        assert squash(body) == squash("".join(article.paragraphs)), article.id
        if is_latin(page):  # words and spaces exactly, hyphenation undone
            assert body == " ".join(article.paragraphs), article.id
        for role in ("kicker", "title", "subtitle"):
            drawn = join_lines([line.text for r in regions if r.type == role for line in r.lines])
            assert squash(drawn) == squash(getattr(article, role) or ""), (article.id, role)
        bylines = [r for r in regions if r.type == RegionType.BYLINE]
        if article.byline_apart:
            assert len(bylines) == 1 and len(bylines[0].lines) == 1, article.id
            assert bylines[0].text.lstrip(BYLINE_MARKS) == article.byline, article.id
        else:
            assert not bylines, article.id
            if article.byline:
                assert article.paragraphs[0].startswith(article.byline)


@pytest.mark.parametrize("name", ALL_PAGES)
def test_body_blocks_stand_where_they_are_printed(name):
    """Continuation notices open / close the body, an own-line byline precedes the text, subheads stand
    between text regions in the order of their paragraphs, each region in its article's region list."""
    page, _, _ = load(name)
    for article in page.articles:
        regions = [page.region(r) for r in article.regions]
        body = [r for r in regions if r.type not in ("kicker", "title", "subtitle", "photo", "caption")]
        notices = [r for r in regions if r.type == RegionType.CONTINUATION]
        expected = [n for n in (article.continued_from, article.continued_to) if n]
        printed = [n if is_latin(page) else f"（{n}）" for n in expected]  # Latin: `Continued on Page 2`
        assert [r.text for r in notices] == printed, article.id
        if article.continued_from:
            assert body[0].type == RegionType.CONTINUATION, article.id
        if article.continued_to:
            assert body[-1].type == RegionType.CONTINUATION, article.id
        if article.byline_apart:
            first = 1 if article.continued_from else 0
            assert body[first].type == RegionType.BYLINE, article.id
        subheads = [r for r in regions if r.type == RegionType.SUBHEAD]
        assert [squash(r.text) for r in subheads] == [squash(s.text) for s in article.subheads], article.id
        befores = [s.before for s in article.subheads]
        assert befores == sorted(befores) and all(0 < b < len(article.paragraphs) for b in befores), article.id
        for region in subheads:
            k = body.index(region)
            assert body[k - 1].type == RegionType.TEXT and body[k + 1].type == RegionType.TEXT, region.id
            assert len(region.text.rstrip()) and region.text.rstrip()[-1] not in "。，；！？.,;!?", region.id
        # the text before a subhead ends exactly where its paragraph `before` starts
        text_before = ""
        for region in body:
            if region.type == RegionType.SUBHEAD:
                before = article.subheads[subheads.index(region)].before
                assert squash(text_before) == squash("".join(article.paragraphs[:before])), region.id
            elif region.type == RegionType.TEXT:
                text_before += "".join(line.text for line in region.lines)


@pytest.mark.parametrize("name", ALL_PAGES)
def test_header_is_drawn_in_masthead_regions(name):
    page, _, _ = load(name)
    assert page.header is not None and page.header.paper and page.header.date and page.header.folio
    masthead = [r for r in page.regions if r.type == RegionType.MASTHEAD]
    assert masthead and all(r.article is None and r.photo is None for r in masthead)
    printed = [line.text for r in masthead for line in r.lines]
    for value in vars(page.header).values():
        if value:
            assert any(value in text for text in printed), value
    owned = {r for a in page.articles for r in a.regions}
    assert not owned & {r.id for r in masthead}


@pytest.mark.parametrize("name", ALL_PAGES)
def test_captions_and_photos(name):
    page, gray, _ = load(name)
    for photo in page.photos:
        captions = [r for r in page.regions if r.type == RegionType.CAPTION and r.photo == photo.id]
        pictures = [r for r in page.regions if r.type == RegionType.PHOTO and r.photo == photo.id]
        assert len(captions) == 1 and len(pictures) == 1, photo.id
        assert pictures[0].bbox == photo.bbox
        drawn = "".join(line.text for line in captions[0].lines)
        expected = (photo.caption_title or "") + "".join(photo.caption) + (photo.credit or "")
        assert squash(drawn) == squash(expected), photo.id
        assert captions[0].lines[-1].text.endswith(photo.credit), photo.id
        if photo.caption_title:
            assert captions[0].lines[0].text == photo.caption_title, photo.id
        if photo.article:
            assert photo.id in page.article(photo.article).photos
        x0, y0, x1, y1 = photo.bbox
        assert len(np.unique(gray[y0:y1, x0:x1])) > 64, f"{photo.id} is not continuous-tone"


@pytest.mark.parametrize("name", ALL_PAGES)
def test_reading_order_lists_articles_and_photo_news(name):
    page, _, _ = load(name)
    expected = {a.id for a in page.articles} | {p.id for p in page.photos if p.article is None}
    assert sorted(page.reading_order) == sorted(expected)
    assert len(page.reading_order) == len(expected)


@pytest.mark.parametrize("name", ALL_PAGES)
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
    issues = [p for p in files if ISSUES in p.parents]
    assert sum(p.stat().st_size for p in files if p not in issues) < MAX_FIXTURE_BYTES
    assert sum(p.stat().st_size for p in issues) < MAX_ISSUE_BYTES


def body_line_height(page: Page) -> float:
    heights = [ln.bbox[3] - ln.bbox[1] for r in page.regions if r.type == RegionType.TEXT for ln in r.lines]
    return float(np.median(heights))


def test_page_h_inside_page_elements():
    page, _, _ = load("page_h")
    header = page.header
    assert all([header.paper, header.folio, header.section, header.date, header.staff])
    assert (header.folio, header.section) == ("第2版", "要闻·综合")
    masthead = [r for r in page.regions if r.type == RegionType.MASTHEAD]
    assert len(masthead) == 5 and all(len(r.lines) == 1 for r in masthead)
    assert sum(len(a.subheads) for a in page.articles) >= 2
    assert [a.continued_from for a in page.articles if a.continued_from] == ["上接第一版"]
    assert [a.continued_to for a in page.articles if a.continued_to] == ["下转第四版"]
    continued = next(a for a in page.articles if a.continued_from)
    assert continued.headlines == []
    apart = [a for a in page.articles if a.byline_apart]
    assert len(apart) == 1 and apart[0].byline == "本报记者 蔡茂楷" and len(apart[0].subheads) >= 2
    assert any(ln.direction == TextDirection.VERTICAL_RL for r in page.regions for ln in r.lines)
    assert any(p.article is None for p in page.photos)
    assert 10 <= body_line_height(page) <= 15, "body about 12 px"


def test_page_i_box_reversed_kicker_and_caption_title():
    page, gray, _ = load("page_i")
    titled = [p for p in page.photos if p.caption_title]
    assert len(titled) == 1 and titled[0].caption_title == "老外现场讲授“剪枝”" and titled[0].credit == "陈霞 摄"
    rules = [r.bbox for r in page.regions if r.type == RegionType.SEPARATOR]
    body = body_line_height(page)

    def framed(article) -> bool:
        x0, y0, x1, y1 = article.bbox
        horizontal = [b for b in rules if b[2] - b[0] > 5 * (b[3] - b[1]) and b[0] <= x0 and b[2] >= x1]
        vertical = [b for b in rules if b[3] - b[1] > 5 * (b[2] - b[0]) and b[1] <= y0 and b[3] >= y1]
        return (
            any(0 <= y0 - b[3] < 2 * body for b in horizontal)
            and any(0 <= b[1] - y1 < 2 * body for b in horizontal)
            and any(0 <= x0 - b[2] < 2 * body for b in vertical)
            and any(0 <= b[0] - x1 < 2 * body for b in vertical)
        )

    assert [a.id for a in page.articles if framed(a)] == ["a2"]
    kicker = next(r for r in page.regions if r.type == RegionType.KICKER and r.article == "a1")
    x0, y0, x1, y1 = kicker.lines[0].bbox
    crop = gray[y0:y1, x0:x1]
    background = float(np.median(gray))
    assert np.median(crop) < background - 80, "white letters on a dark box"
    assert (crop > background - 40).mean() > 0.1
    indented = [r for r in page.regions if r.type == RegionType.SUBHEAD]
    assert len(indented) >= 2
    assert [a.byline for a in page.articles if a.byline_apart] == ["本报记者 陈霞"]


def test_page_j_latin_gazette():
    page, _, _ = load("page_j")
    assert is_latin(page)
    assert page.header.paper == "FEDERAL GAZETTE" and page.header.folio == "Page 3"
    body = body_line_height(page)
    heads = [
        a
        for a in page.articles
        if a.title
        and all(
            ln.bbox[3] - ln.bbox[1] < 1.4 * body
            for r in page.regions
            if r.type == RegionType.TITLE and r.article == a.id
            for ln in r.lines
        )
    ]
    assert len(heads) >= 5
    lines = [ln.text for r in page.regions if r.type == RegionType.TEXT for ln in r.lines]
    assert any(re.search(r"[a-z]-$", t) for t in lines), "hyphenated line ends"
    assert any("BLM-managed" in p for a in page.articles for p in a.paragraphs)
    assert not any(t.endswith("BLM-") for t in lines)
    assert column_starts(page)[1] > 0, "a paragraph runs on into the next column"
    credits = [p.credit for p in page.photos]
    assert credits == ["Photo: J. Smith"]


def test_page_k_german_fraktur():
    page, _, _ = load("page_k")
    assert is_latin(page) and page.script == "Latn"
    assert page.header.paper == "Rheinischer Abendbote" and page.header.folio == "Seite 3"
    lines = [ln.text for r in page.regions if r.type == RegionType.TEXT for ln in r.lines]
    assert any(re.search(r"[a-zäöü]-$", t) for t in lines), "hyphenated line ends"
    paragraphs = " ".join(p for a in page.articles for p in a.paragraphs)
    # real hyphens, never at a line end: a capital after one, digits around one
    assert "Rhein-Main-Gebiet" in paragraphs and "1.-3. Juli" in paragraphs
    assert not any(t.endswith(("Rhein-", "Main-", "1.-")) for t in lines)
    assert "ſ" not in paragraphs  # modern spelling: the face has no long s
    assert [p.credit for p in page.photos] == ["Foto: Max Muster"]
