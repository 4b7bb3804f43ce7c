"""`broadsheet watch INBOX --out OUT_DIR`: process page files as they land in a folder."""

from __future__ import annotations

import signal
import sys
from pathlib import Path
from types import FrameType

import typer

from broadsheet.export import parse_formats


def command(
    inbox: Path = typer.Argument(..., envvar="BROADSHEET_INBOX",
                                 help="Folder to watch (subfolders included)."),
    out: Path = typer.Option(..., "--out", "-o", envvar="BROADSHEET_OUT",
                             help="Output folder; mirrors the inbox's subfolders."),
    done: Path | None = typer.Option(None, "--done", envvar="BROADSHEET_DONE",
                                     help="Where processed files go [default: INBOX/.done]."),
    failed: Path | None = typer.Option(None, "--failed", envvar="BROADSHEET_FAILED",
                                       help="Where failed and refused files go, with NAME.error.txt "
                                            "[default: INBOX/.failed]."),
    workers: int = typer.Option(1, "--workers", "-j", min=1, envvar="BROADSHEET_WORKERS",
                                help="Worker processes, each loading the OCR models once."),
    poll: bool = typer.Option(False, "--poll", envvar="BROADSHEET_POLL",
                              help="Poll the folder instead of OS events (network shares)."),
    settle: float = typer.Option(2.0, "--settle", min=0.0, envvar="BROADSHEET_SETTLE",
                                 help="Seconds a file must stay unchanged before it is taken."),
    formats: str = typer.Option("txt,json", "--formats", "-f", envvar="BROADSHEET_FORMATS",
                                help="Comma-separated output formats, or 'all'."),
    engine: str = typer.Option("rapidocr", help="OCR engine."),
) -> None:
    """Process each page file dropped into INBOX, then move it to the done or failed folder.

    Files already in INBOX go first. A file is taken once it has stopped changing for SETTLE seconds.

    Symlinks, fifos and devices are refused; hidden and temporary files are ignored. A name that clashes with a sibling (a.jpg next to a.png) keeps the whole name: a.jpg.txt.

    SIGINT or SIGTERM finishes the page in hand and exits 0; a second one stops at once.
    """
    from broadsheet.watch import Watcher, WatchSettings

    settings = WatchSettings(inbox=inbox, out_dir=out, done_dir=done, failed_dir=failed,
                             workers=workers, poll=poll, settle=settle,
                             formats=parse_formats(formats), engine=engine)
    watcher = Watcher(settings)

    def on_signal(signum: int, frame: FrameType | None) -> None:
        if watcher.stopping:
            raise KeyboardInterrupt
        print(f"broadsheet watch: {signal.Signals(signum).name}, finishing the pages in hand",
              file=sys.stderr, flush=True)
        watcher.stop()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    print(f"watching {watcher.inbox} -> {watcher.out_dir} (done: {watcher.done_dir}, "
          f"failed: {watcher.failed_dir})", file=sys.stderr, flush=True)
    watcher.run()
