"""The text size pass measures the same text at every resolution, in a few tens of milliseconds."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image

from broadsheet.normalize import working_scale
from broadsheet.normalize.skew import estimate_skew
from broadsheet.normalize.textsize import estimate_text_size

PAGES = Path(__file__).resolve().parents[2] / "fixtures" / "pages"


def body_height(name: str) -> float:
    """Median ink height of the truth's body lines."""
    truth = json.loads((PAGES / f"{name}.json").read_text(encoding="utf-8"))
    heights = [line["bbox"][3] - line["bbox"][1] for region in truth["regions"] if region["type"] == "text"
               for line in region["lines"]]
    return float(np.median(heights))


@pytest.mark.parametrize("name", ["page_c", "sample_b", "page_e"])
@pytest.mark.parametrize("factor", [0.4, 1.0, 2.0])
def test_text_size_follows_the_page_scale(name, factor):
    gray = np.asarray(Image.open(next(PAGES.glob(f"{name}.*[gp]"))).convert("L"))
    if factor != 1.0:
        gray = cv2.resize(gray, None, fx=factor, fy=factor,
                          interpolation=cv2.INTER_AREA if factor < 1 else cv2.INTER_CUBIC)
    measured = estimate_text_size(gray)
    # truth boxes of skewed lines are a little taller than their ink
    assert 0.75 <= measured / (body_height(name) * factor) <= 1.25


def test_a_blank_page_has_no_text_size():
    assert estimate_text_size(np.full((500, 400), 240, np.uint8)) is None


@pytest.mark.parametrize("size, scale", [(None, 1.0), (16.0, 1.0), (7.0, 2.0), (36.0, 0.5)])
def test_working_scale_brings_text_into_the_band(size, scale):
    assert working_scale(size) == pytest.approx(scale)


def line_strip(long_side: int, across: bool) -> np.ndarray:
    """A body line of page_c on 8 px of paper above and below, repeated along a strip of the given
    length: across (one line of a page 100000 px wide), or down (a column two characters wide)."""
    gray = np.asarray(Image.open(PAGES / "page_c.jpg").convert("L"))
    x0, y0, x1, y1 = 241, 819, 409, 842  # a line of page_c's truth
    line = gray[y0 - 1:y1 + 1, x0:x1] if across else gray[y0 - 1:y1 + 1, x0:x0 + 48]
    line = np.pad(line, ((8, 8), (0, 0)), constant_values=int(np.median(line)))
    copies = -(-long_side // (line.shape[1] if across else line.shape[0]))
    strip = np.tile(line, (1, copies)) if across else np.tile(line, (copies, 1))
    return np.ascontiguousarray(strip[:, :long_side] if across else strip[:long_side])


@pytest.mark.parametrize("across", [True, False])
def test_long_strips_are_measured_at_their_own_size(across):
    """Shrunk by its long side, a 100000 px strip was a row of one pixel: no text, or an OpenCV
    assertion in the skew pass."""
    strip = line_strip(100_000, across)
    assert estimate_skew(strip) == 0.0
    assert 0.75 <= estimate_text_size(strip) / body_height("page_c") <= 1.25
