"""Scoring predicted pages against ground truth: text accuracy, article and paragraph
segmentation, reading order, photos and their captions."""

from broadsheet.evaluate.bounds import Bound, failed_bounds, parse_bounds
from broadsheet.evaluate.loading import READERS, PlainText, load_page, load_prediction, pair_paths
from broadsheet.evaluate.page import PageScores, TextPair, evaluate_page, evaluate_text
from broadsheet.evaluate.report import PageReport, Report, evaluate_pages, evaluate_paths, render_html
from broadsheet.evaluate.text import EditCounts, cer, normalize, tokens, wer

__all__ = [
    "READERS",
    "Bound",
    "EditCounts",
    "PageReport",
    "PageScores",
    "PlainText",
    "Report",
    "TextPair",
    "cer",
    "evaluate_page",
    "evaluate_pages",
    "evaluate_paths",
    "evaluate_text",
    "failed_bounds",
    "load_page",
    "load_prediction",
    "normalize",
    "pair_paths",
    "parse_bounds",
    "render_html",
    "tokens",
    "wer",
]
