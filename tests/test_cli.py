"""The command line itself: every documented exit status through the real CLI, the help, --version."""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from broadsheet.cli import app
from broadsheet.errors import ExitCode

README = Path(__file__).resolve().parent.parent / "README.md"
FIXTURES = README.parent / "fixtures" / "pages"


def broadsheet(*args: str, timeout: float = 120, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "broadsheet", *args], capture_output=True, text=True,
                          timeout=timeout, **kwargs)


def documented_exit_codes() -> dict[int, str]:
    section = README.read_text(encoding="utf-8").split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    return {int(code): meaning.strip() for code, meaning in re.findall(r"(\d+) ([^·]+)", section)}


def test_the_readme_documents_exactly_the_exit_codes_of_the_code() -> None:
    assert set(documented_exit_codes()) == {int(code) for code in ExitCode}


@pytest.fixture
def page_file(tmp_path: Path) -> Path:
    path = tmp_path / "page.png"
    Image.new("RGB", (400, 200), "white").save(path)
    return path


@pytest.fixture
def eval_files(tmp_path: Path) -> tuple[Path, Path]:
    from test_evaluate import A2, gold_page

    pred, gold = tmp_path / "pred.json", tmp_path / "gold.json"
    wrong = gold_page()
    wrong.articles[0].paragraphs[1] = A2.replace("巡查", "巡察")
    pred.write_text(json.dumps(wrong.to_dict()), encoding="utf-8")
    gold.write_text(json.dumps(gold_page().to_dict()), encoding="utf-8")
    return pred, gold


def test_bad_arguments_exit_1_whoever_finds_them(tmp_path: Path, page_file: Path) -> None:
    """click's own argument errors (it exits 2 by itself) and ours alike."""
    for args, says in [
        (["ocr"], "Error: Missing argument 'PAGE...'."),
        (["ocr", str(page_file), "--bogus"], "Error: No such option '--bogus'"),
        (["batch", str(tmp_path), "--out", str(tmp_path / "o"), "-j", "0"], "Error: Invalid value for '--workers'"),
        (["nosuchcommand"], "Error: No such command 'nosuchcommand'."),
        (["ocr", str(page_file), "--formats", "txt,docx"], "broadsheet: error: unknown format(s) docx"),
        (["ocr", str(page_file), "--engine", "abbyy", "--out", str(tmp_path / "o")],
         "broadsheet: error: unknown OCR engine 'abbyy'"),
    ]:
        result = broadsheet(*args)
        assert result.returncode == ExitCode.BAD_ARGS == 1, (args, result.stderr)
        assert says in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr


def test_numeric_settings_are_finite_and_in_range_from_flags_and_environment(tmp_path: Path) -> None:
    """A settle of nan held every file back for ever, without a word."""
    (tmp_path / "inbox").mkdir()
    watch = ["watch", str(tmp_path / "inbox"), "--out", str(tmp_path / "out")]
    for args, env in [([*watch, "--settle", "nan"], {}), (watch, {"BROADSHEET_SETTLE": "nan"}),
                      (watch, {"BROADSHEET_SETTLE": "1e999"}), ([*watch, "--settle", "-1"], {})]:
        result = broadsheet(*args, env={**os.environ, **env}, timeout=30)
        assert result.returncode == ExitCode.BAD_ARGS, (args, env, result.stderr)
        assert "Error: Invalid value for '--settle'" in result.stderr, (args, env, result.stderr)


def test_a_wrong_pair_of_folders_is_a_bad_argument(tmp_path: Path, page_file: Path) -> None:
    """OUT that is the inbox, or an input folder inside OUT: the arguments are wrong (1), no page is."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for args, says in [
        (["watch", str(inbox), "--out", str(inbox)], f"{inbox}: the inbox must not be inside {inbox}"),
        (["batch", str(inbox), "--out", str(tmp_path)],
         f"{inbox}: the input folder must not be inside the output folder {tmp_path}"),
    ]:
        result = broadsheet(*args, timeout=30)
        assert result.returncode == ExitCode.BAD_ARGS, (args, result.stderr)
        assert result.stderr == f"broadsheet: error: {says}\n"


def test_a_page_that_cannot_be_read_exits_2(tmp_path: Path) -> None:
    (tmp_path / "empty.png").write_bytes(b"")
    result = broadsheet("ocr", str(tmp_path / "empty.png"), "--out", str(tmp_path / "o"))
    assert result.returncode == ExitCode.INPUT_FILE == 2
    assert result.stderr == f"{tmp_path / 'empty.png'}: error: empty file\n"


def test_a_missing_dependency_exits_3(tmp_path: Path, page_file: Path) -> None:
    result = broadsheet("ocr", str(page_file), "--engine", "tesseract", "--out", str(tmp_path / "o"),
                        env={"PATH": str(tmp_path)})  # no tesseract on this PATH
    assert result.returncode == ExitCode.MISSING_DEPENDENCY == 3
    assert result.stderr.startswith("broadsheet: error: the tesseract engine needs the tesseract CLI")


@pytest.fixture
def latin_pages(tmp_path: Path) -> list[Path]:
    """Two copies of the top of the English fixture page (masthead and the first notices)."""
    image = Image.open(FIXTURES / "page_j.jpg").crop((0, 0, 1275, 500))
    paths = [tmp_path / "in" / f"top{k}.png" for k in (1, 2)]
    paths[0].parent.mkdir()
    for path in paths:
        image.save(path)
    return paths


def test_each_page_line_says_which_engine_read_it(tmp_path: Path, latin_pages: list[Path]) -> None:
    result = broadsheet("ocr", str(latin_pages[0]), "--out", str(tmp_path / "o"))
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(rf"{latin_pages[0]}: \d+ articles, \d+ photos, [\d.]+ s, read with tesseract:eng\n"
                        rf"results in {tmp_path / 'o'}/\n", result.stdout), result.stdout


def test_auto_without_tesseract_reads_with_rapidocr_and_says_so_once(tmp_path: Path, latin_pages: list[Path]) -> None:
    env = {"PATH": str(tmp_path), **{k: v for k, v in os.environ.items() if k == "PYTHONPATH"}}  # no tesseract
    result = broadsheet("ocr", *map(str, latin_pages), "--out", str(tmp_path / "o"), env=env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ("tesseract is not installed: the auto engine reads Latin pages with rapidocr "
                             "(apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-frk)\n")
    assert [line.rsplit(", ", 1)[-1] for line in result.stdout.splitlines()[:2]] == ["read with rapidocr"] * 2


def test_a_folder_that_cannot_be_written_exits_5(tmp_path: Path, page_file: Path) -> None:
    (tmp_path / "file").write_text("x")
    result = broadsheet("ocr", str(page_file), "--out", str(tmp_path / "file" / "out"))
    assert result.returncode == ExitCode.FILE_ACCESS_ERROR == 5
    out = tmp_path / "file" / "out"
    assert result.stderr == f"broadsheet: error: {out}: cannot create output folder (Not a directory)\n"


def test_ok_exits_0_and_a_missed_bound_exits_6(eval_files: tuple[Path, Path]) -> None:
    pred, gold = eval_files
    assert broadsheet("eval", str(pred), str(gold), "--fail-under", "cer=0.02").returncode == ExitCode.OK == 0
    missed = broadsheet("eval", str(pred), str(gold), "--fail-under", "cer=0.005")
    assert missed.returncode == ExitCode.QUALITY_BELOW_BOUND == 6
    assert missed.stderr == "broadsheet: bound missed: cer 0.0093 is above the maximum cer=0.005\n"


def test_a_bug_exits_15_with_its_traceback(eval_files: tuple[Path, Path], monkeypatch) -> None:
    def bug(*args):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("broadsheet.cli.evaluate.evaluate_paths", bug)
    result = CliRunner().invoke(app, ["eval", *map(str, eval_files)])
    assert result.exit_code == ExitCode.OTHER_ERROR == 15
    assert "Traceback" in result.stderr and "ZeroDivisionError" in result.stderr
    assert result.stderr.endswith("broadsheet: internal error (a bug: please report it with the lines above)\n")


def _default_sigint() -> None:
    # a suite started in the background by a script (`pytest &`) ignores SIGINT, and so would the
    # batch it starts: give the batch the Ctrl-C an interactive user's has
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_interrupted_exits_130(tmp_path: Path) -> None:
    from test_batch import page

    (tmp_path / "in").mkdir()
    for n in range(12):
        page(n).save(tmp_path / "in" / f"p{n:02d}.png")
    proc = subprocess.Popen([sys.executable, "-m", "broadsheet", "batch", str(tmp_path / "in"), "--out",
                             str(tmp_path / "out"), "-j", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, preexec_fn=_default_sigint)
    assert proc.stdout.readline().startswith(str(tmp_path / "in" / "p"))  # a page is done, the rest to do
    proc.send_signal(signal.SIGINT)
    status, stderr = proc.wait(timeout=60), proc.stderr.read()
    assert status == ExitCode.CTRL_C == 130, stderr
    assert "Traceback" not in stderr
    assert len(list((tmp_path / "out").glob("*.json"))) < 12


def test_version_comes_from_the_installed_package() -> None:
    result = broadsheet("--version")
    assert result.returncode == 0
    assert result.stdout == f"broadsheet {importlib.metadata.version('broadsheet')}\n"


USAGE = {
    (): "Usage: broadsheet [OPTIONS] COMMAND [ARGS]...",
    ("ocr",): "Usage: broadsheet ocr [OPTIONS] PAGE...",
    ("batch",): "Usage: broadsheet batch [OPTIONS] FOLDER",
    ("issue",): "Usage: broadsheet issue [OPTIONS] INPUT",
    ("watch",): "Usage: broadsheet watch [OPTIONS] INBOX",
    ("eval",): "Usage: broadsheet eval [OPTIONS] PRED GOLD",
}


@pytest.mark.parametrize("command", USAGE, ids=lambda c: " ".join(c) or "broadsheet")
def test_help_reads_like_hand_written_help(command: tuple[str, ...]) -> None:
    result = CliRunner().invoke(app, [*command, "--help"], terminal_width=80)
    assert result.exit_code == 0
    text = result.output
    assert text.splitlines()[0] == USAGE[command]
    assert not re.search(r"<\w|\{\w|…", text), text  # no <bool>, {pages}, text cut off
    commands = text.split("Commands:\n")[1].splitlines() if "Commands:" in text else []
    assert not [line for line in commands if line.endswith("...")]  # summaries whole
    assert max(map(len, text.splitlines())) <= 80
    if command:
        assert "-h, --help" in text
        for option, metavar in [("--out", "OUT"), ("--formats", "LIST"), ("--engine", "NAME"),
                                ("--max-pages", "N"), ("--workers", "N"), ("--fail-under", "BOUNDS")]:
            if option in text:
                assert f"{option} {metavar}" in text, option
