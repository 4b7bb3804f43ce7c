"""Process every page file in a folder tree, in parallel, resumably.

- Outputs mirror the input tree: `IN/sub/a.png` -> `OUT/sub/a.txt`, `OUT/sub/a.json`. Names that
  would collide in one folder keep their whole file name (`a.png.txt`, `a.jpg.txt`); see
  `broadsheet.inputs`. Every output path is checked to resolve inside OUT_DIR before writing.
- Resuming: a page is done when all its main outputs (`export.output_paths`) exist and are newer
  than its input. Each is written atomically and the main .txt/.json files are written after the
  photos, so a page cut off by kill -9 is simply not done and is redone; the `.part` temp files
  such a kill leaves are deleted at the next start. A lock on OUT_DIR keeps two runs (batch or
  watch) from writing there at once.
- A failed page is logged to `OUT_DIR/errors.jsonl` (one JSON object per line) and the run goes on;
  when that file cannot be written (a full disk), one line says so and the run still goes on.
- A document whose pages fail to read `UNREADABLE_RUN` times in a row is given up with one line
  (a damaged PDF, or one claiming far more pages than it holds).
- N worker processes (spawned, never forked after ONNX Runtime has loaded) each build one Pipeline;
  with one worker everything runs in this process.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import signal
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from broadsheet.errors import BadArgsError, BroadsheetError, ExitCode, FileAccessError, InputFileError
from broadsheet.export import DEFAULT_FORMATS, output_paths
from broadsheet.imageio import is_inside
from broadsheet.inputs import DEFAULT_MAX_PAGES, find_pages, is_supported, iter_page_images, output_stems, page_types

if TYPE_CHECKING:
    from broadsheet.pipeline import Pipeline

ERRORS_FILE = "errors.jsonl"
LOCK_FILE = ".broadsheet.lock"
UNREADABLE_RUN = 5  # unreadable pages in a row after which the rest of a document is skipped


@dataclass(frozen=True)
class PageTask:
    path: Path  # the input file
    index: int  # which of its pages
    label: str  # how logs name the page: the path, plus `[p002]` for a page of a multi-page file
    out_dir: Path
    name: str  # output name, page suffix included
    formats: tuple[str, ...] = DEFAULT_FORMATS
    note: str | None = None  # added to the page's log line

    @property
    def outputs(self) -> list[Path]:
        return output_paths(self.out_dir, self.name, self.formats)


@dataclass(frozen=True)
class PageOutcome:
    label: str
    path: Path
    page: int | None = None  # 1-based, None when the whole file failed before its pages were known
    articles: int = 0
    photos: int = 0
    seconds: float = 0.0
    error: str | None = None  # exception class name
    message: str = ""
    exit_code: int = ExitCode.OK
    note: str | None = None

    @property
    def failed(self) -> bool:
        return self.error is not None

    @property
    def line(self) -> str:
        """How logs report the page: `PATH: N articles, M photos, S s` or `PATH: error: why`."""
        if self.failed:
            # messages start with the path already; say it once
            return f"{self.label}: error: {self.message.removeprefix(f'{self.path}: ')}"
        note = f" ({self.note})" if self.note else ""
        return f"{self.label}: {self.articles} articles, {self.photos} photos, {self.seconds:.1f} s{note}"


@dataclass
class BatchSummary:
    done: int = 0
    skipped: int = 0
    failed: list[PageOutcome] = field(default_factory=list)
    errors_logged: bool = True  # False once OUT/errors.jsonl could not be written

    @property
    def exit_code(self) -> int:
        """0, the failures' common exit code, or INPUT_FILE when they differ."""
        codes = {o.exit_code for o in self.failed}
        if not codes:
            return ExitCode.OK
        return codes.pop() if len(codes) == 1 else ExitCode.INPUT_FILE


class BatchReporter(Protocol):
    def start(self, to_do: int, skipped: int) -> None: ...
    def page(self, outcome: PageOutcome) -> None: ...
    def warning(self, line: str) -> None: ...


# --- running pages ---------------------------------------------------------------------------

def failure(label: str, path: Path, exc: BaseException, page: int | None = None) -> PageOutcome:
    exit_code = exc.exit_code if isinstance(exc, BroadsheetError) else ExitCode.OTHER_ERROR
    return PageOutcome(label, path, page, error=type(exc).__name__,
                       message=" ".join(str(exc).split()), exit_code=exit_code)


def page_tasks(path: Path, out_dir: Path, stem: str, formats: tuple[str, ...],
               max_pages: int | None = None, label: str | None = None) -> list[PageTask]:
    """One task per page of the file (opening it checks it: raises BroadsheetError). Logs name the
    file by `label` (default: its path), a page of a multi-page file as `label[p002]`."""
    label = label or str(path)
    return [
        PageTask(path, index, f"{label}[{source.name_suffix[1:]}]" if source.name_suffix else label,
                 out_dir, stem + source.name_suffix, formats, source.note)
        for index, source in enumerate(iter_page_images(path, max_pages))
    ]


def run_page(pipeline: Pipeline, task: PageTask) -> PageOutcome:
    try:
        sources = list(iter_page_images(task.path))
        if task.index >= len(sources):
            raise InputFileError(f"{task.path}: page {task.index + 1} is gone (file changed)")
        image = sources[task.index].load()
        result = pipeline.process_and_write(image, task.out_dir, task.name, task.formats,
                                            source=task.path.name)
    except Exception as exc:  # one bad page (or a bug it triggers) must not end the run
        return failure(task.label, task.path, exc, task.index + 1)
    return PageOutcome(task.label, task.path, task.index + 1, len(result.page.articles),
                       len(result.page.photos), result.seconds, note=task.note)


class UnreadableRuns:
    """Gives up a document after `UNREADABLE_RUN` of its pages in a row could not be read."""

    def __init__(self) -> None:
        self._run: Counter[Path] = Counter()
        self._given_up: set[Path] = set()

    def wanted(self, task: PageTask) -> bool:
        return task.path not in self._given_up

    def record(self, outcome: PageOutcome) -> PageOutcome | None:
        """The one outcome that gives the document up, when this page completes a run."""
        if outcome.page is None or outcome.path in self._given_up:
            return None
        if outcome.exit_code != ExitCode.INPUT_FILE:
            self._run[outcome.path] = 0
            return None
        self._run[outcome.path] += 1
        if self._run[outcome.path] < UNREADABLE_RUN:
            return None
        self._given_up.add(outcome.path)
        document = outcome.label.removesuffix(f"[p{outcome.page:03d}]")  # as its pages are named
        return failure(document, outcome.path, InputFileError(
            f"{outcome.path}: {UNREADABLE_RUN} unreadable pages in a row, its other pages are skipped"))


_worker_pipeline: Pipeline | None = None


def _init_worker(engine: str, threads: int, punctuation: str) -> None:
    # The parent decides when to stop (Ctrl-C reaches the whole process group; service managers
    # may SIGTERM it): a worker always finishes its page so no output is cut short.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    from broadsheet.pipeline import Pipeline

    global _worker_pipeline
    import cv2

    cv2.setNumThreads(threads)
    _worker_pipeline = Pipeline(engine=engine, threads=threads, punctuation=punctuation)


def _run_in_worker(task: PageTask) -> PageOutcome:
    assert _worker_pipeline is not None, "worker initializer did not run"
    return run_page(_worker_pipeline, task)


class WorkerDiedError(BroadsheetError):
    exit_code = ExitCode.OTHER_ERROR


class PagePool:
    """N worker processes with one Pipeline each, or this process alone when N == 1."""

    def __init__(self, workers: int, engine: str = "rapidocr", punctuation: str = "default") -> None:
        self.workers = max(1, workers)
        self._engine = engine
        self._punctuation = punctuation
        self._pipeline: Pipeline | None = None
        self._executor: ProcessPoolExecutor | None = None
        if self.workers > 1:
            self._executor = ProcessPoolExecutor(
                self.workers, mp_context=get_context("spawn"),
                initializer=_init_worker, initargs=(engine, max(1, (os.cpu_count() or 1) // self.workers), punctuation))

    def submit(self, task: PageTask) -> Future[PageOutcome]:
        """In a pool the page runs in the background; in-process it runs now, before returning."""
        if self._executor is not None:
            return self._executor.submit(_run_in_worker, task)
        if self._pipeline is None:
            from broadsheet.pipeline import Pipeline

            self._pipeline = Pipeline(engine=self._engine, punctuation=self._punctuation)
        future: Future[PageOutcome] = Future()
        future.set_result(run_page(self._pipeline, task))
        return future

    def map_unordered(self, tasks: Iterable[PageTask]) -> Iterator[PageOutcome]:
        """Outcomes as pages finish (in order, in-process). At most two pages per worker are
        queued, so stopping only waits for the pages in hand."""
        if self._executor is None:
            for task in tasks:
                yield self.submit(task).result()
            return
        queue = iter(tasks)
        running: set[Future[PageOutcome]] = set()
        while True:
            for task in queue:
                running.add(self.submit(task))
                if len(running) >= 2 * self.workers:
                    break
            if not running:
                return
            finished, running = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                yield result_of(future)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)


def result_of(future: Future[PageOutcome]) -> PageOutcome:
    try:
        return future.result()
    except BrokenProcessPool as exc:
        # every queued page fails with it: stop and let a rerun resume rather than log them all
        raise WorkerDiedError(
            "a worker process died (out of memory, or the OCR models failed to load); "
            "finished pages are complete, run again to resume") from exc


# --- the output folder -----------------------------------------------------------------------

@contextmanager
def claim_out_dir(out_dir: Path) -> Iterator[None]:
    """Lock OUT_DIR for this run, then delete temp files a killed run left behind."""
    prepare_out_dir(out_dir)
    with folder_lock(out_dir, f"{out_dir}: another broadsheet batch or watch is writing to this folder"):
        remove_temp_files(out_dir)
        yield


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
    """`.NAME.xxxx.part` files are what `imageio.atomic_write` had not yet renamed into place."""
    for folder, _dirs, files in os.walk(out_dir):  # never follows symlinks
        for name in files:
            if name.startswith(".") and name.endswith(".part"):
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


# --- the batch -------------------------------------------------------------------------------

@dataclass
class Plan:
    items: list[PageTask | PageOutcome] = field(default_factory=list)  # pages to do, and failures
    skipped: int = 0

    @property
    def tasks(self) -> list[PageTask]:
        return [item for item in self.items if isinstance(item, PageTask)]

    @property
    def failed(self) -> list[PageOutcome]:
        return [item for item in self.items if isinstance(item, PageOutcome)]


def file_items(path: Path, out_dir: Path, stem: str, formats: tuple[str, ...],
               max_pages: int | None) -> list[PageTask] | list[PageOutcome]:
    """The file's pages as tasks, or one failure when it does not open."""
    try:
        return page_tasks(path, out_dir, stem, formats, max_pages)
    except BroadsheetError as exc:
        return [failure(str(path), path, exc)]


def plan_batch(root: Path, out_dir: Path, recursive: bool = False,
               formats: tuple[str, ...] = DEFAULT_FORMATS, force: bool = False,
               max_pages: int | None = DEFAULT_MAX_PAGES) -> Plan:
    """Every page under `root`: to do, already done (skipped), or failed to open."""
    plan = Plan()

    def unreadable(folder: Path, exc: OSError) -> None:
        plan.items.append(failure(str(folder), folder, FileAccessError(
            f"{folder}: cannot read folder ({exc.strerror})")))

    files = find_pages(root, recursive, exclude=[out_dir], on_error=unreadable)
    by_folder: dict[Path, list[Path]] = {}
    for path in files:
        by_folder.setdefault(path.parent, []).append(path)
    for folder, paths in by_folder.items():
        stems = output_stems(p.name for p in paths)
        page_dir = out_dir / folder.relative_to(root)
        for path in paths:
            for item in file_items(path, page_dir, stems[path.name], formats, max_pages):
                outputs = item.outputs if isinstance(item, PageTask) else []
                if not all(is_inside(out_dir, p) for p in outputs):  # a subfolder of OUT is a symlink
                    plan.items.append(failure(item.label, path, FileAccessError(
                        f"{path}: output would land outside {out_dir}"), item.index + 1))
                elif outputs and not force and is_done(path, outputs):
                    plan.skipped += 1
                else:
                    plan.items.append(item)
    return plan


def plan_files(paths: Iterable[Path], out_dir: Path, formats: tuple[str, ...] = DEFAULT_FORMATS,
               max_pages: int | None = DEFAULT_MAX_PAGES) -> Plan:
    """Page files named one by one (`ocr`), in order, all writing to OUT_DIR.

    Files whose stems clash take their whole names, as in a batch folder; a second file with the
    very same name (`a/x.jpg`, `b/x.jpg`) is refused rather than overwrite the first one's pages.
    """
    plan = Plan()
    paths = list(dict.fromkeys(paths))  # the same file named twice is read once
    refused = {path: reason for path in paths if (reason := _not_a_page_file(path))}
    first_of_name: dict[str, Path] = {}
    for path in paths:
        first = first_of_name.setdefault(path.name.casefold(), path)
        if path not in refused and first != path:
            refused[path] = BadArgsError(f"{path}: same file name as {first}, whose outputs it would "
                                         "overwrite; give it its own --out")
    stems = output_stems(p.name for p in paths if p not in refused)
    for path in paths:
        if path in refused:
            plan.items.append(failure(str(path), path, refused[path]))
        else:
            plan.items += file_items(path, out_dir, stems[path.name], formats, max_pages)
    return plan


def _not_a_page_file(path: Path) -> BroadsheetError | None:
    if path.is_dir():
        return InputFileError(f"{path}: is a folder; for every page in it: broadsheet batch {path} --out OUT")
    if not is_supported(path):
        return InputFileError(f"{path}: not a page file (page files end in {page_types()})")
    return None


def check_input_folder(root: Path) -> None:
    if not root.is_dir():
        raise InputFileError(f"{root}: no such folder" if not root.exists() else f"{root}: not a folder")


def check_folders(root: Path, out_dir: Path) -> None:
    check_input_folder(root)
    if is_inside(out_dir, root):
        # outputs (photo crops are images) would land in the input tree and be read next time
        raise InputFileError(f"{root}: the input folder must not be inside the output folder {out_dir}")


def run_batch(root: str | os.PathLike, out_dir: str | os.PathLike, *, recursive: bool = False,
              formats: tuple[str, ...] = DEFAULT_FORMATS, force: bool = False,
              workers: int = 1, engine: str = "rapidocr", max_pages: int | None = DEFAULT_MAX_PAGES,
              reporter: BatchReporter | None = None, punctuation: str = "default") -> BatchSummary:
    root, out_dir = Path(root), Path(out_dir)
    check_folders(root, out_dir)
    with claim_out_dir(out_dir):
        plan = plan_batch(root, out_dir, recursive, formats, force, max_pages)
        return run_plan(plan, workers, engine, reporter, errors_file=out_dir / ERRORS_FILE, punctuation=punctuation)


def run_files(paths: Iterable[Path], out_dir: str | os.PathLike, *,
              formats: tuple[str, ...] = DEFAULT_FORMATS, engine: str = "rapidocr",
              max_pages: int | None = DEFAULT_MAX_PAGES,
              reporter: BatchReporter | None = None, punctuation: str = "default") -> BatchSummary:
    """`ocr`: the named files one after another, in this process, without errors.jsonl."""
    out_dir = Path(out_dir)
    prepare_out_dir(out_dir)
    return run_plan(plan_files(paths, out_dir, formats, max_pages), 1, engine, reporter, punctuation=punctuation)


def run_plan(plan: Plan, workers: int, engine: str, reporter: BatchReporter | None,
             errors_file: Path | None = None, punctuation: str = "default") -> BatchSummary:
    summary = BatchSummary(skipped=plan.skipped)
    runs = UnreadableRuns()
    if reporter:
        reporter.start(len(plan.items), plan.skipped)

    def record(outcome: PageOutcome) -> None:
        if outcome.failed:
            summary.failed.append(outcome)
        else:
            summary.done += 1
        if reporter:
            reporter.page(outcome)
        if outcome.failed and errors_file is not None and summary.errors_logged:
            try:
                log_error(errors_file, outcome)
            except OSError as exc:
                summary.errors_logged = False
                if reporter:
                    reporter.warning(f"{errors_file}: error: cannot write ({exc.strerror or exc}); "
                                     "failures are only reported here")
        if given_up := runs.record(outcome):
            record(given_up)

    def to_do() -> Iterator[PageTask]:
        # failures are reported in their place in the plan; a given-up document's pages are dropped
        for item in plan.items:
            if isinstance(item, PageOutcome):
                record(item)
            elif runs.wanted(item):
                yield item

    # no more workers than pages: each one loads the models (in-process, only at the first page)
    pool = PagePool(min(workers, len(plan.tasks)), engine, punctuation)
    try:
        for outcome in pool.map_unordered(to_do()):
            record(outcome)
    finally:
        pool.close()
    return summary
