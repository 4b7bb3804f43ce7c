"""NAME.alto.xml: ALTO v4.4 (Library of Congress), pixel units.

How the page model is encoded (read back by `broadsheet.formats.alto.read_alto`):
- Tags: one `StructureTag TYPE="article"` per article (ID = article id, LABEL = title) and one
  `StructureTag TYPE="photo"` per photo (ID = photo id). ALTO has no element for kicker, byline or
  paragraphs, so each tag's `XmlData` holds the article's structured text verbatim in our own
  namespace (`urn:broadsheet:page`: bs:article with bs:kicker/title/subtitle/byline (`apart="true"`
  for an own-line byline)/continued_from/p, a bs:subhead before the bs:p it stands before,
  bs:continued_to/photo; bs:photo with bs:caption_title/caption/credit), which is what makes
  paragraphs round-trip exactly. The page header is one `StructureTag TYPE="header"`
  (ID `page_header`) whose XmlData holds bs:header with bs:paper/folio/section/date/staff; the
  masthead blocks refer to it. One `RoleTag` per region type (ID `role_title`, `role_subhead`, ...)
  and a `LayoutTag` `dir_vertical_rl` for vertical lines.
- Description: rotation, skew_angle, text_size and working_scale as `name=value;` pairs in the
  processing step's `processingStepSettings`.
- ReadingOrder: one OrderedGroup per article and photo-news item in the page's reading-order walk
  (`Page.in_reading_order`), TAGREFS = its tag, whose ElementRefs list the article's regions in
  order (a photo-news item: its photo block). Items page.reading_order leaves out follow in
  document order, their groups also tagged `order_implied` (an OtherTag), so that reading the
  file back gives page.reading_order as it was. An item without blocks has no group.
- Layout/Page/PrintSpace: blocks in reading order (`broadsheet.export.order`). Text regions are
  TextBlocks (ID = region id, TAGREFS = article tag, photo tag for captions, role tag); a photo and
  its caption blocks are grouped in a `ComposedBlock TYPE="photo"` holding an Illustration (ID =
  the photo region's id) and the caption TextBlocks; separators are GraphicalElements. Each line is a TextLine with one
  String per space-separated word (one String per line for CJK), WC = line confidence; LANG is the
  page's language (`page_language`).
IDs are used as they are when they are valid XML IDs (NCName), otherwise they are made valid.
"""

from __future__ import annotations

from functools import cache
from importlib.metadata import version
from pathlib import Path

import numpy as np
from lxml import etree

from broadsheet.export.order import Block, document_order
from broadsheet.export.xmlcommon import format_box, page_facts, page_language, write_xml, xml_id, xml_safe
from broadsheet.formats.names import (
    ALTO_NS,
    BS_NS,
    HEADER_TAG,
    ORDER_IMPLIED_TAG,
    STEP_DESCRIPTIONS,
    VERTICAL_TAG,
    XLINK_NS,
    XSI_NS,
)
from broadsheet.inputs import PageOrigin
from broadsheet.model import Article, BBox, EngineInfo, Page, PageHeader, Photo, Region, RegionType, TextDirection

ALTO_SCHEMA_LOCATION = "http://www.loc.gov/standards/alto/v4/alto-4-4.xsd"


@cache
def software_version() -> str:
    # the version the installed package declares: the package root sits above the writers, which
    # must not import it
    return version("broadsheet")


def role_tag(region_type: RegionType) -> str:
    return f"role_{region_type}"


def bbox_attrs(bbox: BBox) -> dict[str, str]:
    x0, y0, x1, y1 = bbox
    return {"HPOS": str(x0), "VPOS": str(y0), "WIDTH": str(max(x1 - x0, 0)),
            "HEIGHT": str(max(y1 - y0, 0))}


# ---------------------------------------------------------------- writer


def _el(parent, tag: str, attrs: dict[str, str] | None = None, ns: str = ALTO_NS):
    attrs = {k: v for k, v in (attrs or {}).items() if v or k != "TAGREFS"}  # no empty IDREFS
    return etree.SubElement(parent, f"{{{ns}}}{tag}", attrs)


def _tag_label(text: str | None, fallback: str) -> str:
    text = (text or "").strip().replace("\n", " ")
    return text or fallback


def _article_xml(parent, article: Article) -> None:
    data = _el(parent, "XmlData")
    node = _el(data, "article", {"id": article.id, "bbox": format_box(article.bbox)}, ns=BS_NS)
    for key in ("kicker", "title", "subtitle", "byline", "continued_from"):
        value = getattr(article, key)
        if value is not None:
            _el(node, key, {"apart": "true"} if key == "byline" and article.byline_apart else {},
                ns=BS_NS).text = value
    # subheads stand in the body where they are printed: before the paragraph numbered `before`
    for index, paragraph in enumerate(article.paragraphs):
        for subhead in article.subheads:
            if subhead.before == index:
                _el(node, "subhead", ns=BS_NS).text = subhead.text
        _el(node, "p", ns=BS_NS).text = paragraph
    for subhead in article.subheads:
        if subhead.before >= len(article.paragraphs):
            _el(node, "subhead", ns=BS_NS).text = subhead.text
    if article.continued_to is not None:
        _el(node, "continued_to", ns=BS_NS).text = article.continued_to
    for pid in article.photos:
        _el(node, "photo", {"ref": pid}, ns=BS_NS)
    for rid in article.regions:
        _el(node, "region", {"ref": rid}, ns=BS_NS)


def _photo_xml(parent, photo: Photo) -> None:
    data = _el(parent, "XmlData")
    attrs = {"id": photo.id, "bbox": format_box(photo.bbox)}
    if photo.article is not None:
        attrs["article"] = photo.article
    if photo.image is not None:
        attrs["image"] = photo.image
    node = _el(data, "photo", attrs, ns=BS_NS)
    if photo.caption_title is not None:
        _el(node, "caption_title", ns=BS_NS).text = photo.caption_title
    for paragraph in photo.caption:
        _el(node, "caption", ns=BS_NS).text = paragraph
    if photo.credit is not None:
        _el(node, "credit", ns=BS_NS).text = photo.credit


def _header_tag(tags, header: PageHeader) -> None:
    tag = _el(tags, "StructureTag", {"ID": HEADER_TAG, "TYPE": "header",
                                     "LABEL": _tag_label(header.paper, "page header")})
    node = _el(_el(tag, "XmlData"), "header", ns=BS_NS)
    for key, value in vars(header).items():
        if value is not None:
            _el(node, key, ns=BS_NS).text = value


def _refs(known: set[str], *ids: str | None) -> str:
    """TAGREFS value: only ids of tags that exist (IDREFS must not dangle)."""
    return " ".join(dict.fromkeys(xml_id(i) for i in ids if i and xml_id(i) in known))


def build(page: Page, name: str) -> etree._ElementTree:
    page = xml_safe(page)
    nsmap = {None: ALTO_NS, "xsi": XSI_NS, "xlink": XLINK_NS, "bs": BS_NS}
    root = etree.Element(f"{{{ALTO_NS}}}alto", nsmap=nsmap)
    root.set(f"{{{XSI_NS}}}schemaLocation", f"{ALTO_NS} {ALTO_SCHEMA_LOCATION}")
    root.set("SCHEMAVERSION", "4.4")
    _description(root, page, name)

    blocks = document_order(page)
    block_ids = _block_ids(blocks)
    groups = _order_groups(page, block_ids)
    known = _tags(root, page, blocks, implied_order=any(not listed for _, _, listed in groups))
    _reading_order(root, groups)  # after Tags, before Layout

    layout = _el(root, "Layout")
    alto_page = _el(layout, "Page", {"ID": "page_1", "PHYSICAL_IMG_NR": "1",
                                     "WIDTH": str(page.width), "HEIGHT": str(page.height)})
    space = _el(alto_page, "PrintSpace", {"HPOS": "0", "VPOS": "0", "WIDTH": str(page.width),
                                          "HEIGHT": str(page.height)})
    language = page_language(page)
    for block in blocks:
        if block.photo is None:
            _region_block(space, block.region, known, language)
        else:
            _photo_block(space, block, block_ids, known, language)
    return etree.ElementTree(root)


def _description(root, page: Page, name: str) -> None:
    """OCRProcessing: the engines' line detection as pre-processing steps, their recognition as
    the OCR step, broadsheet's layout and assembly (with the page's facts) as post-processing."""
    description = _el(root, "Description")
    _el(description, "MeasurementUnit").text = "pixel"
    source = _el(description, "sourceImageInformation")
    _el(source, "fileName").text = page.source or name
    processing = _el(description, "OCRProcessing", {"ID": "ocr_1"})
    for engine in page.engines:
        if engine.role == "detection":
            _engine_step(processing, "preProcessingStep", engine)
    readers = [engine for engine in page.engines if engine.role == "recognition"]
    if readers:
        _engine_step(processing, "ocrProcessingStep", readers[0])
    step = _el(processing, "postProcessingStep" if readers else "ocrProcessingStep")
    _el(step, "processingStepDescription").text = STEP_DESCRIPTIONS["broadsheet"]
    _el(step, "processingStepSettings").text = " ".join(f"{k}={v};" for k, v in page_facts(page))
    _software(step, "broadsheet", software_version())


def _engine_step(processing, tag: str, engine: EngineInfo) -> None:
    step = _el(processing, tag)
    _el(step, "processingStepDescription").text = STEP_DESCRIPTIONS[engine.role]
    _el(step, "processingStepSettings").text = f"model={engine.model}; languages={','.join(engine.languages)};"
    _software(step, engine.name, engine.version)


def _software(step, name: str, software_version: str) -> None:
    software = _el(step, "processingSoftware")
    _el(software, "softwareName").text = name
    _el(software, "softwareVersion").text = software_version


def _tags(root, page: Page, blocks: list[Block], implied_order: bool) -> set[str]:
    """The Tags element (left out when empty); returns the ids of its tags."""
    used_types = {r.type for b in blocks for r in b.regions}
    has_vertical = any(line.direction == TextDirection.VERTICAL_RL
                       for r in page.regions for line in r.lines)
    tags = _el(root, "Tags")
    if has_vertical:
        _el(tags, "LayoutTag", {"ID": VERTICAL_TAG, "TYPE": "text-direction", "LABEL": "vertical-rl"})
    for region_type in RegionType:
        if region_type in used_types:
            _el(tags, "RoleTag", {"ID": role_tag(region_type), "TYPE": "region",
                                  "LABEL": str(region_type)})
    for article in page.articles:
        tag = _el(tags, "StructureTag", {"ID": xml_id(article.id), "TYPE": "article",
                                         "LABEL": _tag_label(article.title, article.id)})
        _article_xml(tag, article)
    for photo in page.photos:
        label = _tag_label(photo.caption[0] if photo.caption else None, photo.id)
        tag = _el(tags, "StructureTag", {"ID": xml_id(photo.id), "TYPE": "photo", "LABEL": label})
        _photo_xml(tag, photo)
    if page.header is not None and not page.header.is_empty():
        _header_tag(tags, page.header)
    if implied_order:
        _el(tags, "OtherTag", {"ID": ORDER_IMPLIED_TAG, "TYPE": "reading-order",
                               "LABEL": "not in the page's reading order: follows it in document order"})
    if len(tags) == 0:
        root.remove(tags)
    return {el.get("ID") for el in tags}


def block_ids(page: Page) -> dict[str, str]:
    """The ids `build` gives the page's blocks: region id, or "photo:<id>" for a photo's
    Illustration, -> its XML id (what a METS area's BEGIN names)."""
    return _block_ids(document_order(xml_safe(page)))


def _block_ids(blocks: list[Block]) -> dict[str, str]:
    """Region id, or "photo:<id>" for a photo, -> the XML id of its block."""
    block_ids: dict[str, str] = {}
    for block in blocks:
        if block.photo is not None:
            if block.photo_region is None:
                block_ids[f"photo:{block.photo.id}"] = xml_id(f"{block.photo.id}_img")
            for region in block.regions:
                block_ids[region.id] = xml_id(region.id)
        else:
            block_ids[block.region.id] = xml_id(block.region.id)
    for block in blocks:
        if block.photo is not None and block.photo_region is not None:
            block_ids.setdefault(f"photo:{block.photo.id}", xml_id(block.photo_region.id))
    return block_ids


def _order_groups(page: Page, block_ids: dict[str, str]) -> list[tuple[str, list[str], bool]]:
    """(item id, its blocks' ids, whether the page's reading order lists it) for each article and
    photo-news item in the page's reading-order walk that has blocks."""
    listed = set(page.reading_order)
    groups = []
    for item in page.in_reading_order():
        if isinstance(item, Article):
            refs = [block_ids[rid] for rid in item.regions if rid in block_ids]
        else:
            refs = [block_ids[f"photo:{item.id}"]] if f"photo:{item.id}" in block_ids else []
        if refs:
            groups.append((item.id, refs, item.id in listed))
    return groups


def _reading_order(root, groups: list[tuple[str, list[str], bool]]) -> None:
    if not groups:
        return
    order = _el(root, "ReadingOrder")
    top = _el(order, "OrderedGroup", {"ID": "ro"})
    for item_id, refs, listed in groups:
        gid = xml_id(f"ro_{item_id}")
        tagrefs = xml_id(item_id) if listed else f"{xml_id(item_id)} {ORDER_IMPLIED_TAG}"
        group = _el(top, "OrderedGroup", {"ID": gid, "TAGREFS": tagrefs})
        for i, ref in enumerate(refs, 1):
            _el(group, "ElementRef", {"ID": f"{gid}_{i}", "REF": ref})


def _region_block(parent, region: Region, known: set[str], language: str) -> None:
    header = HEADER_TAG if region.type == RegionType.MASTHEAD else None
    attrs = {"ID": xml_id(region.id), **bbox_attrs(region.bbox),
             "TAGREFS": _refs(known, region.article, region.photo, header, role_tag(region.type))}
    if region.type == RegionType.SEPARATOR and not region.lines:
        _el(parent, "GraphicalElement", attrs)
        return
    if region.type == RegionType.PHOTO and not region.lines:
        _el(parent, "Illustration", {**attrs, "TYPE": "photo"})
        return
    block = _el(parent, "TextBlock", {**attrs, "LANG": language})
    for i, line in enumerate(region.lines, 1):
        line_attrs = {"ID": xml_id(f"{region.id}_l{i}"), **bbox_attrs(line.bbox)}
        if line.direction == TextDirection.VERTICAL_RL:
            line_attrs["TAGREFS"] = VERTICAL_TAG
        text_line = _el(block, "TextLine", line_attrs)
        conf = f"{min(max(line.confidence, 0.0), 1.0):.4f}".rstrip("0").rstrip(".")
        words = line.text.split()
        if len(words) > 1 and " ".join(words) == line.text:
            for j, word in enumerate(words):
                if j:
                    _el(text_line, "SP")
                _el(text_line, "String", {"CONTENT": word, "WC": conf})
        else:
            _el(text_line, "String", {"CONTENT": line.text, **bbox_attrs(line.bbox), "WC": conf})


def _photo_block(parent, block: Block, block_ids: dict[str, str], known: set[str],
                 language: str) -> None:
    photo = block.photo
    boxes = [photo.bbox] + [r.bbox for r in block.regions]
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    group = _el(parent, "ComposedBlock", {"ID": xml_id(f"{photo.id}_group"),
                                          **bbox_attrs((x0, y0, x1, y1)),
                                          "TAGREFS": _refs(known, photo.article, photo.id),
                                          "TYPE": "photo"})
    if block.photo_region is not None:
        _region_block(group, block.photo_region, known, language)
    else:
        _el(group, "Illustration", {"ID": block_ids[f"photo:{photo.id}"], **bbox_attrs(photo.bbox),
                                    "TAGREFS": _refs(known, photo.article, photo.id), "TYPE": "photo"})
    for caption in block.captions:
        _region_block(group, caption, known, language)


def write(page: Page, image: np.ndarray, out_dir: Path, name: str,
          origin: PageOrigin | None = None) -> list[Path]:
    return write_xml(build(page, name), out_dir / f"{name}.alto.xml")
