"""End to end: `broadsheet issue --formats mets,overlay` on two pages of the Chinese fixture issue
(page 1 and the page its lead article jumps to), read by the real models. The package validates,
every logical area is a block of its ALTO, and reading it back gives ISSUE.json's articles."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from broadsheet.cli import app
from broadsheet.formats import validate_alto, validate_mets
from broadsheet.formats.mets import read_mets
from broadsheet.issue.model import Issue

ISSUE_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "issues" / "zh"


def test_an_issue_package_validates_and_reads_back(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    for name in ("p01.jpg", "p03.jpg"):  # 第1版 and 第4版: the lead article goes on on 第4版
        shutil.copy(ISSUE_DIR / name, source / name)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["issue", str(source), "--out", str(out), "--formats", "mets,overlay",
                                      "--workers", "1"])
    assert result.exit_code == 0, result.output
    issue = Issue.from_dict(json.loads((out / "ISSUE.json").read_text(encoding="utf-8")))
    joined = [a for a in issue.articles if a.joined]
    assert [[p.page for p in a.parts] for a in joined] == [[1, 4]]  # pages numbered by their folios

    assert validate_mets(out / "ISSUE.mets.xml") == []
    for page in issue.pages:
        assert validate_alto(out / f"{page.name}.alto.xml") == []
    back, _ = read_mets(out / "ISSUE.mets.xml")  # refuses an area that names no block of its ALTO
    assert back.articles == issue.articles
    assert back.facts == issue.facts
    assert [Path(p.source).resolve() for p in back.pages] == [(source / f"{p.name}.jpg").resolve() for p in issue.pages]
    assert (out / f"ISSUE.{joined[0].id}.jpg").stat().st_size > 0
