"""Seconds per page by stage, peak memory, and the ratio to rapidocr's own end-to-end call.

    python benchmarks/pipeline_speed.py [PAGES...] [--repeat N]     every fixture page by default
    python benchmarks/pipeline_speed.py --ladder page_c             one page at 0.4x ... 2x
    python benchmarks/pipeline_speed.py --engine rapidocr --engine rapidocr:openvino   both runtimes

Both are measured in the same run on the same images, so the ratio holds even on a noisy machine;
"raw" is rapidocr's own call on the same runtime as the engine (OpenVINO for rapidocr:openvino).
Stages: scale (text size estimate), deskew (skew estimate and the working page's resample),
detect (text lines and orientation check), layout, ocr, postprocess.
Target: pipeline / raw OCR <= 1.3 (issue 7: scale normalisation within 20% of the old pipeline at 1x).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # this checkout's broadsheet, not the one the environment installed

import cv2  # noqa: E402
import numpy as np  # noqa: E402
from fixture_pages import fixture, page_paths  # noqa: E402
from rapidocr import EngineType, RapidOCR  # noqa: E402

from broadsheet.evaluate.ladder import RUNGS, scaled_page  # noqa: E402
from broadsheet.imageio import load_image  # noqa: E402
from broadsheet.model import Page  # noqa: E402
from broadsheet.pipeline import Pipeline  # noqa: E402

STAGES = ("scale", "deskew", "detect", "layout", "ocr", "postprocess")


def best_of(repeat: int, pipeline: Pipeline, raw: RapidOCR, image: np.ndarray) -> tuple[dict, float, float]:
    """(stage seconds, pipeline seconds, raw rapidocr seconds): the fastest of `repeat` runs."""
    best_stages, best_total, best_raw = {}, float("inf"), float("inf")
    bgr = cv2.cvtColor(image, cv2.COLOR_RGB2BGR)
    for _ in range(repeat):
        start = time.perf_counter()
        page = pipeline.process_image(image)
        elapsed = time.perf_counter() - start
        if elapsed < best_total:
            best_total, best_stages = elapsed, page.timings
        start = time.perf_counter()
        raw(bgr)
        best_raw = min(best_raw, time.perf_counter() - start)
    return best_stages, best_total, best_raw


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", help="fixture page names or image paths (default: every fixture)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per page; the fastest counts")
    parser.add_argument("--ladder", metavar="NAME", help="one fixture page at every rung of the scale ladder")
    parser.add_argument("--engine", action="append", metavar="NAME",
                        help="rapidocr (default) or rapidocr:openvino; repeat to compare in one run")
    args = parser.parse_args()

    if args.ladder:
        path = fixture(args.ladder)
        image, truth = load_image(path), Page(0, 0)
        images = [(f"{path.stem} x{f}", scaled_page(image, truth, f)[0]) for f in RUNGS]
    else:
        paths = page_paths(args.pages)
        images = [(p.stem, load_image(p)) for p in paths]

    for engine in args.engine or ["rapidocr"]:
        measure(engine, images, args.repeat)
    return 0


def measure(engine: str, images: list[tuple[str, np.ndarray]], repeat: int) -> None:
    pipeline = Pipeline(engine)
    runtime = EngineType(engine.partition(":")[2] or "onnxruntime")
    raw = RapidOCR(params={"Global.log_level": "warning", "Det.engine_type": runtime, "Rec.engine_type": runtime})
    pipeline.process_image(images[0][1])  # warm both up: first calls load and tune the models
    raw(cv2.cvtColor(images[0][1], cv2.COLOR_RGB2BGR))

    print(f"{engine}\n{'page':<16}{'size':>11}" + "".join(f"{s[:6]:>8}" for s in STAGES)
          + f"{'total':>8}{'raw':>7}{'ratio':>7}")
    totals = [0.0, 0.0]
    for name, image in images:
        stages, total, raw_seconds = best_of(repeat, pipeline, raw, image)
        totals[0] += total
        totals[1] += raw_seconds
        size = f"{image.shape[1]}x{image.shape[0]}"
        print(f"{name:<16}{size:>11}" + "".join(f"{stages.get(s, 0.0):>8.2f}" for s in STAGES)
              + f"{total:>8.2f}{raw_seconds:>7.2f}{total / raw_seconds:>7.2f}")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"all: pipeline {totals[0]:.1f} s, raw rapidocr {totals[1]:.1f} s, "
          f"ratio {totals[0] / totals[1]:.2f}; peak memory so far {peak_mb:.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
