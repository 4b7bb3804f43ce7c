"""Text no line holds is lost without a word: ink beside a photo kept out of the photo's box,
a header band's heavy rule found at small sizes, and ink the detector never boxed recovered as
text (synthetic pages and the generator's regions)."""

from __future__ import annotations

import numpy as np

from broadsheet.layout.photos import find_photos


def test_a_caption_title_close_under_a_photo_stays_out_of_it():
    # random seed 22 (12 px body): a bold caption title a few px under a photo, darker than the
    # tone threshold over more than half of the photo's width; the photo's edge, found on a 4x
    # smaller copy, reached past the blank and grew over the title's rows, and the line, now
    # inside the photo, was dropped with the picture's texture (here: bottom at 312)
    gray = np.full((400, 400), 250, np.uint8)
    gray[100:301, 100:300] = 120  # the photo
    title = (100, 303, 215, 319)  # the caption title's line, as the detector boxed it
    for x in range(title[0], title[2], 14):  # bold characters: 12 px of ink, 2 px apart
        gray[title[1] + 1:title[3] - 1, x:x + 12] = 30
    photos = find_photos(gray, [title], [], min_side=64)
    assert len(photos) == 1
    x0, y0, x1, y1 = photos[0]
    assert (x0, y0, x1, y1) == (100, 100, 300, 301), photos

