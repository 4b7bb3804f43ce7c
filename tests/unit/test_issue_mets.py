"""The METS/ALTO package of an issue and its joined-article pictures, on the Chinese fixture issue's
truth pages made an issue by the issue step (no OCR): schema-valid METS and MODS, every logical area
a block of the ALTO it names, the same articles read back, the image files where they are."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image

from broadsheet.errors import InputFileError
from broadsheet.export import issue_overlay, mets
from broadsheet.formats import validate_alto, validate_mets
from broadsheet.formats.mets import read_mets
from broadsheet.formats.names import ALTO_NS, METS_NS, MODS_NS, XLINK_NS
from broadsheet.issue.formats import ISSUE_FORMATS
from broadsheet.issue.model import IssuePage
from broadsheet.issue.step import ReadPage, build_issue
from broadsheet.model import Page

ISSUE_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "issues" / "zh"
M = f"{{{METS_NS}}}"


def truth_issue(names=("p01", "p02", "p03", "p04")):
    """The fixture issue's truth pages through the issue step, as `broadsheet issue` would."""
    read = []
    for place, name in enumerate(names, 1):
        page = Page.from_dict(json.loads((ISSUE_DIR / f"{name}.json").read_text(encoding="utf-8")))
        read.append(ReadPage(f"{name}.jpg", place, name, str(ISSUE_DIR / f"{name}.jpg"), 1, page))
    issue = build_issue(str(ISSUE_DIR), read)
    by_name = {r.name: r.page for r in read}
    return issue, {p.number: by_name[p.name] for p in issue.pages}


@pytest.fixture
def package(tmp_path):
    issue, pages = truth_issue()
    written = mets.write(issue, pages, tmp_path)
    return issue, pages, tmp_path / "ISSUE.mets.xml", written


def test_the_issue_has_two_joined_articles():
    issue, _ = truth_issue()
    assert [[(p.page, p.article) for p in a.parts] for a in issue.articles if a.joined] == \
        [[(1, "a1"), (4, "a1")], [(2, "a1"), (3, "a1")]]


def test_the_package_is_valid_mets_mods_and_alto(package):
    issue, _, path, written = package
    assert written == [path.parent / f"{p.name}.alto.xml" for p in issue.pages] + [path]
    assert validate_mets(path) == []
    for alto_path in written[:-1]:
        assert validate_alto(alto_path) == []
    root = etree.parse(str(path)).getroot()
    mods = root.find(f"{M}dmdSec[@ID='MODSMD_ISSUE']//{{{MODS_NS}}}mods")
    assert mods.findtext(f"{{{MODS_NS}}}titleInfo/{{{MODS_NS}}}title") == "青岚日报"
    assert [d.text for d in mods.iter(f"{{{MODS_NS}}}dateIssued")] == ["2011年9月16日 星期五", "2011-09-16"]
    assert mods.findtext(f".//{{{MODS_NS}}}detail[@type='issue']/{{{MODS_NS}}}number") == issue.facts.number


def test_a_mods_record_against_its_schema_is_checked_too(package):
    _, _, path, _ = package
    tree = etree.parse(str(path))
    title = tree.getroot().find(f".//{{{MODS_NS}}}titleInfo")
    etree.SubElement(title, f"{{{MODS_NS}}}headline").text = "no such MODS element"
    tree.write(str(path))
    errors = validate_mets(path)
    assert len(errors) == 1 and "headline" in errors[0]


def _alto_ids(path: Path) -> set[str]:
    layout = etree.parse(str(path)).getroot().find(f"{{{ALTO_NS}}}Layout")
    return {node.get("ID") for node in layout.iter() if node.get("ID")}


def test_every_logical_area_is_a_block_of_the_alto_it_names(package):
    issue, _, path, _ = package
    root = etree.parse(str(path)).getroot()
    hrefs = {f.get("ID"): f.find(f"{M}FLocat").get(f"{{{XLINK_NS}}}href")
             for f in root.iterfind(f"{M}fileSec/{M}fileGrp[@USE='Text']/{M}file")}
    blocks = {fileid: _alto_ids(path.parent / href) for fileid, href in hrefs.items()}
    logical = root.find(f"{M}structMap[@TYPE='LOGICAL']")
    areas = list(logical.iter(f"{M}area"))
    assert len(areas) > 50
    assert [(a.get("FILEID"), a.get("BEGIN")) for a in areas if a.get("BEGIN") not in blocks[a.get("FILEID")]] == []
    # a joined article points into both its pages' ALTO, heading, body and illustration
    j1 = logical.find(f".//{M}div[@ID='ART_j1']")
    assert {a.get("FILEID") for a in j1.iter(f"{M}area")} == {"ALTO_0001", "ALTO_0004"}
    assert [d.get("TYPE") for d in j1.iterfind(f"{M}div")] == ["HEADING", "BODY", "ILLUSTRATION"]
    assert [d.get("TYPE") for d in j1.find(f"{M}div[@TYPE='ILLUSTRATION']").iterfind(f"{M}div")] == ["CAPTION"]
    assert len(logical.findall(f".//{M}div[@TYPE='ARTICLE']")) == len(issue.articles)


def test_the_physical_map_orders_the_pages_by_folio_and_finds_their_images(package):
    issue, _, path, _ = package
    root = etree.parse(str(path)).getroot()
    pages = root.findall(f"{M}structMap[@TYPE='PHYSICAL']/{M}div/{M}div")
    assert [(d.get("ORDER"), d.get("ORDERLABEL")) for d in pages] == \
        [("1", "第1版"), ("2", "第2版"), ("3", "第3版"), ("4", "第4版")]
    images = {f.get("ID"): f.find(f"{M}FLocat").get(f"{{{XLINK_NS}}}href")
              for f in root.iterfind(f"{M}fileSec/{M}fileGrp[@USE='Images']/{M}file")}
    for div, issue_page in zip(pages, issue.pages):
        image, alto_file = [fptr.get("FILEID") for fptr in div]
        assert not images[image].startswith("/")  # relative to the METS
        assert (path.parent / images[image]).resolve() == Path(issue_page.source).resolve()
        assert alto_file == f"ALTO_{issue_page.number:04d}"


def test_reading_the_package_back_gives_the_same_articles(package):
    issue, pages, path, _ = package
    back, back_pages = read_mets(path)
    assert back.articles == issue.articles
    assert back.facts == issue.facts
    assert [(p.number, p.name, p.folio, p.source_page) for p in back.pages] == \
        [(p.number, p.name, p.folio, p.source_page) for p in issue.pages]
    assert [Path(p.source).resolve() for p in back.pages] == [Path(p.source).resolve() for p in issue.pages]
    assert {n: p.articles for n, p in back_pages.items()} == {n: p.articles for n, p in pages.items()}


def test_an_area_naming_no_block_is_refused_in_one_line(package):
    _, _, path, _ = package
    tree = etree.parse(str(path))
    next(tree.getroot().iter(f"{M}area")).set("BEGIN", "no_such_block")
    tree.write(str(path))
    with pytest.raises(InputFileError, match="no_such_block"):
        read_mets(path)


def test_a_stale_alto_beside_the_package_is_replaced(tmp_path):
    issue, pages = truth_issue()
    (tmp_path / "p01.alto.xml").write_text("<alto>an older run</alto>", encoding="utf-8")
    mets.write(issue, pages, tmp_path)
    assert validate_alto(tmp_path / "p01.alto.xml") == []
    assert read_mets(tmp_path / "ISSUE.mets.xml")[0].articles == issue.articles


def test_pages_of_a_pdf_and_of_a_tiff_are_named_so(tmp_path):
    issue, pages = truth_issue(("p01", "p02"))
    issue.pages = [IssuePage(1, "p01", str(tmp_path / "in" / "issue.pdf"), 3),
                   IssuePage(2, "p02", str(tmp_path / "in" / "scans.tif"), 2),
                   IssuePage(3, "p03", str(tmp_path / "in" / "scans.tif"), 5)]
    pages[3] = pages[2]
    out = tmp_path / "out"
    mets.write(issue, pages, out)
    root = etree.parse(str(out / "ISSUE.mets.xml")).getroot()
    files = [(f.get("MIMETYPE"), f.get("SEQ"), f.find(f"{M}FLocat").get(f"{{{XLINK_NS}}}href"))
             for f in root.iterfind(f"{M}fileSec/{M}fileGrp[@USE='Images']/{M}file")]
    assert files == [("application/pdf", None, "../in/issue.pdf#page=3"),
                     ("image/tiff", "2", "../in/scans.tif"), ("image/tiff", "5", "../in/scans.tif")]
    back, _ = read_mets(out / "ISSUE.mets.xml")
    assert [(Path(p.source).name, p.source_page) for p in back.pages] == \
        [("issue.pdf", 3), ("scans.tif", 2), ("scans.tif", 5)]


@pytest.mark.parametrize("printed, iso", [
    ("2011年9月16日 星期五", "2011-09-16"), ("2010 年 5 月 12 日", "2010-05-12"),
    ("Wednesday, May 12, 2010", "2010-05-12"), ("Sept. 3, 1924", "1924-09-03"), ("3 September 1924", "1924-09-03"),
    ("2011年2月30日", None), ("第5123期", None), ("Spring 1924", None),
])
def test_dates_as_printed_read_as_w3cdtf(printed, iso):
    assert mets.w3cdtf(printed) == iso


def test_the_issue_formats_are_registered():
    assert ISSUE_FORMATS["mets"] is mets.write
    assert ISSUE_FORMATS["overlay"] is issue_overlay.write


def test_a_joined_article_is_pictured_on_both_its_pages(tmp_path):
    issue, pages = truth_issue()
    written = issue_overlay.write(issue, pages, tmp_path)
    assert written == [tmp_path / "ISSUE.j1.jpg", tmp_path / "ISSUE.j2.jpg"]
    with Image.open(written[0]) as picture:
        assert picture.height == issue_overlay.BAND + issue_overlay.PANEL_HEIGHT
        assert picture.width > 1.5 * issue_overlay.PANEL_HEIGHT * 1440 / 1980  # two pages side by side
    shown = issue_overlay.part_page(pages[4], "a1")
    assert [a.id for a in shown.articles] == ["a1"]
    assert {r.id for r in shown.regions} <= set(pages[4].article("a1").regions) | \
        {r.id for r in pages[4].regions if r.photo in pages[4].article("a1").photos}
    assert shown.regions


def test_a_package_whose_alto_is_missing_is_refused_in_one_line(package):
    _, _, path, _ = package
    (path.parent / "p02.alto.xml").unlink()
    with pytest.raises(InputFileError, match="p02.alto.xml"):
        read_mets(path)


def test_control_characters_from_ocr_do_not_reach_the_xml(tmp_path):
    issue, pages = truth_issue()
    issue.facts.paper = "青岚\x0c日报"
    issue.articles[0].title = "青岚新区\x00建设全面提速"
    issue.pages[0].folio = "第1版\x1b"
    mets.write(issue, pages, tmp_path)
    assert validate_mets(tmp_path / "ISSUE.mets.xml") == []
    back, _ = read_mets(tmp_path / "ISSUE.mets.xml")
    assert (back.facts.paper, back.pages[0].folio) == ("青岚日报", "第1版")
