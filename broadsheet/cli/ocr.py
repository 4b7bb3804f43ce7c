"""`broadsheet ocr PAGE... --out OUT`: process page files one after another."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from broadsheet.cli import options
from broadsheet.errors import BroadsheetError
from broadsheet.export import parse_formats


@click.command("ocr", short_help="Read page files one after another.")
@click.argument("pages", metavar="PAGE...", nargs=-1, required=True, type=options.ANY_PATH)
@click.option("--out", "-o", metavar="OUT", type=options.FOLDER, default=Path("results"), show_default=True,
              help="Output folder.")
@options.formats()
@options.engine()
def command(pages: tuple[Path, ...], out: Path, formats: str, engine: str) -> None:
    """Read page files into articles, paragraphs and captioned photos.

    PAGE.png gives OUT/PAGE.txt, OUT/PAGE.json and the photo crops in OUT/PAGE/photos/; each page
    of a PDF or multi-page TIFF adds _p001, _p002, ... Page files: png, jpg, tif, bmp, webp, pdf.

    A page that cannot be read gets one error line, and the others go on; the exit status is then
    not 0. For a whole folder, see `broadsheet batch`.
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
        sys.exit(int(summary.exit_code))
