"""Two text lines in one detector box are cut apart; one line's own strokes are not."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from broadsheet.layout.lines import LineBox
from broadsheet.layout.stacked import split_stacked_lines
from broadsheet.model import TextDirection

CROPS = Path(__file__).parent / "recorded" / "crops"


def test_the_bars_of_one_cjk_row_are_not_two_lines():
    # Random page 1046 (sans, body 20 px at the working scale): the top bars of 天下了一场 and the
    # bars of 一 and 场 make two dense bands of rows, 7 px apart, which the x-height ratios alone
    # took for two stacked lines; the cut-off strip was read as `丁丁+z` inside a sentence.
    ink = (np.asarray(Image.open(CROPS / "cjk_bars_seed1046.png").convert("L")) > 0).astype(np.uint8) * 255
    height, width = ink.shape
    line = LineBox((4, 4, width - 4, height - 4), TextDirection.HORIZONTAL_LR)
    assert split_stacked_lines([line], ink, unit=20.0) == [line]


def _crop(name: str) -> tuple[np.ndarray, LineBox]:
    ink = (np.asarray(Image.open(CROPS / name).convert("L")) > 0).astype(np.uint8) * 255
    height, width = ink.shape
    return ink, LineBox((4, 4, width - 4, height - 4), TextDirection.HORIZONTAL_LR)


def test_three_and_four_stacked_lines_in_one_box_are_cut_into_one_box_each():
    # Random page 1009 (Latin, 8.2 px enlarged 1.77 times, body 10 px at the working scale): the
    # detector boxed tightly leaded lines four and three at a time; such a box stood as a title
    # (it is as tall as one), and the lines under it became a false article. Each line is its own box.
    for name, lines in (("latin_four_lines_seed1009.png", 4), ("latin_three_lines_seed1009.png", 3)):
        ink, box = _crop(name)
        parts = split_stacked_lines([box], ink, unit=10.0)
        assert len(parts) == lines, name
        # one line each, as tall as the page's body lines (10 px): a part from valley to valley
        # stands a line pitch tall (18 px), which is a title's height here
        assert all(part.height <= 1.2 * 10.0 for part in parts), name
        assert all(upper.y1 <= lower.y0 for upper, lower in zip(parts, parts[1:]))


def test_a_line_of_the_box_boxed_on_its_own_too_is_left_to_that_box():
    # The same page: the detector's second cut of small type also boxed the run's first line alone
    # (591, 1506, 837, 1516 on the working page); that line is read there, the box's other three
    # lines get a box each (the whole box was left as it was, and stood as a four-line title).
    ink, box = _crop("latin_four_lines_seed1009.png")
    first = LineBox((5, 4, 251, 14), TextDirection.HORIZONTAL_LR)
    parts = split_stacked_lines([box, first], ink, unit=10.0)
    assert parts[-1] is first
    assert len(parts) == 4 and all(part.y0 >= first.y1 for part in parts[:-1])
