"""NAME.page.xml: PAGE-XML 2019-07-15 (PRImA), pixel coordinates of the input image.

How the page model is encoded (read back by `broadsheet.formats.pagexml.read_pagexml`):
- Regions: TextRegion for text-bearing types with the PAGE type mapping title/kicker/subtitle/
  subhead -> heading, text -> paragraph, byline -> credit, caption -> caption, masthead -> header
  (the one printing the header's folio -> page-number), continuation and other -> other; our exact
  type and links are kept in `custom="structure {type:kicker; article:a1; photo:p1;}"`.
  Photo regions are ImageRegions, separators SeparatorRegions. Each line is a TextLine with a
  rectangle Coords and TextEquiv/Unicode (conf = line confidence); the region's TextEquiv is its
  lines joined by newlines. Vertical lines have readingDirection="top-to-bottom".
- Photos: each photo's ImageRegion carries UserDefined attributes (photo id, bbox, article,
  image, caption title, caption paragraphs, credit). A photo without a photo region still gets an
  ImageRegion (id `<photo>_img`, custom `structure {type:photo-only; ...}`), which is not read back
  as a region.
- Captions -> photos: one Relation type="link" custom="caption" per caption region
  (SourceRegionRef = caption, TargetRegionRef = the photo's ImageRegion).
- ReadingOrder: an OrderedGroup of one OrderedGroupIndexed per article and photo-news item in the
  page's reading-order walk (`Page.in_reading_order`).
  An article's group (custom `structure {type:article; id:a1;}`, caption = title) lists its
  regions with RegionRefIndexed in the article's order and holds kicker/title/subtitle/byline
  (byline_apart: true for an own-line byline), continued_from, every paragraph verbatim with each
  subhead just before the paragraph it stands before, and continued_to as UserDefined/UserAttribute
  (name="paragraph" / "subhead", in order) — PAGE has no paragraph element spanning regions, so
  that is how paragraphs round-trip exactly.
  A photo-news group (custom `structure {type:photo; id:p1;}`) lists the photo and its captions.
  Items page.reading_order leaves out follow in document order, their groups marked
  `ordered:false;`, so that reading the file back gives page.reading_order as it was. An article
  with no regions at all cannot form a valid group and is not written.
- The page header (header.paper, header.folio, ...) and rotation, skew_angle, text_size and
  working_scale: UserDefined attributes of the Page.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import numpy as np
from lxml import etree

from broadsheet.export.order import document_order
from broadsheet.export.xmlcommon import folio_regions, format_box, page_facts, write_xml, xml_id, xml_safe
from broadsheet.formats.names import PAGE_NS, XSI_NS
from broadsheet.inputs import PageOrigin
from broadsheet.model import Article, BBox, Page, Photo, Region, RegionType, TextDirection

PAGE_SCHEMA_LOCATION = f"{PAGE_NS} {PAGE_NS}/pagecontent.xsd"

PAGE_TEXT_TYPE = {
    RegionType.MASTHEAD: "header",
    RegionType.KICKER: "heading",
    RegionType.TITLE: "heading",
    RegionType.SUBTITLE: "heading",
    RegionType.SUBHEAD: "heading",
    RegionType.BYLINE: "credit",
    RegionType.TEXT: "paragraph",
    RegionType.CAPTION: "caption",
    RegionType.CONTINUATION: "other",
    RegionType.OTHER: "other",
}


def points(bbox: BBox) -> str:
    x0, y0, x1, y1 = bbox
    return f"{x0},{y0} {x1},{y0} {x1},{y1} {x0},{y1}"


def custom(kind: str, **values: str | None) -> str:
    body = " ".join(f"{k}:{v};" for k, v in values.items() if v is not None)
    return f"structure {{type:{kind};{' ' + body if body else ''}}}"


def _el(parent, tag: str, attrs: dict[str, str] | None = None):
    return etree.SubElement(parent, f"{{{PAGE_NS}}}{tag}", attrs or {})


def _user_defined(parent, values: list[tuple[str, str]]):
    if not values:
        return
    ud = _el(parent, "UserDefined")
    for key, value in values:
        _el(ud, "UserAttribute", {"name": key, "type": "xsd:string", "value": value})


def _conf(value: float) -> str:
    return f"{min(max(value, 0.0), 1.0):.4f}".rstrip("0").rstrip(".")


def article_values(article: Article) -> list[tuple[str, str]]:
    values = [("id", article.id), ("bbox", format_box(article.bbox))]
    values += [(k, getattr(article, k)) for k in ("kicker", "title", "subtitle", "byline", "continued_from")
               if getattr(article, k) is not None]
    if article.byline_apart:
        values.append(("byline_apart", "true"))
    # a subhead goes just before the paragraph it stands before: the order says where it is printed
    for index, paragraph in enumerate(article.paragraphs):
        values += [("subhead", s.text) for s in article.subheads if s.before == index]
        values.append(("paragraph", paragraph))
    values += [("subhead", s.text) for s in article.subheads if s.before >= len(article.paragraphs)]
    if article.continued_to is not None:
        values.append(("continued_to", article.continued_to))
    values += [("photo", p) for p in article.photos]
    return values


def photo_values(photo: Photo) -> list[tuple[str, str]]:
    values = [("photo", photo.id), ("bbox", format_box(photo.bbox))]
    if photo.article is not None:
        values.append(("article", photo.article))
    if photo.image is not None:
        values.append(("image", photo.image))
    if photo.caption_title is not None:
        values.append(("caption_title", photo.caption_title))
    values += [("caption", c) for c in photo.caption]
    if photo.credit is not None:
        values.append(("credit", photo.credit))
    return values


def page_values(page: Page) -> list[tuple[str, str]]:
    header = vars(page.header) if page.header else {}
    return [(f"header.{k}", v) for k, v in header.items() if v is not None] + page_facts(page)


def build(page: Page, name: str) -> etree._ElementTree:
    page = xml_safe(page)
    root = etree.Element(f"{{{PAGE_NS}}}PcGts", nsmap={None: PAGE_NS, "xsi": XSI_NS})
    root.set(f"{{{XSI_NS}}}schemaLocation", PAGE_SCHEMA_LOCATION)
    metadata = _el(root, "Metadata")
    now = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    _el(metadata, "Creator").text = "broadsheet"
    _el(metadata, "Created").text = now
    _el(metadata, "LastChange").text = now
    xml_page = _el(root, "Page", {"imageFilename": page.source or name,
                                  "imageWidth": str(page.width), "imageHeight": str(page.height)})

    blocks = document_order(page)
    region_ids = {r.id for b in blocks for r in b.regions}
    image_id: dict[str, str] = {}  # photo id -> id of its ImageRegion
    for block in blocks:
        if block.photo is not None:
            image_id[block.photo.id] = xml_id(block.photo_region.id if block.photo_region
                                              else f"{block.photo.id}_img")

    _reading_order(xml_page, page, region_ids, image_id, blocks)
    relations = [(xml_id(c.id), image_id[b.photo.id]) for b in blocks if b.photo for c in b.captions]
    if relations:
        rel = _el(xml_page, "Relations")
        for i, (source, target) in enumerate(relations, 1):
            relation = _el(rel, "Relation", {"id": f"rel_{i}", "type": "link", "custom": "caption"})
            _el(relation, "SourceRegionRef", {"regionRef": source})
            _el(relation, "TargetRegionRef", {"regionRef": target})
    _user_defined(xml_page, page_values(page))

    folios = folio_regions(page)
    for block in blocks:
        if block.photo is not None:
            _image_region(xml_page, block.photo, block.photo_region, image_id[block.photo.id])
            for caption in block.captions:
                _region(xml_page, caption, folios)
        else:
            _region(xml_page, block.region, folios)
    return etree.ElementTree(root)


def _reading_order(xml_page, page: Page, region_ids: set[str], image_id: dict[str, str],
                   blocks) -> None:
    captions = {b.photo.id: b.captions for b in blocks if b.photo}
    listed = set(page.reading_order)
    groups = []
    for item in page.in_reading_order():
        ordered = None if item.id in listed else "false"  # left out of the order: follows it
        if isinstance(item, Article):
            refs = [xml_id(r) for r in item.regions if r in region_ids]
            groups.append((custom("article", id=item.id, ordered=ordered), item.title, refs,
                           article_values(item)))
        elif item.id in image_id:
            refs = [image_id[item.id]] + [xml_id(c.id) for c in captions.get(item.id, [])]
            groups.append((custom("photo", id=item.id, ordered=ordered), None, refs, []))
    groups = [g for g in groups if g[2]]  # a group needs at least one member
    if not groups:
        return
    order = _el(xml_page, "ReadingOrder")
    top = _el(order, "OrderedGroup", {"id": "ro", "caption": "reading order"})
    for index, (custom_value, caption, refs, values) in enumerate(groups):
        attrs = {"id": f"ro_{index}", "index": str(index), "custom": custom_value}
        if caption:
            attrs["caption"] = caption
        group = _el(top, "OrderedGroupIndexed", attrs)
        _user_defined(group, values)
        for j, ref in enumerate(refs):
            _el(group, "RegionRefIndexed", {"index": str(j), "regionRef": ref})


def _region(parent, region: Region, folios: set[str]) -> None:
    attrs = {"id": xml_id(region.id),
             "custom": custom(str(region.type), article=region.article, photo=region.photo)}
    if region.type == RegionType.SEPARATOR and not region.lines:
        node = _el(parent, "SeparatorRegion", attrs)
        _el(node, "Coords", {"points": points(region.bbox)})
        return
    if region.type == RegionType.PHOTO and not region.lines:
        node = _el(parent, "ImageRegion", attrs)
        _el(node, "Coords", {"points": points(region.bbox)})
        return
    text_type = "page-number" if region.id in folios else PAGE_TEXT_TYPE.get(region.type, "other")
    node = _el(parent, "TextRegion", {**attrs, "type": text_type})
    _el(node, "Coords", {"points": points(region.bbox)})
    for i, line in enumerate(region.lines, 1):
        line_attrs = {"id": xml_id(f"{region.id}_l{i}")}
        if line.direction == TextDirection.VERTICAL_RL:
            line_attrs["readingDirection"] = "top-to-bottom"
        text_line = _el(node, "TextLine", line_attrs)
        _el(text_line, "Coords", {"points": points(line.bbox)})
        equiv = _el(text_line, "TextEquiv", {"conf": _conf(line.confidence)})
        _el(equiv, "Unicode").text = line.text
    if region.lines:
        confs = [line.confidence for line in region.lines]
        equiv = _el(node, "TextEquiv", {"conf": _conf(sum(confs) / len(confs))})
        _el(equiv, "Unicode").text = region.text


def _image_region(parent, photo: Photo, region: Region | None, region_id: str) -> None:
    if region is not None:
        attrs = {"id": region_id,
                 "custom": custom("photo", article=region.article, photo=region.photo)}
        box = region.bbox
    else:
        attrs = {"id": region_id, "custom": custom("photo-only", article=photo.article,
                                                   photo=photo.id)}
        box = photo.bbox
    node = _el(parent, "ImageRegion", attrs)
    _el(node, "Coords", {"points": points(box)})
    _user_defined(node, photo_values(photo))


def write(page: Page, image: np.ndarray, out_dir: Path, name: str,
          origin: PageOrigin | None = None) -> list[Path]:
    return write_xml(build(page, name), out_dir / f"{name}.page.xml")
