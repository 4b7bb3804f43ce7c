"""Every line's text as the page prints it: the spaces it prints, its own script, one form of
each punctuation mark (`broadsheet.postprocess.punctuation`).

Spaces come from the blanks the OCR stage measured between neighbouring characters (`Line.gaps`),
never from guessing at words: a credit `本报记者 刘茜 摄` is read as `本报记者刘茜摄`, and its
blanks (0.7 line heights against 0.15) say where the spaces are. A line without measured blanks
keeps the spaces it was read with.
"""

from __future__ import annotations

import re
import statistics
import unicodedata

from broadsheet.layout import PageLayout
from broadsheet.model import RegionType
from broadsheet.postprocess.punctuation import punctuate
from broadsheet.postprocess.script import in_script, page_script
from broadsheet.postprocess.thresholds import (
    CJK_SHARE,
    LATIN_SPACE,
    LATIN_TOUCH,
    NARROW_EXTRA,
    SPACE_OVER_BODY,
    SPACE_OVER_LINE,
    SPACE_TIMES,
)

_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")
_BODY = {RegionType.TEXT, RegionType.CAPTION, RegionType.OTHER}


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
    out = chars[:1]
    for a, b, gap, was_read in pairs:
        if _is_space(a, b, gap, was_read, cjk) if not (_CJK.match(a) or _CJK.match(b)) else \
                _is_cjk_space(a, b, gap, base + over, SPACE_TIMES * base):
            out.append(" ")
        out.append(b)
    return "".join(out)


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
