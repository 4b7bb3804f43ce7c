"""Short lines with a job of their own at the edges of an article's body: a byline printed on its
own line (■■本报记者 蔡茂楷), and continuation notices ((上接第一版), (下转第四版))."""

from __future__ import annotations

import re

from broadsheet.charsets import IDEOGRAPHS
from broadsheet.model import Line, Region, RegionType, union_bbox
from broadsheet.postprocess.thresholds import INDENT_CHARS, MEASURED_PIECE

_NUMBER = r"[0-9０-９一二三四五六七八九十百零〇]+"
# 第四版, 4版 (转4版: a short notice leaves out 第), A4, A4版
_PAGE = rf"(?:(?:第\s*)?{_NUMBER}\s*版|[A-Z]\s?\d{{1,2}}\s*版?)"
CONTINUATION = re.compile(
    rf"^\s*[（(]?\s*(?P<notice>(?:上接|下转|接|转|续)\s*{_PAGE}"
    r"|(?:Continued|Cont'd\.?)\s+(?:from|on)\s+(?:Page|P\.)\s*[A-Z]?\d+[A-Z]?"
    r"|See\s+.{1,40},\s*(?:Page|P\.)\s*[A-Z]?\d+[A-Z]?)\s*[）)]?\s*$",
    re.IGNORECASE)
_FROM = re.compile(r"^(?:上接|接|续|Continued\s+from|Cont'd\.?\s+from)", re.IGNORECASE)
# ornaments papers set before a byline: ■■ ◆ ● ★ and the like
ORNAMENTS = "■□◆◇●○▲△★☆▶►◎※█▪"
ROLE = r"(?:(?:本报|新华社|人民日报|中新社)?(?:首席|特约|见习|实习)?(?:记者|通讯员|实习生|评论员))"
_NAME = f"[{IDEOGRAPHS}·]{{2,4}}"
# 本报 misread at small sizes (本雅记者 黄思远, 奉银记者 东亨: random seeds 1007, 1035 at 12-15 px)
_MISREAD_PAPER = f"(?:[{IDEOGRAPHS}]{{2}}(?=记者|通讯员))?"
BYLINE_LINE = re.compile(  # a dateline may lead it (本报讯 记者刘晨)
    rf"^[\s{ORNAMENTS}]*(?P<byline>(?:本报讯\s*)?{_MISREAD_PAPER}{ROLE}\s*{_NAME}(?:\s*[\s、，,]\s*(?:{ROLE}\s*)?{_NAME})*"
    r"|By\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}(?:\s*(?:,|and)\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})*)\s*$")


def continuation(text: str) -> tuple[str, bool] | None:
    """('上接第一版', True) for a notice of where the text came from, (…, False) for where it goes."""
    match = CONTINUATION.match(text)
    if not match:
        return None
    notice = " ".join(match.group("notice").split())
    return notice, bool(_FROM.match(notice))


def own_line_byline(text: str) -> str | None:
    """'■■本报记者 蔡茂楷' -> '本报记者 蔡茂楷'; None for anything else (a sentence is not a byline)."""
    match = BYLINE_LINE.match(text)
    if not match or re.search(r"[。！？；]", text):
        return None
    return " ".join(match.group("byline").split())


def split_notices(body: list[tuple[int, Region]], new_id, unit: float) -> list[tuple[int, Region]]:
    """An article's body blocks in reading order, with its notices in regions of their own: a
    continuation notice or byline line before the first text, a continuation notice after the
    last. A bold heading that reads as one takes that type."""
    last_text = max((i for i, (_, r) in enumerate(body) if r.type == RegionType.TEXT), default=-1)
    result: list[tuple[int, Region]] = []
    text_seen = False
    for index, (left, region) in enumerate(body):
        if region.type == RegionType.SUBHEAD:
            kind = _notice_type(" ".join(line.text for line in region.lines), at_start=not text_seen)
            region.type = kind or region.type
            result.append((left, region))
            continue
        if region.type != RegionType.TEXT:
            result.append((left, region))
            continue
        lines = list(region.lines)
        before: list[tuple[int, Region]] = []
        # a notice is all its line says ((上接第二版)), so it cannot open a sentence; a byline's
        # words can (记者了解到，今年): the line must also stop short of the text running on
        while lines and not text_seen and (kind := _notice_type(lines[0].text, at_start=True)) \
                and (kind == RegionType.CONTINUATION or not _runs_on(lines, unit)):
            line = lines.pop(0)
            before.append((left, Region(next(new_id), kind, line.bbox, [line])))
        after: list[tuple[int, Region]] = []
        # (下转第四版) in a block of its own under the article's last column counts too
        if index == last_text and lines and (len(lines) > 1 or text_seen) \
                and _notice_type(lines[-1].text, at_start=False):
            line = lines.pop()
            after.append((left, Region(next(new_id), RegionType.CONTINUATION, line.bbox, [line])))
        region.lines = lines
        if lines:
            region.bbox = union_bbox([line.bbox for line in lines])
            text_seen = True
        result += before + ([(left, region)] if lines else []) + after
    return result


def _runs_on(lines: list[Line], unit: float) -> bool:
    """The block's first line opens a paragraph that goes on: it fills the measure and the next
    line is flush (记者了解到，今年 / 全市还将继续…; 本报讯 记者王雪梅 / 报道：4月8日…), where a line
    of its own stops short or is followed by an indent."""
    rest = [line.bbox[0] for line in lines[1:] if line.bbox[2] - line.bbox[0] >= MEASURED_PIECE * unit]
    if not rest:
        return False
    measure = max(line.bbox[2] for line in lines)
    return lines[0].bbox[2] >= measure - unit and lines[1].bbox[0] - min(rest) < INDENT_CHARS * unit


def _notice_type(text: str, at_start: bool) -> RegionType | None:
    found = continuation(text)
    if found:
        return RegionType.CONTINUATION if found[1] == at_start else None
    if at_start and own_line_byline(text):
        return RegionType.BYLINE
    return None
