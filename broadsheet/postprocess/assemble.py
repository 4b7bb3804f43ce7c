"""Turn the read layout into the final page: captions, articles, reading order, paragraphs."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import count
from typing import TypeVar

from broadsheet.layout import PageLayout
from broadsheet.model import (
    LATIN,
    Article,
    BBox,
    Line,
    Page,
    Photo,
    Region,
    RegionType,
    Subhead,
    TextDirection,
    holds_middle,
    overlaps,
    shares_column,
    union_bbox,
)
from broadsheet.postprocess.articles import (
    Headline,
    column_subheads,
    headline_spans,
    innermost_frame,
    jump_notice,
    owner,
    promote_headings,
    right_under,
    rule_between,
    runs_across,
    upright,
)
from broadsheet.postprocess.captions import (
    CaptionLines,
    credit_line,
    find_caption,
    is_caption_title,
    is_phrase,
    split_credit,
)
from broadsheet.postprocess.header import take_header
from broadsheet.postprocess.notices import continuation, own_line_byline, split_notices, split_subheads
from broadsheet.postprocess.paragraphs import (
    beside,
    byline,
    ends_sentence,
    is_cjk,
    join_lines,
    measured_pieces,
    paragraphs,
)
from broadsheet.postprocess.printed import as_printed
from broadsheet.postprocess.thresholds import (
    COLUMN_START,
    COLUMN_SUBHEAD_INDENT,
    CUT_OVERLAP,
    DECK_BESIDE_BODY,
    FULL_MEASURE,
    HEAD_FLUSH,
    HEAD_ON_TEXT,
    HEAD_ON_TEXT_SIZE,
    HEAD_PIECE_BESIDE,
    HEAD_PIECE_GAP,
    HEAD_ROW_GAP,
    INDENT_CHARS,
    INTERLEAVE_OVERLAP,
    KICKER_CENTRED,
    KICKER_ROWS,
    OWN_RULE,
    PAGE_ROW,
    PAST_PHOTO_GAP,
    ROW_FRAME_TOP,
    ROW_PITCH_MIN_STEPS,
    ROW_PITCH_STEPS,
    RUN_IN_INDENT,
    RUN_ON_GUTTER,
    SAME_ROW,
    TITLE_STEM_HEIGHT,
    TITLE_STEM_SPACE,
    TITLE_STEM_TOUCH,
    UNREAD_MIN_SIDE,
    UNTITLED_GAP,
)


@dataclass
class _Item:
    """An article or a photo-news photo, while its parts are gathered."""

    head: Headline | None
    blocks: list[Region] = field(default_factory=list)
    photos: list[tuple[Region, Photo, Region | None]] = field(default_factory=list)
    boxed: bool = False  # the item fills a frame (`_gutter_order`)

    @property
    def bbox(self) -> BBox:
        boxes = [b.bbox for b in self.blocks] + [p.bbox for p, _, _ in self.photos]
        boxes += [c.bbox for _, _, c in self.photos if c] + ([self.head.bbox] if self.head else [])
        return union_bbox(boxes)


def assemble(layout: PageLayout, punctuation: str = "default") -> Page:
    """`punctuation`: the policy for punctuation marks (`broadsheet.postprocess.punctuation`)."""
    script = as_printed(layout, punctuation)
    unit = layout.unit
    new_id = (f"r{i}" for i in count(len(layout.regions) + 1))
    page = Page(width=layout.size[0], height=layout.size[1], script=script)
    headlines = [list(group) for group in layout.headlines]
    text_regions = [r for g in headlines for r in g] + layout.text_blocks
    band = take_header(layout.masthead, text_regions, layout.size[1], new_id)
    if band:
        page.header, page.regions = band.header, band.regions
    # (a region the band emptied is neither read nor unread)
    unread = [_unread(r) for r in text_regions if r.lines and not _read(r)
              and min(r.bbox[2] - r.bbox[0], r.bbox[3] - r.bbox[1]) >= UNREAD_MIN_SIDE * unit]
    # a head read as nothing heads nothing, as a block read so holds nothing: a photo's edge or a box
    # over rows of text (random seed 1900: a photo's top over its column's text, titled `` apart)
    headlines = [g for g in ([_refit(r) for r in group if _read(r)] for group in headlines) if g]
    stems = _title_stems(headlines, layout.separators, unit)
    separators = [s for s in layout.separators if all(s is not stem for stem in stems)]
    blocks = [_refit(b) for b in layout.text_blocks if _read(b)]
    for block in blocks:
        if block.type == RegionType.SUBHEAD and ends_sentence(block.lines[-1].text):
            block.type = RegionType.TEXT  # a bold-looking paragraph end (题。), not a heading
    photos = _pair_captions(layout.photos, blocks, unit, new_id)
    blocks = [b for b in blocks if b.lines]
    headlines = _vertical_pieces([g for g in headlines if not _read_in_text(g, blocks, unit)], unit)
    kickers = _kickers_over_titles(headlines, blocks, separators, unit)
    blocks = [b for b in blocks if b not in kickers]

    content = _content_span(layout)
    beside = [b.bbox for b in blocks] + [p.bbox for p in layout.photos] + [c.bbox for _, _, c in photos if c]
    heads = headline_spans(headlines, separators, beside, content, unit)
    demoted = column_subheads(heads, blocks, separators, unit)
    if demoted:
        blocks += [_as_subhead(head, rest, blocks) for head, rest in demoted]
        headlines = [g for g in headlines if all(g is not head.regions for head, _ in demoted)]
        heads = headline_spans(headlines, separators, beside, content, unit)
    pictures = [(r.bbox, c.bbox if c else None) for r, _, c in photos]
    promoted = promote_headings(blocks, heads, separators, unit, pictures)
    if promoted:
        blocks = [b for b in blocks if b not in promoted]
        heads = headline_spans(headlines + [[r] for r in promoted], separators, beside, content, unit)
    boxed = _frame_heads(heads, layout.frames)
    inner = [h for h in heads if innermost_frame(h.bbox, layout.frames) is not None and h not in boxed.values()]
    if inner:
        blocks += [_as_display_line(r) for h in inner for r in h.regions]
        heads = headline_spans([h.regions for h in heads if h not in inner], separators, beside,
                               content, unit)
        boxed = _frame_heads(heads, layout.frames)
    for head in heads:  # a deck set below lines of the body, or level with its first row, is read among them
        frame = next((f for f, h in boxed.items() if h is head), None)
        opening = [r for r in head.regions if r.type == RegionType.SUBTITLE
                   and any(_body_beside_deck(b, r, head, separators, unit) for b in blocks)]
        # a byline set bold under the title is no deck: read in the body, `split_notices` types it (seed 2178)
        signed = [r for r in head.regions if r.type == RegionType.SUBTITLE and r not in opening
                  and own_line_byline(_joined(r.lines))]
        parts = [r for r in head.regions if r.type != RegionType.SUBTITLE or (r not in opening and r not in signed
                 and not any(_text_above_deck(b, r, head, frame, layout.frames) for b in blocks))]
        if parts and len(parts) < len(head.regions):
            blocks += [_as_column_subhead(r, blocks, separators, unit) for r in opening]
            blocks += [line for r in head.regions if r not in parts and r not in opening
                       for line in _as_display_lines(r, new_id)]
            head.regions[:] = parts
            head.bbox = union_bbox([r.bbox for r in parts])
    articles: dict[int, _Item] = {id(h): _Item(h, boxed=any(h is b for b in boxed.values())) for h in heads}
    photo_news: list[_Item] = []
    orphans: list[Region] = []
    for block in blocks:
        head = owner(block.bbox, heads, separators, unit, layout.frames)
        head = head or boxed.get(innermost_frame(block.bbox, layout.frames))
        if head is None or _jump_in_below_text(block, head, blocks):
            orphans.append(block)
        else:
            articles[id(head)].blocks.append(block)
    for photo_region, photo, caption in photos:
        head = owner(photo_region.bbox, heads, separators, unit, layout.frames) \
            or _head_under(photo_region, caption, heads, separators, unit)
        target = articles[id(head)] if head else _Item(None)
        target.photos.append((photo_region, photo, caption))
        if head is None:
            photo_news.append(target)
    standing = blocks + [r for r, _, _ in photos] + [c for _, _, c in photos if c]
    untitled = [_Item(None, group) for group in _cluster(orphans, separators, unit, standing)]
    untitled = _run_on(list(articles.values()), untitled, photos, separators, unit)
    untitled = _past_photos(list(articles.values()), untitled, photos, photo_news, separators, unit)
    items = _read_bare_heads(list(articles.values()) + untitled, heads, separators, unit, layout.frames)
    items = [i for i in items if i.blocks or i.photos or i.head] + photo_news

    photo_number = count(1)
    pitch = _row_pitch(blocks, unit) if script != LATIN else None  # a Chinese page's rows are a line apart
    for item in _page_order(items, separators, unit, row=pitch, frames=layout.frames if pitch else []):
        if item.head is None and not item.blocks:  # photo-news
            region, photo, caption = item.photos[0]
            _number_photo(photo, region, caption, next(photo_number))
            page.photos.append(photo)
            page.reading_order.append(photo.id)
            page.regions += [region] + ([caption] if caption else [])
            continue
        article, regions = _article(item, f"a{len(page.articles) + 1}", unit, new_id)
        for region, photo, caption in item.photos:
            _number_photo(photo, region, caption, next(photo_number))
            photo.article = article.id
            article.photos.append(photo.id)
            page.photos.append(photo)
        page.articles.append(article)
        page.reading_order.append(article.id)
        for region in regions:
            region.article = article.id
        page.regions += regions
    page.regions += separators + unread
    return page


def _kickers_over_titles(headlines: list[list[Region]], blocks: list[Region], separators: list[Region],
                         unit: float) -> list[Region]:
    """Text blocks of a row or two (`KICKER_ROWS`) right over a head opening with its title, a blank no
    taller than the title's first row between, no rule, inside the title's span and centred on it
    (`KICKER_CENTRED`), and under a rule or nothing, made that head's kicker; the blocks taken are
    returned. Body text is set flush with its column, which a title stands inside or fills (random seed
    2714, 9.9 px: `守护一` / `江碧水` over `河长巡河常态化 / 水质持续向好`, its first row measuring
    body size for its `一`, the second taken along as that row's column; an untitled article of its
    own). A centred line right under text or a head goes on from it (real scans: an advertisement's
    `Dětský lékař` / `MUDr.` over the doctor's name, a masthead's `Herausgegeben von` over the publisher)."""
    standing = [r for g in headlines for r in g] + blocks + separators
    taken = []
    for group in headlines:
        title = group[0]
        if title.type != RegionType.TITLE or upright(group):
            continue
        x0, y0, x1, _ = title.bbox
        first = title.lines[0].bbox
        for block in blocks:
            bx0, by0, bx1, by1 = block.bbox
            if (block.type == RegionType.TEXT and len(block.lines) <= KICKER_ROWS and block not in taken
                    and all(line.direction == TextDirection.HORIZONTAL_LR for line in block.lines)
                    and 0 <= y0 - by1 <= first[3] - first[1] and x0 < bx0 and bx1 < x1
                    and abs((bx0 - x0) - (x1 - bx1)) <= KICKER_CENTRED * unit
                    and not rule_between(block.bbox, title.bbox, separators)
                    and _under_a_rule_or_nothing(block, standing)):
                block.type = RegionType.KICKER
                group.insert(0, block)
                taken.append(block)
                break
    return taken


def _under_a_rule_or_nothing(block: Region, standing: list[Region]) -> bool:
    """What stands nearest over the block, across its span, is a rule, or nothing does."""
    x0, y0, x1, _ = block.bbox
    above = [r for r in standing if r is not block and r.bbox[3] <= y0 and r.bbox[0] < x1 and x0 < r.bbox[2]]
    nearest = max(above, key=lambda r: r.bbox[3], default=None)
    return nearest is None or nearest.type == RegionType.SEPARATOR


def _read(region: Region) -> bool:
    """A line of the region was read as something."""
    return any(line.text for line in region.lines)


def _unread(region: Region) -> Region:
    """A region whose every line was read as nothing, kept as what it is: text the page lost, in no
    article, so that no reader of the page takes its text for whole (random seed 2273's reversed kicker,
    its letters erased by a bilevel scan; 2322's caption line at 7.9 px)."""
    lines = [Line("", line.bbox, 0.0, line.direction) for line in region.lines]
    return Region(region.id, RegionType.UNREAD, region.bbox, lines)


def _title_stems(headlines: list[list[Region]], separators: list[Region], unit: float) -> list[Region]:
    """Vertical rules no taller than the headline line they part, its pieces touching them on both
    sides: a bold letter's stem taken for a rule, which cut the title's line in two (random seeds
    1401 `老城|区雨污分流改造`, 1592 `滨江夜市|市点亮城市夜经济`). The pieces are joined again, into
    the left one's line and headline; the stems are returned, no rules of the page."""
    stems = []
    for sep in separators:
        left, right = _stem_piece(headlines, sep.bbox, 2, unit), _stem_piece(headlines, sep.bbox, 0, unit)
        if left is None or right is None or left[2] is right[2]:
            continue
        (group, region, line), (other_group, other_region, other_line) = left, right
        region.lines[region.lines.index(line)] = Line(line.text + other_line.text,
                                                       union_bbox([line.bbox, other_line.bbox]),
                                                       min(line.confidence, other_line.confidence), line.direction)
        other_region.lines.remove(other_line)
        _refit(region)
        if other_group is not group:
            group += [r for r in other_group if r.lines]
            headlines.remove(other_group)
        elif not other_region.lines:
            group.remove(other_region)
        stems.append(sep)
    return stems


def _stem_piece(headlines: list[list[Region]], stem: BBox, edge: int, unit: float,
                ) -> tuple[list[Region], Region, Line] | None:
    """The horizontal headline line whose edge (2: right, 0: left) touches the upright stem, the
    stem no taller than the line and standing mostly within its height."""
    x0, y0, x1, y1 = stem
    if y1 - y0 <= x1 - x0:
        return None
    side = x0 if edge == 2 else x1
    return next(((group, region, line) for group in headlines for region in group for line in region.lines
                 if line.direction == TextDirection.HORIZONTAL_LR
                 and abs(line.bbox[edge] - side) <= max(TITLE_STEM_TOUCH * unit,
                                                        TITLE_STEM_SPACE * (line.bbox[3] - line.bbox[1]))
                 and y1 - y0 <= TITLE_STEM_HEIGHT * (line.bbox[3] - line.bbox[1])
                 and min(y1, line.bbox[3]) - max(y0, line.bbox[1]) > (y1 - y0) / 2), None)


def _read_in_text(group: list[Region], blocks: list[Region], unit: float) -> bool:
    """A one-line headline standing inside a text block is a word of that text boxed tall (random
    seed 1424: `folgt`, ending a row of its column, took the lines under it as an article): read
    as a line of the block, in its row's place (a headline heading nothing is, `_read_bare_heads`).
    So is a headline whose first line fills a text block's measure and whose foot reaches the block's
    top: the column's first lines boxed tall (random seeds 1716 `June 28, 2010, to the` over `Field
    Manager,`, 1242 `Brot, Käse, Eier, Honig` with a word of the row under it). A title stands off its
    text, or is centred or set short over it (the Star's decks, Der Nordstern's `Zur Orientfrage.`);
    a display line over one line of an advertisement's text stays a head (Národní listy's ads)."""
    lines = [line for r in group for line in r.lines]
    if any(line.direction != TextDirection.HORIZONTAL_LR for line in lines):
        return False
    texts = [b for b in blocks if b.type == RegionType.TEXT
             and all(other.direction == TextDirection.HORIZONTAL_LR for other in b.lines)]
    box = union_bbox([r.bbox for r in group])
    around = [b for b in texts if len(lines) == 1 and holds_middle(b.bbox, lines[0].bbox)]
    if not around and all(line.bbox[3] - line.bbox[1] <= HEAD_ON_TEXT_SIZE * unit for line in lines):
        last_row = max(line.bbox[1] for line in lines)  # the block starts in the headline's last row, or under it
        first = min(lines, key=lambda line: line.bbox[1]).bbox  # a justified line: it fills the block's measure
        flush = HEAD_FLUSH * unit
        around = [b for b in texts if abs(b.bbox[0] - first[0]) <= flush and abs(b.bbox[2] - first[2]) <= flush
                  and last_row < b.bbox[1] < box[3] + HEAD_ON_TEXT * unit and len(b.lines) > 1]
    if not around:
        return False
    block = min(around, key=lambda b: (b.bbox[2] - b.bbox[0]) * (b.bbox[3] - b.bbox[1]))
    for line in lines:  # a line read as nothing goes too: an empty line of the block, named in `reading.unread`
        _insert_line(block, line)
    _refit(block)
    return True


def _vertical_pieces(headlines: list[list[Region]], unit: float) -> list[list[Region]]:
    """Headlines whose boxes meet a vertical headline's are its pieces, read across its columns or
    boxed apart: one headline (random seeds 1615, the top of `县域医共体让群 / 众看病少跑路` boxed as
    the row `众县域` on its two columns; 1765, `河长巡河常态化 / 水质持续向好` read as rows, one of
    them 3 px into its kicker `守护一江碧水`, which took the article's text)."""
    heads = [Headline(g, union_bbox([r.bbox for r in g]), (0.0, 0.0), upright(g)) for g in headlines]
    joined = True
    while joined:
        joined = False
        for head in (h for h in heads if h.vertical):
            piece = next((h for h in heads if h is not head and (overlaps(h.bbox, head.bbox, HEAD_PIECE_GAP * unit)
                                                                 or _read_across_beside(h, head, unit)
                                                                 or _end_row_across(h, head, unit))), None)
            if piece is not None:
                _join_head(head, piece)
                heads.remove(piece)
                joined = True
                break
    return [h.regions for h in heads]


def _read_across_beside(piece: Headline, head: Headline, unit: float) -> bool:
    """A horizontal head no wider than a vertical one, within its rows, set beside it closer than a
    body line: the rows of a vertical kicker or deck set beside the title, read across its lines
    (random seed 1923: `明规矩 / 强作风 / 严制度 / 促工作` read as `严明`, `制规`, `促正强风` 0.9 body
    heights right of `州住房公积金管理中心…`, two titles standing between the title and its text)."""
    x0, y0, x1, y1 = head.bbox
    px0, py0, px1, py1 = piece.bbox
    return (not piece.vertical and px1 - px0 <= x1 - x0 and py0 >= y0 - HEAD_PIECE_GAP * unit and py1 <= y1
            and 0 <= max(px0 - x1, x0 - px1) <= HEAD_PIECE_BESIDE * unit)


def _end_row_across(piece: Headline, head: Headline, unit: float) -> bool:
    """A horizontal head on a vertical one's columns (its sides within `HEAD_FLUSH`), right over or under
    it, closer than half its characters' size: the vertical head's top or foot row boxed across its
    columns (random seed 2480: `境市` over `区开展夏季环 / 卫生集中整治`, read apart, so the text beside,
    level with that row, stood over the head's top and was owned by none)."""
    x0, y0, x1, y1 = head.bbox
    px0, py0, px1, py1 = piece.bbox
    size = min(line.bbox[2] - line.bbox[0] for r in head.regions for line in r.lines
               if line.direction == TextDirection.VERTICAL_RL)
    return (not piece.vertical and abs(px0 - x0) <= HEAD_FLUSH * unit and abs(px1 - x1) <= HEAD_FLUSH * unit
            and (0 <= y0 - py1 <= HEAD_ROW_GAP * size or 0 <= py0 - y1 <= HEAD_ROW_GAP * size))


def _read_bare_heads(items: list[_Item], heads: list[Headline], separators: list[Region], unit: float,
                     frames: list[BBox]) -> list[_Item]:
    """A headline that heads no text and no photo is no article's: on the page every headline
    heads a body. It is a piece of the vertical headline it stands against on its row (a title's
    character boxed apart, random seeds 1086 `全`, 1121 `市`; a title read across its two columns
    beside its kicker, 1106) or the headline its box runs into (a title's last character boxed
    upright with the one over it, 1309 `新力`), else a piece of the text it stands in (a word of a justified row
    whose other words the detector lost: 1071 `ihren`, 1059 `Box 246,`), read as that text."""
    bare = [i for i in items if i.head is not None and not i.blocks and not i.photos and not i.boxed]
    if not bare:
        return items
    items = [i for i in items if all(i is not b for b in bare)]
    live = [i.head for i in items if i.head is not None]
    by_head = {id(i.head): i for i in items if i.head is not None}
    for item in bare:
        piece = item.head
        partner = next((h for h in live if (h.vertical and _against(piece.bbox, h.bbox, separators, unit))
                        or overlaps(piece.bbox, h.bbox)), None)
        if partner is not None:
            _join_head(partner, piece)
            continue
        regions = [r for r in piece.regions if _read(r)]
        places = [_place(r, items, [h for h in heads if id(h) in by_head], separators, unit, frames) for r in regions]
        if any(place is None for place in places):  # nothing to read it with: left as it stood
            items.append(item)
            continue
        for region, place in zip(regions, places, strict=True):
            region.type = RegionType.TEXT
            if isinstance(place, Region):  # a row's word: a line of the block, in its row's place
                for line in region.lines:
                    _insert_line(place, line)
                _refit(place)
            else:
                by_head[id(place)].blocks.append(region)
    return items


def _place(region: Region, items: list[_Item], heads: list[Headline], separators: list[Region], unit: float,
           frames: list[BBox]) -> Region | Headline | None:
    """Where a headline's piece is read as text: the text block it stands in, else with the text of
    the headline that owns its place."""
    around = [b for i in items for b in i.blocks if b.type == RegionType.TEXT and holds_middle(b.bbox, region.bbox)
              and all(line.direction == TextDirection.HORIZONTAL_LR for line in b.lines + region.lines)]
    if around:
        return min(around, key=lambda b: (b.bbox[2] - b.bbox[0]) * (b.bbox[3] - b.bbox[1]))
    return owner(region.bbox, heads, separators, unit, frames)


def _against(piece: BBox, head: BBox, separators: list[Region], unit: float) -> bool:
    """The piece stands on the head's row a gutter off it at most, or in its line's column a body
    line's height off it at most, no rule between."""
    across = max(piece[0] - head[2], head[0] - piece[2])
    down = max(piece[1] - head[3], head[1] - piece[3])
    near = (down < 0 and across <= RUN_ON_GUTTER * unit) or (across < 0 and down <= unit)
    return near and not rule_between(piece, head, separators)


def _join_head(head: Headline, piece: Headline) -> None:
    """A vertical headline's piece joins it, its lines read where they stand: over the line it
    stands in, else right to left."""
    for region in piece.regions:
        same = next((r for r in head.regions if r.type == region.type), None)
        if same is None:
            head.regions.append(region)
        elif (region.bbox[1] < same.bbox[1] if min(region.bbox[2], same.bbox[2]) > max(region.bbox[0], same.bbox[0])
              else region.bbox[0] > same.bbox[0]):
            same.lines[:0] = region.lines
        else:
            same.lines += region.lines
        if same is not None:
            _refit(same)
    head.bbox = union_bbox([head.bbox, piece.bbox])


def _insert_line(block: Region, line: Line) -> None:
    """Into the block's lines in reading order: before the first line right of it on its row, or
    under its row."""
    middle = (line.bbox[1] + line.bbox[3]) / 2
    at = next((k for k, other in enumerate(block.lines) if other.bbox[1] > middle
               or (other.bbox[3] >= middle and other.bbox[0] >= line.bbox[2])), len(block.lines))
    block.lines.insert(at, line)


def _head_under(photo: Region, caption: Region | None, heads: list[Headline], separators: list[Region],
                unit: float) -> Headline | None:
    """A headline right under the photo and its caption, flush with the photo's left edge: the photo
    tops its article, set over the head (the article's other columns start level with the photo)."""
    foot = max(photo.bbox[3], caption.bbox[3] if caption else 0)
    return next((h for h in heads if not h.vertical and 0 <= h.bbox[1] - foot <= PAST_PHOTO_GAP * unit
                 and abs(h.bbox[0] - photo.bbox[0]) <= COLUMN_START * unit and h.bbox[2] <= photo.bbox[2] + unit
                 and not rule_between(photo.bbox, h.bbox, separators)), None)


def _jump_in_below_text(block: Region, head: Headline, blocks: list[Region]) -> bool:
    """A block that opens with where it came from (上接第一版) under text of its own column: the
    jump of another article, not more of the headline's (under its headline it is the article's
    own continuation). So is the column under such a notice set as a block of its own (random seed
    2399, 28.6 px: `本报讯 记者周敏` and its text under `（上接第三版）` read as the article's above)."""
    return _jump_notice_below_text(block, head, blocks) or any(
        other is not block and other.bbox[3] <= block.bbox[1] and shares_column(other.bbox, block.bbox)
        and _jump_notice_below_text(other, head, blocks) for other in blocks)


def _jump_notice_below_text(block: Region, head: Headline, blocks: list[Region]) -> bool:
    found = continuation(block.lines[0].text) if block.type == RegionType.TEXT else None
    if not found or not found[1]:
        return False
    return any(other is not block and other.type == RegionType.TEXT and head.reach <= other.bbox[1] < block.bbox[1]
               and min(other.bbox[2], block.bbox[2]) > max(other.bbox[0], block.bbox[0]) for other in blocks)


def _text_above_deck(block: Region, deck: Region, head: Headline, frame: BBox | None, frames: list[BBox]) -> bool:
    """A block set above one of the head's decks: anywhere in the box the head fills (`frame`), or
    else under the head's top and over the deck, beside it (an advertisement's lines between its
    name and its firm's, set as the deck: the head would reach past them, and they would go to
    the head above)."""
    if frame is not None:
        return innermost_frame(block.bbox, frames) == frame and block.bbox[3] <= deck.bbox[1]
    # higher than the deck, however much lines set solid overlap it
    return (head.bbox[1] <= block.bbox[1] < deck.bbox[1] and block.bbox[3] < deck.bbox[3]
            and block.bbox[0] < deck.bbox[2] and deck.bbox[0] < block.bbox[2])


def _body_beside_deck(block: Region, deck: Region, head: Headline, separators: list[Region], unit: float) -> bool:
    """Text of the head's body in a column beside the deck, under the title, starting level with the
    deck's top or higher (`DECK_BESIDE_BODY`): the body has begun, and the deck is a subhead opening
    its own column (random seeds 1418 `做强产业 / 聚人气`, 1636 `培育龙头，延长茶 / 叶加工产业链条`)."""
    if head.vertical or block.type != RegionType.TEXT or shares_column(block.bbox, deck.bbox):
        return False
    foot = max(r.bbox[3] for r in head.regions if r.type != RegionType.SUBTITLE)
    middle = (block.bbox[0] + block.bbox[2]) / 2
    return (foot <= block.bbox[1] <= deck.bbox[1] + DECK_BESIDE_BODY * unit
            and head.span[0] <= middle <= head.span[1] and not rule_between(block.bbox, deck.bbox, separators))


def _as_column_subhead(deck: Region, blocks: list[Region], separators: list[Region], unit: float) -> Region:
    """A deck read as the subhead opening its column, with the subhead's rest right under it (its
    second line, measured as body-size bold)."""
    deck.type = RegionType.SUBHEAD
    rest = right_under(deck.bbox, [b for b in blocks if b.type == RegionType.SUBHEAD], separators, unit)
    if rest is not None:
        deck.lines += rest.lines
        blocks.remove(rest)
    return _refit(deck)


def _frame_heads(heads: list[Headline], frames: list[BBox]) -> dict[BBox | None, Headline]:
    """Each frame's first headline (by top): a boxed item is read as one, so the display lines
    under it in its box (an advertisement's name, address, price) are no articles of their own."""
    first: dict[BBox | None, Headline] = {}
    for head in sorted(heads, key=lambda h: (h.bbox[1], h.bbox[0])):
        frame = innermost_frame(head.bbox, frames)
        if frame is not None:
            first.setdefault(frame, head)
    return first


def _as_display_line(region: Region) -> Region:
    """A headline's part read in its box's body: a subhead, in place."""
    region.type = RegionType.SUBHEAD
    return region


def _as_display_lines(region: Region, new_id) -> list[Region]:
    """A deck read in the body: each of its lines a subhead in place, for the body's lines may stand
    between them (Národní listy's `MORIČ BELLAK` over `Vzorkové ústřížky …`, over `prošují se do
    Kolína`)."""
    first, *rest = region.lines
    parts = [_as_display_line(Region(region.id, region.type, first.bbox, [first]))]
    return parts + [_as_display_line(Region(next(new_id), region.type, line.bbox, [line])) for line in rest]


def _as_subhead(head: Headline, rest: Region | None, blocks: list[Region]) -> Region:
    """A title taken for a subhead set a size up, with its second line (`rest`) taken out of the
    blocks if it was measured apart."""
    subhead = head.regions[0]
    subhead.type = RegionType.SUBHEAD
    if rest is not None:
        subhead.lines += rest.lines
        blocks.remove(rest)
    return _refit(subhead)


def _refit(region: Region) -> Region:
    """A region whose lines were taken from: its box fits what is left."""
    if region.lines:
        region.bbox = union_bbox([line.bbox for line in region.lines])
    return region


def _pair_captions(photo_regions: list[Region], blocks: list[Region], unit: float,
                   new_id) -> list[tuple[Region, Photo, Region | None]]:
    """Take each photo's caption lines out of the blocks they were grouped with. A bold heading
    (subhead-type block) leading the caption is its title line. Captions found below their photos
    are taken first: a photo set over a column beside a taller one has its caption under it, where
    the taller photo's column beside it starts (random seed 1500)."""
    paired: dict[int, tuple[Photo, list[Line]]] = {}
    for below_only in (True, False):
        for photo_region in photo_regions:
            if id(photo_region) in paired:
                continue
            free = [line for block in blocks for line in block.lines]
            found = find_caption(photo_region.bbox, free, unit)
            if below_only and (found is None or found.side != "below"):
                continue
            paired[id(photo_region)] = _take_caption(photo_region, found, blocks, unit)
    result = []
    for region in photo_regions:  # numbered in the photos' order
        photo, lines = paired[id(region)]
        caption = Region(next(new_id), RegionType.CAPTION, union_bbox([line.bbox for line in lines]),
                         lines) if lines else None
        result.append((region, photo, caption))
    return result


def _take_caption(photo_region: Region, found: CaptionLines | None, blocks: list[Region],
                  unit: float) -> tuple[Photo, list[Line]]:
    """The photo with its caption text, title and credit, and the caption's lines, taken out of
    `blocks`."""
    photo = Photo(id=photo_region.id, bbox=photo_region.bbox)
    if not found:
        return photo, []
    taken = {id(line) for line in found.lines}
    headings = {id(line) for block in blocks if block.type == RegionType.SUBHEAD for line in block.lines}
    for block in blocks:
        block.lines = [line for line in block.lines if id(line) not in taken]
        _refit(block)
    lines = found.lines
    if len(lines) > 1 and (id(lines[0]) in headings and is_phrase(lines[0].text)
                           or is_caption_title(lines[0], lines[1:], unit)):
        photo.caption_title, lines = lines[0].text, lines[1:]
    credit = credit_line(lines, unit) if not split_credit(lines[-1].text)[1] else None
    credit = credit or found.credit
    if credit is not None:
        photo.credit, lines = " ".join(credit.text.split()), lines[:-1]
    # a caption may be its title and credit alone
    # the text's edge: a credit alone on the last line may stick out of the column (random seed 2125)
    text_lines = lines[:-1] if len(lines) > 1 and not split_credit(lines[-1].text)[0] else lines
    left = min((line.bbox[0] for line in text_lines), default=photo_region.bbox[0])
    texts = paragraphs([(left, lines)], unit, cjk_indent=INDENT_CHARS) if lines else []  # see INDENT_CJK
    if texts and credit is None:
        texts[-1], photo.credit = split_credit(texts[-1], found.misread)
    photo.caption = [t for t in texts if t]
    return photo, found.lines


def _number_photo(photo: Photo, region: Region, caption: Region | None, number: int) -> None:
    photo.id = f"p{number}"
    region.photo = photo.id
    if caption:
        caption.photo = photo.id


def _article(item: _Item, article_id: str, unit: float, new_id) -> tuple[Article, list[Region]]:
    """The article and its regions in reading order: headlines, body, photos with captions."""
    parts = {r.type: _joined(r.lines) for r in (item.head.regions if item.head else [])}
    body = split_subheads(split_notices(_column_order(item, unit), new_id, unit), new_id, unit)
    article = Article(id=article_id, bbox=item.bbox, kicker=parts.get(RegionType.KICKER),
                      title=parts.get(RegionType.TITLE), subtitle=parts.get(RegionType.SUBTITLE))
    run: list[tuple[int, list[Line]]] = []  # text columns since the last subhead
    for index, (left, region) in enumerate(body + [(0, None)]):
        if region is not None and region.type == RegionType.SUBHEAD and (
                _runs_through(region, left, body[:index], body[index + 1:], unit)
                or _runs_on_to(region, left, body[:index], unit)):
            region.type = RegionType.TEXT
        if region is not None and region.type == RegionType.BYLINE and article.byline_apart:
            # the article's byline is read: a second byline row is a dateline opening its text (本报讯 记者何丽 /
            # 娟 通讯员…, random seed 2531); as a byline it took the place of the first, whose text was lost
            region.type = RegionType.TEXT
        if region is not None and region.type == RegionType.TEXT:
            run.append((left, region.lines))
            continue
        article.paragraphs += paragraphs(run, unit)
        run = []
        if region is None:
            break
        text = _joined(region.lines)
        if region.type == RegionType.SUBHEAD:
            article.subheads.append(Subhead(text, len(article.paragraphs)))
        elif region.type == RegionType.BYLINE:
            article.byline, article.byline_apart = own_line_byline(text) or text, True
        elif region.type == RegionType.CONTINUATION:
            notice, came_from = continuation(text) or (text, not article.paragraphs)
            if came_from:
                article.continued_from = notice
            else:
                article.continued_to = notice
    if not article.byline_apart:
        article.byline = byline(article.paragraphs[0] if article.paragraphs else None)
    heads = item.head.regions if item.head else []
    photo_regions = [r for p, _, c in item.photos for r in (p, c) if r]
    regions = heads + [region for _, region in body] + photo_regions
    article.regions = [r.id for r in regions]
    return article, regions


def _column_text_by(subhead: Region, left: int, neighbour: tuple[int, Region] | None) -> Region | None:
    """The text block next to a one-line CJK heading when it starts at the heading's left edge (the
    same column): what `_runs_through` and `_runs_on_to` measure the heading against."""
    if len(subhead.lines) != 1 or not is_cjk(subhead.lines[0].text) or neighbour is None \
            or neighbour[1].type != RegionType.TEXT or neighbour[0] != left:
        return None
    return neighbour[1]


def _runs_through(subhead: Region, left: int, before: list[tuple[int, Region]], rest: list[tuple[int, Region]],
                  unit: float) -> bool:
    """A one-line CJK heading that is a body line going on: flush, or indented as a paragraph's first
    line (a run-in lead), it fills the measure of the text right under it, which runs on flush (random
    seed 1013: `捷、连续的健康服` under a photo, over `务。`). The measure is the column's, its text
    either side cut into blocks of a line each under a photo (random seed 2909: `职业技能大赛落幕 目前，
    该中心共组` over `建家庭医生团队15个，…`). A subhead stands apart, short or centred, and an indented
    paragraph starts under it (in Latin type the first paragraph under a heading may be set flush)."""
    below = _column_text_by(subhead, left, rest[0] if rest else None)
    if below is None:
        return False
    column = below.lines[1:] + [line for region in _column_run(left, rest[1:]) + _column_run(left, before[::-1])
                                for line in region.lines]
    measured = [line.bbox for line in measured_pieces(column, unit)]
    if not measured or not 0 <= below.bbox[1] - subhead.bbox[3] <= unit:
        return False
    left, right = min(box[0] for box in measured), max(box[2] for box in measured)
    line = subhead.lines[0].bbox
    return line[0] - left < RUN_IN_INDENT * unit and right - line[2] < FULL_MEASURE * unit \
        and below.lines[0].bbox[0] - left < INDENT_CHARS * unit


def _column_run(left: int, blocks: list[tuple[int, Region]]) -> list[Region]:
    """The text blocks of the column at `left` that come first in `blocks`, up to anything else."""
    run = []
    for edge, region in blocks:
        if edge != left or region.type != RegionType.TEXT:
            break
        run.append(region)
    return run


def _runs_on_to(subhead: Region, left: int, before: list[tuple[int, Region]], unit: float) -> bool:
    """A one-line CJK heading that is the last line of the paragraph over it: flush with its column,
    right under text whose last line fills the measure and ends no sentence (random seed 1240:
    `捷、连续的健康服务。` under `民在家门口就能享受到便`). A subhead stands apart, centred or indented,
    after a paragraph's end."""
    above = _column_text_by(subhead, left, before[-1] if before else None)
    if above is None:
        return False
    measured = [line.bbox for line in measured_pieces(above.lines, unit)]
    last, line = above.lines[-1], subhead.lines[0].bbox
    if len(measured) < 2 or not 0 <= line[1] - last.bbox[3] <= unit or ends_sentence(last.text):
        return False
    left, right = min(box[0] for box in measured), max(box[2] for box in measured)
    return line[0] - left < INDENT_CHARS * unit and right - last.bbox[2] < FULL_MEASURE * unit


def _joined(lines: list[Line]) -> str:
    text = ""
    for line in lines:
        text = join_lines(text, line.text)
    return text


def _column_order(item: _Item, unit: float) -> list[tuple[int, Region]]:
    """Body blocks in reading order with their column's left edge: a boxed item's by the box's own
    gutters, any other's by its text columns."""
    if not item.blocks:
        return []
    blocks = _untangled(item.blocks, unit)
    if item.boxed:
        return _gutter_order(blocks, unit)
    return _text_columns(blocks, unit)


def _untangled(blocks: list[Region], unit: float) -> list[Region]:
    """Text blocks whose lines interleave, one's line standing between two of another's and over or
    under one of them, made one text block read line by line from the top, a row's lines left to
    right (the ads page's carpet list: each `Koberce` two lines tall beside two lines of its kinds, a
    line of prices under all three, the detector's blocks taking the left column and the right one,
    a display `Koberce` a subhead; a notice's centred line found as a block of its own in the middle
    of another). Blocks of columns side by side never interleave so: their lines do not overlap
    across."""
    texts = [b for b in blocks if b.type in (RegionType.TEXT, RegionType.SUBHEAD)]
    groups: list[list[Region]] = []
    for block in texts:
        joined = [g for g in groups if any(_interleave(block, o, unit) or _interleave(o, block, unit) for o in g)]
        groups = [g for g in groups if all(g is not j for j in joined)] + [[block] + [b for g in joined for b in g]]
    tangled = {id(b): g for g in groups if len(g) > 1 for b in g}
    result: list[Region] = []
    for block in blocks:
        group = tangled.get(id(block))
        if group is None:
            result.append(block)
        elif block is group[0]:  # each group once
            result.append(_by_rows(group))
    return result


def _interleave(outer: Region, inner: Region, unit: float) -> bool:
    """A line of `inner` whose middle stands between the middles of two lines of `outer` that
    follow each other, overlapping one of them across."""
    for upper, lower in zip(outer.lines, outer.lines[1:]):
        top, foot = (upper.bbox[1] + upper.bbox[3]) / 2, (lower.bbox[1] + lower.bbox[3]) / 2
        for line in inner.lines:
            if top < (line.bbox[1] + line.bbox[3]) / 2 < foot and any(
                    min(line.bbox[2], o.bbox[2]) - max(line.bbox[0], o.bbox[0]) > INTERLEAVE_OVERLAP * unit
                    for o in (upper, lower)):
                return True
    return False


def _by_rows(blocks: list[Region]) -> Region:
    """The blocks' lines as one block, by top, the lines of a row left to right (`beside`: a skewed
    line's pieces stand apart in their tops)."""
    lines: list[Line] = []
    for line in sorted((l for b in blocks for l in b.lines), key=lambda l: l.bbox[1]):
        right = [o for o in lines if beside(o, line)]
        order = [id(l) for l in lines]
        lines.insert(order.index(id(right[0])) if right else len(lines), line)
    order = [id(l) for l in lines]
    first = min(blocks, key=lambda b: order.index(id(b.lines[0])))
    return Region(first.id, RegionType.TEXT, union_bbox([l.bbox for l in lines]), lines)


def _text_columns(blocks: list[Region], unit: float) -> list[tuple[int, Region]]:
    """Columns left to right, each top to bottom, past any photo set in them, however many columns
    it spans (the text runs on under it in its own column). Columns are where text blocks start; a
    centred subhead belongs to the column it stands in."""
    texts = [b for b in blocks if b.type == RegionType.TEXT] or blocks
    # a one-row block standing inside another's width starts no column either (a heading set in
    # body type, centred: the Star's `MOBS STOP JUBILEE.` took its column's blocks for its own),
    # nor one set flush right under it (the ads page's notices of death: lines centred or indented
    # to either side, read by their left edges one after the other); a row parted at a wide
    # justified space is still one row (random seed 2875: `DATES: To` | `ensure`, indented)
    starts = [b for b in texts if not _one_row(b) or not any(
        o.bbox[0] < b.bbox[0] and b.bbox[2] < o.bbox[2] + COLUMN_START * unit for o in texts)] or texts
    clusters: list[list[Region]] = []
    for block in sorted(starts, key=lambda b: b.bbox[0]):
        if clusters and block.bbox[0] - clusters[-1][0].bbox[0] <= COLUMN_START * unit:
            clusters[-1].append(block)
        else:
            clusters.append([block])
    # a column starts where its longest block does: a stray piece must not move it
    lefts = [max(cluster, key=lambda b: len(b.lines)).bbox[0] for cluster in clusters]

    def column_left(block: Region) -> int:
        return max((left for left in lefts if left <= block.bbox[0] + COLUMN_START * unit), default=block.bbox[0])

    ordered = _rows_left_first(sorted(blocks, key=lambda b: (column_left(b), b.bbox[1])), column_left, unit)
    return [(column_left(b), b) for b in ordered]


def _one_row(block: Region) -> bool:
    """The block's lines stand on one row, each to the right of the one before."""
    return all(beside(line, before) for before, line in zip(block.lines, block.lines[1:]))


def _rows_left_first(blocks: list[Region], column_left, unit: float) -> list[Region]:
    """Blocks of one column whose first lines stand side by side on one row are read left to right:
    the left words of a line measured apart from its right ones start the column's reading (random
    seed 239), however the blocks' tops fall."""
    ordered: list[Region] = []
    for block in blocks:
        first = block.lines[0].bbox
        right = [b for b in ordered if column_left(b) == column_left(block)
                 and abs(b.lines[0].bbox[1] - first[1]) <= SAME_ROW * unit and first[2] <= b.lines[0].bbox[0]]
        ordered.insert(ordered.index(right[0]) if right else len(ordered), block)
    return ordered


def _gutter_order(blocks: list[Region], unit: float) -> list[tuple[int, Region]]:
    """A box read as a unit: in columns where a blank runs down it, else in bands where a blank runs
    across it, each part so again, down to text columns (an advertisement's lines centred, indented
    or set in display type start no column of the box; a line across its columns is read where it
    stands, not with the column its left edge falls in)."""
    columns = _cut(blocks, 0, unit)
    if len(columns) > 1:
        return [pair for column in columns for pair in _gutter_order(column, unit)]
    bands = _cut(blocks, 1, unit)
    if len(bands) == 1:
        return _text_columns(blocks, unit)
    lefts = {id(b): left for left, b in _text_columns(blocks, unit)}  # a band keeps its column's edge (indents)
    return [(lefts[id(b)], b) for band in bands for _, b in _gutter_order(band, unit)]


def _cluster(blocks: list[Region], separators: list[Region], unit: float,
             standing: list[Region] = ()) -> list[list[Region]]:
    """Text with no headline over it, grouped by nearness into untitled articles; a rule between
    two blocks keeps them apart. A block near two groups joins them (a column's notice line may
    start a group apart from the columns beside it), as does the block right under another in its
    column, a subhead's space off at most, nothing of the page between (`standing`: every block,
    photo and caption; random seeds 1713: a jump's notice over its column, 1290: a jump's column
    going on past a paragraph's blank line). A group holds one jump at most (（上接第三版）
    opening two columns set side by side: two articles)."""
    groups: list[list[Region]] = []
    standing = list(standing) or blocks
    under = {id(b): right_under(b.bbox, standing, separators, unit) for b in blocks}

    def near_by(block: Region, other: Region) -> bool:
        if under[id(other)] is block and not _row_closed(other.bbox, block.bbox, separators, unit):
            return True
        return overlaps(block.bbox, other.bbox, gap=UNTITLED_GAP * unit) and not rule_between(block.bbox, other.bbox,
                                                                                                separators)

    def joins_jump(block: Region, group: list[Region]) -> bool:
        """A column beside a jump's group starts level with the group's top (its notice's row), or
        goes on under one of its blocks: a column starting further down beside it is another's
        (random seed 2399: the last column of `（上接第一版）`'s jump beside the column under
        `（上接第三版）`, a gutter off, starting 18 units under that notice). A subhead atop the column
        starts it (2459: `守住底线保安全` level with `（上接第一版）`, its text 31 px under). A piece of a
        row boxed apart inside one of its blocks is that block's (2415: `、多给`)."""
        top = min([block.bbox[1]] + [b.bbox[1] for b in blocks if under[id(b)] is block])
        return any(under[id(other)] is block or overlaps(block.bbox, other.bbox) for other in group) or \
            top <= min(b.bbox[1] for b in group) + PAGE_ROW * unit

    def beside_jump(block: Region, group: list[Region]) -> bool:
        """A column a gutter right of a jump's column (`RUN_ON_GUTTER`, as `_jump_runs` reads a jump's
        run) is near it however wide the page's gutters: random seed 2390, 66 px, gutters 2.4 units
        apart, the column beside `（上接第二版）` under `因地制宜促增收` an untitled article of its own."""
        return any(jump_notice(b) for b in group) and any(
            0 <= block.bbox[0] - other.bbox[2] <= RUN_ON_GUTTER * unit
            and block.bbox[1] < other.bbox[3] and other.bbox[1] < block.bbox[3]
            and not rule_between(block.bbox, other.bbox, separators) for other in group)

    for block in sorted(blocks, key=lambda b: (b.bbox[1], b.bbox[0])):
        near = [group for group in groups
                if any(near_by(block, other) for other in group) or beside_jump(block, group)]
        jumps = [group for group in near if any(jump_notice(b) for b in group)]
        if jump_notice(block):
            near = [g for g in near if all(g is not j for j in jumps)]
        else:
            apart = [g for g in jumps if not joins_jump(block, g)]
            near = [g for g in near if all(g is not a for a in apart)]
            jumps = [g for g in jumps if all(g is not a for a in apart)]
            if len(jumps) > 1:  # its own jump stands over it in its column, or runs on into it from the left
                over = next((g for g in jumps
                             if any(b.bbox[0] < block.bbox[2] and block.bbox[0] < b.bbox[2] for b in g)),
                            next((g for g in jumps if beside_jump(block, g)), jumps[0]))
                near = [g for g in near if g is over or all(g is not j for j in jumps)]
        joined = [block] + [b for group in near for b in group]
        groups = [group for group in groups if all(group is not g for g in near)] + [joined]
    return groups


def _row_closed(upper: BBox, lower: BBox, separators: list[Region], unit: float) -> bool:
    """A rule across the columns beside, in the gap between the two blocks of a column, ending a
    gutter off its side: it closes a row of the page, and the column under it starts the next
    row's item (random seed 1608: a row of articles whose heads were missed, the last column with
    no rule under it)."""
    x0, x1 = min(upper[0], lower[0]), max(upper[2], lower[2])
    gutter = RUN_ON_GUTTER * unit
    return any(runs_across(sep.bbox)
               and upper[3] - unit <= sep.bbox[1] and sep.bbox[3] <= lower[1] + unit
               and (0 <= x0 - sep.bbox[2] <= gutter or 0 <= sep.bbox[0] - x1 <= gutter) for sep in separators)


def _page_order(items: list[_Item], separators: list[Region], unit: float, columns: bool = False,
                row: float | None = None, frames: Sequence[BBox] = ()) -> list[_Item]:
    """A page set in ruled columns (a rule running on past where one item ends and the next
    begins) is read column by column, each to its foot; a band across such columns (a cartoon
    over three of them) is read before the columns under it. Otherwise, and within a column, items
    are read by top, those whose tops lie within two lines of each other left to right: a page of
    boxed items, each with a rule of its own height, reads row by row."""
    stripes = _column_stripes(items, separators, unit)
    if len(stripes) > 1:
        return [item for stripe in stripes for item in _page_order(stripe, separators, unit, True, row, frames)]
    bands = _cut(items, 1, unit)
    if len(bands) > 1 and (columns or any(len(_column_stripes(band, separators, unit)) > 1 for band in bands)):
        return [item for band in bands for item in _page_order(band, separators, unit, True, row, frames)]
    return _rows(items, unit, row, frames)


_Boxed = TypeVar("_Boxed", Region, _Item)


def _cut(things: list[_Boxed], axis: int, unit: float) -> list[list[_Boxed]]:
    """Blocks or items parted at the blanks along `axis` (0: x, 1: y) that none of them crosses."""
    parts: list[list[_Boxed]] = []
    end = 0.0
    for thing in sorted(things, key=lambda t: (t.bbox[axis], t.bbox[1 - axis])):
        if parts and thing.bbox[axis] < end - CUT_OVERLAP * unit:
            parts[-1].append(thing)
            end = max(end, thing.bbox[axis + 2])
        else:
            parts.append([thing])
            end = thing.bbox[axis + 2]
    return parts


def _column_stripes(items: list[_Item], separators: list[Region], unit: float) -> list[list[_Item]]:
    """Items parted where a column rule stands between them; neighbours with none stay together."""
    stripes: list[list[_Item]] = []
    for stripe in _cut(items, 0, unit):
        if stripes and not any(_column_rule(sep.bbox, stripes[-1], stripe, unit) for sep in separators):
            stripes[-1] = stripes[-1] + stripe
        else:
            stripes.append(stripe)
    return stripes


def _column_rule(rule: BBox, left: list[_Item], right: list[_Item], unit: float) -> bool:
    """A vertical rule between two stripes that runs on past the foot of one item into the next
    on one side, and is not the height of an item beside it (a boxed item's own rule)."""
    x0, y0, x1, y1 = rule
    reach = CUT_OVERLAP * unit
    if y1 - y0 <= x1 - x0 or not (max(i.bbox[2] for i in left) - reach <= (x0 + x1) / 2
                                  <= min(i.bbox[0] for i in right) + reach):
        return False
    sides = [[i.bbox for i in side if i.bbox[1] < y1 and i.bbox[3] > y0] for side in (left, right)]
    own = OWN_RULE * unit
    if any(abs(b[1] - y0) <= own and abs(b[3] - y1) <= own for side in sides for b in side):
        return False
    return any(y0 < upper[3] and upper[3] - reach <= lower[1] < y1
               for side in sides for upper in side for lower in side if lower is not upper)


def _run_on(articles: list[_Item], untitled: list[_Item], photos: list[tuple[Region, Photo, Region | None]],
            separators: list[Region], unit: float) -> list[_Item]:
    """Untitled text starting on an article's row, in the next column to its right with no rule
    between, is that article's text running on (notices under a one-column heading fill the
    columns beside it); the untitled items left over are returned. Left to right, so a run over
    several columns joins column by column. A jump (untitled text opening with where it came from,
    上接第二版) starts an article as a headline does: it runs on into the columns beside it, and
    runs into no article itself. Other untitled text runs on into untitled text beside it only
    when its last column ends mid-sentence, or the text beside opens mid-paragraph (a head the
    layout did not find leaves its columns untitled). The row starts at the article's top or its
    head's (a photo set over the head: the columns beside start level with either). Text right under
    a photo, with text of its column right over the photo, is that column going on past its photo
    (`_past_photos`), not a run-on from beside (random seed 1561: an untitled column's text under its
    photo's caption, level with `首届南湖稻田音乐节周末开唱` in the column left)."""
    left_over = []
    jumps = [item for item in untitled if _opens_jump(item, unit)]
    standing = [b.bbox for i in articles + untitled for b in i.blocks] + [i.head.bbox for i in articles if i.head]
    standing += [box.bbox for p, _, c in photos for box in (p, c) if box] + [s.bbox for s in separators]
    for item in sorted(untitled, key=lambda i: i.bbox[0]):
        first = _first_column(item, unit)[0]
        if any(item is jump for jump in jumps) \
                or _over_photo(first, [i for i in articles + untitled if i is not item], photos, [], separators, unit):
            left_over.append(item)
            continue
        # where its first column starts: a column further right may run up beside the host's photo
        x0, y0 = first.bbox[:2]
        hosts = [a for a in articles + left_over if a.blocks
                 and (a.head is not None or any(a is jump for jump in jumps) or _ends_open(a, unit)
                      or _opens_mid_paragraph(item, unit))
                 and -unit <= x0 - _row_edge(a, y0, unit) <= RUN_ON_GUTTER * unit
                 and (any(abs(y0 - top) <= PAGE_ROW * unit
                          for top in (a.bbox[1], *([a.head.bbox[1]] if a.head else [])))
                      or (_ends_open(a, unit) and _opens_mid_paragraph(item, unit)
                          and _blank_up_to(a, y0, standing, unit)))
                 and not rule_between(a.bbox, item.bbox, separators)]
        host = min(hosts, key=lambda a: abs(x0 - _row_edge(a, y0, unit)), default=None)
        if host is None:
            left_over.append(item)
        else:
            host.blocks += item.blocks
    return left_over


def _blank_up_to(item: _Item, y: float, standing: list[BBox], unit: float) -> bool:
    """The item's columns stand blank from its top up to what closes the row above (a rule, text, a
    photo), and `y` lies within `PAGE_ROW` under that: the item's row starts there, its first column
    opening lower (random seed 2689: a photo set 10 body heights under the rule, its head and one line
    under it, the column beside running on from that line at the rule)."""
    x0, top, x1, _ = item.bbox
    own = {b.bbox for b in item.blocks} | {box.bbox for p, _, c in item.photos for box in (p, c) if box}
    above = [b[3] for b in standing if b not in own and b[3] <= top and b[0] < x1 and x0 < b[2]]
    return bool(above) and 0 <= y - max(above) <= PAGE_ROW * unit and y < top


def _row_edge(item: _Item, y: float, unit: float) -> float:
    """The item's right edge, but for its photos and captions off the row at `y`: a photo spanning
    two columns further down or further up, or a caption set beside it, does not stand where the
    text beside the item's first column starts."""
    below = y + PAGE_ROW * unit
    boxes = [b.bbox for b in item.blocks] + ([item.head.bbox] if item.head else [])
    boxes += [box.bbox for p, _, c in item.photos for box in (p, c)
              if box and box.bbox[1] <= below and box.bbox[3] >= y]
    return max(b[2] for b in boxes)


def _past_photos(articles: list[_Item], untitled: list[_Item], photos: list[tuple[Region, Photo, Region | None]],
                 photo_news: list[_Item], separators: list[Region], unit: float) -> list[_Item]:
    """Untitled text right under a photo and its caption, in the column of an item's text right
    above the photo, is that item's text running on past its photo (a head the layout did not
    find left the article untitled, and its photo cut it in two); a photo of no article goes with
    it. So is untitled text right over an article's photo whose head stands under it
    (`_over_photo_headed`). A jump starts an article of its own. The untitled items left over are
    returned."""
    left_over: list[_Item] = []
    loose = [news.photos[0][1] for news in photo_news]
    for item in sorted(untitled, key=lambda i: i.bbox[1]):
        if _opens_jump(item, unit):
            left_over.append(item)
            _take_top_photos(item, photo_news, articles + untitled, separators, unit)
            _take_foot_photos(item, photo_news, articles + untitled, separators, unit)
            continue
        found = _over_photo(_first_column(item, unit)[0], articles + left_over, photos, loose, separators, unit)
        if found is None:
            host = _over_photo_headed(item, articles, separators, unit)
            if host is None:
                left_over.append(item)
                _take_top_photos(item, photo_news, articles + untitled, separators, unit)
                _take_foot_photos(item, photo_news, articles + untitled, separators, unit)
            else:
                host.blocks += item.blocks
            continue
        host, photo = found
        host.blocks += item.blocks
        news = next((n for n in photo_news if n.photos[0][1] is photo), None)
        if news is not None:
            photo_news.remove(news)
            host.photos += news.photos
    return left_over


def _take_top_photos(item: _Item, photo_news: list[_Item], others: list[_Item], separators: list[Region],
                     unit: float) -> None:
    """A photo of no article right over the top of one of the untitled item's columns, within the item's
    width and with no other item's text right over it, tops that column: the article opens with its
    photo, and is read where the photo stands (random seeds 1966, 1974, 1993: a column's photo and
    caption over an untitled article's text, the photo read apart and the article a row late, after the
    article beside; 2116: another item's text over the photo, past a rule). A photo wider than the item
    spans columns of others too: news of its own."""
    gap = PAST_PHOTO_GAP * unit
    x0, x1 = min(b.bbox[0] for b in item.blocks), max(b.bbox[2] for b in item.blocks)
    tops = [b for b in item.blocks if not any(o is not b and o.bbox[3] <= b.bbox[1] and shares_column(o.bbox, b.bbox)
                                              for o in item.blocks)]
    over = [b for other in others if other is not item for b in other.blocks]
    for news in list(photo_news):
        region, _, caption = news.photos[0]
        whole = union_bbox([region.bbox] + ([caption.bbox] if caption else []))
        if x0 - unit <= region.bbox[0] and region.bbox[2] <= x1 + unit \
                and any(region.bbox[0] <= (b.bbox[0] + b.bbox[2]) / 2 <= region.bbox[2]
                        and 0 <= b.bbox[1] - whole[3] <= gap and not rule_between(whole, b.bbox, separators)
                        for b in tops) \
                and not any(shares_column(b.bbox, region.bbox) and 0 <= region.bbox[1] - b.bbox[3] <= gap
                            and not rule_between(b.bbox, region.bbox, separators) for b in over):
            photo_news.remove(news)
            item.photos += news.photos


def _take_foot_photos(item: _Item, photo_news: list[_Item], others: list[_Item], separators: list[Region],
                      unit: float) -> None:
    """A photo of no article right under the foot of one of the untitled item's columns, within the
    item's width, no rule between, and with no other item's text right under it but past a rule,
    ends that column: the article's photo set at its foot (random seeds 2040, 2126: read apart, it
    stood between a column rule and the item, so the page was read by column stripes, not by
    rows). Photo-news under an item stands under a rule or in a frame of its own, whose top the photo's
    box may reach into (random seed 2021: the rule 3 px into the box): the rule is sought to a unit in."""
    gap = PAST_PHOTO_GAP * unit
    x0, x1 = min(b.bbox[0] for b in item.blocks), max(b.bbox[2] for b in item.blocks)
    feet = [b for b in item.blocks if not any(o is not b and o.bbox[1] >= b.bbox[3] and shares_column(o.bbox, b.bbox)
                                              for o in item.blocks)]
    under = [b for other in others if other is not item for b in other.blocks]
    for news in list(photo_news):
        region, _, caption = news.photos[0]
        whole = union_bbox([region.bbox] + ([caption.bbox] if caption else []))
        below = (region.bbox[0], region.bbox[1] + round(unit), region.bbox[2], region.bbox[3])
        if x0 - unit <= region.bbox[0] and region.bbox[2] <= x1 + unit \
                and any(region.bbox[0] <= (b.bbox[0] + b.bbox[2]) / 2 <= region.bbox[2]
                        and 0 <= region.bbox[1] - b.bbox[3] <= gap and not rule_between(b.bbox, below, separators)
                        for b in feet) \
                and not any(shares_column(b.bbox, region.bbox) and 0 <= b.bbox[1] - whole[3] <= gap
                            and not rule_between(whole, b.bbox, separators) for b in under):
            photo_news.remove(news)
            item.photos += news.photos


def _over_photo_headed(item: _Item, articles: list[_Item], separators: list[Region], unit: float) -> _Item | None:
    """The article whose photo the item's text stands right over, in the photo's columns with no rule
    between, its head right under that photo and its caption (as `_head_under` finds it): the
    article starts above its photo in the photo's other column (random seed 1250: a notice's
    `issuing this notice …` over the Ruby Lake photo, its head `DEPARTMENT OF THE INTERIOR` under it)."""
    gap = PAST_PHOTO_GAP * unit
    for host in articles:
        if host.head is None:
            continue
        for region, _, caption in host.photos:
            whole = union_bbox([region.bbox] + ([caption.bbox] if caption else []))
            if not (0 <= host.head.bbox[1] - whole[3] <= gap and overlaps(host.head.bbox, whole, gap=gap)):
                continue
            if any(region.bbox[0] <= (b.bbox[0] + b.bbox[2]) / 2 <= region.bbox[2]
                   and 0 <= region.bbox[1] - b.bbox[3] <= gap and not rule_between(b.bbox, region.bbox, separators)
                   for b in item.blocks):
                return host
    return None


def _over_photo(block: Region, items: list[_Item], photos: list[tuple[Region, Photo, Region | None]],
                loose: list[Photo], separators: list[Region], unit: float) -> tuple[_Item, Photo] | None:
    """The photo right over the block in its column, and the item with text right above that photo
    in the same column, no rule between; or, for a photo of no article (`loose`), the article
    whose head it stands beside (`_beside_head`). A caption set beside its photo, in a column of its
    own, stands in that column as the photo does (random seed 1351: the Ruby Lake caption right of
    its photo, the notice's text over and under it)."""
    gap = PAST_PHOTO_GAP * unit
    for region, photo, caption in photos:
        beside = caption and (caption.bbox[0] >= region.bbox[2] - unit or caption.bbox[2] <= region.bbox[0] + unit)
        piece = caption if beside and caption.bbox[0] <= (block.bbox[0] + block.bbox[2]) / 2 <= caption.bbox[2] \
            else region
        foot = max(region.bbox[3], caption.bbox[3] if caption else 0)  # the column goes on under both
        if not (piece.bbox[0] <= (block.bbox[0] + block.bbox[2]) / 2 <= piece.bbox[2]
                and 0 <= block.bbox[1] - foot <= gap):
            continue
        host = next((i for i in items for b in i.blocks
                     if _starts_column(b, block, unit) and 0 <= piece.bbox[1] - b.bbox[3] <= gap
                     and not rule_between(b.bbox, block.bbox, separators)), None)
        if host is None and any(photo is p for p in loose):
            host = _beside_head(region, items, separators, unit)
        if host is not None:
            return host, photo
    return None


def _starts_column(upper: Region, lower: Region, unit: float) -> bool:
    """The upper block starts where the lower's column does, or is a paragraph's first line indented,
    cut off as a block of one line (random seed 1713: `新能源公交上线 …` right over the photo, two
    characters in from the column going on under it)."""
    indent = (COLUMN_SUBHEAD_INDENT if len(upper.lines) == 1 else COLUMN_START) * unit
    return -COLUMN_START * unit <= upper.bbox[0] - lower.bbox[0] <= indent


def _beside_head(photo: Region, items: list[_Item], separators: list[Region], unit: float) -> _Item | None:
    """The article whose head stands over its first column only, level with the photo's top, the
    photo in the next column right of the article's row, no rule between: the photo tops the
    column beside a one-column head, and the text under its caption goes on with that article
    (random seeds 1267, 1345: `Neues Löschfahrzeug für die Wehr` over its first column, its photo
    heading the second). A head centred over two columns has a photo beside it of its own (seed 260).
    A jump's notice heads its article as a head does (random seed 1957: `（上接第一版）` level with the
    photo topping the next column, the jump's text going on under the photo's caption)."""
    for item in items:
        head = _head_box(item, unit)
        if (head is not None and head[2] <= max(b.bbox[2] for b in _first_column(item, unit)) + unit
                and abs(photo.bbox[1] - head[1]) <= PAGE_ROW * unit
                and -unit <= photo.bbox[0] - _row_edge(item, photo.bbox[1], unit) <= RUN_ON_GUTTER * unit
                and not rule_between(head, photo.bbox, separators)):
            return item
    return None


def _head_box(item: _Item, unit: float) -> BBox | None:
    """What heads the item's text: its head, or the notice opening a jump; None for other untitled text."""
    if not item.blocks:
        return None
    if item.head is not None:
        return item.head.bbox
    if not _opens_jump(item, unit):
        return None
    return _first_column(item, unit)[0].lines[0].bbox


def _first_column(item: _Item, unit: float) -> list[Region]:
    """The item's blocks in its leftmost column, top to bottom."""
    left = min(b.bbox[0] for b in item.blocks)
    return sorted((b for b in item.blocks if b.bbox[0] <= left + COLUMN_START * unit), key=lambda b: b.bbox[1])


def _opens_jump(item: _Item, unit: float) -> bool:
    """The item's first line says where it came from (（上接第二版）): the rest of an article from
    another page. The notice may be set flush right over its column."""
    column = _first_column(item, unit)
    x0, x1 = column[0].bbox[0], max(b.bbox[2] for b in column)
    return jump_notice(min((b for b in item.blocks if b.bbox[0] < x1 and b.bbox[2] > x0), key=lambda b: b.bbox[1]))


def _opens_mid_paragraph(item: _Item, unit: float) -> bool:
    """The item's first line fills its column's measure, neither indented nor short: a paragraph
    going on from the column before (a heading the layout took for text is short)."""
    first = _first_column(item, unit)[0]
    lines = measured_pieces(first.lines[1:], unit)
    if first.type != RegionType.TEXT or not lines:
        return False
    left, right = min(line.bbox[0] for line in lines), max(line.bbox[2] for line in lines)
    opening = first.lines[0].bbox
    return opening[0] - left < INDENT_CHARS * unit and right - opening[2] < FULL_MEASURE * unit


def _ends_open(item: _Item, unit: float) -> bool:
    """The item's last column ends mid-sentence: its text goes on at the top of the next."""
    texts = [b for b in item.blocks if b.type == RegionType.TEXT]
    if not texts:
        return False
    right = max(b.bbox[0] for b in texts)
    last = max((b for b in texts if b.bbox[0] >= right - COLUMN_START * unit), key=lambda b: b.bbox[3])
    return not ends_sentence(last.lines[-1].text)


def _row_pitch(blocks: list[Region], unit: float) -> float | None:
    """The body's line pitch: the median step from one line of a text block to the next (down
    a horizontal block, leftwards across a vertical one); None with too few steps to tell."""
    low, high = ROW_PITCH_STEPS
    steps = [(b.lines[k + 1].bbox[1] - b.lines[k].bbox[1]) if b.lines[k].direction == TextDirection.HORIZONTAL_LR
             else (b.lines[k].bbox[0] - b.lines[k + 1].bbox[0])
             for b in blocks if b.type == RegionType.TEXT for k in range(len(b.lines) - 1)]
    steps = [d for d in steps if low * unit <= d <= high * unit]
    return statistics.median(steps) if len(steps) >= ROW_PITCH_MIN_STEPS else None


def _row_top(item: _Item, frames: Sequence[BBox], unit: float) -> float:
    """Where the item's row starts: its top, or the top of the frame it sits in right under."""
    top = item.bbox[1]
    frame = innermost_frame(item.bbox, frames)
    return frame[1] if frame is not None and 0 <= top - frame[1] <= ROW_FRAME_TOP * unit else top


def _rows(items: list[_Item], unit: float, row: float | None = None, frames: Sequence[BBox] = ()) -> list[_Item]:
    """By top; items whose tops lie within two lines of each other (within `row`, a Chinese page's
    line pitch, where given; a framed item's top is its frame's) form a row, read left to right."""
    rows: list[list[_Item]] = []
    top = {id(i): _row_top(i, frames, unit) for i in items}
    for item in sorted(items, key=lambda i: (top[id(i)], i.bbox[0])):
        if rows and top[id(item)] - top[id(rows[-1][0])] <= (row or PAGE_ROW * unit):
            rows[-1].append(item)
        else:
            rows.append([item])
    return [item for row in rows for item in sorted(row, key=lambda i: i.bbox[0])]


def _content_span(layout: PageLayout) -> tuple[int, int]:
    boxes = [r.bbox for r in layout.regions if r.type != RegionType.SEPARATOR]
    if not boxes:
        return 0, layout.size[0]
    return min(b[0] for b in boxes), max(b[2] for b in boxes)
