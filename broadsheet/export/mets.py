"""OUT/ISSUE.mets.xml: the issue as a METS 1.12.1 package around the pages' ALTO files.

The structure follows ENMAP, the Europeana Newspapers METS ALTO Profile (D5.2, 2014); the rights
and provenance sections it also asks for are the holding library's to add:
- dmdSec `MODSMD_ISSUE`: MODS of the issue: the paper as its title, the date issued as printed
  (and as W3CDTF, `keyDate`, where it reads as a date), the issue number as a `part/detail
  type="issue"`; one dmdSec `MODSMD_<article id>` per article: its title and subtitle, the pages
  it runs on, its id in ISSUE.json as `recordInfo/recordIdentifier source="broadsheet"`.
- amdSec: a techMD per page image with its MIX basic image characteristics (width, height).
- fileSec: fileGrp `IMGGRP` (USE="Images"), the input images, relative to the METS where the
  input is (a page of a PDF as `FILE.pdf#page=N`, RFC 8118; TIFF has no fragment syntax, so a
  TIFF holding several of the issue's pages is named whole and the page's frame is the file's
  SEQ); fileGrp `ALTOGRP` (USE="Text"), the pages' `NAME.alto.xml`.
- structMap PHYSICAL: `physSequence` -> `page` divs (ORDER = place in the issue, ORDERLABEL = the
  folio as printed), each with an fptr to its image and one to its ALTO.
- structMap LOGICAL: `Newspaper` -> `ISSUE` -> `ARTICLE` (joined ones once) -> `HEADING` (kicker,
  title, subtitle), `BODY` (the rest of its text, all parts in order), `ILLUSTRATION` -> `CAPTION`;
  photo-news items are `ILLUSTRATION`s of the issue. Each div's fptr holds `<mets:area
  FILEID=ALTO_nnnn BEGIN=block id BETYPE="IDREF"/>` areas (in a `seq` when more than one), the
  block ids `broadsheet.export.alto` gives, so a joined article points into both pages' ALTO.
The pages' ALTO files are written here too, from the same pages, so that no area can point at a
block of an older ALTO. `broadsheet.formats.mets.read_mets` reads the package back.
"""

from __future__ import annotations

import mimetypes
import os
import re
from datetime import date
from pathlib import Path
from urllib.request import pathname2url

from lxml import etree

from broadsheet.export import alto
from broadsheet.export.xmlcommon import page_language, write_xml, xml_id, xml_text
from broadsheet.formats.names import METS_NS, MIX_NS, MODS_NS, XLINK_NS, XSI_NS
from broadsheet.issue.model import Issue, IssueArticle, IssuePage
from broadsheet.model import Article, Page, RegionType

METS_NAME = "ISSUE.mets.xml"
SCHEMA_LOCATION = (f"{METS_NS} http://www.loc.gov/standards/mets/version1121/mets.xsd "
                   f"{MODS_NS} http://www.loc.gov/standards/mods/v3/mods-3-8.xsd")
HEADING_TYPES = frozenset({RegionType.KICKER, RegionType.TITLE, RegionType.SUBTITLE})
ISSUE_DMD = "MODSMD_ISSUE"
RECORD_SOURCE = "broadsheet"  # recordIdentifier source of an article's id in ISSUE.json


def _el(parent, tag: str, attrs: dict[str, str] | None = None, ns: str = METS_NS, text: str | None = None):
    # titles, folios and facts are OCR text: no control characters in XML
    node = etree.SubElement(parent, f"{{{ns}}}{tag}", {k: xml_text(v) for k, v in (attrs or {}).items()})
    if text is not None:
        node.text = xml_text(text)
    return node


def file_id(kind: str, number: int) -> str:
    return f"{kind}_{number:04d}"


def article_div_id(article_id: str) -> str:
    return xml_id(f"ART_{article_id}")


def article_dmd_id(article_id: str) -> str:
    return xml_id(f"MODSMD_{article_id}")


# ---------------------------------------------------------------- MODS

_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
_CJK_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_MONTH_DAY_YEAR = re.compile(r"\b([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b")
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})\.?\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})\b")


def w3cdtf(printed: str) -> str | None:
    """The date a header band prints (2010年5月12日 星期三, Wednesday, May 12, 2010) as YYYY-MM-DD,
    None when it does not read as one."""
    found = _CJK_DATE.search(printed)
    if found:
        parts = (found[1], found[2], found[3])
    elif found := _MONTH_DAY_YEAR.search(printed):
        parts = (found[3], _MONTHS.get(found[1].lower()), found[2])
    elif found := _DAY_MONTH_YEAR.search(printed):
        parts = (found[3], _MONTHS.get(found[2].lower()), found[1])
    else:
        return None
    try:
        return date(int(parts[0]), int(parts[1] or 0), int(parts[2])).isoformat()
    except ValueError:
        return None


def _mods_section(root, dmd_id: str):
    section = _el(root, "dmdSec", {"ID": dmd_id})
    wrap = _el(section, "mdWrap", {"MDTYPE": "MODS"})
    return _el(_el(wrap, "xmlData"), "mods", ns=MODS_NS)


def _issue_mods(root, issue: Issue, language: str | None) -> None:
    mods = _mods_section(root, ISSUE_DMD)
    facts = issue.facts
    if facts.paper:
        _el(_el(mods, "titleInfo", ns=MODS_NS), "title", ns=MODS_NS, text=facts.paper)
    _el(mods, "typeOfResource", ns=MODS_NS, text="text")
    _el(mods, "genre", ns=MODS_NS, text="newspaper issue")
    if facts.date:
        origin = _el(mods, "originInfo", ns=MODS_NS)
        _el(origin, "dateIssued", ns=MODS_NS, text=facts.date)
        iso = w3cdtf(facts.date)
        if iso:
            _el(origin, "dateIssued", {"encoding": "w3cdtf", "keyDate": "yes"}, ns=MODS_NS, text=iso)
    if language:
        _el(_el(mods, "language", ns=MODS_NS), "languageTerm", {"type": "code", "authority": "rfc5646"},
            ns=MODS_NS, text=language)
    if facts.number:
        detail = _el(_el(mods, "part", ns=MODS_NS), "detail", {"type": "issue"}, ns=MODS_NS)
        _el(detail, "number", ns=MODS_NS, text=facts.number)


def _article_mods(root, article: IssueArticle) -> None:
    mods = _mods_section(root, article_dmd_id(article.id))
    if article.title or article.subtitle:
        title_info = _el(mods, "titleInfo", ns=MODS_NS)
        if article.title:
            _el(title_info, "title", ns=MODS_NS, text=article.title)
        if article.subtitle:
            _el(title_info, "subTitle", ns=MODS_NS, text=article.subtitle)
    _el(mods, "typeOfResource", ns=MODS_NS, text="text")
    _el(mods, "genre", ns=MODS_NS, text="article")
    pages = [part.page for part in article.parts]
    extent = _el(_el(mods, "part", ns=MODS_NS), "extent", {"unit": "pages"}, ns=MODS_NS)
    _el(extent, "start", ns=MODS_NS, text=str(min(pages)))
    _el(extent, "end", ns=MODS_NS, text=str(max(pages)))
    record = _el(mods, "recordInfo", ns=MODS_NS)
    _el(record, "recordIdentifier", {"source": RECORD_SOURCE}, ns=MODS_NS, text=article.id)


# ---------------------------------------------------------------- files


def image_href(issue_page: IssuePage, out_dir: Path) -> str:
    """The page's input image as a URL relative to the METS (absolute where no relative path
    leads there, e.g. another drive); a PDF's page with RFC 8118's `#page=N`."""
    source = Path(issue_page.source).resolve()
    try:
        href = pathname2url(os.path.relpath(source, out_dir.resolve()))
    except ValueError:
        href = source.as_uri()
    if source.suffix.lower() == ".pdf":
        href += f"#page={issue_page.source_page}"
    return href


def _mimetype(source: str) -> str:
    return mimetypes.guess_type(Path(source).name)[0] or "application/octet-stream"


def _file_sec(root, issue: Issue, out_dir: Path) -> None:
    sec = _el(root, "fileSec")
    images = _el(sec, "fileGrp", {"ID": "IMGGRP", "USE": "Images"})
    pages_per_source: dict[str, int] = {}
    for issue_page in issue.pages:
        pages_per_source[issue_page.source] = pages_per_source.get(issue_page.source, 0) + 1
    for issue_page in issue.pages:
        attrs = {"ID": file_id("IMG", issue_page.number), "MIMETYPE": _mimetype(issue_page.source),
                 "ADMID": file_id("TECHMD_IMG", issue_page.number)}
        if Path(issue_page.source).suffix.lower() in (".tif", ".tiff") and pages_per_source[issue_page.source] > 1:
            attrs["SEQ"] = str(issue_page.source_page)  # the frame: TIFF has no fragment syntax
        image = _el(images, "file", attrs)
        _el(image, "FLocat", {"LOCTYPE": "URL", f"{{{XLINK_NS}}}href": image_href(issue_page, out_dir)})
    texts = _el(sec, "fileGrp", {"ID": "ALTOGRP", "USE": "Text"})
    for issue_page in issue.pages:
        text = _el(texts, "file", {"ID": file_id("ALTO", issue_page.number), "MIMETYPE": "text/xml"})
        _el(text, "FLocat", {"LOCTYPE": "URL",
                             f"{{{XLINK_NS}}}href": pathname2url(f"{issue_page.name}.alto.xml")})


def _amd_sec(root, issue: Issue, pages: dict[int, Page]) -> None:
    sec = _el(root, "amdSec", {"ID": "AMD"})
    for issue_page in issue.pages:
        page = pages[issue_page.number]
        tech = _el(sec, "techMD", {"ID": file_id("TECHMD_IMG", issue_page.number)})
        mix = _el(_el(_el(tech, "mdWrap", {"MDTYPE": "NISOIMG"}), "xmlData"), "mix", ns=MIX_NS)
        basic = _el(_el(mix, "BasicImageInformation", ns=MIX_NS), "BasicImageCharacteristics", ns=MIX_NS)
        _el(basic, "imageWidth", ns=MIX_NS, text=str(page.width))
        _el(basic, "imageHeight", ns=MIX_NS, text=str(page.height))


# ---------------------------------------------------------------- structure


def _physical(root, issue: Issue) -> None:
    sequence = _el(_el(root, "structMap", {"TYPE": "PHYSICAL"}), "div", {"ID": "DIVP", "TYPE": "physSequence"})
    for issue_page in issue.pages:
        attrs = {"ID": file_id("PHYS", issue_page.number), "TYPE": "page", "ORDER": str(issue_page.number)}
        if issue_page.folio:
            attrs["ORDERLABEL"] = issue_page.folio
        div = _el(sequence, "div", attrs)
        _el(div, "fptr", {"FILEID": file_id("IMG", issue_page.number)})
        _el(div, "fptr", {"FILEID": file_id("ALTO", issue_page.number)})


Area = tuple[str, str]  # (ALTO file id, block id)


def _div(parent, div_type: str, areas: list[Area], attrs: dict[str, str] | None = None):
    """A logical div with its areas (none left out: a div without areas is not written)."""
    div = _el(parent, "div", {**(attrs or {}), "TYPE": div_type})
    if areas:
        holder = _el(div, "fptr")
        if len(areas) > 1:
            holder = _el(holder, "seq")
        for fileid, begin in areas:
            _el(holder, "area", {"FILEID": fileid, "BEGIN": begin, "BETYPE": "IDREF"})
    return div


class _Blocks:
    """Each page's ALTO file id and block ids, to turn regions and photos into areas."""

    def __init__(self, issue: Issue, pages: dict[int, Page]):
        self.pages = pages
        self.files = {p.number: file_id("ALTO", p.number) for p in issue.pages}
        self.ids = {number: alto.block_ids(page) for number, page in pages.items()}

    def regions(self, number: int, region_ids: list[str]) -> list[Area]:
        ids = self.ids[number]
        return [(self.files[number], ids[rid]) for rid in region_ids if rid in ids]

    def photo(self, number: int, photo_id: str) -> list[Area]:
        block = self.ids[number].get(f"photo:{photo_id}")
        return [(self.files[number], block)] if block else []


def _illustration(parent, blocks: _Blocks, number: int, photo_id: str, div_id: str) -> None:
    page = blocks.pages[number]
    captions = [r.id for r in page.regions if r.type == RegionType.CAPTION and r.photo == photo_id]
    illustration = _div(parent, "ILLUSTRATION", blocks.photo(number, photo_id), {"ID": div_id})
    if captions:
        _div(illustration, "CAPTION", blocks.regions(number, captions))


def _article(parent, article: IssueArticle, blocks: _Blocks) -> None:
    attrs = {"ID": article_div_id(article.id), "DMDID": article_dmd_id(article.id)}
    if article.title:
        attrs["LABEL"] = article.title
    div = _el(parent, "div", {**attrs, "TYPE": "ARTICLE"})
    heading: list[Area] = []
    body: list[Area] = []
    photos: list[tuple[int, str]] = []
    for part in article.parts:
        page = blocks.pages[part.page]
        page_article: Article = page.article(part.article)
        types = {r.id: r.type for r in page.regions}
        heading += blocks.regions(part.page, [r for r in page_article.regions if types.get(r) in HEADING_TYPES])
        body += blocks.regions(part.page, [r for r in page_article.regions if types.get(r) not in HEADING_TYPES
                                           and types.get(r) not in (RegionType.PHOTO, RegionType.CAPTION)])
        photos += [(part.page, pid) for pid in page_article.photos]
    if heading:
        _div(div, "HEADING", heading)
    if body:
        _div(div, "BODY", body)
    for number, photo_id in photos:
        _illustration(div, blocks, number, photo_id, xml_id(f"ILL_{article.id}_p{number}_{photo_id}"))


def _logical(root, issue: Issue, blocks: _Blocks) -> None:
    newspaper = _el(_el(root, "structMap", {"TYPE": "LOGICAL"}), "div", {"ID": "DIVL", "TYPE": "Newspaper"})
    attrs = {"ID": "DIVL_ISSUE", "DMDID": ISSUE_DMD}
    label = " ".join(f for f in (issue.facts.paper, issue.facts.date, issue.facts.number) if f)
    if label:
        attrs["LABEL"] = label
    issue_div = _el(newspaper, "div", {**attrs, "TYPE": "ISSUE"})
    articles_at = {}
    for article in issue.articles:
        articles_at.setdefault(article.parts[0].page, []).append(article)
    for issue_page in issue.pages:
        for article in articles_at.get(issue_page.number, []):
            _article(issue_div, article, blocks)
        page = blocks.pages[issue_page.number]
        for photo in page.photos:
            if photo.article is None:  # photo-news: an item of its own
                _illustration(issue_div, blocks, issue_page.number, photo.id,
                              xml_id(f"ILL_p{issue_page.number}_{photo.id}"))


def build(issue: Issue, pages: dict[int, Page], out_dir: Path) -> etree._Element:
    nsmap = {"mets": METS_NS, "mods": MODS_NS, "mix": MIX_NS, "xlink": XLINK_NS, "xsi": XSI_NS}
    root = etree.Element(f"{{{METS_NS}}}mets", nsmap=nsmap)
    root.set(f"{{{XSI_NS}}}schemaLocation", SCHEMA_LOCATION)
    root.set("TYPE", "Newspaper")
    header = _el(root, "metsHdr")
    agent = _el(header, "agent", {"ROLE": "CREATOR", "TYPE": "OTHER", "OTHERTYPE": "SOFTWARE"})
    _el(agent, "name", text=f"broadsheet {alto.software_version()}")
    first = pages[issue.pages[0].number] if issue.pages else None
    _issue_mods(root, issue, page_language(first) if first is not None and first.script else None)
    for article in issue.articles:
        _article_mods(root, article)
    _amd_sec(root, issue, pages)
    _file_sec(root, issue, out_dir)
    _physical(root, issue)
    _logical(root, issue, _Blocks(issue, pages))
    return root


def write(issue: Issue, pages: dict[int, Page], out_dir: Path) -> list[Path]:
    """The pages' ALTO files, then ISSUE.mets.xml (each temp file, then rename)."""
    written: list[Path] = []
    for issue_page in issue.pages:
        written += write_xml(alto.build(pages[issue_page.number], issue_page.name),
                             out_dir / f"{issue_page.name}.alto.xml")
    return written + write_xml(build(issue, pages, out_dir), out_dir / METS_NAME)
