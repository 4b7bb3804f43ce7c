"""What the real engines say they are: software, version, model, languages (the JSON's `engines`)."""

from __future__ import annotations

import shutil

import pytest

from broadsheet.errors import BadArgsError
from broadsheet.ocr import get_engine


def test_rapidocr_reports_its_models_and_languages():
    detection, recognition = get_engine("rapidocr", threads=1).info()
    assert (detection.role, detection.name, detection.model) == ("detection", "rapidocr", "PP-OCRv6_det_small")
    assert recognition.model == "PP-OCRv6_rec_small" and "zh-Hans" in recognition.languages
    with pytest.raises(BadArgsError, match="runs on onnxruntime or openvino"):
        get_engine("rapidocr:fast")


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs the tesseract CLI")
def test_tesseract_reads_lines_that_pp_ocr_detects():
    engine = get_engine("tesseract:eng", threads=1)
    detection, recognition = engine.info()
    assert (detection.name, recognition.name, recognition.model) == ("rapidocr", "tesseract", "eng")
    assert recognition.languages == ["en"] and recognition.version[0].isdigit()
