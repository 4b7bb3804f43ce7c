"""Straighten a page: quarter turns for a page fed sideways or upside down, then the few degrees a
scan comes in off; and map boxes back to the input image."""

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
    angle: float  # degrees the turned input was rotated (counter-clockwise positive) to straighten it
    width: int  # of the input image
    height: int
    turns: int = 0  # quarter turns counter-clockwise (numpy's rot90) applied to the input first

    @classmethod
    def identity(cls, image: np.ndarray) -> Deskew:
        return cls(0.0, image.shape[1], image.shape[0])

    @property
    def turned_size(self) -> tuple[int, int]:
        return (self.height, self.width) if self.turns % 2 else (self.width, self.height)

    def matrix(self) -> np.ndarray:
        width, height = self.turned_size
        return cv2.getRotationMatrix2D((width / 2, height / 2), self.angle, 1.0)

    def to_input(self, box: BBox) -> BBox:
        """The input-image box enclosing a box of the straightened page."""
        if self.angle == 0.0 and self.turns == 0:
            return box
        x0, y0, x1, y1 = box
        corners = np.array([[x0, y0, 1], [x1, y0, 1], [x1, y1, 1], [x0, y1, 1]], dtype=float)
        points = corners @ cv2.invertAffineTransform(self.matrix()).T
        points = _unturn(points, self.turns, *self.turned_size)
        lo = np.floor(points.min(axis=0)).astype(int)
        hi = np.ceil(points.max(axis=0)).astype(int)
        return (max(0, int(lo[0])), max(0, int(lo[1])),
                min(self.width, int(hi[0])), min(self.height, int(hi[1])))


def _unturn(points: np.ndarray, turns: int, width: int, height: int) -> np.ndarray:
    """Points of an image turned `turns` quarter turns counter-clockwise (of size width x height),
    in the coordinates of the image before turning."""
    x, y = points[:, 0], points[:, 1]
    if turns % 4 == 1:  # a point (x, y) went to (y, W - x); the turned image is W tall
        return np.stack([height - y, x], axis=1)
    if turns % 4 == 2:
        return np.stack([width - x, height - y], axis=1)
    if turns % 4 == 3:  # (x, y) went to (H - y, x); the turned image is H wide
        return np.stack([y, width - x], axis=1)
    return points


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


def deskew_page(image: np.ndarray, turns: int = 0) -> tuple[np.ndarray, Deskew]:
    """The page turned by `turns` quarter turns, then straightened; and how to map back."""
    height, width = image.shape[:2]
    if turns % 4:
        image = np.ascontiguousarray(np.rot90(image, turns))
    gray = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
    angle = estimate_skew(gray)
    if abs(angle) < 0.05:
        angle = 0.0
    correction = Deskew(angle, width, height, turns % 4)
    if angle == 0.0:
        return image, correction
    paper = tuple(int(v) for v in np.median(image.reshape(-1, 3)[:: 97], axis=0))
    straight = cv2.warpAffine(image, correction.matrix(), (image.shape[1], image.shape[0]),
                              flags=cv2.INTER_CUBIC, borderValue=paper)
    return straight, correction
