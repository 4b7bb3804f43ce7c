"""NAME.pdf: the scan with an invisible text layer at the recognised lines, so that selecting and
searching in any viewer finds the printed text where it is printed; ISSUE.pdf: an issue's pages in
order, with a bookmark per article.

Library: pikepdf (qpdf) builds and saves the objects; img2pdf places an image file without decoding
it: a JPEG goes in as its own bytes (DCTDecode), a PNG's compressed data as it is (Flate), a CCITT
TIFF as CCITT, anything else losslessly (Flate). fpdf2 writes text only through a real font's glyphs
(a CJK face, subset, is hundreds of KB a page), and OCRmyPDF's hOCR transform wants word boxes our
lines have not, and brings all of OCRmyPDF.

The text layer (render mode 3: drawn invisibly) is set in Tesseract's glyphless font
(`data/glyphless.ttf`, Apache-2.0, 572 bytes: one blank glyph half an em wide), as Tesseract and
OCRmyPDF do: a Type0 font over a CIDFontType2, Identity-H. Each distinct character of the page gets a
CID (1, 2, ...), every CID shows the blank glyph, and a ToUnicode CMap maps it back: any Unicode
text, CJK and beyond the BMP alike, at a few KB a page.

A line's text is split into words at its spaces, and each word is one run with the space after it,
scaled horizontally (Tz) to reach the next word, so extraction finds the words apart. A word goes
where the scan shows it: the line's ink parted at its widest blanks, one fewer than its words; where
those blanks are not clearly word spaces, each word takes its share of the line's width (a wide CJK
character counts as two narrow ones). A Chinese line without spaces is one run whose characters
fall evenly along the line, as they are printed. A vertical line is one run turned down its column.

The page's picture: an image file's own page (img2pdf, its resolution where the file says it, else
`DEFAULT_DPI`; an EXIF rotation is kept as the page's /Rotate); a page of a PDF input is copied
as it is (pikepdf), its drawing untouched; a page of a multi-page TIFF, an image img2pdf would
decode anyway (16-bit, transparent, WebP, BMP …) or one without its file, from the decoded pixels as
a PNG (lossless; grey and black-and-white pages keep one channel).
"""

from __future__ import annotations

import io
import unicodedata
import zlib
from dataclasses import dataclass
from pathlib import Path

import cv2
import img2pdf
import numpy as np
import pikepdf
from PIL import Image

from broadsheet.export.order import document_order
from broadsheet.imageio import atomic_write, open_image
from broadsheet.inputs import PageOrigin, iter_page_images
from broadsheet.issue.model import Issue, IssueArticle
from broadsheet.model import Line, Page, TextDirection

FONT_FILE = Path(__file__).resolve().parent.parent / "data" / "glyphless.ttf"
GLYPH_WIDTH = 500  # the blank glyph's advance in the font's 1000 units: half an em
DEFAULT_DPI = 300.0  # a scan's usual resolution, for images that do not say theirs
DPI_RANGE = (72.0, 1200.0)  # a resolution outside this is a file's mistake, not a scan's
# a page side in PDF units: inside the 3 to 14400 Acrobat takes (and pikepdf checks), with room for rounding
PAGE_UNITS = (4.0, 14_000.0)
# what img2pdf puts in without decoding: JPEG and JPEG 2000 as they are, a PNG's compressed data
# (not a 16-bit or transparent one); a CCITT group 4 TIFF (below) as CCITT
AS_IT_IS = {("JPEG", "L"), ("JPEG", "RGB"), ("JPEG", "CMYK"), ("JPEG2000", "L"), ("JPEG2000", "RGB"),
            ("PNG", "1"), ("PNG", "L"), ("PNG", "P"), ("PNG", "RGB")}
# img2pdf's refusals of a file it looked at closer than the list above can
IMG2PDF_REFUSALS = (img2pdf.AlphaChannelError, img2pdf.ImageOpenError, img2pdf.UnsupportedColorspaceError,
                    img2pdf.JpegColorspaceError, img2pdf.ExifOrientationError)
EXIF_ORIENTATION = 0x0112
# A word space is a quarter em or more, the blank between two letters of a word a tenth at most
# (wider only in a letter-spaced title, whose words then take their shares of the line).
WORD_SPACE = 0.15  # line heights
# A lone dark pixel in a blank is noise; the thinnest stroke of a letter (a hyphen, a full stop) is
# more than one pixel tall at any size OCR reads.
INK_MIN_PIXELS = 2
BOOKMARK_WORDS = 8  # an untitled article's bookmark: its first words (Latin)
BOOKMARK_CHARS = 20  # ... or characters (Chinese)


@dataclass(frozen=True)
class Run:
    """One piece of text as drawn: from (x, y) on its baseline, `advance` long, in PDF units of
    the page as displayed (origin bottom left)."""

    text: str
    x: float
    y: float
    size: float  # the font size: the line's height (its width, for a vertical line)
    advance: float
    vertical: bool = False


def weight(char: str) -> int:
    """A character's share of a line: wide (CJK) characters are set twice as wide as Latin ones."""
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def line_runs(line: Line, scale_x: float, scale_y: float, height: float, grey: np.ndarray | None = None) -> list[Run]:
    """A line as runs, its box (input pixels) scaled to PDF units on a page `height` high; its words
    where the scan `grey` shows them, when it is given and clear."""
    x0, y0, x1, y1 = line.bbox
    text = " ".join(line.text.split())
    if not text or x1 <= x0 or y1 <= y0:
        return []
    if line.direction == TextDirection.VERTICAL_RL:
        return [Run(text, x0 * scale_x, height - y0 * scale_y, (x1 - x0) * scale_x, (y1 - y0) * scale_y, vertical=True)]
    words = text.split(" ")
    spans = (ink_spans(line, grey, len(words)) if grey is not None else None) or shared_spans(line, words)
    runs = []
    for i, (word, (start, end)) in enumerate(zip(words, spans)):
        last = i == len(words) - 1
        reach = end if last else spans[i + 1][0]  # a word's run takes the space after it
        runs.append(Run(word if last else word + " ", start * scale_x, height - y1 * scale_y, (y1 - y0) * scale_y,
                        (reach - start) * scale_x))
    return runs


def shared_spans(line: Line, words: list[str]) -> list[tuple[float, float]]:
    """Each word's x range as its share of the line's width, spaces counted as narrow characters."""
    x0, _, x1, _ = line.bbox
    unit = (x1 - x0) / (sum(weight(c) for word in words for c in word) + len(words) - 1)
    spans, start = [], float(x0)
    for word in words:
        end = start + unit * sum(weight(c) for c in word)
        spans.append((start, end))
        start = end + unit
    return spans


def ink_spans(line: Line, grey: np.ndarray, count: int) -> list[tuple[float, float]] | None:
    """Each of the line's `count` words' x range as the scan shows it: the line's ink parted at its
    count - 1 widest blanks. None when there is one word, or the blanks are not clearly spaces."""
    x0, y0, x1, y1 = line.bbox
    crop = grey[max(y0, 0):max(y1, 0), max(x0, 0):max(x1, 0)]
    if count < 2 or crop.size == 0:
        return None
    _, ink = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    inked = np.flatnonzero(ink.sum(axis=0) >= INK_MIN_PIXELS)
    if inked.size < 2:
        return None
    gaps = np.diff(inked)  # > 1 where a blank run lies between two inked columns
    widest = np.sort(np.argsort(-gaps, kind="stable")[:count - 1])
    if len(widest) < count - 1 or gaps[widest].min() - 1 < WORD_SPACE * (y1 - y0):
        return None
    starts = [inked[0], *(inked[i + 1] for i in widest)]
    ends = [*(inked[i] + 1 for i in widest), inked[-1] + 1]
    left = max(x0, 0)
    return [(float(left + a), float(left + b)) for a, b in zip(starts, ends)]


def page_runs(page: Page, width: float, height: float, grey: np.ndarray | None = None) -> list[Run]:
    """Every line of the page as runs, in the writers' document order, on a page of `width` x
    `height` PDF units showing the whole input image (`grey`, where given, places the words)."""
    scale_x, scale_y = width / page.width, height / page.height
    return [run for block in document_order(page) for region in block.regions for line in region.lines
            for run in line_runs(line, scale_x, scale_y, height, grey)]


def character_ids(runs: list[Run]) -> dict[str, int]:
    """A CID for each distinct character, from 1 (CID 0 is .notdef)."""
    chars = sorted({c for run in runs for c in run.text})
    return {c: i for i, c in enumerate(chars, 1)}


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".") or "0"


def content_stream(runs: list[Run], cids: dict[str, int], font: str) -> bytes:
    """The text layer: every run drawn invisibly, scaled along its baseline to its advance."""
    ops = ["BT", "3 Tr"]
    for run in runs:
        natural = len(run.text) * run.size * GLYPH_WIDTH / 1000
        a, b, c, d = (0, -1, 1, 0) if run.vertical else (1, 0, 0, 1)  # vertical: the baseline runs down
        ops += [f"{font} {_number(run.size)} Tf",
                f"{_number(100 * run.advance / natural)} Tz",
                f"{a} {b} {c} {d} {_number(run.x)} {_number(run.y)} Tm",
                "<" + "".join(f"{cids[ch]:04X}" for ch in run.text) + "> Tj"]
    ops.append("ET")
    return ("\n".join(ops) + "\n").encode("ascii")


def to_unicode(cids: dict[str, int]) -> bytes:
    """The CMap that maps each CID back to its character (UTF-16BE, a surrogate pair beyond the BMP)."""
    entries = [f"<{cid:04X}> <{char.encode('utf-16-be').hex().upper()}>" for char, cid in cids.items()]
    chunks = [entries[i:i + 100] for i in range(0, len(entries), 100)]  # at most 100 entries a block
    body = "".join(f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar\n" for chunk in chunks)
    return ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
            f"{body}endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n").encode("ascii")


def glyphless_font(pdf: pikepdf.Pdf, cids: dict[str, int]) -> pikepdf.Object:
    """The Type0 font whose CIDs 1..N all show the blank glyph (GID 1)."""
    gid_map = b"\x00\x00" + b"\x00\x01" * len(cids)
    descriptor = pikepdf.Dictionary(
        Type=pikepdf.Name.FontDescriptor, FontName=pikepdf.Name.GlyphLessFont, Flags=5,
        FontBBox=[0, 0, GLYPH_WIDTH, 1000], ItalicAngle=0, Ascent=1000, Descent=0, CapHeight=1000, StemV=80,
        FontFile2=pdf.make_stream(zlib.compress(FONT_FILE.read_bytes()), Filter=pikepdf.Name.FlateDecode))
    cid_font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.CIDFontType2, BaseFont=pikepdf.Name.GlyphLessFont,
        CIDSystemInfo=pikepdf.Dictionary(Registry=pikepdf.String("Adobe"), Ordering=pikepdf.String("Identity"),
                                         Supplement=0),
        FontDescriptor=pdf.make_indirect(descriptor), DW=GLYPH_WIDTH,
        CIDToGIDMap=pdf.make_stream(zlib.compress(gid_map), Filter=pikepdf.Name.FlateDecode))
    return pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type0, BaseFont=pikepdf.Name.GlyphLessFont,
        Encoding=pikepdf.Name("/Identity-H"), DescendantFonts=[pdf.make_indirect(cid_font)],
        ToUnicode=pdf.make_stream(zlib.compress(to_unicode(cids)), Filter=pikepdf.Name.FlateDecode)))


def display_frame(pdf_page: pikepdf.Page) -> tuple[float, float, list[float]]:
    """The page as a viewer shows it: its width and height, and the matrix from that upright frame
    (origin bottom left) to the page's own user space, under its /Rotate and crop box."""
    x0, y0, x1, y1 = (float(v) for v in pdf_page.cropbox)
    x0, x1, y0, y1 = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
    rotate = int(pdf_page.obj.get("/Rotate", 0)) % 360
    matrices = {0: [1, 0, 0, 1, x0, y0], 90: [0, 1, -1, 0, x1, y0], 180: [-1, 0, 0, -1, x1, y1],
                270: [0, -1, 1, 0, x0, y1]}
    width, height = (y1 - y0, x1 - x0) if rotate in (90, 270) else (x1 - x0, y1 - y0)
    return width, height, matrices.get(rotate, matrices[0])


def add_text_layer(pdf: pikepdf.Pdf, pdf_page: pikepdf.Page, page: Page, image: np.ndarray) -> None:
    """Draw the page's lines invisibly over whatever the PDF page shows, which must be the whole
    input image, upright as the pipeline read it (`image`)."""
    width, height, matrix = display_frame(pdf_page)
    grey = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY) if image.ndim == 3 else image
    runs = page_runs(page, width, height, grey)
    if not runs:
        return
    cids = character_ids(runs)
    # a name of its own: a copied PDF page may have fonts already
    font = pdf_page.add_resource(glyphless_font(pdf, cids), pikepdf.Name.Font, prefix="GlyphLess")
    # the page's own drawing is wrapped in q/Q so that no state it leaves behind moves the text
    pdf_page.contents_add(pdf.make_stream(b"q\n"), prepend=True)
    cm = " ".join(_number(v) for v in matrix)
    stream = content_stream(runs, cids, str(font))
    pdf_page.contents_add(pdf.make_stream(zlib.compress(b"Q\nq\n" + cm.encode() + b" cm\n" + stream + b"Q\n"),
                                          Filter=pikepdf.Name.FlateDecode))


def image_dpi(img: Image.Image) -> tuple[float, float]:
    dpi = img.info.get("dpi")
    try:
        dx, dy = float(dpi[0]), float(dpi[1])
    except (TypeError, ValueError, IndexError):
        return DEFAULT_DPI, DEFAULT_DPI
    low, high = DPI_RANGE
    return (dx, dy) if low <= dx <= high and low <= dy <= high else (DEFAULT_DPI, DEFAULT_DPI)


def picture_pdf(image: np.ndarray, origin: PageOrigin | None) -> pikepdf.Pdf:
    """A one-page PDF showing the page image (see the module doc for which bytes go in)."""
    if origin is not None and origin.path.suffix.lower() == ".pdf":
        copied = copied_page(origin)
        if copied is not None:
            return copied
        origin = None
    dpi = (DEFAULT_DPI, DEFAULT_DPI)
    if origin is not None:
        with open_image(origin.path) as img:
            dpi = image_dpi(img)
            if not goes_in_as_it_is(img, origin, image):
                origin = None
    layout = img2pdf.get_fixed_dpi_layout_fun(page_dpi(dpi, image.shape))
    if origin is not None:
        try:
            return pikepdf.open(io.BytesIO(img2pdf.convert(str(origin.path), layout_fun=layout,
                                                           rotation=img2pdf.Rotation.ifvalid)))
        except IMG2PDF_REFUSALS:
            pass  # the decoded pixels, below
    return pikepdf.open(io.BytesIO(img2pdf.convert(png_bytes(image), layout_fun=layout,
                                                   rotation=img2pdf.Rotation.none)))


def copied_page(origin: PageOrigin) -> pikepdf.Pdf | None:
    """The input PDF's page, copied with what it draws; None when qpdf cannot read what PDFium could."""
    try:
        with pikepdf.open(origin.path) as source:
            if origin.page > len(source.pages):
                return None
            pdf = pikepdf.new()
            pdf.pages.append(source.pages[origin.page - 1])
            return pdf
    except (pikepdf.PdfError, pikepdf.PasswordError):
        return None


def goes_in_as_it_is(img: Image.Image, origin: PageOrigin, image: np.ndarray) -> bool:
    """Whether img2pdf puts this file in without decoding it, and the file still shows what was
    read: one frame, upright by a turn its EXIF names (a mirrored one img2pdf cannot show), the same size."""
    kind = (img.format, img.mode)
    if kind not in AS_IT_IS and not (img.format == "TIFF" and img.info.get("compression") == "group4"):
        return False
    if img.has_transparency_data:  # read laid on white, which img2pdf's soft mask would not show
        return False
    orientation = img.getexif().get(EXIF_ORIENTATION, 1)
    turned = orientation in (6, 8)  # a quarter turn: the sides swap
    shown = (img.height, img.width) if turned else (img.width, img.height)
    return (getattr(img, "n_frames", 1) == 1 and origin.page == 1 and orientation in (1, 3, 6, 8)
            and shown == (image.shape[1], image.shape[0]))


def page_dpi(dpi: tuple[float, float], shape: tuple[int, ...]) -> tuple[float, float]:
    """The resolution the page is set at: the file's, made finer where a side would pass PDF's
    largest page, coarser where one would be under its smallest."""
    sides = [pixels / resolution * 72 for pixels, resolution in zip((shape[1], shape[0]), dpi)]
    low, high = PAGE_UNITS
    factor = min(max(1.0, max(sides) / high), min(sides) / low)
    return dpi[0] * factor, dpi[1] * factor


def png_bytes(image: np.ndarray) -> bytes:
    """The pixels as a PNG, in as few channels as they need: grey, or black and white."""
    if image.ndim == 3 and (image == image[..., :1]).all():
        image = image[..., 0]
    img = Image.fromarray(image)
    if image.ndim == 2 and np.isin(image, (0, 255)).all():
        img = img.convert("1")
    out = io.BytesIO()
    img.save(out, "PNG", optimize=True)
    return out.getvalue()


def page_pdf(page: Page, image: np.ndarray, origin: PageOrigin | None) -> pikepdf.Pdf:
    pdf = picture_pdf(image, origin)
    add_text_layer(pdf, pdf.pages[0], page, image)
    return pdf


def save(pdf: pikepdf.Pdf, path: Path) -> list[Path]:
    with atomic_write(path, "wb") as handle:
        pdf.save(handle, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return [path]


def write(page: Page, image: np.ndarray, out_dir: Path, name: str, origin: PageOrigin | None = None) -> list[Path]:
    with page_pdf(page, image, origin) as pdf:
        return save(pdf, out_dir / f"{name}.pdf")


# --- the issue --------------------------------------------------------------------------------

def bookmark_title(article: IssueArticle) -> str:
    """The article's title, else its first words (first characters of a Chinese text)."""
    if article.title:
        return " ".join(article.title.split())
    text = " ".join(" ".join(article.text_blocks()).split())
    if any(weight(c) == 2 for c in text[:BOOKMARK_CHARS]):  # Chinese: no spaces between words
        return text[:BOOKMARK_CHARS].rstrip() + ("…" if len(text) > BOOKMARK_CHARS else "")
    words = text.split(" ")
    return " ".join(words[:BOOKMARK_WORDS]) + (" …" if len(words) > BOOKMARK_WORDS else "")


def issue_page_pdf(issue: Issue, number: int, page: Page, out_dir: Path) -> pikepdf.Pdf:
    """The issue page's own NAME.pdf where the run wrote one, else built from its image."""
    issue_page = issue.page(number)
    written = out_dir / f"{issue_page.name}.pdf"
    if written.is_file():
        return pikepdf.open(written)
    path = Path(issue_page.source)
    if not path.is_absolute() and not path.exists() and Path(issue.source).is_dir():
        path = Path(issue.source) / path
    image = list(iter_page_images(path))[issue_page.source_page - 1].load()
    return page_pdf(page, image, PageOrigin(path, issue_page.source_page))


def write_issue(issue: Issue, pages: dict[int, Page], out_dir: Path) -> list[Path]:
    """OUT/ISSUE.pdf: the pages in issue order, a bookmark per article at its first part, and under
    a joined article's bookmark one per part."""
    pdf = pikepdf.new()
    index: dict[int, int] = {}  # IssuePage.number -> its page in the PDF (0-based)
    parts = []
    try:
        for issue_page in sorted(issue.pages, key=lambda p: p.number):
            if issue_page.number not in pages:
                continue
            part = issue_page_pdf(issue, issue_page.number, pages[issue_page.number], out_dir)
            parts.append(part)  # open until saved: the pages are copied from it then
            index[issue_page.number] = len(pdf.pages)
            pdf.pages.append(part.pages[0])
        with pdf.open_outline() as outline:
            for article in issue.articles:
                first = article.parts[0]
                item = _bookmark(pdf, index, pages, first.page, first.article, bookmark_title(article))
                if item is None:
                    continue
                if article.joined:
                    item.children.extend(child for part in article.parts if (child := _bookmark(
                        pdf, index, pages, part.page, part.article, _part_title(issue, part.page))) is not None)
                outline.root.append(item)
        return save(pdf, out_dir / "ISSUE.pdf")
    finally:
        for part in parts:
            part.close()
        pdf.close()


def _part_title(issue: Issue, number: int) -> str:
    issue_page = issue.page(number)
    return issue_page.folio or f"page {number}"


def _bookmark(pdf: pikepdf.Pdf, index: dict[int, int], pages: dict[int, Page], number: int, article_id: str,
              title: str) -> pikepdf.OutlineItem | None:
    """A bookmark to the top left of the article's box on its page."""
    if number not in index:
        return None
    page = pages[number]
    article = next((a for a in page.articles if a.id == article_id), None)
    width, height, matrix = display_frame(pdf.pages[index[number]])
    x, y = (0.0, height) if article is None else (article.bbox[0] * width / page.width,
                                                  height - article.bbox[1] * height / page.height)
    a, b, c, d, e, f = matrix
    left, top = a * x + c * y + e, b * x + d * y + f  # the destination is in the page's own space
    return pikepdf.OutlineItem(title, index[number], pikepdf.PageLocation.XYZ, left=left, top=top)
