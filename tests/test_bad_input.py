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
