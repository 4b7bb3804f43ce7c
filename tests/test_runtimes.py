"""The bundled PP-OCR models on each runtime, for real: ONNX Runtime with the detector's denormal
weights flushed reads exactly as the model as shipped; OpenVINO reads a page as well."""

from __future__ import annotations

import importlib.util

import pytest
from conftest import FIXTURE_PAGES, truth

from broadsheet.evaluate import evaluate_page
from broadsheet.imageio import load_image
from broadsheet.ocr import rapid


def test_flushing_denormal_weights_changes_no_line_the_detector_finds():
    page = load_image(FIXTURE_PAGES / "page_c.jpg")  # body text already in the working band
    as_shipped = rapid._rapidocr(None, "onnxruntime")._load_det_model()
    shipped = rapid.detected_boxes(as_shipped, page)
    assert len(shipped) > 200
    assert rapid.RapidDetector().detect(page) == shipped


@pytest.mark.skipif(importlib.util.find_spec("openvino") is None,
                    reason="OpenVINO not installed: pip install 'broadsheet[openvino]' (the test extra has it)")
def test_openvino_runtime_reads_a_page_as_onnx_runtime_does():
    from broadsheet.pipeline import Pipeline

    image = FIXTURE_PAGES / "sample_b.jpg"
    page = Pipeline(engine="rapidocr:openvino").process(image)
    scores = evaluate_page(page, truth(image))
    # measured: CER 0.00% as with ONNX Runtime; structure exact
    assert scores.cer <= 0.002, scores.cer
    assert (scores.article_f1, scores.paragraph_f1, scores.reading_order, scores.caption_pairing) == (1, 1, 1, 1)
    assert scores.false_headlines == 0
    assert all("OpenVINO" in engine.model for engine in page.engines)
