"""`broadsheet issue INPUT --out OUT`: the pages of one issue, then the issue as a whole."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from broadsheet.batch import ERRORS_FILE
from broadsheet.cli import options
from broadsheet.cli.batch import LogLines, ProgressBar
from broadsheet.executors import ExecutorSpec
from broadsheet.issue.formats import ISSUE_JSON, split_formats
from broadsheet.names import printable


@click.command("issue", short_help="Read a whole issue and join its articles across pages.")
@click.argument("source", metavar="INPUT", type=options.ANY_PATH)
@click.option("--out", "-o", metavar="OUT", type=options.FOLDER, required=True, help="Output folder.")
@options.batch_run(issue=True)
def command(source: Path, out: Path, workers: int, formats: str, force: bool, engine: str, deskew: bool,
            max_pages: int, executor: str, address: str | None, punctuation: str,
            language_model: bool) -> None:
    """Read every page of an issue, put the pages in order and join the articles that run across
    pages into OUT/ISSUE.json; run it again to resume where it stopped.

    INPUT is a multi-page PDF or TIFF, or a folder of page files in page order by the numbers in
    their names (p2 before p10). The folio in each page's header band (第4版, A2, Page 2) orders the
    pages where every page has one of its own; a page whose folio disagrees with the file order is
    reported. Pages' files are named as batch names them (issue_p001.json ...).

    Workers, executors and resume as in batch: failed pages are listed in OUT/errors.jsonl and in
    ISSUE.json's warnings, and the issue is written from the pages read.
    """
    from broadsheet.issue.run import run_issue

    page_formats, issue_formats = split_formats(formats)
    chosen = options.pipeline_options(",".join(page_formats), engine, deskew, punctuation,
                                      language_model=language_model)
    spec = ExecutorSpec(executor, workers, address)
    interactive = sys.stderr.isatty()
    reporter = ProgressBar() if interactive else LogLines()
    try:
        result = run_issue(source, out, chosen, issue_formats, force=force, executor=spec, max_pages=max_pages,
                           reporter=reporter)
    finally:
        reporter.close()
    summary = result.batch
    failed = len(summary.failed)
    tail = f" (see {out / ERRORS_FILE})" if failed and summary.errors_logged else ""
    results = sys.stderr if interactive else sys.stdout
    print(printable(f"{summary.done} done, {summary.skipped} skipped, {failed} failed{tail}"), file=results)
    for warning in result.issue.warnings if result.issue else []:
        print(printable(f"warning: {warning}"), file=sys.stderr)
    tail = f" ({out / ISSUE_JSON})" if result.issue else ""
    print(printable(result.line + tail), file=results)
    if failed:
        sys.exit(int(summary.exit_code))
