"""`broadsheet ocr PAGE... --out DIR`: process page files one after another."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from broadsheet.errors import BroadsheetError
from broadsheet.export import parse_formats


def ocr_command(
    pages: list[Path] = typer.Argument(..., help="Page files: png, jpg, tif (every page), bmp, webp, pdf."),
    out: Path = typer.Option(Path("results"), "--out", "-o", help="Output folder."),
    formats: str = typer.Option("txt,json", "--formats", "-f",
                                help="Comma-separated output formats, or 'all'."),
    engine: str = typer.Option("rapidocr", help="OCR engine."),
) -> None:
    """Turn page images into articles, paragraphs and captioned photos.

    PAGE.png gives OUT/PAGE.txt, OUT/PAGE.json and OUT/PAGE/photos/; pages of a PDF or multi-page
    TIFF add _p001, _p002...
    """
    from broadsheet.batch import BatchSummary, PageOutcome, failure, page_tasks, run_page
    from broadsheet.pipeline import Pipeline

    chosen = parse_formats(formats)
    pipeline = Pipeline(engine=engine)
    summary = BatchSummary()

    def report(outcome: PageOutcome) -> None:
        print(outcome.line, file=sys.stderr if outcome.failed else sys.stdout, flush=True)
        if outcome.failed:
            summary.failed.append(outcome)
        else:
            summary.done += 1

    for path in pages:
        try:
            tasks = page_tasks(path, out, path.stem, chosen)
        except BroadsheetError as exc:  # the file itself cannot be opened
            report(failure(str(path), path, exc))
            continue
        for task in tasks:
            report(run_page(pipeline, task))
    if summary.done:
        print(f"results in {out}/")
    if summary.failed:
        raise typer.Exit(int(summary.exit_code))
