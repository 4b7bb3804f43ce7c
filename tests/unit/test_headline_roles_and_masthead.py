"""Headline roles and the masthead: kicker, title and subtitle told apart by type height, weight,
fill and the space between them, on rendered lines; the masthead closed only by a rule near the top
of the page."""

from __future__ import annotations

from itertools import count

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from broadsheet.layout.blocks import Block
from broadsheet.layout.lines import LineBox, measure_weights
from broadsheet.layout.rules import Rule, ink_mask
from broadsheet.layout.structure import _headline_regions, _split_masthead

SERIF_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"
CJK_BOLD = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"
CJK_SANS = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
CJK_SANS_BOLD = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
BODY = "市城管局有关负责人表示环境卫生整治离不开广大市民的参与"


def _deck(rows: list[tuple[str, int, str, int]], reversed_rows: int = 0,
          reach_up: int = 0) -> list[tuple[str, list[str]]]:
    """Rows of (text, px size, font, extra space above in px) one under another, then body lines in
    the regular face at 20 px to weigh them against; the roles of the deck, each with its rows.
    The first `reversed_rows` are set white on a dark box (0.4 em of fill beside, 0.18 above and
    below); the last row's box reaches `reach_up` px up into the row above, as a detector's may."""
    page = Image.new("L", (900, 200 + 60 * len(rows) + 40 * 6), 235)
    draw = ImageDraw.Draw(page)
    y, spans = 40, []
    for k, (text, px, font, space) in enumerate(rows):
        y += space
        face = ImageFont.truetype(font, px)
        if k < reversed_rows:
            pad = round(0.18 * px)
            x0, top, x1, bottom = draw.textbbox((40, y + pad), text, font=face)
            draw.rectangle((x0 - round(0.4 * px), y, x1 + round(0.4 * px), bottom + pad), fill=40)
            draw.text((40, y + pad), text, font=face, fill=235)
            spans.append((text, y, bottom + pad + 1))
            y = bottom + pad + round(0.25 * px)
            continue
        draw.text((40, y), text, font=face, fill=20)
        spans.append((text, y + px // 6, y + int(px * 1.2)))
        y += int(px * 1.25)
    y += 40
    for k in range(6):
        draw.text((40, y), BODY[k:k + 20], font=ImageFont.truetype(CJK_SANS, 20), fill=20)
        spans.append((None, y, y + 24))
        y += 30
    gray = cv2.GaussianBlur(np.asarray(page), (3, 3), 0)
    ink = ink_mask(gray)
    lines, names = _ink_lines(ink, spans)
    if reach_up:
        last = lines[len(rows) - 1]
        lines[len(rows) - 1] = LineBox((last.x0, lines[len(rows) - 2].y1 - reach_up, last.x1, last.y1))
        names[lines[len(rows) - 1].bbox] = names[last.bbox]
    measure_weights(lines, gray, float(np.median([l.height for l in lines[len(rows):]])))
    regions = _headline_regions(Block(lines[:len(rows)]), (f"r{i}" for i in count(1)), ink)
    return [(r.type.value, [names[l.bbox] for l in r.lines]) for r in regions]


def _ink_lines(ink: np.ndarray, spans: list) -> tuple[list[LineBox], dict]:
    """A line box tight round the ink of each (text, top, bottom) span, and each box's text."""
    lines, names = [], {}
    for text, top, bottom in spans:
        ys, xs = np.nonzero(ink[top:bottom])
        line = LineBox((int(xs.min()), top + int(ys.min()), int(xs.max()) + 1, top + int(ys.max()) + 1))
        lines.append(line)
        names[line.bbox] = text
    return lines, names


def _roles(rows: list[tuple[str, int]], font_path: str) -> list[tuple[str, list[str]]]:
    """Render (text, px size) rows one under another; the roles of the group, each with its rows."""
    page = Image.new("L", (900, 80 + 70 * len(rows)), 235)
    draw = ImageDraw.Draw(page)
    y, spans = 40, []
    for text, px in rows:
        draw.text((40, y), text, font=ImageFont.truetype(font_path, px), fill=20)
        spans.append((text, y, y + int(px * 1.4)))
        y += int(px * 1.5)
    ink = ink_mask(cv2.GaussianBlur(np.asarray(page), (3, 3), 0))
    lines, names = _ink_lines(ink, spans)
    regions = _headline_regions(Block(lines), (f"r{i}" for i in count(1)), ink)
    return [(r.type.value, [names[l.bbox] for l in r.lines]) for r in regions]


def test_a_title_line_with_descenders_is_not_bigger_type():
    """Issue fixture: `Road Work on` over `Highway 227`, one size; the second line's g and y made it
    1.25 times as tall, so the first became a kicker."""
    assert _roles([("Road Work on", 40), ("Highway 227", 40)], SERIF_BOLD) == [
        ("title", ["Road Work on", "Highway 227"])]


def test_a_smaller_kicker_and_subtitle_keep_their_roles():
    rows = [("Crews begin Monday", 24), ("Highway 227 Repaving", 40), ("Delays of up to fifteen minutes", 26)]
    assert _roles(rows, SERIF_BOLD) == [("kicker", ["Crews begin Monday"]), ("title", ["Highway 227 Repaving"]),
                                        ("subtitle", ["Delays of up to fifteen minutes"])]


def test_cjk_lines_keep_their_full_height():
    rows = [("保种保供", 30), ("中央财政连续三年注入资金", 42), ("生态系统建设全面推进", 42)]
    assert _roles(rows, CJK_BOLD) == [("kicker", ["保种保供"]),
                                      ("title", ["中央财政连续三年注入资金", "生态系统建设全面推进"])]


def test_a_kicker_nearly_as_big_in_a_lighter_face_is_the_kicker():
    """Random seed 19: `关注天气` in the regular sans at 26 px over a bold title at 30 px measures 0.87
    of the title's size, within the title's share; its strokes are lighter."""
    rows = [("关注天气", 26, CJK_SANS, 0), ("本周后期将有一次", 30, CJK_SANS_BOLD, 8),
            ("明显降温过程", 30, CJK_SANS_BOLD, 0)]
    assert _deck(rows) == [("kicker", ["关注天气"]), ("title", ["本周后期将有一次", "明显降温过程"])]


def test_a_deck_in_one_size_is_parted_by_the_space_between_its_parts():
    """Random seed 2: kicker, title and subtitle all at 1.4 body sizes, each of two lines, set apart
    by a third of an em more than their lines."""
    rows = [("推进产业转型升级", 28, CJK_SANS_BOLD, 0), ("促进农民持续增收", 28, CJK_SANS_BOLD, 0),
            ("雁湖茶产业走出", 28, CJK_SANS_BOLD, 9), ("绿色发展新路子", 28, CJK_SANS_BOLD, 0),
            ("全市茶园面积突破", 28, CJK_SANS_BOLD, 9), ("年综合产值达亿元", 28, CJK_SANS_BOLD, 0)]
    assert _deck(rows) == [("kicker", ["推进产业转型升级", "促进农民持续增收"]),
                           ("title", ["雁湖茶产业走出", "绿色发展新路子"]),
                           ("subtitle", ["全市茶园面积突破", "年综合产值达亿元"])]


def test_a_reversed_kicker_is_measured_by_its_letters():
    """Random seed 253: a kicker set white on a dark box over a title of its size measured by its
    box, 1.44 times the title: it became the title and the title the subtitle."""
    rows = [("新学期", 28, CJK_SANS, 0), ("新气象", 28, CJK_SANS, 0),
            ("全市新增中小", 28, CJK_SANS_BOLD, 12), ("学学位万个", 28, CJK_SANS_BOLD, 0)]
    assert _deck(rows, reversed_rows=2) == [("kicker", ["新学期", "新气象"]),
                                            ("title", ["全市新增中小", "学学位万个"])]


def test_a_kicker_in_the_titles_size_and_face_stands_apart_by_space():
    """Random seeds 254, 283: a two-line kicker over a title set in one size and weight, a third of
    an em further apart than their lines, was read into the title."""
    rows = [("金秋时节", 28, CJK_SANS, 0), ("丰收在望", 28, CJK_SANS, 0),
            ("全市秋粮收获", 28, CJK_SANS, 10), ("进入高峰期", 28, CJK_SANS, 0)]
    assert _deck(rows) == [("kicker", ["金秋时节", "丰收在望"]), ("title", ["全市秋粮收获", "进入高峰期"])]


def test_a_box_reaching_into_the_row_above_is_not_bigger_type():
    """Random seeds 243, 248, 256: a title's last line boxed from the foot of the line above measured
    1.4 times its size, so the rows above became a kicker."""
    rows = [("全县行政村实现", 32, CJK_SANS_BOLD, 0), ("光纤宽带全覆盖", 32, CJK_SANS_BOLD, 0)]
    assert _deck(rows, reach_up=2) == [("title", ["全县行政村实现", "光纤宽带全覆盖"])]


def test_a_rule_a_quarter_down_the_page_closes_no_masthead():
    """Random seed 7: the slanted rule under the masthead was lost and the next long rule, a
    quarter down the page, made everything above it masthead."""
    lines = [LineBox((100, 40 + 40 * k, 900, 60 + 40 * k)) for k in range(12)]
    masthead, rest = _split_masthead(lines, [Rule((90, 500, 910, 503))], 1000, 2000, 20.0)
    assert masthead == [] and rest == lines
    masthead, rest = _split_masthead(lines, [Rule((90, 140, 910, 143))], 1000, 2000, 20.0)
    assert masthead == lines[:3] and rest == lines[3:]
