"""The data of a whole issue: its pages in order, its articles (one joined across pages is one
article with a part per page), and what its header bands say of it.

`Issue.to_dict()` / `Issue.from_dict()` define `OUT/ISSUE.json` (schema in the README). The pages'
own documents stay in their `NAME.json` files; an article part names its page and the article id
on that page, so every box and confidence of a part is found there.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from broadsheet.model import Subhead, with_subheads

ISSUE_SCHEMA_NAME = "broadsheet.issue"
ISSUE_SCHEMA_VERSION = "1.0"


@dataclass
class IssueFacts:
    """What the header bands say of the issue: the first page that says each wins."""

    paper: str | None = None  # 昌吉日报 / The Evening Star
    date: str | None = None  # 2010年5月12日 星期三, as printed
    number: str | None = None  # 第5123期 / No. 28,291, as printed


@dataclass
class IssuePage:
    number: int  # 1-based place in the issue, in page order
    name: str  # output name: OUT/NAME.json, NAME.txt, NAME.alto.xml …
    source: str  # the input file, as given
    source_page: int = 1  # which page of that file (a PDF's or TIFF's pages), 1-based
    folio: str | None = None  # the folio as printed in the header band (第4版, A2, Page 2)
    folio_number: int | None = None  # the page number the folio reads as, None where there is none


@dataclass
class ArticlePart:
    page: int  # IssuePage.number
    article: str  # the article's id in that page's JSON


@dataclass
class IssueArticle:
    """An article of the issue. Fields as on a page's Article; a joined article has its headlines
    from the part that has them (its first), its body from all parts in order."""

    id: str  # unique in the issue: p1_a3 for a one-page article, j1, j2 … for joined ones
    parts: list[ArticlePart]
    kicker: str | None = None
    title: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    subheads: list[Subhead] = field(default_factory=list)
    continued_from: str | None = None  # a jump notice whose other half was not found, as printed
    continued_to: str | None = None
    photos: list[str] = field(default_factory=list)  # page photo ids as p{page}:{photo id}

    @property
    def joined(self) -> bool:
        return len(self.parts) > 1

    def text_blocks(self) -> list[str]:
        blocks = [h for h in (self.kicker, self.title, self.subtitle) if h]
        blocks += with_subheads(self.paragraphs, self.subheads)
        return [b for b in blocks if b.strip()]


@dataclass
class Issue:
    source: str  # the input: a PDF, a TIFF or a folder
    facts: IssueFacts = field(default_factory=IssueFacts)
    pages: list[IssuePage] = field(default_factory=list)
    articles: list[IssueArticle] = field(default_factory=list)  # in page order, joined ones at their first part
    warnings: list[str] = field(default_factory=list)  # folio disagreements, jumps not found …

    def page(self, number: int) -> IssuePage:
        return next(p for p in self.pages if p.number == number)

    def to_dict(self) -> dict[str, Any]:
        return {"schema": ISSUE_SCHEMA_NAME, "version": ISSUE_SCHEMA_VERSION, **asdict(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Issue:
        major = str(data.get("version", ISSUE_SCHEMA_VERSION)).split(".")[0]
        if data.get("schema") != ISSUE_SCHEMA_NAME or major != ISSUE_SCHEMA_VERSION.split(".")[0]:
            raise ValueError(f"not a {ISSUE_SCHEMA_NAME} {ISSUE_SCHEMA_VERSION.split('.')[0]}.x document")
        return cls(
            source=data["source"],
            facts=IssueFacts(**{k: data.get("facts", {}).get(k) for k in vars(IssueFacts())}),
            pages=[IssuePage(**p) for p in data.get("pages", [])],
            articles=[
                IssueArticle(**{**a, "parts": [ArticlePart(**part) for part in a["parts"]],
                                "subheads": [Subhead(**s) for s in a.get("subheads", [])]})
                for a in data.get("articles", [])
            ],
            warnings=list(data.get("warnings", [])),
        )
