"""NAME.txt: clean text in reading order, blocks separated by one blank line.

Per article: kicker, title, subtitle, the continuation notice and byline line when printed,
paragraphs with their subheads, then its photos' caption titles, captions and credits.
Photo-news (a photo with no article): its caption paragraphs, then the credit line.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from broadsheet.imageio import atomic_write
from broadsheet.inputs import PageOrigin
from broadsheet.model import Page


def page_text(page: Page) -> str:
    return "\n\n".join(page.text_blocks()) + "\n"


def write(page: Page, image: np.ndarray, out_dir: Path, name: str,
          origin: PageOrigin | None = None) -> list[Path]:
    path = out_dir / f"{name}.txt"
    with atomic_write(path) as handle:
        handle.write(page_text(page))
    return [path]
