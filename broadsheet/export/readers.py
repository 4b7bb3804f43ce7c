"""Reading our ALTO and PAGE-XML files back into a Page, and validating them offline.

`read_alto` / `read_pagexml` invert `broadsheet.export.alto` / `broadsheet.export.pagexml`
(see their docstrings for the encoding). On files written by other tools, which lack our
article metadata, they fall back to what the standard carries: articles from ALTO StructureTags
(TAGREFS) or PAGE OrderedGroups, with one paragraph per text region (lines joined as the pipeline
joins them), headings inside the body as subheads, and own-line bylines and continuation notices
where the region types tell them.

`validate_alto` / `validate_page` check a file against the official XSDs bundled in
`broadsheet/schemas/` without network access and return the list of error messages (empty when valid).

Files are parsed with a hardened parser (no network, no external or internal entity expansion,
libxml2's size and depth limits kept), since ground truth comes from anywhere. A file that is not
ALTO v4 or PAGE-XML 2019 by its root element is refused with one line (InputFileError).
"""

from __future__ import annotations

import os
import re
from functools import cache, reduce
from pathlib import Path

from lxml import etree

from broadsheet.errors import InputFileError
from broadsheet.export.alto import ALTO_NS, BS_NS, PAGE_FACTS, VERTICAL_TAG
from broadsheet.export.pagexml import PAGE_NS
from broadsheet.model import (
    Article,
    BBox,
    Line,
    Page,
    PageHeader,
    Photo,
    Region,
    RegionType,
    Subhead,
    TextDirection,
    union_bbox,
)
from broadsheet.postprocess.paragraphs import join_lines

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
XLINK_URL = "http://www.loc.gov/standards/xlink/xlink.xsd"
XSD_NS = "http://www.w3.org/2001/XMLSchema"

_A = f"{{{ALTO_NS}}}"
_P = f"{{{PAGE_NS}}}"
_B = f"{{{BS_NS}}}"


# ---------------------------------------------------------------- validation


def _safe_parser() -> etree.XMLParser:
    return etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False, huge_tree=False)


def _parse_root(path: str | os.PathLike, namespace: str, root_name: str, kind: str) -> etree._Element:
    """The root element, when it is `root_name` in `namespace`; else one line naming what it is."""
    # from bytes: bad bytes for the declared encoding are then a syntax error like any other
    root = etree.fromstring(Path(path).read_bytes(), _safe_parser())
    name = etree.QName(root)
    if name.localname == root_name and name.namespace != namespace:
        raise InputFileError(f"{path}: {kind} in namespace {name.namespace!r}; broadsheet reads {namespace!r}")
    if name.localname != root_name:
        raise InputFileError(f"{path}: not {kind} (its root element is {name.localname!r}, not {root_name!r})")
    return root


@cache
def alto_schema() -> etree.XMLSchema:
    """ALTO 4.4 with its xlink import pointed at the bundled xlink.xsd (no network)."""
    doc = etree.parse(str(SCHEMA_DIR / "alto-4-4.xsd"), _safe_parser())
    for node in doc.getroot().iter(f"{{{XSD_NS}}}import"):
        if node.get("schemaLocation") == XLINK_URL:
            node.set("schemaLocation", (SCHEMA_DIR / "xlink.xsd").as_uri())
    return etree.XMLSchema(doc)


@cache
def page_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA_DIR / "pagecontent-2019-07-15.xsd"), _safe_parser()))


def _validate(schema: etree.XMLSchema, path: str | os.PathLike) -> list[str]:
    doc = etree.parse(str(path), _safe_parser())
    if schema.validate(doc):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


def validate_alto(path: str | os.PathLike) -> list[str]:
    return _validate(alto_schema(), path)


def validate_page(path: str | os.PathLike) -> list[str]:
    return _validate(page_schema(), path)


# ---------------------------------------------------------------- helpers


def _box_from_attrs(node) -> BBox:
    x, y = float(node.get("HPOS", 0)), float(node.get("VPOS", 0))
    w, h = float(node.get("WIDTH", 0)), float(node.get("HEIGHT", 0))
    return (round(x), round(y), round(x + w), round(y + h))


def _box_from_text(text: str) -> BBox:
    x0, y0, x1, y1 = (int(round(float(v))) for v in text.split())
    return (x0, y0, x1, y1)


def _box_from_points(text: str) -> BBox:
    pts = [tuple(float(v) for v in p.split(",")) for p in text.split()]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return (round(min(xs)), round(min(ys)), round(max(xs)), round(max(ys)))


def _region_type(value: str | None, fallback: RegionType) -> RegionType:
    try:
        return RegionType(value)
    except ValueError:
        return fallback


def _joined(texts) -> str:
    """Lines (or regions) as one text the way the pipeline joins them: CJK without spaces, Latin
    words with one, a word hyphenated at the line end made whole."""
    return reduce(join_lines, texts, "")


_BODY_TYPES = (RegionType.TEXT, RegionType.SUBHEAD, RegionType.BYLINE, RegionType.CONTINUATION)
_HEADING_TYPES = (RegionType.KICKER, RegionType.TITLE, RegionType.SUBTITLE)


def _fallback_article(article_id: str, title: str | None, regions: list[Region]) -> Article:
    """An article from a foreign file: headings by type, one paragraph per text region. A heading
    below the start of the body is a subhead (PAGE has one `heading` type for both)."""
    boxes = [r.bbox for r in regions]
    article = Article(id=article_id, bbox=union_bbox(boxes) if boxes else (0, 0, 0, 0),
                      regions=[r.id for r in regions])
    headings: dict[RegionType, list[str]] = {}
    in_body = False
    for region in regions:
        text = _joined(line.text for line in region.lines)
        if not text or region.type not in _BODY_TYPES + _HEADING_TYPES:
            continue
        if region.type in _HEADING_TYPES and not in_body:
            headings.setdefault(region.type, []).append(text)
            continue
        in_body = True
        if region.type == RegionType.TEXT:
            article.paragraphs.append(text)
        elif region.type == RegionType.BYLINE:
            article.byline, article.byline_apart = text.lstrip("■□ "), True
        elif region.type == RegionType.CONTINUATION:
            notice = text.strip("()（） ")
            if article.paragraphs:
                article.continued_to = notice
            else:
                article.continued_from = notice
        else:
            article.subheads.append(Subhead(text, len(article.paragraphs)))
    article.kicker, article.title, article.subtitle = (
        _joined(headings[kind]) if kind in headings else None for kind in _HEADING_TYPES)
    article.title = article.title or title
    return article


# ---------------------------------------------------------------- ALTO


AltoTags = dict[str, tuple[str, etree._Element]]


def _alto_tags(root) -> AltoTags:
    """Tag id -> (kind, element); kind is article, photo, header, role or other."""
    tags = {}
    for tag in root.iterfind(f"{_A}Tags/*"):
        local = etree.QName(tag).localname
        if local == "StructureTag" and tag.get("TYPE") in ("article", "photo", "header"):
            tags[tag.get("ID")] = (tag.get("TYPE"), tag)
        elif local == "RoleTag" and tag.get("TYPE") == "region":
            tags[tag.get("ID")] = ("role", tag)
        else:
            tags[tag.get("ID")] = ("other", tag)
    return tags


def _tag_refs(node, tags: AltoTags, kind: str) -> list[str]:
    return [t for t in (node.get("TAGREFS") or "").split() if tags.get(t, ("",))[0] == kind]


def _alto_lines(block) -> list[Line]:
    lines = []
    for text_line in block.iterfind(f"{_A}TextLine"):
        parts, conf = [], None
        for child in text_line:
            name = etree.QName(child).localname
            if name == "String":
                parts.append(child.get("CONTENT", ""))
                if conf is None and child.get("WC") is not None:
                    conf = float(child.get("WC"))
            elif name == "SP":
                parts.append(" ")
        vertical = VERTICAL_TAG in (text_line.get("TAGREFS") or "").split()
        lines.append(Line(text="".join(parts), bbox=_box_from_attrs(text_line),
                          confidence=1.0 if conf is None else conf,
                          direction=TextDirection.VERTICAL_RL if vertical
                          else TextDirection.HORIZONTAL_LR))
    return lines


def _alto_regions(xml_page, tags: AltoTags) -> list[Region]:
    regions: list[Region] = []
    for block in xml_page.iter(f"{_A}TextBlock", f"{_A}Illustration", f"{_A}GraphicalElement"):
        local = etree.QName(block).localname
        roles = _tag_refs(block, tags, "role")
        photo_refs = _tag_refs(block, tags, "photo")
        if not roles and local == "Illustration" and photo_refs:
            continue  # a photo without a photo region: only the photo tag describes it
        default = {"TextBlock": RegionType.TEXT, "Illustration": RegionType.PHOTO,
                   "GraphicalElement": RegionType.SEPARATOR}[local]
        kind = _region_type(tags[roles[0]][1].get("LABEL") if roles else None, default)
        articles = _tag_refs(block, tags, "article")
        regions.append(Region(id=block.get("ID"), type=kind, bbox=_box_from_attrs(block),
                              lines=_alto_lines(block), article=articles[0] if articles else None,
                              photo=photo_refs[0] if photo_refs else None))
    return regions


def _alto_article(data, tag_id: str) -> Article:
    paragraphs: list[str] = []
    subheads: list[Subhead] = []
    for node in data:  # a subhead stands before the paragraph that follows it
        if node.tag == f"{_B}p":
            paragraphs.append(node.text or "")
        elif node.tag == f"{_B}subhead":
            subheads.append(Subhead(node.text or "", len(paragraphs)))
    byline = data.find(f"{_B}byline")
    return Article(
        id=data.get("id", tag_id), bbox=_box_from_text(data.get("bbox")),
        kicker=data.findtext(f"{_B}kicker"), title=data.findtext(f"{_B}title"),
        subtitle=data.findtext(f"{_B}subtitle"), byline=data.findtext(f"{_B}byline"),
        byline_apart=byline is not None and byline.get("apart") == "true",
        paragraphs=paragraphs, subheads=subheads,
        continued_from=data.findtext(f"{_B}continued_from"),
        continued_to=data.findtext(f"{_B}continued_to"),
        photos=[n.get("ref") for n in data.iterfind(f"{_B}photo")],
        regions=[n.get("ref") for n in data.iterfind(f"{_B}region")])


def _alto_photo(data, tag_id: str) -> Photo:
    return Photo(id=data.get("id", tag_id), bbox=_box_from_text(data.get("bbox")),
                 article=data.get("article"), image=data.get("image"),
                 caption_title=data.findtext(f"{_B}caption_title"),
                 caption=[c.text or "" for c in data.iterfind(f"{_B}caption")],
                 credit=data.findtext(f"{_B}credit"))


def _alto_header(data) -> PageHeader | None:
    if data is None:
        return None
    return PageHeader(**{key: data.findtext(f"{_B}{key}") for key in vars(PageHeader())})


def _page_facts(values: dict[str, str]) -> dict[str, float | int]:
    """rotation/skew_angle/text_size/working_scale from our name=value pairs; others are ignored."""
    facts: dict[str, float | int] = {}
    for key in PAGE_FACTS:
        try:
            facts[key] = (int if key == "rotation" else float)(values[key])
        except (KeyError, ValueError):
            continue
    return facts


def _settings(text: str | None) -> dict[str, str]:
    pairs = (item.split("=", 1) for item in (text or "").split(";") if "=" in item)
    return {k.strip(): v.strip() for k, v in pairs}


def read_alto(path: str | os.PathLike) -> Page:
    root = _parse_root(path, ALTO_NS, "alto", "ALTO")
    xml_page = root.find(f"{_A}Layout/{_A}Page")
    if xml_page is None:
        raise InputFileError(f"{path}: ALTO without a Layout/Page element")
    width, height = round(float(xml_page.get("WIDTH", 0))), round(float(xml_page.get("HEIGHT", 0)))
    source = root.findtext(f"{_A}Description/{_A}sourceImageInformation/{_A}fileName")
    settings = root.findtext(f"{_A}Description/{_A}OCRProcessing/{_A}ocrProcessingStep/"
                             f"{_A}processingStepSettings")
    tags = _alto_tags(root)
    regions = _alto_regions(xml_page, tags)

    # reading order and article region lists from ALTO ReadingOrder (if present)
    reading_order: list[str] = []
    group_regions: dict[str, list[str]] = {}
    for group in root.iterfind(f"{_A}ReadingOrder/{_A}OrderedGroup/{_A}OrderedGroup"):
        item_refs = [t for t in (group.get("TAGREFS") or "").split() if t in tags]
        if not item_refs:
            continue
        reading_order.append(item_refs[0])
        group_regions[item_refs[0]] = [r for e in group.iterfind(f"{_A}ElementRef")
                                       for r in e.get("REF").split()]

    articles: list[Article] = []
    photos: list[Photo] = []
    header = None
    by_id = {r.id: r for r in regions}
    for tag_id, (kind, tag) in tags.items():
        data = tag.find(f"{_A}XmlData/{_B}{kind}")
        if kind == "header":
            header = _alto_header(data)
        elif kind == "article" and data is not None:
            articles.append(_alto_article(data, tag_id))
        elif kind == "article":
            order = group_regions.get(tag_id)
            members = [by_id[r] for r in order if r in by_id] if order else \
                [r for r in regions if r.article == tag_id]
            label = tag.get("LABEL")  # our writer labels an article without a title by its id
            articles.append(_fallback_article(tag_id, label if label != tag_id else None, members))
        elif kind == "photo" and data is not None:
            photos.append(_alto_photo(data, tag_id))
        elif kind == "photo":
            members = [r for r in regions if r.photo == tag_id]
            pic = next((r for r in members if r.type == RegionType.PHOTO), None)
            photos.append(Photo(id=tag_id, bbox=pic.bbox if pic else (0, 0, 0, 0),
                                caption=[_joined(line.text for line in r.lines) for r in members
                                         if r.type == RegionType.CAPTION]))
    # ids that were not valid XML IDs were rewritten in the file; our metadata keeps the originals
    raw = {tag_id: data.get("id", tag_id) for tag_id, (kind, tag) in tags.items() if kind in ("article", "photo")
           for data in [tag.find(f"{_A}XmlData/{_B}{kind}")] if data is not None}
    reading_order = [raw.get(i, i) for i in reading_order]
    for region in regions:
        region.article = raw.get(region.article, region.article)
        region.photo = raw.get(region.photo, region.photo)
    if not reading_order:
        reading_order = [a.id for a in articles] + [p.id for p in photos if p.article is None]
    return Page(width=width, height=height, source=source, header=header, articles=articles,
                photos=photos, regions=regions, reading_order=reading_order,
                **_page_facts(_settings(settings)))


# ---------------------------------------------------------------- PAGE-XML

_CUSTOM = re.compile(r"structure\s*\{([^}]*)\}")
PAGE_TYPE_FALLBACK = {"heading": RegionType.TITLE, "paragraph": RegionType.TEXT,
                      "caption": RegionType.CAPTION, "credit": RegionType.BYLINE,
                      "header": RegionType.MASTHEAD, "page-number": RegionType.MASTHEAD}


def parse_custom(value: str | None) -> dict[str, str]:
    match = _CUSTOM.search(value or "")
    if not match:
        return {}
    pairs = (item.split(":", 1) for item in match.group(1).split(";") if ":" in item)
    return {k.strip(): v.strip() for k, v in pairs}


def _user_values(node) -> list[tuple[str, str]]:
    return [(a.get("name"), a.get("value", "")) for a in node.iterfind(f"{_P}UserDefined/{_P}UserAttribute")]


def _page_lines(node) -> list[Line]:
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


def _page_regions(xml_page) -> tuple[list[Region], list[Photo]]:
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
        regions.append(Region(id=node.get("id"), type=_region_type(info.get("type"), default),
                              bbox=_box_from_points(node.find(f"{_P}Coords").get("points")),
                              lines=_page_lines(node), article=info.get("article"),
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


def read_pagexml(path: str | os.PathLike) -> Page:
    root = _parse_root(path, PAGE_NS, "PcGts", "PAGE-XML")
    xml_page = root.find(f"{_P}Page")
    if xml_page is None:
        raise InputFileError(f"{path}: PAGE-XML without a Page element")
    regions, photos = _page_regions(xml_page)
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
        if kind == "photo":
            reading_order.append(item_id)
            continue
        values = _user_values(group)
        if values:
            articles.append(_article_from_values(values, item_id, refs))
        else:
            articles.append(_fallback_article(item_id, group.get("caption"),
                                              [by_id[r] for r in refs if r in by_id]))
        if info.get("ordered") != "false":
            reading_order.append(item_id)
    page_values = dict(_user_values(xml_page))
    return Page(width=int(xml_page.get("imageWidth")), height=int(xml_page.get("imageHeight")),
                source=xml_page.get("imageFilename"), header=_header_from_values(page_values),
                articles=articles, photos=photos, regions=regions, reading_order=reading_order,
                **_page_facts(page_values))


def _photo_from_values(values: list[tuple[str, str]]) -> Photo:
    one = dict(values)
    return Photo(id=one["photo"], bbox=_box_from_text(one["bbox"]), article=one.get("article"),
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
    return Article(id=one.get("id", item_id), bbox=_box_from_text(one["bbox"]),
                   kicker=one.get("kicker"), title=one.get("title"), subtitle=one.get("subtitle"),
                   byline=one.get("byline"), byline_apart=one.get("byline_apart") == "true",
                   paragraphs=paragraphs, subheads=subheads,
                   continued_from=one.get("continued_from"), continued_to=one.get("continued_to"),
                   photos=[v for k, v in values if k == "photo"], regions=refs)
