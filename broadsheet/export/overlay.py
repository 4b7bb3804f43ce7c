"""NAME.overlay.jpg: the page shrunk to ~1600 px wide (and within JPEG's 65500 px a side) with the
layout drawn over it.

Each region is a box in its type's colour (`PALETTE`) with a semi-transparent fill (`FILL_ALPHA`),
article ids are written at their article box's top-left corner, the reading order
(`Page.in_reading_order`) is drawn as numbered arrows between consecutive items' centres, each
caption has a line to its photo, and a legend of the colours sits in the top-right corner
(`legend_boxes` gives its geometry).
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from broadsheet.imageio import jpeg_scale, save_image_atomic
from broadsheet.inputs import PageOrigin
from broadsheet.model import BBox, Page, RegionType

TARGET_WIDTH = 1600
FILL_ALPHA = 0.3  # share of the type colour in a region's fill
PALETTE: dict[RegionType, tuple[int, int, int]] = {
    RegionType.MASTHEAD: (128, 0, 128),
    RegionType.KICKER: (255, 140, 0),
    RegionType.TITLE: (220, 20, 60),
    RegionType.SUBTITLE: (255, 105, 180),
    RegionType.TEXT: (30, 144, 255),
    RegionType.CAPTION: (0, 170, 0),
    RegionType.PHOTO: (255, 215, 0),
    RegionType.SEPARATOR: (105, 105, 105),
    RegionType.SUBHEAD: (139, 69, 19),
    RegionType.BYLINE: (128, 128, 0),
    RegionType.CONTINUATION: (0, 0, 128),
    RegionType.OTHER: (0, 206, 209),
    RegionType.UNREAD: (255, 0, 255),  # text found and read as nothing: magenta, on no page's type
}
ORDER_COLOUR = (200, 0, 0)
LINK_COLOUR = (0, 120, 0)
LEGEND_SWATCH = 18
LEGEND_PAD = 8
LEGEND_ROW = 24
LEGEND_WIDTH = 130


def scale_for(page: Page) -> float:
    return min(TARGET_WIDTH / page.width, jpeg_scale(page.width, page.height)) if page.width else 1.0


def _scaled(bbox: BBox, s: float) -> tuple[int, int, int, int]:
    return (round(bbox[0] * s), round(bbox[1] * s), round(bbox[2] * s), round(bbox[3] * s))


def _center(bbox) -> tuple[float, float]:
    return ((bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2)


def legend_boxes(width: int) -> tuple[tuple[int, int, int, int], dict[RegionType, tuple[int, int, int, int]]]:
    """The legend's frame and each type's colour swatch, in overlay pixels."""
    x1 = width - LEGEND_PAD
    x0 = x1 - LEGEND_WIDTH
    y0 = LEGEND_PAD
    swatches = {}
    for i, region_type in enumerate(PALETTE):
        sy = y0 + LEGEND_PAD + i * LEGEND_ROW
        swatches[region_type] = (x0 + LEGEND_PAD, sy, x0 + LEGEND_PAD + LEGEND_SWATCH, sy + LEGEND_SWATCH)
    frame = (x0, y0, x1, y0 + 2 * LEGEND_PAD + len(PALETTE) * LEGEND_ROW - (LEGEND_ROW - LEGEND_SWATCH))
    return frame, swatches


def _font(size: int):
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow without FreeType sizes
        return ImageFont.load_default()


def _arrow(draw: ImageDraw.ImageDraw, start, end, colour, width: int) -> None:
    draw.line([start, end], fill=colour, width=width)
    angle = math.atan2(end[1] - start[1], end[0] - start[0])
    size = 6 + 3 * width
    for side in (-0.45, 0.45):
        tip = (end[0] - size * math.cos(angle + side), end[1] - size * math.sin(angle + side))
        draw.line([end, tip], fill=colour, width=width)


def render(page: Page, image: np.ndarray) -> Image.Image:
    s = scale_for(page)
    base = Image.fromarray(image).convert("RGB")
    size = (max(1, round(base.width * s)), max(1, round(base.height * s)))
    base = base.resize(size, Image.LANCZOS) if size != base.size else base
    s = size[0] / page.width if page.width else s  # the exact factor after rounding
    fill = Image.new("RGBA", base.size, (0, 0, 0, 0))
    fill_draw = ImageDraw.Draw(fill)
    alpha = round(255 * FILL_ALPHA)
    for region in page.regions:
        colour = PALETTE.get(region.type, PALETTE[RegionType.OTHER])
        fill_draw.rectangle(_scaled(region.bbox, s), fill=(*colour, alpha))
    out = Image.alpha_composite(base.convert("RGBA"), fill).convert("RGB")
    draw = ImageDraw.Draw(out)
    width = max(2, round(out.width / 800))
    for region in page.regions:
        colour = PALETTE.get(region.type, PALETTE[RegionType.OTHER])
        draw.rectangle(_scaled(region.bbox, s), outline=colour, width=width)

    # caption -> photo links
    photos = {p.id: p for p in page.photos}
    for region in page.regions:
        if region.type == RegionType.CAPTION and region.photo in photos:
            start = _center(_scaled(region.bbox, s))
            end = _center(_scaled(photos[region.photo].bbox, s))
            draw.line([start, end], fill=LINK_COLOUR, width=width)
            draw.ellipse([start[0] - 4, start[1] - 4, start[0] + 4, start[1] + 4], fill=LINK_COLOUR)

    # reading order: numbered arrows between consecutive items
    centers = [_center(_scaled(item.bbox, s)) for item in page.in_reading_order()]
    label_font = _font(max(14, round(out.width / 55)))
    for i, (start, end) in enumerate(zip(centers, centers[1:]), 1):
        _arrow(draw, start, end, ORDER_COLOUR, width + 1)
        mid = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
        draw.text(mid, str(i), fill=(255, 255, 255), font=label_font, anchor="mm",
                  stroke_width=3, stroke_fill=ORDER_COLOUR)

    # article ids at their box corner
    for article in page.articles:
        x0, y0, _, _ = _scaled(article.bbox, s)
        draw.text((x0 + 4, y0 + 2), article.id, fill=(0, 0, 0), font=label_font,
                  stroke_width=3, stroke_fill=(255, 255, 255))

    # legend
    frame, swatches = legend_boxes(out.width)
    small = _font(14)
    draw.rectangle(frame, fill=(255, 255, 255), outline=(0, 0, 0), width=1)
    for region_type, box in swatches.items():
        draw.rectangle(box, fill=PALETTE[region_type], outline=(0, 0, 0))
        draw.text((box[2] + 6, (box[1] + box[3]) / 2), str(region_type), fill=(0, 0, 0),
                  font=small, anchor="lm")
    return out


def write(page: Page, image: np.ndarray, out_dir: Path, name: str,
          origin: PageOrigin | None = None) -> list[Path]:
    path = out_dir / f"{name}.overlay.jpg"
    save_image_atomic(render(page, image), path, quality=85)
    return [path]
