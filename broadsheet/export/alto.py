"""NAME.alto.xml: ALTO v4.4 (Library of Congress), pixel units.

How the page model is encoded (read back by `broadsheet.export.readers.read_alto`):
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
- ReadingOrder: one OrderedGroup per item of page.reading_order (TAGREFS = its tag) whose
  ElementRefs list the article's regions in order (a photo-news item: its photo block).
- Layout/Page/PrintSpace: blocks in reading order. Text regions are TextBlocks (ID = region id,
  TAGREFS = article tag, photo tag for captions, role tag); a photo and its caption blocks are
  grouped in a `ComposedBlock TYPE="photo"` holding an Illustration (ID = the photo region's id)
  and the caption TextBlocks; separators are GraphicalElements. Each line is a TextLine with one
  String per space-separated word (one String per line for CJK), WC = line confidence; LANG is the
  page's language (`page_language`).
IDs are used as they are when they are valid XML IDs (NCName), otherwise they are made valid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from lxml import etree

from broadsheet import __version__
from broadsheet.export.xmlfile import write_xml
from broadsheet.model import Article, BBox, Page, PageHeader, Photo, Region, RegionType, TextDirection

ALTO_NS = "http://www.loc.gov/standards/alto/ns-v4#"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
XLINK_NS = "http://www.w3.org/1999/xlink"
BS_NS = "urn:broadsheet:page"
ALTO_SCHEMA_LOCATION = "http://www.loc.gov/standards/alto/v4/alto-4-4.xsd"
VERTICAL_TAG = "dir_vertical_rl"
HEADER_TAG = "page_header"
PAGE_FACTS = ("rotation", "skew_angle", "text_size", "working_scale")  # numbers no standard element holds

_NCNAME = re.compile(r"^[A-Za-z_][\w.\-]*$")


def xml_id(value: str) -> str:
    """An XML ID (NCName) for one of our ids: unchanged when already valid."""
    if _NCNAME.match(value):
        return value
    return "id_" + re.sub(r"[^\w.\-]", "_", value)


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(page: Page) -> Page:
    """A copy of `page` without characters XML 1.0 cannot hold (control characters from OCR)."""
    def clean(value):
        if isinstance(value, str):
            return _XML_INVALID.sub("", value)
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        if isinstance(value, list):
            return [clean(v) for v in value]
        return value

    return Page.from_dict(clean(page.to_dict()))


_IDEOGRAPH = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


def page_language(page: Page) -> str:
    """'zh' when ideographs are at least 30% of the page's letters, else 'en': the page model keeps
    no language, and the default recogniser (PP-OCR) reads only Chinese and English."""
    text = "".join(line.text for region in page.regions for line in region.lines)
    letters = sum(ch.isalpha() for ch in text)
    return "zh" if len(_IDEOGRAPH.findall(text)) >= 0.3 * letters else "en"


def page_facts(page: Page) -> list[tuple[str, str]]:
    return [(key, str(getattr(page, key))) for key in PAGE_FACTS if getattr(page, key) is not None]


def folio_regions(page: Page) -> set[str]:
    """Ids of masthead regions that print just the header's folio: the page number."""
    folio = page.header.folio if page.header else None
    return {r.id for r in page.regions
            if folio and r.type == RegionType.MASTHEAD and r.text.strip() == folio.strip()}


def role_tag(region_type: RegionType) -> str:
    return f"role_{region_type}"


def bbox_attrs(bbox: BBox) -> dict[str, str]:
    x0, y0, x1, y1 = bbox
    return {"HPOS": str(x0), "VPOS": str(y0), "WIDTH": str(max(x1 - x0, 0)),
            "HEIGHT": str(max(y1 - y0, 0))}


def format_box(bbox: BBox) -> str:
    return " ".join(str(v) for v in bbox)


# ---------------------------------------------------------------- order shared by XML writers


@dataclass
class Block:
    """One unit of the document order: a single region, or a photo with its captions."""

    region: Region | None = None
    photo: Photo | None = None
    photo_region: Region | None = None
    captions: list[Region] = field(default_factory=list)

    @property
    def regions(self) -> list[Region]:
        if self.photo is None:
            return [self.region] if self.region else []
        return ([self.photo_region] if self.photo_region else []) + self.captions


def photo_region(page: Page, photo: Photo) -> Region | None:
    """The photo-type region showing `photo` (linked by id, else by identical box)."""
    candidates = [r for r in page.regions if r.type == RegionType.PHOTO]
    return (next((r for r in candidates if r.photo == photo.id), None)
            or next((r for r in candidates if r.photo is None and tuple(r.bbox) == tuple(photo.bbox)),
                    None))


def document_order(page: Page) -> list[Block]:
    """Mastheads, then articles/photo-news in reading order, then everything else."""
    photos = {p.id: p for p in page.photos}
    articles = {a.id: a for a in page.articles}
    region_by_id = {r.id: r for r in page.regions}
    photo_regions = {p.id: photo_region(page, p) for p in page.photos}
    region_photo = {r.id: pid for pid, r in photo_regions.items() if r is not None}
    rank = {r.id: i for i, r in enumerate(page.regions)}
    for article in page.articles:
        for i, rid in enumerate(article.regions):
            rank.setdefault(rid, i)
    blocks: list[Block] = []
    done_regions: set[str] = set()
    done_photos: set[str] = set()

    def photo_of(region: Region) -> str | None:
        if region.id in region_photo:
            return region_photo[region.id]
        if region.type == RegionType.CAPTION and region.photo in photos:
            return region.photo
        return None

    def add_photo(photo: Photo) -> None:
        if photo.id in done_photos:
            return
        done_photos.add(photo.id)
        captions = [r for r in page.regions if r.type == RegionType.CAPTION and r.photo == photo.id
                    and r.id not in done_regions]
        owner = articles.get(photo.article)
        if owner is not None:
            order = {rid: i for i, rid in enumerate(owner.regions)}
            captions.sort(key=lambda r: (order.get(r.id, len(order)), rank[r.id]))
        block = Block(photo=photo, photo_region=photo_regions.get(photo.id), captions=captions)
        done_regions.update(r.id for r in block.regions)
        blocks.append(block)

    def add_region(region: Region) -> None:
        if region.id in done_regions:
            return
        pid = photo_of(region)
        if pid is not None:
            add_photo(photos[pid])
            return
        done_regions.add(region.id)
        blocks.append(Block(region=region))

    def add_item(item_id: str) -> None:
        if item_id in articles:
            article = articles[item_id]
            for rid in article.regions:
                if rid in region_by_id:
                    add_region(region_by_id[rid])
            for pid in article.photos:
                if pid in photos:
                    add_photo(photos[pid])
        elif item_id in photos:
            add_photo(photos[item_id])

    for region in page.regions:
        if region.type == RegionType.MASTHEAD and region.article is None:
            add_region(region)
    for item_id in page.reading_order:
        add_item(item_id)
    for article in page.articles:
        add_item(article.id)
    for photo in page.photos:
        add_photo(photo)
    for region in page.regions:
        add_region(region)
    return blocks


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

    description = _el(root, "Description")
    _el(description, "MeasurementUnit").text = "pixel"
    source = _el(description, "sourceImageInformation")
    _el(source, "fileName").text = page.source or name
    processing = _el(description, "OCRProcessing", {"ID": "ocr_1"})
    step = _el(processing, "ocrProcessingStep")
    _el(step, "processingStepSettings").text = " ".join(f"{k}={v};" for k, v in page_facts(page))
    software = _el(step, "processingSoftware")
    _el(software, "softwareName").text = "broadsheet"
    _el(software, "softwareVersion").text = __version__

    blocks = document_order(page)
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
    if len(tags) == 0:
        root.remove(tags)

    # block ids first: the reading order refers to them
    block_ids: dict[str, str] = {}  # region id or "photo:<id>" -> XML id of its block
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

    _reading_order(root, page, block_ids)

    layout = _el(root, "Layout")
    alto_page = _el(layout, "Page", {"ID": "page_1", "PHYSICAL_IMG_NR": "1",
                                     "WIDTH": str(page.width), "HEIGHT": str(page.height)})
    space = _el(alto_page, "PrintSpace", {"HPOS": "0", "VPOS": "0", "WIDTH": str(page.width),
                                          "HEIGHT": str(page.height)})
    known = {el.get("ID") for el in tags}
    language = page_language(page)
    for block in blocks:
        if block.photo is None:
            _region_block(space, block.region, known, language)
        else:
            _photo_block(space, block, block_ids, known, language)
    return etree.ElementTree(root)


def _reading_order(root, page: Page, block_ids: dict[str, str]) -> None:
    articles = {a.id: a for a in page.articles}
    photos = {p.id: p for p in page.photos}
    groups = []
    for item_id in page.reading_order:
        if item_id in articles:
            refs = [block_ids[rid] for rid in articles[item_id].regions if rid in block_ids]
        elif item_id in photos and f"photo:{item_id}" in block_ids:
            refs = [block_ids[f"photo:{item_id}"]]
        else:
            continue
        if refs:
            groups.append((item_id, refs))
    if not groups:
        return
    order = _el(root, "ReadingOrder")
    top = _el(order, "OrderedGroup", {"ID": "ro"})
    for item_id, refs in groups:
        gid = xml_id(f"ro_{item_id}")
        group = _el(top, "OrderedGroup", {"ID": gid, "TAGREFS": xml_id(item_id)})
        for i, ref in enumerate(refs, 1):
            _el(group, "ElementRef", {"ID": f"{gid}_{i}", "REF": ref})
    # ReadingOrder must come before Layout (appended later), after Tags: already in place


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


def write(page: Page, image: np.ndarray, out_dir: Path, name: str) -> list[Path]:
    return write_xml(build(page, name), out_dir / f"{name}.alto.xml")
