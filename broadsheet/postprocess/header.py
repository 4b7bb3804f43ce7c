"""The page's header band (报眉) or masthead: folio, date, section, paper name, the editors' line.

The band is the rows at the top of the page down to the last one holding a header item (a folio,
a date, an editors' line, a volume number), above any column of body text; or, where the layout
found one, what stands above the first long rule across the top. Its lines are taken out of
whatever region the layout put them in, so they never become articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from broadsheet.charsets import IDEOGRAPHS
from broadsheet.model import Line, PageHeader, Region, RegionType, level_with
from broadsheet.postprocess.paragraphs import join_lines
from broadsheet.postprocess.thresholds import HEADER_ITEM_GAP, HEADER_ZONE

_NUMBER = r"[0-9０-９一二三四五六七八九十百零〇]+"
_COLON = r"\s*[:：;；∶]"  # the recogniser reads a small colon as a semicolon now and then
FOLIO = re.compile(rf"第\s*{_NUMBER}\s*版|\b[A-Z]\s?\d{{1,2}}\s*版?(?=\s|$)"
                   r"|\b(?:Page|Seite|Strana)\s+[A-Z]?\d+[A-Z]?\b|^\s*\d{1,2}\s*$", re.IGNORECASE)
LOST_FOLIO = re.compile(r"第\s*版")  # a folio whose number the recogniser lost: no field, no section
# English, German, Czech (`v neděli 12. srpna 1888`)
_WEEKDAYS = ("Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
             "|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag"
             "|pondělí|úterý|středa|středu|čtvrtek|pátek|sobota|sobotu|neděle|neděli")
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December"
           "|Januar|Jänner|Februar|März|Mai|Juni|Juli|Oktober|Dezember"
           "|ledna|února|března|dubna|května|června|července|srpna|září|října|listopadu|prosince")
_CJK_WEEKDAY = r"(?:星期|礼拜|周)[一二三四五六日天]"
# 农历庚寅年三月廿九, 农历三月廿九
LUNAR = re.compile(rf"农历[{IDEOGRAPHS}\s]{{2,12}}?"
                   r"(?:初[一二三四五六七八九十]|二?十[一二三四五六七八九]?|廿[一二三四五六七八九]?|三十|卅)")
DATE = re.compile(
    rf"(?:{_CJK_WEEKDAY}\s*)?{_NUMBER}\s*年\s*{_NUMBER}\s*月\s*{_NUMBER}\s*日(?:\s*{_CJK_WEEKDAY})?(?:\s*{LUNAR.pattern})?"
    rf"|(?:(?:{_WEEKDAYS}),?\s+)?(?:{_MONTHS})\s+\d{{1,2}},?\s*\d{{4}}"
    rf"|(?:(?:v|ve)\s+)?(?:(?:{_WEEKDAYS}),?\s+)?(?:(?:den|dne)\s+)?\d{{1,2}}\.?\s+(?:{_MONTHS}),?\s+\d{{4}}",
    re.IGNORECASE)
_STAFF_LABEL = (r"(?:本版|责任|值班|美术|文字|图片|新闻)?(?:编辑|责编|校对|美编|组版|版式(?:制作|设计)?|排版|审读|审校"
                r"|电话|热线|传真|制作|主编|签发)|Redaktion|Redakteur|Editor|Tel\.?|Telefon|Phone|Fax")
E_MAIL = re.compile(rf"(?<![A-Za-z])E\s*[-一—–_]?\s*mail(?:{_COLON})?", re.IGNORECASE)  # OCR: E一mail;
# the label of an item of the editors' line: 本版编辑：… 校对：… 电话：… E-mail:…
STAFF = re.compile(rf"(?:{_STAFF_LABEL}){_COLON}|(?:本版|责任)编辑(?=\s)|{E_MAIL.pattern}", re.IGNORECASE)
# an address or a number printed with no label
CONTACT = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|\(?0\d{2,3}\)?-\d{7,8}\b")
# volume and issue numbers, page counts: printed in the band, none a field
ISSUE = re.compile(r"\b(?:Vol\.?|Volume|No\.|Nr\.|Jahrgang|Ročník|Roč\.|Číslo|Čís\.)\s*"
                   r"(?:\d[\d,.]*\d|\d|[IVXLCDM]+\b)\.?"
                   r"|(?:\d+\.|\b[A-ZÄÖÜ]\w+)\s+Jahrgang\b\.?|(?:总)?第\s*\d+\s*期|今日\s*\d+\s*版"
                   # THIRTY-SIX PAGES, 12 Seiten (not `von allen Seiten`)
                   r"|(?:\b\d+|\b(?-i:[A-Z]+(?:-[A-Z]+)*))\s+(?:Pages|Seiten)\b\.?",
                   re.IGNORECASE)
PAPER = re.compile(r"(?:日报|晚报|早报|商报|时报|周报|导报|报)$"
                   r"|\b(?:Gazette|Times|Post|News|Herald|Tribune|Journal|Chronicle|Courier|Zeitung|Anzeiger|Blatt)\b",
                   re.IGNORECASE)


@dataclass
class HeaderBand:
    header: PageHeader
    regions: list[Region]  # one masthead region per line


def is_header_item(text: str) -> bool:
    return any(p.search(text) for p in (FOLIO, DATE, STAFF, ISSUE))


def take_header(masthead: Region | None, regions: list[Region], page_height: int,
                new_id) -> HeaderBand | None:
    """Find the band, take its lines out of `regions` (emptied regions are left for the caller to
    drop), and read the header fields from them."""
    # the rule the layout found closes the band: the rows under it are the page's (random seed 2174:
    # a column's first line ending `July 12, 2010.` read as a dated band row, its row's heads lost)
    lines = list(masthead.lines) if masthead else _band_lines(regions, page_height)
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
        if rows and any(level_with(o.bbox, line.bbox) for o in rows[-1]):
            rows[-1].append(line)
        else:
            rows.append([line])
    last = max((i for i, row in enumerate(rows) if any(is_header_item(l.text) for l in row)), default=-1)
    return [line for row in rows[:last + 1] for line in row]


def read_header(lines: list[Line]) -> PageHeader:
    """The header fields from the band's printed items; a line may carry several (`乡村振兴 第7版`,
    `要闻·综合 E-mail:… 版式制作:张祎`), and one item may come as several detector pieces
    (`Wednesday, May` `12, 2010`)."""
    header = PageHeader()
    staff: list[str] = []
    lunar: str | None = None
    rest: list[tuple[str, int]] = []  # what no field took, with its type height
    for text, height in _items(lines):
        for kind, value in _fields(text):
            if kind == "staff":
                staff.append(value)
            elif kind == "date":
                header.date = header.date or value
            elif kind == "lunar":
                lunar = lunar or value
            elif kind == "folio":
                # 第 2 版 and 第2 版 (a narrow space read) are the folio 第2版
                header.folio = header.folio or (re.sub(r"\s+", "", value) if value.startswith("第") else value)
            elif kind == "rest":
                rest.append((value, height))
    if lunar and not (header.date and "农历" in header.date):
        header.date = f"{header.date} {lunar}" if header.date else lunar
    header.staff = " ".join(staff) or None
    if rest:
        named = [item for item in rest if PAPER.search(item[0])]
        # the paper's name is set largest, where no word gives it away
        paper = named[0] if named else max(rest, key=lambda item: item[1])
        if named or len(rest) > 1:
            header.paper = paper[0]
            rest.remove(paper)
        header.section = " ".join(text for text, _ in rest) or None
    return header


def _fields(text: str) -> list[tuple[str, str]]:
    """(kind, text) of each field printed in one item, in order: date, lunar, folio, staff (an
    editors' item runs from its label to the next field), issue, lost (a folio without its
    number), and rest (what lies between them: a paper's name, a section)."""
    spans: list[tuple[int, int, str]] = []
    for kind, pattern in (("date", DATE), ("lunar", LUNAR), ("issue", ISSUE), ("folio", FOLIO),
                          ("lost", LOST_FOLIO), ("label", STAFF), ("contact", CONTACT)):
        for match in pattern.finditer(text):
            if match.group().strip() and all(match.end() <= a or match.start() >= b for a, b, _ in spans):
                spans.append((match.start(), match.end(), kind))
    spans.sort()
    fields: list[tuple[str, str]] = []
    position = 0
    for start, end, kind in spans:
        if start < position:  # an address or number inside an editors' item
            continue
        if kind == "label":
            end = next((s for s, _, k in spans if s >= end and k != "contact"), len(text))
        if start > position:
            fields.append(("rest", text[position:start]))
        value = " ".join(text[start:end].split())
        if kind == "date" and fields and fields[-1][0] == "rest" and _PLACE.search(fields[-1][1]):
            value = " ".join(fields.pop()[1].split()) + " " + value  # WASHINGTON, D. C., MONDAY, …
        fields.append(("staff" if kind in ("label", "contact") else kind,
                       _staff_label(value) if kind == "label" else value))
        position = end
    fields.append(("rest", text[position:]))
    return [(kind, value.strip(_SEPARATORS) if kind == "rest" else value) for kind, value in fields
            if kind != "rest" or _WORD.search(value)]


_PLACE = re.compile(r"[^\W\d_][\w.]*,\s*$")  # a dateline's place before its date: `St. Cloud, Minn.,`
_SEPARATORS = " \t,，·・|｜;；:：、/-–—"
_WORD = re.compile(r"[^\W\d_]")  # a letter or an ideograph


def _staff_label(item: str) -> str:
    """An editors' item with its label as printed: `E一mail;` is `E-mail:` read with 一 for the
    hyphen and a semicolon for the colon."""
    item = re.sub(r"^E\s*[-一—–_]?\s*mail", "E-mail", item, flags=re.IGNORECASE)
    return re.sub(r"^([^:：;；∶]*?)\s*([;；])", lambda m: m.group(1) + (":" if m.group(2) == ";" else "："), item)


def _items(lines: list[Line]) -> list[tuple[str, int]]:
    """(text, height) of each printed item: pieces of one row closer than a character or two apart
    are one item."""
    items: list[tuple[str, int]] = []
    last: Line | None = None
    for line in sorted(lines, key=lambda l: (l.bbox[1], l.bbox[0])):
        height = line.bbox[3] - line.bbox[1]
        if (last is not None and level_with(last.bbox, line.bbox)
                and 0 <= line.bbox[0] - last.bbox[2] <= HEADER_ITEM_GAP * height):
            text, tallest = items[-1]
            items[-1] = (join_lines(text, line.text.strip()), max(tallest, height))
        else:
            items.append((line.text.strip(), height))
        last = line
    return items
