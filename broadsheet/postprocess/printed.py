"""Every line's text as the page prints it: the spaces it prints, its own script, one form of
each punctuation mark (`broadsheet.postprocess.punctuation`).

Spaces come from the blanks the OCR stage measured between neighbouring characters (`Line.gaps`),
never from guessing at words: a credit `本报记者 刘茜 摄` is read as `本报记者刘茜摄`, and its
blanks (0.7 line heights against 0.15) say where the spaces are. A line without measured blanks
keeps the spaces it was read with.

Credits and bylines print an ASCII space, a quarter of an em in a CJK face, between their parts
(`本报记者 刘茜 摄`, `本报讯 记者刘茜`): a blank no wider than the one a narrow glyph leaves
(日, 月, 刘茜 on sample_b: 0.24 over the usual). There, and only there (after the dateline and
the role, before 摄 or 供图), a narrower blank is a space; the words say where a space may
stand, the blank whether it does.
"""

from __future__ import annotations

import re
import statistics
import unicodedata

from broadsheet.charsets import WIDE
from broadsheet.layout import PageLayout
from broadsheet.model import RegionType
from broadsheet.postprocess.captions import CREDIT_AT_END
from broadsheet.postprocess.notices import ORNAMENTS, ROLE
from broadsheet.postprocess.punctuation import Punctuation, punctuate, stops_for_dots
from broadsheet.postprocess.script import in_script, page_script
from broadsheet.postprocess.thresholds import (
    CJK_SHARE,
    CREDIT_SPACE_OVER,
    CREDIT_SPACE_TIMES,
    LATIN_SPACE,
    LATIN_TOUCH,
    NARROW_EXTRA,
    SPACE_OVER_BODY,
    SPACE_OVER_LINE,
    SPACE_TIMES,
)

_CJK = re.compile(f"[{WIDE}]")
_BODY = {RegionType.TEXT, RegionType.CAPTION, RegionType.OTHER}
_DATELINE = re.compile(rf"^[{ORNAMENTS}]*(?:本报讯|(?:本报|新华社)[^:：，。]{{0,10}}?电)")
# a byline's run after its dateline: roles and names up to the first mark but a list's 、
_BYLINE_RUN = re.compile(rf"[{ORNAMENTS}]*{ROLE}[^:：，,。；！？（）()]*?(?=报道|[:：，,。；！？（）()]|$)")
_CREDIT_WORD = re.compile(r"(?:摄影?|供图)$")


def as_printed(layout: PageLayout, punctuation: str) -> str | None:
    """Sets every line's text as printed; returns the page's script (ISO 15924)."""
    for region in layout.regions:
        over = SPACE_OVER_BODY if region.type in _BODY else SPACE_OVER_LINE
        for line in region.lines:
            line.text = spaced(line.text, line.gaps, over)
    lines = layout.text_lines()
    script = page_script([line.text for line in lines])
    for line in lines:
        line.text = in_script(line.text, script)
    if Punctuation(punctuation) != Punctuation.AS_READ:
        for line, text in zip(lines, stops_for_dots([line.text for line in lines])):
            line.text = text
    for region in layout.regions:
        for line, text in zip(region.lines, punctuate([line.text for line in region.lines], punctuation)):
            line.text = text
    return script


def spaced(text: str, gaps: list[float] | None, over: float = SPACE_OVER_LINE) -> str:
    """The text with a space where the blank between two characters is a printed space. `gaps`:
    the blank after each character other than spaces, but the last, in line heights; `over`: how
    much wider than the line's usual blank a space between ideographs is at least."""
    chars = [ch for ch in text if not ch.isspace()]
    if gaps is None or len(gaps) != len(chars) - 1:
        return text
    read = [bool(run) for run in _between(text)]
    pairs = list(zip(chars, chars[1:], gaps, read))
    # the line's usual blank between characters, its widest aside (a short credit has one space
    # in two blanks); one blank alone tells nothing, so it is taken as usual
    usual = sorted(gap for a, b, gap, _ in pairs if not (_is_mark(a) or _is_mark(b)))
    base = statistics.median(usual[:-1] if len(usual) > 1 else usual) if usual else 0.0
    cjk = len(_CJK.findall(text)) >= CJK_SHARE * len(chars)
    joints = _credit_joints("".join(chars))
    out = chars[:1]
    for k, (a, b, gap, was_read) in enumerate(pairs):
        least, times = (min(over, CREDIT_SPACE_OVER), CREDIT_SPACE_TIMES) if k in joints else (over, SPACE_TIMES)
        if _is_space(a, b, gap, was_read, cjk) if not (_CJK.match(a) or _CJK.match(b)) else \
                _is_cjk_space(a, b, gap, base + least, times * base):
            out.append(" ")
        out.append(b)
    return "".join(out)


def _credit_joints(text: str) -> set[int]:
    """Where a credit or byline in `text` (read without spaces) may print its narrow space: the
    index of the character before it, after a dateline (本报讯), before and after a role (本报记者,
    通讯员), before 摄 or 供图."""
    joints: set[int] = set()
    dateline = _DATELINE.match(text)
    start = dateline.end() if dateline else 0
    if dateline:
        joints.add(start - 1)
    runs = []
    # one a dateline opens (本报讯记者刘茜、通讯员宋华敏报道：…), or a byline on its own line
    byline = _BYLINE_RUN.match(text, start)
    if byline and (dateline or byline.end() == len(text)):
        runs.append(byline.span())
    credit = CREDIT_AT_END.search(text)
    if credit:
        runs.append(credit.span())
        word = _CREDIT_WORD.search(text)
        if word:
            joints.add(word.start() - 1)
    for first, end in runs:
        for role in re.finditer(ROLE, text[first:end]):
            joints.update({first + role.start() - 1, first + role.end() - 1})
    return {k for k in joints if 0 <= k < len(text) - 1}


def _between(text: str) -> list[str]:
    """The whitespace between each two neighbouring characters other than spaces."""
    return re.findall(r"(?<=\S)\s*(?=\S)", text.strip())


def _is_space(a: str, b: str, gap: float, read: bool, cjk_line: bool) -> bool:
    """Between Latin letters, digits and marks: measured, or read and not touching."""
    if cjk_line and (_is_mark(a) or _is_mark(b)) or a.isdigit() and b.isdigit():
        return read and not cjk_line  # 2011 has no space however far its 1s stand
    return gap > LATIN_SPACE or (read and gap > LATIN_TOUCH)


def _is_cjk_space(a: str, b: str, gap: float, over: float, times: float) -> bool:
    if _is_mark(a) or _is_mark(b):
        # CJK punctuation fills an em with its blank (，: 0.8); none is printed beside it
        return False
    narrow = 0.0 if _CJK.match(a) and _CJK.match(b) else NARROW_EXTRA
    return gap > max(over + narrow, times)


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"
