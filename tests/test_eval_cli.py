"""`broadsheet eval` end to end on temp files."""

from __future__ import annotations

import json
import re
import resource
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

# The hand-built page and its counts live with the metric tests (tests/ is on sys.path).
from test_evaluate import A2, PAGE_CHARS, gold_page

from broadsheet.errors import ExitCode


@pytest.fixture
def app() -> click.Group:
    from broadsheet.cli import app

    return app


@pytest.fixture
def files(tmp_path):
    """pred.json has one substitution against gold.json; gold.txt is the same truth as text."""
    pred = gold_page()
    pred.articles[0].paragraphs[1] = A2.replace("巡查", "巡察")
    paths = {name: tmp_path / name for name in ("pred.json", "gold.json", "gold.txt")}
    paths["pred.json"].write_text(json.dumps(pred.to_dict(), ensure_ascii=False), encoding="utf-8")
    paths["gold.json"].write_text(
        json.dumps(gold_page().to_dict(), ensure_ascii=False), encoding="utf-8"
    )
    paths["gold.txt"].write_text("\n\n".join(gold_page().text_blocks()) + "\n", encoding="utf-8")
    return paths


def run(app, *args):
    return CliRunner().invoke(app, ["eval", *map(str, args)], env={"COLUMNS": "200"})


def test_prints_a_table_with_an_overall_row(app, files):
    result = run(app, files["pred.json"], files["gold.json"])
    assert result.exit_code == 0, result.output
    assert "overall" in result.output
    assert "false hl" in result.output and "pair" in result.output
    assert f"{1 / PAGE_CHARS:.2%}" in result.output  # CER 0.93%


def test_line_boxes_in_the_truth_add_the_structure_by_boxes(app, files, tmp_path):
    from unit.test_box_scores import gold, misread

    assert "structure by line boxes" not in run(app, files["pred.json"], files["gold.json"]).output
    pred, truth = tmp_path / "boxed.json", tmp_path / "truth" / "boxed.json"
    truth.parent.mkdir()
    pred.write_text(json.dumps(misread(gold()).to_dict()), encoding="utf-8")
    truth.write_text(json.dumps(gold().to_dict()), encoding="utf-8")
    result = run(app, pred, truth, "--json", tmp_path / "m.json")
    assert result.exit_code == 0, result.output
    boxes = result.output[result.output.index("structure by line boxes"):]
    assert re.search(r"overall\s+1\.00\s+1\.00\s+1\.00\s+1\.00", boxes), result.output  # misread, not misbuilt
    overall = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))["overall"]
    assert overall["paragraph_f1"] == 0.0 and overall["box_paragraph_f1"] == 1.0


def test_json_metrics(app, files, tmp_path):
    out = tmp_path / "out" / "metrics.json"
    assert run(app, files["pred.json"], files["gold.json"], "--json", out).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data) == {
        "averaging",
        "overall",
        "pages",
        "unpaired_predictions",
        "missing_predictions",
    }
    assert data["overall"]["cer"] == pytest.approx(1 / PAGE_CHARS)
    assert data["overall"]["chars"] == {
        "reference": PAGE_CHARS,
        "substitutions": 1,
        "insertions": 0,
        "deletions": 0,
    }
    page = data["pages"][0]
    assert page["name"] == "pred"
    assert page["metrics"]["article_f1"] == 1.0
    assert [a["gold"] for a in page["articles"]] == ["a", "b"]
    assert not list(out.parent.glob(".*.part"))  # written atomically, no leftovers


def test_html_report_has_the_diff(app, files, tmp_path):
    out = tmp_path / "report.html"
    assert run(app, files["pred.json"], files["gold.json"], "--report", out).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert '<span class="diff-replace">查</span>' in html
    assert '<span class="diff-replace">察</span>' in html
    assert "城市交通新规实施" in html
    assert "<link" not in html and "<script" not in html  # self-contained


@pytest.mark.parametrize("option", ["--json", "--report"])
def test_an_output_that_cannot_be_written_is_one_line_and_exit_5(app, files, tmp_path, option):
    """A parent that is a file (FileExistsError) and a folder that takes no new file (/proc:
    FileNotFoundError) were tracebacks with exit 15."""
    (tmp_path / "afile").write_text("x")
    for out, reason in [(tmp_path / "afile" / "m.out", "a parent folder is a file"),
                        (Path("/proc/m.out"), "No such file or directory")]:
        result = run(app, files["pred.json"], files["gold.json"], option, out)
        assert result.exit_code == ExitCode.FILE_ACCESS_ERROR, result.output
        assert result.stderr == f"broadsheet: error: {out}: cannot write ({reason})\n"
    assert (tmp_path / "afile").read_text() == "x"


def test_fail_under_exits_with_the_bound_named(app, files):
    result = run(
        app, files["pred.json"], files["gold.json"], "--fail-under", "cer=0.005,article=0.9"
    )
    assert result.exit_code == ExitCode.QUALITY_BELOW_BOUND
    assert result.stderr == "broadsheet: bound missed: cer 0.0093 is above the maximum cer=0.005\n"


def test_fail_under_met_exits_zero(app, files):
    result = run(
        app, files["pred.json"], files["gold.json"], "--fail-under", "cer=0.02,caption=0.9,order=1"
    )
    assert result.exit_code == 0, result.output


def test_fail_under_unknown_key(app, files):
    result = run(app, files["pred.json"], files["gold.json"], "--fail-under", "speed=1")
    assert result.exit_code == ExitCode.BAD_ARGS
    assert result.stderr.startswith("broadsheet: error: --fail-under: unknown key 'speed'")


@pytest.mark.parametrize("bound", ["caption=1e999", "caption=1.5", "cer=inf", "article=-0.1", "wer=nan"])
def test_fail_under_a_bound_no_score_can_meet_or_miss_is_a_bad_argument(app, files, bound):
    result = run(app, files["pred.json"], files["gold.json"], "--fail-under", bound)
    assert result.exit_code == ExitCode.BAD_ARGS, result.output
    key = bound.split("=")[0]
    wanted = "a non-negative number" if key in ("cer", "wer") else "a number from 0 to 1"
    assert result.stderr == f"broadsheet: error: --fail-under: {key} needs {wanted}, as in {key}=0.9\n"


def test_plain_text_gold(app, files, tmp_path):
    out = tmp_path / "metrics.json"
    result = run(app, files["pred.json"], files["gold.txt"], "--json", out)
    assert result.exit_code == 0, result.output
    metrics = json.loads(out.read_text(encoding="utf-8"))["pages"][0]["metrics"]
    assert metrics["cer"] == pytest.approx(1 / PAGE_CHARS)
    assert metrics["reading_cer"] == pytest.approx(1 / PAGE_CHARS)
    assert metrics["article_f1"] is None


def test_folders_pair_by_name_and_report_missing(app, files, tmp_path):
    pred_dir, gold_dir = tmp_path / "pred", tmp_path / "gold"
    pred_dir.mkdir(), gold_dir.mkdir()
    (pred_dir / "p1.json").write_bytes(files["pred.json"].read_bytes())
    (pred_dir / "extra.json").write_bytes(files["pred.json"].read_bytes())
    (gold_dir / "p1.json").write_bytes(files["gold.json"].read_bytes())
    (gold_dir / "p2.txt").write_bytes(files["gold.txt"].read_bytes())
    out = tmp_path / "metrics.json"
    result = run(app, pred_dir, gold_dir, "--json", out)
    assert result.exit_code == 0, result.output
    assert "broadsheet: gold pages without a prediction, not scored: 1 of 2 (p2)" in result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [p["name"] for p in data["pages"]] == ["p1"]  # only pairs are scored
    assert data["missing_predictions"] == ["p2"]
    assert data["unpaired_predictions"] == [str(pred_dir / "extra.json")]
    assert data["overall"]["cer"] == pytest.approx(1 / PAGE_CHARS)

    # a bound is only met when every gold page was predicted
    missed = run(app, pred_dir, gold_dir, "--fail-under", "cer=0.02")
    assert missed.exit_code == ExitCode.QUALITY_BELOW_BOUND
    assert "broadsheet: bound missed: gold pages without a prediction: 1 (p2)" in missed.stderr


def test_page_names_print_escaped(app, files, tmp_path):
    """A newline in a page's file name printed as a line of its own, in the table and on stderr."""
    pred_dir, gold_dir = tmp_path / "pred", tmp_path / "gold"
    pred_dir.mkdir(), gold_dir.mkdir()
    (pred_dir / "p1\nfake.json").write_bytes(files["pred.json"].read_bytes())
    (gold_dir / "p1\nfake.json").write_bytes(files["gold.json"].read_bytes())
    (gold_dir / "p2\nmissing.txt").write_bytes(files["gold.txt"].read_bytes())
    result = run(app, pred_dir, gold_dir)
    assert result.exit_code == 0, result.output
    assert "p1\\nfake" in result.stdout and "no prediction (not scored): p2\\nmissing" in result.stdout
    assert not [line for line in result.stdout.splitlines() if line.strip() in ("fake", "missing")]
    assert result.stderr == ("broadsheet: gold pages without a prediction, not scored: 1 of 2 (p2\\nmissing)\n")


def test_entry_point_maps_errors_to_exit_codes(files):
    """Through `python -m broadsheet`, as CI runs it: bound misses exit 6, bad keys exit 1."""
    root = Path(__file__).resolve().parents[1]

    def main(*args):
        command = [sys.executable, "-m", "broadsheet", "eval", *map(str, args)]
        return subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=60)

    pred, gold = files["pred.json"], files["gold.json"]
    missed = main(pred, gold, "--fail-under", "cer=0.005")
    assert missed.returncode == ExitCode.QUALITY_BELOW_BOUND
    assert "cer 0.0093 is above the maximum cer=0.005" in missed.stderr
    assert main(pred, gold, "--fail-under", "cer=0.01").returncode == 0
    bad = main(pred, gold, "--fail-under", "speed=1")
    assert bad.returncode == ExitCode.BAD_ARGS
    assert "unknown key 'speed'" in bad.stderr


@pytest.mark.parametrize("writer, suffix", [("alto", ".alto.xml"), ("pagexml", ".page.xml")])
def test_alto_and_page_xml_ground_truth(app, tmp_path, writer, suffix):
    """A fixture's truth written as ALTO or PAGE-XML scores its own JSON perfectly, and a
    prediction with one wrong character loses exactly that character."""
    import importlib

    from conftest import fixture_images, truth

    gold = truth(fixture_images()[0])
    module = importlib.import_module(f"broadsheet.export.{writer}")
    module.write(gold, None, tmp_path, "page")
    same = tmp_path / "same.json"
    same.write_text(json.dumps(gold.to_dict(), ensure_ascii=False), encoding="utf-8")
    metrics = tmp_path / "m.json"

    result = run(app, same, tmp_path / f"page{suffix}", "--json", metrics)
    assert result.exit_code == 0, result.output
    overall = json.loads(metrics.read_text())["overall"]
    assert overall["cer"] == 0.0
    assert overall["article_f1"] == overall["paragraph_f1"] == overall["caption_accuracy"] == 1.0

    first = gold.articles[0].paragraphs[0]
    gold.articles[0].paragraphs[0] = first[:5] + ("甲" if first[5] != "甲" else "乙") + first[6:]
    same.write_text(json.dumps(gold.to_dict(), ensure_ascii=False), encoding="utf-8")
    run(app, same, tmp_path / f"page{suffix}", "--json", metrics)
    assert json.loads(metrics.read_text())["overall"]["chars"]["substitutions"] == 1


def alto_of_gold(tmp_path: Path) -> str:
    from broadsheet.export import alto

    alto.write(gold_page(), None, tmp_path, "gold")
    return (tmp_path / "gold.alto.xml").read_text(encoding="utf-8")


def page_xml_of_gold(tmp_path: Path) -> str:
    from broadsheet.export import pagexml

    pagexml.write(gold_page(), None, tmp_path, "gold")
    return (tmp_path / "gold.page.xml").read_text(encoding="utf-8")


LAUGHS = ('<?xml version="1.0"?><!DOCTYPE alto [<!ENTITY lol0 "lol">'
          + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
          + ']><alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">&lol9;</alto>')
QUADRATIC = ('<?xml version="1.0"?><!DOCTYPE alto [<!ENTITY a "' + "a" * 50_000 + '">]>'
             '<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">' + "&a;" * 50_000 + "</alto>")


def bad_gold(tmp_path: Path) -> dict[str, tuple[bytes, str]]:
    """Ground-truth files that used to end in a traceback: name -> (content, what the line says)."""
    alto, page_xml = alto_of_gold(tmp_path), page_xml_of_gold(tmp_path)
    mistyped = gold_page().to_dict()
    mistyped["articles"][0]["title"] = ["not", "text"]
    return {
        "list.json": (b"[]", "not a broadsheet page document (an array, not a JSON object)"),
        "null.json": (b"null", "not a broadsheet page document (null, not a JSON object)"),
        "string.json": (b'"x"', "not a broadsheet page document (a string, not a JSON object)"),
        "deep.json": (b"[" * 100_000 + b"]" * 100_000, "nested too deeply to read"),
        "mistyped.json": (json.dumps(mistyped).encode(), "(articles[0].title has the wrong type)"),
        "gbk.txt": ("Zürich 市".encode("gb18030"), "not UTF-8 text (byte 1 is 0xa8)"),
        "truncated.alto.xml": (alto[:700].encode(), "not well-formed XML"),
        "laughs.alto.xml": (LAUGHS.encode(), "not well-formed XML (Maximum entity amplification"),
        "quadratic.alto.xml": (QUADRATIC.encode(), "not well-formed XML (Maximum entity amplification"),
        "deep.alto.xml": (b"<a>" * 100_000 + b"</a>" * 100_000, "not well-formed XML (Excessive depth"),
        "v3.alto.xml": (alto.replace("alto/ns-v4#", "alto/ns-v3#").encode(),
                        "ALTO in namespace 'http://www.loc.gov/standards/alto/ns-v3#'; broadsheet reads "
                        "'http://www.loc.gov/standards/alto/ns-v4#'"),
        "other.page.xml": (page_xml.replace("pagecontent/2019-07-15", "pagecontent/2010-03-19").encode(),
                           "PAGE-XML in namespace 'http://schema.primaresearch.org/PAGE/gts/pagecontent/2010-03-19'"),
        "html.page.xml": (b"<html><body/></html>", "not PAGE-XML (its root element is 'html', not 'PcGts')"),
        "bare.alto.xml": (b'<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"/>',
                          "ALTO without a Layout/Page element"),
        "no-width.page.xml": (re.sub(r' imageWidth="[^"]*"', "", page_xml).encode(),
                              "not a page this reader understands"),
    }


@pytest.mark.parametrize("name", [
    "list.json", "null.json", "string.json", "deep.json", "mistyped.json", "gbk.txt", "truncated.alto.xml",
    "laughs.alto.xml", "quadratic.alto.xml", "deep.alto.xml", "v3.alto.xml", "other.page.xml", "html.page.xml",
    "bare.alto.xml", "no-width.page.xml"])
def test_bad_ground_truth_is_one_line(app, files, tmp_path, name):
    content, reason = bad_gold(tmp_path)[name]
    gold = tmp_path / name
    gold.write_bytes(content)
    result = run(app, files["pred.json"], gold)
    assert result.exit_code == ExitCode.INPUT_FILE, result.output
    assert result.stderr.startswith(f"broadsheet: error: {gold}: ") and reason in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output


def test_bad_prediction_is_one_line_too(app, files, tmp_path):
    pred = tmp_path / "pred.json"
    pred.write_bytes(b'{"width": "wide", "height": 1}')
    result = run(app, pred, files["gold.json"])
    assert result.exit_code == ExitCode.INPUT_FILE
    assert result.stderr == f"broadsheet: error: {pred}: not a broadsheet page document (invalid literal for int() " \
                            "with base 10: 'wide')\n"


def test_external_entities_are_not_read(app, files, tmp_path):
    """XXE: a gold file naming a local file as an entity must not bring its content in."""
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-4242")
    alto = alto_of_gold(tmp_path)
    alto = alto.replace("?>", f'?>\n<!DOCTYPE alto [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>', 1)
    alto = alto.replace("<bs:title>城市交通新规实施</bs:title>", "<bs:title>&xxe;</bs:title>")
    gold = tmp_path / "xxe.alto.xml"
    gold.write_text(alto, encoding="utf-8")
    metrics = tmp_path / "m.json"
    result = run(app, files["pred.json"], gold, "--json", metrics, "--report", tmp_path / "r.html")
    assert result.exit_code == 0, result.output
    assert "SECRET" not in result.output + metrics.read_text() + (tmp_path / "r.html").read_text()


def test_entity_bombs_stay_small(files, tmp_path):
    """Billion laughs under a 1 GiB address-space limit: refused at once, in one line."""
    gold = tmp_path / "laughs.alto.xml"
    gold.write_text(LAUGHS)

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    result = subprocess.run([sys.executable, "-m", "broadsheet", "eval", str(files["pred.json"]), str(gold)],
                            capture_output=True, text=True, timeout=60, preexec_fn=limit_memory)
    assert result.returncode == ExitCode.INPUT_FILE
    assert result.stderr.startswith(f"broadsheet: error: {gold}: not well-formed XML (Maximum entity amplification")
