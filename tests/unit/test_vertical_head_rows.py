"""A vertical title's top row boxed across its two columns is a piece of it (random seed 2480, 34.3 px
hei, unit 18 at the working scale: `境市` boxed 8 px over `区开展夏季环 / 卫生集中整治`, whose characters
are 39 px wide). Read apart, the title's top stood under the top of the text beside it, which no head
then owned, and the title took the jump in its column far below (order 0.97)."""

from __future__ import annotations

from broadsheet.model import Line, Region, RegionType, TextDirection
from broadsheet.postprocess.assemble import _vertical_pieces

UNIT = 18.0


def _title(name: str, *lines: tuple[str, tuple[int, int, int, int], TextDirection]) -> Region:
    box = (min(b[0] for _, b, _ in lines), min(b[1] for _, b, _ in lines),
           max(b[2] for _, b, _ in lines), max(b[3] for _, b, _ in lines))
    return Region(name, RegionType.TITLE, box, [Line(text, b, 0.99, direction=d) for text, b, d in lines])


def test_a_vertical_titles_top_row_boxed_across_its_columns_is_its_piece():
    row = _title("r8", ("境市", (68, 1070, 157, 1107), TextDirection.HORIZONTAL_LR))
    title = _title("r12", ("区开展夏季环", (118, 1115, 157, 1376), TextDirection.VERTICAL_RL),
                   ("卫生集中整治", (68, 1115, 107, 1376), TextDirection.VERTICAL_RL))
    assert len(_vertical_pieces([[row], [title]], UNIT)) == 1


def test_a_title_a_characters_height_over_a_vertical_one_stays_apart():
    row = _title("r8", ("社区义诊暖人心", (68, 1040, 157, 1077), TextDirection.HORIZONTAL_LR))
    title = _title("r12", ("区开展夏季环", (118, 1115, 157, 1376), TextDirection.VERTICAL_RL),
                   ("卫生集中整治", (68, 1115, 107, 1376), TextDirection.VERTICAL_RL))
    assert len(_vertical_pieces([[row], [title]], UNIT)) == 2
