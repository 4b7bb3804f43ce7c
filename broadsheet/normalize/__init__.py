"""Normalise stage: any page to the working page -- body text at the size the detector and the
layout rules work best at, upright, straight -- and the text lines found on it.

Scans come with body text from 7 px (web images) to 60 px (600 dpi archives). The text size is
measured first (connected components, a few tens of milliseconds), and the page is scaled so that
body text falls in TEXT_BAND. Every later stage works in working-page pixels, and
`PageFrame` maps every box back to the input.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace

import cv2
import numpy as np

from broadsheet.model import BBox
from broadsheet.normalize.frame import PageFrame, WorkingPage, page_to_input
from broadsheet.normalize.orientation import page_turns
from broadsheet.normalize.skew import estimate_skew
from broadsheet.normalize.textsize import estimate_text_size
from broadsheet.ocr import OcrEngine, detect_lines

# Body text ink height on the working page, px. Text in this band is used as it comes (a resample
# blurs a little and costs time); smaller text is enlarged to its bottom, larger shrunk to its
# top. Below 14 px the detector bridges narrow gutters and splits vertical lines; above 18 px
# detection time grows with the square of the size and finds the same lines.
TEXT_BAND = (14.0, 18.0)
MIN_SCALE, MAX_SCALE = 0.1, 4.0
# A page enlarged this much (body ink under about 10 px in the input) has its lines found by the
# detector's way for small type (`OcrEngine.detect`): the enlargement blurs lines set close into
# one another. Pages from 10 px, every real scan (1.23 at most) and every fixture are detected as
# they always were.
SMALL_TYPE_SCALE = 1.4
# Strips of a huge page overlap by this many body lines: more than twice the tallest headline.
STRIP_OVERLAP_LINES = 30


@dataclass
class NormalizedPage:
    page: WorkingPage
    boxes: list[BBox]  # text lines found by the detector, working-page pixels
    text_size: float | None  # body text height measured on the input, px
    sample: list[str] = field(default_factory=list)  # what the orientation check read (upright)
    timings: dict[str, float] = field(default_factory=dict)


def working_scale(text_size: float | None) -> float:
    """The scale that brings body text into the working band; 1 when it is there, or unknown."""
    if text_size is None:
        return 1.0
    low, high = TEXT_BAND
    if low <= text_size <= high:
        return 1.0
    return float(np.clip((low if text_size < low else high) / text_size, MIN_SCALE, MAX_SCALE))


def upright_frame(gray: np.ndarray, deskew: bool = True, scale: float | None = None,
                  timings: dict[str, float] | None = None) -> tuple[PageFrame, float | None]:
    """The frame a page is worked in before any turn is known (its working scale from the measured
    text size, its skew), and the text size. `scale`: force a working scale."""
    timings = {} if timings is None else timings
    start = time.perf_counter()
    text_size = estimate_text_size(gray)
    scale = working_scale(text_size) if scale is None else scale
    timings["scale"] = time.perf_counter() - start
    start = time.perf_counter()
    height, width = gray.shape
    frame = PageFrame(width, height, 0, estimate_skew(gray) if deskew else 0.0, scale)
    timings["deskew"] = time.perf_counter() - start
    return frame, text_size


def normalize_page(image: np.ndarray, engine: OcrEngine, deskew: bool = True,
                   scale: float | None = None) -> NormalizedPage:
    """`scale`: force a working scale (None: from the measured text size)."""
    timings: dict[str, float] = {}
    gray = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
    frame, text_size = upright_frame(gray, deskew, scale, timings)
    start = time.perf_counter()
    page = WorkingPage.make(image, frame)
    timings["deskew"] += time.perf_counter() - start

    start = time.perf_counter()
    overlap = int(STRIP_OVERLAP_LINES * TEXT_BAND[1])
    small_type = frame.scale >= SMALL_TYPE_SCALE
    boxes = detect_lines(engine, page.image, overlap, small_type)
    orientation = page_turns(page.image, boxes, engine)
    if turns := orientation.turns:
        angle = estimate_skew(np.ascontiguousarray(np.rot90(gray, turns))) if deskew else 0.0
        page = WorkingPage.make(image, replace(frame, turns=turns, angle=angle))
        boxes = detect_lines(engine, page.image, overlap, small_type)
    timings["detect"] = time.perf_counter() - start
    return NormalizedPage(page, boxes, text_size, orientation.sample, timings)


__all__ = ["NormalizedPage", "PageFrame", "WorkingPage", "normalize_page", "page_to_input", "upright_frame",
           "working_scale"]
