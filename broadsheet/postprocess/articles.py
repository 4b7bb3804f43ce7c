"""Which headline owns which body text and photos.

A headline group owns the blocks below it within its horizontal span, until a rule or the next
headline. Its span reaches sideways to the nearest vertical rule, or to whatever stands beside it
on its row (another headline, a neighbour's text or photo), since a short title is centred over a
wider article. A vertical headline (竖排) stands beside its text instead, top-aligned with it: it
owns what lies beside and below its top, within the rules to either side.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from broadsheet.model import BBox, Region, RegionType, TextDirection, overlaps, shares_column, union_bbox
from broadsheet.postprocess.notices import continuation, misread_notice
from broadsheet.postprocess.paragraphs import ends_sentence
from broadsheet.postprocess.thresholds import (
    BOXES_APART,
    COLUMN_START,
    COLUMN_SUBHEAD_GAP,
    COLUMN_SUBHEAD_INDENT,
    COLUMN_SUBHEAD_MEASURE,
    COLUMN_SUBHEAD_SIZE,
    COLUMN_SUBHEAD_UNDER,
    COLUMN_UNDER,
    HEADING_ABOVE,
    HEADLINE_BAND,
    HEADS_ROW_GAP,
    INDENT_CHARS,
    MAX_COLUMN_SUBHEAD_LINES,
    OWNER_SLACK,
    PAGE_ROW,
    PICTURE_ABOVE,
    ROW_RULE_SHORT,
    RULE_FLANKS,
    RUN_ON_GUTTER,
    SUBHEAD_BELOW,
    TOPPING_RULE,
)


@dataclass
class Headline:
    regions: list[Region]
    bbox: BBox
    span: tuple[float, float]  # x-range the article may occupy
    vertical: bool = False

    @property
    def reach(self) -> int:
        """Blocks starting below this y may belong to it."""
        return self.bbox[1] if self.vertical else self.bbox[3]


def headline_spans(groups: list[list[Region]], separators: list[Region], others: list[BBox],
                   content: tuple[int, int], unit: float) -> list[Headline]:
    """`others`: boxes of text blocks and photos, which bound a span they stand beside."""
    heads = []
    boxes = [union_bbox([r.bbox for r in g]) for g in groups]
    for group, box in zip(groups, boxes):
        x0, y0, x1, y1 = box
        vertical = upright(group)
        # a vertical headline's text stands beside it, within its height: a rule starting under its
        # foot stands in the row below (random seed 1440: a column rule under the rule closing its row)
        band = (y0, y1 + (0 if vertical else HEADLINE_BAND * unit))
        left, right = float(content[0]), float(content[1])
        for sep in separators:
            sx0, sy0, sx1, sy1 = sep.bbox
            if sy1 - sy0 > sx1 - sx0 and sy0 < band[1] and sy1 > band[0]:
                if sx1 <= x0 + unit:
                    left = max(left, sx1)
                elif sx0 >= x1 - unit:
                    right = min(right, sx0)
            elif vertical and 0 <= y0 - sy1 <= TOPPING_RULE * unit and sx0 <= x0 + unit and x1 - unit <= sx1:
                left, right = max(left, sx0 - unit), min(right, sx1 + unit)  # the rule over its article
        # a vertical headline's own text stands beside it: only rules and headlines bound it
        neighbours = [(b, HEADS_ROW_GAP * unit) for b in boxes] + ([] if vertical else [(b, 0.0) for b in others])
        for other, slack in neighbours:
            if other is box or other[1] >= y1 + slack or other[3] <= y0 - slack:
                continue  # only neighbours on the same row bound the span
            if other[2] <= x0:
                left = max(left, min(x0, _column_right(other, others, unit)))
            elif other[0] >= x1:
                right = min(right, other[0])
        heads.append(Headline(group, box, (left, right), vertical))
    return heads


def _column_right(box: BBox, others: list[BBox], unit: float) -> float:
    """The right side of the column the box tops: a short line beside a head (a paragraph's last
    line, run on from the column before) stands for its column, the block right under it, flush
    left with it (random seed 2726: `zugute.` level with `Schüler bauen einen Garten`, its column
    under it the text of the title left of it). A column running on under the head bounds nothing
    past the head's own side (random seed 2566: a JPEG speck at the gutter, over the head's column).
    A title beside the head tops its column a title's lead over it (random seed 2827: `Musik in den
    Höfen`'s column 1.3 lines under it, taken by `Turnverein feiert Geburtstag` beside)."""
    under = [o for o in others
             if 0 <= o[1] - box[3] <= COLUMN_UNDER * unit and abs(o[0] - box[0]) <= COLUMN_START * unit]
    return max([box[2]] + [o[2] for o in under])


def upright(group: list[Region]) -> bool:
    """A vertical headline: one set upright, with any pieces of it read across (`assemble._vertical_pieces`)."""
    return any(line.direction == TextDirection.VERTICAL_RL for r in group for line in r.lines)


def owner(box: BBox, heads: list[Headline], separators: list[Region], unit: float,
          frames: list[BBox] = ()) -> Headline | None:
    """The nearest headline above the box whose span covers it, with no rule in between, and in
    the same frame (`frames`: boxed items; an article neither leaves its box nor enters another).
    Of headlines side by side on that row, whose spans meet over the box, one centred over it:
    a title is centred over its own columns, so its span reaches as far past its other side (the
    one nearer the box, if both or neither)."""
    cx = (box[0] + box[2]) / 2
    frame = innermost_frame(box, frames)
    found = []
    for head in heads:
        reach = _reach_over(head, box)
        if reach > box[1] + OWNER_SLACK * unit or not head.span[0] <= cx <= head.span[1]:
            continue
        if innermost_frame(head.bbox, frames) != frame:
            continue
        # a rule over the headline, inside its box, does not part it from the text under its foot
        below = box[1] + OWNER_SLACK * unit >= head.bbox[3]
        if _parted(head, head.bbox[3] if below else reach, box[1], cx, separators, unit,
                   [h.bbox for h in heads if h is not head]):
            continue
        found.append(head)
    if not found:
        return None
    lowest = max(found, key=lambda h: h.reach)
    row = [h for h in found if h.bbox[1] < lowest.bbox[3] and lowest.bbox[1] < h.bbox[3]]

    def centred(head: Headline) -> bool:
        mirrored = head.bbox[0] + head.bbox[2] - cx
        return head.span[0] <= mirrored <= head.span[1]

    return min(row, key=lambda h: (not centred(h), max(h.bbox[0] - box[2], box[0] - h.bbox[2], 0), -h.reach))


def _reach_over(head: Headline, box: BBox) -> int:
    """Blocks starting below this y, under the box's columns, may belong to the head: the foot of its
    parts over the box. A deck set beside the top of the article's first column does not push that
    column's first line out of the article (random seeds 1616, 1636: `打好基础求长远`, right of the
    first line under `社区卫生服务中心推出家庭医生签约“套餐”`)."""
    if head.vertical:
        return head.reach
    return max((r.bbox[3] for r in head.regions if r.bbox[0] < box[2] and box[0] < r.bbox[2]), default=head.reach)


def innermost_frame(box: BBox, frames: Sequence[BBox]) -> BBox | None:
    """The smallest frame round the box's centre."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    around = [f for f in frames if f[0] <= cx <= f[2] and f[1] <= cy <= f[3]]
    return min(around, key=lambda f: (f[2] - f[0]) * (f[3] - f[1]), default=None)


def _parted(head: Headline, top: float, bottom: float, x: float, separators: list[Region], unit: float,
            others: Sequence[BBox] = ()) -> bool:
    """A rule across the column at `x` parts the head from text starting at `bottom`: one under `top`
    but for a rule flanking a horizontal title (just under its foot, ending at its side, `RULE_FLANKS`:
    random seed 1257), or one level with the title's lower half ending well short of its side, which
    closes the row of the columns beside it (`ROW_RULE_SHORT`: random seed 1336, a jump's columns under
    the rule that ends three columns left of `社区食堂开进居民家门口`), as does one ending past a letter
    off it above its foot, which no flanking rule does (random seed 1769: the rule over the first two
    columns ends a gutter left of `DEPARTMENT OF THE / INTERIOR`, level with its second line's top), or
    one at its foot ending past a letter off it that tops another head (`others`: the headlines' boxes),
    whose article it opens (random seed 1886: `Markttag am Domplatz` under the rule over four columns
    that ends a gutter left of `Turnverein feiert / Geburtstag`, level with its foot)."""
    if head.vertical:  # a rule its box reaches into stands over it (random seed 1657: 1 px into the rule)
        return _rule_between(top, bottom, x, [s for s in separators if not overlaps(s.bbox, head.bbox)])
    x0, y0, x1, y1 = head.bbox
    for sep in separators:
        sx0, sy0, sx1, sy1 = sep.bbox
        if not (runs_across(sep.bbox) and sx0 <= x <= sx1 and sy1 <= bottom):
            continue
        short = max(x0 - sx1, sx0 - x1)  # how far short of the title's side it ends (< 0: under it)
        if top <= sy0 and not (-1 <= short <= RULE_FLANKS * unit and sy0 - y1 <= RULE_FLANKS * unit):
            return True
        # ending past a letter off the title, over its foot: level with a head's second line, not flanking
        tops_head = any(0 <= o[1] - sy1 <= TOPPING_RULE * unit and sx0 <= o[0] and o[2] <= sx1 for o in others)
        flanks = short <= RULE_FLANKS * unit or (y1 - sy1 <= RULE_FLANKS * unit and not tops_head)
        if (y0 + y1) / 2 <= sy0 < top and (short >= ROW_RULE_SHORT * unit or not flanks):
            return True
    return False


def _rule_between(top: float, bottom: float, x: float, separators: list[Region]) -> bool:
    for sep in separators:
        sx0, sy0, sx1, sy1 = sep.bbox
        if sx1 - sx0 > sy1 - sy0 and top <= sy0 and sy1 <= bottom and sx0 <= x <= sx1:
            return True
    return False



def promote_headings(blocks: list[Region], heads: list[Headline], separators: list[Region],
                     unit: float, pictures: list[tuple[BBox, BBox | None]] = ()) -> list[Region]:
    """Bold body-size headings that no headline owns and that start their column segment: the
    headline of an item set in body type (a notice's `DEPARTMENT OF THE INTERIOR`). They become
    titles; a heading with text of its own column right above it stays a subhead, as does one under
    a picture set in such text (`pictures`: each photo's box and its caption's, `_under_picture`),
    one inside a jump's text (`_in_jump`) or one opening the column beside such a head (`_opens_beside`)."""
    texts = [b for b in blocks if b.type == RegionType.TEXT]
    runs = _jump_runs(texts, heads, separators, unit, [b for b in blocks if b.type == RegionType.SUBHEAD])
    found = []
    for block in blocks:
        if block.type != RegionType.SUBHEAD or owner(block.bbox, heads, separators, unit) is not None:
            continue
        if any(_right_above(text.bbox, block.bbox, unit) and not rule_between(text.bbox, block.bbox, separators)
               for text in texts) or _under_picture(block.bbox, pictures, texts, separators, unit):
            continue
        lower = right_under(block.bbox, texts, separators, unit)
        if lower is not None and any(_in_jump(run, block.bbox, lower.bbox, separators, unit, pictures) for run in runs):
            continue
        found.append(block)
    # the heads a promoted heading may open the column beside: the other bare heads, and the headlines
    beside = [(b, b.bbox) for b in found] + [(None, h.bbox) for h in heads if not h.vertical]
    promoted = [b for b in found
                if not any(_opens_beside(b, box, texts, separators, unit) for head, box in beside if head is not b)]
    for block in promoted:
        block.type = RegionType.TITLE
    return promoted


def _opens_beside(block: Region, head: BBox, texts: list[Region], separators: list[Region], unit: float) -> bool:
    """A heading set in from its column's edge (centred or indented, as subheads are), opening the
    column right of a head set flush with its own text and level with it, that text running on
    past it: the head's article goes on under it (random seeds 993, 998, 1019: `Costs and
    Schedule` beside a notice's `DEPARTMENT OF …`). The head may be a headline the layout found
    (random seed 1474: `Kosten und Zeitplan` beside `Neues Löschfahrzeug für die Wehr`)."""
    if len(block.lines) > MAX_COLUMN_SUBHEAD_LINES or ends_sentence(block.lines[-1].text):
        return False
    lower = right_under(block.bbox, texts, separators, unit)
    text = right_under(head, texts, separators, unit)
    if lower is None or text is None:
        return False
    inset, gutter, level = INDENT_CHARS * unit, RUN_ON_GUTTER * unit, COLUMN_SUBHEAD_GAP * unit
    if block.bbox[0] - lower.bbox[0] < inset or abs(head[0] - text.bbox[0]) >= inset \
            or abs(block.bbox[1] - head[1]) > level:
        return False
    while lower.bbox[0] - text.bbox[2] > gutter:  # its text may fill columns beside first (random seed 1375)
        beside = next((t for t in texts if 0 <= t.bbox[0] - text.bbox[2] <= gutter and t.bbox[2] < lower.bbox[0]
                       and abs(t.bbox[1] - head[1]) <= level and not rule_between(text.bbox, t.bbox, separators)),
                      None)
        if beside is None:
            break
        text = beside
    return (0 <= lower.bbox[0] - text.bbox[2] <= gutter and text.bbox[3] > lower.bbox[1]
            and not rule_between(text.bbox, lower.bbox, separators))


def _under_picture(box: BBox, pictures: list[tuple[BBox, BBox | None]], texts: list[Region],
                   separators: list[Region], unit: float) -> bool:
    """A photo's caption (or the photo) right above the heading, the photo under text of the
    heading's column, no rule between: the photo is set inside that text's article, and the heading
    goes on with it (random seed 993: `Background` under the Ruby Lake photo's caption, the notice's
    `Next Steps` text right over the photo). A title under a caption stands under a rule or under a
    photo that heads a column (a photo-news item, or a photo over its own article's title)."""
    for photo, caption in pictures:
        foot = caption or photo
        if not (_right_above(foot, box, unit) and shares_column(photo, box)) or rule_between(foot, box, separators):
            continue
        if any(shares_column(text.bbox, box) and 0 <= photo[1] - text.bbox[3] <= PICTURE_ABOVE * unit
               and not rule_between(text.bbox, photo, separators) for text in texts):
            return True
    return False


def _right_above(upper: BBox, lower: BBox, unit: float) -> bool:
    shared = min(upper[2], lower[2]) - max(upper[0], lower[0])
    return shared > 0 and HEADING_ABOVE[0] * unit <= lower[1] - upper[3] <= HEADING_ABOVE[1] * unit


def rule_between(a: BBox, b: BBox, separators: list[Region]) -> bool:
    """Whether a separator lies in the gap between two boxes (or across where they touch). Boxes
    one over the other are parted by a rule across their column, boxes side by side by one down
    the gutter: a column rule that the right edges of a column's text and a heading under it
    reach into runs beside them, not between them (the Czech news page's `níž stojí …`, both 1 px
    into a slanted rule's box). Boxes apart both ways, or overlapping deeply both ways (an
    article's outline and a column beside its head), are parted by any rule between or across."""
    gap = (min(a[2], b[2]), min(a[3], b[3]), max(a[0], b[0]), max(a[1], b[1]))
    x0, x1 = sorted((gap[0], gap[2]))
    y0, y1 = sorted((gap[1], gap[3]))
    shared_x = (gap[0] - gap[2]) / max(1, min(a[2] - a[0], b[2] - b[0]))
    shared_y = (gap[1] - gap[3]) / max(1, min(a[3] - a[1], b[3] - b[1]))
    if shared_x > shared_y and shared_x > 0 and shared_y < BOXES_APART:  # one over the other
        found, dx, dy = [s for s in separators if runs_across(s.bbox)], 0, 1
    elif shared_y > shared_x and shared_y > 0 and shared_x < BOXES_APART:  # side by side
        found, dx, dy = [s for s in separators if not runs_across(s.bbox)], 1, 0
    else:
        found, dx, dy = separators, 1, 1
    return any(overlaps((x0 - dx, y0 - dy, x1 + dx, y1 + dy), sep.bbox) for sep in found)


def runs_across(box: BBox) -> bool:
    """A rule wider than tall: one across a column."""
    return box[2] - box[0] > box[3] - box[1]


def column_subheads(heads: list[Headline], blocks: list[Region], separators: list[Region],
                    unit: float) -> list[tuple[Headline, Region | None]]:
    """Short titles a size up from the body that stand inside another article's column: under
    that article's title (bigger), between its text above (of the same measure as the text below,
    or a paragraph's last line alone) and text below, no rule between, and not ending a sentence;
    or heading a column, level with the article's text in the column beside. A subhead set a size
    up (小标题), not a new article's title; returned with the subhead block right under it, if any
    (a two-line subhead's shorter second line, measured as body-size bold). Der Nordstern's item
    heads differ: `Feuer.` ends with a full stop, and `Unter den fehlgeschlagenen / Hoffnungen` has
    only its own first line above it; so do display lines of advertisements (Národní listy's
    `Nábytek`)."""
    texts = [b for b in blocks if b.type == RegionType.TEXT]
    subheads = [b for b in blocks if b.type == RegionType.SUBHEAD]
    found: list[tuple[Headline, Region | None]] = []
    while True:  # a subhead found frees the text under it for the heads above (a jump's column)
        more = _more_column_subheads(heads, found, texts, subheads, separators, unit)
        if not more:
            return found
        found += more


def _more_column_subheads(heads: list[Headline], found: list[tuple[Headline, Region | None]], texts: list[Region],
                          subheads: list[Region], separators: list[Region],
                          unit: float) -> list[tuple[Headline, Region | None]]:
    """One pass of `column_subheads` over the heads not found yet: those it finds."""
    found = list(found)
    start = len(found)
    for head in heads:
        if any(head is f for f, _ in found):
            continue
        lines = [line for r in head.regions for line in r.lines]
        if head.vertical or [r.type for r in head.regions] != [RegionType.TITLE] \
                or len(lines) > MAX_COLUMN_SUBHEAD_LINES or ends_sentence(lines[-1].text):
            continue
        others = [h for h in heads if h is not head and all(h is not f for f, _ in found)]
        size = max(line.bbox[3] - line.bbox[1] for line in lines)
        if size > COLUMN_SUBHEAD_SIZE * unit:
            continue
        rest = right_under(head.bbox, subheads, separators, unit)
        lower = right_under(rest.bbox if rest else head.bbox, texts, separators, unit)
        if lower is None:
            continue
        above = owner(head.bbox, others, separators, unit)
        if above is None:
            runs = _jump_runs(texts, others, separators, unit)
            whole = union_bbox([head.bbox, rest.bbox]) if rest else head.bbox  # with its second line
            if any(_in_jump(run, whole, lower.bbox, separators, unit) for run in runs):
                found.append((head, rest))
            continue
        title = max((l.bbox[3] - l.bbox[1] for r in above.regions if r.type == RegionType.TITLE for l in r.lines),
                    default=0)
        if title < COLUMN_SUBHEAD_UNDER * size:
            continue
        own = [t for t in texts if owner(t.bbox, others, separators, unit) is above]
        if any(_column_above(t, head.bbox, lower.bbox, separators, unit) for t in own) \
                or any(_column_beside(t, own, head.bbox, lower.bbox, unit) for t in own):
            found.append((head, rest))
    return found[start:]


def jump_notice(block: Region) -> bool:
    """The block opens with where its text came from (上接第一版): the rest of an article from
    another page. Small type misreads the notice past the pattern ((上描第二酸): random seed 1290);
    over the text, at the block's top, it says where the text came from."""
    if block.type != RegionType.TEXT:
        return False
    found = continuation(block.lines[0].text)
    return found[1] if found else misread_notice(block.lines[0].text)


def _jump_runs(texts: list[Region], heads: list[Headline], separators: list[Region],
               unit: float, subheads: Sequence[Region] = ()) -> list[list[list[Region]]]:
    """Each jump's columns: the untitled text under its notice, then the columns right beside
    starting level with the notice, as `_run_on` joins them; each column a list of blocks. A column
    opened by a subhead starts at the subhead's top (random seed 2459: `守住底线保安全` and `培育龙头，
    延长茶 / 叶加工产业链条` atop the second and third columns, level with `（上接第一版）`)."""
    untitled = [t for t in texts if owner(t.bbox, heads, separators, unit) is None]
    starts = {id(t): t.bbox[1] for t in untitled}
    for subhead in subheads:
        under = right_under(subhead.bbox, untitled, separators, unit)
        if under is not None:
            starts[id(under)] = min(starts[id(under)], subhead.bbox[1])

    def column(top: Region) -> list[Region]:
        return [top] + [t for t in untitled if t.bbox[0] < top.bbox[2] and top.bbox[0] < t.bbox[2]
                        and t.bbox[1] > top.bbox[1] and not rule_between(top.bbox, t.bbox, separators)]

    runs = []
    for jump in (t for t in untitled if jump_notice(t)):
        run = [column(jump)]
        while True:
            right = max(b.bbox[2] for b in run[-1])
            beside = [t for t in untitled if abs(starts[id(t)] - jump.bbox[1]) <= PAGE_ROW * unit
                      and 0 <= t.bbox[0] - right <= RUN_ON_GUTTER * unit
                      and not rule_between(run[-1][0].bbox, t.bbox, separators)]
            if not beside:
                break
            run.append(column(min(beside, key=lambda t: t.bbox[0])))
        runs.append(run)
    return runs


def _in_jump(run: list[list[Region]], head: BBox, lower: BBox, separators: list[Region], unit: float,
             pictures: Sequence[tuple[BBox, BBox | None]] = ()) -> bool:
    """A head inside a jump's text, which no headline heads, set close over the text it heads (a
    title stands further off): under text of the jump's column (as `_column_above`), or heading the
    column right of one of its columns, level with the jump's notice, that column filled to the
    jump's foot (a subhead opening a column the jump runs on into: random seeds 889, 943, 1003;
    a jump's short last column ends it; a picture set under its columns fills them, `_column_foot`)."""
    if lower[1] - head[3] > SUBHEAD_BELOW * unit:
        return False
    if any(_column_above(t, head, lower, separators, unit) for c in run for t in c):
        return True
    if abs(head[1] - min(b.bbox[1] for b in run[0])) > COLUMN_SUBHEAD_GAP * unit:
        return False
    # the jump's foot so far: its columns left of the head's (2459: a column past it runs deeper)
    feet = [_column_foot(column, run, separators, unit, pictures) for column in run]
    deepest = max([b.bbox[3] for c in run for b in c if b.bbox[2] <= lower[0]]
                  + [foot for column, foot in zip(run, feet) if max(b.bbox[2] for b in column) <= lower[0]],
                  default=0)
    for column, foot in zip(run, feet):
        if (0 <= lower[0] - max(b.bbox[2] for b in column) <= RUN_ON_GUTTER * unit and foot > lower[1]
                and foot >= deepest - _short_by(column, head, lower, unit)
                and not any(rule_between(b.bbox, head, separators) for b in column)):
            return True
    return False


def _short_by(column: list[Region], head: BBox, lower: BBox, unit: float) -> float:
    """How far short of a jump's foot the column left of a head may end: a subhead's space and a
    pitch; a column ending a paragraph, also the head's own depth to its text, which did not fit at its
    foot (random seed 2926: `会议还研究了……的环境。` ending 3.6 em short, `科技赋能增动力` atop the next)."""
    last = max(column, key=lambda b: b.bbox[3])
    if not last.lines or not ends_sentence(last.lines[-1].text):
        return COLUMN_SUBHEAD_GAP * unit
    return COLUMN_SUBHEAD_GAP * unit + lower[1] - head[1]


def _column_foot(column: list[Region], run: list[list[Region]], separators: list[Region], unit: float,
                 pictures: Sequence[tuple[BBox, BBox | None]]) -> int:
    """Where a jump's column ends: its last block's foot, or the foot of a picture (its caption's) set
    under it across the jump's columns, right under one of them (`PICTURE_ABOVE`): the column goes on
    past the picture's top (random seed 2617: a photo under the jump's second to fourth columns, the
    second a paragraph's end 4 units over it, `守住底线保安全` atop the third taken for a title)."""
    foot = max(b.bbox[3] for b in column)
    box = union_bbox([b.bbox for b in column])
    for photo, caption in pictures:
        if photo[1] < foot or not shares_column(photo, box) or rule_between(box, photo, separators):
            continue
        if any(0 <= photo[1] - max(b.bbox[3] for b in c) <= PICTURE_ABOVE * unit
               and shares_column(photo, union_bbox([b.bbox for b in c])) for c in run):
            foot = max(foot, (caption or photo)[3])
    return foot


def _same_column(upper: BBox, lower: BBox, unit: float) -> bool:
    """Both edges within the column's measure; the lower may open a paragraph indented (a one-line
    block under a subhead)."""
    measure = COLUMN_SUBHEAD_MEASURE * unit
    return -measure <= lower[0] - upper[0] <= COLUMN_SUBHEAD_INDENT * unit and abs(upper[2] - lower[2]) <= measure


def _column_above(text: Region, head: BBox, lower: BBox, separators: list[Region], unit: float) -> bool:
    """Text of the lower's column right above the head: of its measure, or a paragraph's last line
    alone (narrower, flush left with the column)."""
    x0, y0, x1, y1 = text.bbox
    if not (0 <= head[1] - y1 <= COLUMN_SUBHEAD_GAP * unit and x0 < lower[2] and lower[0] < x1) \
            or rule_between(text.bbox, head, separators):
        return False
    if _same_column(text.bbox, lower, unit):
        return True
    return len(text.lines) == 1 and x1 < lower[2] and _same_column(text.bbox, (lower[0], 0, x1, 0), unit)


def _column_beside(text: Region, own: list[Region], head: BBox, lower: BBox, unit: float) -> bool:
    """Text of the article in the next column, level with the head's top, its column (`own`: the
    article's text blocks) running on past it: the head opens a column of the article's body, as
    its text does beside it. The column beside may go on under a subhead of its own, its first
    block a paragraph's last line (random seed 1395: `政企携手谋发展` under a photo's caption, level
    with `者等重点人群签约率达到82%。` over `打好基础求长远`)."""
    x0, y0, x1, y1 = text.bbox
    gutter = RUN_ON_GUTTER * unit
    next_to = 0 <= lower[0] - x1 <= gutter or 0 <= x0 - lower[2] <= gutter
    foot = max(t.bbox[3] for t in own if t.bbox[1] >= y0 and shares_column(t.bbox, text.bbox))
    return next_to and abs(y0 - head[1]) <= COLUMN_SUBHEAD_GAP * unit and foot > lower[1]


def right_under(box: BBox, blocks: list[Region], separators: list[Region], unit: float) -> Region | None:
    """The block right under the box, in its column (the narrower of the two within the other's
    measure), with no rule between."""
    def fits(block: Region) -> bool:
        (nx0, nx1), (wx0, wx1) = sorted(((box[0], box[2]), (block.bbox[0], block.bbox[2])), key=lambda s: s[1] - s[0])
        slack = COLUMN_SUBHEAD_MEASURE * unit
        return (0 <= block.bbox[1] - box[3] <= COLUMN_SUBHEAD_GAP * unit and wx0 - slack <= nx0 and nx1 <= wx1 + slack
                and not rule_between(block.bbox, box, separators))

    return min((b for b in blocks if fits(b)), key=lambda b: b.bbox[1], default=None)
