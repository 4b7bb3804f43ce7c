"""How far a page's reading can be trusted, from what the recogniser said of its own lines.

On small, blurred or bilevel type the recognisers return garbage without a warning; each still
gives every line a confidence (PP-OCR: the CTC path's mean probability, or the language model's
rescored one; Tesseract: its word confidences' mean), and these fall with the reading's quality.
A page is *doubtful* when its lines' mean confidence, each line weighted by its characters, is
below what its engine gives readable pages (and, read by Tesseract, its text is small), or, read
by PP-OCR, below what it gives readable pages of larger type or of Latin type, or when more than
a little of its text lines' width was read as nothing. Measured on 300 random dev pages
(seeds 1240-1539, main after wave 14) against their reading CER: the mean confidence ranks pages
about as well as the share of lines under 0.93 (Spearman -0.84 against +0.85) without a second
threshold per engine, and better than the lowest decile or the text size (-0.82, -0.64).
"""

from __future__ import annotations

import numpy as np

from broadsheet.model import LATIN, Line, Page, ReadingQuality, Region, RegionType, TextDirection

# A page read with a mean confidence under this is doubtful, by the engine that read its lines.
# PP-OCR (alone or with the language model): on 232 dev pages, under 0.93 flags 37 pages, all 37
# of reading CER over 5% (of 41), and all 24 over 20%; the 191 pages under 5% read 0.933-0.999,
# all but three over 0.95. Tesseract reads its readable pages lower (64 dev pages under 5% CER:
# 0.873-0.951; the real Nordstern, Kolonie and Pionier pages 0.855-0.868, Star 0.896): under 0.84
# flags 3 of 68 dev pages, all over 5% CER (of 4; the fourth, 5.1%, reads 0.851), and the one
# over 20%.
DOUBTFUL_BELOW = {"rapidocr": 0.93, "tesseract": 0.84}
# ... and, read by Tesseract, its text (`Page.text_size`, input px) is under this: on larger type
# Tesseract's low confidence is its doubt about a face or language it reads well enough (Czech
# news, 24 px: `ces` reads 0.71 for a text NED of 0.10; Star 22 px). PP-OCR's is not: on the 500
# dev pages of seeds 1240-1739 (main after wave 16) the one page it reads under 0.93 from 16 px is
# one it misreads (seed 1684, bilevel kai, 18.9 px: 0.929, reading CER 9.8%); the lowest of the
# others is 0.978 (1558, 27 px, 0.4%).
SMALL_TEXT = {"tesseract": 16.0}
# A Latin page PP-OCR reads (small, blurred or bilevel antiqua, `auto`) is doubtful under this: it
# reads Latin letters surer than ideographs. On the 17 such dev pages of seeds 1840-2239 (main after
# wave 21) those under 5% CER read 0.976-0.992 but 2071 (9.6 px, 4.0%: 0.961); 2181 (9.2 px serif,
# 0.963) misreads 6% of its lines' characters (32% with its blocks misplaced), the rest 0.92 or less.
LATIN_DOUBTFUL_BELOW = {"rapidocr": 0.97}
# PP-OCR reads its readable pages surer as their type grows: from the first text size (px) the
# confidence a page must reach rises from `DOUBTFUL_BELOW`'s to the third number at the second size,
# and stays there. On the 500 dev pages of seeds 1240-1739 no page from 16 px read between 0.93 and
# 0.978; on seeds 1840-1939 (main after wave 18) the lowest of PP-OCR's pages from 16 px read under 5%
# CER is 0.976 (1893, 46 px, 0.0%) and 1843 (bilevel hei, 21 px) reads 0.953 at 6.0%. Between 10 and
# 16 px, on seeds 1940-2039 (main after wave 19), 2013 (bilevel sans, 14.0 px, 7.1%) reads 0.936 and
# 2019 (blurred serif, 11.4 px, 5.1%) 0.933, unflagged at 0.93; the least sure pages from 10 px
# under 5% read 0.941 at 11.4 px (1856, 4.8%) and 0.953 at 10.5 px (1874, 4.0%).
SURE_FROM = {"rapidocr": (10.0, 16.0, 0.965)}
# A page is doubtful too when its text lines read as nothing take this share of the text lines'
# width (in the lines' median height): a box the recogniser returns empty has text it lost, which
# no confidence counts (Tesseract reads a box of two lines as nothing: seed 1690, German sans
# 26 px, 8 such boxes, 0.025 of the width, reading CER 10.7% at confidence 0.94). On the 500 dev
# pages of seeds 1240-1739 the others over 0.005 are all doubtful by confidence (under 10 px);
# of pages read well the most is 0.004 (1716), of the real scans 0.002 (Nordstern).
EMPTY_WIDTH = 0.01


def assess(page: Page) -> ReadingQuality | None:
    """The page's reading quality from its lines' confidences; None when no line holds text."""
    lines = [line for region in page.regions for line in region.lines if _characters(line)]
    if not lines:
        return None
    confidence = mean_confidence(lines)
    threshold = doubtful_below(page)
    unread = [region.id for region in page.regions if any(not _characters(line) for line in region.lines)]
    if threshold is None:  # an engine not measured: its confidences mean nothing yet
        return ReadingQuality(round(confidence, 4), 0.0, False, unread=unread)
    doubtful_lines = sum(line.confidence < threshold for line in lines) / len(lines)
    small = page.text_size is not None and page.text_size < SMALL_TEXT.get(reader(page), float("inf"))
    regions = [region.id for region in page.regions if small and _reads_below(region, threshold)]
    reason = None
    if small and confidence < threshold:
        reason = (f"text {page.text_size:.1f} px, confidence {confidence:.2f} < {threshold:.2f}, "
                  f"{doubtful_lines:.0%} of lines below")
    elif (empty := empty_width(page)) > EMPTY_WIDTH:
        reason = f"{empty:.1%} of the text lines' width read as nothing"
    elif (sure := sure_below(page, threshold)) is not None and confidence < sure:
        reason = f"text {page.text_size:.1f} px, confidence {confidence:.3f} < {sure:.3f} for type this size"
    return ReadingQuality(round(confidence, 4), round(doubtful_lines, 4), reason is not None, reason, regions,
                          unread)


def sure_below(page: Page, threshold: float) -> float | None:
    """The confidence under which the page's engine reads type of its size doubtfully, where that bar
    rises over `threshold` with the size (`SURE_FROM`); None under that size or for other engines."""
    sure = SURE_FROM.get(reader(page) or "")
    if sure is None or page.text_size is None or page.text_size <= sure[0]:
        return None
    start, full, bar = sure
    return threshold + (bar - threshold) * min(1.0, (page.text_size - start) / (full - start))


def mean_confidence(lines: list[Line]) -> float:
    """Lines' mean confidence, each weighted by its characters (spaces aside)."""
    weights = [_characters(line) for line in lines]
    return sum(w * line.confidence for w, line in zip(weights, lines)) / max(1, sum(weights))


def empty_width(page: Page) -> float:
    """The share of the text regions' horizontal lines' width, in their median height, read as nothing."""
    lines = [line for region in page.regions if region.type == RegionType.TEXT for line in region.lines
             if line.direction == TextDirection.HORIZONTAL_LR]
    if not lines:
        return 0.0
    height = max(1.0, float(np.median([line.bbox[3] - line.bbox[1] for line in lines])))
    widths = [(line.bbox[2] - line.bbox[0]) / height for line in lines]
    return sum(w for w, line in zip(widths, lines) if not _characters(line)) / max(1.0, sum(widths))


def doubtful_below(page: Page) -> float | None:
    """The doubtful confidence of the engine that read the page's lines (of its Latin pages), if measured."""
    engine = reader(page) or ""
    if page.script == LATIN and engine in LATIN_DOUBTFUL_BELOW:
        return LATIN_DOUBTFUL_BELOW[engine]
    return DOUBTFUL_BELOW.get(engine)


def reader(page: Page) -> str | None:
    """The engine that read the page's lines."""
    return next((e.name for e in page.engines if e.role == "recognition"), None)


def _reads_below(region: Region, threshold: float) -> bool:
    lines = [line for line in region.lines if _characters(line)]
    return bool(lines) and mean_confidence(lines) < threshold


def _characters(line: Line) -> int:
    return len(line.text) - line.text.count(" ")
