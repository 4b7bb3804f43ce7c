"""Lines recorded from pages, as data: (text, box in working-image pixels) rows read with full confidence,
and (box, weight, stroke) rows of the detector's boxes as the layout measured them."""

from __future__ import annotations

from broadsheet.layout.lines import LineBox
from broadsheet.model import Line


def lines_of(*rows: tuple[str, tuple[int, int, int, int]]) -> list[Line]:
    return [Line(text, box, 1.0) for text, box in rows]


def weighed_boxes(rows: list[tuple[tuple[int, int, int, int], float, float]]) -> list[LineBox]:
    return [LineBox(box, weight=weight, stroke=stroke) for box, weight, stroke in rows]
