"""The unit layer's pages: every fixture page through the pipeline with the engine's recorded
answers (`replay.py`), so layout and postprocess run in seconds without loading a model."""

from __future__ import annotations

import pytest

from broadsheet.model import Page
from broadsheet.pipeline import Pipeline
from unit.replay import fixture_image, recorded_pages, replay_engine


@pytest.fixture(scope="session")
def replayed() -> dict[str, Page]:
    return {name: Pipeline(engine=replay_engine(name)).process(fixture_image(name)) for name in recorded_pages()}
