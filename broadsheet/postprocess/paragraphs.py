"""Rejoin lines into paragraphs across column breaks.

A paragraph starts at an indented line (two character widths in Chinese body text); a column
that begins without an indent continues the paragraph of the previous column.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from broadsheet.charsets import CJK_MARKS, FULLWIDTH, IDEOGRAPHS
from broadsheet.model import Line
from broadsheet.postprocess.captions import CREDIT_AT_END
from broadsheet.postprocess.thresholds import (
    CJK_SHARE,
    COLUMN_ENDED_SHORT_CJK,
    ENDED_INDENT,
    ENDED_SHORT,
    FILLS_MEASURE,
    FLUSH_NEAR,
    GUTTER_LINE,
    INDENT_CHARS,
    INDENT_CJK,
    INDENT_MOST,
    MEASURE_AGREES,
    MEASURED_PIECE,
    NEXT_ROW,
    PITCH_NEAR_STEPS,
    ROW_OVERLAP,
    RUN_IN_LEAD,
)

_CJK = re.compile(f"[{CJK_MARKS}{IDEOGRAPHS}{FULLWIDTH}]")
_BYLINE = re.compile(r"^\s*((?:本报讯|本报[^\s:：]{0,8}电|新华社[^\s:：]{0,10}电)[^:：]{0,40}?报道)\s*[:：]")


# a hyphen at a line's end as read: Fraktur's double hyphen comes as ⸗ or =, a soft one as ¬
_HYPHENS = "-\u2010\u2011\u00ac\u2e17="
# a line ending in one of these (or in a letter, digit or ideograph) stops mid-sentence
_RUNS_ON = ",，、" + _HYPHENS
_SENTENCE_END = re.compile(r"[。！？；…!?;.][”’\"')）]*$")


def ends_sentence(text: str) -> bool:
    """Headings end without a full stop; a paragraph's last line ends with one."""
    return bool(_SENTENCE_END.search(text.strip()))


def join_lines(left: str, right: str) -> str:
    """No space in CJK text (a line may break inside a number too); one space between words of
    alphabetic scripts, rejoining a word hyphenated at the line end."""
    if not left or not right:
        return left + right
    if is_cjk(left) or _CJK.match(right[0]):
        return left + right
    if left[-1] in _HYPHENS and (right[0].islower() or right[0].isupper() and not left[-2:-1].isspace()):
        word = left[:-1]
        # after a capital or a digit the hyphen is the word's own (BLM-managed, COVID-19), and so
        # it is before one: a word is hyphenated before a small letter (Rhein-Main-Gebiet)
        return word + right if word[-1:].islower() and right[0].islower() else f"{word}-{right}"
    return f"{left} {right}"


def is_cjk(text: str) -> bool:
    return len(_CJK.findall(text)) >= CJK_SHARE * len(text)


def paragraphs(columns: list[tuple[int, list[Line]]], unit: float, cjk_indent: float = INDENT_CJK) -> list[str]:
    """`columns`: (left edge, lines top to bottom) for each column segment, in reading order.
    `cjk_indent`: the least indent of a CJK line, in units."""
    columns = _into_rows(columns, unit)
    pieces = _pieces(columns, unit)
    pitches = {left: _RowPitch.of(column) for left, column in pieces.items()}
    edges = _edges_by_measure(pieces, unit)
    read = [line for _, lines in columns for line in lines if line.text]
    following = {id(line): after for line, after in zip(read, read[1:])}
    result: list[str] = []
    previous: Line | None = None
    previous_left = 0
    row_start: Line | None = None
    for left, lines in columns:
        in_column = False  # a line of this column came before
        for line in lines:
            if not line.text:
                continue
            # only a row's first piece can be indented: the detector may cut a row at a wide gap,
            # around a speck read as a letter too (a row is measured by its first piece, not the speck)
            middle = (line.bbox[1] + line.bbox[3]) / 2
            same_row = any(piece is not None and piece.bbox[1] <= middle <= piece.bbox[3]
                           for piece in (previous, row_start)) \
                or in_column and beside(line, previous)
            if not same_row:
                row_start = line
            least = cjk_indent if is_cjk(line.text) else INDENT_CHARS
            indent = line.bbox[0] - edges.get(left, _flush(pieces[left], left, middle, unit))
            indented = not same_row and not _behind(line, pieces[left], unit) and (
                indent >= least * unit
                and not (in_column and _runs_on(previous, line, pieces[left], pitches[left].at(line), unit)
                         and not _lead(line, following.get(id(line)))
                         and not _column_indent(previous, line, indent, pieces[left], edges.get(left), left, unit))
                or in_column and not is_cjk(line.text) and indent >= ENDED_INDENT * unit
                and _ended(previous, line, pieces[left], pitches[left].at(line), unit)
                or not in_column and previous is not None and _closes_column(previous, pieces[previous_left], unit))
            if indented or previous is None:
                result.append(line.text)
            else:
                result[-1] = join_lines(result[-1], line.text)
            previous, previous_left, in_column = line, left, True
    return result


def _into_rows(columns: list[tuple[int, list[Line]]], unit: float) -> list[tuple[int, list[Line]]]:
    """Pieces of a row found in blocks of their own, placed after their column (random seed 1071:
    `hoffen. Vom` after `Fahrzeiten`, `an drei`, `Johanna`), put back in the row, after the piece
    that ends left of them; the pieces of a row its block holds go along, and a block left empty is
    dropped."""
    widths = sorted(line.bbox[2] - line.bbox[0] for _, lines in columns for line in lines)
    usual = widths[3 * len(widths) // 4] if widths else 0  # a full line's: a quarter may be pieces
    column_right = _column_rights(columns)
    placed: list[tuple[int, list[Line]]] = []
    for left, lines in columns:
        kept: list[Line] = []
        went: tuple[list[Line], int] | None = None  # where the line before went
        for number, line in enumerate(lines):
            before = lines[number - 1] if number else None
            if before is not None and went is not None and _in_row(line, before) and before.bbox[2] <= line.bbox[0]:
                host: tuple[list[Line], int] | None = went
            else:
                host = _row_host(line, placed, usual, column_right, unit)
            if host is not None:
                host[0].insert(host[1] + 1, line)
                went = host[0], host[1] + 1
            elif (follower := _row_follower(line, placed, usual, unit)) is not None:
                follower[0].insert(follower[1], line)
                went = follower
            else:
                kept.append(line)
                went = kept, len(kept) - 1
        placed.append((left, kept))
    return [(left, lines) for left, lines in placed if lines]


def _row_host(line: Line, placed: list[tuple[int, list[Line]]], usual: float, column_right: dict[int, float],
              unit: float) -> tuple[list[Line], int] | None:
    """The segment and place of the piece of an earlier segment that `line` goes on from: in its
    row, the rightmost to end left of it, and `line` inside that segment's measure or its column's. A
    line run over a gutter ends in the next column (random seed 1126): the measure is taken from the
    lines no wider than `usual` (a full line's width in the run) by GUTTER_LINE."""
    best: tuple[list[Line], int] | None = None
    for left, lines in placed:
        if line.bbox[2] > max(_measure(lines, usual)[1], column_right.get(left, float("-inf"))) + unit:
            continue
        for index, piece in enumerate(lines):
            if _in_row(line, piece) and piece.bbox[2] <= line.bbox[0] \
                    and (best is None or piece.bbox[2] > best[0][best[1]].bbox[2]):
                best = lines, index
    return best


def _row_follower(line: Line, placed: list[tuple[int, list[Line]]], usual: float,
                  unit: float) -> tuple[list[Line], int] | None:
    """The segment and place of the piece of an earlier segment that goes on from `line`: in its row, the
    first piece of that segment there, starting right of `line`, and `line` inside that segment's
    measure. The detector's block of a row's left pieces comes after the block of the rest (random
    seed 1494: `Liter Wasser,` / `Atemschutzgeräte` / `Feuerwehrleute` boxed apart from `eine Pumpe,`
    / `für sechs` / `und eine`, their words read after the paragraph's end)."""
    best: tuple[list[Line], int] | None = None
    for _, lines in placed:
        if line.bbox[0] < _measure(lines, usual)[0] - unit:
            continue
        # the pieces' boxes may touch across the word space (1494: by a pixel)
        row = [index for index, piece in enumerate(lines) if _in_row(piece, line) or _in_row(line, piece)]
        if row and all(lines[i].bbox[0] > (line.bbox[0] + line.bbox[2]) / 2 for i in row) \
                and (best is None or lines[row[0]].bbox[0] < best[0][best[1]].bbox[0]):
            best = lines, row[0]
    return best


def _column_rights(columns: list[tuple[int, list[Line]]]) -> dict[int, float]:
    """Where each column's lines end, from all its segments: a segment of a few short lines does not
    show it (random seed 1564: `AGENCY:` over `Protection Agency (EPA).`, the row's `Environmental` in a
    block of its own placed after them, ending 7 units further right): where three quarters of them
    end, short lines aside. Neither a line run over a gutter (wider than GUTTER_LINE times the column's
    median) nor a line of the next column among its lines moves it (random seed 1438 on an older layout:
    rows joined to the next column's, twice as wide, and a next column's line kept beside one)."""
    lines_of: dict[int, list[Line]] = {}
    for left, lines in columns:
        lines_of.setdefault(left, []).extend(lines)
    rights: dict[int, float] = {}
    for left, lines in lines_of.items():
        if not lines:
            continue
        median = statistics.median(line.bbox[2] - line.bbox[0] for line in lines)
        ends = sorted(line.bbox[2] for line in lines if line.bbox[2] - line.bbox[0] <= GUTTER_LINE * median)
        rights[left] = ends[3 * len(ends) // 4]
    return rights


def _measure(lines: list[Line], usual: float) -> tuple[float, float]:
    """A segment's measure (left, right) from its lines no wider than GUTTER_LINE times `usual`; none
    (nothing fits inside it) without such lines."""
    fitting = [line.bbox for line in lines if line.bbox[2] - line.bbox[0] <= GUTTER_LINE * usual]
    if not fitting:
        return float("inf"), float("-inf")
    return min(box[0] for box in fitting), max(box[2] for box in fitting)


def _in_row(line: Line, piece: Line) -> bool:
    """Each in the other's row: either holds the other's middle, or `line` goes on beside `piece`."""
    return beside(line, piece) or piece.bbox[1] <= (line.bbox[1] + line.bbox[3]) / 2 <= piece.bbox[3] \
        and line.bbox[1] <= (piece.bbox[1] + piece.bbox[3]) / 2 <= line.bbox[3]


def beside(line: Line, piece: Line) -> bool:
    """`line` goes on `piece`'s row to its right, on a page skewed so that its middle is out of the
    piece's box (random seed 1062, 1.3°: `ihren` after `Absperrungen vor`, 0.7 of its height level)."""
    overlap = min(line.bbox[3], piece.bbox[3]) - max(line.bbox[1], piece.bbox[1])
    low = min(line.bbox[3] - line.bbox[1], piece.bbox[3] - piece.bbox[1])
    return line.bbox[0] >= piece.bbox[2] and overlap >= ROW_OVERLAP * low


def measured_pieces(lines: list[Line], unit: float) -> list[Line]:
    """The lines wide enough to find a column's edges by (`MEASURED_PIECE`): a speck read as a letter
    is not."""
    return [line for line in lines if line.bbox[2] - line.bbox[0] >= MEASURED_PIECE * unit]


def _pieces(columns: list[tuple[int, list[Line]]], unit: float) -> dict[int, list[Line]]:
    """Each column's lines wide enough to measure by, specks aside."""
    pieces: dict[int, list[Line]] = {}
    for left, lines in columns:
        pieces.setdefault(left, []).extend(measured_pieces(lines, unit))
    return pieces


def _behind(line: Line, pieces: list[Line], unit: float) -> bool:
    """A piece of the column's line starts left of `line` in its row: `line` is the rest of that
    row, placed after it (a word the detector cut off, found in a block of its own: random seed 915
    `die`; or found twice, inside its line: seed 873 `der`), not an indented paragraph start."""
    middle = (line.bbox[1] + line.bbox[3]) / 2
    # each in the other's row both ways: a tall box of the row below may reach an indented line's
    # middle; a speck read as a letter needs only be in the row (seed 1020: `F` at a row's end, low)
    speck = line.bbox[2] - line.bbox[0] < MEASURED_PIECE * unit
    return any(piece is not line and piece.bbox[0] < line.bbox[0] and piece.bbox[1] <= middle <= piece.bbox[3]
               and (speck or line.bbox[1] <= (piece.bbox[1] + piece.bbox[3]) / 2 <= line.bbox[3]) for piece in pieces)


def _runs_on(line: Line, below: Line, pieces: list[Line], pitch: float, unit: float) -> bool:
    """`line` fills its column's measure and stops mid-sentence (a word, a comma, a hyphen): its paragraph
    goes on in `below`, the row under it, when that row fills the measure too, whatever the detector
    left of its start (a centred line, an advertisement's or a signature's, is short at both ends). A
    credit at the measure ends its caption (random seed 1468: `上。本报记者 钱宁 摄` in the body's column)."""
    text = line.text.rstrip()
    if not text or not (text[-1].isalnum() or text[-1] in _RUNS_ON) or CREDIT_AT_END.search(text) \
            or not _next_row(line, below, pitch):
        return False
    return _fills(line, pieces, unit) and _fills(below, pieces, unit)


def _column_indent(above: Line, line: Line, indent: float, pieces: list[Line], edge: float | None, left: int,
                   unit: float) -> bool:
    """A Latin `line` set in as deep as another paragraph's opening in its column (within `MEASURE_AGREES`)
    opens one too, under a full line that ends in a word: its closing stop the reading may have lost
    (random seed 2609, Fraktur: `… Obstbäume pflan ien` over `Nicht alle …` 2.1 units in, the column's
    opening 2.0). A row whose first word the detector lost sits that deep only by chance (1258: `die`,
    3.9 units in); a CJK row loses two characters, an indent's depth. A line ending in a hyphen or a
    comma runs on; lines of a centred advertisement stand at every depth, deeper than an indent (the
    Czech advertisements page: a notice's rows 13 units in, its first among them)."""
    if is_cjk(line.text) or not above.text.rstrip()[-1:].isalnum():
        return False
    column = sorted(pieces, key=lambda piece: piece.bbox[1])
    for number, piece in enumerate(column):
        middle = (piece.bbox[1] + piece.bbox[3]) / 2
        depth = piece.bbox[0] - (edge if edge is not None else _flush(pieces, left, middle, unit))
        opening = number == 0 or ends_sentence(column[number - 1].text)
        if piece is not line and opening and INDENT_CHARS * unit <= depth <= INDENT_MOST * unit \
                and abs(depth - indent) <= MEASURE_AGREES * unit:
            return True
    return False


def _ended(line: Line, below: Line, pieces: list[Line], pitch: float, unit: float) -> bool:
    """`line` ends a sentence short of its column's measure: a paragraph's last line, so `below`, the row
    under it, opens the next one even where its indent is slight (random seed 1587, a Latin page indented
    one em: `ACTION: Notice of intent.` 1.18 units in, under `AGENCY: Forest Service, USDA.`)."""
    if not ends_sentence(line.text) or not _next_row(line, below, pitch):
        return False
    right = _right_near(line, pieces, unit)
    return right is not None and line.bbox[2] <= right - ENDED_SHORT * unit


def _closes_column(line: Line, pieces: list[Line], unit: float) -> bool:
    """`line`, the last of its column segment, ends a sentence well short of the segment's measure: its
    paragraph ends there (justified text fills every line but a paragraph's last), so the next segment
    opens a new one whether or not its indent shows."""
    if not ends_sentence(line.text):
        return False
    right = _right_near(line, pieces, unit)
    short = COLUMN_ENDED_SHORT_CJK if is_cjk(line.text) else ENDED_SHORT
    return right is not None and line.bbox[2] <= right - short * unit


def _fills(line: Line, pieces: list[Line], unit: float) -> bool:
    """`line` ends at the measure of the column's lines near it."""
    right = _right_near(line, pieces, unit)
    return right is not None and line.bbox[2] >= right - FILLS_MEASURE * unit


def _right_near(line: Line, pieces: list[Line], unit: float) -> float | None:
    """Where the column's lines near `line` end: the measure it is held to. A line alone a little past
    the rest (over `FILLS_MEASURE`, within `MEASURE_AGREES`) ends on ink the others lack: a letter run
    into a column rule set tight against the text (random seed 2566: one line to 426 px, the rest
    422-423), a stop hung into the gutter. One further past is the measure (a centred list's longest)."""
    ends = sorted((piece.bbox[2] for piece in _near(pieces, (line.bbox[1] + line.bbox[3]) / 2, unit)), reverse=True)
    if len(ends) >= 2 and FILLS_MEASURE * unit < ends[0] - ends[1] <= MEASURE_AGREES * unit:
        return ends[1]
    return ends[0] if ends else None


def _next_row(line: Line, below: Line, pitch: float) -> bool:
    """`below` is the row right under `line`: its middle within NEXT_ROW of the column's line pitches."""
    return (below.bbox[1] + below.bbox[3]) / 2 - (line.bbox[1] + line.bbox[3]) / 2 <= NEXT_ROW * pitch


def _lead(line: Line, after: Line | None) -> bool:
    """A CJK paragraph opened by a run-in lead or a dateline sets a space after its first words, on its
    first line (`文明养犬倡议发布 东`, `本报讯 记者`) or early in the next where the lead wraps
    (`老旧小区加装电` / `梯 常态化落实周例`): it starts a paragraph even under a line that runs on."""
    if not is_cjk(line.text):
        return False
    opening = line.text.strip() + (after.text.strip() if after is not None else "")
    return " " in opening[:RUN_IN_LEAD]


@dataclass(frozen=True)
class _RowPitch:
    """A column's steps from one row's middle to the next, (where, length), pieces of one row aside,
    and their median, the column's usual pitch."""
    steps: list[tuple[float, float]]
    usual: float

    @classmethod
    def of(cls, pieces: list[Line]) -> _RowPitch:
        middles = sorted((piece.bbox[1] + piece.bbox[3]) / 2 for piece in pieces)
        if len(middles) < 2:
            return cls([], float("inf"))
        height = statistics.median(piece.bbox[3] - piece.bbox[1] for piece in pieces)
        steps = [((a + b) / 2, b - a) for a, b in zip(middles, middles[1:]) if b - a > height / 2]
        return cls(steps, statistics.median(length for _, length in steps) if steps else float("inf"))

    def at(self, line: Line) -> float:
        """The row pitch at `line`: the column's usual one, or the median of the PITCH_NEAR_STEPS steps
        nearest it where those are wider. A column may be leaded part way down (the Evening Star's lead
        story, rows 23-24 px apart in its opening paragraphs, 17 px below); where its rows stand closer
        than usual, the boxes' play (a row boxed 15 px, the next 30) is what the nearest steps measure."""
        if not self.steps:
            return float("inf")
        middle = (line.bbox[1] + line.bbox[3]) / 2
        near = sorted(self.steps, key=lambda step: abs(step[0] - middle))[:PITCH_NEAR_STEPS]
        return max(self.usual, statistics.median(length for _, length in near))


def _edges_by_measure(pieces: dict[int, list[Line]], unit: float) -> dict[int, float]:
    """The flush edge of a column whose lines all start at one place, where its own lines cannot show
    it: the lines may all be indented, each opening a paragraph (random seed 2818: `AGENCY: Forest
    Service, USDA.` / `ACTION: Notice of intent` / `DATES: To ensure …`, 1.4 units in, the column's
    edge shown only by the photo over it). An article's columns share one measure and one indent: where
    the measure taken back from the column's right edge puts its edge just that indent left of its lines,
    the lines are indented. The measure and the indent are the other columns', each showing both."""
    shown: list[tuple[float, float]] = []  # (measure, indent) of each column showing both
    for column in pieces.values():
        flush = min((piece.bbox[0] for piece in column), default=0)
        indents = [piece.bbox[0] - flush for piece in column if piece.bbox[0] - flush >= INDENT_CHARS * unit]
        if indents and len(column) - len(indents) >= 2:
            shown.append((max(piece.bbox[2] for piece in column) - flush, statistics.median(indents)))
    if not shown:
        return {}
    measure, indent = statistics.median(m for m, _ in shown), statistics.median(i for _, i in shown)
    if any(abs(m - measure) > MEASURE_AGREES * unit or abs(i - indent) > MEASURE_AGREES * unit for m, i in shown):
        return {}
    edges: dict[int, float] = {}
    for left, column in pieces.items():
        starts = [piece.bbox[0] for piece in column]
        if len(column) < 2 or max(starts) - min(starts) > MEASURE_AGREES * unit:
            continue
        edge = max(piece.bbox[2] for piece in column) - measure
        if abs(min(starts) - edge - indent) <= MEASURE_AGREES * unit:
            edges[left] = edge
    return edges


def _flush(pieces: list[Line], left: int, middle: float, unit: float) -> float:
    """Where the column's lines start near `middle`: not where a speck left of them does (the given
    edge is a block's, whose box takes in every piece), and as the edge drifts down a page left
    skewed (random seed 104: 0.7 units over a column)."""
    near = [piece.bbox[0] for piece in _near(pieces, middle, unit)]
    return max(left, min(near)) if near else left


def _near(pieces: list[Line], middle: float, unit: float) -> list[Line]:
    """The column's lines near `middle` (some three above and below), by which its edges are measured
    where they drift down a skewed page."""
    return [piece for piece in pieces if abs((piece.bbox[1] + piece.bbox[3]) / 2 - middle) <= FLUSH_NEAR * unit]


def byline(first_paragraph: str | None) -> str | None:
    """'本报讯 记者刘茜、通讯员宋华敏报道:3月24日…' -> '本报讯 记者刘茜、通讯员宋华敏报道'."""
    if not first_paragraph:
        return None
    match = _BYLINE.match(first_paragraph)
    return match.group(1).strip() if match else None
