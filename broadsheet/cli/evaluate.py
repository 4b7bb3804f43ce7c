"""`broadsheet eval PRED GOLD`: score predictions against ground truth."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from broadsheet.cli import options
from broadsheet.errors import ExitCode, FileAccessError
from broadsheet.evaluate import Report, evaluate_paths, failed_bounds, parse_bounds, render_html
from broadsheet.imageio import atomic_write
from broadsheet.names import printable

# (column title, metric key, format) for the terminal table: the scores a reader looks at first, in
# short columns so the table fits an 80-column terminal. `--json` and `--report` have every metric.
COLUMNS = (
    ("CER", "cer", "{:.2%}"),
    ("read", "reading_cer", "{:.2%}"),
    ("art", "article_f1", "{:.2f}"),
    ("par", "paragraph_f1", "{:.2f}"),
    ("order", "reading_order", "{:.2f}"),
    ("false hl", "false_headlines", "{:.1f}"),
    ("subhd", "subhead_placement", "{:.2f}"),
    ("pair", "caption_pairing", "{:.2f}"),
    ("capt", "caption_accuracy", "{:.2f}"),
    ("link", "photo_link_accuracy", "{:.2f}"),
)
# with line boxes in the truth, a second table: the structure again, matched by boxes rather than text
BOX_COLUMNS = (("lines", "box_lines_found", "{:.2f}"), ("art", "box_article_f1", "{:.2f}"),
               ("par", "box_paragraph_f1", "{:.2f}"), ("pair", "box_caption_pairing", "{:.2f}"))
# --strict: CER as printed, and the slips NFKC would hide, in place of the last structure columns
STRICT_COLUMNS = (("CER!", "strict_cer", "{:.2%}"), *COLUMNS[2:6], ("width", "width_slips", "{}"),
                  ("script", "script_slips", "{}"))


@click.command("eval", short_help="Score predicted pages against ground truth.")
@click.argument("pred", metavar="PRED", type=options.ANY_PATH)
@click.argument("gold", metavar="GOLD", type=options.ANY_PATH)
@click.option("--json", "json_path", metavar="FILE", type=options.FILE,
              help="Write per-page and overall metrics as JSON.")
@click.option("--report", metavar="FILE", type=options.FILE, help="Write a self-contained HTML report with diffs.")
@click.option("--fail-under", metavar="BOUNDS",
              help="Exit 6 when a bound is missed, or a gold page has no prediction. BOUNDS: key=value,... "
                   "with keys cer, reading_cer, wer, false_headlines (maxima), article, paragraph, order, caption, "
                   "pairing, subheads, link, photo_precision, photo_recall (minima); e.g. cer=0.02,caption=0.9.")
@click.option("--strict", is_flag=True,
              help="CER without NFKC: a , for ， or 強 for 强 counts; adds the width and script slips.")
def command(pred: Path, gold: Path, json_path: Path | None, report: Path | None, fail_under: str | None,
            strict: bool) -> None:
    """Score predicted pages against ground truth: CER/WER, articles, paragraphs, order, photos.

    An article is matched when its text is the truth's within half (1 - CER >= 0.5); a paragraph
    is found whole when it lacks or adds at most a tenth of its truth's characters (a character
    read as another is the reading's fault, which "read" scores) and reads within half.

    When the truth has line boxes a second table, "structure by line boxes", scores article F1,
    paragraph F1 and caption pairing again with lines matched by their boxes, not their text: the
    structure apart from how well it was read ("lines": the share of the truth's text on lines
    found).

    "read" is the reading CER: the page CER with each predicted block (paragraph, headline,
    caption) placed where it best matches the truth, so blocks read in another order cost nothing
    (that is "order") while text misread, lost or doubled still counts.

    PRED is a page JSON written by broadsheet, GOLD its ground truth (.json, .alto.xml, .page.xml
    or .txt); or both are folders, paired by page name (NAME.json with NAME.*); an issue's
    ISSUE.json and a fixture issue's truth.json are no pages and are passed over. Gold pages
    without a prediction are listed by name and left out of the scores.
    """
    bounds = parse_bounds(fail_under) if fail_under is not None else []  # bad bounds fail before work
    result = evaluate_paths(pred, gold)
    Console().print(_with_notes(_table(result, STRICT_COLUMNS if strict else COLUMNS, "broadsheet eval"), result))
    if any(page.scores.box_article_f1 is not None for page in result.pages):
        Console().print(_table(result, BOX_COLUMNS, "structure by line boxes"))
    if result.missing_predictions:
        total = len(result.pages) + len(result.missing_predictions)
        print(printable(f"broadsheet: gold pages without a prediction, not scored: {len(result.missing_predictions)} "
                        f"of {total} ({', '.join(result.missing_predictions)})"), file=sys.stderr)
    if json_path:
        _write(json_path, json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    if report:
        _write(report, render_html(result))
    failures = failed_bounds(result.overall(), bounds, result.missing_predictions) if bounds else []
    for message in failures:
        print(printable(f"broadsheet: bound missed: {message}"), file=sys.stderr)
    if failures:
        sys.exit(int(ExitCode.QUALITY_BELOW_BOUND))


def _write(path: Path, text: str) -> None:
    """An output that cannot be written is one line and exit 5, as a page's outputs are."""
    try:
        with atomic_write(path) as handle:
            handle.write(text)
    except OSError as exc:
        # creating the folder says "File exists" where a parent folder is a file
        reason = "a parent folder is a file" if isinstance(exc, FileExistsError) else exc.strerror or str(exc)
        raise FileAccessError(f"{path}: cannot write ({reason})") from exc


def _table(result: Report, columns: tuple[tuple[str, str, str], ...], title: str) -> Table:
    table = Table(box=box.SIMPLE_HEAD, title=title, collapse_padding=True, pad_edge=False)
    table.add_column("page", overflow="fold", min_width=7)
    for heading, _, _ in columns:
        table.add_column(heading, justify="right", no_wrap=True)
    for page in result.pages:
        table.add_row(Text(printable(page.name)), *_cells(page.metrics(), columns))  # text, never markup
    table.add_section()
    table.add_row("[bold]overall[/bold]", *_cells(result.overall(), columns))
    return table


def _with_notes(table: Table, result: Report) -> Table:
    notes = []
    if result.missing_predictions:
        notes.append("no prediction (not scored): " + ", ".join(result.missing_predictions))
    if result.unpaired_predictions:
        notes.append("not scored (no ground truth): " + ", ".join(result.unpaired_predictions))
    if doubtful := [page.name for page in result.pages if page.doubtful]:
        notes.append("reading flagged doubtful (small type read with low confidence): " + ", ".join(doubtful))
    table.caption = Text("\n".join(printable(note) for note in notes)) if notes else None
    return table


def _cells(metrics: dict, columns: tuple[tuple[str, str, str], ...]) -> list[str]:
    return ["–" if metrics[key] is None else form.format(metrics[key]) for _, key, form in columns]
