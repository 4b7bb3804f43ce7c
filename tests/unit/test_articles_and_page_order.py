"""Which headline owns a block, and the order of the page's items, on hand-built regions with real
pages' geometry (the Evening Star 1920 in working-page pixels, body unit 26 px; fixture page_j)."""

from __future__ import annotations

from broadsheet.model import Line, Photo, Region, RegionType
from broadsheet.postprocess.articles import Headline, headline_spans, owner, promote_headings
from broadsheet.postprocess.assemble import _column_order, _Item, _over_photo, _over_photo_headed, _page_order

UNIT = 26.0


def _region(kind: RegionType, box: tuple[int, int, int, int]) -> Region:
    return Region(f"r{box}", kind, box, lines=[Line("x", box, 1.0)])


def _owner_of(box: tuple[int, int, int, int], horizontal_rule: tuple[int, int, int, int]):
    """The owner of `box` among the Star's `ROOT SAYS …` headline alone, beside its column rule."""
    title = _region(RegionType.TITLE, (57, 440, 440, 722))
    rules = [Region("s1", RegionType.SEPARATOR, horizontal_rule),
             Region("s2", RegionType.SEPARATOR, (448, 437, 454, 1634))]
    heads = headline_spans([[title]], rules, [], (35, 3300), UNIT)
    return owner(box, heads, rules, UNIT), heads[0]


def test_a_rule_over_a_headline_does_not_part_it_from_its_text():
    # `ROOT SAYS G.O.P. IS SURE TO FIND LEAGUE SOLUTION`: a thin rule runs along the top of the
    # headline's box; the body under the headline's foot was taken for an untitled article and
    # read some 40 paragraphs after its headline
    found, head = _owner_of((51, 772, 441, 893), (61, 442, 340, 444))
    assert found is head


def test_a_rule_under_a_headline_still_ends_its_reach():
    found, head = _owner_of((51, 772, 441, 893), (40, 1500, 440, 1503))
    assert found is head
    assert _owner_of((51, 1530, 441, 1700), (40, 1500, 440, 1503))[0] is None


# --- the order of items on the page -----------------------------------------------------------

def _item(name: str, box: tuple[int, int, int, int]) -> _Item:
    return _Item(None, [Region(name, RegionType.TEXT, box, lines=[Line(name, box, 1.0)])])


def _rule(x: int, y0: int, y1: int) -> Region:
    return Region(f"s{x}.{y0}", RegionType.SEPARATOR, (x, y0, x + 6, y1))


def _order(items: list[_Item], rules: list[Region]) -> list[str]:
    return [item.blocks[0].id for item in _page_order(items, rules, UNIT)]


def test_a_page_in_ruled_columns_is_read_column_by_column():
    # the Star's left half: column rules run on past where one article ends and the next begins;
    # read by tops, SMALL LOANS LAW (column 2, second) came after every column's first article
    items = [_item("root", (41, 441, 450, 4243)), _item("crownprince", (458, 440, 849, 1345)),
             _item("small loans", (451, 1355, 853, 3433)), _item("today", (454, 3447, 855, 4247)),
             _item("heroic", (840, 454, 1257, 4247)), _item("cartoon", (1300, 480, 2400, 1300)),
             _item("venizelos", (1262, 1559, 1652, 4245)), _item("holidays", (1661, 1559, 2052, 1974)),
             _item("new may", (1661, 1986, 2052, 4245)), _item("p.o.", (2064, 1559, 2456, 4245))]
    rules = [_rule(448, 437, 1634), _rule(447, 1639, 4247), _rule(851, 436, 3498), _rule(1253, 434, 2957),
             _rule(1654, 1547, 3546), _rule(2057, 1551, 2108), _rule(2057, 2148, 3337)]
    assert _order(items, rules) == ["root", "crownprince", "small loans", "today", "heroic", "cartoon",
                                    "venizelos", "holidays", "new may", "p.o."]


def test_boxed_items_each_with_a_rule_of_its_height_are_read_row_by_row():
    # page_j's notices: the rules beside them end where they end, so the page is not set in columns
    items = [_item("a1", (51, 190, 433, 1044)), _item("a2", (445, 185, 1220, 722)),
             _item("a3", (448, 758, 828, 1202)), _item("a4", (843, 756, 1225, 1590)),
             _item("a5", (56, 1081, 438, 1593)), _item("a6", (452, 1238, 832, 1590))]
    rules = [_rule(436, 188, 722), _rule(439, 759, 1202), _rule(833, 756, 1590), _rule(442, 1239, 1590)]
    assert _order(items, rules) == ["a1", "a2", "a3", "a4", "a5", "a6"]


def test_a_boxed_item_s_frame_is_not_a_column_rule():
    # random seed 9 (unit 14): the frame around the left article stands 1-1.5 lines off its text and
    # runs past where the right column's two articles meet; the page is still read by rows
    items = [_item("photo", (58, 123, 213, 362)), _item("boxed", (62, 420, 209, 1125)),
             _item("right top", (244, 126, 611, 620)), _item("right below", (244, 654, 611, 1112))]
    rules = [Region("frame", RegionType.SEPARATOR, (219, 407, 223, 1146))]
    assert [item.blocks[0].id for item in _page_order(items, rules, 14.0)] == [
        "photo", "right top", "boxed", "right below"]


def _block(name: str, box: tuple[int, int, int, int], lines: int) -> Region:
    return Region(name, RegionType.TEXT, box, lines=[Line(name, box, 1.0) for _ in range(lines)])


def test_a_centred_line_in_body_type_starts_no_column_of_its_own():
    # SMALL LOANS LAW's column on the Star: `MOBS STOP JUBILEE.`, centred, starts 1.5 lines right of
    # the column; taken for a column's start, it drew the blocks above it into that column and left
    # its own item's text (`Anti-Christians in Tokio Twice …`) to be read first
    item = _Item(None, [_block("deck", (457, 1593, 842, 1714), 3), _block("body", (455, 1733, 851, 3075), 50),
                        _block("mobs", (493, 3105, 808, 3133), 1), _block("tokio", (453, 3157, 843, 3430), 10)])
    assert [b.id for _, b in _column_order(item, UNIT)] == ["deck", "body", "mobs", "tokio"]


def test_lines_set_flush_right_in_a_box_start_no_column_of_their_own():
    # Národní listy's notice of death (ads page, input pixels, unit 14): its lines are centred,
    # indented or set flush right, each a block of its own; `Tělesná schránka …`, indented under a
    # full line and ending at its right edge, started a column, read after the box's left-hand lines
    # (`hodině dopolední …` came before the line it ends)
    item = _Item(None, [_block("zemrela", (655, 471, 1147, 485), 1), _block("v26", (654, 482, 883, 498), 1),
                        _block("telesna", (706, 492, 1147, 511), 1), _block("hodine", (655, 506, 1147, 525), 1),
                        _block("olsanskem", (655, 522, 774, 538), 1)])
    assert [b.id for _, b in _column_order(item, 14.0)] == ["zemrela", "v26", "telesna", "hodine", "olsanskem"]


def test_text_runs_on_under_a_photo_across_the_whole_article_in_its_own_column():
    # random seed 119 (459 dpi, unit 49): a photo over both of an article's columns, halfway down;
    # each column's text runs on under it (`…会工作制度。昌吉州` / `住房公积金管理中心…`). Read in
    # bands, the text above the photo came first, and three paragraphs were glued at the wrong joints
    photo = Region("photo", RegionType.PHOTO, (661, 8253, 1635, 8720))
    item = _Item(None, [_block("left above", (676, 7099, 1148, 8149), 13),
                        _block("right above", (1188, 7110, 1663, 8162), 13),
                        _block("left below", (626, 8865, 1105, 10170), 16),
                        _block("right below", (1144, 8878, 1618, 10007), 14)],
                 [(photo, Photo("p1", photo.bbox), None)])
    assert [b.id for _, b in _column_order(item, 49.0)] == ["left above", "left below", "right above", "right below"]


# --- a bare heading opening the column beside a headline's text ------------------------------------

Box = tuple[int, int, int, int]


def _lined(kind: RegionType, box: Box, lines: list[tuple[str, Box]]) -> Region:
    return Region(f"r{box}", kind, box, lines=[Line(text, line_box, 1.0) for text, line_box in lines])


def test_a_subhead_opening_the_column_beside_a_headline_s_text_stays_a_subhead():
    # random seed 1474 (8 px Latin, working pixels, unit 13): `Kosten und Zeitplan`, set in over the
    # second column, level with `Neues Löschfahrzeug` over the first, whose text runs on past it; it
    # was made a title, an article of its own. `Markttag am Domplatz`, flush over its own text across a
    # column rule, is a notice's head still.
    unit = 13.0
    title = _lined(RegionType.TITLE, (80, 209, 302, 231), [("Neues Löschfahrzeug", (80, 209, 302, 231))])
    subhead = _lined(RegionType.SUBHEAD, (390, 210, 515, 246),
                     [("Kosten und", (390, 210, 515, 225)), ("Zeitplan", (390, 231, 481, 246))])
    notice = _lined(RegionType.SUBHEAD, (899, 210, 1136, 225), [("Markttag am Domplatz", (899, 210, 1136, 225))])
    texts = [_lined(RegionType.TEXT, box, [(text, box)]) for text, box in (
        ("Die Veranstalter suchen", (80, 258, 319, 542)), ("In den Jahren nach", (353, 255, 592, 598)),
        ("Steine schleppten und", (626, 210, 864, 245)), ("Pendler dürfen auf", (626, 282, 864, 606)),
        ("Zum Jubiläum", (899, 237, 1137, 542)))]
    rules = [Region(f"s{i}", RegionType.SEPARATOR, box) for i, box in enumerate(
        ((80, 165, 1140, 173), (79, 620, 594, 626), (626, 620, 1141, 626), (879, 207, 885, 546)))]
    blocks = texts + [subhead, notice]
    heads = headline_spans([[title]], rules, [b.bbox for b in blocks], (79, 1141), unit)
    promoted = promote_headings(blocks, heads, rules, unit)
    assert subhead.type == RegionType.SUBHEAD
    assert promoted == [notice]


def test_a_subhead_opening_the_column_after_a_notice_s_two_columns_stays_a_subhead():
    # random seed 1375 (working pixels, unit 16): the notice `DEPARTMENT OF THE INTERIOR / Resource
    # Advisory Council Meeting` fills its column and the next from level with its head; `Costs and
    # Schedule`, set in over the third, level with the head, goes on with it (was a title)
    unit = 16.0
    notice = _lined(RegionType.SUBHEAD, (365, 804, 630, 895), [
        ("DEPARTMENT OF THE", (365, 804, 630, 820)), ("INTERIOR", (365, 829, 485, 845)),
        ("Resource Advisory", (365, 855, 577, 870)), ("Council Meeting", (365, 879, 554, 895))])
    subhead = _lined(RegionType.SUBHEAD, (993, 805, 1231, 821), [("Costs and Schedule", (993, 805, 1231, 821))])
    texts = [_lined(RegionType.TEXT, box, [(text, box)]) for text, box in (
        ("AGENCY: Environmental", (364, 913, 651, 1357)), ("INFORMATION: The par-", (664, 804, 955, 1374)),
        ("The proposed action", (969, 832, 1257, 1352)), ("existing", (1271, 804, 1558, 896)),
        ("SUMMARY: The Forest", (1271, 941, 1558, 1360)))]
    rules = [Region(f"s{i}", RegionType.SEPARATOR, box) for i, box in enumerate(
        ((365, 780, 1560, 783), (356, 802, 358, 1379)))]
    promoted = promote_headings(texts + [notice, subhead], [], rules, unit)
    assert subhead.type == RegionType.SUBHEAD
    assert promoted == [notice]


def test_untitled_text_under_a_caption_set_beside_its_photo_goes_on_with_the_text_over_the_caption():
    # random seed 1351 (working pixels, unit 17): the Ruby Lake photo in the notice's second column,
    # its caption beside it in the third, under the notice's `SUMMARY: The FHWA …`; the text under
    # the caption (`Route 305 between Battle Mountain …`) was an untitled article of its own
    photo = Region("photo", RegionType.PHOTO, (731, 531, 1046, 680))
    caption = Region("caption", RegionType.CAPTION, (1067, 534, 1381, 636))
    notice = _Item(None, [Region("summary", RegionType.TEXT, (1062, 253, 1381, 498))])
    below = Region("route 305", RegionType.TEXT, (1068, 700, 1382, 1026))
    found = _over_photo(below, [notice], [(photo, Photo("p2", photo.bbox), caption)], [], [], 17.0)
    assert found is not None and found[0] is notice


def test_untitled_text_over_a_photo_goes_with_the_head_under_that_photo():
    # random seed 1250 (working pixels, unit 16): a notice's head `DEPARTMENT OF THE INTERIOR …` stands
    # under the Ruby Lake photo (over its two columns) and caption; its second column's text starts
    # over the photo, under the rule topping the notice (`issuing this notice to advise …`), and was
    # an untitled article of its own
    head_region = _lined(RegionType.TITLE, (98, 2233, 407, 2471), [("DEPARTMENT OF THE", (98, 2233, 407, 2260))])
    photo = Region("photo", RegionType.PHOTO, (97, 1714, 778, 2157))
    caption = Region("caption", RegionType.CAPTION, (100, 2168, 779, 2212))
    notice = _Item(Headline([head_region], head_region.bbox, (97, 779)),
                   [Region("summary", RegionType.TEXT, (134, 2489, 425, 2507))],
                   [(photo, Photo("p2", photo.bbox), caption)])
    above = _Item(None, [Region("issuing", RegionType.TEXT, (454, 1474, 779, 1680))])
    rules = [Region("s1", RegionType.SEPARATOR, (98, 1442, 780, 1449))]
    assert _over_photo_headed(above, [notice], rules, 16.0) is notice
    # text further up the column, a paragraph's worth over the photo, is not the head's
    higher = _Item(None, [Region("higher", RegionType.TEXT, (454, 1300, 779, 1500))])
    assert _over_photo_headed(higher, [notice], rules, 16.0) is None


def test_an_indented_row_parted_at_a_wide_space_starts_no_column_of_its_own():
    # Random seed 2875 (60.7 px serif, working pixels at 0.367): a paragraph's indented first row,
    # `DATES: To` | `ensure`, stood between a title and a photo, the paragraph running on under the
    # photo; boxed as two lines, the row counted as a column's start 1.5 units right of the column, so
    # it was read after the text under the photo (`… the adjoining Ruby DATES: To ensure Mountains`)
    row = Region("dates", RegionType.TEXT, (108, 1789, 392, 1808),
                 lines=[Line("DATES: To", (108, 1790, 269, 1808), 1.0), Line("ensure", (316, 1794, 392, 1807), 1.0)])
    item = _Item(None, [_block("under", (84, 2286, 400, 2617), 12), row,
                        _block("right", (431, 1519, 745, 1798), 9), _block("right under", (435, 2278, 751, 2614), 12)])
    assert [b.id for _, b in _column_order(item, 15.0)] == ["dates", "under", "right", "right under"]
