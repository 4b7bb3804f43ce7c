"""Text lines as the detector finds them, made exact: cut at column gutters, tight to their ink,
joined where a headline was split, and sorted into headline and body type by size.

Sizes are measured in `unit`, the median height of a body line's ink: newspapers set body text in
one size, so everything else is found by comparing against it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

import cv2
import numpy as np

from broadsheet.layout.rules import Rule, crosses
from broadsheet.layout.thresholds import (
    BLURRED_LEADING,
    BODY_FRAGMENT_GAP,
    BODY_HEIGHT,
    BOLD_STROKE,
    BOLD_WEIGHT,
    BOLD_WEIGHT_DARK,
    BOX_PADDING,
    CLIPPED_LETTERS,
    COLUMN_EDGE_LINES,
    COLUMN_TOLERANCE,
    COVERED,
    DESCENDER_DEPTH,
    DESCENDER_INK,
    DISPLAY_LETTERS,
    EDGE_CHARACTER,
    EDGE_TOLERANCE,
    FLAT_PIECE,
    GUTTER_MIN_WIDTH,
    GUTTER_NEIGHBOURS,
    GUTTER_SHARE,
    GUTTER_TALL_BOX,
    HEAD_PIECE_CHARS,
    HEADING_MARGIN,
    HEADLINE_RATIO,
    HEADLINE_WORD_GAP,
    INDENT,
    INK_BRIDGE_SHARE,
    LEADING_ROWS,
    LETTER_INK,
    LETTER_PERCENTILE,
    LETTER_SAMPLE,
    MAX_SUBHEAD_LINES,
    MAX_TALL_BODY,
    MAX_WORD_GAP,
    MEASURE_ROWS,
    MIN_LETTER_AREA,
    MIN_PIECE_WIDTH,
    NEIGHBOUR_BODY,
    NEIGHBOUR_SIZE,
    OWN_SPACE_MIN_GAP,
    OWN_SPACE_RATIO,
    OWN_SPACES,
    REVERSED_FILL,
    ROW_TITLE_GAP,
    ROW_WORD_LETTERS,
    RULE_CUT_CHARACTER,
    RULE_CUT_PAPER,
    RULE_FLUSH,
    SAME_ROW,
    SAME_SIZE,
    SANDWICHED_BODY,
    SOLID_OVERLAP,
    SOLID_PITCH,
    SPARSE_ROW,
    STACK_EDGE_LINES,
    STACK_OVERLAP,
    STACK_SHARED_WIDTH,
    STACKED_GAP,
    STACKED_MIDDLES,
    STACKED_ROW,
    STACKED_VALLEY,
    STROKE_INK,
    SUBHEAD_ABOVE,
    SUBHEAD_INDENT,
    TITLE_SHARE,
    VERTICAL_ASPECT,
    VERTICAL_CHARACTER,
    VERTICAL_GROW_GAP,
    VERTICAL_MISSED_ROOM,
    VERTICAL_RUN,
    VERTICAL_SPILL,
    VERTICAL_STRAY,
    VERTICAL_STROKE_GAP,
    WEIGHT_CONTRAST,
    WORD_SPACE_EVIDENCE,
    WORD_SPACE_SHARE,
    WORD_SPACE_WIDTH,
    WORD_WIDTH,
)
from broadsheet.model import BBox, TextDirection, holds_middle, overlaps, shares_column

DEFAULT_UNIT = 20.0  # px, for a page without text lines: the middle of the working band


@dataclass
class LineBox:
    bbox: BBox
    direction: TextDirection = TextDirection.HORIZONTAL_LR
    weight: float = 1.0  # ink coverage relative to the page's body text: bold type is heavier
    # how dark its strokes' ink is, relative to the body's: a thin stroke is all edge, its pixels part
    # paper, while a bold one has a dark core; coverage alone is fooled by short lines of dense
    # characters and by wide letter-spacing
    stroke: float = 1.0
    # height of its letters relative to the body's (measured on lines taller than body type): a
    # quote mark makes a line tall, and so do two lines of small print in one box, not big letters
    letters: float = 1.0

    @property
    def bold(self) -> bool:
        """Heavy ink, or nearly so with dark strokes: caps and letter-spaced bold lines cover less
        of their band than their strokes' darkness shows."""
        return self.weight >= BOLD_WEIGHT or (self.weight >= BOLD_WEIGHT_DARK and self.stroke >= BOLD_STROKE)

    def display(self, unit: float) -> bool:
        """Set in display type: headline-tall, and its letters big (not quote marks over body type)."""
        return self.height > HEADLINE_RATIO * unit and self.letters >= DISPLAY_LETTERS

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


class LineIndex:
    """Lines by the height of their middle, to find those near a line without walking the page."""

    def __init__(self, lines: list[LineBox]) -> None:
        self.lines = sorted(lines, key=lambda l: l.y0 + l.y1)
        self.middles = [l.y0 + l.y1 for l in self.lines]  # twice the middle: integers

    def around(self, line: LineBox, reach: float) -> list[LineBox]:
        """Lines whose middle lies within `reach` of this line's."""
        middle = line.y0 + line.y1
        return self.lines[bisect_left(self.middles, middle - 2 * reach):bisect_right(self.middles, middle + 2 * reach)]


def as_line_boxes(boxes: list[BBox]) -> list[LineBox]:
    lines = []
    for box in boxes:
        x0, y0, x1, y1 = box
        vertical = (y1 - y0) > VERTICAL_ASPECT * (x1 - x0)
        direction = TextDirection.VERTICAL_RL if vertical else TextDirection.HORIZONTAL_LR
        lines.append(LineBox(box, direction))
    return lines


def split_at_gaps(lines: list[LineBox], ink: np.ndarray, rules: list[Rule]) -> tuple[list[LineBox], list[BBox]]:
    """Cut boxes that the detector stretched across a column gutter, and tighten all to their ink:
    (the pieces, the blanks cut at).

    A blank as wide as a narrow gutter is a candidate cut, but CJK punctuation (、。“”) leaves
    blanks as wide as a gutter; a gutter is told apart by the lines above and below it having
    paper there too. Vertical boxes are split into the vertical lines they hold. Tight boxes make
    column edges line up exactly for the grid analysis.
    """
    body_box = body_size(lines)  # the detector's boxes, padded as this line's is
    gaps = {id(line): _blank_runs(line, ink, rules, body_box) for line in lines}
    index = LineIndex(lines)
    gutters = {id(line): [(a, b) for a, b in runs[2] if (a, b) in runs[3]
                          or _is_gutter(line, (a, b), index, rules, ink, _type_box(line, ink, body_box))]
               for line in lines
               if (runs := gaps[id(line)]) is not None and line.direction == TextDirection.HORIZONTAL_LR}
    measure = _column_measure(lines, gaps, gutters, body_box)
    across = [r.bbox for r in rules if r.horizontal]
    pieces: list[LineBox] = []
    cut_at: list[BBox] = []
    for line in lines:
        runs = gaps[id(line)]
        if runs is None:
            continue
        if line.direction == TextDirection.VERTICAL_RL:
            pieces += vertical_lines(line, ink, across)
            continue
        if line.height > line.width:  # a short vertical line, or the tops of two boxed together
            vertical = [v for v in vertical_lines(line, ink, across) if v.height > VERTICAL_ASPECT * v.width]
            if vertical:
                pieces += vertical
                continue
        ink_start, ink_end, _, ruled = runs
        cuts = gutters[id(line)]
        if measure and abs(ink_end - ink_start - measure) <= EDGE_TOLERANCE * line.height \
                and _lined_up(line, index):
            # a row a column's measure wide, lined up with rows around, is that column's: the blanks its
            # marks leave may line up down a short column (random seed 2588: `导交通，` / `户通行。` / `旧燃气、`)
            cuts = [cut for cut in cuts if cut in ruled]
        elif measure and cuts:
            cuts = _rivers_kept_whole(line, ink_start, ink_end, cuts, ruled, measure, index)
        if cuts and cuts[0] not in ruled and _edge_character(line, ink_start, cuts[0][0], index, first=True):
            cuts = cuts[1:]
        if cuts and cuts[-1] not in ruled and _edge_character(line, cuts[-1][1], ink_end, index, first=False):
            cuts = cuts[:-1]
        cut_at += [(a, line.y0, b, line.y1) for a, b in cuts]
        bounds = [ink_start] + [v for a, b in cuts for v in (a, b)] + [ink_end]
        for start, end in zip(bounds[::2], bounds[1::2]):
            top, bottom = _own_ink_rows(ink[line.y0:line.y1, start:end])
            # a piece inked to the box's edge may be the tip of a character of the column beside,
            # which the box reaches into: a sliver of the line's height, not of its own few rows
            clipped = start == line.x0 or end == line.x1
            # a speck of noise cut off at a blank is no piece (random seed 2113: a 1x2 px dot in the
            # gutter, a row of its own over a head's first line, parted it from the head)
            speck = np.count_nonzero(ink[line.y0 + top:line.y0 + bottom, start:end]) < MIN_LETTER_AREA
            if end - start >= MIN_PIECE_WIDTH * (line.height if clipped else bottom - top) and not speck:
                pieces.append(LineBox((start, line.y0 + top, end, line.y0 + bottom), line.direction))
    return pieces, cut_at


def _column_measure(lines: list[LineBox], gaps: dict, gutters: dict, body_box: float) -> float | None:
    """The page's column measure: the most common ink width of its body rows not cut at a gutter
    (justified rows of one column), if at least `MEASURE_ROWS` rows share it."""
    widths = sorted(gaps[id(line)][1] - gaps[id(line)][0] for line in lines
                    if id(line) in gutters and not gutters[id(line)]
                    and NEIGHBOUR_SIZE[0] < line.height / body_box < NEIGHBOUR_SIZE[1])
    tolerance = EDGE_TOLERANCE * body_box
    best = max(((bisect_right(widths, w + tolerance) - bisect_left(widths, w - tolerance), w) for w in widths),
               default=(0, 0))
    return float(best[1]) if best[0] >= MEASURE_ROWS else None


def _rivers_kept_whole(line: LineBox, ink_start: int, ink_end: int, cuts: list[tuple[int, int]],
                       ruled: set[tuple[int, int]], measure: float, lines: LineIndex) -> list[tuple[int, int]]:
    """The cuts left once those inside a stretch of the row a column's measure wide are dropped, the
    stretch running from one cut to the next, or to the row's end where a line around ends too: that
    stretch is one column's row, its blanks word spaces lined up as a river (random seed 2874: three
    justified rows bridged over two columns, their wide spaces one under another, were cut there as at
    the gutter beside). Pieces as wide as each other tile the stretch: a short grid's columns, kept."""
    tolerance = EDGE_TOLERANCE * line.height
    around = _neighbours(line, lines)
    starts = [b for _, b in cuts] + [ink_start] * any(abs(o.x0 - line.x0) <= tolerance for o in around)
    ends = [a for a, _ in cuts] + [ink_end] * any(abs(o.x1 - line.x1) <= tolerance for o in around)
    dropped = set()
    for start in starts:
        for end in ends:
            inside = [cut for cut in cuts if start < cut[0] and cut[1] < end and cut not in ruled]
            if (start, end) == (ink_start, ink_end) or not inside or abs(end - start - measure) > tolerance:
                continue
            bounds = [start] + [v for cut in inside for v in cut] + [end]
            widths = [b - a for a, b in zip(bounds[::2], bounds[1::2])]
            if max(widths) - min(widths) > tolerance:
                dropped.update(inside)
    return [cut for cut in cuts if cut not in dropped]


def _lined_up(line: LineBox, lines: LineIndex) -> bool:
    """A line of its size around starts and ends where this one does (boxes padded alike): the two stand in
    one column. A box reaching into the column beside lines up with neither column's."""
    tolerance = EDGE_TOLERANCE * line.height
    return any(abs(o.x0 - line.x0) <= tolerance and abs(o.x1 - line.x1) <= tolerance
               for o in _neighbours(line, lines))


def _neighbours(line: LineBox, lines: LineIndex) -> list[LineBox]:
    """The lines of its size around `line` (GUTTER_NEIGHBOURS of its height), itself aside."""
    return [o for o in lines.around(line, GUTTER_NEIGHBOURS * line.height)
            if o is not line and NEIGHBOUR_SIZE[0] < o.height / line.height < NEIGHBOUR_SIZE[1]]


def _edge_character(line: LineBox, start: int, end: int, lines: LineIndex, first: bool) -> bool:
    """The piece a cut would leave at the row's start (`first`) or end is a character or so wide and
    flush with the lines around at that edge: the row's own first or last character past a blank
    its type leaves (a kai 目 after 项, a character after `，`), which the lines of a justified
    CJK column line up into a stripe down the column. A column beside is wider than a character."""
    if not MIN_PIECE_WIDTH * line.height <= end - start <= EDGE_CHARACTER * line.height:
        return False  # a sliver is the tip of a character of the column beside, which the box reaches into
    tolerance = EDGE_TOLERANCE * line.height
    flush = [o for o in _neighbours(line, lines) if o.x0 < end and o.x1 > start
             and abs((o.x0 - line.x0) if first else (o.x1 - line.x1)) <= tolerance]  # boxes padded alike
    return len(flush) >= COLUMN_EDGE_LINES


def vertical_lines(box: LineBox, ink: np.ndarray, rules: list[BBox] = ()) -> list[LineBox]:
    """The vertical lines in a detector box, tight to their ink. The detector may box two lines of
    a vertical headline as one: across a whole vertical line the blank columns inside a character
    (川) are inked by the others, so a blank column splits the box, and a run of ink much narrower
    than the widest (the edge of body text beside the headline) is dropped. `rules`: the page's
    horizontal rules, whose edges the erase leaves are no characters (`_grow_vertical`)."""
    x0, y0, x1, y1 = box.bbox
    inked = np.flatnonzero(ink[y0:y1, x0:x1].sum(axis=0) >= max(2, VERTICAL_STRAY * (y1 - y0)))
    if inked.size == 0:
        return []
    runs = [(int(a), int(b)) for a, b in _column_runs(inked)]
    widest = max(b - a for a, b in runs)
    lines = []
    for a, b in runs:
        if b - a < VERTICAL_RUN * widest:
            continue
        rows = np.flatnonzero(ink[y0:y1, x0 + a:x0 + b].any(axis=1))
        top, bottom = _grow_vertical(ink, x0 + a, x0 + b, y0 + int(rows[0]), y0 + int(rows[-1]) + 1, rules)
        lines.append(LineBox((x0 + a, top, x0 + b, bottom), TextDirection.VERTICAL_RL))
    return lines


def _column_runs(columns: np.ndarray) -> list[tuple[int, int]]:
    """Runs of consecutive indices as (first, last + 1), parts one or two columns apart joined."""
    breaks = np.flatnonzero(np.diff(columns) > 2)
    starts = np.concatenate([[columns[0]], columns[breaks + 1]])
    ends = np.concatenate([columns[breaks] + 1, [columns[-1] + 1]])
    return list(zip(starts.tolist(), ends.tolist()))


def recover_vertical_lines(lines: list[LineBox], ink: np.ndarray, rules: list[BBox] = ()) -> list[LineBox]:
    """Vertical lines the detector missed between two it found: a vertical headline's lines stand
    a fraction of a character apart, so a gap wider than a line between two of them, rows in
    common, inked down its length, holds a line."""
    vertical = sorted((l for l in lines if l.direction == TextDirection.VERTICAL_RL), key=lambda l: l.x0)
    found: list[LineBox] = []
    for left, right in zip(vertical, vertical[1:]):
        top, bottom = max(left.y0, right.y0), min(left.y1, right.y1)
        if right.x0 - left.x1 < VERTICAL_MISSED_ROOM * min(left.width, right.width) or bottom - top <= 0:
            continue
        gap = LineBox((left.x1 + 1, top, right.x0 - 1, bottom), TextDirection.VERTICAL_RL)
        found += [v for v in vertical_lines(gap, ink, rules) if v.height > VERTICAL_ASPECT * v.width
                  and not any(overlaps(v.bbox, o.bbox) for o in lines)]
    return lines + found


def drop_covered(lines: list[LineBox]) -> list[LineBox]:
    """Boxes lying mostly inside vertical lines: the detector boxed a character of one again, the
    first characters of two side by side as a horizontal line, or a line twice (the larger copy
    is kept, and reaches as far as the other: each copy, grown from its own box, may stop short of
    an end character the other holds; random seed 2553, 30 px: a vertical title's line boxed twice,
    its last character `好` cut in half, its lower half read as a body paragraph)."""
    kept: list[LineBox] = []
    for line in sorted(lines, key=lambda l: -l.width * l.height):
        inside = sum(max(0, min(o.x1, line.x1) - max(o.x0, line.x0)) * max(0, min(o.y1, line.y1) - max(o.y0, line.y0))
                     for o in kept if o.direction == TextDirection.VERTICAL_RL)
        if inside < COVERED * max(1, line.width * line.height):
            kept.append(line)
        elif line.direction == TextDirection.VERTICAL_RL:
            twice = next((i for i, o in enumerate(kept) if o.direction == TextDirection.VERTICAL_RL
                          and min(o.x1, line.x1) - max(o.x0, line.x0) >= COVERED * min(o.width, line.width)
                          and min(o.y1, line.y1) - max(o.y0, line.y0) >= COVERED * line.height), None)
            if twice is not None:
                kept[twice] = replace(kept[twice], bbox=(kept[twice].x0, min(kept[twice].y0, line.y0),
                                                         kept[twice].x1, max(kept[twice].y1, line.y1)))
    return kept


def split_solid_lines(lines: list[LineBox], ink: np.ndarray, unit: float) -> list[LineBox]:
    """Headline-tall boxes that are small type set solid, cut to their own line.

    A list in small type set solid (0.8 of the body's pitch, accents filling the leading) never
    goes blank between lines, so each box's ink run takes in the lines above and below: boxes a
    line and a half tall that overlap their neighbours by nearly half, read as headline type and
    by the recogniser as two lines at once. Two stacked boxes share their overlap in proportion
    to their heights (each reaches past its ink by a share of its own height), so the split falls
    in the leading, also between a headline and small type under it. A box of the block already
    cut to its ink (its ink ran clear of the next line's) is no evidence of type set solid, but once
    a taller neighbour shows it, the box is cut on that side too (the ads page's thanks notice:
    every other box of a paragraph cut to its ink, the ones between them read two lines at once)."""
    index = LineIndex(lines)
    out = []
    for line in lines:
        if line.direction != TextDirection.HORIZONTAL_LR or line.height <= HEADLINE_RATIO * unit:
            out.append(line)
            continue
        upper, lower, solid = line.y0, line.y1, False
        for other in index.around(line, line.height):
            if other is line or other.direction != TextDirection.HORIZONTAL_LR:
                continue
            if min(line.x1, other.x1) - max(line.x0, other.x0) < STACK_SHARED_WIDTH * min(line.width, other.width):
                continue  # beside it, not over or under it
            if abs((other.y0 + other.y1) - (line.y0 + line.y1)) >= 2 * SOLID_PITCH * unit:
                continue  # at body pitch or wider: type of body size or bigger, not small type set solid
            above, below = (other, line) if other.y0 < line.y0 else (line, other)
            overlap = above.y1 - below.y0
            if overlap < STACK_OVERLAP * min(line.height, other.height) or above.y1 >= below.y1 or above.y0 >= below.y0:
                continue  # apart (or touching) as lines are, or one box inside the other
            split = round(above.y1 - overlap * above.height / (above.height + below.height))
            upper, lower = (max(upper, split), lower) if below is line else (upper, min(lower, split))
            solid = solid or other.height > unit  # a block set solid boxes its lines taller than body type
        if not solid or upper == line.y0 or lower == line.y1 or lower - upper < 2:  # its lines have both
            out.append(line)
            continue
        top, bottom = _ink_rows(ink[upper:lower, line.x0:line.x1])
        out.append(replace(line, bbox=(line.x0, upper + top, line.x1, upper + bottom)))
    return out


def _grow_vertical(ink: np.ndarray, x0: int, x1: int, top: int, bottom: int,
                   rules: list[BBox] = ()) -> tuple[int, int]:
    """The detector often leaves a vertical line's first or last character out. Take in, at either
    end, whole characters: ink within the line's width, at most half a character away, about as
    tall as a character, or as wide as one (`一`, random seed 2638, 30 px: 18 px under its title
    line's foot, 6 px tall, boxed as a line of its own and read as a body paragraph `_`), with
    paper beside it. A flat piece along a horizontal rule (`rules`) is the rule's blurred edge the
    erase left (seed 2654, 9.4 px: 2 px of a rule over a vertical title taken as its `一`)."""
    width = x1 - x0
    margin = max(2, int(VERTICAL_SPILL * width))

    def next_character(edge: int, step: int) -> int | None:
        """The far edge of the character beyond `edge` (step -1: above, +1: below), if one is there."""
        reach = int((VERTICAL_GROW_GAP + VERTICAL_CHARACTER[1]) * width)
        lo, hi = (max(0, edge - reach), edge) if step < 0 else (edge, min(ink.shape[0], edge + reach))
        rows = np.flatnonzero(ink[lo:hi, x0:x1].any(axis=1)) + lo
        if rows.size == 0:
            return None
        near = rows[-1] if step < 0 else rows[0]
        if abs(edge - near) > (VERTICAL_GROW_GAP + 0.5) * width:  # past even a flat character's reach (below)
            return None
        run = [int(near)]
        for row in (rows[::-1] if step < 0 else rows)[1:]:
            if abs(row - run[-1]) > VERTICAL_STROKE_GAP * width or abs(row - near) > VERTICAL_CHARACTER[1] * width:
                break
            run.append(int(row))
        first, last = min(run), max(run) + 1
        # a flat character (一) stands in the middle of its square: further off by half the rest of it,
        # and not nearer than a blank between characters (ink that near is the rest of a cut one)
        gap, flat = abs(edge - near), last - first < VERTICAL_CHARACTER[0] * width
        if gap > VERTICAL_GROW_GAP * width + (width - (last - first)) / 2 * flat \
                or flat and gap < VERTICAL_STROKE_GAP * width:
            return None
        # The character's ink, gaps of two pixels bridged, stays within a little more than the
        # line's width; a neighbouring vertical line stands apart, a text line or rule runs on.
        lo = max(0, x0 - margin - width // 2)
        columns = np.flatnonzero(ink[first:last, lo:x1 + margin + width // 2].any(axis=0)) + lo
        around = [(a, b) for a, b in _column_runs(columns) if b > x0 and a < x1] if columns.size else []
        if not around or min(a for a, _ in around) < x0 - margin or max(b for _, b in around) > x1 + margin:
            return None
        # ... and is as wide as a character: a dot or a comma's tip is none
        if flat and (max(b for _, b in around) - min(a for a, _ in around) < VERTICAL_CHARACTER[0] * width
                     or any(rx0 < x1 and x0 < rx1 and ry0 - (ry1 - ry0) - 1 <= last and first <= ry1 + (ry1 - ry0) + 1
                            for rx0, ry0, rx1, ry1 in rules)):
            return None
        return first if step < 0 else last

    while (grown := next_character(top, -1)) is not None:
        top = grown
    while (grown := next_character(bottom, +1)) is not None:
        bottom = grown
    return top, bottom


def _ink_rows(band: np.ndarray, bridge_share: int = INK_BRIDGE_SHARE) -> tuple[int, int]:
    """The run of inked rows around the box's middle: the padding of a detector box reaches into
    the lines above and below, and blank rows inside characters (二, 三) must not cut the run, nor
    sparse rows an upright stroke inks between two arms (工's stem, `_stem`).
    The run's ends are trimmed to rows with real ink: a neighbour's stray tips are sparse rows."""
    counts = np.count_nonzero(band, axis=1)
    height = len(counts)
    if not counts.any():
        return 0, height
    rows = counts >= max(1, SPARSE_ROW * counts.max())
    filled = np.flatnonzero(rows)
    bridge = max(2, height // bridge_share)
    middle = height // 2
    top = bottom = int(filled[np.argmin(np.abs(filled - middle))])
    for y in filled[filled < top][::-1]:
        if top - y > bridge and not _stem(band, int(y), top, bridge):
            break
        top = int(y)
    for y in filled[filled > bottom]:
        if y - bottom > bridge and not _stem(band, bottom, int(y), bridge):
            break
        bottom = int(y)
    return top, bottom + 1


def _stem(band: np.ndarray, upper: int, lower: int, reach: int) -> bool:
    """Rows `upper` and `lower` are joined by one character's upright stroke: some column is inked in
    every row from one to the other, with ink on either side of it within `reach` rows beyond each
    end (工's arms; random seeds 2359, 2376: the stem's rows, under `SPARSE_ROW` of the arms', cut 工
    to one stroke). Leading between two lines is blank or holds tips at scattered places, never one
    column throughout; a frame's side at the band's edge has no ink beyond it; a stem is shorter
    than half the band."""
    if lower - upper > len(band) // 2:
        return False
    through = np.flatnonzero(band[upper:lower + 1].all(axis=0))
    if through.size == 0:
        return False
    left, right = int(through[0]), int(through[-1]) + 1
    arms = (band[max(0, upper - reach):upper + 1], band[lower:lower + reach + 1])
    return all((arm[:, :left].any(axis=1) & arm[:, right:].any(axis=1)).any() for arm in arms)


def _own_ink_rows(band: np.ndarray) -> tuple[int, int]:
    """`_ink_rows` of a padded detector box: a run to the box's top or bottom row over blank rows
    (`LEADING_ROWS`) to another line (`_neighbour_beyond`) took in the body of the line above or
    below, bridged over leading no wider than the bridge (seed 1845, Latin 24 px: boxes 32 px tall,
    3 blank rows between lines; pieces over two and three rows read as nothing, taken for titles,
    joined over a gutter). That end is found again with a bridge half as wide."""
    top, bottom = _ink_rows(band)
    if top > 0 and bottom < len(band):
        return top, bottom
    inner_top, inner_bottom = _ink_rows(band, 2 * INK_BRIDGE_SHARE)
    counts = np.count_nonzero(band, axis=1)
    if top == 0 and _neighbour_beyond(counts[:inner_top][::-1], counts.max()):
        top = inner_top
    if bottom == len(band) and _neighbour_beyond(counts[inner_bottom:], counts.max()):
        bottom = inner_bottom
    return top, bottom


def _neighbour_beyond(counts: np.ndarray, fullest: int) -> bool:
    """Rows leading away from a line (ink counts, to the box's edge) hold blank leading, then another
    line's body: a row as full as its x-height (`NEIGHBOUR_BODY`), or ink that grows on to the box's
    edge, fuller there than a neighbour's tips (`SPARSE_ROW`): the edge cuts through the next line's
    letters, whose body lies beyond (random seed 2263, 7.8 px blurred: boxes reaching a third into
    each neighbour were kept whole, taken for titles); ascenders that peak and thin out before the
    edge may be the line's own accents, and stay. Blurred leading keeps a few pixels of ink in its
    rows (`BLURRED_LEADING`), but one row of it at least is clean: rows where only the ascenders of
    tightly set lines reach are sparse, never empty (the Star)."""
    blank = counts <= BLURRED_LEADING * fullest
    run, clean = 0, False
    for row, empty in enumerate(blank):
        run, clean = (run + 1, clean or counts[row] == 0) if empty else (0, False)
        if run >= LEADING_ROWS and clean:
            beyond = counts[row + 1:]
            if (beyond >= NEIGHBOUR_BODY * fullest).any():
                return True
            inked = np.flatnonzero(~blank[row + 1:])
            return bool(inked.size and not blank[inked[0] + row + 1:].any()
                        and counts[-1] >= max(SPARSE_ROW * fullest, beyond.max()))
    return False


def _blank_runs(line: LineBox, ink: np.ndarray, rules: list[Rule], body_box: float
                ) -> tuple[int, int, list[tuple[int, int]], set[tuple[int, int]]] | None:
    """(first ink x, last ink x, blank runs as wide as a narrow gutter (`GUTTER_MIN_WIDTH` of the line's
    box, or of the page's body boxes, `body_box`, where it stands far taller) or holding a vertical rule
    down the line's height, those holding a rule), page coordinates. A rule's ink is erased from
    `ink`: a column rule leaves a blank however close the columns stand."""
    x0, y0, x1, y1 = line.bbox
    margin = int(BOX_PADDING * line.height)  # padding rows touch the neighbouring lines' ink
    top, bottom = y0 + margin, max(y1 - margin, y0 + margin + 1)
    band = ink[top:bottom, x0:x1]
    # a column rule may end inside the last line it parts (printed so, or found short of its faint
    # end): its column is blank down the whole line
    across = [r.bbox for r in rules if not r.horizontal and x0 < r.bbox[0] and r.bbox[2] < x1
              and r.bbox[1] < bottom and r.bbox[3] > top]
    if across:
        band = band.copy()
        for rx0, _, rx1, _ in across:
            band[:, rx0 - x0:rx1 - x0] = 0
    filled = np.flatnonzero(band.any(axis=0))
    if filled.size == 0:
        return None
    tall = line.height >= GUTTER_TALL_BOX * body_box
    narrowest = GUTTER_MIN_WIDTH * (body_box if tall else line.height)
    blanks = np.flatnonzero(np.diff(filled) > (1 if across else narrowest))
    blanks = [(x0 + int(filled[a]) + 1, x0 + int(filled[a + 1])) for a in blanks]
    ink_start, ink_end = x0 + int(filled[0]), x0 + int(filled[-1]) + 1
    ruled = {(a, b) for a, b in blanks if any(a <= rx0 and rx1 <= b for rx0, _, rx1, _ in across)}
    # a rule through a character sticking out of its column (ink flush with the rule both sides) cuts nothing
    through = {blank for blank in ruled if _through_character(blank, across, ink, line, ink_start, ink_end)}
    blanks = [blank for blank in blanks if blank not in through]
    ruled -= through
    wide = [(a, b) for a, b in blanks if (a, b) in ruled or b - a >= narrowest]
    return ink_start, ink_end, wide, ruled


def _through_character(blank: tuple[int, int], across: list[BBox], ink: np.ndarray, line: LineBox,
                       ink_start: int, ink_end: int) -> bool:
    """The blank is a rule's own columns, the line's ink flush against it both sides, and the ink
    beyond it one way is a character (its part, not the rule's blur), paper over and under it: the
    rule runs through a character sticking out of its column, not between two columns' letters
    (Nordstern's Fraktur touches its column rules)."""
    a, b = blank
    if not any(a <= rx0 <= a + RULE_FLUSH and b - RULE_FLUSH <= rx1 <= b for rx0, _, rx1, _ in across):
        return False
    start, end = (ink_start, a) if a - ink_start <= ink_end - b else (b, ink_end)
    if not MIN_PIECE_WIDTH * line.height <= end - start <= RULE_CUT_CHARACTER * line.height:
        return False  # a sliver is the rule's own blur
    height = line.y1 - line.y0
    beside = (ink[max(0, line.y0 - height):line.y0, start:end], ink[line.y1:line.y1 + height, start:end])
    return all(np.count_nonzero(part) <= RULE_CUT_PAPER * part.size for part in beside)


def _type_box(line: LineBox, ink: np.ndarray, body_box: float) -> float:
    """The height of a box around the line's type: the page's body boxes' for a box `GUTTER_TALL_BOX`
    times theirs whose ink is no taller than they are, stretched over body rows set at staggered heights
    (a masthead's box is as tall as its type)."""
    if line.height < GUTTER_TALL_BOX * body_box:
        return line.height
    top, bottom = _own_ink_rows(ink[line.y0:line.y1, line.x0:line.x1])
    return body_box if bottom - top <= body_box else line.height


def _is_gutter(line: LineBox, blank: tuple[int, int], lines: LineIndex, rules: list[Rule],
               ink: np.ndarray, size: float) -> bool:
    share, lines_around = _paper_share(line, blank, lines, rules, ink, size)
    return lines_around >= 2 and share >= GUTTER_SHARE


def _is_word_space(line: LineBox, blank: tuple[int, int], lines: LineIndex, rules: list[Rule],
                   ink: np.ndarray) -> bool:
    """The blank lies inside a column: the lines around run through it, all but a few where their
    own word spaces happen to meet (rivers). With too few lines around to tell, it is not joined."""
    share, lines_around = _paper_share(line, blank, lines, rules, ink)
    return lines_around >= WORD_SPACE_EVIDENCE and share < WORD_SPACE_SHARE


def _paper_between(left: LineBox, right: LineBox, ink: np.ndarray) -> int:
    """Columns of paper between two pieces of a row, read along their middle rows."""
    top = max(left.y0 + int(BOX_PADDING * left.height), right.y0 + int(BOX_PADDING * right.height))
    bottom = max(top + 1, min(left.y1 - int(BOX_PADDING * left.height), right.y1 - int(BOX_PADDING * right.height)))
    return int(np.count_nonzero(~ink[top:bottom, left.x1:right.x0].any(axis=0)))


def _wider_than_own_spaces(left: LineBox, right: LineBox, unit: float, ink: np.ndarray) -> bool:
    """The paper between two pieces of a row is much wider than the word spaces inside them: a
    gutter, whatever the lines around say (too few of their size, or lines across both columns).
    Paper, not the boxes' gap: the detector may leave a word between its boxes unboxed; a faint
    rule's dots in the gutter do not make it narrower. Spaces are read on pieces of body height:
    in a box two staggered lines tall the neighbours' ink fills them."""
    paper = _paper_between(left, right, ink)
    if paper < OWN_SPACE_MIN_GAP * unit:
        return False
    pieces = [p for p in (left, right) if p.height <= BODY_HEIGHT[1] * unit]
    spaces = [_word_spaces(p, unit, ink) for p in pieces]
    # words, not letters: caps' letter gaps (`SUPPLEMENTARY`) are as wide as word spaces
    return bool(spaces) and all(len(s) >= OWN_SPACES and p.width >= WORD_WIDTH * unit * (len(s) + 1)
                                for p, s in zip(pieces, spaces)) and \
        paper > OWN_SPACE_RATIO * max(max(s) for s in spaces)


def _spaced_as_own_row(left: LineBox, right: LineBox, lines: LineIndex, unit: float, rules: list[Rule],
                       ink: np.ndarray) -> bool:
    """Two more of the row's own blanks are as wide as the one between the pieces (to within
    `WORD_SPACE_WIDTH`), and the row spans a column's measure: justification stretches a row's word
    spaces alike, so a blank matching them is one more, where the lines around cannot tell (random
    seed 2614: a short column of nine rows at 50 px, spaces of 17 and 37 px boxed in pieces whose
    word spaces line up as rivers). The row's blanks are the word spaces inside the two pieces and
    the gaps to the pieces beyond them, boxed apart, each as wide again (a gutter beyond is wider,
    and ends the walk). The row so found starts where a line around starts and ends where one ends:
    a caption beside a column's last row (fixture page_d) spans no column. Where lines around end
    where the left piece does and start where the right one does, or two start there, the blank is
    a gutter as wide as the row's spaces by chance (2730: two rows of two columns under a caption)."""
    slack = EDGE_TOLERANCE * unit
    around = [o for o in lines.around(left, GUTTER_NEIGHBOURS * left.height) if o is not left and o is not right]
    starts = sum(abs(o.x0 - right.x0) <= slack for o in around)
    if starts >= COLUMN_EDGE_LINES - 1 or starts and any(abs(o.x1 - left.x1) <= slack for o in around):
        return False
    paper = _paper_between(left, right, ink)
    tolerance = WORD_SPACE_WIDTH * unit
    alike = sum(abs(space - paper) < tolerance for piece in (left, right)
                if piece.height <= BODY_HEIGHT[1] * unit for space in _word_spaces(piece, unit, ink))
    row = [o for o in lines.around(left, left.height) if _level(o, left, rules) and _level(o, right, rules)]
    ends = []
    for end, step in ((left, -1), (right, 1)):
        while beyond := [o for o in row if (o.x1 <= end.x0 if step < 0 else o.x0 >= end.x1)]:
            nearest = max(beyond, key=lambda o: o.x1) if step < 0 else min(beyond, key=lambda o: o.x0)
            if abs((end.x0 - nearest.x1 if step < 0 else nearest.x0 - end.x1) - paper) >= tolerance:
                break
            end = nearest
            alike += 1
        ends.append(end)
    first, last = ends
    others = [o for o in around if o not in row]
    return alike >= 2 and any(abs(o.x0 - first.x0) <= slack for o in others) and \
        any(abs(o.x1 - last.x1) <= slack for o in others)


def _word_spaces(line: LineBox, unit: float, ink: np.ndarray) -> list[int]:
    """Widths of the blanks between a line's words, read along its middle rows (its box's top and
    bottom may hold the tips of the lines above and below)."""
    margin = int(BOX_PADDING * line.height)
    band = ink[line.y0 + margin:max(line.y1 - margin, line.y0 + margin + 1), line.x0:line.x1]
    filled = np.flatnonzero(band.any(axis=0))
    return [int(w) for w in np.diff(filled) - 1 if w >= max(2, WORD_SPACE_WIDTH * unit)]


def _at_column_edge(left: LineBox, right: LineBox, lines: LineIndex, unit: float, rules: list[Rule]) -> bool:
    """The blank between two pieces of a row is a column gutter: lines of their size above and below
    end in it, or where the left piece ends, and start in it, or where the right one starts, as
    justified columns do (the left piece may be a paragraph's last line, the right one indented).
    Where the gutter is narrower than a word space, the ink cannot tell it from one; the detector
    still splits most rows there, and the pieces' edges line up down the page. Inside a column the
    lines around run through the blank. Pieces that overlap share the ink of a faint column rule
    the rule search missed: one edge lined up is enough. A piece inside the other is ink boxed twice.

    Short columns (a few lines under a caption or headline across both, random seed 1070) have too
    few lines around; there the lines each piece's own column holds, one under another, decide: the
    right piece's lines start in the blank, and the left piece has lines of its own."""
    if right.x1 <= left.x1:
        return False
    tolerance = EDGE_TOLERANCE * unit
    low, high = min(left.x1, right.x0) - tolerance, max(left.x1, right.x0) + tolerance
    ends = starts = 0
    for o in lines.around(left, GUTTER_NEIGHBOURS * left.height):
        if o is left or o is right or not NEIGHBOUR_SIZE[0] < o.height / left.height < NEIGHBOUR_SIZE[1]:
            continue
        ends += left.x1 - tolerance <= o.x1 <= high
        starts += low <= o.x0 <= right.x0 + tolerance
    if right.x0 < left.x1:
        return max(ends, starts) >= COLUMN_EDGE_LINES
    if min(ends, starts) >= COLUMN_EDGE_LINES:
        return True
    stacked_starts = sum(low <= o.x0 <= right.x0 + tolerance for o in _column_stack(right, lines, unit, rules))
    # lines starting inside the blank are another column's (a column's own lines start left of its
    # row's first piece); a left column a line or two deep may end on a paragraph's short last line
    # (seed 2696), so lines of its own, which stop short of the blank, are enough
    return stacked_starts >= STACK_EDGE_LINES and bool(_column_stack(left, lines, unit, rules))


def _column_stack(piece: LineBox, lines: LineIndex, unit: float, rules: list[Rule]) -> list[LineBox]:
    """The lines that continue the piece's column above and below it, one under another at body
    spacing (`_continues_column`), up to GUTTER_NEIGHBOURS each way."""
    stack = []
    for above in (True, False):
        current = piece
        for _ in range(GUTTER_NEIGHBOURS):
            near = [o for o in lines.around(current, 2 * current.height) if o is not current
                    and (o.y0 < current.y0 if above else o.y0 > current.y0)
                    and _continues_column(*((current, o) if above else (o, current)), unit, rules)]
            if not near:
                break
            current = max(near, key=lambda o: o.y0) if above else min(near, key=lambda o: o.y0)
            stack.append(current)
    return stack


def _paper_share(line: LineBox, blank: tuple[int, int], lines: LineIndex, rules: list[Rule],
                 ink: np.ndarray, size: float | None = None) -> tuple[float, int]:
    """Of the lines of its size above and below that run past this blank on both sides, on its side
    of any rule: the largest share with paper along one stripe inside it, and how many there are.
    A gutter is a stripe of paper down the page.

    Judged on their ink, not their boxes: across a narrow gutter the detector bridges the lines of
    every row, and on a coarse scan it does so for many rows in a row, so the neighbourhood reaches
    eight lines each way. A blank inside a column (after 、。) has ink above and below it; a line
    ending short of the blank tells nothing. The stripe may lie anywhere in the blank: a quote
    mark or comma beside a gutter widens the blank of one line only. `size` is the height of the
    line's type box when its own box is stretched taller (`_type_box`).
    """
    a, b = blank
    centre = (a + b) / 2
    size = size or line.height

    def neighbour(o: LineBox) -> bool:
        if o.x1 <= line.x0 or o.x0 >= line.x1:  # first: most lines of these rows stand in other columns
            return False
        if o is line or not NEIGHBOUR_SIZE[0] < o.height / size < NEIGHBOUR_SIZE[1]:
            return False
        if abs((o.y0 + o.y1) - (line.y0 + line.y1)) / 2 >= GUTTER_NEIGHBOURS * line.height:
            return False
        upper, lower = (o, line) if o.y0 < line.y0 else (line, o)
        return not crosses(rules, centre - 1, upper.y1, centre + 1, lower.y0)

    lo, hi = max(0, a - line.height), min(ink.shape[1], b + line.height)
    papers = []  # for each neighbour running past the blank: where it has paper inside it
    for o in filter(neighbour, lines.around(line, GUTTER_NEIGHBOURS * line.height)):
        margin = int(BOX_PADDING * o.height)
        columns = ink[o.y0 + margin:max(o.y1 - margin, o.y0 + margin + 1), lo:hi].any(axis=0)
        if columns[:a - lo].any() and columns[b - lo:].any():
            papers.append(~columns[a - lo:b - lo])
    if not papers or b - a < 3:
        return 0.0, len(papers)
    # a stripe as wide as a narrow gutter; justified text lines up the small gaps between its
    # characters too, but those are a fraction of this
    width = min(b - a, max(3, round(GUTTER_MIN_WIDTH * size)))
    stripes = np.lib.stride_tricks.sliding_window_view(np.sum(papers, axis=0), width).min(axis=1)
    return float(stripes.max()) / len(papers), len(papers)


def body_size(lines: list[LineBox]) -> float:
    """The page's body text size: median height of horizontal lines, weighted by width so that
    body text outweighs headlines."""
    horizontal = [l for l in lines if l.direction == TextDirection.HORIZONTAL_LR]
    if not horizontal:
        return DEFAULT_UNIT
    heights = np.array([l.height for l in horizontal], dtype=float)
    weights = np.array([l.width for l in horizontal], dtype=float)
    order = np.argsort(heights)
    cumulative = np.cumsum(weights[order])
    return float(heights[order][np.searchsorted(cumulative, cumulative[-1] / 2)])


def measure_weights(lines: list[LineBox], gray: np.ndarray, unit: float) -> None:
    """Set each line's weight: how much of a body-line-high band along it is ink, against the
    median body line; and, for lines taller than body type, the height of its letters against a
    sample of body lines'. Weight is measured on grey levels, not a
    threshold: at 8-12 px a binarised stroke is a pixel or two whatever the face."""
    paper, black = float(np.percentile(gray, 90)), float(np.percentile(gray, 1))
    if paper - black < WEIGHT_CONTRAST:
        return
    low, high = BODY_HEIGHT[0] * unit, BODY_HEIGHT[1] * unit
    body = [l for l in lines if l.direction == TextDirection.HORIZONTAL_LR and low <= l.height <= high]
    tall = [l for l in lines if l.direction == TextDirection.HORIZONTAL_LR and l.height > HEADLINE_RATIO * unit]
    sample = set(map(id, body[::max(1, len(body) // LETTER_SAMPLE)] + tall))
    coverage, letters, strokes = {}, {}, {}
    for line in lines:
        if line.direction == TextDirection.VERTICAL_RL:
            continue
        middle, half = (line.y0 + line.y1) / 2, max(line.height, unit) / 2
        band = gray[max(0, int(middle - half)):int(middle + half), line.x0:line.x1].astype(np.float32)
        if not band.size:
            continue
        darkness = np.clip((paper - band) / (paper - black), 0, 1)
        coverage[id(line)] = float(darkness.mean())
        inked = darkness[darkness > STROKE_INK]
        if inked.size:
            strokes[id(line)] = float(inked.mean())
        if id(line) in sample:
            letters[id(line)] = _letter_height(darkness > LETTER_INK)
    typical = float(np.median([coverage[id(l)] for l in body if id(l) in coverage])) if body else 0.0
    typical_letter = float(np.median([letters[id(l)] for l in body if id(l) in letters])) if body else 0.0
    typical_stroke = float(np.median([strokes[id(l)] for l in body if id(l) in strokes])) if body else 0.0
    if typical <= 0:
        return
    for line in lines:
        if id(line) in coverage:
            line.weight = round(coverage[id(line)] / typical, 3)
        if id(line) in letters and typical_letter > 0:
            line.letters = round(letters[id(line)] / typical_letter, 3)
        if id(line) in strokes and typical_stroke > 0:
            line.stroke = round(strokes[id(line)] / typical_stroke, 3)


def _letter_height(ink: np.ndarray) -> float:
    """Height of a line's letters: the pieces of ink, taller ones (on a worn scan a letter breaks up
    into specks; touching letters stand no taller)."""
    _, _, stats, _ = cv2.connectedComponentsWithStats(ink.astype(np.uint8), connectivity=8)
    heights = [h for _, _, _, h, area in stats[1:] if area >= MIN_LETTER_AREA]
    return float(np.percentile(heights, LETTER_PERCENTILE)) if heights else 0.0


def type_height(line: LineBox, ink: np.ndarray) -> int:
    """A line's size without its descenders (`type_rows`). Vertical lines: the width."""
    if line.direction == TextDirection.VERTICAL_RL:
        return line.size
    top, baseline = type_rows(line, ink)
    return baseline - top


def type_rows(line: LineBox, ink: np.ndarray) -> tuple[int, int]:
    """Page rows of a horizontal line's type: its letters' top and its baseline, so a line with `g`
    and `y` is not taken for bigger type than one without. A reversed line (paper letters on a
    filled box) is measured by its letters, not its box; the foot of the line above, caught at the
    box's top past a blank row, is no part of it, nor the top of the line below at its foot."""
    box = ink[line.y0:line.y1, line.x0:line.x1] > 0
    if (fill := _fill_columns(box)) is not None:
        box = ~box[:, fill]  # the letters
    rows = np.count_nonzero(box, axis=1)
    inked = rows[rows > 0]
    if inked.size == 0:
        return line.y0, line.y1
    depth = int(DESCENDER_DEPTH * line.height)
    above = [i for i in range(1, min(depth, rows.size)) if rows[i] == 0 and rows[:i].any()]
    top = above[-1] + 1 if above else 0
    while top < rows.size and rows[top] == 0:
        top += 1
    below = [i for i in range(max(top, rows.size - depth), rows.size - 1) if rows[i] == 0 and rows[i + 1:].any()]
    end = below[0] if below else rows.size  # and the top of the line below, past a blank row
    thin = rows < DESCENDER_INK * float(np.median(inked))
    foot = 0
    while foot < end and thin[end - 1 - foot]:
        foot += 1
    return line.y0 + top, line.y0 + end - (foot if foot <= depth else 0)


def is_reversed(line: LineBox, ink: np.ndarray) -> bool:
    """Paper letters on a filled box: a kicker or label set reversed."""
    return line.direction == TextDirection.HORIZONTAL_LR and \
        _fill_columns(ink[line.y0:line.y1, line.x0:line.x1] > 0) is not None


def _fill_columns(box: np.ndarray) -> np.ndarray | None:
    """The columns of a reversed line's fill (its top and bottom rows inked across; an edge row may
    be anti-aliased), or None for type printed dark on paper."""
    full = np.flatnonzero(box.mean(axis=1) >= REVERSED_FILL) if box.size else np.array([], int)
    if full.size and full[0] <= 1 and full[-1] >= box.shape[0] - 2:
        return box[full[0]] & box[full[-1]]
    return None


def is_headline(line: LineBox, unit: float) -> bool:
    return line.direction == TextDirection.VERTICAL_RL or line.height > HEADLINE_RATIO * unit


def split_by_size(lines: list[LineBox], unit: float, rules: list[Rule]) -> tuple[list[LineBox], list[LineBox]]:
    """(headline lines, body lines). Quote marks and brackets stand above and below the characters,
    so a body line holding them can measure like a kicker; it still continues a body column,
    which a centred headline does not. A word cut from a justified Latin line measures tall too
    (its descenders are a large share of its ink); it shares its row with body text, in letters of
    the body's size: a title in bigger letters may stand on a body line's row across a wide gutter
    (random seed 42: 3.9 body heights, under a justified line's widest word space). A box run into
    its row neighbour's holds two rows of small print, whatever its letters measure (the Star's
    index, Kolonie's masthead). A box run far into a neighbour row, its letters clipped small, is
    tested as a body line however tall. A line of body-size letters at a paragraph break is body text too,
    and so is a run of lines a little bigger standing between two lines of one column at about body
    spacing: an in-column subhead, which `blocks.text_blocks` finds by its weight."""
    heads = [l for l in lines if is_headline(l, unit)]
    body = [l for l in lines if not is_headline(l, unit)]
    changed = True
    while changed:
        changed = False
        index = LineIndex(body)
        for line in list(heads):
            if line not in heads:  # moved with its subhead run
                continue
            # a body line it continues or shares a row with stands within a line's pitch
            reach = STACKED_GAP[1] * unit + (line.height + MAX_TALL_BODY * unit) / 2
            # taller than body type can be, unless its letters are clipped small and its ink light: a box
            # run into a row (a reversed label's fill is heavy, its letters measured as holes); such a
            # box is no word cut from a row, nor is a deck's row whose digits among CJK measure short
            short = line.height < MAX_TALL_BODY * unit
            may_be_body = short or (line.letters < CLIPPED_LETTERS and not line.bold)
            small = line.letters < ROW_WORD_LETTERS and not _in_deck(line, heads, unit)
            # a word whose box runs into the rows above and below, its letters the body's, beside its row
            # (random seed 2176: `County,` boxed 2.2 body heights at the end of `project in Lander`)
            row_word = small and not line.bold and line.height < SANDWICHED_BODY * unit
            near = index.around(line, reach)
            if line.direction == TextDirection.HORIZONTAL_LR and (any(
                row_word and _same_row(line, other, unit, rules) and _row_gap(line, other) < ROW_TITLE_GAP * unit
                for other in near
            ) or (may_be_body and any(
                _continues_column(line, other, unit, rules)
                # at a paragraph break, letters measured against the neighbour's: small type's brackets
                # and descenders measure a body line's letters over the page's (random seed 2217, 9.2 px:
                # `Agency (EPA).` 1.25 over a column's indented line measuring 1.17)
                or (_body_letters(line, other) and not _in_deck(line, heads, unit)
                    and _between_column_lines(line, other, unit, rules))
                # a row above boxed in pieces ends at its first piece: a light line of body letters
                # under it, flush with it, is the paragraph's last (random seed 2094: `Agency (EPA).`)
                or (small and not line.bold and other.y0 < line.y0 and _row_reaches(line, other, near, unit)
                    and _continues_column(line, other, unit, rules, past_edge=True))
                # ... and so is a paragraph's first line over a row boxed in pieces that reaches the line's
                # end (random seed 2181, 9.2 px: `Nach der Segnung`, boxed 1.7 body heights, a subtitle)
                or (small and not line.bold and other.y0 > line.y0
                    and _row_reaches(line, other, near, unit, slack=COLUMN_TOLERANCE * unit)
                    and _continues_column(line, other, unit, rules, past_edge=True))
                # a box run into its row neighbour's holds small print, unless bold in a head's letters: a
                # title over a column of its own, across a gutter (random seed 2685: `市第三中学开展` 1.9
                # bodies off a body row, letters 1.38, weight 1.27)
                or (_same_row(line, other, unit, rules) and ((small and short and _same_type(line, other))
                                                             or (_row_gap(line, other) < ROW_TITLE_GAP * unit
                                                                 and (small or not line.bold))))
                or (small and short and _same_type(line, other) and _spaced_as_its_row(line, other, near, unit, rules))
                for other in near
            )) or _sandwiched(line, near, unit, rules)):
                # a head's further rows go with it: left as heads, they would stand as a title of their own
                for member in [line] + _rows_under(line, heads, index, unit):
                    heads.remove(member)
                    body.append(member)
                changed = True
            elif run := _subhead_run(line, heads, index, unit, rules):
                for member in run:
                    heads.remove(member)
                    body.append(member)
                changed = True
    last_rows = [line for line in body if _heads_last_row(line, heads, body, unit)]
    return heads + last_rows, [line for line in body if line not in last_rows]


def _heads_last_row(line: LineBox, heads: list[LineBox], body: list[LineBox], unit: float) -> bool:
    """A short row whose letters measure body size under a headline row boxed as tall, stacked right
    under it within its span, with no body line right under it: the heading's last row, a few glyphs
    whose ink sits low (random seed 2203: `过半`, letters 1.17 of the body's, box 26 px under rows of 27)."""
    if line.direction != TextDirection.HORIZONTAL_LR or line.height <= BODY_HEIGHT[1] * unit:
        return False
    margin = HEADING_MARGIN * unit
    over = any(o.direction == TextDirection.HORIZONTAL_LR
               and min(o.height, line.height) >= TITLE_SHARE * max(o.height, line.height)
               and 0 <= line.y0 - o.y1 <= STACKED_GAP[1] * unit
               and o.x0 - margin <= line.x0 and line.x1 <= o.x1 + margin for o in heads)
    return over and not any(o is not line and min(o.x1, line.x1) > max(o.x0, line.x0)
                            and 0 <= o.y0 - line.y1 <= STACKED_GAP[1] * unit for o in body)


def drop_rows_boxed_twice(heads: list[LineBox], body: list[LineBox]) -> list[LineBox]:
    """The headline lines but boxes of body letters, not bold, holding the middles of two body lines
    or more stacked in them: rows the detector boxed one by one and again as one, a headline only by
    its height, read twice (random seed 2181, 9.2 px blurred: three rows in one box 3.0 body heights
    tall, a false title)."""
    index = LineIndex(body)
    return [line for line in heads if line.direction == TextDirection.VERTICAL_RL or line.bold
            or line.letters >= ROW_WORD_LETTERS
            or sum(holds_middle(line.bbox, o.bbox) and shares_column(line.bbox, o.bbox)
                   for o in index.around(line, line.height / 2)) < 2]


def _body_letters(line: LineBox, neighbour: LineBox) -> bool:
    """The line's letters are of the size of a body neighbour's (which may measure over the page's)."""
    return line.letters < ROW_WORD_LETTERS * max(1.0, neighbour.letters)


def _sandwiched(line: LineBox, near: list[LineBox], unit: float, rules: list[Rule]) -> bool:
    """Up to `SANDWICHED_BODY` tall and in letters of the body's size, the line continues its column
    with a body line right above and one right below: two rows boxed as one, not a headline, which
    stands apart. The body's size is the page's, or that of the column's lines above and below
    when both sides hold a line boxed tall whose letters measure bigger: on a page set solid every
    box runs into its neighbours, and their letters measure so too (Kolonie's Fraktur notices:
    1.25-1.35; a box among them a pixel over `MAX_TALL_BODY` was a title), while a title's letters
    stand out from the lines around it. Of two lines one over the other, the upper may end short:
    the line under it may be its paragraph's short last line, the line over it the last line of the
    paragraph before (seed 1498: `SUMMARY: The FHWA is`, its box run into `89835.` above) or the
    first piece of a justified row cut at a wide word space (1471: `comments by July 12,` under
    `receive your` and `written`), and the line itself its paragraph's last over the next one's
    first (1461: `246, Wells, Nevada 89835.`, its box run into both rows)."""
    if line.height >= SANDWICHED_BODY * unit:
        return False
    above = [o for o in near if o.y0 < line.y0 and (_continues_column(line, o, unit, rules)
                                                    or _continues_column(o, line, unit, rules, ends_short=True))]
    below = [o for o in near if o.y0 > line.y0 and (_continues_column(line, o, unit, rules, ends_short=True)
                                                    or _continues_column(o, line, unit, rules))]
    if not above or not below:
        return False
    body_letters = max(1.0, min(max(o.letters for o in above), max(o.letters for o in below)))
    return line.letters < ROW_WORD_LETTERS * body_letters


def _in_deck(line: LineBox, heads: list[LineBox], unit: float) -> bool:
    """Headline lines in big letters stand right above and right below the line, over its span, their
    boxes clear of it: it is a row of a deck (random seed 242's subtitle row `30万亩`, whose digits
    measure its letters 1.21 of the body's). Body lines boxed tall run into each other (Der
    Nordstern's, letters 0.85-1.1)."""
    def stacked(upper: LineBox, lower: LineBox) -> bool:
        return min(upper.x1, lower.x1) > max(upper.x0, lower.x0) and 0 <= lower.y0 - upper.y1 <= STACKED_GAP[1] * unit

    others = [o for o in heads if o is not line and o.direction == TextDirection.HORIZONTAL_LR
              and o.letters >= ROW_WORD_LETTERS]
    return any(stacked(o, line) for o in others) and any(stacked(line, o) for o in others)


def _subhead_run(line: LineBox, heads: list[LineBox], body: LineIndex, unit: float,
                 rules: list[Rule]) -> list[LineBox] | None:
    """The run of headline-tall lines holding `line` (stacked at body spacing, up to a subhead's
    lines), if it stands within one column between a body line a subhead's space above
    (`SUBHEAD_ABOVE`) and one at body spacing below, bold under plain text: a subhead set a little
    bigger than the body."""
    if line.direction != TextDirection.HORIZONTAL_LR or line.height >= MAX_TALL_BODY * unit:
        return None
    run = [line]
    for step in (-1, 1):
        while len(run) < MAX_SUBHEAD_LINES:
            edge = run[0] if step < 0 else run[-1]
            nxt = _stacked_heads(edge, heads, run, unit, above=step < 0)
            if not nxt:
                break
            if step < 0:
                run.insert(0, nxt[0])
            else:
                run.append(nxt[0])
    x0, y0, x1, y1 = min(l.x0 for l in run), run[0].y0, max(l.x1 for l in run), run[-1].y1
    probe = LineBox((x0, y0, x1, y1))
    near = [o for o in body.around(probe, (y1 - y0) / 2 + (SUBHEAD_ABOVE + 2) * unit)
            if o.direction == TextDirection.HORIZONTAL_LR]
    below = [o for o in near if min(o.x1, x1) > max(o.x0, x0)
             and min_stacked_gap(probe, o, unit) <= o.y0 - y1 <= STACKED_GAP[1] * unit]
    if not below:
        return None
    lower = min(below, key=lambda o: o.y0)
    slack = COLUMN_TOLERANCE * unit
    # the text above: over the run, or a paragraph's last line, flush with the column's left edge and
    # too short to reach a centred subhead (random seeds 850, 881, 943: `务。`)
    above = [o for o in near if min_stacked_gap(o, probe, unit) <= y0 - o.y1 <= SUBHEAD_ABOVE * unit
             and (min(o.x1, x1) > max(o.x0, x0) or (o.x1 <= x0 and -slack <= lower.x0 - o.x0 <= SUBHEAD_INDENT * unit))]
    if not above:
        return None
    upper = max(above, key=lambda o: o.y1)
    # bold under plain text: a deck's lines set plain or letter-spaced (Der Nordstern's `Zur
    # Orientfrage.`, the Star's subtitles under a bold title) and display lines of advertisements
    # measure weight 0.5-0.9; the random pages' subheads 1.5-2.8
    if upper.bold or not all(l.bold for l in run):
        return None
    # the column's measure: the line under the lower one shows the column's edge too, where the lower
    # line is as short as the run (a subhead's bold second line at body size, seed 853) or ends short
    # (a paragraph's first row boxed in pieces or cut short at blur 1.06, seed 2421: `Next Steps`)
    under = [o for o in near if min(o.x1, lower.x1) > max(o.x0, lower.x0)
             and min_stacked_gap(lower, o, unit) <= o.y0 - lower.y1 <= STACKED_GAP[1] * unit]
    # ... and so do the rows near it flush with the column's left edge, where the rows beside the
    # run are boxed in pieces (random seed 2746, Fraktur at 8.9 px: `Wie es weitergeht` centred over
    # a paragraph's last word and a row boxed from its first word to its fourth)
    left = min(upper.x0, lower.x0)
    flush = [o for o in body.around(probe, (y1 - y0) / 2 + 2 * (SUBHEAD_ABOVE + 2) * unit)
             if o.direction == TextDirection.HORIZONTAL_LR and abs(o.x0 - left) <= slack]
    right = max([upper.x1, lower.x1] + [o.x1 for o in under + flush])
    one_column = (abs(upper.x0 - lower.x0) <= SUBHEAD_INDENT * unit and x0 >= min(upper.x0, lower.x0) - slack
                  and x1 <= right + slack)
    if not one_column or crosses(rules, x0, upper.y1, x1, y0) or crosses(rules, x0, y1, x1, lower.y0):
        return None
    return run


def _stacked_heads(edge: LineBox, heads: list[LineBox], run: list[LineBox], unit: float, above: bool) -> list[LineBox]:
    """Headline lines under `MAX_TALL_BODY`, not yet in `run`, stacked right over (`above`) or under `edge`
    at body spacing, over its span."""
    return [o for o in heads if o not in run and o.direction == TextDirection.HORIZONTAL_LR
            and o.height < MAX_TALL_BODY * unit and min(o.x1, edge.x1) > max(o.x0, edge.x0)
            and min_stacked_gap(edge, o, unit) <= (edge.y0 - o.y1 if above else o.y0 - edge.y1)
            <= STACKED_GAP[1] * unit]


def _rows_under(line: LineBox, heads: list[LineBox], body: LineIndex, unit: float) -> list[LineBox]:
    """Bold headline rows in the bold line's type stacked right under it, up to a subhead's lines, with
    a body line right under the last: the rest of an in-column subhead whose first row continues the
    column above (random seed 2661, 11.9 px kai: `培育龙头，` under a caption's credit, its rows
    `延长茶叶加` / `工产业链条` left alone a title)."""
    if not line.bold or line.direction != TextDirection.HORIZONTAL_LR:
        return []
    run = [line]
    while len(run) < MAX_SUBHEAD_LINES:
        edge = run[-1]
        nxt = [o for o in _stacked_heads(edge, heads, run, unit, above=False)
               if o.bold and min(o.height, edge.height) >= TITLE_SHARE * max(o.height, edge.height)]
        if not nxt:
            break
        run.append(min(nxt, key=lambda o: o.y0))
    last = run[-1]
    below = any(o.direction == TextDirection.HORIZONTAL_LR and min(o.x1, last.x1) > max(o.x0, last.x0)
                and min_stacked_gap(last, o, unit) <= o.y0 - last.y1 <= STACKED_GAP[1] * unit
                for o in body.around(last, last.height + STACKED_GAP[1] * unit))
    return run[1:] if below else []


def _same_type(line: LineBox, other: LineBox) -> bool:
    """A word cut from the other's row is set in the row's type: a bold line boxed far taller than the
    row, across a gutter, is a title however small its ink pieces measure (random seeds 2457 and 2441,
    45 and 78 px: `昌吉高新` bold and boxed 1.6 times its neighbour's row, its letters 0.84 of the
    body's, as CJK characters such as 昌 and 高 break into small parts)."""
    return not line.bold or line.height <= SAME_SIZE * other.height


def _row_gap(line: LineBox, other: LineBox) -> int:
    """Blank between two boxes side by side (negative where they overlap)."""
    return max(line.x0 - other.x1, other.x0 - line.x1)


def _same_row(line: LineBox, other: LineBox, unit: float, rules: list[Rule]) -> bool:
    """The other line stands on the same row, a stretched word space away, with no rule between."""
    return _row_gap(line, other) <= MAX_WORD_GAP * unit and _level(line, other, rules)


def _spaced_as_its_row(line: LineBox, other: LineBox, near: list[LineBox], unit: float, rules: list[Rule]) -> bool:
    """The other line stands level with the line, no rule between, and a third piece of the row stands
    beyond it a blank as wide as the line's (differing by less than a word space, the letters' own
    sidebearings): justification stretches a row's spaces alike, past `MAX_WORD_GAP` in a row of few
    words (random seed 2689: `AGENCY:`, `Federal`, `Highway` 4.4 body heights apart each, the last
    word boxed tall by its descenders, a title of its own)."""
    gap = _row_gap(line, other)
    if gap <= 0 or not _level(line, other, rules):
        return False
    beyond = [o for o in near if o is not line and o is not other and _level(o, other, rules)
              and (o.x1 <= other.x0 if line.x0 >= other.x1 else o.x0 >= other.x1)]
    return any(abs(_row_gap(o, other) - gap) < WORD_SPACE_WIDTH * unit for o in beyond)


def _level(line: LineBox, other: LineBox, rules: list[Rule]) -> bool:
    """The two boxes share a row (`SAME_ROW`) with no rule between."""
    shared = min(line.y1, other.y1) - max(line.y0, other.y0)
    return shared >= SAME_ROW * min(line.height, other.height) and not crosses(
        rules, min(line.x1, other.x1), max(line.y0, other.y0), max(line.x0, other.x0), min(line.y1, other.y1))


def _row_reaches(line: LineBox, first: LineBox, near: list[LineBox], unit: float, slack: float = 0) -> bool:
    """`first` opens a row boxed in pieces that reaches past the line's right end (to within `slack`):
    a body-high piece on its row starts within `HEADING_MARGIN` of that end and runs past it (a word
    the detector lost between leaves a wider blank than a word space)."""
    return any(o is not first and first.x1 < o.x0 <= line.x1 + HEADING_MARGIN * unit and o.x1 >= line.x1 - slack
               and o.height >= BODY_HEIGHT[0] * unit
               and min(o.y1, first.y1) - max(o.y0, first.y0) >= SAME_ROW * min(o.height, first.height) for o in near)


def min_stacked_gap(upper: LineBox, lower: LineBox, unit: float) -> float:
    """The least blank (most overlap) between two lines one under another: small type set solid
    overlaps its neighbours further than body spacing allows."""
    return min(STACKED_GAP[0] * unit, -SOLID_OVERLAP * min(upper.height, lower.height))


def _between_column_lines(line: LineBox, neighbour: LineBox, unit: float, rules: list[Rule]) -> bool:
    """The line and the neighbour meet at a paragraph break at body line spacing: the upper of the
    two ends short of the lower, which starts an indent in. A paragraph's short last line fails
    `_continues_column` for the line under it, and a line over the next paragraph's indented first
    line is short itself (random seeds 28's `ACTION: Notice of`, 32's `Agency (EPA).`)."""
    gap = max(line.y0 - neighbour.y1, neighbour.y0 - line.y1)
    if not min_stacked_gap(line, neighbour, unit) <= gap <= STACKED_GAP[1] * unit:
        return False
    upper, lower = (neighbour, line) if neighbour.y0 < line.y0 else (line, neighbour)
    return (abs(line.x0 - neighbour.x0) <= INDENT * unit and upper.x1 < lower.x1 and lower.x0 > upper.x0
            and not crosses(rules, max(line.x0, neighbour.x0), upper.y1, min(line.x1, neighbour.x1), lower.y0))


def _continues_column(line: LineBox, neighbour: LineBox, unit: float, rules: list[Rule],
                      ends_short: bool = False, past_edge: bool = False) -> bool:
    """The neighbour sits right above or below at body line spacing in the same column, with no
    rule between: left edges align (an indent apart at most), and the line does not stick out
    past the neighbour's right edge unless it may (`past_edge`: the neighbour is a row's first
    piece). Over a neighbour below, the line runs the column's full width unless it may
    `ends_short`: a paragraph's last line, or a justified row's first piece."""
    gap = max(line.y0 - neighbour.y1, neighbour.y0 - line.y1)
    if not min_stacked_gap(line, neighbour, unit) <= gap <= STACKED_GAP[1] * unit:
        return False
    upper, lower = (neighbour, line) if neighbour.y0 < line.y0 else (line, neighbour)
    if crosses(rules, max(line.x0, neighbour.x0), upper.y1, min(line.x1, neighbour.x1), lower.y0):
        return False
    if abs(line.x0 - neighbour.x0) > INDENT * unit or (line.x1 > neighbour.x1 + COLUMN_TOLERANCE * unit
                                                        and not past_edge):
        return False
    if neighbour.y0 > line.y0 and not ends_short:  # below: a column's first line runs its full width
        return line.x1 >= neighbour.x1 - COLUMN_TOLERANCE * unit
    return True


def _stacked_cut(upper: LineBox, lower: LineBox, ink: np.ndarray) -> int | None:
    """The row where two boxes one over the other part: the thinnest ink row (across the width they
    share) where they overlap, if it is a valley between two lines' ink; else None (one line boxed
    twice, offset)."""
    x0, x1 = max(upper.x0, lower.x0), min(upper.x1, lower.x1)
    rows = np.count_nonzero(ink[upper.y0:max(upper.y1, lower.y1), x0:x1], axis=1)
    start, end = lower.y0 - upper.y0, min(upper.y1, lower.y1) - upper.y0
    if start < 1 or end <= start or end >= len(rows):
        return None
    cut = start + int(np.argmin(rows[start:end]))
    if rows[cut] > STACKED_VALLEY * min(rows[:cut].max(), rows[cut + 1:].max()):
        return None
    return upper.y0 + cut


def _stacked(a: LineBox, b: LineBox) -> bool:
    """Two boxes of one row that are two lines one over the other: pieces of a printed line stand
    side by side, so boxes sharing most of the narrower one's width are stacked lines (as `in_rows`
    reads them, `shares_column`), unless their middles line up (a line boxed twice)."""
    offset = abs((a.y0 + a.y1) - (b.y0 + b.y1)) / 2
    return shares_column(a.bbox, b.bbox) and offset >= STACKED_MIDDLES * min(a.height, b.height)


def _flat_piece(a: LineBox, b: LineBox) -> bool:
    """One box a letter of the other's line boxed apart: within its rows, its middle in their middle
    third (a dash, `一`; a line under a tall box stands at its foot), into its box or touching it,
    no wider than FLAT_PIECE of its height. A flat letter's ink is shorter than its line's (random
    seed 1983: the title `本周后期将有一` boxed to `有`, its `一` half its height beside it)."""
    tall, short = (a, b) if a.height >= b.height else (b, a)
    gap = max(short.x0 - tall.x1, tall.x0 - short.x1)
    offset = abs((short.y0 + short.y1) - (tall.y0 + tall.y1)) / 2
    return (tall.y0 <= short.y0 and short.y1 <= tall.y1 and offset <= tall.height / 6 and gap <= 0
            and short.x1 - short.x0 <= FLAT_PIECE * tall.height)


def _head_piece(a: LineBox, b: LineBox, unit: float) -> bool:
    """One box a few characters of a headline row the other boxes: a third of its height or more (not
    a line of smaller type set in its box, the Star's dateline under its name), no wider than
    `HEAD_PIECE_CHARS` of its height, within its rows (an end off by a sixth of the piece's height at
    most: not a neighbour line's), inside its box or reaching a quarter of its height into it (the row
    boxed from inside a character; boxes of two items merely touch: random seed 2620's folio `第3版`
    against its section's label). Ink-tight boxes of two lines never overlap so; the detector boxed a
    title's first characters apart, in halves (random seed 2633: `智慧养老服务平台上线运行`, 智慧's top
    half and its foot, read `合心`, apart from the row boxed from inside 慧: two titles and a subtitle)."""
    tall, short = (a, b) if a.height >= b.height else (b, a)
    slack = short.height / 6
    shared = min(tall.x1, short.x1) - max(tall.x0, short.x0)
    return (tall.height > HEADLINE_RATIO * unit and short.width <= HEAD_PIECE_CHARS * tall.height
            and short.height >= tall.height / 3
            and tall.y0 - slack <= short.y0 and short.y1 <= tall.y1 + slack
            and (shared >= tall.height / 4 or tall.x0 <= short.x0 and short.x1 <= tall.x1))


def merge_row_fragments(lines: list[LineBox], unit: float, rules: list[Rule],
                        ink: np.ndarray) -> tuple[list[LineBox], list[BBox]]:
    """Join boxes the detector split inside one line: spaces in headlines, wide letter-spacing,
    the stretched word spaces of justified Latin text. A blank where the gutter test cut lines
    is never bridged, nor one with a rule in it, nor one at column edges: (the lines, the blanks
    kept apart as column edges)."""
    lines = sorted(lines, key=lambda l: (l.y0, l.x0))
    index = LineIndex(lines)
    merged: list[LineBox] = []
    kept_apart: list[BBox] = []
    active: list[int] = []  # merged lines that may still share a row with the lines to come
    for line in lines:
        active = [i for i in active if merged[i].y1 > line.y0]
        for i in active:
            other = merged[i]
            if other.direction != line.direction or line.direction == TextDirection.VERTICAL_RL:
                continue
            overlap = min(other.y1, line.y1) - max(other.y0, line.y0)
            small = min(other.height, line.height)
            if overlap < SAME_ROW * small:
                continue
            flat, piece = _flat_piece(other, line), _head_piece(other, line, unit)
            if max(other.height, line.height) > SAME_SIZE * small and not flat and not piece:
                continue
            if flat:
                small = max(other.height, line.height)  # the line's own size, not its flat letter's
            # one over the other, not side by side: two lines set solid (`civilní a vojenský krejčí`
            # over `Hotové uniformy …`) part at the blank between their ink; tightly set lines whose
            # padded boxes overlap with no clean blank between them stay apart, not joined
            if _stacked(other, line) and not piece:
                cut = _stacked_cut(other, line, ink) if overlap < STACKED_ROW * small else None
                if cut is not None:
                    merged[i] = replace(other, bbox=(other.x0, other.y0, other.x1, cut))
                    line = replace(line, bbox=(line.x0, cut, line.x1, line.y1))
                continue
            left, right = (other, line) if other.x0 <= line.x0 else (line, other)
            gap = right.x0 - left.x1
            headline = small > HEADLINE_RATIO * unit
            if gap > (HEADLINE_WORD_GAP * small if headline else MAX_WORD_GAP * unit):
                continue
            joined = LineBox((left.x0, min(other.y0, line.y0), max(other.x1, line.x1), max(other.y1, line.y1)))
            if crosses(rules, left.x1, joined.y0, right.x0, joined.y1):
                continue
            if not headline and _at_column_edge(left, right, index, unit, rules):
                kept_apart.append((min(left.x1, right.x0), joined.y0, max(left.x1, right.x0), joined.y1))
                continue
            blank = (left.x1, right.x0)
            if not headline and gap > BODY_FRAGMENT_GAP * unit and (
                    _wider_than_own_spaces(left, right, unit, ink)
                    or not (_is_word_space(joined, blank, index, rules, ink)
                            or _spaced_as_own_row(left, right, index, unit, rules, ink))):
                continue
            top, bottom = _ink_rows(ink[joined.y0:joined.y1, joined.x0:joined.x1])
            merged[i] = LineBox((joined.x0, joined.y0 + top, joined.x1, joined.y0 + bottom))
            break
        else:
            active.append(len(merged))
            merged.append(line)
    return merged, kept_apart
