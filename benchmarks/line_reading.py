"""Line CER of the recognisers alone, on the truth's own line boxes of kept random pages.

    python benchmarks/line_reading.py DIR [--seeds 40-139] [--lines 40] [--engine rapidocr --engine tesseract:eng]
                                          [--rec-model PATH.onnx]

DIR is a `random_pages.py --keep DIR` folder (randN.json truth and image). Each page is made into
its working page as normalize makes it (text size, scale, skew); each horizontal text line of the
truth, its box tightened to its ink, is cut as the pipeline cuts it (`line_crop`, the same margin,
neighbours papered over) and read by each engine (default: rapidocr and, on Latin pages,
tesseract:eng). Layout plays no part: a page whose line CER matches its reading CER loses nothing
to layout. Line CER ignores spaces as the evaluator does; "spaced" keeps one space per blank.
Seconds a page, not minutes: the way to try what the recogniser needs before a whole-page run.

`--rec-model` adds a recogniser from a PP-OCR rec ONNX file with its character list inside (the
PP-OCRv4 model of the `rapidocr_onnxruntime` wheel, say), read by rapidocr as the bundled one is.
With two readers or more, each row also gives "surest": each line as read by the first reader,
or by another that is surer of it (a fallback by confidence), and "best": each line from whichever
reader read it best (what no choice by confidence can beat).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import cv2
import numpy as np
from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from missed_text import seeds_of  # noqa: E402

from broadsheet.evaluate.text import EditCounts, char_counts  # noqa: E402
from broadsheet.imageio import load_image  # noqa: E402
from broadsheet.model import EngineInfo, Line  # noqa: E402
from broadsheet.normalize import upright_frame  # noqa: E402
from broadsheet.normalize.frame import WorkingPage  # noqa: E402
from broadsheet.ocr import get_engine  # noqa: E402
from broadsheet.ocr.engine import OcrEngine, line_crop, neighbour_limits  # noqa: E402
from broadsheet.ocr.rapid import RapidDetector  # noqa: E402

# A truth box is the line's whole slot (leading included), so it holds the blurred feet and tops
# of its neighbours: rows with at least this share of the inkiest row's ink, run together around
# it, are the line's own.
ROW_INK_SHARE = 0.12


def working_page(image: np.ndarray) -> WorkingPage:
    return WorkingPage.make(image, upright_frame(cv2.cvtColor(image, cv2.COLOR_RGB2GRAY))[0])


def ink_box(gray: np.ndarray, box: tuple[int, int, int, int]) -> tuple[int, int, int, int] | None:
    """The rows around the box's inkiest row that hold the line's own ink, and their inked columns."""
    x0, y0, x1, y1 = max(0, box[0]), max(0, box[1]), box[2], box[3]
    part = gray[y0:y1, x0:x1]
    if part.size == 0:
        return None
    _, ink = cv2.threshold(part, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    rows = ink.sum(axis=1)
    if rows.max() == 0:
        return None
    inked = rows >= ROW_INK_SHARE * rows.max()
    top = bottom = int(np.argmax(rows))
    while top > 0 and inked[top - 1]:
        top -= 1
    while bottom < len(inked) - 1 and inked[bottom + 1]:
        bottom += 1
    columns = np.flatnonzero(ink[top:bottom + 1].any(axis=0))
    return x0 + int(columns[0]), y0 + top, x0 + int(columns[-1]) + 1, y0 + bottom + 1


def truth_lines(truth: dict, page: WorkingPage, most: int) -> tuple[list[Line], list[str]]:
    """Up to `most` horizontal text lines of the truth, spread over the page, in working pixels."""
    gray = cv2.cvtColor(page.image, cv2.COLOR_RGB2GRAY)
    matrix = page.frame.matrix()
    lines, texts = [], []
    for region in truth["regions"]:
        for line in region["lines"] if region["type"] == "text" else []:
            if line.get("direction", "horizontal-lr") != "horizontal-lr" or not line["text"].strip():
                continue
            x0, y0, x1, y1 = line["bbox"]
            corners = np.array([[x0, y0, 1], [x1, y0, 1], [x1, y1, 1], [x0, y1, 1]], float) @ matrix.T
            lo, hi = np.floor(corners[:, :2].min(axis=0)), np.ceil(corners[:, :2].max(axis=0))
            box = ink_box(gray, (int(lo[0]), int(lo[1]), int(hi[0]), int(hi[1])))
            if box is not None:
                lines.append(Line("", box, 0.0))
                texts.append(line["text"])
    if len(lines) <= most:
        return lines, texts
    keep = np.unique(np.linspace(0, len(lines) - 1, most).round().astype(int))
    return [lines[k] for k in keep], [texts[k] for k in keep]


class FileRecognizer:
    """A PP-OCR recognition model from a file, run by rapidocr like the bundled one."""

    def __init__(self, path: Path) -> None:
        from rapidocr import RapidOCR
        from rapidocr.ch_ppocr_rec import TextRecInput

        self._input = TextRecInput
        self._model = RapidOCR(params={"Global.log_level": "warning", "Rec.model_path": str(path)})._load_rec_model()
        self.info = EngineInfo("recognition", "rapidocr", "", path.name, [])

    def recognize(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        result = self._model(self._input(img=[np.ascontiguousarray(c[:, :, ::-1]) for c in crops]))
        return [(t, float(s)) for t, s in zip(result.txts, result.scores)]


def spaced(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("keep", type=Path, help="a --keep folder: randN.json and its image")
    parser.add_argument("--seeds", help="e.g. 40-99,120 (default: every page in DIR)")
    parser.add_argument("--lines", type=int, default=40, help="lines a page, spread over it")
    parser.add_argument("--engine", action="append", help="engines to read with (repeatable)")
    parser.add_argument("--rec-model", type=Path, action="append", default=[],
                        help="also read with this PP-OCR rec ONNX file (repeatable)")
    args = parser.parse_args()
    if not args.keep.is_dir():
        parser.error(f"no such folder: {args.keep}")
    if missing := [str(path) for path in args.rec_model if not path.is_file()]:
        parser.error(f"no such model file: {', '.join(missing)}")
    seeds = seeds_of(args.seeds) if args.seeds else sorted(
        int(p.stem[4:]) for p in args.keep.glob("rand*.json") if p.stem[4:].isdigit())
    names = args.engine or ["rapidocr", "tesseract:eng"]
    engines = {name: get_engine(name) for name in names}
    for path in args.rec_model:
        engines[path.stem] = OcrEngine(path.stem, RapidDetector(), FileRecognizer(path))
    for seed in seeds:
        images = [p for p in args.keep.glob(f"rand{seed}.*") if p.suffix != ".json"]
        if not images:
            continue
        truth = json.loads((args.keep / f"rand{seed}.json").read_text(encoding="utf-8"))
        page = working_page(load_image(images[0]))
        lines, texts = truth_lines(truth, page, args.lines)
        latin = truth.get("script") == "Latn"
        row = [f"seed {seed:<4} scale {page.frame.scale:.2f} {len(lines):3d} lines"]
        readings = {}
        for name, engine in engines.items():
            if name.startswith("tesseract") and not latin:
                continue
            paper_margin = getattr(engine.recognizer, "paper_margin", False)
            crops = [line_crop(page.pixels, line, paper_margin, between)
                     for line, between in zip(lines, neighbour_limits(lines))]
            readings[name] = engine.recognize(crops)
        if len(readings) > 1:
            readers = list(readings.values())
            # max and min keep the first of equals: the first reader's own line
            readings["surest"] = [max((r[k] for r in readers), key=lambda read: read[1]) for k in range(len(texts))]
            readings["best"] = [min((char_counts(r[k][0], gold).errors, n, r[k]) for n, r in enumerate(readers))[2]
                                for k, gold in enumerate(texts)]
        for name, read in readings.items():
            counts = sum((char_counts(text, gold) for (text, _), gold in zip(read, texts)), EditCounts())
            errors = sum(Levenshtein.distance(spaced(text), spaced(gold)) for (text, _), gold in zip(read, texts))
            length = max(1, sum(len(spaced(gold)) for gold in texts))
            confidence = float(np.mean([c for _, c in read])) if read else 0.0
            row.append(f"{name} CER {counts.rate:.3f} spaced {errors / length:.3f} confidence {confidence:.2f}")
        print(" | ".join(row), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
