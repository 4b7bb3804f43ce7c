"""`batch` on a local Ray cluster (one per module): the same outputs as the local executor, resume,
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

ray = pytest.importorskip("ray", reason="the ray extra: pip install -e '.[ray]'")
psutil = pytest.importorskip("psutil")
pytestmark = pytest.mark.skipif(not FONT.exists(), reason="needs fonts-noto-cjk")


@pytest.fixture(scope="module")
def cluster():
    """A 2-CPU Ray cluster that this test process started: the executor joins it as it is."""
    ray.init(num_cpus=2, include_dashboard=False, object_store_memory=100 * 1024**2,
             logging_level=logging.WARNING, log_to_driver=False)
    yield
    ray.shutdown()


def test_same_outputs_as_local_resume_and_error_log(cluster, tmp_path: Path) -> None:
    pages = make_pages(tmp_path / "in", 3)
    same_as_local_resumes_and_logs(pages, tmp_path, ExecutorSpec("ray", workers=2))


def test_a_worker_killed_mid_page_loses_no_page(cluster, tmp_path: Path) -> None:
    pages = make_pages(tmp_path / "in", 6, bad=False)

    def kill_one_in_flight() -> bool:
        # Ray names an actor's process after the method it is running
        for proc in psutil.Process().children(recursive=True):
            try:
                if proc.cmdline()[:1] == ["ray::PageWorker.run"]:
                    os.kill(proc.pid, signal.SIGKILL)
                    return True
            except (psutil.Error, IndexError):
                continue
        return False

    summary = run_killing_a_worker(pages, tmp_path / "out", ExecutorSpec("ray", workers=2), kill_one_in_flight)
    assert summary.done == 6  # Ray restarted the actor and read its page again


def test_sigterm_stops_the_runs_pages(cluster, tmp_path: Path) -> None:
    def reading() -> bool:
        for proc in psutil.Process().children(recursive=True):
            try:
                if proc.cmdline()[:1] == ["ray::PageWorker.run"]:  # an actor is named after its method
                    return True
            except (psutil.Error, IndexError):
                continue
        return False

    stopping_the_run_stops_its_pages(tmp_path, "ray", ray.get_runtime_context().gcs_address, reading)


def test_abandoning_takes_back_the_pages_in_hand(cluster, tmp_path: Path) -> None:
    from broadsheet.executors.ray import RayExecutor

    abandoning_takes_back_the_pages_in_hand(RayExecutor(PipelineOptions(), 2, None), tmp_path)


def test_an_address_nobody_answers_is_one_line_at_once(tmp_path: Path) -> None:
    address = an_address_nobody_answers("")
    joining_fails_in_one_line(tmp_path, "ray", address,
                              f"cannot join the Ray cluster at {address}: Connection refused")


def test_an_address_that_takes_the_connection_but_never_answers_is_one_line(tmp_path: Path) -> None:
    with a_port_that_never_answers() as port:
        address = port
        joining_fails_in_one_line(tmp_path, "ray", address,
                                  f"cannot join the Ray cluster at {address}: no answer within 10 s")

