"""PP-OCR reads the comma or enumeration comma that ends a line of blurred CJK type as `。`, putting
much of its weight on the mark it saw (the probabilities below as recorded on random seeds 2049 and
2083): that `。` is read as the mark, and a printed stop, or a stop inside the line, is left."""

from __future__ import annotations

from unit.ctc_steps import bare_recognizer, certain_steps

ALPHABET = ["blank", "。", "，", "、", "日", "家", "县", "市", "础", "键", "1", "2", "a", "."]


def _decide(text: str, **marks: float) -> str:
    """`text` as the recogniser decodes it, one time step a character, the steps of its last
    character putting `marks` (`comma`, `enumeration`) on those marks and the rest on it."""
    steps = certain_steps(text, ALPHABET)
    last = len(text)
    steps[last, ALPHABET.index("，")] = marks.get("comma", 0.0)
    steps[last, ALPHABET.index("、")] = marks.get("enumeration", 0.0)
    steps[last, ALPHABET.index(text[-1])] = 1.0 - sum(marks.values())
    return bare_recognizer(ALPHABET)._comma_ending_line(text, steps)


def test_a_stop_ending_the_line_the_model_half_read_as_a_comma_is_the_comma():
    # seed 2049 `截至4月12日。` (0.475 on the comma, 0.509 on the stop), `加工企业37家。` (0.321), `召开例会。` (0.202)
    assert _decide("12日。", comma=0.475) == "12日，"
    assert _decide("家。", comma=0.321) == "家，"
    assert _decide("家。", comma=0.202) == "家，"


def test_the_likelier_comma_is_read():
    # seed 2049 `建立了市、县。`: 0.383 on 、, 0.092 on the comma
    assert _decide("市、县。", enumeration=0.383, comma=0.092) == "市、县、"


def test_a_printed_stop_is_left():
    # seed 2083 `人才是关键。` (0.166 on the comma: the most a printed stop put), `下坚实基础。` (0.052)
    assert _decide("键。", comma=0.166) == "键。"
    assert _decide("础。", comma=0.052) == "础。"
    assert _decide("础。") == "础。"


def test_only_the_mark_ending_the_line_is_read_again():
    text = "日。家"
    steps = certain_steps(text, ALPHABET)
    steps[2, [1, 2]] = 0.5, 0.45  # a stop inside the line, half read as a comma: kept
    assert bare_recognizer(ALPHABET)._comma_ending_line(text, steps) == "日。家"
    assert _decide("a.", comma=0.4) == "a."  # a Latin stop is no `。`
