"""Rows of type the detector boxed none of are no photo: on a bilevel page at 10 px a bold CJK
title's characters fuse into one solid piece a row, and the rows, a few pixels of paper apart, made
a dark block the photo search took for a picture; the title was lost with its article's head
(random seed 1876: two titles of three and four rows, 27-29 px tall at working unit 15)."""

from __future__ import annotations

import numpy as np

from broadsheet.layout.photos import find_photos

PAPER, INK = 255, 0
UNIT = 15
MIN_SIDE = 49  # PHOTO_MIN_SIDE at UNIT


def _fused_row(gray: np.ndarray, x: int, y: int, width: int, height: int) -> None:
    """A row of bold characters run together: solid ink with the counters left as specks of paper."""
    gray[y:y + height, x:x + width] = INK
    gray[y + 4:y + height - 4:7, x + 3:x + width - 3:6] = PAPER


def _title_page() -> np.ndarray:
    gray = np.full((400, 400), PAPER, np.uint8)
    for k, (x, width) in enumerate([(83, 128), (83, 128), (109, 77)]):  # 1876's rows
        _fused_row(gray, x, 137 + 32 * k, width, 27)
    return gray


def test_rows_of_fused_bold_type_are_lines_not_a_photo():
    typeset: list = []
    assert find_photos(_title_page(), [], [], min_side=MIN_SIDE, typeset=typeset) == []
    assert [(y0, y1) for _, y0, _, y1 in typeset] == [(137, 164), (169, 196), (201, 228)]
    assert [(x0, x1) for x0, _, x1, _ in typeset] == [(83, 211), (83, 211), (109, 186)]


def test_a_bilevel_photo_is_still_a_photo():
    """The same page's photo, thresholded to solid ink, with a light stripe across it: one of its
    parts is taller than a row of type."""
    gray = np.full((400, 400), PAPER, np.uint8)
    gray[100:260, 60:300] = INK
    gray[150:153, 60:300] = PAPER
    typeset: list = []
    [found] = find_photos(gray, [], [], min_side=MIN_SIDE, typeset=typeset)
    assert all(abs(a - b) <= 2 for a, b in zip(found, (60, 100, 300, 260))) and typeset == []
