"""What an OCR engine must do for the pipeline, and reading every line of a layout with it."""

from __future__ import annotations

from typing import Protocol

import numpy as np

from broadsheet.errors import BadArgsError
from broadsheet.model import BBox, Line, TextDirection


class OcrEngine(Protocol):
    name: str

    def detect(self, image: np.ndarray) -> list[BBox]:
        """Axis-aligned boxes of the text lines on a (deskewed) RGB page."""

    def recognize(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        """Text and confidence (0..1) of each horizontal line image."""


def get_engine(name: str, threads: int | None = None) -> OcrEngine:
    """`threads`: CPU threads for the models (None: all cores); set it when running several
    pipelines side by side, so they do not fight over the cores."""
    if name == "rapidocr":
        from broadsheet.ocr.rapid import RapidOcrEngine

        return RapidOcrEngine(threads=threads)
    raise BadArgsError(f"unknown OCR engine {name!r}; available: rapidocr")


def line_crop(image: np.ndarray, line: Line) -> np.ndarray:
    """The line's pixels, turned so the recognizer sees horizontal text.

    A vertical CJK line (竖排) is cut into square character cells laid side by side: rotating it
    would show the recognizer sideways characters, which it cannot read.
    """
    x0, y0, x1, y1 = line.bbox
    pad = max(2, (y1 - y0) // 4)  # boxes are tight to the ink; the recognizer wants a margin
    h, w = image.shape[:2]
    crop = image[max(0, y0 - pad):min(h, y1 + pad), max(0, x0 - pad):min(w, x1 + pad)]
    if line.direction == TextDirection.VERTICAL_RL:
        cell = crop.shape[1]
        cells = [crop[i:i + cell] for i in range(0, crop.shape[0], cell)]
        cells = [np.pad(c, ((0, cell - c.shape[0]), (0, 0), (0, 0)), mode="edge") for c in cells]
        crop = np.concatenate(cells, axis=1)
    return crop


def read_lines(engine: OcrEngine, image: np.ndarray, lines: list[Line]) -> None:
    """Recognize every line in place: sets `text` and `confidence`."""
    if not lines:
        return
    results = engine.recognize([line_crop(image, line) for line in lines])
    for line, (text, confidence) in zip(lines, results):
        line.text = text.strip()
        line.confidence = round(float(confidence), 4)
