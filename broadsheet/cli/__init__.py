"""The `broadsheet` command: a thin shell over the library. Each subcommand lives in its own module.

Exit statuses (README, "Exit codes") are decided here, in one place: click's own argument errors
exit 1 like ours (click alone would exit 2, which means "a page could not be read"), a
BroadsheetError exits with its code after one line, Ctrl-C with 130, and a bug with 15.
"""

from __future__ import annotations

import sys
import traceback

import click

from broadsheet.errors import BroadsheetError, ExitCode
from broadsheet.names import printable


class BroadsheetGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)  # in the order of the README, not alphabetical

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            # not standalone: click hands every ending to us instead of choosing its own status
            status = super().main(args, prog_name or "broadsheet", complete_var, standalone_mode=False, **extra)
        except click.ClickException as exc:
            exc.show()
            status = ExitCode.BAD_ARGS
        except (click.Abort, KeyboardInterrupt):
            status = ExitCode.CTRL_C
        except BroadsheetError as exc:
            print(printable(f"broadsheet: error: {exc}"), file=sys.stderr)
            status = exc.exit_code
        except Exception:
            traceback.print_exc()
            print("broadsheet: internal error (a bug: please report it with the lines above)", file=sys.stderr)
            status = ExitCode.OTHER_ERROR
        sys.exit(int(status) if isinstance(status, int) else 0)


@click.group("broadsheet", cls=BroadsheetGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="broadsheet", prog_name="broadsheet", message="%(prog)s %(version)s")
def app() -> None:
    """Turn scanned newspaper pages into articles, paragraphs and captioned photos.

    Run `broadsheet COMMAND --help` for each command's options. Exit status: 0 ok, 1 bad
    arguments, 2 a page could not be read, 3 missing dependency, 5 a file or folder could not be
    read or written, 6 an eval bound was missed, 15 other error, 130 interrupted.
    """


from broadsheet.cli import batch, evaluate, ocr, watch  # noqa: E402 - the group must exist first

app.add_command(ocr.command)
app.add_command(batch.command)
app.add_command(watch.command)
app.add_command(evaluate.command)


def main() -> None:
    # a file name's undecodable bytes must not end a run when its line is printed
    sys.stdout.reconfigure(errors="backslashreplace")
    app.main()
