"""Bold heads set at body size told by their strokes' dark core, on rendered lines scanned small
(random seed 14: bold serif caps over sans body at 10-11 px, their coverage under the bold mark)."""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from broadsheet.layout.lines import LineBox, body_size, measure_weights
from broadsheet.layout.rules import ink_mask

SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
SERIF_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"
BODY = ["the Ruby Lake National Wildlife", "Refuge. The draft plan describes", "how the refuge would be managed",
        "for the next 15 years, including the", "construction of an accessible trail",
        "comments to the District Ranger,",
        "Council will meet on June 17 and", "18, 2010, at the Elko Convention", "Center. The agenda includes",
        "grazing permit renewals, wild horse", "gathers, the restoration of burned", "sagebrush habitat. A public"]
HEADS = ["ENVIRONMENTAL", "DEPARTMENT OF THE INTERIOR", "Notice of Realty Action: Proposed Sale",
         "Land in Elko County, Nevada"]
OVERSAMPLE = 4  # drawn this much larger, then averaged down as a scanner does


def _scan(rows: list[tuple[str, str, float]], px: int, blur: float) -> tuple[np.ndarray, list[LineBox]]:
    """Rows of (text, font, size in body sizes) one under another at a body size of `px`, scanned
    small and blurred; the grey page and each row's box, tight to its ink."""
    size = px * OVERSAMPLE
    pitch = [round(1.6 * scale * size) for _, _, scale in rows]
    page = Image.new("L", (40 * size, sum(pitch) + 2 * size), 235)
    draw = ImageDraw.Draw(page)
    tops = [size + sum(pitch[:i]) for i in range(len(rows))]
    for (text, font, scale), top in zip(rows, tops):
        draw.text((size, top), text, font=ImageFont.truetype(font, round(scale * size)), fill=25)
    gray = cv2.resize(np.asarray(page), None, fx=1 / OVERSAMPLE, fy=1 / OVERSAMPLE, interpolation=cv2.INTER_AREA)
    gray = cv2.GaussianBlur(gray, (0, 0), blur)
    ink = ink_mask(gray)
    lines = []
    for top, step in zip(tops, pitch):
        y0 = top // OVERSAMPLE - 1
        ys, xs = np.nonzero(ink[y0:y0 + step // OVERSAMPLE])
        lines.append(LineBox((int(xs.min()), y0 + int(ys.min()), int(xs.max()) + 1, y0 + int(ys.max()) + 1)))
    return gray, lines


def test_bold_serif_heads_over_sans_body_are_bold_at_ten_pixels():
    rows = [(t, SANS, 1.0) for t in BODY[:6]] + [(t, SERIF_BOLD, 1.0) for t in HEADS] + \
           [(t, SANS, 1.0) for t in BODY[6:]]
    gray, lines = _scan(rows, 10, 0.9)
    measure_weights(lines, gray, body_size(lines))
    heads, body = lines[6:10], lines[:6] + lines[10:]
    assert min(l.weight for l in heads) < 1.3  # the case: coverage alone misses some of them
    assert [l.bold for l in heads] == [True] * 4, [(l.weight, l.stroke) for l in heads]
    assert not any(l.bold for l in body), [(l.weight, l.stroke) for l in body if l.bold]
