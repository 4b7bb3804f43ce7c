"""The searchable PDF on fixture pages read by the real pipeline (a Chinese page and an English
one): PDFium's text of each page is broadsheet's, sampled lines are found where they are printed,
the file is no bigger than its scan allows, Chromium's viewer opens it; and an issue's PDF with a
bookmark per article.

How texts are compared: the text layer holds the page's lines in the writers' document order, so
PDFium's text is compared with those lines joined. PDFium ends its lines with CR LF and joins a line
ending in a hyphen to the next one (the hyphen as U+FFFE): whitespace runs count as one space, and
a hyphen's line break as none. Chinese is compared without any whitespace (a line break inside a
Chinese sentence is not a space)."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from conftest import FIXTURE_PAGES
from unit.test_pdf_text_layer import device_box

from broadsheet.evaluate import cer
from broadsheet.export import pdf
from broadsheet.export.order import document_order
from broadsheet.inputs import PageOrigin
from broadsheet.issue.model import ArticlePart, Issue, IssueArticle, IssuePage
from broadsheet.model import Page, TextDirection

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--headless=new", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
PAGES = {"page_c": "chinese", "page_j": "latin"}
SAMPLE_EVERY = 5  # every fifth line with a text of its own on the page is looked for


@pytest.fixture(scope="module")
def written(processed, tmp_path_factory) -> tuple[Path, dict[str, Page]]:
    """Each page as the session's real pipeline read it, its JSON and PDF written as batch writes them."""
    from copy import deepcopy

    from broadsheet.export import write_page
    from broadsheet.imageio import load_image

    out = tmp_path_factory.mktemp("pdf")
    pages = {}
    for name in PAGES:
        source = FIXTURE_PAGES / f"{name}.jpg"
        pages[name] = deepcopy(processed[name])  # the writers set the photos' crop paths
        write_page(pages[name], load_image(source), out, name, ("pdf", "json"), PageOrigin(source))
    return out, pages


def layer_lines(page: Page):
    return [line for block in document_order(page) for region in block.regions for line in region.lines
            if line.text.strip()]


def normalized(text: str, script: str) -> str:
    if script == "chinese":
        return "".join(text.split())
    return " ".join(re.sub(r"-\s+", "-", text.replace("\ufffe", "-")).split())


@pytest.mark.slow
@pytest.mark.parametrize("name", list(PAGES))
def test_pdf_text_is_the_pages_text(written, name):
    out, pages = written
    expected = normalized("\n".join(line.text for line in layer_lines(pages[name])), PAGES[name])
    doc = pdfium.PdfDocument(out / f"{name}.pdf")
    extracted = normalized(doc[0].get_textpage().get_text_range(), PAGES[name])
    assert len(expected) > 500
    assert cer(extracted, expected) <= 0.01, (extracted[:300], expected[:300])


@pytest.mark.slow
@pytest.mark.parametrize("name", list(PAGES))
def test_sampled_lines_are_found_where_they_are_printed(written, name):
    out, pages = written
    page = pages[name]
    lines = layer_lines(page)
    texts = [" ".join(line.text.split()) for line in lines]
    # a line whose text is not part of another's is found at its own place; the hyphen ending a
    # Latin line is left out (PDFium joins it to the next line)
    own = [line for line, text in zip(lines, texts)
           if len(text) >= 4 and sum(text.rstrip("-") in t for t in texts) == 1]
    sample = own[::SAMPLE_EVERY]
    assert len(sample) >= 10
    doc = pdfium.PdfDocument(out / f"{name}.pdf")
    view, text = doc[0], doc[0].get_textpage()
    for line in sample:
        key = " ".join(line.text.split()).rstrip("-")
        found = text.search(key, match_case=True).get_next()
        assert found is not None, key
        start, count = found
        x0, y0, x1, y1 = line.bbox
        across = (x1 - x0) if line.direction == TextDirection.VERTICAL_RL else (y1 - y0)
        slack = 0.02 * across + 1  # PDFium's box of the blank glyph is 1.5 % taller than its em; rounding
        for index in range(start, start + count):
            bx0, by0, bx1, by1 = device_box(view, text.get_charbox(index), (page.width, page.height))
            assert bx0 >= x0 - slack and by0 >= y0 - slack and bx1 <= x1 + slack and by1 <= y1 + slack, \
                (key, index, (bx0, by0, bx1, by1), line.bbox)


@pytest.mark.slow
@pytest.mark.parametrize("name", list(PAGES))
def test_pdf_is_no_bigger_than_its_scan_allows(written, name):
    out, _ = written
    source = FIXTURE_PAGES / f"{name}.jpg"
    size = (out / f"{name}.pdf").stat().st_size
    # measured: page_c 1.01x, page_j 1.03x (the JPEG's own bytes and a few KB of text layer)
    assert size <= 1.2 * source.stat().st_size, size / source.stat().st_size
    with pikepdf.open(out / f"{name}.pdf") as doc:
        image = next(iter(doc.pages[0].get_images().values()))
        assert image.read_raw_bytes() == source.read_bytes()  # not decoded, not re-encoded


def made_issue(pages: dict[str, Page]) -> Issue:
    """page_j as page 1 and page_c as page 2 (not their file order), one article joined across them,
    one untitled."""
    english, chinese = pages["page_j"], pages["page_c"]
    titled = next(a for a in chinese.articles if a.title)
    return Issue(
        source=str(FIXTURE_PAGES),
        pages=[IssuePage(1, "page_j", str(FIXTURE_PAGES / "page_j.jpg")),
               IssuePage(2, "page_c", str(FIXTURE_PAGES / "page_c.jpg"), folio="第2版", folio_number=2)],
        articles=[
            IssueArticle("j1", [ArticlePart(1, english.articles[0].id), ArticlePart(2, titled.id)],
                         title=english.articles[0].title),
            IssueArticle("p2_untitled", [ArticlePart(2, titled.id)], paragraphs=titled.paragraphs),
        ])


@pytest.mark.slow
@pytest.mark.parametrize("reuse", [True, False], ids=["pages-pdf", "from-images"])
def test_issue_pdf_has_its_pages_in_order_and_a_bookmark_per_article(written, tmp_path, reuse):
    out, pages = written
    issue = made_issue(pages)
    by_number = {1: pages["page_j"], 2: pages["page_c"]}
    folder = out if reuse else tmp_path  # without the pages' PDFs it builds them from the images
    path = pdf.write_issue(issue, by_number, folder)[0]
    assert path == folder / "ISSUE.pdf"
    doc = pdfium.PdfDocument(path)
    assert len(doc) == 2
    for index, name in enumerate(["page_j", "page_c"]):
        expected = normalized("\n".join(line.text for line in layer_lines(pages[name])), PAGES[name])
        assert cer(normalized(doc[index].get_textpage().get_text_range(), PAGES[name]), expected) <= 0.01
    doc.close()
    with pikepdf.open(path) as issue_pdf, issue_pdf.open_outline() as outline:
        page_of = {p.objgen: i for i, p in enumerate(issue_pdf.pages)}
        joined, untitled = outline.root
        assert joined.title == " ".join(issue.articles[0].title.split())
        assert untitled.title == pdf.bookmark_title(issue.articles[1]) and untitled.title.endswith("…")
        assert [c.title for c in joined.children] == ["page 1", "第2版"]
        assert [page_of[c.destination[0].objgen] for c in joined.children] == [0, 1]
        assert page_of[joined.destination[0].objgen] == 0 and page_of[untitled.destination[0].objgen] == 1
        # the bookmark's place: the top left of the article's box
        english = pages["page_j"]
        box = english.article(issue.articles[0].parts[0].article).bbox
        width, height, _ = pdf.display_frame(issue_pdf.pages[0])
        assert float(joined.destination[2]) == pytest.approx(box[0] * width / english.width, abs=0.01)
        assert float(joined.destination[3]) == pytest.approx(height - box[1] * height / english.height, abs=0.01)


def viewer_frame(view):
    """Chromium's PDF viewer: a frame of its own, which appears once the PDF has loaded."""
    for _ in range(100):
        frame = next((f for f in view.frames if f.url.startswith("chrome-extension://")), None)
        if frame is not None:
            return frame
        view.wait_for_timeout(100)
    raise AssertionError(f"no PDF viewer in {[f.url for f in view.frames]}")


@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium")
def test_pdfs_open_in_chromium(written, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    out, pages = written
    issue = pdf.write_issue(made_issue(pages), {1: pages["page_j"], 2: pages["page_c"]}, tmp_path)[0]
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            for path, count in [(out / "page_c.pdf", 1), (out / "page_j.pdf", 1), (issue, 2)]:
                view = browser.new_page(viewport={"width": 1000, "height": 1200})
                view.goto(path.as_uri())
                viewer = viewer_frame(view)
                # the viewer's toolbar has the document's name and its page count once PDFium has read it
                # (the bookmarks' sidebar names its entries `#title` too, once it is drawn)
                toolbar = viewer.locator("viewer-toolbar")
                sync_api.expect(toolbar.locator("#title")).to_have_text(path.name)
                sync_api.expect(toolbar.locator("#pagelength")).to_have_text(str(count))
                sync_api.expect(viewer.locator("viewer-thumbnail")).to_have_count(count)
                view.close()
        finally:
            browser.close()
