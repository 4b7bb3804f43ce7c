"""ALTO, PAGE-XML and hOCR: schema-valid, and our readers give the page back."""

from __future__ import annotations

import re

import pytest
from export_helpers import fixture_names, handmade_page, page_and_image, pages_under_test
from lxml import etree

from broadsheet.export import alto, hocr, output_paths, pagexml, parse_formats, write_page, xmlcommon
from broadsheet.export.text import page_text
from broadsheet.formats import alto_schema, page_schema, read_alto, read_pagexml, validate_alto, validate_page
from broadsheet.model import PageHeader, RegionType, TextDirection

PAGES = pages_under_test(all_fixtures=True)  # the XML checks are cheap: every fixture


@pytest.fixture(params=PAGES)
def written(request, tmp_path):
    page, image = page_and_image(request.param)
    name = request.param
    paths = {}
    for module in (alto, pagexml, hocr):
        paths[module.__name__.rsplit(".", 1)[1]] = module.write(page, image, tmp_path, name)[0]
    return page, paths


def assert_valid(schema: etree.XMLSchema, path) -> None:
    doc = etree.parse(str(path))
    ok = schema.validate(doc)
    assert ok, "\n".join(f"line {e.line}: {e.message}" for e in schema.error_log)


def page_facts(page) -> tuple:
    return (page.width, page.height, page.source, page.rotation, page.skew_angle, page.text_size,
            page.working_scale)


def assert_same_page(original, back) -> None:
    assert page_facts(back) == page_facts(original)
    assert back.header == original.header
    by_id = {r.id: r for r in back.regions}
    assert set(by_id) == {r.id for r in original.regions}
    for region in original.regions:
        got = by_id[region.id]
        assert (got.type, got.bbox, got.article, got.photo) == \
            (region.type, region.bbox, region.article, region.photo), region.id
        assert [line.text for line in got.lines] == [line.text for line in region.lines], region.id
        assert [line.bbox for line in got.lines] == [line.bbox for line in region.lines], region.id
        assert [line.direction for line in got.lines] == [line.direction for line in region.lines]
        for a, b in zip(got.lines, region.lines):
            assert a.confidence == pytest.approx(b.confidence, abs=1e-4)
    # every field: headlines, byline and byline_apart, paragraphs with their subheads, continuation
    # notices, photos, regions (PAGE lists articles in reading order)
    assert {a.id: a for a in back.articles} == {a.id: a for a in original.articles}
    assert len(back.articles) == len(original.articles)
    assert {p.id: p for p in back.photos} == {p.id: p for p in original.photos}  # caption_title too
    assert len(back.photos) == len(original.photos)
    assert back.reading_order == original.reading_order
    assert page_text(back) == page_text(original)


def test_alto_validates_against_xsd(written):
    assert_valid(alto_schema(), written[1]["alto"])
    assert validate_alto(written[1]["alto"]) == []


def test_page_validates_against_xsd(written):
    assert_valid(page_schema(), written[1]["pagexml"])
    assert validate_page(written[1]["pagexml"]) == []


def test_alto_round_trip(written):
    page, paths = written
    assert_same_page(page, read_alto(paths["alto"]))


def test_pagexml_round_trip(written):
    page, paths = written
    assert_same_page(page, read_pagexml(paths["pagexml"]))


def test_round_trips_meet_every_schema_1_2_field():
    """The fixture pages carry each field the round trips above must bring back."""
    if len(PAGES) == 1:
        pytest.skip("no fixture truth pages yet (fixtures/pages/*.json)")
    pages = [page_and_image(key)[0] for key in PAGES]
    articles = [a for page in pages for a in page.articles]
    assert any(page.header and page.header.folio and page.header.staff for page in pages)
    assert any(a.subheads for a in articles) and any(a.byline_apart for a in articles)
    assert any(a.continued_from for a in articles) and any(a.continued_to for a in articles)
    assert any(p.caption_title for page in pages for p in page.photos)
    used = {r.type for page in pages for r in page.regions}
    assert {RegionType.SUBHEAD, RegionType.BYLINE, RegionType.CONTINUATION} <= used


def test_page_numbers_and_a_partial_header_round_trip(tmp_path):
    """The fixture truth leaves text_size unmeasured and rotation at 0: set them here."""
    page = handmade_page()
    page.rotation, page.skew_angle, page.text_size, page.working_scale = 90, -0.42, 21.5, 0.75
    page.header = PageHeader(paper="昌吉日报", date="2023年3月28日 星期二")
    for module, read in ((alto, read_alto), (pagexml, read_pagexml)):
        assert_same_page(page, read(module.write(page, None, tmp_path, "n")[0]))


def test_validators_can_fail(tmp_path):
    page = handmade_page()
    path = alto.write(page, None, tmp_path, "bad")[0]
    doc = etree.parse(str(path))
    for node in doc.iter(f"{{{alto.ALTO_NS}}}String"):
        del node.attrib["CONTENT"]  # required
    doc.write(str(path))
    assert validate_alto(path)
    path = pagexml.write(page, None, tmp_path, "bad")[0]
    doc = etree.parse(str(path))
    doc.getroot().find(f"{{{pagexml.PAGE_NS}}}Page").attrib.pop("imageWidth")
    doc.write(str(path))
    assert validate_page(path)


def test_alto_structure(written):
    page, paths = written
    ns = {"a": alto.ALTO_NS}
    root = etree.parse(str(paths["alto"])).getroot()
    assert root.findtext("a:Description/a:MeasurementUnit", namespaces=ns) == "pixel"
    assert root.findtext(".//a:processingSoftware/a:softwareName", namespaces=ns) == "broadsheet"
    tags = {t.get("ID"): t for t in root.iterfind("a:Tags/a:StructureTag", ns)}
    for article in page.articles:
        assert tags[article.id].get("TYPE") == "article"
        assert tags[article.id].get("LABEL") == (article.title or article.id)
    xml_page = root.find("a:Layout/a:Page", ns)
    assert (xml_page.get("WIDTH"), xml_page.get("HEIGHT")) == (str(page.width), str(page.height))
    assert {b.get("LANG") for b in xml_page.iter(f"{{{alto.ALTO_NS}}}TextBlock")} <= {xmlcommon.page_language(page)}
    if page.header:  # the masthead blocks refer to the page header's tag
        assert tags[alto.HEADER_TAG].get("TYPE") == "header"
        for region in page.regions:
            if region.type == RegionType.MASTHEAD:
                block = root.find(f".//a:TextBlock[@ID='{region.id}']", ns)
                assert alto.HEADER_TAG in block.get("TAGREFS").split()
    # each caption sits in the ComposedBlock of its photo, with the photo's Illustration
    for region in page.regions:
        if region.type == RegionType.CAPTION and region.photo:
            block = root.find(f".//a:TextBlock[@ID='{region.id}']", ns)
            group = block.getparent()
            assert group.tag == f"{{{alto.ALTO_NS}}}ComposedBlock" and group.get("TYPE") == "photo"
            assert group.find("a:Illustration", ns) is not None
            assert region.photo in block.get("TAGREFS").split()
    # text blocks follow the reading order: article a's first region comes before b's
    order = [b.get("ID") for b in root.iter(f"{{{alto.ALTO_NS}}}TextBlock")]
    firsts = [order.index(a.regions[0]) for a in (page.article(i) for i in page.reading_order
                                                  if i in {x.id for x in page.articles})
              if a.regions and a.regions[0] in order]
    assert firsts == sorted(firsts)


def test_pagexml_structure(written):
    page, paths = written
    ns = {"p": pagexml.PAGE_NS}
    root = etree.parse(str(paths["pagexml"])).getroot()
    assert root.findtext("p:Metadata/p:Creator", namespaces=ns) == "broadsheet"
    groups = root.findall("p:Page/p:ReadingOrder/p:OrderedGroup/p:OrderedGroupIndexed", ns)
    assert len(groups) == len(page.reading_order)
    types = {r.get("id"): r.get("type") for r in root.iterfind("p:Page/p:TextRegion", ns)}
    page_types = {RegionType.TITLE: "heading", RegionType.SUBHEAD: "heading", RegionType.TEXT: "paragraph",
                  RegionType.BYLINE: "credit", RegionType.CONTINUATION: "other"}
    for region in page.regions:
        if region.type in page_types:
            assert types[region.id] == page_types[region.type], region.id
    folio = page.header.folio if page.header else None
    assert sorted(r for r, t in types.items() if t == "page-number") == \
        sorted(r.id for r in page.regions if r.type == RegionType.MASTHEAD and r.text == folio)
    links = {(r.find("p:SourceRegionRef", ns).get("regionRef"), r.find("p:TargetRegionRef", ns).get("regionRef"))
             for r in root.iterfind("p:Page/p:Relations/p:Relation", ns)}
    photo_region = {r.photo: r.id for r in page.regions if r.type == RegionType.PHOTO}
    for region in page.regions:
        if region.type == RegionType.CAPTION and region.photo:
            assert (region.id, photo_region[region.photo]) in links


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_fallback_article(got, article, language: str) -> None:
    """What a file without our metadata still tells of an article: its text, one paragraph per
    text region; headlines; an own-line byline; subheads (headings inside the body)."""
    assert squash("".join(got.paragraphs)) == squash("".join(article.paragraphs)), article.id
    if language == "en":  # Latin lines joined into words, a hyphenated word made whole again
        assert " ".join(got.paragraphs).split() == " ".join(article.paragraphs).split(), article.id
    # rebuilt from its lines, a headline cannot know of a space between two of them
    assert squash("".join(got.headlines)) == squash("".join(article.headlines)), article.id
    if not article.headlines:
        assert got.title is None, article.id  # never the article's id
    if article.byline_apart:
        assert (got.byline, got.byline_apart) == (article.byline, True), article.id
    assert [s.text for s in got.subheads] == [s.text for s in article.subheads], article.id


def test_alto_reader_falls_back_without_our_metadata(written):
    """An ALTO file without our XmlData still yields the articles from their tags and roles."""
    page, paths = written
    tree = etree.parse(str(paths["alto"]))
    for data in list(tree.getroot().iter(f"{{{alto.ALTO_NS}}}XmlData")):
        data.getparent().remove(data)
    tree.write(str(paths["alto"]))
    back = read_alto(paths["alto"])
    for article in page.articles:
        got = next(a for a in back.articles if a.id == article.id)
        assert_fallback_article(got, article, xmlcommon.page_language(page))
        # the role tags tell continuation notices apart
        assert (got.continued_from, got.continued_to) == (article.continued_from, article.continued_to)
    assert back.header is None


def test_pagexml_reader_falls_back_on_plain_page(written):
    """PAGE from another tool: no UserDefined, no custom attributes; only PAGE's own types
    (heading, paragraph, credit, ...) and the reading-order groups."""
    page, paths = written
    tree = etree.parse(str(paths["pagexml"]))
    for node in list(tree.getroot().iter(f"{{{pagexml.PAGE_NS}}}UserDefined")):
        node.getparent().remove(node)
    for node in tree.getroot().iter():
        node.attrib.pop("custom", None)
    tree.write(str(paths["pagexml"]))
    back = read_pagexml(paths["pagexml"])
    written_regions = {r.id for r in page.regions}
    for article in page.articles:
        refs = [r for r in article.regions if r in written_regions]
        if not refs:
            continue
        got = next(a for a in back.articles if a.regions == refs)
        assert_fallback_article(got, article, xmlcommon.page_language(page))


def test_hocr_lines(written):
    page, paths = written
    root = etree.parse(str(paths["hocr"])).getroot()  # well-formed XHTML
    ns = {"h": hocr.XHTML_NS}
    system = root.find("h:head/h:meta[@name='ocr-system']", ns).get("content")
    assert system.split("; ")[0] == "broadsheet"
    assert all(f"{e.name} {e.version} {e.model}" in system.split("; ") for e in page.engines)
    ocr_page = root.find(".//h:div[@class='ocr_page']", ns)
    assert f"bbox 0 0 {page.width} {page.height}" in ocr_page.get("title")
    assert root.get("lang") == xmlcommon.page_language(page)
    classes = {d.get("id"): d.get("class") for d in root.iterfind(".//h:div", ns)}
    for region in page.regions:
        if region.type in hocr.HOCR_CLASS and region.id not in xmlcommon.folio_regions(page):
            assert classes[region.id] == hocr.HOCR_CLASS[region.type], region.id
    spans = {s.get("id"): s for s in root.iterfind(".//h:span[@class='ocr_line']", ns)}
    assert len(spans) == sum(len(r.lines) for r in page.regions)
    for region in page.regions:
        for i, line in enumerate(region.lines, 1):
            span = spans[f"{region.id}_l{i}"]
            title = span.get("title")
            assert title.startswith("bbox {} {} {} {}; x_wconf ".format(*line.bbox)), title
            assert (span.text or "") == line.text
            assert int(re.search(r"x_wconf (\d+)", title).group(1)) == round(line.confidence * 100)
            assert ("textangle" in title) == (line.direction == TextDirection.VERTICAL_RL)
    photos = root.findall(".//h:div[@class='ocr_photo']", ns)
    assert len(photos) == sum(r.type == RegionType.PHOTO for r in page.regions)


def test_page_language_from_the_text():
    page = handmade_page()
    assert xmlcommon.page_language(page) == "zh"
    for region in page.regions:
        for line in region.lines:
            line.text = "Notice of Realty Action: 40 acres"
    assert xmlcommon.page_language(page) == "en"


def test_write_page_all_formats(tmp_path):
    page, image = page_and_image(PAGES[-1])
    formats = parse_formats("all")
    written = write_page(page, image, tmp_path, "out", formats)
    for path in output_paths(tmp_path, "out", formats):
        assert path.exists() and path in written
    # photos were cropped before the XML was written: the ALTO names their files
    back = read_alto(tmp_path / "out.alto.xml")
    assert [p.image for p in back.photos] == [f"out/photos/{p.id}.jpg" for p in page.photos]


def test_fixture_pages_present_or_skipped():
    if not fixture_names():
        pytest.skip("no fixture truth pages yet (fixtures/pages/*.json)")
    assert "handmade" in PAGES and len(PAGES) == 1 + len(fixture_names())


def test_empty_and_awkward_pages_stay_valid(tmp_path):
    from broadsheet.model import Article, Line, Page, Photo, Region

    empty = Page(width=100, height=80)
    awkward = Page(
        width=400, height=300, source="odd name.png",
        regions=[Region("1", RegionType.TEXT, (0, 0, 100, 40),
                        [Line("bell\x07 & <tag>", (0, 0, 100, 20), 1.3), Line("", (0, 20, 100, 40), -1)],
                        article="art 1"),
                 Region("r2", RegionType.CAPTION, (0, 50, 100, 60), [Line("cap", (0, 50, 100, 60), 0.5)],
                        photo="missing")],
        articles=[Article("art 1", (0, 0, 100, 40), title=None, paragraphs=["bell & <tag>"], regions=["1"]),
                  Article("a2", (0, 0, 1, 1))],
        photos=[Photo("p1", (200, 100, 300, 200), caption=["no region"])],
        reading_order=["art 1", "p1", "gone"])
    for page in (empty, awkward):
        a = alto.write(page, None, tmp_path, "x")[0]
        p = pagexml.write(page, None, tmp_path, "x")[0]
        h = hocr.write(page, None, tmp_path, "x")[0]
        assert validate_alto(a) == [], validate_alto(a)
        assert validate_page(p) == [], validate_page(p)
        etree.parse(str(h))
        for back in (read_alto(a), read_pagexml(p)):
            assert len(back.regions) == len(page.regions)
            assert [line.text for r in back.regions for line in r.lines] == \
                [line.text.replace("\x07", "") for r in page.regions for line in r.lines]
    back = read_alto(tmp_path / "x.alto.xml")
    assert back.article("art 1").paragraphs == ["bell & <tag>"]
    assert back.reading_order == ["art 1", "p1"]
    assert back.regions[0].article == "art 1"
    assert back.photo("p1").caption == ["no region"]
