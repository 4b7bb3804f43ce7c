"""Separator rules: long thin strokes, found with OpenCV morphology."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from broadsheet.model import BBox


@dataclass(frozen=True)
class Rule:
    bbox: BBox

    @property
    def horizontal(self) -> bool:
        x0, y0, x1, y1 = self.bbox
        return (x1 - x0) >= (y1 - y0)


def ink_mask(gray: np.ndarray) -> np.ndarray:
    """Ink as 255 on 0, robust to paper tone and uneven lighting."""
    return cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 51, 20)


def find_rules(ink: np.ndarray, min_length: int, max_thickness: int) -> list[Rule]:
    """Strokes at least `min_length` long and at most `max_thickness` thick.

    A short closing first bridges dotted and broken rules; the opening with a long line kernel
    then keeps only what is straight and long, which text strokes never are.
    """
    rules: list[Rule] = []
    for horizontal in (True, False):
        bridge = (9, 1) if horizontal else (1, 9)
        length = (min_length, 1) if horizontal else (1, min_length)
        closed = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, bridge))
        opened = cv2.morphologyEx(closed, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, length))
        count, _, stats, _ = cv2.connectedComponentsWithStats(opened, connectivity=8)
        for x, y, w, h, _area in stats[1:count]:
            thickness = h if horizontal else w
            if thickness <= max_thickness:
                rules.append(Rule((int(x), int(y), int(x + w), int(y + h))))
    return rules
