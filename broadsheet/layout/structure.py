"""Page layout from the page itself: text lines, rules, photos, column grid, headline sizes.

Page-level layout models fail on newspapers (one CDLA model put a single `table` box over a whole
page); column grids, rules and font sizes are what a newspaper is built from, so we read those.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from itertools import count

import cv2
import numpy as np

from broadsheet.layout.blocks import (
    Block,
    column_intervals,
    column_segments,
    cut_at_gutters,
    headline_groups,
    text_blocks,
)
from broadsheet.layout.lines import (
    LineBox,
    as_line_boxes,
    body_size,
    drop_covered,
    drop_rows_boxed_twice,
    is_reversed,
    measure_weights,
    merge_row_fragments,
    recover_vertical_lines,
    split_at_gaps,
    split_by_size,
    split_solid_lines,
    type_height,
    type_rows,
)
from broadsheet.layout.missed import missed_lines, unboxed_text_size
from broadsheet.layout.photos import find_drawings, find_photos, rules_over_photos, with_drawings
from broadsheet.layout.rules import Rule, erase_rules, find_frames, find_rules, ink_mask, printed, strokes
from broadsheet.layout.stacked import split_stacked_lines
from broadsheet.layout.thresholds import (
    DECK_PART_SPACE,
    DECK_STROKE_STEP,
    DRAWING_MIN_SIDE,
    MASTHEAD_RULE_WIDTH,
    MASTHEAD_STACK,
    MASTHEAD_ZONE,
    MISSED_MOSTLY_FOUND,
    PHOTO_EDGE_RULE,
    PHOTO_MIN_SIDE,
    PHOTO_RULE_WIDTH,
    PHOTO_SIDE_GAP,
    ROW_WORD_LETTERS,
    RULE_BREAK,
    RULE_BRIDGE,
    RULE_CONTRAST,
    RULE_MAX_THICKNESS,
    RULE_MIN_LENGTH,
    RULE_PIECE_LENGTH,
    STACKED_GAP,
    TITLE_LEAD,
    TITLE_SHARE,
    TITLE_STROKE,
)
from broadsheet.layout.trace import LayoutTrace
from broadsheet.layout.upright import rows_as_vertical_lines
from broadsheet.model import BBox, Line, Region, RegionType, TextDirection, in_rows, overlaps, union_bbox

_log = logging.getLogger(__name__)


@dataclass
class PageLayout:
    """Typed regions of a page with empty lines for OCR to fill; boxes in the analysed image's pixels."""

    size: tuple[int, int]  # (width, height) of the analysed image
    unit: float  # body text size (ink height of a body line), px
    masthead: Region | None = None
    headlines: list[list[Region]] = field(default_factory=list)  # kicker/title/subtitle groups
    # column segments: body and caption text, and bold body-size headings (type subhead) within them
    text_blocks: list[Region] = field(default_factory=list)
    photos: list[Region] = field(default_factory=list)
    separators: list[Region] = field(default_factory=list)
    frames: list[BBox] = field(default_factory=list)  # the paper inside closed frames: boxed items
    trace: LayoutTrace = field(default_factory=LayoutTrace)  # what each pass decided, to draw and test

    @property
    def regions(self) -> list[Region]:
        heads = [r for group in self.headlines for r in group]
        return ([self.masthead] if self.masthead else []) + heads + self.text_blocks + self.photos + self.separators

    def text_lines(self) -> list[Line]:
        return [line for region in self.regions for line in region.lines]


class GeometricLayout:
    """The default analyser: the page's own column grid, rules, photos and type sizes."""

    def analyze(self, image: np.ndarray, boxes: list[BBox]) -> PageLayout:
        return analyze(image, boxes)


def analyze(image: np.ndarray, boxes: list[BBox]) -> PageLayout:
    gray = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
    ink = ink_mask(gray)
    lines = as_line_boxes(boxes)
    unit = body_size(lines)  # of the padded detector boxes: enough to size the rule search
    height, width = gray.shape

    rule_unit = unit
    rule_ink = ink_mask(gray, contrast=RULE_CONTRAST)
    rule_size = {"min_length": int(max(RULE_MIN_LENGTH * unit, width / 40)),
                 "max_thickness": int(max(4, RULE_MAX_THICKNESS * unit))}
    bars, frames = find_frames(gray, rule_ink, unit, **rule_size)
    line_boxes = [l.bbox for l in lines]
    rules = printed(find_rules(rule_ink, unit, lines=line_boxes, **rule_size), gray, line_boxes) + bars
    erase_rules(ink, rules)
    pieces, cuts = split_at_gaps(lines, ink, rules)
    pieces = drop_covered(pieces)
    across = [r.bbox for r in rules if r.horizontal]
    lines = recover_vertical_lines(rows_as_vertical_lines(pieces, ink, body_size(pieces), across), ink, across)
    unit = body_size(lines)  # now of ink-tight boxes
    lines = split_solid_lines(lines, ink, unit)
    # a page whose body the detector never boxed is sized by its ink, not by the headings it did box;
    # its rows of ink are text to the photo search, or a column of body is an area of tone (1037)
    unboxed_size = unboxed_text_size(gray, lines, unit)
    unboxed = unboxed_size is not None
    text_boxes = [l.bbox for l in lines]
    if unboxed:
        text_boxes += [l.bbox for l in missed_lines(ink, gray, lines, [], unboxed_size, unboxed)]
    typeset: list[BBox] = []  # rows of type the photo search passed over: lines the detector lost
    photo_boxes = find_photos(gray, text_boxes, [r.bbox for r in rules],
                              min_side=int(PHOTO_MIN_SIDE * unit), typeset=typeset)
    over = rules_over_photos(rule_ink, photo_boxes, unit, rule_size["max_thickness"])
    if over:  # found again with those rules left out of the picture
        rules += [Rule(box) for box in over]
        typeset = []
        photo_boxes = find_photos(gray, text_boxes, [r.bbox for r in rules],
                                  min_side=int(PHOTO_MIN_SIDE * unit), typeset=typeset)
    drawings = find_drawings(ink, text_boxes, min_side=int(DRAWING_MIN_SIDE * unit))
    photo_boxes = with_drawings(photo_boxes, drawings)
    # the detector reads texture inside photos as text, and photo edges look like rules
    lines = [l for l in lines if not _inside_any(l.bbox, photo_boxes)]
    rules = [r for r in rules if not _inside_any(r.bbox, photo_boxes, margin=_frame_margin(unit))]
    rules = _out_of_photos(rules, photo_boxes, unit)
    photo_boxes, rules = _photo_sides(photo_boxes, rules, unit)
    rules = _joined_along_photos(rules, photo_boxes, unit)
    if photo_boxes:  # the stroke search costs a pass over the page: only a photo breaks a rule here
        # found as find_rules finds a broken rule's pieces (at the padded boxes' size)
        rule_pieces = strokes(rule_ink, rule_unit, False, int(RULE_PIECE_LENGTH * rule_unit),
                              rule_size["max_thickness"])
        joined = _continued_past_photos(rules, rule_pieces, photo_boxes, unit)
        longer = [r for r in joined if r not in rules]
        # a box the detector stretched across the gutter beside a rule's new length is cut at it
        crossing = [l for l in lines if any(r.bbox[0] > l.x0 and r.bbox[2] < l.x1 and r.bbox[1] < l.y1
                                            and l.y0 < r.bbox[3] for r in longer)]
        if crossing:
            lines = [l for l in lines if l not in crossing] + split_at_gaps(crossing, ink, longer)[0]
        rules = joined
    unit = unboxed_size or unit
    detected = [line.bbox for line in lines]
    recovered = [LineBox(box) for box in typeset] + missed_lines(ink, gray, lines, photo_boxes + typeset, unit, unboxed)
    recovered = _off_column_rules(recovered, rules)
    if unboxed:  # said, not silent: its lines come from the ink, and read worse than boxed ones
        _log.warning("the detector boxed %d lines of this page, none of its body: %d rows of ink taken "
                     "as lines, body %.1f px by the ink", len(detected), len(recovered), unit)
    # a box mostly inside vertical lines, those the ink search found too, is their characters boxed again (2638)
    lines, kept_apart = merge_row_fragments(drop_covered(lines + recovered), unit, rules, ink)
    lines = split_stacked_lines(lines, ink, unit)
    lines, rules = _dotted_rule_ends(lines, rules, rule_ink, unit, rule_size["max_thickness"])
    measure_weights(lines, gray, unit)

    ids = (f"r{i}" for i in count(1))
    layout = PageLayout((width, height), unit, frames=[f for f in frames if not _inside_any(f, photo_boxes)])
    layout.trace = LayoutTrace(list(boxes), rules, photo_boxes, cuts, kept_apart, lines,
                               recovered=[line.bbox for line in recovered])
    masthead_lines, lines = _split_masthead(lines, rules, width, height, unit)
    if masthead_lines:
        layout.masthead = _region(next(ids), RegionType.MASTHEAD, masthead_lines)

    heads, body = split_by_size(lines, unit, rules)
    heads = drop_rows_boxed_twice(heads, body)
    if unboxed or len(recovered) > MISSED_MOSTLY_FOUND * len(detected):
        heads, body = _found_rows_as_body(heads, body, detected, unit, rules)
    groups = headline_groups(heads, unit, rules, body)
    layout.headlines = [_headline_regions(group, ids, ink) for group in groups]
    obstacles = photo_boxes + [g.bbox for g in groups]
    layout.trace.columns = column_intervals(body, unit)
    body = cut_at_gutters(body, layout.trace.columns, unit, ink, lines)
    segments = column_segments(body, layout.trace.columns, unit, rules, obstacles)
    layout.trace.segments = [segment.bbox for segment in segments]
    found = text_blocks(segments, unit, rules, photo_boxes)
    for heading, block in sorted(found, key=lambda p: (p[1].bbox[0], p[1].bbox[1])):
        kind = RegionType.SUBHEAD if heading else RegionType.TEXT
        layout.text_blocks.append(_region(next(ids), kind, block.lines))
    layout.photos = [Region(next(ids), RegionType.PHOTO, box) for box in photo_boxes]
    layout.separators = [Region(next(ids), RegionType.SEPARATOR, r.bbox) for r in rules]
    return layout


def _found_rows_as_body(heads: list[LineBox], body: list[LineBox], detected: list[BBox],
                        unit: float, rules: list[Rule]) -> tuple[list[LineBox], list[LineBox]]:
    """(headline lines, body lines) on a page whose body the detector never boxed, or mostly lost
    (more rows found in the ink than lines boxed): a row found in its ink is a heading only where
    its letters measure as display type. Such rows are ink-tight words and pieces of lines, and a
    line with ascenders, descenders or umlauts stands taller than the ink's measure of the body by
    as much as body-size bold headings do (seed 1037: rows of 17-29 px for body ink of 14, letters
    0.9-1.5 times the body's; 14 body rows taken for titles). A row in a title's letters topping
    its column stays a heading, with its rows of that type under it (`_column_tops`)."""
    found_in_ink = {id(l) for l in heads if l.direction == TextDirection.HORIZONTAL_LR
                    and not l.display(unit) and not _inside_any(l.bbox, detected)}
    tops = _column_tops([line for line in heads if id(line) in found_in_ink], heads + body, rules, unit)
    found_in_ink -= {id(line) for line in tops}
    return ([l for l in heads if id(l) not in found_in_ink],
            body + [l for l in heads if id(l) in found_in_ink])


def _column_tops(found: list[LineBox], lines: list[LineBox], rules: list[Rule], unit: float) -> list[LineBox]:
    """Found rows in letters bigger than a word cut from a body row (`ROW_WORD_LETTERS`) with no
    line over them in their span up to a rule across it or the page's top, and such rows stacked
    right under them in letters of their size: a title over its column. A body row standing apart
    has its column over it (seed 1612); a title found in the ink tops its column (random seeds
    2612, Fraktur at 9.1 px: `Die Altstadt soll wieder aufblühen`, letters 1.33, under a rule;
    2734, 8.1 px serif: `Markttag am Domplatz`, letters 1.41, atop the page)."""
    def spans(a: LineBox, b: BBox) -> bool:
        return min(a.x1, b[2]) > max(a.x0, b[0])

    across = [r.bbox for r in rules if r.horizontal]
    tops: list[LineBox] = []
    for line in sorted((l for l in found if l.letters >= ROW_WORD_LETTERS), key=lambda l: l.y0):
        ceiling = max((r[3] for r in across if r[3] <= line.y0 and spans(line, r)), default=0)
        if not any(o is not line and spans(line, o.bbox) and o.y0 >= ceiling and o.y0 + o.y1 < 2 * line.y0
                   for o in lines) or any(
                spans(line, top.bbox) and 0 <= line.y0 - top.y1 <= STACKED_GAP[1] * unit
                and min(line.letters, top.letters) >= TITLE_SHARE * max(line.letters, top.letters) for top in tops):
            tops.append(line)
    return tops


def _region(region_id: str, kind: RegionType, lines: list[LineBox]) -> Region:
    block = Block(lines)
    vertical = all(l.direction == TextDirection.VERTICAL_RL for l in lines)
    ordered = sorted(lines, key=lambda l: -l.x1) if vertical else in_rows(lines)
    return Region(region_id, kind, block.bbox,
                  lines=[Line("", l.bbox, 0.0, l.direction) for l in ordered])


def _headline_regions(group: Block, ids, ink: np.ndarray) -> list[Region]:
    """Split a headline group as a reader does: the title is its biggest, boldest type, before it
    the kicker (引题), after it the subtitle (副题). Vertical lines are read right to left."""
    if group.lines[0].direction == TextDirection.VERTICAL_RL:
        lines = sorted(group.lines, key=lambda l: -l.x1)
        sizes = [type_height(l, ink) for l in lines]
        big = [i for i, size in enumerate(sizes) if size >= TITLE_SHARE * max(sizes)]
        first, last = big[0], big[-1]
        parts = [(RegionType.KICKER, lines[:first]), (RegionType.TITLE, lines[first:last + 1]),
                 (RegionType.SUBTITLE, lines[last + 1:])]
    else:
        deck = _deck_parts(_deck_rows(group.lines, ink))
        title = _title_part(deck)
        parts = [(RegionType.KICKER, [l for part in deck[:title] for row in part for l in row.lines]),
                 (RegionType.TITLE, [l for row in deck[title] for l in row.lines]),
                 (RegionType.SUBTITLE, [l for part in deck[title + 1:] for row in part for l in row.lines])]
    return [_region(next(ids), kind, part) for kind, part in parts if part]


@dataclass
class _DeckRow:
    """One printed row of a horizontal deck: its lines, its type's top and baseline, its heaviest
    strokes, its width, and whether it is set reversed."""

    lines: list[LineBox]
    top: int
    baseline: int
    stroke: float
    width: int
    reversed: bool

    @property
    def size(self) -> int:
        return max(1, self.baseline - self.top)


def _deck_rows(lines: list[LineBox], ink: np.ndarray) -> list[_DeckRow]:
    rows: list[list[LineBox]] = []
    for line in sorted(lines, key=lambda l: l.y0):
        if rows and rows[-1][0].y0 <= (line.y0 + line.y1) / 2 <= rows[-1][0].y1:
            rows[-1].append(line)
        else:
            rows.append([line])
    deck = []
    for row in rows:
        spans = [type_rows(l, ink) for l in row]
        deck.append(_DeckRow(row, min(t for t, _ in spans), max(b for _, b in spans), max(l.stroke for l in row),
                             max(l.x1 for l in row) - min(l.x0 for l in row), all(is_reversed(l, ink) for l in row)))
    return deck


def _deck_parts(rows: list[_DeckRow]) -> list[list[_DeckRow]]:
    """Rows cut into kicker, title and subtitle where the type changes: in size, in weight, from
    reversed to plain, or where more space stands between baselines than between the deck's
    tightest rows of one size (random pages set 0.3 em more between parts)."""
    same = [min(a.size, b.size) >= TITLE_SHARE * max(a.size, b.size) for a, b in zip(rows, rows[1:])]
    pitches = [(b.baseline - a.baseline) / max(a.size, b.size) for a, b in zip(rows, rows[1:])]
    alike = [pitch for pitch, one_size in zip(pitches, same) if one_size]
    tightest = min(alike) if len(alike) >= 2 else None  # two rows alone have no pitch to compare with
    parts = [[rows[0]]]
    for a, b, one_size, pitch in zip(rows, rows[1:], same, pitches):
        lighter = min(a.stroke, b.stroke) < DECK_STROKE_STEP * max(a.stroke, b.stroke)
        if (not one_size or lighter or a.reversed != b.reversed
                or (tightest is not None and pitch > tightest + DECK_PART_SPACE)):
            parts.append([b])
        else:
            parts[-1].append(b)
    return parts


def _title_part(parts: list[list[_DeckRow]]) -> int:
    """The title among a deck's parts: the biggest type, not reversed (a reversed part is a kicker
    or label); among parts of about one size, the boldest, then the middle of three, then the
    widest (a kicker over a title in one size and face, random seed 283)."""
    def median(values) -> float:
        return float(np.median(list(values)))

    candidates = [i for i, part in enumerate(parts) if not all(row.reversed for row in part)] or list(range(len(parts)))
    sizes = {i: median(row.size for row in parts[i]) for i in candidates}
    lead = [i for i in candidates if sizes[i] >= TITLE_LEAD * max(sizes.values())]
    strokes = {i: median(row.stroke for row in parts[i]) for i in lead}
    lead = [i for i in lead if strokes[i] >= TITLE_STROKE * max(strokes.values())]
    if len(lead) > 1 and len(parts) == 3 and 1 in lead:
        return 1
    return max(lead, key=lambda i: max(row.width for row in parts[i]))


def _split_masthead(lines: list[LineBox], rules: list[Rule], width: int, height: int,
                    unit: float) -> tuple[list[LineBox], list[LineBox]]:
    """The masthead is what stands above the first long rule across the top of the page, and the
    long rules stacked close under it with what lies between (the Star's date line)."""
    if not lines:
        return [], lines
    content = max(l.x1 for l in lines) - min(l.x0 for l in lines)
    candidates = sorted((r for r in rules if r.horizontal and r.bbox[2] - r.bbox[0] >= MASTHEAD_RULE_WIDTH * content
                         and r.bbox[1] < MASTHEAD_ZONE * height), key=lambda r: r.bbox[1])
    if not candidates:
        return [], lines
    rule_top, rule_bottom = candidates[0].bbox[1], candidates[0].bbox[3]
    for rule in candidates[1:]:
        if rule.bbox[1] - rule_bottom > MASTHEAD_STACK * unit:
            break
        rule_top, rule_bottom = rule.bbox[1], max(rule_bottom, rule.bbox[3])
    above = [l for l in lines if l.y1 <= rule_top]
    return above, [l for l in lines if l.y1 > rule_top]


def _frame_margin(unit: float) -> float:
    """Pixels beyond a photo's edge where its frame's rule may stand (`PHOTO_EDGE_RULE`)."""
    return max(3.0, PHOTO_EDGE_RULE * unit)


def _out_of_photos(rules: list[Rule], photo_boxes: list[BBox], unit: float) -> list[Rule]:
    """A rule running from outside a photo into it, along its rows (not its edge), ends at the photo's
    edge: no printed rule crosses a picture, so its length inside is the picture's tone in line with
    it (random seed 2855, CJK sans at 35 px: the rule over an article ran on 320 px across the top of
    a photo in the next column, and parted the photo's column from the text above it). A rule
    crossing a photo from side to side is left as it is."""
    margin = _frame_margin(unit)
    kept = []
    for rule in rules:
        box = list(rule.bbox)
        a, b = (0, 2) if rule.horizontal else (1, 3)  # along the rule
        c, d = (1, 3) if rule.horizontal else (0, 2)  # across it
        for photo in photo_boxes:
            if not (photo[c] + margin <= box[c] and box[d] <= photo[d] - margin):
                continue
            if box[a] < photo[a] < box[b] <= photo[b] + margin:
                box[b] = photo[a]
            elif photo[a] - margin <= box[a] < photo[b] < box[b]:
                box[a] = photo[b]
        kept.append(Rule(tuple(box)) if tuple(box) != rule.bbox else rule)
    return kept


def _photo_sides(photo_boxes: list[BBox], rules: list[Rule], unit: float) -> tuple[list[BBox], list[Rule]]:
    """A vertical rule close beside a photo (`PHOTO_SIDE_GAP`) along most of its side and no longer
    is the photo's own dark edge: found as a rule first, it kept the photo's box short of it and
    stood as a column rule beside it (random seed 2313). The photo takes it in; a column's rule runs
    on past the photo (its article's or caption's height)."""
    photos, kept = list(photo_boxes), []
    gap, margin = PHOTO_SIDE_GAP * unit, _frame_margin(unit)
    for rule in rules:
        x0, y0, x1, y1 = rule.bbox
        side = next((i for i, (px0, py0, px1, py1) in enumerate(photos)
                     if not rule.horizontal and py0 - margin <= y0 and y1 <= py1 + margin
                     and y1 - y0 >= PHOTO_RULE_WIDTH * (py1 - py0)
                     and (0 <= px0 - x1 <= gap or 0 <= x0 - px1 <= gap)), None)
        if side is None:
            kept.append(rule)
        else:
            photos[side] = union_bbox([photos[side], rule.bbox])
    return photos, kept


def _joined_along_photos(rules: list[Rule], photo_boxes: list[BBox], unit: float) -> list[Rule]:
    """Pieces of a vertical rule in one line (x-ranges within a rule's thickness) with the breaks
    between them alongside a photo set close against it (`PHOTO_SIDE_GAP`) are one rule: the photo's
    ink beside it took the paper the rule search wants (random seed 2234, 51.3 px, a skewed column
    rule in six pieces down a photo's side, the lowest read as a column rule of its own). A piece
    ending where a horizontal rule ends on it is a frame's side ending at its corner: the break there
    parts two items' rules (seed 2377, 15.8 px, a boxed item over the next beside a photo)."""
    thick, gap, margin = RULE_MAX_THICKNESS * unit, PHOTO_SIDE_GAP * unit, _frame_margin(unit)

    def along_photo(upper: BBox, lower: BBox) -> bool:
        x0, x1 = min(upper[0], lower[0]), max(upper[2], lower[2])
        return any(py0 - margin <= upper[3] and lower[1] <= py1 + margin
                   and (-thick <= x0 - px1 <= gap or -thick <= px0 - x1 <= gap) for px0, py0, px1, py1 in photo_boxes)

    horizontal = [r.bbox for r in rules if r.horizontal]

    def at_corner(piece: BBox, y: int) -> bool:  # a horizontal rule ends on the piece there: a frame's corner
        return any(hy0 - thick <= y <= hy1 + thick and (abs(hx0 - piece[2]) <= thick or abs(hx1 - piece[0]) <= thick)
                   for hx0, hy0, hx1, hy1 in horizontal)

    vertical = sorted((r for r in rules if not r.horizontal), key=lambda r: r.bbox[1])
    runs: list[list[BBox]] = []
    for rule in vertical:
        run = next((run for run in runs if run[-1][0] - thick <= rule.bbox[2] and rule.bbox[0] <= run[-1][2] + thick
                    and run[-1][3] <= rule.bbox[1] and along_photo(run[-1], rule.bbox)
                    and not at_corner(run[-1], run[-1][3]) and not at_corner(rule.bbox, rule.bbox[1])), None)
        if run is None:
            runs.append([rule.bbox])
        else:
            run.append(rule.bbox)
    joined = [Rule(union_bbox(run)) for run in runs if len(run) > 1]
    pieces = {box for run in runs if len(run) > 1 for box in run}
    return [r for r in rules if r.bbox not in pieces] + joined


def _continued_past_photos(rules: list[Rule], pieces: list[BBox], photo_boxes: list[BBox],
                           unit: float) -> list[Rule]:
    """A column rule ending along the side of a photo set against it, and a piece of upright stroke in
    its line starting within `RULE_BREAK` past the photo's other end, are one rule: the photo's box
    took the rule's line, and the break is the photo's height, longer than `_continuations` bridges
    (random seed 2723, 11.6 px: a dotted rule broken by a photo, its piece under it 98 px, so a row of
    the photo's caption was joined to the row beside it across the gutter). Pieces inside a photo or
    on a rule are left: a photo's own edge is no rule's piece."""
    thick, reach = RULE_MAX_THICKNESS * unit, RULE_BREAK * unit
    vertical = [r.bbox for r in rules if not r.horizontal]
    pieces = [p for p in pieces if p[3] - p[1] > p[2] - p[0] and not _inside_any(p, photo_boxes)
              and not any(overlaps(p, other) for other in vertical)]
    joined: dict[BBox, BBox] = {}
    for rule in vertical:
        middle = (rule[0] + rule[2]) / 2
        for px0, py0, px1, py1 in photo_boxes:
            if min(abs(middle - px0), abs(middle - px1)) > thick:
                continue
            for piece in pieces:
                if piece[0] - thick > middle or middle > piece[2] + thick:
                    continue
                # the piece may run on a little down the photo's side, which carries the stroke on
                below = py0 - reach <= rule[3] <= py1 and (
                    py1 - thick <= piece[1] <= py1 + reach or py0 <= piece[1] <= py1 + reach and piece[3] > py1 + thick)
                above = py0 <= rule[1] <= py1 + reach and (
                    py0 - reach <= piece[3] <= py0 + thick or piece[1] < py0 - thick and py0 <= piece[3] <= py1)
                if below or above:
                    joined[rule] = union_bbox([joined.get(rule, rule), piece])
    return [Rule(joined.get(r.bbox, r.bbox)) for r in rules]


def _off_column_rules(lines: list[LineBox], rules: list[Rule]) -> list[LineBox]:
    """The lines found in the ink but those lying down a column rule, within a pixel of its sides and
    inside its length: the rule's edge left by the erase, where a rule the deskew turned upright falls
    between pixels and spills one either side of its box (random seed 2709, 16.4 px: a 5 x 15 px strip
    down a 3 px rule read `I`, an untitled article of its own)."""
    return [line for line in lines
            if not any(not rule.horizontal and rule.bbox[0] - 1 <= line.x0 and line.x1 <= rule.bbox[2] + 1
                       and rule.bbox[1] <= line.y0 and line.y1 <= rule.bbox[3] for rule in rules)]


def _dotted_rule_ends(lines: list[LineBox], rules: list[Rule], rule_ink: np.ndarray, unit: float,
                      max_thickness: int) -> tuple[list[LineBox], list[Rule]]:
    """(lines, rules) with each horizontal rule's dotted end that the detector boxed as a line given
    back to the rule: a box no thicker than a rule, in the rule's row, its dots running on into the
    rule with no blank wider than the rule search bridges (random seed 2498, 9 px: a dotted rule
    across a column found from its 40th px, its first 17 px boxed as a line, so the column ran on
    past the rule into the next notice's head). Such a box along the rule is the rule's edge, boxed
    where the rule's erasing left it: dropped, the rule kept as found (random seed 2550, 9.1 px: a
    dotted rule's dots 1 px over the rule read `2 : 2 : 412`, an article of their own)."""
    bridge = max(3, int(RULE_BRIDGE * unit))
    rules = list(rules)
    kept = []
    for line in lines:
        for index, rule in enumerate(rules):
            rx0, ry0, rx1, ry1 = rule.bbox
            if (not rule.horizontal or line.height > max_thickness or line.y0 > ry1 or line.y1 < ry0
                    or line.direction != TextDirection.HORIZONTAL_LR):
                continue
            # along the rule: not taken into it, which moved a double rule under a caption up (2505)
            if rx0 <= (line.x0 + line.x1) / 2 <= rx1:
                break
            if rx0 < line.x1 and line.x0 < rx1:
                continue
            y0, y1 = min(line.y0, ry0), max(line.y1, ry1)
            x0, x1 = (line.x1, rx0) if line.x1 <= rx0 else (rx1, line.x0)
            inked = np.flatnonzero(rule_ink[y0:y1, x0:x1].any(axis=0)) + x0
            ends = np.concatenate(([x0 - 1], inked, [x1]))
            if np.diff(ends).max() - 1 > bridge:
                continue  # a blank wider than a dot's space between: not the rule's end
            rules[index] = Rule((min(rx0, line.x0), y0, max(rx1, line.x1), y1))
            break
        else:
            kept.append(line)
    return kept, rules


def _inside_any(box: BBox, containers: list[BBox], margin: float = 0) -> bool:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return any(x0 - margin <= cx <= x1 + margin and y0 - margin <= cy <= y1 + margin
               and box[2] - box[0] <= x1 - x0 + 2 * margin for x0, y0, x1, y1 in containers)
