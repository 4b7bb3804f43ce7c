"""NAME.txt: clean text in reading order, blocks separated by one blank line.

Per article: kicker, title, subtitle, body paragraphs, then its photos' captions and credits.
Photo-news (a photo with no article): its caption paragraphs, then the credit line.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from broadsheet.imageio import atomic_write
from broadsheet.model import Page, Photo


def page_blocks(page: Page) -> list[str]:
    blocks: list[str] = []
    articles = {a.id: a for a in page.articles}
    photos = {p.id: p for p in page.photos}
    for item_id in page.reading_order:
        if item_id in articles:
            article = articles[item_id]
            blocks += [h for h in (article.kicker, article.title, article.subtitle) if h]
            blocks += article.paragraphs
            for photo_id in article.photos:
                blocks += photo_blocks(photos[photo_id])
        elif item_id in photos:
            blocks += photo_blocks(photos[item_id])
    return [b for b in blocks if b.strip()]


def photo_blocks(photo: Photo) -> list[str]:
    return photo.caption + ([photo.credit] if photo.credit else [])


def page_text(page: Page) -> str:
    return "\n\n".join(page_blocks(page)) + "\n"


def write(page: Page, image: np.ndarray, out_dir: Path, name: str) -> list[Path]:
    path = out_dir / f"{name}.txt"
    with atomic_write(path) as handle:
        handle.write(page_text(page))
    return [path]
