"""Ink the detector never boxed: text lost without a word unless a line is made for it.

PP-OCR's detector now and then leaves out part of a line or a whole one, most often big bold
title type on a small page (random seed 0: the left half of `全市新增中小学学位1.2万个`, the whole
second line of a two-line title). Ink in no line, no photo and no rule, grouped into rows of
character-sized pieces, becomes a line of its own; a piece on the row of a line beside it, of its
size, is then joined to it like any other fragment (`merge_row_fragments`). Ink standing as a
vertical title does (a block much taller than wide) becomes vertical lines first. Where the
detector boxed next to nothing of the page (`unboxed_text_size`), rows are sized by the ink's
measure of the body, and a word whose letters fuse into one piece is a row of text.
"""

from __future__ import annotations

import cv2
import numpy as np

from broadsheet.layout.lines import LineBox, LineIndex, _word_spaces
from broadsheet.layout.thresholds import (
    BODY_HEIGHT,
    EDGE_TOLERANCE,
    HEADING_MARGIN,
    MIN_COLUMN_WIDTH,
    MISSED_CHARACTER_GAP,
    MISSED_DARKNESS,
    MISSED_DENSITY,
    MISSED_FEW_LINES,
    MISSED_FUSED_DENSITY,
    MISSED_HEIGHT,
    MISSED_LINE_WIDTH,
    MISSED_MIDDLE_TRIM,
    MISSED_OVERSIZED,
    MISSED_PIECE,
    MISSED_PIECES,
    MISSED_ROW_HEIGHT,
    MISSED_UNBOXED_HEIGHT,
    MISSED_VERTICAL_WIDTH,
    ROW_END_GAP,
    SAME_ROW,
    STACKED_GAP,
    VERTICAL_ASPECT,
)
from broadsheet.model import BBox, TextDirection
from broadsheet.normalize.textsize import estimate_text_size


def missed_lines(ink: np.ndarray, gray: np.ndarray, lines: list[LineBox], photos: list[BBox],
                 unit: float, unboxed: bool = False) -> list[LineBox]:
    """Rows of text-like ink outside every line and photo (rules are already erased from `ink`),
    and columns of it where the ink stands as vertical text. `unboxed`: the detector left the
    page's text unboxed (`unboxed_text_size`), and `unit` is the ink's measure of it."""
    free = ink.copy()
    for x0, y0, x1, y1 in photos + [line.bbox for line in lines]:
        free[y0:y1, x0:x1] = 0
    count, labels, stats, _ = cv2.connectedComponentsWithStats((free > 0).astype(np.uint8), connectivity=8)
    low, high = MISSED_PIECE * unit, (MISSED_UNBOXED_HEIGHT if unboxed else MISSED_HEIGHT[1]) * unit
    pieces = np.zeros(free.shape, np.uint8)
    kept, indices = [], []
    for index in range(1, count):
        x, y, w, h, _ = stats[index]
        # specks and drawings' strokes are not characters; a fused word runs any width
        if low <= h <= high and (w <= high or unboxed):
            pieces[y:y + h, x:x + w][labels[y:y + h, x:x + w] == index] = 1
            kept.append((x, y, w, h))
            indices.append(index)
    if not kept:
        return []
    paper, body_ink = _ink_levels(gray, lines)
    boxed = LineIndex([l for l in lines if l.direction == TextDirection.HORIZONTAL_LR])
    found = _vertical_blocks(pieces, kept, gray, unit, paper, body_ink, boxed)
    for line in found:
        pieces[line.y0:line.y1, line.x0:line.x1] = 0
    # each piece's rows, widened by its share of a blank; on an unboxed page only its middle rows:
    # tightly leaded lines' descenders reach the next line's ascenders (1037), and rows joined by
    # them would stand two lines tall
    joined = np.zeros(free.shape, np.uint8)
    middle = {}
    for (x, y, w, h), index in zip(kept, indices, strict=True):
        if pieces[y:y + h, x:x + w].any():
            # pieces of one row run together across a blank that scales with their type
            reach = int(MISSED_CHARACTER_GAP * h / 2) + 1
            trim = int(MISSED_MIDDLE_TRIM * h) if unboxed else 0
            joined[y + trim:y + h - trim, max(0, x - reach):x + w + reach] = 1
            middle[index] = (y + h // 2, x + w // 2)
    _, rows_of = cv2.connectedComponents(joined, connectivity=8)
    members: dict[int, list[int]] = {}
    for index, (y, x) in middle.items():
        members.setdefault(int(rows_of[y, x]), []).append(index)
    for row_pieces in members.values():
        x0 = min(stats[i, cv2.CC_STAT_LEFT] for i in row_pieces)
        y0 = min(stats[i, cv2.CC_STAT_TOP] for i in row_pieces)
        x1 = max(stats[i, cv2.CC_STAT_LEFT] + stats[i, cv2.CC_STAT_WIDTH] for i in row_pieces)
        y1 = max(stats[i, cv2.CC_STAT_TOP] + stats[i, cv2.CC_STAT_HEIGHT] for i in row_pieces)
        row = pieces[y0:y1, x0:x1] * np.isin(labels[y0:y1, x0:x1], row_pieces)
        if not row.any():
            continue
        rows, columns = np.flatnonzero(row.any(axis=1)), np.flatnonzero(row.any(axis=0))
        box = (int(x0 + columns[0]), int(y0 + rows[0]), int(x0 + columns[-1] + 1), int(y0 + rows[-1] + 1))
        row = row[rows[0]:rows[-1] + 1, columns[0]:columns[-1] + 1]
        if _text_like(row, box, gray, unit, paper, body_ink, unboxed) or not unboxed and (
                _paragraph_end(row, box, gray, lines, unit, paper, body_ink)
                or _row_end(row, box, gray, ink, lines, unit, paper, body_ink)):
            found.append(LineBox(box))
    return found


def _paragraph_end(row: np.ndarray, box: BBox, gray: np.ndarray, lines: list[LineBox], unit: float,
                   paper: float, body_ink: float) -> bool:
    """A character or two of body type alone, flush under a full body line at the body's spacing:
    a paragraph's last line, too short for `_text_like`'s row of pieces (random seed 1898, CJK at
    9.5 px: `务。` lost, the in-column subhead under it stood apart and was taken for a title)."""
    x0, y0, x1, y1 = box
    if not _body_character(row, box, gray, unit, paper, body_ink):
        return False
    return any(0 <= y0 - l.y1 <= STACKED_GAP[1] * unit and abs(l.x0 - x0) <= HEADING_MARGIN * unit
               and l.width >= MIN_COLUMN_WIDTH * unit and l.direction == TextDirection.HORIZONTAL_LR
               for l in lines)


def _row_end(row: np.ndarray, box: BBox, gray: np.ndarray, ink: np.ndarray, lines: list[LineBox], unit: float,
             paper: float, body_ink: float) -> bool:
    """A character of body type alone at the column's edge, level with a body line that stops a
    letter space short of it: the first or last character of a letter-spaced row, left out by the
    detector (random seed 2089, CJK at 8.7 px: `峰` of `峰  通讯员王倩报道：`; the row, boxed from
    its second character, stood indented and opened a paragraph of its own). Small type blurs as
    dense as a blot: the character may be as dense as the type of its row and the rows over and under it
    (`_densest_character`)."""
    x0, y0, x1, y1 = box
    # a character, not a word whose letters fused (small Latin type: seed 1902 at 6.9 px)
    if x1 - x0 > MISSED_LINE_WIDTH * (y1 - y0):
        return False
    body = [l for l in lines if l.direction == TextDirection.HORIZONTAL_LR
            and BODY_HEIGHT[0] * unit <= l.height <= BODY_HEIGHT[1] * unit]
    level = [l for l in body if min(l.y1, y1) - max(l.y0, y0) >= SAME_ROW * min(l.height, y1 - y0)]
    for line in level:
        reach = _row_end_reach(line, ink, unit)
        start = 0 < line.x0 - x1 <= reach
        end = 0 < x0 - line.x1 <= reach
        if not (start or end) or _row_width(line, level, start, unit) < MIN_COLUMN_WIDTH * unit:
            continue
        # the column's edge, from the lines over and under it at the body's spacing
        near = [l for l in body if l is not line and min(l.x1, line.x1) - max(l.x0, line.x0) > 0
                and (0 <= y0 - l.y1 <= STACKED_GAP[1] * unit or 0 <= l.y0 - y1 <= STACKED_GAP[1] * unit)]
        if not near or (abs(min(l.x0 for l in near) - x0) if start else abs(max(l.x1 for l in near) - x1)) \
                > HEADING_MARGIN * unit:
            continue
        densest = max(_densest_character(l, ink, x1 - x0) for l in [line, *near])
        if _body_character(row, box, gray, unit, paper, body_ink, max(MISSED_FUSED_DENSITY, densest)):
            return True
    return False


def _row_end_reach(line: LineBox, ink: np.ndarray, unit: float) -> float:
    """How far from the row `line` a character it lost may stand: a letter-spaced row's widest blank
    (`ROW_END_GAP`), or a justified row's widest word space where stretched wider, with an ink end's
    play (`EDGE_TOLERANCE`): the space before its lost first word is stretched as its others are
    (random seed 2646, 24 px Latin: `of` 45 px before `Land Management`, whose space is 51, was
    left out, and the row, boxed from `Land`, stood indented and opened a paragraph)."""
    return max(ROW_END_GAP * unit, max(_word_spaces(line, unit, ink), default=0) + EDGE_TOLERANCE * unit)


def _row_width(line: LineBox, level: list[LineBox], rightward: bool, unit: float) -> float:
    """How wide the row `line` begins (`rightward`) or ends runs: through the pieces level with it a
    letter space or a word's apart, as the detector may box a row (random seed 2785: `4月起，` and
    `我市在城区` boxed apart at the comma's blank)."""
    x0, x1 = line.x0, line.x1
    for piece in sorted(level, key=lambda l: l.x0 if rightward else -l.x1):
        if rightward and 0 <= piece.x0 - x1 <= ROW_END_GAP * unit:
            x1 = max(x1, piece.x1)
        elif not rightward and 0 <= x0 - piece.x1 <= ROW_END_GAP * unit:
            x0 = min(x0, piece.x0)
    return x1 - x0


def _body_character(row: np.ndarray, box: BBox, gray: np.ndarray, unit: float, paper: float,
                    body_ink: float, densest: float = MISSED_FUSED_DENSITY) -> bool:
    """Ink of one or two characters of body type: of its height, as dense as small type blurs
    (`densest` at most), as dark as the body's ink."""
    x0, y0, x1, y1 = box
    if not BODY_HEIGHT[0] * unit <= y1 - y0 <= BODY_HEIGHT[1] * unit or x1 - x0 < MISSED_PIECE * unit:
        return False
    if not MISSED_DENSITY[0] <= row.mean() <= densest:
        return False
    darkest = float(np.percentile(gray[y0:y1, x0:x1][row > 0], 10))
    return paper - darkest >= MISSED_DARKNESS * (paper - body_ink)


def _densest_character(line: LineBox, ink: np.ndarray, width: int) -> float:
    """The share of its box the densest run of ink across `line` at least `width` wide fills (a
    character, or characters the blur ran together; a narrower run, a stroke, fills more), each run's
    box tight to its ink: how dense the row's own type blurs (random seed 2785, CJK at 9.8 px, JPEG
    q20: `道` of `道：4月起` at 0.88, the row's characters up to 0.89)."""
    band = ink[line.y0:line.y1, line.x0:line.x1] > 0
    inked = np.flatnonzero(band.any(axis=0))
    if not inked.size:
        return 0.0
    breaks = np.flatnonzero(np.diff(inked) > 1)
    densest = 0.0
    for start, end in zip(inked[np.r_[0, breaks + 1]], inked[np.r_[breaks, len(inked) - 1]] + 1, strict=True):
        if end - start < width:
            continue
        run = band[:, start:end]
        rows = np.flatnonzero(run.any(axis=1))
        densest = max(densest, float(run[rows[0]:rows[-1] + 1].mean()))
    return densest


def unboxed_text_size(gray: np.ndarray, lines: list[LineBox], unit: float) -> float | None:
    """The ink's measure of the body type where the detector left the page's text unboxed, else
    None. Where it boxed only a few lines and those stand far taller than the ink's own text
    measures (seed 1037: bilevel bold sans at 9.2 px whose letters fuse; 5 boxes of masthead and
    headings, unit 35 px at the working scale for body ink of 14), the unit is the headings' and
    the body would be passed over as specks, or its rows joined over the gutters."""
    if len(lines) >= MISSED_FEW_LINES:
        return None
    measured = estimate_text_size(gray)
    return measured if measured is not None and unit >= MISSED_OVERSIZED * measured else None


def _on_boxed_row(piece: tuple[int, int, int, int], boxed: LineIndex) -> bool:
    """The piece stands level with a horizontal line of its size, as near it as pieces of one row run
    together: a row's first or last letters the detector cut off. Stacked down a column's edge they
    stand as tall as a vertical title (random seed 2746, Fraktur at 8.9 px: the capitals cut off
    eight rows' starts, a false title (48, 1243, 107, 1444)). A vertical title's character beside a
    column stands level with two rows of it or more (fixture page_h: 28 px beside rows of 14)."""
    x, y, w, h = piece
    reach = int(MISSED_CHARACTER_GAP * h / 2) + 1
    probe = LineBox((x, y, x + w, y + h))
    return any(min(l.y1, y + h) - max(l.y0, y) >= SAME_ROW * max(l.height, h)
               and l.x0 - reach <= x + w and x <= l.x1 + reach for l in boxed.around(probe, h))


def _vertical_blocks(pieces: np.ndarray, kept: list[tuple[int, int, int, int]], gray: np.ndarray, unit: float,
                     paper: float, body_ink: float, boxed: LineIndex) -> list[LineBox]:
    """Vertical lines in blocks of pieces much taller than wide: a vertical title the detector
    never boxed (random seeds 59, 88, 133: two columns of a title, seven characters and more
    each, made rows of two characters, each row a false title). Pieces run together across a
    character's share of blank either way; a block standing as a vertical title's lines do is
    cut into its lines at the blank columns between them, each then tested as a row is, turned.
    The detector misses vertical lines of title type only: a narrower column of pieces is the dark
    ends of reversed kickers stacked one under another (random seeds 142, 163). A block half of whose
    pieces or more stand on boxed rows (`_on_boxed_row`) is those rows' cut-off starts or ends."""
    joined = np.zeros(pieces.shape, np.uint8)
    for x, y, w, h in kept:
        across, down = int(MISSED_CHARACTER_GAP * h / 2) + 1, int(MISSED_CHARACTER_GAP * w / 2) + 1
        joined[max(0, y - down):y + h + down, max(0, x - across):x + w + across] = 1
    count, labels, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    on_rows, members = np.zeros(count, int), np.zeros(count, int)
    for piece in kept:
        block = labels[piece[1], piece[0]]
        members[block] += 1
        on_rows[block] += _on_boxed_row(piece, boxed)
    found = []
    for index in range(1, count):
        x, y, w, h, _ = stats[index]
        if 2 * on_rows[index] >= members[index]:
            continue
        block = pieces[y:y + h, x:x + w] * (labels[y:y + h, x:x + w] == index)
        rows, columns = np.flatnonzero(block.any(axis=1)), np.flatnonzero(block.any(axis=0))
        if rows.size == 0 or rows[-1] - rows[0] + 1 < VERTICAL_ASPECT * (columns[-1] - columns[0] + 1):
            continue
        for a, b in _runs(columns):
            line = block[:, a:b]
            inked = np.flatnonzero(line.any(axis=1))
            box = (int(x + a), int(y + inked[0]), int(x + b), int(y + inked[-1] + 1))
            line = line[inked[0]:inked[-1] + 1]
            turned = (box[1], box[0], box[3], box[2])
            width = box[2] - box[0]
            if box[3] - box[1] >= VERTICAL_ASPECT * width and width >= MISSED_VERTICAL_WIDTH * unit \
                    and _text_like(line.T, turned, gray.T, unit, paper, body_ink):
                found.append(LineBox(box, TextDirection.VERTICAL_RL))
    return found


def _runs(columns: np.ndarray) -> list[tuple[int, int]]:
    """Runs of consecutive inked columns as (first, last + 1): a vertical title's lines, with the
    blank between them."""
    breaks = np.flatnonzero(np.diff(columns) > 1)
    starts = np.concatenate([[columns[0]], columns[breaks + 1]])
    ends = np.concatenate([columns[breaks] + 1, [columns[-1] + 1]])
    return list(zip(starts.tolist(), ends.tolist()))


def _ink_levels(gray: np.ndarray, lines: list[LineBox]) -> tuple[float, float]:
    """The paper's grey and the body text's ink, from the lines found."""
    paper = float(np.percentile(gray, 90))
    samples = [gray[l.y0:l.y1, l.x0:l.x1] for l in lines[::max(1, len(lines) // 50)]]
    darkest = [float(np.percentile(s, 10)) for s in samples if s.size]
    return paper, (float(np.median(darkest)) if darkest else 0.0)


def _text_like(row: np.ndarray, box: BBox, gray: np.ndarray, unit: float, paper: float, body_ink: float,
               unboxed: bool = False) -> bool:
    """A row of several character-sized pieces (`row`: their ink in `box`), no taller than its
    tallest (rows stacked, an ornament's border beside text, are not one line), as dark as the
    page's text (bleed-through from the back of the sheet is fainter), neither a solid blot nor a
    stray stroke."""
    x0, y0, x1, y1 = box
    height, width = y1 - y0, x1 - x0
    tallest = MISSED_UNBOXED_HEIGHT if unboxed else MISSED_HEIGHT[1]
    if not MISSED_HEIGHT[0] * unit <= height <= tallest * unit or width < MISSED_LINE_WIDTH * height:
        return False
    densest = MISSED_FUSED_DENSITY if unboxed else MISSED_DENSITY[1]
    if not MISSED_DENSITY[0] <= row.mean() <= densest:
        return False
    count, _, stats, _ = cv2.connectedComponentsWithStats(row.astype(np.uint8), connectivity=8)
    if height > MISSED_ROW_HEIGHT * stats[1:, cv2.CC_STAT_HEIGHT].max():
        return False
    if count - 1 < MISSED_PIECES and not unboxed:  # on an unboxed page a word's letters fuse
        return False
    darkest = float(np.percentile(gray[y0:y1, x0:x1][row > 0], 10))
    return paper - darkest >= MISSED_DARKNESS * (paper - body_ink)
