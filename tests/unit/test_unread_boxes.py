"""A box the detector found text in and the recogniser read as nothing is kept, said, as an `unread`
region: never in an article's text, counted in the page's `reading`, kept through the JSON."""

from __future__ import annotations

from broadsheet.layout import PageLayout
from broadsheet.model import EngineInfo, Line, Page, Region, RegionType
from broadsheet.ocr.quality import assess
from broadsheet.postprocess.assemble import assemble


def _region(region_id: str, kind: RegionType, box: tuple[int, int, int, int], text: str = "x") -> Region:
    return Region(region_id, kind, box, [Line(text, box, 0.99)])


def _kicker_read_as_nothing() -> PageLayout:
    # random seed 2273 (22.4 px serif, bilevel): the reversed kicker `关注天气` over `本周后期将有一次明显
    # 降温过程`, its paper letters erased by the page's binarisation, was boxed and read as nothing; the
    # kicker's region was dropped and the page said nothing of it. A row read as
    # nothing beside the body too.
    kicker = _region("k1", RegionType.KICKER, (634, 218, 759, 250), "")
    title = _region("t1", RegionType.TITLE, (296, 273, 1097, 330), "本周后期将有一次明显降温过程")
    lines = [Line("据市气象台消息,受冷空气影响,", (296, 360 + 30 * i, 680, 382 + 30 * i), 0.99) for i in range(4)]
    body = Region("b1", RegionType.TEXT, (296, 360, 680, 472), lines)
    row = _region("b2", RegionType.TEXT, (720, 360, 1090, 382), "")
    # a speck boxed at a rule's end and read as nothing is no text (2251: 2 x 4 px at 9.6 px body)
    speck = _region("b3", RegionType.TEXT, (1100, 500, 1104, 505), "")
    return PageLayout((1200, 800), 22.0, headlines=[[kicker], [title]], text_blocks=[body, row, speck])


def test_a_box_read_as_nothing_is_an_unread_region_in_no_article():
    page = assemble(_kicker_read_as_nothing())
    unread = [r for r in page.regions if r.type == RegionType.UNREAD]
    assert [(r.id, r.bbox) for r in unread] == [("k1", (634, 218, 759, 250)), ("b2", (720, 360, 1090, 382))]
    assert all(r.article is None and [line.text for line in r.lines] == [""] for r in unread)
    assert all(line.confidence == 0.0 for r in unread for line in r.lines)
    # the article and its text as before: the kicker read as nothing heads nothing, nothing invented
    assert [(a.kicker, a.title) for a in page.articles] == [(None, "本周后期将有一次明显降温过程")]
    assert all(r.id not in a.regions for a in page.articles for r in unread)
    assert page.text_blocks() == ["本周后期将有一次明显降温过程", "据市气象台消息,受冷空气影响," * 4]


def test_the_reading_counts_unread_boxes_and_the_json_keeps_them():
    page = assemble(_kicker_read_as_nothing())
    page.engines = [EngineInfo("recognition", "rapidocr", "3", "PP-OCRv6_rec_small")]
    page.text_size = 22.0
    page.reading = assess(page)
    assert page.reading.unread == ["k1", "b2"]
    assert not page.reading.doubtful  # the flag is the text lines' width read as nothing, as before
    data = page.to_dict()
    assert data["version"] == "1.5" and data["reading"]["unread"] == ["k1", "b2"]
    again = Page.from_dict(data)
    assert [r.type for r in again.regions if r.id in ("k1", "b2")] == [RegionType.UNREAD] * 2
    assert again.reading.unread == ["k1", "b2"]
    # a line read as nothing in a region that read is named too (it stays in its region, as before)
    body = next(r for r in page.regions if r.type == RegionType.TEXT)
    body.lines.append(Line("", (296, 480, 680, 502), 0.0))
    assert assess(page).unread == [body.id, "k1", "b2"]


def test_a_document_before_1_5_reads_with_no_unread_regions():
    data = assemble(_kicker_read_as_nothing()).to_dict()
    data["version"] = "1.4"
    data["reading"] = {"confidence": 0.98, "doubtful_lines": 0.0, "doubtful": False, "reason": None, "regions": []}
    assert Page.from_dict(data).reading.unread == []


def test_a_line_read_as_nothing_in_a_head_read_as_text_stays_an_empty_line():
    # a head read in the text under it (`_read_in_text`, random seed 1716's `June 28, 2010, to the` boxed
    # tall into its column) with a piece of its row read as nothing: the piece went with no trace
    head = Region("t1", RegionType.TITLE, (794, 167, 1019, 187),
                  [Line("June 28, 2010, to the", (794, 167, 1019, 187), 0.99), Line("", (960, 169, 1019, 186), 0.0)])
    rows = [("Field Manager,", (797, 180, 950, 200)), ("BLM", (979, 186, 1018, 201)),
            ("Elko District Office, 3900", (798, 207, 1018, 221)), ("East Idaho Street, Elko,", (797, 226, 1018, 240))]
    lines = [Line(text, box, 0.99) for text, box in rows]
    column = Region("b1", RegionType.TEXT, (797, 180, 1018, 240), lines)
    page = assemble(PageLayout((1066, 2158), 13.0, headlines=[[head]], text_blocks=[column]))
    assert [a.title for a in page.articles] == [None]
    text = next(r for r in page.regions if r.type == RegionType.TEXT)
    assert [(l.text, l.bbox) for l in text.lines[:2]] == [("June 28, 2010, to the", (794, 167, 1019, 187)),
                                                          ("", (960, 169, 1019, 186))]
    assert page.text_blocks() == ["June 28, 2010, to the Field Manager, BLM Elko District Office, 3900 East Idaho "
                                  "Street, Elko,"]
    assert assess(page).unread == [text.id]

