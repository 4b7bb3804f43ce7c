"""Blanks between a line's characters, measured on its crop (`broadsheet.ocr.reading.glyph_gaps`)."""

from __future__ import annotations

import numpy as np

from broadsheet.ocr.reading import glyph_gaps

PAPER = 235


def _byline_crop(ornament: bool) -> tuple[np.ndarray, list[float]]:
    """A line 12 px high on an 18 px crop: ■■ (solid black, read as nothing) before six glyphs 12 px
    wide, 2 px apart, whose side strokes are dark grey (120) and whose cross stroke is light (190),
    as small grey Kai prints (random seeds 2651, 2719: ■■本报记者 黄思远)."""
    gray = np.full((18, 120), PAPER, dtype=np.uint8)
    if ornament:
        gray[3:15, 4:14] = 0
        gray[3:15, 16:26] = 0
    centres = []
    for k in range(6):
        left = 32 + 14 * k
        gray[4:14, left:left + 2] = 120
        gray[4:14, left + 10:left + 12] = 120
        gray[8:10, left + 2:left + 10] = 190
        centres.append(left + 6.0)
    return np.dstack([gray] * 3), centres


def test_a_solid_ornament_read_as_nothing_does_not_turn_a_light_stroke_into_a_blank():
    crop, centres = _byline_crop(ornament=True)
    # measured against the ornament's black, the cross strokes were blanks 8 px wide (0.67 of the
    # line) inside each glyph, and the name got spaces (黄思 远)
    assert glyph_gaps(crop, centres, (3, 15)) == [round(2 / 12, 3)] * 5
    plain, _ = _byline_crop(ornament=False)
    assert glyph_gaps(plain, centres, (3, 15)) == [round(2 / 12, 3)] * 5
