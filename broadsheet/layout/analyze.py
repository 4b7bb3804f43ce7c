"""Page layout from the page itself: text lines, rules, photos, column grid, headline sizes."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from broadsheet.layout.deskew import Deskew, deskew_page
from broadsheet.model import Line, Region, RegionType
from broadsheet.ocr import OcrEngine


@dataclass
class PageLayout:
    image: np.ndarray  # the deskewed page the boxes refer to
    deskew: Deskew  # maps deskewed boxes back to input-image pixels
    regions: list[Region] = field(default_factory=list)

    def text_lines(self) -> list[Line]:
        return [line for region in self.regions for line in region.lines]


def analyze(image: np.ndarray, engine: OcrEngine, deskew: bool = True) -> PageLayout:
    straight, correction = deskew_page(image) if deskew else (image, Deskew.identity(image))
    boxes = engine.detect(straight)
    regions = [
        Region(id=f"r{i + 1}", type=RegionType.TEXT, bbox=box, lines=[Line("", box, 0.0)])
        for i, box in enumerate(boxes)
    ]
    return PageLayout(straight, correction, regions)
