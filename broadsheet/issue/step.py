"""The issue step: pages already read, put in order and made one issue.

Input: each page's `Page` (read back from OUT/NAME.json) with where it came from. Output: an
`Issue` whose pages are in issue order (`folios.order_pages`), whose articles are in that order,
page by page in each page's reading order, a joined article at its first part
(`continuations`), and whose facts come from the header bands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from broadsheet.issue.continuations import Part, join_paragraphs, match_parts, read_part
from broadsheet.issue.folios import order_pages, page_number
from broadsheet.issue.model import ArticlePart, Issue, IssueArticle, IssueFacts, IssuePage
from broadsheet.model import Article, Page, RegionType, Subhead

# the issue's number as its band prints it: 第5123期, 总第5123期, No. 28,291, Vol. 31, No. 123
ISSUE_NUMBER = re.compile(r"(?:总)?第\s*\d+\s*期|(?:\bVol\.?\s*(?:\d+|[IVXLCDM]+),?\s*)?\bNo\.\s*\d(?:[\d,]*\d)?",
                          re.IGNORECASE)


@dataclass
class ReadPage:
    """A page of the input that was read, in file order."""

    label: str  # how lines name it: p03.jpg, issue.pdf[p003]
    place: int  # 1-based place among the input's pages, a failed page's place counted
    name: str  # its output name
    source: str  # the input file, as given
    source_page: int  # which page of that file, 1-based
    page: Page


def build_issue(source: str, read: list[ReadPage]) -> Issue:
    """The issue of the pages read: ordered, numbered, articles joined; `warnings` say where the
    folios and the file order disagree and which jumps found no other half."""
    folios = [r.page.header.folio if r.page.header else None for r in read]
    order = order_pages([r.label for r in read], [r.place for r in read], folios)
    issue = Issue(source=source, warnings=list(order.warnings))
    in_order = [read[i] for i in order.order]
    for i in order.order:
        issue.pages.append(IssuePage(order.numbers[i], read[i].name, read[i].source, read[i].source_page,
                                     folios[i], page_number(folios[i])))
    issue.facts = _facts([r.page for r in in_order])
    parts = [read_part(entry.number, article)
             for entry, r in zip(issue.pages, in_order) for article in _articles(r.page)]
    links, problems = match_parts(parts, _resolver(issue.pages))
    issue.warnings += problems
    followers = set(links.values())
    joined = 0
    for start, part in enumerate(parts):
        if start in followers:
            continue
        chain = [start]
        while chain[-1] in links:
            chain.append(links[chain[-1]])
        if len(chain) > 1:
            joined += 1
            issue.articles.append(_joined([parts[i] for i in chain], f"j{joined}"))
        else:
            issue.articles.append(_one_page(part))
    return issue


def _articles(page: Page) -> list[Article]:
    return [item for item in page.in_reading_order() if isinstance(item, Article)]


def _resolver(pages: list[IssuePage]):
    """A notice's page number -> the issue page it names: the one page whose folio reads so, or where
    no page has that folio, the one by that number that has no folio (None: none, or several)."""
    def resolve(number: int | None) -> int | None:
        if number is None:
            return None
        by_folio = [p.number for p in pages if p.folio_number == number]
        if by_folio:
            return by_folio[0] if len(by_folio) == 1 else None
        return next((p.number for p in pages if p.number == number and p.folio_number is None), None)
    return resolve


def _facts(pages: list[Page]) -> IssueFacts:
    facts = IssueFacts()
    for page in pages:
        header = page.header
        facts.paper = facts.paper or (header.paper if header else None)
        facts.date = facts.date or (header.date if header else None)
        if facts.number is None:
            band = " ".join(r.text for r in page.regions if r.type == RegionType.MASTHEAD)
            if match := ISSUE_NUMBER.search(band):
                facts.number = " ".join(match.group().split())
    return facts


def _photos(part: Part) -> list[str]:
    return [f"p{part.page}:{photo}" for photo in part.article.photos]


def _one_page(part: Part) -> IssueArticle:
    article = part.article
    return IssueArticle(
        id=f"p{part.page}_{article.id}", parts=[ArticlePart(part.page, article.id)],
        kicker=article.kicker, title=article.title, subtitle=article.subtitle, byline=article.byline,
        paragraphs=list(part.paragraphs), subheads=[Subhead(s.text, s.before) for s in article.subheads],
        # a notice no jump was read from stays as printed
        continued_from=part.came.notice if part.came else article.continued_from,
        continued_to=part.to.notice if part.to else article.continued_to, photos=_photos(part))


def _joined(chain: list[Part], article_id: str) -> IssueArticle:
    """Headlines from the first part (a jump head over a later one is not the story's title again),
    the body of every part in order, the paragraph cut at each jump made one again."""
    first, last = chain[0], chain[-1]
    paragraphs = list(first.paragraphs)
    subheads = [Subhead(s.text, s.before) for s in first.article.subheads]
    for part in chain[1:]:
        offset = len(paragraphs)
        at_cut = any(s.before >= offset for s in subheads) or any(s.before == 0 for s in part.article.subheads)
        paragraphs, cut_joined = join_paragraphs(paragraphs, list(part.paragraphs), at_cut)
        shift = offset - 1 if cut_joined else offset
        subheads += [Subhead(s.text, s.before + shift) for s in part.article.subheads]
    return IssueArticle(
        id=article_id, parts=[ArticlePart(p.page, p.article.id) for p in chain],
        kicker=first.article.kicker, title=first.article.title, subtitle=first.article.subtitle,
        byline=next((p.article.byline for p in chain if p.article.byline), None),
        paragraphs=paragraphs, subheads=subheads,
        continued_from=first.came.notice if first.came else None, continued_to=last.to.notice if last.to else None,
        photos=[photo for part in chain for photo in _photos(part)])


def issue_article(article_id: str, parts: list[Part]) -> IssueArticle:
    """The issue's article made of these parts in order, as `build_issue` makes it (one part: a
    one-page article, whose id is its page's and its own); `read_mets` rebuilds a package's so."""
    return _joined(parts, article_id) if len(parts) > 1 else _one_page(parts[0])
