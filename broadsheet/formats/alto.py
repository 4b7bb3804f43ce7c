"""Reading our ALTO files back into a Page (the inverse of `broadsheet.export.alto`, whose docstring
gives the encoding). A file written by another tool, without our XmlData, still gives its articles
from the StructureTags its blocks refer to (TAGREFS), rebuilt by `common.fallback_article`."""

from __future__ import annotations

import os

from lxml import etree

from broadsheet.errors import InputFileError
from broadsheet.formats.common import box_from_text, fallback_article, joined, page_facts, region_type
from broadsheet.formats.names import ALTO_NS, BS_NS, ORDER_IMPLIED_TAG, VERTICAL_TAG
from broadsheet.formats.safexml import parse_root
from broadsheet.model import (
    Article,
    BBox,
    EngineInfo,
    Line,
    Page,
    PageHeader,
    Photo,
    Region,
    RegionType,
    Subhead,
    TextDirection,
)

_A = f"{{{ALTO_NS}}}"
_B = f"{{{BS_NS}}}"

AltoTags = dict[str, tuple[str, etree._Element]]


def read_alto(path: str | os.PathLike) -> Page:
    root = parse_root(path, ALTO_NS, "alto", "ALTO")
    xml_page = root.find(f"{_A}Layout/{_A}Page")
    if xml_page is None:
        raise InputFileError(f"{path}: ALTO without a Layout/Page element")
    width, height = round(float(xml_page.get("WIDTH", 0))), round(float(xml_page.get("HEIGHT", 0)))
    source = root.findtext(f"{_A}Description/{_A}sourceImageInformation/{_A}fileName")
    facts, engines = _processing(root)
    tags = _tags(root)
    regions = _regions(xml_page, tags)
    reading_order, group_regions = _reading_order(root, tags)
    articles, photos, header = _items(tags, regions, group_regions)
    # ids that were not valid XML IDs were rewritten in the file; our metadata keeps the originals
    raw = _original_ids(tags)
    reading_order = [raw.get(i, i) for i in reading_order]
    for region in regions:
        region.article = raw.get(region.article, region.article)
        region.photo = raw.get(region.photo, region.photo)
    if not reading_order:
        reading_order = [a.id for a in articles] + [p.id for p in photos if p.article is None]
    return Page(width=width, height=height, source=source, header=header, engines=engines, articles=articles,
                photos=photos, regions=regions, reading_order=reading_order, **facts)


def _processing(root) -> tuple[dict, list[EngineInfo]]:
    """The page's facts (from broadsheet's own step) and the engines of the other steps."""
    facts: dict = {}
    engines = []
    roles = {f"{_A}preProcessingStep": "detection", f"{_A}ocrProcessingStep": "recognition"}
    for step in root.iterfind(f"{_A}Description/{_A}OCRProcessing/*"):
        settings = _settings(step.findtext(f"{_A}processingStepSettings"))
        software = step.findtext(f"{_A}processingSoftware/{_A}softwareName")
        if software == "broadsheet":
            facts = page_facts(settings)
        elif step.tag in roles and "model" in settings:
            engines.append(EngineInfo(
                roles[step.tag], software or "", step.findtext(f"{_A}processingSoftware/{_A}softwareVersion") or "",
                settings["model"], [lang for lang in settings.get("languages", "").split(",") if lang]))
    return facts, engines


def _tags(root) -> AltoTags:
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


def _box(node) -> BBox:
    x, y = float(node.get("HPOS", 0)), float(node.get("VPOS", 0))
    w, h = float(node.get("WIDTH", 0)), float(node.get("HEIGHT", 0))
    return (round(x), round(y), round(x + w), round(y + h))


def _lines(block) -> list[Line]:
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
        lines.append(Line(text="".join(parts), bbox=_box(text_line),
                          confidence=1.0 if conf is None else conf,
                          direction=TextDirection.VERTICAL_RL if vertical
                          else TextDirection.HORIZONTAL_LR))
    return lines


def _regions(xml_page, tags: AltoTags) -> list[Region]:
    regions: list[Region] = []
    for block in xml_page.iter(f"{_A}TextBlock", f"{_A}Illustration", f"{_A}GraphicalElement"):
        local = etree.QName(block).localname
        roles = _tag_refs(block, tags, "role")
        photo_refs = _tag_refs(block, tags, "photo")
        if not roles and local == "Illustration" and photo_refs:
            continue  # a photo without a photo region: only the photo tag describes it
        default = {"TextBlock": RegionType.TEXT, "Illustration": RegionType.PHOTO,
                   "GraphicalElement": RegionType.SEPARATOR}[local]
        kind = region_type(tags[roles[0]][1].get("LABEL") if roles else None, default)
        articles = _tag_refs(block, tags, "article")
        regions.append(Region(id=block.get("ID"), type=kind, bbox=_box(block),
                              lines=_lines(block), article=articles[0] if articles else None,
                              photo=photo_refs[0] if photo_refs else None))
    return regions


def _reading_order(root, tags: AltoTags) -> tuple[list[str], dict[str, list[str]]]:
    """The tag ids of the items the page's reading order lists, in order, and the block ids each
    item's group lists (groups of items it leaves out too)."""
    reading_order: list[str] = []
    group_regions: dict[str, list[str]] = {}
    for group in root.iterfind(f"{_A}ReadingOrder/{_A}OrderedGroup/{_A}OrderedGroup"):
        refs = (group.get("TAGREFS") or "").split()
        item_refs = [t for t in refs if t in tags]
        if not item_refs:
            continue
        if ORDER_IMPLIED_TAG not in refs:
            reading_order.append(item_refs[0])
        group_regions[item_refs[0]] = [r for e in group.iterfind(f"{_A}ElementRef")
                                       for r in e.get("REF").split()]
    return reading_order, group_regions


def _items(tags: AltoTags, regions: list[Region], group_regions: dict[str, list[str]],
           ) -> tuple[list[Article], list[Photo], PageHeader | None]:
    """Articles, photos and the page header from the structure tags: our XmlData when it is there,
    else what the blocks referring to each tag tell."""
    articles: list[Article] = []
    photos: list[Photo] = []
    header = None
    by_id = {r.id: r for r in regions}
    for tag_id, (kind, tag) in tags.items():
        data = tag.find(f"{_A}XmlData/{_B}{kind}")
        if kind == "header":
            header = _header(data)
        elif kind == "article" and data is not None:
            articles.append(_article(data, tag_id))
        elif kind == "article":
            order = group_regions.get(tag_id)
            members = [by_id[r] for r in order if r in by_id] if order else \
                [r for r in regions if r.article == tag_id]
            label = tag.get("LABEL")  # our writer labels an article without a title by its id
            articles.append(fallback_article(tag_id, label if label != tag_id else None, members))
        elif kind == "photo" and data is not None:
            photos.append(_photo(data, tag_id))
        elif kind == "photo":
            members = [r for r in regions if r.photo == tag_id]
            pic = next((r for r in members if r.type == RegionType.PHOTO), None)
            photos.append(Photo(id=tag_id, bbox=pic.bbox if pic else (0, 0, 0, 0),
                                caption=[joined(line.text for line in r.lines) for r in members
                                         if r.type == RegionType.CAPTION]))
    return articles, photos, header


def _original_ids(tags: AltoTags) -> dict[str, str]:
    """Tag id -> the article's or photo's own id, as our XmlData keeps it."""
    return {tag_id: data.get("id", tag_id) for tag_id, (kind, tag) in tags.items() if kind in ("article", "photo")
            for data in [tag.find(f"{_A}XmlData/{_B}{kind}")] if data is not None}


def _article(data, tag_id: str) -> Article:
    paragraphs: list[str] = []
    subheads: list[Subhead] = []
    for node in data:  # a subhead stands before the paragraph that follows it
        if node.tag == f"{_B}p":
            paragraphs.append(node.text or "")
        elif node.tag == f"{_B}subhead":
            subheads.append(Subhead(node.text or "", len(paragraphs)))
    byline = data.find(f"{_B}byline")
    return Article(
        id=data.get("id", tag_id), bbox=box_from_text(data.get("bbox")),
        kicker=data.findtext(f"{_B}kicker"), title=data.findtext(f"{_B}title"),
        subtitle=data.findtext(f"{_B}subtitle"), byline=data.findtext(f"{_B}byline"),
        byline_apart=byline is not None and byline.get("apart") == "true",
        paragraphs=paragraphs, subheads=subheads,
        continued_from=data.findtext(f"{_B}continued_from"),
        continued_to=data.findtext(f"{_B}continued_to"),
        photos=[n.get("ref") for n in data.iterfind(f"{_B}photo")],
        regions=[n.get("ref") for n in data.iterfind(f"{_B}region")])


def _photo(data, tag_id: str) -> Photo:
    return Photo(id=data.get("id", tag_id), bbox=box_from_text(data.get("bbox")),
                 article=data.get("article"), image=data.get("image"),
                 caption_title=data.findtext(f"{_B}caption_title"),
                 caption=[c.text or "" for c in data.iterfind(f"{_B}caption")],
                 credit=data.findtext(f"{_B}credit"))


def _header(data) -> PageHeader | None:
    if data is None:
        return None
    return PageHeader(**{key: data.findtext(f"{_B}{key}") for key in vars(PageHeader())})


def _settings(text: str | None) -> dict[str, str]:
    pairs = (item.split("=", 1) for item in (text or "").split(";") if "=" in item)
    return {k.strip(): v.strip() for k, v in pairs}
