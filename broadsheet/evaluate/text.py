"""Text metrics: normalization, CER, WER and their edit counts.

Everything compares `normalize`d text, so layout choices (line breaks, fullwidth vs halfwidth
punctuation) never count as OCR errors; `strict_counts` compares the text as printed (whitespace
aside), and names the slips NFKC would hide.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from broadsheet.charsets import CJK_MARKS, IDEOGRAPHS
from broadsheet.model import SIMPLIFIED
from broadsheet.postprocess.script import in_script

_WHITESPACE = re.compile(r"\s+")
# CJK ideographs (with extensions and compatibility forms) and CJK punctuation: one token each.
_CJK = CJK_MARKS + IDEOGRAPHS
_TOKEN = re.compile(f"[{_CJK}]|[^\\s{_CJK}]+")
# Stands in for truth a paragraph has claimed (`in_truth_order`): no text holds it.
_CLAIMED = "\x00"
# A paragraph's best stretch of the truth is another's when more than this share of it is claimed:
# a long paragraph's stretch overruns into its neighbours' by what it misreads or adds, and a short
# heading there keeps its place (on the real scans, looking again at any claimed share moved such
# headings and put Tesseract's NED ordered on Der Nordstern up 0.016; at three quarters it fell on
# seven of eight readings, and rose 0.012 on our Czech advertisements).
CLAIMED_SHARE = 0.75


def normalize(text: str | None) -> str:
    """NFKC, then drop all whitespace. None reads as empty text."""
    return _WHITESPACE.sub("", unicodedata.normalize("NFKC", text or ""))


def tokens(text: str | None) -> list[str]:
    """Word tokens: each CJK character alone, runs of other non-space characters together."""
    return _TOKEN.findall(unicodedata.normalize("NFKC", text or ""))


@dataclass
class EditCounts:
    """Edits turning the reference (gold) into the prediction, and the reference length."""

    reference: int = 0
    substitutions: int = 0
    insertions: int = 0
    deletions: int = 0

    @property
    def errors(self) -> int:
        return self.substitutions + self.insertions + self.deletions

    @property
    def rate(self) -> float:
        return error_rate(self.errors, self.reference)

    def __add__(self, other: EditCounts) -> EditCounts:
        return EditCounts(
            self.reference + other.reference,
            self.substitutions + other.substitutions,
            self.insertions + other.insertions,
            self.deletions + other.deletions,
        )


def error_rate(errors: int, reference: int) -> float:
    """errors / reference; against an empty reference any error is a full error."""
    if reference == 0:
        return 0.0 if errors == 0 else 1.0
    return errors / reference


def edit_counts(pred: list[str] | str, gold: list[str] | str) -> EditCounts:
    ops = Levenshtein.editops(gold, pred)
    tags = [op.tag for op in ops]
    return EditCounts(
        reference=len(gold),
        substitutions=tags.count("replace"),
        insertions=tags.count("insert"),
        deletions=tags.count("delete"),
    )


def char_counts(pred: str | None, gold: str | None) -> EditCounts:
    return edit_counts(normalize(pred), normalize(gold))


def in_truth_order(truth: str, paragraphs: list[str]) -> str:
    """`paragraphs` joined, each placed where it best matches `truth` (all normalized alike by the
    caller): the order mended, what a paragraph misreads, lacks or adds left as it is. Longest
    first, each claims the stretch it matches; one whose best stretch is mostly claimed already (a
    heading printed twice, `AGENCY:`, a doubled paragraph) takes the best free one instead. A
    paragraph longer than the truth goes first."""
    free = truth
    places: list[tuple[int, str]] = []
    for paragraph in sorted((p for p in paragraphs if p), key=len, reverse=True):
        if len(paragraph) > len(truth):
            places.append((0, paragraph))
            continue
        match = fuzz.partial_ratio_alignment(paragraph, truth)
        if free.count(_CLAIMED, match.dest_start, match.dest_end) > CLAIMED_SHARE * (match.dest_end - match.dest_start):
            match = fuzz.partial_ratio_alignment(paragraph, free)
        places.append((match.dest_start, paragraph))
        free = free[:match.dest_start] + _CLAIMED * (match.dest_end - match.dest_start) + free[match.dest_end:]
    return "".join(p for _, p in sorted(places, key=lambda place: place[0]))


def reading_counts(pred_blocks: list[str], gold: str | None) -> EditCounts:
    """Character edits of the reading alone: `pred_blocks` (paragraphs, headlines, captions) in the
    gold's order, so blocks read in another order cost nothing and text dropped, doubled or misread
    costs what it would in page CER. Our own order where it costs less: a block misread past
    recognition can be placed wrong."""
    truth, blocks = normalize(gold), [normalize(b) for b in pred_blocks]
    return min(edit_counts(in_truth_order(truth, blocks), truth), edit_counts("".join(blocks), truth),
               key=lambda counts: counts.errors)


def word_counts(pred: str | None, gold: str | None) -> EditCounts:
    return edit_counts(tokens(pred), tokens(gold))


def cer(pred: str | None, gold: str | None) -> float:
    p, g = normalize(pred), normalize(gold)
    return error_rate(Levenshtein.distance(p, g), len(g))


def wer(pred: str | None, gold: str | None) -> float:
    p, g = tokens(pred), tokens(gold)
    return error_rate(Levenshtein.distance(p, g), len(g))


def strict(text: str | None) -> str:
    """All whitespace dropped, nothing else: `,` for `，` and 強 for 强 are errors here."""
    return _WHITESPACE.sub("", text or "")


@dataclass
class Slips:
    """Substitutions of strict CER that NFKC-normalised CER does not see."""

    width: int = 0  # the same mark or letter in another width: , for ，
    script: int = 0  # the same character in the other Chinese script: 強 for 强

    def __add__(self, other: Slips) -> Slips:
        return Slips(self.width + other.width, self.script + other.script)


def strict_counts(pred: str | None, gold: str | None) -> tuple[EditCounts, Slips]:
    p, g = strict(pred), strict(gold)
    slips = Slips()
    for op in Levenshtein.editops(g, p):
        if op.tag != "replace":
            continue
        a, b = g[op.src_pos], p[op.dest_pos]
        if unicodedata.normalize("NFKC", a) == unicodedata.normalize("NFKC", b):
            slips.width += 1
        elif in_script(a, SIMPLIFIED) == in_script(b, SIMPLIFIED):
            slips.script += 1
    return edit_counts(p, g), slips
