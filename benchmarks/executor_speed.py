"""Pages per minute of `batch` on each executor (local, ray, dask) at 1 and 2 workers, in one run,
with the overhead of each against `local` at the same worker count, and seconds per page against
rapidocr's own end-to-end call on the same images.

    python benchmarks/executor_speed.py [PAGES...] [--workers 1 2] [--executors local ray dask]

Every fixture page by default. A run's wall time includes what a user waits for: starting the
local cluster (ray, dask) and loading the models on each worker; "page s" is the mean time a worker
spent on a page (reading, the pipeline, writing), which excludes both.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # this checkout's broadsheet, not the one the environment installed

import cv2  # noqa: E402
from fixture_pages import page_paths  # noqa: E402
from rapidocr import RapidOCR  # noqa: E402

from broadsheet.batch import PageOutcome, run_batch  # noqa: E402
from broadsheet.executors import EXECUTORS, ExecutorSpec  # noqa: E402
from broadsheet.imageio import load_image  # noqa: E402


class PageTimes:
    """Collects each page's worker-side seconds; the batch reporter interface."""

    def __init__(self) -> None:
        self.seconds: list[float] = []

    def start(self, to_do: int, skipped: int) -> None:
        pass

    def page(self, outcome: PageOutcome) -> None:
        if outcome.failed:
            print(outcome.line, file=sys.stderr)
        self.seconds.append(outcome.seconds)

    def warning(self, line: str) -> None:
        print(line, file=sys.stderr)


def timed_run(pages: Path, out: Path, spec: ExecutorSpec) -> tuple[float, list[float]]:
    times = PageTimes()
    start = time.perf_counter()
    run_batch(pages, out, force=True, executor=spec, reporter=times)
    return time.perf_counter() - start, times.seconds


def raw_seconds(paths: list[Path]) -> float:
    """rapidocr's own call on each page, after one warm-up call: seconds per page."""
    raw = RapidOCR(params={"Global.log_level": "warning"})
    images = [cv2.cvtColor(load_image(p), cv2.COLOR_RGB2BGR) for p in paths]
    raw(images[0])
    start = time.perf_counter()
    for image in images:
        raw(image)
    return (time.perf_counter() - start) / len(images)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", help="fixture page names or image paths (default: every fixture)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--executors", nargs="+", choices=EXECUTORS, default=list(EXECUTORS))
    args = parser.parse_args()
    paths = page_paths(args.pages)

    with tempfile.TemporaryDirectory() as tmp:
        pages = Path(tmp, "in")
        pages.mkdir()
        for path in paths:
            shutil.copy(path, pages / path.name)
        print(f"{len(paths)} pages; {'executor':<10}{'workers':>8}{'wall s':>9}{'pages/min':>11}"
              f"{'page s':>8}{'overhead':>10}")
        local_wall: dict[int, float] = {}
        page_seconds: dict[int, float] = {}  # local, by workers
        for workers in args.workers:
            for kind in args.executors:
                wall, seconds = timed_run(pages, Path(tmp, f"out-{kind}-{workers}"), ExecutorSpec(kind, workers))
                if kind == "local":
                    local_wall[workers] = wall
                    page_seconds.setdefault(workers, sum(seconds) / len(seconds))
                base = local_wall.get(workers)
                overhead = f"{(wall / base - 1) * 100:+.0f}%" if base and kind != "local" else "--"
                print(f"{'':<{len(str(len(paths))) + 8}}{kind:<10}{workers:>8}{wall:>9.1f}"
                      f"{len(paths) * 60 / wall:>11.1f}{sum(seconds) / len(seconds):>8.2f}{overhead:>10}", flush=True)
    raw = raw_seconds(paths)
    print(f"raw rapidocr: {raw:.2f} s per page (one process, all cores)")
    if 1 in page_seconds:
        print(f"local, 1 worker: {page_seconds[1]:.2f} s per page, {page_seconds[1] / raw:.2f}x raw rapidocr")
    return 0


if __name__ == "__main__":
    sys.exit(main())
