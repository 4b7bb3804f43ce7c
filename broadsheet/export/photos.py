"""Crop each photo from the page image into NAME/photos/<id>.jpg (shrunk where a side would pass
JPEG's 65500 px)."""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path
from urllib.parse import quote

import numpy as np
from PIL import Image

from broadsheet.imageio import fit_jpeg, save_image_atomic
from broadsheet.model import Page

# Characters a crop's link keeps as they are: letters and digits of any script, and _ . / ~ -
_URL_KEEP = re.compile(r"[\w./~-]")


def folder(out_dir: Path, name: str) -> Path:
    return out_dir / name / "photos"


def write(page: Page, image: np.ndarray, out_dir: Path, name: str) -> list[Path]:
    # crops left by an earlier run of this page that found more photos would mislead
    remove(out_dir, name, keep={p.id for p in page.photos})
    written = []
    for photo in page.photos:
        x0, y0, x1, y1 = photo.bbox
        crop = image[max(y0, 0):y1, max(x0, 0):x1]
        if crop.size == 0:
            continue
        relative = Path(name) / "photos" / f"{photo.id}.jpg"
        save_image_atomic(fit_jpeg(Image.fromarray(crop)), out_dir / relative, quality=90)
        photo.image = relative.as_posix()
        written.append(out_dir / relative)
    return written


def crop_href(path: str) -> str:
    """A crop's path as a relative link for Markdown and HTML: all else is percent-encoded, so no
    file name can make it a `javascript:` URL or break out of the link's syntax."""
    return "".join(c if _URL_KEEP.fullmatch(c) else quote(c, safe="", errors="surrogateescape") for c in path)


def remove(out_dir: Path, name: str, keep: Collection[str] = ()) -> None:
    """Delete the page's crops (but those in `keep`), and its folders once empty."""
    photos = folder(out_dir, name)
    if not photos.is_dir():
        return
    for crop in photos.glob("p*.jpg"):
        if crop.stem not in keep:
            crop.unlink()
    for empty in (photos, photos.parent):
        try:
            empty.rmdir()
        except OSError:
            return  # not empty: something else lives there
