"""The few degrees a scan comes in off straight."""

from __future__ import annotations

import cv2
import numpy as np

MAX_SKEW_DEGREES = 3.0
MIN_SKEW_DEGREES = 0.05  # less is not worth a resample of the page
# Text lines are what we align: measure on a copy about this wide, where body lines still separate.
MEASURE_WIDTH = 1200
# px: a long strip of a page shrinks to a copy this short or less, where a line's slope is lost
MIN_MEASURE_HEIGHT = 16


def estimate_skew(gray: np.ndarray) -> float:
    """Angle maximizing the sharpness of the horizontal ink profile (text lines and rules)."""
    scale = min(1.0, MEASURE_WIDTH / gray.shape[1])
    if gray.shape[0] * scale < MIN_MEASURE_HEIGHT:
        return 0.0
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    ink = cv2.adaptiveThreshold(small, 1, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 31, 15)
    if not ink.any():  # every angle would tie, and the first tried is -3.3°
        return 0.0
    h, w = ink.shape
    centre = (w / 2, h / 2)

    def sharpness(angle: float) -> float:
        rotated = cv2.warpAffine(ink, cv2.getRotationMatrix2D(centre, angle, 1.0), (w, h),
                                 flags=cv2.INTER_NEAREST)
        profile = rotated.sum(axis=1, dtype=np.float64)
        return float(np.square(np.diff(profile)).sum())

    best = 0.0
    for step, span in ((0.25, MAX_SKEW_DEGREES), (0.05, 0.25), (0.01, 0.05)):
        candidates = np.arange(best - span, best + span + step / 2, step)
        best = float(max(candidates, key=sharpness))
    best = round(best, 2)
    return 0.0 if abs(best) < MIN_SKEW_DEGREES else best
