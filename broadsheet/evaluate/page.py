"""Scores of one predicted page against its ground truth."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz

from broadsheet.evaluate.boxes import box_scores
from broadsheet.evaluate.loading import Gold, PlainText
from broadsheet.evaluate.matching import (
    ARTICLE_MIN_SIMILARITY,
    PAIRING_MIN_SIMILARITY,
    PARAGRAPH_MIN_SIMILARITY,
    cer_matrix,
    greedy_match,
    iou_matrix,
    prf,
    text_similarity,
    within_gap,
)
from broadsheet.evaluate.text import (
    EditCounts,
    Slips,
    cer,
    char_counts,
    normalize,
    reading_counts,
    strict_counts,
    word_counts,
)
from broadsheet.model import Article, Page, Photo, Subhead

ORDER_MIN_SIMILARITY = 0.5  # looser: reading order should not depend on OCR quality
PHOTO_MIN_IOU = 0.5
CAPTION_MAX_CER = 0.1
TITLE_MAX_CER = 0.1
HEADLINE_MIN_OVERLAP = 80  # rapidfuzz partial ratio: a predicted headline is part of a gold one
SUBHEAD_MAX_CER = 0.2


@dataclass
class TextPair:
    """A gold article (or text block) and the prediction matched to it, for diffs."""

    label: str
    gold: str
    pred: str  # "" when nothing matched
    gold_id: str | None = None
    pred_id: str | None = None

    @property
    def cer(self) -> float:
        return cer(self.pred, self.gold)


@dataclass
class PageScores:
    """Rates in [0, 1]. None = not measurable (nothing to measure, or text-only ground truth)."""

    chars: EditCounts
    words: EditCounts
    article_cer: float | None = None
    article_precision: float | None = None
    article_recall: float | None = None
    article_f1: float | None = None
    paragraph_precision: float | None = None
    paragraph_recall: float | None = None
    paragraph_f1: float | None = None
    reading_order: float | None = None
    photo_precision: float | None = None
    photo_recall: float | None = None
    caption_accuracy: float | None = None
    photo_link_accuracy: float | None = None
    headline_accuracy: float | None = None
    false_headlines: int | None = None  # predicted kickers/titles/subtitles that are no gold headline
    subhead_placement: float | None = None  # gold subheads found in their article before their paragraph
    caption_pairing: float | None = None  # gold photos whose twin carries their caption, misreadings aside
    # The same structure matched by line boxes, not text (boxes.py): None when the truth has no boxes
    box_lines_found: float | None = None
    box_article_f1: float | None = None
    box_paragraph_f1: float | None = None
    box_caption_pairing: float | None = None
    pairs: list[TextPair] = field(default_factory=list)
    strict_chars: EditCounts = field(default_factory=EditCounts)  # CER without NFKC (`eval --strict`)
    slips: Slips = field(default_factory=Slips)
    # CER with the predicted blocks in the gold's order: the reading apart from reading order
    reading_chars: EditCounts = field(default_factory=EditCounts)

    @property
    def cer(self) -> float:
        return self.chars.rate

    @property
    def reading_cer(self) -> float:
        return self.reading_chars.rate

    @property
    def wer(self) -> float:
        return self.words.rate


def evaluate_page(pred: Page, gold: Gold) -> PageScores:
    if isinstance(gold, PlainText):
        return evaluate_text(pred, gold)
    pred_text, gold_text = _joined(pred.text_blocks()), _joined(gold.text_blocks())
    scores = PageScores(
        chars=char_counts(pred_text, gold_text), words=word_counts(pred_text, gold_text)
    )
    scores.strict_chars, scores.slips = strict_counts(pred_text, gold_text)
    scores.reading_chars = reading_counts(pred.text_blocks(), gold_text)

    pred_articles, gold_articles = ordered_articles(pred), ordered_articles(gold)
    article_cers = cer_matrix(
        [normalize(article_text(a)) for a in pred_articles],
        [normalize(article_text(a)) for a in gold_articles],
    )
    matched = greedy_match(text_similarity(article_cers), ARTICLE_MIN_SIMILARITY)
    # Mean over gold articles; a missed article counts as entirely wrong.
    per_gold = [
        float(article_cers[g, matched[g]]) if g in matched else 1.0
        for g in range(len(gold_articles))
    ]
    scores.article_cer = _mean(per_gold, empty=0.0 if not pred_articles else 1.0)
    scores.article_precision, scores.article_recall, scores.article_f1 = prf(
        len(matched), len(pred_articles), len(gold_articles)
    )
    scores.headline_accuracy = _share(
        cer(pred_articles[p].title, gold_articles[g].title) <= TITLE_MAX_CER
        for g, p in matched.items()
    )
    scores.pairs = [
        _article_pair(article, pred_articles[matched[g]] if g in matched else None)
        for g, article in enumerate(gold_articles)
    ]
    _score_paragraphs(scores, pred_articles, gold_articles)
    scores.false_headlines = false_headlines(pred_articles, gold_articles)
    scores.subhead_placement = _share(
        _subhead_placed(subhead, gold_articles[g], pred_articles[matched[g]] if g in matched else None)
        for g in range(len(gold_articles)) for subhead in gold_articles[g].subheads
    )

    pred_to_gold = {pred_articles[p].id: gold_articles[g].id for g, p in matched.items()}
    photo_pairs = _score_photos(scores, pred.photos, gold.photos, pred_to_gold)
    if (boxes := box_scores(pred, gold, photo_pairs)) is not None:
        scores.box_lines_found, scores.box_article_f1 = boxes.lines_found, boxes.article_f1
        scores.box_paragraph_f1, scores.box_caption_pairing = boxes.paragraph_f1, boxes.caption_pairing
    return scores


def evaluate_text(pred: Page, gold: PlainText) -> PageScores:
    """Text-only ground truth: page CER/WER, and gold blocks matched to predicted ones for diffs."""
    pred_blocks = pred.text_blocks()
    pred_text, gold_text = _joined(pred_blocks), _joined(gold.blocks)
    cers = cer_matrix([normalize(b) for b in pred_blocks], [normalize(b) for b in gold.blocks])
    matched = greedy_match(text_similarity(cers), ARTICLE_MIN_SIMILARITY)
    pairs = [
        TextPair(
            label=f"block {g + 1}",
            gold=block,
            pred=pred_blocks[matched[g]] if g in matched else "",
            gold_id=str(g + 1),
            pred_id=str(matched[g] + 1) if g in matched else None,
        )
        for g, block in enumerate(gold.blocks)
    ]
    return PageScores(
        chars=char_counts(pred_text, gold_text),
        words=word_counts(pred_text, gold_text),
        pairs=pairs,
        strict_chars=strict_counts(pred_text, gold_text)[0],
        slips=strict_counts(pred_text, gold_text)[1],
        reading_chars=reading_counts(pred_blocks, gold_text),
    )


def _score_paragraphs(
    scores: PageScores, pred_articles: list[Article], gold_articles: list[Article]
) -> None:
    """Paragraph F1 (found whole: a tenth at most lacked or added, misreadings aside) and reading
    order over adjacent gold paragraphs."""
    pred_paras = [p for p in (normalize(t) for a in pred_articles for t in a.paragraphs) if p]
    gold_paras = [p for p in (normalize(t) for a in gold_articles for t in a.paragraphs) if p]
    cers = cer_matrix(pred_paras, gold_paras)
    similarity = text_similarity(cers)
    whole_similarity = np.zeros_like(similarity)  # 0: not whole; the gap is paid only for close pairs
    for g, p in zip(*np.nonzero(similarity >= PARAGRAPH_MIN_SIMILARITY), strict=True):
        if within_gap(pred_paras[p], gold_paras[g]):
            whole_similarity[g, p] = similarity[g, p]
    whole = greedy_match(whole_similarity, PARAGRAPH_MIN_SIMILARITY)
    scores.paragraph_precision, scores.paragraph_recall, scores.paragraph_f1 = prf(
        len(whole), len(pred_paras), len(gold_paras)
    )
    # A pair is in order when both gold paragraphs were found and come out in the same order.
    loose = _twins_in_order(greedy_match(similarity, ORDER_MIN_SIMILARITY), gold_paras)
    scores.reading_order = _share(
        g in loose and g + 1 in loose and loose[g] < loose[g + 1]
        for g in range(len(gold_paras) - 1)
    )


def _twins_in_order(matches: dict[int, int], gold_paras: list[str]) -> dict[int, int]:
    """Gold paragraphs printed alike (a notice's `AGENCY: Bureau of Land Management, Interior.` in
    two notices) cannot be told apart by their text: each is as near every prediction as the
    other, and the matching gave them theirs by the first gold's best. They take the predictions
    matched to them in reading order, so that two such paragraphs read in order are scored so."""
    twins: dict[str, list[int]] = {}
    for g in sorted(matches):
        twins.setdefault(gold_paras[g], []).append(g)
    result = dict(matches)
    for golds in twins.values():
        for g, p in zip(golds, sorted(matches[g] for g in golds), strict=True):
            result[g] = p
    return result


def _score_photos(
    scores: PageScores, pred: list[Photo], gold: list[Photo], pred_to_gold: dict[str, str]
) -> dict[int, int]:
    """Scores the photos; returns them paired, {gold index: predicted index}."""
    boxes = greedy_match(iou_matrix([p.bbox for p in pred], [g.bbox for g in gold]), PHOTO_MIN_IOU)
    scores.photo_precision, scores.photo_recall, _ = prf(len(boxes), len(pred), len(gold))
    partner = [pred[boxes[g]] if g in boxes else None for g in range(len(gold))]
    scores.caption_accuracy = _share(
        p is not None and _caption_right(p, g) for g, p in zip(gold, partner, strict=True)
    )
    scores.photo_link_accuracy = _share(
        p is not None and _link_right(p, g, pred_to_gold)
        for g, p in zip(gold, partner, strict=True)
    )
    scores.caption_pairing = _share(
        p is not None and cer(_caption_text(p), _caption_text(g)) <= 1 - PAIRING_MIN_SIMILARITY
        for g, p in zip(gold, partner, strict=True)
    )
    return boxes


def _caption_text(photo: Photo) -> str:
    return normalize("".join(photo.text_blocks()))


def false_headlines(pred: list[Article], gold: list[Article]) -> int:
    """Predicted kickers, titles and subtitles that are part of no gold headline: body lines,
    subheads, captions or header items taken for headlines. A headline split or joined
    differently (kicker and title read as one) is not false."""
    gold_heads = [normalize(h) for article in gold for h in article.headlines]
    pred_heads = [normalize(h) for article in pred for h in article.headlines]
    return sum(1 for head in pred_heads if head and not any(
        fuzz.partial_ratio(head, g) >= HEADLINE_MIN_OVERLAP for g in gold_heads if g))


def _subhead_placed(subhead: Subhead, gold: Article, pred: Article | None) -> bool:
    """The matched article has the subhead, before the paragraph the gold one stands before."""
    if pred is None:
        return False
    for candidate in pred.subheads:
        if cer(normalize(candidate.text), normalize(subhead.text)) > SUBHEAD_MAX_CER:
            continue
        if subhead.before >= len(gold.paragraphs):
            return candidate.before >= len(pred.paragraphs)
        if candidate.before < len(pred.paragraphs):
            following = cer(normalize(pred.paragraphs[candidate.before]), normalize(gold.paragraphs[subhead.before]))
            return following <= 1 - ORDER_MIN_SIMILARITY
    return False


def _caption_right(pred: Photo, gold: Photo) -> bool:
    caption_ok = cer("".join(pred.caption), "".join(gold.caption)) <= CAPTION_MAX_CER
    return caption_ok and normalize(pred.credit) == normalize(gold.credit)


def _link_right(pred: Photo, gold: Photo, pred_to_gold: dict[str, str]) -> bool:
    if pred.article is None or gold.article is None:
        return pred.article is None and gold.article is None
    return pred_to_gold.get(pred.article) == gold.article


def ordered_articles(page: Page) -> list[Article]:
    """Articles in reading order; any the reading order leaves out follow in document order."""
    return [item for item in page.in_reading_order() if isinstance(item, Article)]


def article_text(article: Article) -> str:
    return "\n".join(article.headlines + article.body_blocks())


def _article_pair(gold: Article, pred: Article | None) -> TextPair:
    return TextPair(
        label=gold.title or gold.id,
        gold=article_text(gold),
        pred=article_text(pred) if pred else "",
        gold_id=gold.id,
        pred_id=pred.id if pred else None,
    )


def _share(outcomes) -> float | None:
    values = [bool(v) for v in outcomes]
    return sum(values) / len(values) if values else None


def _mean(values: list[float], empty: float) -> float:
    return sum(values) / len(values) if values else empty


def _joined(blocks: list[str]) -> str:
    return "\n".join(blocks)
