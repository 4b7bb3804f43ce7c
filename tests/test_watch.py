"""`broadsheet watch` on a temporary inbox, with small real pages and the real OCR pipeline."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import hangup_as_under_a_terminal
from PIL import Image, ImageDraw, ImageFont

from broadsheet.errors import ExitCode, FileAccessError
from broadsheet.watch import Watcher, WatchSettings, move_unique

FONT = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
pytestmark = pytest.mark.skipif(not FONT.exists(), reason="needs fonts-noto-cjk")


def page_bytes(path: Path, text: str = "本报讯 今天上午全市举行会议") -> bytes:
    """A 1200 x 500 page with two lines of Chinese, saved to `path` (format from its suffix)."""
    font = ImageFont.truetype(str(FONT), 48, index=2)
    img = Image.new("RGB", (1200, 500), "white")
    draw = ImageDraw.Draw(img)
    draw.text((60, 100), text, font=font, fill="black")
    draw.text((60, 250), "记者 张明 报道新闻内容", font=font, fill="black")
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path)
    return path.read_bytes()


def wait_for(condition: Callable[[], bool], timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


class Running:
    def __init__(self, watcher: Watcher, log: list[tuple[str, bool]]) -> None:
        self.watcher, self.log = watcher, log

    def lines(self, label: str) -> list[str]:
        return [line for line, _ in self.log if line.startswith(f"{label}: ")]


@pytest.fixture
def watch(tmp_path: Path) -> Iterator[Callable[..., Running]]:
    """Start a watcher on tmp_path/inbox in a thread; stopped (and checked) after the test."""
    threads: list[tuple[threading.Thread, Watcher, list[BaseException]]] = []

    def start(**settings) -> Running:
        log: list[tuple[str, bool]] = []
        settings.setdefault("inbox", tmp_path / "inbox")
        settings.setdefault("out_dir", tmp_path / "out")
        settings.setdefault("settle", 0.5)
        Path(settings["inbox"]).mkdir(exist_ok=True)
        watcher = Watcher(WatchSettings(**settings), log=lambda line, err: log.append((line, err)))
        crashed: list[BaseException] = []

        def run() -> None:
            try:
                watcher.run()
            except BaseException as exc:  # surfaced by the fixture below
                crashed.append(exc)

        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        threads.append((thread, watcher, crashed))
        return Running(watcher, log)

    yield start
    for thread, watcher, crashed in threads:
        watcher.stop()
        thread.join(30)
        assert not thread.is_alive() and not crashed


def test_existing_files_first_then_new_ones_and_never_its_own_folders(watch, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    page_bytes(inbox / "a.png")
    page_bytes(inbox / "sub" / "b.jpg")
    page_bytes(inbox / "out" / "older" / "photos" / "p1.jpg")  # outputs inside the inbox
    running = watch(out_dir=inbox / "out")

    wait_for(lambda: (inbox / ".done" / "a.png").exists() and (inbox / ".done" / "sub" / "b.jpg").exists())
    assert "全市" in (inbox / "out" / "a.txt").read_text()
    assert json.loads((inbox / "out" / "sub" / "b.json").read_text())["source"] == "b.jpg"
    assert not (inbox / "a.png").exists()

    # dropped by an atomic move (how rsync and most uploaders finish)
    staging = tmp_path / "staging" / "c.png"
    page_bytes(staging)
    os.rename(staging, inbox / "sub" / "c.png")
    wait_for(lambda: (inbox / ".done" / "sub" / "c.png").exists())
    assert (inbox / "out" / "sub" / "c.json").exists()

    assert (inbox / "out" / "older" / "photos" / "p1.jpg").exists()
    assert not (inbox / "out" / "older" / "photos" / "p1.txt").exists()
    assert not any("p1.jpg" in line for line, _ in running.log)
    assert not (inbox / ".failed").exists()


def test_a_file_written_slowly_is_taken_once_complete(watch, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    data = page_bytes(tmp_path / "slow.png")
    running = watch(settle=1.0)
    with open(inbox / "slow.png", "wb") as handle:
        for start in range(0, len(data), len(data) // 5 + 1):
            handle.write(data[start:start + len(data) // 5 + 1])
            handle.flush()
            time.sleep(0.4)  # pauses shorter than settle
    wait_for(lambda: (inbox / ".done" / "slow.png").exists())
    time.sleep(1.5)  # a second take would show up in this time
    assert len(running.lines("slow.png")) == 1
    assert "error" not in running.lines("slow.png")[0]
    assert (inbox / ".done" / "slow.png").read_bytes() == data
    assert "全市" in (tmp_path / "out" / "slow.txt").read_text()


def test_symlinks_fifos_and_bad_files_are_refused(watch, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    secret = tmp_path / "secret.png"
    page_bytes(secret)
    (inbox / "link.png").symlink_to(secret)
    os.mkfifo(inbox / "pipe.png")  # reading it would hang the watcher
    (inbox / "bad.jpg").write_text("not a picture")
    (inbox / "upload.png.part").write_text("still coming")
    running = watch(failed_dir=tmp_path / "failed")
    failed = tmp_path / "failed"

    wait_for(lambda: (failed / "bad.jpg.error.txt").exists(), timeout=30)
    assert (failed / "link.png").is_symlink() and secret.exists()
    assert (failed / "pipe.png").exists()
    assert "symbolic link" in (failed / "link.png.error.txt").read_text()
    assert (failed / "bad.jpg.error.txt").read_text().startswith("InputFileError: ")
    assert running.lines("link.png") == ["link.png: refused: symbolic link, not followed"]
    assert (inbox / "upload.png.part").exists() and not running.lines("upload.png.part")
    assert not (tmp_path / "out" / "link.txt").exists()


def test_names_already_taken_in_done_get_a_number_and_so_do_their_outputs(watch, tmp_path: Path) -> None:
    """A second a.png was filed as a.1.png, but its outputs replaced the first one's a.txt."""
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    watch(poll=True)  # the poller must see these arrivals too
    page_bytes(inbox / "a.png")
    wait_for(lambda: (inbox / ".done" / "a.png").exists())
    page_bytes(inbox / "a.png", text="春节期间 市场供应充足")  # the same name again
    wait_for(lambda: (inbox / ".done" / "a.1.png").exists())
    assert "今天" in (out / "a.txt").read_text() and "春节" in (out / "a.1.txt").read_text()
    assert json.loads((out / "a.1.json").read_text())["source"] == "a.png"
    page_bytes(inbox / "a.jpg")  # another file with the stem a: must not overwrite a.txt
    wait_for(lambda: (inbox / ".done" / "a.jpg").exists())
    assert (out / "a.jpg.txt").exists()
    assert "今天" in (out / "a.txt").read_text()


def test_a_page_named_like_a_page_of_a_done_tiff_does_not_take_its_outputs(watch, tmp_path: Path) -> None:
    """x_p001.jpg after a two-page TIFF named x.png: its outputs x_p001.* replaced the TIFF's first page's."""
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    watch()
    blank = [Image.new("RGB", (400, 200), "white") for _ in range(2)]
    blank[0].save(inbox / "x.png", format="TIFF", save_all=True, append_images=blank[1:])
    wait_for(lambda: (inbox / ".done" / "x.png").exists())
    blank[0].save(inbox / "x_p001.jpg")
    wait_for(lambda: (inbox / ".done" / "x_p001.jpg").exists())

    sources = {p.name: json.loads(p.read_text())["source"] for p in out.glob("*.json")}
    assert sources == {"x_p001.json": "x.png", "x_p002.json": "x.png", "x_p001.jpg.json": "x_p001.jpg"}


def test_a_failed_file_with_a_251_byte_name_keeps_its_reason(watch, tmp_path: Path) -> None:
    """NAME.error.txt was 261 bytes: the log said `cannot move to failed/ (File name too long)`
    though the file had moved, and the reason was lost."""
    inbox, failed = tmp_path / "inbox", tmp_path / "inbox" / ".failed"
    name = "a" * 247 + ".png"
    running = watch()
    (inbox / name).write_text("not a picture")
    wait_for(lambda: any(failed.glob("*.error.txt")))

    (error_file,) = failed.glob("*.error.txt")
    assert sorted(p.name for p in failed.iterdir()) == [name, error_file.name]
    assert re.fullmatch(r"a+~[0-9a-f]{8}\.error\.txt", error_file.name) and len(error_file.name) == 255
    assert error_file.read_text() == f"InputFileError: {inbox / name}: not an image file Pillow can read\n"
    assert [line for line, _ in running.log if "a" * 200 in line] == [
        f"{name}: error: not an image file Pillow can read"]


def test_move_unique_never_overwrites(tmp_path: Path) -> None:
    dest = tmp_path / "done" / "x.png"
    for n in range(3):
        (tmp_path / "x.png").write_text(str(n))
        move_unique(tmp_path / "x.png", dest)
    assert [(tmp_path / "done" / name).read_text() for name in ("x.png", "x.1.png", "x.2.png")] == ["0", "1", "2"]


def start_cli(tmp_path: Path, workers: int = 1) -> subprocess.Popen:
    env = dict(os.environ, BROADSHEET_INBOX=str(tmp_path / "inbox"),
               BROADSHEET_OUT=str(tmp_path / "out"), BROADSHEET_SETTLE="0.3", BROADSHEET_WORKERS=str(workers))
    return subprocess.Popen([sys.executable, "-m", "broadsheet", "watch"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=hangup_as_under_a_terminal)


def test_sigterm_finishes_the_page_in_hand_and_exits_0(tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    names = [f"p{n}.png" for n in range(4)]
    for name in names:
        page_bytes(inbox / name)
    proc = start_cli(tmp_path)
    wait_for(lambda: any(out.glob("*.json")) or proc.poll() is not None, timeout=30)
    proc.send_signal(signal.SIGTERM)
    stdout, stderr = proc.communicate(timeout=30)

    assert proc.returncode == 0, stderr
    assert "SIGTERM" in stderr
    done = {p.name for p in (inbox / ".done").iterdir()}
    left = {p.name for p in inbox.glob("*.png")}
    assert done and done | left == set(names) and not done & left
    assert len(stdout.splitlines()) == len(done)  # one line per page, each one finished
    assert not list(out.rglob("*.part"))
    for name in done:  # moved only after all outputs were written
        assert (out / name.replace(".png", ".txt")).exists() and (out / name.replace(".png", ".json")).exists()


def test_watch_prints_a_newline_in_a_name_escaped(tmp_path: Path) -> None:
    """`nl⏎fake.png: 9 articles, 0 photos, 0.1 s.png` printed a line that looked like a page's."""
    inbox = tmp_path / "inbox"
    page_bytes(inbox / "nl\nfake.png: 9 articles, 0 photos, 0.1 s.png")
    (inbox / "bad\nx.png").write_text("not a picture")
    proc = start_cli(tmp_path)
    wait_for(lambda: len(list((inbox / ".done").glob("*"))) + len(list((inbox / ".failed").glob("*"))) == 3
             or proc.poll() is not None, timeout=60)
    proc.send_signal(signal.SIGTERM)
    stdout, stderr = proc.communicate(timeout=30)

    page_line = r"nl\\nfake\.png: 9 articles, 0 photos, 0\.1 s\.png: \d+ articles, 0 photos, [\d.]+ s, read with \S+\n"
    assert re.fullmatch(page_line, stdout)  # one line
    assert "\nbad\\nx.png: error: not an image file Pillow can read\n" in stderr
    error_text = (inbox / ".failed" / "bad\nx.png.error.txt").read_text()
    assert error_text == f"InputFileError: {inbox}/bad\\nx.png: not an image file Pillow can read\n"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGKILL], ids=lambda s: s.name)
def test_the_workers_end_with_the_watcher(tmp_path: Path, signum: int) -> None:
    """A closed terminal's SIGHUP finishes the pages in hand as SIGTERM does; after kill -9 the
    worker processes die with the watcher. Either way none of them writes after it has exited."""
    from test_batch import workers_end_with_the_run

    inbox, out = tmp_path / "inbox", tmp_path / "out"
    for n in range(8):
        page_bytes(inbox / f"p{n}.png")
    proc = start_cli(tmp_path, workers=2)
    wait_for(lambda: any(out.glob("*.json")) or proc.poll() is not None, timeout=60)
    workers_end_with_the_run(proc, signum, out)
    if signum == signal.SIGHUP:
        stdout, stderr = proc.communicate()
        assert proc.returncode == 0, stderr
        assert "SIGHUP, finishing the pages in hand" in stderr
        done = {p.name for p in (inbox / ".done").iterdir()}
        assert len(stdout.splitlines()) == len(done)  # one line per page, each one finished


def test_kill_9_then_restart_loses_nothing(tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    names = [f"p{n}.png" for n in range(3)]
    for name in names:
        page_bytes(inbox / name)
    proc = start_cli(tmp_path)
    wait_for(lambda: any(out.glob("*.json")) or proc.poll() is not None, timeout=30)
    proc.kill()
    proc.communicate()

    # the restart's first job: whatever is still in the inbox
    Watcher(WatchSettings(inbox, out, settle=0.3), log=lambda line, err: None).process_existing()
    assert {p.name for p in (inbox / ".done").iterdir()} == set(names)
    assert not list(inbox.glob("*.png")) and not list(out.rglob("*.part"))
    assert {p.name for p in out.glob("*.json")} == {n.replace(".png", ".json") for n in names}


def test_a_move_cut_between_link_and_unlink_is_finished_not_read_again(tmp_path: Path) -> None:
    # killed inside move_unique: the page stands in done (its outputs written) and still in the inbox
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    page_bytes(inbox / "p0.png")
    page_bytes(inbox / "p1.png")
    (inbox / ".done").mkdir()
    os.link(inbox / "p0.png", inbox / ".done" / "p0.png")
    lines: list[str] = []
    Watcher(WatchSettings(inbox, out, settle=0.3), log=lambda line, err: lines.append(line)).process_existing()
    assert {p.name for p in (inbox / ".done").iterdir()} == {"p0.png", "p1.png"}
    assert not list(inbox.glob("*.png")) and {p.name for p in out.glob("*.json")} == {"p1.json"}
    assert any(line.startswith("p0.png: already filed") for line in lines)


def test_one_watcher_per_inbox(watch, tmp_path: Path) -> None:
    """A second watcher on the same inbox (another OUT) raced the first for every file."""
    inbox = tmp_path / "inbox"
    watch()
    page_bytes(inbox / "a.png")
    wait_for(lambda: (inbox / ".done" / "a.png").exists(), timeout=60)  # the first one is at work

    second = Watcher(WatchSettings(inbox, tmp_path / "out2", settle=0.3), log=lambda line, err: None)
    with pytest.raises(FileAccessError, match=f"^{inbox}: another broadsheet watch is taking files from this inbox$"):
        second.process_existing()
    cli = subprocess.run([sys.executable, "-m", "broadsheet", "watch", str(inbox), "--out", str(tmp_path / "out3")],
                         capture_output=True, text=True, timeout=60)
    assert cli.returncode == ExitCode.FILE_ACCESS_ERROR
    assert cli.stderr == f"broadsheet: error: {inbox}: another broadsheet watch is taking files from this inbox\n"
    assert not (tmp_path / "out2").exists() or not any((tmp_path / "out2").glob("*.txt"))


def test_a_document_of_unreadable_pages_is_given_up(watch, tmp_path: Path) -> None:
    from test_inputs import CLAIMS_10000_PAGES

    inbox, failed = tmp_path / "inbox", tmp_path / "failed"
    inbox.mkdir()
    (inbox / "claims.pdf").write_bytes(CLAIMS_10000_PAGES)
    running = watch(max_pages=20000, failed_dir=failed)
    wait_for(lambda: (failed / "claims.pdf.error.txt").exists(), timeout=60)
    assert [line for line, _ in running.log if "claims.pdf" in line] == [
        *(f"claims.pdf[p00{n}]: error: damaged PDF (Failed to load page.)" for n in range(1, 6)),
        "claims.pdf: error: 5 unreadable pages in a row, its other pages are skipped"]
    assert len((failed / "claims.pdf.error.txt").read_text().splitlines()) == 6
