"""What a recogniser makes of one line crop, and where on the crop each character's ink lies.

The recogniser says roughly where each character stands (its CTC decoder emits a character at one
of its time steps; Tesseract boxes words); the blank columns of the crop say exactly where one
character's ink ends and the next one's begins. Postprocess decides from these extents where the
page prints a space (`broadsheet.postprocess.printed`): measured, never guessed from the words."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import cv2
import numpy as np

INK_LEVEL = 0.3  # of the way from paper to the darkest ink: darker is ink (a thin 一 at 12 px is light grey)
MIN_CONTRAST = 32  # grey levels between paper and ink, below which the crop holds no print


@dataclass
class Candidates:
    """The characters a CTC recogniser thought likely at each of its time steps, likeliest first,
    for a language model to choose among (`broadsheet.ocr.language_model`): step t offers
    `chars[starts[t]:starts[t + 1]]` (NUL the blank) with `probs` alike."""

    chars: str
    probs: np.ndarray  # float32, one per character of `chars`
    starts: np.ndarray  # int32, one more than there are steps
    step: float  # px of the crop a step covers


@dataclass
class Reading:
    text: str
    confidence: float
    centres: list[float] | None = None  # x of each character other than spaces on the crop, px
    candidates: Candidates | None = None  # kept for lines a language model may rescore


def glyph_gaps(crop: np.ndarray, centres: list[float], band: tuple[int, int]) -> list[float]:
    """The blank between each two neighbouring characters, in line heights (see `glyph_extents`)."""
    extents = glyph_extents(crop, centres, band)
    return [round(nxt[0] - cur[1], 3) for cur, nxt in zip(extents, extents[1:])]


def glyph_extents(crop: np.ndarray, centres: list[float], band: tuple[int, int]) -> list[tuple[float, float]]:
    """(left, right) of each character's ink, in line heights from the crop's left edge. `band`:
    the crop rows the line's own ink fills (the margin around it may hold a neighbour's).

    Each blank run between inked columns is the gap between the two characters whose centres
    straddle its middle; a run goes to one pair only, so a centre the decoder placed late (the
    second l of `ll` is emitted a step after the first) cannot make one space count twice."""
    top, bottom = band
    height = max(1, bottom - top)
    gray = cv2.cvtColor(crop[top:bottom], cv2.COLOR_RGB2GRAY)
    inked = _inked_columns(gray)
    # ink more than a line height past the first or last character read is a mark read as nothing:
    # a byline's ■■ is solid black, and measured against it the strokes of a small grey face fall
    # to blanks inside the name (黄思 远: random seeds 2651, 2719). The characters read set the
    # levels then, from half a line height around them (a decoder's centre may stand a step off)
    if centres and (inked[:max(0, int(centres[0] - height))].any() or inked[int(centres[-1] + height) + 1:].any()):
        read = gray[:, max(0, round(centres[0] - height / 2)):round(centres[-1] + height / 2) + 1]
        inked = _inked_columns(gray, read)
    filled = np.flatnonzero(inked)
    if filled.size == 0 or not centres:
        return [(c / height, c / height) for c in centres]
    gaps: dict[int, tuple[int, int]] = {}
    for start, end in _blank_runs(inked, int(filled[0]), int(filled[-1]) + 1):
        pair = bisect_right(centres, (start + end) / 2) - 1
        if 0 <= pair < len(centres) - 1 and end - start > np.subtract(*gaps.get(pair, (0, 0))[::-1]):
            gaps[pair] = (start, end)
    lefts = [float(filled[0])] + [gaps[k][1] if k in gaps else (centres[k] + centres[k + 1]) / 2
                                  for k in range(len(centres) - 1)]
    rights = [gaps[k][0] if k in gaps else (centres[k] + centres[k + 1]) / 2
              for k in range(len(centres) - 1)] + [float(filled[-1] + 1)]
    return [(left / height, right / height) for left, right in zip(lefts, rights)]


def _inked_columns(gray: np.ndarray, levels: np.ndarray | None = None) -> np.ndarray:
    """Columns holding any ink. The threshold lies near the paper: a thin stroke on a small scan
    is a light grey that Otsu's threshold would count as paper. `levels`: the part of the crop
    whose paper and ink set it (the whole crop by default)."""
    levels = gray if levels is None else levels
    if levels.size == 0:
        return np.zeros(gray.shape[1], dtype=bool)
    paper, ink = np.percentile(levels, (90, 1))
    if paper - ink < MIN_CONTRAST:
        return np.zeros(gray.shape[1], dtype=bool)
    return (gray < paper - INK_LEVEL * (paper - ink)).any(axis=0)


def _blank_runs(inked: np.ndarray, start: int, end: int) -> list[tuple[int, int]]:
    """Runs of blank columns between `start` and `end`, as (first, last + 1)."""
    blank = np.flatnonzero(~inked[start:end]) + start
    if blank.size == 0:
        return []
    breaks = np.flatnonzero(np.diff(blank) > 1)
    firsts = np.concatenate([[blank[0]], blank[breaks + 1]])
    lasts = np.concatenate([blank[breaks], [blank[-1]]]) + 1
    return list(zip(firsts.tolist(), lasts.tolist()))
