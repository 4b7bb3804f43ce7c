"""Group detected text lines into blocks: masthead, headline groups, body column segments.

Sizes are measured in `unit`, the median height of a detected body line box: newspapers set body
text in one size, so everything else is found by comparing against it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from broadsheet.layout.rules import Rule
from broadsheet.model import BBox, TextDirection

HEADLINE_RATIO = 1.22  # box height / unit above which a line is headline type
MIN_COLUMN_LINES = 3  # x-extents seen this often make a column
MIN_COLUMN_WIDTH = 5  # in units: no newspaper sets a column narrower than this many characters


@dataclass
class LineBox:
    bbox: BBox
    direction: TextDirection = TextDirection.HORIZONTAL_LR

    @property
    def x0(self) -> int:
        return self.bbox[0]

    @property
    def y0(self) -> int:
        return self.bbox[1]

    @property
    def x1(self) -> int:
        return self.bbox[2]

    @property
    def y1(self) -> int:
        return self.bbox[3]

    @property
    def height(self) -> int:
        return self.y1 - self.y0

    @property
    def width(self) -> int:
        return self.x1 - self.x0

    @property
    def size(self) -> int:
        """Character size: the box's short side."""
        return self.width if self.direction == TextDirection.VERTICAL_RL else self.height


@dataclass
class Block:
    lines: list[LineBox] = field(default_factory=list)

    @property
    def bbox(self) -> BBox:
        return (min(l.x0 for l in self.lines), min(l.y0 for l in self.lines),
                max(l.x1 for l in self.lines), max(l.y1 for l in self.lines))


def as_line_boxes(boxes: list[BBox]) -> list[LineBox]:
    lines = []
    for box in boxes:
        x0, y0, x1, y1 = box
        vertical = (y1 - y0) > 2.5 * (x1 - x0)
        direction = TextDirection.VERTICAL_RL if vertical else TextDirection.HORIZONTAL_LR
        lines.append(LineBox(box, direction))
    return lines


def split_at_gaps(lines: list[LineBox], ink: np.ndarray, rules: list[Rule]) -> list[LineBox]:
    """Cut boxes that the detector stretched across a column gutter, and tighten all to their ink.

    A blank wider than half a line is a candidate cut, but CJK punctuation (、。“”) leaves blanks
    as wide as a gutter; a gutter is told apart by the lines above and below it being blank there
    too. Tight boxes make column edges line up exactly for the grid analysis.
    """
    gaps = {id(line): _blank_runs(line, ink) for line in lines}
    pieces: list[LineBox] = []
    for line in lines:
        runs = gaps[id(line)]
        if runs is None:
            continue
        if line.direction == TextDirection.VERTICAL_RL:
            x0, y0, x1, y1 = line.bbox
            # across a whole vertical line the blank columns inside one character (川) are inked
            # by the others, so a narrow bridge keeps a neighbouring line out
            left, right = _ink_rows(ink[y0:y1, x0:x1].T, bridge_share=10)
            rows = np.flatnonzero(ink[y0:y1, x0 + left:x0 + right].any(axis=1))
            pieces.append(LineBox((x0 + left, y0 + int(rows[0]), x0 + right, y0 + int(rows[-1]) + 1), line.direction))
            continue
        ink_start, ink_end, blanks = runs
        cuts = [(a, b) for a, b in blanks if _is_gutter(line, (a + b) / 2, lines, rules)]
        bounds = [ink_start] + [v for a, b in cuts for v in (a, b)] + [ink_end]
        for start, end in zip(bounds[::2], bounds[1::2]):
            top, bottom = _ink_rows(ink[line.y0:line.y1, start:end])
            pieces.append(LineBox((start, line.y0 + top, end, line.y0 + bottom), line.direction))
    return pieces


def _ink_rows(band: np.ndarray, bridge_share: int = 4) -> tuple[int, int]:
    """The run of inked rows around the box's middle: the padding of a detector box reaches into
    the lines above and below, and blank rows inside characters (二, 三) must not cut the run.
    The run's ends are trimmed to rows with real ink: a neighbour's stray tips are sparse rows."""
    counts = np.count_nonzero(band, axis=1)
    height = len(counts)
    if not counts.any():
        return 0, height
    rows = counts >= max(1, 0.15 * counts.max())
    filled = np.flatnonzero(rows)
    bridge = max(2, height // bridge_share)
    middle = height // 2
    top = bottom = int(filled[np.argmin(np.abs(filled - middle))])
    for y in filled[filled < top][::-1]:
        if top - y > bridge:
            break
        top = int(y)
    for y in filled[filled > bottom]:
        if y - bottom > bridge:
            break
        bottom = int(y)
    return top, bottom + 1


def _blank_runs(line: LineBox, ink: np.ndarray) -> tuple[int, int, list[tuple[int, int]]] | None:
    """(first ink x, last ink x, blank runs wider than half the line height), page coordinates."""
    x0, y0, x1, y1 = line.bbox
    margin = line.height // 5  # padding rows touch the neighbouring lines' ink
    band = ink[y0 + margin:max(y1 - margin, y0 + margin + 1), x0:x1]
    filled = np.flatnonzero(band.any(axis=0))
    if filled.size == 0:
        return None
    wide = [(x0 + int(a) + 1, x0 + int(b)) for a, b in zip(filled, filled[1:]) if b - a > 0.45 * line.height]
    return x0 + int(filled[0]), x0 + int(filled[-1]) + 1, wide


def _is_gutter(line: LineBox, x: float, lines: list[LineBox], rules: list[Rule]) -> bool:
    """Most lines of its size above and below, on its side of any rule, leave x blank too. On a
    coarse scan the detector bridges a narrow gutter on several rows in a row, so the
    neighbourhood reaches eight lines each way."""
    def neighbour(o: LineBox) -> bool:
        if o is line or o.x0 >= line.x1 or o.x1 <= line.x0 or not 0.75 < o.height / line.height < 1.33:
            return False
        if abs((o.y0 + o.y1) - (line.y0 + line.y1)) / 2 >= 8 * line.height:
            return False
        upper, lower = (o, line) if o.y0 < line.y0 else (line, o)
        return not crosses(rules, x - 1, upper.y1, x + 1, lower.y0)

    near = [o for o in lines if neighbour(o)]
    if len(near) < 2:
        return False
    covering = sum(1 for o in near if o.x0 < x < o.x1)
    return covering <= 0.4 * len(near)


def body_size(lines: list[LineBox]) -> float:
    """The page's body text size: median height of horizontal lines, weighted by width so that
    body text outweighs headlines."""
    return _body_median(lines, lambda l: l.height)


def is_headline(line: LineBox, unit: float) -> bool:
    return line.direction == TextDirection.VERTICAL_RL or line.height > HEADLINE_RATIO * unit


def _body_median(lines: list[LineBox], height) -> float:
    """Median height of horizontal lines, weighted by width so body text outweighs headlines."""
    horizontal = [l for l in lines if l.direction == TextDirection.HORIZONTAL_LR]
    if not horizontal:
        return 20.0
    heights = np.array([height(l) for l in horizontal], dtype=float)
    weights = np.array([l.width for l in horizontal], dtype=float)
    order = np.argsort(heights)
    cumulative = np.cumsum(weights[order])
    return float(heights[order][np.searchsorted(cumulative, cumulative[-1] / 2)])


def split_by_size(lines: list[LineBox], unit: float, rules: list[Rule]) -> tuple[list[LineBox], list[LineBox]]:
    """(headline lines, body lines). Quote marks and brackets stand above and below the characters,
    so a body line holding them can measure like a kicker; it still continues a body column,
    which a centred headline does not."""
    heads = [l for l in lines if is_headline(l, unit)]
    body = [l for l in lines if not is_headline(l, unit)]
    changed = True
    while changed:
        changed = False
        for line in list(heads):
            if line.direction == TextDirection.HORIZONTAL_LR and line.height < 1.8 * unit and any(
                _continues_column(line, other, unit, rules) for other in body
            ):
                heads.remove(line)
                body.append(line)
                changed = True
    return heads, body


def _continues_column(line: LineBox, neighbour: LineBox, unit: float, rules: list[Rule]) -> bool:
    """The neighbour sits right above or below at body line spacing in the same column, with no
    rule between: left edges align (an indent apart at most), and the line does not stick out
    past the neighbour's right edge."""
    gap = max(line.y0 - neighbour.y1, neighbour.y0 - line.y1)
    if not -0.2 * unit <= gap <= 0.8 * unit:
        return False
    upper, lower = (neighbour, line) if neighbour.y0 < line.y0 else (line, neighbour)
    if crosses(rules, max(line.x0, neighbour.x0), upper.y1, min(line.x1, neighbour.x1), lower.y0):
        return False
    if abs(line.x0 - neighbour.x0) > 2.5 * unit or line.x1 > neighbour.x1 + 0.6 * unit:
        return False
    if neighbour.y0 > line.y0:  # below: a column's first line runs its full width
        return line.x1 >= neighbour.x1 - 0.6 * unit
    return True


def crosses(rules: list[Rule], x0: float, y0: float, x1: float, y1: float) -> bool:
    """Whether any rule lies inside the rectangle between two blocks (a separator between them)."""
    for rule in rules:
        rx0, ry0, rx1, ry1 = rule.bbox
        if rx0 < x1 and rx1 > x0 and ry0 < y1 and ry1 > y0:
            return True
    return False


def merge_row_fragments(lines: list[LineBox], unit: float, rules: list[Rule]) -> list[LineBox]:
    """Join boxes the detector split inside one line (spaces in headlines, wide letter-spacing).

    Body-size fragments are joined only across a small gap: a column gutter is about one
    character wide and must never be bridged.
    """
    lines = sorted(lines, key=lambda l: (l.y0, l.x0))
    merged: list[LineBox] = []
    for line in lines:
        for i, other in enumerate(merged):
            if other.direction != line.direction or line.direction == TextDirection.VERTICAL_RL:
                continue
            overlap = min(other.y1, line.y1) - max(other.y0, line.y0)
            small = min(other.height, line.height)
            if overlap < 0.6 * small or max(other.height, line.height) > 1.4 * small:
                continue
            gap = max(line.x0 - other.x1, other.x0 - line.x1)
            limit = 1.2 * small if small > HEADLINE_RATIO * unit else 0.3 * unit
            if gap <= limit and not crosses(rules, min(other.x1, line.x1), max(other.y0, line.y0),
                                            max(other.x0, line.x0), min(other.y1, line.y1)):
                merged[i] = LineBox((min(other.x0, line.x0), min(other.y0, line.y0),
                                     max(other.x1, line.x1), max(other.y1, line.y1)))
                break
        else:
            merged.append(line)
    return merged


def headline_groups(lines: list[LineBox], unit: float, rules: list[Rule]) -> list[Block]:
    """Horizontal headline lines stacked one above another with overlapping spans, and vertical
    ones standing side by side, with no rule between."""
    vertical = [l for l in lines if l.direction == TextDirection.VERTICAL_RL]
    horizontal = [l for l in lines if l.direction == TextDirection.HORIZONTAL_LR]
    return _stack(horizontal, rules) + _side_by_side(vertical, rules)


def _side_by_side(lines: list[LineBox], rules: list[Rule]) -> list[Block]:
    groups: list[Block] = []
    for line in sorted(lines, key=lambda l: -l.x1):
        for group in groups:
            gx0, gy0, gx1, gy1 = group.bbox
            near = gx0 - line.x1 <= 1.2 * max(line.size, group.lines[-1].size)
            top, bottom = max(gy0, line.y0), min(gy1, line.y1)
            if near and bottom > top and not crosses(rules, line.x1, top, gx0, bottom):
                group.lines.append(line)
                break
        else:
            groups.append(Block([line]))
    return groups


def _stack(lines: list[LineBox], rules: list[Rule]) -> list[Block]:
    groups: list[Block] = []
    for line in sorted(lines, key=lambda l: l.y0):
        best = None
        for group in groups:
            gx0, gy0, gx1, gy1 = group.bbox
            last = max(group.lines, key=lambda l: l.y1)
            gap = line.y0 - gy1
            if gap > 1.2 * max(line.size, last.size) or gap < -0.5 * line.size:
                continue
            if min(gx1, line.x1) - max(gx0, line.x0) <= 0:
                continue
            if crosses(rules, max(gx0, line.x0), gy1, min(gx1, line.x1), line.y0):
                continue
            best = group
        if best is None:
            groups.append(Block([line]))
        else:
            best.lines.append(line)
    return groups


def column_intervals(lines: list[LineBox], unit: float) -> list[tuple[int, int]]:
    """x-ranges that many body lines share exactly: the columns of justified text.

    Indented first lines share a column's right edge but not its left; they are folded into the
    column they belong to.
    """
    tolerance = 0.6 * unit
    clusters: list[list[LineBox]] = []
    for line in sorted(lines, key=lambda l: (l.x0, l.x1)):
        for cluster in clusters:
            ref = cluster[0]
            if abs(ref.x0 - line.x0) <= tolerance and abs(ref.x1 - line.x1) <= tolerance:
                cluster.append(line)
                break
        else:
            clusters.append([line])
    intervals = [
        (int(np.median([l.x0 for l in c])), int(np.median([l.x1 for l in c])))
        for c in clusters if len(c) >= MIN_COLUMN_LINES
    ]
    # short last lines of paragraphs from different articles can share extents by chance
    intervals = [(x0, x1) for x0, x1 in intervals if x1 - x0 >= MIN_COLUMN_WIDTH * unit]
    # Widest first: a cluster of indented lines, or of lines ending in punctuation (whose ink
    # stops short of the em box), lies within a wider column and is folded into it.
    intervals.sort(key=lambda iv: iv[0] - iv[1])
    columns: list[tuple[int, int]] = []
    for x0, x1 in intervals:
        folded = any(x0 >= cx0 - unit and x1 <= cx1 + unit and (cx1 - cx0) - (x1 - x0) <= 3.5 * unit
                     for cx0, cx1 in columns)
        if not folded:
            columns.append((x0, x1))
    return columns


def column_segments(lines: list[LineBox], unit: float, rules: list[Rule],
                    obstacles: list[BBox]) -> list[Block]:
    """Runs of body lines down one column, cut at rules, photos, headlines and wide gaps."""
    columns = column_intervals(lines, unit)
    slack = 0.6 * unit

    def column_of(line: LineBox) -> tuple[int, int] | None:
        fitting = [c for c in columns if c[0] - slack <= line.x0 and line.x1 <= c[1] + slack]
        return min(fitting, key=lambda c: c[1] - c[0]) if fitting else None

    by_column: dict[tuple[int, int] | None, list[LineBox]] = {}
    for line in lines:
        by_column.setdefault(column_of(line), []).append(line)

    segments: list[Block] = []
    for column, members in by_column.items():
        if column is None:
            segments += [Block([line]) for line in members]
            continue
        current: Block | None = None
        for line in sorted(members, key=lambda l: l.y0):
            if current is not None:
                last = current.lines[-1]
                gap = line.y0 - last.y1
                between = (column[0], last.y1, column[1], line.y0)
                if gap <= 1.5 * unit and not crosses(rules, *between) and not _overlaps_any(between, obstacles):
                    current.lines.append(line)
                    continue
            current = Block([line])
            segments.append(current)
    return segments


def _overlaps_any(box: tuple[float, float, float, float], others: list[BBox]) -> bool:
    x0, y0, x1, y1 = box
    return any(ox0 < x1 and ox1 > x0 and oy0 < y1 and oy1 > y0 for ox0, oy0, ox1, oy1 in others)
