"""NAME.html: a self-contained page viewer (no network, no external files needed).

The page image, shrunk to at most `DISPLAY_WIDTH` px wide (and 65500 px, JPEG's limit, tall), is
embedded as a base64 JPEG; the page data (`Page.to_dict()`) is embedded as JSON in a script tag.
Region boxes are absolutely positioned in percentages, so they follow the displayed image size.
Clicking an article region shows its kicker/title/subtitle/byline and paragraphs in the side panel;
clicking a photo or caption shows the photo (cut from the embedded image), its caption and credit,
with a link to the crop file `NAME/photos/<id>.jpg` when the photos writer made one (`crop_links`,
added to the page data: percent-encoded relative links, never a `javascript:` URL whatever the
file is called). The search box highlights every line whose text contains the query. Template:
`templates/page.html.j2`. The panel also shows the page header (a masthead region's click lists
its fields), an article's continuation notices, own-line byline and subheads where they are
printed, and a caption's title.
"""

from __future__ import annotations

import base64
import io
import json
from functools import cache
from pathlib import Path

import numpy as np
from jinja2 import Environment, FileSystemLoader, select_autoescape
from PIL import Image

from broadsheet.export.overlay import PALETTE
from broadsheet.export.photos import crop_href
from broadsheet.export.xmlcommon import page_language
from broadsheet.imageio import atomic_write, jpeg_scale, shrunk
from broadsheet.inputs import PageOrigin
from broadsheet.model import Page

DISPLAY_WIDTH = 2000
TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"


@cache
def environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATE_DIR),
                       autoescape=select_autoescape(["html", "j2"]), keep_trailing_newline=True)


def script_json(value: object) -> str:
    """JSON that cannot end its <script> element or open a comment inside it."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def page_image_uri(image: np.ndarray, width: int = DISPLAY_WIDTH, quality: int = 82) -> str:
    img = Image.fromarray(image).convert("RGB")
    img = shrunk(img, min(width / img.width, jpeg_scale(img.width, img.height)))
    buffer = io.BytesIO()
    img.save(buffer, format="JPEG", quality=quality)
    return "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def render(page: Page, image: np.ndarray, name: str) -> str:
    from markupsafe import Markup

    data = page.to_dict()
    data.pop("timings", None)
    data["crop_links"] = {p.id: crop_href(p.image) for p in page.photos if p.image}
    palette = {str(t): "#{:02x}{:02x}{:02x}".format(*c) for t, c in PALETTE.items()}
    return environment().get_template("page.html.j2").render(
        title=page.source or name,
        lang=page_language(page),
        image_src=page_image_uri(image),
        display_width=min(DISPLAY_WIDTH, page.width),
        palette=palette,
        data_json=Markup(script_json(data)),
    )


def write(page: Page, image: np.ndarray, out_dir: Path, name: str,
          origin: PageOrigin | None = None) -> list[Path]:
    path = out_dir / f"{name}.html"
    with atomic_write(path) as handle:
        handle.write(render(page, image, name))
    return [path]
