"""The fixture issues (fixtures/issues/zh, fixtures/issues/en) page by page through the real
pipeline: every folio read from its header band, the jump lines on the right articles (`下转第四版`
on page 1's lead, `上接第一版` under the jump head on page 4, `Continued on Page 2` …), every page
read within 1% CER. Each page is read once per session (`issue_runs`: the pages as `broadsheet
issue` reads them). Also: the generator redraws the committed issues byte for byte (skipped
without the generator's fonts)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from broadsheet.evaluate import cer, evaluate_page
from broadsheet.model import Page
from fixtures.issuetruth import IssueTruth, load_issue_truth

ISSUES = Path(__file__).resolve().parent.parent / "fixtures" / "issues"
NAMES = sorted(p.parent.name for p in ISSUES.glob("*/truth.json"))
TRUTHS = {name: load_issue_truth(ISSUES / name) for name in NAMES}
PAGES = [(name, page.number) for name in NAMES for page in TRUTHS[name].pages]
MAX_PAGE_CER = 0.01
MAX_TITLE_CER = 0.1


@pytest.fixture(scope="module")
def read(issue_runs):
    """(prediction, truth, scores) of an issue page, as the session's `broadsheet issue` run read it."""
    done: dict[tuple[str, int], tuple] = {}

    def page(name: str, number: int):
        if (name, number) not in done:
            truth: IssueTruth = TRUTHS[name]
            out, _ = issue_runs(name)
            path = out / f"{Path(truth.page(number).source).stem}.json"
            pred = Page.from_dict(json.loads(path.read_text(encoding="utf-8")))
            gold = truth.page_truth(number)
            done[name, number] = (pred, gold, evaluate_page(pred, gold))
        return done[name, number]

    return page


def twin(read, name: str, number: int, article_id: str):
    """The predicted article that eval paired with the page truth's `article_id` (None: missed)."""
    pred, _, scores = read(name, number)
    pair = next(p for p in scores.pairs if p.gold_id == article_id)
    return pred.article(pair.pred_id) if pair.pred_id else None


@pytest.mark.parametrize("name,number", PAGES)
def test_folio_and_facts_read_from_the_band(read, name, number):
    pred, gold, _ = read(name, number)
    assert pred.header.folio == TRUTHS[name].page(number).folio
    assert (pred.header.paper, pred.header.date) == (gold.header.paper, gold.header.date)


@pytest.mark.parametrize("name,number", PAGES)
def test_page_reads_within_one_percent(read, name, number):
    _, _, scores = read(name, number)
    report = f"CER {scores.cer:.2%}, articles F1 {scores.article_f1:.3f}"
    assert scores.cer <= MAX_PAGE_CER, report
    assert scores.article_f1 == 1.0, report


@pytest.mark.parametrize("name,number", PAGES)
def test_jump_lines_on_their_articles_and_nowhere_else(read, name, number):
    """Every notice the truth has on this page is on the article paired with its truth article,
    and no other article of the page has one."""
    pred, gold, _ = read(name, number)
    expected = {}
    for article in gold.articles:
        if article.continued_from or article.continued_to:
            found = twin(read, name, number, article.id)
            assert found is not None, f"{article.id} not found"
            expected[found.id] = (article.continued_from, article.continued_to)
    got = {a.id: (a.continued_from, a.continued_to) for a in pred.articles if a.continued_from or a.continued_to}
    assert got == expected


@pytest.mark.parametrize("name", NAMES)
def test_jump_heads_read_as_titles(read, name):
    """The rest of a jump has the jump head as its title where one is printed, else no headline."""
    for jump in TRUTHS[name].continued:
        rest = twin(read, name, jump.rest.page, jump.rest.article)
        if jump.jump_head is None:
            assert (rest.kicker, rest.title, rest.subtitle) == (None, None, None)
        else:
            assert rest.kicker is None and rest.title is not None
            assert cer(rest.title, jump.jump_head) <= MAX_TITLE_CER, rest.title


def test_the_generator_redraws_the_issues_byte_for_byte(tmp_path):
    from fixtures.pagegen.fonts import FONT_FACES, available

    if not all(available(role) for role in FONT_FACES):
        pytest.skip("the generator's fonts are not installed (fixtures/README.md)")
    from fixtures.generate import render_issue
    from fixtures.pagegen.issues import ISSUES as SPECS

    for name in NAMES:
        out = tmp_path / name
        out.mkdir()
        render_issue(SPECS[name], out, clean=False)
        written = sorted(out.iterdir())
        assert [p.name for p in written] == sorted(p.name for p in (ISSUES / name).iterdir())
        for path in written:
            assert path.read_bytes() == (ISSUES / name / path.name).read_bytes(), f"{name}/{path.name} differs"
