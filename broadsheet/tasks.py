"""One page of work: what to read and where to write it (`PageTask`), what came of it
(`PageOutcome`), and running it on a Pipeline. Tasks and outcomes are small picklable values: they
travel to worker processes, Ray actors and Dask workers alike."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from broadsheet.errors import BadArgsError, BroadsheetError, ExitCode, FileAccessError, InputFileError
from broadsheet.export import DEFAULT_FORMATS, LONGEST_SUFFIX, output_paths
from broadsheet.inputs import PageOrigin, PageSource, iter_page_images, output_stems
from broadsheet.names import name_max, shortened

if TYPE_CHECKING:
    from broadsheet.pipeline import Pipeline

UNREADABLE_RUN = 5  # unreadable pages in a row after which the rest of a document is skipped


@dataclass(frozen=True)
class OutFolder:
    """The run's OUT as the run found it. Pages are written into this very folder only: one deleted
    mid-run is not made anew by the writers, without the run's lock, while the run reports success."""

    path: Path
    identity: tuple[int, int]  # st_dev, st_ino

    @classmethod
    def of(cls, path: Path) -> OutFolder:
        info = path.stat()
        return cls(path, (info.st_dev, info.st_ino))

    def check(self) -> None:
        try:
            info = self.path.stat()
        except OSError:
            info = None
        if info is None or (info.st_dev, info.st_ino) != self.identity:
            raise FileAccessError(f"{self.path}: the output folder was deleted or replaced during the run")


@dataclass(frozen=True)
class PageTask:
    path: Path  # the input file
    index: int  # which of its pages
    label: str  # how logs name the page: the path, plus `[p002]` for a page of a multi-page file
    out_dir: Path
    name: str  # output name, page suffix included
    formats: tuple[str, ...] = DEFAULT_FORMATS
    note: str | None = None  # added to the page's log line
    root: OutFolder | None = None  # the run's OUT, checked before the page is written

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
    engine: str | None = None  # what read the page's lines ("tesseract:frk")
    doubtful: str | None = None  # why the page's reading is doubtful (`broadsheet.ocr.quality`), if it is

    @property
    def failed(self) -> bool:
        return self.error is not None

    @property
    def line(self) -> str:
        """How logs report the page: `PATH: N articles, M photos, S s, read with ENGINE`, then
        `; doubtful reading: why` when its text is likely garbled, or `PATH: error: why`."""
        if self.failed:
            # messages start with the path already; say it once
            return f"{self.label}: error: {self.message.removeprefix(f'{self.path}: ')}"
        engine = f", read with {self.engine}" if self.engine else ""
        note = f" ({self.note})" if self.note else ""
        doubt = f"; doubtful reading: {self.doubtful}" if self.doubtful else ""
        return (f"{self.label}: {self.articles} articles, {self.photos} photos, {self.seconds:.1f} s{engine}{note}"
                f"{doubt}")


def failure(label: str, path: Path, exc: BaseException, page: int | None = None) -> PageOutcome:
    exit_code = exc.exit_code if isinstance(exc, BroadsheetError) else ExitCode.OTHER_ERROR
    # the message as raised: a name in it may hold a newline, which only printing escapes
    return PageOutcome(label, path, page, error=type(exc).__name__, message=str(exc), exit_code=exit_code)


def page_tasks(path: Path, sources: Sequence[PageSource], out_dir: Path, stem: str, formats: tuple[str, ...],
               label: str | None = None, root: OutFolder | None = None) -> list[PageTask]:
    """One task per page of the opened file. Logs name the file by `label` (default: its path), a page
    of a multi-page file as `label[p002]`. A page name too long for OUT_DIR's file system once a
    suffix is added is shortened (`names.shortened`); the JSON still names the source file."""
    label = label or str(path)
    room = name_max(out_dir) - LONGEST_SUFFIX
    return [
        PageTask(path, index, f"{label}[{source.name_suffix[1:]}]" if source.name_suffix else label,
                 out_dir, shortened(stem + source.name_suffix, room), formats, source.note, root)
        for index, source in enumerate(sources)
    ]


def folder_items(paths: Sequence[Path], out_dir: Path, formats: tuple[str, ...],
                 max_pages: int | None = None) -> list[PageTask | PageOutcome]:
    """The pages of files whose outputs all go to OUT_DIR, or one failure for a file that does not
    open. Names are chosen once the files are opened (a TIFF named `x.png` has pages `x_p001`...),
    and no two pages get one name: a clash left after the rules of `inputs.output_stems` (the rare
    hash of a shortened name) is refused in one line before anything is written."""
    opened: dict[Path, list[PageSource] | PageOutcome] = {}
    for path in paths:
        try:
            opened[path] = list(iter_page_images(path, max_pages))
        except BroadsheetError as exc:
            opened[path] = failure(str(path), path, exc)
    stems = output_stems([p.name for p in paths],
                         {p.name: [s.name_suffix for s in o] for p, o in opened.items() if isinstance(o, list)})
    items: list[PageTask | PageOutcome] = []
    owner: dict[str, Path] = {}  # page name -> the file whose page took it
    for path in paths:
        sources = opened[path]
        if isinstance(sources, PageOutcome):
            items.append(sources)
            continue
        tasks = page_tasks(path, sources, out_dir, stems[path.name], formats)
        if clash := next((t.name for t in tasks if t.name in owner), None):
            items.append(failure(str(path), path, BadArgsError(
                f"{path}: its outputs would be named {clash}, as those of {owner[clash]} are; rename one of them")))
            continue
        owner.update(dict.fromkeys((t.name for t in tasks), path))
        items += tasks
    return items


def run_page(pipeline: Pipeline, task: PageTask, still_wanted: Callable[[], None] | None = None) -> PageOutcome:
    """Read and write one page. `still_wanted` raises (or ends the worker) when the run that asked
    for the page is gone: nothing is then written after the run has ended."""

    def before_write() -> None:
        if still_wanted is not None:
            still_wanted()
        if task.root is not None:
            task.root.check()

    try:
        sources = list(iter_page_images(task.path))
        if task.index >= len(sources):
            raise InputFileError(f"{task.path}: page {task.index + 1} is gone (file changed)")
        image = sources[task.index].load()
        result = pipeline.process_and_write(image, task.out_dir, task.name, task.formats,
                                            source=task.path.name, before_write=before_write,
                                            origin=PageOrigin(task.path, task.index + 1))
    except Exception as exc:  # one bad page (or a bug it triggers) must not end the run
        return failure(task.label, task.path, exc, task.index + 1)
    reading = result.page.reading
    return PageOutcome(task.label, task.path, task.index + 1, len(result.page.articles),
                       len(result.page.photos), result.seconds, note=task.note, engine=result.engine,
                       doubtful=reading.reason if reading and reading.doubtful else None)


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


class WorkerDiedError(BroadsheetError):
    exit_code = ExitCode.OTHER_ERROR
