"""One reading-order walk (`Page.in_reading_order`) for every writer and the evaluator: an item the
page's reading order leaves out comes after the listed ones, in document order, everywhere."""

from __future__ import annotations

import pytest
from export_helpers import grey_image, handmade_page
from lxml import etree

from broadsheet.evaluate.page import ordered_articles
from broadsheet.export import alto, hocr, markdown, overlay, pagexml
from broadsheet.export.text import page_text
from broadsheet.formats import read_alto, read_pagexml, validate_alto, validate_page
from broadsheet.formats.names import ORDER_IMPLIED_TAG
from broadsheet.formats.pagexml import parse_custom

# handmade_page: articles a1, a2 and photo-news p2; what each item's first block is, and a text of it
FIRST_BLOCK = {"a1": "r3", "a2": "r11", "p2": "p2_group"}
FIRST_HOCR = {"a1": "r3", "a2": "r11", "p2": "r13"}
TEXT = {"a1": "昌吉高新区10个项目集中开工", "a2": "春耕备耕正当时", "p2": "雪后的天山。"}
ORDERS = {
    "all listed": (["a1", "p2", "a2"], ["a1", "p2", "a2"]),
    "listed out of document order": (["a2", "p2", "a1"], ["a2", "p2", "a1"]),
    "an article left out": (["a1", "p2"], ["a1", "p2", "a2"]),
    "an article and photo-news left out": (["a1"], ["a1", "a2", "p2"]),
    "nothing listed, an unknown id": (["gone"], ["a1", "a2", "p2"]),
}


@pytest.fixture(params=ORDERS.values(), ids=ORDERS.keys())
def page_and_walk(request):
    listed, walk = request.param
    page = handmade_page()
    page.reading_order = listed
    assert [item.id for item in page.in_reading_order()] == walk
    return page, walk


def in_order_of(positions: dict[str, int]) -> list[str]:
    return sorted(positions, key=positions.get)


def test_text_markdown_and_evaluator(page_and_walk):
    page, walk = page_and_walk
    text, md = page_text(page), markdown.page_markdown(page, "h")
    assert in_order_of({item: text.index(TEXT[item]) for item in walk}) == walk
    assert in_order_of({item: md.index(TEXT[item]) for item in walk}) == walk
    assert [a.id for a in ordered_articles(page)] == [i for i in walk if i.startswith("a")]


def test_alto(page_and_walk, tmp_path):
    page, walk = page_and_walk
    path = alto.write(page, None, tmp_path, "h")[0]
    assert validate_alto(path) == []
    root = etree.parse(str(path)).getroot()
    ns = {"a": alto.ALTO_NS}
    groups = [g.get("TAGREFS").split() for g in root.iterfind("a:ReadingOrder/a:OrderedGroup/a:OrderedGroup", ns)]
    assert [refs[0] for refs in groups] == walk
    assert [ORDER_IMPLIED_TAG in refs for refs in groups] == [item not in page.reading_order for item in walk]
    ids = [el.get("ID") for el in root.find("a:Layout/a:Page/a:PrintSpace", ns).iter() if el.get("ID")]
    assert in_order_of({item: ids.index(FIRST_BLOCK[item]) for item in walk}) == walk
    assert_read_back(page, read_alto(path), walk)


def test_pagexml(page_and_walk, tmp_path):
    page, walk = page_and_walk
    path = pagexml.write(page, None, tmp_path, "h")[0]
    assert validate_page(path) == []
    root = etree.parse(str(path)).getroot()
    groups = [parse_custom(g.get("custom")) for g in root.iterfind(
        "p:Page/p:ReadingOrder/p:OrderedGroup/p:OrderedGroupIndexed", {"p": pagexml.PAGE_NS})]
    assert [g["id"] for g in groups] == walk
    assert [g.get("ordered") == "false" for g in groups] == [item not in page.reading_order for item in walk]
    assert_read_back(page, read_pagexml(path), walk)


def assert_read_back(page, back, walk) -> None:
    assert [item.id for item in back.in_reading_order()] == walk
    listed = [item for item in page.reading_order if item in walk]
    if listed:  # with nothing listed, ALTO's reader takes every item in document order
        assert back.reading_order == listed


def test_hocr(page_and_walk, tmp_path):
    page, walk = page_and_walk
    root = etree.parse(str(hocr.write(page, None, tmp_path, "h")[0])).getroot()
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert in_order_of({item: ids.index(FIRST_HOCR[item]) for item in walk}) == walk


def test_overlay_arrows(page_and_walk, tmp_path, monkeypatch):
    page, walk = page_and_walk
    arrows = []
    monkeypatch.setattr(overlay, "_arrow", lambda draw, start, end, colour, width: arrows.append((start, end)))
    overlay.render(page, grey_image(page))
    s = overlay.scale_for(page)
    items = {item.id: item for item in page.in_reading_order()}
    centres = [overlay._center(overlay._scaled(items[item].bbox, s)) for item in walk]
    assert arrows == list(zip(centres, centres[1:]))
