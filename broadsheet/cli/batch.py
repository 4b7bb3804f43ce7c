"""`broadsheet batch INPUT_DIR --out OUT_DIR`: every page in a folder tree, in parallel, resumably."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn, TimeRemainingColumn
from rich.text import Text

from broadsheet.batch import ERRORS_FILE, PageOutcome, run_batch
from broadsheet.export import parse_formats


def command(
    input_dir: Path = typer.Argument(..., help="Folder of page files (png, jpg, tif, bmp, webp, pdf)."),
    out: Path = typer.Option(..., "--out", "-o", help="Output folder; mirrors the input tree."),
    workers: int = typer.Option(os.cpu_count() or 1, "--workers", "-j", min=1,
                                help="Worker processes, each loading the OCR models once."),
    recursive: bool = typer.Option(False, "--recursive", "-r", help="Descend into subfolders."),
    formats: str = typer.Option("txt,json", "--formats", "-f",
                                help="Comma-separated output formats, or 'all'."),
    force: bool = typer.Option(False, "--force", help="Redo pages whose outputs are up to date."),
    engine: str = typer.Option("rapidocr", help="OCR engine."),
) -> None:
    """Process every page file in INPUT_DIR; run it again to resume where it stopped.

    IN/sub/a.png gives OUT/sub/a.txt and OUT/sub/a.json; pages of a TIFF or PDF add _p001, _p002...

    Files in one folder whose names differ only by extension (a.png, a.jpg) keep the whole name: a.png.txt, a.jpg.txt.

    A page whose outputs all exist and are newer than it is skipped (--force redoes it). Failed pages are listed in OUT/errors.jsonl. Hidden files and symlinks are ignored.
    """
    chosen = parse_formats(formats)
    interactive = sys.stderr.isatty()
    reporter = _ProgressBar() if interactive else _LogLines()
    try:
        summary = run_batch(input_dir, out, recursive=recursive, formats=chosen, force=force,
                            workers=workers, engine=engine, reporter=reporter)
    finally:
        reporter.close()
    failed = len(summary.failed)
    tail = f" (see {out / ERRORS_FILE})" if failed else ""
    print(f"{summary.done} done, {summary.skipped} skipped, {failed} failed{tail}",
          file=sys.stderr if interactive else sys.stdout)
    if failed:
        raise typer.Exit(int(summary.exit_code))


class _LogLines:
    """One line per page, for logs and pipes."""

    def start(self, to_do: int, skipped: int) -> None:
        if skipped:
            print(f"{skipped} pages already done, {to_do} to do", flush=True)

    def page(self, outcome: PageOutcome) -> None:
        print(outcome.line, file=sys.stderr if outcome.failed else sys.stdout, flush=True)

    def close(self) -> None:
        pass


class _PagesPerMinute(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed * 60:.1f} pages/min" if speed else "-- pages/min", style="progress.data.speed")


class _ProgressBar:
    """A live bar on the terminal; errors still get their line above it."""

    def __init__(self) -> None:
        self._progress = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
            _PagesPerMinute(), TimeRemainingColumn(), console=Console(stderr=True))
        self._task = None

    def start(self, to_do: int, skipped: int) -> None:
        note = f" ({skipped} already done)" if skipped else ""
        self._task = self._progress.add_task(f"pages{note}", total=to_do)
        self._progress.start()

    def page(self, outcome: PageOutcome) -> None:
        if outcome.failed:
            self._progress.console.print(outcome.line, markup=False, highlight=False)
        self._progress.advance(self._task)

    def close(self) -> None:
        self._progress.stop()
