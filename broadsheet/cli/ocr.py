"""`broadsheet ocr PAGE... --out DIR`: process page images one after another."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from broadsheet.errors import BroadsheetError, ExitCode
from broadsheet.export import parse_formats


def ocr_command(
    pages: list[Path] = typer.Argument(..., help="Page images (png, jpg, tif, ...)."),
    out: Path = typer.Option(Path("results"), "--out", "-o", help="Output folder."),
    formats: str = typer.Option("txt,json", "--formats", "-f",
                                help="Comma-separated output formats, or 'all'."),
    engine: str = typer.Option("rapidocr", help="OCR engine."),
) -> None:
    """Turn page images into articles, paragraphs and captioned photos."""
    from broadsheet.pipeline import Pipeline

    chosen = parse_formats(formats)
    pipeline = Pipeline(engine=engine)
    failed = 0
    for path in pages:
        try:
            result = pipeline.process_file(path, out, formats=chosen)
        except BroadsheetError as exc:
            failed += 1
            print(f"{path}: error: {_one_line(exc)}", file=sys.stderr)
            continue
        except Exception as exc:  # a bug one page triggers must not cost the others
            failed += 1
            print(f"{path}: error: internal error {type(exc).__name__}: {_one_line(exc)}", file=sys.stderr)
            continue
        page = result.page
        print(f"{path}: {len(page.articles)} articles, {len(page.photos)} photos, "
              f"{result.seconds:.1f} s -> {out / path.stem}.*")
    if failed:
        raise typer.Exit(int(ExitCode.INPUT_FILE))


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())
