"""Reading order inside a framed box: the recorded geometry of pages that went wrong, assembled
without OCR."""

from __future__ import annotations

from broadsheet.layout import PageLayout
from broadsheet.model import Line, Region, RegionType, union_bbox
from broadsheet.postprocess.assemble import assemble


def _block(region_id: str, kind: RegionType, lines: list[tuple[tuple[int, int, int, int], str]]) -> Region:
    found = [Line(text, box, 0.99) for box, text in lines]
    return Region(region_id, kind, union_bbox([line.bbox for line in found]), found)


def _rule(region_id: str, box: tuple[int, int, int, int]) -> Region:
    return Region(region_id, RegionType.SEPARATOR, box)


def test_a_lines_left_words_measured_apart_start_their_column():
    """Random seed 239 (unit 17): in a framed notice the second column starts beside the deck, its
    first three lines justified wide, each found as two lines: the left words (`drainage
    structures`) one block, the right words (`and`) the first lines of the column's block. Both
    blocks start on one row; the left one is read first, not after the whole column."""
    deck = _block("r1", RegionType.SUBHEAD, [
        ((1240, 270, 1534, 289), "DEPARTMENT OF THE"), ((1239, 297, 1374, 315), "INTERIOR"),
        ((1240, 323, 1436, 341), "Bureau of Land"), ((1239, 355, 1407, 368), "Management"),
        ((1239, 456, 1333, 474), "Nevada")])
    left = _block("r2", RegionType.TEXT, [
        ((1272, 492, 1562, 510), "SUMMARY: The Bureau"), ((1239, 519, 1563, 537), "of Land Management"),
        ((1240, 545, 1562, 564), "(BLM) proposes to sell a"), ((1239, 572, 1562, 590), "40-acre parcel of public.")])
    right = _block("r3", RegionType.TEXT, [
        ((1877, 276, 1919, 289), "and"), ((1884, 297, 1918, 315), "3.2"), ((1865, 324, 1919, 342), "from"),
        ((1596, 355, 1919, 368), "wet meadows and stream"), ((1596, 382, 1918, 395), "banks, and remove two."),
        ((1596, 1312, 1654, 1327), "days.")])
    apart = _block("r4", RegionType.TEXT, [
        ((1596, 276, 1846, 288), "drainage structures"), ((1596, 302, 1844, 315), "rockwork, relocate"),
        ((1596, 325, 1846, 342), "miles of trail away")])
    frame = [_rule("r5", (1221, 249, 1939, 252)), _rule("r6", (1221, 1358, 1939, 1361)),
             _rule("r7", (1220, 250, 1224, 1362)), _rule("r8", (1935, 250, 1938, 1362))]
    layout = PageLayout((2408, 1456), 17.0, text_blocks=[deck, left, right, apart], separators=frame,
                        frames=[(1222, 251, 1936, 1359)])
    page = assemble(layout)
    assert len(page.articles) == 1
    read = [r.id for r in page.regions if r.article == page.articles[0].id]
    assert read.index("r4") < read.index("r3")
