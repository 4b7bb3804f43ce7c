"""Photos: large continuous-tone areas that are neither text lines nor rules."""

from __future__ import annotations

import cv2
import numpy as np

from broadsheet.model import BBox

# Work on a copy this many times smaller: photos are large, and this keeps the morphology cheap.
SCALE = 4


def find_photos(gray: np.ndarray, text_boxes: list[BBox], rule_boxes: list[BBox],
                min_side: int) -> list[BBox]:
    """Boxes of areas where most pixels are neither paper nor pure ink, once text is masked out."""
    small = cv2.resize(gray, None, fx=1 / SCALE, fy=1 / SCALE, interpolation=cv2.INTER_AREA)
    paper = float(np.percentile(small, 90))
    tone = (small < paper - 24).astype(np.uint8)
    for x0, y0, x1, y1 in text_boxes + rule_boxes:
        tone[y0 // SCALE:(y1 + SCALE - 1) // SCALE + 1, x0 // SCALE:(x1 + SCALE - 1) // SCALE + 1] = 0
    # light parts of a photo (sky, walls) leave holes: close them, then drop specks
    k = max(3, min_side // (SCALE * 6))
    tone = cv2.morphologyEx(tone, cv2.MORPH_CLOSE, np.ones((k, k), np.uint8))
    tone = cv2.morphologyEx(tone, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(tone, connectivity=8)
    photos = []
    for index in range(1, count):
        x, y, w, h, area = stats[index]
        if min(w, h) * SCALE < min_side or area < 0.5 * w * h:
            continue
        photos.append((int(x * SCALE), int(y * SCALE), int((x + w) * SCALE), int((y + h) * SCALE)))
    return photos
