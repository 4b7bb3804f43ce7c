"""A body line made headline-tall (brackets, a detector box run into the line above) between a
paragraph's short last line and the next paragraph's indented first: neither neighbour is a full
line it could continue, yet in letters of the body's size it is body text, not a one-line title
that starts an article of its own (recorded lines of random seeds 28 and 32). So is a bold subhead a
little bigger than the body between two lines of its column (seeds 853, 854)."""

from __future__ import annotations

from broadsheet.layout.lines import LineBox, split_by_size


def _lines(rows: list[tuple[tuple[int, int, int, int], float]]) -> list[LineBox]:
    return [LineBox(box, letters=letters) for box, letters in rows]


def _weighed(rows: list[tuple[tuple[int, int, int, int], float]], unit: float) -> list[LineBox]:
    """Lines by box and weight (ink over the body's: bold is 1.3 and more), letters as tall as the box
    (CJK type has no descenders)."""
    return [LineBox(box, weight=weight, letters=max(1.0, round((box[3] - box[1]) / unit, 2))) for box, weight in rows]


def test_a_tall_first_line_under_a_short_last_line_is_body():
    """Seed 28 (13 px): `ACTION: Notice of`, indented, 23 px tall, under `Interior.`."""
    lines = _lines([((307, 1234, 511, 1247), 0.942), ((307, 1254, 378, 1267), 0.942),
                    ((324, 1265, 514, 1288), 1.0), ((306, 1298, 420, 1308), 1.0),
                    ((325, 1315, 512, 1328), 1.0), ((306, 1339, 512, 1349), 1.0)])
    heads, body = split_by_size(lines, 13.0, [])
    assert heads == [] and len(body) == 6


def test_a_tall_last_line_over_an_indented_first_line_is_body():
    """Seed 32 (16 px): `Agency (EPA).`, its brackets 1.25 body heights tall, a paragraph's last
    line; the line above it is cut in two at a wide word space."""
    lines = _lines([((96, 779, 322, 796), 1.0), ((70, 809, 143, 821), 1.0), ((69, 830, 221, 850), 1.062),
                    ((96, 855, 323, 872), 1.062), ((69, 880, 151, 897), 1.062)])
    heads, body = split_by_size(lines, 16.0, [])
    assert heads == [] and len(body) == 5


def test_a_title_a_size_up_over_an_indented_paragraph_stays_a_headline():
    """Letters a size up in plain type are no body line, wherever they stand."""
    lines = _lines([((307, 1234, 511, 1247), 1.0), ((307, 1254, 378, 1267), 1.0),
                    ((310, 1272, 500, 1290), 1.3), ((324, 1298, 512, 1308), 1.0),
                    ((306, 1315, 512, 1328), 1.0)])
    heads, _ = split_by_size(lines, 13.0, [])
    assert [h.bbox for h in heads] == [(310, 1272, 500, 1290)]


def test_a_bold_subhead_a_size_up_between_lines_of_its_column_is_body():
    """Seed 853 (13 px, kai body): `科技赋能增动力`, bold sans at 1.05 em, measures 1.23 body heights,
    1.2 under the paragraph's last line and 0.8 over the next one's indented first: an in-column
    subhead, left for `text_blocks` to find, not a one-line title starting an article of its own."""
    lines = _weighed([((52, 1115, 240, 1128), 1.06), ((52, 1138, 206, 1151), 1.13), ((80, 1166, 188, 1182), 2.36),
                      ((82, 1193, 240, 1205), 0.99), ((54, 1215, 240, 1228), 0.98)], 13.0)
    heads, body = split_by_size(lines, 13.0, [])
    assert heads == [] and len(body) == 5


def test_a_two_line_bold_subhead_between_lines_of_its_column_is_body():
    """Seed 854 (13 px): `培育龙头，延长茶 / 叶加工产业链条`, two lines each 1.23 body heights."""
    lines = _weighed([((298, 1069, 353, 1082), 0.95), ((336, 1100, 450, 1116), 2.05), ((344, 1126, 441, 1142), 2.27),
                      ((329, 1154, 486, 1167), 1.02), ((298, 1175, 486, 1188), 1.0)], 13.0)
    heads, body = split_by_size(lines, 13.0, [])
    assert heads == [] and len(body) == 5


def test_a_centred_subhead_over_a_short_last_line_it_does_not_reach_is_body():
    """Seed 943 (13 px, kai body): `打好基础求长远`, centred, under the paragraph's last line `务。`,
    which ends 5 px short of the subhead's left edge: that line is the text above it all the same."""
    lines = _weighed([((228, 1652, 394, 1666), 0.68), ((229, 1677, 252, 1691), 0.77), ((257, 1708, 371, 1724), 2.31),
                      ((258, 1736, 388, 1749), 0.94), ((228, 1761, 393, 1774), 0.96)], 13.0)
    heads, body = split_by_size(lines, 13.0, [])
    assert heads == [] and len(body) == 5


def test_a_short_line_of_the_column_to_the_left_is_no_text_above_a_head():
    """The same head with the short line a column's width to the left (another column's last line)
    has no text of its own column above it: it stays a headline."""
    lines = _weighed([((100, 1677, 123, 1691), 0.77), ((257, 1708, 371, 1724), 2.31),
                      ((258, 1736, 388, 1749), 0.94), ((228, 1761, 393, 1774), 0.96)], 13.0)
    assert [h.bbox for h in split_by_size(lines, 13.0, [])[0]] == [(257, 1708, 371, 1724)]


def test_a_subhead_over_a_paragraph_indented_two_wide_characters_is_body():
    """Seed 881 (13 px, kai body): `冷链物流拓市场` over `本报讯 记者黄思`, which opens indented 33 px,
    2.54 body heights: two characters of a face that fills less of its em than the body height."""
    lines = _weighed([((394, 1906, 545, 1920), 1.05), ((424, 1935, 540, 1951), 2.58),
                      ((427, 1961, 549, 1974), 1.08), ((395, 1983, 549, 1997), 0.96)], 13.0)
    heads, body = split_by_size(lines, 13.0, [])
    assert heads == [] and len(body) == 4


def test_a_subhead_whose_second_line_measures_body_size_is_body():
    """Seed 853 (13 px): `培育龙头，延长茶 / 叶加工产业链条`, the first line 1.23 body heights, the
    second 1.15 (body-size, bold) and shorter than the first: the column's edge is the next line's."""
    lines = _weighed([((864, 1671, 1034, 1683), 0.91), ((863, 1693, 945, 1706), 0.98), ((892, 1721, 1015, 1737), 2.04),
                      ((892, 1745, 1000, 1760), 2.23), ((892, 1771, 1033, 1783), 0.95),
                      ((864, 1793, 1034, 1806), 1.14)], 13.0)
    heads, body = split_by_size(lines, 13.0, [])
    assert heads == [] and len(body) == 6


def test_a_head_over_the_text_it_heads_keeps_its_deck_space():
    """A bold title a size up 1.4 body heights over the text (a deck's space), not at body spacing,
    stays a headline; so does one in plain or letter-spaced type between two lines of a column
    (Der Nordstern's `Zur Orientfrage.`, weight 0.54), and one under a bold line (a deck's title)."""
    far = _weighed([((52, 1115, 240, 1128), 1.0), ((52, 1138, 206, 1151), 1.0), ((80, 1166, 188, 1182), 2.36),
                    ((82, 1200, 240, 1212), 1.0), ((54, 1222, 240, 1235), 1.0)], 13.0)
    assert [h.bbox for h in split_by_size(far, 13.0, [])[0]] == [(80, 1166, 188, 1182)]
    plain = _weighed([((788, 2275, 1038, 2290), 1.02), ((847, 2311, 1038, 2335), 0.54),
                      ((789, 2343, 1095, 2358), 0.99), ((789, 2366, 1095, 2381), 1.0)], 15.0)
    assert [h.bbox for h in split_by_size(plain, 15.0, [])[0]] == [(847, 2311, 1038, 2335)]
    under_bold = _weighed([((52, 1138, 206, 1151), 1.9), ((80, 1166, 188, 1182), 2.36),
                           ((82, 1193, 240, 1205), 0.99), ((54, 1215, 240, 1228), 0.98)], 13.0)
    assert [h.bbox for h in split_by_size(under_bold, 13.0, [])[0]] == [(80, 1166, 188, 1182)]


def test_a_body_line_boxed_into_the_row_above_is_body_however_tall():
    """Seed 928 (38 px): `贡献。”`, a paragraph's last line whose box runs into the line above, 2.28
    body heights tall, its ink pieces clipped (letters 0.33 of the body's): body, not a title."""
    lines = [LineBox(box, letters=letters) for box, letters in (
        ((620, 499, 772, 517), 1.0), ((619, 525, 771, 543), 1.0), ((620, 538, 685, 579), 0.33),
        ((658, 577, 772, 595), 1.0), ((620, 603, 771, 621), 1.0))]
    heads, body = split_by_size(lines, 18.0, [])
    assert heads == [] and len(body) == 5
    lines[2].letters = 2.28  # big letters in such a box: a headline
    assert [h.bbox for h in split_by_size(lines, 18.0, [])[0]] == [(620, 538, 685, 579)]


def test_a_deck_row_with_short_letters_beside_a_column_stays_in_its_deck():
    """Seed 242 (46 px): the subtitle row `30万亩` between two rows of its deck, on the row of a body
    line across the gutter; its digits measure its letters 1.21 of the body's, yet it is no word cut
    from that line."""
    deck = [((128, 424, 237, 449), 1.32), ((128, 459, 237, 484), 1.28), ((140, 494, 224, 519), 1.21),
            ((128, 528, 237, 554), 1.37), ((140, 563, 225, 588), 1.32)]
    column = [(299, 436, 473, 455), (297, 468, 460, 487), (297, 500, 473, 519), (298, 532, 473, 551),
              (298, 564, 473, 582), (297, 596, 473, 615)]
    lines = [LineBox(box, letters=letters) for box, letters in deck] + [LineBox(box) for box in column]
    heads, _ = split_by_size(lines, 19.0, [])
    assert sorted(h.bbox for h in heads) == sorted(box for box, _ in deck)


def test_a_title_line_boxed_into_the_line_above_stays_in_its_title():
    """Seed 268 (9 px): a title's last line whose box took in the foot of the line above (2.5 body
    heights, letters 0.64) stands on the row of a body line four body heights away across the
    gutter: clipped letters make no word cut from that line."""
    title = [LineBox((384, 1139, 484, 1162), letters=1.64), LineBox((384, 1170, 483, 1194), letters=1.71),
             LineBox((385, 1202, 484, 1224), letters=1.57), LineBox((396, 1222, 471, 1257), letters=0.64)]
    column = [LineBox(box) for box in ((206, 1191, 340, 1205), (206, 1215, 340, 1229), (207, 1238, 340, 1252))]
    heads, _ = split_by_size(title + column, 14.0, [])
    assert sorted(h.bbox for h in heads) == sorted(l.bbox for l in title)


def test_a_line_boxed_two_rows_tall_inside_its_column_is_body():
    """Seed 1016 (15 px): `早、中、晚三餐，还为行动` boxed 1.8 body heights tall, its letters the
    body's, between two lines of its column at body spacing: it was a title heading the column's
    foot (a false headline and an article of its own). Letters a size up stay a headline there."""
    def rows(letters: float) -> list[LineBox]:
        return _lines([((54, 501, 240, 515), 1.0), ((51, 523, 241, 537), 1.0), ((52, 544, 240, 559), 1.0),
                       ((53, 554, 241, 581), letters), ((53, 588, 242, 603), 1.0), ((52, 609, 73, 625), 1.0)])

    heads, body = split_by_size(rows(1.0), 15.0, [])
    assert heads == [] and len(body) == 6
    heads, _ = split_by_size(rows(1.6), 15.0, [])
    assert [h.bbox for h in heads] == [(53, 554, 241, 581)]


def _kolonie_notice(letters: float) -> list[LineBox]:
    """Kolonie 1863's `Quartier` notices (27 px Fraktur set solid, recorded working-scale lines): every
    box runs into its neighbours, 1.2-1.9 body heights tall, letters measured 1.25-1.35. The box of
    `21. Quartier …` (50 px, `letters`) stands over the paragraph's short last line
    `Nothwendigen …` and the next paragraph's indented first, `Subdelegacie …`."""
    return _lines([((118, 239, 1334, 286), 1.349), ((101, 264, 270, 294), 1.349), ((120, 284, 1334, 332), 1.253),
                   ((102, 308, 1103, 352), 1.253), ((120, 330, 1333, 380), letters),
                   ((102, 365, 527, 381), 1.0), ((150, 376, 937, 410), 1.253)])


def test_a_line_of_a_notice_set_solid_is_body_among_boxes_as_tall():
    """The 50 px box was a title (a pixel over `MAX_TALL_BODY` at unit 27, its letters over
    `ROW_WORD_LETTERS` of the page's body): an article of its own split Kolonie's notice. Its letters
    are those of the column's boxes above and below; its paragraph's last line stops short under it."""
    heads, body = split_by_size(_kolonie_notice(1.349), 27.0, [])
    assert (120, 330, 1333, 380) not in [h.bbox for h in heads]


def test_letters_a_size_over_a_solid_column_stay_a_headline():
    """Letters half as big again as the column's boxes around it are a title's, however its neighbours measure."""
    heads, _ = split_by_size(_kolonie_notice(2.0), 27.0, [])
    assert (120, 330, 1333, 380) in [h.bbox for h in heads]


def test_a_tall_first_line_under_its_paragraph_s_short_last_line_alone_is_body():
    """Seed 1498 (12 px, recorded at unit 11): `SUMMARY: The FHWA is`, indented, its box run into
    `89835.` above (1.82 body heights, letters the body's). The only line at body spacing above it
    is that short last line; the full line over it stands too far up. It was a title, a false
    headline splitting its notice."""
    lines = _lines([((50, 630, 301, 641), 1.0), ((50, 647, 302, 659), 1.091), ((50, 664, 100, 676), 1.091),
                    ((70, 674, 302, 694), 1.091), ((50, 701, 301, 712), 1.0), ((50, 718, 301, 729), 1.0)])
    heads, body = split_by_size(lines, 11.0, [])
    assert heads == [] and len(body) == 6


def test_a_tall_line_under_a_row_cut_at_a_wide_word_space_is_body():
    """Seed 1471 (28 px, recorded at unit 16): `comments by July 12,` (1.25 body heights) under the
    justified row `receive your    written` boxed as two pieces, over the short last line `2010.`:
    neither piece spans it. It was a title starting an article of its own."""
    lines = _lines([((75, 1569, 349, 1582), 0.825), ((75, 1596, 236, 1608), 1.0), ((271, 1596, 349, 1608), 1.0),
                    ((75, 1618, 347, 1638), 1.079), ((76, 1644, 134, 1662), 1.079),
                    ((104, 1671, 351, 1688), 1.016)])
    heads, body = split_by_size(lines, 16.0, [])
    assert heads == [] and len(body) == 6


def test_a_title_a_size_up_under_a_short_last_line_stays_a_headline():
    """Letters a size up under a paragraph's short last line are a title's, however close."""
    lines = _lines([((50, 647, 302, 659), 1.0), ((50, 664, 100, 676), 1.0), ((70, 674, 302, 694), 1.5),
                    ((50, 701, 301, 712), 1.0), ((50, 718, 301, 729), 1.0)])
    assert [h.bbox for h in split_by_size(lines, 11.0, [])[0]] == [(70, 674, 302, 694)]


def test_a_short_last_line_boxed_into_both_rows_over_an_indented_first_line_is_body():
    """Seed 1461 (14 px bilevel, recorded at unit 13): `246, Wells, Nevada 89835.`, its box run into
    the rows above and below (2.23 body heights, letters 0.81), a paragraph's last line over the next
    paragraph's indented first, `DATES: To ensure …`, which runs past it. It was a title."""
    lines = _lines([((725, 822, 1035, 850), 0.154), ((725, 849, 1035, 863), 1.077), ((725, 860, 944, 889), 0.808),
                    ((748, 888, 1034, 902), 1.077), ((725, 910, 1036, 921), 0.981)])
    heads, body = split_by_size(lines, 13.0, [])
    assert heads == [] and len(body) == 5
