"""The output folder a run owns: its lock, the temp files a killed run left, whether a page is
done (resume), and the error log. Only the process that plans the run touches these; workers
(local, Ray, Dask) only write page outputs, each by temp-then-rename."""

from __future__ import annotations

import errno
import fcntl
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from broadsheet.errors import FileAccessError
from broadsheet.imageio import is_temp_name
from broadsheet.tasks import PageOutcome

ERRORS_FILE = "errors.jsonl"
LOCK_FILE = ".broadsheet.lock"


@contextmanager
def claim_out_dir(out_dir: Path) -> Iterator[None]:
    """Lock OUT_DIR for this run; delete the temp files a killed run or worker left, before and after."""
    prepare_out_dir(out_dir)
    with folder_lock(out_dir, f"{out_dir}: another broadsheet batch or watch is writing to this folder"):
        remove_temp_files(out_dir)
        try:
            yield
        finally:
            # the run's workers are gone by now: what is left is a killed worker's page, retried
            # or reported, whose temp files nobody will rename
            remove_temp_files(out_dir)


def prepare_out_dir(out_dir: Path) -> None:
    """Create OUT_DIR, or say in one line why it cannot be: before any page is read."""
    if out_dir.exists() and not out_dir.is_dir():
        raise FileAccessError(f"{out_dir}: output folder is a file")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FileAccessError(f"{out_dir}: cannot create output folder ({exc.strerror})") from exc


@contextmanager
def folder_lock(folder: Path, taken: str) -> Iterator[None]:
    """Hold FOLDER/.broadsheet.lock for the block; `taken` is the error when another run holds it."""
    try:
        fd = os.open(folder / LOCK_FILE, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
    except OSError as exc:
        raise FileAccessError(f"{folder}: cannot write its lock file {LOCK_FILE} ({exc.strerror})") from exc
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise FileAccessError(taken) from exc
        yield
    finally:
        os.close(fd)  # releases the lock; kill -9 releases it too


def remove_temp_files(out_dir: Path) -> None:
    """`.NAME.xxxxxxxx.part` files are what `imageio.atomic_write` had not yet renamed into place."""
    for folder, _dirs, files in os.walk(out_dir):  # never follows symlinks
        for name in files:
            if is_temp_name(name):
                Path(folder, name).unlink(missing_ok=True)


def is_done(source: Path, outputs: list[Path]) -> bool:
    try:
        source_mtime = source.stat().st_mtime_ns
        return all(p.stat().st_mtime_ns > source_mtime for p in outputs)
    except OSError:
        return False


def log_error(errors_file: Path, outcome: PageOutcome) -> None:
    """Append the failure to errors.jsonl as one whole line, or raise OSError and append nothing."""
    record = {"path": str(outcome.path), "page": outcome.page, "error": outcome.error,
              "message": outcome.message,
              "time": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    # a name's undecodable bytes (lone surrogates) come out as JSON's own \udcXX escapes
    line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8", "backslashreplace")
    # one write per line to an O_APPEND file: lines from a killed run stay whole
    fd = os.open(errors_file, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o666)
    try:
        size = os.fstat(fd).st_size
        try:
            if os.write(fd, line) < len(line):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        except OSError:
            os.ftruncate(fd, size)  # a full disk must not leave half a line (the OUT lock is ours)
            raise
    finally:
        os.close(fd)
