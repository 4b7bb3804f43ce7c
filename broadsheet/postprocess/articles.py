"""Which headline owns which body text and photos.

A headline group owns the blocks below it within its horizontal span, until a rule or the next
headline. Its span reaches sideways to the nearest vertical rule, or to whatever stands beside it
on its row (another headline, a neighbour's text or photo), since a short title is centred over a
wider article. A vertical headline (竖排) stands beside its text instead, top-aligned with it: it
owns what lies beside and below its top, within the rules to either side.
"""

from __future__ import annotations

from dataclasses import dataclass

from broadsheet.model import BBox, Region, TextDirection, union_bbox


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
        band = (y0, y1 + 3 * unit)
        left, right = float(content[0]), float(content[1])
        for sep in separators:
            sx0, sy0, sx1, sy1 = sep.bbox
            vertical = sy1 - sy0 > sx1 - sx0
            if vertical and sy0 < band[1] and sy1 > band[0]:
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
        if head.reach > box[1] + unit or not head.span[0] <= cx <= head.span[1]:
            continue
        if _rule_between(head.reach, box[1], cx, separators):
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

