"""A scale ladder: a page with ground truth, made larger and smaller, truth boxes scaled with it.

Real scans come with body text from 7 px (web images) to 60 px (archival scans); a committed page
at one resolution stands for all of them once it is resampled at test time.
"""

from __future__ import annotations

import cv2
import numpy as np

from broadsheet.model import Page

RUNGS = (0.4, 0.6, 1.0, 1.5, 2.0)


def scaled_page(image: np.ndarray, truth: Page, factor: float) -> tuple[np.ndarray, Page]:
    """The image resampled by `factor` (area averaging down, cubic up) and its truth to match."""
    if factor == 1.0:
        return image, truth
    height, width = image.shape[:2]
    size = (max(1, round(width * factor)), max(1, round(height * factor)))
    resampled = cv2.resize(image, size, interpolation=cv2.INTER_AREA if factor < 1 else cv2.INTER_CUBIC)
    data = truth.to_dict()

    def scale(box: list[int]) -> list[int]:
        return [round(v * factor) for v in box]

    for region in data["regions"]:
        region["bbox"] = scale(region["bbox"])
        for line in region["lines"]:
            line["bbox"] = scale(line["bbox"])
    for item in data["articles"] + data["photos"]:
        item["bbox"] = scale(item["bbox"])
    data["width"], data["height"] = size
    return resampled, Page.from_dict(data)
