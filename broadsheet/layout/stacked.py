"""Boxes that hold two or more text lines stacked one over another, cut into one box per line.

Small type set solid (the Czech ads page's lists, 14 px apart at the working scale) comes boxed
by the detector a line and a half tall; once tightened to their ink, two such boxes of
neighbouring lines overlap by more than half and are joined as pieces of one row, and the
recogniser reads one of the two lines (`salonní, vlněné, tapestrové, ve-` over `lurové,
bruselské a velvetové` read as the second alone). A line's row profile has one dense band, its
x-height; a box whose profile shows two or more, a line's pitch apart with near-blank valleys
between, holds that many lines, and is cut in the valleys.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from broadsheet.layout.lines import LineBox
from broadsheet.layout.thresholds import (
    STACKED_BAND,
    STACKED_BAND_BODY,
    STACKED_BAND_MIN,
    STACKED_COVERED,
    STACKED_PITCH,
    STACKED_PITCH_BODY,
    STACKED_VALLEY,
    STACKED_WIDTH,
)
from broadsheet.model import TextDirection


def _bands(rows: np.ndarray) -> list[tuple[int, int]]:
    """Runs of dense rows (a line's x-height), a one-row dip inside a run bridged."""
    dense = np.flatnonzero(rows >= STACKED_BAND * rows.max())
    runs: list[tuple[int, int]] = []
    for y in dense:
        if runs and y - runs[-1][1] <= 1:
            runs[-1] = (runs[-1][0], int(y) + 1)
        else:
            runs.append((int(y), int(y) + 1))
    return runs


def _valleys(line: LineBox, ink: np.ndarray, unit: float) -> tuple[list[int], list[tuple[int, int]]] | None:
    """(rows to cut at, each line's x-height rows) in page rows, when the box holds two or more
    stacked lines: small type tightly leaded comes boxed three and four lines at a time (random
    seed 1009, 8 px Latin enlarged 1.8 times)."""
    rows = np.count_nonzero(ink[line.y0:line.y1, line.x0:line.x1], axis=1)
    if not rows.any():
        return None
    bands = _bands(rows)
    tallest = max(b - a for a, b in bands)
    least = max(STACKED_BAND_MIN, 0.5 * tallest, STACKED_BAND_BODY * unit)
    # a thin band at the box's very edge is the tail of the line above or below, taken in by the
    # padding (seed 1009: a box of two lines and the next one's ascenders); it is that line's
    while len(bands) > 2 and bands[0][0] == 0 and bands[0][1] - bands[0][0] < least:
        bands = bands[1:]
    while len(bands) > 2 and bands[-1][1] == len(rows) and bands[-1][1] - bands[-1][0] < least:
        bands = bands[:-1]
    if len(bands) < 2:
        return None  # one line
    if min(b - a for a, b in bands) < least:
        return None  # an underline, a rule's stub or a row of accents is no line of text
    if line.width < STACKED_WIDTH * tallest:
        return None  # a character or two (CJK 二, 三) strokes its own dense rows
    cuts = []
    for (a0, a1), (b0, b1) in zip(bands, bands[1:]):
        pitch = (b0 + b1 - a0 - a1) / 2
        if pitch < STACKED_PITCH_BODY * unit or not (STACKED_PITCH[0] * tallest <= pitch <= STACKED_PITCH[1] * tallest):
            return None  # no line pitch: a dip inside one line, or one line's strokes (CJK bars)
        cut = a1 + int(np.argmin(rows[a1:b0]))
        if rows[cut] > STACKED_VALLEY * min(rows[a0:a1].max(), rows[b0:b1].max()):
            return None  # ink runs on between the bands: one line's ascenders or a drawing
        cuts.append(line.y0 + cut)
    return cuts, [(line.y0 + a, line.y0 + b) for a, b in bands]


def split_stacked_lines(lines: list[LineBox], ink: np.ndarray, unit: float) -> list[LineBox]:
    """Each horizontal box holding stacked lines as one box per line, cut where the ink is thinnest
    between them; `unit` is the page's body size. A part whose line runs through another box is
    that box's line read again, and goes."""
    out = []
    for line in lines:
        found = _valleys(line, ink, unit) if line.direction == TextDirection.HORIZONTAL_LR else None
        if found is None:
            out.append(line)
            continue
        cuts, bands = found
        # each line as tall as the page's body lines, around its x-height, within the valleys: a
        # part from valley to valley stands a line pitch tall, as tall as a title (seed 1009)
        half = [max(0, round((unit - (b - a)) / 2)) for a, b in bands]
        tops = [max(0, bands[0][0] - half[0])] + [
            max(cut, a - h) for cut, (a, _), h in zip(cuts, bands[1:], half[1:], strict=True)]
        bottoms = [min(cut, b + h) for cut, (_, b), h in zip(cuts, bands[:-1], half[:-1], strict=True)] + [
            min(ink.shape[0], bands[-1][1] + half[-1])]
        # a line boxed on its own as well is read there: its part of this box goes (the detector's
        # second cut of small type boxes a run's first and last lines alone, seed 1009)
        parts = [replace(line, bbox=(line.x0, top, line.x1, bottom))
                 for top, bottom, (a, b) in zip(tops, bottoms, bands, strict=True)
                 if not _boxed_elsewhere(line, (a + b) // 2, lines)]
        out += parts if parts else [line]
    return out


def _boxed_elsewhere(line: LineBox, row: int, lines: list[LineBox]) -> bool:
    """Another box runs through this row over a good share of the line's width: the band is the
    tail of that box's line (a box's padding reaches into the line above), read there already."""
    return any(other is not line and other.y0 <= row < other.y1
               and min(line.x1, other.x1) - max(line.x0, other.x0) >= STACKED_COVERED * line.width
               for other in lines)
