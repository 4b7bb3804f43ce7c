"""Files of a whole issue: `OUT/ISSUE.json` always, and the issue formats a run asks for.

An issue writer has the signature `write(issue, pages, out_dir) -> list[Path]`, `pages` mapping
`IssuePage.number` to that page's `Page`; it writes atomically (temp file, then rename) and
returns what it wrote. `ISSUE_FORMATS` maps a format name to its writer. A name may be a page
format too (`pdf`: NAME.pdf per page and ISSUE.pdf); one that is only an issue format is refused by
`ocr`, `batch` and `watch` in one line.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from broadsheet.errors import BadArgsError
from broadsheet.export import DEFAULT_FORMATS, FORMATS, issue_overlay, issue_text, mets, parse_formats, pdf
from broadsheet.imageio import atomic_write
from broadsheet.issue.model import Issue
from broadsheet.model import Page

IssueWriter = Callable[[Issue, dict[int, Page], Path], list[Path]]

ISSUE_JSON = "ISSUE.json"
ISSUE_FORMATS: dict[str, IssueWriter] = {
    "txt": issue_text.write,  # ISSUE.txt: the issue's text, joined articles whole; NAME.txt per page
    "mets": mets.write,  # ISSUE.mets.xml beside the pages' NAME.alto.xml
    "overlay": issue_overlay.write,  # ISSUE.<id>.jpg per joined article; NAME.overlay.jpg per page
    "pdf": pdf.write_issue,  # ISSUE.pdf with a bookmark per article; NAME.pdf per page
}


def write_json(issue: Issue, out_dir: Path) -> Path:
    path = out_dir / ISSUE_JSON
    with atomic_write(path) as handle:
        json.dump(issue.to_dict(), handle, ensure_ascii=False, indent=1)
    return path


def split_formats(spec: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """`--formats` of `broadsheet issue` -> (page formats, issue formats). The pages' JSON is always
    among the page formats: the issue step reads the pages back from it. `all`: every format of both."""
    names = [s.strip().lower() for s in spec.split(",") if s.strip()]
    if names == ["all"]:
        return with_json(tuple(FORMATS)), tuple(ISSUE_FORMATS)
    unknown = [n for n in names if n not in FORMATS and n not in ISSUE_FORMATS]
    if unknown:
        raise BadArgsError(f"unknown format(s) {', '.join(unknown)}; choose from "
                           f"{', '.join(dict.fromkeys([*FORMATS, *ISSUE_FORMATS]))}, all")
    page = tuple(n for n in dict.fromkeys(names) if n in FORMATS)
    return with_json(page or DEFAULT_FORMATS), tuple(n for n in dict.fromkeys(names) if n in ISSUE_FORMATS)


def with_json(formats: tuple[str, ...]) -> tuple[str, ...]:
    return formats if "json" in formats else (*formats, "json")


def page_formats(spec: str) -> tuple[str, ...]:
    """`--formats` of the commands that read pages one by one: an issue-only format is one line."""
    names = [s.strip().lower() for s in spec.split(",") if s.strip()]
    for name in names:
        if name in ISSUE_FORMATS and name not in FORMATS:
            raise BadArgsError(f"--formats {name} is a format of a whole issue: "
                               f"broadsheet issue INPUT --out OUT --formats {name}")
    return parse_formats(spec)
