"""`broadsheet watch INBOX --out OUT`: process page files as they land in a folder."""

from __future__ import annotations

import signal
import sys
from pathlib import Path
from types import FrameType

import click

from broadsheet.cli import on_stop_signals, options
from broadsheet.watch.settle import MAX_SETTLE


@click.command("watch", short_help="Read page files as they land in an inbox folder.")
@click.argument("inbox", metavar="INBOX", envvar="BROADSHEET_INBOX", type=options.ANY_PATH)
@click.option("--out", "-o", metavar="OUT", envvar="BROADSHEET_OUT", show_envvar=True, type=options.FOLDER,
              required=True, help="Output folder; mirrors the inbox's subfolders.")
@click.option("--done", metavar="FOLDER", envvar="BROADSHEET_DONE", show_envvar=True, type=options.FOLDER,
              show_default="INBOX/.done", help="Where processed files go.")
@click.option("--failed", metavar="FOLDER", envvar="BROADSHEET_FAILED", show_envvar=True, type=options.FOLDER,
              show_default="INBOX/.failed", help="Where failed and refused files go, each with NAME.error.txt.")
@options.workers(1, envvar="BROADSHEET_WORKERS", show_envvar=True)
@click.option("--poll", is_flag=True, envvar="BROADSHEET_POLL", show_envvar=True,
              help="Poll the folder instead of waiting for OS events (network shares).")
@click.option("--settle", metavar="SECONDS", type=options.FiniteRange(min=0.0, max=MAX_SETTLE), default=2.0,
              show_default=True, envvar="BROADSHEET_SETTLE", show_envvar=True,
              help="How long a file must stay unchanged before it is taken.")
@options.formats(envvar="BROADSHEET_FORMATS", show_envvar=True)
@options.engine()
@options.deskew(envvar="BROADSHEET_DESKEW", show_envvar=True)
@options.max_pages(envvar="BROADSHEET_MAX_PAGES", show_envvar=True)
@options.punctuation(envvar="BROADSHEET_PUNCTUATION", show_envvar=True)
@options.language_model(envvar="BROADSHEET_LANGUAGE_MODEL", show_envvar=True)
def command(inbox: Path, out: Path, done: Path | None, failed: Path | None, workers: int, poll: bool,
            settle: float, formats: str, engine: str, deskew: bool, max_pages: int, punctuation: str,
            language_model: bool) -> None:
    """Process each page file dropped into INBOX, then move it to the done or failed folder.

    Files already in INBOX go first. A file is taken once it has stopped changing for SETTLE
    seconds. Symlinks, fifos and devices are refused; hidden and temporary files are ignored. A
    name that clashes with a sibling (a.jpg next to a.png) keeps the whole name: a.jpg.txt. A
    second a.png, after done holds one, is filed as a.1.png and writes a.1.txt.

    One watcher per inbox: INBOX/.broadsheet.lock stops a second one, and OUT/.broadsheet.lock
    a batch or watch writing to the same OUT. INBOX may also come from BROADSHEET_INBOX.

    SIGINT, SIGTERM or SIGHUP finishes the pages in hand and exits 0; a second one stops at once.
    """
    from broadsheet.watch import Watcher, WatchSettings

    settings = WatchSettings(inbox=inbox, out_dir=out, done_dir=done, failed_dir=failed,
                             workers=workers, poll=poll, settle=settle,
                             options=options.pipeline_options(formats, engine, deskew, punctuation,
                                                              language_model=language_model), max_pages=max_pages)
    watcher = Watcher(settings)

    def on_signal(signum: int, frame: FrameType | None) -> None:
        if watcher.stopping:
            raise KeyboardInterrupt
        print(f"broadsheet watch: {signal.Signals(signum).name}, finishing the pages in hand",
              file=sys.stderr, flush=True)
        watcher.stop()

    signal.signal(signal.SIGINT, on_signal)
    on_stop_signals(on_signal)
    watcher.run()
