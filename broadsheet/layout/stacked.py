"""Boxes that hold two text lines stacked one over the other, cut into one box per line.

Small type set solid (the Czech ads page's lists, 14 px apart at the working scale) comes boxed
by the detector a line and a half tall; once tightened to their ink, two such boxes of
neighbouring lines overlap by more than half and are joined as pieces of one row, and the
recogniser reads one of the two lines (`salonní, vlněné, tapestrové, ve-` over `lurové,
bruselské a velvetové` read as the second alone). A line's row profile has one dense band, its
x-height; a box whose profile shows two, a line's pitch apart with a near-blank valley between,
holds two lines, and is cut in the valley.
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
    STACKED_REACH,
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


def _valley(line: LineBox, ink: np.ndarray, unit: float) -> tuple[int, tuple[int, int], tuple[int, int]] | None:
    """(row to cut at, the upper line's x-height rows, the lower's) in page rows, when the box
    holds two stacked lines."""
    rows = np.count_nonzero(ink[line.y0:line.y1, line.x0:line.x1], axis=1)
    if not rows.any():
        return None
    bands = _bands(rows)
    if len(bands) != 2:
        return None  # one line, or something a line pitch does not describe
    (a0, a1), (b0, b1) = bands
    upper, lower = a1 - a0, b1 - b0
    if min(upper, lower) < max(STACKED_BAND_MIN, 0.5 * max(upper, lower), STACKED_BAND_BODY * unit):
        return None  # an underline, a rule's stub or a row of accents is no line of text
    if line.width < STACKED_WIDTH * max(upper, lower):
        return None  # a character or two (CJK 二, 三) strokes its own dense rows
    pitch = (b0 + b1 - a0 - a1) / 2
    if pitch < STACKED_PITCH_BODY * unit or not (
            STACKED_PITCH[0] * max(upper, lower) <= pitch <= STACKED_PITCH[1] * max(upper, lower)):
        return None  # no line pitch: a dip inside one line, or one line's strokes (CJK bars)
    cut = a1 + int(np.argmin(rows[a1:b0]))
    if rows[cut] > STACKED_VALLEY * min(rows[a0:a1].max(), rows[b0:b1].max()):
        return None  # ink runs on between the bands: one line's ascenders or a drawing
    return line.y0 + cut, (line.y0 + a0, line.y0 + a1), (line.y0 + b0, line.y0 + b1)


def split_stacked_lines(lines: list[LineBox], ink: np.ndarray, unit: float) -> list[LineBox]:
    """Each horizontal box holding two stacked lines as two boxes, cut where the ink is thinnest
    between them; each reaches past its x-height by a share of it (ascenders and descenders),
    however the box was tightened; `unit` is the page's body size. A part lying mostly inside
    another box is that box's line read again, so such a box is left as it is."""
    out = []
    for line in lines:
        found = _valley(line, ink, unit) if line.direction == TextDirection.HORIZONTAL_LR else None
        if found is None:
            out.append(line)
            continue
        cut, (a0, a1), (b0, b1) = found
        if any(_boxed_elsewhere(line, (a + b) // 2, lines) for a, b in ((a0, a1), (b0, b1))):
            out.append(line)
            continue
        top = max(0, min(line.y0, a0 - round(STACKED_REACH * (a1 - a0))))
        bottom = min(ink.shape[0], max(line.y1, b1 + round(STACKED_REACH * (b1 - b0))))
        out += [replace(line, bbox=(line.x0, top, line.x1, cut)), replace(line, bbox=(line.x0, cut, line.x1, bottom))]
    return out


def _boxed_elsewhere(line: LineBox, row: int, lines: list[LineBox]) -> bool:
    """Another box runs through this row over a good share of the line's width: the band is the
    tail of that box's line (a box's padding reaches into the line above), read there already."""
    return any(other is not line and other.y0 <= row < other.y1
               and min(line.x1, other.x1) - max(line.x0, other.x0) >= STACKED_COVERED * line.width
               for other in lines)
