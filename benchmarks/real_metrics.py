"""The metrics of `real_pages.py`: whole truth chunks in the output, their order, and columns merged.

Text truth (a vendor's ALTO, PERO OCR's PAGE): the truth's text and ours are compared after
`normalize` (NFKC, case folded, letters and digits only: no whitespace, punctuation or hyphen
differences). Each truth block is cut into `chunks` of about CHUNK characters, in the truth's order.
- contig: the share of chunks found whole in our text: some stretch of it is within MAX_EDIT × the
  chunk's length of Levenshtein edits from the chunk (`locate`). A chunk split over two places, or
  with other text interleaved, is that many edits away and not found.
- order: of each two chunks that follow one another among the found ones (in the truth's order),
  the share found in the same order in our text. A truth that gives no reading order (PERO's PAGE
  without `ReadingOrder`: czech_ads lists its regions by left edge, up a column as often as down)
  has its order scored only between chunks of the same truth block (`ordered=False`).
- NED: Levenshtein distance of the whole normalized texts over the longer one's length. Reading
  order weighs in it as much as misreads: a truth read column by column against a text read article
  by article (the 1920 Star: 0.718 for broadsheet, 0.084 with its order mended) is far apart.
- NED ordered: the same once each paragraph of our text (runs of lines between blank lines) stands
  where it best matches the truth (`in_truth_order`, shared with `broadsheet eval`'s reading CER):
  what is misread, lost or added, whatever the order. A text cut finer gets its order mended finer
  (Tesseract psm 3 writes about 2.5 times as many paragraphs as broadsheet on the Star).
- words found / words right: the share of the truth's words (case folded, letters only, each as
  often as it stands) that our text holds, and of ours that the truth holds. Chunks and NED ignore
  spaces; these count a run-together line (`inthahandsoftheredcavalry`) as the words it lost.

Region truth (GBN: hand-drawn text regions and separators, no text), our lines with their article:
- column merges: the share of our lines (of those on some truth region) that cover two truth
  regions side by side, or that cross a vertical separator.
- item splits: truth regions whose lines (each line belongs to the region it covers most) we
  give to two or more articles; item merges: articles that take lines from both sides of a
  horizontal rule, within the rule's width.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

import cv2
import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from broadsheet.evaluate import text as evaluate_text

# About a paragraph of a newspaper column (four to five lines): long enough to be found in one
# place only, short enough that a column break or an interleaved line shows.
CHUNK = 150
# A block shorter than this (a folio, a price) is found anywhere with a quarter of it wrong: of
# czech_ads' blocks, searched in another Czech page's text, 12 of 26 under 10 characters were
# "found" there, none of the 130 longer ones. It still counts in NED.
MIN_CHUNK = 10
# A piece of a line shorter than this is not looked for alone (`missed_chunks`): found anywhere.
MIN_LINE = 4
# Both texts are machine OCR with their own errors: a quarter of a chunk may differ and it is found.
MAX_EDIT = 0.25
# A line covers a region when the region fills this many line heights of its width (a few letters).
COVER_HEIGHTS = 2.0
# Two regions a line covers sit side by side when their parts in the line share less than this
# share of the narrower part's width (stacked regions a tall line box straddles share it all).
SIDE_BY_SIDE_OVERLAP = 0.5
# A line crosses a vertical rule when it reaches at least this many line heights past it on each side.
CROSS_HEIGHTS = 1.0
# A separator is vertical (a column rule) or horizontal (an article rule) when its box is this many
# times taller than wide, or wider than tall.
RULE_ASPECT = 4.0
# Masks are drawn at most this many pixels on the long side: 600-dpi pages would take a gigabyte.
MASK_SIDE = 2500


def normalize(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", text).casefold() if c.isalnum())


def chunks(blocks: list[str]) -> list[str]:
    """Each block's normalized text cut into even pieces of about CHUNK characters."""
    return [piece for _, piece in block_chunks(blocks)]


def block_chunks(blocks: list[str]) -> list[tuple[int, str]]:
    """`chunks`, each with the index of the block it was cut from."""
    pieces = []
    for index, block in enumerate(blocks):
        text = normalize(block)
        if len(text) < MIN_CHUNK:
            continue
        count = max(1, round(len(text) / CHUNK))
        bounds = [round(i * len(text) / count) for i in range(count + 1)]
        pieces += [(index, text[a:b]) for a, b in zip(bounds, bounds[1:])]
    return pieces


def substring_distance(chunk: str, text: str) -> tuple[int, int]:
    """(fewest edits turning `chunk` into some stretch of `text`, where that stretch ends)."""
    needle = np.frombuffer(chunk.encode("utf-32-le"), dtype=np.uint32)
    rows = np.arange(len(needle) + 1)
    column = rows.copy()  # edits against the empty stretch
    best, end = len(needle), 0
    for j, char in enumerate(np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32), start=1):
        step = np.empty_like(column)
        step[0] = 0  # a stretch may start anywhere
        step[1:] = np.minimum(column[:-1] + (needle != char), column[1:] + 1)
        column = np.minimum.accumulate(step - rows) + rows  # deletions down the chunk
        if column[-1] < best:
            best, end = int(column[-1]), j
    return best, end


def locate(chunk: str, text: str) -> int | None:
    """Where `chunk` ends in `text` when it is found whole there; None when it is not."""
    if not chunk:
        return None
    allowed = math.floor(MAX_EDIT * len(chunk))
    lo, hi = 0, len(text)
    if len(text) > len(chunk) + 2 * allowed:  # narrow the search to the best-aligned window
        window = fuzz.partial_ratio_alignment(chunk, text)
        lo, hi = max(0, window.dest_start - allowed), min(len(text), window.dest_end + allowed)
    distance, end = substring_distance(chunk, text[lo:hi])
    return lo + end if distance <= allowed else None


@dataclass
class MissedChunk:
    block: int  # the truth block it was cut from
    lines: list[tuple[str, int | None]]  # its truth lines (the part in the chunk), each with where it ends in our text


def missed_chunks(truth_blocks: list[str], output: str) -> list[MissedChunk]:
    """The chunks not found whole, each truth line of them located alone: a line found nowhere was
    lost or misread; lines found apart or out of order were cut apart or interleaved."""
    text, missed = normalize(output), []
    for index, block in enumerate(truth_blocks):
        lines = [(line, normalize(line)) for line in block.split("\n")]
        whole = "".join(n for _, n in lines)
        if len(whole) < MIN_CHUNK:
            continue
        count = max(1, round(len(whole) / CHUNK))
        bounds = [round(i * len(whole) / count) for i in range(count + 1)]
        for a, b in zip(bounds, bounds[1:]):
            if locate(whole[a:b], text) is not None:
                continue
            parts, start = [], 0
            for line, norm in lines:
                part = whole[max(start, a):min(start + len(norm), b)]
                start += len(norm)
                if part:
                    parts.append((line, locate(part, text) if len(part) >= MIN_LINE else None))
            missed.append(MissedChunk(index, parts))
    return missed


@dataclass
class TextScores:
    chunks: int
    contig: float  # share of chunks found whole
    order: float  # share of consecutive found chunks in order; nan when fewer than two are found
    order_pairs: int  # the pairs `order` is a share of
    ned: float
    ned_ordered: float  # NED with our paragraphs in the truth's order
    words_found: float  # share of the truth's words in our text
    words_right: float  # share of our words in the truth


def words(text: str) -> Counter[str]:
    return Counter(re.findall(r"[^\W\d_]+", unicodedata.normalize("NFKC", text).casefold()))


def in_truth_order(truth: str, output: str) -> str:
    """`output`'s paragraphs, normalized, each placed where it best matches `truth` (normalized)."""
    return evaluate_text.in_truth_order(truth, [normalize(p) for p in re.split(r"\n\s*\n", output)])


def text_scores(truth_blocks: list[str], output: str, ordered: bool = True) -> TextScores:
    """`ordered`: the blocks stand in reading order; when not, `order` pairs chunks of one block only."""
    pieces = block_chunks(truth_blocks)
    text = normalize(output)
    found = [(block, end) for block, end in ((b, locate(piece, text)) for b, piece in pieces) if end is not None]
    pairs = [(a, b) for (block_a, a), (block_b, b) in zip(found, found[1:]) if ordered or block_a == block_b]
    truth_words, our_words = words("\n".join(truth_blocks)), words(output)
    shared = sum((truth_words & our_words).values())
    return TextScores(
        chunks=len(pieces),
        contig=len(found) / len(pieces) if pieces else math.nan,
        order=sum(b > a for a, b in pairs) / len(pairs) if pairs else math.nan,
        order_pairs=len(pairs),
        ned=Levenshtein.normalized_distance(normalize("".join(truth_blocks)), text),
        ned_ordered=Levenshtein.normalized_distance(normalize("".join(truth_blocks)),
                                                    in_truth_order(normalize("".join(truth_blocks)), output)),
        words_found=shared / sum(truth_words.values()) if truth_words else math.nan,
        words_right=shared / sum(our_words.values()) if our_words else math.nan,
    )


Polygon = list[tuple[float, float]]
Box = tuple[int, int, int, int]


@dataclass
class RegionScores:
    lines: int  # our lines on some truth region
    column_merges: int  # of them, lines over two regions side by side or across a column rule
    regions: int  # truth regions holding some of our lines
    item_splits: int  # of them, regions whose lines went to two or more articles
    articles: int
    item_merges: int  # articles with lines on both sides of a horizontal rule

    @property
    def merge_share(self) -> float:
        return self.column_merges / self.lines if self.lines else math.nan


class _Masks:
    """Truth regions and separators drawn as label images (0: nothing, i + 1: the i-th) at `scale`."""

    def __init__(self, size: tuple[int, int], regions: list[Polygon], separators: list[Polygon]) -> None:
        width, height = size
        self.scale = min(1.0, MASK_SIDE / max(width, height))
        shape = (math.ceil(height * self.scale), math.ceil(width * self.scale))
        self.regions = self._draw(shape, regions)
        self.separators = self._draw(shape, separators)

    def _draw(self, shape: tuple[int, int], polygons: list[Polygon]) -> np.ndarray:
        labels = np.zeros(shape, dtype=np.int32)
        for index, polygon in enumerate(polygons):
            points = np.round(np.array(polygon) * self.scale).astype(np.int32)
            cv2.fillPoly(labels, [points], index + 1)
        return labels

    def crop(self, labels: np.ndarray, box: Box) -> np.ndarray:
        x0, y0, x1, y1 = (round(v * self.scale) for v in box)
        return labels[y0:max(y1, y0 + 1), x0:max(x1, x0 + 1)]


def _covered(crop: np.ndarray, height: float) -> dict[int, tuple[int, int, int]]:
    """Regions a line covers: label -> (pixels, first column, last column) inside the line's box."""
    covered = {}
    for label in np.unique(crop):
        if label == 0:
            continue
        columns = np.flatnonzero((crop == label).any(axis=0))
        pixels = int((crop == label).sum())
        if pixels >= COVER_HEIGHTS * height * height:
            covered[int(label)] = (pixels, int(columns[0]), int(columns[-1]))
    return covered


def _side_by_side(covered: dict[int, tuple[int, int, int]]) -> bool:
    spans = [(a, b) for _, a, b in covered.values()]
    for i, (a0, a1) in enumerate(spans):
        for b0, b1 in spans[i + 1:]:
            shared = min(a1, b1) - max(a0, b0) + 1
            if shared < SIDE_BY_SIDE_OVERLAP * min(a1 - a0 + 1, b1 - b0 + 1):
                return True
    return False


def _crosses_rule(masks: _Masks, box: Box, vertical: set[int]) -> bool:
    crop = masks.crop(masks.separators, box)
    reach = CROSS_HEIGHTS * (crop.shape[0])
    for label in vertical & set(np.unique(crop).tolist()):
        columns = np.flatnonzero((crop == label).any(axis=0))
        if columns[0] >= reach and crop.shape[1] - 1 - columns[-1] >= reach:
            return True
    return False


def _rules(separators: list[Polygon]) -> tuple[set[int], list[Box]]:
    """(labels of vertical rules, boxes of horizontal rules)."""
    vertical, horizontal = set(), []
    for index, polygon in enumerate(separators):
        xs, ys = [p[0] for p in polygon], [p[1] for p in polygon]
        width, height = max(xs) - min(xs), max(ys) - min(ys)
        if height >= RULE_ASPECT * width:
            vertical.add(index + 1)
        elif width >= RULE_ASPECT * height:
            horizontal.append((min(xs), min(ys), max(xs), max(ys)))
    return vertical, horizontal


def region_scores(size: tuple[int, int], regions: list[Polygon], separators: list[Polygon],
                  lines: list[tuple[Box, str | None]]) -> RegionScores:
    """`size` (width, height) of the image the polygons and line boxes are in; `lines`: each
    line's box and the article it belongs to (None: none)."""
    masks = _Masks(size, regions, separators)
    vertical, horizontal = _rules(separators)
    on_regions, merges = [], 0
    owners: dict[int, set[str | None]] = {}
    for box, article in lines:
        height = max(1, (box[3] - box[1]) * masks.scale)
        covered = _covered(masks.crop(masks.regions, box), height)
        if not covered:
            continue
        on_regions.append((box, article))
        merges += _side_by_side(covered) or _crosses_rule(masks, box, vertical)
        owners.setdefault(max(covered, key=lambda label: covered[label][0]), set()).add(article)
    articles = {article for _, article in on_regions if article is not None}
    return RegionScores(
        lines=len(on_regions),
        column_merges=merges,
        regions=len(owners),
        item_splits=sum(len(owner) > 1 for owner in owners.values()),
        articles=len(articles),
        item_merges=sum(_across_rule([b for b, a in on_regions if a == article], horizontal)
                        for article in articles),
    )


def _across_rule(boxes: list[Box], rules: list[Box]) -> bool:
    for x0, y0, x1, y1 in rules:
        middle = (y0 + y1) / 2
        under = [(b[1] + b[3]) / 2 > middle for b in boxes if x0 <= (b[0] + b[2]) / 2 <= x1]
        if any(under) and not all(under):
            return True
    return False
