"""Reading an issue's METS package back (the inverse of `broadsheet.export.mets`, whose docstring
gives the layout): METS -> the ALTO files it lists (`read_alto`) -> the issue's articles.

An article's parts are the (page, article) pairs its logical areas land on, in the order of its
areas; its text is rebuilt from those articles of the pages' ALTO as the issue step builds it
(`broadsheet.issue.step.issue_article`). Every area must name a block of the ALTO file it points
into.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from lxml import etree

from broadsheet.errors import InputFileError
from broadsheet.formats.alto import read_alto
from broadsheet.formats.names import ALTO_NS, METS_NS, MODS_NS, XLINK_NS
from broadsheet.formats.safexml import parse_root, safe_parser
from broadsheet.issue.continuations import read_part
from broadsheet.issue.model import ArticlePart, Issue, IssueFacts, IssuePage
from broadsheet.issue.step import issue_article
from broadsheet.model import Page

_M = f"{{{METS_NS}}}"
_MODS = f"{{{MODS_NS}}}"
_HREF = f"{{{XLINK_NS}}}href"
ALTO_SUFFIX = ".alto.xml"


def read_mets(path: str | os.PathLike) -> tuple[Issue, dict[int, Page]]:
    """The issue (its source: the METS file) and its pages by IssuePage.number."""
    path = Path(path)
    root = parse_root(path, METS_NS, "mets", "METS")
    files = _files(root)
    dmd = {sec.get("ID"): sec.find(f".//{_MODS}mods") for sec in root.iterfind(f"{_M}dmdSec")}
    issue = Issue(source=str(path))
    pages: dict[int, Page] = {}
    blocks: dict[str, dict[str, tuple[int, str | None]]] = {}  # ALTO file id -> block id -> page, article
    for div in root.iterfind(f"{_M}structMap[@TYPE='PHYSICAL']//{_M}div[@TYPE='page']"):
        if not (div.get("ORDER") or "").isdigit():
            raise InputFileError(f"{path}: a page ({div.get('ID')}) without its place in the issue (ORDER)")
        number = int(div.get("ORDER"))
        image, alto_id = None, None
        for fptr in div.iterfind(f"{_M}fptr"):
            use, href, seq = files.get(fptr.get("FILEID"), (None, None, None))
            if use == "Text":
                alto_id, alto_href = fptr.get("FILEID"), href
            elif use == "Images":
                image = (href, seq)
        if alto_id is None:
            raise InputFileError(f"{path}: page {number} has no ALTO file")
        alto_path = path.parent / _local(alto_href)
        if not alto_path.is_file():
            raise InputFileError(f"{path}: page {number}'s ALTO {alto_path} is not there")
        pages[number] = read_alto(alto_path)
        blocks[alto_id] = _blocks(alto_path, number, pages[number])
        source, source_page = _image(path, *image) if image else ("", 1)
        issue.pages.append(IssuePage(number=number, name=alto_path.name.removesuffix(ALTO_SUFFIX), source=source,
                                     source_page=source_page, folio=div.get("ORDERLABEL")))
    issue.pages.sort(key=lambda p: p.number)
    logical = root.find(f"{_M}structMap[@TYPE='LOGICAL']")
    issue_div = logical.find(f".//{_M}div[@TYPE='ISSUE']") if logical is not None else None
    if issue_div is not None:
        issue.facts = _facts(dmd.get(issue_div.get("DMDID")))
        for div in issue_div.iterfind(f"{_M}div[@TYPE='ARTICLE']"):
            parts = _parts(path, div, blocks)
            if parts:
                read = [read_part(p.page, pages[p.page].article(p.article)) for p in parts]
                issue.articles.append(issue_article(_record_id(dmd.get(div.get("DMDID")), div), read))
    return issue, pages


def _files(root) -> dict[str, tuple[str | None, str, str | None]]:
    """File id -> (its group's USE, its FLocat href, its SEQ)."""
    files = {}
    for group in root.iterfind(f"{_M}fileSec/{_M}fileGrp"):
        for node in group.iterfind(f"{_M}file"):
            location = node.find(f"{_M}FLocat")
            files[node.get("ID")] = (group.get("USE"), location.get(_HREF, "") if location is not None else "",
                                     node.get("SEQ"))
    return files


def _local(href: str) -> str:
    return url2pathname(unquote(urlsplit(href).path))


def _image(mets_path: Path, href: str, seq: str | None) -> tuple[str, int]:
    """The image file (resolved beside the METS) and which of its pages: `#page=N`, else SEQ."""
    parts = urlsplit(href)
    local = url2pathname(unquote(parts.path))
    source = local if parts.scheme == "file" else os.path.normpath(mets_path.parent / local)
    fragment = dict(p.split("=", 1) for p in parts.fragment.split("&") if "=" in p)
    page = fragment.get("page") or seq or "1"
    return source, int(page) if page.isdigit() else 1


def _blocks(alto_path: Path, number: int, page: Page) -> dict[str, tuple[int, str | None]]:
    """Every ID in the ALTO file's layout -> (page number, the article its block belongs to)."""
    layout = etree.parse(str(alto_path), safe_parser()).getroot().find(f"{{{ALTO_NS}}}Layout")
    ids = {node.get("ID") for node in layout.iter() if node.get("ID")} if layout is not None else set()
    articles = {a.id for a in page.articles}
    owner: dict[str, str | None] = {r.id: r.article for r in page.regions if r.article in articles}
    for photo in page.photos:
        if photo.article in articles:
            owner.setdefault(f"{photo.id}_img", photo.article)
    return {block: (number, owner.get(block)) for block in ids}


def _parts(path: Path, div, blocks) -> list[ArticlePart]:
    parts: list[ArticlePart] = []
    for area in div.iter(f"{_M}area"):
        fileid, begin = area.get("FILEID"), area.get("BEGIN")
        if begin not in blocks.get(fileid, {}):
            raise InputFileError(f"{path}: area {begin!r} of {div.get('ID')} names no block of {fileid}")
        number, article = blocks[fileid][begin]
        if article is not None and ArticlePart(number, article) not in parts:
            parts.append(ArticlePart(number, article))
    return parts


def _record_id(mods, div) -> str:
    if mods is not None:
        found = mods.findtext(f"{_MODS}recordInfo/{_MODS}recordIdentifier")
        if found:
            return found
    return div.get("ID").removeprefix("ART_")


def _facts(mods) -> IssueFacts:
    if mods is None:
        return IssueFacts()
    printed = [d.text for d in mods.iterfind(f"{_MODS}originInfo/{_MODS}dateIssued") if d.get("encoding") is None]
    return IssueFacts(paper=mods.findtext(f"{_MODS}titleInfo/{_MODS}title"),
                      date=printed[0] if printed else None,
                      number=mods.findtext(f"{_MODS}part/{_MODS}detail[@type='issue']/{_MODS}number"))
