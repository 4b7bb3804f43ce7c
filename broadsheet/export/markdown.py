"""NAME.md: the page as Markdown, items in reading order, blocks separated by blank lines.

Article: the kicker as a plain line, `## title`, the subtitle in italics, then its body (the
byline and subheads in bold, continuation notices in italics); then its photos.
Photo: `![first caption paragraph](NAME/photos/pN.jpg)`, its caption title in bold, its caption
paragraphs, and the credit on its own line. Photo-news items are the same photo block without a heading.
The header band opens the page, its rows as printed, one line each: no article's text, but printed.

Text from the page is Markdown-inert everywhere, alt text and bare URLs included (GFM links those by
itself), and links are percent-encoded (`photos.crop_href`): whatever a caption or file name holds,
it renders as text.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from broadsheet.export.photos import crop_href
from broadsheet.imageio import atomic_write
from broadsheet.inputs import PageOrigin
from broadsheet.model import Article, Line, Page, Photo, RegionType, level_with

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|&~])")  # ~: GFM strikethrough
# GFM links a bare `http://…` or `www.…` by itself; with its `:` or `.` escaped it renders the same, as text
_BARE_URL = re.compile(r"(?i)(:(?=//)|(?<=www)\.)")


def escape(text: str) -> str:
    """Markdown-inert text: backslash the characters that would start markup or a link."""
    text = _SPECIAL.sub(r"\\\1", text.replace("\n", " "))
    text = _BARE_URL.sub(r"\\\1", text)
    text = re.sub(r"^(\s*)([-+])(\s)", r"\1\\\2\3", text)  # list bullet
    return re.sub(r"^(\s*\d+)([.)])(\s)", r"\1\\\2\3", text)  # numbered list


def photo_blocks(photo: Photo, name: str) -> list[str]:
    path = photo.image or f"{name}/photos/{photo.id}.jpg"
    alt = escape(photo.caption[0].strip() if photo.caption else photo.id)
    blocks = [f"![{alt}]({crop_href(path)})"]
    if photo.caption_title:
        blocks.append(f"**{escape(photo.caption_title)}**")
    blocks += [escape(c) for c in photo.caption if c.strip()]
    if photo.credit:
        blocks.append(escape(photo.credit))
    return blocks


def article_blocks(article: Article) -> list[str]:
    blocks = [escape(article.kicker)] if article.kicker else []
    blocks += [f"## {escape(article.title)}"] if article.title else []
    blocks += [f"*{escape(article.subtitle)}*"] if article.subtitle else []
    subheads = {s.text for s in article.subheads}
    notices = {article.continued_from, article.continued_to}
    for block in article.body_blocks():
        if block == article.byline or block in subheads:
            blocks.append(f"**{escape(block)}**")
        elif block in notices:
            blocks.append(f"*{escape(block)}*")
        else:
            blocks.append(escape(block))
    return blocks


def band_rows(page: Page) -> list[str]:
    """The header band's lines as printed: its masthead regions' lines read row by row, top to
    bottom, each row's pieces left to right (what `page.header`'s fields are parsed from, whole)."""
    lines = sorted((line for r in page.regions if r.type == RegionType.MASTHEAD for line in r.lines
                    if line.text.strip()), key=lambda line: (line.bbox[1] + line.bbox[3]) / 2)
    rows: list[list[Line]] = []
    for line in lines:  # on the row of the line before when each one's middle is within the other's height
        if rows and level_with(rows[-1][-1].bbox, line.bbox) and level_with(line.bbox, rows[-1][-1].bbox):
            rows[-1].append(line)
        else:
            rows.append([line])
    return [" ".join(line.text.strip() for line in sorted(row, key=lambda line: line.bbox[0])) for row in rows]


def page_markdown(page: Page, name: str) -> str:
    photos = {p.id: p for p in page.photos}
    band = "  \n".join(escape(row) for row in band_rows(page))  # a hard line break between its rows
    blocks: list[str] = [band] if band else []
    for item in page.in_reading_order():
        if isinstance(item, Article):
            blocks += article_blocks(item)
            blocks += [b for photo_id in item.photos if photo_id in photos
                       for b in photo_blocks(photos[photo_id], name)]
        else:
            blocks += photo_blocks(item, name)
    return "\n\n".join(blocks) + "\n"


def write(page: Page, image: np.ndarray, out_dir: Path, name: str,
          origin: PageOrigin | None = None) -> list[Path]:
    path = out_dir / f"{name}.md"
    with atomic_write(path) as handle:
        handle.write(page_markdown(page, name))
    return [path]
