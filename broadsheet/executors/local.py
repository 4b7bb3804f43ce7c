"""The default executor: N spawned worker processes on this machine, or this process alone."""

from __future__ import annotations

import ctypes
import os
import signal
import sys
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import get_context
from typing import TYPE_CHECKING

from broadsheet.executors import take_back, threads_per_worker
from broadsheet.options import PipelineOptions
from broadsheet.tasks import PageOutcome, PageTask, run_page

if TYPE_CHECKING:
    from broadsheet.pipeline import Pipeline

PR_SET_PDEATHSIG = 1  # linux/prctl.h

_worker_pipeline: Pipeline | None = None  # one per worker process, built by its initializer
_parent: int | None = None  # the run's process, which this worker must not outlive


def _init_worker(options: PipelineOptions, threads: int) -> None:
    # The parent decides when to stop (Ctrl-C reaches the whole process group; service managers
    # may SIGTERM it): it lets a worker finish its page, or kills it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    global _worker_pipeline, _parent
    _parent = os.getppid()
    _die_with_parent()
    _worker_pipeline = build_pipeline(options, threads)


def _die_with_parent() -> None:
    """On Linux the kernel kills this worker the moment the run's process ends, however it ends
    (kill -9 included); elsewhere `_parent_alive` before each write is what stops it."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def _parent_alive() -> None:
    """A worker whose run has ended (re-parented: it died before prctl took effect, or not Linux)
    writes nothing more: the run's lock on OUT is gone, and another run may own OUT by now."""
    if os.getppid() != _parent:
        os._exit(1)


def build_pipeline(options: PipelineOptions, threads: int | None) -> Pipeline:
    """A worker's Pipeline, its OpenCV and ONNX Runtime threads limited to its share of the cores."""
    import cv2

    from broadsheet.pipeline import Pipeline

    if threads is not None:
        cv2.setNumThreads(threads)
    return Pipeline.from_options(options, threads)


def _run_in_worker(task: PageTask) -> PageOutcome:
    assert _worker_pipeline is not None, "worker initializer did not run"
    return run_page(_worker_pipeline, task, _parent_alive)


class LocalExecutor:
    """N worker processes with one Pipeline each (spawned, never forked after ONNX Runtime has
    loaded), or this process alone when N == 1: its page then runs inside submit()."""

    def __init__(self, options: PipelineOptions, workers: int) -> None:
        self.workers = max(1, workers)
        self._options = options
        self._pipeline: Pipeline | None = None
        self._pool: ProcessPoolExecutor | None = None
        self._in_hand: dict[Future[PageOutcome], PageTask] = {}
        if self.workers > 1:
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=get_context("spawn"),
                initializer=_init_worker, initargs=(options, threads_per_worker(self.workers)))

    def submit(self, task: PageTask) -> Future[PageOutcome]:
        if self._pool is not None:
            future = self._pool.submit(_run_in_worker, task)
            self._in_hand[future] = task
            future.add_done_callback(self._in_hand.pop)
            return future
        if self._pipeline is None:
            self._pipeline = build_pipeline(self._options, None)
        future: Future[PageOutcome] = Future()
        future.set_result(run_page(self._pipeline, task))
        return future

    def close(self, abandon: bool = False) -> None:
        if self._pool is None:
            return
        cut_short = list(self._in_hand.values()) if abandon else []
        if abandon:
            # workers ignore SIGTERM (see _init_worker), and ProcessPoolExecutor has no way to
            # stop them before Python 3.14: its own table of them
            for process in list(self._pool._processes.values()):
                process.kill()
        self._pool.shutdown(wait=True, cancel_futures=True)
        take_back(cut_short)  # the workers are gone: none writes after this
