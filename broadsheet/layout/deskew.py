"""Straighten a page scanned up to a few degrees off, and map boxes back to the input image."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from broadsheet.model import BBox

MAX_SKEW_DEGREES = 3.0
# Text lines are what we align: measure on a copy about this wide, where body lines still separate.
MEASURE_WIDTH = 1200


@dataclass(frozen=True)
class Deskew:
    angle: float  # degrees the input was rotated (counter-clockwise positive) to straighten it
    width: int
    height: int

    @classmethod
    def identity(cls, image: np.ndarray) -> Deskew:
        return cls(0.0, image.shape[1], image.shape[0])

    def matrix(self) -> np.ndarray:
        return cv2.getRotationMatrix2D((self.width / 2, self.height / 2), self.angle, 1.0)

    def to_input(self, box: BBox) -> BBox:
        """The input-image box enclosing a box of the straightened page."""
        if self.angle == 0.0:
            return box
        inverse = cv2.invertAffineTransform(self.matrix())
        x0, y0, x1, y1 = box
        corners = np.array([[x0, y0, 1], [x1, y0, 1], [x1, y1, 1], [x0, y1, 1]], dtype=float)
        mapped = corners @ inverse.T
        lo = np.floor(mapped.min(axis=0)).astype(int)
        hi = np.ceil(mapped.max(axis=0)).astype(int)
        return (max(0, int(lo[0])), max(0, int(lo[1])),
                min(self.width, int(hi[0])), min(self.height, int(hi[1])))


def estimate_skew(gray: np.ndarray) -> float:
    """Angle maximizing the sharpness of the horizontal ink profile (text lines and rules)."""
    scale = min(1.0, MEASURE_WIDTH / gray.shape[1])
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    ink = cv2.adaptiveThreshold(small, 1, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 31, 15)
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
    return round(best, 2)


def deskew_page(image: np.ndarray) -> tuple[np.ndarray, Deskew]:
    gray = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
    angle = estimate_skew(gray)
    correction = Deskew(angle, image.shape[1], image.shape[0])
    if abs(angle) < 0.05:
        return image, Deskew.identity(image)
    paper = tuple(int(v) for v in np.median(image.reshape(-1, 3)[:: 97], axis=0))
    straight = cv2.warpAffine(image, correction.matrix(), (image.shape[1], image.shape[0]),
                              flags=cv2.INTER_CUBIC, borderValue=paper)
    return straight, correction
