"""Where a caption with no credit read ends under its photo, by its spacing, and body columns that start
at different heights under a photo, on lines recorded from random pages (working-image pixels, text as
`find_caption` sees it)."""

from __future__ import annotations

from broadsheet.postprocess.captions import _pitch_widens, find_caption
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


def test_a_caption_in_smaller_type_ends_where_the_rows_pitch_widens_to_the_bodys():
    # random seed 2550 (unit 14, CJK sans at 9.1 px, JPEG q20): three caption rows 18.5 px apart, the credit
    # `本报记者 钱宁 摄` read `5福之 RT 出` (a digit, and a px short of the column's middle: no credit by its
    # shape), 12 px of blank (under CAPTION_BREAK) before the body, its rows 24-25 px apart and 10-11 px of
    # blank: the run went on down the column and the caption was taken into the body
    caption = _lines(("电东线+速营重提器手零车林重间", (281, 1006, 483, 1014)),
                     ("中LIA N O RDA", (282, 1023, 396, 1034)),
                     ("5福之 RT 出", (381, 1041, 484, 1053)))
    body = _lines(("此次文党建游节为同机,进一步", (280, 1065, 484, 1080)),
                  ("糖充城市文理品牌,推出更多优", (281, 1090, 484, 1104)),
                  ("质文旅产品和服务,让术提游客", (280, 1114, 484, 1127)),
                  ("在家门口作量文化原案,推建文", (280, 1138, 484, 1152)),
                  ("京济费持续升温。", (280, 1162, 388, 1176)))
    found = find_caption((279, 834, 486, 998), caption + body, 14.0)
    assert found is not None and found.side == "below" and found.lines == caption


def test_a_body_column_under_a_photo_stepping_unevenly_is_no_caption():
    # the same column with no caption, its rows 23 and 25 px apart by turns: no pitch widens
    tops = [1006 + 24 * k + (k % 2) for k in range(10)]
    body = _lines(*[(f"质文旅产品和服务,让市民游客{k}", (280, top, 484, top + 14)) for k, top in enumerate(tops)])
    assert find_caption((279, 834, 486, 998), body, 14.0) is None


def test_rows_of_small_ads_boxed_unevenly_have_no_pitch_to_widen():
    # the Czech ads page (unit 17): rows of ads under an engraving step 10-22 px, boxed overlapping; a
    # first step alone, or steps as uneven as the body's, set no caption's pitch (the ad's first rows
    # `Železné postele dětské, / přesně dle výkresu, dvojitě` were taken for the engraving's caption)
    assert not _pitch_widens([12.0, 17.8, 22.2, 11.0, 14.5, 14.0, 11.0, 15.5, 10.5, 16.0], 1)
    assert not _pitch_widens([19.0, 11.5, 15.5, 16.5, 20.5, 53.5, 42.5, 15.0, 10.0, 29.5], 4)
    assert _pitch_widens([18.5, 18.5, 25.5, 24.5, 23.5, 24.5, 24.0], 2)  # random seed 2550's caption
