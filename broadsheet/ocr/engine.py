"""The roles an OCR engine plays for the pipeline (detecting lines, recognising them), and reading
every line of a page with it."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Protocol

import cv2
import numpy as np

from broadsheet.model import BBox, EngineInfo, Line, TextDirection
from broadsheet.ocr.reading import Reading, glyph_gaps


class LineDetector(Protocol):
    info: EngineInfo

    def detect(self, image: np.ndarray) -> list[BBox]:
        """Axis-aligned boxes of the text lines on a (deskewed) RGB page, at the size it is given."""


class LineRecognizer(Protocol):
    info: EngineInfo

    def recognize(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        """Text and confidence (0..1) of each horizontal line image."""


@dataclass(frozen=True)
class OcrEngine:
    """The two roles OCR plays for the pipeline; each may come from different software (Tesseract
    reads the lines PP-OCR's detector finds)."""

    name: str  # as the user chose it: "rapidocr", "tesseract:eng", ...
    detector: LineDetector
    recognizer: LineRecognizer

    def detect(self, image: np.ndarray, small_type: bool = False) -> list[BBox]:
        """`small_type`: the page was enlarged from small type, and the detector has a way of its
        own for that (an optional `detect_small_type` beside `detect`)."""
        if small_type and hasattr(self.detector, "detect_small_type"):
            return self.detector.detect_small_type(image)
        return self.detector.detect(image)

    def recognize(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        return self.recognizer.recognize(crops)

    def read(self, crops: list[np.ndarray]) -> list[Reading]:
        """Readings with where each character stands, from a recogniser that says so (an optional
        `read(crops, candidates=False)` beside `recognize`; a language model wrapping it asks for
        the candidates it rescores by); else text and confidence alone."""
        if hasattr(self.recognizer, "read"):
            return self.recognizer.read(crops)
        return [Reading(text, confidence) for text, confidence in self.recognizer.recognize(crops)]

    def info(self) -> list[EngineInfo]:
        return [self.detector.info, self.recognizer.info]

    def for_page(self, latin: bool, lines: list[Line], pixels: Callable[[BBox], np.ndarray],
                 scale: float = 1.0) -> OcrEngine:
        """The engine that reads this page's lines: itself, unless it chooses by the page's script
        (`latin`: the orientation check read Latin letters), text (`lines`: its body lines,
        `pixels`: reads a box of the page) and size (`scale`: the working page over the input;
        above 1 the type was enlarged), as `auto` does."""
        return self


class LatinReading:
    """A recogniser that knows Latin marks (`reads_latin`: PP-OCR, which reads the comma of blurred
    small antiqua as a stop) reading the lines of a Latin page."""

    def __init__(self, recognizer: LineRecognizer) -> None:
        self.recognizer, self.info = recognizer, recognizer.info

    def recognize(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        return [(r.text, r.confidence) for r in self.read(crops)]

    def read(self, crops: list[np.ndarray]) -> list[Reading]:
        return self.recognizer.read(crops, latin=True)  # type: ignore[attr-defined]


def for_latin(engine: OcrEngine, latin: bool) -> OcrEngine:
    """The engine that reads a page, its recogniser told the page is Latin where it knows Latin
    marks (PP-OCR); else `engine` as it is."""
    if not latin or not getattr(engine.recognizer, "reads_latin", False):
        return engine
    return dataclasses.replace(engine, recognizer=LatinReading(engine.recognizer))


# Detection memory and time grow with the image; a larger page is detected in horizontal strips
# (full width, so no line is ever cut lengthwise) that overlap by more than any line is tall.
MAX_DETECT_PIXELS = 16_000_000
# A strip more than this many times the limit (a page hundreds of thousands of px wide; 400000x32,
# 12.8 Mpx in one piece, took 3.5 GB) is cut across as well, into overlapping pieces: a line longer
# than the overlap may come back in pieces, but memory stays bounded. Pages up to ~20000 px wide
# are never cut across.
MAX_STRIP_OVER_LIMIT = 2


def detect_lines(engine: OcrEngine, image: np.ndarray, overlap: int, small_type: bool = False) -> list[BBox]:
    """The engine's line boxes for a page of any size. `overlap`: px shared by neighbouring strips,
    more than twice the tallest line; a box is kept from the strip whose middle part holds its
    centre, so it comes whole from exactly one strip. `small_type`: as `OcrEngine.detect`."""
    detect = partial(engine.detect, small_type=True) if small_type else engine.detect
    height, width = image.shape[:2]
    if height * width <= MAX_DETECT_PIXELS:
        return detect(image)
    strip = max(3 * overlap, MAX_DETECT_PIXELS // width)
    rows = min(strip, height)
    piece = width if rows * width <= MAX_STRIP_OVER_LIMIT * MAX_DETECT_PIXELS else max(
        3 * overlap, MAX_DETECT_PIXELS // rows)
    boxes: list[BBox] = []
    for top, bottom, (y_lo, y_hi) in _windows(height, strip, overlap):
        for left, right, (x_lo, x_hi) in _windows(width, piece, overlap):
            for x0, y0, x1, y1 in detect(image[top:bottom, left:right]):
                if y_lo <= top + (y0 + y1) / 2 < y_hi and x_lo <= left + (x0 + x1) / 2 < x_hi:
                    boxes.append((left + x0, top + y0, left + x1, top + y1))
    return boxes


def _windows(length: int, size: int, overlap: int) -> Iterator[tuple[int, int, tuple[int, int]]]:
    """Windows of `size` px covering 0..length, each sharing `overlap` px with the next, with each
    one's core (from the middle of the overlap before it to the middle of the one after)."""
    start = 0
    while True:
        end = min(length, start + size)
        yield start, end, (start + overlap // 2 if start else 0, end - overlap // 2 if end < length else length)
        if end == length:
            return
        start += size - overlap


def line_crop(pixels: Callable[[BBox], np.ndarray], line: Line, paper_margin: bool = False,
              between: tuple[float | None, float | None] | None = None) -> np.ndarray:
    """The line's pixels, with a margin, turned so the recognizer sees horizontal text.
    `pixels` reads a box of the page (at the best resolution there is). `paper_margin`: the feet
    and tops of the neighbouring lines that reach into the margin are papered over (for a
    recogniser that reads them as words); `between` (page rows, from `neighbour_limits`), with
    any recogniser: every stroke centred above the first or below the second is papered over,
    inside the box or not (the halves of the lines above and below that an overlapping box holds:
    Tesseract reads them as words, PP-OCR garbles the line)."""
    x0, y0, x1, y1 = line.bbox
    if line.direction == TextDirection.VERTICAL_RL:
        return _vertical_as_horizontal(pixels(line.bbox))
    # boxes are tight to the ink; the recognizer wants a margin (with less on the sides it drifts
    # to traditional forms: 区 -> 區)
    pad = max(2, (y1 - y0) // 4)
    crop = pixels((x0 - pad, y0 - pad, x1 + pad, y1 + pad))
    if not paper_margin and between is None:
        return crop
    inner = None
    if between is not None:  # page rows -> crop rows, as _ink_band maps the box
        scale = crop.shape[0] / (y1 - y0 + 2 * pad)
        above, below = between
        inner = (-np.inf if above is None else (above - (y0 - pad)) * scale,
                 np.inf if below is None else (below - (y0 - pad)) * scale)
    side = round(pad * crop.shape[1] / (x1 - x0 + 2 * pad))
    return _without_neighbours(crop, _ink_band(crop, line), inner, edges=paper_margin, side=side)


def _without_neighbours(crop: np.ndarray, band: tuple[int, int], inner: tuple[float, float] | None = None,
                        edges: bool = True, side: int = 0) -> np.ndarray:
    """The crop with the ink of the lines above and below papered over: (`edges`) the strokes that
    run off its top or bottom edge and centre outside the line's box, and those that run off both
    within the `side` columns left and right of the box (a column rule beside the line: Tesseract
    reads it as `|`, `[`, `l` or `J`); and (`inner`, crop rows) any stroke centred above inner[0]
    or below inner[1]. The line's own descenders and ascenders centre inside it, and a crop whose
    margin holds no such stroke comes back as it is."""
    gray = cv2.cvtColor(crop, cv2.COLOR_RGB2GRAY)
    _, ink = cv2.threshold(gray, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    count, labels, stats, centroids = cv2.connectedComponentsWithStats(ink, connectivity=8)
    height, width = crop.shape[:2]
    top, bottom = band
    upper, lower = inner if inner is not None else (-np.inf, np.inf)
    left, top_row = stats[:, cv2.CC_STAT_LEFT], stats[:, cv2.CC_STAT_TOP]
    right, end_row = left + stats[:, cv2.CC_STAT_WIDTH], top_row + stats[:, cv2.CC_STAT_HEIGHT]
    strays = [k for k in range(1, count)
              if (edges and top_row[k] == 0 and centroids[k][1] < top)
              or (edges and end_row[k] == height and centroids[k][1] >= bottom)
              or (edges and top_row[k] == 0 and end_row[k] == height and (right[k] <= side or left[k] >= width - side))
              or not upper <= centroids[k][1] < lower]
    if not strays:
        return crop
    cleaned = crop.copy()
    cleaned[np.isin(labels, strays)] = np.median(crop[ink == 0].reshape(-1, crop.shape[2]), axis=0)
    return cleaned


def _vertical_as_horizontal(crop: np.ndarray) -> np.ndarray:
    """A vertical CJK line (竖排) laid out as a horizontal one, character by character: rotating
    it would show the recognizer sideways characters, which it cannot read.

    Characters are the runs of inked rows, parts closer together than a character's width being
    one character (三 has blank rows inside); runs of touching characters are cut evenly."""
    gray = cv2.cvtColor(crop, cv2.COLOR_RGB2GRAY)
    _, ink = cv2.threshold(gray, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    width = crop.shape[1]
    rows = np.flatnonzero(ink.any(axis=1))
    if rows.size == 0:
        return crop
    runs: list[list[int]] = []
    for start, end in _runs(rows):
        if runs and end - runs[-1][0] <= 1.15 * width:
            runs[-1][1] = end
        else:
            runs.append([start, end])
    cells = []
    for start, end in runs:
        parts = max(1, round((end - start) / width))
        for k in range(parts):
            top = start + (end - start) * k // parts
            bottom = start + (end - start) * (k + 1) // parts
            cells.append(_square(crop[top:bottom], width))
    margin = np.full((width, max(2, width // 8), 3), np.median(crop.reshape(-1, 3), axis=0), dtype=crop.dtype)
    return np.concatenate([margin] + [part for cell in cells for part in (cell, margin)], axis=1)


def _runs(indices: np.ndarray) -> list[tuple[int, int]]:
    """Contiguous runs of sorted indices as (first, last + 1)."""
    breaks = np.flatnonzero(np.diff(indices) > 1)
    starts = np.concatenate([[indices[0]], indices[breaks + 1]])
    ends = np.concatenate([indices[breaks] + 1, [indices[-1] + 1]])
    return list(zip(starts.tolist(), ends.tolist()))


def _square(cell: np.ndarray, size: int) -> np.ndarray:
    """Centre a character cell on a size x size square of paper."""
    paper = np.median(cell.reshape(-1, 3), axis=0) if cell.size else 255
    square = np.empty((size, size, 3), dtype=np.uint8)
    square[:] = paper
    top = max(0, (size - cell.shape[0]) // 2)
    square[top:top + min(size, cell.shape[0])] = cell[:size]
    return square


# Tesseract's German data reads many a sans or serif `i` as the Turkish dotless `ı` (random pages
# from 14 px: 144 times on eight German pages); only a reading in a language that writes it keeps it
DOTLESS_I_LANGUAGES = {"tr", "tur", "az", "aze"}


def read_lines(engine: OcrEngine, pixels: Callable[[BBox], np.ndarray], lines: list[Line]) -> None:
    """Recognize every line in place: sets `text`, `confidence` and, where the engine says where its
    characters stand on a horizontal line, `gaps`."""
    if not lines:
        return
    paper_margin = getattr(engine.recognizer, "paper_margin", False)
    dotless_i = bool(DOTLESS_I_LANGUAGES & set(engine.recognizer.info.languages))
    limits = neighbour_limits(lines)
    crops = [line_crop(pixels, line, paper_margin, between) for line, between in zip(lines, limits)]
    for line, crop, reading in zip(lines, crops, engine.read(crops)):
        line.text = reading.text.strip() if dotless_i else reading.text.strip().replace("ı", "i")
        line.confidence = round(float(reading.confidence), 4)
        if reading.centres and line.direction == TextDirection.HORIZONTAL_LR:
            line.gaps = glyph_gaps(crop, reading.centres, _ink_band(crop, line))


def _ink_band(crop: np.ndarray, line: Line) -> tuple[int, int]:
    """The rows of a horizontal line's crop that its box covers (the crop has a margin, and may
    come at another scale than the box)."""
    height = line.bbox[3] - line.bbox[1]
    pad = max(2, height // 4)
    scale = crop.shape[0] / (height + 2 * pad)
    return round(pad * scale), round((pad + height) * scale)


# Two boxes are lines one above the other when their centres stand this many of the shorter box's
# heights apart (closer, they are two boxes of one line, and neither is cut)
NEIGHBOUR_OFFSET = 0.4
# ... and the shorter is at least this share of the taller's height: a speck's box (page_h: 2 px
# over a 14 px line) or a headline over body text limits nothing
NEIGHBOUR_HEIGHTS = 0.5


def neighbour_limits(lines: list[Line]) -> list[tuple[float | None, float | None] | None]:
    """For each line whose box overlaps the box of a line above or below it (of a like height,
    sharing half the narrower one's width), the page rows halfway to those lines' centres: ink
    centred beyond them is theirs. On tightly leaded type the detector's boxes run up to twice the
    line pitch (the 1920 Star: 27 px boxes, 14 px apart), each holding halves of its neighbours,
    which Tesseract reads as words of the line (`in close er sta touch aa o cer, with`) and PP-OCR
    garbles the line with (`ine renervation torartide x, reudt-`). None for a line with no such box."""
    boxes = np.array([line.bbox for line in lines], dtype=float).reshape(-1, 4)
    horizontal = np.array([line.direction == TextDirection.HORIZONTAL_LR for line in lines])
    x0, y0, x1, y1 = boxes.T
    centre, height = (y0 + y1) / 2, y1 - y0
    limits: list[tuple[float | None, float | None] | None] = []
    for i in range(len(lines)):
        if not horizontal[i]:
            limits.append(None)
            continue
        shared = np.minimum(x1, x1[i]) - np.maximum(x0, x0[i])
        near = (horizontal & (shared >= 0.5 * np.minimum(x1 - x0, x1[i] - x0[i]))
                & (y0 < y1[i]) & (y1 > y0[i])
                & (np.minimum(height, height[i]) >= NEIGHBOUR_HEIGHTS * np.maximum(height, height[i]))
                & (np.abs(centre - centre[i]) >= NEIGHBOUR_OFFSET * np.minimum(height, height[i])))
        near[i] = False
        above, below = near & (centre < centre[i]), near & (centre > centre[i])
        limits.append(((float((centre[above].max() + centre[i]) / 2) if above.any() else None,
                        float((centre[below].min() + centre[i]) / 2) if below.any() else None)
                       if above.any() or below.any() else None))
    return limits
