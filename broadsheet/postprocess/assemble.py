"""Turn the read layout into the final page: captions, articles, reading order, paragraphs."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import count

from broadsheet.layout import PageLayout
from broadsheet.model import Article, BBox, Line, Page, Photo, Region, RegionType, overlaps, union_bbox
from broadsheet.postprocess.articles import Headline, headline_spans, owner
from broadsheet.postprocess.captions import find_caption, split_credit
from broadsheet.postprocess.paragraphs import byline, join_lines, paragraphs

FULL_WIDTH = 0.75  # a photo this share of its article's width splits the text into bands


@dataclass
class _Item:
    """An article or a photo-news photo, while its parts are gathered."""

    head: Headline | None
    blocks: list[Region] = field(default_factory=list)
    photos: list[tuple[Region, Photo, Region | None]] = field(default_factory=list)

    @property
    def bbox(self) -> BBox:
        boxes = [b.bbox for b in self.blocks] + [p.bbox for p, _, _ in self.photos]
        boxes += [c.bbox for _, _, c in self.photos if c] + ([self.head.bbox] if self.head else [])
        return union_bbox(boxes)


def assemble(layout: PageLayout) -> Page:
    unit = layout.unit
    new_id = (f"r{i}" for i in count(len(layout.regions) + 1))
    blocks = [b for b in layout.text_blocks if any(l.text for l in b.lines)]
    photos = _pair_captions(layout, blocks, unit, new_id)
    blocks = [b for b in blocks if b.lines]

    content = _content_span(layout)
    beside = [b.bbox for b in blocks] + [p.bbox for p in layout.photos]
    heads = headline_spans(layout.headlines, layout.separators, beside, content, unit)
    articles: dict[int, _Item] = {id(h): _Item(h) for h in heads}
    photo_news: list[_Item] = []
    orphans: list[Region] = []
    for block in blocks:
        head = owner(block.bbox, heads, layout.separators, unit)
        if head is None:
            orphans.append(block)
        else:
            articles[id(head)].blocks.append(block)
    for photo_region, photo, caption in photos:
        head = owner(photo_region.bbox, heads, layout.separators, unit)
        target = articles[id(head)] if head else _Item(None)
        target.photos.append((photo_region, photo, caption))
        if head is None:
            photo_news.append(target)
    items = list(articles.values()) + [_Item(None, group) for group in _cluster(orphans, unit)]
    items = [i for i in items if i.blocks or i.photos or i.head] + photo_news

    page = Page(width=layout.size[0], height=layout.size[1])
    if layout.masthead:
        page.regions.append(layout.masthead)
    photo_number = count(1)
    for item in _page_order(items, unit):
        if item.head is None and not item.blocks:  # photo-news
            region, photo, caption = item.photos[0]
            _number_photo(photo, region, caption, next(photo_number))
            page.photos.append(photo)
            page.reading_order.append(photo.id)
            page.regions += [region] + ([caption] if caption else [])
            continue
        article = _article(item, f"a{len(page.articles) + 1}", unit)
        for region, photo, caption in item.photos:
            _number_photo(photo, region, caption, next(photo_number))
            photo.article = article.id
            article.photos.append(photo.id)
            page.photos.append(photo)
        page.articles.append(article)
        page.reading_order.append(article.id)
        wanted = set(article.regions)
        owned = [r for r in layout.regions + [c for _, _, c in item.photos if c] if r.id in wanted]
        for region in owned:
            region.article = article.id
        page.regions += sorted(owned, key=lambda r: article.regions.index(r.id))
    page.regions += layout.separators
    return page


def _pair_captions(layout: PageLayout, blocks: list[Region], unit: float,
                   new_id) -> list[tuple[Region, Photo, Region | None]]:
    """Take each photo's caption lines out of the body blocks they were grouped with."""
    result = []
    for photo_region in layout.photos:
        free = [line for block in blocks for line in block.lines]
        found = find_caption(photo_region.bbox, free, unit)
        photo = Photo(id=photo_region.id, bbox=photo_region.bbox)
        caption_region = None
        if found:
            taken = {id(line) for line in found.lines}
            for block in blocks:
                block.lines = [line for line in block.lines if id(line) not in taken]
                if block.lines:
                    block.bbox = union_bbox([line.bbox for line in block.lines])
            left = min(line.bbox[0] for line in found.lines)
            texts = paragraphs([(left, found.lines)], unit)
            if texts:
                texts[-1], photo.credit = split_credit(texts[-1])
            photo.caption = [t for t in texts if t]
            caption_region = Region(next(new_id), RegionType.CAPTION,
                                    union_bbox([line.bbox for line in found.lines]), found.lines)
        result.append((photo_region, photo, caption_region))
    return result


def _number_photo(photo: Photo, region: Region, caption: Region | None, number: int) -> None:
    photo.id = f"p{number}"
    region.photo = photo.id
    if caption:
        caption.photo = photo.id


def _article(item: _Item, article_id: str, unit: float) -> Article:
    parts = {r.type: _joined(r.lines) for r in (item.head.regions if item.head else [])}
    columns = _column_order(item, unit)
    texts = paragraphs([(left, block.lines) for left, block in columns], unit)
    head_regions = [r.id for r in item.head.regions] if item.head else []
    photo_regions = [r.id for p, _, c in item.photos for r in (p, c) if r]
    return Article(
        id=article_id,
        bbox=item.bbox,
        kicker=parts.get(RegionType.KICKER),
        title=parts.get(RegionType.TITLE),
        subtitle=parts.get(RegionType.SUBTITLE),
        byline=byline(texts[0] if texts else None),
        paragraphs=texts,
        regions=head_regions + [block.id for _, block in columns] + photo_regions,
    )


def _joined(lines: list[Line]) -> str:
    text = ""
    for line in lines:
        text = join_lines(text, line.text)
    return text


def _column_order(item: _Item, unit: float) -> list[tuple[int, Region]]:
    """Body blocks in reading order with their column's left edge: columns left to right, each top
    to bottom; a photo across the whole article splits it into bands read one after the other."""
    if not item.blocks:
        return []
    x0 = min(b.bbox[0] for b in item.blocks)
    x1 = max(b.bbox[2] for b in item.blocks)
    cuts = sorted(p.bbox[1] for p, _, _ in item.photos if p.bbox[2] - p.bbox[0] >= FULL_WIDTH * (x1 - x0))

    def band(block: Region) -> int:
        return sum(1 for y in cuts if block.bbox[1] > y)

    lefts: list[int] = []
    for block in sorted(item.blocks, key=lambda b: b.bbox[0]):
        if not lefts or block.bbox[0] - lefts[-1] > 1.5 * unit:
            lefts.append(block.bbox[0])

    def column_left(block: Region) -> int:
        return min((left for left in lefts if abs(block.bbox[0] - left) <= 1.5 * unit), default=block.bbox[0])

    ordered = sorted(item.blocks, key=lambda b: (band(b), column_left(b), b.bbox[1]))
    return [(column_left(b), b) for b in ordered]


def _cluster(blocks: list[Region], unit: float) -> list[list[Region]]:
    """Text with no headline over it, grouped by nearness into untitled articles."""
    groups: list[list[Region]] = []
    for block in sorted(blocks, key=lambda b: (b.bbox[1], b.bbox[0])):
        for group in groups:
            if any(overlaps(block.bbox, other.bbox, gap=2 * unit) for other in group):
                group.append(block)
                break
        else:
            groups.append([block])
    return groups


def _page_order(items: list[_Item], unit: float) -> list[_Item]:
    """By top; items whose tops lie within two lines of each other form a row, read left to right."""
    rows: list[list[_Item]] = []
    for item in sorted(items, key=lambda i: (i.bbox[1], i.bbox[0])):
        if rows and item.bbox[1] - rows[-1][0].bbox[1] <= 2 * unit:
            rows[-1].append(item)
        else:
            rows.append([item])
    return [item for row in rows for item in sorted(row, key=lambda i: i.bbox[0])]


def _content_span(layout: PageLayout) -> tuple[int, int]:
    boxes = [r.bbox for r in layout.regions if r.type != RegionType.SEPARATOR]
    if not boxes:
        return 0, layout.size[0]
    return min(b[0] for b in boxes), max(b[2] for b in boxes)
