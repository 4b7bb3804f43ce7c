"""ISSUE.pdf of the fixture issues, from their truth pages (no OCR): the pages in issue order (the
folios', not the files'), each page with its own text, a bookmark per article, and a
joined article's bookmark with one per part on the pages of its parts."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest

from broadsheet.evaluate import cer
from broadsheet.export import pdf
from broadsheet.export.order import document_order
from fixtures.issuetruth import load_issue_truth

ISSUES = Path(__file__).resolve().parents[2] / "fixtures" / "issues"
NAMES = sorted(p.parent.name for p in ISSUES.glob("*/truth.json"))


@pytest.mark.parametrize("name", NAMES)
def test_issue_pdf_of_a_fixture_issue(tmp_path, name):
    folder = ISSUES / name
    truth = load_issue_truth(folder)
    issue = truth.as_issue()  # page sources relative to the issue's folder
    pages = {p.number: truth.page_truth(p.number) for p in issue.pages}
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
