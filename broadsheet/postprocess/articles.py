"""Which headline owns which body text and photos.

A headline group owns the blocks below it within its horizontal span, until a rule or the next
headline. Its span reaches sideways to the nearest vertical rule, or to whatever stands beside it
on its row (another headline, a neighbour's text or photo), since a short title is centred over a
wider article. A vertical headline (竖排) stands beside its text instead, top-aligned with it: it
owns what lies beside and below its top, within the rules to either side.
"""

from __future__ import annotations

from dataclasses import dataclass

from broadsheet.model import BBox, Region, RegionType, TextDirection, overlaps, union_bbox
from broadsheet.postprocess.thresholds import HEADING_ABOVE, HEADLINE_BAND, OWNER_SLACK, SUBHEAD_TALL


@dataclass
class Headline:
    regions: list[Region]
    bbox: BBox
    span: tuple[float, float]  # x-range the article may occupy
    vertical: bool = False

    @property
    def reach(self) -> int:
        """Blocks starting below this y may belong to it."""
        return self.bbox[1] if self.vertical else self.bbox[3]


def headline_spans(groups: list[list[Region]], separators: list[Region], others: list[BBox],
                   content: tuple[int, int], unit: float) -> list[Headline]:
    """`others`: boxes of text blocks and photos, which bound a span they stand beside."""
    heads = []
    boxes = [union_bbox([r.bbox for r in g]) for g in groups]
    for group, box in zip(groups, boxes):
        x0, y0, x1, y1 = box
        vertical = all(line.direction == TextDirection.VERTICAL_RL for r in group for line in r.lines)
        band = (y0, y1 + HEADLINE_BAND * unit)
        left, right = float(content[0]), float(content[1])
        for sep in separators:
            sx0, sy0, sx1, sy1 = sep.bbox
            if sy1 - sy0 > sx1 - sx0 and sy0 < band[1] and sy1 > band[0]:
                if sx1 <= x0 + unit:
                    left = max(left, sx1)
                elif sx0 >= x1 - unit:
                    right = min(right, sx0)
        # a vertical headline's own text stands beside it: only rules and headlines bound it
        for other in boxes + ([] if vertical else others):
            if other is box or other[1] >= y1 or other[3] <= y0:
                continue  # only neighbours on the same row bound the span
            if other[2] <= x0:
                left = max(left, other[2])
            elif other[0] >= x1:
                right = min(right, other[0])
        heads.append(Headline(group, box, (left, right), vertical))
    return heads


def owner(box: BBox, heads: list[Headline], separators: list[Region], unit: float) -> Headline | None:
    """The nearest headline above the box whose span covers it, with no rule in between."""
    cx = (box[0] + box[2]) / 2
    best = None
    for head in heads:
        if head.reach > box[1] + OWNER_SLACK * unit or not head.span[0] <= cx <= head.span[1]:
            continue
        # a rule over the headline, inside its box, does not part it from the text under its foot
        below = box[1] + OWNER_SLACK * unit >= head.bbox[3]
        if _rule_between(head.bbox[3] if below else head.reach, box[1], cx, separators):
            continue
        if best is None or head.reach > best.reach:
            best = head
    return best


def _rule_between(top: float, bottom: float, x: float, separators: list[Region]) -> bool:
    for sep in separators:
        sx0, sy0, sx1, sy1 = sep.bbox
        if sx1 - sx0 > sy1 - sy0 and top <= sy0 and sy1 <= bottom and sx0 <= x <= sx1:
            return True
    return False



def promote_headings(blocks: list[Region], heads: list[Headline], separators: list[Region],
                     unit: float) -> list[Region]:
    """Bold body-size headings that no headline owns and that start their column segment: the
    headline of an item set in body type (a notice's `DEPARTMENT OF THE INTERIOR`). They become
    titles; a heading with text of its own column right above it stays a subhead."""
    texts = [b for b in blocks if b.type == RegionType.TEXT]
    promoted = []
    for block in blocks:
        if block.type != RegionType.SUBHEAD or owner(block.bbox, heads, separators, unit) is not None:
            continue
        if any(_right_above(text.bbox, block.bbox, unit) and not rule_between(text.bbox, block.bbox, separators)
               for text in texts):
            continue
        block.type = RegionType.TITLE
        promoted.append(block)
    return promoted


def subheads_in_columns(groups: list[list[Region]], blocks: list[Region], separators: list[Region],
                        unit: float) -> list[Region]:
    """One-line headlines barely taller than body type that stand inside a column of text, its text
    right above and right below within the column's width and no rule between: the subheads (小标题)
    of the article they stand in. A Chinese page sets an in-article subhead bold at about body size
    and a new article's title well above it (random pages: subheads 1.23-1.25 body heights over Kai
    body type, titles and kickers 1.46 and more). They become subhead blocks, taken from `groups`.

    Only on Chinese pages: Fraktur and English pages head their short items with bold lines about
    as big, set in the column between the item above and the item's text (Der Nordstern's `Feuer.`),
    and those items are articles of their own."""
    texts = [b for b in blocks if b.type == RegionType.TEXT]
    demoted = []
    for group in list(groups):
        if len(group) != 1 or len(group[0].lines) != 1:
            continue
        line = group[0].lines[0]
        x0, y0, x1, y1 = line.bbox
        if line.direction != TextDirection.HORIZONTAL_LR or y1 - y0 > SUBHEAD_TALL * unit:
            continue
        above = [t for t in texts if _right_above(t.bbox, line.bbox, unit)]
        below = [t for t in texts if _right_above(line.bbox, t.bbox, unit)]
        column = union_bbox([t.bbox for t in above + below]) if above and below else None
        if column is None or not column[0] - unit <= x0 and x1 <= column[2] + unit:
            continue
        if any(rule_between(t.bbox, line.bbox, separators) for t in above + below):
            continue
        group[0].type = RegionType.SUBHEAD
        groups.remove(group)
        demoted.append(group[0])
    return demoted


def _right_above(upper: BBox, lower: BBox, unit: float) -> bool:
    shared = min(upper[2], lower[2]) - max(upper[0], lower[0])
    return shared > 0 and HEADING_ABOVE[0] * unit <= lower[1] - upper[3] <= HEADING_ABOVE[1] * unit


def rule_between(a: BBox, b: BBox, separators: list[Region]) -> bool:
    """Whether a separator lies in the gap between two boxes (or across where they touch)."""
    gap = (min(a[2], b[2]), min(a[3], b[3]), max(a[0], b[0]), max(a[1], b[1]))
    x0, x1 = sorted((gap[0], gap[2]))
    y0, y1 = sorted((gap[1], gap[3]))
    return any(overlaps((x0 - 1, y0 - 1, x1 + 1, y1 + 1), sep.bbox) for sep in separators)
