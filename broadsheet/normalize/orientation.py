"""Which way up a page is: a scanning station feeds pages sideways or upside down now and then.

Sideways pages show as text lines taller than wide; upside-down ones only in what the recognizer
makes of them. So a few of the longest lines are read as they are and turned, and the page is
turned the way that reads best. An upright page that reads clearly pays for one small recognition.
What the lines read the way the page is turned is kept: the `auto` engine decides the page's script
from it, at no further cost.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from broadsheet.model import BBox
from broadsheet.ocr import OcrEngine

SAMPLE_LINES = 8
CHARS = 8
# Read the right way up, lines score far above the wrong way (rapidocr ~0.95 vs ~0.3, Tesseract
# ~0.8 vs ~0.15): only a clear win turns a page.
MARGIN = 0.15
FLOOR = 0.5


@dataclass
class Orientation:
    turns: int  # quarter turns counter-clockwise (numpy's rot90) that make the page's text upright
    # what the sample lines read once turned so; empty for a page of vertical text, whose lines
    # were read sideways
    sample: list[str] = field(default_factory=list)


def page_turns(image: np.ndarray, boxes: list[BBox], engine: OcrEngine) -> Orientation:
    """The turns that make the page's text upright, and what its sample lines read that way up."""
    def area(box: BBox) -> int:
        return (box[2] - box[0]) * (box[3] - box[1])

    tall = [b for b in boxes if b[3] - b[1] > b[2] - b[0]]
    wide = [b for b in boxes if b[3] - b[1] <= b[2] - b[0]]
    sideways = sum(map(area, tall)) > 2 * sum(map(area, wide))
    sample = sorted(tall if sideways else wide, key=area, reverse=True)[:SAMPLE_LINES]
    if not sample:
        return Orientation(0)
    # the first few characters of a line tell its direction; reading costs grow with its length
    crops = [image[y0:min(y1, y0 + CHARS * (x1 - x0)), x0:min(x1, x0 + CHARS * (y1 - y0))]
             for x0, y0, x1, y1 in sample]
    if sideways:
        reads = {k: _read(engine, [np.rot90(c, k) for c in crops]) for k in (1, 3)}
        scores = {k: _mean_confidence(read) for k, read in reads.items()}
        # a page of vertical text (竖排) reads badly both ways: it stays as it is
        best, other = sorted(scores, key=scores.get, reverse=True)
        if scores[best] > max(scores[other] + MARGIN, FLOOR):
            return Orientation(best, _texts(reads[best]))
        return Orientation(0)
    upright = _read(engine, crops)
    if _mean_confidence(upright) + MARGIN >= 1.0:
        # no confidence beats this by MARGIN: the upside-down read could not turn the page
        return Orientation(0, _texts(upright))
    turned = _read(engine, [np.rot90(c, 2) for c in crops])
    if _mean_confidence(turned) > _mean_confidence(upright) + MARGIN:
        return Orientation(2, _texts(turned))
    return Orientation(0, _texts(upright))


def _read(engine: OcrEngine, crops: list[np.ndarray]) -> list[tuple[str, float]]:
    return engine.recognize([np.ascontiguousarray(c) for c in crops])


def _mean_confidence(results: list[tuple[str, float]]) -> float:
    """The confidence of the characters read, each line's weighed by how many it read: a box the
    recogniser reads as nothing or a letter (a fragment, a block of lines boxed as one) says little
    either way up. Random seed 1608 (9.2 px bilevel, upright; the detector boxed its masthead and a
    fragment): the masthead read 1.0 upright and 0.66 turned, the fragment '' (0.0) upright and 't'
    (0.65) turned, and a plain mean (0.50 / 0.66) turned the page upside down."""
    read = sum(len(text) for text, _ in results)
    return sum(confidence * len(text) for text, confidence in results) / read if read else 0.0


def _texts(results: list[tuple[str, float]]) -> list[str]:
    return [text for text, _ in results]
