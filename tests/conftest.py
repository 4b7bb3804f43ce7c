from __future__ import annotations

import json
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


@pytest.fixture(scope="session")
def processed(pipeline) -> dict[str, Page]:
    """Every fixture page through the real pipeline, once per test session."""
    return {image.stem: pipeline.process(image) for image in fixture_images()}
