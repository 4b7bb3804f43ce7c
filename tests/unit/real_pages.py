"""Real scans' detector boxes, recorded once, so that layout passes are tested on real pages in the
unit layer; and the publishers' truth they are held to: which of our lines merge two columns.

The scans stay in `../shared/realpages/` (never copied here; `BROADSHEET_REAL_PAGES` names
another folder): a test on them skips when the folder is absent. Re-record (about a minute) with

    python tests/unit/real_pages.py            # every recorded page
    python tests/unit/real_pages.py NAME       # some
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict
from pathlib import Path

import cv2
import numpy as np
import pytest
from lxml import etree

from broadsheet.imageio import load_image
from broadsheet.model import BBox
from broadsheet.normalize import PageFrame, WorkingPage

RECORDED = Path(__file__).resolve().parent / "recorded" / "real"
FOLDER = Path(os.environ.get("BROADSHEET_REAL_PAGES", Path(__file__).resolve().parents[3] / "shared" / "realpages"))
SCANS = {"czech_news_1b8adb50": "jpg", "czech_ads_6ab93746": "jpg", "nordstern_18780103_p11": "jpg",
         "pionier_18880121_p02": "png", "kolonie_18630131_p04": "png", "star_19201115": "jpg"}


def scan(name: str) -> Path:
    path = FOLDER / f"{name}.{SCANS[name]}"
    if not path.is_file():
        pytest.skip(f"{path} is absent: the real pages are not in this checkout's ../shared/realpages "
                    "(set BROADSHEET_REAL_PAGES)")
    return path


def working_page(name: str) -> tuple[WorkingPage, list[BBox]]:
    """The working page as normalize made it, and the detector's boxes on it."""
    data = json.loads((RECORDED / f"{name}.json").read_text(encoding="utf-8"))
    frame = PageFrame(**data["frame"])
    return WorkingPage.make(load_image(scan(name)), frame), [tuple(box) for box in data["boxes"]]


def record(names: list[str]) -> None:
    from broadsheet.normalize import normalize_page
    from broadsheet.ocr import get_engine

    engine = get_engine()
    RECORDED.mkdir(parents=True, exist_ok=True)
    for name in names:
        normalized = normalize_page(load_image(scan(name)), engine)
        data = {"frame": asdict(normalized.page.frame), "boxes": [list(box) for box in normalized.boxes]}
        (RECORDED / f"{name}.json").write_text(json.dumps(data), encoding="utf-8")
        print(name, len(normalized.boxes), "boxes")


# --- the truth --------------------------------------------------------------------------------

def _elements(root: etree._Element, tag: str) -> list[etree._Element]:
    return [e for e in root.iter() if isinstance(e.tag, str) and etree.QName(e).localname == tag]


def _polygon(element: etree._Element) -> np.ndarray:
    coords = _elements(element, "Coords")[0].get("points")
    return np.array([[int(v) for v in point.split(",")] for point in coords.split()])


def truth_lines(name: str, width: int) -> list[tuple[int, BBox]]:
    """(block number, line box in input pixels) of every line of a text-line truth (ALTO, PERO)."""
    alto = FOLDER / f"{name}.alto.xml"
    lines = []
    if alto.is_file():
        root = etree.parse(str(alto)).getroot()
        k = width / float(_elements(root, "Page")[0].get("WIDTH"))  # inch1200 -> pixels
        for number, block in enumerate(_elements(root, "TextBlock")):
            for line in _elements(block, "TextLine"):
                x, y, w, h = (float(line.get(a)) * k for a in ("HPOS", "VPOS", "WIDTH", "HEIGHT"))
                lines.append((number, (round(x), round(y), round(x + w), round(y + h))))
        return lines
    root = etree.parse(str(FOLDER / f"{name}.page.xml")).getroot()
    for number, region in enumerate(_elements(root, "TextRegion")):
        for line in _elements(region, "TextLine"):
            points = _polygon(line)
            lines.append((number, (*points.min(axis=0).tolist(), *points.max(axis=0).tolist())))
    return lines


def merges_lines(box: BBox, truth: list[tuple[int, BBox]]) -> bool:
    """The box runs over lines of two truth blocks that stand side by side."""
    x0, y0, x1, y1 = box
    hits = []
    for number, (tx0, ty0, tx1, ty1) in truth:
        if min(y1, ty1) - max(y0, ty0) < 0.5 * min(y1 - y0, ty1 - ty0):
            continue
        if min(x1, tx1) - max(x0, tx0) >= min(y1 - y0, 0.5 * (tx1 - tx0)):
            hits.append((number, tx0, tx1))
    return any(a[0] != b[0] and (a[2] <= b[1] or b[2] <= a[1]) for a in hits for b in hits)


class RegionTruth:
    """Hand-drawn text regions and separators (GBN's PAGE): a line overlapping two regions side by
    side by a character each, or crossing a vertical separator, merged columns."""

    SCALE = 4  # the truth drawn at a quarter of the scan's size

    def __init__(self, name: str, width: int, height: int) -> None:
        root = etree.parse(str(FOLDER / f"{name}.page.xml")).getroot()
        self.labels = np.zeros((height // self.SCALE + 1, width // self.SCALE + 1), np.int32)
        for number, region in enumerate(_elements(root, "TextRegion"), 1):
            cv2.fillPoly(self.labels, [_polygon(region) // self.SCALE], number)
        self.rules = np.zeros(self.labels.shape, np.uint8)
        for separator in _elements(root, "SeparatorRegion"):
            points = _polygon(separator)
            if np.ptp(points[:, 1]) > 3 * np.ptp(points[:, 0]):  # vertical
                cv2.fillPoly(self.rules, [points // self.SCALE], 1)

    def merges(self, box: BBox) -> bool:
        x0, y0, x1, y1 = (v // self.SCALE for v in box)
        height = max(1, y1 - y0)
        middle = slice(max(0, (y0 + y1) // 2 - height // 4), (y0 + y1) // 2 + height // 4 + 1)
        band = self.labels[middle, x0:x1]
        numbers, counts = np.unique(band[band > 0], return_counts=True)
        regions = sum(1 for count in counts if count >= height * band.shape[0])  # a character's width
        rule_at = np.flatnonzero(self.rules[middle, x0:x1].any(axis=0))
        return regions >= 2 or bool(((rule_at > height) & (rule_at < x1 - x0 - height)).any())


if __name__ == "__main__":
    record(sys.argv[1:] or sorted(SCANS))
