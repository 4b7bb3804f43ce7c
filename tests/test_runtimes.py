"""The bundled PP-OCR models on each runtime, for real: ONNX Runtime with the detector's denormal
weights flushed reads exactly as the model as shipped; OpenVINO reads a page as well."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest
from conftest import FIXTURE_PAGES, truth

from broadsheet.evaluate import evaluate_page
from broadsheet.imageio import load_image
from broadsheet.ocr import rapid


def test_flushing_denormal_weights_changes_no_line_the_detector_finds(pipeline):
    page = load_image(FIXTURE_PAGES / "page_c.jpg")  # body text already in the working band
    as_shipped = rapid._rapidocr(None, "onnxruntime")._load_det_model()
    shipped = rapid.detected_boxes(as_shipped, page)
    assert len(shipped) > 200
    assert isinstance(pipeline.engine.detector, rapid.RapidDetector)  # the session's: its models loaded once
    assert pipeline.engine.detector.detect(page) == shipped


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


def test_onnx_runtimes_outputs_are_kept_uncopied_and_stay_as_read(pipeline):
    """The recogniser keeps ONNX Runtime's per-step answers as the session returned them (no copy,
    as OpenVINO's need): a later batch must not write over an earlier one's."""
    recognizer = pipeline.engine.recognizer
    assert isinstance(recognizer, rapid.RapidRecognizer) and not recognizer._outputs._copy
    page = load_image(FIXTURE_PAGES / "page_c.jpg")
    boxes = sorted(pipeline.engine.detect(page), key=lambda b: (b[2] - b[0]) / (b[3] - b[1]))[:12]
    crops = [page[y0:y1, x0:x1] for x0, y0, x1, y1 in boxes]
    recognizer.recognize(crops[:6])
    first = recognizer._outputs.batches
    as_read = [batch.copy() for batch in first]
    recognizer.recognize(crops[6:])
    assert recognizer._outputs.batches is not first
    assert all(np.array_equal(batch, kept) for batch, kept in zip(first, as_read))
