"""Pages on a Dask cluster: a worker plugin builds each worker's Pipeline once, from the run's options.

A page is a task on any worker. When a worker dies (kill -9, out of memory), its nanny starts a new
one and the scheduler reruns the page elsewhere, up to Dask's `distributed.scheduler.allowed-failures`
times; a page that still fails comes back as a failed outcome (KilledWorker).
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from concurrent.futures import Future

from broadsheet.errors import BadArgsError, MissingDependencyError
from broadsheet.executors import PROBE_TIMEOUT, connect_within, no_answer, settle, take_back, threads_per_worker
from broadsheet.executors.local import build_pipeline
from broadsheet.options import PipelineOptions
from broadsheet.tasks import PageOutcome, PageTask, run_page

try:
    from distributed import Client, LocalCluster, WorkerPlugin, get_worker
    from distributed.comm import connect
    from distributed.security import Security
    from distributed.worker import thread_state
except ImportError as exc:
    raise MissingDependencyError("dask is not installed: pip install 'broadsheet[dask]'") from exc

PLUGIN = "broadsheet-pipeline"
JOIN_TIMEOUT = "30s"


class PipelinePlugin(WorkerPlugin):
    """Builds the worker's Pipeline when the worker starts (a restarted worker too).
    `threads`: model threads; None: the machine's cores shared among the worker's task threads."""

    def __init__(self, options: PipelineOptions, threads: int | None) -> None:
        self.options = options
        self.threads = threads
        self.pipeline = None

    def setup(self, worker) -> None:
        threads = self.threads or max(1, (os.cpu_count() or 1) // worker.state.nthreads)
        self.pipeline = build_pipeline(self.options, threads)


class Abandoned(Exception):
    """The page's run is gone: it closed its client (Ctrl-C, SIGTERM) or died."""


def _run_on_worker(task: PageTask) -> PageOutcome:
    worker = get_worker()
    key = thread_state.key  # this task's, as the worker's own bookkeeping knows it

    def still_wanted() -> None:
        # Dask cannot stop a running task: when its run leaves, the scheduler releases the page and
        # the worker marks it cancelled, but it runs on; it must then write nothing
        state = worker.state.tasks.get(key)
        if state is None or state.state != "executing":
            raise Abandoned(f"{task.label}: the run that asked for this page is gone")

    return run_page(worker.plugins[PLUGIN].pipeline, task, still_wanted)


def check_answers(address: str) -> None:
    """One line within PROBE_TIMEOUT when the address is malformed, refused, or taken by something
    that never answers Dask's handshake: the client's own timeout covers only the TCP connect, and
    it would wait for that answer for ever."""
    deadline = time.monotonic() + PROBE_TIMEOUT
    connect_within(address, "Dask", deadline).close()

    async def handshake() -> None:
        comm = await connect(address, timeout=PROBE_TIMEOUT, **Security().get_connection_args("client"))
        await comm.close()

    try:
        asyncio.run(asyncio.wait_for(handshake(), max(0.0, deadline - time.monotonic())))
    except TimeoutError as exc:
        raise no_answer(address, "Dask") from exc
    except (OSError, ValueError) as exc:
        raise BadArgsError(f"cannot join the Dask cluster at {address}: {' '.join(str(exc).split())}") from exc


class DaskExecutor:
    def __init__(self, options: PipelineOptions, workers: int, address: str | None) -> None:
        address = address or os.environ.get("DASK_SCHEDULER_ADDRESS")
        self._cluster: LocalCluster | None = None
        if address:
            check_answers(address)
            try:
                self._client = Client(address, timeout=JOIN_TIMEOUT)
            except (OSError, ValueError) as exc:  # refused, unreachable, timed out; a malformed address
                raise BadArgsError(f"cannot join the Dask cluster at {address}: {' '.join(str(exc).split())}") from exc
            threads = None
        else:
            # one page at a time per worker process, its share of the cores as model threads
            self._cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                         dashboard_address=None, silence_logs=logging.ERROR)
            self._client = Client(self._cluster)
            threads = threads_per_worker(workers)
        self._client.register_plugin(PipelinePlugin(options, threads), name=PLUGIN)
        slots = sum(w["nthreads"] for w in self._client.scheduler_info()["workers"].values())
        self.workers = max(1, slots)
        self._pending: dict = {}  # Dask forgets a task whose future nobody holds

    def submit(self, task: PageTask) -> Future[PageOutcome]:
        outcome: Future[PageOutcome] = Future()
        future = self._client.submit(_run_on_worker, task, pure=False)
        self._pending[future] = task

        def done(result) -> None:
            settle(outcome, task, result.result)
            self._pending.pop(result, None)

        future.add_done_callback(done)
        return outcome

    def close(self, abandon: bool = False) -> None:
        # pages still running are cancelled too, and write nothing (`_run_on_worker`)
        in_hand = list(self._pending.values())
        self._client.cancel(list(self._pending))
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()
            # this run's own workers are gone, some maybe mid-page; a joined cluster's go on, and
            # take their pages back themselves
            if abandon:
                take_back(in_hand)
