"""Reading our PAGE-XML files back into a Page (the inverse of `broadsheet.export.pagexml`, whose
docstring gives the encoding). A file written by another tool, without our UserDefined values and
custom attributes, still gives its articles from the reading order's groups and PAGE's own region
types, rebuilt by `common.fallback_article`."""

from __future__ import annotations

import os
import re

from lxml import etree

from broadsheet.errors import InputFileError
from broadsheet.formats.common import box_from_text, fallback_article, page_facts, region_type
from broadsheet.formats.names import PAGE_NS
from broadsheet.formats.safexml import parse_root
from broadsheet.model import Article, BBox, Line, Page, PageHeader, Photo, Region, RegionType, Subhead, TextDirection

_P = f"{{{PAGE_NS}}}"
_CUSTOM = re.compile(r"structure\s*\{([^}]*)\}")
PAGE_TYPE_FALLBACK = {"heading": RegionType.TITLE, "paragraph": RegionType.TEXT,
                      "caption": RegionType.CAPTION, "credit": RegionType.BYLINE,
                      "header": RegionType.MASTHEAD, "page-number": RegionType.MASTHEAD}


def read_pagexml(path: str | os.PathLike) -> Page:
    root = parse_root(path, PAGE_NS, "PcGts", "PAGE-XML")
    xml_page = root.find(f"{_P}Page")
    if xml_page is None:
        raise InputFileError(f"{path}: PAGE-XML without a Page element")
    regions, photos = _regions(xml_page)
    _link_captions(xml_page, regions)
    by_id = {r.id: r for r in regions}

    articles: list[Article] = []
    reading_order: list[str] = []
    top = xml_page.find(f"{_P}ReadingOrder/{_P}OrderedGroup")
    groups = sorted(top.iterfind(f"{_P}OrderedGroupIndexed"), key=lambda g: int(g.get("index"))) \
        if top is not None else []
    for number, group in enumerate(groups):
        info = parse_custom(group.get("custom"))
        refs = [r.get("regionRef") for r in sorted(group.iterfind(f"{_P}RegionRefIndexed"),
                                                   key=lambda r: int(r.get("index")))]
        kind = info.get("type", "article")
        item_id = info.get("id") or group.get("id") or f"a{number + 1}"
        if info.get("ordered") != "false":  # ordered:false marks an item the page's order leaves out
            reading_order.append(item_id)
        if kind == "photo":
            continue
        values = _user_values(group)
        if values:
            articles.append(_article_from_values(values, item_id, refs))
        else:
            articles.append(fallback_article(item_id, group.get("caption"),
                                             [by_id[r] for r in refs if r in by_id]))
    page_values = dict(_user_values(xml_page))
    return Page(width=int(xml_page.get("imageWidth")), height=int(xml_page.get("imageHeight")),
                source=xml_page.get("imageFilename"), header=_header_from_values(page_values),
                articles=articles, photos=photos, regions=regions, reading_order=reading_order,
                **page_facts(page_values))


def parse_custom(value: str | None) -> dict[str, str]:
    match = _CUSTOM.search(value or "")
    if not match:
        return {}
    pairs = (item.split(":", 1) for item in match.group(1).split(";") if ":" in item)
    return {k.strip(): v.strip() for k, v in pairs}


def _box_from_points(text: str) -> BBox:
    pts = [tuple(float(v) for v in p.split(",")) for p in text.split()]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return (round(min(xs)), round(min(ys)), round(max(xs)), round(max(ys)))


def _user_values(node) -> list[tuple[str, str]]:
    return [(a.get("name"), a.get("value", "")) for a in node.iterfind(f"{_P}UserDefined/{_P}UserAttribute")]


def _lines(node) -> list[Line]:
    lines = []
    for text_line in node.iterfind(f"{_P}TextLine"):
        equiv = text_line.find(f"{_P}TextEquiv")
        text = equiv.findtext(f"{_P}Unicode") if equiv is not None else ""
        conf = equiv.get("conf") if equiv is not None else None
        vertical = text_line.get("readingDirection") == "top-to-bottom"
        lines.append(Line(text=text or "",
                          bbox=_box_from_points(text_line.find(f"{_P}Coords").get("points")),
                          confidence=float(conf) if conf is not None else 1.0,
                          direction=TextDirection.VERTICAL_RL if vertical
                          else TextDirection.HORIZONTAL_LR))
    return lines


def _regions(xml_page) -> tuple[list[Region], list[Photo]]:
    """The regions in document order, and the photos our metadata on ImageRegions describes."""
    regions: list[Region] = []
    photos: list[Photo] = []
    region_names = ("TextRegion", "ImageRegion", "SeparatorRegion", "GraphicRegion")
    for node in xml_page:
        local = etree.QName(node).localname
        if local not in region_names:
            continue
        info = parse_custom(node.get("custom"))
        values = _user_values(node)
        if local == "ImageRegion" and any(k == "photo" for k, _ in values):
            photos.append(_photo_from_values(values))
        if info.get("type") == "photo-only":
            continue
        default = {"TextRegion": PAGE_TYPE_FALLBACK.get(node.get("type"), RegionType.OTHER),
                   "ImageRegion": RegionType.PHOTO, "SeparatorRegion": RegionType.SEPARATOR,
                   "GraphicRegion": RegionType.OTHER}[local]
        regions.append(Region(id=node.get("id"), type=region_type(info.get("type"), default),
                              bbox=_box_from_points(node.find(f"{_P}Coords").get("points")),
                              lines=_lines(node), article=info.get("article"),
                              photo=info.get("photo")))
    return regions, photos


def _link_captions(xml_page, regions: list[Region]) -> None:
    """Captions linked by Relations when the custom attribute does not say."""
    image_photo = {}
    for node in xml_page.iterfind(f"{_P}ImageRegion"):
        photo_id = next((v for k, v in _user_values(node) if k == "photo"), None)
        image_photo[node.get("id")] = photo_id or node.get("id")
    by_id = {r.id: r for r in regions}
    for relation in xml_page.iterfind(f"{_P}Relations/{_P}Relation"):
        source = relation.find(f"{_P}SourceRegionRef")
        target = relation.find(f"{_P}TargetRegionRef")
        if source is None or target is None:
            continue
        caption = by_id.get(source.get("regionRef"))
        if caption is not None and caption.photo is None and target.get("regionRef") in image_photo:
            caption.photo = image_photo[target.get("regionRef")]


def _header_from_values(values: dict[str, str]) -> PageHeader | None:
    fields = {key: values.get(f"header.{key}") for key in vars(PageHeader())}
    return PageHeader(**fields) if any(fields.values()) else None


def _photo_from_values(values: list[tuple[str, str]]) -> Photo:
    one = dict(values)
    return Photo(id=one["photo"], bbox=box_from_text(one["bbox"]), article=one.get("article"),
                 image=one.get("image"), caption_title=one.get("caption_title"),
                 caption=[v for k, v in values if k == "caption"], credit=one.get("credit"))


def _article_from_values(values: list[tuple[str, str]], item_id: str, refs: list[str]) -> Article:
    one = dict(values)
    paragraphs: list[str] = []
    subheads: list[Subhead] = []
    for key, value in values:  # a subhead stands before the paragraph that follows it
        if key == "paragraph":
            paragraphs.append(value)
        elif key == "subhead":
            subheads.append(Subhead(value, len(paragraphs)))
    return Article(id=one.get("id", item_id), bbox=box_from_text(one["bbox"]),
                   kicker=one.get("kicker"), title=one.get("title"), subtitle=one.get("subtitle"),
                   byline=one.get("byline"), byline_apart=one.get("byline_apart") == "true",
                   paragraphs=paragraphs, subheads=subheads,
                   continued_from=one.get("continued_from"), continued_to=one.get("continued_to"),
                   photos=[v for k, v in values if k == "photo"], regions=refs)
