"""Options shared by several commands, with the metavars their help shows."""

from __future__ import annotations

import math
import os
from pathlib import Path

import click

from broadsheet.executors import EXECUTORS
from broadsheet.export import FORMATS
from broadsheet.inputs import DEFAULT_MAX_PAGES
from broadsheet.issue.formats import ISSUE_FORMATS, page_formats
from broadsheet.options import DEFAULT_ENGINE, PipelineOptions


class FiniteRange(click.FloatRange):
    """click's FloatRange takes nan, which compares false with both its bounds."""

    name = "finite float range"

    def convert(self, value, param, ctx):
        number = super().convert(value, param, ctx)
        if math.isnan(number):
            self.fail(f"{value!r} is not a number.", param, ctx)
        return number


FOLDER = click.Path(path_type=Path, file_okay=False)
FILE = click.Path(path_type=Path, dir_okay=False)
ANY_PATH = click.Path(path_type=Path)


def formats(issue: bool = False, **extra):
    """`--formats`, its help naming the registered formats; `issue`: the issue formats too."""
    names = f"Comma-separated output formats ({', '.join(FORMATS)})"
    if issue:
        names += f" and issue formats ({', '.join(ISSUE_FORMATS)})"
    always = "; the pages' json and OUT/ISSUE.json are always written" if issue else ""
    return click.option("--formats", "-f", metavar="LIST", default="txt,json", show_default=True,
                        help=f"{names}, or all{always}.", **extra)


def engine(**extra):
    return click.option(
        "--engine", metavar="NAME", default=DEFAULT_ENGINE, show_default=True,
        help="OCR engine: auto (rapidocr for CJK pages, Tesseract with the page's language for Latin and "
             "Fraktur ones), rapidocr, rapidocr:openvino (the same models on OpenVINO), tesseract, or "
             "tesseract:LANG (an installed Tesseract language).", **extra)


def max_pages(**extra):
    return click.option(
        "--max-pages", metavar="N", type=click.IntRange(min=1), default=DEFAULT_MAX_PAGES, show_default=True,
        help="Refuse a PDF or TIFF with more pages than this (a few bytes can claim thousands).", **extra)


def workers(default: int, **extra):
    return click.option(
        "--workers", "-j", metavar="N", type=click.IntRange(min=1), default=default, show_default=True,
        help="Worker processes, each loading the OCR models once.", **extra)


def deskew(**extra):
    return click.option(
        "--deskew/--no-deskew", default=True, show_default=True,
        help="Straighten skewed scans (off: pages known to be straight, a little faster).", **extra)


def executor():
    return click.option(
        "--executor", "-x", type=click.Choice(EXECUTORS), default="local", show_default=True,
        help="Where pages run: local worker processes, a Ray cluster or a Dask cluster (extras broadsheet[ray], "
             "broadsheet[dask]).")


def address():
    return click.option(
        "--address", metavar="ADDR",
        help="Ray or Dask cluster to join (default: RAY_ADDRESS / DASK_SCHEDULER_ADDRESS, else a local cluster "
             "for this run).")


def punctuation(**extra):
    return click.option(
        "--punctuation", metavar="POLICY", type=click.Choice(["default", "fullwidth", "as-read"]),
        default="default", show_default=True,
        help="Punctuation between CJK text: default (ASCII , : ; ! ? ( ) with “” 、 。), fullwidth "
             "(GB/T 15834), or as-read (as the recogniser read it).", **extra)


def language_model(**extra):
    return click.option(
        "--language-model/--no-language-model", default=True, show_default=True,
        help="Rescore CJK lines of small type (enlarged to the working size) with character bigrams "
             "(off: the recogniser's own reading).", **extra)


def batch_run(issue: bool = False):
    """The options `batch` and `issue` share, in the order their help lists them."""
    stack = [
        workers(os.cpu_count() or 1),
        formats(issue=issue),
        click.option("--force", is_flag=True, help="Redo pages whose outputs are up to date."),
        engine(),
        deskew(),
        max_pages(),
        executor(),
        address(),
        punctuation(),
        language_model(),
    ]

    def apply(command):
        for option in reversed(stack):
            command = option(command)
        return command

    return apply


def pipeline_options(formats: str, engine: str, deskew: bool, punctuation: str,
                     debug_layout: bool = False, language_model: bool = True) -> PipelineOptions:
    """The one options value a command hands to every pipeline it runs."""
    return PipelineOptions(engine=engine, deskew=deskew, formats=page_formats(formats), punctuation=punctuation,
                           debug_layout=debug_layout, language_model=language_model)
