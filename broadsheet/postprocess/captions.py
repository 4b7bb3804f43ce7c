"""Pair each photo with its caption (the text next to it) and split off the credit line."""

from __future__ import annotations

import re
from dataclasses import dataclass

from broadsheet.model import BBox, Line, in_rows
from broadsheet.postprocess.thresholds import (
    CAPTION_BESIDE,
    CAPTION_BREAK,
    CAPTION_EDGE,
    CAPTION_GAP,
    CAPTION_OVERHANG,
    COLUMN_PIECE,
    CREDIT_FLUSH,
    MAX_UNCREDITED_LINES,
)

# a two-character name may be printed spaced out to a three-character one's width (赵 磊)
_NAME = r"[\u4e00-\u9fff·](?: ?[\u4e00-\u9fff·]){1,4}"
_NAMES = rf"{_NAME}(?:\s*[、，,]\s*{_NAME})*"
# 本报记者 刘茜 摄 / 梁宏涛 摄 / 新华社记者 X 摄 / X 供图 / 图/X
_LATIN_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|der|la))*"
CREDIT_AT_END = re.compile(
    rf"(?P<credit>(?:(?:本报|新华社|特约)?(?:记者|通讯员|实习生)\s*)?{_NAMES}\s*(?:摄影?|供图)"
    rf"|[（(]?图\s*[/／:：]\s*[\u4e00-\u9fff·](?: ?[\u4e00-\u9fff·]){{1,11}}[）)]?"  # 图/ may name an organisation
    # Photo: J. Smith / Photograph by Jane Doe / Foto: Max Muster / Courtesy of the Museum
    rf"|(?:Photos?|Photograph|Foto|Bild|Image)(?:\s+by)?\s*[:/]?\s*{_LATIN_NAME}(?:\s*/\s*{_LATIN_NAME})?"
    rf"|Courtesy\s+of\s+(?:the\s+)?{_LATIN_NAME})\s*$"
)


def split_credit(text: str) -> tuple[str, str | None]:
    """'…加紧施工。 本报记者 刘茜 摄' -> ('…加紧施工。', '本报记者 刘茜 摄')."""
    match = CREDIT_AT_END.search(text)
    if not match:
        return text, None
    head = text[:match.start()].rstrip()
    # the credit must stand apart: the caption's last sentence ends, or the credit is alone
    if head and not re.search(r"[。！？!?.”\"）)\s]$", text[:match.start()]):
        return text, None
    return head, " ".join(match.group("credit").split())


@dataclass
class CaptionLines:
    lines: list[Line]
    side: str  # where the caption stands: below, beside, above


def find_caption(photo: BBox, lines: list[Line], unit: float) -> CaptionLines | None:
    """The run of lines next to the photo that ends in a credit; below first, then beside, above.

    Without a credit read anywhere, the lines just below the photo are taken if they form a short
    run set apart from the text below.
    """
    runs = {
        "below": _run(photo, lines, unit, "below"),
        "beside": _run(photo, lines, unit, "beside"),
        "above": _run(photo, lines, unit, "above"),
    }
    for side, run in runs.items():
        credited = _cut_at_credit(run)
        if credited:
            return CaptionLines(credited, side)
    below = _set_apart(runs["below"], unit)
    if below and len(below) <= MAX_UNCREDITED_LINES:
        return CaptionLines(below, "below")
    return None


def _set_apart(run: list[Line], unit: float) -> list[Line]:
    """The lines of a run down to the first blank wider than a caption's own line spacing: the
    space a paper leaves between a caption and the text below it."""
    rows = in_rows(run)
    for index, (upper, lower) in enumerate(zip(rows, rows[1:])):
        next_row = lower.bbox[1] > upper.bbox[1] + CAPTION_EDGE * unit
        if next_row and lower.bbox[1] - upper.bbox[3] > CAPTION_BREAK * unit:
            return rows[:index + 1]
    return rows


def credit_line(lines: list[Line]) -> Line | None:
    """A caption's last line set flush right on its own, shorter than half the caption: a credit
    whatever the recogniser made of it (本报记者柳青提 for …摄 on a coarse scan)."""
    if len(lines) < 2:
        return None
    last, rest = lines[-1], lines[:-1]
    left, right = min(l.bbox[0] for l in rest), max(l.bbox[2] for l in rest)
    alone = all(l.bbox[3] <= (last.bbox[1] + last.bbox[3]) / 2 for l in rest)
    flush_right = last.bbox[0] > (left + right) / 2 and right - last.bbox[2] < CREDIT_FLUSH * (right - left)
    return last if alone and flush_right else None


def _run(photo: BBox, lines: list[Line], unit: float, side: str) -> list[Line]:
    px0, py0, px1, py1 = photo

    def centre_x(line: Line) -> float:
        return (line.bbox[0] + line.bbox[2]) / 2

    if side == "beside":
        starts = [l for l in lines if 0 <= l.bbox[0] - px1 < CAPTION_BESIDE * unit
                  and py0 - CAPTION_OVERHANG * unit <= (l.bbox[1] + l.bbox[3]) / 2 <= py1 + CAPTION_OVERHANG * unit]
        if not starts:
            return []
        # the caption's column, from the lines starting at the photo's edge; its lines may end
        # flush right (a credit) and run on past the photo's foot (a caption taller than it)
        left, right = min(l.bbox[0] for l in starts), max(l.bbox[2] for l in starts)
        near = sorted((l for l in lines if left - CAPTION_EDGE * unit <= l.bbox[0]
                       and l.bbox[2] <= right + CAPTION_EDGE * unit
                       and (l.bbox[1] + l.bbox[3]) / 2 >= py0 - CAPTION_OVERHANG * unit), key=lambda l: l.bbox[1])
    else:
        across = [l for l in lines if px0 - unit <= centre_x(l) <= px1 + unit
                  and l.bbox[2] - l.bbox[0] <= px1 - px0 + 2 * CAPTION_OVERHANG * unit]
        if side == "below":
            near = sorted((l for l in across if l.bbox[1] >= py1 - CAPTION_EDGE * unit), key=lambda l: l.bbox[1])
        else:
            near = sorted((l for l in across if l.bbox[3] <= py0 + CAPTION_EDGE * unit), key=lambda l: -l.bbox[3])
    run: list[Line] = []
    edge = {"below": py1, "above": py0}.get(side)
    for line in near:
        if side == "below":
            gap = line.bbox[1] - (run[-1].bbox[3] if run else edge)
        elif side == "above":
            gap = (run[-1].bbox[1] if run else edge) - line.bbox[3]
        else:
            gap = line.bbox[1] - run[-1].bbox[3] if run else 0
        if gap > (CAPTION_GAP[1] if run else CAPTION_GAP[0]) * unit:
            break
        run.append(line)
    if side != "beside":
        run = _before_columns(run, unit)
    if side == "above":
        run.reverse()
    return run


def _before_columns(run: list[Line], unit: float) -> list[Line]:
    """The run's rows up to two in a row parted by one gutter: the columns of text under (or over)
    a photo across them, never its caption. A gutter has a line of some length on either side, and
    the column right of it starts at one edge in both rows: a caption's line broken into words or
    pieces is parted at places that differ from row to row, and a credit on the row of the
    caption's last line stands apart from it."""
    rows: list[list[Line]] = []
    for line in run:
        if rows and _one_row(rows[-1][0], line):
            rows[-1].append(line)
        else:
            rows.append([line])
    gutters = [[] if any(split_credit(line.text)[1] for line in row) else _gutters(row, unit) for row in rows]
    for index in range(len(rows) - 1):
        if any(abs(a - b) <= CAPTION_EDGE * unit for a in gutters[index] for b in gutters[index + 1]):
            return [line for row in rows[:index] for line in row]
    return run


def _one_row(a: Line, b: Line) -> bool:
    """One's middle within the other's height."""
    return (a.bbox[1] <= (b.bbox[1] + b.bbox[3]) / 2 <= a.bbox[3]
            or b.bbox[1] <= (a.bbox[1] + a.bbox[3]) / 2 <= b.bbox[3])


def _gutters(row: list[Line], unit: float) -> list[int]:
    """Where the columns right of a row's gutters start: blanks between lines both at least
    COLUMN_PIECE long."""
    boxes = sorted(line.bbox for line in row)
    return [right[0] for left, right in zip(boxes, boxes[1:]) if right[0] > left[2]
            and min(left[2] - left[0], right[2] - right[0]) >= COLUMN_PIECE * unit]


def _cut_at_credit(run: list[Line]) -> list[Line] | None:
    """The run up to the row holding the credit, with every piece of that row (a credit set
    flush right is often detected apart from the caption text before it)."""
    for line in run:
        if split_credit(line.text)[1] is not None:
            bottom = line.bbox[3]
            mid = (line.bbox[1] + line.bbox[3]) / 2
            kept = [l for l in run if l.bbox[3] <= bottom or l.bbox[1] <= mid <= l.bbox[3]]
            return in_rows(kept)
    return None


def is_caption_title(first: Line, rest: list[Line], unit: float) -> bool:
    """A caption's own title line (老外现场讲授“剪枝”): centred over the caption text, no sentence
    punctuation at its end."""
    if not rest or re.search(r"[。！？；，、.!?;,:：]$", first.text.strip()):
        return False
    left, right = min(l.bbox[0] for l in rest), max(l.bbox[2] for l in rest)
    margins = first.bbox[0] - left, right - first.bbox[2]
    return min(margins) >= unit and abs(margins[0] - margins[1]) <= unit
