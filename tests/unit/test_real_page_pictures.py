"""Drawings and display type on real scans: the layout passes on the detector's recorded boxes
(`real_pages.py`). A line-art cartoon is a picture, not a dozen one-word "articles" read from its
strokes (`mee`, `ell`); a headline set in italic capitals at a column's width is a heading, not
the first lines of the text under it."""

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


@pytest.mark.parametrize(("name", "pictures"), [("czech_ads_6ab93746", 8), ("star_19201115", 1),
                                                ("czech_news_1b8adb50", 0), ("pionier_18880121_p02", 0),
                                                ("kolonie_18630131_p04", 0)])
def test_drawings_are_pictures_and_frames_and_letters_are_not(name, pictures):
    # the ads page's engravings (a piano, a house, binoculars, a bed, an obelisk, a carriage, and a
    # coat of arms once its box's thin frame is a rule of its own, a preserving jar whose outline
    # no longer passes for rules) are pictures; boxes' frames, the
    # masthead's letters, the GBN pages' ornaments and rules are not
    frame, layout = _layout(name)
    assert len(layout.photos) == pictures, [p.bbox for p in layout.photos]
    truth = truth_lines(name, frame.width) if name.startswith(("czech", "star")) else []
    for photo in layout.photos:  # a picture takes no column of text with it (an engraving's own words at most)
        box = frame.to_input(photo.bbox)
        assert sum(_centre_in(line, box) for _, line in truth) <= 6, photo.bbox


def _heading_over(layout, area: BBox):
    return [r for r in layout.text_blocks if r.type == "subhead" and _centre_in(r.bbox, area)]


@pytest.mark.parametrize("area", [(461, 439, 850, 590), (2486, 448, 2853, 590)])
def test_italic_capitals_headline_is_a_heading(area):
    # EX-CROWNPRINCE ABOUT TO LEAVE HIS ISLAND EXILE and OKUMA ATTACKS TREATY PLAN TO BAR
    # JAPANESE: italic capitals 1.2-1.7 body units tall, not measured bold, set at body spacing
    # over the text; before, all or the last of their lines were read as the text's first lines
    _, layout = _layout("star_19201115")
    (heading,) = _heading_over(layout, area)
    x0, y0, x1, y1 = area
    lines = [l.bbox for l in heading.lines]
    # (the first line's box starts at its capitals, 13 px under the area's top: the double rule
    # above them, 3 blank rows up, is no longer in it)
    assert len(lines) == 3 and min(b[1] for b in lines) < y0 + 15 and max(b[3] for b in lines) > y1 - 10, lines
    texts = [r for r in layout.text_blocks if r.type == "text" and r.bbox[1] < y1 - 10 and r.bbox[3] > y0
             and min(r.bbox[2], x1) > max(r.bbox[0], x0)]
    assert not texts, [r.bbox for r in texts]


def test_two_lines_of_small_print_in_one_box_are_not_display_type():
    # Kolonie-Zeitung's notices: the detector boxes two lines of small Fraktur as one, 1.7 units
    # tall; their letters are body-size, so they stay text
    _, layout = _layout("kolonie_18630131_p04")
    two_lines = {(118, 239, 1334, 286), (120, 284, 1334, 332), (120, 330, 1333, 380), (145, 559, 1330, 606)}
    headings = {line.bbox for r in layout.text_blocks if r.type == "subhead" for line in r.lines}
    assert not two_lines & headings
