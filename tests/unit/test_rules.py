"""Rules found on synthetic strokes: a slanted rule, a rule that steps across, a box's heavy frame."""

from __future__ import annotations

import numpy as np

from broadsheet.layout.lines import LineBox, split_at_gaps
from broadsheet.layout.photos import find_photos, rules_over_photos
from broadsheet.layout.rules import Rule, _straight_pieces, erase_rules, find_frames, find_rules, ink_mask, printed


def test_a_slanted_rule_is_found_in_straight_pieces():
    # 3 px wide, drifting 12 px over 2,000 rows (a column rule 0.35 degrees off the page's axis):
    # its box is 15 px thick, more than a rule may be, though it is 3 px thick at every row
    ink = np.zeros((2100, 300), np.uint8)
    for y in range(50, 2050):
        x = 140 + y * 12 // 2000
        ink[y, x:x + 3] = 255
    rules = find_rules(ink, unit=24.0, min_length=192, max_thickness=8)
    assert rules and all(not r.horizontal and r.bbox[2] - r.bbox[0] <= 8 for r in rules)
    covered = np.zeros(2100, bool)
    for r in rules:
        covered[r.bbox[1]:r.bbox[3]] = True
    assert covered[60:2040].all() and not covered[:50].any()  # (its ends, to a pixel or two)
    # pieces overlap by a line's height: a line the rule passes lies beside one whole piece
    spans = sorted((r.bbox[1], r.bbox[3]) for r in rules)
    assert all(b[0] <= a[1] - 48 for a, b in zip(spans, spans[1:]))


def test_a_rule_that_steps_across_is_cut_once_at_the_step():
    # along axis 1: a 2-px stroke that steps 2 px across at 600, where no piece 3 px thick can
    # overlap the one before (each following piece was cut one pixel on from the last: 50 of them)
    stroke = np.zeros((6, 1000), bool)
    stroke[0:2, :600] = True
    stroke[2:4, 600:] = True
    pieces = _straight_pieces(stroke, max_thickness=3, overlap=50)
    assert pieces == [(0, 0, 600, 2), (600, 2, 1000, 4)]


def test_a_box_framed_by_heavy_bars_is_a_frame_and_a_photo_s_flat_tone_is_not():
    # bars 16 px thick (a rule may be 6) round a box of paper, as Národní listy frames its notices of
    # death; beside it a photo's flat tone, which the ink mask (darker than the local mean) inks only
    # along its edges, so that it looks framed too
    gray = np.full((900, 800), 220, np.uint8)
    for x0, y0, x1, y1 in ((100, 100, 700, 116), (100, 400, 700, 416), (100, 100, 116, 416), (684, 100, 700, 416)):
        gray[y0:y1, x0:x1] = 20
    gray[500:800, 100:400] = 120
    bars = [r.bbox for r in find_frames(gray, ink_mask(gray, 8), unit=20.0, min_length=160, max_thickness=6)[0]]
    sides = [(100, 116, 116, 400), (116, 100, 684, 116), (116, 400, 684, 416), (684, 116, 700, 400)]
    assert len(bars) == 4, bars
    assert all(np.abs(np.subtract(bar, side)).max() <= 1 for bar, side in zip(sorted(bars), sides)), bars


def _photo_page(rule_y: int) -> np.ndarray:
    """A grey page with a mid-tone photo (60-300 x 140-320) and a 3 px rule over it at `rule_y`,
    as wide as the photo: seven body heights (unit 25), shorter than the page's rule search takes."""
    gray = np.full((400, 400), 235, np.uint8)
    gray[140:320, 60:300] = 120
    gray[rule_y:rule_y + 3, 55:305] = 20
    return gray


def test_a_short_rule_over_a_photo_is_a_rule():
    """Random seed 29: a one-column photo-news block under a rule a body height above its photo;
    seed 33: a frame's top line a blank above the picture, which the photo's box took in. The rule
    search of the whole page (at least eight padded body heights) misses both; looked for along the
    photo's top, each is a rule, and the photo found again without it starts below it."""
    for rule_y, photo_top in ((115, 140), (130, None)):
        gray = _photo_page(rule_y)
        ink = ink_mask(gray, contrast=8)
        assert find_rules(ink, unit=25.0, min_length=270, max_thickness=8) == []
        photos = find_photos(gray, [], [], min_side=100)
        if photo_top is None:  # the frame's line taken into the box
            photo_top = photos[0][1]
            assert photo_top <= rule_y + 3
        found = rules_over_photos(ink, photos, unit=25.0, max_thickness=8)
        assert len(found) == 1 and abs(found[0][0] - 55) <= 2 and abs(found[0][1] - rule_y) <= 1
        again = find_photos(gray, [], found, min_side=100)
        assert abs(again[0][1] - 140) <= 1


def test_a_photos_own_dark_edge_is_no_rule():
    """A dark border printed on the picture's edge has picture, not paper, below it."""
    gray = _photo_page(137)
    ink = ink_mask(gray, contrast=8)
    assert rules_over_photos(ink, find_photos(gray, [], [], min_side=100), unit=25.0, max_thickness=8) == []


def test_a_rule_under_one_narrow_column_continues_its_rows_rule():
    # random seed 1100 (unit 23 of padded boxes, rules at least 184 px): the rule under an article is
    # cut at the column rules into pieces of 558, 179 and 561 px; the middle piece, over a title opening the
    # narrow column, was lost, and the title was taken for a subhead of the article above
    ink = np.zeros((200, 1500), np.uint8)
    for x0, x1 in ((46, 600), (617, 796), (809, 1370)):  # (as `pieces` below)
        ink[100:103, x0:x1] = 255
    ink[20:180, 607:610] = 255  # the column rules, 7-9 px off the rule's pieces
    ink[20:180, 802:805] = 255
    ink[150:153, 1400:1479] = 255  # a short stroke on a row of its own stays type
    rules = sorted(r.bbox for r in find_rules(ink, unit=23.0, min_length=184, max_thickness=7) if r.horizontal)
    pieces = [(46, 600), (617, 796), (809, 1370)]
    assert len(rules) == 3 and all(abs(r[0] - a) <= 3 and abs(r[2] - b) <= 3 for r, (a, b) in zip(rules, pieces)), rules


def test_a_rule_across_one_narrow_column_with_none_in_its_row():
    # random seed 1256 (unit 21 of padded boxes, rules alone at least 168 px): the 162 px rule under
    # an article's text, over the title of the next article in its 11-character column, with no
    # rule in its row to continue; lost, the title was taken for a subhead of the article above.
    # Its ends are the column's: the text right above starts and ends with it
    ink = np.zeros((400, 700), np.uint8)
    ink[210:214, 419:581] = 255
    column = [(414, y, 583, y + 21) for y in range(50, 180, 26)] + [(414, 180, 470, 201)]  # a short last line
    ink[250:253, 100:262] = 255  # as long, under no column: type, or a stroke of a photo
    rules = sorted(r.bbox for r in find_rules(ink, unit=21.0, min_length=168, max_thickness=7, lines=column))
    assert len(rules) == 1 and abs(rules[0][0] - 419) <= 2 and abs(rules[0][2] - 581) <= 2, rules
    assert find_rules(ink, unit=21.0, min_length=168, max_thickness=7) == []


def test_a_rule_printed_column_by_column_is_one_rule_across_its_breaks():
    # random seed 2738 (8.6 px CJK, unit 23 of padded boxes, rules alone at least 184 px): the rule over
    # two narrow columns' titles is printed per column, 164 px pieces 6 px apart; the rows above were
    # boxed across the gutter and the titles below are centred, so neither piece had a column's ends.
    # Lost, both titles were taken for the articles above (article F1 0.25)
    ink = np.zeros((300, 800), np.uint8)
    ink[100:103, 210:374] = 255
    ink[100:103, 380:546] = 255
    ink[200:203, 400:500] = 255  # two column-long strokes a column's width apart in a row stay type
    ink[200:203, 540:640] = 255
    above = [(202, 50, 546, 73), (202, 67, 402, 94)]
    below = [(231, 108, 347, 135), (401, 106, 518, 140)]
    rules = sorted(r.bbox for r in find_rules(ink, unit=23.0, min_length=184, max_thickness=7, lines=above + below))
    assert len(rules) == 2 and all(abs(r[0] - a) <= 2 and abs(r[2] - b) <= 2
                                   for r, (a, b) in zip(rules, [(210, 374), (380, 546)])), rules


def test_pieces_in_a_row_are_no_rule_when_a_text_line_holds_one_or_no_text_is_boxed_above():
    # random seed 2594 (9.4 px CJK, unit 26): a faint rule's piece over one column ran on into the next
    # column's row (its box holds the piece's middle); with it, it made a rule that cut that column.
    # 2612 (9.1 px Fraktur, the detector boxing only the titles): two columns' last rows, blurred
    # solid, a gutter apart over their titles; nothing boxed above says they are not type
    ink = np.zeros((400, 800), np.uint8)
    ink[100:102, 110:260] = 255
    ink[100:108, 280:420] = 255
    ink[300:307, 100:290] = 255
    ink[300:307, 310:500] = 255
    lines = [(30, 60, 262, 84), (330, 62, 560, 86), (30, 130, 262, 154), (330, 94, 560, 116), (330, 124, 560, 146)]
    titles = [(120, 330, 480, 370)]
    assert find_rules(ink, unit=26.0, min_length=208, max_thickness=8, lines=lines + titles) == []


def test_a_rule_across_one_column_crossed_by_a_column_rule_is_still_found():
    # random seed 2738: the rule under a column's caption and credit, over a continued article, meets
    # the column rule beside it in a T; the column rule was taken for a known rule it was a piece of
    ink = np.zeros((500, 400), np.uint8)
    ink[150:154, 38:208] = 255
    ink[150:480, 203:206] = 255  # the column rule, from the rule's end down
    column = [(33, y, 203, y + 20) for y in range(60, 120, 18)] + [(89, 124, 204, 145)]
    rules = sorted(r.bbox for r in find_rules(ink, unit=23.0, min_length=184, max_thickness=7, lines=column)
                   if r.horizontal)
    assert len(rules) == 1 and abs(rules[0][0] - 38) <= 2 and abs(rules[0][2] - 208) <= 2, rules


def test_a_bold_words_band_inside_its_line_is_no_rule_across_the_column():
    # random seed 1261 (unit 27): `Management`, a line of a notice's head set in bold sans and
    # blurred, inks its x-height band solid, 139 px long and 9 thick with paper over and under it
    # (few ascenders and descenders), ending where the head's lines above and below end; inside
    # its own line's box it is type
    ink = np.zeros((420, 400), np.uint8)
    ink[288:297, 82:221] = 255
    head = [(77, 231, 185, 255), (76, 254, 248, 280), (77, 279, 226, 303), (76, 301, 337, 328)]
    assert find_rules(ink, unit=27.0, min_length=216, max_thickness=9, lines=head) == []


def test_a_blurred_masthead_rule_across_the_page_may_be_thick():
    # random seed 906 (11.1 px Fraktur blurred 1.16, unit 29 of padded boxes, rules at most 9 px
    # thick): the masthead's heavy rule and the thin one under it blur into one bar 667 px long and
    # 11 px thick; lost, the masthead was taken for a title. A bar as thick but only a column long
    # (a bold line blurred solid) stays type
    ink = np.zeros((400, 753), np.uint8)
    ink[134:145, 44:711] = 255
    ink[300:311, 44:300] = 255
    rules = [r.bbox for r in find_rules(ink, unit=29.0, min_length=232, max_thickness=9)]
    assert len(rules) == 1 and rules[0][1] <= 134 and rules[0][3] >= 145 and rules[0][2] - rules[0][0] >= 660, rules


def _caption_rows_ink() -> np.ndarray:
    """Random seed 2505's caption under its photo (working page, unit 23): three rows of 8 px type at
    blur 0.65, the second a solid bar 7 px thick from end to end (its characters run together), the
    first and third broken by the gaps between characters; a 3 px rule under the caption."""
    ink = np.zeros((600, 460), np.uint8)
    for x in range(176, 420, 14):  # first row: characters with paper between them
        ink[514:524, x:x + 10] = 255
    ink[534:541, 175:423] = 255  # second row: blurred solid
    for x in range(176, 240, 14):  # third row: `技术。`
        ink[552:562, x:x + 10] = 255
    ink[580:583, 170:428] = 255  # a rule
    return ink


def test_a_rows_type_blurred_solid_along_its_box_is_no_rule():
    """The second row's bar has paper above and below it, as a rule has, and was found one: it cut
    the caption above its last row, whose credit went to the body and `技术。` to a false title. In
    its line box's middle, end to end inside it, it is type; the rule under the caption is no line's."""
    lines = [(171, 509, 423, 528), (171, 528, 423, 546), (171, 547, 423, 566)]
    rules = [r.bbox for r in find_rules(_caption_rows_ink(), unit=23.0, min_length=184, max_thickness=7, lines=lines)
             if r.horizontal]
    assert [tuple(int(v) for v in bbox)[1] for bbox in rules] == [580]


def _column_beside_a_dotted_rule() -> tuple[np.ndarray, Rule, list[LineBox]]:
    """Random seed 2577 (32.9 px hei, dotted column rules, 15 px body in the working frame): the rule's
    dots 3 px wide (787-789), found as a rule boxed 787-788; the column's type starts at 792, its
    paragraph's first line indented two characters (824). The detector's boxes reach over the rule."""
    ink = np.zeros((200, 1000), np.uint8)
    for y in range(0, 200, 6):  # dots 4 rows long every 6
        ink[y:y + 4, 787:790] = 255
    rows = [(20, 792), (42, 792), (64, 824), (86, 792)]
    for y0, x0 in rows:
        for x in range(x0, 960, 16):  # characters 14 px wide
            ink[y0 + 1:y0 + 14, x:x + 14] = 255
    lines = [LineBox((782, y0 - 2, 966, y0 + 16)) for y0, _ in rows]
    return ink, Rule((787, 0, 789, 200)), lines


def test_a_dotted_rules_blur_past_its_box_is_erased_and_a_line_beside_keeps_its_indent():
    ink, rule, lines = _column_beside_a_dotted_rule()
    erase_rules(ink, [rule])
    assert not ink[:, 787:790].any()
    pieces, _ = split_at_gaps(lines, ink, [rule])
    assert [p.x0 for p in pieces] == [792, 792, 824, 792]


def test_type_touching_a_rule_is_not_its_blur():
    # a solid rule boxed to its width, a column's type flush against it (Nordstern's Fraktur touches
    # its rules): the characters' edge column is inked along a fraction of the rule
    ink, _, lines = _column_beside_a_dotted_rule()
    ink[:, 787:790] = 0
    ink[:, 789:791] = 255
    for y0, x0 in ((20, 791), (42, 791)):
        ink[y0 + 1:y0 + 14, x0:x0 + 14] = 255
    erase_rules(ink, [Rule((789, 0, 791, 200))])
    assert not ink[:, 789:791].any() and ink[21:34, 791].all()


def test_line_ends_beside_a_rules_faint_edge_are_not_its_blur():
    # Der Nordstern (1878): a wavy rule boxed 1728-1737 whose box's left column was inked along a tenth
    # of it; the line ends left of it, inked in their own rows along more than that, lost 9 px of type
    ink = np.zeros((200, 60), np.uint8)
    ink[:, 30:34] = 255  # the rule's body
    ink[0:20, 28] = 255  # its faint left edge, a tenth of its length
    for y0 in range(30, 200, 22):  # line ends flush against it, rows of their own
        ink[y0:y0 + 14, 10:28] = 255
    erase_rules(ink, [Rule((28, 0, 34, 200))])
    assert ink[30:44, 10:28].all()


def test_a_rule_shown_through_from_the_page_behind_is_not_printed():
    # random seed 2754 (52.2 px CJK): a rule of the verso, 13 grey levels under the paper (a twelfth of
    # the type's depth), was kept across one column and parted the title from its first column. A thin
    # rule on a pale scan (the Star's, a third of the type's depth) is printed
    gray = np.full((300, 600), 240, np.uint8)
    lines = [(20, y, 560, y + 20) for y in range(20, 120, 30)]
    for x0, y0, x1, y1 in lines:
        gray[y0 + 5:y1 - 5, x0:x1:6] = 40  # strokes of type
    gray[150:154, 20:300] = 227
    gray[200:201, 20:300] = 170
    rules = printed([Rule((20, 150, 300, 154)), Rule((20, 200, 300, 201))], gray, lines)
    assert [r.bbox for r in rules] == [(20, 200, 300, 201)]


def _rule_beside_rows(length: int, left_column: bool = True) -> tuple[np.ndarray, list[tuple[int, int, int, int]]]:
    """An upright 2-px rule `length` px long; right of it a column's rows of 12 px letters at an 18 px
    pitch, each row's first letter 3 px off the rule (random seed 2566's 0.55 em gutter, split unevenly,
    at unit 21); left of it paper, then (`left_column`) the rows of a column ending 7 px off it. The
    rows' boxes are the text lines."""
    ink = np.zeros((length + 100, 400), np.uint8)
    ink[50:50 + length, 100:102] = 255
    lines = []
    for top in range(52, 50 + length - 12, 18):
        for left in range(105, 380, 9):
            ink[top:top + 12, left:left + 6] = 255
        lines.append((105, top, 380, top + 12))
        if left_column:
            for left in range(3, 90, 9):
                ink[top:top + 12, left:left + 6] = 255
            lines.append((3, top, 93, top + 12))
    return ink, lines


def _upright_rules_at_100(ink: np.ndarray, lines: list) -> list:
    rules = find_rules(ink, unit=21.0, min_length=168, max_thickness=7, lines=lines)
    return [r.bbox for r in rules if not r.horizontal and r.bbox[0] >= 99 and r.bbox[2] <= 103]


def test_a_long_column_rule_with_the_next_column_s_text_tight_on_one_side_is_a_rule():
    found = _upright_rules_at_100(*_rule_beside_rows(600))
    assert any(y1 - y0 >= 590 for _, y0, _, y1 in found), found


def test_a_short_upright_stroke_with_text_tight_on_one_side_is_no_rule():
    # 12 units: as long as a photo's edge or a stroke of type may run
    assert not _upright_rules_at_100(*_rule_beside_rows(252))


def test_a_long_stroke_with_text_tight_on_one_side_and_none_beyond_the_other_is_no_rule():
    # a scan's shadowed edge beside a page's first column (the Czech news page's, 22 units)
    assert not _upright_rules_at_100(*_rule_beside_rows(600, left_column=False))
