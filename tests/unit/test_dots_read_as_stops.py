"""A comma or full stop set centred in its em, read `·` by PP-OCR's recogniser at 14-15 px, is taken
as the stop the model put next (its own answers per time step, as recorded on random seeds 36, 111,
233); a middle dot printed as one is kept."""

from __future__ import annotations

from unit.ctc_steps import bare_recognizer, certain_steps

ALPHABET = ["blank", "工", "作", "计", "社", "会", "民", "·", "，", "。", "、", "a", "b"]


def _decide(text: str, dot: dict[str, float]) -> str:
    """`text` as the recogniser decodes it, one time step a character, the `·` step's
    probabilities as given (the rest on `·`)."""
    steps = certain_steps(text, ALPHABET)
    for t, ch in enumerate(text, start=1):
        if ch == "·":
            steps[t, [ALPHABET.index(k) for k in dot]] = list(dot.values())
            steps[t, ALPHABET.index("·")] = 1.0 - sum(dot.values())
    return bare_recognizer(ALPHABET)._stops_for_dots(text, steps)


def test_a_dot_the_model_all_but_read_as_a_comma_is_a_comma():
    # seed 36: `化工作·计` with `，` at 0.18, and seed 37 with it at 0.0065
    assert _decide("工作·计", {"，": 0.18, "blank": 0.01}) == "工作，计"
    assert _decide("工作·计", {"。": 0.38}) == "工作。计"
    assert _decide("工作·计", {"，": 0.0065}) == "工作，计"
    assert _decide("工作·计", {"，": 0.002}) == "工作·计"  # under the bar: kept


def test_a_dot_the_model_all_but_read_as_an_enumeration_comma_is_one():
    # JPEG pages from 10 px (seeds 1309, 1379): 、 read `·`, the model putting more on 、 than on `，`
    assert _decide("工作·计", {"、": 0.02, "，": 0.004}) == "工作、计"


def test_a_middle_dot_printed_as_one_is_kept():
    # seed 186's section name 社会·民生: `，` at 0.0014, the most any printed middle dot put on a stop
    assert _decide("社会·民", {"，": 0.0014, "blank": 0.0022}) == "社会·民"


def test_only_a_dot_between_ideographs_is_read_again():
    assert _decide("ab·ab", {"，": 0.4}) == "ab·ab"
    assert _decide("·工作", {"，": 0.4}) == "·工作"
