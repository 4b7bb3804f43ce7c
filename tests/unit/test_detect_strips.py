"""A page too large to detect at once is detected in overlapping strips: every line comes back
exactly once, whole, in page coordinates."""

from __future__ import annotations

import cv2
import numpy as np

from broadsheet.ocr import engine as ocr_engine
from broadsheet.ocr.engine import detect_lines


class BarDetector:
    """Boxes of the dark bars in whatever image it is given, like a detector on a strip."""

    name = "bars"

    def __init__(self) -> None:
        self.calls: list[tuple[int, int]] = []

    def detect(self, image: np.ndarray) -> list[tuple[int, int, int, int]]:
        self.calls.append(image.shape[:2])
        count, _, stats, _ = cv2.connectedComponentsWithStats((image[:, :, 0] < 128).astype(np.uint8))
        return [(int(x), int(y), int(x + w), int(y + h)) for x, y, w, h, _ in stats[1:count]]

    def recognize(self, crops):  # pragma: no cover - not used here
        return []


def test_strips_return_every_line_once_in_page_coordinates(monkeypatch):
    monkeypatch.setattr(ocr_engine, "MAX_DETECT_PIXELS", 400 * 300)
    page = np.full((1600, 400, 3), 255, np.uint8)
    bars = [(20, y, 380, y + 18) for y in range(10, 1580, 31)]  # "lines" every 31 px, some across strip edges
    for x0, y0, x1, y1 in bars:
        page[y0:y1, x0:x1] = 0
    detector = BarDetector()

    found = detect_lines(detector, page, overlap=60)

    assert len(detector.calls) > 1 and all(h * w <= 400 * 300 for h, w in detector.calls)
    assert sorted(found) == sorted(bars)


def test_a_page_within_the_limit_is_detected_whole():
    page = np.full((200, 300, 3), 255, np.uint8)
    page[50:70, 10:290] = 0
    detector = BarDetector()
    assert detect_lines(detector, page, overlap=60) == [(10, 50, 290, 70)]
    assert detector.calls == [(200, 300)]


def test_a_strip_too_wide_for_the_limit_is_cut_across_too(monkeypatch):
    """A page hundreds of thousands of px wide went to the detector whole, however many pixels."""
    monkeypatch.setattr(ocr_engine, "MAX_DETECT_PIXELS", 40 * 2000)
    page = np.full((40, 20_000, 3), 255, np.uint8)
    bars = [(x, 10, x + 50, 30) for x in range(7, 19_900, 77)]  # "words" along the strip, some across piece edges
    for x0, y0, x1, y1 in bars:
        page[y0:y1, x0:x1] = 0
    detector = BarDetector()

    found = detect_lines(detector, page, overlap=120)

    assert len(detector.calls) > 1
    assert all(h * w <= 40 * 2000 for h, w in detector.calls)
    assert sorted(found) == sorted(bars)
