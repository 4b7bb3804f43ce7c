"""ISSUE.txt: the clean text of a whole issue, page by page in reading order, an article joined
across pages once and whole, where its first part stands; blocks separated by one blank line, as
in NAME.txt.

Per article: its headlines, a jump notice whose other half was not found (as printed), its
paragraphs with their subheads, then the captions of its photos on every page it runs over.
Photo-news at its place on its page.
"""

from __future__ import annotations

from pathlib import Path

from broadsheet.imageio import atomic_write
from broadsheet.issue.model import Issue, IssueArticle
from broadsheet.model import Article, Page


def issue_text(issue: Issue, pages: dict[int, Page]) -> str:
    return "\n\n".join(_blocks(issue, pages)) + "\n"


def _blocks(issue: Issue, pages: dict[int, Page]) -> list[str]:
    first_part = {(a.parts[0].page, a.parts[0].article): a for a in issue.articles}
    blocks: list[str] = []
    for entry in issue.pages:
        page = pages.get(entry.number)
        if page is None:
            continue
        for item in page.in_reading_order():
            if isinstance(item, Article):
                article = first_part.get((entry.number, item.id))
                if article is not None:  # a later part is in its article already
                    blocks += _article_blocks(article, pages)
            else:
                blocks += item.text_blocks()
    return [b for b in blocks if b.strip()]


def _article_blocks(article: IssueArticle, pages: dict[int, Page]) -> list[str]:
    headlines = [h for h in (article.kicker, article.title, article.subtitle) if h]
    body = article.text_blocks()[len(headlines):]
    blocks = headlines + ([article.continued_from] if article.continued_from else []) + body
    blocks += [article.continued_to] if article.continued_to else []
    for photo_id in article.photos:
        page_number, _, photo = photo_id.partition(":")
        page = pages.get(int(page_number[1:]))
        found = next((p for p in page.photos if p.id == photo), None) if page else None
        blocks += found.text_blocks() if found else []
    return blocks


def write(issue: Issue, pages: dict[int, Page], out_dir: Path) -> list[Path]:
    path = out_dir / "ISSUE.txt"
    with atomic_write(path) as handle:
        handle.write(issue_text(issue, pages))
    return [path]
