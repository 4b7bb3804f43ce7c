"""End to end: `broadsheet issue --formats mets,overlay` on the Chinese fixture issue (the session's
run, `issue_runs`), read by the real models. The package validates,
every logical area is a block of its ALTO, and reading it back gives ISSUE.json's articles."""

from __future__ import annotations

import json
from pathlib import Path

from broadsheet.formats import validate_alto, validate_mets
from broadsheet.formats.mets import read_mets
from broadsheet.issue.model import Issue

ISSUE_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "issues" / "zh"


def test_an_issue_package_validates_and_reads_back(issue_runs):
    out, _ = issue_runs("zh")
    issue = Issue.from_dict(json.loads((out / "ISSUE.json").read_text(encoding="utf-8")))
    joined = [a for a in issue.articles if a.joined]
    assert [[p.page for p in a.parts] for a in joined] == [[1, 4], [2, 3]]  # pages numbered by their folios

    assert validate_mets(out / "ISSUE.mets.xml") == []
    for page in issue.pages:
        assert validate_alto(out / f"{page.name}.alto.xml") == []
    back, _ = read_mets(out / "ISSUE.mets.xml")  # refuses an area that names no block of its ALTO
    assert back.articles == issue.articles
    assert back.facts == issue.facts
    assert [Path(p.source).resolve() for p in back.pages] == [(ISSUE_DIR / f"{p.name}.jpg").resolve()
                                                              for p in issue.pages]
    for article in joined:
        assert (out / f"ISSUE.{article.id}.jpg").stat().st_size > 0
