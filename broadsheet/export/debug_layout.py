"""NAME.debug/: one picture per layout pass (`broadsheet ocr --debug-layout`), to see where a page
goes wrong. Each is the page shrunk to `DEBUG_WIDTH` with what the pass decided drawn over it:

- `01-rules.jpg`: separator rules (red) and photos (yellow);
- `02-lines.jpg`: the detector's boxes (green), the blanks where they were cut at a gutter (red),
  the blanks between pieces kept apart as column edges (magenta), and the text lines (blue);
- `03-columns.jpg`: the body columns' x-extents (bands in turn colours) over the text lines;
- `04-blocks.jpg`: the runs of body lines down one column, each in its own colour;
- `05-roles.jpg`: every region in its type's colour (the overlay's legend) with its lines;
- `06-articles.jpg`: each article's regions in its own colour, with its id.

The layout's boxes are in working-page pixels and are mapped to the input's by the page frame.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from broadsheet.export.overlay import PALETTE, _font
from broadsheet.imageio import save_image_atomic
from broadsheet.layout.trace import LayoutTrace
from broadsheet.model import BBox, Page, RegionType
from broadsheet.normalize.frame import PageFrame

DEBUG_WIDTH = 2400  # px: the lines of a five-column page stay apart
FILL_ALPHA = 0.35  # share of a colour in a filled box
# colours given in turn to columns, blocks and articles: neighbours stand apart
TURNS = [(230, 25, 75), (60, 180, 75), (0, 130, 200), (245, 130, 48), (145, 30, 180), (70, 240, 240),
         (240, 50, 230), (128, 128, 0), (0, 128, 128), (170, 110, 40), (128, 0, 0), (0, 0, 128)]
RULE_COLOUR, PHOTO_COLOUR = (220, 0, 0), (230, 190, 0)
DETECTED_COLOUR, CUT_COLOUR, APART_COLOUR, LINE_COLOUR = (0, 170, 0), (255, 0, 0), (255, 0, 255), (0, 60, 255)
RECOVERED_COLOUR = (255, 140, 0)  # ink the detector never boxed, made a line


def folder(out_dir: Path, name: str) -> Path:
    return out_dir / f"{name}.debug"


class _Canvas:
    """The input page shrunk, with boxes drawn outlined or filled in input or working pixels."""

    def __init__(self, image: np.ndarray, frame: PageFrame) -> None:
        base = Image.fromarray(image).convert("RGB")
        self.scale = min(1.0, DEBUG_WIDTH / base.width)
        size = (max(1, round(base.width * self.scale)), max(1, round(base.height * self.scale)))
        self.base = base.resize(size, Image.LANCZOS) if size != base.size else base
        self.frame = frame

    def start(self) -> tuple[Image.Image, Image.Image, ImageDraw.ImageDraw, ImageDraw.ImageDraw]:
        """A picture to draw on and a transparent layer for fills, each with its pen."""
        picture, fills = self.base.copy(), Image.new("RGBA", self.base.size, (0, 0, 0, 0))
        return picture, fills, ImageDraw.Draw(picture), ImageDraw.Draw(fills)

    def box(self, bbox: BBox, working: bool = True) -> tuple[int, int, int, int]:
        x0, y0, x1, y1 = (round(v * self.scale) for v in (self.frame.to_input(bbox) if working else bbox))
        return x0, y0, max(x0, x1 - 1), max(y0, y1 - 1)  # PIL's rectangles include their far edge

    @staticmethod
    def finish(picture: Image.Image, fills: Image.Image) -> Image.Image:
        return Image.alpha_composite(picture.convert("RGBA"), fills).convert("RGB")


def _fill(colour: tuple[int, int, int]) -> tuple[int, int, int, int]:
    return (*colour, round(255 * FILL_ALPHA))


def render(page: Page, trace: LayoutTrace, frame: PageFrame, image: np.ndarray) -> dict[str, Image.Image]:
    """The picture of each pass, by its file stem."""
    canvas = _Canvas(image, frame)
    width = max(1, round(canvas.base.width / 1200))
    label_font = _font(max(12, round(canvas.base.width / 90)))
    pictures: dict[str, Image.Image] = {}

    picture, fills, draw, fill = canvas.start()
    for rule in trace.rules:
        draw.rectangle(canvas.box(rule.bbox), fill=RULE_COLOUR, outline=RULE_COLOUR, width=width)
    for photo in trace.photos:
        fill.rectangle(canvas.box(photo), fill=_fill(PHOTO_COLOUR))
        draw.rectangle(canvas.box(photo), outline=PHOTO_COLOUR, width=2 * width)
    pictures["01-rules"] = canvas.finish(picture, fills)

    picture, fills, draw, fill = canvas.start()
    for box in trace.detected:
        draw.rectangle(canvas.box(box), outline=DETECTED_COLOUR, width=width)
    for line in trace.lines:
        draw.rectangle(canvas.box(line.bbox), outline=LINE_COLOUR, width=width)
    for blank in trace.cuts:
        draw.rectangle(canvas.box(blank), fill=CUT_COLOUR)
    for blank in trace.kept_apart:
        draw.rectangle(canvas.box(blank), fill=APART_COLOUR)
    for box in trace.recovered:
        draw.rectangle(canvas.box(box), outline=RECOVERED_COLOUR, width=2 * width)
    pictures["02-lines"] = canvas.finish(picture, fills)

    picture, fills, draw, fill = canvas.start()
    height = frame.size[1]
    for index, (x0, x1) in enumerate(sorted(trace.columns)):
        fill.rectangle(canvas.box((x0, 0, x1, height)), fill=_fill(TURNS[index % len(TURNS)]))
    for line in trace.lines:
        draw.rectangle(canvas.box(line.bbox), outline=LINE_COLOUR, width=width)
    pictures["03-columns"] = canvas.finish(picture, fills)

    picture, fills, draw, fill = canvas.start()
    for index, segment in enumerate(sorted(trace.segments)):
        colour = TURNS[index % len(TURNS)]
        fill.rectangle(canvas.box(segment), fill=_fill(colour))
        draw.rectangle(canvas.box(segment), outline=colour, width=2 * width)
    pictures["04-blocks"] = canvas.finish(picture, fills)

    picture, fills, draw, fill = canvas.start()
    for region in page.regions:
        colour = PALETTE.get(region.type, PALETTE[RegionType.OTHER])
        fill.rectangle(canvas.box(region.bbox, working=False), fill=_fill(colour))
        draw.rectangle(canvas.box(region.bbox, working=False), outline=colour, width=2 * width)
        for line in region.lines:
            draw.rectangle(canvas.box(line.bbox, working=False), outline=colour, width=width)
    pictures["05-roles"] = canvas.finish(picture, fills)

    picture, fills, draw, fill = canvas.start()
    regions = {region.id: region for region in page.regions}
    for index, article in enumerate(page.articles):
        colour = TURNS[index % len(TURNS)]
        for region_id in article.regions:
            if region_id in regions:
                fill.rectangle(canvas.box(regions[region_id].bbox, working=False), fill=_fill(colour))
                draw.rectangle(canvas.box(regions[region_id].bbox, working=False), outline=colour, width=width)
    picture = canvas.finish(picture, fills)
    draw = ImageDraw.Draw(picture)
    for index, article in enumerate(page.articles):
        x0, y0, _, _ = canvas.box(article.bbox, working=False)
        draw.text((x0 + 4, y0 + 2), article.id, fill=TURNS[index % len(TURNS)], font=label_font,
                  stroke_width=3, stroke_fill=(255, 255, 255))
    pictures["06-articles"] = picture
    return pictures


def write(page: Page, trace: LayoutTrace, frame: PageFrame, image: np.ndarray, out_dir: Path,
          name: str) -> list[Path]:
    """The pictures in OUT_DIR/NAME.debug/, each written whole (temp file, then rename)."""
    target = folder(out_dir, name)
    target.mkdir(parents=True, exist_ok=True)
    paths = []
    for stem, picture in render(page, trace, frame, image).items():
        path = target / f"{stem}.jpg"
        save_image_atomic(picture, path, quality=85)
        paths.append(path)
    return paths
