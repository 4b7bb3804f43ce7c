"""Seconds per page by stage, peak memory, and the ratio to rapidocr's own end-to-end call.

    python benchmarks/pipeline_speed.py [PAGES...]      (default: every fixture page)

Both are measured in the same run on the same pages, so the ratio holds even on a noisy machine.
Target: pipeline / raw OCR <= 1.3.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import cv2
from rapidocr import RapidOCR

from broadsheet.imageio import load_image
from broadsheet.pipeline import Pipeline

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=1, help="runs per page; the fastest counts")
    args = parser.parse_args()
    pages = args.pages or sorted(p for p in FIXTURES.iterdir() if p.suffix in (".jpg", ".png"))

    pipeline = Pipeline()
    raw = RapidOCR(params={"Global.log_level": "warning"})
    warm = load_image(pages[0])
    pipeline.process_image(warm)
    raw(cv2.cvtColor(warm, cv2.COLOR_RGB2BGR))

    print(f"{'page':<14}{'size':>11}{'layout':>8}{'ocr':>7}{'post':>7}{'total':>7}{'raw':>7}{'ratio':>7}")
    totals = [0.0, 0.0]
    for path in pages:
        image = load_image(path)
        best_stage, best_total, best_raw = None, float("inf"), float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            page = pipeline.process_image(image)
            elapsed = time.perf_counter() - start
            if elapsed < best_total:
                best_total, best_stage = elapsed, page.timings
            bgr = cv2.cvtColor(image, cv2.COLOR_RGB2BGR)
            start = time.perf_counter()
            raw(bgr)
            best_raw = min(best_raw, time.perf_counter() - start)
        totals[0] += best_total
        totals[1] += best_raw
        size = f"{image.shape[1]}x{image.shape[0]}"
        print(f"{path.stem:<14}{size:>11}{best_stage['layout']:>8.2f}{best_stage['ocr']:>7.2f}"
              f"{best_stage['postprocess']:>7.2f}{best_total:>7.2f}{best_raw:>7.2f}{best_total / best_raw:>7.2f}")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"all pages: pipeline {totals[0]:.1f} s, raw rapidocr {totals[1]:.1f} s, "
          f"ratio {totals[0] / totals[1]:.2f}; peak memory {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
