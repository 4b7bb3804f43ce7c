"""The fixture issues' truth (fixtures/issues/*/truth.json) agrees with their pages' truth: every
article of every page in exactly one issue article, a jump's halves joined into one text, folios
in the bands, one zh page saved out of file order. Reads JSON only: no fonts, no OCR."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fixtures.issuetruth import load_issue_truth

ISSUES = Path(__file__).resolve().parents[2] / "fixtures" / "issues"
NAMES = sorted(p.parent.name for p in ISSUES.glob("*/truth.json"))
CJK_NUMBERS = {"一": 1, "二": 2, "三": 3, "四": 4}
ENDS_A_SENTENCE = re.compile(r"[。！？”.!?\"]$")


def jump_target(notice: str) -> int:
    """The page a notice names: 下转第四版 -> 4, Continued from Page 1 -> 1."""
    match = re.search(r"第(.)版|Page (\d+)", notice)
    return CJK_NUMBERS[match.group(1)] if match.group(1) else int(match.group(2))


def test_both_issues_are_there():
    assert NAMES == ["en", "zh"]
    assert [p.folio for p in load_issue_truth(ISSUES / "zh").pages] == ["第1版", "第2版", "第3版", "第4版"]
    assert [p.folio for p in load_issue_truth(ISSUES / "en").pages] == ["Page 1", "Page 2"]


@pytest.mark.parametrize("name", NAMES)
def test_pages_and_folios(name):
    truth = load_issue_truth(ISSUES / name)
    assert [p.number for p in truth.pages] == list(range(1, len(truth.pages) + 1))
    for page in truth.pages:
        assert truth.image(page.number).is_file()
        assert truth.page_truth(page.number).header.folio == page.folio
        assert truth.page_truth(page.number).source == page.source
    header = truth.page_truth(1).header
    assert (truth.facts.paper, truth.facts.date) == (header.paper, header.date)
    assert truth.facts.number


def test_one_zh_page_is_out_of_file_order():
    truth = load_issue_truth(ISSUES / "zh")
    files = sorted(p.source for p in truth.pages)
    assert [p.source for p in truth.pages] != files
    assert {p.folio: p.source for p in truth.pages} == {
        "第1版": "p01.jpg", "第2版": "p02.jpg", "第3版": "p04.jpg", "第4版": "p03.jpg"}


@pytest.mark.parametrize("name", NAMES)
def test_every_page_article_in_exactly_one_issue_article(name):
    truth = load_issue_truth(ISSUES / name)
    parts = [(part.page, part.article) for a in truth.articles for part in a.parts]
    expected = [(p.number, a.id) for p in truth.pages for a in truth.page_truth(p.number).articles]
    assert sorted(parts) == sorted(expected)
    assert len({a.id for a in truth.articles}) == len(truth.articles)


@pytest.mark.parametrize("name", NAMES)
def test_jumps_join_their_halves(name):
    truth = load_issue_truth(ISSUES / name)
    latin = name == "en"
    assert len(truth.continued) == {"en": 1, "zh": 2}[name]
    for jump in truth.continued:
        first = truth.page_truth(jump.first.page).article(jump.first.article)
        rest = truth.page_truth(jump.rest.page).article(jump.rest.article)
        assert (first.continued_to, rest.continued_from) == (jump.notice_to, jump.notice_from)
        assert jump_target(jump.notice_to) == jump.rest.page and jump_target(jump.notice_from) == jump.first.page
        assert rest.title == jump.jump_head and rest.kicker is None and rest.subtitle is None
        # the cut falls mid-sentence: the first half's last paragraph runs on into the rest's first
        assert not ENDS_A_SENTENCE.search(first.paragraphs[-1]), first.paragraphs[-1]
        joined = truth.article(jump.article)
        assert [(p.page, p.article) for p in joined.parts] == [
            (jump.first.page, jump.first.article), (jump.rest.page, jump.rest.article)]
        assert joined.title == first.title and joined.continued_to is None and joined.continued_from is None
        cut = first.paragraphs[-1] + (" " if latin else "") + rest.paragraphs[0]
        assert joined.paragraphs == first.paragraphs[:-1] + [cut] + rest.paragraphs[1:]
        assert truth.text(joined.id) == "\n".join(joined.text_blocks())
    heads = sorted(j.jump_head is not None for j in truth.continued)
    assert heads == ([True] if name == "en" else [False, True])  # zh: one with a jump head, one without


@pytest.mark.parametrize("name", NAMES)
def test_one_page_articles_keep_their_page_text(name):
    truth = load_issue_truth(ISSUES / name)
    for article in truth.articles:
        if article.joined:
            continue
        (part,) = article.parts
        page_article = truth.page_truth(part.page).article(part.article)
        assert article.id == f"p{part.page}_{part.article}"
        assert article.paragraphs == page_article.paragraphs and article.title == page_article.title
        assert article.continued_to is None and article.continued_from is None


@pytest.mark.parametrize("name", NAMES)
def test_as_issue_round_trips(name):
    from broadsheet.issue.model import Issue

    issue = load_issue_truth(ISSUES / name).as_issue()
    assert Issue.from_dict(issue.to_dict()) == issue
