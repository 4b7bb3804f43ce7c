"""A photo's box stops at its own edge: it never grows into a text line set close beside it (such a
line, taken into the box, was dropped as the photo's texture and its text lost)."""

from __future__ import annotations

import numpy as np

from broadsheet.layout.photos import find_photos

PAPER, PICTURE, INK = 245, 150, 40


def page_with_photo_and_caption() -> tuple[np.ndarray, tuple[int, int, int, int], tuple[int, int, int, int]]:
    """A 200 x 160 picture at (40, 40), and right under it a caption line whose rows are over half
    ink (CJK type at 16 px, blurred: the blank between them is the blur's): the line's box as the
    detector gives it."""
    gray = np.full((400, 300), PAPER, np.uint8)
    rng = np.random.default_rng(0)
    gray[40:200, 40:240] = rng.integers(PICTURE - 40, PICTURE + 40, (160, 200))
    line = (40, 200, 220, 216)
    x0, y0, x1, y1 = line
    for x in range(x0, x1, 16):  # one 14 px glyph every 16 px: dense, as CJK text is
        gray[y0:y1, x:x + 14] = INK
    return gray, (40, 40, 240, 200), line


def test_a_photo_box_stops_short_of_the_caption_line_under_it():
    gray, photo, line = page_with_photo_and_caption()
    [found] = find_photos(gray, [line], [], min_side=60)
    assert abs(found[1] - photo[1]) <= 2 and abs(found[0] - photo[0]) <= 2 and abs(found[2] - photo[2]) <= 2
    assert found[3] <= line[1], f"the photo's box {found} reaches into the caption line {line}"


def test_a_photo_box_still_finds_its_exact_edges():
    gray, photo, _ = page_with_photo_and_caption()
    gray[200:240] = PAPER  # no caption
    [found] = find_photos(gray, [], [], min_side=60)
    assert all(abs(a - b) <= 2 for a, b in zip(found, photo))
