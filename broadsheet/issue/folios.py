"""Page numbers as printed, and the order of an issue's pages.

A folio (`第4版`, `第四版`, `A2`, `Page 2`, `Seite 3`, `2`) and a jump notice's page (`下转第四版`,
`Continued on Page 4`) read as one number. The pages of an issue go in folio order when every
page has a folio of its own, else in file order; each page whose folio says another place than
the file order is reported either way.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
# a number after a section letter, `Page`, `Seite`, `第`; a folio alone on its line is a bare number
_PAGE_NUMBER = re.compile(r"(?:第\s*)?(?P<cjk>[0-9０-９零〇一二两三四五六七八九十百]+)\s*版"
                          r"|(?:\b(?:Page|Seite|Strana|P\.)\s*|\b[A-Z]\s?|^\s*)(?P<arabic>[0-9０-９]{1,3})[A-Z]?\b",
                          re.IGNORECASE)


def chinese_number(text: str) -> int | None:
    """`四` -> 4, `十二` -> 12, `二十` -> 20, `一百零二` -> 102; digits as they are (`4`, `１２`)."""
    text = text.strip()
    if not text:
        return None
    if text.isdigit():
        return int(text)  # int() reads full-width digits too
    if any(c not in _DIGITS and c not in "十百" for c in text):
        return None
    if all(c in _DIGITS for c in text):  # 一〇二: digit by digit
        return int("".join(str(_DIGITS[c]) for c in text))
    total, digit = 0, None
    for char in text:
        if char in _DIGITS:
            digit = _DIGITS[char]
        else:
            total += (digit if digit is not None else 1) * (10 if char == "十" else 100)
            digit = None
    return total + (digit or 0)


def page_number(text: str | None) -> int | None:
    """The page number a folio or a jump notice names: `第四版` -> 4, `A2` -> 2, `Page 2` -> 2."""
    if not text:
        return None
    match = _PAGE_NUMBER.search(text)
    if not match:
        return None
    return chinese_number(match.group("cjk") or match.group("arabic"))


@dataclass(frozen=True)
class PageOrder:
    order: list[int]  # indexes into the pages given, in issue order
    numbers: list[int]  # each given page's number in the issue: its folio's, or its place in the files
    by_folio: bool  # True: the folios gave the order; False: the file order stands
    warnings: list[str]


def order_pages(labels: list[str], places: list[int], folios: list[str | None]) -> PageOrder:
    """Issue order of the pages read, given in file order: `labels` name them in lines (`p03.jpg`),
    `places` are their 1-based places among the input's pages (a page that failed keeps its place
    empty), `folios` are as printed (None: no folio read)."""
    numbers = [page_number(f) for f in folios]
    distinct = None not in numbers and len(set(numbers)) == len(numbers)
    warnings = [f"{label}: folio {folio} (page {number}), file order says page {place}"
                for label, place, folio, number in zip(labels, places, folios, numbers)
                if number is not None and number != place]
    if distinct:
        return PageOrder(sorted(range(len(labels)), key=lambda i: numbers[i]), list(numbers), True, warnings)
    if any(n is not None for n in numbers):
        warnings.append(f"pages kept in file order: {_why_not(labels, numbers)}")
    return PageOrder(list(range(len(labels))), list(places), False, warnings)


def _why_not(labels: list[str], numbers: list[int | None]) -> str:
    missing = [label for label, n in zip(labels, numbers) if n is None]
    if missing:
        return f"no folio read on {', '.join(missing)}"
    twice = [n for n, count in Counter(numbers).items() if count > 1]
    return "; ".join(f"page {n} is the folio of {', '.join(l for l, m in zip(labels, numbers) if m == n)}"
                     for n in twice)
