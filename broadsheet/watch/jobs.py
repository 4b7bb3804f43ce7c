"""The files being read: their pages go to the page pool, a file is finished with its last page."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from broadsheet.executors import Executor, ExecutorSpec, make_executor, result_of
from broadsheet.options import PipelineOptions
from broadsheet.tasks import PageOutcome, PageTask, UnreadableRuns
from broadsheet.watch.settle import Signature


@dataclass
class Job:
    path: Path
    rel: Path  # as logs name it: relative to the inbox
    signature: Signature  # when taken: a file changed since then is looked at afresh
    filed: str | None = None  # its name in done or failed, which its outputs are named after
    tasks: deque[PageTask] = field(default_factory=deque)  # pages not yet started
    running: int = 0
    outcomes: list[PageOutcome] = field(default_factory=list)
    runs: UnreadableRuns = field(default_factory=UnreadableRuns)


class JobQueue:
    """Pages run no more at a time than the pool has workers, files in the order they were taken.
    Each page's outcome goes to `report`; `finished` gets a file once no page of it is left."""

    def __init__(self, report: Callable[[PageOutcome], None], finished: Callable[[Job], None]) -> None:
        self._report = report
        self._finished = finished
        self._jobs: dict[Path, Job] = {}
        self._running: dict[Future[PageOutcome], Job] = {}
        self._pool: Executor | None = None

    @contextmanager
    def pool(self, spec: ExecutorSpec, options: PipelineOptions) -> Iterator[None]:
        self._pool = make_executor(spec, options)
        try:
            yield
        except BaseException:
            self._pool.close(abandon=True)  # a second signal, or a bug: stop the pages in hand too
            raise
        else:
            self._pool.close()
        finally:
            self._pool = None

    def __contains__(self, path: Path) -> bool:
        return path in self._jobs

    def __bool__(self) -> bool:
        return bool(self._jobs)

    def add(self, job: Job) -> None:
        self._jobs[job.path] = job

    def submit(self, stop: threading.Event) -> None:
        """Start pages while a worker is free, until `stop` is set."""
        assert self._pool is not None, "submit() outside pool()"
        while not stop.is_set() and len(self._running) < self._pool.workers:
            job = next((j for j in self._jobs.values() if j.tasks), None)
            if job is None:
                return
            job.running += 1
            self._running[self._pool.submit(job.tasks.popleft())] = job
            self.collect()  # in-process the page is already done

    def collect(self) -> None:
        for future in [f for f in self._running if f.done()]:
            job = self._running.pop(future)
            job.running -= 1
            self._record(job, result_of(future))
            if not job.tasks and not job.running:
                del self._jobs[job.path]
                self._finished(job)

    def wait(self) -> None:
        """Let the pages in hand finish; a file with pages never started stays where it is."""
        for future in list(self._running):
            future.exception()
        self.collect()

    def _record(self, job: Job, outcome: PageOutcome) -> None:
        job.outcomes.append(outcome)
        self._report(outcome)
        if given_up := job.runs.record(outcome):
            job.tasks.clear()
            job.outcomes.append(given_up)
            self._report(given_up)
