"""A vertical headline the detector boxed row by row is rebuilt as its vertical lines
(`layout/upright.py`, issue 16, wave 20). Ink recorded at the working scale, pieces as
`split_at_gaps` left them."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from broadsheet.layout.lines import LineBox
from broadsheet.layout.upright import rows_as_vertical_lines
from broadsheet.model import TextDirection

CROPS = Path(__file__).parent / "recorded" / "crops"
H, V = TextDirection.HORIZONTAL_LR, TextDirection.VERTICAL_RL


def _ink(name: str) -> np.ndarray:
    return (np.asarray(Image.open(CROPS / name).convert("L")) > 0).astype(np.uint8) * 255


def _rebuilt(name: str, pieces: list[tuple[tuple[int, int, int, int], TextDirection]], unit: float) -> list:
    lines = rows_as_vertical_lines([LineBox(box, d) for box, d in pieces], _ink(name), unit)
    return sorted((l.bbox, l.direction) for l in lines)


def test_a_two_line_vertical_title_boxed_as_rows_is_two_vertical_lines():
    # Random page 2007 (kai, body 13 px at the working scale): `全县行政村实现` and `光纤宽带全覆盖`,
    # boxed as seven rows of two characters; the last row, cut at the blank between the lines,
    # lost `现`'s top to the tightening over leading: `盖` a subtitle, `现` an article of its own
    pieces = [((8, 8, 80, 45), H), ((8, 44, 81, 75), H), ((9, 81, 81, 121), H), ((8, 117, 80, 147), H),
              ((8, 145, 81, 193), H), ((9, 177, 80, 220), H), ((9, 210, 40, 258), H), ((49, 227, 82, 258), H)]
    assert _rebuilt("title_rows_seed2007.png", pieces, 13.0) == [((8, 8, 40, 258), V), ((49, 8, 82, 258), V)]


def test_rows_and_a_vertical_run_of_one_title_are_its_two_lines():
    # Random page 1987 (ming, body 16 px): `境市`, `卫区`, `生开` and `治环` boxed as rows, the left
    # line's `卫…治` as a vertical run; read as it stood: `境市卫区生开展夏季况卫生集中整治李环`
    pieces = [((8, 8, 43, 41), H), ((54, 8, 88, 37), H), ((8, 26, 43, 283), V), ((8, 40, 88, 80), H),
              ((8, 89, 88, 121), H), ((53, 238, 88, 281), H)]
    assert _rebuilt("title_mixed_seed1987.png", pieces, 16.0) == [((8, 8, 43, 283), V), ((53, 8, 88, 283), V)]


def test_a_vertical_kicker_with_a_space_is_two_whole_lines():
    # Random page 1923 (ming, body 16 px): the kicker `明规矩 强作风` / `严制度 促工作` beside its title,
    # boxed as rows (`严明`, `制`, `规`, `度矩`, `促强`): read across as `严明制规度矩促强`, a paragraph. The
    # space (0.5 em) parts the rows into two groups; their lines, one over the other, join across it
    pieces = [((8, 8, 60, 35), H), ((8, 28, 30, 62), H), ((38, 35, 61, 56), H), ((38, 61, 60, 82), H),
              ((8, 62, 30, 83), H), ((8, 98, 30, 127), H), ((38, 99, 61, 127), H), ((8, 108, 61, 172), H)]
    assert _rebuilt("kicker_space_seed1923.png", pieces, 16.0) == [((8, 8, 31, 172), V), ((38, 8, 61, 172), V)]


def test_a_horizontal_title_of_two_character_rows_stays_rows():
    # Random page 2011 (body 17 px): `首届 / 南湖 / 稻田 / 音乐 / 节周 / 末开 / 唱`, a horizontal title in a
    # narrow column; its rows stand 0.4 em apart, and no blank column runs down all of them
    pieces = [((8, 8, 61, 33), H), ((8, 43, 61, 68), H), ((8, 78, 60, 102), H), ((8, 111, 63, 137), H),
              ((8, 146, 61, 171), H), ((8, 181, 63, 206), H), ((22, 214, 48, 240), H)]
    assert _rebuilt("title_two_character_rows_seed2011.png", pieces, 17.0) == sorted((box, d) for box, d in pieces)
