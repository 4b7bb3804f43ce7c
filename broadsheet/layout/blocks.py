"""Group text lines into blocks: headline groups and body column segments."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field, replace

import numpy as np

from broadsheet.layout.lines import LineBox, min_stacked_gap
from broadsheet.layout.rules import Rule, crosses
from broadsheet.layout.thresholds import (
    BODY_HEIGHT,
    BOLD_STROKE,
    BOLD_WEIGHT_DARK,
    BOX_PADDING,
    BREAK_SHARE,
    CAPTION_STEP,
    CARRY_GUTTER,
    CENTRED,
    COLUMN_TOLERANCE,
    EDGE_TOLERANCE,
    FOLD_WIDTH,
    GUTTER_CUT_ROUNDS,
    GUTTER_FIT,
    GUTTER_MIN_WIDTH,
    GUTTER_REACH,
    HEADING_MARGIN,
    HEADING_SPACE,
    HEADLINE_OVERLAP,
    HEADLINE_STACK_GAP,
    HEAD_INDENT,
    INDENT,
    LINE_PITCH,
    MAX_HEADING_LINES,
    MAX_SUBHEAD_LINES,
    MAX_WORD_GAP,
    MAX_WRAPPED_SUBHEAD_LINES,
    MIN_COLUMN_LINES,
    MIN_COLUMN_WIDTH,
    NARROW_COLUMN,
    NEIGHBOUR_SIZE,
    QUIET_HEAD_ALONE_GAP,
    QUIET_HEAD_SPACE,
    SEGMENT_GAP,
    STACKED_GAP,
    SUBHEAD_INDENT,
    TITLE_SHARE,
)
from broadsheet.model import BBox, TextDirection, in_rows, overlaps


@dataclass
class Block:
    lines: list[LineBox] = field(default_factory=list)

    @property
    def bbox(self) -> BBox:
        return (min(l.x0 for l in self.lines), min(l.y0 for l in self.lines),
                max(l.x1 for l in self.lines), max(l.y1 for l in self.lines))


def headline_groups(lines: list[LineBox], unit: float, rules: list[Rule],
                    body: list[LineBox] | None = None) -> list[Block]:
    """Horizontal headline lines stacked one above another with overlapping spans, and vertical
    ones standing side by side, with no rule between. A line level with a `body` line under the
    group's span starts a group of its own (`_body_level`)."""
    vertical = [l for l in lines if l.direction == TextDirection.VERTICAL_RL]
    horizontal = [l for l in lines if l.direction == TextDirection.HORIZONTAL_LR]
    return _stack(horizontal, rules, body or []) + _side_by_side(vertical, rules)


def _side_by_side(lines: list[LineBox], rules: list[Rule]) -> list[Block]:
    groups: list[Block] = []
    for line in sorted(lines, key=lambda l: -l.x1):
        for group in groups:
            gx0, gy0, gx1, gy1 = group.bbox
            near = gx0 - line.x1 <= HEADLINE_STACK_GAP * max(line.size, group.lines[-1].size)
            top, bottom = max(gy0, line.y0), min(gy1, line.y1)
            if near and bottom > top and not crosses(rules, line.x1, top, gx0, bottom):
                group.lines.append(line)
                break
        else:
            groups.append(Block([line]))
    return groups


def _body_level(line: LineBox, group: BBox, body: list[LineBox]) -> bool:
    """A column's body line, as wide as the line or wider, stands level with it, beside it and under the
    group's span: the body has begun under the head, and the line is a subhead opening its own column,
    not the head's deck (random seed 2198, 21.7 px: `标准化种 / 植提品质` atop the second column, taken
    into the deck). An advertisement's number beside its last line (`13024`, the Czech ads page) is narrower."""
    return any(min(b.y1, line.y1) - max(b.y0, line.y0) >= b.height / 2 and b.x1 - b.x0 >= line.x1 - line.x0
               and (b.x1 <= line.x0 or line.x1 <= b.x0) and min(b.x1, group[2]) > max(b.x0, group[0])
               for b in body)


def _stack(lines: list[LineBox], rules: list[Rule], body: list[LineBox]) -> list[Block]:
    groups: list[Block] = []
    for line in sorted(lines, key=lambda l: l.y0):
        best = None
        for group in groups:
            gx0, gy0, gx1, gy1 = group.bbox
            last = max(group.lines, key=lambda l: l.y1)
            gap = line.y0 - gy1
            if gap > HEADLINE_STACK_GAP * max(line.size, last.size) or gap < -HEADLINE_OVERLAP * line.size:
                continue
            if min(gx1, line.x1) - max(gx0, line.x0) <= 0:
                continue
            if crosses(rules, max(gx0, line.x0), gy1, min(gx1, line.x1), line.y0):
                continue
            if gap > 0 and _body_level(line, group.bbox, body):
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
    tolerance = COLUMN_TOLERANCE * unit
    clusters: list[list[LineBox]] = []
    for line in sorted(lines, key=lambda l: (l.x0, l.x1)):
        for cluster in clusters:
            ref = cluster[0]
            if abs(ref.x0 - line.x0) <= tolerance and abs(ref.x1 - line.x1) <= tolerance:
                cluster.append(line)
                break
        else:
            clusters.append([line])
    # Short last lines of paragraphs, and ragged lines of Latin heads, can share extents by chance;
    # a column's lines also stand one under another.
    intervals = []
    for c in clusters:
        x0, x1 = int(np.median([l.x0 for l in c])), int(np.median([l.x1 for l in c]))
        lines_needed = MIN_COLUMN_LINES if x1 - x0 >= MIN_COLUMN_WIDTH * unit else NARROW_COLUMN[1]
        if (x1 - x0 >= NARROW_COLUMN[0] * unit and len(c) >= lines_needed
                and _stacked_pairs(c, unit) >= lines_needed - 1):
            intervals.append((x0, x1))
    # Widest first: a cluster of indented lines, or of lines ending in punctuation (whose ink
    # stops short of the em box), lies within a wider column and is folded into it.
    intervals.sort(key=lambda iv: iv[0] - iv[1])
    # A folded cluster widens its column by what it stands out (up to a character a side): lines
    # ending in a hyphen, or a column of as many indented as flush lines whose median starts in.
    columns: list[tuple[int, int]] = []
    for x0, x1 in intervals:
        into = next((i for i, (cx0, cx1) in enumerate(columns) if x0 >= cx0 - unit and x1 <= cx1 + unit
                     and (cx1 - cx0) - (x1 - x0) <= FOLD_WIDTH * unit), None)
        if into is None:
            columns.append((x0, x1))
        else:
            columns[into] = (min(columns[into][0], x0), max(columns[into][1], x1))
    return columns


def cut_at_gutters(lines: list[LineBox], columns: list[tuple[int, int]], unit: float, ink: np.ndarray,
                   around: list[LineBox]) -> list[LineBox]:
    """Body lines that run from one column into the next, cut where the columns part.

    Where the gutter is narrower than the blank the line finder looks for (random seed 1113: half
    an em, closed to a pixel or two by a comma and justified letters), the detector's box over both
    columns is never cut. Such a line fits no column; it is cut when it lies inside both columns'
    runs of lines (right above and right below it, `around`, a line ending in the left column and
    one starting in the right one: a caption or title over the columns has none of theirs above
    it), and its ink has a blank between the columns' edges.

    Rows between a headline and a photo set inside the columns, or between a caption across the
    columns and their text, have no such lines on one side (random seed 1324: two rows joined over a
    0.8-em gutter above a photo, one under its caption); they are cut where their blank is the
    gutter itself, as wide as the narrowest gutter and starting and ending at the columns' edges,
    and no line of its size runs over the gutter on one side with none of the columns' on the other:
    a CJK caption set on the columns' character grid has a stop's blank there now and then.

    A row may run over three columns or more (random seed 1570): it is cut at each gutter in turn.
    Rows joined in a run (the first rows of short columns under a caption, 1624) frame one another
    only once their neighbours are cut, so the cuts go in rounds.

    Three or more such rows (or a caption across two columns and the rows joined under it) share
    their extent and make an interval of their own that two narrower columns tile (1438, 1284): it is
    no column a line may stand in. And a row joined like this one, its blank over the same gutter, is
    no line across the columns (a caption's) that keeps this one whole (1705: two rows between a
    title and a photo inside the columns, each the other's only neighbour)."""
    slack = COLUMN_TOLERANCE * unit
    grid = [c for c in columns if not _tiled(c, columns, slack)]

    def inside(line: LineBox, column: tuple[int, int]) -> bool:
        return column[0] - slack <= line.x0 and line.x1 <= column[1] + slack

    def stacked(line: LineBox, around: list[LineBox], tops: list[int]) -> tuple[list[LineBox], list[LineBox]]:
        """The lines right over `line` and right under it, a stacked gap apart."""
        # lines starting up to a stacked gap and three body heights (a padded line of any body size) above
        near = around[bisect_left(tops, line.y0 - (STACKED_GAP[1] + 3) * unit):
                      bisect_left(tops, line.y1 + STACKED_GAP[1] * unit + 1)]
        return ([o for o in near if min_stacked_gap(o, line, unit) <= line.y0 - o.y1 <= STACKED_GAP[1] * unit],
                [o for o in near if min_stacked_gap(line, o, unit) <= o.y0 - line.y1 <= STACKED_GAP[1] * unit])

    def stacked_on(line: LineBox, column: tuple[int, int], around: list[LineBox], tops: list[int]) -> bool:
        """A line of `column` stands right over or under `line`."""
        above, below = stacked(line, around, tops)
        return any(o is not line and inside(o, column) for o in above + below)

    def cut(line: LineBox, around: list[LineBox], tops: list[int]) -> list[LineBox] | None:
        """The line cut at each gutter it runs over, left to right; None where it is not cut at the first."""
        above, below = stacked(line, around, tops)
        done: list[LineBox] = []
        while not any(inside(line, c) for c in grid):
            pieces = None
            # the columns the line starts in, narrowest first: where two grids overlap (articles of three
            # and four columns) or wide intervals (rows of two columns boxed as one) hide a gutter, the
            # gutter the line is cut at tells which
            starts = sorted((c for c in grid if c[0] - slack <= line.x0 < c[1]), key=lambda c: c[1])
            for left in starts:
                right = min((c for c in grid if c[0] > left[1]), key=lambda c: c[0], default=None)
                if right is None or line.x1 <= right[0]:
                    continue
                # by the columns' own lines: one ending in the left column, one starting in the right, each
                # within its column (a caption's line cut at a stop's blank runs on over the next gutter, 1554)
                framed = [any(left[0] - slack <= o.x0 and left[0] - slack < o.x1 <= left[1] + slack for o in side) and
                          any(right[0] - slack <= o.x0 < right[1] + slack and o.x1 <= right[1] + slack for o in side)
                          for side in (above, below)]
                across = [any(o.x0 < left[1] and o.x1 > right[0] and
                              NEIGHBOUR_SIZE[0] < o.height / line.height < NEIGHBOUR_SIZE[1] and
                              not _cut_between(o, left[1], right[0], slack, ink, GUTTER_FIT * unit, GUTTER_REACH * unit)
                              for o in side)
                          for side in (above, below)]
                # a line of one of the columns only, flush with the row's end in it (a head or a paragraph's
                # end stands over the other), its column going on past it: the row's own column, as the
                # columns' lines on one side are (not a notice's short last line with a line across under it:
                # the Czech advertisements page, `olšanském pohřbena.`)
                flush = any(abs(o.x0 - line.x0) <= slack and left[0] - slack <= o.x0 and o.x1 <= left[1] + slack
                            and stacked_on(o, left, around, tops)
                            or abs(o.x1 - line.x1) <= slack and right[0] - slack <= o.x0 and o.x1 <= right[1] + slack
                            and stacked_on(o, right, around, tops)
                            for o in above + below)
                if all(framed):
                    pieces = _cut_between(line, left[1], right[0], slack, ink)
                elif any(framed) or (flush and not any(across)):  # the columns' lines on one side: a stop ends
                    # the left column's row short, a glyph's side bearing starts the right one's late (random
                    # seed 2601: `信息，` | `的好处`, the left column's row under it, a subhead under the right's)
                    pieces = _cut_between(line, left[1], right[0], slack, ink, GUTTER_FIT * unit, GUTTER_REACH * unit)
                elif not any(across) and len(starts) == 1:  # not a caption's middle line (fixture page_h),
                    # and one grid: a centred line between grids of ads (Czech ads) has a sentence's space there
                    pieces = _cut_between(line, left[1], right[0], slack, ink, GUTTER_FIT * unit)
                if pieces is None and not any(framed) and len(starts) == 1:
                    pieces = _river(line, above + below, left[1], right[0], slack, ink, unit)
                if pieces:
                    break
            if pieces is None and not done:
                # the lines two rows each way: a neighbour's own column line stacked beyond it
                reach = 2 * (STACKED_GAP[1] + 3) * unit
                column = around[bisect_left(tops, line.y0 - reach):bisect_left(tops, line.y1 + reach)]
                pieces = _own_grid(line, above + below, column, slack, ink, unit)
                if pieces:
                    return pieces
            if pieces is None:
                break
            done.append(pieces[0])
            line = pieces[1]
        return done + [line] if done else None

    # a run of rows joined over one gutter has none of the columns' lines beside it but at its ends:
    # rows cut in one round frame their neighbours in the next
    out = list(lines)
    around = list(around)
    for _ in range(GUTTER_CUT_ROUNDS):
        around.sort(key=lambda l: l.y0)
        tops = [l.y0 for l in around]
        cuts = {}
        for line in out:
            if line.direction == TextDirection.HORIZONTAL_LR and (pieces := cut(line, around, tops)):
                cuts[id(line)] = pieces
        if not cuts:
            break
        out = [p for line in out for p in cuts.get(id(line), [line])]
        around = [p for line in around for p in cuts.get(id(line), [line])]
    return out


def _tiled(column: tuple[int, int], columns: list[tuple[int, int]], slack: float) -> bool:
    """The interval runs from one narrower column's left edge to another's right edge, a gutter between,
    the two as wide as each other: columns of one grid (a column's lines cut at a river of word spaces
    make two narrower intervals of unequal width, random seed 1801)."""
    return any(abs(left[0] - column[0]) <= slack and abs(right[1] - column[1]) <= slack and left[1] < right[0]
               and abs((left[1] - left[0]) - (right[1] - right[0])) <= slack
               for left in columns for right in columns if column not in (left, right))


def _river(line: LineBox, neighbours: list[LineBox], left_edge: int, right_edge: int, slack: float,
           ink: np.ndarray, unit: float) -> list[LineBox] | None:
    """The line cut at a blank as wide as the gutter, up to a column's tolerance off it, that a row
    joined over the gutter right above or below has too, to within `GUTTER_FIT`: rows of an article's
    own grid whose gutter lies a few pixels off the grid the page's columns measure (random seed 1843:
    two rows under a caption, their blank 5 px right of the gutter below). A caption's stop leaves a
    narrower blank, and seldom in the same place on the next line."""
    fit = GUTTER_FIT * unit
    pieces = _cut_between(line, left_edge, right_edge, slack, ink, slack)
    if pieces is None or pieces[1].x0 - pieces[0].x1 < right_edge - left_edge - fit:
        return None
    for other in neighbours:
        if not (other.x0 < left_edge and other.x1 > right_edge
                and NEIGHBOUR_SIZE[0] < other.height / line.height < NEIGHBOUR_SIZE[1]):
            continue
        theirs = _cut_between(other, left_edge, right_edge, slack, ink, slack)
        if theirs and abs(theirs[0].x1 - pieces[0].x1) <= fit and abs(theirs[1].x0 - pieces[1].x0) <= fit:
            return pieces
    return None


def _own_grid(line: LineBox, neighbours: list[LineBox], near: list[LineBox], slack: float, ink: np.ndarray,
              unit: float) -> list[LineBox] | None:
    """The line cut into two columns as wide as a line right above or below it whose one edge it shares,
    a column's line (another of its extent stacked on it): rows of a short grid the page's columns do
    not measure (random seed 2183: three columns of four rows under a photo's caption, two rows joined
    over a gutter). A caption's first line boxed in two pieces is no column (2049). The blank must be
    that gutter, its ends within `GUTTER_FIT` of where the two columns put it, or up to a character
    into the columns (a stop ends a row's ink that short: 13 px at 17 on 2183, over `GUTTER_REACH`)."""
    def in_column(other: LineBox) -> bool:
        gap = STACKED_GAP[1] * unit
        return any(o is not other and o is not line and abs(o.x0 - other.x0) <= slack
                   and abs(o.x1 - other.x1) <= slack and (min_stacked_gap(o, other, unit) <= other.y0 - o.y1 <= gap
                                                          or min_stacked_gap(other, o, unit) <= o.y0 - other.y1 <= gap)
                   for o in near)

    for other in neighbours:
        if not NEIGHBOUR_SIZE[0] < other.height / line.height < NEIGHBOUR_SIZE[1] or not in_column(other):
            continue
        width = other.x1 - other.x0
        if abs(other.x0 - line.x0) <= slack:  # the left column's line
            left_edge, right_edge = other.x1, line.x1 - width
        elif abs(other.x1 - line.x1) <= slack:  # the right column's
            left_edge, right_edge = line.x0 + width, other.x0
        else:
            continue
        if right_edge - left_edge < GUTTER_MIN_WIDTH * line.height:
            continue
        pieces = _cut_between(line, left_edge, right_edge, slack, ink, GUTTER_FIT * unit, unit)
        if pieces:
            return pieces
    return None


def _cut_between(line: LineBox, left_edge: int, right_edge: int, slack: float, ink: np.ndarray,
                 fit: float | None = None, reach: float | None = None) -> list[LineBox] | None:
    """The line cut at the blank (inked nowhere down its middle rows) nearest the middle of the
    gutter between two columns' edges; None without a blank there, or (given `fit`) when the blank
    is not the gutter: narrower than the narrowest gutter, or its ends more than `fit` inside the
    gutter or more than `reach` (default `fit`) outside it, into the columns."""
    margin = int(BOX_PADDING * line.height)
    x0, x1 = max(line.x0, int(left_edge - slack)), min(line.x1, int(right_edge + slack))
    middle_rows = slice(line.y0 + margin, max(line.y1 - margin, line.y0 + margin + 1))
    blank = np.flatnonzero(~ink[middle_rows, x0:x1].any(axis=0))
    if blank.size == 0:
        return None
    middle = (left_edge + right_edge) / 2 - x0
    at = int(blank[np.argmin(np.abs(blank - middle))])
    a = b = at  # the blank run around it
    while a - 1 in blank:
        a -= 1
    while b + 1 in blank:
        b += 1
    if fit is not None:
        reach = fit if reach is None else reach
        start, end = x0 + a, x0 + b + 1
        if (end - start < GUTTER_MIN_WIDTH * line.height or not left_edge - reach <= start <= left_edge + fit
                or not right_edge - fit <= end <= right_edge + reach):
            return None
    # each piece ends where its ink does, past the window too: a paragraph's first row keeps its indent
    # and a last row its short end (random seed 2523: `Auf dem Gelände der` boxed from the window's end,
    # 12 px left of its ink, so its paragraph ran on from the one above)
    inked = np.flatnonzero(ink[middle_rows, line.x0:line.x1].any(axis=0))
    left_ink, right_ink = inked[inked < x0 + a - line.x0], inked[inked > x0 + b - line.x0]
    left_end = line.x0 + int(left_ink[-1]) + 1 if left_ink.size else x0 + a
    right_start = line.x0 + int(right_ink[0]) if right_ink.size else x0 + b + 1
    return [replace(line, bbox=(line.x0, line.y0, left_end, line.y1)),
            replace(line, bbox=(right_start, line.y0, line.x1, line.y1))]


def _stacked_pairs(lines: list[LineBox], unit: float) -> int:
    """How many of the lines stand right under another of them, at body line spacing."""
    ordered = sorted(lines, key=lambda l: l.y0)
    high = STACKED_GAP[1] * unit
    return sum(1 for upper, lower in zip(ordered, ordered[1:])
               if min_stacked_gap(upper, lower, unit) <= lower.y0 - upper.y1 <= high)


def column_segments(lines: list[LineBox], columns: list[tuple[int, int]], unit: float, rules: list[Rule],
                    obstacles: list[BBox]) -> list[Block]:
    """Runs of body lines down one column (`columns`: `column_intervals` of the lines), cut at
    rules, photos, headlines and wide gaps."""
    slack = COLUMN_TOLERANCE * unit

    def fits(line: LineBox, column: tuple[int, int] | None) -> bool:
        return column is not None and column[0] - slack <= line.x0 and line.x1 <= column[1] + slack

    # The narrowest column a line fits, unless the line right above it, starting at its left edge
    # or an indent away, is in another it fits too: a short line (a paragraph's last, a ragged
    # Latin line) also fits a narrow column that lies elsewhere on the page (a caption's).
    assigned: dict[int, tuple[int, int] | None] = {}
    ordered = sorted(lines, key=lambda l: l.y0)
    tops = [l.y0 for l in ordered]
    for index, line in enumerate(ordered):
        fitting = [c for c in columns if fits(line, c)]
        assigned[id(line)] = min(fitting, key=lambda c: c[1] - c[0]) if fitting else None
        # a body line is under two units tall: lines starting further up cannot end right above
        window = ordered[bisect_left(tops, line.y0 - (STACKED_GAP[1] + 2) * unit):index]
        above = [o for o in window if 0 <= line.y0 - o.y1 <= STACKED_GAP[1] * unit
                 and abs(line.x0 - o.x0) <= INDENT * unit
                 and min(line.x1, o.x1) > max(line.x0, o.x0)]
        if above and fits(line, column := assigned[id(max(above, key=lambda o: o.y1))]):
            assigned[id(line)] = column

    by_column: dict[tuple[int, int] | None, list[LineBox]] = {}
    for line in lines:
        by_column.setdefault(assigned[id(line)], []).append(line)

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
                between = (max(last.x0, line.x0), last.y1, min(last.x1, line.x1), line.y0)
                if gap <= SEGMENT_GAP * unit and not crosses(rules, *between) and not any(
                    overlaps(between, obstacle) for obstacle in obstacles
                ):
                    current.lines.append(line)
                    continue
            current = Block([line])
            segments.append(current)
    return segments



def text_blocks(segments: list[Block], unit: float, rules: list[Rule],
                photos: list[BBox] | None = None) -> list[tuple[bool, Block]]:
    """Column segments cut around their headings: [(is_heading, block)].

    A heading is a run of bold lines at body size with regular text after it: an in-article
    subhead (小标题) when text stands above it, or, at the top of a segment, possibly a whole
    headline of bold body-size lines (Latin notices); which, postprocess decides from who owns it.
    A bold run that ends its segment is a heading only where text of its column follows right
    below, in the next segment (a ragged heading line can fall outside the column's extent), or
    the start of a heading that does. So is a quiet head, set in body type and even in the body's
    face, that heads a paragraph by its place and the space under it (`_quiet_heads`).
    """
    rows = {id(segment): _rows(segment) for segment in segments}
    gap = _head_gap([rows[id(segment)] for segment in segments], unit)
    under_photo = {id(segment): _under_photo(segment, photos or [], unit) for segment in segments}
    pieces = []
    for segment in segments:
        if _quiet_head_alone(segment, segments, rows, gap, unit, rules, under_photo[id(segment)]) \
                and not _rest_of_row(segment, segments, unit):
            pieces.append((_HEADING, Block(list(segment.lines))))
        else:
            pieces += _split_headings(rows[id(segment)], unit, gap, under_photo[id(segment)],
                                      _runs_on_from_left(segment, segments, rows, unit))
    pieces.sort(key=lambda piece: piece[1].bbox[1])
    for index, (kind, block) in enumerate(pieces):
        if kind != _BOLD_END or not block.lines:
            continue
        kind = _TEXT
        for below_kind, below in pieces[index + 1:]:
            if not below.lines:
                continue
            # a head set from a deeper indent than a paragraph's is short: a row from there to the
            # column's edge is the body's, cut at its start (random seed 2647, CJK at 6.6 px)
            short = block.bbox[2] < below.bbox[2] - HEADING_MARGIN * unit
            if not _follows(block, below, unit, rules, indent=HEAD_INDENT if short else INDENT):
                continue
            if below_kind == _BOLD_END and len(block.lines) + len(below.lines) <= MAX_HEADING_LINES:
                block.lines += below.lines
                below.lines = []
                continue
            if below_kind == _HEADING and len(block.lines) + len(below.lines) <= MAX_HEADING_LINES:
                # the heading's head: a notice's deck cut where the column's extent or a part's
                # extra space parted its segment (random seed 87: agency and title, then subtitle)
                below.lines[:0] = block.lines
                block.lines = []
                break
            kind = _HEADING if below_kind == _TEXT else _TEXT
            break
        pieces[index] = (kind, block)
    return [(kind == _HEADING, block) for kind, block in pieces if block.lines]


_TEXT, _HEADING, _BOLD_END = "text", "heading", "bold end"


def _follows(upper: Block, lower: Block, unit: float, rules: list[Rule], gap: float = SEGMENT_GAP,
             indent: float = INDENT) -> bool:
    """`lower` starts right below `upper` (at most `gap` body heights of blank between), at its left
    edge or `indent` in or out (a head set from the indent or centred over its column's
    text: random seeds 1356, 1649), or centred over it further in (a short subhead in a wide column,
    2257: `Public Comment` 4.8 body heights in), with no rule between."""
    ux0, _, ux1, uy1 = upper.bbox
    lx0, ly0, lx1, _ = lower.bbox
    centred = ux1 - ux0 < lx1 - lx0 and abs((ux0 + ux1) - (lx0 + lx1)) <= 2 * CENTRED * unit
    return (STACKED_GAP[0] * unit <= ly0 - uy1 <= gap * unit and (abs(lx0 - ux0) <= indent * unit or centred)
            and not crosses(rules, max(ux0, lx0), uy1, min(ux1, lx1), ly0))


def _rows(segment: Block) -> list[list[LineBox]]:
    """A segment's lines in rows, top to bottom."""
    rows: list[list[LineBox]] = []
    for line in in_rows(segment.lines, key=lambda l: l.bbox):
        if rows and rows[-1][0].y0 <= (line.y0 + line.y1) / 2 <= rows[-1][0].y1:
            rows[-1].append(line)
        else:
            rows.append([line])
    return rows


def _head_gap(segments: list[list[list[LineBox]]], unit: float) -> float:
    """Top to top, what a paragraph break spaces two rows on this page, with slack: a quiet head
    stands further above its text. Measured at the page's paragraph breaks (a row indented under
    one flush left), so a page that spaces its paragraphs raises it; quiet heads over their text
    are among those breaks, so a low share of them is taken (`BREAK_SHARE`): a pitch measured, not one
    between two, as where the quiet heads outnumber the breaks (random seed 2589, 41.9 px Fraktur: breaks
    at 26 and 27 px, five titles over their text at 34-36; between 27 and 34 the title `Musik in den
    Höfen`, 34 px over its text, fell under the gap)."""
    pitches = []
    for rows in segments:
        left = min(l.x0 for row in rows for l in row)
        for upper, lower in zip(rows, rows[1:]):
            indent = min(l.x0 for l in lower) - left
            if (min(l.x0 for l in upper) - left <= HEADING_MARGIN * unit < indent <= INDENT * unit
                    and _body_high(upper, unit) and _body_high(lower, unit)  # small print has its own pitch
                    and min(l.y0 for l in lower) >= max(l.y1 for l in upper)):
                pitches.append(min(l.y0 for l in lower) - min(l.y0 for l in upper))
    pitch = float(np.percentile(pitches, 100 * BREAK_SHARE, method="lower")) if pitches else LINE_PITCH * unit
    return pitch + QUIET_HEAD_SPACE * unit


def _leading(rows: list[list[LineBox]], unit: float) -> float:
    """Top to top, the usual pitch of a segment's rows."""
    return float(np.median(np.diff([min(l.y0 for l in row) for row in rows]))) if len(rows) > 2 else LINE_PITCH * unit


def _right_edge(rows: list[list[LineBox]], unit: float) -> float:
    """Where a column's justified rows end: the middle of the row ends near the furthest (one
    row's hyphen or stray box standing out does not move it)."""
    ends = [max(l.x1 for l in row) for row in rows]
    return float(np.median([x for x in ends if x >= max(ends) - HEADING_MARGIN * unit]))


def _body_high(row: list[LineBox], unit: float) -> bool:
    """A row of body-size type: small print is no head, and a row made tall by brackets, or by a
    box run into its neighbour, has its top raised, so its pitch tells nothing of the space above
    (nor may the paragraph's first line under a head be that tall)."""
    return BODY_HEIGHT[0] * unit <= max(l.y1 for l in row) - min(l.y0 for l in row) <= BODY_HEIGHT[1] * unit


def _quiet_head_alone(segment: Block, segments: list[Block], rows: dict[int, list[list[LineBox]]], gap: float,
                      unit: float, rules: list[Rule], under_photo: bool) -> bool:
    """A segment that is all a quiet head over the segment right below: a short head line fits a
    narrower column than its text's (random seeds 137 and 198: `Neues Löschfahrzeug für die Wehr`
    alone in a segment over its article's), or the space under it parts it from its text (1847)."""
    own = rows[id(segment)]
    if len(own) > MAX_HEADING_LINES:
        return False
    below = [other for other in segments
             if other is not segment and _follows(segment, other, unit, rules, QUIET_HEAD_ALONE_GAP)]
    return any(_quiet_heads(own + rows[id(other)], max(gap, _leading(rows[id(other)], unit) + QUIET_HEAD_SPACE * unit),
                            unit, under_photo)[:1] == [(0, len(own))] for other in below)


def _under_photo(segment: Block, photos: list[BBox], unit: float) -> bool:
    """The segment starts right under a photo: its first lines are the photo's caption."""
    x0, y0, x1, _ = segment.bbox
    return any(min(x1, p[2]) > max(x0, p[0]) and 0 <= y0 - p[3] <= SEGMENT_GAP * unit for p in photos)


def _runs_on_from_left(segment: Block, segments: list[Block], rows: dict[int, list[list[LineBox]]],
                       unit: float) -> bool:
    """The segment starts level with a column segment just left of it whose last row runs to its
    edge: a paragraph there goes on at the top of this one."""
    x0, y0 = segment.bbox[0], segment.bbox[1]
    for other in segments:
        own = rows[id(other)]
        if other is segment or len(own) < MIN_COLUMN_LINES or abs(other.bbox[1] - y0) > LINE_PITCH * unit \
                or not 0 <= x0 - other.bbox[2] <= CARRY_GUTTER * unit:
            continue
        if max(l.x1 for l in own[-1]) >= _right_edge(own, unit) - HEADING_MARGIN * unit:
            return True
    return False


def _split_headings(rows: list[list[LineBox]], unit: float, head_gap: float,
                    under_photo: bool, carried: bool = False) -> list[tuple[str, Block]]:
    """A segment cut around its runs of bold lines. Inside a segment a heading stands apart from
    the paragraph before it: that paragraph ends short of the column's edge, or space is left
    above the heading, or a new paragraph starts after it. A bold run longer than a heading is
    bold text; one that ends the segment is left for `text_blocks` to settle. Quiet heads
    (`_quiet_heads`, `head_gap` over the page's paragraph breaks) are headings whatever their weight.
    """
    left, right = min(l.x0 for row in rows for l in row), max(l.x1 for row in rows for l in row)
    tops = [min(l.y0 for l in row) for row in rows]
    leading = _leading(rows, unit)
    edge = _right_edge(rows, unit)

    def flush(row: int) -> bool:
        """The row starts at the column's left edge, not from an indent."""
        return min(l.x0 for l in rows[row]) <= left + HEADING_MARGIN * unit

    def centred(row: int) -> bool:
        """The row's ink is centred in the column."""
        x0, x1 = min(l.x0 for l in rows[row]), max(l.x1 for l in rows[row])
        return abs((x0 - left) - (right - x1)) <= CENTRED * unit

    def apart(start: int, end: int) -> bool:
        """The run from `start` stands apart from the text above it (a one-line run: or below)."""
        indented_after = end == start + 1 < len(rows) and not flush(end)
        if start == caption_end:
            return True
        if start == 0:
            # a line flush left atop a segment that a paragraph runs on into, not centred, a paragraph
            # indented under it, is that paragraph's last line (random seed 2362: `难问题。` at 9.3 px,
            # bold 1.35); a subhead centred there stays one (2417: `政企携手谋发展`, 21 px). So are rows
            # flush left to the column's edge with the text going on flush under them: a bold lead carried
            # from the column before (2610, 41 px: `本报讯 记者` / `何丽娟 通讯员张` / `永强报道：记者从`)
            return not (carried and flush(start) and (indented_after and not centred(start) or carried_on(end)))
        short_before = max(l.x1 for l in rows[start - 1]) < right - HEADING_MARGIN * unit
        space_above = tops[start] - tops[start - 1] > leading + HEADING_SPACE * unit
        # a line flush left under a full line, with a paragraph indented under it, is set as a
        # paragraph's last line: a few characters measure bold by chance (`温。` at 8.9 px, seed 1445,
        # its full stop misread, so `ends_sentence` cannot tell it)
        return short_before or space_above or (indented_after and not flush(start))

    def carried_on(end: int) -> bool:
        """The segment's rows up to `end` are flush left and run to the column's edge, and the row after
        goes on flush left: one paragraph's rows."""
        return all(flush(row) for row in range(end)) and runs_on(0, end) and goes_on(end)

    def run_in(row: int) -> bool:
        """A bold line set from the paragraph indent, not centred, with the next line flush left:
        the bold lead of a paragraph that runs on below it (a run-in brief), not a heading. A line
        starting further in than an indent measures (`SUBHEAD_INDENT`: two characters of a CJK face,
        2.6 units at 6.6 px, seed 2647) is a head centred over its column, where the segment is too
        narrow to show the column (2784: `Background` 16 units in over `AGENCY: Forest Service,
        USDA.`, the segment's edge that line's indent)."""
        return (row + 1 < len(rows) and flush(row + 1) and not flush(row) and not centred(row)
                and min(l.x0 for l in rows[row]) - left <= SUBHEAD_INDENT * unit)

    def carried_lead(row: int) -> bool:
        """The segment's last row, from the indent, not centred, running to the column's edge: a run-in
        lead whose paragraph goes on at the top of the next column (random seed 2610, 41 px ming: `图书馆延`
        under the subhead `科技赋` / `能增动` / `力`, its `长开放` atop the next column)."""
        return (row == len(rows) - 1 and not flush(row) and not centred(row)
                and max(l.x1 for l in rows[row]) >= edge - EDGE_TOLERANCE * unit)

    def justified(start: int, end: int) -> bool:
        """A run longer than a subhead whose lines mostly run to the column's edge is a paragraph
        printed heavy (the Star's inking), not a head: a head's lines are ragged or centred. A
        paragraph's last line starts flush left, so a run ending in a centred line is a head however
        its other lines run (random seed 1823: a CJK title of four or five characters a line, alone
        in its segment, so three of its lines reach the segment's edge)."""
        if end - start <= MAX_SUBHEAD_LINES:
            return False
        if not flush(end - 1) and centred(end - 1):
            return False
        full = sum(1 for row in rows[start:end - 1] if max(l.x1 for l in row) >= edge - EDGE_TOLERANCE * unit)
        return 2 * full > end - start - 1

    def opening(start: int, end: int) -> bool:
        """A run set as a paragraph's first rows: the first from the indent with the next flush left
        (`run_in`), each row but the last running on (ending no shorter than a paragraph's end,
        `HEADING_MARGIN`: a row's closing `、` or `，` inks only the left of its square, random seeds
        2057, 2047): a run-in lead and the text it runs into, or a paragraph that measures bold (2035,
        kai at 15.6 px: `严格执行首问` / `负责制度。昌吉州` / `住房公积金管理中`, weights 1.31-1.36 on a
        page whose body measures 1.2-1.3)."""
        return end - start >= 2 and run_in(start) and runs_on(start, end - 1) and goes_on(end)

    def runs_on(start: int, end: int) -> bool:
        return all(max(l.x1 for l in row) >= edge - HEADING_MARGIN * unit for row in rows[start:end])

    def goes_on(row: int) -> bool:
        """The paragraph goes on in the row (flush left), or the segment ends: a subhead set from the
        indent and wrapped is shaped as an opening, but the row under it opens a paragraph from the
        indent (random seed 1930, 7.9 px: `茶旅融合,打响区域` / `公用品牌`)."""
        return row >= len(rows) or flush(row)

    def same_type(upper: int, lower: int) -> bool:
        """Two rows stacked at body spacing in one type taller than the body's (`TITLE_SHARE`), the
        lower within the upper's span (a paragraph's first row under a subhead runs wider)."""
        heights = [max(l.y1 for l in rows[k]) - min(l.y0 for l in rows[k]) for k in (upper, lower)]
        within = (min(l.x0 for l in rows[lower]) >= min(l.x0 for l in rows[upper]) - HEADING_MARGIN * unit
                  and max(l.x1 for l in rows[lower]) <= max(l.x1 for l in rows[upper]) + HEADING_MARGIN * unit)
        return (within and not _body_high(rows[upper], unit) and not _body_high(rows[lower], unit)
                and min(heights) >= TITLE_SHARE * max(heights)
                and min(l.y0 for l in rows[lower]) - max(l.y1 for l in rows[upper]) <= STACKED_GAP[1] * unit)

    def ends_article(start: int, end: int) -> bool:
        """The run stands flush left under a paragraph's short last line with space above, as a head opens
        the next article in the column (random seed 2076, 33 px Latin: a notice's four-row bold deck under
        the last notice's end, read as bold text). A run opened from the indent is a paragraph printed heavy.
        A row set flush right, starting further in than an indent, ends a text as a short line does: a
        credit or signature on a row of its own (2678: a caption's `Photo: J. Smith` over a notice's
        twelve-row deck)."""
        above = rows[start - 1]
        ended = (_text_end(above, unit) < right - HEADING_MARGIN * unit
                 or min(l.x0 for l in above) - left > INDENT * unit)
        return (all(flush(row) for row in range(start, end)) and ended
                and tops[start] - tops[start - 1] > leading + HEADING_SPACE * unit)

    def set_in(start: int, end: int) -> bool:
        """Every row of the run stands in from the column's left edge, as a head set from an indent."""
        return not any(flush(row) for row in range(start, end))

    def set_centred(row: int) -> bool:
        """The row is centred with margins either side, as no paragraph row is set."""
        x0, x1 = min(l.x0 for l in rows[row]), max(l.x1 for l in rows[row])
        return centred(row) and min(x0 - left, right - x1) > HEADING_MARGIN * unit

    def head_in(start: int, end: int) -> tuple[int, int] | None:
        """The rows [first, stop) of the bold run [start, end) that are a heading, if any."""
        first = start
        while first < end and not apart(first, end):  # a bold-looking paragraph end stays text
            first += 1
        limit = MAX_HEADING_LINES if first == 0 or (first < end and ends_article(first, end)) else (
            MAX_WRAPPED_SUBHEAD_LINES if set_in(first, end) else MAX_SUBHEAD_LINES)
        # a run-in lead under a bold line or two starts the paragraph under that head (random
        # seed 11: a byline, then `防汛物资全部到位` from the indent, both bold; a two-line subhead
        # over `秋季征兵开始报名 据…`, seeds 69, 93, 106, 114, 152, 228 alike), and so do a
        # paragraph's bold opening rows (2047: a byline over `市交通运输局提醒，` / `大桥通行后…`)
        stop = next((k for k in range(first + 1, end)
                     if run_in(k) and (k == end - 1 or runs_on(k, end - 1) and goes_on(end))
                     or carried_lead(k)), end)
        if first < stop and stop - first <= limit and not (stop == first + 1 and run_in(first)) \
                and not justified(first, stop) and not opening(first, stop):
            return first, stop
        return None

    # display type (an italic capitals headline, not measured bold) heads like bold type
    bold = [all(l.bold or l.display(unit) for l in row) for row in rows]
    if _kicker_over_head(rows, bold, unit, left, right):
        bold[0] = True
    # a head's row boxed taller than its type measures light; its strokes still measure bold (random seed
    # 2085, 13.6 px: `Land in Elko County,` boxed 19 px among 12 px rows, weight 1.10, stroke 1.38); a row
    # of thin lowercase letters measures nearly bold over the segment's plain text (2794, bold serif over a
    # sans body weighing 0.9-1.0: `Forest Service` 1.30, `Notice of Intent To Prepare an` 1.16 between rows
    # of 1.35-1.50), not a row of a heavy body between two rows measuring bold by chance (2647, 6.6 px
    # ming: 1.23 between 1.35 and 1.44 over a body of 1.03-1.44)
    plain = [l.weight for row, heavy in zip(rows, bold) if not heavy for l in row]
    nearly_bold = BOLD_WEIGHT_DARK * max(1.0, float(np.median(plain)) if plain else 1.0)
    for row in range(1, len(rows) - 1):
        if bold[row - 1] and bold[row + 1] and (all(l.stroke >= BOLD_STROKE for l in rows[row])
                                                or all(l.weight >= nearly_bold for l in rows[row])):
            bold[row] = True
    # a caption's bold credit is the caption's, not the head of a bold run going on past the caption
    caption_end = _caption_end(tops) if under_photo else None
    kinds = [_TEXT] * len(rows)
    start = 0
    while start < len(rows):
        end = start
        while end < len(rows) and bold[end] == bold[start] and (end == start or end != caption_end):
            end += 1
        if bold[start] and not (caption_end and 0 < start < caption_end):
            head = head_in(start, end)
            # a subhead centred under a paragraph's rows that measure bold by their inking alone (caps, short
            # rows) heads the text under it, however long the bold run it ends (random seed 2922, 18.4 px:
            # `Next Steps` under `AGENCY: Bureau of Land Manage-` / `ment, Interior.`, weights 1.25-1.37)
            centred_head = next((k for k in range(start + 1, end) if set_centred(k) and not centred(k - 1)), None)
            if head is None and centred_head is not None:
                head = head_in(centred_head, end)
                head = head if head and head[0] == centred_head else None
            if head:
                first, stop = head
                kinds[first:stop] = [_HEADING if stop < len(rows) else _BOLD_END] * (stop - first)
        start = end
    # a row in a heading's own type right under it is the heading's, whatever its weight: digits and
    # letters among a CJK head's characters measure light (random seeds 2134 `款3.2亿元`, 2056)
    for row in range(1, len(rows)):
        if kinds[row] == _TEXT and kinds[row - 1] != _TEXT and same_type(row - 1, row):
            kinds[row] = kinds[row - 1]
    for first, stop in _quiet_heads(rows, max(head_gap, leading + QUIET_HEAD_SPACE * unit), unit, under_photo):
        kinds[first:stop] = [_HEADING] * (stop - first)
    pieces: list[tuple[str, list[LineBox]]] = []
    for row, kind in zip(rows, kinds):
        if pieces and pieces[-1][0] == kind:
            pieces[-1][1].extend(row)
        else:
            pieces.append((kind, list(row)))
    return [(kind, Block(lines)) for kind, lines in pieces]


def _caption_end(tops: list[int]) -> int | None:
    """The first row after the caption a segment under a photo opens with: the first stepped down
    `CAPTION_STEP` times the pitch of the rows over it (top to top, at least two steps)."""
    steps = np.diff(tops)
    return next((k + 1 for k in range(2, len(steps)) if steps[k] > CAPTION_STEP * np.median(steps[:k])), None)


def _text_end(row: list[LineBox], unit: float) -> int:
    """Where a row's text ends: a last piece set off by more than a stretched word space is a credit or
    signature set flush right after a short last line (random seed 2411: `April.` ... `Photo: J. Smith`)."""
    pieces = sorted(row, key=lambda l: l.x0)
    end = pieces[0].x1
    for piece in pieces[1:]:
        if piece.x0 - end > MAX_WORD_GAP * unit and piece is pieces[-1]:
            break
        end = max(end, piece.x1)
    return end


def _kicker_over_head(rows: list[list[LineBox]], bold: list[bool], unit: float, left: int, right: int) -> bool:
    """The segment's first row is a head's first line that measures just under bold: heavy
    (`BOLD_WEIGHT_DARK`), ragged, flush left, over a bold run of two rows or more at the run's own
    pitch (random seed 2104, 17 px Latin sans skewed 1.5 degrees: the caps kicker `DEPARTMENT OF
    THE` at weight 1.23, stroke 1.12, over its bold title; left as text, the head became a subhead)."""
    if len(rows) < 3 or bold[0] or not (bold[1] and bold[2]):
        return False
    tops = [min(l.y0 for l in row) for row in rows[:3]]
    x0, x1 = min(l.x0 for l in rows[0]), max(l.x1 for l in rows[0])
    return (all(l.weight >= BOLD_WEIGHT_DARK for l in rows[0])
            and x0 - left <= HEADING_MARGIN * unit and x1 < right - HEADING_MARGIN * unit
            and tops[1] - tops[0] <= tops[2] - tops[1] + HEADING_SPACE * unit)


def _rest_of_row(segment: Block, segments: list[Block], unit: float) -> bool:
    """Another segment shares the segment's row, and a line of the column near it (`LINE_PITCH` two
    rows up or down) spans both: the segment is the rest of a justified row whose words the detector
    boxed apart, not a head alone on its row (random seed 1999, 12 px: `runoff,` right of `spring`
    at a narrow column's edge, over `and` right of `avalanches`, taken for a quiet head)."""
    x0, y0, x1, y1 = segment.bbox
    near, margin = 2 * LINE_PITCH * unit, HEADING_MARGIN * unit
    for mate in segments:
        m0, m1 = mate.bbox[0], mate.bbox[2]
        shared = min(y1, mate.bbox[3]) - max(y0, mate.bbox[1])
        if mate is segment or shared <= min(y1 - y0, mate.bbox[3] - mate.bbox[1]) / 2:
            continue
        left, right = min(x0, m0), max(x1, m1)
        if any(o.bbox[0] <= left + margin and o.bbox[2] >= right - margin
               and (0 <= y0 - o.bbox[3] <= near or 0 <= o.bbox[1] - y1 <= near) for o in segments):
            return True
    return False


def _quiet_heads(rows: list[list[LineBox]], gap: float, unit: float, under_photo: bool) -> list[tuple[int, int]]:
    """Runs of rows [first, stop) that head the paragraph under them by their place alone, whatever
    their weight: a title set in the body's own face and size (random seed 245's Fraktur), bold
    that measures under bold (304's serif titles over a sans body, weight 1.2-1.3), a notice's
    deck (agency, title, subtitle). Rows flush left or centred and ragged (a paragraph's are
    justified), at the top of the segment or with space above, then more space than a paragraph
    break leaves (`gap`, top to top) before a plain row set from a paragraph indent and running to
    the column's edge: the first line of the text they head. Under a photo such rows are its
    caption."""
    left, right = min(l.x0 for row in rows for l in row), max(l.x1 for row in rows for l in row)
    tops = [min(l.y0 for l in row) for row in rows]
    bottoms = [max(l.y1 for l in row) for row in rows]
    edge = _right_edge(rows, unit)

    def plain_first_line(row: list[LineBox]) -> bool:
        x0, x1 = min(l.x0 for l in row), max(l.x1 for l in row)
        return (HEADING_MARGIN * unit < x0 - left <= INDENT * unit and x1 >= right - HEADING_MARGIN * unit
                and not all(l.bold for l in row)
                and max(l.y1 for l in row) - min(l.y0 for l in row) <= BODY_HEIGHT[1] * unit)

    def set_as_head(row: list[LineBox]) -> bool:
        x0, x1 = min(l.x0 for l in row), max(l.x1 for l in row)
        centred = (min(x0 - left, right - x1) > HEADING_MARGIN * unit
                   and abs((x0 - left) - (right - x1)) <= CENTRED * unit)
        return _body_high(row, unit) and (x0 - left <= HEADING_MARGIN * unit or centred)

    runs = []
    for stop in range(1, len(rows)):
        if tops[stop] - tops[stop - 1] <= gap or not plain_first_line(rows[stop]):
            continue
        first = stop - 1
        while (first > 0 and stop - first < MAX_HEADING_LINES and tops[first] - tops[first - 1] <= gap
               and set_as_head(rows[first - 1])):
            first -= 1
        if first > 0 and tops[first] - tops[first - 1] <= gap:
            continue  # no space above: a paragraph's end
        if (first == 0 and under_photo) or not set_as_head(rows[first]):
            continue
        full = sum(1 for row in rows[first:stop - 1] if max(l.x1 for l in row) >= edge - EDGE_TOLERANCE * unit)
        if 2 * full > stop - first - 1:
            continue  # justified: a paragraph's lines, a head's are ragged
        if any(tops[k] < bottoms[k - 1] for k in range(max(first, 1), stop + 1)):
            continue  # boxes run into each other: small print set solid, whose pitch tells nothing

        runs.append((first, stop))
    return runs
