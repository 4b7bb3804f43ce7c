"""Which way up a page is, from recorded reads of its sample lines: a box read as nothing does not
turn a page whose one real line reads clearly upright."""

from __future__ import annotations

import numpy as np

from broadsheet.model import EngineInfo
from broadsheet.normalize.orientation import page_turns
from broadsheet.ocr.engine import OcrEngine


class Recorded:
    """A recogniser answering each read of the check with the next recorded answer."""

    info = EngineInfo("recognition", "recorded", "0", "recorded", [])

    def __init__(self, *answers: list[tuple[str, float]]) -> None:
        self.answers = list(answers)

    def recognize(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        answer = self.answers.pop(0)
        assert len(answer) == len(crops)
        return answer


def _check(boxes, upright, turned):
    engine = OcrEngine("recorded", None, Recorded(upright, turned))
    return page_turns(np.full((1700, 1600, 3), 255, np.uint8), boxes, engine)


def test_a_fragment_read_as_nothing_does_not_turn_the_page():
    # random seed 1608 (9.2 px bilevel, enlarged 1.77): the detector boxed the masthead and a fragment
    boxes = [(921, 110, 973, 136), (479, 54, 1053, 115)]
    upright = [("Rheinischer Ab", 1.0), ("", 0.0)]
    turned = [("Rheqr Aecndb", 0.66), ("t", 0.65)]
    orientation = _check(boxes, upright, turned)
    assert orientation.turns == 0
    assert orientation.sample == ["Rheinischer Ab", ""]


def test_an_upside_down_page_is_turned():
    boxes = [(100, 100 + 30 * i, 900, 120 + 30 * i) for i in range(4)]
    upright = [("oᴉ ɹǝ", 0.31), ("", 0.0), ("uu", 0.22), ("ıl", 0.35)]
    turned = [("Die Stadt will", 0.96), ("den Markt am", 0.94), ("Mittwoch und", 0.97), ("am Samstag", 0.95)]
    orientation = _check(boxes, upright, turned)
    assert orientation.turns == 2
    assert orientation.sample[0] == "Die Stadt will"
