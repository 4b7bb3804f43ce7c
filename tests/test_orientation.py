"""Pages fed sideways or upside down come out as if fed upright, with boxes in the input's pixels."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import FIXTURE_PAGES, truth

from broadsheet.evaluate import evaluate_page
from broadsheet.evaluate.matching import iou
from broadsheet.imageio import load_image
from broadsheet.normalize import PageFrame


@pytest.mark.parametrize("turns", [1, 2])
def test_turned_page_reads_like_the_upright_one(pipeline, turns):
    image = load_image(FIXTURE_PAGES / "page_c.jpg")
    gold = truth(FIXTURE_PAGES / "page_c.jpg")
    turned = np.ascontiguousarray(np.rot90(image, turns))

    page = pipeline.process(turned)

    assert page.rotation == 90 * ((4 - turns) % 4)  # turning back undoes the feed
    assert (page.width, page.height) == (turned.shape[1], turned.shape[0])
    scores = evaluate_page(page, gold)
    assert scores.article_f1 >= 0.9 and scores.article_cer <= 0.02, (scores.article_f1, scores.article_cer)
    # the true photo boxes, carried into the turned image, meet the detected ones
    height, width = image.shape[:2]
    to_turned = PageFrame(turned.shape[1], turned.shape[0], (4 - turns) % 4)  # maps upright -> turned
    for photo in gold.photos:
        expected = to_turned.to_input(photo.bbox)
        assert max(iou(expected, p.bbox) for p in page.photos) >= 0.7, photo.id
    assert (width, height) == (gold.width, gold.height)
