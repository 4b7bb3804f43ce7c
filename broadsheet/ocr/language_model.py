"""A character bigram model that rescores the recogniser's CJK readings of enlarged small type.

At 10-14 px the bundled PP-OCR model misreads blurred ideographs, mostly as near misses it ranks
second or third itself (docs/issue16.md "Wave 5: reading CJK body type at 10-14 px"). A CTC prefix beam
search over the likeliest characters of each time step (`Reading.candidates`), scored by the
model's own probabilities and by how often each pair of neighbouring ideographs occurs inside
Chinese words (jieba's word list and newspaper words it lacks, `benchmarks/build_bigrams.py`),
picks the likelier reading. A stop or comma that ends the line, which the recogniser reads as the
blank but offers, is read (`FINAL_MARK`).
Only lines holding ideographs are rescored (the recogniser keeps candidates for no other), and
only on pages whose type was enlarged to the working size; at normal sizes the model reads
well without it, and only the line's final mark is read (`FinalMarkRecognizer`).
`--no-language-model` switches both off.
"""

from __future__ import annotations

import dataclasses
import gzip
import math
import unicodedata
from functools import cache
from pathlib import Path

import numpy as np

from broadsheet.charsets import is_ideograph
from broadsheet.ocr.engine import LineRecognizer, OcrEngine
from broadsheet.ocr.reading import Candidates, Reading

TABLE = Path(__file__).resolve().parent.parent / "data" / "cjk_bigrams.tsv.gz"
# What the JSON's recognition entry adds to the model's name.
TABLE_NAME = "jieba 0.42.1 character bigrams with newspaper words"
BLANK = "\0"  # how `Candidates` writes CTC's blank

# Measured on the truth lines of the CJK dev pages of 10-14 px (benchmarks/ctc_lm.py; docs/issue16.md wave
# 5): the bigram's log-probability counts ALPHA against the recogniser's, each character read
# earns BETA (else the bigram's cost would favour dropping characters), and P(b | a) mixes MIX of
# the in-word bigram with the rest unigram, so a pair no word holds is unlikely, not impossible.
ALPHA = 0.3
BETA = 0.2
MIX = 0.9
UNSEEN = 0.5  # counts a character missing from the table gets
# The recogniser offers up to TOP_K characters a step, those it gives at least MIN_PROB: a step it
# is sure of offers one, and a line it is sure of all along keeps no candidates at all.
TOP_K = 5
MIN_PROB = 0.01
BEAM = 8  # prefixes kept a step
# Enlarged small type reads the enumeration comma 、 as `·` between ideographs: on the truth lines of
# 12 CJK dev pages of 10-14 px 33 times, 17 of them offering 、 (at 0.0117-0.43); the two middle dots
# printed there put 0.0001 and 0.0003 on it, under MIN_PROB, so never offered.
_MIDDLE_DOT, _ENUMERATION_COMMA = "·", "、"
# Enlarged small type loses the faint stop or comma that ends a line: the recogniser reads the blank
# there, yet offers the mark. On the CJK dev pages of 8-14 px of one run (24 pages; 3,948 lines read
# with candidates, 286 of whose truth lines end with 。，or 、) a mark is offered at 0.01 or more
# after the last character on 246 lines: 203 end with that mark, 34 with another (a substitution for
# a deletion), 9 with none, 7 of which print it after all before a quote, a credit or text the
# detector cut off; at 0.05: 180 lines, 150, 25, 5. So any mark offered (`MIN_PROB`) is read.
FINAL_MARK = MIN_PROB
_FINAL_MARKS = "。，、"
# A line read with this mean confidence or more is kept as read: on 275 truth lines of 11 CJK dev
# pages of 10-14 px, rescoring only the lines under 0.97 gains as much as rescoring all (line CER
# 0.158 -> 0.137) and decodes a third fewer lines.
SURE_LINE = 0.97
# Pages enlarged more than this (their body type under the 14 px working size) are rescored.
ENLARGED = 1.0


class CharBigrams:
    """log P(b | a) for ideographs, from a table of ideograph and in-word pair counts."""

    def __init__(self, counts: dict[str, int], name: str = TABLE_NAME) -> None:
        self.name = name
        self.unigrams = {k: v for k, v in counts.items() if len(k) == 1}
        self.pairs = {k: v for k, v in counts.items() if len(k) == 2}
        self.total = sum(self.unigrams.values()) + UNSEEN * len(self.unigrams)
        self._memo: dict[str, float] = {}

    def log_p(self, a: str, b: str) -> float:
        pair = a + b
        if pair not in self._memo:
            unigram = (self.unigrams.get(b, 0) + UNSEEN) / self.total
            seen = self.unigrams.get(a, 0)
            bigram = self.pairs.get(pair, 0) / seen if seen else 0.0
            self._memo[pair] = math.log(MIX * bigram + (1 - MIX) * unigram)
        return self._memo[pair]


@cache
def bigrams() -> CharBigrams:
    """The shipped table, read once a process."""
    counts = {}
    with gzip.open(TABLE, "rt", encoding="utf-8") as table:
        for line in table:
            if not line.startswith("#"):
                key, count = line.rstrip("\n").split("\t")
                counts[key] = int(count)
    return CharBigrams(counts)


def step_candidates(probs: np.ndarray, alphabet: list[str], step: float) -> Candidates | None:
    """The candidates of a line's per-step probabilities (steps x classes, class 0 the blank), or
    None when no step offers a second character or the model's reading holds fewer than two
    ideographs (nothing for the bigrams to weigh)."""
    best = probs.argmax(axis=1)
    read = [alphabet[c] for t, c in enumerate(best) if c and (t == 0 or c != best[t - 1])]
    unsure = np.flatnonzero(probs[np.arange(len(best)), best] < 1 - MIN_PROB)
    if sum(map(is_ideograph, read)) < 2 or unsure.size == 0:
        return None
    offered: list[list[int]] = [[int(c)] for c in best]
    # a comparison is cheaper than a sort of 18,000 classes a step (and 2-D nonzero than either)
    rows, classes = np.divmod(np.flatnonzero(probs[unsure] >= MIN_PROB), probs.shape[1])
    for row in np.unique(rows).tolist():
        t, likely = int(unsure[row]), classes[rows == row]
        offered[t] = likely[np.argsort(-probs[t, likely], kind="stable")][:TOP_K].tolist() or [int(best[t])]
    flat = [c for offer in offered for c in offer]
    starts = np.cumsum([0] + [len(offer) for offer in offered]).astype(np.int32)
    chars = "".join(BLANK if c == 0 else alphabet[c] for c in flat)
    steps = np.repeat(np.arange(len(offered)), np.diff(starts))
    return Candidates(chars, probs[steps, flat].astype(np.float32), starts, float(step))


def _add(a: float, b: float) -> float:
    """log(exp(a) + exp(b))"""
    if a < b:
        a, b = b, a
    return a if b == -math.inf else a + math.log1p(math.exp(b - a))


def _word_starts(chars: str, starts: list[int]) -> set[int]:
    """The steps whose character follows a blank stretch in which the model saw a space, however
    unlikely (a quarter-em space set in a CJK face reads as the blank, offering ` ` at a few per
    cent: fixture page_h's credit `本报记者 柳青 摄`)."""
    found, spaced = set(), False
    for t in range(len(starts) - 1):
        offer = chars[starts[t]:starts[t + 1]]
        if offer[0] == BLANK:
            spaced = spaced or " " in offer
        else:
            if spaced:
                found.add(t)
            spaced = offer[0] == " "
    return found


def _lm_score(prefix: str, ch: str, model: CharBigrams, word_start: bool = False) -> float:
    """What the model adds for reading `ch` after `prefix`. A space, read or only seen
    (`word_start`, see `_word_starts`), earns nothing and ends the pair: the table holds pairs
    inside words, and a space printed between ideographs parts words (青提 is a word, so across the
    space of `柳青 摄` the credit's 摄 was read 提). The search never reads a space the recogniser
    did not."""
    if ch.isspace():
        return 0.0
    last = prefix[-1:]
    pair = model.log_p(last, ch) if last and not word_start and is_ideograph(last) and is_ideograph(ch) else 0.0
    return ALPHA * pair + BETA


def beam_search(candidates: Candidates, model: CharBigrams) -> list[tuple[str, int, float]]:
    """The likeliest reading by the recogniser and the bigrams together: each character with the
    step it is emitted at (where the best path reading it begins) and its probability there.
    A CTC prefix beam search: each prefix keeps the probability of the paths ending in a blank and
    of those ending in its last character, since a repeated character needs a blank between.
    It only swaps characters: where the model read a character, its other likely ideographs are
    weighed, never the blank or another sign (each pair costs, so the search would drop characters,
    or read a dash or a space between two ideographs, to save it: on 275 truth lines of 10-14 px
    greedy deletions 40, with blanks weighed 64); where the model read the blank, nothing else."""
    chars, starts = candidates.chars, candidates.starts.tolist()
    log_probs = np.log(np.maximum(candidates.probs, 1e-30)).tolist()
    probs = candidates.probs.tolist()
    beams: dict[str, tuple[float, float]] = {"": (0.0, -math.inf)}
    lm = {"": 0.0}
    emitted: dict[str, tuple[tuple[int, float], ...]] = {"": ()}
    strongest: dict[str, float] = {}  # prefix -> the best one path's log-probability creating it
    word_starts = _word_starts(chars, starts)
    for t in range(len(starts) - 1):
        grown: dict[str, list[float]] = {}
        for prefix, (blank, char) in beams.items():
            both = _add(blank, char)
            for k in range(starts[t], starts[t + 1]):
                ch, p = chars[k], log_probs[k]
                if k > starts[t] and (chars[starts[t]] == BLANK or not is_ideograph(ch)):
                    continue  # see the docstring
                if ch == BLANK:
                    ends = grown.setdefault(prefix, [-math.inf, -math.inf])
                    ends[0] = _add(ends[0], both + p)
                    continue
                longer = prefix + ch
                if longer not in lm:
                    lm[longer] = lm[prefix] + _lm_score(prefix, ch, model, t in word_starts)
                ends = grown.setdefault(longer, [-math.inf, -math.inf])
                new = (blank if prefix and ch == prefix[-1] else both) + p  # a repeat extends only across a blank
                ends[1] = _add(ends[1], new)
                if new > strongest.get(longer, -math.inf):
                    strongest[longer] = new
                    emitted[longer] = emitted[prefix] + ((t, probs[k]),)
                if prefix and ch == prefix[-1]:
                    same = grown.setdefault(prefix, [-math.inf, -math.inf])
                    same[1] = _add(same[1], char + p)
        ranked = sorted(grown.items(), key=lambda kv: -(_add(*kv[1]) + lm[kv[0]]))[:BEAM]
        beams = {prefix: (ends[0], ends[1]) for prefix, ends in ranked}
    best = max(beams, key=lambda prefix: _add(*beams[prefix]) + lm[prefix])
    return [(ch, t, p) for ch, (t, p) in zip(best, emitted[best])]


def greedy(candidates: Candidates) -> list[tuple[str, int]]:
    """The recogniser's own reading (each step's likeliest), with each character's step."""
    firsts = [candidates.chars[k] for k in candidates.starts[:-1].tolist()]
    return [(ch, t) for t, ch in enumerate(firsts) if ch != BLANK and (t == 0 or ch != firsts[t - 1])]


def rescored(reading: Reading, model: CharBigrams) -> Reading:
    """The reading as the beam search makes it (`_searched`), ending with the stop or comma the
    recogniser saw but read as the blank (`_final_mark`)."""
    if reading.candidates is None:
        return reading
    return _final_mark(_searched(reading, model), reading.candidates)


def _searched(reading: Reading, model: CharBigrams) -> Reading:
    """The reading as the beam search makes it, or the reading itself when it is sure (`SURE_LINE`)
    or the search agrees with it. Where both read the same character at the
    same step, the recogniser's final text stands (its `·` between ideographs read as the comma it
    was)."""
    if reading.confidence >= SURE_LINE:
        return reading
    reading = _commas_for_dots(reading)
    path = beam_search(reading.candidates, model)
    own = greedy(reading.candidates)
    if [ch for ch, _, _ in path] == [ch for ch, _ in own]:
        return reading
    final = {t: (ch, reading.text[k]) for k, (ch, t) in enumerate(own)} if len(own) == len(reading.text) else {}
    text = "".join(final[t][1] if final.get(t, ("",))[0] == ch else ch for ch, t, _ in path)
    step = reading.candidates.step
    centres = [(t + 0.5) * step for ch, t, _ in path if not ch.isspace()]
    confidence = float(np.mean([p for _, _, p in path])) if path else 0.0
    return Reading(text, round(confidence, 5), centres if reading.centres is not None else None,
                   reading.candidates)


def _final_mark(reading: Reading, candidates: Candidates) -> Reading:
    """The reading with the stop, comma or enumeration comma that ends its line where the model
    read the blank after the line's last character but offered the mark (`FINAL_MARK`)."""
    own = greedy(candidates)
    last = reading.text[-1:]
    if not own or not last or not (unicodedata.category(last)[0] in "LN" or last == "%"):
        return reading  # a line ending in a sign (a mark read, a bracket, a quote) is left as read
    chars, starts, probs = candidates.chars, candidates.starts.tolist(), candidates.probs
    best, at = 0.0, None
    for t in range(own[-1][1] + 1, len(starts) - 1):
        for k in range(starts[t] + 1, starts[t + 1]):  # the first is the blank the model read
            if chars[k] in _FINAL_MARKS and probs[k] > best:
                best, at = float(probs[k]), (chars[k], t)
    if at is None or best < FINAL_MARK:
        return reading
    mark, t = at
    centres = reading.centres + [(t + 0.5) * candidates.step] if reading.centres is not None else None
    return dataclasses.replace(reading, text=reading.text + mark, centres=centres)


def _commas_for_dots(reading: Reading) -> Reading:
    """The reading with each `·` between two ideographs read 、 where the model offered 、 at its
    steps (see `_ENUMERATION_COMMA`)."""
    candidates = reading.candidates
    own = greedy(candidates)
    if _MIDDLE_DOT not in reading.text or len(own) != len(reading.text):
        return reading
    chars, starts = candidates.chars, candidates.starts.tolist()
    text = list(reading.text)
    for k, (ch, t) in enumerate(own):
        if not (ch == text[k] == _MIDDLE_DOT and 0 < k < len(text) - 1
                and is_ideograph(text[k - 1]) and is_ideograph(text[k + 1])):
            continue
        end = t
        while end + 1 < len(starts) - 1 and chars[starts[end + 1]] == _MIDDLE_DOT:
            end += 1
        if _ENUMERATION_COMMA in chars[starts[t]:starts[end + 1]]:
            text[k] = _ENUMERATION_COMMA
    return dataclasses.replace(reading, text="".join(text)) if text != list(reading.text) else reading


class FinalMarkRecognizer:
    """A recogniser whose readings end with the mark the model offered after the line's last
    character (`_final_mark`), and are otherwise kept as read: type at its size loses the faint
    stop ending a paragraph as enlarged type does (seed 2167, 15.0 px ming: 21 of its 65 edits)."""

    def __init__(self, recognizer: LineRecognizer) -> None:
        self.recognizer, self.info = recognizer, recognizer.info
        self.paper_margin = getattr(recognizer, "paper_margin", False)

    def recognize(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        return [(r.text, r.confidence) for r in self.read(crops)]

    def read(self, crops: list[np.ndarray]) -> list[Reading]:
        """The readings decided: the recogniser is asked for its candidates here alone (each costs
        ~1.6 ms a doubtful line, wasted on pages that never use them)."""
        readings = self.recognizer.read(crops, candidates=True)  # type: ignore[attr-defined]
        return [self._decided(r) for r in readings]

    def _decided(self, reading: Reading) -> Reading:
        return reading if reading.candidates is None else _final_mark(reading, reading.candidates)


class RescoringRecognizer(FinalMarkRecognizer):
    """A recogniser whose readings the bigram model rescores (see `rescored`, which reads the final
    mark too)."""

    def __init__(self, recognizer: LineRecognizer, model: CharBigrams) -> None:
        super().__init__(recognizer)
        self.model = model
        self.info = dataclasses.replace(recognizer.info, model=f"{recognizer.info.model} + {model.name}")

    def _decided(self, reading: Reading) -> Reading:
        return rescored(reading, self.model)


def with_language_model(engine: OcrEngine, latin: bool, scale: float) -> OcrEngine:
    """The engine that reads a page, rescoring its CJK lines when the page is not Latin and its
    type was enlarged (`scale`: the working page over the input), else reading their final marks;
    a Latin page's `engine` as it is."""
    if latin or not hasattr(engine.recognizer, "read"):
        return engine
    if scale <= ENLARGED:
        return dataclasses.replace(engine, recognizer=FinalMarkRecognizer(engine.recognizer))
    return dataclasses.replace(engine, recognizer=RescoringRecognizer(engine.recognizer, bigrams()))
