"""Tesseract's `frk` reads the long s beginning a lowercase word as `S` (`broadsheet.ocr.fraktur`):
lines as it read them on random seed 2237 (Fraktur, 59.9 px). Words that are never nouns are read
lowercase where no sentence begins; nouns, `Sie` and a sentence's first word keep their capital."""

from __future__ import annotations

import pytest

from broadsheet.model import Line, Region, RegionType
from broadsheet.ocr.fraktur import long_s


def _block(*texts: str) -> Region:
    return Region("r1", RegionType.TEXT, (0, 0, 100, 100),
                  [Line(text, (0, 10 * i, 100, 10 * i + 9), 0.9) for i, text in enumerate(texts)])


def _read(*texts: str) -> list[str]:
    block = _block(*texts)
    long_s([block])
    return [line.text for line in block.lines]


@pytest.mark.parametrize("read, meant", [
    ("begeistert. Einige beklagen Sich über", "begeistert. Einige beklagen sich über"),
    ("Wer mit dem Auto kommt, Sollte", "Wer mit dem Auto kommt, sollte"),
    ("ein. In den Stoßzeiten Sind die", "ein. In den Stoßzeiten sind die"),
    ("jeden Mittwoch, und Seit kurzem", "jeden Mittwoch, und seit kurzem"),
    ("Das neue Löschfahrzeug bei Seiner", "Das neue Löschfahrzeug bei seiner"),
])
def test_a_word_that_is_never_a_noun_is_read_lowercase_mid_sentence(read, meant):
    assert _read(read) == [meant]


def test_a_line_that_goes_on_from_the_line_before_is_mid_sentence():
    assert _read("Mittwoch und am Samstag von", "Sieben bis dreizehn Uhr geöffnet.", "Wer mit dem Auto") == [
        "Mittwoch und am Samstag von", "sieben bis dreizehn Uhr geöffnet.", "Wer mit dem Auto"]
    assert _read("Platz: Im Schatten des Doms Sei", "es Selbst an heißen Tagen") == [
        "Platz: Im Schatten des Doms sei", "es selbst an heißen Tagen"]


def test_a_sentence_start_a_noun_and_the_polite_sie_keep_their_capital():
    assert _read("Sieben Schüler kamen.", "Seit dieser Woche ist", "die Stadt froh. Sind Sie da?") == [
        "Sieben Schüler kamen.", "Seit dieser Woche ist", "die Stadt froh. Sind Sie da?"]
    assert _read("Er sagte: Sollte es regnen,") == ["Er sagte: Sollte es regnen,"]
    assert _read("die Gas-", "Sen und Seiten") == ["die Gas-", "Sen und Seiten"]
