"""Finding page files and splitting them into pages: no OCR here, so these run in a blink."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import cv2
import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image

from broadsheet.errors import InputFileError
from broadsheet.inputs import find_pages, iter_page_images, output_stems
from broadsheet.names import printable, shortened


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


def test_output_stems_count_the_pages_a_file_was_opened_to_show() -> None:
    """A two-page TIFF named x.png beside x_p001.jpg: its pages x_p001, x_p002 clash with the JPEG."""
    names = ["x.png", "x_p001.jpg"]
    assert output_stems(names) == {"x.png": "x", "x_p001.jpg": "x_p001"}  # by the names alone
    opened = {"x.png": ["_p001", "_p002"], "x_p001.jpg": [""]}
    assert output_stems(names, opened) == {"x.png": "x.png", "x_p001.jpg": "x_p001.jpg"}
    assert output_stems(["x.png", "x_p003.jpg"], {"x.png": ["_p001", "_p002"]})["x.png"] == "x.png"
    assert output_stems(["a_p001.png", "a_p002.png"]) == {"a_p001.png": "a_p001", "a_p002.png": "a_p002"}


def test_names_print_on_one_line_and_shorten_apart() -> None:
    assert printable("nl\nfake.png\r\t\x1b[31m\x85\u2028ok 版\\") == "nl\\nfake.png\\r\\t\\x1b[31m\\x85\\u2028ok 版\\"
    one, two = shortened("版" * 84 + "1", 100), shortened("版" * 84 + "2", 100)
    assert one != two and one.startswith("版" * 30) and len(one.encode()) <= 100
    assert shortened("short", 100) == "short"


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


def test_a_600_dpi_broadsheet_is_not_too_large(tmp_path: Path) -> None:
    """10000 x 14000 is 140 Mpx: over Pillow's own default guard (89.5 Mpx), within ours."""
    path = tmp_path / "broadsheet.png"
    Image.new("1", (10000, 14000), 1).save(path)
    (page,) = iter_page_images(path)
    assert page.load().shape == (14000, 10000, 3)


def test_past_the_pixel_limit_is_refused_before_decoding(tmp_path: Path) -> None:
    path = tmp_path / "huge.png"
    Image.new("1", (20000, 12000), 1).save(path)  # 240 Mpx
    with pytest.raises(InputFileError, match="too large .*200,000,000"):
        list(iter_page_images(path))


def transparent_page(mode: str) -> Image.Image:
    """Black ink on a transparent background whose hidden colour is black, as many tools save it."""
    if mode == "P":
        img = Image.new("P", (400, 200), 0)
        img.putpalette([0, 0, 0, 0, 0, 0])  # 0: transparent black, 1: black ink
        img.paste(1, (40, 80, 360, 120))
        img.info["transparency"] = 0
        return img
    img = Image.new("RGBA", (400, 200), (0, 0, 0, 0))
    img.paste((0, 0, 0, 255), (40, 80, 360, 120))
    return img.convert(mode)


@pytest.mark.parametrize("mode", ["RGBA", "LA", "P"])
def test_transparent_pages_are_read_on_white(tmp_path: Path, mode: str) -> None:
    path = tmp_path / f"{mode}.png"
    transparent_page(mode).save(path)
    (page,) = iter_page_images(path)
    image = page.load()
    assert image[10, 10].tolist() == [255, 255, 255]  # paper, not the hidden black
    assert image[100, 200].tolist() == [0, 0, 0]  # the ink


def test_exif_orientation_is_applied(tmp_path: Path) -> None:
    """A phone's sideways JPEG: the pixels are stored turned, EXIF says how to stand them up."""
    upright = page_image()
    upright.paste((255, 0, 0), (0, 0, 40, 40))  # a red mark top left
    exif = Image.Exif()
    exif[0x0112] = 6  # "turn 90 degrees clockwise to view"
    path = tmp_path / "phone.jpg"
    upright.rotate(90, expand=True).save(path, exif=exif.tobytes(), quality=95)
    (page,) = iter_page_images(path)
    image = page.load()
    assert image.shape == (200, 400, 3)  # as it is meant to be seen: crops come from this
    red, green, blue = image[10, 10].tolist()
    assert red > 200 and green < 60 and blue < 60


def test_pdf_with_no_pages_is_not_called_password_protected(tmp_path: Path) -> None:
    pdf = pdfium.PdfDocument.new()
    path = tmp_path / "zero.pdf"
    pdf.save(path)
    pdf.close()
    (tmp_path / "locked.pdf").write_bytes(ENCRYPTED_PDF)
    # PDFium's last error outlives the file that set it: read after a locked PDF, as in a batch
    for name, message in [("locked.pdf", "password-protected PDF"), ("zero.pdf", "PDF has no pages")]:
        with pytest.raises(InputFileError, match=rf"{name}: {message}$"):
            list(iter_page_images(tmp_path / name))


def test_password_protected_pdf_says_so(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(ENCRYPTED_PDF)
    with pytest.raises(InputFileError, match=r"locked.pdf: password-protected PDF$"):
        list(iter_page_images(path))


# A page behind the standard security handler, whose empty user password does not open it.
ENCRYPTED_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 1/Kids[3 0 R]>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 144 72]>>endobj\n"
    b"4 0 obj<</Filter/Standard/V 1/R 2/O<" + b"11" * 32 + b">/U<" + b"22" * 32 + b">/P -4>>endobj\n"
    b"trailer<</Root 1 0 R/Encrypt 4 0 R/ID[<00112233445566778899aabbccddeeff><00112233445566778899aabbccddeeff>]>>\n"
    b"%%EOF\n")

# 150 bytes whose page tree claims 10,000 pages and holds none.
CLAIMS_10000_PAGES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 10000/Kids[3 0 R]>>endobj\n"
    b"3 0 obj 42 endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def test_a_page_count_past_max_pages_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "claims.pdf"
    path.write_bytes(CLAIMS_10000_PAGES)
    with pytest.raises(InputFileError, match=r"10,000 pages, more than the limit of 1,000 \(--max-pages\)"):
        list(iter_page_images(path, max_pages=1000))
    tiff = tmp_path / "t.tif"
    page_image().save(tiff, save_all=True, append_images=[page_image()] * 2)
    with pytest.raises(InputFileError, match="3 pages, more than the limit of 2"):
        list(iter_page_images(tiff, max_pages=2))


def test_symlink_loop_is_named_as_such(tmp_path: Path) -> None:
    loop = tmp_path / "loop.png"
    loop.symlink_to(loop)
    with pytest.raises(InputFileError, match=r"loop.png: symbolic link loop$"):
        list(iter_page_images(loop))
    pdf_loop = tmp_path / "loop.pdf"
    pdf_loop.symlink_to(pdf_loop)
    with pytest.raises(InputFileError, match=r"loop.pdf: symbolic link loop$"):
        list(iter_page_images(pdf_loop))


def test_damaged_files_warn_nothing(tmp_path: Path) -> None:
    """A truncated TIFF is one error, not also a Pillow warning on stderr."""
    path = tmp_path / "t.tif"
    page_image().save(path, save_all=True, append_images=[page_image()])
    path.write_bytes(path.read_bytes()[:300])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(InputFileError, match="damaged image"):
            for page in iter_page_images(path):
                page.load()
    assert [str(w.message) for w in caught] == []


def test_animated_image_says_only_its_first_frame_is_read(tmp_path: Path) -> None:
    path = tmp_path / "anim.gif"
    page_image().save(path, save_all=True, append_images=[page_image(200), page_image(300)])
    (page,) = iter_page_images(path)
    assert page.note == "GIF with 3 frames: only the first is read"
    assert page.load()[10, 10].tolist() == [255, 255, 255]
    (still,) = iter_page_images(touch_image(tmp_path / "still.gif"))
    assert still.note is None


def test_one_list_of_page_types(tmp_path: Path) -> None:
    """What `ocr` accepts by name is exactly what `batch` and `watch` pick up in a folder."""
    from broadsheet.batch import plan_files

    names = ["a.gif", "b.jp2", "c.JPG", "d.pdf", "e.webp", "f.txt", "g.psd", "h"]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    found = {p.name for p in find_pages(tmp_path)}
    plan = plan_files([tmp_path / n for n in names], tmp_path / "out")
    refused = {o.path.name for o in plan.failed if "not a page file" in o.message}
    assert found == {"a.gif", "b.jp2", "c.JPG", "d.pdf", "e.webp"}
    assert refused == set(names) - found


# --- every depth Pillow hands over ---------------------------------------------------------------

INK, PAPER = 30, 200  # of 255: the grey page every depth below encodes


def grey_page() -> np.ndarray:
    """Paper with a bar of ink, 0..1 (ink at INK/255, paper at PAPER/255)."""
    page = np.full((48, 64), PAPER / 255)
    page[20:28, 8:56] = INK / 255
    return page


def deep_image(mode: str, full_scale: float) -> Image.Image:
    """The grey page in a 16-bit, 32-bit or float mode, spanning 0..full_scale."""
    values = np.rint(grey_page() * full_scale) if mode != "F" else grey_page() * full_scale
    dtype = {"I;16": "<u2", "I;16B": ">u2", "I": "<i4", "F": "<f4"}[mode]
    return Image.frombytes(mode, (64, 48), values.astype(dtype).tobytes())


def eight_bit_image(mode: str) -> Image.Image:
    grey = Image.fromarray(np.rint(grey_page() * 255).astype(np.uint8))
    return grey.convert("RGB").convert(mode) if mode in ("CMYK", "YCbCr", "LAB") else grey.convert(mode)


def write_float_tiff_with_a_nan(path: Path) -> None:
    values = grey_page().astype(np.float32)
    values[0, 0] = np.nan  # a pixel with no value shows paper
    Image.fromarray(values).save(path)


DEPTHS = {
    # 16 bits: a 12-bit scanner's range, both byte orders, PNG and TIFF; 32-bit integers holding
    # 8-bit values; floats from 0 to 1: each used to come out black, near-black or refused
    "12-bit.png": lambda p: deep_image("I;16", 4095).save(p),
    "16-bit-le.tif": lambda p: deep_image("I;16", 65535).save(p),
    "16-bit-be.tif": lambda p: deep_image("I;16B", 65535).save(p),
    "12-bit-be.tif": lambda p: deep_image("I;16B", 4095).save(p),
    "int32.tif": lambda p: deep_image("I", 255).save(p),
    "float.tif": write_float_tiff_with_a_nan,
    "16-bit-rgb.png": lambda p: cv2.imwrite(str(p), np.dstack([grey_page() * 65535] * 3).astype(np.uint16)),
    "16-bit-rgba.tif": lambda p: cv2.imwrite(str(p), np.dstack([grey_page() * 65535] * 3
                                                             + [np.full((48, 64), 65535)]).astype(np.uint16)),
    **{f"{mode}.{ext}": (lambda m, e: lambda p: eight_bit_image(m).save(p))(mode, ext)
       for mode, ext in [("1", "png"), ("L", "png"), ("LA", "png"), ("P", "png"), ("PA", "tif"), ("RGB", "jpg"),
                         ("RGBA", "webp"), ("CMYK", "jpg"), ("CMYK", "tif"), ("YCbCr", "tif"), ("LAB", "tif"),
                         ("L", "jp2"), ("P", "gif"), ("L", "bmp")]},
}


@pytest.mark.parametrize("name", DEPTHS)
def test_every_depth_reads_as_ink_on_paper(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    DEPTHS[name](path)
    (page,) = iter_page_images(path)
    image = page.load()
    assert image.shape == (48, 64, 3) and image.dtype == np.uint8
    ink, paper = image[24, 32], image[[0, 4, 40], [63, 4, 2]]
    # 8-bit pages come as they are (1-bit: black and white); deeper ones stretched to black..white
    assert ink.max() <= INK + 5 and paper.min() >= PAPER - 5, (ink, paper)


def test_a_deep_page_is_stretched_by_its_own_range(tmp_path: Path) -> None:
    """12 bits in a 16-bit file: divided by 256, its paper was 12 of 255, nearly black."""
    deep_image("I;16", 4095).save(tmp_path / "scan.png")
    (page,) = iter_page_images(tmp_path / "scan.png")
    image = page.load()
    assert image[24, 32].tolist() == [0, 0, 0] and image[0, 0].tolist() == [255, 255, 255]


def test_transparent_pixels_of_a_deep_page_show_paper(tmp_path: Path) -> None:
    values = np.rint(grey_page() * 4095).astype("<u2")
    values[:8, :8] = 0  # black underneath, and transparent
    Image.frombytes("I;16", (64, 48), values.tobytes()).save(tmp_path / "scan.png", transparency=0)
    (page,) = iter_page_images(tmp_path / "scan.png")
    image = page.load()
    assert image[4, 4].tolist() == [255, 255, 255] and image[24, 32].tolist() == [0, 0, 0]


def test_a_one_value_deep_page_is_blank_paper(tmp_path: Path) -> None:
    Image.frombytes("I;16B", (64, 48), np.full((48, 64), 1234, ">u2").tobytes()).save(tmp_path / "blank.tif")
    (page,) = iter_page_images(tmp_path / "blank.tif")
    assert (page.load() == 255).all()


@pytest.mark.parametrize("dtype, layout", [(np.float32, "32-bit float samples, 3 per pixel"),
                                           (np.float64, "64-bit float samples, 1 per pixel")])
def test_tiff_layouts_pillow_cannot_read_are_named(tmp_path: Path, dtype, layout: str) -> None:
    path = tmp_path / "scan.tif"
    values = grey_page().astype(dtype)
    cv2.imwrite(str(path), np.dstack([values] * 3) if layout.endswith("3 per pixel") else values)
    with pytest.raises(InputFileError) as caught:
        list(iter_page_images(path))
    assert str(caught.value) == f"{path}: TIFF with {layout}, which Pillow cannot read"


# --- every shape -------------------------------------------------------------------------------

@pytest.mark.parametrize("size", [(1, 5000), (5000, 1), (65536, 8), (31, 100_000)])
def test_strips_thinner_than_a_line_are_refused_with_the_minimum(tmp_path: Path, size) -> None:
    path = tmp_path / "strip.png"
    Image.new("L", size, 255).save(path)
    with pytest.raises(InputFileError) as caught:
        list(iter_page_images(path))
    width, height = size
    assert str(caught.value) == (f"{path}: image too small ({width}x{height} pixels; "
                                 f"a page needs at least 32 on each side)")


@pytest.mark.parametrize("size", [(100_000, 32), (32, 100_000), (40, 40)])
def test_strips_a_line_thick_are_read(tmp_path: Path, size) -> None:
    path = tmp_path / "strip.png"
    Image.new("L", size, 255).save(path)
    (page,) = iter_page_images(path)
    assert page.load().shape == (size[1], size[0], 3)
