"""A Chinese page's items are read in rows a body line pitch deep (the page is set on its body's
line grid), not two units deep: random seed 2383 (27.0 px ming, no rules) read the article under the
left column's first, level with the two beside it started a line higher (order 0.92, page CER 19.9%)."""

from __future__ import annotations

from broadsheet.model import Line, Region, RegionType, TextDirection
from broadsheet.postprocess.assemble import _Item, _row_pitch, _rows

UNIT = 18.0  # seed 2383's body at its working scale; its line pitch 27


def _item(name: str, box: tuple[int, int, int, int]) -> _Item:
    return _Item(None, [Region(name, RegionType.TEXT, box, lines=[Line(name, box, 1.0)])])


# seed 2383's items at the working scale: two over, three under; the left one's top a line lower
ITEMS = [_item("a1", (71, 160, 224, 784)), _item("a2", (244, 161, 912, 755)), _item("a4", (243, 796, 740, 1696)),
         _item("a5", (760, 796, 913, 1673)), _item("a3", (71, 824, 224, 1427))]


def _names(items: list[_Item]) -> list[str]:
    return [i.blocks[0].id for i in items]


def test_items_a_line_pitch_lower_start_the_next_row():
    assert _names(_rows(ITEMS, UNIT, row=27.0)) == ["a1", "a2", "a4", "a5", "a3"]
    assert _names(_rows(ITEMS, UNIT)) == ["a1", "a2", "a3", "a4", "a5"]  # no pitch: two units, one row


def test_a_framed_items_row_starts_at_its_frame():
    # a boxed item's text starts a padding under its frame's top, level with the item beside it
    boxed, plain = _item("boxed", (71, 830, 224, 1200)), _item("plain", (300, 800, 600, 1200))
    frames = [(61, 806, 234, 1210)]
    assert _names(_rows([plain, boxed], UNIT, row=27.0, frames=frames)) == ["boxed", "plain"]
    assert _names(_rows([plain, boxed], UNIT, row=27.0)) == ["plain", "boxed"]


def test_the_pitch_is_the_median_step_between_a_blocks_lines():
    lines = [Line("字", (0, 100 + 27 * k, 300, 118 + 27 * k), 1.0) for k in range(12)]
    vertical = [Line("字", (600 - 27 * k, 0, 618 - 27 * k, 300), 1.0, TextDirection.VERTICAL_RL) for k in range(12)]
    assert _row_pitch([Region("b", RegionType.TEXT, (0, 100, 300, 418), lines=lines)], UNIT) == 27
    assert _row_pitch([Region("v", RegionType.TEXT, (303, 0, 618, 300), lines=vertical)], UNIT) == 27
    assert _row_pitch([Region("b", RegionType.TEXT, (0, 100, 300, 418), lines=lines[:5])], UNIT) is None
