"""The `broadsheet` command: a thin shell over the library. Each subcommand lives in its own module."""

from __future__ import annotations

import sys

import typer

from broadsheet.errors import BroadsheetError, ExitCode

app = typer.Typer(
    name="broadsheet",
    help="Turn scanned newspaper pages into articles, paragraphs and captioned photos.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _group() -> None:
    """Keep subcommands even while only one is registered."""


from broadsheet.cli import batch, evaluate, ocr, watch  # noqa: E402 - the app must exist first

app.command("ocr")(ocr.ocr_command)
app.command("batch")(batch.command)
app.command("watch")(watch.command)
app.command("eval")(evaluate.command)


def main() -> None:
    try:
        app()
    except BroadsheetError as exc:
        print(f"broadsheet: error: {exc}", file=sys.stderr)
        sys.exit(int(exc.exit_code))
    except KeyboardInterrupt:
        sys.exit(int(ExitCode.CTRL_C))
