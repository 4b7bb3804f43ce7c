"""Text lost silently: stretches of the truth's lines that no predicted line covers, where the page
has ink, over pages kept by `random_pages.py --keep DIR --formats json`.

    python benchmarks/missed_text.py DIR [--seeds 0-39] [--list]

A misread character still has a line over it; what this counts is ink the layout put in no line at
all (the detector never boxed it, or a pass dropped it), so no engine can ever read it. The
characters lost are estimated from the share of the truth line's length left uncovered.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np

# A predicted line's box is tight to its ink, the truth's is the type's body: a stretch is lost
# only when it is at least this many characters (line heights) long and holds ink
MIN_LOST = 0.8
SLACK = 0.15  # of the line's height, added round each predicted box (ink-tight against type-body boxes)
SAME_LINE = 0.5  # of the smaller height two boxes must share to lie on one line
INK_PIXELS = 0.02  # of a lost stretch's area that must be ink: paper between words is not text


@dataclass
class Lost:
    text: str  # the truth's characters in the stretch, estimated by position
    chars: int
    whole: bool  # the whole line


@dataclass
class PageLoss:
    name: str
    chars: int  # the truth's characters, photos aside
    lost: list[Lost] = field(default_factory=list)

    @property
    def lost_chars(self) -> int:
        return sum(item.chars for item in self.lost)


def _lines(page: dict, with_text: bool) -> list[dict]:
    return [line for region in page["regions"] if region["type"] != "photo" for line in region["lines"]
            if not with_text or line["text"].strip()]


def _uncovered(span: tuple[int, int], covers: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The parts of `span` no interval of `covers` reaches."""
    gaps, position = [], float(span[0])
    for a, b in sorted(covers):
        if a > position:
            gaps.append((position, min(a, span[1])))
        position = max(position, b)
        if position >= span[1]:
            break
    if position < span[1]:
        gaps.append((position, float(span[1])))
    return [(a, b) for a, b in gaps if b > a]


def page_loss(truth: dict, pred: dict, ink: np.ndarray, name: str) -> PageLoss:
    predicted = _lines(pred, with_text=False)
    result = PageLoss(name, 0)
    for line in _lines(truth, with_text=True):
        text = re.sub(r"\s+", "", line["text"])
        result.chars += len(text)
        x0, y0, x1, y1 = line["bbox"]
        vertical = line.get("direction") == "vertical-rl"
        # along: the axis the text runs on; across: the other one
        along, across = ((y0, y1), (x0, x1)) if vertical else ((x0, x1), (y0, y1))
        size = across[1] - across[0]
        covers = []
        for other in predicted:
            ox0, oy0, ox1, oy1 = other["bbox"]
            o_along, o_across = ((oy0, oy1), (ox0, ox1)) if vertical else ((ox0, ox1), (oy0, oy1))
            shared = min(across[1], o_across[1]) - max(across[0], o_across[0])
            if shared >= SAME_LINE * min(size, o_across[1] - o_across[0]):
                covers.append((o_along[0] - SLACK * size, o_along[1] + SLACK * size))
        length = max(1, along[1] - along[0])
        for a, b in _uncovered(along, covers):
            if b - a < MIN_LOST * size:
                continue
            ia, ib = int(a), int(np.ceil(b))
            patch = ink[ia:ib, x0:x1] if vertical else ink[y0:y1, ia:ib]
            if patch.size == 0 or np.count_nonzero(patch) < INK_PIXELS * patch.size:
                continue
            first, last = round(len(text) * (a - along[0]) / length), round(len(text) * (b - along[0]) / length)
            piece = text[first:last]
            if piece:
                result.lost.append(Lost(piece, len(piece), b - a >= length - 1))
    return result


def ink_of(image_path: Path) -> np.ndarray:
    gray = cv2.imread(str(image_path), cv2.IMREAD_GRAYSCALE)
    _, ink = cv2.threshold(gray, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return ink


def seeds_of(spec: str) -> list[int]:
    seeds: list[int] = []
    for part in spec.split(","):
        low, _, high = part.partition("-")
        seeds += list(range(int(low), int(high or low) + 1))
    return seeds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("keep", type=Path, help="a --keep folder: randN.json and image, pred/randN.json")
    parser.add_argument("--seeds", help="e.g. 0-39,50 (default: every page with a prediction)")
    parser.add_argument("--list", action="store_true", help="print every lost stretch")
    args = parser.parse_args()
    preds = sorted(args.keep.glob("pred/*.json"), key=lambda p: int(re.sub(r"\D", "", p.stem) or 0))
    if args.seeds:
        wanted = {f"rand{s}" for s in seeds_of(args.seeds)}
        preds = [p for p in preds if p.stem in wanted]
    if not preds:
        print(f"no predictions in {args.keep / 'pred'}")
        return 1
    pages = []
    for pred_path in preds:
        truth_path = args.keep / pred_path.name
        images = [p for p in args.keep.glob(pred_path.stem + ".*") if p.suffix != ".json"]
        if not truth_path.exists() or not images:
            continue
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        pred = json.loads(pred_path.read_text(encoding="utf-8"))
        pages.append(page_loss(truth, pred, ink_of(images[0]), pred_path.stem))
    lossy = [p for p in pages if p.lost]
    total, lost = sum(p.chars for p in pages), sum(p.lost_chars for p in pages)
    for page in sorted(lossy, key=lambda p: -p.lost_chars):
        whole = sum(item.whole for item in page.lost)
        print(f"{page.name:<9} {page.lost_chars:>4} of {page.chars} chars lost in {len(page.lost)} stretches "
              f"({whole} whole lines)")
        if args.list:
            for item in page.lost:
                print(f"    {'line ' if item.whole else 'part '}{item.text}")
    print(f"{len(lossy)} of {len(pages)} pages lose text; {lost} of {total} characters ({lost / max(1, total):.2%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
