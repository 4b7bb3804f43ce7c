"""The recogniser's decoding rules, replayed without its model: a bare `RapidRecognizer` and the time
steps of a line as recorded, one step a character between two blanks."""

from __future__ import annotations

import numpy as np

from broadsheet.ocr.rapid import RapidRecognizer


def bare_recognizer(alphabet: list[str]) -> RapidRecognizer:
    """A recogniser that knows `alphabet` (blank first) and loads no model."""
    recognizer = RapidRecognizer.__new__(RapidRecognizer)
    recognizer._alphabet = alphabet
    return recognizer


def certain_steps(text: str, alphabet: list[str]) -> np.ndarray:
    """Probabilities of `text` read with certainty, one time step a character, a blank step at each end."""
    steps = np.zeros((len(text) + 2, len(alphabet)), dtype=np.float32)
    steps[0, 0] = steps[-1, 0] = 1.0
    for t, ch in enumerate(text, start=1):
        steps[t, alphabet.index(ch)] = 1.0
    return steps
