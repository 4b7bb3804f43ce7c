"""Pages on a Ray cluster: a pool of actors, each holding one Pipeline built from the run's options.

A page goes to the actor with the fewest pages in hand. An actor whose process dies (kill -9, out
of memory) is restarted by Ray, which loads the models again and retries the page it was reading
(`PAGE_RETRIES`); a page that still fails comes back as a failed outcome.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import Future
from contextlib import contextmanager

from broadsheet.errors import BadArgsError, MissingDependencyError
from broadsheet.executors import PROBE_TIMEOUT, connect_within, no_answer, settle, take_back, threads_per_worker
from broadsheet.executors.local import build_pipeline
from broadsheet.options import PipelineOptions
from broadsheet.tasks import PageOutcome, PageTask, run_page

try:
    import ray
except ImportError as exc:
    raise MissingDependencyError("ray is not installed: pip install 'broadsheet[ray]'") from exc

PAGE_RETRIES = 2  # a page whose actor died is tried this many more times
NAMESPACE = "broadsheet"
OBJECT_STORE_BYTES = 256 * 1024**2  # a local cluster moves only small tasks and outcomes
KILL_WAIT = 30  # s for killed actors' pages to fail, which tells that the actors are gone


# an HTTP/2 client's connection preface and its (empty) SETTINGS frame: a gRPC server answers with its own
HTTP2_HELLO = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + b"\x00\x00\x00\x04\x00\x00\x00\x00\x00"
SETTINGS_FRAME = 4  # the type byte of a frame header
OWN_ADDRESSES = ("auto", "local")  # Ray finds these itself: a running cluster's, or a new one


def check_answers(address: str) -> None:
    """One line within PROBE_TIMEOUT when the address is malformed, refused, or taken by something
    that never answers as Ray's GCS (a gRPC server) does: ray.init would retry for minutes."""
    if address in OWN_ADDRESSES:
        return
    deadline = time.monotonic() + PROBE_TIMEOUT
    with connect_within(address, "Ray", deadline) as conn:
        if os.environ.get("RAY_USE_TLS", "0") not in ("0", ""):
            return  # a TLS server waits for the client's hello; ray.init does that part
        try:
            conn.settimeout(max(0.001, deadline - time.monotonic()))
            conn.sendall(HTTP2_HELLO)
            answer = conn.recv(9)
        except TimeoutError as exc:
            raise no_answer(address, "Ray") from exc
        except OSError as exc:
            raise BadArgsError(f"cannot join the Ray cluster at {address}: {exc.strerror or exc}") from exc
    if len(answer) < 4 or answer[3] != SETTINGS_FRAME:
        raise BadArgsError(f"cannot join the Ray cluster at {address}: it does not answer as a Ray cluster does")


@contextmanager
def keeping_stop_handlers() -> Iterator[None]:
    """Ray's core worker installs its own SIGTERM handler (a stack trace, then death by the signal),
    which would end the run without stopping its actors or releasing OUT: ours are put back."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread handles signals, or may set handlers
        return
    kept = {signum: signal.getsignal(signum) for signum in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for signum, handler in kept.items():
            if handler is not None:  # None: not set from Python, nothing to put back
                signal.signal(signum, handler)


def join(address: str | None, workers: int) -> None:
    """Connect to the cluster at `address`, or start this run's own."""
    if address:
        check_answers(address)
        try:
            ray.init(address=address, namespace=NAMESPACE, logging_level=logging.WARNING)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            why = " ".join(str(exc).split())
            raise BadArgsError(f"cannot join the Ray cluster at {address}: {why}") from exc
        return
    # the cluster is this run's own, on this machine: Ray's notice that it made an access token
    # for it is nothing the user has to act on
    notices = logging.getLogger("ray._private.authentication")
    level = notices.level
    notices.setLevel(logging.ERROR)
    try:
        ray.init(num_cpus=workers * threads_per_worker(workers), namespace=NAMESPACE,
                 include_dashboard=False, object_store_memory=OBJECT_STORE_BYTES,
                 logging_level=logging.WARNING, log_to_driver=False)
    finally:
        notices.setLevel(level)


class PageWorker:
    """One Ray actor: its Pipeline is built once, with the CPUs Ray reserved for it as threads."""

    def __init__(self, options: PipelineOptions, threads: int) -> None:
        self._pipeline = build_pipeline(options, threads)

    def run(self, task: PageTask) -> PageOutcome:
        return run_page(self._pipeline, task)


class RayExecutor:
    def __init__(self, options: PipelineOptions, workers: int, address: str | None) -> None:
        self.workers = workers
        # a caller that already joined a cluster keeps it; otherwise this run connects and leaves
        self._connected = not ray.is_initialized()
        if self._connected:
            with keeping_stop_handlers():
                join(address or os.environ.get("RAY_ADDRESS"), workers)
        # each actor reserves its share of the cluster's CPUs (a fraction when workers outnumber them,
        # so that none waits forever for a CPU) and runs its models with that many threads
        share = ray.cluster_resources().get("CPU", 1) / workers
        threads = max(1, int(share))
        actor = ray.remote(PageWorker).options(num_cpus=min(threads, share), max_restarts=-1,
                                               max_task_retries=PAGE_RETRIES)
        self._actors = [actor.remote(options, threads) for _ in range(workers)]
        self._running: dict[ray.ObjectRef, tuple[int, PageTask]] = {}  # each page in hand: its actor
        self._lock = threading.Lock()  # outcomes arrive on Ray's threads

    def submit(self, task: PageTask) -> Future[PageOutcome]:
        outcome: Future[PageOutcome] = Future()
        with self._lock:
            held = Counter(index for index, _ in self._running.values())
            index = min(range(self.workers), key=held.__getitem__)
            ref = self._actors[index].run.remote(task)
            self._running[ref] = (index, task)

        def done(result: Future[PageOutcome]) -> None:
            with self._lock:
                del self._running[ref]
            settle(outcome, task, result.result)

        ref.future().add_done_callback(done)
        return outcome

    def close(self, abandon: bool = False) -> None:
        with self._lock:
            running = dict(self._running)
        # killing an actor stops its page in hand, whether or not it is abandoned
        for actor in self._actors:
            ray.kill(actor, no_restart=True)
        if abandon and running:
            # ray.kill only asks: an actor is gone once its page has failed
            ray.wait(list(running), num_returns=len(running), timeout=KILL_WAIT)
            take_back(task for _, task in running.values())
        if self._connected:
            ray.shutdown()
