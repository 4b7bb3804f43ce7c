"""The local executor's pool of worker processes, stopped with its pages in hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from executor_helpers import abandoning_takes_back_the_pages_in_hand
from test_batch import FONT

from broadsheet.executors.local import LocalExecutor
from broadsheet.options import PipelineOptions

pytestmark = pytest.mark.skipif(not FONT.exists(), reason="needs fonts-noto-cjk")


def test_abandoning_takes_back_the_pages_in_hand(tmp_path: Path) -> None:
    abandoning_takes_back_the_pages_in_hand(LocalExecutor(PipelineOptions(), 2), tmp_path)
