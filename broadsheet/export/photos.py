"""Crop each photo from the page image into NAME/photos/<id>.jpg."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from broadsheet.imageio import save_image_atomic
from broadsheet.model import Page


def write(page: Page, image: np.ndarray, out_dir: Path, name: str) -> list[Path]:
    folder = out_dir / name / "photos"
    # crops left by an earlier run of this page that found more photos would mislead
    for stale in folder.glob("p*.jpg") if folder.is_dir() else []:
        if stale.stem not in {p.id for p in page.photos}:
            stale.unlink()
    written = []
    for photo in page.photos:
        x0, y0, x1, y1 = photo.bbox
        crop = image[max(y0, 0):y1, max(x0, 0):x1]
        if crop.size == 0:
            continue
        relative = Path(name) / "photos" / f"{photo.id}.jpg"
        save_image_atomic(Image.fromarray(crop), out_dir / relative, quality=90)
        photo.image = relative.as_posix()
        written.append(out_dir / relative)
    return written
