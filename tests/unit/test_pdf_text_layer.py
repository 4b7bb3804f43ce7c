"""The searchable PDF's pure parts without OCR: where a line's words go, the content stream, the
glyphless font's CIDs and ToUnicode, the frame of a rotated or cropped page; and, written from a
hand-made page, text that PDFium reads back where the lines are."""

from __future__ import annotations

import ctypes
import io
from pathlib import Path

import img2pdf
import numpy as np
import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from PIL import Image, ImageDraw, ImageFont

from broadsheet.export import pdf
from broadsheet.inputs import PageOrigin
from broadsheet.model import Line, Page, Region, RegionType, TextDirection

LINES = [
    Line("Notice of realty action", (100, 100, 560, 130), 0.9),
    Line("北庭日报 2024年", (100, 200, 420, 240), 0.9),
    Line("𠀀𠀁 beyond the BMP", (100, 300, 500, 330), 0.9),
    Line("竖排文字", (700, 100, 740, 300), 0.9, TextDirection.VERTICAL_RL),
]


def made_page(width: int = 800, height: int = 1000) -> Page:
    return Page(width, height, regions=[Region(f"r{i}", RegionType.TEXT, line.bbox, [line])
                                        for i, line in enumerate(LINES, 1)])


def test_words_share_the_line_by_their_characters():
    runs = pdf.line_runs(LINES[0], 0.5, 0.5, 500)
    assert [r.text for r in runs] == ["Notice ", "of ", "realty ", "action"]
    assert runs[0].x == 50 and runs[-1].x + runs[-1].advance == pytest.approx(280)
    assert [r.advance for r in runs] == pytest.approx([230 * n / 23 for n in (7, 3, 7, 6)])
    assert all(r.y == 500 - 65 and r.size == 15 for r in runs)  # baseline at the box's foot


def test_a_wide_character_takes_two_shares():
    runs = pdf.line_runs(LINES[1], 1, 1, 1000)
    assert [r.text for r in runs] == ["北庭日报 ", "2024年"]
    assert runs[0].advance / runs[1].advance == pytest.approx(9 / 6)


def test_a_vertical_line_is_one_run_down_its_column():
    (run,) = pdf.line_runs(LINES[3], 1, 1, 1000)
    assert (run.vertical, run.x, run.y, run.size, run.advance) == (True, 700, 900, 40, 200)
    stream = pdf.content_stream([run], pdf.character_ids([run]), "/F1").decode()
    assert "0 -1 1 0 700 900 Tm" in stream


def test_content_stream_is_invisible_and_scaled_to_the_box():
    run = pdf.Run("ab", 10, 20, 12, 30)
    stream = pdf.content_stream([run], {"a": 1, "b": 2}, "/F1").decode().split("\n")
    assert "3 Tr" in stream  # render mode 3: neither filled nor stroked
    # two half-em glyphs at 12 pt are 12 pt wide naturally: 250 % reaches the 30 pt box
    assert stream[2:6] == ["/F1 12 Tf", "250 Tz", "1 0 0 1 10 20 Tm", "<00010002> Tj"]


def test_to_unicode_maps_every_cid_back_beyond_the_bmp_too():
    cmap = pdf.to_unicode({"A": 1, "北": 2, "𠀀": 3}).decode()
    assert "<0001> <0041>" in cmap and "<0002> <5317>" in cmap and "<0003> <D840DC00>" in cmap
    many = pdf.to_unicode({chr(0x4E00 + i): i + 1 for i in range(250)}).decode()
    assert many.count("beginbfchar") == 3  # at most 100 entries a block


@pytest.mark.parametrize("rotate", [0, 90, 180, 270])
def test_display_frame_maps_the_upright_page_onto_user_space(rotate):
    doc = pikepdf.new()
    doc.add_blank_page(page_size=(200, 100))
    page = doc.pages[0]
    page.obj.CropBox = [10, 20, 190, 80]  # 180 x 60
    page.obj.Rotate = rotate
    width, height, (a, b, c, d, e, f) = pdf.display_frame(page)
    assert (width, height) == ((60, 180) if rotate in (90, 270) else (180, 60))
    corners = {(a * x + c * y + e, b * x + d * y + f) for x in (0, width) for y in (0, height)}
    assert corners == {(10, 20), (190, 20), (10, 80), (190, 80)}
    # the upright frame's top left is what a viewer shows top left
    top_left = {0: (10, 80), 90: (10, 20), 180: (190, 20), 270: (190, 80)}[rotate]
    assert (c * height + e, d * height + f) == top_left


def device_box(page: pdfium.PdfPage, box: tuple[float, float, float, float], size: tuple[int, int]):
    """A PDF box (page space) in pixels of the page shown upright at `size`, as a viewer shows it."""
    xs, ys = [], []
    for px, py in ((box[0], box[1]), (box[2], box[3]), (box[0], box[3]), (box[2], box[1])):
        dx, dy = ctypes.c_int(), ctypes.c_int()
        pdfium_c.FPDF_PageToDevice(page.raw, 0, 0, size[0], size[1], 0, px, py, ctypes.byref(dx), ctypes.byref(dy))
        xs.append(dx.value)
        ys.append(dy.value)
    return min(xs), min(ys), max(xs), max(ys)


def assert_lines_found_in_place(path, page: Page):
    """Each line is found by search, and each of its characters lies in the line's box (pixels)."""
    doc = pdfium.PdfDocument(path)
    view = doc[0]
    text = view.get_textpage()
    for line in LINES:
        # PDFium's search misses characters beyond the BMP (its extraction has them): the rest of the line
        key = "".join(c for c in line.text if ord(c) < 0x10000).strip()
        found = text.search(key, match_case=True).get_next()
        assert found is not None, key
        start, count = found
        height = line.bbox[3] - line.bbox[1]
        slack = 0.02 * max(height, line.bbox[2] - line.bbox[0] if line.direction == TextDirection.VERTICAL_RL
                           else 0) + 1  # PDFium's box of the blank glyph is 1.5 % taller than its em
        for index in range(start, start + count):
            x0, y0, x1, y1 = device_box(view, text.get_charbox(index), (page.width, page.height))
            assert (x0 >= line.bbox[0] - slack and y0 >= line.bbox[1] - slack and x1 <= line.bbox[2] + slack
                    and y1 <= line.bbox[3] + slack), (line.text, index, (x0, y0, x1, y1))
    doc.close()


def test_a_made_page_reads_back_where_its_lines_are(tmp_path):
    page = made_page()
    image = np.full((page.height, page.width, 3), 255, np.uint8)
    path = pdf.write(page, image, tmp_path, "made")[0]
    text = pdfium.PdfDocument(path)[0].get_textpage().get_text_range()
    assert "".join(text.split()) == "".join(line.text.replace(" ", "") for line in LINES)
    assert_lines_found_in_place(path, page)


def test_a_jpeg_goes_in_as_its_own_bytes_and_keeps_its_exif_turn(tmp_path):
    page = made_page()
    upright = np.full((page.height, page.width, 3), 240, np.uint8)
    upright[::50] = 0  # something for the JPEG to hold
    stored = Image.fromarray(np.rot90(upright, 1))  # stored on its side, EXIF says turn it back
    exif = Image.Exif()
    exif[0x0112] = 6
    source = tmp_path / "turned.jpg"
    stored.save(source, quality=80, exif=exif, dpi=(200, 200))
    path = pdf.write(page, upright, tmp_path, "turned", PageOrigin(source))[0]
    with pikepdf.open(path) as doc:
        image = next(iter(doc.pages[0].get_images().values()))
        assert image.Filter == pikepdf.Name.DCTDecode and image.read_raw_bytes() in source.read_bytes()
        assert int(doc.pages[0].obj.Rotate) % 360 in (90, 270)
        assert pdf.display_frame(doc.pages[0])[:2] == pytest.approx((page.width * 72 / 200, page.height * 72 / 200))
    assert path.stat().st_size <= 1.2 * source.stat().st_size + 8000  # the text layer and the PDF's frame
    assert_lines_found_in_place(path, page)


def test_a_pdf_page_is_copied_as_it_is(tmp_path):
    page = made_page()
    image = np.full((page.height, page.width, 3), 255, np.uint8)
    pictures = []
    for shade in (100, 200):
        out = io.BytesIO()
        Image.fromarray(np.full((page.height, page.width), shade, np.uint8)).save(out, "JPEG")
        pictures.append(out.getvalue())
    source = tmp_path / "two.pdf"
    source.write_bytes(img2pdf.convert(pictures, layout_fun=img2pdf.get_fixed_dpi_layout_fun((100, 100))))
    path = pdf.write(page, image, tmp_path, "second", PageOrigin(source, 2))[0]
    with pikepdf.open(path) as doc:
        assert len(doc.pages) == 1
        assert next(iter(doc.pages[0].get_images().values())).read_raw_bytes() == pictures[1]
    assert_lines_found_in_place(path, page)


def test_pixels_without_a_file_keep_one_channel_when_grey(tmp_path):
    page = made_page()
    grey = np.full((page.height, page.width, 3), 255, np.uint8)
    grey[100:200] = 90
    with pikepdf.open(pdf.write(page, grey, tmp_path, "grey")[0]) as doc:
        image = next(iter(doc.pages[0].get_images().values()))
        assert image.ColorSpace == pikepdf.Name.DeviceGray and image.Filter == pikepdf.Name.FlateDecode


def test_bookmark_title_is_the_title_or_the_first_words():
    from broadsheet.issue.model import ArticlePart, IssueArticle

    part = [ArticlePart(1, "a1")]
    assert pdf.bookmark_title(IssueArticle("x", part, title="抢抓农时\n不误春耕")) == "抢抓农时 不误春耕"
    words = "one two three four five six seven eight nine ten"
    assert pdf.bookmark_title(IssueArticle("x", part, paragraphs=[words])) == \
        "one two three four five six seven eight …"
    chinese = ["记者在北庭镇千亩高标准农田示范区看到,", "十余台播种机 在田间往来穿梭"]  # a space, yet Chinese
    assert pdf.bookmark_title(IssueArticle("x", part, paragraphs=chinese)) == "记者在北庭镇千亩高标准农田示范区看到,…"


DEJAVU_SERIF = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")


@pytest.mark.skipif(not DEJAVU_SERIF.exists(), reason="needs fonts-dejavu-core")
def test_words_go_where_the_scan_shows_them(tmp_path):
    # narrow and wide letters, so that shares of the line's width miss the words by far
    words = ["Illicit", "mmmm", "will", "WWW", "iii"]
    font = ImageFont.truetype(str(DEJAVU_SERIF), 40)
    picture = Image.new("L", (900, 100), 255)
    draw = ImageDraw.Draw(picture)
    x, drawn = 20, []
    for word in words:
        left, top, right, bottom = draw.textbbox((x, 30), word, font=font)
        draw.text((x, 30), word, font=font, fill=0)
        drawn.append((left, right))
        x = right + 14  # a word space of a third of the line's height
    grey = np.asarray(picture)
    inked = (grey < 128).any(axis=0)
    drawn = [(left - 3 + np.argmax(inked[left - 3:]), right + 3 - np.argmax(inked[right + 3::-1]) + 1)
             for left, right in drawn]  # each word's own ink, side bearings left out
    line = Line(" ".join(words), (drawn[0][0] - 3, 20, drawn[-1][1] + 3, 80), 0.9)
    spans = pdf.ink_spans(line, grey, len(words))
    assert spans is not None
    for (a, b), (left, right) in zip(spans, drawn):
        assert abs(a - left) <= 1 and abs(b - right) <= 1
    shared = pdf.shared_spans(line, words)
    assert max(abs(a - left) for (a, _), (left, _) in zip(shared, drawn)) > 20  # what the ink fixes
    runs = pdf.line_runs(line, 1, 1, 100, grey)
    assert [r.x for r in runs] == pytest.approx([left for left, _ in drawn])


def test_blanks_narrower_than_a_word_space_leave_the_words_their_shares():
    grey = np.full((60, 400), 255, np.uint8)
    grey[10:50, 20:380:6] = 0  # evenly spaced strokes, blanks of 5 px in a 60 px line: letters, not words
    line = Line("ab cd", (10, 0, 390, 60), 0.9)
    assert pdf.ink_spans(line, grey, 2) is None
    assert pdf.line_runs(line, 1, 1, 100, grey)[1].x == pytest.approx(pdf.shared_spans(line, ["ab", "cd"])[1][0])


def test_a_page_longer_than_pdf_allows_is_set_finer(tmp_path):
    page = Page(40, 70_000)
    path = pdf.write(page, np.full((70_000, 40, 3), 255, np.uint8), tmp_path, "strip")[0]
    with pikepdf.open(path) as doc:
        width, height, _ = pdf.display_frame(doc.pages[0])
    assert height <= 14_400 and width / height == pytest.approx(40 / 70_000, rel=0.01)
