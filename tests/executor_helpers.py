"""What the Ray and Dask executor tests share: a few small pages and a bad one, the local run to
compare with, and the check that a killed worker lost no page and left no half-written file."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from test_batch import page

from broadsheet.batch import ERRORS_FILE, BatchSummary, run_batch
from broadsheet.executors import LOCAL, PROBE_TIMEOUT, Executor, ExecutorSpec
from broadsheet.export import DEFAULT_FORMATS
from broadsheet.inputs import iter_page_images
from broadsheet.tasks import page_tasks

BAD = "bad.png"  # opens when planned, fails when read: the worker reports it


def make_pages(root: Path, count: int, bad: bool = True) -> Path:
    root.mkdir(parents=True)
    for n in range(count):
        page(n).save(root / f"p{n}.png")
    if bad:
        (root / BAD).write_bytes((root / "p0.png").read_bytes()[:3000])
    return root


def outputs(out: Path) -> dict[str, object]:
    """Every output file's content, the JSON without its timings."""
    found: dict[str, object] = {}
    for path in sorted(out.rglob("*")):
        if path.suffix == ".json":
            found[path.name] = {k: v for k, v in json.loads(path.read_text()).items() if k != "timings"}
        elif path.suffix == ".txt":
            found[path.name] = path.read_text()
    return found


def error_paths(out: Path) -> list[str]:
    lines = (out / ERRORS_FILE).read_text().splitlines() if (out / ERRORS_FILE).exists() else []
    return [Path(json.loads(line)["path"]).name for line in lines]


def same_as_local_resumes_and_logs(pages: Path, tmp_path: Path, spec: ExecutorSpec) -> None:
    local = run_batch(pages, tmp_path / "local", executor=LOCAL)
    cluster = run_batch(pages, tmp_path / "cluster", executor=spec)
    assert (cluster.done, len(cluster.failed)) == (local.done, len(local.failed)) == (3, 1)
    assert outputs(tmp_path / "cluster") == outputs(tmp_path / "local")
    assert error_paths(tmp_path / "cluster") == [BAD]
    again = run_batch(pages, tmp_path / "cluster", executor=spec)
    assert (again.done, again.skipped, len(again.failed)) == (0, 3, 1)
    assert error_paths(tmp_path / "cluster") == [BAD, BAD]


def run_killing_a_worker(pages: Path, out: Path, spec: ExecutorSpec,
                         kill_one_in_flight: Callable[[], bool]) -> BatchSummary:
    """The batch in a thread while `kill_one_in_flight` is polled until it kills a worker that is
    reading a page; then every page is written once, or listed as failed, and no .part is left."""
    result: list[BatchSummary] = []
    run = threading.Thread(target=lambda: result.append(run_batch(pages, out, executor=spec)))
    run.start()
    deadline = time.monotonic() + 120
    killed = False
    while run.is_alive() and not killed and time.monotonic() < deadline:
        killed = kill_one_in_flight()
        time.sleep(0.02)
    run.join(timeout=max(1.0, deadline - time.monotonic()))
    assert not run.is_alive(), "the run did not end"
    assert killed, "no page was in flight to kill a worker under"
    (summary,) = result
    names = {p.stem for p in pages.glob("*.png")}
    failed = {Path(o.label).stem for o in summary.failed}
    written = {p.stem for p in out.glob("*.json")}
    assert written | failed == names and not written & failed
    assert sorted(p.stem for p in out.glob("*.txt")) == sorted(written)  # each once
    assert [p for p in out.rglob("*") if p.name.endswith(".part")] == []
    assert {Path(p).stem for p in error_paths(out)} == failed
    return summary


def abandoning_takes_back_the_pages_in_hand(executor: Executor, tmp_path: Path) -> None:
    """A worker killed between a page's two renames leaves a .json without its .txt: closing the
    executor with abandon=True removes each page it had in hand whole, once its workers are gone."""
    pages = make_pages(tmp_path / "in", 1, bad=False)
    out = tmp_path / "out"
    out.mkdir()
    (task,) = page_tasks(pages / "p0.png", list(iter_page_images(pages / "p0.png")), out, "p0", DEFAULT_FORMATS)
    try:
        executor.submit(task)
        (out / "p0.json").write_text("{}")  # what its worker, killed after the first rename, leaves
    finally:
        executor.close(abandon=True)
    # gone with the page, or (had the page been done before the close) next to its .txt
    assert {p.stem for p in out.glob("*.json")} == {p.stem for p in out.glob("*.txt")}


def an_address_nobody_answers(scheme: str = "") -> str:
    """HOST:PORT of a port just freed: connecting to it is refused."""
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    return f"{scheme}127.0.0.1:{port}"


@contextmanager
def a_port_that_never_answers(seconds: float = 60) -> Iterator[str]:
    """HOST:PORT on loopback where connections are accepted and then left without a word, for at
    most `seconds`: a cluster client that waits for an answer hangs until then."""
    with socket.create_server(("127.0.0.1", 0)) as server:
        taken: list[socket.socket] = []
        stop = threading.Event()

        def accept() -> None:
            server.settimeout(0.2)
            deadline = time.monotonic() + seconds
            while not stop.is_set() and time.monotonic() < deadline:
                try:
                    taken.append(server.accept()[0])
                except TimeoutError:
                    continue
            for conn in taken:
                conn.close()

        thread = threading.Thread(target=accept, daemon=True)
        thread.start()
        try:
            yield f"127.0.0.1:{server.getsockname()[1]}"
        finally:
            stop.set()
            thread.join()


def joining_fails_in_one_line(tmp_path: Path, executor: str, address: str, says: str, *,
                              from_environment: bool = False) -> None:
    """`batch --executor X --address A` (or A from the environment) with no cluster at A: the one
    line `says`, exit 1, within the probe's time, nothing done."""
    pages = make_pages(tmp_path / "in", 1, bad=False)
    command = [sys.executable, "-m", "broadsheet", "batch", str(pages), "--out", str(tmp_path / "out"),
               "--executor", executor]
    variable = {"ray": "RAY_ADDRESS", "dask": "DASK_SCHEDULER_ADDRESS"}[executor]
    env = {k: v for k, v in os.environ.items() if k != variable}
    if from_environment:
        env[variable] = address
    else:
        command += ["--address", address]
    start = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)
    took = time.monotonic() - start
    assert done.returncode == 1, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.startswith("broadsheet:")]
    assert lines == [f"broadsheet: error: {says}"], done.stderr
    assert "Traceback" not in done.stderr
    # the probe's 10 s, and the start of a Python that imports the cluster's client
    assert took < PROBE_TIMEOUT + 15, took
    assert not list((tmp_path / "out").glob("*.json"))


def stopping_the_run_stops_its_pages(tmp_path: Path, executor: str, address: str, in_flight: Callable[[], bool],
                                     signum: int = signal.SIGTERM, run_gone: Callable[[], bool] = lambda: True) -> None:
    """SIGTERM (or kill -9) to `batch --executor X --address A` once pages are in flight on the
    cluster: its pages stop being read (`in_flight` turns False), none is written once the cluster
    knows the run is gone (`run_gone`: at its exit after SIGTERM, which closes the client; a killed
    run cannot say so, and a page may land while the cluster notices the dropped connection)."""
    pages = make_pages(tmp_path / "in", 12, bad=False)
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "broadsheet", "batch", str(pages), "--out", str(out),
                             "--executor", executor, "--address", address, "-j", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout.readline().startswith(str(pages / "p"))  # a page is done, more are in flight
    proc.send_signal(signum)
    assert proc.wait(timeout=60) == (143 if signum == signal.SIGTERM else -signum), proc.stderr.read()
    deadline = time.monotonic() + 30
    while not run_gone() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert run_gone(), "the cluster still serves the run after its exit"
    written = {p.name for p in out.rglob("*") if not p.name.endswith(".part")}
    deadline = time.monotonic() + 30
    while in_flight() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not in_flight(), "the run's pages are still being read on the cluster"
    left = {p.name for p in out.rglob("*") if not p.name.endswith(".part")}
    # a page being written as the run went is taken back whole; none appears
    assert left <= written, "output appeared after the cluster let the run go"
    assert {Path(n).stem for n in left if n.endswith(".json")} == {Path(n).stem for n in left if n.endswith(".txt")}
    assert len([name for name in written if name.endswith(".json")]) < 12
