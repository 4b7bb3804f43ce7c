"""Pair each photo with its caption (the text next to it) and split off the credit line."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from broadsheet.charsets import IDEOGRAPH, IDEOGRAPHS
from broadsheet.model import BBox, Line, in_rows, level_with
from broadsheet.postprocess.thresholds import (
    CAPTION_BESIDE,
    CAPTION_BREAK,
    CAPTION_BREAK_OWN,
    CAPTION_BREAK_TIGHT,
    CAPTION_BREAK_TIGHT_OWN,
    CAPTION_COLUMN_PIECE,
    CAPTION_COLUMN_ROWS,
    CAPTION_COLUMNS_ALIKE,
    CAPTION_EDGE,
    CAPTION_GAP,
    CAPTION_LINE_HEIGHT,
    CAPTION_OVERHANG,
    CAPTION_PITCH_ROWS,
    CAPTION_PITCH_WIDER,
    CAPTION_WIDER,
    COLUMN_RUNS_ON,
    CREDIT_APART,
    CREDIT_FLUSH,
    CREDIT_INDENT,
    MAX_BESIDE_BELOW,
    MAX_UNCREDITED_LINES,
)

# a two-character name may be printed spaced out to a three-character one's width (赵 磊)
_NAME = f"[{IDEOGRAPHS}·](?: ?[{IDEOGRAPHS}·]){{1,4}}"
_NAMES = rf"{_NAME}(?:\s*[、，,]\s*{_NAME})*"
# 本报记者 刘茜 摄 / 梁宏涛 摄 / 新华社记者 X 摄 / X 供图 / 图/X; a boxed caption's frame may take the
# credit's first character (报记者 郑一帆 摄, random seed 95)
_LATIN_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|der|la))*"
# a reporter's credit whose 摄 the recogniser lost (本报记者 柳青, random seed 156), alone on its line
REPORTER_ALONE = re.compile(rf"(?:本?报|新华社|特约)(?:记者|通讯员)\s*{_NAMES}")
# a Latin credit alone on its line, its `Photo:` or `Foto:` or its name's initial misread (`Fow:
# Feuerwehr` in Fraktur, `Photo: j. Smith`, `Proto: |. Smith`: random seeds 966, 954, 303): the colon
# and a capitalised name after it are kept
LATIN_CREDIT_MISREAD = re.compile(rf"[FP][a-z]{{1,5}}\s*[:;]\s*(?:\S\.\s*)?{_LATIN_NAME}")
# a misread credit sharing the caption's last line after its last sentence, cut off where a credit
# read whole would be (`split_credit`): Latin as above (`Gerätebaus. Fow: Feuerwebr`, random seed
# 1078), or a name and 摄 misread, the space between them kept (`“常客”。鱼中 热` for 张宇 摄,
# `身的好去处。李想 提` for 李想 摄: seeds 1114, 1121); body text sets no space between ideographs
LATIN_CREDIT_AT_END = re.compile(rf"(?<=[.!?])\s+(?P<credit>{LATIN_CREDIT_MISREAD.pattern})$")
MISREAD_CREDIT_AT_END = re.compile(
    rf"{LATIN_CREDIT_AT_END.pattern}|(?<=[。！？])\s*(?P<cjk>[{IDEOGRAPHS}]{{2,3}} [{IDEOGRAPHS}]{{1,2}})$"
)
# a reporter's credit misread but set as printed, its title, name and 摄 spaced apart, at a line's
# end after its start or a space (`本国记养 银中 蛋` for 本报记者 钱宁 摄 after the caption's last
# character 上, `目 本报记者 柳青 提` for 日。 本报记者 柳青 摄: random seeds 1627, 1591); the title keeps
# REPORTER_TITLE_KEPT of 本报记者's characters in place. Body text sets no space between ideographs
SPACED_REPORTER = re.compile(rf"(?:^|(?<=\s))(?P<credit>[{IDEOGRAPHS}]{{4}} [{IDEOGRAPHS}]{{2,3}} [{IDEOGRAPHS}])$")
REPORTER_TITLE_KEPT = 2
# ... and one misread past knowing, its spacing kept (`A脑血身 抑者 益` for 本报记者 柳青 摄, random seed 2797)
SPACED_AS_CREDIT = re.compile(r"\S{4} \S{2,3} \S")
# a line flush right ending a sentence (a body column's short line) or holding a digit (an advertisement's
# number) is no credit by its shape (`_cut_at_credit_shape`)
SHAPE_NO_CREDIT = re.compile(r"[。！？；，、.!?;,:：”\"]$|\d")
# Latin words with no capital: a justified caption's row end, never a credit, which names someone
# (random seed 2071, 9.6 px: `along the`, two units after `sagebrush`, cut the caption after two of four rows)
LOWER_CASE_WORDS = re.compile(r"[a-z][a-z\s,.'-]*")
# the paper's name before 记者 may be misread (本征记者 何春表 摄, random seed 881) where the credit
# starts its line or follows a sentence; a dotted column rule beside the credit's end may be read as a
# colon after it (`本报记者 钱宁 摄:`, random seed 1470)
CREDIT_AT_END = re.compile(
    rf"(?P<credit>(?:(?:本?报|新华社|特约|(?<![{IDEOGRAPHS}])[{IDEOGRAPHS}]{{1,3}})?(?:记者|通讯员|实习生)\s*)?{_NAMES}\s*(?:摄影?|供图)"
    rf"|[（(]?图\s*[/／:：]\s*[{IDEOGRAPHS}·](?: ?[{IDEOGRAPHS}·]){{1,11}}[）)]?"  # 图/ may name an organisation
    # Photo: J. Smith / Photograph by Jane Doe / Foto: Max Muster / Courtesy of the Museum
    rf"|(?:Photos?|Photograph|Foto|Bild|Image)(?:\s+by)?\s*[:/]?\s*{_LATIN_NAME}(?:\s*/\s*{_LATIN_NAME})?"
    rf"|Courtesy\s+of\s+(?:the\s+)?{_LATIN_NAME})\s*[:：;；]?$"
)


def split_credit(text: str, misread: bool = False) -> tuple[str, str | None]:
    """'…加紧施工。 本报记者 刘茜 摄' -> ('…加紧施工。', '本报记者 刘茜 摄'); with `misread`, a
    caption's last line (`find_caption` says so) may end in a misread credit (MISREAD_CREDIT_AT_END)."""
    match = CREDIT_AT_END.search(text) or (_misread_credit(text) if misread else None)
    if not match:
        return text, None
    head = text[:match.start()].rstrip()
    # the credit must stand apart: the caption's last sentence ends, or the credit is alone
    if head and not re.search(r"[。！？!?.”\"）)\s]$", text[:match.start()]):
        return text, None
    credit = match.group("credit") or match.groupdict().get("cjk")
    return head, " ".join(credit.split())


@dataclass
class CaptionLines:
    lines: list[Line]
    side: str  # where the caption stands: below, beside, above
    credit: Line | None = None  # its last line, a credit known by its place alone (`_credit_at_foot`, a reporter's)
    misread: bool = False  # its last line ends in a misread credit (MISREAD_CREDIT_AT_END)


def find_caption(photo: BBox, lines: list[Line], unit: float) -> CaptionLines | None:
    """The run of lines next to the photo that ends in a credit; below first, then beside, above.

    Without a credit read anywhere, the lines just below the photo are taken if they form a short
    run set apart from the text below.
    """
    runs = {
        "below": _run(photo, lines, unit, "below"),
        "beside": _run(photo, lines, unit, "beside"),
        "above": _run(photo, lines, unit, "above"),
    }
    for side, run in runs.items():
        credited = _cut_at_credit(run, side)
        if credited:
            return credited
    # a credit misread (本报记者 柳青 for …摄, 李幅 供附) still stands flush right, apart; beside a
    # photo, a name set so signs an advertisement (the Czech ads page). Looked for above the first
    # wide blank: past it, a neighbour column's body line may end flush right (page_c at 0.4x)
    below = _set_apart(runs["below"], unit)
    shaped = _cut_at_credit_shape(below, unit)
    if shaped:
        credited, reporter = shaped
        return CaptionLines(credited, "below", reporter, misread=_misread_at_end(credited[-1]))
    if _credit_at_foot(below, unit):
        return CaptionLines(below, "below", below[-1])
    # beside a photo, a CJK caption whose credit was misread past knowing (`本提起度 种事里 辑` for
    # 本报记者 何春泉 摄: random seeds 927, 876, 981) ends so too, even under its column's text (876);
    # a Latin advertisement beside its picture is signed so (the Czech ads page)
    beside = _set_apart(runs["beside"], unit)
    if _credit_at_foot(beside, unit) and IDEOGRAPH.search(beside[-1].text):
        return CaptionLines(beside, "beside", beside[-1])
    # or at a reporter's credit misread, indented less in a narrow column (random seed 257)
    reported = _cut_at_credit_shape(beside, unit, reporter_only=True)
    if reported:
        return CaptionLines(reported[0], "beside", reported[1], misread=_misread_at_end(reported[0][-1]))
    # or at a credit sharing its last row, far after its last characters, where an uncredited run of
    # body text may stand below (random seed 2908: `困难家庭。` … `周收 微` for 周敏 摄, the column's
    # text under the photo taken for the caption)
    signed = _signed_at_foot(beside, unit)
    if signed:
        return CaptionLines(signed, "beside", signed[-1])
    # rows, not pieces: a justified Latin caption is detected cut at its word spaces (random seed 303)
    if below and len(_rows(below)) <= MAX_UNCREDITED_LINES:
        return CaptionLines(below, "below")
    if len(below) < len(runs["below"]) and _signed_last_row(below, unit):
        return CaptionLines(below, "below")
    # beside a short photo, a CJK caption's misread credit may share its last row with the caption's
    # last characters (`东` | `蜂靠 香` for 技术。 | 陈霞 摄: random seed 1500); an advertisement's
    # name so set beside its picture is Latin
    shaped = _cut_at_credit_shape(beside, unit)
    if shaped and IDEOGRAPH.search(shaped[0][-1].text):
        return CaptionLines(shaped[0], "beside", shaped[1], misread=_misread_at_end(shaped[0][-1]))
    return None


def _set_apart(run: list[Line], unit: float) -> list[Line]:
    """The lines of a run down to the first blank wider than a caption's own line spacing: the
    space a paper leaves between a caption and the text below it. A caption set with more leading
    than that (a Latin caption in small type, its rows 0.9 units apart: random seed 946) breaks
    only where the blank also outgrows the run's own before it; its first blank, with none before,
    is measured against the next where the row under it starts where the first does (random seed
    1407, Fraktur at 7 px: 1.0 then 0.8 units apart, its credit on the third row; body columns set
    under a one-row caption start elsewhere). One set tighter than its body breaks at a smaller blank
    well over its own (random seed 1334: CAPTION_BREAK_TIGHT). The blank is measured under every
    line above: a speck or a cut-off piece of a row, shorter than its row, leaves none (random seed
    1393: `B`, 0.4 units tall, on a caption's fifth row). One set in smaller type than the body under it
    ends where its rows' pitch widens to the body's (`_pitch_widens`)."""
    rows = in_rows(run)
    blanks: list[tuple[int, float]] = []  # (index of the row above, the blank under it)
    for index, (upper, lower) in enumerate(zip(rows, rows[1:])):
        if lower.bbox[1] > upper.bbox[1] + CAPTION_EDGE * unit:  # not the same row
            blanks.append((index, lower.bbox[1] - max(line.bbox[3] for line in rows[:index + 1])))
    steps = _row_steps(rows, [index for index, _ in blanks])
    for k, (index, blank) in enumerate(blanks):
        if _pitch_widens(steps, k):
            return rows[:index + 1]
        own = [b for _, b in blanks[:k]]
        if not own and k + 1 < len(blanks) and abs(rows[index + 1].bbox[0] - rows[0].bbox[0]) <= CAPTION_EDGE * unit:
            own = [blanks[k + 1][1]]
        if blank > CAPTION_BREAK * unit and (not own or blank > CAPTION_BREAK_OWN * statistics.median(own)):
            return rows[:index + 1]
        if k and blank > CAPTION_BREAK_TIGHT * unit \
                and blank > CAPTION_BREAK_TIGHT_OWN * statistics.median(own):
            return rows[:index + 1]
    return rows


def _row_steps(rows: list[Line], ends: list[int]) -> list[float]:
    """From each row's middle to the next's, the rows ending at `ends` (indices into `rows`): a row's
    middle holds where its blank's edges shift with the blur and the detector's box."""
    if not ends:
        return []
    starts = [0] + [index + 1 for index in ends]
    middles = [statistics.median((line.bbox[1] + line.bbox[3]) / 2 for line in rows[a:b])
               for a, b in zip(starts, [*starts[1:], len(rows)])]
    return [b - a for a, b in zip(middles, middles[1:])]


def _pitch_widens(steps: list[float], k: int) -> bool:
    """The run's rows step down at one pitch before step `k` and from it on at a pitch CAPTION_PITCH_WIDER
    times that for CAPTION_PITCH_ROWS steps at least: a caption set in smaller type than the body under it,
    whatever blank it leaves (random seed 2550, CJK at 9.1 px: three caption rows 18.5 px apart, the body
    24-25, 12 px of blank under the caption against the body's 10-11; its credit `本报记者 钱宁 摄` read
    `5福之 RT 出`). A row lost from a body column doubles one step, not the pitch after it. The caption's
    own pitch is two steps at least, every one of them that much shorter: rows boxed unevenly step
    10-22 px down a column of small ads (the Czech ads page), no pitch at all."""
    if k < 2 or len(steps) - k < CAPTION_PITCH_ROWS:
        return False
    return min(steps[k], statistics.median(steps[k:])) >= CAPTION_PITCH_WIDER * max(steps[:k])


def credit_line(lines: list[Line], unit: float) -> Line | None:
    """A caption's last line set flush right, apart from the text before it, shorter than half the
    caption: a credit whatever the recogniser made of it (本报记者柳青提 for …摄 on a coarse scan).
    It may share the caption's last row, CREDIT_APART or more after its text (random seed 225: 5.4
    units); a justified Latin caption's last word, cut off at a word space, stands closer (random
    seed 303: `aiong ss the` 1.5 units after `sagebrush`)."""
    if len(lines) < 2:
        return None
    last, rest = lines[-1], lines[:-1]
    left, right = min(l.bbox[0] for l in rest), max(l.bbox[2] for l in rest)
    alone = all(l.bbox[3] <= (last.bbox[1] + last.bbox[3]) / 2 or l.bbox[2] <= last.bbox[0] - CREDIT_APART * unit
                for l in rest)
    # flush right on either hand: a caption's full line under its first one's last characters (戏。,
    # random seed 878) starts past their middle and ends far past them
    flush_right = last.bbox[0] > (left + right) / 2 and abs(right - last.bbox[2]) < CREDIT_FLUSH * (right - left)
    return last if alone and flush_right and not LOWER_CASE_WORDS.fullmatch(last.text.strip()) else None


def _cut_at_credit_shape(run: list[Line], unit: float,
                         reporter_only: bool = False) -> tuple[list[Line], Line | None] | None:
    """The run down to the first row (after the first) that ends in a credit by its shape, a
    `credit_line` with no sentence's end (a body column's short lines are flush left) and no digit
    (an advertisement's number set flush right under its text: the Czech ads page), or a reporter's
    name alone; with `reporter_only`, only a reporter's credit, read or misread, ends it. Returns
    the run so cut and, when a misread reporter's credit ends it alone on its row, that line: the
    caption's credit, which nothing read would split off."""
    rows = _rows(run)
    right = max((l.bbox[2] for l in run), default=0)
    for index in range(1, len(rows)):
        lines = [l for row in rows[:index + 1] for l in row]
        last = None if reporter_only else credit_line(lines, unit)
        if last is not None and not SHAPE_NO_CREDIT.search(last.text.strip()):
            return lines, None
        if len(rows[index]) == 1 and REPORTER_ALONE.fullmatch(rows[index][0].text.strip()):
            return lines, None
        if _misread_reporter(rows[index], rows[index - 1], right, unit):
            line = rows[index][0] if len(rows[index]) == 1 else None
            # a credit after the caption's last characters on its line is split off from its text
            after = line is not None and _spaced_reporter(line.text.strip())
            return lines, None if after and after.start() else line
        if not reporter_only and _misread_at_end(rows[index][-1]):
            return lines, None
    return None


def _misread_at_end(line: Line) -> bool:
    return _misread_credit(line.text.strip()) is not None


def _misread_credit(text: str) -> re.Match | None:
    """A misread credit ending `text`: MISREAD_CREDIT_AT_END, or a reporter's set as printed."""
    return MISREAD_CREDIT_AT_END.search(text) or _spaced_reporter(text)


def _spaced_reporter(text: str) -> re.Match | None:
    match = SPACED_REPORTER.search(text)
    kept = match and sum(a == b for a, b in zip(match.group("credit"), "本报记者"))
    return match if kept and kept >= REPORTER_TITLE_KEPT else None


def _credit_at_foot(run: list[Line], unit: float) -> bool:
    """The run set apart below a photo ends in a credit by its place alone: a line by itself on the
    last row, set flush right and indented past a paragraph's first line (or spaced as a credit,
    `_spaced_as_credit`), after a row that ends short (the caption's last sentence). A reporter's
    credit at 8-10 px is misread past knowing (`本程记准 神电 通` for 本报记者 何春泉 摄: random seeds
    279, 260), and a caption of 7-14 rows over it is longer than one with no credit may be."""
    rows = _rows(run)
    if len(rows) < 3 or len(rows[-1]) != 1:
        return False
    last = rows[-1][0]
    left = min(l.bbox[0] for row in rows[:-1] for l in row)
    right = max(l.bbox[2] for row in rows[:-1] for l in row)
    short = right - max(l.bbox[2] for l in rows[-2]) >= unit
    flush_right = right - last.bbox[2] <= CREDIT_FLUSH * (right - left)
    return short and flush_right and (last.bbox[0] - left >= CREDIT_INDENT * unit or _spaced_as_credit(last.text))


def _signed_at_foot(run: list[Line], unit: float) -> list[Line] | None:
    """The CJK run set apart in reading order, if its last row ends in a credit by its shape
    (`credit_line`) after the caption's last characters: three rows at least, as `_credit_at_foot`."""
    rows = _rows(run)
    if len(rows) < 3 or len(rows[-1]) < 2:
        return None
    ordered = in_rows(run)
    credit = credit_line(ordered, unit)
    if credit is None or SHAPE_NO_CREDIT.search(credit.text.strip()) or not IDEOGRAPH.search(credit.text):
        return None
    return ordered


def _spaced_as_credit(text: str) -> bool:
    """Ideographs spaced as a reporter's credit is printed, title, name and 摄: body text sets no space
    between ideographs. A credit flush right in a narrow column starts no further in than a paragraph's
    first line (random seed 2797, 7.1 px: `私自过老 何事息 酒` for 本报记者 何春泉 摄, one unit in)."""
    text = text.strip()
    return SPACED_AS_CREDIT.fullmatch(text) is not None and IDEOGRAPH.search(text) is not None


def _signed_last_row(run: list[Line], unit: float) -> bool:
    """A CJK caption set apart below a photo, longer than one with no credit may be, whose last row
    runs to the right edge and ends in no punctuation: its credit shares that row, misread with no
    space before it (`消防主维活动、梁实海` for 消防主题活动。 梁宏涛 摄, random seed 1411). A body
    paragraph's last line before a blank ends its sentence, and is seldom full."""
    rows = _rows(run)
    last = sorted(rows[-1], key=lambda l: l.bbox[0])
    right = max(l.bbox[2] for row in rows[:-1] for l in row)
    text = "".join(l.text for l in last).strip()
    return right - last[-1].bbox[2] < unit and IDEOGRAPH.search(text[-1:]) is not None


def _rows(run: list[Line]) -> list[list[Line]]:
    """The run's lines in rows, top to bottom."""
    rows: list[list[Line]] = []
    for line in in_rows(run):
        if rows and _same_row(rows[-1][0], line):
            rows[-1].append(line)
        else:
            rows.append([line])
    return rows


def _misread_reporter(row: list[Line], before: list[Line], right: float, unit: float) -> bool:
    """A reporter's credit in small type misread by a character or two (本报记名郑一帆雨, 本程记者
    郑一帆, 本报记着 柳育 微: random seeds 140, 158, 212), standing apart: after a sentence's end on
    its row, or alone on a row after one ending a sentence, read or by its place: short of the run's
    right edge, its stop misread (`…的热用气就` for 热闹气氛。, seeds 962, 980). An article's byline
    under the caption, `本限记者州敏` for 本报记者 周敏 on seed 208, follows a caption line running
    to its margin."""
    pieces = " ".join(l.text.strip() for l in sorted(row, key=lambda l: l.bbox[0]))
    if _spaced_reporter(pieces):
        return True
    text = pieces.replace(" ", "")
    match = re.fullmatch(r"(?:.*[。！？!?.]\s*)?([\u4e00-\u9fff0-9A-Za-z]{6,9})", text)
    if not match:
        return False
    # 本报 may be read as Latin or digits, 记者 kept (`6M记者五常物 通` for 本报记者 王雪梅 摄, seed 257)
    credit = match.group(1)
    if sum(a == b for a, b in zip(credit, "本报记者")) < 3 and credit[2:4] != "记者":
        return False
    last = max(before, key=lambda l: l.bbox[2])
    short = right - last.bbox[2] >= unit
    return match.group(1) != text or short or bool(re.search(r"[。！？!?.]$", last.text.strip()))


def _run(photo: BBox, lines: list[Line], unit: float, side: str) -> list[Line]:
    px0, py0, px1, py1 = photo

    def centre_x(line: Line) -> float:
        return (line.bbox[0] + line.bbox[2]) / 2

    if side == "beside":
        near = _beside(photo, lines, unit)
    else:
        across = [l for l in lines if px0 - unit <= centre_x(l) <= px1 + unit
                  and (l.bbox[2] - l.bbox[0] <= px1 - px0 + 2 * CAPTION_OVERHANG * unit
                       or _column_of(l, photo, unit))]
        if side == "below":
            near = sorted((l for l in across if l.bbox[1] >= py1 - CAPTION_EDGE * unit), key=lambda l: l.bbox[1])
        else:
            near = sorted((l for l in across if l.bbox[3] <= py0 + CAPTION_EDGE * unit), key=lambda l: -l.bbox[3])
    run: list[Line] = []
    edge = {"below": py1, "above": py0}.get(side)
    for line in near:
        if side == "below":
            gap = line.bbox[1] - (run[-1].bbox[3] if run else edge)
        elif side == "above":
            gap = (run[-1].bbox[1] if run else edge) - line.bbox[3]
        else:
            gap = line.bbox[1] - run[-1].bbox[3] if run else 0
        if gap > (CAPTION_GAP[1] if run else CAPTION_GAP[0]) * unit:
            break
        run.append(line)
    if side != "beside":
        run = _before_columns(run, unit)
    if side == "above":
        run.reverse()
    return run


def _column_of(line: Line, photo: BBox, unit: float) -> bool:
    """A caption line wider than its photo that keeps to one of its sides: on a bilevel page a photo's
    paper-white side is paper, and the photo is found narrower than its column and the caption set
    across it (random seed 1442: a column 1.45 times as wide, the photo's right edge kept). A heading
    is taller."""
    px0, _, px1, _ = photo
    x0, y0, x1, y1 = line.bbox
    keeps_a_side = abs(x0 - px0) <= CAPTION_EDGE * unit or abs(x1 - px1) <= CAPTION_EDGE * unit
    return keeps_a_side and x1 - x0 <= CAPTION_WIDER * (px1 - px0) and y1 - y0 <= CAPTION_LINE_HEIGHT * unit


def _before_columns(run: list[Line], unit: float) -> list[Line]:
    """The run, from the photo out, up to the row where columns of text start: a row whose second
    line starts at the edge of a second line further on, before any credit, is the photo's
    article's body set under it, and a credit found under it is another photo's (random seed 125).
    Columns starting right at the photo leave no caption. A caption line the detector cut at a wide
    blank, or a justified Latin caption cut at its spaces (random seed 57), breaks at no common
    edge, and the last word or character of a justified line, cut off at its right margin, is
    short. A one-row caption whose credit stands apart at its right end is cut there at no column
    edge: the columns starting under it end it (random seeds 1334, 1551; with no credit read, its
    spacing, measured against the body's, did not). Columns past a credit are left to the credit."""
    rows: list[list[Line]] = []
    for line in run:
        # kept in the run's order, from the photo out (`in_rows` sorts top to bottom)
        if rows and any(_same_row(line, other) for other in rows[-1]):
            rows[-1].append(line)
        else:
            rows.append([line])
    credited = [i for i, row in enumerate(rows) if any(_reads_as_credit(l) and _ends_row(l, row) for l in row)
                or _signed_apart(i, rows, run, unit)]
    widest = max((l.bbox[2] - l.bbox[0] for l in run), default=0)
    searched = rows[:credited[0] + 1 if credited else len(rows)]
    edges = [[l.bbox[0] for k, l in enumerate(sorted(row, key=lambda l: l.bbox[0]))
              if (k > 0 or _after_gutter(l, run))
              and not _reads_as_credit(l) and l.bbox[2] - l.bbox[0] >= CAPTION_COLUMN_PIECE * widest]
             for row in searched]
    start = next((i for i in range(len(searched)) if _columns_start(i, edges, searched, unit)), None)
    if start is None:
        return run
    # columns may start at different heights (a subhead over one of them): the rows before the first
    # row cut at an edge are then lines of one of its columns, as wide (random seed 1447)
    if all(_column_line(line, searched[start], unit) for row in searched[:start] for line in row):
        return []
    return [line for row in rows[:start] for line in row]


def _signed_apart(index: int, rows: list[list[Line]], run: list[Line], unit: float) -> bool:
    """Row `index` ends in a credit by its shape (`credit_line`, no sentence's end nor digit) that
    starts at no column's edge, past a paragraph's indent from every line's start: a caption cut at
    the gutter of the columns under it ends there though its credit was misread past knowing
    (random seed 2535, 8.4 px: `车装记表 利品 据` for 本报记者 刘茜 摄), as 1436's read one does."""
    lines = [l for row in rows[:index + 1] for l in sorted(row, key=lambda l: l.bbox[0])]
    last = credit_line(lines, unit) if index else None
    if last is None or not any(last is l for l in rows[index]) or SHAPE_NO_CREDIT.search(last.text.strip()):
        return False
    return not any(-CAPTION_EDGE * unit <= last.bbox[0] - o.bbox[0] < CREDIT_INDENT * unit
                   for o in run if o is not last)


def _ends_row(line: Line, row: list[Line]) -> bool:
    """No piece of the row starts after the line: a credit ends its caption's row. A reporter's name
    first in the row under a photo, columns' lines beside it, is the byline atop the article's body
    set there (random seed 2575: `本报记者 马文`, its caption beside the photo)."""
    return not any(other.bbox[0] >= line.bbox[2] for other in row)


def _after_gutter(line: Line, run: list[Line]) -> bool:
    """A line of the run ends before the line starts, beside it though in no row with it: columns
    set staggered, a subhead in one pushing its lines down part of a line (random seed 2145, 12 px:
    0.6 of a line), share no row, and were taken for a caption down to a byline's flush-right end."""
    return any(o.bbox[2] <= line.bbox[0] and o.bbox[1] < line.bbox[3] and line.bbox[1] < o.bbox[3] for o in run)


def _columns_start(index: int, edges: list[list[float]], rows: list[list[Line]], unit: float) -> bool:
    """Row `index` is cut at an edge that later rows share, between pieces as wide as columns side
    by side, that no line of the rows from it on bridges: a line of the run's size across the edge
    shows no gutter there (a wide caption's word spaces lining up by chance on two rows: Crews |
    resurface State over Route | 305 south, seed 896). Columns starting under a caption's rows run
    down CAPTION_COLUMN_ROWS rows at least, and the row's own pieces either side are alike: a
    caption's last characters and its credit, set flush right where the right column is, are not
    (random seed 1509)."""
    under = index > 0
    shared = [x for x in edges[index]
              if sum(any(abs(x - other) <= CAPTION_EDGE * unit for other in later) for later in edges[index + 1:])
              >= (CAPTION_COLUMN_ROWS - 1 if under else 1)]
    common = [x for x in shared if _columns_alike(x, rows[index:], unit)
              and (not under or _columns_alike(x, [rows[index]], unit))]
    bridged = [x for x in common if any(l.bbox[0] < x - unit and l.bbox[2] > x + unit
                                        and l.bbox[3] - l.bbox[1] <= CAPTION_LINE_HEIGHT * unit
                                        for row in rows[index:] for l in row)]
    return len(bridged) < len(common)


def _column_line(line: Line, row: list[Line], unit: float) -> bool:
    """The line starts and ends where one of the row's lines does: a line of its column."""
    return any(abs(line.bbox[0] - other.bbox[0]) <= CAPTION_EDGE * unit
               and abs(line.bbox[2] - other.bbox[2]) <= CAPTION_EDGE * unit for other in row)


def _reads_as_credit(line: Line) -> bool:
    """A credit read whole, a reporter's name alone whose 摄 was misread, or a reporter's credit
    misread but spaced as printed alone on its line: a caption cut at the gutter of the columns
    under it ends there (`本报记者 可国 法` for 本报记者 刘茜 摄, random seed 1436; one row,
    `本探记者 形课 骤` for 本报记者 韩露 摄, seed 2670), and the columns start after it."""
    text = line.text.strip()
    return split_credit(text)[1] is not None or REPORTER_ALONE.fullmatch(text) is not None \
        or _spaced_reporter_alone(text)


def _spaced_reporter_alone(text: str) -> bool:
    match = _spaced_reporter(text)
    return match is not None and match.start() == 0


def _columns_alike(edge: float, rows: list[list[Line]], unit: float) -> bool:
    """The pieces either side of an edge shared by rows are about as wide as columns set side by
    side under a photo are. A caption's CJK lines cut at a comma in the same place on two rows
    (`9月18日` | `，南湖镇万亩水稻种`, `植基地，` | `联合收割机正在抢收`: random seed 1069, 0.4 as wide)
    are not."""
    left, right = 0, 0
    for row in rows:
        for line in row:
            if abs(line.bbox[0] - edge) <= CAPTION_EDGE * unit:
                right = max(right, line.bbox[2] - line.bbox[0])
                before = [o.bbox[2] - o.bbox[0] for o in row if o.bbox[2] <= line.bbox[0]]
                left = max([left, *before])
    return min(left, right) >= CAPTION_COLUMNS_ALIKE * max(left, right)


def _same_row(a: Line, b: Line) -> bool:
    """Either line's middle lies within the other's height."""
    return level_with(a.bbox, b.bbox) or level_with(b.bbox, a.bbox)


def _beside(photo: BBox, lines: list[Line], unit: float) -> list[Line]:
    """Lines of the column beside the photo's right edge, top to bottom, from the first one
    standing beside the photo down. A caption set beside a short photo runs on under its foot,
    and its credit, set flush right, may start anywhere in the column, even over the photo's edge
    when the credit is wider than the column (random seeds 40, 109, 133). A caption title centred
    over it at the photo's top starts further in (random seed 1413)."""
    px0, py0, px1, py1 = photo
    starts = [l for l in lines if 0 <= l.bbox[0] - px1 < CAPTION_BESIDE * unit
              and py0 - CAPTION_OVERHANG * unit <= (l.bbox[1] + l.bbox[3]) / 2 <= py1 + CAPTION_OVERHANG * unit]
    if not starts:
        return []
    top = min(min(l.bbox[1] for l in starts), py0 - CAPTION_EDGE * unit)
    right = max(l.bbox[2] for l in starts) + CAPTION_OVERHANG * unit
    below = py1 + MAX_BESIDE_BELOW * unit
    # a credit flush right may end past a caption line that is shorter than the column (random seed 7),
    # and start past a one-line caption's end, less than a credit's blank on (seed 1636: 1.4 units)
    column = sorted((l for l in lines if l.bbox[0] >= px1 - CAPTION_EDGE * unit
                     and (l.bbox[2] <= right
                          or l.bbox[0] < right + CREDIT_APART * unit and split_credit(l.text)[1] is not None)
                     and top <= l.bbox[1] <= below), key=lambda l: l.bbox[1])
    return [] if _runs_on_from_above(column, lines, right, unit) else column


def _runs_on_from_above(column: list[Line], lines: list[Line], right: float, unit: float) -> bool:
    """The column beside a photo runs on from above the photo's top at its own line spacing: body
    text set past the photo, not a caption, which a paper sets apart by a photo's blank from the
    text over it (random seed 2398, 7.2 px: a dateline's `通讯员杨帆 报道` read `…摄` beside the photo
    took the column's lines for its caption, its own under it lost)."""
    if len(column) < 2:
        return False
    first = column[0]
    own = column[1].bbox[1] - first.bbox[3]
    above = [l.bbox[3] for l in lines if first.bbox[0] - CAPTION_EDGE * unit <= l.bbox[0]
             and l.bbox[2] <= right and l.bbox[3] <= first.bbox[1]
             and l.bbox[3] - l.bbox[1] <= CAPTION_LINE_HEIGHT * unit]
    return bool(above) and first.bbox[1] - max(above) <= COLUMN_RUNS_ON * max(own, 0.0)


def _cut_at_credit(run: list[Line], side: str) -> CaptionLines | None:
    """The run up to the row holding the credit, with every piece of that row (a credit set
    flush right is often detected apart from the caption text before it); a misread Latin credit,
    or a reporter's spaced as printed (random seed 2670), alone on its line is the caption's credit."""
    for line in run:
        read = split_credit(line.text)[1] is not None
        misread = LATIN_CREDIT_MISREAD.fullmatch(line.text.strip()) is not None \
            or not read and _spaced_reporter_alone(line.text.strip())
        shared = not misread and LATIN_CREDIT_AT_END.search(line.text.strip()) is not None
        if misread or shared or read:
            bottom = line.bbox[3]
            mid = (line.bbox[1] + line.bbox[3]) / 2
            kept = in_rows([l for l in run if l.bbox[3] <= bottom or l.bbox[1] <= mid <= l.bbox[3]])
            return CaptionLines(kept, side, line if misread and kept[-1] is line else None,
                                shared and kept[-1] is line)
    return None


def is_caption_title(first: Line, rest: list[Line], unit: float) -> bool:
    """A caption's own title line (老外现场讲授“剪枝”): centred over the caption text, a phrase."""
    if not rest or not is_phrase(first.text):
        return False
    left, right = min(l.bbox[0] for l in rest), max(l.bbox[2] for l in rest)
    margins = first.bbox[0] - left, right - first.bbox[2]
    return min(margins) >= unit and abs(margins[0] - margins[1]) <= unit


def is_phrase(text: str) -> bool:
    """No sentence punctuation at its end nor a clause's stop inside: a title's, not a sentence's row
    (a caption's first row grouped as a heading was taken for its title: random seed 2089, 8.7 px)."""
    text = text.strip()
    return not re.search(r"[。！？；，、.!?;,:：]$", text) and not re.search(r"[。！？；，、;,]", text[:-1])
