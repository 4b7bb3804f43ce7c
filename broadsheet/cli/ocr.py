"""`broadsheet ocr PAGE... --out OUT`: process page files one after another."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from broadsheet.cli import options
from broadsheet.names import printable


@click.command("ocr", short_help="Read page files one after another.")
@click.argument("pages", metavar="PAGE...", nargs=-1, required=True, type=options.ANY_PATH)
@click.option("--out", "-o", metavar="OUT", type=options.FOLDER, default=Path("results"), show_default=True,
              help="Output folder.")
@options.formats()
@options.engine()
@options.deskew()
@options.max_pages()
@options.punctuation()
@options.language_model()
@click.option("--debug-layout", is_flag=True,
              help="Also draw what each layout pass decided: OUT/PAGE.debug/01-rules.jpg ... 06-articles.jpg.")
def command(pages: tuple[Path, ...], out: Path, formats: str, engine: str, deskew: bool, max_pages: int,
            punctuation: str, language_model: bool, debug_layout: bool) -> None:
    """Read page files into articles, paragraphs and captioned photos.

    PAGE.png gives OUT/PAGE.txt, OUT/PAGE.json and the photo crops in OUT/PAGE/photos/; each page
    of a PDF or multi-page TIFF adds _p001, _p002, ... Page files: png, jpg, tif, bmp, webp, gif,
    jp2, pdf. Pages whose names clash (a/x.png, b/x.jpg) keep their whole names: x.png.txt.

    A page that cannot be read gets one error line, and the others go on; the exit status is then
    not 0. For a whole folder, see `broadsheet batch`.
    """
    from broadsheet.batch import run_files
    from broadsheet.cli.batch import LogLines

    chosen = options.pipeline_options(formats, engine, deskew, punctuation, debug_layout, language_model)
    summary = run_files(pages, out, chosen, max_pages=max_pages, reporter=LogLines())
    if summary.done:
        doubtful = f" ({summary.doubtful} read doubtfully: check or rescan)" if summary.doubtful else ""
        print(printable(f"results in {out}/{doubtful}"))
    if summary.failed:
        sys.exit(int(summary.exit_code))

