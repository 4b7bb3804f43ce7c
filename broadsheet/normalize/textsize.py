"""How big the page's body text is, before anything else runs: a cheap pass over connected
components, so detection and layout can work at the size they were made for.

Characters are joined into lines by closing gaps of about a character's height; the width-weighted
median height of those lines is the body text (body lines are long and many, headlines few).
"""

from __future__ import annotations

import cv2
import numpy as np

MEASURE_SIDE = 3000  # px: larger pages are measured on a copy this large (text stays >= 8 px)
# px: but a long strip (a line of text across a long page) keeps its short side this large, or its
# text would shrink away; pages up to 15 times as long as wide never reach it.
MEASURE_SHORT_SIDE = 200
MIN_COMPONENT = 3  # px: smaller specks are noise at any resolution
MIN_LINES = 5  # fewer line-like blobs than this: no text to measure
# Lines joined here come out taller than the layout's ink-tight line boxes (accents, the odd
# stroke of the line above): 1.07-1.2 times on the fixture pages.
JOINED_OVER_INK = 1.14


def estimate_text_size(gray: np.ndarray) -> float | None:
    """Height in pixels of a body text line's ink, or None where no text is found."""
    factor = min(1.0, max(MEASURE_SIDE / max(gray.shape), MEASURE_SHORT_SIDE / min(gray.shape)))
    small = cv2.resize(gray, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA) if factor < 1 else gray
    # a window a fortieth of the page holds paper around any character up to large headline type
    # (but no more than the page is wide: past that it holds no more paper, only OpenCV's padding)
    block = min(max(15, int(max(small.shape) / 40) | 1), min(small.shape) | 1)
    ink = cv2.adaptiveThreshold(small, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, block, 12)
    _, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    widths, heights, areas = stats[1:, 2], stats[1:, 3], stats[1:, 4]
    glyphs = ((heights >= MIN_COMPONENT) & (widths >= 2) & (heights <= max(small.shape) / 15)
              & (widths <= 3 * heights) & (areas >= 0.08 * widths * heights))
    if glyphs.sum() < MIN_LINES:
        return None
    # the tall parts of characters (the 80th percentile skips dots, strokes and radicals)
    character = float(np.percentile(heights[glyphs], 80))
    bridge = cv2.getStructuringElement(cv2.MORPH_RECT, (max(2, round(0.8 * character)), 1))
    _, _, stats, _ = cv2.connectedComponentsWithStats(cv2.morphologyEx(ink, cv2.MORPH_CLOSE, bridge), connectivity=8)
    widths, heights = stats[1:, 2], stats[1:, 3]
    lines = (widths >= 4 * heights) & (heights >= MIN_COMPONENT) & (heights <= 3 * character)
    if lines.sum() < MIN_LINES:
        return character / factor  # the tall parts of characters are about as tall as the ink
    order = np.argsort(heights[lines])
    cumulative = np.cumsum(widths[lines][order])
    joined = float(heights[lines][order][np.searchsorted(cumulative, cumulative[-1] / 2)])
    return joined / JOINED_OVER_INK / factor
