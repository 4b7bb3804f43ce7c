"""Photos: large continuous-tone areas that are neither text lines nor rules, and drawings (line-art
cartoons, maps) whose strokes are one large piece of ink the detector found no text lines along."""

from __future__ import annotations

import cv2
import numpy as np

from broadsheet.layout.rules import strokes
from broadsheet.layout.thresholds import (
    DRAWING_HOLDS_PHOTO,
    DRAWING_PAST_PHOTO,
    DRAWING_SPREAD,
    DRAWING_TEXT_SHARE,
    PHOTO_BULK,
    PHOTO_EDGE,
    PHOTO_FILL,
    PHOTO_GAP,
    PHOTO_HOLE,
    PHOTO_MEDIAN_TONE,
    PHOTO_RULE_REACH,
    PHOTO_RULE_WIDTH,
    PHOTO_SEAM_ROWS,
    PHOTO_SMOOTH,
    PHOTO_SOLID,
    PHOTO_TIED,
    PHOTO_TONE,
    RULE_CONTRAST,
)
from broadsheet.model import BBox, overlaps, union_bbox

# Work on a copy this many times smaller: photos are large, and this keeps the morphology cheap.
SCALE = 4


def find_photos(gray: np.ndarray, text_boxes: list[BBox], rule_boxes: list[BBox],
                min_side: int, typeset: list[BBox] | None = None) -> list[BBox]:
    """Boxes of areas where most pixels are neither paper nor pure ink, once text is masked out.
    Areas that are rows of type (`_type_rows`) are no photos: their rows go to `typeset`."""
    small = cv2.resize(gray, None, fx=1 / SCALE, fy=1 / SCALE, interpolation=cv2.INTER_AREA)
    paper = float(np.percentile(small, 90))
    text_boxes = [box for box in text_boxes if not _tone_line(gray, box, paper, min_side)]
    tone = (small < paper - PHOTO_TONE).astype(np.uint8)
    for x0, y0, x1, y1 in text_boxes + rule_boxes:
        tone[y0 // SCALE:(y1 + SCALE - 1) // SCALE + 1, x0 // SCALE:(x1 + SCALE - 1) // SCALE + 1] = 0
    # light parts of a photo (sky, walls) leave holes: close them, then drop specks
    k = max(3, int(PHOTO_HOLE * min_side) // SCALE)
    tone = cv2.morphologyEx(tone, cv2.MORPH_CLOSE, np.ones((k, k), np.uint8))
    tone = cv2.morphologyEx(tone, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(tone, connectivity=8)
    fine = gray < paper - PHOTO_TONE
    photos = []
    text = np.zeros(gray.shape, bool)
    for x0, y0, x1, y1 in text_boxes:
        text[y0:y1, x0:x1] = True
    for index in range(1, count):
        left, top, w, h, _ = stats[index]
        if min(w, h) * SCALE < min_side:
            continue
        for x, y, piece in _solid_parts(labels[top:top + h, left:left + w] == index, left, top, min_side, tone.shape):
            (h, w), area = piece.shape, int(piece.sum())
            if min(w, h) * SCALE < min_side or area < PHOTO_FILL * w * h:
                continue
            coarse = (int(x * SCALE), int(y * SCALE), int((x + w) * SCALE), int((y + h) * SCALE))
            exact = _exact_edges(fine, coarse, text)
            for x0, y0, x1, y1 in _apart(fine & ~text, exact, min_side, _rule_seams(gray, exact, rule_boxes, min_side)):
                # the small copy's blur widens a thin piece (an engraving's stem, the Czech ads page)
                if min(x1 - x0, y1 - y0) < min_side or \
                        paper - float(np.median(gray[y0:y1, x0:x1])) < PHOTO_MEDIAN_TONE:
                    continue
                rows = _type_rows(fine, (x0, y0, x1, y1), min_side)
                if not rows:
                    photos.append((x0, y0, x1, y1))
                elif typeset is not None:
                    typeset += rows
    return _one_per_picture(photos)


def _one_per_picture(photos: list[BBox]) -> list[BBox]:
    """Boxes that overlap joined: printed photos never overlap, so two are one picture whose light
    middle (a bilevel photo's sky) parted its tone into pieces (random seed 2862, kai at 29 px: two
    figures' boxes crossing, the caption's title taken for the smaller one's caption)."""
    photos = list(photos)
    while True:
        pair = next(((a, b) for a in photos for b in photos if a is not b and _overlap(a, b)), None)
        if pair is None:
            return photos
        photos.remove(pair[0])
        photos.remove(pair[1])
        photos.append(union_bbox(list(pair)))


def _solid_parts(piece: np.ndarray, x: int, y: int, min_side: int,
                 page: tuple[int, int]) -> list[tuple[int, int, np.ndarray]]:
    """The piece (`_bulk`), or, where it fills under PHOTO_FILL of its box, its parts left when
    strokes thinner than half a photo's side are opened away: a photo tied by its caption's unmasked
    edges to the page's dark border (random seed 1965: a pale photo over its caption at 52 px, one
    piece with a strip down the caption's left edge and the page's foot, 0.48 of its box). A part
    at the page's edge (`page`: the small copy's height and width) is that border, not a photo, and
    a part must hold PHOTO_TIED of the piece: what is opened away is a photo's ties, not a web of
    tone the page's pictures are small knots of (the Czech ads page: its engravings 0.02 each of a
    piece as big as the page, found as drawings)."""
    bulk = _bulk(piece, x, y)
    if bulk[2].sum() >= PHOTO_FILL * bulk[2].size:
        return [bulk]
    k = max(3, min_side // (2 * SCALE))
    opened = cv2.morphologyEx(piece.astype(np.uint8), cv2.MORPH_OPEN, np.ones((k, k), np.uint8))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(opened, connectivity=8)
    return [_bulk(labels[py:py + ph, px:px + pw] == index, x + px, y + py)
            for index, (px, py, pw, ph, area) in enumerate(stats) if index and min(pw, ph) * SCALE >= min_side
            and area >= PHOTO_TIED * piece.sum()
            and 0 < x + px and 0 < y + py and x + px + pw < page[1] and y + py + ph < page[0]]


def _type_rows(ink: np.ndarray, box: BBox, min_side: int) -> list[BBox]:
    """The rows of ink in `box`, each trimmed to its ink, where blank rows (under PHOTO_GAP across
    the box) part it into rows all shorter than a photo can be: lines of type the detector boxed
    none of, not a picture (random seed 1876, bilevel at 10 px: two bold CJK titles of three and four
    lines, each row one fused piece 1.8 body heights tall, were photos); else none."""
    x0, y0, x1, y1 = box
    rows = _spans(ink[y0:y1, x0:x1].mean(axis=1), 1)
    if len(rows) < 2 or any(b - a >= min_side for a, b in rows):
        return []
    found = []
    for a, b in rows:
        inked = np.flatnonzero(ink[y0 + a:y0 + b, x0:x1].any(axis=0))
        if len(inked):
            found.append((x0 + int(inked[0]), y0 + a, x0 + int(inked[-1]) + 1, y0 + b))
    return found


def _bulk(piece: np.ndarray, x: int, y: int) -> tuple[int, int, np.ndarray]:
    """A piece (its mask over its box at x, y on the small copy) without its thin outgrowths: the
    rows, then the columns, at its ends that it fills under PHOTO_BULK. A column's last characters the
    detector's lines left out are tone, and a photo beside them ran down their column through its
    caption and the text under it (random seed 995: 0.06 of the box's width, 180 px under it)."""
    rows = np.flatnonzero(piece.mean(axis=1) >= PHOTO_BULK)
    if len(rows):
        y, piece = y + int(rows[0]), piece[rows[0]:rows[-1] + 1]
    cols = np.flatnonzero(piece.mean(axis=0) >= PHOTO_BULK)
    if len(cols):
        x, piece = x + int(cols[0]), piece[:, cols[0]:cols[-1] + 1]
    return int(x), int(y), piece


def _apart(picture: np.ndarray, box: BBox, min_side: int, seams: list[tuple[int, int]] = ()) -> list[BBox]:
    """The photos in one box: two photos set side by side a thin gutter apart are one piece on the
    small copy (random seed 181: 4 px of paper and a hairline, the title over the shorter photo
    taken in with them). Cut at columns holding next to no picture, or a column rule's (`seams`),
    with a photo's width on either hand, and each part trimmed to its picture; a box with no such
    gutter is kept as it is."""
    x0, y0, x1, y1 = box
    fill = picture[y0:y1, x0:x1].mean(axis=0)
    for a, b in seams:
        fill[a - x0:b - x0] = 0
    spans = _spans(fill, min_side)
    if len(spans) == 1:
        return [box]
    return [_trimmed(picture, (x0 + a, y0, x0 + b, y1), min_side) for a, b in spans]


def _rule_seams(gray: np.ndarray, box: BBox, rule_boxes: list[BBox], min_side: int) -> list[tuple[int, int]]:
    """[start, end) columns of the box a column rule crosses: an upright rule found ending within a
    photo's side of the box, a photo's side or more inside it, whose line runs on down the box darker
    than the columns beside it in PHOTO_SEAM_ROWS of its rows. Two photos set either side of a column
    rule 2-4 px off it are one piece of tone with the rule, blurred over, and the rule search loses
    the rule between them (random seed 2723, 11.6 px: the shorter photo's caption beside the taller
    one was inside the one box, and lost). A rule stopping at a picture set across it has no line
    down the picture; a dithered picture's dots are averaged out down the column first."""
    x0, y0, x1, y1 = box
    length = max(3, min_side // 4)
    seams = []
    for rx0, ry0, rx1, ry1 in rule_boxes:
        if ry1 - ry0 <= rx1 - rx0 or rx0 < x0 + min_side or rx1 > x1 - min_side \
                or ry0 > y1 + min_side or ry1 < y0 - min_side:
            continue
        a, b, k = rx0 - 1, rx1 + 1, 2 * (rx1 - rx0) + 1
        strip = cv2.blur(gray[y0:y1, a - k:b + k], (1, length))
        darker = cv2.morphologyEx(strip, cv2.MORPH_BLACKHAT, np.ones((1, k), np.uint8))[:, k:k + b - a]
        if (darker >= RULE_CONTRAST).mean(axis=0).max() >= PHOTO_SEAM_ROWS:
            seams.append((a, b))
    return seams


def _spans(fill: np.ndarray, min_side: int) -> list[tuple[int, int]]:
    """Where to cut a profile: blank runs (under PHOTO_GAP of picture) leaving parts at least
    `min_side` long on both hands; the whole when there is none."""
    blank = np.flatnonzero(fill < PHOTO_GAP)
    cuts = [int(i) for i in blank if min_side <= i <= len(fill) - min_side]
    if not cuts:
        return [(0, len(fill))]
    spans, start = [], 0
    for i in cuts:
        if i - start >= min_side:
            spans.append((start, i))
        start = i + 1
    spans.append((start, len(fill)))
    return spans


def _trimmed(picture: np.ndarray, box: BBox, min_side: int) -> BBox:
    """The box with its outer rows and columns under half picture taken off (a title beside a
    shorter photo, cut off with it), then any outer stretch under half picture that starts at a
    blank row or column: under the shorter of two photos cut apart, its caption's strokes standing
    out of their ink-tight line boxes and a frame's rule are over half ink row by row, and kept the
    photo's box down over the caption, whose lines were then dropped as the photo's texture (random
    seed 279, 9 px). A photo keeps `min_side`."""
    x0, y0, x1, y1 = box
    rows = _core(picture[y0:y1, x0:x1].mean(axis=1), min_side)
    if rows is None:
        return box
    y0, y1 = y0 + rows[0], y0 + rows[1]
    cols = _core(picture[y0:y1, x0:x1].mean(axis=0), min_side)  # the photo's own rows: not the caption's
    if cols is None:
        return box
    return x0 + cols[0], y0, x0 + cols[1], y1


def _core(fill: np.ndarray, min_side: int) -> tuple[int, int] | None:
    """[start, end) of a profile past its outer entries under half picture and its outer stretches
    under half picture on the whole that start at a blank entry (under PHOTO_GAP)."""
    full = np.flatnonzero(fill >= 0.5)
    if not len(full):
        return None
    start, end = int(full[0]), int(full[-1]) + 1
    blank = [int(i) for i in np.flatnonzero(fill[start:end] < PHOTO_GAP) + start]
    cut = next((b for b in blank if b - start >= min_side and fill[b:end].mean() < 0.5), end)
    cut_top = next((b + 1 for b in reversed(blank) if cut - b - 1 >= min_side and fill[start:b + 1].mean() < 0.5),
                   start)
    inner = full[(full >= cut_top) & (full < cut)]
    return int(inner[0]), int(inner[-1]) + 1


def _tone_line(gray: np.ndarray, box: BBox, paper: float, min_side: int) -> bool:
    """A detector "line" over a photo: as tall as a photo, mostly tone, and smooth, where type's
    strokes are edges (small type blurred is smooth too, but no line of it is that tall), or nearly
    solid tone, whatever its texture's edges: type leaves paper between its strokes."""
    x0, y0, x1, y1 = box
    crop = gray[y0:y1, x0:x1]
    if y1 - y0 < min_side or crop.shape[1] < 3:
        return False
    fill = float((crop < paper - PHOTO_TONE).mean())
    if fill < PHOTO_FILL:
        return False
    if fill >= PHOTO_SOLID and crop.shape[1] >= min_side:
        return True
    dx = cv2.Sobel(crop, cv2.CV_32F, 1, 0, ksize=3)
    dy = cv2.Sobel(crop, cv2.CV_32F, 0, 1, ksize=3)
    return float((np.hypot(dx, dy) / 4 > PHOTO_EDGE).mean()) < PHOTO_SMOOTH  # the 3x3 kernel weighs 4


def rules_over_photos(rule_ink: np.ndarray, photos: list[BBox], unit: float, max_thickness: int) -> list[BBox]:
    """Rules along a photo's top, about as wide as the photo: a photo-news block one narrow column
    wide stands under a rule shorter than the page's rule search takes (random seed 29: 7 body
    heights), and a frame's top line a blank above the picture is taken into the photo's box
    (seed 33): either way nothing parted the photo from the article above it."""
    height, width = rule_ink.shape
    found = []
    for x0, y0, x1, _ in photos:
        reach = int(PHOTO_RULE_REACH * unit)
        left, top = max(0, x0 - int(unit)), max(0, y0 - reach)
        band = rule_ink[top:min(height, y0 + reach), left:min(width, x1 + int(unit))]
        for bx0, by0, bx1, by1 in strokes(band, unit, True, int(PHOTO_RULE_WIDTH * (x1 - x0)), max_thickness):
            found.append((left + bx0, top + by0, left + bx1, top + by1))
    return found


def find_drawings(ink: np.ndarray, text_boxes: list[BBox], min_side: int) -> list[BBox]:
    """Boxes of line-art: a piece of ink (rules already removed) at least `min_side` each way, with
    ink across its middle (a box's frame has none there) and mostly outside the detector's text
    lines (a headline's letters are inside theirs; the "lines" the detector reads in a cartoon,
    `mee`, `ell`, cover a few strokes of it). The box takes in the drawing's loose strokes that
    reach into it (a cactus, a speech balloon's words), so their "lines" are dropped with it."""
    text = np.zeros(ink.shape, bool)
    for x0, y0, x1, y1 in text_boxes:
        text[y0:y1, x0:x1] = True
    count, labels, stats, _ = cv2.connectedComponentsWithStats((ink > 0).astype(np.uint8), connectivity=8)
    loose, drawings = [], []
    for index in range(1, count):
        x, y, w, h, area = stats[index]
        if w < min_side / 4 and h < min_side / 4:
            continue  # a character or a speck: cheaper to leave out than to look at
        piece = labels[y:y + h, x:x + w] == index
        if text[y:y + h, x:x + w][piece].mean() >= DRAWING_TEXT_SHARE:
            continue
        box = (int(x), int(y), int(x + w), int(y + h))
        middle = piece[h // 4:h - h // 4, w // 4:w - w // 4].sum()
        if min(w, h) >= min_side and middle >= DRAWING_SPREAD * area:
            drawings.append(box)
        else:
            loose.append(box)
    while True:  # take in what reaches in, until nothing more does
        pair = next(((i, other) for i, box in enumerate(drawings) for other in loose + drawings
                     if other is not box and _overlap(other, box) >= 0.5 * _area(other)), None)
        if pair is None:
            return drawings
        i, other = pair
        drawings[i] = union_bbox([drawings[i], other])
        (loose if other in loose else drawings).remove(other)


def with_drawings(photos: list[BBox], drawings: list[BBox]) -> list[BBox]:
    """The photos and the drawings that are no photo's. A drawing over a photo is the same picture
    found by its ink, and where it holds the photo and reaches a little past it, it is the whole
    picture: a bilevel photo's narrow solid foot is tone filling under half of the box's width, trimmed
    off the photo's box as an outgrowth, but one piece of ink with the rest (random seed 1468: the
    photo found 1.9 lines short of its foot, 2.4 lines over its caption)."""
    grown, apart = list(photos), []
    for drawing in drawings:
        over = [i for i, photo in enumerate(photos) if overlaps(drawing, photo)]
        if not over:
            apart.append(drawing)
        elif len(over) == 1:
            photo = photos[over[0]]
            if _overlap(drawing, photo) >= DRAWING_HOLDS_PHOTO * _area(photo) \
                    and _area(drawing) <= DRAWING_PAST_PHOTO * _area(photo):
                grown[over[0]] = union_bbox([grown[over[0]], drawing])
    return grown + apart


def _area(box: BBox) -> int:
    return (box[2] - box[0]) * (box[3] - box[1])


def _overlap(a: BBox, b: BBox) -> int:
    return max(0, min(a[2], b[2]) - max(a[0], b[0])) * max(0, min(a[3], b[3]) - max(a[1], b[1]))


def _exact_edges(tone: np.ndarray, box: BBox, text: np.ndarray) -> BBox:
    """Move each side of a box found on the small copy to where the tone really stops, so that a
    rule a few pixels off a photo is told apart from the photo's own edge. It never grows into
    `text` (the detector's lines): a caption's first line set close under its photo fills over half
    of its rows at 16 px when blurred, and a line the box took in was dropped as the photo's texture
    (random seed 15: `3月24日,…和学生互动。`)."""
    height, width = tone.shape
    x0, y0, x1, y1 = box
    picture = tone & ~text

    def filled(rows: slice, cols: slice, mask: np.ndarray = tone) -> float:
        area = mask[rows, cols]
        return float(area.mean()) if area.size else 0.0

    reach = 2 * SCALE
    for _ in range(reach):  # grow where the next row/column out is still picture
        grown = False
        if y0 > 0 and filled(slice(y0 - 1, y0), slice(x0, x1), picture) > 0.5:
            y0, grown = y0 - 1, True
        if y1 < height and filled(slice(y1, y1 + 1), slice(x0, x1), picture) > 0.5:
            y1, grown = y1 + 1, True
        if x0 > 0 and filled(slice(y0, y1), slice(x0 - 1, x0), picture) > 0.5:
            x0, grown = x0 - 1, True
        if x1 < width and filled(slice(y0, y1), slice(x1, x1 + 1), picture) > 0.5:
            x1, grown = x1 + 1, True
        if not grown:
            break
    for _ in range(reach):  # shrink where the outermost row/column is paper
        shrunk = False
        if filled(slice(y0, y0 + 1), slice(x0, x1)) < 0.5:
            y0, shrunk = y0 + 1, True
        if filled(slice(y1 - 1, y1), slice(x0, x1)) < 0.5:
            y1, shrunk = y1 - 1, True
        if filled(slice(y0, y1), slice(x0, x0 + 1)) < 0.5:
            x0, shrunk = x0 + 1, True
        if filled(slice(y0, y1), slice(x1 - 1, x1)) < 0.5:
            x1, shrunk = x1 - 1, True
        if not shrunk:
            break
    return x0, y0, x1, y1
