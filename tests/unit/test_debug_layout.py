"""`broadsheet ocr --debug-layout`: one picture per layout pass, drawn from what the passes decided."""

from __future__ import annotations

import numpy as np
import pytest
from click.testing import CliRunner
from PIL import Image

from broadsheet.cli import app
from broadsheet.cli.options import pipeline_options
from broadsheet.errors import FileAccessError
from broadsheet.export import debug_layout
from broadsheet.export.debug_layout import render
from broadsheet.imageio import load_image
from broadsheet.layout import GeometricLayout
from broadsheet.layout.lines import LineBox
from broadsheet.layout.trace import LayoutTrace
from broadsheet.model import Page
from broadsheet.normalize import PageFrame, normalize_page
from broadsheet.pipeline import Pipeline
from unit.replay import fixture_image, replay_engine

PICTURES = ["01-rules.jpg", "02-lines.jpg", "03-columns.jpg", "04-blocks.jpg", "05-roles.jpg", "06-articles.jpg"]


def test_a_picture_per_pass_beside_the_outputs(tmp_path):
    image = load_image(fixture_image("page_h"))
    pipeline = Pipeline(engine=replay_engine("page_h"), debug_layout=True)
    result = pipeline.process_and_write(image, tmp_path, "page_h", ("txt", "json"))
    folder = tmp_path / "page_h.debug"
    assert sorted(p.name for p in folder.iterdir()) == PICTURES  # and no temp file left
    assert set(folder.glob("*.jpg")) <= set(result.outputs)
    sizes = {Image.open(folder / name).size for name in PICTURES}
    assert len(sizes) == 1 and sizes.pop()[0] == min(2400, image.shape[1])


def test_the_trace_holds_the_gutter_cuts():
    # page_h: the detector bridges its one-character gutters; every cut blank lies between lines
    normalized = normalize_page(load_image(fixture_image("page_h")), replay_engine("page_h"))
    trace = GeometricLayout().analyze(normalized.page.image, normalized.boxes).trace
    assert len(trace.cuts) >= 20 and trace.columns and trace.segments
    for x0, y0, x1, y1 in trace.cuts:
        middle = ((x0 + x1) / 2, (y0 + y1) / 2)
        assert not any(l.x0 < middle[0] < l.x1 and l.y0 < middle[1] < l.y1 for l in trace.lines)


def test_working_boxes_are_drawn_where_they_stand_on_the_input():
    image = np.full((400, 600, 3), 255, np.uint8)
    frame = PageFrame(600, 400, scale=0.5)  # the working page is half the input's size
    trace = LayoutTrace(cuts=[(100, 50, 110, 70)], lines=[LineBox((20, 120, 90, 130))])
    pictures = render(Page(width=600, height=400), trace, frame, image)
    lines = np.asarray(pictures["02-lines"]).astype(int)
    red = (lines[..., 0] > 200) & (lines[..., 1] < 80) & (lines[..., 2] < 80)
    ys, xs = np.nonzero(red)
    assert (xs.min(), ys.min(), xs.max(), ys.max()) == (200, 100, 219, 139)
    blue = (lines[..., 2] > 200) & (lines[..., 0] < 80)
    ys, xs = np.nonzero(blue)
    assert (xs.min(), ys.min()) == (40, 240)


def test_the_option_reaches_the_pipeline():
    assert pipeline_options("txt", "rapidocr", True, "default", debug_layout=True).debug_layout
    assert not pipeline_options("txt", "rapidocr", True, "default").debug_layout
    assert "--debug-layout" in CliRunner().invoke(app, ["ocr", "--help"]).output


def test_a_page_whose_pictures_cannot_be_written_is_not_done(tmp_path, monkeypatch):
    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(debug_layout, "save_image_atomic", full_disk)
    pipeline = Pipeline(engine=replay_engine("page_j"), debug_layout=True)
    with pytest.raises(FileAccessError, match="No space left on device"):
        pipeline.process_and_write(load_image(fixture_image("page_j")), tmp_path, "page_j", ("txt", "json"))
    assert not (tmp_path / "page_j.txt").exists() and not (tmp_path / "page_j.json").exists()
