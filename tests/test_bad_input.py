"""Bad pages get one clear error line each and a non-zero exit; the good pages are still done."""

from __future__ import annotations

import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pypdfium2 as pdfium
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


def broadsheet(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "broadsheet", *args], capture_output=True, text=True, timeout=300)


def test_more_bad_files_one_line_each_and_nothing_else(tmp_path):
    from test_inputs import CLAIMS_10000_PAGES, ENCRYPTED_PDF

    pdf = pdfium.PdfDocument.new()
    pdf.save(tmp_path / "zero.pdf")
    pdf.close()
    (tmp_path / "locked.pdf").write_bytes(ENCRYPTED_PDF)
    (tmp_path / "claims.pdf").write_bytes(CLAIMS_10000_PAGES)
    (tmp_path / "loop.png").symlink_to(tmp_path / "loop.png")
    Image.new("RGB", (400, 200), "white").save(tmp_path / "t.tif", save_all=True,
                                               append_images=[Image.new("RGB", (400, 200))])
    (tmp_path / "trunc.tif").write_bytes((tmp_path / "t.tif").read_bytes()[:300])
    (tmp_path / "scans").mkdir()
    (tmp_path / "notes.doc").write_bytes(b"x")
    expected = {
        "zero.pdf": "PDF has no pages",
        "locked.pdf": "password-protected PDF",
        "claims.pdf": "10,000 pages, more than the limit of 1,000 (--max-pages)",
        "loop.png": "symbolic link loop",
        "trunc.tif": "damaged image (Missing dimensions)",
        "scans": f"is a folder; for every page in it: broadsheet batch {tmp_path / 'scans'} --out OUT",
        "notes.doc": "not a page file (page files end in bmp, gif, j2k, jp2, jpeg, jpg, jpx, pdf, png, tif, tiff, "
                     "webp)",
    }

    result = broadsheet("ocr", *(str(tmp_path / name) for name in expected), "--out", str(tmp_path / "out"))

    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"{tmp_path / name}: error: {why}" for name, why in expected.items()]


def test_a_document_is_given_up_after_a_run_of_unreadable_pages(tmp_path):
    """150 bytes claiming 10,000 pages took minutes and printed ~10k lines."""
    from test_inputs import CLAIMS_10000_PAGES

    (tmp_path / "claims.pdf").write_bytes(CLAIMS_10000_PAGES)
    start = time.monotonic()
    result = broadsheet("ocr", str(tmp_path / "claims.pdf"), "--max-pages", "20000", "--out", str(tmp_path / "out"))
    assert time.monotonic() - start < 60
    assert result.returncode == 2
    name = tmp_path / "claims.pdf"
    assert result.stderr.splitlines() == [
        *(f"{name}[p00{n}]: error: damaged PDF (Failed to load page.)" for n in range(1, 6)),
        f"{name}: error: 5 unreadable pages in a row, its other pages are skipped"]


def test_out_that_is_a_file_fails_before_any_page(tmp_path):
    (tmp_path / "out").write_text("a file")
    start = time.monotonic()
    result = broadsheet("ocr", str(fixture_images()[0]), "--out", str(tmp_path / "out"))
    assert time.monotonic() - start < 20  # no page was read: the OCR models did not even load
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines()[-1] == (f"Error: Invalid value for '--out' / '-o': "
                                              f"Directory '{tmp_path / 'out'}' is a file.")


def test_pages_of_every_shape_and_depth_are_read_or_refused_in_one_line(tmp_path):
    """Issue 17: a 100000x40 strip failed on an OpenCV assertion (exit 15), a 16-bit big-endian TIFF
    as "damaged image", and a 40x66000 strip's overlay as `broken data stream` (exit 5) with
    libjpeg's own line on stderr. A strip a line thick is a page; a thinner one is refused."""
    import cv2
    import numpy as np
    import pytest
    from PIL import ImageDraw, ImageFont
    from test_batch import FONT, LINES, page

    if not FONT.exists():
        pytest.skip("needs fonts-noto-cjk")
    wide = Image.new("L", (100_000, 40), 255)
    for x in (40, 30_000, 99_000 - 24 * len(LINES[2])):
        ImageDraw.Draw(wide).text((x, 6), LINES[2], font=ImageFont.truetype(str(FONT), 24, index=2), fill=0)
    wide.save(tmp_path / "wide.png")
    tall = Image.new("L", (40, 66_000), 255)
    ImageDraw.Draw(tall).text((6, 30_000), "图", font=ImageFont.truetype(str(FONT), 24, index=2), fill=0)
    tall.save(tmp_path / "tall.png")
    grey = np.asarray(page(0).convert("L"), dtype=np.float64) / 255
    Image.frombytes("I;16B", (1200, 500), np.rint(grey * 4095).astype(">u2").tobytes()).save(tmp_path / "be16.tif")
    Image.fromarray(grey.astype(np.float32)).save(tmp_path / "float.tif")
    cv2.imwrite(str(tmp_path / "rgbfloat.tif"), np.dstack([grey] * 3).astype(np.float32))
    Image.new("L", (65_536, 8), 255).save(tmp_path / "thin.png")
    out = tmp_path / "out"

    result = broadsheet("ocr", *(str(tmp_path / n) for n in ("wide.png", "tall.png", "be16.tif", "float.tif",
                                                            "rgbfloat.tif", "thin.png")),
                        "--formats", "all", "--out", str(out))

    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"{tmp_path / 'rgbfloat.tif'}: error: TIFF with 32-bit float samples, 3 per pixel, which Pillow cannot read",
        f"{tmp_path / 'thin.png'}: error: image too small (65536x8 pixels; a page needs at least 32 on each side)"]
    def text(name: str) -> str:  # the characters read (the space inside a line may or may not be)
        return "".join((out / f"{name}.txt").read_text(encoding="utf-8").split())

    assert text("wide") == LINES[2].replace(" ", "") * 3
    assert text("be16") == text("float") == (LINES[0] + LINES[1]).replace(" ", "")
    for name in ("wide", "tall"):
        with Image.open(out / f"{name}.overlay.jpg") as overlay:
            assert max(overlay.size) <= 65500
        assert (out / f"{name}.html").stat().st_size > 1000
    assert not list(out.glob("thin.*")) and not list(out.glob("rgbfloat.*")) and not list(out.rglob("*.part"))
