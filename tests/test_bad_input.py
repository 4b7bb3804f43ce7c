"""Bad pages get one clear error line each and a non-zero exit; the good pages are still done."""

from __future__ import annotations

import struct
import subprocess
import sys
import zlib
from pathlib import Path

from conftest import fixture_images
from PIL import Image


def _png_header_only(path: Path, width: int, height: int) -> None:
    """A PNG that claims a huge size: the pixel limit must refuse it before decoding."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b""))


def test_bad_pages_fail_alone(tmp_path):
    good = fixture_images()[0]
    bad = {
        "empty.png": b"",
        "notes.png": "这不是图片\n".encode(),
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    jpeg = good.read_bytes()
    (tmp_path / "truncated.jpg").write_bytes(jpeg[: len(jpeg) // 3])
    Image.new("RGB", (1, 1), "white").save(tmp_path / "dot.png")
    _png_header_only(tmp_path / "huge.png", 30000, 30000)
    pages = ["empty.png", "notes.png", "truncated.jpg", "dot.png", "huge.png"]
    out = tmp_path / "out"

    result = subprocess.run(
        [sys.executable, "-m", "broadsheet", "ocr", *(str(tmp_path / p) for p in pages), str(good),
         "--out", str(out)],
        capture_output=True, text=True, timeout=600,
    )

    assert result.returncode != 0
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert len(errors) == len(pages), result.stderr
    reasons = "\n".join(errors)
    for page, reason in [("empty.png", "empty file"), ("notes.png", "not an image"),
                         ("truncated.jpg", "damaged"), ("dot.png", "too small"), ("huge.png", "too large")]:
        assert any(page in line and reason in line for line in errors), reasons
    assert "Traceback" not in result.stderr
    assert (out / f"{good.stem}.txt").stat().st_size > 1000
    assert (out / f"{good.stem}.json").exists()
    for page in pages:
        assert not list(out.glob(f"{Path(page).stem}.*")), f"output left for bad page {page}"
    assert not list(out.rglob("*.part")), "temp files left behind"


def test_unreadable_output_folder_is_one_clear_error(tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    result = subprocess.run(
        [sys.executable, "-m", "broadsheet", "ocr", str(fixture_images()[0]), "--out", str(blocker / "out")],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert len([l for l in result.stderr.splitlines() if "error" in l]) == 1, result.stderr
