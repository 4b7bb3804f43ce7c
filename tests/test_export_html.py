"""NAME.html in headless Chromium: click an article, search, screenshot."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
from export_helpers import fixture_names, page_and_image, pages_under_test

from broadsheet.export import html
from broadsheet.model import RegionType

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--headless=new", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def test_html_is_self_contained_and_escapes_data(tmp_path):
    page, image = page_and_image("handmade")
    page.articles[1].paragraphs.append("</script><script>alert(1)</script> <!-- & ")
    path = html.write(page, image, tmp_path, "h")[0]
    text = path.read_text(encoding="utf-8")
    assert "http://" not in text and "https://" not in text  # no CDN, no network
    assert 'src="data:image/jpeg;base64,' in text
    assert text.count("</script>") == 2  # only the two real script ends
    data = re.search(r'<script type="application/json" id="page-data">(.*?)</script>', text, re.S).group(1)
    assert json.loads(data)["articles"][1]["paragraphs"][-1].startswith("</script>")


# the first fixture page when there is one, and the pages with a header band, subheads, own-line
# bylines, continuation notices and caption titles
CHROMIUM_PAGES = pages_under_test()[-1:] + [k for k in ("page_h", "page_i") if k in fixture_names()]


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium")
@pytest.mark.parametrize("key", list(dict.fromkeys(CHROMIUM_PAGES)))
def test_html_in_chromium(key, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    page, image = page_and_image(key)
    path = html.write(page, image, tmp_path, key)[0]
    article = next((a for a in page.articles if a.title and a.subheads), None) or \
        next(a for a in page.articles if a.title)
    title_region = next(r for r in page.regions if r.article == article.id and r.type == RegionType.TITLE)
    line_text = next(line.text for r in page.regions if r.type == RegionType.TEXT for line in r.lines if line.text)
    query = line_text[:4]
    expected_hits = sum(query.lower() in line.text.lower() for r in page.regions for line in r.lines)
    photo = page.photos[0]
    errors: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            view = browser.new_page(viewport={"width": 1400, "height": 1000})
            view.on("pageerror", lambda exc: errors.append(str(exc)))
            view.on("request", lambda req: None if req.url.startswith(("file:", "data:"))
                    else errors.append(f"network request {req.url}"))
            view.goto(path.as_uri())
            view.wait_for_function("document.getElementById('page-image').complete")
            assert view.locator(".region").count() == len(page.regions)
            assert view.locator(".line").count() == sum(len(r.lines) for r in page.regions)

            view.locator(f'.region[data-id="{title_region.id}"]').click()
            assert view.locator("#details h2").inner_text() == article.title
            assert view.locator("#details p.paragraph").count() == len(article.paragraphs)
            assert view.locator("#details h4.subhead").all_inner_texts() == [s.text for s in article.subheads]
            assert view.locator("#details .byline.apart").count() == int(article.byline_apart)
            selected = view.locator(".region.selected").count()
            assert selected == sum(r.article == article.id for r in page.regions)
            # the panel's blocks follow the article's body walk
            blocks = view.locator("#details .continuation, #details .byline.apart, #details p.paragraph, "
                                  "#details h4.subhead").all_inner_texts()
            assert blocks == article.body_blocks()

            for continued in (a for a in page.articles if a.continued_from or a.continued_to):
                region = next(r for r in page.regions if r.article == continued.id)
                view.locator(f'.region[data-id="{region.id}"]').click()
                notices = view.locator("#details p.continuation").all_inner_texts()
                assert notices == [n for n in (continued.continued_from, continued.continued_to) if n]

            if page.header:
                assert page.header.paper in view.locator("#page-header").inner_text()
                masthead = next(r for r in page.regions if r.type == RegionType.MASTHEAD)
                view.locator(f'.region[data-id="{masthead.id}"]').click()
                fields = {k: v for k, v in vars(page.header).items() if v}
                assert view.locator("#details dd").all_inner_texts() == list(fields.values())

            photo_region = next(r for r in page.regions if r.type == RegionType.PHOTO and r.photo == photo.id)
            view.locator(f'.region[data-id="{photo_region.id}"]').click()
            assert view.locator("#details canvas.crop").count() == 1
            captions = view.locator("#details p.caption").all_inner_texts()
            assert captions == photo.caption
            titles = view.locator("#details .caption-title").all_inner_texts()
            assert titles == ([photo.caption_title] if photo.caption_title else [])
            if photo.credit:
                assert view.locator("#details p.credit").inner_text() == photo.credit

            view.locator("#search").fill(query)
            hits = view.locator(".line.hit").count()
            assert hits > 0 and hits == expected_hits
            box = view.locator(".line.hit").first.bounding_box()
            assert box and box["width"] > 0 and box["height"] > 0
            view.screenshot(path=str(tmp_path / f"{key}.screenshot.png"), full_page=False)
            view.locator("#search").fill("")
            assert view.locator(".line.hit").count() == 0
        finally:
            browser.close()
    assert not errors, errors
    assert (tmp_path / f"{key}.screenshot.png").stat().st_size > 10_000


def hostile_page() -> tuple:
    """The hand-made page as if its file were called `javascript:alert(1).png`."""
    page, image = page_and_image("handmade")
    page = copy.deepcopy(page)
    for photo in page.photos:
        photo.image = f"javascript:alert(1)/photos/{photo.id}.jpg"
    return page, image


def test_crop_links_are_relative_whatever_the_file_is_called(tmp_path):
    page, image = hostile_page()
    text = html.write(page, image, tmp_path, "javascript:alert(1)")[0].read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="page-data">(.*?)</script>', text, re.S).group(1))
    assert data["crop_links"] == {p.id: f"javascript%3Aalert%281%29/photos/{p.id}.jpg" for p in page.photos}
    assert "full.href = p.image" not in text


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium")
def test_crop_link_in_chromium_is_a_file_url(tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    page, image = hostile_page()
    path = html.write(page, image, tmp_path, "javascript:alert(1)")[0]
    photo_region = next(r for r in page.regions if r.type == RegionType.PHOTO)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            view = browser.new_page()
            view.goto(path.as_uri())
            view.locator(f'.region[data-id="{photo_region.id}"]').click()
            link = view.locator("#details a.item", has_text="full-size crop")
            href = link.evaluate("a => a.href")
        finally:
            browser.close()
    assert href.startswith("file:///")
    assert href.endswith(f"/javascript%3Aalert%281%29/photos/{photo_region.photo}.jpg")
