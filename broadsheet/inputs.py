"""Finding page files in a folder and splitting them into page images.

Output names (shared by `batch` and `watch`): a page's outputs take its file's stem (`a.png` ->
`a.txt`, `a.json`), and pages of a multi-page TIFF or of any PDF add `_p001`, `_p002`, ...
When two files in one folder would get the same stem (`a.png` and `a.jpg`, `A.png` and `a.tif`, or
`a.pdf` next to `a_p001.png`; or, once opened, a TIFF named `x.png` whose pages are `x_p001`... next
to `x_p001.jpg`), each of them keeps its whole file name as the stem instead (`a.png.txt`,
`a.jpg.txt`), so no page ever overwrites another's outputs. So does a file whose stem is not a name
of its own (`...jpg` has the stem `..`).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import numpy as np

from broadsheet.errors import FileAccessError, InputFileError
from broadsheet.imageio import check_dimensions, load_image, open_image, stat_input, to_rgb_array, upright

# The one list of page files `ocr`, `batch` and `watch` take.
SUPPORTED_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp", ".gif",
                                ".jp2", ".j2k", ".jpx", ".pdf"})
# Files whose pages are numbered `_p001`...: their stem also claims those names.
MULTI_PAGE_SUFFIXES = frozenset({".pdf", ".tif", ".tiff"})
PDF_FALLBACK_DPI = 300.0
# A PDF image placed tiny would ask for an absurd resolution; check_dimensions still caps pixels.
PDF_DPI_RANGE = (72.0, 1200.0)
# A PDF's page count is whatever its page tree claims: a few hundred bytes can claim 10,000 pages.
DEFAULT_MAX_PAGES = 1000

_PAGE_NUMBERED = re.compile(r"(.*)_p\d{3,}", re.S)


@dataclass(frozen=True)
class PageSource:
    name_suffix: str  # "" for a one-page image, "_p001"... for pages of a TIFF or PDF
    load: Callable[[], np.ndarray]  # decodes the page to RGB only when called
    note: str | None = None  # what the log line should add, e.g. that only one frame was read


@dataclass(frozen=True)
class PageOrigin:
    """Where a page image came from, for writers that embed the file's own bytes (the PDF)."""

    path: Path  # the input file
    page: int = 1  # which of its pages, 1-based


def page_types() -> str:
    return ", ".join(sorted(s[1:] for s in SUPPORTED_SUFFIXES))


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def is_hidden(name: str) -> bool:
    return name.startswith(".")


def find_pages(root: str | os.PathLike, recursive: bool = False,
               exclude: Iterable[Path] = (),
               on_error: Callable[[Path, OSError], None] | None = None) -> list[Path]:
    """Supported page files under `root`, sorted.

    Hidden files and folders are skipped, symlinks are never followed, and folders in `exclude`
    (the output folder, say) are not entered. An unreadable `root` raises FileAccessError; an
    unreadable subfolder goes to `on_error` and the walk goes on.
    """
    root = Path(root)
    skip = {(s.st_dev, s.st_ino) for s in (_stat_or_none(p) for p in exclude) if s}
    try:
        entries = list(os.scandir(root))
    except FileNotFoundError as exc:
        raise InputFileError(f"{root}: no such folder") from exc
    except NotADirectoryError as exc:
        raise InputFileError(f"{root}: not a folder") from exc
    except OSError as exc:
        raise FileAccessError(f"{root}: cannot read folder ({exc.strerror})") from exc

    found: list[Path] = []
    stack = [entries]
    while stack:
        for entry in stack.pop():
            if is_hidden(entry.name) or entry.is_symlink():
                continue
            path = Path(entry.path)
            if entry.is_file(follow_symlinks=False):
                if is_supported(path):
                    found.append(path)
            elif recursive and entry.is_dir(follow_symlinks=False):
                info = entry.stat(follow_symlinks=False)
                if (info.st_dev, info.st_ino) in skip:
                    continue
                try:
                    stack.append(list(os.scandir(path)))
                except OSError as exc:
                    if on_error is None:
                        raise FileAccessError(f"{path}: cannot read folder ({exc.strerror})") from exc
                    on_error(path, exc)
    return sorted(found)


def _stat_or_none(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except OSError:
        return None


def output_stems(names: Iterable[str], pages: Mapping[str, Sequence[str]] | None = None) -> dict[str, str]:
    """File names found in one folder -> the stem each one's outputs take (rule in module doc).

    `pages` has the page suffixes of the files already opened (`["_p001", "_p002"]`; `[""]` for a
    one-page file): a two-page TIFF named `x.png` claims `x_p001` as surely as `x.tif` would."""
    pages = pages or {}
    stems = {n: own_stem(n) for n in set(names)}
    while True:
        claimed = {n: {(s + suffix).casefold() for suffix in ["", *pages.get(n, ())]} for n, s in stems.items()}
        owners: dict[str, set[str]] = {}  # output name -> the files claiming it
        numbered: dict[str, set[str]] = {}  # NAME -> the files claiming a NAME_pNNN
        for n, outputs in claimed.items():
            for output in outputs:
                owners.setdefault(output, set()).add(n)
                if (m := _PAGE_NUMBERED.fullmatch(output)) is not None:
                    numbered.setdefault(m.group(1), set()).add(n)
        clashing = {n for group in owners.values() if len(group) > 1 for n in group}
        # a multi-page file claims every NAME_pNNN, also those of pages it has not been opened to show
        for n, s in stems.items():
            if (_multi_page(n) or any(pages.get(n, ()))) and (others := numbered.get(s.casefold(), set()) - {n}):
                clashing |= others | {n}
        clashing = {n for n in clashing if stems[n] != n}
        if not clashing:
            return stems
        # a whole file name is unique in its folder, so this ends after a few rounds
        for n in clashing:
            stems[n] = n


def page_prefix(name: str) -> str | None:
    """`x` for `x_p001.jpg`: the stem of a multi-page file whose page this file's outputs could be
    taken for. Only watch needs it: `batch` and `ocr` open every file of a folder anyway."""
    m = _PAGE_NUMBERED.fullmatch(own_stem(name))
    return m.group(1) if m else None


def own_stem(name: str) -> str:
    """The stem a file's outputs take when nothing clashes."""
    stem = Path(name).stem
    return name if stem in ("", ".", "..") else stem


def _multi_page(name: str) -> bool:
    return Path(name).suffix.lower() in MULTI_PAGE_SUFFIXES


def iter_page_images(path: str | os.PathLike, max_pages: int | None = None) -> Iterator[PageSource]:
    """One PageSource per page. Opening the file (here) checks it; decoding waits for `load()`.

    A file with more than `max_pages` pages is refused whole, before any page is read."""
    path = Path(path)
    if path.suffix.lower() == ".pdf":
        yield from _pdf_pages(path, max_pages)
    else:
        yield from _image_pages(path, max_pages)


def _check_page_count(path: Path, count: int, max_pages: int | None) -> None:
    if max_pages is not None and count > max_pages:
        raise InputFileError(f"{path}: {count:,} pages, more than the limit of {max_pages:,} (--max-pages)")


# --- images and TIFF -------------------------------------------------------------------------

def _image_pages(path: Path, max_pages: int | None) -> Iterator[PageSource]:
    with open_image(path) as img:
        check_dimensions(path, img.width, img.height)
        frames, kind = getattr(img, "n_frames", 1), img.format
    if frames > 1 and kind == "TIFF":
        _check_page_count(path, frames, max_pages)
        for index in range(frames):
            yield PageSource(f"_p{index + 1:03d}", partial(_load_tiff_frame, path, index))
        return
    # an animation (GIF, APNG, WebP) is one picture, not pages: say which frame was read
    note = f"{kind} with {frames} frames: only the first is read" if frames > 1 else None
    yield PageSource("", partial(load_image, path), note)


def _load_tiff_frame(path: Path, index: int) -> np.ndarray:
    with open_image(path) as img:
        img.seek(index)
        check_dimensions(f"{path} page {index + 1}", img.width, img.height)
        img.load()
        return to_rgb_array(upright(img))


# --- PDF -------------------------------------------------------------------------------------

def _pdf_pages(path: Path, max_pages: int | None) -> Iterator[PageSource]:
    with _open_pdf(path) as pdf:
        count = len(pdf)
    if count == 0:
        raise InputFileError(f"{path}: PDF has no pages")
    _check_page_count(path, count, max_pages)
    for index in range(count):
        yield PageSource(f"_p{index + 1:03d}", partial(_render_pdf_page, path, index))


@contextmanager
def _open_pdf(path: Path) -> Iterator[object]:
    import pypdfium2 as pdfium

    if not stat.S_ISREG(stat_input(path).st_mode):
        raise InputFileError(f"{path}: not a regular file")
    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        raise InputFileError(f"{path}: {_pdf_problem(path, exc)}") from exc
    except PermissionError as exc:
        raise FileAccessError(f"{path}: permission denied") from exc
    try:
        yield pdf
    except pdfium.PdfiumError as exc:
        raise InputFileError(f"{path}: damaged PDF ({exc})") from exc
    finally:
        pdf.close()


def _pdf_problem(path: Path, exc: Exception) -> str:
    """Why PDFium refused the file. pypdfium2 refuses a document without pages too, but with
    whatever error code an earlier file left: loading it again here tells the cases apart."""
    import pypdfium2.raw as pdfium_c

    document = pdfium_c.FPDF_LoadDocument(os.fsencode(path), None)
    if document:
        pdfium_c.FPDF_CloseDocument(document)
        return "PDF has no pages"
    if pdfium_c.FPDF_GetLastError() == pdfium_c.FPDF_ERR_PASSWORD:  # set afresh by this failed load
        return "password-protected PDF"
    return f"damaged PDF ({exc})"


def _render_pdf_page(path: Path, index: int) -> np.ndarray:
    with _open_pdf(path) as pdf:
        page = pdf[index]
        scale = pdf_page_dpi(page) / 72.0
        width, height = page.get_size()
        check_dimensions(f"{path} page {index + 1}", round(width * scale), round(height * scale))
        return to_rgb_array(page.render(scale=scale).to_pil())


def pdf_page_dpi(page) -> float:
    """The resolution of the page's largest image as placed on the page, so a scan comes back at
    its own pixel size; pages without images (born-digital) render at 300 dpi."""
    import pypdfium2.raw as pdfium_c

    best: tuple[int, float] | None = None
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
        px_w, px_h = obj.get_px_size()
        m = obj.get_matrix()
        # the matrix maps the image's unit square onto the page, in points (1/72 inch)
        placed_w, placed_h = (m.a ** 2 + m.b ** 2) ** 0.5, (m.c ** 2 + m.d ** 2) ** 0.5
        if px_w <= 0 or px_h <= 0 or placed_w <= 0 or placed_h <= 0:
            continue
        dpi = max(px_w / placed_w, px_h / placed_h) * 72.0
        if best is None or px_w * px_h > best[0]:
            best = (px_w * px_h, dpi)
    if best is None:
        return PDF_FALLBACK_DPI
    low, high = PDF_DPI_RANGE
    return min(max(best[1], low), high)
