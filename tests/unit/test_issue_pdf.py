"""ISSUE.pdf of the fixture issues, from their truth pages (no OCR): the pages in issue order (the
folios', not the files'), each page's text where its lines are, a bookmark per article, and a
joined article's bookmark with one per part on the pages of its parts."""

from __future__ import annotations

import json
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest

from broadsheet.evaluate import cer
from broadsheet.export import pdf
from broadsheet.export.order import document_order
from broadsheet.issue.model import ArticlePart, Issue, IssueArticle, IssuePage
from broadsheet.model import Page

ISSUES = Path(__file__).resolve().parents[2] / "fixtures" / "issues"


def fixture_issue(folder: Path) -> tuple[Issue, dict[int, Page]]:
    """The issue as its truth has it; page sources are file names inside the issue's folder."""
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    issue = Issue(
        source=str(folder),
        pages=[IssuePage(p["number"], p["name"], p["source"], p["source_page"], p["folio"], p["folio_number"])
               for p in truth["pages"]],
        articles=[IssueArticle(a["id"], [ArticlePart(**part) for part in a["parts"]], title=a["title"],
                               paragraphs=a["paragraphs"]) for a in truth["articles"]])
    pages = {p["number"]: Page.from_dict(json.loads((folder / p["truth"]).read_text(encoding="utf-8")))
             for p in truth["pages"]}
    return issue, pages


@pytest.mark.parametrize("name", ["zh", "en"])
def test_issue_pdf_of_a_fixture_issue(tmp_path, name):
    folder = ISSUES / name
    if not (folder / "truth.json").exists():
        pytest.skip(f"no fixture issue {folder}")
    issue, pages = fixture_issue(folder)
    path = pdf.write_issue(issue, pages, tmp_path)[0]  # no NAME.pdf in tmp_path: built from the images

    doc = pdfium.PdfDocument(path)
    assert len(doc) == len(issue.pages)
    for index, issue_page in enumerate(sorted(issue.pages, key=lambda p: p.number)):
        page = pages[issue_page.number]
        # the lines in the writers' document order (as the text layer has them), spaces aside
        expected = "".join(line.text for block in document_order(page) for region in block.regions
                           for line in region.lines).replace(" ", "")
        extracted = "".join(doc[index].get_textpage().get_text_range().split()).replace("\ufffe", "-")
        assert sorted(extracted) == sorted(expected)  # every character of its own page, none of another's
        assert cer(extracted, expected) <= 0.01
    doc.close()
    images = sum((folder / p.source).stat().st_size for p in issue.pages)
    assert path.stat().st_size <= 1.2 * images

    with pikepdf.open(path) as issue_pdf, issue_pdf.open_outline() as outline:
        page_of = {p.objgen: i for i, p in enumerate(issue_pdf.pages)}
        items = list(outline.root)
        assert [item.title for item in items] == [a.title for a in issue.articles]
        for item, article in zip(items, issue.articles):
            assert page_of[item.destination[0].objgen] == article.parts[0].page - 1
            if article.joined:
                assert [c.title for c in item.children] == [issue.page(p.page).folio for p in article.parts]
                assert [page_of[c.destination[0].objgen] for c in item.children] == \
                    [p.page - 1 for p in article.parts]
            else:
                assert not item.children
        assert sum(a.joined for a in issue.articles) >= 1
