"""The page's header band (报眉) or masthead: folio, date, section, paper name, the editors' line.

The band is the rows at the top of the page down to the last one holding a header item (a folio,
a date, an editors' line, a volume number), above any column of body text; or, where the layout
found one, what stands above the first long rule across the top. Its lines are taken out of
whatever region the layout put them in, so they never become articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from broadsheet.model import Line, PageHeader, Region, RegionType
from broadsheet.postprocess.paragraphs import join_lines
from broadsheet.postprocess.thresholds import HEADER_ITEM_GAP, HEADER_ZONE

_NUMBER = r"[0-9０-９一二三四五六七八九十百零〇]+"
FOLIO = re.compile(rf"第\s*{_NUMBER}\s*版|\b[A-Z]\s?\d{{1,2}}\s*版?(?=\s|$)"
                   r"|\b(?:Page|Seite)\s+[A-Z]?\d+[A-Z]?\b|^\s*\d{1,2}\s*$", re.IGNORECASE)
# English and German (`Dienstag, den 14. Juni 2022`)
_WEEKDAYS = ("Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
             "|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag")
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December"
           "|Januar|Februar|März|Mai|Juni|Juli|Oktober|Dezember")
DATE = re.compile(
    rf"{_NUMBER}\s*年\s*{_NUMBER}\s*月\s*{_NUMBER}\s*日(?:\s*(?:星期|周)[一二三四五六日天])?"
    rf"|(?:(?:{_WEEKDAYS}),?\s+)?(?:{_MONTHS})\s+\d{{1,2}},?\s*\d{{4}}"
    rf"|(?:(?:{_WEEKDAYS}),?\s+)?(?:den\s+)?\d{{1,2}}\.?\s+(?:{_MONTHS})\s+\d{{4}}",
    re.IGNORECASE)
STAFF = re.compile(r"(?:本版|责任|值班)?(?:编辑|责编|校对|美编|组版|版式|审读|电话)\s*[:：]")
ISSUE = re.compile(r"\b(?:Vol\.?|Volume|No\.|Nr\.|Jahrgang)\s*\d+|第\s*\d+\s*期|总第\s*\d+\s*期", re.IGNORECASE)
PAPER = re.compile(r"(?:日报|晚报|早报|商报|时报|周报|导报|报)$"
                   r"|\b(?:Gazette|Times|Post|News|Herald|Tribune|Journal|Chronicle|Courier|Zeitung|Anzeiger|Blatt)\b",
                   re.IGNORECASE)


@dataclass
class HeaderBand:
    header: PageHeader
    regions: list[Region]  # one masthead region per line


def is_header_item(text: str) -> bool:
    return bool(FOLIO.search(text) or DATE.search(text) or STAFF.search(text) or ISSUE.search(text))


def take_header(masthead: Region | None, regions: list[Region], page_height: int,
                new_id) -> HeaderBand | None:
    """Find the band, take its lines out of `regions` (emptied regions are left for the caller to
    drop), and read the header fields from them."""
    lines = list(masthead.lines) if masthead else []
    lines += _band_lines(regions, page_height)
    if not lines:
        return None
    taken = {id(line) for line in lines}
    for region in regions:
        region.lines = [line for line in region.lines if id(line) not in taken]
    header = read_header(lines)
    masthead_regions = [Region(next(new_id), RegionType.MASTHEAD, line.bbox, [line])
                        for line in sorted(lines, key=lambda l: (l.bbox[1], l.bbox[0]))]
    return HeaderBand(header, masthead_regions)


def _band_lines(regions: list[Region], page_height: int) -> list[Line]:
    """Rows from the top down to the last one holding a header item, above the first body text."""
    body_top = min((r.bbox[1] for r in regions if r.type == RegionType.TEXT and len(r.lines) >= 3),
                   default=page_height)
    limit = min(body_top, HEADER_ZONE * page_height)
    candidates = [line for r in regions for line in r.lines
                  if line.bbox[3] <= limit and line.direction == "horizontal-lr"]
    rows: list[list[Line]] = []
    for line in sorted(candidates, key=lambda l: l.bbox[1]):
        middle = (line.bbox[1] + line.bbox[3]) / 2
        if rows and any(o.bbox[1] <= middle <= o.bbox[3] for o in rows[-1]):
            rows[-1].append(line)
        else:
            rows.append([line])
    last = max((i for i, row in enumerate(rows) if any(is_header_item(l.text) for l in row)), default=-1)
    return [line for row in rows[:last + 1] for line in row]


def read_header(lines: list[Line]) -> PageHeader:
    """The header fields from the band's printed items; a line may carry several (`乡村振兴 第7版`),
    and one item may come as several detector pieces (`Wednesday, May` `12, 2010`)."""
    header = PageHeader()
    rest: list[tuple[str, int]] = []  # what is left of each item, with its type height
    for text, height in _items(lines):
        if STAFF.search(text):
            header.staff = header.staff or text
            continue
        for field_name, pattern in (("date", DATE), ("folio", FOLIO)):
            match = pattern.search(text)
            if match:
                setattr(header, field_name, getattr(header, field_name) or match.group(0).strip())
                text = (text[:match.start()] + " " + text[match.end():]).strip()
        text = ISSUE.sub(" ", text).strip(" ,，·|")
        if text:
            rest.append((" ".join(text.split()), height))
    if rest:
        named = [item for item in rest if PAPER.search(item[0])]
        # the paper's name is set largest, where no word gives it away
        paper = named[0] if named else max(rest, key=lambda item: item[1])
        if named or len(rest) > 1:
            header.paper = paper[0]
            rest.remove(paper)
        header.section = " ".join(text for text, _ in rest) or None
    return header


def _items(lines: list[Line]) -> list[tuple[str, int]]:
    """(text, height) of each printed item: pieces of one row closer than a character or two apart
    are one item."""
    items: list[tuple[str, int]] = []
    last: Line | None = None
    for line in sorted(lines, key=lambda l: (l.bbox[1], l.bbox[0])):
        height = line.bbox[3] - line.bbox[1]
        if last is not None and _same_row(last, line) and 0 <= line.bbox[0] - last.bbox[2] <= HEADER_ITEM_GAP * height:
            text, tallest = items[-1]
            items[-1] = (join_lines(text, line.text.strip()), max(tallest, height))
        else:
            items.append((line.text.strip(), height))
        last = line
    return items


def _same_row(a: Line, b: Line) -> bool:
    return a.bbox[1] <= (b.bbox[1] + b.bbox[3]) / 2 <= a.bbox[3]
