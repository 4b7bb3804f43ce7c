"""Tesseract's Fraktur model (`frk`) reads the long s (ſ) that begins a lowercase word as a capital
S: `Sich`, `Sind`, `Sollte` mid-sentence (random seeds 2097, 2237: 39 of 68 and 33 of 94 edits).
A noun begins with a capital S in German, so only words that are never nouns are read lowercase,
and only where no sentence begins."""

from __future__ import annotations

import re

from broadsheet.model import Region

FRAKTUR_LANGUAGE = "de-Latf"  # what Tesseract's `frk` reads (`tesseract.BCP47`)
# German words that are never nouns and begin with s: pronouns, auxiliaries, conjunctions, adverbs,
# numerals (`sie` aside: its capital is the polite `Sie`). On the truth lines of the 12 dev pages
# read by `frk` (seeds 1840-2239) no word of these is printed with a capital mid-sentence.
LOWERCASE_WORDS = frozenset(
    "sich sind sei seien seid sein seine seinem seinen seiner seines seit seitdem selbst schon sehr so "
    "sobald sodass sofern sogar solange solch solche solchem solchen solcher solches soll sollen sollst "
    "sollte sollten sondern sonst sowie sowohl soweit statt stets sechs sieben sechzehn siebzehn sechzig "
    "siebzig".split())
# what ends a sentence, or opens one (a quote), before a word
_SENTENCE_START = set('.!?:"„“”»«')
_CAPITAL_S = re.compile(r"(?<![\w-])S([a-zäöüß]+)(?![\w-])")


def long_s(regions: list[Region]) -> None:
    """Each line's words read `S...` that are `LOWERCASE_WORDS`, in lowercase where the text before
    them in their block (the lines before theirs) ends no sentence."""
    for region in regions:
        before = ""
        for line in region.lines:
            line.text = _lowercase(line.text, before)
            before = line.text.rstrip() or before


def _lowercase(text: str, before: str) -> str:
    def word(match: re.Match[str]) -> str:
        lower = "s" + match[1]
        preceding = (before + " " + text[:match.start()]).rstrip()
        if lower not in LOWERCASE_WORDS or not preceding or preceding[-1] in _SENTENCE_START:
            return match[0]
        return lower

    return _CAPITAL_S.sub(word, text)
