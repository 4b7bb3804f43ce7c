"""Finding page files and splitting them into pages: no OCR here, so these run in a blink."""

from __future__ import annotations

import os
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image

from broadsheet.errors import InputFileError
from broadsheet.inputs import find_pages, iter_page_images, output_stems


def page_image(width: int = 400, height: int = 200) -> Image.Image:
    img = Image.new("RGB", (width, height), "white")
    img.paste((0, 0, 0), (40, 80, width - 40, 120))
    return img


def touch_image(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    page_image().save(path)
    return path


def test_find_pages_skips_hidden_symlinks_unsupported_and_the_output_folder(tmp_path: Path) -> None:
    root = tmp_path / "in"
    wanted = [touch_image(root / "b.PNG"), touch_image(root / "a.jpeg"),
              touch_image(root / "sub" / "c.tif"), touch_image(root / "sub" / "deeper" / "d.webp")]
    touch_image(root / ".hidden.png")
    touch_image(root / ".cache" / "e.png")
    touch_image(root / "out" / "f.png")  # the output folder sits inside the input folder
    (root / "notes.txt").write_text("not a page")
    outside = touch_image(tmp_path / "outside" / "g.png")
    (root / "link.png").symlink_to(outside)
    (root / "linkdir").symlink_to(outside.parent)

    assert find_pages(root, recursive=True, exclude=[root / "out"]) == sorted(wanted)
    assert find_pages(root, recursive=False) == sorted(wanted[:2])


def test_find_pages_on_a_missing_or_non_folder_root(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="no such folder"):
        find_pages(tmp_path / "nope")
    with pytest.raises(InputFileError, match="not a folder"):
        find_pages(touch_image(tmp_path / "a.png"))


def test_output_stems_give_colliding_files_their_whole_name() -> None:
    assert output_stems(["a.png", "b.png"]) == {"a.png": "a", "b.png": "b"}
    assert output_stems(["a.png", "a.jpg", "b.png"]) == {"a.png": "a.png", "a.jpg": "a.jpg", "b.png": "b"}
    assert output_stems(["A.png", "a.tif"]) == {"A.png": "A.png", "a.tif": "a.tif"}
    # a PDF's pages are NAME_p001...: they would overwrite a file called NAME_p001
    assert output_stems(["a.pdf", "a_p001.png"]) == {"a.pdf": "a.pdf", "a_p001.png": "a_p001.png"}
    assert output_stems(["a.png", "a_p001.png"]) == {"a.png": "a", "a_p001.png": "a_p001"}
    # renaming one pair can create a new clash, which is resolved the same way
    stems = output_stems(["a.png", "a.jpg", "a.png.bmp"])
    assert len(set(stems.values())) == 3 and stems["a.png.bmp"] == "a.png.bmp"


def test_plain_image_and_single_page_tiff_are_one_page(tmp_path: Path) -> None:
    for name in ("a.png", "b.tif"):
        pages = list(iter_page_images(touch_image(tmp_path / name)))
        assert [p.name_suffix for p in pages] == [""]
        assert pages[0].load().shape == (200, 400, 3)


def test_multi_page_tiff(tmp_path: Path) -> None:
    path = tmp_path / "t.tif"
    page_image().save(path, save_all=True, append_images=[page_image(300, 150)])
    pages = list(iter_page_images(path))
    assert [p.name_suffix for p in pages] == ["_p001", "_p002"]
    assert [p.load().shape for p in pages] == [(200, 400, 3), (150, 300, 3)]


def test_pdf_pages_render_at_the_resolution_of_their_scan(tmp_path: Path) -> None:
    path = tmp_path / "d.pdf"
    # 400 px placed at 150 dpi: the page is 192 pt wide, and must come back 400 px wide
    page_image().save(path, save_all=True, append_images=[page_image()], resolution=150)
    pages = list(iter_page_images(path))
    assert [p.name_suffix for p in pages] == ["_p001", "_p002"]
    image = pages[1].load()
    assert image.shape == (200, 400, 3)
    assert image[100, 200].tolist() == [0, 0, 0] and image[10, 10].tolist() == [255, 255, 255]


def test_pdf_without_images_renders_at_300_dpi(tmp_path: Path) -> None:
    pdf = pdfium.PdfDocument.new()
    pdf.new_page(144, 72)  # 2 x 1 inch
    path = tmp_path / "born-digital.pdf"
    pdf.save(path)
    pdf.close()
    (page,) = iter_page_images(path)
    assert page.load().shape == (300, 600, 3)


@pytest.mark.parametrize("name, content, message", [
    ("empty.png", b"", "empty file"),
    ("text.jpg", b"hello, not an image", "not an image"),
    ("bad.pdf", b"%PDF-1.4\nnonsense", "damaged"),
    ("text.pdf", b"hello", "damaged"),
])
def test_damaged_files_give_one_line_errors(tmp_path: Path, name: str, content: bytes,
                                            message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputFileError, match=message) as caught:
        for page in iter_page_images(path):
            page.load()
    assert "\n" not in str(caught.value) and str(path) in str(caught.value)


def test_truncated_tiff_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "t.tif"
    page_image().save(path, save_all=True, append_images=[page_image()])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputFileError):
        for page in iter_page_images(path):
            page.load()


def test_too_small_image_is_refused_before_decoding(tmp_path: Path) -> None:
    path = tmp_path / "tiny.png"
    Image.new("RGB", (20, 20)).save(path)
    with pytest.raises(InputFileError, match="too small"):
        list(iter_page_images(path))


def test_pages_load_lazily(tmp_path: Path) -> None:
    path = touch_image(tmp_path / "a.png")
    (page,) = iter_page_images(path)
    os.remove(path)  # listing pages did not keep the pixels around
    with pytest.raises(InputFileError):
        page.load()
