"""`broadsheet batch` on small real pages with the real OCR pipeline."""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import hangup_as_under_a_terminal
from PIL import Image, ImageDraw, ImageFont

from broadsheet.batch import ERRORS_FILE, claim_out_dir, plan_batch, run_batch
from broadsheet.errors import BadArgsError, ExitCode, FileAccessError

FONT = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
pytestmark = pytest.mark.skipif(not FONT.exists(), reason="needs fonts-noto-cjk")

LINES = ["本报讯 今天上午全市举行会议", "记者 张明 报道新闻内容", "春节期间 市场供应充足",
         "新建学校 九月开学招生", "地铁三号线 年底通车", "图书馆 延长开放时间"]


def page(n: int = 0) -> Image.Image:
    """1200 x 500, two lines of Chinese: about half a second through the real pipeline."""
    font = ImageFont.truetype(str(FONT), 48, index=2)
    img = Image.new("RGB", (1200, 500), "white")
    draw = ImageDraw.Draw(img)
    draw.text((60, 100), LINES[n % len(LINES)], font=font, fill="black")
    draw.text((60, 250), LINES[(n + 1) % len(LINES)], font=font, fill="black")
    return img


def broadsheet(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "broadsheet", *args], capture_output=True,
                          text=True, timeout=120)


def files_under(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "sub" / "deeper").mkdir(parents=True)
    page(0).save(root / "a.png")
    page(1).save(root / "a.jpg")  # same stem as a.png
    page(2).save(root / "sub" / "第一 版.png")
    page(3).save(root / "sub" / "-..\\..\\evil.png")  # looks like a path, is one name
    page(4).save(root / "sub" / "t.tif", save_all=True, append_images=[page(5)])
    page(0).save(root / "sub" / "deeper" / "d.pdf", save_all=True, append_images=[page(1)])
    (root / "empty.png").write_bytes(b"")
    (root / "sub" / "text.jpg").write_text("this is not a picture")
    (root / ".hidden.png").write_bytes(b"")
    return root


GOOD = {"a.png.txt", "a.png.json", "a.jpg.txt", "a.jpg.json",
        "sub/第一 版.txt", "sub/第一 版.json", "sub/-..\\..\\evil.txt", "sub/-..\\..\\evil.json",
        "sub/t_p001.txt", "sub/t_p001.json", "sub/t_p002.txt", "sub/t_p002.json",
        "sub/deeper/d_p001.txt", "sub/deeper/d_p001.json",
        "sub/deeper/d_p002.txt", "sub/deeper/d_p002.json"}


def test_batch_mirrors_the_tree_logs_failures_and_resumes(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    before = files_under(tmp_path)

    run = broadsheet("batch", str(tree), "--out", str(out), "--recursive", "--workers", "2")

    assert run.returncode == ExitCode.INPUT_FILE, run.stderr
    assert files_under(out) == GOOD | {ERRORS_FILE, ".broadsheet.lock"}
    # nothing written anywhere else, whatever the names look like
    assert files_under(tmp_path) - before == {f"out/{name}" for name in files_under(out)}
    assert len(run.stdout.splitlines()) == 9  # 8 pages, then the summary
    assert f"{tree}/sub/t.tif[p002]: " in run.stdout
    assert run.stdout.splitlines()[-1] == f"8 done, 0 skipped, 2 failed (see {out / ERRORS_FILE})"
    assert sorted(run.stderr.splitlines()) == [f"{tree}/empty.png: error: empty file",
                                               f"{tree}/sub/text.jpg: error: not an image file Pillow can read"]
    errors = [json.loads(line) for line in (out / ERRORS_FILE).read_text().splitlines()]
    assert sorted(e["path"] for e in errors) == [str(tree / "empty.png"), str(tree / "sub/text.jpg")]
    assert {e["error"] for e in errors} == {"InputFileError"} and all(e["time"] for e in errors)
    page_json = json.loads((out / "sub/deeper/d_p002.json").read_text())
    assert page_json["source"] == "d.pdf"
    assert "全市" in (out / "a.png.txt").read_text()

    # a second run has nothing left to do but the broken files
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*.json")}
    again = run_batch(tree, out, recursive=True)
    assert (again.done, again.skipped, len(again.failed)) == (0, 8, 2)
    assert again.exit_code == ExitCode.INPUT_FILE
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.json")} == stamps

    # a changed input is redone; --force redoes everything
    page(2).save(tree / "a.jpg")
    assert run_batch(tree, out, recursive=True).done == 1
    forced = run_batch(tree, out, recursive=True, force=True)
    assert (forced.done, forced.skipped) == (8, 0)
    assert files_under(out) == GOOD | {ERRORS_FILE, ".broadsheet.lock"}


def test_not_recursive_takes_the_top_folder_only(tree: Path, tmp_path: Path) -> None:
    plan = plan_batch(tree, tmp_path / "out", recursive=False)
    assert sorted(t.name for t in plan.tasks) == ["a.jpg", "a.png"]
    assert [f.path.name for f in plan.failed] == ["empty.png"]


def test_output_folder_inside_the_input_is_not_read(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    page().save(root / "a.png")
    (root / "out" / "a").mkdir(parents=True)
    page().save(root / "out" / "a" / "photo.jpg")  # as if cropped by an earlier run
    assert [t.path for t in plan_batch(root, root / "out", recursive=True).tasks] == [root / "a.png"]
    with pytest.raises(BadArgsError, match="must not be inside"):
        run_batch(root / "out", root)


def test_missing_input_folder_is_one_clear_error(tmp_path: Path) -> None:
    run = broadsheet("batch", str(tmp_path / "nope"), "--out", str(tmp_path / "out"))
    assert run.returncode == ExitCode.INPUT_FILE
    assert run.stderr == f"broadsheet: error: {tmp_path / 'nope'}: no such folder\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_unreadable_input_folder_is_one_clear_error(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0)
    try:
        run = broadsheet("batch", str(locked), "--out", str(tmp_path / "out"))
    finally:
        locked.chmod(0o755)
    assert run.returncode == ExitCode.FILE_ACCESS_ERROR
    assert run.stderr == f"broadsheet: error: {locked}: cannot read folder (Permission denied)\n"


def test_one_run_per_output_folder(tmp_path: Path) -> None:
    with claim_out_dir(tmp_path / "out"):
        with pytest.raises(FileAccessError, match="another broadsheet"):
            with claim_out_dir(tmp_path / "out"):
                pass


def test_only_our_own_temp_files_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "sub").mkdir(parents=True)
    ours = [out / ".a.txt.1a2b3c4d.part", out / "sub" / ".b.json.0123abcd.part"]
    theirs = [out / ".mynotes.part", out / "sub" / ".draft.part", out / "notes.part"]
    for path in ours + theirs:
        path.write_text("x")
    with claim_out_dir(out):
        assert [p for p in ours if p.exists()] == []
    assert [p for p in theirs if p.exists()] == theirs


class DeletesOut:
    """A reporter that deletes OUT once the first page is reported, as a user might mid-run."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.lines: list[str] = []

    def start(self, to_do: int, skipped: int) -> None:
        pass

    def page(self, outcome) -> None:
        self.lines.append(outcome.line)
        if self.out.exists():
            shutil.rmtree(self.out)

    def warning(self, line: str) -> None:
        self.lines.append(line)


def test_output_folder_deleted_mid_run_stops_the_run_and_is_not_recreated(tmp_path: Path) -> None:
    root, out = tmp_path / "in", tmp_path / "out"
    root.mkdir()
    for n in range(3):
        page(n).save(root / f"p{n}.png")
    reporter = DeletesOut(out)
    with pytest.raises(FileAccessError, match=f"^{out}: the output folder was deleted or replaced during the run$"):
        run_batch(root, out, reporter=reporter)
    assert not out.exists()  # not made anew, without its lock, for the pages after
    assert len(reporter.lines) == 1


def test_a_page_in_hand_when_its_output_folder_goes_is_failed_not_written(tmp_path: Path) -> None:
    from broadsheet.inputs import iter_page_images
    from broadsheet.pipeline import Pipeline
    from broadsheet.tasks import OutFolder, page_tasks, run_page

    page().save(tmp_path / "a.png")
    out = tmp_path / "out"
    out.mkdir()
    sources = list(iter_page_images(tmp_path / "a.png"))
    (task,) = page_tasks(tmp_path / "a.png", sources, out / "sub", "a", ("txt", "json"), root=OutFolder.of(out))
    out.rmdir()
    outcome = run_page(Pipeline(), task)
    assert outcome.exit_code == ExitCode.FILE_ACCESS_ERROR
    assert outcome.message == f"{out}: the output folder was deleted or replaced during the run"
    assert not out.exists()


def test_kill_9_mid_run_then_rerun_completes_every_page_once(tmp_path: Path) -> None:
    root, out = tmp_path / "in", tmp_path / "out"
    root.mkdir()
    for n in range(6):
        page(n).save(root / f"p{n}.png")
    expected = {f"p{n}.{ext}" for n in range(6) for ext in ("txt", "json")}

    proc = subprocess.Popen([sys.executable, "-m", "broadsheet", "batch", str(root), "--out",
                             str(out), "--workers", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not list(out.glob("*.json")) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    first = files_under(out) & expected
    assert 0 < len(first) < len(expected), "the kill should land mid-run"
    (out / ".p5.txt.1a2b3c4d.part").write_text("half a page")  # what a kill inside a write leaves

    summary = run_batch(root, out)
    assert summary.done + summary.skipped == 6 and not summary.failed
    assert summary.skipped >= 1
    assert files_under(out) == expected | {".broadsheet.lock"}
    for n in range(6):
        assert json.loads((out / f"p{n}.json").read_text())["source"] == f"p{n}.png"


def test_ocr_keeps_every_page_whatever_its_name(tmp_path: Path) -> None:
    """a/x.jpg and b/x.png used to share OUT/x.txt: the second replaced the first, both "done".
    A name that is not UTF-8 (a GBK-encoded 第一版) is a page like any other."""
    gbk = os.fsdecode("第一版".encode("gbk") + b".png")
    pages = [tmp_path / "a" / "x.jpg", tmp_path / "b" / "x.png", tmp_path / "c" / gbk, tmp_path / "c" / "x.jpg"]
    for n, path in enumerate(pages):
        path.parent.mkdir(exist_ok=True)
        page(n).save(path)
    out = tmp_path / "out"

    run = broadsheet("ocr", *map(str, pages), "--out", str(out))

    assert run.returncode == ExitCode.BAD_ARGS, run.stderr  # the second x.jpg only
    assert run.stderr == (f"{pages[3]}: error: same file name as {pages[0]}, whose outputs it would overwrite; "
                          "give it its own --out\n")
    stem = gbk.removesuffix(".png")
    assert files_under(out) == {"x.jpg.txt", "x.jpg.json", "x.png.txt", "x.png.json", f"{stem}.txt", f"{stem}.json"}
    assert "全市" in (out / "x.jpg.txt").read_text() and "记者" in (out / "x.png.txt").read_text()
    assert json.loads((out / f"{stem}.json").read_bytes())["source"] == gbk


def blank(path: Path, pages: int = 1, format: str | None = None) -> Path:
    """A white page (pages > 1: a multi-page TIFF whatever the name): a tenth of a second to read."""
    path.parent.mkdir(parents=True, exist_ok=True)
    sheets = [Image.new("RGB", (400, 200), "white") for _ in range(pages)]
    sheets[0].save(path, format=format, save_all=pages > 1, append_images=sheets[1:])
    return path


@pytest.mark.parametrize("command", ["batch", "ocr"])
def test_page_names_are_unique_once_the_files_are_opened(tmp_path: Path, command: str) -> None:
    """x.png holding a two-page TIFF beside x_p001.jpg: both runs said 3 pages done, and x_p001.*
    held the JPEG's page, the TIFF's first page gone."""
    clash, out = tmp_path / "clash", tmp_path / "out"
    blank(clash / "x.png", pages=2, format="TIFF")
    blank(clash / "x_p001.jpg")

    args = [str(clash)] if command == "batch" else [str(clash / "x.png"), str(clash / "x_p001.jpg")]
    run = broadsheet(command, *args, "--out", str(out))

    assert run.returncode == 0, run.stderr
    sources = {p.name: json.loads(p.read_text())["source"] for p in out.glob("*.json")}
    assert sources == {"x.png_p001.json": "x.png", "x.png_p002.json": "x.png", "x_p001.jpg.json": "x_p001.jpg"}


def test_a_page_name_too_long_for_its_outputs_is_shortened_and_kept_apart(tmp_path: Path) -> None:
    """A legal 255-byte name could not be read: `cannot write to OUT: File name too long`."""
    names = ["版" * 83 + "1.png", "版" * 83 + "2.png", "a" * 251 + ".png"]  # 255 bytes each
    pages = [blank(tmp_path / "in" / name) for name in names]
    out = tmp_path / "out"

    run = broadsheet("ocr", *map(str, pages), "--out", str(out), "--formats", "all")

    assert run.returncode == 0, run.stderr
    written = {p.name: json.loads(p.read_text())["source"] for p in out.glob("*.json")}
    assert sorted(written.values()) == sorted(names)  # three pages, each its own outputs
    for json_name in written:
        stem = json_name.removesuffix(".json")
        assert re.fullmatch(r"(版+|a+)~[0-9a-f]{8}", stem) and len(os.fsencode(stem + ".overlay.jpg")) <= 255
        assert {p.name.removeprefix(stem) for p in out.glob(f"{stem}.*")} == {
            ".txt", ".json", ".alto.xml", ".page.xml", ".hocr", ".md", ".overlay.jpg", ".html", ".pdf"}


def test_a_clash_left_after_shortening_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    """A file named as another's shortened name: the rules of whole names cannot see that one."""
    from broadsheet.names import shortened

    root, out = tmp_path / "in", tmp_path / "out"
    long = blank(root / ("a" * 251 + ".png"))
    short = shortened("a" * 251, 255 - len(".overlay.jpg"))
    named_like_it = blank(root / f"{short}.png")

    plan = plan_batch(root, out)

    assert [(t.path, t.name) for t in plan.tasks] == [(long, short)]
    assert [(f.path, f.message) for f in plan.failed] == [(named_like_it, (
        f"{named_like_it}: its outputs would be named {short}, as those of {long} are; rename one of them"))]
    assert not out.exists()


@pytest.mark.parametrize("command", ["batch", "ocr"])
def test_a_newline_in_a_name_cannot_forge_a_line(tmp_path: Path, command: str) -> None:
    """`nl⏎fake.png: 9 articles, 0 photos, 0.1 s.png` printed a line that looked like a page's."""
    folder, out = tmp_path / "in\nbox", tmp_path / "out"
    good = blank(folder / "nl\nfake.png: 9 articles, 0 photos, 0.1 s.png")
    bad = folder / "bad\r\x1b[31mred.png"
    bad.write_text("not a picture")

    args = [str(folder)] if command == "batch" else [str(good), str(bad)]
    run = broadsheet(command, *args, "--out", str(out))

    shown = str(folder).replace("\n", "\\n")
    assert run.returncode == ExitCode.INPUT_FILE
    assert run.stdout.splitlines()[0].startswith(f"{shown}/nl\\nfake.png: 9 articles, 0 photos, 0.1 s.png: 0 articles")
    assert len(run.stdout.splitlines()) == 2  # the page, then the summary
    assert run.stderr == f"{shown}/bad\\r\\x1b[31mred.png: error: not an image file Pillow can read\n"
    if command == "batch":
        (logged,) = [json.loads(line) for line in (out / ERRORS_FILE).read_text().splitlines()]
        assert logged["path"] == str(bad)  # the file's true name


def limit_file_size(size: int) -> Callable[[], None]:
    """As if the disk filled up: every write past `size` bytes of a file fails (EFBIG)."""
    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
    return limit


def test_full_disk_is_an_error_line_per_page_and_a_summary(tmp_path: Path) -> None:
    root, out = tmp_path / "in", tmp_path / "out"
    root.mkdir()
    for n in range(3):
        page(n).save(root / f"p{n}.png")
    # room for a page's .txt and one errors.jsonl line, not for a .json
    run = subprocess.run([sys.executable, "-m", "broadsheet", "batch", str(root), "--out", str(out), "-j", "1"],
                         capture_output=True, text=True, timeout=120, preexec_fn=limit_file_size(200))

    assert run.returncode == ExitCode.FILE_ACCESS_ERROR, run.stderr
    assert "Traceback" not in run.stderr
    assert run.stdout == "0 done, 0 skipped, 3 failed\n"  # no "see errors.jsonl": it could not be written
    lines = run.stderr.splitlines()
    assert sorted(lines) == sorted([f"{root}/p{n}.png: error: cannot write to {out}: File too large" for n in range(3)]
                                   + [f"{out}/errors.jsonl: error: cannot write (No space left on device); "
                                      "failures are only reported here"])
    # no .txt without its .json, no temp files; errors.jsonl holds whole lines only
    assert files_under(out) == {".broadsheet.lock", ERRORS_FILE}
    logged = (out / ERRORS_FILE).read_text()
    assert logged.endswith("\n") or not logged
    assert all(json.loads(line)["error"] == "FileAccessError" for line in logged.splitlines())


def test_pages_per_minute_counts_from_the_start() -> None:
    """2 pages in 28 s (the models load first) is 4.3 pages/min, not the 60 of the last second."""
    from rich.progress import Progress

    from broadsheet.cli.batch import PagesPerMinute, TimeLeft

    now = [0.0]
    progress = Progress(get_time=lambda: now[0])
    task_id = progress.add_task("pages", total=10)
    for now[0] in (27.0, 28.0):
        progress.advance(task_id)
    task = progress.tasks[0]
    assert PagesPerMinute().render(task).plain == "4.3 pages/min"
    assert TimeLeft().render(task).plain == "0:01:52"  # 8 pages at 14 s each


@pytest.mark.parametrize(("executor", "module"), [("ray", "ray"), ("dask", "distributed")])
def test_a_missing_executor_extra_is_one_line(tmp_path: Path, executor: str, module: str) -> None:
    (tmp_path / "in").mkdir()
    page().save(tmp_path / "in" / "a.png")
    (tmp_path / "absent" / module).mkdir(parents=True)  # shadows the installed package, if any
    (tmp_path / "absent" / module / "__init__.py").write_text("raise ImportError('not installed')\n")
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "absent")}
    run = subprocess.run([sys.executable, "-m", "broadsheet", "batch", str(tmp_path / "in"), "--out",
                          str(tmp_path / "out"), "--executor", executor], capture_output=True, text=True,
                         timeout=120, env=env)
    assert run.returncode == ExitCode.MISSING_DEPENDENCY
    assert run.stderr == f"broadsheet: error: {executor} is not installed: pip install 'broadsheet[{executor}]'\n"


@pytest.mark.parametrize("executor", ["ray", "dask"])
def test_a_run_on_its_own_local_cluster_says_only_what_broadsheet_says(tmp_path: Path, executor: str) -> None:
    pytest.importorskip(executor if executor == "ray" else "distributed")
    (tmp_path / "in").mkdir()
    page().save(tmp_path / "in" / "a.png")
    run = subprocess.run([sys.executable, "-m", "broadsheet", "batch", str(tmp_path / "in"), "--out",
                          str(tmp_path / "out"), "--executor", executor, "--workers", "1"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == ExitCode.OK, run.stderr
    assert run.stderr == ""  # no notices from the cluster broadsheet started and stopped itself
    assert run.stdout.splitlines()[-1] == "1 done, 0 skipped, 0 failed"
    assert (tmp_path / "out" / "a.json").is_file()


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid`, from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
        except (OSError, IndexError, ValueError):
            continue  # gone meanwhile
    return found


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def lock_is_free(out: Path) -> bool:
    import fcntl

    fd = os.open(out / ".broadsheet.lock", os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    finally:
        os.close(fd)


def workers_end_with_the_run(proc: subprocess.Popen, signum: int, out: Path) -> set[str]:
    """Signal the run once its workers are reading pages; they are gone within 5 s of its exit,
    and nothing appears in OUT after it. The files OUT then holds."""
    workers = children(proc.pid)
    assert len(workers) >= 2, "the run's worker processes"
    proc.send_signal(signum)
    proc.wait(timeout=60)
    written = files_under(out)
    deadline = time.monotonic() + 5
    while any(map(alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(alive, workers)), "workers outlived the run"
    assert files_under(out) == written, "output appeared after the run's exit"
    assert lock_is_free(out)
    return written


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGKILL], ids=lambda s: s.name)
def test_the_workers_end_with_the_run(tmp_path: Path, signum: int) -> None:
    """A service manager's SIGTERM, a closed terminal's SIGHUP, or kill -9: the run's worker
    processes end with it, and write nothing after it (not orphans finishing their pages)."""
    root, out = tmp_path / "in", tmp_path / "out"
    root.mkdir()
    for n in range(16):
        page(n).save(root / f"p{n:02d}.png")
    proc = subprocess.Popen([sys.executable, "-m", "broadsheet", "batch", str(root), "--out", str(out), "-j", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=hangup_as_under_a_terminal)
    assert proc.stdout.readline().startswith(str(root / "p"))  # the workers are reading pages
    written = workers_end_with_the_run(proc, signum, out)
    assert len({name for name in written if name.endswith(".json")}) < 16
    if signum != signal.SIGKILL:
        stderr = proc.stderr.read()
        assert proc.returncode == 128 + signum == {signal.SIGTERM: ExitCode.TERMINATED,
                                                   signal.SIGHUP: ExitCode.HANGUP}[signum]
        assert stderr.splitlines()[-1] == f"broadsheet: stopped by {signal.Signals(signum).name}", stderr
        assert "Traceback" not in stderr
        assert not [name for name in written if name.endswith(".part")]  # the run cleaned up after them
        stems = {suffix: {Path(n).stem for n in written if n.endswith(suffix)} for suffix in (".json", ".txt")}
        assert stems[".json"] == stems[".txt"]  # a page cut short was taken back whole
