"""Options shared by several commands, with the metavars their help shows."""

from __future__ import annotations

from pathlib import Path

import click

from broadsheet.inputs import DEFAULT_MAX_PAGES

FOLDER = click.Path(path_type=Path, file_okay=False)
FILE = click.Path(path_type=Path, dir_okay=False)
ANY_PATH = click.Path(path_type=Path)


def formats(**extra):
    return click.option(
        "--formats", "-f", metavar="LIST", default="txt,json", show_default=True,
        help="Comma-separated output formats (txt, json, alto, page, hocr, md, overlay, html), or all.", **extra)


def engine(**extra):
    return click.option(
        "--engine", metavar="NAME", default="rapidocr", show_default=True,
        help="OCR engine: rapidocr, tesseract, or tesseract:LANG (an installed Tesseract language).", **extra)


def max_pages(**extra):
    return click.option(
        "--max-pages", metavar="N", type=click.IntRange(min=1), default=DEFAULT_MAX_PAGES, show_default=True,
        help="Refuse a PDF or TIFF with more pages than this (a few bytes can claim thousands).", **extra)


def workers(default: int, **extra):
    return click.option(
        "--workers", "-j", metavar="N", type=click.IntRange(min=1), default=default, show_default=True,
        help="Worker processes, each loading the OCR models once.", **extra)


def punctuation(**extra):
    return click.option(
        "--punctuation", metavar="POLICY", type=click.Choice(["default", "fullwidth", "as-read"]),
        default="default", show_default=True,
        help="Punctuation between CJK text: default (ASCII , : ; ! ? ( ) with “” 、 。), fullwidth "
             "(GB/T 15834), or as-read (as the recogniser read it).", **extra)
