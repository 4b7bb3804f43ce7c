"""Scores of many pages: per page, overall, as JSON-ready dicts and as an HTML report.

Overall CER and WER are micro-averaged (all edits / all gold characters or words, so long pages
weigh more); every other metric is the mean over the pages where it is defined (not None). Only
pages with both a prediction and ground truth are scored; gold pages without a prediction are
listed by name (`missing_predictions`), never scored as empty pages.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from broadsheet.evaluate.diff import side_by_side
from broadsheet.evaluate.loading import Gold, PlainText, load_page, load_prediction, pair_paths
from broadsheet.evaluate.page import PageScores, evaluate_page
from broadsheet.evaluate.text import EditCounts, Slips
from broadsheet.model import Page
from broadsheet.ocr.quality import assess

# Metrics averaged over pages, in table order; "cer", "reading_cer" and "wer" come from summed counts.
MEAN_METRICS = (
    "article_cer",
    "article_precision",
    "article_recall",
    "article_f1",
    "paragraph_precision",
    "paragraph_recall",
    "paragraph_f1",
    "reading_order",
    "photo_precision",
    "photo_recall",
    "caption_accuracy",
    "photo_link_accuracy",
    "headline_accuracy",
    "false_headlines",
    "subhead_placement",
    "caption_pairing",
    "box_lines_found",
    "box_article_f1",
    "box_paragraph_f1",
    "box_caption_pairing",
)

AVERAGING = {
    "cer": "micro: character edits summed over pages / gold characters summed over pages",
    "wer": "micro: word edits summed over pages / gold words summed over pages",
    "reading_cer": "micro, as cer, with each predicted block (paragraph, headline, caption) placed where it "
                   "best matches the gold text: misreadings, lost and doubled text, not reading order",
    "strict_cer": "micro, as cer, on the text without NFKC (whitespace still dropped); width_slips and "
                  "script_slips: its substitutions of another width (, for ，) or script (強 for 强), summed",
    "box_*": "structure matched by line boxes, not text (null when the truth has no line boxes): "
             "box_lines_found is the share of gold characters on lines a predicted line covers",
    "others": "macro: mean over pages where the metric is defined (null = not measurable)",
}


@dataclass
class PageReport:
    name: str
    scores: PageScores
    prediction: str | None = None  # file paths, when the pages came from files
    ground_truth: str | None = None
    text_only: bool = False
    doubtful: bool = False  # its reading was flagged doubtful (`broadsheet.ocr.quality`)

    def metrics(self) -> dict[str, Any]:
        return _metrics(
            self.scores.chars, self.scores.words, {m: getattr(self.scores, m) for m in MEAN_METRICS},
            self.scores.strict_chars, self.scores.slips, self.scores.reading_chars,
        )


@dataclass
class Report:
    pages: list[PageReport]  # the scored pages
    unpaired_predictions: list[str] = field(default_factory=list)  # predictions with no gold page
    missing_predictions: list[str] = field(default_factory=list)  # names of gold pages with no prediction

    def overall(self) -> dict[str, Any]:
        chars = sum((p.scores.chars for p in self.pages), EditCounts())
        words = sum((p.scores.words for p in self.pages), EditCounts())
        means = {m: _mean([getattr(p.scores, m) for p in self.pages]) for m in MEAN_METRICS}
        strict = sum((p.scores.strict_chars for p in self.pages), EditCounts())
        slips = sum((p.scores.slips for p in self.pages), Slips())
        reading = sum((p.scores.reading_chars for p in self.pages), EditCounts())
        return {"pages": len(self.pages), **_metrics(chars, words, means, strict, slips, reading)}

    def to_dict(self) -> dict[str, Any]:
        return {
            "averaging": AVERAGING,
            "overall": self.overall(),
            "pages": [
                {
                    "name": page.name,
                    "prediction": page.prediction,
                    "ground_truth": page.ground_truth,
                    "text_only": page.text_only,
                    "doubtful_reading": page.doubtful,
                    "metrics": page.metrics(),
                    "articles": [
                        {"gold": pair.gold_id, "pred": pair.pred_id, "cer": pair.cer}
                        for pair in page.scores.pairs
                    ],
                }
                for page in self.pages
            ],
            "unpaired_predictions": self.unpaired_predictions,
            "missing_predictions": self.missing_predictions,
        }


def evaluate_pages(pairs: Iterable[tuple[str, Page | None, Gold]]) -> Report:
    """Score (name, prediction, gold) triples; those without a prediction are listed, not scored."""
    report = Report([])
    for name, pred, gold in pairs:
        if pred is None:
            report.missing_predictions.append(name)
        else:
            reading = pred.reading or assess(pred)  # predictions of schema 1.3 carry none
            report.pages.append(PageReport(name, evaluate_page(pred, gold), text_only=isinstance(gold, PlainText),
                                           doubtful=bool(reading and reading.doubtful)))
    return report


def evaluate_paths(pred: str | Path, gold: str | Path) -> Report:
    """Evaluate a prediction file against a gold file, or two folders paired by page name."""
    pairing = pair_paths(pred, gold)
    paired = [(name, p, g) for name, p, g in pairing.pairs if p is not None]
    report = evaluate_pages((name, load_prediction(p), load_page(g)) for name, p, g in paired)
    for page, (_, p, g) in zip(report.pages, paired, strict=True):
        page.prediction, page.ground_truth = str(p), str(g)
    report.missing_predictions = [name for name, p, _ in pairing.pairs if p is None]
    report.unpaired_predictions = [str(p) for p in pairing.unpaired_predictions]
    return report


def render_html(report: Report) -> str:
    """A self-contained page: scores, then a truth/prediction diff for every gold article."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("broadsheet.evaluate", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["side_by_side"] = side_by_side
    return env.get_template("report.html.j2").render(
        report=report, overall=report.overall(), metrics=("cer", "reading_cer", "wer", *MEAN_METRICS)
    )


def _metrics(
    chars: EditCounts, words: EditCounts, means: dict[str, float | None], strict: EditCounts, slips: Slips,
    reading: EditCounts,
) -> dict[str, Any]:
    return {
        "cer": chars.rate,
        "reading_cer": reading.rate,
        "wer": words.rate,
        **means,
        "strict_cer": strict.rate,
        "width_slips": slips.width,
        "script_slips": slips.script,
        "chars": asdict(chars),
        "reading_chars": asdict(reading),
        "words": asdict(words),
    }


def _mean(values: list[float | None]) -> float | None:
    defined = [v for v in values if v is not None]
    return sum(defined) / len(defined) if defined else None

