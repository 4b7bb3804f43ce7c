"""`broadsheet batch FOLDER --out OUT`: every page in a folder tree, in parallel, resumably."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn
from rich.text import Text

from broadsheet.batch import ERRORS_FILE, PageOutcome, run_batch
from broadsheet.cli import options
from broadsheet.executors import ExecutorSpec
from broadsheet.names import printable


@click.command("batch", short_help="Read every page file in a folder, resumably.")
@click.argument("folder", metavar="FOLDER", type=options.ANY_PATH)
@click.option("--out", "-o", metavar="OUT", type=options.FOLDER, required=True,
              help="Output folder; mirrors FOLDER's subfolders.")
@click.option("--recursive", "-r", is_flag=True, help="Descend into subfolders.")
@options.batch_run()
def command(folder: Path, out: Path, workers: int, recursive: bool, formats: str, force: bool,
            engine: str, deskew: bool, max_pages: int, executor: str, address: str | None,
            punctuation: str, language_model: bool) -> None:
    """Read every page file in FOLDER; run it again to resume where it stopped.

    FOLDER/sub/a.png gives OUT/sub/a.txt and OUT/sub/a.json; each page of a TIFF or PDF adds
    _p001, _p002, ... Page files: png, jpg, tif, bmp, webp, gif, jp2, pdf. Files in one folder
    whose names differ only by extension (a.png, a.jpg) keep the whole name: a.png.txt, a.jpg.txt.

    A page whose outputs all exist and are newer than it is skipped (--force redoes it). Failed
    pages are listed in OUT/errors.jsonl. Hidden files and symlinks are ignored. OUT/.broadsheet.lock
    keeps a second batch or watch from writing to OUT at the same time.

    --executor ray or dask runs the pages on a cluster (--workers workers; without an address, a
    local one started and stopped with the run). FOLDER and OUT must then be at the same path on
    every worker's machine (a shared filesystem).
    """
    chosen = options.pipeline_options(formats, engine, deskew, punctuation, language_model=language_model)
    spec = ExecutorSpec(executor, workers, address)
    interactive = sys.stderr.isatty()
    reporter = ProgressBar() if interactive else LogLines()
    try:
        summary = run_batch(folder, out, chosen, recursive=recursive, force=force, executor=spec,
                            max_pages=max_pages, reporter=reporter)
    finally:
        reporter.close()
    failed = len(summary.failed)
    tail = f" (see {out / ERRORS_FILE})" if failed and summary.errors_logged else ""
    doubtful = f" ({summary.doubtful} read doubtfully: check or rescan)" if summary.doubtful else ""
    print(printable(f"{summary.done} done{doubtful}, {summary.skipped} skipped, {failed} failed{tail}"),
          file=sys.stderr if interactive else sys.stdout)
    if failed:
        sys.exit(int(summary.exit_code))


class LogLines:
    """One line per page, for logs and pipes: results on stdout, errors on stderr; names escaped
    (`names.printable`), so that none can forge a line."""

    def start(self, to_do: int, skipped: int) -> None:
        if skipped:
            print(f"{skipped} pages already done, {to_do} to do", flush=True)

    def page(self, outcome: PageOutcome) -> None:
        print(printable(outcome.line), file=sys.stderr if outcome.failed else sys.stdout, flush=True)

    def warning(self, line: str) -> None:
        print(printable(line), file=sys.stderr, flush=True)

    def close(self) -> None:
        pass


def _pages_per_second(task: Task) -> float | None:
    """Pages finished over the time since the run began. Rich's own speed looks only at the
    last few updates: two pages a second apart after half a minute of loading read as 60/min."""
    elapsed = task.elapsed
    return task.completed / elapsed if task.completed and elapsed else None


class PagesPerMinute(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = _pages_per_second(task)
        return Text(f"{speed * 60:.1f} pages/min" if speed else "-- pages/min", style="progress.data.speed")


class TimeLeft(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = _pages_per_second(task)
        if not speed or task.total is None:
            return Text("-:--:--", style="progress.remaining")
        seconds = round(max(task.total - task.completed, 0) / speed)
        return Text(f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}", style="progress.remaining")


class ProgressBar:
    """A live bar on the terminal; errors still get their line above it."""

    def __init__(self, console: Console | None = None) -> None:
        self._progress = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
            PagesPerMinute(), TimeLeft(), console=console or Console(stderr=True))
        self._task = None

    def start(self, to_do: int, skipped: int) -> None:
        note = f" ({skipped} already done)" if skipped else ""
        self._task = self._progress.add_task(f"pages{note}", total=to_do)
        self._progress.start()

    def page(self, outcome: PageOutcome) -> None:
        if outcome.failed:
            self.warning(outcome.line)
        self._progress.advance(self._task)

    def warning(self, line: str) -> None:
        self._progress.console.print(printable(line), markup=False, highlight=False)

    def close(self) -> None:
        self._progress.stop()
