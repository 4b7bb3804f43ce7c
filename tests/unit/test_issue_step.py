"""The issue step on hand-built pages: folios read, pages ordered, jumps matched and articles joined,
and the jumps that must not be joined (two to one page, a page that is not there, a whole article)."""

from __future__ import annotations

import pytest

from broadsheet.issue.continuations import Jump, heads_match, parse_jump
from broadsheet.issue.folios import chinese_number, order_pages, page_number
from broadsheet.issue.step import ReadPage, build_issue
from broadsheet.model import Article, Line, Page, PageHeader, Region, RegionType, Subhead


@pytest.mark.parametrize("text, number", [
    ("第4版", 4), ("第四版", 4), ("第 2 版", 2), ("第十二版", 12), ("第二十一版", 21), ("A2", 2), ("B12版", 12),
    ("Page 2", 2), ("Seite 3", 3), ("2", 2), ("下转第四版", 4), ("转4版", 4), ("接1版", 1),
    ("Continued on Page 4", 4), ("Continued from Page A1", 1), ("See TROTSKY, Page 4", 4), ("Cont'd on P. 7", 7),
    ("2010年5月12日", None), ("Page", None), (None, None),
])
def test_page_numbers_of_folios_and_notices(text, number):
    assert page_number(text) == number


@pytest.mark.parametrize("text, number", [("四", 4), ("十", 10), ("十二", 12), ("二十", 20), ("一百零二", 102),
                                          ("一〇二", 102), ("１２", 12), ("四x", None)])
def test_chinese_numbers(text, number):
    assert chinese_number(text) == number


@pytest.mark.parametrize("text, jump", [
    ("下转第四版", Jump(False, 4, None, "下转第四版")),
    ("（转4版）", Jump(False, 4, None, "转4版")),
    ("上接第一版", Jump(True, 1, None, "上接第一版")),
    ("(接1版)", Jump(True, 1, None, "接1版")),
    ("Continued on Page 4", Jump(False, 4, None, "Continued on Page 4")),
    ("See TROTSKY, Page 4", Jump(False, 4, "TROTSKY", "See TROTSKY, Page 4")),
    ("Continued from Page 1", Jump(True, 1, None, "Continued from Page 1")),
    ("TROTSKY (Continued from Page 1)", Jump(True, 1, "TROTSKY", "Continued from Page 1")),
    ("春耕生产（上接第一版）", Jump(True, 1, "春耕生产", "上接第一版")),
    ("上接第一版的报道引起关注。", None),
    ("Trotsky (the exile)", None),
])
def test_jump_notices(text, jump):
    assert parse_jump(text) == jump


@pytest.mark.parametrize("a, b, same", [
    ("春耕生产有序推进", "春耕生产", True), ("春耕生产有序推进", "城市更新", False),
    ("TROTSKY", "Trotsky Exiled to Alma-Ata", True), ("SMITH", "Trotsky Exiled to Alma-Ata", False),
    (None, "春耕", None),
])
def test_heads_match(a, b, same):
    assert heads_match(a, b) is same


def test_folio_order_wins_and_each_disagreement_is_reported():
    order = order_pages(["p01.jpg", "p02.jpg", "p03.jpg", "p04.jpg"], [1, 2, 3, 4], ["第1版", "第2版", "第4版", "第3版"])
    assert order.by_folio and order.order == [0, 1, 3, 2] and order.numbers == [1, 2, 4, 3]
    assert order.warnings == ["p03.jpg: folio 第4版 (page 4), file order says page 3",
                              "p04.jpg: folio 第3版 (page 3), file order says page 4"]


def test_a_page_without_folio_keeps_the_file_order():
    order = order_pages(["p1.jpg", "p2.jpg", "p3.jpg"], [1, 2, 3], ["第2版", None, "第1版"])
    assert not order.by_folio and order.order == [0, 1, 2] and order.numbers == [1, 2, 3]
    assert order.warnings == ["p1.jpg: folio 第2版 (page 2), file order says page 1",
                              "p3.jpg: folio 第1版 (page 1), file order says page 3",
                              "pages kept in file order: no folio read on p2.jpg"]


def test_one_folio_on_two_pages_keeps_the_file_order():
    order = order_pages(["a.jpg", "b.jpg"], [1, 2], ["A1", "B1"])
    assert order.order == [0, 1] and order.warnings[-1] == "pages kept in file order: page 1 is the folio of a.jpg, b.jpg"


# --- the issue step on pages made by hand -----------------------------------------------------

def article(article_id: str, title: str | None, paragraphs: list[str], came: str | None = None,
            to: str | None = None, **fields) -> Article:
    return Article(article_id, (0, 0, 10, 10), title=title, paragraphs=paragraphs, continued_from=came,
                   continued_to=to, **fields)


def page(folio: str | None, *articles: Article, band: str = "") -> Page:
    lines = [Line(band, (0, 0, 10, 10), 1.0)] if band else []
    regions = [Region("r1", RegionType.MASTHEAD, (0, 0, 10, 10), lines)] if band else []
    header = PageHeader(paper="雁湖日报", folio=folio, date="2010年5月12日 星期三") if folio else None
    return Page(100, 100, header=header, articles=list(articles), regions=regions,
                reading_order=[a.id for a in articles])


def issue_of(*pages: Page):
    return build_issue("issue", [ReadPage(f"p{n}.jpg", n, f"p{n}", f"in/p{n}.jpg", 1, p)
                                 for n, p in enumerate(pages, start=1)])


def test_two_jumps_to_one_page_joined_by_their_heads():
    """A jump head picks its part; the other jump takes the part left, which has no head."""
    one = page("第1版",
               article("a1", "春耕生产有序推进", ["本报讯 今年以来，全市春耕", "另一段。"], to="下转第四版"),
               article("a2", "城市更新提速", ["老旧小区改造已经"], to="下转第四版"),
               article("a3", "一篇完整的报道", ["全文在此。"]), band="雁湖日报 第5123期")
    two = page("第2版", article("a1", "第二版的报道", ["与别版无关。"]))
    three = page("第3版")
    four = page("第4版",
                article("a1", None, ["开工建设。", "最后一段。"], came="上接第一版", subheads=[Subhead("小标题", 1)]),
                article("a2", "春耕生产", ["工作顺利推进。"], came="上接第一版"),
                article("a3", "第四版的报道", ["整篇。"]))
    issue = issue_of(one, two, three, four)
    assert [a.id for a in issue.articles] == ["j1", "j2", "p1_a3", "p2_a1", "p4_a3"]
    spring, city = issue.articles[:2]
    assert [(p.page, p.article) for p in spring.parts] == [(1, "a1"), (4, "a2")]
    assert spring.title == "春耕生产有序推进"  # the jump head is not repeated
    assert spring.paragraphs == ["本报讯 今年以来，全市春耕", "另一段。", "工作顺利推进。"]
    assert [(p.page, p.article) for p in city.parts] == [(1, "a2"), (4, "a1")]
    assert city.paragraphs == ["老旧小区改造已经开工建设。", "最后一段。"]  # cut mid-sentence: one paragraph
    assert city.subheads == [Subhead("小标题", 1)]
    assert city.continued_from is None and city.continued_to is None
    assert issue.facts.paper == "雁湖日报" and issue.facts.number == "第5123期"
    assert issue.warnings == []


def test_two_jumps_to_one_page_that_nothing_tells_apart_are_not_joined():
    one = page("第1版", article("a1", None, ["甲"], to="下转第二版"), article("a2", None, ["乙"], to="下转第二版"))
    two = page("第2版", article("a1", None, ["丙。"], came="上接第一版"), article("a2", None, ["丁。"], came="上接第一版"))
    issue = issue_of(one, two)
    assert not any(a.joined for a in issue.articles)
    assert [a.continued_to for a in issue.articles[:2]] == ["下转第二版", "下转第二版"]
    assert issue.warnings == ["page 1 a1: 下转第二版: more than one article there could continue it",
                              "page 1 a2: 下转第二版: more than one article there could continue it",
                              "page 2 a1: 上接第一版: no article there jumps here",
                              "page 2 a2: 上接第一版: no article there jumps here"]


def test_a_jump_to_a_page_not_in_the_issue_stays_one_page():
    issue = issue_of(page("第1版", article("a1", "标题", ["未完"], to="下转第八版")), page("第2版"))
    (only,) = issue.articles
    assert only.id == "p1_a1" and only.continued_to == "下转第八版" and not only.joined
    assert issue.warnings == ["page 1 a1: 下转第八版: no such page in the issue"]


def test_whole_articles_are_never_joined():
    """A jump to a page whose articles are all whole finds nothing; they stay as they are."""
    issue = issue_of(page("第1版", article("a1", "标题", ["未完"], to="下转第二版")),
                     page("第2版", article("a1", "另一篇", ["整篇。"])))
    assert [a.id for a in issue.articles] == ["p1_a1", "p2_a1"]
    assert issue.warnings == ["page 1 a1: 下转第二版: no article there continues it"]


def test_a_jump_head_naming_another_story_is_not_joined():
    issue = issue_of(page("Page 1", article("a1", "Trotsky Exiled to Alma-Ata", ["He left"], to="See TROTSKY, Page 2")),
                     page("Page 2", article("a1", "SMITH (Continued from Page 1)", ["the city."])))
    assert not any(a.joined for a in issue.articles)


def test_latin_parts_joined_with_the_page_joiners_rule():
    one = page("Page 1", article("a1", "Trotsky Exiled to Alma-Ata", ["The exile was an-"],
                                 to="See TROTSKY, Page 2", byline="By A. Reporter"))
    two = page("Page 2", article("a1", "TROTSKY (Continued from Page 1)", ["nounced today.", "More."]))
    (joined,) = issue_of(one, two).articles
    assert joined.parts[1].page == 2 and joined.title == "Trotsky Exiled to Alma-Ata"
    assert joined.paragraphs == ["The exile was announced today.", "More."]
    assert joined.byline == "By A. Reporter"


def test_pages_without_folios_resolve_jumps_by_file_place():
    issue = issue_of(page(None, article("a1", None, ["a sentence"], to="Continued on Page 2")),
                     page(None, article("a1", None, ["that goes on."], came="Continued from Page 1")))
    assert [p.folio_number for p in issue.pages] == [None, None]
    (joined,) = issue.articles
    assert joined.paragraphs == ["a sentence that goes on."]


def test_pages_in_folio_order_and_articles_in_issue_order():
    issue = issue_of(page("第2版", article("a1", "乙", ["二。"])), page("第1版", article("a1", "甲", ["一。"])))
    assert [(p.number, p.name, p.folio) for p in issue.pages] == [(1, "p2", "第1版"), (2, "p1", "第2版")]
    assert [a.id for a in issue.articles] == ["p1_a1", "p2_a1"] and issue.articles[0].title == "甲"
    assert issue.warnings[0] == "p1.jpg: folio 第2版 (page 2), file order says page 1"


def test_a_notice_left_at_a_paragraphs_end_is_a_jump():
    issue = issue_of(page("第1版", article("a1", "题", ["正在进行(下转第二版)"])),
                     page("第2版", article("a1", None, ["之中。"], came="上接第一版")))
    (joined,) = issue.articles
    assert joined.paragraphs == ["正在进行之中。"]
