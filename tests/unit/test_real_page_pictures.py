"""Drawings and display type on real scans: the layout passes on the detector's recorded boxes
(`real_pages.py`). A line-art cartoon is a picture, not a dozen one-word "articles" read from its
strokes (`mee`, `ell`)."""

from __future__ import annotations

from functools import cache

import pytest

from broadsheet.layout import GeometricLayout
from broadsheet.model import BBox
from unit.real_pages import truth_lines, working_page

# The Star's cartoon, working-page pixels: the drawing, and the rules that frame it (column rules
# at x 1257 and 2463, the rule under the masthead at y 437, the one under the cartoon at y 1536).
CARTOON = (1300, 500, 2400, 1450)
CARTOON_ROOM = (1257, 437, 2463, 1536)


@cache
def _layout(name: str):
    working, boxes = working_page(name)
    return working.frame, GeometricLayout().analyze(working.image, boxes)


def _centre_in(box: BBox, area: BBox) -> bool:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return area[0] <= cx <= area[2] and area[1] <= cy <= area[3]


def test_the_cartoon_is_one_picture_and_no_text():
    _, layout = _layout("star_19201115")
    (photo,) = [p.bbox for p in layout.photos]
    assert photo[0] <= CARTOON[0] and photo[1] <= CARTOON[1] and photo[2] >= CARTOON[2] and photo[3] >= CARTOON[3]
    assert (photo[0] >= CARTOON_ROOM[0] and photo[1] >= CARTOON_ROOM[1] and photo[2] <= CARTOON_ROOM[2]
            and photo[3] <= CARTOON_ROOM[3]), photo
    # before: ten headlines and five text blocks read from the drawing and its speech balloon
    inside = [r.bbox for r in layout.regions if r.lines and _centre_in(r.bbox, CARTOON_ROOM)]
    assert not inside, inside


@pytest.mark.parametrize(("name", "pictures"), [("czech_ads_6ab93746", 6), ("star_19201115", 1),
                                                ("czech_news_1b8adb50", 0), ("pionier_18880121_p02", 0),
                                                ("kolonie_18630131_p04", 0)])
def test_drawings_are_pictures_and_frames_and_letters_are_not(name, pictures):
    # the ads page's engravings (a piano, a house, binoculars, a bed, an obelisk, a carriage) are
    # pictures; boxes' frames, the masthead's letters, the GBN pages' ornaments and rules are not
    frame, layout = _layout(name)
    assert len(layout.photos) == pictures, [p.bbox for p in layout.photos]
    truth = truth_lines(name, frame.width) if name.startswith(("czech", "star")) else []
    for photo in layout.photos:  # a picture takes no column of text with it (an engraving's own words at most)
        box = frame.to_input(photo.bbox)
        assert sum(_centre_in(line, box) for _, line in truth) <= 6, photo.bbox
