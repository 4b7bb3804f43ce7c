"""NAME.md: the page as Markdown, items in reading order, blocks separated by blank lines.

Article: the kicker as a plain line, `## title`, the subtitle in italics, the byline in bold
when it is not already the start of the first paragraph, then the paragraphs; then its photos.
Photo: `![first caption paragraph](NAME/photos/pN.jpg)`, its caption paragraphs, and the credit
on its own line. Photo-news items are the same photo block without a heading.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from broadsheet.imageio import atomic_write
from broadsheet.model import Page, Photo

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")


def escape(text: str) -> str:
    """Markdown-inert text: backslash the characters that would start markup."""
    text = _SPECIAL.sub(r"\\\1", text.replace("\n", " "))
    text = re.sub(r"^(\s*)([-+])(\s)", r"\1\\\2\3", text)  # list bullet
    return re.sub(r"^(\s*\d+)([.)])(\s)", r"\1\\\2\3", text)  # numbered list


def _alt(text: str) -> str:
    return text.replace("\n", " ").replace("[", "(").replace("]", ")").strip()


def photo_blocks(photo: Photo, name: str) -> list[str]:
    path = photo.image or f"{name}/photos/{photo.id}.jpg"
    alt = _alt(photo.caption[0]) if photo.caption else photo.id
    blocks = [f"![{alt}](<{path}>)" if " " in path else f"![{alt}]({path})"]
    blocks += [escape(c) for c in photo.caption if c.strip()]
    if photo.credit:
        blocks.append(escape(photo.credit))
    return blocks


def page_markdown(page: Page, name: str) -> str:
    articles = {a.id: a for a in page.articles}
    photos = {p.id: p for p in page.photos}
    blocks: list[str] = []
    order = list(page.reading_order) + [a.id for a in page.articles if a.id not in page.reading_order]
    for item_id in order:
        if item_id in articles:
            article = articles[item_id]
            if article.kicker:
                blocks.append(escape(article.kicker))
            if article.title:
                blocks.append(f"## {escape(article.title)}")
            if article.subtitle:
                blocks.append(f"*{escape(article.subtitle)}*")
            first = article.paragraphs[0] if article.paragraphs else ""
            if article.byline and not first.startswith(article.byline):
                blocks.append(f"**{escape(article.byline)}**")
            blocks += [escape(p) for p in article.paragraphs if p.strip()]
            for photo_id in article.photos:
                if photo_id in photos:
                    blocks += photo_blocks(photos[photo_id], name)
        elif item_id in photos:
            blocks += photo_blocks(photos[item_id], name)
    return "\n\n".join(blocks) + "\n"


def write(page: Page, image: np.ndarray, out_dir: Path, name: str) -> list[Path]:
    path = out_dir / f"{name}.md"
    with atomic_write(path) as handle:
        handle.write(page_markdown(page, name))
    return [path]
