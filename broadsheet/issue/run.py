"""`broadsheet issue`: the pages of one issue through the batch machinery (executors, resume,
errors.jsonl, the OUT lock), then the issue step on every page read, from its OUT/NAME.json (so
it works alike with every executor and after a resume), then OUT/ISSUE.json and the issue formats.

The input is a multi-page PDF or TIFF, or a folder whose page files sort into page order by the
numbers in their names (`p2` before `p10`). Pages are named as `batch` names them.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

from broadsheet.batch import BatchReporter, BatchSummary, Plan, add_items, run_plan
from broadsheet.errors import BadArgsError, FileAccessError, InputFileError
from broadsheet.executors import LOCAL, ExecutorSpec
from broadsheet.imageio import is_inside
from broadsheet.inputs import DEFAULT_MAX_PAGES, find_pages, is_supported, iter_page_images, page_types
from broadsheet.issue.formats import ISSUE_FORMATS, with_json, write_json
from broadsheet.issue.model import Issue
from broadsheet.issue.step import ReadPage, build_issue
from broadsheet.model import Page
from broadsheet.options import DEFAULT_OPTIONS, PipelineOptions
from broadsheet.outdir import ERRORS_FILE, claim_out_dir
from broadsheet.tasks import OutFolder, PageOutcome, PageTask, folder_items


@dataclass
class IssueRun:
    batch: BatchSummary
    issue: Issue | None  # None when no page could be read
    written: list[Path]  # ISSUE.json and the issue formats' files

    @property
    def line(self) -> str:
        """`4 pages, 11 articles, 2 joined across pages, 0 jumps unresolved`."""
        if self.issue is None:
            return "no page read: no ISSUE.json written"
        articles = self.issue.articles
        joined = sum(a.joined for a in articles)
        unresolved = sum((a.continued_from is not None) + (a.continued_to is not None) for a in articles)
        return (f"{len(self.issue.pages)} pages, {len(articles)} articles, {joined} joined across pages, "
                f"{unresolved} jumps unresolved")


def natural_key(name: str) -> list:
    """`p2` before `p10`: the numbers in a name compared as numbers."""
    return [int(t) if t.isdigit() else t.casefold() for t in re.split(r"(\d+)", name)]


def issue_files(source: Path, out_dir: Path, max_pages: int | None = DEFAULT_MAX_PAGES) -> list[Path]:
    """The input's page files in page order, or one line on why there are none."""
    if source.is_dir():
        if is_inside(out_dir, source):
            raise BadArgsError(f"{source}: the input folder must not be inside the output folder {out_dir}")
        files = find_pages(source)
        if not files:
            raise InputFileError(f"{source}: no page files in this folder (page files end in {page_types()})")
        return sorted(files, key=lambda p: (natural_key(p.name), p.name))
    if not source.exists():
        raise InputFileError(f"{source}: no such file or folder")
    if not is_supported(source):
        raise InputFileError(f"{source}: not a page file (an issue is a PDF, a TIFF or a folder of page files)")
    for _ in iter_page_images(source, max_pages):  # opening it checks it: a damaged PDF is one line here
        pass
    return [source]


def run_issue(source: str | os.PathLike, out_dir: str | os.PathLike, options: PipelineOptions = DEFAULT_OPTIONS,
              issue_formats: tuple[str, ...] = (), *, force: bool = False, executor: ExecutorSpec = LOCAL,
              max_pages: int | None = DEFAULT_MAX_PAGES, reporter: BatchReporter | None = None) -> IssueRun:
    source, out_dir = Path(source), Path(out_dir)
    options = replace(options, formats=with_json(options.formats))  # the issue step reads the pages' JSON
    files = issue_files(source, out_dir, max_pages)
    with claim_out_dir(out_dir):
        items = folder_items(files, out_dir, options.formats, max_pages)
        plan = Plan()
        add_items(plan, items, out_dir, force)
        summary = run_plan(plan, options, executor, reporter, errors_file=out_dir / ERRORS_FILE,
                           out=OutFolder.of(out_dir))
        read, lost = _read_back(items, summary.failed)
        if not read:
            return IssueRun(summary, None, [])
        issue = build_issue(str(source), read)
        issue.warnings = lost + issue.warnings
        pages = {entry.number: r.page for entry in issue.pages for r in read if r.name == entry.name}
        try:
            written = [path for name in issue_formats for path in ISSUE_FORMATS[name](issue, pages, out_dir)]
            written.insert(0, write_json(issue, out_dir))
        except OSError as exc:
            raise FileAccessError(f"cannot write to {out_dir}: {exc.strerror or exc}") from exc
    return IssueRun(summary, issue, written)


def _read_back(items: list[PageTask | PageOutcome], failed: list[PageOutcome]) -> tuple[list[ReadPage], list[str]]:
    """The pages read (this run or an earlier one) from their JSON, in file order; and a line for
    each page that was not."""
    failures = {(o.path, o.page): o for o in failed}
    read: list[ReadPage] = []
    lost: list[str] = []
    for place, item in enumerate(items, start=1):
        if isinstance(item, PageOutcome):
            lost.append(f"{item.path.name}: not read ({item.message.removeprefix(f'{item.path}: ')})")
            continue
        label = item.path.name + item.label.removeprefix(str(item.path))  # p03.jpg, issue.pdf[p003]
        outcome = failures.get((item.path, item.index + 1)) or failures.get((item.path, None))
        if outcome is not None:
            lost.append(f"{label}: not read ({outcome.message.removeprefix(f'{item.path}: ')})")
            continue
        try:
            page = Page.from_dict(json.loads((item.out_dir / f"{item.name}.json").read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            lost.append(f"{label}: its {item.name}.json cannot be read back ({exc})")
            continue
        read.append(ReadPage(label, place, item.name, str(item.path), item.index + 1, page))
    return read, lost
