"""Writing a processed page to disk, one module per format.

Every writer has the signature `write(page, image, out_dir, name, origin) -> list[Path]`, `origin` the
input file and page the image was decoded from (None for an image without a file): the PDF embeds
the file's own bytes rather than the decoded pixels. `FORMATS` maps a format name to its writer.
All files are written atomically (temp file, then rename), and a page is written whole or not at
all: every path is checked to resolve inside OUT_DIR first, and when a write fails (a full disk)
the page's files are removed again.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import Callable

import numpy as np

from broadsheet.errors import BadArgsError, FileAccessError
from broadsheet.export import alto, hocr, html, jsonfile, markdown, overlay, pagexml, pdf, photos, text
from broadsheet.imageio import is_inside
from broadsheet.inputs import PageOrigin
from broadsheet.model import Page

Writer = Callable[[Page, np.ndarray, Path, str, PageOrigin | None], list[Path]]

FORMATS: dict[str, Writer] = {
    "txt": text.write,
    "json": jsonfile.write,
    "alto": alto.write,
    "page": pagexml.write,
    "hocr": hocr.write,
    "md": markdown.write,
    "overlay": overlay.write,
    "html": html.write,
    "pdf": pdf.write,
}
DEFAULT_FORMATS = ("txt", "json")
# Each format's main file is NAME + its suffix.
SUFFIXES = {"txt": ".txt", "json": ".json", "alto": ".alto.xml", "page": ".page.xml", "hocr": ".hocr", "md": ".md",
            "overlay": ".overlay.jpg", "html": ".html", "pdf": ".pdf"}
# A page's NAME leaves room for the longest, whatever the formats: its outputs keep one name from run to run.
LONGEST_SUFFIX = max(len(suffix) for suffix in SUFFIXES.values())


def parse_formats(spec: str) -> tuple[str, ...]:
    """'txt,json' -> ('txt', 'json'); 'all' -> every format."""
    names = [s.strip().lower() for s in spec.split(",") if s.strip()]
    if names == ["all"]:
        return tuple(FORMATS)
    unknown = [n for n in names if n not in FORMATS]
    if unknown:
        raise BadArgsError(f"unknown format(s) {', '.join(unknown)}; choose from {', '.join(FORMATS)}, all")
    return tuple(dict.fromkeys(names)) or DEFAULT_FORMATS


def output_paths(out_dir: Path, name: str, formats: tuple[str, ...]) -> list[Path]:
    """The main file of each format; a page is complete when all of them exist."""
    return [out_dir / f"{name}{SUFFIXES[f]}" for f in formats]


def write_page(page: Page, image: np.ndarray, out_dir: Path, name: str,
               formats: tuple[str, ...] = DEFAULT_FORMATS, origin: PageOrigin | None = None) -> list[Path]:
    """Crop the photos (their paths go into the page), then write every requested format."""
    check_inside(out_dir, name, formats)
    written: list[Path] = []
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        written += photos.write(page, image, out_dir, name)
        # the JSON names the photo files, so it goes after them; the main .txt/.json last of all
        for fmt in sorted(formats, key=lambda f: f in DEFAULT_FORMATS):
            written += FORMATS[fmt](page, image, out_dir, name, origin)
    except BaseException as exc:
        remove_page(out_dir, name, formats, written)
        if isinstance(exc, OSError):
            raise FileAccessError(f"cannot write to {out_dir}: {exc.strerror or exc}") from exc
        raise
    return written


def check_inside(out_dir: Path, name: str, formats: tuple[str, ...]) -> None:
    """NAME must be one plain file name, and every output must resolve inside OUT_DIR (symlinks too)."""
    if name in ("", ".", "..") or "/" in name or "\0" in name:
        raise FileAccessError(f"{out_dir / name}: {name!r} cannot name output files")
    for path in [*output_paths(out_dir, name, formats), photos.folder(out_dir, name)]:
        if not is_inside(out_dir, path):
            raise FileAccessError(f"{path}: output would land outside {out_dir}")


def remove_page(out_dir: Path, name: str, formats: tuple[str, ...], written: list[Path]) -> None:
    """Undo a page cut short: none of its files may outlive the others (a .txt without its .json,
    crops the JSON does not name), so the page is simply not done and is redone next time."""
    for path in [*written, *output_paths(out_dir, name, formats)]:
        with suppress(OSError):  # best effort: the failure that got us here is the one to report
            path.unlink()
    with suppress(OSError):
        photos.remove(out_dir, name)
