"""Separator rules: long thin strokes, found with OpenCV morphology."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from broadsheet.layout.thresholds import INK_CONTRAST, RULE_BRIDGE, RULE_PAPER, RULE_SIDE_INK
from broadsheet.model import BBox, overlaps


@dataclass(frozen=True)
class Rule:
    bbox: BBox

    @property
    def horizontal(self) -> bool:
        x0, y0, x1, y1 = self.bbox
        return (x1 - x0) >= (y1 - y0)


def ink_mask(gray: np.ndarray, contrast: int = INK_CONTRAST) -> np.ndarray:
    """Ink as 255 on 0: darker than the local mean by `contrast`, robust to paper tone and uneven
    lighting. Rules are looked for with a lower contrast: on a low-resolution scan a thin rule is
    a faint grey line, and only long straight runs survive the rule filter anyway."""
    return cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 51, contrast)


def find_rules(ink: np.ndarray, unit: float, min_length: int, max_thickness: int) -> list[Rule]:
    """Strokes at least `min_length` long and at most `max_thickness` thick, with paper both sides.

    A short closing first bridges dotted and broken rules; the opening with a long line kernel
    then keeps only what is straight and long. The bridge is kept small against the text size
    (on a low-resolution scan it would fuse a row of characters into a stroke), and a candidate
    with ink hugging both sides is the middle of a text line, not a rule.
    """
    bridge_length = max(3, int(RULE_BRIDGE * unit))
    rules: list[Rule] = []
    for horizontal in (True, False):
        bridge = (bridge_length, 1) if horizontal else (1, bridge_length)
        length = (min_length, 1) if horizontal else (1, min_length)
        closed = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, bridge))
        opened = cv2.morphologyEx(closed, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, length))
        count, _, stats, _ = cv2.connectedComponentsWithStats(opened, connectivity=8)
        for x, y, w, h, _area in stats[1:count]:
            box = (int(x), int(y), int(x + w), int(y + h))
            if (h if horizontal else w) <= max_thickness and _paper_beside(ink, box, horizontal, unit):
                rules.append(Rule(box))
    return rules


def _paper_beside(ink: np.ndarray, box: tuple[int, int, int, int], horizontal: bool, unit: float) -> bool:
    """Both sides of the stroke are mostly paper for a fifth of a character."""
    x0, y0, x1, y1 = box
    reach = max(2, int(RULE_PAPER * unit))
    gap = 1
    if horizontal:
        sides = [ink[max(0, y0 - gap - reach):max(0, y0 - gap), x0:x1], ink[y1 + gap:y1 + gap + reach, x0:x1]]
    else:
        sides = [ink[y0:y1, max(0, x0 - gap - reach):max(0, x0 - gap)], ink[y0:y1, x1 + gap:x1 + gap + reach]]
    densities = [float(side.mean()) / 255 if side.size else 0.0 for side in sides]
    return max(densities) < RULE_SIDE_INK


def crosses(rules: list[Rule], x0: float, y0: float, x1: float, y1: float) -> bool:
    """Whether any rule lies inside the rectangle between two blocks (a separator between them)."""
    return any(overlaps((x0, y0, x1, y1), rule.bbox) for rule in rules)
