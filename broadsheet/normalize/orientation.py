"""Which way up a page is: a scanning station feeds pages sideways or upside down now and then.

Sideways pages show as text lines taller than wide; upside-down ones only in what the recognizer
makes of them. So a few of the longest lines are read as they are and turned, and the page is
turned the way that reads best. An upright page that reads clearly pays for one small recognition.
"""

from __future__ import annotations

import numpy as np

from broadsheet.model import BBox
from broadsheet.ocr import OcrEngine

SAMPLE_LINES = 8
CHARS = 8
# Read the right way up, lines score far above the wrong way (rapidocr ~0.95 vs ~0.3, Tesseract
# ~0.8 vs ~0.15): only a clear win turns a page.
MARGIN = 0.15
FLOOR = 0.5


def page_turns(image: np.ndarray, boxes: list[BBox], engine: OcrEngine) -> int:
    """Quarter turns counter-clockwise (numpy's rot90) that make the page's text upright."""
    def area(box: BBox) -> int:
        return (box[2] - box[0]) * (box[3] - box[1])

    tall = [b for b in boxes if b[3] - b[1] > b[2] - b[0]]
    wide = [b for b in boxes if b[3] - b[1] <= b[2] - b[0]]
    sideways = sum(map(area, tall)) > 2 * sum(map(area, wide))
    sample = sorted(tall if sideways else wide, key=area, reverse=True)[:SAMPLE_LINES]
    if not sample:
        return 0
    # the first few characters of a line tell its direction; reading costs grow with its length
    crops = [image[y0:min(y1, y0 + CHARS * (x1 - x0)), x0:min(x1, x0 + CHARS * (y1 - y0))]
             for x0, y0, x1, y1 in sample]
    if sideways:
        scores = {k: _mean_confidence(engine, [np.rot90(c, k) for c in crops]) for k in (1, 3)}
        # a page of vertical text (竖排) reads badly both ways: it stays as it is
        best, other = sorted(scores, key=scores.get, reverse=True)
        return best if scores[best] > max(scores[other] + MARGIN, FLOOR) else 0
    upright = _mean_confidence(engine, crops)
    if upright + MARGIN >= 1.0:
        return 0  # no confidence beats this by MARGIN: the upside-down read could not turn the page
    return 2 if _mean_confidence(engine, [np.rot90(c, 2) for c in crops]) > upright + MARGIN else 0


def _mean_confidence(engine: OcrEngine, crops: list[np.ndarray]) -> float:
    results = engine.recognize([np.ascontiguousarray(c) for c in crops])
    return float(np.mean([confidence for _, confidence in results]))
