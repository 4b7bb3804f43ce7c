"""Running page tasks: the one thing a batch hands to an engine. Planning, writing the error log
and resuming stay in `broadsheet.batch`; an executor only turns a `PageTask` into a `PageOutcome`
on a worker that built its Pipeline once from the run's `PipelineOptions`.

- `local`: spawned worker processes on this machine (or this process alone with one worker).
- `ray`: a pool of Ray actors; `dask`: a Dask cluster with a worker plugin holding the Pipeline.
  Both start a local cluster when given no address, or join one (`--address`, or Ray's
  `RAY_ADDRESS` / Dask's `DASK_SCHEDULER_ADDRESS`). Inputs and OUT must be on a filesystem every
  worker sees at the same path: workers read the pages and write the outputs themselves.

Every executor's futures are `concurrent.futures.Future`s resolving to a `PageOutcome`; a page
whose worker died is retried by the engine, or comes back as a failed outcome.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Protocol

from broadsheet.errors import BadArgsError
from broadsheet.export import remove_page
from broadsheet.options import PipelineOptions
from broadsheet.tasks import PageOutcome, PageTask, WorkerDiedError, failure

EXECUTORS = ("local", "ray", "dask")


class Executor(Protocol):
    workers: int

    def submit(self, task: PageTask) -> Future[PageOutcome]: ...

    def close(self, abandon: bool = False) -> None:
        """Stop the workers; `abandon`: the pages in hand are stopped too, not waited for, and
        taken back whole (`take_back`) once their workers are gone."""


@dataclass(frozen=True)
class ExecutorSpec:
    kind: str = "local"
    workers: int = 1
    address: str | None = None  # ray / dask: join this cluster; None: the environment's, or a local one


LOCAL = ExecutorSpec()


PROBE_TIMEOUT = 10  # s for a cluster address to answer in the cluster's own protocol, TCP connect included


def host_and_port(address: str, cluster: str) -> tuple[str, int]:
    """HOST and PORT of a [SCHEME://]HOST:PORT address, or one line saying it is not one."""
    host, _, port = address.split("://", 1)[-1].rpartition(":")
    host = host.removeprefix("[").removesuffix("]")  # [::1]:8786
    if not host or not port.isascii() or not port.isdigit() or not 0 < int(port) < 65536:
        raise BadArgsError(f"{cluster} cluster address {address!r} is not [SCHEME://]HOST:PORT")
    return host, int(port)


def connect_within(address: str, cluster: str, deadline: float) -> socket.socket:
    """A TCP connection to the address, or one line at once when nothing listens there (the
    cluster clients retry a refused connection for minutes)."""
    host, port = host_and_port(address, cluster)
    try:
        return socket.create_connection((host, port), timeout=max(0.0, deadline - time.monotonic()))
    except OSError as exc:
        raise BadArgsError(f"cannot join the {cluster} cluster at {address}: {exc.strerror or exc}") from exc


def no_answer(address: str, cluster: str) -> BadArgsError:
    """Something took the connection but never spoke the cluster's protocol: the clients would wait
    on it for ever (Dask) or retry for minutes (Ray)."""
    return BadArgsError(f"cannot join the {cluster} cluster at {address}: no answer within {PROBE_TIMEOUT} s")


def threads_per_worker(workers: int) -> int:
    """Model threads for each of `workers` pipelines sharing this machine's cores."""
    return max(1, (os.cpu_count() or 1) // max(1, workers))


def make_executor(spec: ExecutorSpec, options: PipelineOptions) -> Executor:
    """The chosen executor, its engine imported only now (a missing extra is one error line)."""
    workers = max(1, spec.workers)
    if spec.kind == "local":
        from broadsheet.executors.local import LocalExecutor

        return LocalExecutor(options, workers)
    if spec.kind == "ray":
        from broadsheet.executors.ray import RayExecutor

        return RayExecutor(options, workers, spec.address)
    if spec.kind == "dask":
        from broadsheet.executors.dask import DaskExecutor

        return DaskExecutor(options, workers, spec.address)
    raise BadArgsError(f"unknown executor {spec.kind!r}; available: {', '.join(EXECUTORS)}")


def map_unordered(executor: Executor, tasks: Iterable[PageTask]) -> Iterator[PageOutcome]:
    """Outcomes as pages finish. At most two pages per worker are in hand, so stopping only waits
    for those, and a cluster never holds a whole archive's tasks."""
    queue = iter(tasks)
    running: set[Future[PageOutcome]] = set()
    while True:
        for task in queue:
            future = executor.submit(task)
            running.add(future)
            # a page run in-process is done on submit: report it before the next one starts
            if future.done() or len(running) >= 2 * executor.workers:
                break
        if not running:
            return
        finished, running = wait(running, return_when=FIRST_COMPLETED)
        for future in finished:
            yield result_of(future)


def result_of(future: Future[PageOutcome]) -> PageOutcome:
    try:
        return future.result()
    except BrokenProcessPool as exc:
        # every queued page fails with it: stop and let a rerun resume rather than log them all
        raise WorkerDiedError(
            "a worker process died (out of memory, or the OCR models failed to load); "
            "finished pages are complete, run again to resume") from exc


def take_back(tasks: Iterable[PageTask]) -> None:
    """Remove every file of pages whose workers were killed mid-page: a kill between two renames
    leaves a .json without its .txt. Such a page is simply not done, and is redone next time."""
    for task in tasks:
        remove_page(task.out_dir, task.name, task.formats, [])


def settle(outcome: Future[PageOutcome], task: PageTask, result: Callable[[], PageOutcome]) -> None:
    """Resolve `outcome` with a cluster task's result. The engine has already retried a page whose
    worker died as often as it allows: now the page is reported failed, and the run goes on."""
    try:
        outcome.set_result(result())
    except Exception as exc:
        outcome.set_result(failure(task.label, task.path, WorkerDiedError(
            f"{task.path}: its worker died during the page ({type(exc).__name__}), also when retried; "
            "run again to redo it"), task.index + 1))
