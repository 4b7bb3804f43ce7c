"""What blank the OCR stage measures for a narrow space in a CJK line, against the blanks between
characters with none, and what `broadsheet.postprocess.printed.spaced` makes of them: the
measurements behind the space thresholds of `broadsheet/postprocess/thresholds.py`.

    python benchmarks/narrow_spaces.py [--faces serif,ming,kai,hei] [--sizes 9,10,12,14,17,20,30,40]

Lines are drawn with Pillow at each size (credits and bylines with a space of 0.25 to 1 em between
their parts, as a face sets an ASCII space; the same credits with none; short lines and justified
ones spread by 0 to 0.4 em with none), blurred a little as a scan is, brought to the working scale
as the pipeline brings a page, found by the real detector and read by the real recogniser
(`broadsheet.ocr`). Blanks are in line heights over the line's usual blank, as `Line.gaps` holds
them and `spaced` takes them; spaces are counted as `spaced` sets them in a body line.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import defaultdict
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from broadsheet.model import Line  # noqa: E402
from broadsheet.normalize import working_scale  # noqa: E402
from broadsheet.ocr import get_engine  # noqa: E402
from broadsheet.ocr.engine import read_lines  # noqa: E402
from broadsheet.postprocess.printed import spaced  # noqa: E402
from broadsheet.postprocess.thresholds import SPACE_OVER_BODY  # noqa: E402
from fixtures.pagegen.fonts import font  # noqa: E402

CREDITS = ["本报记者 刘茜 摄", "本报讯 记者刘茜", "本报记者 蔡茂楷 通讯员 宋华敏", "新华社记者 李明 摄",
           "梁宏涛 摄", "记者 王建华 摄", "本报通讯员 张祎 摄"]
# lines with no space: short ones at their natural spacing (a paragraph's last line, a title), with
# glyphs that leave wide blanks beside them (月, 川, 小, 儿)
SHORT = ["推动工作落实", "月以来全市用良好的成绩", "雁湖茶产业走出绿色发展新路子", "城北污水处理厂二期",
         "会议还研究了防汛抗旱", "为全市经济社会发展营造", "一垄垄茶树沿着山势层层铺展", "川江小儿门卫"]
# and full ones, which a justified column spreads (extra blank per character, in ems)
JUSTIFIED = "在项目建设方面今年全市共安排重点项目个总投资亿元截至月底已开工项目个开工率完成投资亿元同比增长"
SPREADS = (0.0, 0.1, 0.25, 0.4)
INK_HEIGHT = 0.9  # of the size: the ink height of CJK text, what the pipeline measures as text size
BLUR = 0.5  # px at the scan's size


def draw_lines(lines: list[tuple[str, float, float]], role: str, size: int) -> np.ndarray:
    """Each (text, space in ems, spread in ems) on a row of its own, three sizes apart."""
    face = font(role, size)
    width = int(max(len(t) * size * (2 + s) for t, _, s in lines)) + 4 * size
    image = Image.new("L", (width, 3 * size * (len(lines) + 1)), 255)
    pen = ImageDraw.Draw(image)
    for k, (text, space, spread) in enumerate(lines):
        x = 2.0 * size
        for ch in text:
            if ch == " ":
                x += space * size
                continue
            pen.text((x, 3 * size * (k + 1)), ch, font=face, fill=0, anchor="ls")
            x += face.getlength(ch) + spread * size
    pixels = cv2.GaussianBlur(np.asarray(image, dtype=np.float32), (0, 0), BLUR)
    return cv2.cvtColor(np.clip(pixels, 0, 255).astype(np.uint8), cv2.COLOR_GRAY2RGB)


def read(engine, role: str, size: int, lines: list[tuple[str, float, float]]) -> list[Line | None]:
    """Each drawn line as the OCR stage reads it at the working scale; None where the detector
    did not find it as one line."""
    image = draw_lines(lines, role, size)
    scale = working_scale(INK_HEIGHT * size)
    if scale != 1.0:
        image = cv2.resize(image, None, fx=scale, fy=scale,
                           interpolation=cv2.INTER_CUBIC if scale > 1 else cv2.INTER_AREA)
    boxes = engine.detect(image)
    found: list[Line | None] = []
    for k in range(len(lines)):
        middle = scale * 3 * size * (k + 1) - 0.3 * scale * size
        row = [b for b in boxes if b[1] <= middle <= b[3]]
        found.append(Line("", row[0], 0.0) if len(row) == 1 else None)
    read_lines(engine, lambda b: image[max(0, b[1]):b[3], max(0, b[0]):b[2]], [f for f in found if f])
    return found


def blanks(text: str, line: Line) -> tuple[float, list[float], list[float]] | None:
    """The line's usual blank, and each blank over it: at the printed spaces, and elsewhere."""
    chars = text.replace(" ", "")
    if line.gaps is None or line.text.replace(" ", "") != chars:
        return None
    after = set()
    for k in range(1, len(text)):
        if text[k - 1] == " ":
            after.add(len(text[:k].replace(" ", "")) - 1)
    usual = sorted(line.gaps)
    base = statistics.median(usual[:-1] if len(usual) > 1 else usual)
    return (base, [line.gaps[i] - base for i in sorted(after)],
            [g - base for i, g in enumerate(line.gaps) if i not in after])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--faces", default="serif,ming,kai,hei")
    parser.add_argument("--sizes", default="9,10,12,14,17,20,30,40")
    parser.add_argument("--spaces", default="0.25,0.33,0.5,1.0")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--dump", type=Path, help="write each line read (text, face, size, gaps) here, as JSON lines")
    args = parser.parse_args()
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    engine = get_engine("rapidocr", args.threads)
    spaces = [float(s) for s in args.spaces.split(",")]
    lines = [(t, s, 0.0) for t in CREDITS for s in spaces] + [(t.replace(" ", ""), 0.0, 0.0) for t in CREDITS]
    lines += [(t, 0.0, 0.0) for t in SHORT] + [(JUSTIFIED[k:k + 18], 0.0, s) for k in (0, 18) for s in SPREADS]
    over = defaultdict(list)  # kind -> blanks over the usual
    kept = defaultdict(lambda: [0, 0])  # kind -> [lines set as printed, lines read]
    unread = 0
    for role in args.faces.split(","):
        for size in map(int, args.sizes.split(",")):
            for (text, space, spread), line in zip(lines, read(engine, role, size, lines)):
                if dump and line:
                    dump.write(json.dumps({"face": role, "size": size, "text": text, "space": space, "spread": spread,
                                           "read": line.text, "gaps": line.gaps}, ensure_ascii=False) + "\n")
                measured = blanks(text, line) if line else None
                if measured is None:
                    unread += 1
                    continue
                _, at, other = measured
                kind = f"space {space:g} em" if space else \
                    ("credit, no space" if text in {c.replace(" ", "") for c in CREDITS} else
                     f"spread {spread:g} em" if len(text) >= 18 else "short, no space")
                over[kind] += at if space else other
                kept[kind][0] += spaced(line.text.replace(" ", ""), line.gaps, SPACE_OVER_BODY) == text
                kept[kind][1] += 1
                if spaced(line.text.replace(" ", ""), line.gaps, SPACE_OVER_BODY) != text:
                    print(f"  {role} {size} px: {text!r} set as "
                          f"{spaced(line.text.replace(' ', ''), line.gaps, SPACE_OVER_BODY)!r}", flush=True)
    print(f"\nlines not found whole or misread: {unread}")
    print(f"{'lines':<18} {'set as printed':>15}   blank over the usual: p10 median max")
    for kind in sorted(kept):
        values = sorted(over[kind])
        print(f"{kind:<18} {kept[kind][0]:>7}/{kept[kind][1]:<7}   "
              f"{values[len(values) // 10]:.3f} {statistics.median(values):.3f} {values[-1]:.3f}")


if __name__ == "__main__":
    main()
