"""`broadsheet issue` on the rendered fixture issues (fixtures/issues/, with their issue truth), through
the real models: page order from the folios, every continuation joined and nothing else, the joined
articles' text against the truth's whole text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from broadsheet.evaluate.text import cer
from broadsheet.issue.model import Issue, IssueArticle

ISSUES = Path(__file__).resolve().parent.parent / "fixtures" / "issues"
JOINED_CER = 0.01  # issue 18: a joined article's text against the truth's whole text


def truth(name: str) -> dict:
    return json.loads((ISSUES / name / "truth.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=["zh", "en"])
def read(request, issue_runs) -> tuple[str, Issue, dict]:
    name = request.param
    out, result = issue_runs(name)
    assert result.batch.failed == [] and result.issue is not None
    assert Issue.from_dict(json.loads((out / "ISSUE.json").read_text(encoding="utf-8"))) == result.issue
    return name, result.issue, truth(name)


def text(article: IssueArticle) -> str:
    return "\n".join(article.text_blocks())  # as the truth's `text`: headlines, subheads, paragraphs


def test_pages_in_folio_order_and_the_facts(read) -> None:
    _, issue, gold = read
    assert [(p.number, p.name, p.folio, p.folio_number) for p in issue.pages] == [
        (p["number"], p["name"], p["folio"], p["folio_number"]) for p in gold["pages"]]
    assert vars(issue.facts) == gold["facts"]


def test_every_continuation_joined_and_nothing_else(read) -> None:
    _, issue, gold = read
    joined = {(a.id, tuple((p.page, p.article) for p in a.parts)) for a in issue.articles if a.joined}
    assert joined == {(c["article"], ((c["from"]["page"], c["from"]["article"]), (c["to"]["page"], c["to"]["article"])))
                      for c in gold["continued"]}
    assert [a.id for a in issue.articles] == [a["id"] for a in gold["articles"]]
    assert [w for w in issue.warnings if "folio" not in w] == []  # no jump unresolved, no page lost


def test_joined_articles_read_as_the_whole_text(read) -> None:
    _, issue, gold = read
    truth_of = {a["id"]: a for a in gold["articles"]}
    for article in (a for a in issue.articles if a.joined):
        assert cer(text(article), truth_of[article.id]["text"]) <= JOINED_CER, article.id
        # the paragraph cut at the jump is one again (a cut left costs the CER one character only)
        assert len(article.paragraphs) == len(truth_of[article.id]["paragraphs"]), article.id
        assert article.title == truth_of[article.id]["title"]  # from the first part, the jump head not repeated
        assert article.continued_from is None and article.continued_to is None


def twelve_page_pdf(path: Path) -> Path:
    """Pages 1 and 4 of the Chinese issue (第1版 and 第4版, one jump between them) at half size, then
    ten small pages without folios: twelve pages that read in about 15 s of CPU, the jump still
    joined (its notices name the folios)."""
    from test_batch import page

    pages = []
    for name in ("p01.jpg", "p03.jpg"):
        with Image.open(ISSUES / "zh" / name) as img:
            pages.append(img.convert("RGB").resize((img.width // 2, img.height // 2), Image.LANCZOS))
    pages += [page(n) for n in range(10)]
    pages[0].save(path, save_all=True, append_images=pages[1:], resolution=150)
    return path


def test_issue_text_holds_each_joined_article_once(read, issue_runs) -> None:
    name, issue, _ = read
    out, _ = issue_runs(name)
    text = (out / "ISSUE.txt").read_text(encoding="utf-8")
    for article in (a for a in issue.articles if a.joined):
        assert text.count("\n\n".join(article.text_blocks())) == 1, article.id
