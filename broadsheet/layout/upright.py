"""A vertical headline the detector boxed row by row, rebuilt as its vertical lines.

The detector boxes the characters of a vertical headline's lines that stand level as one row
(`全光`, `县纤`, … for the lines `全县行政村实现` and `光纤宽带全覆盖`, random seed 2007), or some
rows and some vertical runs (seed 1987: `境市`, `卫区`, `生开` over `展夏季` and `集中整治`). Read as
rows, the headline is read across its lines, and cut at the blank between them a row falls apart
(2007's last row: `盖` a subtitle, `现` an article). A vertical headline's lines stand 0.25 em or more
apart and each is one character wide, so the pieces' ink, cut at the blank columns running down
all of it, falls into tall strips one row-piece tall in width; a horizontal headline's rows, letters
a bearing apart, do not.
"""

from __future__ import annotations

import numpy as np

from broadsheet.layout.lines import LineBox, vertical_lines
from broadsheet.layout.thresholds import (
    HEADLINE_RATIO,
    UPRIGHT_CHARACTER,
    UPRIGHT_LINE_GAP,
    UPRIGHT_SHARED,
    UPRIGHT_SPACE,
    UPRIGHT_TOUCH,
    VERTICAL_ASPECT,
)
from broadsheet.model import BBox, TextDirection


def rows_as_vertical_lines(lines: list[LineBox], ink: np.ndarray, unit: float,
                           rules: list[BBox] = ()) -> list[LineBox]:
    """`lines` with each group of touching headline-size pieces that holds rows and stands as vertical
    lines replaced by those lines; `unit` is the page's body size, `rules` its horizontal rules."""
    heads = [l for l in lines if l.size >= HEADLINE_RATIO * unit]
    replaced: set[int] = set()
    found: list[LineBox] = []
    for group in _touching(heads):
        if all(l.direction == TextDirection.VERTICAL_RL for l in group):
            continue
        columns = _upright(group, ink, rules)
        if columns:
            replaced |= {id(l) for l in group}
            found += columns
    return [l for l in lines if id(l) not in replaced] + _across_spaces(found)


def _across_spaces(columns: list[LineBox]) -> list[LineBox]:
    """Vertical lines found one over another, their characters' width in common, as one line where
    no more than `UPRIGHT_SPACE` of a character parts them: a space in a vertical line (seed 1923's
    kicker `明规矩 强作风`) parts its rows into two groups."""
    joined: list[LineBox] = []
    for line in sorted(columns, key=lambda l: l.y0):
        above = next((a for a in joined if _over(a, line)), None)
        if above is None:
            joined.append(line)
            continue
        joined[joined.index(above)] = LineBox((min(above.x0, line.x0), above.y0, max(above.x1, line.x1), line.y1),
                                             TextDirection.VERTICAL_RL)
    return joined


def _over(upper: LineBox, lower: LineBox) -> bool:
    narrower = min(upper.width, lower.width)
    shared = min(upper.x1, lower.x1) - max(upper.x0, lower.x0)
    return shared >= UPRIGHT_SHARED * narrower and 0 <= lower.y0 - upper.y1 <= UPRIGHT_SPACE * narrower


def _touching(lines: list[LineBox]) -> list[list[LineBox]]:
    """Groups of boxes each within `UPRIGHT_TOUCH` of a character of another (the smaller's size)."""
    parent = list(range(len(lines)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(lines):
        for j in range(i + 1, len(lines)):
            b = lines[j]
            reach = UPRIGHT_TOUCH * min(a.size, b.size)
            if max(a.x0, b.x0) - min(a.x1, b.x1) <= reach and max(a.y0, b.y0) - min(a.y1, b.y1) <= reach:
                parent[root(i)] = root(j)
    groups: dict[int, list[LineBox]] = {}
    for i, line in enumerate(lines):
        groups.setdefault(root(i), []).append(line)
    return [g for g in groups.values() if len(g) > 1]


def _upright(group: list[LineBox], ink: np.ndarray, rules: list[BBox]) -> list[LineBox]:
    """The group's vertical lines, if its ink stands as two or more of them: strips between blank
    columns, each a row piece wide (`UPRIGHT_CHARACTER` of the rows' median height) and two
    characters tall or more, `UPRIGHT_LINE_GAP` of a strip's width apart or more."""
    union: BBox = (min(l.x0 for l in group), min(l.y0 for l in group),
                   max(l.x1 for l in group), max(l.y1 for l in group))
    strips = sorted(vertical_lines(LineBox(union, TextDirection.VERTICAL_RL), ink, rules), key=lambda l: l.x0)
    if len(strips) < 2:
        return []
    character = float(np.median([l.height for l in group if l.direction == TextDirection.HORIZONTAL_LR]))
    if any(s.width > UPRIGHT_CHARACTER * character or s.height < VERTICAL_ASPECT * s.width for s in strips):
        return []
    width = float(np.median([s.width for s in strips]))
    if any(b.x0 - a.x1 < UPRIGHT_LINE_GAP * width for a, b in zip(strips, strips[1:])):
        return []
    return strips
