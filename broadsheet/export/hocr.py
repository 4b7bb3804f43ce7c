"""NAME.hocr: hOCR 1.2 (XHTML), boxes in pixels of the input image.

One `ocr_page` (bbox, image); per region, in reading order (see `order.document_order`): an
`ocr_carea` holding one `ocr_par` of `ocr_line`s (`title="bbox x0 y0 x1 y1; x_wconf NN"`,
`textangle 270` for vertical lines); photos are `ocr_photo`, separators `ocr_separator`.
Our region type and links are kept as data-type / data-article / data-photo attributes, and an
`ocr_carea` also carries the hOCR 1.2 class of its type where there is one (`HOCR_CLASS`): captions
`ocr_caption`, own-line bylines `ocr_author`, subheads `ocr_subsection` (the heading of a part of
the article); masthead regions are `ocr_header` floats, the one printing the header's folio
`ocr_pageno`. Continuation notices have no hOCR class: plain `ocr_carea`. The document's `lang` is
the page's language (`xmlcommon.page_language`).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from lxml import etree

from broadsheet.export.order import document_order
from broadsheet.export.xmlcommon import folio_regions, page_language, write_xml, xml_id, xml_safe
from broadsheet.inputs import PageOrigin
from broadsheet.model import BBox, Page, Region, RegionType, TextDirection

XHTML_NS = "http://www.w3.org/1999/xhtml"
DOCTYPE = ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
           '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">')


HOCR_CLASS = {
    RegionType.CAPTION: "ocr_carea ocr_caption",
    RegionType.BYLINE: "ocr_carea ocr_author",
    RegionType.SUBHEAD: "ocr_carea ocr_subsection",
    RegionType.MASTHEAD: "ocr_header",
}
CAPABILITIES = ("ocr_page ocr_carea ocr_par ocr_line ocr_photo ocr_separator ocr_caption ocr_author "
                "ocr_subsection ocr_header ocr_pageno")


def bbox_title(bbox: BBox) -> str:
    return "bbox {} {} {} {}".format(*bbox)


def _el(parent, tag: str, attrs: dict[str, str] | None = None):
    return etree.SubElement(parent, f"{{{XHTML_NS}}}{tag}", attrs or {})


def build(page: Page, name: str) -> etree._ElementTree:
    page = xml_safe(page)
    html = etree.Element(f"{{{XHTML_NS}}}html", nsmap={None: XHTML_NS})
    language = page_language(page)
    html.set("{http://www.w3.org/XML/1998/namespace}lang", language)
    html.set("lang", language)
    head = _el(html, "head")
    _el(head, "title").text = page.source or name
    _el(head, "meta", {"http-equiv": "Content-Type", "content": "text/html;charset=utf-8"})
    # hOCR names one system: ours, with the engines that found and read the lines
    engines = sorted({f"{e.name} {e.version} {e.model}" for e in page.engines})
    _el(head, "meta", {"name": "ocr-system", "content": "; ".join(["broadsheet", *engines])})
    _el(head, "meta", {"name": "ocr-capabilities", "content": CAPABILITIES})
    body = _el(html, "body")
    ocr_page = _el(body, "div", {"class": "ocr_page", "id": "page_1",
                                 "title": f"image \"{page.source or name}\"; "
                                          f"bbox 0 0 {page.width} {page.height}; ppageno 0"})
    counter = {"par": 0}
    folios = folio_regions(page)
    for block in document_order(page):
        for region in block.regions:
            _region(ocr_page, region, counter, folios)
        if block.photo is not None and block.photo_region is None:
            _el(ocr_page, "div", {"class": "ocr_photo", "id": xml_id(f"{block.photo.id}_img"),
                                  "title": bbox_title(block.photo.bbox),
                                  "data-photo": block.photo.id})
    return etree.ElementTree(html)


def _data(region: Region) -> dict[str, str]:
    attrs = {"data-type": str(region.type)}
    if region.article:
        attrs["data-article"] = region.article
    if region.photo:
        attrs["data-photo"] = region.photo
    return attrs


def _region(parent, region: Region, counter: dict[str, int], folios: set[str]) -> None:
    title = bbox_title(region.bbox)
    if region.type in (RegionType.PHOTO, RegionType.SEPARATOR) and not region.lines:
        cls = "ocr_photo" if region.type == RegionType.PHOTO else "ocr_separator"
        _el(parent, "div", {"class": cls, "id": xml_id(region.id), "title": title, **_data(region)})
        return
    cls = "ocr_pageno" if region.id in folios else HOCR_CLASS.get(region.type, "ocr_carea")
    area = _el(parent, "div", {"class": cls, "id": xml_id(region.id), "title": title,
                               **_data(region)})
    if not region.lines:
        return
    counter["par"] += 1
    par = _el(area, "p", {"class": "ocr_par", "id": f"par_{counter['par']}", "title": title})
    for i, line in enumerate(region.lines, 1):
        wconf = round(min(max(line.confidence, 0.0), 1.0) * 100)
        line_title = f"{bbox_title(line.bbox)}; x_wconf {wconf}"
        if line.direction == TextDirection.VERTICAL_RL:
            line_title += "; textangle 270"
        span = _el(par, "span", {"class": "ocr_line", "id": xml_id(f"{region.id}_l{i}"),
                                 "title": line_title})
        span.text = line.text
        if i < len(region.lines):
            span.tail = "\n"


def write(page: Page, image: np.ndarray, out_dir: Path, name: str,
          origin: PageOrigin | None = None) -> list[Path]:
    return write_xml(build(page, name), out_dir / f"{name}.hocr", doctype=DOCTYPE)
