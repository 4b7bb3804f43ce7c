"""The data every pipeline stage speaks: boxes, lines, regions, photos, articles, pages.

`Page.to_dict()` / `Page.from_dict()` define the JSON document (schema in the README).
All boxes are `[x0, y0, x1, y1]` in pixels of the input image.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

SCHEMA_NAME = "broadsheet.page"
SCHEMA_VERSION = "1.5"

BBox = tuple[int, int, int, int]

# `Page.script`: ISO 15924 codes, as the JSON records them
SIMPLIFIED, TRADITIONAL, LATIN = "Hans", "Hant", "Latn"


class RegionType(StrEnum):
    MASTHEAD = "masthead"
    KICKER = "kicker"
    TITLE = "title"
    SUBTITLE = "subtitle"
    TEXT = "text"
    CAPTION = "caption"
    PHOTO = "photo"
    SEPARATOR = "separator"
    SUBHEAD = "subhead"  # a short heading between an article's paragraphs (小标题)
    BYLINE = "byline"  # a byline on a line of its own (■■本报记者 蔡茂楷)
    CONTINUATION = "continuation"  # (上接第一版) / (下转第四版)
    OTHER = "other"
    UNREAD = "unread"  # a box the detector found text in and the recogniser read as nothing: text lost, said


class TextDirection(StrEnum):
    HORIZONTAL_LR = "horizontal-lr"
    VERTICAL_RL = "vertical-rl"


def union_bbox(boxes: list[BBox]) -> BBox:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def overlaps(a: BBox, b: BBox, gap: float = 0) -> bool:
    """Whether two boxes overlap, or come within `gap` of each other."""
    return a[0] - gap < b[2] and b[0] - gap < a[2] and a[1] - gap < b[3] and b[1] - gap < a[3]


# Pieces of one printed line sit side by side; two boxes sharing more than this share of the
# narrower one's width are lines stacked in a column (tightly set lines' boxes overlap in height:
# a paragraph's short last line, its middle inside the full line's box above, is still below it).
ROW_SHARED_WIDTH = 0.5


def in_rows(boxes: list, key=lambda item: item.bbox) -> list:
    """Items in reading order of horizontal text: rows top to bottom, each left to right.

    A row is a run of boxes side by side whose vertical middles fall inside the first box's extent,
    so pieces of one printed line stay together even when their tops differ by a few pixels.
    """
    rows: list[list] = []
    for item in sorted(boxes, key=lambda i: key(i)[1]):
        x0, y0, x1, y1 = key(item)
        middle = (y0 + y1) / 2
        if (rows and key(rows[-1][0])[1] <= middle <= key(rows[-1][0])[3]
                and not any(shares_column(key(item), key(other)) for other in rows[-1])):
            rows[-1].append(item)
        else:
            rows.append([item])
    return [item for row in rows for item in sorted(row, key=lambda i: key(i)[0])]


def shares_column(a: BBox, b: BBox) -> bool:
    """The boxes share more than `ROW_SHARED_WIDTH` of the narrower one's width: one over the other."""
    shared = min(a[2], b[2]) - max(a[0], b[0])
    return shared > ROW_SHARED_WIDTH * min(a[2] - a[0], b[2] - b[0])


def level_with(box: BBox, other: BBox) -> bool:
    """`box`'s height holds the vertical middle of `other`: the two are on one printed row."""
    return box[1] <= (other[1] + other[3]) / 2 <= box[3]


def holds_middle(box: BBox, other: BBox) -> bool:
    """`box` holds the middle of `other`."""
    return box[0] <= (other[0] + other[2]) / 2 <= box[2] and box[1] <= (other[1] + other[3]) / 2 <= box[3]


@dataclass
class EngineInfo:
    """Who read the page: one entry per role an OCR engine played."""

    role: str  # "detection" (finding text lines) or "recognition" (reading them)
    name: str  # the software, e.g. "rapidocr", "tesseract"
    version: str
    model: str  # the model or language data it ran, e.g. "PP-OCRv6_det_small", "chi_sim"
    languages: list[str] = field(default_factory=list)  # BCP 47 tags it reads; empty: any script


@dataclass
class ReadingQuality:
    """How far the page's text can be trusted, from the recogniser's own line confidences
    (`broadsheet.ocr.quality`): what an archive checks by hand or rescans."""

    confidence: float  # mean line confidence, each line weighted by its characters
    doubtful_lines: float  # share of the lines read below the engine's doubtful confidence
    doubtful: bool  # read with low confidence, or lines read as nothing: its text is likely garbled
    reason: str | None = None  # why it is doubtful, for people: "text 8.4 px, confidence 0.62 < 0.93, ..."
    regions: list[str] = field(default_factory=list)  # text regions read below the doubtful confidence
    unread: list[str] = field(default_factory=list)  # regions holding a line read as nothing (`unread` ones and others)


@dataclass
class Line:
    text: str
    bbox: BBox
    confidence: float
    direction: TextDirection = TextDirection.HORIZONTAL_LR
    # the blank between each two neighbouring characters (spaces aside), in line heights, as the OCR
    # stage measured it; None when unmeasured. Working data of postprocess, not part of the JSON.
    gaps: list[float] | None = field(default=None, repr=False, compare=False)


@dataclass
class Region:
    id: str
    type: RegionType
    bbox: BBox
    lines: list[Line] = field(default_factory=list)
    article: str | None = None  # owning article id
    photo: str | None = None  # for captions: the photo they describe

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


@dataclass
class Photo:
    id: str
    bbox: BBox
    article: str | None = None
    caption: list[str] = field(default_factory=list)  # caption paragraphs, title and credit excluded
    credit: str | None = None
    caption_title: str | None = None  # a caption's own bold title line (老外现场讲授“剪枝”)
    image: str | None = None  # path of the cropped photo, relative to the output folder

    def text_blocks(self) -> list[str]:
        return [t for t in [self.caption_title, *self.caption, self.credit] if t]


@dataclass
class Subhead:
    """A heading inside an article's body (小标题), standing before paragraph `before`."""

    text: str
    before: int


def with_subheads(paragraphs: list[str], subheads: list[Subhead]) -> list[str]:
    """Paragraphs with each subhead before the paragraph it stands before (after the last: at the end)."""
    blocks: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        blocks += [s.text for s in subheads if s.before == index] + [paragraph]
    return blocks + [s.text for s in subheads if s.before >= len(paragraphs)]


@dataclass
class PageHeader:
    """The page's header band (报眉) or masthead: what identifies the page, never an article."""

    paper: str | None = None  # 昌吉日报
    folio: str | None = None  # 第2版 / A2 / Page 2
    section: str | None = None  # 要闻·综合
    date: str | None = None  # 2010年5月12日 星期三
    staff: str | None = None  # 本版编辑：… 校对：… 电话：…

    def is_empty(self) -> bool:
        return not any(vars(self).values())


@dataclass
class Article:
    id: str
    bbox: BBox
    kicker: str | None = None
    title: str | None = None
    subtitle: str | None = None
    byline: str | None = None  # 本报讯…报道 at the start of paragraphs[0], or a byline line of its own
    byline_apart: bool = False  # the byline is printed on a line of its own, not in paragraphs[0]
    paragraphs: list[str] = field(default_factory=list)
    subheads: list[Subhead] = field(default_factory=list)
    continued_from: str | None = None  # the notice as printed, without brackets: 上接第一版
    continued_to: str | None = None  # 下转第四版
    photos: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)  # ids of its regions, in reading order

    @property
    def headlines(self) -> list[str]:
        return [h for h in (self.kicker, self.title, self.subtitle) if h]

    def body_blocks(self) -> list[str]:
        """Everything below the headlines, in reading order: the continuation from another page,
        a byline line, paragraphs with their subheads, the continuation to another page."""
        blocks = [self.continued_from] if self.continued_from else []
        blocks += [self.byline] if self.byline and self.byline_apart else []
        blocks += with_subheads(self.paragraphs, self.subheads)
        return [b for b in blocks + ([self.continued_to] if self.continued_to else []) if b]


@dataclass
class Page:
    width: int
    height: int
    source: str | None = None  # input file name
    rotation: int = 0  # degrees (0, 90, 180, 270) the input was turned counter-clockwise to stand upright
    skew_angle: float = 0.0  # degrees the upright page was then rotated by to straighten it
    text_size: float | None = None  # body text height (ink of a line), input pixels
    working_scale: float = 1.0  # the page was analysed and read at this many times its input size
    script: str | None = None  # ISO 15924 of its text: Hans, Hant (Chinese), Latn; None: no text read
    header: PageHeader | None = None
    engines: list[EngineInfo] = field(default_factory=list)
    reading: ReadingQuality | None = None  # None: not assessed (documents before 1.4, no text read)
    articles: list[Article] = field(default_factory=list)
    photos: list[Photo] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)
    reading_order: list[str] = field(default_factory=list)  # article and photo-news ids
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage

    def article(self, article_id: str) -> Article:
        return next(a for a in self.articles if a.id == article_id)

    def photo(self, photo_id: str) -> Photo:
        return next(p for p in self.photos if p.id == photo_id)

    def region(self, region_id: str) -> Region:
        return next(r for r in self.regions if r.id == region_id)

    def in_reading_order(self) -> list[Article | Photo]:
        """Articles and photo-news in reading order; any the order leaves out follow in document
        order. The one walk every writer and the evaluator use."""
        listed = {item_id: i for i, item_id in enumerate(self.reading_order)}
        items: list[Article | Photo] = [*self.articles, *(p for p in self.photos if p.article is None)]
        return sorted(items, key=lambda item: listed.get(item.id, len(listed)))

    def text_blocks(self) -> list[str]:
        """The page's text in reading order: per article its headlines and body, then its photos'
        captions; photo-news at its place. Header band and masthead are not text of the page."""
        photos = {p.id: p for p in self.photos}
        blocks: list[str] = []
        for item in self.in_reading_order():
            if isinstance(item, Article):
                blocks += item.headlines + item.body_blocks()
                blocks += [b for photo_id in item.photos if photo_id in photos for b in photos[photo_id].text_blocks()]
            else:
                blocks += item.text_blocks()
        return [b for b in blocks if b.strip()]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for region in data["regions"]:
            region["type"] = str(region["type"])
            for line in region["lines"]:
                line["direction"] = str(line["direction"])
                del line["gaps"]
        return {"schema": SCHEMA_NAME, "version": SCHEMA_VERSION, **_lists_for_boxes(data)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Page:
        major = str(data.get("version", SCHEMA_VERSION)).split(".")[0]
        if major != SCHEMA_VERSION.split(".")[0]:
            raise ValueError(f"unsupported page schema version {data.get('version')!r}")
        regions = [
            Region(
                id=r["id"],
                type=RegionType(r["type"]),
                bbox=_box(r["bbox"]),
                lines=[
                    Line(
                        text=line["text"],
                        bbox=_box(line["bbox"]),
                        confidence=float(line.get("confidence", 1.0)),
                        direction=TextDirection(line.get("direction", "horizontal-lr")),
                    )
                    for line in r.get("lines", [])
                ],
                article=r.get("article"),
                photo=r.get("photo"),
            )
            for r in data.get("regions", [])
        ]
        articles = [
            Article(
                id=a["id"],
                bbox=_box(a["bbox"]),
                kicker=a.get("kicker"),
                title=a.get("title"),
                subtitle=a.get("subtitle"),
                byline=a.get("byline"),
                byline_apart=bool(a.get("byline_apart", False)),
                paragraphs=list(a.get("paragraphs", [])),
                subheads=[Subhead(str(h["text"]), int(h["before"])) for h in a.get("subheads", [])],
                continued_from=a.get("continued_from"),
                continued_to=a.get("continued_to"),
                photos=list(a.get("photos", [])),
                regions=list(a.get("regions", [])),
            )
            for a in data.get("articles", [])
        ]
        photos = [
            Photo(
                id=p["id"],
                bbox=_box(p["bbox"]),
                article=p.get("article"),
                caption=list(p.get("caption", [])),
                credit=p.get("credit"),
                caption_title=p.get("caption_title"),
                image=p.get("image"),
            )
            for p in data.get("photos", [])
        ]
        return cls(
            width=int(data["width"]),
            height=int(data["height"]),
            source=data.get("source"),
            rotation=int(data.get("rotation", 0)),
            skew_angle=float(data.get("skew_angle", 0.0)),
            text_size=data.get("text_size"),
            working_scale=float(data.get("working_scale", 1.0)),
            script=data.get("script"),
            header=_header(data.get("header")),
            engines=[EngineInfo(e["role"], e["name"], e["version"], e["model"], list(e.get("languages", [])))
                     for e in data.get("engines", [])],
            reading=_reading(data.get("reading")),
            articles=articles,
            photos=photos,
            regions=regions,
            reading_order=list(data.get("reading_order", [])),
            timings=dict(data.get("timings", {})),
        )


def _header(data: dict[str, Any] | None) -> PageHeader | None:
    return PageHeader(**{key: data.get(key) for key in vars(PageHeader())}) if data else None


def _reading(data: dict[str, Any] | None) -> ReadingQuality | None:
    if not data:
        return None
    return ReadingQuality(float(data["confidence"]), float(data.get("doubtful_lines", 0.0)),
                          bool(data.get("doubtful", False)), data.get("reason"), list(data.get("regions", [])),
                          list(data.get("unread", [])))


def _box(values: Any) -> BBox:
    x0, y0, x1, y1 = (int(round(v)) for v in values)
    return (x0, y0, x1, y1)


def _lists_for_boxes(value: Any) -> Any:
    """asdict keeps tuples; JSON wants lists, and round-tripping should compare equal."""
    if isinstance(value, dict):
        return {k: _lists_for_boxes(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_lists_for_boxes(v) for v in value]
    return value
