"""On a Latin page PP-OCR reads the comma of blurred small antiqua as a full stop, putting some of its
weight on the comma (the probabilities below as recorded on the truth lines of random seeds 1999,
2003, 1970 and 1912): such a stop is read as the comma, on Latin pages alone."""

from __future__ import annotations

import numpy as np

from broadsheet.model import EngineInfo
from broadsheet.ocr.engine import LatinReading, OcrEngine, for_latin
from broadsheet.ocr.reading import Reading
from unit.ctc_steps import bare_recognizer, certain_steps

ALPHABET = ["blank", ".", ",", " ", "a", "b", "N", "P", "O", "m", "1", "2", "工", "。"]


def _decide(text: str, comma: float) -> str:
    """`text` as the recogniser decodes it, one time step a character, every `.` step putting
    `comma` on the comma (the rest on the stop)."""
    steps = certain_steps(text, ALPHABET)
    for t, ch in enumerate(text, start=1):
        if ch == ".":
            steps[t, [1, 2]] = 1.0 - comma, comma
    return bare_recognizer(ALPHABET)._commas_for_stops(text, steps)


def test_a_stop_before_a_lowercase_word_the_model_offered_as_a_comma_is_a_comma():
    # seed 2003 `for. mine` (0.47 on the comma), `years. including` (0.08), 1999 `crossing. and` (0.015)
    assert _decide("ab. ab", 0.47) == "ab, ab"
    assert _decide("ab. ab", 0.015) == "ab, ab"
    assert _decide("ab. ab", 0.004) == "ab. ab"  # no offer: kept


def test_before_a_capital_or_at_the_end_the_comma_needs_more_weight():
    # seed 2003 `County. Nevada` (0.30) and `Management.` (0.28) are commas; 1970 `DOT.` (0.28) and
    # `17. Speakers` (0.48) are the stops that pass, `River. Under` (0.031) and `day.` (0.030) do not
    assert _decide("ab. Nab", 0.30) == "ab, Nab"
    assert _decide("ab.", 0.28) == "ab,"
    assert _decide("ab. Nab", 0.031) == "ab. Nab"
    assert _decide("ab.", 0.03) == "ab."


def test_only_a_stop_that_ends_a_word_is_read_again():
    assert _decide("1.2", 0.5) == "1.2"  # a decimal point
    assert _decide("P.O. ab", 0.5) == "P.O. ab"  # an abbreviation's stops
    assert _decide("a.m. ab", 0.5) == "a.m. ab"
    assert _decide(". ab", 0.5) == ". ab"


class _Recognizer:
    """Answers as PP-OCR's recogniser would, saying whether it was told the page is Latin."""

    info = EngineInfo("recognition", "fake", "", "", [])
    reads_latin = True

    def read(self, crops: list[np.ndarray], candidates: bool = False, latin: bool = False) -> list[Reading]:
        return [Reading("latin" if latin else "as read", 1.0) for _ in crops]

    def recognize(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        return [(r.text, r.confidence) for r in self.read(crops)]


class _Tesseract:
    info = EngineInfo("recognition", "tesseract", "", "eng", ["en"])

    def recognize(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        return [("as read", 1.0) for _ in crops]


def test_a_latin_pages_lines_are_read_with_their_marks_by_a_recogniser_that_knows_them():
    engine = OcrEngine("rapidocr", None, _Recognizer())  # type: ignore[arg-type]
    crop = np.zeros((4, 4, 3), np.uint8)
    latin = for_latin(engine, True)
    assert isinstance(latin.recognizer, LatinReading)
    assert [r.text for r in latin.read([crop])] == ["latin"]
    assert latin.recognizer.info == engine.recognizer.info  # the JSON names the same engine
    assert for_latin(engine, False) is engine  # a CJK page: as it is
    tesseract = OcrEngine("tesseract:eng", None, _Tesseract())  # type: ignore[arg-type]
    assert for_latin(tesseract, True) is tesseract


def test_cjk_text_is_never_read_again():
    assert _decide("工。工", 0.5) == "工。工"
