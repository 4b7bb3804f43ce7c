"""`broadsheet issue` through the real CLI and pipeline: bad inputs in one line, a failed page listed
while the issue is still written, resume, the issue formats' registry, page order by file names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_batch import FONT, broadsheet, page

from broadsheet.cli import app
from broadsheet.errors import ExitCode
from broadsheet.issue import formats
from broadsheet.issue.model import Issue
from broadsheet.issue.run import issue_files, natural_key

pytestmark = pytest.mark.skipif(not FONT.exists(), reason="needs fonts-noto-cjk")


def test_bad_inputs_are_one_line_before_out_is_made(tmp_path: Path) -> None:
    from test_inputs import CLAIMS_10000_PAGES

    (tmp_path / "empty").mkdir()
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "readme.txt").write_text("no pages here")
    (tmp_path / "claims.pdf").write_bytes(CLAIMS_10000_PAGES)
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\nnot really")
    (tmp_path / "notes.doc").write_bytes(b"x")
    types = "bmp, gif, j2k, jp2, jpeg, jpg, jpx, pdf, png, tif, tiff, webp"
    for name, why in [
        ("missing", "no such file or folder"),
        ("empty", f"no page files in this folder (page files end in {types})"),
        ("notes", f"no page files in this folder (page files end in {types})"),
        ("claims.pdf", "10,000 pages, more than the limit of 1,000 (--max-pages)"),
        ("broken.pdf", "damaged PDF (Failed to load document (PDFium: Data format error).)"),
        ("notes.doc", "not a page file (an issue is a PDF, a TIFF or a folder of page files)"),
    ]:
        result = broadsheet("issue", str(tmp_path / name), "--out", str(tmp_path / "out"))
        assert (result.returncode, result.stdout) == (ExitCode.INPUT_FILE, ""), (name, result.stderr)
        assert result.stderr.splitlines() == [f"broadsheet: error: {tmp_path / name}: {why}"]
        assert not (tmp_path / "out").exists()


def test_page_files_sort_by_the_numbers_in_their_names(tmp_path: Path) -> None:
    for name in ["p10.png", "p2.png", "p1.png", "P3.png", ".p0.png", "cover.txt"]:
        (tmp_path / name).write_bytes(b"")
    assert [p.name for p in issue_files(tmp_path, tmp_path / "out")] == ["p1.png", "p2.png", "P3.png", "p10.png"]
    assert sorted(["a10", "a9b", "a9"], key=natural_key) == ["a9", "a9b", "a10"]


@pytest.fixture
def fake_mets(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Issue, dict]]:
    """An issue-only format, as branch mets adds one: records what it was handed."""
    calls: list[tuple[Issue, dict]] = []

    def write(issue, pages, out_dir: Path) -> list[Path]:
        calls.append((issue, pages))
        (out_dir / "ISSUE.fake.xml").write_text("<mets/>")
        return [out_dir / "ISSUE.fake.xml"]

    monkeypatch.setitem(formats.ISSUE_FORMATS, "fakemets", write)
    return calls


def test_page_commands_refuse_an_issue_only_format(tmp_path: Path, fake_mets) -> None:
    for command in (["batch", str(tmp_path)], ["ocr", str(tmp_path / "x.png")]):
        result = CliRunner().invoke(app, [*command, "--out", str(tmp_path / "o"), "--formats", "txt,fakemets"])
        assert result.exit_code == ExitCode.BAD_ARGS
        assert result.output.splitlines() == ["broadsheet: error: --formats fakemets is a format of a whole issue: "
                                              "broadsheet issue INPUT --out OUT --formats fakemets"]


def test_a_failed_page_is_listed_and_the_issue_written_from_the_rest_then_resumed(tmp_path: Path, fake_mets) -> None:
    scans = tmp_path / "scans"
    scans.mkdir()
    page(0).save(scans / "p1.png")
    (scans / "p2.png").write_bytes((scans / "p1.png").read_bytes()[:3000])  # opens, fails when read
    page(2).save(scans / "p10.png")
    out = tmp_path / "out"

    result = CliRunner().invoke(app, ["issue", str(scans), "--out", str(out), "-j", "1", "-f", "txt,fakemets"])
    assert result.exit_code == ExitCode.INPUT_FILE, result.output
    issue = Issue.from_dict(json.loads((out / "ISSUE.json").read_text(encoding="utf-8")))
    assert [(p.number, p.name, p.folio) for p in issue.pages] == [(1, "p1", None), (3, "p10", None)]
    assert issue.warnings[0].startswith("p2.png: not read (damaged image")
    assert f"warning: {issue.warnings[0]}" in result.output
    assert f"2 pages, {len(issue.articles)} articles, 0 joined across pages, 0 jumps unresolved" in result.output
    ids = [a.id for a in issue.articles]  # numbered by the page's place in the issue, p2 kept for the failed page
    assert ids[0] == "p1_a1" and ids[-1].startswith("p3_") and all(i.startswith(("p1_", "p3_")) for i in ids)
    assert sorted(p.name for p in out.iterdir()) == [".broadsheet.lock", "ISSUE.fake.xml", "ISSUE.json", "ISSUE.txt",
                                                     "errors.jsonl", "p1.json", "p1.txt", "p10.json", "p10.txt"]
    (handed, pages), = fake_mets
    assert handed == issue and sorted(pages) == [1, 3] and pages[3].source == "p10.png"

    again = CliRunner().invoke(app, ["issue", str(scans), "--out", str(out), "-j", "1", "-f", "txt,fakemets"])
    assert "2 pages already done, 1 to do" in again.output and "0 done, 2 skipped, 1 failed" in again.output
    assert Issue.from_dict(json.loads((out / "ISSUE.json").read_text(encoding="utf-8"))) == issue
    assert len(fake_mets) == 2

    for name in ("p1.png", "p10.png"):  # every page now fails: no issue, and none left from before
        (scans / name).write_bytes((scans / name).read_bytes()[:3000])
    last = CliRunner().invoke(app, ["issue", str(scans), "--out", str(out), "-j", "1"])
    assert last.exit_code == ExitCode.INPUT_FILE and "no page read: no ISSUE.json written" in last.output
    assert not (out / "ISSUE.json").exists()


def test_a_multi_page_tiff_is_an_issue_named_as_batch_names_its_pages(tmp_path: Path) -> None:
    first, *rest = [page(n) for n in range(2)]
    first.save(tmp_path / "issue.tif", save_all=True, append_images=rest)
    result = broadsheet("issue", str(tmp_path / "issue.tif"), "--out", str(tmp_path / "out"), "-j", "1")
    assert result.returncode == 0, result.stderr
    issue = Issue.from_dict(json.loads((tmp_path / "out" / "ISSUE.json").read_text(encoding="utf-8")))
    assert [(p.number, p.name, p.source, p.source_page) for p in issue.pages] == [
        (1, "issue_p001", str(tmp_path / "issue.tif"), 1), (2, "issue_p002", str(tmp_path / "issue.tif"), 2)]
    assert result.stdout.splitlines()[-1] == (f"2 pages, {len(issue.articles)} articles, 0 joined across pages, "
                                              f"0 jumps unresolved ({tmp_path / 'out' / 'ISSUE.json'})")
    assert result.stderr == ""
