"""The order the XML writers (ALTO, PAGE-XML, hOCR) lay a page's blocks out in: mastheads, then
articles and photo-news in reading order, then everything else. A block is one region, or a photo
with its caption regions (ALTO groups them in one ComposedBlock)."""

from __future__ import annotations

from dataclasses import dataclass, field

from broadsheet.model import Article, Page, Photo, Region, RegionType


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
    """Mastheads, then articles and photo-news as the page's one reading-order walk has them
    (`Page.in_reading_order`), then what is left: photos, then regions, in document order."""
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

    def add_item(item: Article | Photo) -> None:
        if isinstance(item, Photo):
            add_photo(item)
            return
        for rid in item.regions:
            if rid in region_by_id:
                add_region(region_by_id[rid])
        for pid in item.photos:
            if pid in photos:
                add_photo(photos[pid])

    for region in page.regions:
        if region.type == RegionType.MASTHEAD and region.article is None:
            add_region(region)
    for item in page.in_reading_order():
        add_item(item)
    for photo in page.photos:  # any not reached through an article
        add_photo(photo)
    for region in page.regions:
        add_region(region)
    return blocks
