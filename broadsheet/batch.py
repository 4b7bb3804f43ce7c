"""Process every page file in a folder tree, in parallel, resumably: the plan and the run.

- Outputs mirror the input tree: `IN/sub/a.png` -> `OUT/sub/a.txt`, `OUT/sub/a.json`. Names that
  would collide in one folder keep their whole file name (`a.png.txt`, `a.jpg.txt`); see
  `broadsheet.inputs`. Every output path is checked to resolve inside OUT_DIR before writing.
- Resuming: a page is done when all its main outputs (`export.output_paths`) exist and are newer
  than its input. Each is written atomically and the main .txt/.json files are written after the
  photos, so a page cut off by kill -9 is simply not done and is redone; the `.part` temp files
  such a kill leaves are deleted at the next start (a killed worker's, at the end of the run). A
  lock on OUT_DIR keeps two runs (batch or watch) from writing there at once (`broadsheet.outdir`).
- A failed page is logged to `OUT_DIR/errors.jsonl` (one JSON object per line) and the run goes on;
  when that file cannot be written (a full disk), one line says so and the run still goes on.
- A document whose pages fail to read `UNREADABLE_RUN` times in a row is given up with one line
  (a damaged PDF, or one claiming far more pages than it holds).
- Pages run on an executor (`broadsheet.executors`: local processes, Ray or Dask); planning,
  writing the error log and resuming happen here, in the process that holds the lock.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from broadsheet.errors import BadArgsError, BroadsheetError, ExitCode, FileAccessError, InputFileError
from broadsheet.executors import LOCAL, ExecutorSpec, make_executor, map_unordered
from broadsheet.export import DEFAULT_FORMATS
from broadsheet.imageio import is_inside
from broadsheet.inputs import DEFAULT_MAX_PAGES, find_pages, is_supported, page_types
from broadsheet.options import DEFAULT_OPTIONS, PipelineOptions
from broadsheet.outdir import ERRORS_FILE, claim_out_dir, is_done, log_error, prepare_out_dir
from broadsheet.tasks import OutFolder, PageOutcome, PageTask, UnreadableRuns, failure, folder_items

__all__ = ["ERRORS_FILE", "BatchSummary", "Plan", "claim_out_dir", "plan_batch", "plan_files", "run_batch",
           "run_files", "run_plan"]


@dataclass
class BatchSummary:
    done: int = 0
    skipped: int = 0
    failed: list[PageOutcome] = field(default_factory=list)
    errors_logged: bool = True  # False once OUT/errors.jsonl could not be written
    doubtful: int = 0  # pages done whose reading is doubtful (small type read with low confidence)

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
        add_items(plan, folder_items(paths, out_dir / folder.relative_to(root), formats, max_pages), out_dir, force)
    return plan


def add_items(plan: Plan, items: Iterable[PageTask | PageOutcome], out_dir: Path, force: bool) -> None:
    """Each page to the plan: to do, already done (skipped), or failed."""
    for item in items:
        outputs = item.outputs if isinstance(item, PageTask) else []
        if not all(is_inside(out_dir, p) for p in outputs):  # a subfolder of OUT is a symlink
            plan.items.append(failure(item.label, item.path, FileAccessError(
                f"{item.path}: output would land outside {out_dir}"), item.index + 1))
        elif outputs and not force and is_done(item.path, outputs):
            plan.skipped += 1
        else:
            plan.items.append(item)


def plan_files(paths: Iterable[Path], out_dir: Path, formats: tuple[str, ...] = DEFAULT_FORMATS,
               max_pages: int | None = DEFAULT_MAX_PAGES) -> Plan:
    """Page files named one by one (`ocr`), in order, all writing to OUT_DIR.

    Files whose page names clash take their whole names, as in a batch folder; a second file with
    the very same name (`a/x.jpg`, `b/x.jpg`) is refused rather than overwrite the first one's pages.
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
    pages = folder_items([p for p in paths if p not in refused], out_dir, formats, max_pages)
    for path in paths:
        if path in refused:
            plan.items.append(failure(str(path), path, refused[path]))
        else:
            plan.items += [item for item in pages if item.path == path]
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
        raise BadArgsError(f"{root}: the input folder must not be inside the output folder {out_dir}")


def run_batch(root: str | os.PathLike, out_dir: str | os.PathLike,
              options: PipelineOptions = DEFAULT_OPTIONS, *, recursive: bool = False, force: bool = False,
              executor: ExecutorSpec = LOCAL, max_pages: int | None = DEFAULT_MAX_PAGES,
              reporter: BatchReporter | None = None) -> BatchSummary:
    root, out_dir = Path(root), Path(out_dir)
    check_folders(root, out_dir)
    with claim_out_dir(out_dir):
        plan = plan_batch(root, out_dir, recursive, options.formats, force, max_pages)
        return run_plan(plan, options, executor, reporter, errors_file=out_dir / ERRORS_FILE,
                        out=OutFolder.of(out_dir))


def run_files(paths: Iterable[Path], out_dir: str | os.PathLike, options: PipelineOptions = DEFAULT_OPTIONS,
              *, max_pages: int | None = DEFAULT_MAX_PAGES, reporter: BatchReporter | None = None) -> BatchSummary:
    """`ocr`: the named files one after another, in this process, without errors.jsonl."""
    out_dir = Path(out_dir)
    prepare_out_dir(out_dir)
    return run_plan(plan_files(paths, out_dir, options.formats, max_pages), options, LOCAL, reporter,
                    out=OutFolder.of(out_dir))


def run_plan(plan: Plan, options: PipelineOptions, spec: ExecutorSpec, reporter: BatchReporter | None,
             errors_file: Path | None = None, out: OutFolder | None = None) -> BatchSummary:
    """Run the plan's pages; `out`: the run's output folder, which must stay the one it was (a run
    whose OUT was deleted stops with FileAccessError instead of reading the rest for nothing)."""
    summary = BatchSummary(skipped=plan.skipped)
    runs = UnreadableRuns()
    if reporter:
        reporter.start(len(plan.items), plan.skipped)
        if plan.tasks and (note := options.engine_note()):
            reporter.warning(note)

    def record(outcome: PageOutcome) -> None:
        if outcome.failed:
            summary.failed.append(outcome)
        else:
            summary.done += 1
            summary.doubtful += outcome.doubtful is not None
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
                if out is not None:
                    out.check()
                yield replace(item, root=out)

    if not plan.tasks:  # only the plan's failures to report: no cluster started, no models loaded
        for _ in to_do():
            pass
        return summary
    # no more workers than pages: each one loads the models (in-process, only at the first page)
    executor = make_executor(replace(spec, workers=min(spec.workers, len(plan.tasks))), options)
    try:
        for outcome in map_unordered(executor, to_do()):
            record(outcome)
    except BaseException:
        executor.close(abandon=True)  # Ctrl-C, SIGTERM, a dead pool: the pages in hand are nobody's now
        raise
    executor.close()
    return summary
