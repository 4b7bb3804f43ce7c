"""Where a caption with no credit read ends under its photo, by its spacing, and body columns that start
at different heights under a photo, on lines recorded from random pages (working-image pixels, text as
`find_caption` sees it)."""

from __future__ import annotations

from broadsheet.postprocess.captions import find_caption
from unit.recorded_lines import lines_of as _lines


def test_a_caption_set_tighter_than_the_body_ends_at_a_blank_well_over_its_own():
    # random seed 1334 (unit 14, 10.5 px bilevel): seven rows 0.4 units apart, the credit misread
    # (`单.本看记费`), then 0.86 units of blank (under CAPTION_BREAK) before the body, set 0.57 apart:
    # the run went on into the body and, too long for a caption with no credit, was dropped
    caption = _lines(("3月L1日，申师事组@罪", (60, 717, 219, 731)), ("疗、非加、地母导方面种", (61, 737, 220, 751)),
                     ("主薄参业盘球奉荷星、角", (60, 756, 219, 770)), ("培敬人参师父音，哮考看", (60, 776, 220, 790)),
                     ("和器海，兴非酒皓垂碍。", (60, 795, 211, 810)), ("霍筆國二十令朱普希哥", (61, 815, 220, 829)),
                     ("单.本看记费", (61, 835, 219, 849)))
    body = _lines(("热益升、热到重境影。", (62, 861, 218, 875)), ("象新眼辣然F盛E鼻", (63, 883, 219, 897)),
                  ("善", (62, 905, 76, 917)))
    found = find_caption((60, 623, 219, 710), caption + body, 14.0)
    assert found is not None and found.side == "below" and found.lines == caption


def test_a_two_row_caption_set_tight_ends_at_the_blank_over_the_body():
    # random seed 1445 (unit 14, 8.9 px bilevel): `改造后的东关老街区吸引不少市民前来游玩。` and its credit
    # `马文 供图` (read `减美自主 业`) 0.43 units apart, then 0.79 units (under CAPTION_BREAK) over the
    # body, set 0.5 apart: the run went on down the column and was no caption
    caption = _lines(("味品目的率食者快账乘引平少", (1246, 2044, 1415, 2056)),
                     ("减美自主 业", (1247, 2062, 1417, 2075)))
    body = _lines(("[作，主证要求，垂睡的值", (1251, 2086, 1416, 2100)),
                  ("舒防汽段者律自和直急地塞", (1246, 2107, 1416, 2120)),
                  ("第，尼人并を争そ严文", (1247, 2128, 1415, 2141)))
    found = find_caption((1246, 1932, 1416, 2039), caption + body, 14.0)
    assert found is not None and found.side == "below" and found.lines == caption


def test_a_caption_leaded_wide_is_not_cut_at_its_first_blank():
    # random seed 1407 (unit 12, Fraktur at 7 px): rows 1.0 then 0.8 units apart, the credit `Foto:
    # Feuerwehr` (read `Bee Bornedr`) flush right on the third, 1.4 units over the body: the first
    # blank, over CAPTION_BREAK with none before it to compare, ended the caption after one row
    caption = _lines(("Der ara Eetrlrze b wfent", (49, 341, 251, 351)), ("dhre Saese an Heatà", (48, 363, 223, 373)),
                     ("Bee Bornedr", (153, 383, 251, 394)))
    body = _lines(("Peues Uéecéiabrgeng ir bie", (50, 411, 235, 425)), ("2dtr", (50, 433, 87, 446)),
                  ("Suten Pientag erbeiten", (71, 461, 251, 474)))
    found = find_caption((48, 179, 252, 332), caption + body, 12.0)
    assert found is not None and found.side == "below" and found.lines == caption


def test_body_columns_starting_at_different_heights_under_a_photo_are_no_caption():
    # random seed 1447 (unit 9, 9 px): the photo's caption stands beside it (its credit misread past
    # knowing); under it the left column starts a row lower than the right one, so the first row held
    # one line, no gutter was found, and the right column's first line was taken for the caption
    body = _lines(("Aemin much fremmillige Haller. dee Stulslo", (387, 1684, 696, 1693)),
                  ("wultellnn. (mwtranke auww henken um ma ti", (386, 1701, 696, 1710)),
                  ("Der altonto Spertvoruim der Stadt wind im", (78, 1702, 369, 1711)),
                  ("den Kimzerten beum Aufraumem mit anlas", (386, 1718, 695, 1726)),
                  ("dimmm jahr minhundertfunfsg Jahre alt", (59, 1719, 367, 1728)),
                  ("won. Wer umitivelfem mochte, mwebhet wach bes", (387, 1734, 696, 1743)),
                  ("(Gwgrumlot wurde der Turmverin von olmer", (59, 1737, 369, 1745)),
                  ("Vaude Jani in der Murthhandiung am", (387, 1750, 696, 1760)))
    beside = _lines(("Das rune (bechiatrreug ber wenn ersten Utung", (714, 1169, 1024, 1179)),
                    ("un (mer ten", (714, 1186, 807, 1196)), ("fonn fewarwelr", (926, 1186, 1024, 1196)))
    found = find_caption((59, 1166, 697, 1670), body + beside, 9.0)
    assert found is None or not set(map(id, found.lines)) & set(map(id, body))
