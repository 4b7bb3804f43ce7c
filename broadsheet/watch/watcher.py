"""The watch loop: takes in events, applies the inbox policy, waits for files to settle, reads their
pages through the job queue and files each one away in done or failed."""

from __future__ import annotations

import os
import stat
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from broadsheet.errors import BadArgsError, BroadsheetError, FileAccessError
from broadsheet.executors import ExecutorSpec
from broadsheet.imageio import is_inside
from broadsheet.inputs import DEFAULT_MAX_PAGES, is_supported, iter_page_images
from broadsheet.names import printable
from broadsheet.options import DEFAULT_OPTIONS, PipelineOptions
from broadsheet.outdir import claim_out_dir, folder_lock
from broadsheet.tasks import OutFolder, PageOutcome, PageTask, failure, page_tasks
from broadsheet.watch.events import Intake
from broadsheet.watch.files import Filer, output_stem
from broadsheet.watch.jobs import Job, JobQueue
from broadsheet.watch.security import InboxPolicy, Refusal, check_inbox
from broadsheet.watch.settle import MAX_SETTLE, SettleTracker, current_signature, signature

TICK = 0.2  # seconds between looks at the settling files

Log = Callable[[str, bool], None]  # (line, is_error)


@dataclass(frozen=True)
class WatchSettings:
    inbox: Path
    out_dir: Path
    done_dir: Path | None = None  # default INBOX/.done
    failed_dir: Path | None = None  # default INBOX/.failed
    workers: int = 1
    poll: bool = False  # poll instead of OS events: network shares, some container mounts
    settle: float = 2.0
    options: PipelineOptions = DEFAULT_OPTIONS
    max_pages: int | None = DEFAULT_MAX_PAGES

    def __post_init__(self) -> None:
        if not 0.0 <= self.settle <= MAX_SETTLE:  # nan too: it would hold every file back for ever
            raise BadArgsError(f"settle: {self.settle} is not a number of seconds from 0 to {MAX_SETTLE:g}")
        if self.workers < 1:
            raise BadArgsError(f"workers: {self.workers} is not 1 or more")


def _print_log(line: str, is_error: bool) -> None:
    print(printable(line), file=sys.stderr if is_error else sys.stdout, flush=True)


class Watcher:
    def __init__(self, settings: WatchSettings, log: Log = _print_log) -> None:
        self.settings = settings
        self.inbox = Path(os.path.abspath(settings.inbox))
        self.out_dir = Path(os.path.abspath(settings.out_dir))
        self.done_dir = Path(os.path.abspath(settings.done_dir or self.inbox / ".done"))
        self.failed_dir = Path(os.path.abspath(settings.failed_dir or self.inbox / ".failed"))
        own_folders = (self.out_dir, self.done_dir, self.failed_dir)
        check_inbox(self.inbox, own_folders)
        self._policy = InboxPolicy(self.inbox, own_folders)
        self._log = log
        self._intake = Intake()
        self._settling = SettleTracker(settings.settle)
        self._jobs = JobQueue(self._log_page, self._finish)
        self._filer = Filer(self.inbox, self.done_dir, self.failed_dir, log)
        self._refused: set[Path] = set()  # logged once, even if they cannot be moved away
        self._stop = threading.Event()
        self._out: OutFolder | None = None  # OUT as claimed, while a session holds it

    def run(self) -> None:
        """Process what is already in INBOX, then every file that arrives, until stop()."""
        with self._session():
            self._log(f"watching {self.inbox} -> {self.out_dir} (done: {self.done_dir}, "
                      f"failed: {self.failed_dir})", True)
            if note := self.settings.options.engine_note():
                self._log(note, True)
            watching = self._intake.observer(self.inbox, self.settings.poll)
            watching.start()
            try:
                self._scan(self.inbox)  # after start(): a file arriving meanwhile is not missed
                self._loop(until_idle=False)
            finally:
                watching.stop()
                watching.join()

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

    @contextmanager
    def _session(self) -> Iterator[None]:
        taken = f"{self.inbox}: another broadsheet watch is taking files from this inbox"
        with folder_lock(self.inbox, taken), claim_out_dir(self.out_dir), \
                self._jobs.pool(ExecutorSpec("local", self.settings.workers), self.settings.options):
            self._out = OutFolder.of(self.out_dir)
            try:
                yield
            finally:
                self._out = None

    def _loop(self, until_idle: bool) -> None:
        while not self._stop.is_set():
            self._tick()
            if until_idle and not (self._settling or self._jobs or self._intake.waiting()):
                return
            self._stop.wait(TICK)
        self._jobs.wait()  # stopping: files with pages never started stay in INBOX

    def _tick(self) -> None:
        assert self._out is not None, "_tick() outside _session()"
        self._out.check()  # OUT deleted: stop, rather than fail every file that comes in
        for path in self._intake.drain():
            self._consider(path)
        self._take_settled()
        self._jobs.collect()
        self._jobs.submit(self._stop)

    def _consider(self, path: Path) -> None:
        """Any path an event or a scan names: ignore it, refuse it, look into it, or let it settle."""
        if self._policy.ignores(path) or path in self._jobs:
            return
        try:
            info = os.lstat(path)
        except OSError:
            self._settling.discard(path)
            return
        if refusal := self._policy.refusal(path, info):
            self._refuse(path, refusal)
        elif stat.S_ISDIR(info.st_mode):
            if self._policy.scans(path):
                self._scan(path)
        elif is_supported(path):
            self._settling.add(path, signature(info))

    def _scan(self, folder: Path) -> None:
        try:
            entries = list(os.scandir(folder))
        except OSError as exc:
            self._log(f"{folder}: error: cannot read folder ({exc.strerror})", True)
            return
        for entry in sorted(entries, key=lambda e: e.name):
            self._consider(Path(entry.path))

    def _refuse(self, path: Path, refusal: Refusal) -> None:
        self._settling.discard(path)
        if path in self._refused:
            return
        self._refused.add(path)
        rel = path.relative_to(self.inbox)
        self._log(f"{rel}: refused: {refusal.reason}", True)
        errors = [f"InputFileError: {rel}: {refusal.reason}"]
        if refusal.movable and self._filer.file_away(path, errors):
            self._refused.discard(path)  # gone: a new file by that name is a new case

    def _take_settled(self) -> None:
        """Files that have held still: read their pages, or fail them once they will not open."""
        for path, settled in self._settling.due():
            if settled is None:  # gone, or swapped for a symlink or fifo: look again
                self._consider(path)
                continue
            if self._filer.filed_already(path):
                self._settling.discard(path)
                continue
            rel = path.relative_to(self.inbox)
            try:
                sources = list(iter_page_images(path, self.settings.max_pages))
            except BroadsheetError as exc:
                if self._settling.opened_too_often(path):
                    unreadable = failure(str(rel), path, exc)
                    self._log_page(unreadable)
                    self._finish(Job(path, rel, settled, outcomes=[unreadable]))
                continue
            self._settling.discard(path)
            filed = self._filer.filed_name(rel)
            stem = output_stem(filed, [s.name_suffix for s in sources], [path.parent, self.done_dir / rel.parent])
            tasks = page_tasks(path, sources, self.out_dir / rel.parent, stem, self.settings.options.formats,
                               label=str(rel), root=self._out)
            self._start(Job(path, rel, settled, filed), tasks)

    def _start(self, job: Job, tasks: list[PageTask]) -> None:
        if not all(is_inside(self.out_dir, p) for task in tasks for p in task.outputs):
            job.outcomes.append(failure(str(job.rel), job.path, FileAccessError(
                f"{job.rel}: output would land outside {self.out_dir}")))
            self._finish(job)
            return
        job.tasks.extend(tasks)
        self._jobs.add(job)

    def _finish(self, job: Job) -> None:
        if current_signature(job.path) != job.signature:
            # replaced while being read: keep the new version in the inbox for a fresh look
            self._consider(job.path)
            return
        self._filer.file_away(job.path, [f"{o.error}: {o.message}" for o in job.outcomes if o.failed], job.filed)

    def _log_page(self, outcome: PageOutcome) -> None:
        self._log(outcome.line, outcome.failed)
