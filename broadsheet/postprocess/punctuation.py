"""One form for every punctuation mark of Chinese text, whichever form the recogniser read.

The recogniser reads a comma between two ideographs as `,` on one line and `，` on the next, and
now and then a closing `”` as `’`. A policy gives each mark between CJK text one form:

- `default`: the house style of the sample document: ASCII `,` `:` `;` `!` `?` `(` `)`, CJK quotes
  `“”‘’`, the enumeration comma `、` and the full stop `。`;
- `fullwidth`: GB/T 15834 full-width forms `，：；！？（）` with `“”‘’` `、` `。`;
- `as-read`: the policy off, marks as the recogniser read them.

A mark is between CJK text when the nearest character on either side that is not punctuation or
a space is CJK: `1,000` and `Photo: J. Smith` keep their ASCII marks on any page. Quotes are
paired over the lines of one region: Chinese nests single quotes inside double ones only, so a
`’` closing a `“` is a misread `”`, and a `‘` outside any double quote a misread `“`.

Before any policy (but `as-read`), a page that reads many `·` between ideographs reads its commas and
stops so (`stops_for_dots`): they become `，`.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

from broadsheet.charsets import IDEOGRAPHS, dot_between_ideographs
from broadsheet.postprocess.thresholds import DOTS_AS_STOPS, DOTS_AS_STOPS_SHARE


class Punctuation(StrEnum):
    DEFAULT = "default"
    FULLWIDTH = "fullwidth"
    AS_READ = "as-read"


_ASCII = ",:;!?()"
_FULL = "，：；！？（）"
_FORMS = {
    Punctuation.DEFAULT: dict(zip(_ASCII + _FULL, _ASCII * 2)),
    Punctuation.FULLWIDTH: dict(zip(_ASCII + _FULL, _FULL * 2)),
}
# forms of the enumeration comma and full stop no policy keeps between CJK text
_CJK_ONLY = {"､": "、", "｡": "。", "．": "。", ".": "。"}
_DOUBLE, _SINGLE = "\"＂“”", "'＇‘’"
_CJK = re.compile(f"[\u2e80-\u2fff\u3040-\u30ff{IDEOGRAPHS}]")  # radicals, kana, ideographs
_COMMA, _STOP_MARKS = "，", "，,。、"


def stops_for_dots(lines: list[str]) -> list[str]:
    """The page's lines (all of them) with each `·` between two ideographs read `，` where the page
    reads so many such dots (`DOTS_AS_STOPS`, `DOTS_AS_STOPS_SHARE` of its marks) that they are its
    type's commas and stops, set centred in their em, not dots it prints (the recogniser's own
    `DOT_AS_STOP` rule reads a dot as a stop only where it offers one)."""
    dots = [(n, k) for n, line in enumerate(lines) for k in range(len(line))
            if dot_between_ideographs(line, k)]
    marks = sum(ch in _STOP_MARKS for line in lines for ch in line)
    if len(dots) < DOTS_AS_STOPS or len(dots) < DOTS_AS_STOPS_SHARE * (marks + len(dots)):
        return list(lines)
    chars = [list(line) for line in lines]
    for n, k in dots:
        chars[n][k] = _COMMA
    return ["".join(line) for line in chars]


def punctuate(lines: list[str], policy: Punctuation | str) -> list[str]:
    """The lines of one region (read in order) with their marks in the policy's forms."""
    policy = Punctuation(policy)
    if policy == Punctuation.AS_READ:
        return list(lines)
    quotes = _Quotes()
    return ["".join(_mark(line, i, policy, quotes) for i in range(len(line))) for line in lines]


def _mark(line: str, i: int, policy: Punctuation, quotes: _Quotes) -> str:
    ch = line[i]
    if ch not in _FORMS[policy] and ch not in _CJK_ONLY and ch not in _DOUBLE + _SINGLE:
        return ch
    left, right = _neighbour(line, i, -1), _neighbour(line, i, 1)
    if not (_CJK.match(left) or _CJK.match(right)):
        return ch
    if ch in _DOUBLE + _SINGLE:
        return quotes.form(ch)
    if ch == "." and not _CJK.match(left):  # 0.52亿元, a decimal point before CJK
        return ch
    return _FORMS[policy].get(ch) or _CJK_ONLY[ch]


def _neighbour(line: str, i: int, step: int) -> str:
    """The nearest character from `i` in direction `step` that is neither a space nor punctuation."""
    i += step
    while 0 <= i < len(line) and (line[i].isspace() or unicodedata.category(line[i])[0] == "P"):
        i += step
    return line[i] if 0 <= i < len(line) else ""


class _Quotes:
    """Which quotes are open, over the lines of one region. A curled quote keeps its direction (one
    the recogniser dropped must not turn every later one round); a straight one opens or closes."""

    def __init__(self) -> None:
        self.double = False
        self.single = False

    def form(self, ch: str) -> str:
        double = ch in _DOUBLE
        if ch in _SINGLE and (not self.double or (ch == "’" and not self.single)):
            double = True  # outside double quotes, or closing the open “ with none single open
        opens = {"“": True, "‘": True, "”": False, "’": False}.get(ch)
        if double:
            self.double = (not self.double) if opens is None or ch in _SINGLE else opens
            return "“" if self.double else "”"
        self.single = not self.single if opens is None else opens
        return "‘" if self.single else "’"
