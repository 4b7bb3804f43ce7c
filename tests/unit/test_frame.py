"""The working frame: any mix of quarter turns, skew and scale maps back to input pixels exactly."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from broadsheet.normalize.frame import PageFrame, WorkingPage


def marked_page(width: int = 600, height: int = 800) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    image = np.full((height, width, 3), 255, np.uint8)
    box = (400, 120, 460, 150)  # a dark bar off-centre, so every turn moves it somewhere else
    image[box[1]:box[3], box[0]:box[2]] = 0
    return image, box


@pytest.mark.parametrize("turns", [0, 1, 2, 3])
@pytest.mark.parametrize("angle, scale", [(0.0, 1.0), (1.5, 1.0), (0.0, 0.4), (-2.0, 2.5)])
def test_a_box_found_on_the_working_page_maps_back_onto_the_input(turns, angle, scale):
    image, box = marked_page()
    frame = PageFrame(image.shape[1], image.shape[0], turns, angle, scale)
    working = frame.warp(image)
    assert (working.shape[1], working.shape[0]) == frame.size
    ys, xs = np.nonzero(working[:, :, 0] < 128)
    found = (int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1)
    back = frame.to_input(found)
    tolerance = 2 + 2 / scale + abs(angle) * 0.6  # a rotated bar's corners widen its box
    assert all(abs(a - b) <= tolerance for a, b in zip(back, box)), (back, box)


def test_a_shrunk_page_is_read_from_the_input_at_its_own_resolution():
    image, box = marked_page()
    frame = PageFrame(image.shape[1], image.shape[0], 1, 0.0, 0.25)
    page = WorkingPage.make(image, frame)
    x0, y0, x1, y1 = (int(v * 0.25) for v in (120, 140, 160, 200))  # turned: the bar's area
    crop = page.pixels((x0, y0, x1, y1))
    assert crop.shape[0] == round((y1 - y0) * 4) and crop.shape[1] == round((x1 - x0) * 4)
    small = cv2.resize(crop, (x1 - x0, y1 - y0), interpolation=cv2.INTER_AREA)
    assert np.abs(small.astype(int) - page.image[y0:y1, x0:x1].astype(int)).mean() < 12


def test_an_enlarged_page_is_read_from_the_working_image():
    image, _ = marked_page()
    page = WorkingPage.make(image, PageFrame(image.shape[1], image.shape[0], 0, 0.0, 2.0))
    assert np.array_equal(page.pixels((10, 20, 50, 60)), page.image[20:60, 10:50])
