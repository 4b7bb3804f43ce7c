"""Structure of every fixture page with the real models' recorded answers: exact, so that a change
to layout or postprocess that moves one block shows here in seconds. (The end-to-end tests hold
the same pages to their quality bounds through the real models.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from broadsheet.evaluate import evaluate_page
from broadsheet.imageio import load_image
from broadsheet.model import BBox, RegionType
from broadsheet.normalize import normalize_page
from broadsheet.pipeline import Pipeline
from unit.replay import FIXTURE_PAGES, StaleRecording, fixture_image, gold, recorded_pages, replay_engine

PAGES = recorded_pages()


def test_every_fixture_page_is_recorded():
    assert PAGES == sorted(p.stem for p in FIXTURE_PAGES.iterdir() if p.suffix in (".jpg", ".png"))


@pytest.mark.parametrize("name", PAGES)
def test_structure_is_exact(replayed, name):
    s = evaluate_page(replayed[name], gold(name))
    assert (s.article_f1, s.paragraph_f1, s.reading_order) == (1.0, 1.0, 1.0)
    assert s.false_headlines == 0
    assert s.caption_pairing in (None, 1.0) and s.photo_link_accuracy in (None, 1.0)
    assert s.subhead_placement in (None, 1.0)


def _crossings(box: BBox, columns: list[BBox]) -> int:
    """How many of the gold text blocks this box overlaps."""
    x0, y0, x1, y1 = box
    return sum(1 for c in columns if min(x1, c[2]) - max(x0, c[0]) > 2 and min(y1, c[3]) - max(y0, c[1]) > 2)


def test_lines_run_together_across_a_narrow_gutter_are_cut_apart(replayed):
    # page_h (100 dpi) has gutters of about one character: the detector joins lines across them
    name = "page_h"
    columns = [r.bbox for r in gold(name).regions if r.type == RegionType.TEXT]
    normalized = normalize_page(np.asarray(_image(name)), replay_engine(name))
    scale = normalized.page.frame.scale
    raw = [tuple(round(v / scale) for v in box) for box in normalized.boxes]
    assert sum(_crossings(box, columns) > 1 for box in raw) >= 20  # the case arises (72 times)
    lines = [line.bbox for r in replayed[name].regions if r.type == RegionType.TEXT for line in r.lines]
    assert [box for box in lines if _crossings(box, columns) > 1] == []


def _image(name: str):
    return load_image(fixture_image(name))


def test_a_stale_recording_says_how_to_renew_it():
    engine = replay_engine("page_c")
    with pytest.raises(StaleRecording, match="re-record with python tests/unit/replay.py"):
        engine.detect(np.zeros((7, 7, 3), np.uint8))
    with pytest.raises(StaleRecording):
        Pipeline(engine=engine).process(_image("page_d"))


def test_the_unit_layer_loads_no_model():
    script = ("import sys; from replay import fixture_image, replay_engine; from broadsheet.pipeline import Pipeline; "
              "Pipeline(engine=replay_engine('page_j')).process(fixture_image('page_j')); "
              "print(sorted({'onnxruntime', 'rapidocr'} & set(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).parent, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
