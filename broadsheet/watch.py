"""Watch a folder: process each page file that lands in it, then move it to done (or failed).

- A file is taken once its size, mtime and inode have not changed for `settle` seconds and it
  opens as an image or PDF (a file that still will not open after a few more settle periods
  fails). Files moved in atomically pass the same check. Files already in INBOX at start go first.
- Outputs mirror the inbox: `INBOX/sub/a.png` -> `OUT/sub/a.txt`, `OUT/sub/a.json`. A name that
  clashes with a sibling in the inbox or already in done (`a.jpg` after `a.png`) keeps its whole
  file name (`a.jpg.txt`), as in `broadsheet.inputs`, so no file overwrites another's outputs.
- After its outputs are written a file moves to DONE (default INBOX/.done); if any of its pages
  failed, to FAILED (default INBOX/.failed) with `NAME.error.txt` beside it. Both mirror the
  inbox's subfolders, and a taken name gets a number (`a.1.png`): nothing is ever overwritten.
  Killed at any moment, a file is either still in INBOX (redone at restart) or moved.
- Shared inbox safety: symlinks (never followed), fifos, devices and sockets are refused and
  moved, unopened, to FAILED; a path that resolves outside INBOX is refused and left alone;
  hidden files, temp/partial-download names and the out/done/failed folders are never read.
- One watcher per inbox: it holds INBOX/.broadsheet.lock (and OUT's lock) while it runs, so a
  second watcher on the same inbox stops at once with one line instead of racing for the files.
- stop() (the CLI calls it on SIGINT/SIGTERM) finishes the pages in hand and returns.
"""

from __future__ import annotations

import errno
import os
import queue
import shutil
import stat
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserverVFS

from broadsheet.batch import (
    PageOutcome,
    PagePool,
    PageTask,
    UnreadableRuns,
    claim_out_dir,
    failure,
    folder_lock,
    result_of,
)
from broadsheet.errors import BroadsheetError, FileAccessError, InputFileError
from broadsheet.export import DEFAULT_FORMATS, output_paths
from broadsheet.imageio import atomic_write, create_temp_beside, is_inside
from broadsheet.inputs import DEFAULT_MAX_PAGES, PageSource, is_hidden, is_supported, iter_page_images, output_stems

# Names other programs give files they are still writing.
TEMP_SUFFIXES = (".part", ".partial", ".tmp", ".temp", ".crdownload", ".download", ".filepart", "~")
OPEN_RETRIES = 3  # settle periods a stable file may fail to open before it counts as damaged
TICK = 0.2  # seconds between looks at the pending files

Log = Callable[[str, bool], None]  # (line, is_error)
Signature = tuple[int, int, int]  # size, mtime_ns, inode


@dataclass(frozen=True)
class WatchSettings:
    inbox: Path
    out_dir: Path
    done_dir: Path | None = None  # default INBOX/.done
    failed_dir: Path | None = None  # default INBOX/.failed
    workers: int = 1
    poll: bool = False  # poll instead of OS events: network shares, some container mounts
    settle: float = 2.0
    formats: tuple[str, ...] = DEFAULT_FORMATS
    engine: str = "rapidocr"
    max_pages: int | None = DEFAULT_MAX_PAGES


@dataclass
class _Pending:
    signature: Signature
    since: float  # when the signature was last seen to change
    open_failures: int = 0


@dataclass
class _Job:
    path: Path
    rel: Path
    signature: Signature
    tasks: deque[PageTask] = field(default_factory=deque)
    running: int = 0
    outcomes: list[PageOutcome] = field(default_factory=list)
    runs: UnreadableRuns = field(default_factory=UnreadableRuns)


def _print_log(line: str, is_error: bool) -> None:
    print(line, file=sys.stderr if is_error else sys.stdout, flush=True)


class Watcher:
    def __init__(self, settings: WatchSettings, log: Log = _print_log) -> None:
        self.settings = settings
        self.inbox = Path(os.path.abspath(settings.inbox))
        self.out_dir = Path(os.path.abspath(settings.out_dir))
        self.done_dir = Path(os.path.abspath(settings.done_dir or self.inbox / ".done"))
        self.failed_dir = Path(os.path.abspath(settings.failed_dir or self.inbox / ".failed"))
        self._excluded = (self.out_dir, self.done_dir, self.failed_dir)
        check_folders(self.inbox, self._excluded)
        self._log = log
        self._events: queue.SimpleQueue[Path] = queue.SimpleQueue()
        self._pending: dict[Path, _Pending] = {}
        self._jobs: dict[Path, _Job] = {}
        self._running: dict[Future[PageOutcome], _Job] = {}
        self._refused: set[Path] = set()  # logged once, even if they cannot be moved away
        self._stop = threading.Event()
        self._pool: PagePool | None = None

    # --- public ------------------------------------------------------------------------------

    def run(self) -> None:
        """Process what is already in INBOX, then every file that arrives, until stop()."""
        with self._session():
            self._log(f"watching {self.inbox} -> {self.out_dir} (done: {self.done_dir}, "
                      f"failed: {self.failed_dir})", True)
            observer = self._observer()
            observer.start()
            try:
                self._scan(self.inbox)  # after start(): a file arriving meanwhile is not missed
                self._loop(until_idle=False)
            finally:
                observer.stop()
                observer.join()

    def process_existing(self) -> None:
        """Process the files already in INBOX, then return."""
        with self._session():
            self._scan(self.inbox)
            self._loop(until_idle=True)

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def stop(self) -> None:
        """Finish the pages in hand and return from run(); safe from signal handlers and threads."""
        self._stop.set()

    # --- the loop ----------------------------------------------------------------------------

    @contextmanager
    def _session(self) -> Iterator[None]:
        taken = f"{self.inbox}: another broadsheet watch is taking files from this inbox"
        with folder_lock(self.inbox, taken), claim_out_dir(self.out_dir):
            self._pool = PagePool(self.settings.workers, self.settings.engine)
            try:
                yield
            finally:
                self._pool.close()
                self._pool = None

    def _observer(self) -> BaseObserver:
        if self.settings.poll:
            # lstat: the poller must see symlinks as symlinks, not as what they point to
            observer = PollingObserverVFS(os.lstat, os.scandir)
        else:
            observer = Observer()
        observer.schedule(_Handler(self._events.put), str(self.inbox), recursive=True)
        return observer

    def _loop(self, until_idle: bool) -> None:
        while not self._stop.is_set():
            self._tick()
            if until_idle and not (self._pending or self._jobs or not self._events.empty()):
                return
            self._stop.wait(TICK)
        # stopping: wait for the pages in hand; files with pages never started stay in INBOX
        for future in list(self._running):
            future.exception()
        self._collect()

    def _tick(self) -> None:
        while True:
            try:
                self._consider(self._events.get_nowait())
            except queue.Empty:
                break
        self._check_pending()
        self._collect()
        self._submit()

    def _submit(self) -> None:
        assert self._pool is not None
        while not self._stop.is_set() and len(self._running) < self._pool.workers:
            job = next((j for j in self._jobs.values() if j.tasks), None)
            if job is None:
                return
            job.running += 1
            self._running[self._pool.submit(job.tasks.popleft())] = job
            self._collect()  # in-process the page is already done

    def _collect(self) -> None:
        for future in [f for f in self._running if f.done()]:
            job = self._running.pop(future)
            job.running -= 1
            outcome = result_of(future)
            job.outcomes.append(outcome)
            self._log_page(outcome)
            if given_up := job.runs.record(outcome):
                job.tasks.clear()
                job.outcomes.append(given_up)
                self._log_page(given_up)
            if not job.tasks and not job.running:
                self._finish(job)

    # --- deciding what to take ---------------------------------------------------------------

    def _consider(self, path: Path) -> None:
        """Any path an event or a scan names: ignore it, refuse it, or wait for it to settle."""
        if not path.is_relative_to(self.inbox) or path == self.inbox:
            return
        rel = path.relative_to(self.inbox)
        if any(path.is_relative_to(d) or is_inside(d, path.parent) for d in self._excluded) or any(
                is_hidden(part) for part in rel.parts) or path.name.lower().endswith(TEMP_SUFFIXES):
            return
        if path in self._jobs:
            return
        try:
            info = os.lstat(path)
        except OSError:
            self._pending.pop(path, None)
            return
        if stat.S_ISLNK(info.st_mode):
            self._refuse(path, rel, "symbolic link, not followed", movable=True)
        elif stat.S_ISDIR(info.st_mode):
            if not any(is_inside(d, path) for d in self._excluded):
                self._scan(path)
        elif not stat.S_ISREG(info.st_mode):
            self._refuse(path, rel, "not a regular file (fifo, device or socket)", movable=True)
        elif not is_inside(self.inbox, path):
            self._refuse(path, rel, "resolves outside the inbox", movable=False)
        elif is_supported(path) and path not in self._pending:
            self._pending[path] = _Pending(_signature(info), time.monotonic())

    def _scan(self, folder: Path) -> None:
        try:
            entries = list(os.scandir(folder))
        except OSError as exc:
            self._log(f"{folder}: error: cannot read folder ({exc.strerror})", True)
            return
        for entry in sorted(entries, key=lambda e: e.name):
            self._consider(Path(entry.path))

    def _check_pending(self) -> None:
        now = time.monotonic()
        for path, pending in list(self._pending.items()):
            signature = _current_signature(path)
            if signature is None:  # gone, or swapped for a symlink or fifo: look again
                del self._pending[path]
                self._consider(path)
                continue
            if signature != pending.signature:
                pending.signature, pending.since = signature, now
                continue
            if now - pending.since < self.settings.settle:
                continue
            try:
                pages = list(iter_page_images(path, self.settings.max_pages))
            except BroadsheetError as exc:
                pending.open_failures += 1
                if pending.open_failures < OPEN_RETRIES:
                    pending.since = now  # perhaps a writer that pauses longer than settle
                    continue
                del self._pending[path]
                self._start_job(path, signature, [], failure(str(path.relative_to(self.inbox)), path, exc))
                continue
            del self._pending[path]
            self._start_job(path, signature, pages)

    def _refuse(self, path: Path, rel: Path, reason: str, movable: bool) -> None:
        self._pending.pop(path, None)
        if path in self._refused:
            return
        self._refused.add(path)
        self._log(f"{rel}: refused: {reason}", True)
        if movable and self._move(path, rel, self.failed_dir, [f"InputFileError: {rel}: {reason}"]):
            self._refused.discard(path)  # gone: a new file by that name is a new case

    # --- one file ----------------------------------------------------------------------------

    def _start_job(self, path: Path, signature: Signature, pages: list[PageSource],
                   opening_failure: PageOutcome | None = None) -> None:
        rel = path.relative_to(self.inbox)
        job = _Job(path, rel, signature)
        self._jobs[path] = job
        if opening_failure:
            job.outcomes.append(opening_failure)
            self._log_page(opening_failure)
            self._finish(job)
            return
        out_dir = self.out_dir / rel.parent
        stem = self._stem(path, rel)
        for index, source in enumerate(pages):
            name = stem + source.name_suffix
            label = f"{rel}[{source.name_suffix[1:]}]" if source.name_suffix else str(rel)
            job.tasks.append(PageTask(path, index, label, out_dir, name, self.settings.formats, source.note))
        if not all(is_inside(self.out_dir, p) for t in job.tasks
                   for p in output_paths(t.out_dir, t.name, t.formats)):
            job.tasks.clear()
            job.outcomes.append(failure(str(rel), path, FileAccessError(
                f"{rel}: output would land outside {self.out_dir}")))
            self._finish(job)

    def _stem(self, path: Path, rel: Path) -> str:
        """The stem, unless a sibling here or already in done claims it (then the whole name)."""
        names = {path.name}
        for folder in (path.parent, self.done_dir / rel.parent):
            try:
                names.update(e.name for e in os.scandir(folder)
                             if not is_hidden(e.name) and is_supported(Path(e.name)))
            except OSError:
                pass  # no such folder in done yet
        return output_stems(names)[path.name]

    def _finish(self, job: _Job) -> None:
        del self._jobs[job.path]
        if _current_signature(job.path) != job.signature:
            # replaced while being read: keep the new version in the inbox for a fresh look
            self._consider(job.path)
            return
        errors = [o for o in job.outcomes if o.failed]
        if errors:
            self._move(job.path, job.rel, self.failed_dir,
                       [f"{o.error}: {o.message}" for o in errors])
        else:
            self._move(job.path, job.rel, self.done_dir, None)

    def _move(self, path: Path, rel: Path, dest_root: Path, errors: list[str] | None) -> bool:
        """Move to done (errors None) or failed, writing NAME.error.txt beside it in failed."""
        try:
            target = move_unique(path, dest_root / rel)
            if errors is not None:
                with atomic_write(target.with_name(target.name + ".error.txt")) as handle:
                    handle.write("\n".join(errors) + "\n")
        except OSError as exc:
            self._log(f"{rel}: error: cannot move to {dest_root} ({exc.strerror or exc})", True)
            return False
        return True

    def _log_page(self, outcome: PageOutcome) -> None:
        self._log(outcome.line, outcome.failed)


class _Handler(FileSystemEventHandler):
    """Hands every path that may be new or newly complete to the watcher's loop (another thread)."""

    def __init__(self, notify: Callable[[Path], None]) -> None:
        self._notify = notify

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("created", "closed") or (
                event.event_type == "modified" and not event.is_directory):
            self._notify(Path(os.fsdecode(event.src_path)))
        elif event.event_type == "moved":
            self._notify(Path(os.fsdecode(event.dest_path)))


def check_folders(inbox: Path, others: tuple[Path, ...]) -> None:
    if not inbox.is_dir():
        raise InputFileError(f"{inbox}: no such folder" if not inbox.exists() else f"{inbox}: not a folder")
    for folder in others:
        if is_inside(folder, inbox):
            # the watcher would read its own outputs (photo crops are images) and moved files
            raise InputFileError(f"{inbox}: the inbox must not be inside {folder}")


def _signature(info: os.stat_result) -> Signature:
    return info.st_size, info.st_mtime_ns, info.st_ino


def _current_signature(path: Path) -> Signature | None:
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return _signature(info) if stat.S_ISREG(info.st_mode) else None


_NO_HARD_LINK = {errno.EXDEV, errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK}


def move_unique(src: Path, dest: Path) -> Path:
    """Move `src` to `dest`, or to `NAME.1.ext`, `NAME.2.ext`... when taken; returns where.

    Hard links make "create only if absent" atomic, so nothing is ever overwritten; a symlink,
    fifo or device moves as itself, never opened. Across file systems a regular file is copied.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    staged: Path | None = None
    try:
        try:
            target = _link_unique(src, dest)
        except OSError as exc:
            if exc.errno not in _NO_HARD_LINK or not stat.S_ISREG(os.lstat(src).st_mode):
                raise
            fd, staged = create_temp_beside(dest)
            os.close(fd)
            shutil.copy2(src, staged)
            target = _link_unique(staged, dest)
    finally:
        if staged is not None:
            staged.unlink(missing_ok=True)
    os.unlink(src)
    return target


def _link_unique(src: Path, dest: Path) -> Path:
    stem, suffix = Path(dest.name).stem, Path(dest.name).suffix
    target, n = dest, 0
    while True:
        try:
            os.link(src, target, follow_symlinks=False)
            return target
        except FileExistsError:
            n += 1
            target = dest.with_name(f"{stem}.{n}{suffix}")
