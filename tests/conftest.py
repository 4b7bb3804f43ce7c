from __future__ import annotations

import json
import signal
from dataclasses import replace
from pathlib import Path

import pytest

from broadsheet.model import Page

FIXTURE_PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"


def fixture_images() -> list[Path]:
    return sorted(p for p in FIXTURE_PAGES.iterdir() if p.suffix in (".jpg", ".png"))


def truth(image: Path) -> Page:
    return Page.from_dict(json.loads(image.with_suffix(".json").read_text(encoding="utf-8")))


@pytest.fixture(scope="session")
def pipeline():
    from broadsheet.pipeline import Pipeline

    return Pipeline()


def reading_with(pipeline, name: str, recognizer=None):
    """A Pipeline like the session's with its engine named `name` (rapidocr's recogniser, or
    `recognizer`): what `Pipeline(engine=name)` builds, without loading PP-OCR's models again."""
    from broadsheet.ocr.engine import OcrEngine
    from broadsheet.pipeline import Pipeline

    engine = pipeline.engine
    return Pipeline(engine=OcrEngine(name, engine.detector, recognizer or engine.recognizer))


@pytest.fixture(scope="session")
def processed(pipeline) -> dict[str, Page]:
    """Every fixture page through the real pipeline, once per test session."""
    return {image.stem: pipeline.process(image) for image in fixture_images()}


FIXTURE_ISSUES = FIXTURE_PAGES.parent / "issues"


@pytest.fixture(scope="session")
def issue_runs(tmp_path_factory):
    """`broadsheet issue` on each fixture issue (fixtures/issues/NAME), once per test session, with
    the issue formats: NAME -> (OUT, IssueRun). The per-page, joining, METS and PDF tests share it."""
    from broadsheet.executors import ExecutorSpec
    from broadsheet.issue.run import run_issue
    from broadsheet.options import DEFAULT_OPTIONS

    runs = {}

    def run(name: str):
        if name not in runs:
            out = tmp_path_factory.mktemp(f"issue_{name}")
            options = replace(DEFAULT_OPTIONS, formats=("txt", "json", "alto", "pdf"))
            runs[name] = out, run_issue(FIXTURE_ISSUES / name, out, options, ("txt", "mets", "overlay", "pdf"),
                                        executor=ExecutorSpec("local", 2))
        return runs[name]

    return run


def hangup_as_under_a_terminal() -> None:
    """A child's `preexec_fn`: SIGHUP's default action, as a terminal's child has it, even when the
    tests themselves run under nohup (an ignored SIGHUP the CLI rightly keeps ignoring)."""
    signal.signal(signal.SIGHUP, signal.SIG_DFL)

