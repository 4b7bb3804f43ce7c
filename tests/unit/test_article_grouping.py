"""Which headline owns which text: hand-built layouts (the geometry of random pages that went wrong,
`benchmarks/random_pages.py --only-seed K`), assembled without OCR."""

from __future__ import annotations

from broadsheet.layout import PageLayout
from broadsheet.model import Line, Region, RegionType, TextDirection, union_bbox
from broadsheet.postprocess.articles import rule_between
from broadsheet.postprocess.assemble import assemble

UNIT = 25  # body line height, px
PITCH = 38  # body line pitch
SENTENCE = "市城管局有关负责人表示环境卫生整治离不开广大市民的参与和支持"


def _column(region_id: str, x0: int, x1: int, top: int, rows: int, first: int = 0) -> Region:
    """A column of body lines; the first is indented two characters, like a paragraph's start."""
    lines = []
    for k in range(rows):
        y = top + k * PITCH
        start = x0 + (2 * UNIT if k == 0 else 0)
        text = SENTENCE[(first + k) % 8:][:8] + ("。" if k == rows - 1 else "")
        lines.append(Line(text, (start, y, x1, y + UNIT), 0.99))
    return Region(region_id, RegionType.TEXT, union_bbox([l.bbox for l in lines]), lines)


def _one_line(region_id: str, kind: RegionType, text: str, box: tuple[int, int, int, int]) -> Region:
    return Region(region_id, kind, box, [Line(text, box, 0.99)])


def _rule(region_id: str, box: tuple[int, int, int, int]) -> Region:
    return Region(region_id, RegionType.SEPARATOR, box)


def test_vertical_headline_owns_the_unruled_columns_beside_it():
    """Random seed 8: a two-line vertical title beside four unruled columns, rules above and
    below. The title owns all four; the last separator being horizontal used to make
    `headline_spans` treat the title as horizontal, so each column became an untitled article."""
    title_lines = [Line("县域医共体让群", (170, 211, 226, 605), 0.99, TextDirection.VERTICAL_RL),
                   Line("众看病少跑路", (103, 211, 160, 540), 0.99, TextDirection.VERTICAL_RL)]
    title = Region("r1", RegionType.TITLE, union_bbox([l.bbox for l in title_lines]), title_lines)
    columns = [_column(f"r{2 + k}", x0, x0 + 194, 212, 14, first=k) for k, x0 in enumerate((269, 504, 740, 978))]
    layout = PageLayout((1250, 900), UNIT, headlines=[[title]], text_blocks=columns,
                        separators=[_rule("r9", (100, 190, 1170, 193)), _rule("r10", (100, 775, 1170, 778))])
    page = assemble(layout)
    assert [a.title for a in page.articles] == ["县域医共体让群众看病少跑路"]
    owned = {r.id for r in page.regions if r.article == page.articles[0].id}
    assert {c.id for c in columns} <= owned


def _with_first_line(region: Region, text: str) -> Region:
    region.lines[0] = Line(text, (region.bbox[0] + 2 * UNIT, region.bbox[1], region.bbox[0] + 6 * UNIT,
                                  region.bbox[1] + UNIT), 0.99)
    return region


def test_a_jump_in_under_text_of_its_column_starts_an_article():
    """Random seed 35: under a two-column article's left column, past a short rule the scan lost,
    the left column goes on with `(上接第一版)`: the rest of an article from page one, not more of
    the headline's text. Right under a headline the same notice is the article's own."""
    title = _one_line("r1", RegionType.TITLE, "社区食堂开进居民家门口", (80, 300, 620, 360))
    left = _column("r2", 80, 330, 400, 12)
    right = _column("r3", 350, 620, 400, 12, first=3)
    jump = _with_first_line(_column("r4", 80, 330, 400 + 13 * PITCH + 3 * UNIT, 10, first=5), "(上接第一版)")
    layout = PageLayout((700, 1400), UNIT, headlines=[[title]], text_blocks=[left, right, jump])
    page = assemble(layout)
    assert [(a.title, a.continued_from) for a in page.articles] == [
        ("社区食堂开进居民家门口", None), (None, "上接第一版")]

    under_title = _with_first_line(_column("r2", 80, 330, 400, 12), "(上接第一版)")
    layout = PageLayout((700, 1400), UNIT, headlines=[[title]],
                        text_blocks=[under_title, _column("r3", 350, 620, 400, 12)])
    page = assemble(layout)
    assert [(a.title, a.continued_from) for a in page.articles] == [("社区食堂开进居民家门口", "上接第一版")]


def test_notices_run_on_into_the_columns_beside_their_heading():
    """Random small seed 1 (a notices page): a heading over the first column only, its text running
    on at the top of the next columns with no rule between, reads as one article; with a column
    rule between, the columns beside stay an article of their own."""
    heading = _one_line("r1", RegionType.TITLE, "Proposed Settlement", (80, 200, 330, 300))
    first = _column("r2", 80, 330, 320, 14)
    beside = [_column("r3", 350, 600, 205, 17, first=2), _column("r4", 620, 870, 205, 17, first=4)]
    layout = PageLayout((900, 900), UNIT, headlines=[[heading]], text_blocks=[first, *beside])
    page = assemble(layout)
    assert [a.title for a in page.articles] == ["Proposed Settlement"]
    assert {r.article for r in page.regions if r.type == RegionType.TEXT} == {page.articles[0].id}

    ruled = PageLayout((900, 900), UNIT, headlines=[[heading]], text_blocks=[first, *beside],
                       separators=[_rule("r5", (338, 200, 341, 860))])
    assert [a.title for a in assemble(ruled).articles] == ["Proposed Settlement", None]


def test_untitled_columns_stay_one_article_whatever_block_comes_first():
    """Random small seed 11: an untitled three-column article under a rule whose first column opens
    with a notice line set apart: the notice started a group of its own, the next columns another,
    and the first column's text, near both, joined only the first."""
    notice = _one_line("r1", RegionType.TEXT, "(上接第二版)", (110, 400, 210, 425))
    columns = [_column("r2", 100, 330, 440, 8), _column("r3", 355, 585, 400, 9, first=2),
               _column("r4", 610, 840, 400, 9, first=4)]
    layout = PageLayout((900, 800), UNIT, text_blocks=[notice, *columns],
                        separators=[_rule("r5", (100, 380, 840, 383))])
    page = assemble(layout)
    assert len(page.articles) == 1 and page.articles[0].continued_from == "上接第二版"


def _in_column_head(head: list[Region], above: list[Region] | None = None, rules: bool = False,
                    title_height: int = 60) -> PageLayout:
    """An article's title over its one column (100-340), the column cut by `head` (a title group's
    regions and the body-size subhead line under it) with text of the same measure below."""
    title = _one_line("r1", RegionType.TITLE, "本周后期将有一次明显降温过程", (100, 100, 340, 100 + title_height))
    upper = _column("r2", 100, 340, 120 + title_height, 6)
    top, bottom = min(r.bbox[1] for r in head), max(r.bbox[3] for r in head)
    lower = _column("r9", 100, 340, bottom + 15, 6, first=3)
    separators = [_rule("r10", (100, top - 8, 340, top - 6))] if rules else []
    return PageLayout((500, 900), UNIT, headlines=[[title], [head[0]]],
                      text_blocks=[upper, *(above or []), *head[1:], lower], separators=separators)


def test_a_title_a_size_up_inside_an_articles_column_is_its_subhead():
    """Random seed 19: inside a boxed item, `健全机制强保障` (bold sans a size up, 1.24 body heights
    against a Kai body) stands between paragraphs of the item's one column, under the item's
    title: a subhead, not the title of a new article. Under a rule it is a title again."""
    top = 180 + 5 * PITCH + UNIT + 25

    def head() -> list[Region]:  # assemble retypes the regions it is given
        return [_one_line("r3", RegionType.TITLE, "健全机制强保障", (140, top, 300, top + 31))]

    page = assemble(_in_column_head(head()))
    assert [(a.title, [s.text for s in a.subheads]) for a in page.articles] == [
        ("本周后期将有一次明显降温过程", ["健全机制强保障"])]
    assert len(page.articles[0].paragraphs) == 2
    assert [a.title for a in assemble(_in_column_head(head(), rules=True)).articles] == [
        "本周后期将有一次明显降温过程", "健全机制强保障"]


def test_a_two_line_subhead_a_size_up_stays_one_subhead():
    """Random seed 19: `培育龙头，延长茶 / 叶加工产业链条`, a subhead too long for its column: the
    full first line measured as headline type, the shorter second as a body-size bold heading.
    One subhead of the article above, not a new article titled by the first line."""
    top = 180 + 5 * PITCH + UNIT + 25
    head = [_one_line("r3", RegionType.TITLE, "培育龙头延长茶", (105, top, 335, top + 31)),
            _one_line("r4", RegionType.SUBHEAD, "叶加工产业链条", (105, top + 40, 300, top + 66))]
    page = assemble(_in_column_head(head))
    assert [(a.title, [s.text for s in a.subheads]) for a in page.articles] == [
        ("本周后期将有一次明显降温过程", ["培育龙头延长茶叶加工产业链条"])]


def _subheads(layout: PageLayout) -> list[tuple[str | None, list[str]]]:
    return [(a.title, [s.text for s in a.subheads]) for a in assemble(layout).articles]


def test_a_subhead_over_a_one_line_indented_block_or_under_a_paragraphs_last_line():
    """Random seeds 850, 328: the text under a subhead opens a paragraph indented two characters
    and was cut off as a block of its one line, so its left edge missed the column's measure;
    seed 881: right above `健全机制强保障` stands only a paragraph's last line (`元。`), flush left
    and far narrower than the column. Both heads are subheads of the article, not titles."""
    top = 180 + 5 * PITCH + UNIT + 25
    head = [_one_line("r3", RegionType.TITLE, "创新机制提效能", (140, top, 300, top + 31))]
    layout = _in_column_head(head)
    lower = layout.text_blocks[-1]
    layout.text_blocks[-1] = _one_line("r9", RegionType.TEXT, "本报讯记者李婷报道",
                                       (100 + 2 * UNIT, lower.bbox[1], 340, lower.bbox[1] + UNIT))
    assert _subheads(layout) == [("本周后期将有一次明显降温过程", ["创新机制提效能"])]

    widow = _one_line("r4", RegionType.TEXT, "元。", (100, top - 32, 125, top - 7))
    head = [_one_line("r3", RegionType.TITLE, "健全机制强保障", (140, top + 6, 300, top + 37))]
    layout = _in_column_head(head, above=[widow])
    layout.text_blocks[0] = _column("r2", 100, 340, 160, 4)  # the column's text ends a line higher
    assert _subheads(layout) == [("本周后期将有一次明显降温过程", ["健全机制强保障"])]


def test_a_subhead_heading_a_column_of_its_article():
    """Random seed 881: `守住底线保安全` opens the last column of a wide article, level with the
    article's text in the column beside it, under the article's title: the text runs on from
    that column's foot to the top of the next, so the head is the article's subhead. Under a rule
    it is a title again."""
    title = _one_line("r1", RegionType.TITLE, "智慧养老服务平台上线运行", (100, 100, 580, 160))
    left = _column("r2", 100, 340, 180, 12)
    lower = _column("r4", 360, 600, 180 + 31 + 15, 11, first=3)

    def layout(rules: bool) -> PageLayout:
        head = _one_line("r3", RegionType.TITLE, "守住底线保安全", (400, 180, 560, 211))
        separators = [_rule("r10", (360, 172, 600, 174))] if rules else []
        return PageLayout((700, 900), UNIT, headlines=[[title], [head]], text_blocks=[left, lower],
                          separators=separators)

    assert _subheads(layout(False)) == [("智慧养老服务平台上线运行", ["守住底线保安全"])]
    assert [t for t, _ in _subheads(layout(True))] == ["智慧养老服务平台上线运行", "守住底线保安全"]


def test_a_subhead_barely_a_size_up_from_its_titles_lines():
    """Random seeds 853, 854 (10-13 px body): the article's title lines measure 19-20 px to the
    subhead's 16, 1.2 times; the subhead between paragraphs of its column is still a subhead."""
    top = 180 + 5 * PITCH + UNIT + 25
    head = [_one_line("r3", RegionType.TITLE, "政企携手谋发展", (140, top, 300, top + 31))]
    assert _subheads(_in_column_head(head, title_height=37)) == [
        ("本周后期将有一次明显降温过程", ["政企携手谋发展"])]


def test_item_heads_in_a_column_stay_titles():
    """Der Nordstern's short items follow one another down a column, each under a head a size up:
    `Feuer.` ends with a full stop (a subhead does not); `Unter den fehlgeschlagenen /
    Hoffnungen` has only its own first line right above its second, not text of the column's
    measure. Národní listy's advertisement `Nábytek`, display type 3 body heights tall, under a
    bigger one's column, is no subhead set a size up either. All stay titles of items of their own."""
    top = 180 + 5 * PITCH + UNIT + 25
    feuer = [_one_line("r3", RegionType.TITLE, "Feuer.", (190, top, 250, top + 31))]
    assert [a.title for a in assemble(_in_column_head(feuer)).articles] == [
        "本周后期将有一次明显降温过程", "Feuer."]

    top += 2 * UNIT
    first = _one_line("r4", RegionType.TEXT, "Unter den fehlgeschlagenen", (150, top - 32, 290, top - 6))
    hoffnungen = [_one_line("r3", RegionType.TITLE, "Hoffnungen", (170, top, 270, top + 31))]
    titles = [a.title for a in assemble(_in_column_head(hoffnungen, above=[first])).articles]
    assert titles[0] == "本周后期将有一次明显降温过程" and len(titles) == 2

    top = 120 + 100 + 5 * PITCH + UNIT + 25
    nabytek = [_one_line("r3", RegionType.TITLE, "Nábytek", (150, top, 290, top + 75))]
    titles = [a.title for a in assemble(_in_column_head(nabytek, title_height=100)).articles]
    assert titles == ["本周后期将有一次明显降温过程", "Nábytek"]


def test_a_framed_advertisement_is_one_item_read_top_to_bottom():
    """Národní listy's boxed advertisements (czech_ads): inside a frame, the display lines under
    the ad's title (a goods line, the firm's name) and its deck set among the body lines are read
    in place, as one item, top to bottom; the centred lines start no columns. Before, each display
    line started an article of its own, and the deck was read before the lines above it."""
    def line(region_id: str, kind: RegionType, text: str, x0: int, x1: int, y: int) -> Region:
        return _one_line(region_id, kind, text, (x0, y, x1, y + UNIT))

    title = line("r1", RegionType.TITLE, "Hromosvody", 200, 400, 120)
    deck = line("r2", RegionType.SUBTITLE, "dokonalé soustavy", 150, 450, 260)
    goods = line("r3", RegionType.TITLE, "telefony, telegrafy", 120, 480, 320)
    firm = line("r4", RegionType.TITLE, "Deckerta Homolka", 140, 460, 420)
    first = line("r5", RegionType.TEXT, "se zárukou solidního", 160, 440, 200)
    offer = line("r6", RegionType.TEXT, "nabízejí", 260, 340, 370)
    address = line("r7", RegionType.TEXT, "v Praze, Staré město", 170, 430, 470)
    layout = PageLayout((700, 700), UNIT, headlines=[[title, deck], [goods], [firm]],
                        text_blocks=[first, offer, address], frames=[(100, 100, 500, 520)])
    page = assemble(layout)
    assert [a.title for a in page.articles] == ["Hromosvody"]
    read = [r.lines[0].text for r in page.regions if r.lines]
    assert read == ["Hromosvody", "se zárukou solidního", "dokonalé soustavy", "telefony, telegrafy", "nabízejí",
                    "Deckerta Homolka", "v Praze, Staré město"]


def test_a_jump_is_an_article_of_its_own_across_its_columns():
    """Random seed 323: a jump (`(上接第二版)`, no headline) fills the page's top row over four
    columns set 1.9 em apart, wider than untitled text is grouped by nearness: one article, not
    one a column. Seed 242: a jump in the column beside a titled article, level with its title,
    is no more of that article's text (it was run on into it)."""
    gutter = 60  # 2.4 body heights
    jump = _with_first_line(_column("r1", 80, 330, 300, 12), "(上接第二版)")
    beside = [_column(f"r{2 + k}", x0, x0 + 250, 300, 12, first=k + 1)
              for k, x0 in enumerate((330 + gutter, 640 + gutter))]
    page = assemble(PageLayout((1100, 900), UNIT, text_blocks=[jump, *beside]))
    assert [(a.title, a.continued_from) for a in page.articles] == [(None, "上接第二版")]

    title = _one_line("r1", RegionType.TITLE, "我市启动农村危房改造工程", (80, 300, 600, 360))
    columns = [_column("r2", 80, 330, 400, 12), _column("r3", 350, 600, 400, 12, first=3)]
    jump = _with_first_line(_column("r4", 600 + gutter, 850 + gutter, 300, 14, first=5), "(上接第二版)")
    page = assemble(PageLayout((1100, 900), UNIT, headlines=[[title]], text_blocks=[*columns, jump]))
    assert [(a.title, a.continued_from) for a in page.articles] == [
        ("我市启动农村危房改造工程", None), (None, "上接第二版")]


def test_two_jumps_side_by_side_stay_two_articles():
    """Random seed 189: two jumps, the second (its notice set flush right) starting a column to
    the right of the first's last column, half way down it, the gutter narrow enough to group
    untitled text by nearness: the two were one article."""
    first = [_with_first_line(_column("r1", 80, 330, 100, 14), "(上接第三版)"), _column("r2", 350, 600, 100, 14, first=2)]
    notice = _one_line("r3", RegionType.TEXT, "(上接第三版)", (770, 400, 870, 425))
    second = [_column("r4", 620, 870, 440, 14, first=3), _column("r5", 890, 1140, 400, 15, first=4)]
    page = assemble(PageLayout((1200, 1100), UNIT, text_blocks=[*first, notice, *second]))
    articles = {r.id: r.article for r in page.regions}
    assert [a.continued_from for a in page.articles] == ["上接第三版", "上接第三版"]
    assert articles["r1"] == articles["r2"] != articles["r4"] == articles["r5"]


def _latin_column(region_id: str, x0: int, x1: int, top: int, rows: int, indent: bool, last: str) -> Region:
    """Justified lines of a Latin column: the first indented or not, the last `last`."""
    lines = [Line("und die neuen Bänke am Domplatz laden", (x0 + (40 if indent and k == 0 else 0), top + k * PITCH,
                                                         x1, top + k * PITCH + UNIT), 0.99)
             for k in range(rows - 1)]
    y = top + (rows - 1) * PITCH
    lines.append(Line(last, (x0, y, x0 + (x1 - x0) // 2, y + UNIT), 0.99))
    return Region(region_id, RegionType.TEXT, union_bbox([l.bbox for l in lines]), lines)


def test_untitled_columns_join_where_the_text_runs_on():
    """Random seeds 245 and 326 (Fraktur, heads in the body face not found): an article's columns,
    1.9 em apart, were each an untitled article. A column that ends mid-sentence goes on at the
    top of the next; so does one whose next column opens with a full line, not indented. A
    column ending a sentence beside one opening a paragraph stays apart."""
    def page(last: str, indent: bool):
        left = _latin_column("r1", 80, 330, 300, 12, True, last)
        right = _latin_column("r2", 390, 640, 300, 12, indent, "Ende.")
        return assemble(PageLayout((800, 900), UNIT, text_blocks=[left, right]))

    assert len(page("Markttag am Domplatz wie", indent=True).articles) == 1
    assert len(page("Markttag am Domplatz.", indent=False).articles) == 1
    assert len(page("Markttag am Domplatz.", indent=True).articles) == 2


def test_text_under_two_titles_of_a_row_goes_to_the_one_centred_over_it():
    """Random seed 329: a one-column article's two-line title beside a four-column article's
    one-line title, centred over its columns and not over its first: that first column lies in
    both titles' spans, and went to the left one, whose foot is lower. It goes to the title centred
    over it, whose article it is. Seed 258: the same between a wide title and a narrow two-line one
    to its right, the wide one's last column nearer the narrow title's box."""
    left_title = _one_line("r1", RegionType.TITLE, "夜间公交线路增至12条", (100, 100, 310, 220))
    right_title = _one_line("r2", RegionType.TITLE, "全县夏粮收购进度过半", (480, 100, 1010, 160))
    columns = [_column(f"r{3 + k}", x0, x0 + 250, 240, 10, first=k) for k, x0 in enumerate((80, 350, 620, 890))]
    page = assemble(PageLayout((1200, 700), UNIT, headlines=[[left_title], [right_title]], text_blocks=columns))
    owners = {r.id: r.article for r in page.regions if r.type == RegionType.TEXT}
    titles = {a.id: a.title for a in page.articles}
    assert [titles[owners[c.id]] for c in columns] == ["夜间公交线路增至12条"] + ["全县夏粮收购进度过半"] * 3

    wide_title = _one_line("r1", RegionType.TITLE, "城区新增公共自行车站点60个", (400, 100, 820, 140))
    narrow_title = _one_line("r2", RegionType.TITLE, "全市中考体育考试顺利结束", (1180, 100, 1390, 200))
    columns = [_column(f"r{3 + k}", x0, x0 + 250, 240, 10, first=k)
               for k, x0 in enumerate((80, 350, 620, 890, 1160))]
    page = assemble(PageLayout((1500, 700), UNIT, headlines=[[wide_title], [narrow_title]], text_blocks=columns))
    owners = {r.id: r.article for r in page.regions if r.type == RegionType.TEXT}
    titles = {a.id: a.title for a in page.articles}
    assert [titles[owners[c.id]] for c in columns] == ["城区新增公共自行车站点60个"] * 4 + ["全市中考体育考试顺利结束"]


def test_a_caption_beside_a_title_bounds_its_span():
    """Random seed 311: a one-column article runs on down its column past its photo; the caption
    stands level with the title of the wide article beside, whose span reached over that column, so
    the column's foot under the caption was read into the wide article. A caption bounds a title's
    span as the text and photos beside it do."""
    narrow_title = _one_line("r1", RegionType.TITLE, "滨江夜市点亮城市夜经济", (900, 100, 1130, 160))
    upper = _column("r2", 890, 1140, 180, 8)
    photo = Region("r3", RegionType.PHOTO, (890, 500, 1140, 690))
    caption = [Line("5月16日晚，演员在开幕式上表演舞蹈。", (890, 700, 1140, 725), 0.99),
               Line("李想 摄", (1040, 735, 1140, 760), 0.99)]
    lower = _column("r4", 890, 1140, 800, 10, first=3)
    lower.lines[0:0] = caption
    lower.bbox = union_bbox([l.bbox for l in lower.lines])
    wide_title = _one_line("r5", RegionType.TITLE, "老城区雨污分流改造年内完工", (300, 720, 660, 780))
    columns = [_column(f"r{6 + k}", x0, x0 + 250, 800, 10, first=k) for k, x0 in enumerate((80, 350, 620))]
    page = assemble(PageLayout((1250, 1300), UNIT, headlines=[[narrow_title], [wide_title]],
                               text_blocks=[upper, lower, *columns], photos=[photo]))
    titles = {a.id: a.title for a in page.articles}
    assert page.photos[0].credit == "李想 摄"
    assert titles[next(r.article for r in page.regions if r.id == "r4")] == "滨江夜市点亮城市夜经济"


def test_untitled_text_runs_on_past_its_photo():
    """Random seeds 245 and 274 (Fraktur, heads in the body face): a one-column article whose
    photo stands in the middle of its column, the caption under it. Its text above the photo and
    below the caption were two untitled articles (the head not found, or found over the upper
    part only), the photo a third item; they are one article with its photo."""
    upper = _latin_column("r1", 80, 330, 100, 8, True, "und die neuen Bänke am Domplatz laden")
    photo = Region("r2", RegionType.PHOTO, (80, 420, 330, 600))
    caption = [Line("Die neuen Bänke am Domplatz laden zum Verweilen ein.", (80, 610, 330, 635), 0.99),
               Line("Foto: Max Muster", (200, 645, 330, 670), 0.99)]
    lower = _latin_column("r3", 80, 330, 700, 8, False, "Ende.")
    lower.lines[0:0] = caption
    lower.bbox = union_bbox([l.bbox for l in lower.lines])
    page = assemble(PageLayout((500, 1100), UNIT, text_blocks=[upper, lower], photos=[photo]))
    assert len(page.articles) == 1 and page.articles[0].photos == [page.photos[0].id]
    assert page.photos[0].credit == "Foto: Max Muster"


def test_a_column_beside_a_one_column_head_runs_on_over_the_articles_wide_photo():
    """Random seeds 897, 915, 308 (Latin notices): the head stands over the article's first column
    only, the second column starts level with it, and the article's photo spans both columns
    further down, its caption under it (seed 267: set beside the photo, in the second column).
    The second column is the article's text running on; measured to the photo's edge it was too
    far left of the article's right edge to run on, and was an untitled article of its own."""
    title = _one_line("r1", RegionType.TITLE, "Environmental Impact", (80, 100, 330, 160))
    left = _latin_column("r2", 80, 330, 180, 8, True, "of the")
    right = _latin_column("r3", 350, 600, 100, 10, False, "use.")
    photo = Region("r4", RegionType.PHOTO, (80, 500, 600, 700))
    caption = _one_line("r5", RegionType.TEXT, "Crews resurface State Route 30 near the ranger station.",
                        (80, 710, 600, 735))
    page = assemble(PageLayout((700, 800), UNIT, headlines=[[title]], text_blocks=[left, right, caption],
                               photos=[photo]))
    assert [a.title for a in page.articles] == ["Environmental Impact"]
    assert page.articles[0].photos == [page.photos[0].id]


def test_a_photo_over_the_head_tops_its_article():
    """Random seeds 319, 284 (Latin notices): the article's photo stands over its first column,
    the caption under it, then the head and the column's text; the second column starts level
    with the photo. The photo was a photo of no article (no head over it) and the second column
    an untitled article; both are the article's."""
    photo = Region("r1", RegionType.PHOTO, (80, 100, 330, 300))
    caption = _one_line("r2", RegionType.TEXT, "Crews resurface State Route 30.", (80, 310, 330, 335))
    title = _one_line("r3", RegionType.TITLE, "Resource Advisory Council", (80, 360, 330, 420))
    left = _latin_column("r4", 80, 330, 440, 8, True, "of the")
    right = _latin_column("r5", 350, 600, 100, 14, False, "use.")
    page = assemble(PageLayout((700, 800), UNIT, headlines=[[title]], text_blocks=[caption, left, right],
                               photos=[photo]))
    assert [a.title for a in page.articles] == ["Resource Advisory Council"]
    assert page.articles[0].photos == [page.photos[0].id] and page.photos[0].caption


def test_columns_beside_a_head_under_a_wide_photo_run_on_though_the_last_starts_higher():
    """Random seed 888: a photo over the article's first three columns, its caption under it, then
    the head over the first column; the second and third columns start level with the head, the
    fourth runs from the photo's top beside it. The three columns right of the head, grouped by
    nearness, were measured from the fourth's top, level with no row of the article, and stayed an
    untitled article; they start where the second does, and run on from the head's column."""
    photo = Region("r1", RegionType.PHOTO, (80, 100, 860, 400))
    caption = _one_line("r2", RegionType.TEXT, "Das neue Löschfahrzeug der Feuerwehr.", (80, 410, 600, 435))
    title = _one_line("r3", RegionType.TITLE, "Markttag am Domplatz", (80, 460, 300, 490))
    left = _latin_column("r4", 80, 330, 510, 8, True, "in der")
    columns = [_latin_column(f"r{5 + k}", x0, x0 + 250, 460, 9, False, "aus; die") for k, x0 in enumerate((350, 610))]
    last = _latin_column("r7", 880, 1130, 100, 18, False, "will.")
    page = assemble(PageLayout((1200, 900), UNIT, headlines=[[title]],
                               text_blocks=[caption, left, *columns, last], photos=[photo]))
    assert [a.title for a in page.articles] == ["Markttag am Domplatz"]
    assert page.articles[0].photos == [page.photos[0].id]


def test_subheads_inside_a_jump_stay_subheads():
    """Random seeds 943, 889, 1003, 862: a jump (`(上接第一版)`, no headline over it) runs over three
    columns; its second column is cut by `打好基础求长远` (a size up, set close over its text) and
    its third opens with `聚焦民生补短板`, level with the notice. With no headline above them they
    were taken for new articles' titles, each with the text under it; they are the jump's
    subheads. A title beside a jump whose last column ends short of its foot, or one set off from
    its text as titles are, starts an article of its own."""
    def layout(below: int = 10, short: bool = False) -> PageLayout:
        jump = _with_first_line(_column("r1", 80, 330, 300, 16), "(上接第一版)")
        middle = _column("r2", 350, 600, 300, 8, first=1)
        cut = _one_line("r3", RegionType.TITLE, "打好基础求长远", (390, 620, 560, 651))
        under = _column("r4", 350, 600, 661, 3 if short else 7, first=2)
        opening = _one_line("r5", RegionType.TITLE, "聚焦民生补短板", (660, 300, 830, 331))
        last = _column("r6", 620, 870, 331 + below, 16, first=3)
        return PageLayout((1000, 1000), UNIT, headlines=[[cut], [opening]],
                          text_blocks=[jump, middle, under, last])

    assert _subheads(layout()) == [(None, ["打好基础求长远", "聚焦民生补短板"])]
    page = assemble(layout())
    assert page.articles[0].continued_from == "上接第一版"

    for apart in (_subheads(layout(below=40)), _subheads(layout(short=True))):  # a title's blank; the jump's end
        assert [t for t, _ in apart] == [None, "聚焦民生补短板"] and apart[0][1] == ["打好基础求长远"]


def test_a_subhead_opening_the_column_beside_a_body_type_head_stays_a_subhead():
    """Random seeds 993, 998, 1019 (Latin notices, heads set in body type): `Costs and Schedule`,
    centred over the second column of a notice, stands level with the notice's head over its
    first. Headings in body type that no headline owns become titles, so it was a new article's
    with the column under it; set in from its column's edge as subheads are, beside a head set
    flush with its text, it is the notice's subhead and its column the notice's text running on.
    A head set flush beside another (two one-column items side by side) stays a title."""
    def layout(inset: int) -> PageLayout:
        head = Region("r1", RegionType.SUBHEAD, (80, 100, 330, 160),
                      [Line("DEPARTMENT OF THE INTERIOR", (80, 100, 330, 125), 0.99),
                       Line("Proposed Settlement", (80, 135, 300, 160), 0.99)])
        left = _latin_column("r2", 80, 330, 180, 12, True, "of the")
        beside = _one_line("r3", RegionType.SUBHEAD, "Costs and Schedule", (350 + inset, 100, 580 - inset, 125))
        right = _latin_column("r4", 350, 600, 145, 10, False, "use.")
        return PageLayout((700, 700), UNIT, text_blocks=[head, left, beside, right])

    assert _subheads(layout(inset=40)) == [("DEPARTMENT OF THE INTERIOR Proposed Settlement", ["Costs and Schedule"])]
    assert [t for t, _ in _subheads(layout(inset=0))] == ["DEPARTMENT OF THE INTERIOR Proposed Settlement",
                                                          "Costs and Schedule"]


def test_a_word_left_of_a_lost_row_is_read_in_its_column():
    """Random seed 1071 (justified Latin type at 19 px): of the row `Absperrungen vor ihren` the
    detector kept only `ihren`, flush right in its column between two body lines; boxed tall, it
    was taken for a title, which headed nothing and was an article of its own. A headline that
    heads no text is read as the text it stands in, on its row."""
    title = _one_line("r1", RegionType.TITLE, "Schneller ins Rhein-Main-Gebiet", (80, 100, 600, 150))
    column = _latin_column("r2", 80, 600, 180, 10, True, "sammeln.")
    del column.lines[4]  # the row the detector lost, but for its last word
    word = _one_line("r3", RegionType.TITLE, "ihren", (530, 180 + 4 * PITCH - 3, 600, 180 + 4 * PITCH + UNIT + 3))
    page = assemble(PageLayout((700, 700), UNIT, headlines=[[title], [word]], text_blocks=[column]))
    assert [a.title for a in page.articles] == ["Schneller ins Rhein-Main-Gebiet"]
    assert "laden ihren und die" in " ".join(page.articles[0].paragraphs)


def test_a_vertical_titles_character_boxed_apart_joins_it():
    """Random seed 1086: a vertical title's first character `全` was boxed apart from its line, a
    headline of its own that headed nothing (its line's text stands beside and below it, owned by
    the line), so the page had an article `全`. It reads as the title's, where it stands."""
    line = Line("市中小学启动暑", (1000, 240, 1060, 700), 0.99, TextDirection.VERTICAL_RL)
    title = Region("r1", RegionType.TITLE, line.bbox, [line])
    first = Region("r2", RegionType.TITLE, (1002, 180, 1058, 236),
                   [Line("全", (1002, 180, 1058, 236), 0.99, TextDirection.VERTICAL_RL)])
    columns = [_column(f"r{3 + k}", x0, x0 + 194, 240, 12, first=k) for k, x0 in enumerate((560, 790))]
    page = assemble(PageLayout((1200, 900), UNIT, headlines=[[title], [first]], text_blocks=columns))
    assert [a.title for a in page.articles] == ["全市中小学启动暑"]


def test_a_rule_over_a_vertical_title_bounds_its_article():
    """Random seeds 1050, 1096: a vertical title at its article's side, under a rule as wide as the
    article, level with the lower half of the article to its left. Nothing on its row bounded its
    span (a vertical title's own text stands beside it), so it took the left article's columns
    under its top; the rule over it tops its article and bounds it."""
    left_title = _one_line("r1", RegionType.TITLE, "智慧养老服务平台上线运行", (80, 100, 500, 150))
    # each left column in two blocks, the lower under the vertical title's top (paragraphs apart)
    left = [_column(f"r{2 + k}", x0, x0 + 200, top, 8, first=k)
            for k, (x0, top) in enumerate(((80, 180), (300, 180), (80, 500), (300, 500)))]
    line = Line("村村都有快递服务站", (850, 420, 890, 760), 0.99, TextDirection.VERTICAL_RL)
    title = Region("r6", RegionType.TITLE, line.bbox, [line])
    right = [_column(f"r{7 + k}", x0, x0 + 150, 420, 12, first=k) for k, x0 in enumerate((520, 690))]
    layout = PageLayout((1000, 1000), UNIT, headlines=[[left_title], [title]], text_blocks=left + right,
                        separators=[_rule("r9", (520, 398, 900, 401))])
    page = assemble(layout)
    owners = {r.id: r.article for r in page.regions}
    titles = {a.id: a.title for a in page.articles}
    assert {titles[owners[c.id]] for c in left} == {"智慧养老服务平台上线运行"}
    assert {titles[owners[c.id]] for c in right} == {"村村都有快递服务站"}


def test_a_subhead_under_a_photo_set_in_its_notices_text_stays_a_subhead():
    """Random seed 993 (Latin notices, heads in body type): `Background` stands under the caption
    of a photo set in the notice's column, the notice's text right over the photo (2.7 body heights
    up), no rule between. With no text right above it, it was taken for a new item's head, and the
    column under it became an article of its own. A head in body type under a rule, or under a
    photo with no text right over it (a photo heading its column), is an item's title."""
    def layout(photo_top: int, rule: bool = False) -> PageLayout:
        head = _one_line("r1", RegionType.SUBHEAD, "DEPARTMENT OF THE INTERIOR", (80, 100, 330, 125))
        upper = _latin_column("r2", 80, 330, 145, 6, True, "of the refuge.")  # to y 360
        photo = Region("r3", RegionType.PHOTO, (80, photo_top, 330, 620))
        caption = _one_line("r4", RegionType.TEXT, "The Ruby Lake marsh at sunrise.", (80, 630, 330, 655))
        subhead = _one_line("r5", RegionType.SUBHEAD, "Background", (160, 690, 250, 715))
        lower = _latin_column("r6", 80, 330, 735, 8, True, "Ende.")
        rules = [_rule("r7", (80, 670, 330, 673))] if rule else []
        return PageLayout((500, 1100), UNIT, text_blocks=[head, upper, caption, subhead, lower], photos=[photo],
                          separators=rules)

    assert _subheads(layout(420)) == [("DEPARTMENT OF THE INTERIOR", ["Background"])]
    for apart in (layout(420, rule=True), layout(480)):
        assert [t for t, _ in _subheads(apart)] == ["DEPARTMENT OF THE INTERIOR", "Background"]


def _lines_region(region_id: str, kind: RegionType, rows: list[tuple[str, tuple[int, int, int, int]]]) -> Region:
    lines = [Line(text, box, 0.99) for text, box in rows]
    return Region(region_id, kind, union_bbox([l.bbox for l in lines]), lines)


def test_a_column_rule_beside_a_heading_does_not_part_it_from_the_text_above():
    """The Czech news page (recorded boxes, body 24 px): at the foot of the left column a smudged
    body line, bold-looking, is typed a heading (`níž stojí „banka …`). The column's text ends right
    above it; both boxes reach 1 px into the box of the slanted column rule at their right, and the
    rule was taken for one between them, so the line became the title of an article of its own,
    read at the page's end. A rule down the column's edge parts nothing one over the other there."""
    upper = _lines_region("r2", RegionType.TEXT, [
        ("1886 dvě půjčky w obnosn 1,500.000 sl. na pětipro-", (95, 1760, 519, 1784)),
        ("centový úrok, usnesla se po příkladu jiných obcí, při", (97, 1782, 520, 1799)),
        ("nynějším nízkém stavu úroků, konvertovati tyto", (98, 1789, 520, 1820)),
        ("půjčky a vyjednávala proto s některými peněžními ústavy.", (97, 1805, 520, 1836)),
        ("mínky", (97, 1830, 139, 1844)),
        ("nejvýhodnější učinila v té příčině městská banka,", (156, 1824, 422, 1848))])
    heading = _lines_region("r6", RegionType.SUBHEAD, [
        ("níž stojí „banka pro země koruny české“ nabídla obci", (98, 1839, 520, 1864))])
    lower = _lines_region("r3", RegionType.TEXT, [
        ("svahů, že převezme konversi dluhopisů ve jmě-", (144, 1857, 519, 1881)),
        ("nu 100 zl. v kursu 96 zl. 47 kr.", (91, 1867, 520, 1892))])
    right = _column("r8", 527, 953, 1500, 10)
    rule = _rule("r13", (519, 73, 529, 1893))
    layout = PageLayout((1500, 2079), 24.0, text_blocks=[upper, heading, lower, right], separators=[rule])
    page = assemble(layout)
    owners = {r.id: r.article for r in page.regions}
    assert all(a.title is None or not a.title.startswith("níž") for a in page.articles)
    assert owners["r6"] == owners["r2"]


def test_a_rule_parts_boxes_along_their_gap_only():
    """`rule_between` on the Czech page's boxes: its column rule parts the left column from the
    right one beside it, and a rule across the column parts the text above it from the text below;
    the column rule beside two boxes one over the other parts nothing."""
    column_rule = _rule("r13", (519, 73, 529, 1893))
    across = _rule("r12", (90, 1849, 520, 1852))
    upper, heading, right = (90, 1515, 520, 1848), (98, 1839, 520, 1864), (527, 66, 953, 1891)
    assert not rule_between(upper, heading, [column_rule])
    assert rule_between(upper, right, [column_rule])
    assert rule_between(upper, (90, 1853, 520, 1900), [across])
    assert not rule_between(upper, right, [across])


def test_a_title_s_last_character_boxed_upright_over_it_joins_it():
    """Random seed 1309 (10 px, enlarged): a three-characters-a-row title under a rule over its
    narrow column; its last row `力` was boxed upright with the character over it (`新力`), a
    headline of its own reaching past the title's foot. With the rule over the title nothing
    above owned it, so it headed nothing and was an article `新力`. A piece whose box runs into a
    headline's is that headline's."""
    rows = [("老街区", (666, 1067, 738, 1091)), ("“微更", (676, 1091, 738, 1121)),
            ("新”焕", (665, 1117, 738, 1151)), ("发新活", (665, 1158, 739, 1181))]
    title = _lines_region("r1", RegionType.TITLE, rows)
    piece = Region("r2", RegionType.TITLE, (690, 1158, 712, 1212),
                   [Line("新力", (690, 1158, 712, 1212), 0.99, TextDirection.VERTICAL_RL)])
    above = _column("r3", 640, 770, 700, 8)
    below = _column("r4", 640, 770, 1230, 6)
    layout = PageLayout((1000, 1600), UNIT, headlines=[[title], [piece]], text_blocks=[above, below],
                        separators=[_rule("r5", (638, 1049, 769, 1052))])
    page = assemble(layout)
    assert [a.title for a in page.articles if a.title] == ["老街区“微更新”焕发新活新力"]


def test_a_jump_misread_at_small_type_still_runs_on_across_its_columns():
    """Random seed 1290 (11 px): a jump's notice read `(上描第二酸)`, past the notice pattern; its
    three columns, set 1.9 em apart, were an untitled article each (by boxes 0.89). Within two
    edits of a notice, at the top of its block, it opens a jump as `(上接第二版)` does."""
    gutter = 60  # 2.4 body heights
    jump = _with_first_line(_column("r1", 80, 330, 300, 12), "(上描第二酸)")
    beside = [_column(f"r{2 + k}", x0, x0 + 250, 300, 12, first=k + 1)
              for k, x0 in enumerate((330 + gutter, 640 + gutter))]
    page = assemble(PageLayout((1100, 900), UNIT, text_blocks=[jump, *beside]))
    assert len(page.articles) == 1
    assert {r.article for r in page.regions} == {page.articles[0].id}


def test_a_jump_misread_beside_a_one_column_head_is_no_run_on_of_its_article():
    """Random seed 2295 (8.2 px, bilevel): a one-column head over its text, and beside it, level
    with the head, an untitled jump opening `（上接第三版）` read `1上接果三)`: three edits from a
    notice, so the jump's two columns ran on into the head's article (article 0.40 by boxes). Its
    jump word read whole at a notice's length, it opens a jump and starts an article of its own."""
    title = _one_line("r1", RegionType.TITLE, "雁湖湿地公园迎来观鸟高峰", (100, 100, 300, 160))
    left = _column("r2", 80, 330, 180, 12)
    jump = _with_first_line(_column("r3", 390, 640, 100, 14, first=1), "1上接果三)")
    right = _column("r4", 700, 950, 100, 14, first=2)
    page = assemble(PageLayout((1050, 800), UNIT, headlines=[[title]], text_blocks=[left, jump, right]))
    assert len(page.articles) == 2
    owner = {r.id: r.article for r in page.regions}
    assert owner["r2"] != owner["r3"] == owner["r4"]


def test_a_subhead_heading_a_column_beside_a_paragraphs_last_line():
    """Random seed 1395 (11.8 px): `政企携手谋发展` opens a column of a wide article, level with the
    last line of a paragraph in the column beside (`者等重点人群签约率达到82%。`), which goes on
    under a subhead of its own (`打好基础求长远`). That column runs on past the head's text as one
    block does (seed 881), so the head is the article's subhead, not a new article's title."""
    title = _one_line("r1", RegionType.TITLE, "智慧养老服务平台上线运行", (100, 100, 580, 160))
    widow = _one_line("r2", RegionType.TEXT, "者等重点人群签约。", (100, 180, 300, 205))
    subhead = _one_line("r5", RegionType.SUBHEAD, "打好基础求长远", (140, 220, 300, 245))
    left = _column("r6", 100, 340, 260, 10)
    head = _one_line("r3", RegionType.TITLE, "政企携手谋发展", (400, 180, 560, 211))
    lower = _column("r4", 360, 600, 180 + 31 + 15, 11, first=3)
    layout = PageLayout((700, 900), UNIT, headlines=[[title], [head]], text_blocks=[widow, subhead, left, lower])
    assert _subheads(layout) == [("智慧养老服务平台上线运行", ["打好基础求长远", "政企携手谋发展"])]


def test_a_photo_topping_the_column_beside_a_one_column_head_goes_on_with_its_article():
    """Random seeds 1267, 1345 (48-64 px): the head stands over the article's first column only,
    and the article's photo tops the second column, level with the head, its caption under it and
    the article's text under that. The photo was a photo of no article and the text under it an
    untitled article (by boxes 0.93); both are the head's article's."""
    title = _one_line("r1", RegionType.TITLE, "Neues Löschfahrzeug", (80, 100, 330, 160))
    left = _latin_column("r2", 80, 330, 180, 14, True, "unter freiem Himmel,")
    photo = Region("r3", RegionType.PHOTO, (350, 100, 600, 300))
    caption = _one_line("r4", RegionType.TEXT, "Schülerinnen und Schüler. Foto: Anna Berg", (350, 310, 600, 335))
    right = _latin_column("r5", 350, 600, 360, 8, False, "müssen.")
    page = assemble(PageLayout((700, 800), UNIT, headlines=[[title]], text_blocks=[left, caption, right],
                               photos=[photo]))
    assert [a.title for a in page.articles] == ["Neues Löschfahrzeug"]
    assert page.articles[0].photos == [page.photos[0].id]
    assert {r.article for r in page.regions if r.type == RegionType.TEXT} == {page.articles[0].id}


def test_a_photo_topping_the_column_beside_a_jump_goes_on_with_the_jump():
    """Random seed 1957 (16 px): a jump (`（上接第一版）`) fills a column from the page's top; the photo
    of its article tops the next column, level with the notice, its caption under it and the jump's
    text under that. The photo was a photo of no article and the text under it an untitled article
    (article 0.91); a jump's notice heads its text as a head does, and both are the jump's."""
    jump = _with_first_line(_column("r1", 80, 330, 100, 12), "（上接第一版）")
    photo = Region("r2", RegionType.PHOTO, (390, 100, 640, 250))  # a gutter of 2.4 body heights
    caption = _one_line("r3", RegionType.TEXT, "6月10日，龙舟邀请赛在城南湖区举行。本报记者 郑一帆 摄",
                        (390, 260, 640, 285))
    right = _column("r4", 390, 640, 300, 8, first=3)
    page = assemble(PageLayout((700, 800), UNIT, text_blocks=[jump, caption, right], photos=[photo]))
    assert len(page.articles) == 1
    assert page.articles[0].photos == [page.photos[0].id]
    assert {r.article for r in page.regions if r.type == RegionType.TEXT} == {page.articles[0].id}


def test_a_two_line_subhead_opening_a_column_of_a_misread_jump_stays_a_subhead():
    """Random seed 1393 (11 px): a jump whose notice was read `上接第一级` fills two columns from the
    page's top; `培育龙头，延长茶 / 叶加工产业链条` opens the third, level with the notice, its short
    second line boxed as a body-size heading. The notice was not taken for a jump, and the head,
    measured to its first line only, stood too far over the text to be a subhead: a title of an
    article of its own. It is the jump's subhead."""
    jump = _with_first_line(_column("r1", 80, 330, 300, 12), "上接第一级")  # gutters 1.6 body heights
    beside = _column("r2", 370, 620, 300, 12, first=1)
    head = _one_line("r3", RegionType.TITLE, "培育龙头延长茶", (690, 300, 830, 325))
    rest = _one_line("r4", RegionType.SUBHEAD, "叶加工产业链条", (695, 330, 820, 355))
    lower = _column("r5", 660, 910, 365, 10, first=2)
    page = assemble(PageLayout((1100, 900), UNIT, headlines=[[head]], text_blocks=[jump, beside, rest, lower]))
    assert [(a.title, [s.text for s in a.subheads]) for a in page.articles] == [
        (None, ["培育龙头延长茶叶加工产业链条"])]
