"""A vertical title line keeps its end characters: one boxed twice keeps both copies' ends, and a
flat `一` at its foot is its last character, not a line of its own (random seeds 2553 and 2638,
30 px: `好` and `一` read as one-character body paragraphs)."""

from __future__ import annotations

import numpy as np

from broadsheet.layout.lines import LineBox, drop_covered, vertical_lines
from broadsheet.layout.structure import analyze
from broadsheet.model import RegionType, TextDirection

V = TextDirection.VERTICAL_RL


def _character(page: np.ndarray, x: int, y: int, size: int) -> None:
    """A 工 in one piece of ink, its bars short of its width (as in test_missed_text)."""
    stroke, inset = max(2, size // 6), size // 6
    page[y:y + stroke, x + inset:x + size - inset] = 0
    page[y + size - stroke:y + size, x + inset:x + size - inset] = 0
    page[y:y + size, x + (size - stroke) // 2:x + (size + stroke) // 2] = 0


def test_a_vertical_line_boxed_twice_keeps_the_ends_of_both_copies():
    # random seed 2553 (working px): `水质持续向好` boxed twice, each copy grown from its own box;
    # the larger stopped in `好`, the other held it, and was dropped as covered
    lines = drop_covered([LineBox((265, 192, 302, 418), V), LineBox((265, 212, 302, 437), V)])
    assert [(l.bbox, l.direction) for l in lines] == [((265, 192, 302, 437), V)]


def test_two_vertical_lines_side_by_side_and_a_character_boxed_again_are_kept_as_they_were():
    title = [LineBox((265, 192, 302, 437), V), LineBox((312, 193, 349, 478), V)]
    again = LineBox((266, 300, 301, 336))  # one of its characters boxed as a horizontal line
    assert [l.bbox for l in drop_covered(title + [again])] == [(312, 193, 349, 478), (265, 192, 302, 437)]


def _page_with_flat_last_character(flat: bool = True) -> tuple[np.ndarray, list]:
    """Body to the right; a vertical title of two lines: the right one boxed, its six characters
    and a flat `一` 18 px under them (or a dot there); the left one never boxed, 6 px beside it. The
    detector boxed the `一` with the left line's characters beside it as a horizontal line
    (random seed 2638's `本周后期将有一` / `次明显降温过程`, at 0.8 of its working size)."""
    page, boxes = np.full((700, 800), 255, np.uint8), []
    for row in range(16):  # sixteen body lines of 15 px characters from x 200, each boxed
        y = 120 + row * 26
        for x in range(200, 740, 18):
            _character(page, x, y, 15)
        boxes.append((197, y - 4, 743, y + 19))
    for k in range(6):
        _character(page, 100, 130 + k * 44, 38)
    if flat:
        page[406:412, 105:134] = 0
    else:
        page[406:412, 116:122] = 0
    for k in range(7):
        _character(page, 68, 130 + k * 44, 38)
    return page, boxes + [(97, 126, 141, 392), (90, 390, 145, 430)]


def test_a_flat_last_character_under_a_vertical_title_line_is_the_lines():
    page, boxes = _page_with_flat_last_character()
    layout = analyze(np.dstack([page] * 3), boxes)
    title = [(l.bbox, l.direction) for l in layout.trace.lines if l.x1 < 190]
    assert sorted(title) == [((74, 130, 100, 432), V), ((106, 130, 132, 412), V)], title
    [group] = layout.headlines
    assert [(r.type, len(r.lines)) for r in group] == [(RegionType.TITLE, 2)]


def test_a_dot_under_a_vertical_line_is_no_character_of_it():
    page, _ = _page_with_flat_last_character(flat=False)
    ink = (page < 128).astype(np.uint8) * 255
    [line] = vertical_lines(LineBox((97, 126, 141, 392), V), ink)
    assert line.bbox == (106, 130, 132, 388)


def test_a_rules_edge_over_a_vertical_line_is_no_character_of_it():
    # random seed 2654 (9.4 px): a rule over a vertical title, erased but for 2 px of its blurred
    # edge 17 px over the line's first character, as wide as the line: taken as an `一`, the line
    # grew over it
    page, _ = _page_with_flat_last_character(flat=False)
    page[111:113, 105:134] = 0  # the edge left over the line (the rule itself: 113-115, erased)
    ink = (page < 128).astype(np.uint8) * 255
    [line] = vertical_lines(LineBox((97, 126, 141, 392), V), ink)
    assert line.bbox[1] == 111, "an `一` there is the line's"
    [line] = vertical_lines(LineBox((97, 126, 141, 392), V), ink, [(60, 113, 400, 115)])
    assert line.bbox == (106, 130, 132, 388)
