"""Photos: large continuous-tone areas that are neither text lines nor rules."""

from __future__ import annotations

import cv2
import numpy as np

from broadsheet.layout.thresholds import PHOTO_FILL, PHOTO_HOLE, PHOTO_TONE
from broadsheet.model import BBox

# Work on a copy this many times smaller: photos are large, and this keeps the morphology cheap.
SCALE = 4


def find_photos(gray: np.ndarray, text_boxes: list[BBox], rule_boxes: list[BBox],
                min_side: int) -> list[BBox]:
    """Boxes of areas where most pixels are neither paper nor pure ink, once text is masked out."""
    small = cv2.resize(gray, None, fx=1 / SCALE, fy=1 / SCALE, interpolation=cv2.INTER_AREA)
    paper = float(np.percentile(small, 90))
    tone = (small < paper - PHOTO_TONE).astype(np.uint8)
    for x0, y0, x1, y1 in text_boxes + rule_boxes:
        tone[y0 // SCALE:(y1 + SCALE - 1) // SCALE + 1, x0 // SCALE:(x1 + SCALE - 1) // SCALE + 1] = 0
    # light parts of a photo (sky, walls) leave holes: close them, then drop specks
    k = max(3, int(PHOTO_HOLE * min_side) // SCALE)
    tone = cv2.morphologyEx(tone, cv2.MORPH_CLOSE, np.ones((k, k), np.uint8))
    tone = cv2.morphologyEx(tone, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(tone, connectivity=8)
    photos = []
    for index in range(1, count):
        x, y, w, h, area = stats[index]
        if min(w, h) * SCALE < min_side or area < PHOTO_FILL * w * h:
            continue
        coarse = (int(x * SCALE), int(y * SCALE), int((x + w) * SCALE), int((y + h) * SCALE))
        photos.append(_exact_edges(gray < paper - PHOTO_TONE, coarse))
    return photos


def _exact_edges(tone: np.ndarray, box: BBox) -> BBox:
    """Move each side of a box found on the small copy to where the tone really stops, so that a
    rule a few pixels off a photo is told apart from the photo's own edge."""
    height, width = tone.shape
    x0, y0, x1, y1 = box

    def filled(rows: slice, cols: slice) -> float:
        area = tone[rows, cols]
        return float(area.mean()) if area.size else 0.0

    reach = 2 * SCALE
    for _ in range(reach):  # grow where the next row/column out is still picture
        grown = False
        if y0 > 0 and filled(slice(y0 - 1, y0), slice(x0, x1)) > 0.5:
            y0, grown = y0 - 1, True
        if y1 < height and filled(slice(y1, y1 + 1), slice(x0, x1)) > 0.5:
            y1, grown = y1 + 1, True
        if x0 > 0 and filled(slice(y0, y1), slice(x0 - 1, x0)) > 0.5:
            x0, grown = x0 - 1, True
        if x1 < width and filled(slice(y0, y1), slice(x1, x1 + 1)) > 0.5:
            x1, grown = x1 + 1, True
        if not grown:
            break
    for _ in range(reach):  # shrink where the outermost row/column is paper
        shrunk = False
        if filled(slice(y0, y0 + 1), slice(x0, x1)) < 0.5:
            y0, shrunk = y0 + 1, True
        if filled(slice(y1 - 1, y1), slice(x0, x1)) < 0.5:
            y1, shrunk = y1 - 1, True
        if filled(slice(y0, y1), slice(x0, x0 + 1)) < 0.5:
            x0, shrunk = x0 + 1, True
        if filled(slice(y0, y1), slice(x1 - 1, x1)) < 0.5:
            x1, shrunk = x1 - 1, True
        if not shrunk:
            break
    return x0, y0, x1, y1
