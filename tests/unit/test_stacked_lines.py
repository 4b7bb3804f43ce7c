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
