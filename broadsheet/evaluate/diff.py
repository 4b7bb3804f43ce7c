"""Character diff of a gold and a predicted text, as segments for the side-by-side HTML view."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from broadsheet.evaluate.text import normalize


@dataclass
class Segment:
    kind: str  # "equal", "replace", "delete" (gold only), "insert" (prediction only)
    text: str


def side_by_side(pred: str, gold: str) -> tuple[list[Segment], list[Segment]]:
    """(gold segments, predicted segments) over the normalized texts, so they align with CER."""
    p, g = normalize(pred), normalize(gold)
    gold_side: list[Segment] = []
    pred_side: list[Segment] = []
    for op in Levenshtein.opcodes(g, p):
        if op.src_end > op.src_start:
            gold_side.append(Segment(op.tag, g[op.src_start : op.src_end]))
        if op.dest_end > op.dest_start:
            pred_side.append(Segment(op.tag, p[op.dest_start : op.dest_end]))
    return gold_side, pred_side
