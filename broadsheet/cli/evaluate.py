"""`broadsheet eval PRED GOLD`: score predictions against ground truth."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from broadsheet.errors import ExitCode
from broadsheet.evaluate import Report, evaluate_paths, failed_bounds, parse_bounds, render_html
from broadsheet.imageio import atomic_write

# (column title, metric key) for the terminal table.
# Short titles keep the ten columns readable in an 80-column terminal.
COLUMNS = (
    ("CER", "cer"),
    ("WER", "wer"),
    ("art F1", "article_f1"),
    ("par F1", "paragraph_f1"),
    ("order", "reading_order"),
    ("caption", "caption_accuracy"),
    ("link", "photo_link_accuracy"),
    ("photo P", "photo_precision"),
    ("photo R", "photo_recall"),
)


def command(
    pred: Annotated[Path, typer.Argument(help="Predicted page JSON, or a folder of NAME.json.")],
    gold: Annotated[
        Path,
        typer.Argument(
            help="Ground truth (.json, .txt, ...), or a folder paired with PRED by NAME."
        ),
    ],
    report: Annotated[
        Path | None, typer.Option("--report", help="Write a self-contained HTML report with diffs.")
    ] = None,
    json_path: Annotated[
        Path | None, typer.Option("--json", help="Write per-page and overall metrics as JSON.")
    ] = None,
    fail_under: Annotated[
        str | None,
        typer.Option(
            "--fail-under",
            help="Exit 6 when a bound is missed: cer=0.02,wer=...,article=,paragraph=,order=,"
            "caption=,link=,photo_precision=,photo_recall= (cer/wer are maxima, the rest minima).",
        ),
    ] = None,
) -> None:
    """Score predicted pages against ground truth: CER/WER, articles, paragraphs, order, photos."""
    bounds = (
        parse_bounds(fail_under) if fail_under is not None else []
    )  # bad bounds fail before work
    result = evaluate_paths(pred, gold)
    Console().print(_table(result))
    if json_path:
        with atomic_write(json_path) as handle:
            json.dump(result.to_dict(), handle, ensure_ascii=False, indent=2)
    if report:
        with atomic_write(report) as handle:
            handle.write(render_html(result))
    failures = failed_bounds(result.overall(), bounds)
    for message in failures:
        typer.echo(f"broadsheet: below bound: {message}", err=True)
    if failures:
        raise typer.Exit(int(ExitCode.QUALITY_BELOW_BOUND))


def _table(result: Report) -> Table:
    table = Table(
        box=box.SIMPLE_HEAD, title="broadsheet eval", collapse_padding=True, pad_edge=False
    )
    table.add_column("page", overflow="fold", min_width=7)
    for title, _ in COLUMNS:
        table.add_column(title, justify="right", no_wrap=True)
    for page in result.pages:
        name = f"{page.name} [red](no prediction)[/red]" if page.missing_prediction else page.name
        table.add_row(name, *_cells(page.metrics()))
    table.add_section()
    table.add_row("[bold]overall[/bold]", *_cells(result.overall()))
    if result.unpaired_predictions:
        table.caption = "not scored (no ground truth): " + ", ".join(result.unpaired_predictions)
    return table


def _cells(metrics: dict) -> list[str]:
    return ["–" if metrics[key] is None else f"{metrics[key]:.3f}" for _, key in COLUMNS]
