"""Layout stage: the working page and its detected text lines in, typed regions out.

`LayoutAnalyzer` is the seam: the default `GeometricLayout` reads the page's column grid, rules,
photos and type sizes; a learned detector can take its place without touching postprocess.
"""

from __future__ import annotations

from typing import Protocol

import numpy as np

from broadsheet.layout.structure import GeometricLayout, PageLayout
from broadsheet.model import BBox


class LayoutAnalyzer(Protocol):
    def analyze(self, image: np.ndarray, boxes: list[BBox]) -> PageLayout:
        """`image`: the working page (RGB); `boxes`: its detected text lines."""


__all__ = ["GeometricLayout", "LayoutAnalyzer", "PageLayout"]
