"""The `broadsheet` command: a thin shell over the library. Each subcommand lives in its own module.

Exit statuses (README, "Exit codes") are decided here, in one place: click's own argument errors
exit 1 like ours (click alone would exit 2, which means "a page could not be read"), a
BroadsheetError exits with its code after one line, Ctrl-C with 130, SIGHUP and SIGTERM with
129 and 143, and a bug with 15.
"""

from __future__ import annotations

import signal
import sys
import traceback
from types import FrameType

import click

from broadsheet.errors import BroadsheetError, ExitCode, Stopped
from broadsheet.names import printable

STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)  # handled as Ctrl-C is: the run's workers stop with it


def _stop(signum: int, frame: FrameType | None) -> None:
    raise Stopped(signum)


def on_stop_signals(handler) -> None:
    """`handler` for SIGTERM and SIGHUP, unless the process was started ignoring one (nohup)."""
    for signum in STOP_SIGNALS:
        if signal.getsignal(signum) is not signal.SIG_IGN:
            signal.signal(signum, handler)


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
        except Stopped as exc:
            print(f"broadsheet: stopped by {signal.Signals(exc.signum).name}", file=sys.stderr)
            status = exc.exit_code
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
    read or written, 6 an eval bound was missed, 15 other error, 130 interrupted (Ctrl-C),
    129 and 143 stopped by SIGHUP and SIGTERM.
    """


from broadsheet.cli import batch, evaluate, issue, ocr, watch  # noqa: E402 - the group must exist first

app.add_command(ocr.command)
app.add_command(batch.command)
app.add_command(issue.command)
app.add_command(watch.command)
app.add_command(evaluate.command)


def main() -> None:
    # a file name's undecodable bytes must not end a run when its line is printed
    sys.stdout.reconfigure(errors="backslashreplace")
    # the default action would end this process at once, its workers left running on their own
    on_stop_signals(_stop)
    app.main()
