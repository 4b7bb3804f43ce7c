"""One-to-one matching of predicted to gold items: greedy, best similarity first.

Greedy on sorted similarities is not the optimal assignment, but with the thresholds used here
(≥ 0.5 similarity, ≥ 0.5 IoU) each item has at most one strong candidate in practice.
"""

from __future__ import annotations

import numpy as np
from rapidfuzz.distance import Levenshtein
from rapidfuzz.process import cdist

from broadsheet.model import BBox

# Thresholds are inclusive; float noise must not flip a pair exactly at the bound.
_EPS = 1e-9

# Matching thresholds shared by the text scores (page.py) and the box scores (boxes.py)
ARTICLE_MIN_SIMILARITY = 0.5  # 1 - CER of the article's full text
# A paragraph is found "whole" when what it lacks or adds (insertions and deletions on its edit path
# to the gold's text) is at most a tenth of the gold's characters: a line or more moved across its
# break shows there. A character read as another is the reading's fault, scored by reading CER: a
# paragraph misread by a fifth but cut right (10-14 px type) was not found at CER 0.1.
PARAGRAPH_MAX_GAP = 0.1
# ...and it reads as the gold's within half, as an article must: past that a match means nothing.
PARAGRAPH_MIN_SIMILARITY = 0.5
PAIRING_MIN_SIMILARITY = 0.5  # a photo's caption is its own when this close, misreadings aside


def greedy_match(similarity: np.ndarray, threshold: float) -> dict[int, int]:
    """Pairs {gold index: pred index} from a (gold x pred) similarity matrix, each ≥ threshold."""
    gold_idx, pred_idx = np.nonzero(similarity >= threshold - _EPS)
    # Best first; ties go to the earlier gold, then the earlier prediction, for stable results.
    order = sorted(
        zip(gold_idx, pred_idx, strict=True), key=lambda gp: (-similarity[gp], gp[0], gp[1])
    )
    matches: dict[int, int] = {}
    used_pred: set[int] = set()
    for g, p in order:
        if g not in matches and p not in used_pred:
            matches[int(g)] = int(p)
            used_pred.add(p)
    return matches


def prf(matched: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall, F1. Nothing predicted and nothing to find is perfect."""
    precision = matched / n_pred if n_pred else float(n_gold == 0)
    recall = matched / n_gold if n_gold else float(n_pred == 0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def cer_matrix(preds: list[str], golds: list[str]) -> np.ndarray:
    """CER of every prediction against every gold text (already normalized): gold x pred."""
    if not preds or not golds:
        return np.ones((len(golds), len(preds)))
    distances = cdist(golds, preds, scorer=Levenshtein.distance).astype(float)
    lengths = np.array([len(g) for g in golds], dtype=float)[:, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        rates = distances / lengths
    # Same convention as text.error_rate for an empty gold text.
    return np.where(lengths == 0, (distances > 0).astype(float), rates)


def within_gap(pred: str, gold: str) -> bool:
    """What `pred` lacks or adds against `gold` (substitutions aside, on the edit path of their
    Levenshtein distance) is at most PARAGRAPH_MAX_GAP of the gold's characters."""
    gaps = sum(1 for op in Levenshtein.editops(gold, pred) if op.tag != "replace")
    return gaps <= PARAGRAPH_MAX_GAP * len(gold) + _EPS


def text_similarity(cers: np.ndarray) -> np.ndarray:
    return np.clip(1.0 - cers, 0.0, 1.0)


def iou(a: BBox, b: BBox) -> float:
    ix = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    union = _area(a) + _area(b) - inter
    return inter / union if union > 0 else 0.0


def iou_matrix(preds: list[BBox], golds: list[BBox]) -> np.ndarray:
    return np.array([[iou(p, g) for p in preds] for g in golds]).reshape(len(golds), len(preds))


def _area(box: BBox) -> int:
    return max(0, box[2] - box[0]) * max(0, box[3] - box[1])
