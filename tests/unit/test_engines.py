"""Engines by name through entry points, their roles, and what the outputs record of them."""

from __future__ import annotations

import sys

import numpy as np
import pytest
from lxml import etree

from broadsheet.errors import BadArgsError, MissingDependencyError
from broadsheet.export import alto
from broadsheet.export.xmlcommon import page_language
from broadsheet.formats.alto import read_alto
from broadsheet.formats.schemas import validate_alto
from broadsheet.model import EngineInfo, Line, Page, Region, RegionType
from broadsheet.ocr import get_engine, registered_engines

PLUGIN = '''
import numpy as np
from broadsheet.model import EngineInfo
from broadsheet.ocr import OcrEngine

class Lines:
    info = EngineInfo("detection", "plainlines", "0.1", "rows", [])
    def detect(self, image):
        return [(0, 0, image.shape[1], image.shape[0])]

class Reader:
    def __init__(self, option):
        self.info = EngineInfo("recognition", "plainlines", "0.1", option or "base", ["la"])
    def recognize(self, crops):
        return [("lorem", 0.5) for _ in crops]

def create_engine(option, threads):
    return OcrEngine("plainlines", Lines(), Reader(option))
'''


@pytest.fixture
def plugin(tmp_path, monkeypatch):
    """A package installed beside broadsheet that registers an engine of its own."""
    (tmp_path / "plainlines.py").write_text(PLUGIN)
    info = tmp_path / "plainlines-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: plainlines\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[broadsheet.engines]\nplainlines = plainlines:create_engine\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield
    sys.modules.pop("plainlines", None)


def test_our_engines_are_registered_as_entry_points():
    assert {"auto", "rapidocr", "tesseract"} <= set(registered_engines())


def test_a_third_party_engine_plugs_in_without_editing_broadsheet(plugin):
    engine = get_engine("plainlines:classical")
    assert engine.detect(np.zeros((10, 40, 3), np.uint8)) == [(0, 0, 40, 10)]
    assert engine.recognize([np.zeros((5, 5, 3), np.uint8)]) == [("lorem", 0.5)]
    assert [info.model for info in engine.info()] == ["rows", "classical"]


def test_an_unknown_engine_names_the_registered_ones():
    with pytest.raises(BadArgsError, match="registered: .*rapidocr.*tesseract"):
        get_engine("nosuch")


def test_rapidocr_names_the_runtimes_it_runs_on():
    with pytest.raises(BadArgsError, match="onnxruntime or openvino, not 'cuda'"):
        get_engine("rapidocr:cuda")


def test_openvino_runtime_without_openvino_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "openvino", None)  # import openvino raises ImportError
    with pytest.raises(MissingDependencyError, match=r"pip install 'broadsheet\[openvino\]'"):
        get_engine("rapidocr:openvino")


def _page(text: str, languages: list[str]) -> Page:
    script = "Hant" if "報" in text else "Hans" if "报" in text else "Latn"
    line = Line(text, (0, 0, 100, 10), 0.9)
    engines = [EngineInfo("detection", "rapidocr", "3", "det", []),
               EngineInfo("recognition", "x", "1", "m", languages)] if languages else []
    region = Region("r1", RegionType.TEXT, (0, 0, 100, 10), [line])
    return Page(100, 100, script=script, engines=engines, regions=[region])


@pytest.mark.parametrize("text, languages, expected", [
    ("本报讯 今年春节期间", ["zh-Hans", "zh-Hant", "en"], "zh-Hans"),  # the page's script
    ("本報訊 今年春節期間", ["zh-Hans", "zh-Hant", "en"], "zh-Hant"),
    ("The Department of the Interior", ["zh-Hans", "zh-Hant", "en"], "en"),
    ("Die Stadtverordneten beschlossen", ["de-Latf"], "de-Latf"),
    ("本报讯 今年春节期间", ["zh-Hans"], "zh-Hans"),
    ("Der Rat 本报讯", ["de", "zh-Hans"], "zh-Hans"),
    ("The Department of the Interior", [], "en"),  # an older page that does not say who read it
])
def test_the_language_comes_from_the_recogniser_and_the_text(text, languages, expected):
    assert page_language(_page(text, languages)) == expected


def test_alto_records_each_engine_as_a_processing_step_and_reads_them_back(tmp_path):
    page = _page("Die Stadtverordneten beschlossen", ["de"])
    page.text_size = 21.5
    [path] = alto.write(page, None, tmp_path, "page")
    assert validate_alto(path) == []
    ns = {"a": alto.ALTO_NS}
    steps = etree.parse(str(path)).getroot().find("a:Description/a:OCRProcessing", ns)
    assert [etree.QName(step).localname for step in steps] == [
        "preProcessingStep", "ocrProcessingStep", "postProcessingStep"]
    assert [step.findtext("a:processingSoftware/a:softwareName", namespaces=ns) for step in steps] == [
        "rapidocr", "x", "broadsheet"]
    assert {b.get("LANG") for b in etree.parse(str(path)).iter(f"{{{alto.ALTO_NS}}}TextBlock")} == {"de"}
    again = read_alto(path)
    assert again.engines == page.engines and again.text_size == 21.5
