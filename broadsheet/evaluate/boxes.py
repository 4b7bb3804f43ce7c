"""Structure scores matched by geometry, not by text: what the page's structure is worth apart
from how well its lines were read.

Every truth line is paired with the predicted line whose box covers it most; an article, a
paragraph or a caption is then the set of truth lines its predicted lines stand on, weighed by
their characters, and matched to the truth's as the text scores match theirs (the same
thresholds, on lines missed and taken in place of characters). Predicted lines that stand on no
truth line (noise read as text) weigh nothing here: the text scores see them. Only measurable
when the truth has line boxes (randomised pages, ALTO, PAGE-XML), so never for plain text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

import numpy as np
from rapidfuzz.distance import Levenshtein

from broadsheet.evaluate.matching import (
    ARTICLE_MIN_SIMILARITY,
    PAIRING_MIN_SIMILARITY,
    PARAGRAPH_MAX_GAP,
    greedy_match,
    prf,
)
from broadsheet.evaluate.text import normalize
from broadsheet.model import BBox, Page, RegionType

# A predicted line stands on a truth line when their overlap is at least half the smaller box:
# a detector's box is a little taller or shorter than the truth's, and a line merged across a
# gutter covers both truth lines whole.
LINE_MIN_COVER = 0.5
_ROWS = 256  # truth lines overlapped with all predicted ones at a time
# A line's text is looked up in its article's paragraphs when it has this many characters (no
# spaces): shorter ones (a dateline's `1`, a lone word) are found in too many places to tell.
FIND_MIN_CHARS = 4

# The text scores' thresholds, on lines missed and taken: an article matched when they weigh at
# most half of it, a paragraph found whole within a tenth, a caption its photo's within half.
PARAGRAPH_MIN_LINES = 1.0 - PARAGRAPH_MAX_GAP

# Regions of an article's own text (its captions are its photos'), as article_text() reads it.
_ARTICLE_TEXT = {RegionType.KICKER, RegionType.TITLE, RegionType.SUBTITLE, RegionType.TEXT, RegionType.SUBHEAD,
                 RegionType.BYLINE, RegionType.CONTINUATION}


@dataclass
class BoxScores:
    lines_found: float  # share of the truth's characters on lines some predicted line stands on
    article_f1: float
    paragraph_f1: float
    caption_pairing: float | None  # None: no truth photos


@dataclass
class _Labels:
    """What a page says about each of its lines (by index into its line list)."""

    boxes: list[BBox]
    weights: list[int]
    article: list[str | None]
    paragraph: list[tuple[str, int] | None]
    caption: list[str | None]  # the photo whose caption the line is in
    paragraphs: list[tuple[str, int]]  # every non-empty paragraph, lined or not
    articles: list[str]


def box_scores(pred: Page, gold: Page, photo_pairs: dict[int, int]) -> BoxScores | None:
    """`photo_pairs`: the photos as the text scores pair them, {gold index: predicted index}.
    None when the truth has no line boxes."""
    truth = _labels(gold)
    if not truth.boxes:
        return None
    ours = _labels(pred)
    on = _stand_on(truth.boxes, ours.boxes)  # truth line -> predicted line, or None
    total = sum(truth.weights)
    found = sum(w for w, p in zip(truth.weights, on, strict=True) if p is not None)

    def predicted(labels: list) -> list:
        return [None if p is None else labels[p] for p in on]

    article_f1 = _group_f1(truth.article, predicted(ours.article), truth.articles, ours.articles,
                           truth.weights, ARTICLE_MIN_SIMILARITY)
    paragraph_f1 = _group_f1(truth.paragraph, predicted(ours.paragraph), truth.paragraphs, ours.paragraphs,
                             truth.weights, PARAGRAPH_MIN_LINES)
    pairing = None
    if gold.photos:
        caption_of = predicted(ours.caption)
        right = 0
        for g, photo in enumerate(gold.photos):
            if g not in photo_pairs:
                continue
            mine = {i for i, c in enumerate(truth.caption) if c == photo.id}
            taken = {i for i, c in enumerate(caption_of) if c == pred.photos[photo_pairs[g]].id}
            right += _similarity(mine, taken, truth.weights) >= PAIRING_MIN_SIMILARITY - 1e-9
        pairing = right / len(gold.photos)
    return BoxScores(found / total if total else 1.0, article_f1, paragraph_f1, pairing)


def _labels(page: Page) -> _Labels:
    labels = _Labels([], [], [], [], [], [], [a.id for a in page.articles])
    region_of = {r.id: r for r in page.regions}
    paragraph_of: dict[int, tuple[str, int]] = {}  # id(line) -> (article, paragraph index)
    for article in page.articles:
        kept = [k for k, text in enumerate(article.paragraphs) if normalize(text)]
        labels.paragraphs += [(article.id, k) for k in kept]
        body = [line for rid in article.regions if rid in region_of and region_of[rid].type == RegionType.TEXT
                for line in region_of[rid].lines]
        for line, k in zip(body, _blocks_of_lines([ln.text for ln in body], article.paragraphs), strict=True):
            if k is not None:
                paragraph_of[id(line)] = (article.id, k)
    for region in page.regions:
        for line in region.lines:
            x0, y0, x1, y1 = line.bbox
            if x1 <= x0 or y1 <= y0:
                continue
            labels.boxes.append(line.bbox)
            labels.weights.append(max(1, len(normalize(line.text))))
            labels.article.append(region.article if region.type in _ARTICLE_TEXT else None)
            labels.paragraph.append(paragraph_of.get(id(line)))
            labels.caption.append(region.photo if region.type == RegionType.CAPTION else None)
    return labels


def _blocks_of_lines(lines: list[str], blocks: list[str]) -> list[int | None]:
    """For each line, the block (paragraph) its middle character went into, by aligning the
    lines' text with the blocks' (the blocks were joined from the lines, give or take a hyphen or
    a space); None for a line with no text. The lines come in region order, the blocks in reading
    order: a line the reading put back into another region's paragraph (a row's piece boxed apart)
    is first found where its own text stands, then the lines are aligned again in that order."""
    block_text, ends = "", []
    for text in blocks:
        block_text += normalize(text)
        ends.append(len(block_text))
    if not block_text:
        return [None] * len(lines)
    texts = [normalize(text) for text in lines]
    targets = _align(texts, block_text)
    lined = [i for i, text in enumerate(texts) if text]
    order = sorted(lined, key=lambda i: _found_at(texts[i], block_text, targets[i]))
    if order != lined:
        in_order = _align([texts[i] for i in order], block_text)
        for k, i in enumerate(order):
            targets[i] = in_order[k]
    return [None if target is None else min(bisect_right(ends, target), len(blocks) - 1) for target in targets]


def _align(texts: list[str], block_text: str) -> list[int | None]:
    """Where in `block_text` each text's middle character goes, aligning the texts in their order."""
    line_text, starts = "", []
    for text in texts:
        starts.append(len(line_text))
        line_text += text
    ops = [op for op in Levenshtein.opcodes(line_text, block_text) if op.src_end > op.src_start]
    result: list[int | None] = []
    for start, text in zip(starts, texts, strict=True):
        if not text:
            result.append(None)
            continue
        middle = start + len(text) // 2
        op = next(op for op in ops if op.src_start <= middle < op.src_end)
        result.append(op.dest_start + min(middle - op.src_start, max(0, op.dest_end - op.dest_start - 1)))
    return result


def _found_at(text: str, block_text: str, target: int) -> int:
    """Where a line's middle stands in the blocks: at the copy of its text nearest its aligned place
    (its own copy, unless the alignment put it elsewhere), or its aligned place when its text is too
    short to tell or was changed in the joining (a hyphen dropped)."""
    if len(text) < FIND_MIN_CHARS:
        return target
    copies = [m.start() + len(text) // 2 for m in re.finditer(re.escape(text), block_text)]
    return min(copies, key=lambda at: abs(at - target), default=target)


def _stand_on(truth: list[BBox], ours: list[BBox]) -> list[int | None]:
    """Each truth line's predicted line: the one overlapping it most, if it covers enough."""
    if not ours:
        return [None] * len(truth)
    p = np.array(ours, dtype=float)
    area_p = (p[:, 2] - p[:, 0]) * (p[:, 3] - p[:, 1])
    result: list[int | None] = []
    for start in range(0, len(truth), _ROWS):  # a real page has thousands of lines: bound the matrix
        t = np.array(truth[start:start + _ROWS], dtype=float)
        width = np.minimum(t[:, None, 2], p[None, :, 2]) - np.maximum(t[:, None, 0], p[None, :, 0])
        height = np.minimum(t[:, None, 3], p[None, :, 3]) - np.maximum(t[:, None, 1], p[None, :, 1])
        overlap = np.clip(width, 0, None) * np.clip(height, 0, None)
        area_t = (t[:, 2] - t[:, 0]) * (t[:, 3] - t[:, 1])
        best = overlap.argmax(axis=1)
        most = overlap[np.arange(len(t)), best]
        enough = (most > 0) & (most >= LINE_MIN_COVER * np.minimum(area_t, area_p[best]))
        result += [int(b) if ok else None for b, ok in zip(best, enough, strict=True)]
    return result


def _group_f1(truth_of: list, ours_of: list, truth_keys: list, our_keys: list, weights: list[int],
              threshold: float) -> float:
    """F1 of groups (articles, paragraphs) matched one to one by the truth lines they hold."""
    truth_sets, our_sets = _sets(truth_of, truth_keys), _sets(ours_of, our_keys)
    similarity = np.array([[_similarity(g, p, weights) for p in our_sets] for g in truth_sets])
    matched = len(greedy_match(similarity.reshape(len(truth_sets), len(our_sets)), threshold))
    return prf(matched, len(our_sets), len(truth_sets))[2]


def _sets(key_of: list, keys: list) -> list[set[int]]:
    members: dict = {key: set() for key in keys}
    for i, key in enumerate(key_of):
        if key in members:
            members[key].add(i)
    return [members[key] for key in keys]


def _similarity(truth: set[int], ours: set[int], weights: list[int]) -> float:
    """1 - (lines missed + lines taken) / the truth's, in characters, as 1 - CER; two empty sets agree."""
    whole = sum(weights[i] for i in truth)
    wrong = sum(weights[i] for i in truth ^ ours)
    if not whole:
        return float(not wrong)
    return max(0.0, 1 - wrong / whole)
