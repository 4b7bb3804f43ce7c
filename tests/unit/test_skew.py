"""The skew estimate on pages the measurement has nothing to hold on to."""

import numpy as np

from broadsheet.normalize.skew import estimate_skew


def test_a_blank_page_is_not_turned():
    """Every angle ties on a page without ink; the first candidate won, and the page was turned 3.3°."""
    assert estimate_skew(np.full((800, 600), 240, np.uint8)) == 0.0
