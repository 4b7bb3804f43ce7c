"""Separator rules: long thin strokes, found with OpenCV morphology."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from broadsheet.layout.thresholds import (
    DOUBLE_RULE_ALONG,
    FRAME_FILL,
    FRAME_MAX_BAR,
    FRAME_MIN_SIDE,
    INK_CONTRAST,
    PHOTO_TONE,
    RULE_BLUR_ROWS,
    RULE_BREAK,
    RULE_BRIDGE,
    RULE_COLUMN_ENDS,
    RULE_COLUMN_PIECE,
    RULE_COLUMN_REACH,
    RULE_EDGE_SHARE,
    RULE_HEAVY_LENGTH,
    RULE_HEAVY_THICKNESS,
    RULE_INK_DEPTH,
    RULE_ONE_SIDE_LENGTH,
    RULE_PAPER,
    RULE_PIECE_LENGTH,
    RULE_PIECE_OVERLAP,
    RULE_ROW_BREAK,
    RULE_SIDE_INK,
    RULE_SIDE_STROKE,
    TYPE_MIDDLE,
)
from broadsheet.model import BBox, holds_middle, overlaps


@dataclass(frozen=True)
class Rule:
    bbox: BBox

    @property
    def horizontal(self) -> bool:
        x0, y0, x1, y1 = self.bbox
        return (x1 - x0) >= (y1 - y0)


def ink_mask(gray: np.ndarray, contrast: int = INK_CONTRAST) -> np.ndarray:
    """Ink as 255 on 0: darker than the local mean by `contrast`, robust to paper tone and uneven
    lighting. Rules are looked for with a lower contrast: on a low-resolution scan a thin rule is
    a faint grey line, and only long straight runs survive the rule filter anyway."""
    return cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 51, contrast)


def find_rules(ink: np.ndarray, unit: float, min_length: int, max_thickness: int,
               lines: list[BBox] = ()) -> list[Rule]:
    """Strokes at least `min_length` long and at most `max_thickness` thick, with paper both sides,
    the shorter pieces of a broken column rule that continue a long one, and shorter rules across
    one column of text (`lines`: the page's text line boxes, `_across_column`).

    A short closing first bridges dotted and broken rules; the opening with a long line kernel
    then keeps only what is straight and long. The bridge is kept small against the text size
    (on a low-resolution scan it would fuse a row of characters into a stroke), and a candidate
    with ink hugging both sides is the middle of a text line, not a rule.
    """
    upright = _long_runs(ink, unit, False, int(RULE_SIDE_STROKE * unit))
    rules = []
    for horizontal in (True, False):
        found, crowded = _stroke_pieces(ink, unit, horizontal, min_length, max_thickness, upright, lines)
        pieces = found + _double_rules(ink, found, crowded, horizontal, unit)
        rules += [Rule(box) for box in pieces if not (horizontal and _in_type(box, lines, unit))]
    vertical = [r.bbox for r in rules if not r.horizontal]
    upright_pieces = strokes(ink, unit, False, int(RULE_PIECE_LENGTH * unit), max_thickness, upright)
    continued = _continuations(vertical, upright_pieces, unit)
    # a rule under one narrow column, cut off its row's rule by the column rules, is shorter than a
    # rule alone must be; in line with that rule's ends it is the same rule (found as upright rules
    # are, on the boxes mirrored over the diagonal)
    across_rules = [_transposed(r.bbox) for r in rules if r.horizontal]
    short = strokes(ink, unit, True, int(RULE_COLUMN_PIECE * unit), max_thickness, upright)
    continued += [_transposed(box) for box in _continuations(across_rules, [_transposed(b) for b in short], unit)]
    # a column rule crossing a short piece (a T at the gutter) does not make it a known rule's piece
    known = [box for box in [r.bbox for r in rules] + continued if box[2] - box[0] >= box[3] - box[1]]
    short = [box for box in short if not any(overlaps(box, other) for other in known)]
    in_row = _pieces_in_a_row(short, lines, min_length, unit)
    alone = [box for box in short if box in in_row or _across_column(box, lines, unit)]
    return rules + [Rule(box) for box in continued + alone]


def printed(rules: list[Rule], gray: np.ndarray, lines: list[BBox]) -> list[Rule]:
    """The rules printed on this side of the sheet: under the paper's tone by at least `RULE_INK_DEPTH`
    of the depth of the text's ink (each line's darkest twentieth, the median over the lines). A rule
    of the page behind, shown through, is a faint grey however thick (random seed 2754, 52.2 px: 13
    grey levels under the paper, a twelfth of the type's depth, parted a title from its first column);
    so is a scan's edge against its background. Printed ink, thin and blurred, is a third and more."""
    if not lines:
        return rules
    paper = float(np.percentile(gray, 90))
    ink = float(np.median([np.percentile(gray[y0:y1, x0:x1], 5) for x0, y0, x1, y1 in lines
                           if x1 > x0 and y1 > y0] or [0.0]))
    return [r for r in rules if paper - _tone(gray, r) >= RULE_INK_DEPTH * (paper - ink)]


def _tone(gray: np.ndarray, rule: Rule) -> float:
    """A rule's grey: the darkest pixel across it, at each point along it (a pixel either side for its
    blur); a quarter of its length at least that dark (a dotted rule's gaps are paper)."""
    x0, y0, x1, y1 = rule.bbox
    if rule.horizontal:
        across = gray[max(0, y0 - 1):y1 + 1, x0:x1].min(axis=0)
    else:
        across = gray[y0:y1, max(0, x0 - 1):x1 + 1].min(axis=1)
    return float(np.percentile(across, 25)) if across.size else 255.0


def _pieces_in_a_row(pieces: list[BBox], lines: list[BBox], min_length: int, unit: float) -> set[BBox]:
    """Horizontal pieces in one row, each at most `RULE_ROW_BREAK` from the next, reaching
    `min_length` together: one rule printed column by column, broken at the gutters (random seed
    2738, 8.6 px: two 164 px rules over two narrow columns, 6 px apart, each short of 184 px).

    Each piece is judged against the text lines, as `_across_column` judges one: it parts boxed lines
    above it from boxed lines below it (each within `RULE_COLUMN_REACH`), and lies in none of their
    boxes. A row of type blurred solid, its columns' pieces a gutter apart, is the same shape: boxed,
    its line holds its pieces (random seed 2594, 9.4 px: a faint rule ran into a column's row, and
    the two made one rule that cut the column); unboxed, nothing says it is no row of type (2612,
    9.1 px Fraktur, the detector boxing none of the body: two columns' last rows over their titles)."""
    reach = RULE_COLUMN_REACH * unit
    pieces = [p for p in pieces if not any(holds_middle(b, p) for b in lines)
              and any(b[0] < p[2] and p[0] < b[2] and 0 <= p[1] - b[3] <= reach for b in lines)
              and any(b[0] < p[2] and p[0] < b[2] and 0 <= b[1] - p[3] <= reach for b in lines)]
    found: set[BBox] = set()
    step = RULE_ROW_BREAK * unit
    for piece in sorted(pieces):
        if piece in found:
            continue
        row = [piece]
        for other in sorted(pieces):
            last = row[-1]
            if other[0] > last[0] and 0 <= other[0] - last[2] <= step and other[1] < last[3] and last[1] < other[3]:
                row.append(other)
        if row[-1][2] - row[0][0] >= min_length and len(row) > 1:
            found.update(row)
    return found


def _in_type(stroke: BBox, lines: list[BBox], unit: float) -> bool:
    """A horizontal stroke along the middle of a text line's box, end to end inside it: the line's type
    blurred solid, not a rule (random seed 2505, 8.0 px: a caption's bold row at blur 0.65, 8 px thick,
    cut the caption above its last row and sent that row to the body)."""
    x0, y0, x1, y1 = stroke
    middle, slack = (y0 + y1) / 2, RULE_COLUMN_ENDS * unit
    return any(b[0] - slack <= x0 and x1 <= b[2] + slack
               and abs(middle - (b[1] + b[3]) / 2) <= TYPE_MIDDLE * (b[3] - b[1]) for b in lines)


def _across_column(stroke: BBox, lines: list[BBox], unit: float) -> bool:
    """A horizontal stroke ending where a column's text ends on both sides, right above or right
    below it: a rule parting two items of one narrow column (a column of eight to twelve characters
    is shorter than a rule alone must be: random seeds 1256, 1293, 1247, 1266, the rule over a
    title taken for a subhead of the article above). A stroke of type has no column's edges at its
    ends, or lies inside its line's box (random seed 1261: the x-height band of a bold word, blurred
    solid, `Management` in a notice's head)."""
    x0, y0, x1, y1 = stroke
    if any(holds_middle(b, stroke) for b in lines):
        return False
    reach, slack = RULE_COLUMN_REACH * unit, RULE_COLUMN_ENDS * unit
    for side in (-1, 1):
        near = [b for b in lines if b[0] < x1 and x0 < b[2]
                and (0 <= y0 - b[3] <= reach if side < 0 else 0 <= b[1] - y1 <= reach)]
        if near and abs(min(b[0] for b in near) - x0) <= slack and abs(max(b[2] for b in near) - x1) <= slack:
            return True
    return False


def _transposed(box: BBox) -> BBox:
    """The box mirrored over the diagonal: a horizontal stroke's as an upright one's, and back."""
    return box[1], box[0], box[3], box[2]


def find_frames(gray: np.ndarray, ink: np.ndarray, unit: float, min_length: int,
                max_thickness: int) -> tuple[list[Rule], list[BBox]]:
    """The sides of closed frames that are too thick for a rule: a box framed by heavy bars
    (Národní listy's notices of death). Long straight runs of ink, across and upright, that close
    round a rectangle of paper at least `FRAME_MIN_SIDE` a side are a frame; a reversed heading's
    band closes round none (its letters break every upright run). A photo's flat tone is ink
    only along its edges in `ink` (darker than the local mean), so it looks framed: its inside is
    not paper. Returns those bars, and the paper inside every frame, thin or heavy (a boxed item's
    own space, which no article crosses)."""
    runs = _long_runs(ink, unit, True, min_length) | _long_runs(ink, unit, False, min_length)
    contours, hierarchy = cv2.findContours(runs, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_SIMPLE)
    paper = float(np.percentile(gray, 90))
    bars: list[Rule] = []
    holes: list[BBox] = []
    for contour, (_, _, _, parent) in zip(contours, hierarchy[0] if hierarchy is not None else []):
        x, y, w, h = cv2.boundingRect(contour)
        if parent < 0 or min(w, h) < FRAME_MIN_SIDE * unit or cv2.contourArea(contour) < FRAME_FILL * w * h:
            continue  # an outline, not a hole; or a hole too small or not a rectangle
        x1, y1 = x + w, y + h
        if np.median(gray[y:y1, x:x1]) < paper - PHOTO_TONE:
            continue  # a photo's inside
        holes.append((x, y, x1, y1))
        for side in ("top", "bottom", "left", "right"):
            depth = _bar_depth(runs, (x, y, x1, y1), side, int(FRAME_MAX_BAR * unit))
            bar = {"top": (x, y - depth, x1, y), "bottom": (x, y1, x1, y1 + depth),
                   "left": (x - depth, y, x, y1), "right": (x1, y, x1 + depth, y1)}[side]
            # of a rule's thickness: found as a rule, or text is set against it; at the scan's
            # edge: the page's border, not a frame
            inside = depth <= min(bar[0], bar[1], runs.shape[1] - bar[2], runs.shape[0] - bar[3])
            if depth > max_thickness and inside:
                bars.append(Rule(bar))
    return bars, holes


def _bar_depth(runs: np.ndarray, hole: BBox, side: str, most: int) -> int:
    """How thick the run of ink along one side of a hole is, outwards from the hole's edge: rows
    (columns) inked along most of the side's middle half."""
    x0, y0, x1, y1 = hole
    qx, qy = (x1 - x0) // 4, (y1 - y0) // 4
    middle_x, middle_y = slice(x0 + qx, x1 - qx), slice(y0 + qy, y1 - qy)
    if side in ("top", "bottom"):
        span = runs[max(0, y0 - most):y0, middle_x][::-1] if side == "top" else runs[y1:y1 + most, middle_x]
        inked = span.mean(axis=1) / 255 >= FRAME_FILL
    else:
        span = runs[middle_y, max(0, x0 - most):x0][:, ::-1] if side == "left" else runs[middle_y, x1:x1 + most]
        inked = span.mean(axis=0) / 255 >= FRAME_FILL
    return int(np.argmin(inked)) if not inked.all() else len(inked)


def _long_runs(ink: np.ndarray, unit: float, horizontal: bool, min_length: int) -> np.ndarray:
    """The ink of straight runs at least `min_length` long, dotted and broken ones bridged."""
    bridge_length = max(3, int(RULE_BRIDGE * unit))
    bridge = (bridge_length, 1) if horizontal else (1, bridge_length)
    length = (min_length, 1) if horizontal else (1, min_length)
    closed = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, bridge))
    return cv2.morphologyEx(closed, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, length))


def strokes(ink: np.ndarray, unit: float, horizontal: bool, min_length: int, max_thickness: int,
            upright: np.ndarray | None = None) -> list[BBox]:
    """Straight pieces of the strokes at least `min_length` long and at most `max_thickness` thick,
    each with paper both sides (`upright`: the ink of long upright strokes, paper beside a rule)."""
    return _stroke_pieces(ink, unit, horizontal, min_length, max_thickness, upright)[0]


def _stroke_pieces(ink: np.ndarray, unit: float, horizontal: bool, min_length: int, max_thickness: int,
                   upright: np.ndarray | None, lines: list[BBox] = ()) -> tuple[list[BBox], list[BBox]]:
    """The straight pieces of `strokes`: (those with paper both sides, those with ink beside them). A
    long upright piece with paper on one side and text lines (`lines`) on both is a column rule too."""
    opened = _long_runs(ink, unit, horizontal, min_length)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(opened, connectivity=8)
    boxes, crowded = [], []
    for label, (x, y, w, h, _area) in enumerate(stats[1:count], 1):
        stroke = labels[y:y + h, x:x + w] == label
        thickness = max_thickness
        if horizontal and w >= RULE_HEAVY_LENGTH * unit:
            thickness = max(max_thickness, int(RULE_HEAVY_THICKNESS * unit))
        for start, top, end, bottom in _straight_pieces(stroke if horizontal else stroke.T, thickness,
                                                        int(RULE_PIECE_OVERLAP * unit)):
            if horizontal:
                box = (int(x) + start, int(y) + top, int(x) + end, int(y) + bottom)
            else:
                box = (int(x) + top, int(y) + start, int(x) + bottom, int(y) + end)
            clear = _paper_beside(ink, box, horizontal, unit, upright)
            if not clear and not horizontal:
                sides = _ink_beside_rows(ink, stroke[start:end], int(x), int(y) + start, unit, upright)
                # the next column's text may be set tight against one side of a column rule (random seed
                # 2566, 0.55 em gutters split unevenly: letters 2-3 px off it); a text line's middle has ink
                # both sides, and no stroke of type runs this long. A scan's shadowed edge beside the first
                # column has no text beyond it (the Czech news page's, 22 units)
                clear = max(sides) < RULE_SIDE_INK or (
                    box[3] - box[1] >= RULE_ONE_SIDE_LENGTH * unit and min(sides) < RULE_SIDE_INK
                    and _between_columns(box, lines, unit))
            (boxes if clear else crowded).append(box)
    return boxes, crowded


def _between_columns(box: BBox, lines: list[BBox], unit: float) -> bool:
    """Text lines end a character or less left of the upright stroke and start as near right of it, level
    with it: the stroke stands in a gutter."""
    x0, y0, x1, y1 = box

    def level(line: BBox) -> bool:
        return line[1] < y1 and y0 < line[3]

    left = any(level(l) and (l[0] + l[2]) / 2 < x0 and l[2] >= x0 - unit for l in lines)
    return left and any(level(l) and (l[0] + l[2]) / 2 > x1 and l[0] <= x1 + unit for l in lines)


def _ink_beside_rows(ink: np.ndarray, stroke: np.ndarray, x: int, y: int, unit: float,
                     upright: np.ndarray | None) -> list[float]:
    """The share of ink along each side of an upright stroke (left, right), as `_paper_beside` measures
    it, row by row beside the stroke's own ink, not its box: a column rule a fraction of a degree off
    upright has a box as wide as its drift, and text set a hair from the rule (the Czech daily's
    one-character gutters) falls inside the box's side bands. `stroke`: the stroke's rows (x, y: the
    page position of its first row and column)."""
    inked = stroke.any(axis=1)
    if not inked.any():
        return [1.0, 1.0]
    rows = np.flatnonzero(inked)
    left = np.argmax(stroke[rows], axis=1)
    right = stroke.shape[1] - 1 - np.argmax(stroke[rows, ::-1], axis=1)
    reach = max(2, int(RULE_PAPER * unit))
    steps = np.arange(reach)
    page_rows = (y + rows)[:, None]
    sides = []  # a column clear of the stroke's edge, as `_sides` leaves
    for columns in (x + left[:, None] - 2 - steps, x + right[:, None] + 2 + steps):
        inside = (columns >= 0) & (columns < ink.shape[1])
        columns = np.clip(columns, 0, ink.shape[1] - 1)
        side = (ink[page_rows, columns] > 0) & inside
        if upright is not None:
            side &= ~(upright[page_rows, columns] > 0)
        sides.append(float(side.mean()))
    return sides


def _double_rules(ink: np.ndarray, clear: list[BBox], crowded: list[BBox], horizontal: bool,
                  unit: float) -> list[BBox]:
    """The crowded strokes that are one line of a double rule: set beside another stroke, closer
    than a rule's paper, running along it for most of its length, each with paper on its outer
    side (a header band's heavy rule over a thin one, 1-2 px apart on a small page)."""
    across = (1, 3) if horizontal else (0, 2)  # the box's sides across the strokes
    along = (0, 2) if horizontal else (1, 3)
    reach = max(2, int(RULE_PAPER * unit)) + 1
    found = set()
    for a in crowded:
        for b in clear + crowded:
            first, second = (a, b) if a[across[0]] < b[across[0]] else (b, a)
            if a is b or not 0 <= second[across[0]] - first[across[1]] <= reach:
                continue
            shared = min(a[along[1]], b[along[1]]) - max(a[along[0]], b[along[0]])
            if shared < DOUBLE_RULE_ALONG * max(a[along[1]] - a[along[0]], b[along[1]] - b[along[0]]):
                continue
            outer = (_side_ink(_sides(ink, first, horizontal, unit))[0],
                     _side_ink(_sides(ink, second, horizontal, unit))[1])
            if max(outer) < RULE_SIDE_INK:
                found.add(a)
    return sorted(found)


def _continuations(rules: list[BBox], pieces: list[BBox], unit: float) -> list[BBox]:
    """The pieces of vertical strokes that continue a column rule across a break: in its line (their
    x-ranges overlap) and at most `RULE_BREAK` beyond its end or another such piece's. A column
    rule printed faint breaks up, most often at its ends; its pieces are too short to be rules
    alone, but a stroke of type does not line up with a rule."""
    reach = RULE_BREAK * unit
    found: list[BBox] = []
    chain = list(rules)
    while chain:
        rx0, ry0, rx1, ry1 = chain.pop()
        for piece in pieces:
            px0, py0, px1, py1 = piece
            if piece in found or px1 <= rx0 or px0 >= rx1 or not (ry0 - reach <= py1 and py0 <= ry1 + reach):
                continue
            if not any(r[0] < px1 and px0 < r[2] and r[1] <= py0 and py1 <= r[3] for r in rules + found):
                found.append(piece)  # reaches past the rules found: a piece beyond a break
                chain.append(piece)
    return found


def _straight_pieces(stroke: np.ndarray, max_thickness: int, overlap: int) -> list[tuple[int, int, int, int]]:
    """A connected stroke, lengthwise along axis 1, as (start, top, end, bottom) pieces along it, each
    no thicker than `max_thickness` across.

    A long rule a fraction of a degree off the page's axis is thin at every point, but its box is
    as thick as its drift (Der Nordstern: 3 px wide, 15 px of drift over 2,300 rows), so it is cut
    into straight pieces. They overlap by `overlap`, so that a line the rule passes lies beside one
    whole piece. A stroke thicker than that at some point is type or a box, not a rule.
    """
    top = np.argmax(stroke, axis=0)  # connected: every position along it has ink
    bottom = stroke.shape[0] - np.argmax(stroke[::-1], axis=0)
    if (bottom - top).max() > max_thickness:
        return []
    length = stroke.shape[1]

    def piece(start: int) -> tuple[int, int, int, int]:
        low, high, end = top[start], bottom[start], start + 1
        while end < length and max(high, bottom[end]) - min(low, top[end]) <= max_thickness:
            low, high, end = min(low, top[end]), max(high, bottom[end]), end + 1
        return start, int(low), end, int(high)

    pieces = [piece(0)]
    while pieces[-1][2] < length:
        following = piece(max(pieces[-1][0] + 1, pieces[-1][2] - overlap))
        # where the stroke steps across, no piece overlaps the last one past it
        pieces.append(following if following[2] > pieces[-1][2] else piece(pieces[-1][2]))
    return pieces


def _paper_beside(ink: np.ndarray, box: tuple[int, int, int, int], horizontal: bool, unit: float,
                  upright: np.ndarray | None) -> bool:
    """Both sides of the stroke are mostly paper for a fifth of a character (the middle of a text
    line has ink both sides). Beside an upright stroke, other long upright strokes count as paper:
    a box's heavy frame with a thin line beside it, a column rule with a box set against part of
    it (Národní listy's ads); text set tight against a rule is letters, not long strokes."""
    sides = _sides(ink, box, horizontal, unit)
    if upright is not None and not horizontal:
        sides = [side & ~stroke for side, stroke in zip(sides, _sides(upright, box, horizontal, unit))]
    return max(_side_ink(sides)) < RULE_SIDE_INK


def _sides(ink: np.ndarray, box: BBox, horizontal: bool, unit: float) -> list[np.ndarray]:
    """The ink a fifth of a character deep along both sides of a stroke (above, below; left, right)."""
    x0, y0, x1, y1 = box
    reach = max(2, int(RULE_PAPER * unit))
    gap = 1
    if horizontal:
        return [ink[max(0, y0 - gap - reach):max(0, y0 - gap), x0:x1], ink[y1 + gap:y1 + gap + reach, x0:x1]]
    return [ink[y0:y1, max(0, x0 - gap - reach):max(0, x0 - gap)], ink[y0:y1, x1 + gap:x1 + gap + reach]]


def _side_ink(sides: list[np.ndarray]) -> list[float]:
    """The share of ink along each side of a stroke."""
    return [float(side.mean()) / 255 if side.size else 0.0 for side in sides]


def crosses(rules: list[Rule], x0: float, y0: float, x1: float, y1: float) -> bool:
    """Whether any rule lies inside the rectangle between two blocks (a separator between them)."""
    return any(overlaps((x0, y0, x1, y1), rule.bbox) for rule in rules)


def _blur_of(column: np.ndarray, edge: np.ndarray) -> bool:
    """A pixel column beside a rule's box is the rule's blur: inked along at least `RULE_EDGE_SHARE` as
    much of the rule as the box's edge column, and nearly only in rows that edge is inked in
    (`RULE_BLUR_ROWS`). Type beside a dotted or faint rule is inked in rows of its own: on Der Nordstern
    (1878) a rule whose box edge was inked along a tenth of it took 9 px of the line ends beside it."""
    inked, shared = np.count_nonzero(column), np.count_nonzero(column & edge)
    return 0 < inked and inked >= RULE_EDGE_SHARE * np.count_nonzero(edge) and shared >= RULE_BLUR_ROWS * inked


def erase_rules(ink: np.ndarray, rules: list[Rule]) -> None:
    """Clear each rule's ink from `ink`, and a column rule's blur that its box leaves out (`_blur_of`), up
    to the rule's thickness each way. A dotted rule's dots are boxed a pixel short of their width (random
    seed 2577: every line of the column beside it started on that pixel, and a paragraph's indent was
    lost). Not across: a horizontal stroke may be a row's own type blurred solid (2566, 9.5 px), and
    widening it would eat the row."""
    for rule in rules:
        x0, y0, x1, y1 = rule.bbox
        lo, hi = x0, x1
        if not rule.horizontal:
            start, end = max(0, 2 * x0 - x1), min(ink.shape[1], 2 * x1 - x0)
            while lo > start and _blur_of(ink[y0:y1, lo - 1], ink[y0:y1, x0]):
                lo -= 1
            while hi < end and _blur_of(ink[y0:y1, hi], ink[y0:y1, x1 - 1]):
                hi += 1
        ink[y0:y1, lo:hi] = 0
