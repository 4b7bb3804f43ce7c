"""NAME.overlay.jpg: region fills in their type colour, legend in the corner."""

from __future__ import annotations

import numpy as np
import pytest
from export_helpers import GREY, grey_image, handmade_page, page_and_image, pages_under_test
from PIL import Image

from broadsheet.export import overlay
from broadsheet.model import RegionType


def _patch(img: np.ndarray, x: float, y: float, r: int = 2) -> np.ndarray:
    x, y = int(round(x)), int(round(y))
    return np.median(img[y - r:y + r + 1, x - r:x + r + 1].reshape(-1, 3), axis=0)


def test_overlay_colours_and_legend(tmp_path):
    page = handmade_page()
    page.width, page.height = 3200, 4266  # bigger than the target: exercises the shrink
    scale = 3200 / 1200
    for region in page.regions:
        region.bbox = tuple(round(v * scale) for v in region.bbox)
    for item in page.articles + page.photos:
        item.bbox = tuple(round(v * scale) for v in item.bbox)
    path = overlay.write(page, grey_image(page), tmp_path, "h")[0]
    assert path.name == "h.overlay.jpg"
    out = np.asarray(Image.open(path).convert("RGB")).astype(float)
    assert out.shape[1] == overlay.TARGET_WIDTH
    s = out.shape[1] / page.width

    def expected(region_type):
        colour = np.array(overlay.PALETTE[region_type], float)
        return (1 - overlay.FILL_ALPHA) * GREY + overlay.FILL_ALPHA * colour

    checked = 0
    for region in page.regions:
        if region.type not in (RegionType.PHOTO, RegionType.TEXT, RegionType.TITLE):
            continue
        x0, y0, x1, y1 = (v * s for v in region.bbox)
        # quarter points: clear of the centre, where arrows and caption links end
        samples = [_patch(out, x0 + (x1 - x0) * fx, y0 + (y1 - y0) * fy)
                   for fx in (0.25, 0.75) for fy in (0.25, 0.75)]
        got = np.median(samples, axis=0)
        assert np.abs(got - expected(region.type)).max() < 14, (region.id, got, expected(region.type))
        checked += 1
    assert checked >= 4
    # outside every region the page is untouched
    assert np.abs(_patch(out, 1100 * s, 1700 * s) - GREY).max() < 8

    assert set(overlay.PALETTE) == set(RegionType)  # every type has its colour and legend entry
    frame, swatches = overlay.legend_boxes(out.shape[1])
    assert np.abs(_patch(out, frame[0] + 3, frame[3] - 3, 1) - 255).max() < 20  # white frame
    for region_type, box in swatches.items():
        centre = _patch(out, (box[0] + box[2]) / 2, (box[1] + box[3]) / 2, 2)
        assert np.abs(centre - overlay.PALETTE[region_type]).max() < 30, region_type


@pytest.mark.parametrize("key", pages_under_test())
def test_overlay_photo_blend_on_real_page(key, tmp_path):
    page, image = page_and_image(key)
    out = np.asarray(Image.open(overlay.write(page, image, tmp_path, key)[0]).convert("RGB")).astype(float)
    s = out.shape[1] / page.width
    assert out.shape[1] == min(overlay.TARGET_WIDTH, page.width)
    assert abs(out.shape[0] - page.height * s) <= 1
    small = np.asarray(Image.fromarray(image).resize((out.shape[1], out.shape[0]), Image.LANCZOS)).astype(float)
    colour = np.array(overlay.PALETTE[RegionType.PHOTO], float)
    for region in page.regions:
        if region.type != RegionType.PHOTO:
            continue
        x0, y0, x1, y1 = (v * s for v in region.bbox)
        x, y = x0 + (x1 - x0) * 0.25, y0 + (y1 - y0) * 0.25
        want = (1 - overlay.FILL_ALPHA) * _patch(small, x, y) + overlay.FILL_ALPHA * colour
        assert np.abs(_patch(out, x, y) - want).max() < 25, region.id
