"""The working page: the input turned upright, straightened and scaled so that body text has the
size the models and the layout rules work best at; and the way back to input pixels.

Every stage after normalisation works in working-page pixels. `PageFrame` maps any box back to
the input image, and `WorkingPage.pixels` reads a box at the best resolution the input offers, so a
large scan analysed at a third of its size is still recognised from its own pixels.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from broadsheet.model import BBox, Page


@dataclass(frozen=True)
class PageFrame:
    """input -> resize by `scale` -> `turns` quarter turns counter-clockwise -> rotate by `angle`."""

    width: int  # of the input image
    height: int
    turns: int = 0  # quarter turns counter-clockwise (numpy's rot90)
    angle: float = 0.0  # degrees, counter-clockwise positive, about the turned page's centre
    scale: float = 1.0

    @property
    def size(self) -> tuple[int, int]:
        """(width, height) of the working page."""
        width, height = max(1, round(self.width * self.scale)), max(1, round(self.height * self.scale))
        return (height, width) if self.turns % 2 else (width, height)

    def matrix(self) -> np.ndarray:
        """3x3 affine taking input pixels to working-page pixels."""
        turned_w, turned_h = (self.height, self.width) if self.turns % 2 else (self.width, self.height)
        width, height = self.size
        turn = _turn_matrix(self.turns % 4, self.width, self.height)
        resize = np.diag([width / turned_w, height / turned_h, 1.0])
        return self._rotation() @ resize @ turn

    def _rotation(self) -> np.ndarray:
        width, height = self.size
        return np.vstack([cv2.getRotationMatrix2D((width / 2, height / 2), self.angle, 1.0), [0, 0, 1]])

    def to_input(self, box: BBox) -> BBox:
        """The input-image box enclosing a box of the working page."""
        if self.angle == 0.0 and self.turns == 0 and self.scale == 1.0:
            return box
        points = _corners(box) @ np.linalg.inv(self.matrix()).T
        lo = np.floor(points[:, :2].min(axis=0) + 1e-6).astype(int)
        hi = np.ceil(points[:, :2].max(axis=0) - 1e-6).astype(int)
        return (max(0, int(lo[0])), max(0, int(lo[1])), min(self.width, int(hi[0])), min(self.height, int(hi[1])))

    def warp(self, image: np.ndarray) -> np.ndarray:
        """The working page made from the input image, resampled once where it can be: an enlarged
        page is scaled and straightened by one cubic warp (each resample blurs small type); a
        shrunk one is first averaged down (a warp would alias), then straightened."""
        if self.turns % 4:
            image = np.ascontiguousarray(np.rot90(image, self.turns))  # lossless
        width, height = self.size
        resize = np.diag([width / image.shape[1], height / image.shape[0], 1.0])
        if self.scale < 1.0:
            image, resize = cv2.resize(image, (width, height), interpolation=cv2.INTER_AREA), np.eye(3)
        transform = self._rotation() @ resize
        if np.allclose(transform, np.eye(3)):
            return image
        return cv2.warpAffine(image, transform[:2], (width, height), flags=cv2.INTER_CUBIC,
                              borderValue=paper_colour(image))


def page_to_input(page: Page, frame: PageFrame) -> None:
    """A page assembled in working-page pixels, moved to the input's: every box, and the frame's
    own record (size, rotation, skew, scale)."""
    for region in page.regions:
        region.bbox = frame.to_input(region.bbox)
        for line in region.lines:
            line.bbox = frame.to_input(line.bbox)
    for item in page.articles + page.photos:
        item.bbox = frame.to_input(item.bbox)
    page.width, page.height = frame.width, frame.height
    page.rotation, page.skew_angle, page.working_scale = 90 * frame.turns, frame.angle, round(frame.scale, 4)


@dataclass
class WorkingPage:
    """The working image, its frame, and the input it was made from."""

    image: np.ndarray
    frame: PageFrame
    source: np.ndarray

    @classmethod
    def make(cls, source: np.ndarray, frame: PageFrame) -> WorkingPage:
        return cls(frame.warp(source), frame, source)

    def pixels(self, box: BBox) -> np.ndarray:
        """The box of the working page at the working scale or, where the input is larger, at the
        input's own resolution: a shrunk page is recognised from the scan's pixels, not the copy's."""
        x0, y0, x1, y1 = box
        height, width = self.image.shape[:2]
        x0, y0, x1, y1 = max(0, x0), max(0, y0), min(width, x1), min(height, y1)
        if self.frame.scale >= 1.0 or x1 <= x0 or y1 <= y0:
            return self.image[y0:y1, x0:x1]
        zoom = 1.0 / self.frame.scale
        out_w, out_h = max(1, round((x1 - x0) * zoom)), max(1, round((y1 - y0) * zoom))
        # output pixel (u, v) shows working point (x0 + u / zoom, y0 + v / zoom)
        to_working = np.array([[1 / zoom, 0, x0], [0, 1 / zoom, y0], [0, 0, 1]])
        to_source = np.linalg.inv(self.frame.matrix()) @ to_working
        return cv2.warpAffine(self.source, to_source[:2], (out_w, out_h),
                              flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP, borderMode=cv2.BORDER_REPLICATE)


def paper_colour(image: np.ndarray) -> tuple[int, ...]:
    """The page's paper: the median pixel of a sparse sample."""
    channels = image.shape[2] if image.ndim == 3 else 1
    return tuple(int(v) for v in np.median(image.reshape(-1, channels)[::97], axis=0))


def _turn_matrix(turns: int, width: int, height: int) -> np.ndarray:
    """Quarter turns counter-clockwise of a width x height image, as numpy's rot90 makes them."""
    if turns == 1:  # (x, y) -> (y, W - x); the turned image is W tall
        return np.array([[0, 1, 0], [-1, 0, width], [0, 0, 1]], dtype=float)
    if turns == 2:
        return np.array([[-1, 0, width], [0, -1, height], [0, 0, 1]], dtype=float)
    if turns == 3:  # (x, y) -> (H - y, x); the turned image is H wide
        return np.array([[0, -1, height], [1, 0, 0], [0, 0, 1]], dtype=float)
    return np.eye(3)


def _corners(box: BBox) -> np.ndarray:
    x0, y0, x1, y1 = box
    return np.array([[x0, y0, 1], [x1, y0, 1], [x1, y1, 1], [x0, y1, 1]], dtype=float)
