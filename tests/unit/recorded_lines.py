"""Lines recorded from pages, as data: (text, box in working-image pixels) rows, read with full confidence."""

from __future__ import annotations

from broadsheet.model import Line


def lines_of(*rows: tuple[str, tuple[int, int, int, int]]) -> list[Line]:
    return [Line(text, box, 1.0) for text, box in rows]
