"""A character whose strokes are all across but one upright (工) tightened whole (issue 16, wave 26):
the stem's rows hold under `SPARSE_ROW` of the arms' ink and span more than the bridge over blank
rows inside characters, so the run around the box's middle stopped at one arm (random seeds 2359,
2376, 19 px ming: paragraphs' last rows `工。` and `工。”` cut to 3 and 5 px, read `F` and `1-0`)."""

from __future__ import annotations

import numpy as np

from broadsheet.layout.lines import LineBox, split_at_gaps

# The ink of seed 2359's detector box (894, 1882, 932, 1913) around `工。`
GONG_2359 = [
    "......................................",
    "......................................",
    "......................................",
    "......................................",
    "......................................",
    "......................................",
    "......................................",
    "......................................",
    ".........##############...............",
    "........################..............",
    ".........##############...............",
    "..............###.....................",
    "..............###.....................",
    "..............###.....................",
    "..............###.....................",
    "..............###.....................",
    "..............###.....................",
    "..............###.....................",
    "..............###.....................",
    "..............###.....................",
    "..............###...........##........",
    ".......##################..####.......",
    ".......##################..##.#.......",
    "........################...####.......",
    "...........................####.......",
    "......................................",
    "......................................",
    "......................................",
    "......................................",
    "......................................",
    "......................................",
]
# Seed 2376's box (796, 2450, 828, 2471) around `工。`: the stem two columns wide, the lower arm under the
# box's middle
GONG_2376 = [
    "................................",
    "................................",
    "................................",
    "...............##...............",
    "....#############...............",
    ".....############...............",
    "..........##....................",
    "..........##....................",
    "..........##....................",
    "..........##....................",
    "..........###...................",
    "..........###...................",
    "..........###.......####........",
    "..........###......######.......",
    ".........####...#####..##.......",
    "....#####################.......",
    ".....#############.#####........",
    "....................###.........",
    "................................",
    "................................",
    "................................",
]


def _tightened(drawing: list[str]) -> tuple[int, int]:
    band = np.array([[c == "#" for c in row] for row in drawing])
    ink = np.zeros((band.shape[0] + 40, band.shape[1] + 40), dtype=bool)
    ink[20:20 + band.shape[0], 20:20 + band.shape[1]] = band
    pieces, _ = split_at_gaps([LineBox((20, 20, 20 + band.shape[1], 20 + band.shape[0]))], ink, [])
    assert len(pieces) == 1
    return pieces[0].y0 - 20, pieces[0].y1 - 20


def test_a_character_joined_by_its_stem_is_tightened_whole():
    # main: (8, 11), the top arm alone
    assert _tightened(GONG_2359) == (8, 25)


def test_the_stem_joins_an_arm_above_the_box_middle_to_the_lower_one():
    # main: (12, 17), the lower arm and `。`; the sparse tips at both ends stay trimmed
    assert _tightened(GONG_2376) == (4, 17)


def test_a_stroke_down_the_band_edge_joins_no_rows():
    # a frame's side at the box's edge, down the leading from a line's foot to the next line's top,
    # has nothing left of it: no stem, and the run stays the lower line's
    wide, bar = "#" * 30, "##" + "." * 28
    drawing = [wide] * 3 + [bar] * 10 + [wide] * 4 + ["." * 30] * 3
    assert _tightened(drawing) == (13, 17)
