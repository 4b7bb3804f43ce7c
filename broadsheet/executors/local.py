"""The default executor: N spawned worker processes on this machine, or this process alone."""

from __future__ import annotations

import signal
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import get_context
from typing import TYPE_CHECKING

from broadsheet.executors import threads_per_worker
from broadsheet.options import PipelineOptions
from broadsheet.tasks import PageOutcome, PageTask, run_page

if TYPE_CHECKING:
    from broadsheet.pipeline import Pipeline

_worker_pipeline: Pipeline | None = None  # one per worker process, built by its initializer


def _init_worker(options: PipelineOptions, threads: int) -> None:
    # The parent decides when to stop (Ctrl-C reaches the whole process group; service managers
    # may SIGTERM it): a worker always finishes its page so no output is cut short.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    global _worker_pipeline
    _worker_pipeline = build_pipeline(options, threads)


def build_pipeline(options: PipelineOptions, threads: int | None) -> Pipeline:
    """A worker's Pipeline, its OpenCV and ONNX Runtime threads limited to its share of the cores."""
    import cv2

    from broadsheet.pipeline import Pipeline

    if threads is not None:
        cv2.setNumThreads(threads)
    return Pipeline.from_options(options, threads)


def _run_in_worker(task: PageTask) -> PageOutcome:
    assert _worker_pipeline is not None, "worker initializer did not run"
    return run_page(_worker_pipeline, task)


class LocalExecutor:
    """N worker processes with one Pipeline each (spawned, never forked after ONNX Runtime has
    loaded), or this process alone when N == 1: its page then runs inside submit()."""

    def __init__(self, options: PipelineOptions, workers: int) -> None:
        self.workers = max(1, workers)
        self._options = options
        self._pipeline: Pipeline | None = None
        self._pool: ProcessPoolExecutor | None = None
        if self.workers > 1:
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=get_context("spawn"),
                initializer=_init_worker, initargs=(options, threads_per_worker(self.workers)))

    def submit(self, task: PageTask) -> Future[PageOutcome]:
        if self._pool is not None:
            return self._pool.submit(_run_in_worker, task)
        if self._pipeline is None:
            self._pipeline = build_pipeline(self._options, None)
        future: Future[PageOutcome] = Future()
        future.set_result(run_page(self._pipeline, task))
        return future

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
