"""Letters a recogniser reads that the page's language does not write."""

from __future__ import annotations

import numpy as np
import pytest

from broadsheet.model import EngineInfo, Line
from broadsheet.ocr.engine import OcrEngine, read_lines


class _Reads:
    """A recogniser answering one text, in the languages given."""

    def __init__(self, text: str, languages: list[str]) -> None:
        self.text = text
        self.info = EngineInfo("recognition", "tesseract", "5.3.0", "x", languages)

    def recognize(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        return [(self.text, 0.9) for _ in crops]


@pytest.mark.parametrize(("languages", "read"), [(["de"], "Die Programmhefte liegen im Rathaus aus."),
                                                 (["tr"], "Die Programmhefte lıegen ım Rathaus aus.")])
def test_a_dotless_i_is_an_i_unless_the_language_writes_it(languages, read):
    # Tesseract's `deu` read random seed 121's sans `i` as `ı` 29 times (`lıegen`, `ım`)
    engine = OcrEngine("tesseract", None, _Reads("Die Programmhefte lıegen ım Rathaus aus.", languages))
    page = np.full((60, 800, 3), 255, np.uint8)
    line = Line("", (10, 10, 700, 40), 0.0)
    read_lines(engine, lambda box: page[box[1]:box[3], box[0]:box[2]], [line])
    assert line.text == read
