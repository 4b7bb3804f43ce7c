"""Short lines with a job of their own in an article's body: a byline printed on its own line
(■■本报记者 蔡茂楷) and continuation notices ((上接第一版), (下转第四版)) at its edges, and a subhead
read as body text between its paragraphs."""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from broadsheet.charsets import IDEOGRAPHS
from broadsheet.model import Line, Region, RegionType, union_bbox
from broadsheet.postprocess.paragraphs import ends_sentence, is_cjk, measured_pieces
from broadsheet.postprocess.thresholds import (
    BRACKETED_NOTICE_SLACK,
    EDGE_LINES,
    FULL_MEASURE,
    INDENT_CHARS,
    INDENT_CJK,
    MAX_SUBHEAD_LINES,
    MISREAD_NOTICE_EDITS,
)

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


# The notices a CJK page prints, as read into half-width brackets with no space
_JUMP_WORDS = ("上接", "下转")
_NOTICE_FORMS = [f"({kind}第{number}版)" for kind in _JUMP_WORDS for number in "一二三四五六七八九十123456789"]
_NOTICE_WORDS = ("第", *_JUMP_WORDS)  # a notice's words that no misread of it keeps by chance


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
    rest = [line.bbox[0] for line in measured_pieces(lines[1:], unit)]
    if not rest:
        return False
    measure = max(line.bbox[2] for line in lines)
    return lines[0].bbox[2] >= measure - unit and lines[1].bbox[0] - min(rest) < INDENT_CHARS * unit


def misread_notice(text: str) -> bool:
    """A CJK continuation notice that small type misread past the pattern ((上描第 二酸), (下转幕四版),
    (FW第八版), 1上接第一版;): the whole line within a few edits of one. Which way it points is its
    place's: over an article's text it says where the text came from, under it where it goes."""
    read = re.sub(r"\s", "", text).replace("（", "(").replace("）", ")")
    edits = min(Levenshtein.distance(read, form) for form in _NOTICE_FORMS)
    # one more edit when its 第 or its jump word was read and its length is a notice's: (N第 二输),
    # 1上接果三) (random seed 2295, 8 px), not (第二)
    if edits <= MISREAD_NOTICE_EDITS or edits == MISREAD_NOTICE_EDITS + 1 \
            and any(word in read for word in _NOTICE_WORDS) and abs(len(read) - len(_NOTICE_FORMS[0])) <= 1:
        return True
    # its closing bracket read after 上 or 下, the rest anything ((上R量-), (下#量), 上楼幕三编): random
    # seeds 2280, 2207, 2168 at 8-12 px); no other line of 500 dev pages reads so
    if (read[:2] in ("(上", "(下") or read[:1] in ("上", "下")) and read[-1:] == ")" \
            and abs(len(read) - len(_NOTICE_FORMS[0])) <= BRACKETED_NOTICE_SLACK:
        return True
    # its brackets lost as well (上接第一级: random seed 1393): its five characters, fewer misread (one)
    return len(read) == len(_NOTICE_FORMS[0]) - 2 and min(Levenshtein.distance(read, form[1:-1])
                                                         for form in _NOTICE_FORMS) < MISREAD_NOTICE_EDITS


def _notice_type(text: str, at_start: bool) -> RegionType | None:
    found = continuation(text)
    if found:
        return RegionType.CONTINUATION if found[1] == at_start else None
    if misread_notice(text):
        return RegionType.CONTINUATION
    if at_start and own_line_byline(text):
        return RegionType.BYLINE
    return None


def split_subheads(body: list[tuple[int, Region]], new_id, unit: float) -> list[tuple[int, Region]]:
    """An article's body blocks in reading order, with each subhead the layout read as body text
    (a CJK 小标题 set in a face it could not tell from the body's, centred or indented two
    characters: random seeds 1085 `创新机制提效能`, 1095, 1121) in a region of its own. Its lines
    stand in from both sides of the column, after a paragraph's end and before an indented paragraph
    start; none ends a sentence. A one-line paragraph does, and a paragraph's last line is flush."""
    text = [line for _, region in body if region.type == RegionType.TEXT for line in region.lines]
    pieces = measured_pieces(text, unit)
    stream = [(pieces, line) for line in text]
    heads: set[int] = set()
    index = 1  # the first line opens the text: a sentence has yet to end before it
    while index < len(stream):
        end = index
        while end < len(stream) and end - index < MAX_SUBHEAD_LINES and _stands_in(*stream[end], unit):
            end += 1
        run = {id(line) for _, line in stream[index:end]}
        if index < end < len(stream) and _below(stream[index][1], stream[index - 1][1]) \
                and _ends_paragraph(*stream[index - 1], unit) \
                and _starts_paragraph(*stream[end], stream[end - 1][1], run, unit):
            heads |= run
        index = max(end, index + 1)
    if not heads:
        return body
    result: list[tuple[int, Region]] = []
    for left, region in body:
        if region.type != RegionType.TEXT or not any(id(line) in heads for line in region.lines):
            result.append((left, region))
            continue
        parts: list[tuple[bool, list[Line]]] = []
        for line in region.lines:
            head = id(line) in heads
            if parts and parts[-1][0] == head:
                parts[-1][1].append(line)
            else:
                parts.append((head, [line]))
        for number, (head, lines) in enumerate(parts):
            kind = RegionType.SUBHEAD if head else RegionType.TEXT
            result.append((left, Region(region.id if number == 0 else next(new_id), kind,
                                        union_bbox([line.bbox for line in lines]), lines)))
    return result


def _edges(line: Line, pieces: list[Line], unit: float, skip: set[int]) -> tuple[float, float] | None:
    """The flush left edge and measure of `line`'s column: from the lines of the body under or over
    it nearest it that fill the measure (a subhead's own lines, or a short last line, would move the
    edge in). The blocks' columns are no guide: a subhead's block may start a column of its own."""
    width = line.bbox[2] - line.bbox[0]
    column = [piece for piece in pieces if piece is not line and id(piece) not in skip
              and min(piece.bbox[2], line.bbox[2]) - max(piece.bbox[0], line.bbox[0]) >= width / 2]
    nearest = sorted(column, key=lambda piece: abs(piece.bbox[1] + piece.bbox[3] - line.bbox[1] - line.bbox[3]))
    ends = sorted((piece.bbox[2] for piece in nearest[:EDGE_LINES]), reverse=True)
    if len(ends) < 2:
        return None
    # the measure two lines reach: one line run on over the gutter reaches past it (random seed 1048)
    measure = ends[1]
    return min(piece.bbox[0] for piece in nearest[:EDGE_LINES]
               if abs(piece.bbox[2] - measure) <= FULL_MEASURE * unit), measure


def _stands_in(pieces: list[Line], line: Line, unit: float) -> bool:
    """A CJK line short of the column's measure on both sides, not ending a sentence, nor a notice."""
    if not is_cjk(line.text) or ends_sentence(line.text) or continuation(line.text) or own_line_byline(line.text):
        return False
    edges = _edges(line, pieces, unit, set())
    return edges is not None and line.bbox[0] - edges[0] >= INDENT_CHARS * unit \
        and edges[1] - line.bbox[2] >= FULL_MEASURE * unit


def _ends_paragraph(pieces: list[Line], line: Line, unit: float) -> bool:
    """`line` ends a sentence, or stops short of the measure: its full stop may be lost in small type
    (random seeds 1100, 1121 at 9-12 px: `体、屋面等关键环节`, `每户补助5000元`)."""
    edges = _edges(line, pieces, unit, set())
    return ends_sentence(line.text) or edges is not None and edges[1] - line.bbox[2] >= FULL_MEASURE * unit


def _starts_paragraph(pieces: list[Line], line: Line, above: Line, skip: set[int], unit: float) -> bool:
    """`line`, on a row of its own after `above`, is indented from the column's flush edge."""
    if not _below(line, above):
        return False
    edges = _edges(line, pieces, unit, skip)
    return edges is not None and line.bbox[0] - edges[0] >= (INDENT_CJK if is_cjk(line.text) else INDENT_CHARS) * unit


def _below(line: Line, above: Line) -> bool:
    """`line` is on a row of its own, not the rest of the row of the line before it (random seed
    1122: `多读` / `8·请好书:`, a row cut in two, is no paragraph's end and subhead)."""
    return not above.bbox[1] <= (line.bbox[1] + line.bbox[3]) / 2 <= above.bbox[3]
