"""Articles that run across pages: their jump notices read, their parts matched and joined.

A jump is a notice of either direction (`下转第四版`, `转4版`, `Continued on Page 4`, `See TROTSKY,
Page 4` / `上接第一版`, `接1版`, `Continued from Page 1`) with the page it names and its jump
words: the head a paper prints with it (`See TROTSKY, Page 4`, `TROTSKY (Continued from Page 1)`).
An article whose jump goes to page N is joined to the article on page N whose jump comes from the
article's own page; among several such, the one whose head words match its own (the jump words, or
its title). Two articles neither of which has a jump to the other are never joined.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from broadsheet.charsets import IDEOGRAPH
from broadsheet.issue.folios import page_number
from broadsheet.issue.thresholds import CJK_HEAD_OVERLAP, LATIN_HEAD_WORD
from broadsheet.model import Article
from broadsheet.postprocess.notices import continuation
from broadsheet.postprocess.paragraphs import ends_sentence, join_lines

_SEE = re.compile(r"^See\s+(?P<words>.+?),\s*(?:Page|P\.)", re.IGNORECASE)
# a head printed with its notice: `TROTSKY (Continued from Page 1)`, `春耕生产（上接第一版）`
_HEADED = re.compile(r"^(?P<head>.*?)\s*[（(]\s*(?P<notice>[^()（）]+?)\s*[）)]\s*$", re.S)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Jump:
    came_from: bool  # True: the text came from page `page`; False: it goes on on page `page`
    page: int | None  # the page number the notice names
    words: str | None  # the jump head printed with it (TROTSKY), None when none
    notice: str  # as printed, without brackets


def parse_jump(text: str | None) -> Jump | None:
    """A notice alone (`(下转第四版)`, `See TROTSKY, Page 4`) or after its head (`TROTSKY (Continued
    from Page 1)`); None for anything else."""
    if not text:
        return None
    found = continuation(text)
    head = None
    if found is None and (match := _HEADED.match(text)) and match.group("head"):
        found, head = continuation(match.group("notice")), match.group("head").strip(" -—:：,，")
    if found is None:
        return None
    notice, came_from = found
    if (see := _SEE.match(notice)) is not None:
        head = see.group("words")
    return Jump(came_from, page_number(notice), head or None, notice)


def trailing_jump(paragraph: str) -> tuple[str, Jump] | None:
    """A paragraph that ends in a notice the layout left in it (`…人员。(下转第四版)`): the text
    before the notice and the jump."""
    match = re.search(r"[（(]\s*([^()（）]+?)\s*[）)]\s*$", paragraph)
    if match is None or (jump := parse_jump(match.group(1))) is None or jump.came_from:
        return None
    return paragraph[:match.start()].rstrip(), jump


def heads_match(a: str | None, b: str | None) -> bool | None:
    """Whether two heads name one story (a jump head and a title, two titles): None when either is
    missing or too short to tell. CJK: most of the shorter one's character pairs in the other; Latin:
    a long word shared."""
    if not a or not b:
        return None
    a, b = a.casefold(), b.casefold()
    if IDEOGRAPH.search(a) or IDEOGRAPH.search(b):
        a, b = "".join(IDEOGRAPH.findall(a)), "".join(IDEOGRAPH.findall(b))
        pairs = [set(s[i:i + 2] for i in range(len(s) - 1)) or {s} for s in (a, b)]
        shorter = min(pairs, key=len)
        return len(pairs[0] & pairs[1]) >= CJK_HEAD_OVERLAP * len(shorter)
    words = [{w for w in _WORD.findall(s) if len(w) >= LATIN_HEAD_WORD} for s in (a, b)]
    if all(words):
        return bool(words[0] & words[1])
    # a head of short words only (TAX): one head's words all in the other, else nothing to tell
    short, other = sorted((set(_WORD.findall(s)) for s in (a, b)), key=len)
    return True if short and short <= other else None


@dataclass
class Part:
    """One page's article as the issue step sees it: its jumps, and the text the join needs."""

    page: int  # IssuePage.number
    article: Article
    to: Jump | None = None
    came: Jump | None = None
    head: str | None = None  # a jump head printed over the part (TROTSKY): not the story's title
    paragraphs: list[str] = field(default_factory=list)  # the body without notices left in it


def read_part(page: int, article: Article) -> Part:
    """The jumps of one article: its notices, or a notice its title or last paragraph still holds."""
    part = Part(page, article, paragraphs=list(article.paragraphs))
    part.to = parse_jump(article.continued_to)
    if part.to is None and part.paragraphs and (trailing := trailing_jump(part.paragraphs[-1])):
        part.paragraphs[-1], part.to = trailing
        part.paragraphs = [p for p in part.paragraphs if p]
    part.came = parse_jump(article.continued_from)
    headed = parse_jump(article.title)
    if headed is not None and headed.came_from:
        part.head = headed.words or None
        part.came = part.came or headed
    elif part.came is not None:
        # a part continued from elsewhere prints at most a jump head over it, not the story's title
        part.head = part.came.words or article.title
    return part


def match_parts(parts: list[Part], resolve: Callable[[int | None], int | None]) -> tuple[dict[int, int], list[str]]:
    """Links from part to part (indexes into `parts`): `to` jumps matched with `came` jumps, and a
    line for each jump left unmatched. `resolve` maps a notice's page number to a page of the issue
    (None: no such page, or no one page by that number)."""
    problems: list[str] = []
    scores: dict[int, dict[int, int]] = {}  # source -> candidate -> 1 (heads agree) or 0 (not known)
    for i, part in enumerate(parts):
        if part.to is None:
            continue
        target = resolve(part.to.page)
        if target is None:
            problems.append(f"{_name(part)}: {part.to.notice}: no such page in the issue")
            continue
        scores[i] = {}
        for j, other in enumerate(parts):
            if other.page != target or other.came is None or j == i or resolve(other.came.page) != part.page:
                continue
            agree = heads_match(part.to.words or part.article.title, other.head)
            if agree is not False:  # both heads printed and naming two stories: not its continuation
                scores[i][j] = int(bool(agree))
    links: dict[int, int] = {}
    # settle the sure pairs first: each one's best of the other, better than any rival; then again
    while pending := {i: c for i, c in scores.items() if i not in links and set(c) - set(links.values())}:
        sure = {}
        for i, candidates in pending.items():
            free = {j: s for j, s in candidates.items() if j not in links.values()}
            best = max(free, key=free.get)
            rivals = [pending[k].get(best, -1) for k in pending if k != i]
            if sorted(free.values())[-2:-1] != [free[best]] and all(r < free[best] for r in rivals):
                sure[i] = best
        if not sure:
            break
        links.update(sure)
    for i, candidates in scores.items():
        if i in links:
            continue
        free = set(candidates) - set(links.values())
        why = ("no article there continues it" if not candidates
               else "its continuation was taken by another article" if not free
               else "more than one article there could continue it" if len(free) > 1
               else "another jump fits the article there as well")
        problems.append(f"{_name(parts[i])}: {parts[i].to.notice}: {why}")
    for j, part in enumerate(parts):
        if part.came is not None and j not in links.values():
            why = "no such page in the issue" if resolve(part.came.page) is None else "no article there jumps here"
            problems.append(f"{_name(part)}: {part.came.notice}: {why}")
    return links, problems


def _name(part: Part) -> str:
    return f"page {part.page} {part.article.id}"


def join_paragraphs(first: list[str], then: list[str], subhead_between: bool) -> tuple[list[str], bool]:
    """The body of two parts in order, the paragraph cut at the jump made one again where the first
    part's last paragraph does not end a sentence (and no subhead stands at the cut); True when joined."""
    if first and then and not subhead_between and not ends_sentence(first[-1]):
        return [*first[:-1], join_lines(first[-1], then[0]), *then[1:]], True
    return [*first, *then], False
