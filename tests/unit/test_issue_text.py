"""ISSUE.txt on the Chinese fixture issue's truth pages made an issue by the issue step (no OCR):
each joined article once, whole, at its first part; every other text block of every page once."""

from __future__ import annotations

from broadsheet.export.issue_text import issue_text
from fixtures.issuetruth import load_issue_truth
from unit.test_issue_mets import ISSUE_DIR, truth_issue


def test_issue_text_holds_joined_articles_once_and_whole():
    issue, pages = truth_issue()
    text = issue_text(issue, pages)
    truth = load_issue_truth(ISSUE_DIR)
    for article in (a for a in issue.articles if a.joined):
        whole = "\n\n".join(article.text_blocks())
        assert text.count(whole) == 1, article.id
        assert "\n\n".join(truth.text(article.id).split("\n")) in text
    # nothing else lost or doubled: every block of every page is in it, jump notices aside
    blocks = text.rstrip("\n").split("\n\n")
    for page in pages.values():
        for block in page.text_blocks():
            joined_here = any(block in "\n".join(a.text_blocks()) for a in issue.articles if a.joined)
            notice = any(block in (a.continued_from, a.continued_to) for a in page.articles)
            assert block in blocks or joined_here or notice, block


def test_issue_text_in_issue_order():
    issue, pages = truth_issue()
    text = issue_text(issue, pages)
    firsts = [text.index(a.text_blocks()[0]) for a in issue.articles if a.text_blocks()]
    assert firsts == sorted(firsts)
