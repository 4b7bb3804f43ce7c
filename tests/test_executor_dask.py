"""`batch` on a local Dask cluster (one per module): the same outputs as the local executor, resume,
errors.jsonl, and a worker killed with -9 while it reads a page."""

from __future__ import annotations

import logging
import os
import signal
from pathlib import Path

import pytest
from executor_helpers import (
    a_port_that_never_answers,
    abandoning_takes_back_the_pages_in_hand,
    an_address_nobody_answers,
    joining_fails_in_one_line,
    make_pages,
    run_killing_a_worker,
    same_as_local_resumes_and_logs,
    stopping_the_run_stops_its_pages,
)
from test_batch import FONT

from broadsheet.executors import ExecutorSpec
from broadsheet.options import PipelineOptions

distributed = pytest.importorskip("distributed", reason="the dask extra: pip install -e '.[dask]'")
pytestmark = pytest.mark.skipif(not FONT.exists(), reason="needs fonts-noto-cjk")


@pytest.fixture(scope="module")
def cluster():
    """Two single-threaded worker processes, each under a nanny that restarts it when it dies."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=logging.ERROR) as local, distributed.Client(local) as client:
        yield client


def test_same_outputs_as_local_resume_and_error_log(cluster, tmp_path: Path) -> None:
    pages = make_pages(tmp_path / "in", 3)
    same_as_local_resumes_and_logs(pages, tmp_path, ExecutorSpec("dask", address=cluster.scheduler.address))


def test_a_worker_killed_mid_page_loses_no_page(cluster, tmp_path: Path) -> None:
    pages = make_pages(tmp_path / "in", 6, bad=False)

    def kill_one_in_flight() -> bool:
        reading = [worker for worker, tasks in cluster.call_stack().items() if tasks]
        if not reading:
            return False
        pid = cluster.run(os.getpid, workers=reading[:1])[reading[0]]
        os.kill(pid, signal.SIGKILL)
        return True

    spec = ExecutorSpec("dask", address=cluster.scheduler.address)
    summary = run_killing_a_worker(pages, tmp_path / "out", spec, kill_one_in_flight)
    assert summary.done == 6  # the scheduler ran the lost page again on a live worker


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL], ids=lambda s: s.name)
def test_the_runs_pages_stop_with_it(cluster, tmp_path: Path, signum: int) -> None:
    """Dask cannot stop a running task: a page whose run has gone finishes reading, but writes nothing."""
    def run_gone() -> bool:
        # the scheduler has dropped the run's client, and the workers have been told: no page of it
        # is still executing as wanted (a released page runs on as "cancelled")
        clients = cluster.run_on_scheduler(lambda dask_scheduler: list(dask_scheduler.clients))
        wanted = cluster.run(lambda dask_worker: [t.key for t in dask_worker.state.tasks.values()
                                                  if t.state == "executing"])
        return set(clients) <= {cluster.id, "fire-and-forget"} and not any(wanted.values())

    stopping_the_run_stops_its_pages(tmp_path, "dask", cluster.scheduler.address,
                                     lambda: any(cluster.call_stack().values()), signum, run_gone)


def test_abandoning_its_own_cluster_takes_back_the_pages_in_hand(tmp_path: Path) -> None:
    from broadsheet.executors.dask import DaskExecutor

    abandoning_takes_back_the_pages_in_hand(DaskExecutor(PipelineOptions(), 1, None), tmp_path)


def test_an_address_nobody_answers_is_one_line_at_once(tmp_path: Path) -> None:
    address = an_address_nobody_answers("tcp://")
    joining_fails_in_one_line(tmp_path, "dask", address,
                              f"cannot join the Dask cluster at {address}: Connection refused")


def test_an_address_that_takes_the_connection_but_never_answers_is_one_line(tmp_path: Path) -> None:
    with a_port_that_never_answers() as port:
        address = "tcp://" + port
        joining_fails_in_one_line(tmp_path, "dask", address,
                                  f"cannot join the Dask cluster at {address}: no answer within 10 s")


@pytest.mark.parametrize(("address", "from_environment"), [("tcp://127.0.0.1:abc", False), ("garbage", True)])
def test_a_malformed_address_is_one_line(tmp_path: Path, address: str, from_environment: bool) -> None:
    joining_fails_in_one_line(tmp_path, "dask", address,
                              f"Dask cluster address {address!r} is not [SCHEME://]HOST:PORT",
                              from_environment=from_environment)


def test_an_issue_gives_the_same_issue_json_as_local(cluster, tmp_path: Path) -> None:
    """Issue 18: `broadsheet issue` on a 12-page PDF through Dask writes the ISSUE.json a local run does."""
    from test_issue_joined import twelve_page_pdf

    from broadsheet.issue.model import ArticlePart
    from broadsheet.issue.run import run_issue

    pdf = twelve_page_pdf(tmp_path / "issue.pdf")
    local = run_issue(pdf, tmp_path / "local", executor=ExecutorSpec("local", 1))
    dask = run_issue(pdf, tmp_path / "dask", executor=ExecutorSpec("dask", 2, cluster.scheduler.address))
    assert (dask.batch.done, local.batch.done) == (12, 12)
    assert [a.parts for a in local.issue.articles if a.joined] == [[ArticlePart(1, "a1"), ArticlePart(2, "a1")]]
    assert (tmp_path / "dask" / "ISSUE.json").read_bytes() == (tmp_path / "local" / "ISSUE.json").read_bytes()
