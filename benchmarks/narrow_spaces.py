"""What blank the OCR stage measures for a narrow space in a CJK line, against the blanks between
characters with no space: the measurements behind the space thresholds of
`broadsheet/postprocess/thresholds.py`.

    python benchmarks/narrow_spaces.py [--faces serif,ming,kai,hei] [--sizes 9,10,12,14,17,20,30,40]

Lines are drawn with Pillow at each size (a space of 0.25 to 1 em between CJK characters, as a
face sets an ASCII space), blurred a little as a scan is, brought to the working scale as the
pipeline brings a page, found by the real detector and read by the real recogniser
(`broadsheet.ocr`). For each line it reports, in line heights as `Line.gaps` holds them, the blank
at each printed space and the widest blank with none, both over the line's usual blank (as
`broadsheet.postprocess.printed.spaced` takes it) and what `spaced` makes of the line.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from broadsheet.model import Line  # noqa: E402
from broadsheet.normalize import working_scale  # noqa: E402
from broadsheet.ocr import get_engine  # noqa: E402
from broadsheet.ocr.engine import _ink_band, line_crop, read_lines  # noqa: E402
from broadsheet.ocr.reading import glyph_extents  # noqa: E402
from broadsheet.postprocess.printed import spaced  # noqa: E402
from broadsheet.postprocess.thresholds import SPACE_OVER_BODY, SPACE_OVER_LINE  # noqa: E402
from fixtures.pagegen.fonts import font  # noqa: E402

CREDITS = ["本报记者 刘茜 摄", "本报讯 记者刘茜", "本报记者 蔡茂楷 通讯员 宋华敏", "新华社记者 李明 摄",
           "梁宏涛 摄", "记者 王建华 摄", "本报通讯员 张祎 摄"]
# lines with no space: short ones at their natural spacing (a paragraph's last line, a title)
SHORT = ["推动工作落实", "月以来全市用良好的成绩", "雁湖茶产业走出绿色发展新路子", "城北污水处理厂二期",
         "会议还研究了防汛抗旱", "为全市经济社会发展营造", "一垄垄茶树沿着山势层层铺展", "川江小儿门卫"]
# and full ones, which a justified column spreads (extra blank per character, in ems)
JUSTIFIED = "在项目建设方面今年全市共安排重点项目个总投资亿元截至月底已开工项目个开工率完成投资亿元同比增长"
SPREADS = (0.0, 0.1, 0.25, 0.4)
INK_HEIGHT = 0.9  # of the size: the ink height of CJK text, what the pipeline measures as text size
BLUR = 0.5  # px at the scan's size


@dataclass
class Drawn:
    text: str  # with its spaces
    box: tuple[int, int, int, int]


def draw_lines(lines: list[tuple[str, float, float]], role: str, size: int) -> tuple[np.ndarray, list[Drawn]]:
    """Each (text, space in ems, spread in ems) on a row of its own."""
    face = font(role, size)
    row = 3 * size
    width = int(max(len(t) * size * (1 + s + 1) for t, _, s in lines)) + 4 * size
    image = Image.new("L", (width, row * (len(lines) + 1)), 255)
    pen = ImageDraw.Draw(image)
    drawn = []
    for k, (text, space, spread) in enumerate(lines):
        x, y = 2.0 * size, row * (k + 1)
        for ch in text:
            if ch == " ":
                x += space * size
                continue
            pen.text((x, y), ch, font=face, fill=0, anchor="ls")
            x += face.getlength(ch) + spread * size
        drawn.append(Drawn(text, (int(2 * size), y - size, int(x), y + size // 3)))
    pixels = cv2.GaussianBlur(np.asarray(image, dtype=np.float32), (0, 0), BLUR)
    return cv2.cvtColor(np.clip(pixels, 0, 255).astype(np.uint8), cv2.COLOR_GRAY2RGB), drawn


def measure(engine, role: str, size: int, lines: list[tuple[str, float, float]]) -> list[tuple]:
    image, drawn = draw_lines(lines, role, size)
    scale = working_scale(INK_HEIGHT * size)
    if scale != 1.0:
        image = cv2.resize(image, None, fx=scale, fy=scale,
                           interpolation=cv2.INTER_CUBIC if scale > 1 else cv2.INTER_AREA)
    boxes = engine.detect(image)
    found = []
    for d, (text, space, spread) in zip(drawn, lines):
        middle = scale * (d.box[1] + d.box[3]) / 2
        mine = [b for b in boxes if b[1] <= middle <= b[3]]
        if len(mine) != 1:  # split by the detector at a wide space: not a line to measure
            found.append((text, space, spread, None))
            continue
        found.append((text, space, spread, Line("", mine[0], 0.0)))
    lines_read = [f[3] for f in found if f[3] is not None]

    def pixels(box):
        x0, y0, x1, y1 = box
        return image[max(0, y0):y1, max(0, x0):x1]

    read_lines(engine, pixels, lines_read)
    crops = [line_crop(pixels, line) for line in lines_read]
    for line, crop, reading in zip(lines_read, crops, engine.read(crops)):
        line.extents = glyph_extents(crop, reading.centres, _ink_band(crop, line)) if reading.centres else None
    return found


def report(role: str, size: int, found: list[tuple]) -> list[dict]:
    rows = []
    for text, space, spread, line in found:
        if line is None:
            rows.append({"role": role, "size": size, "text": text, "space": space, "spread": spread, "split": True})
            continue
        chars = [ch for ch in text if ch != " "]
        spaces_after = {i - 1 for i in range(len(chars))
                        if text.replace(" ", "", 0) and _space_before(text, i)}
        gaps = line.gaps
        ok_read = line.text.replace(" ", "") == "".join(chars) and gaps is not None
        row = {"role": role, "size": size, "text": text, "space": space, "spread": spread, "split": False,
               "read": line.text, "ok": ok_read}
        if ok_read:
            usual = sorted(gaps)
            base = statistics.median(usual[:-1] if len(usual) > 1 else usual)
            at = [gaps[i] - base for i in sorted(spaces_after)]
            others = [g - base for i, g in enumerate(gaps) if i not in spaces_after]
            ext = line.extents
            mids = [(a + b) / 2 for a, b in ext]
            pitch = [n - m for m, n in zip(mids, mids[1:])]
            usual_pitch = statistics.median(pitch)
            row.update(pitch_at=[round(pitch[i] - usual_pitch, 3) for i in sorted(spaces_after)],
                       pitch_other=max((round(p - usual_pitch, 3) for i, p in enumerate(pitch) if i not in spaces_after), default=None),
                       pitch_usual=round(usual_pitch, 3))
            row.update(base=base, at_space=at, widest_other=max(others) if others else None,
                       body=spaced(line.text.replace(" ", ""), gaps, SPACE_OVER_BODY),
                       line=spaced(line.text.replace(" ", ""), gaps, SPACE_OVER_LINE))
        rows.append(row)
    return rows


def _space_before(text: str, index: int) -> bool:
    """Whether a space stands before the index-th character other than spaces."""
    seen = -1
    for k, ch in enumerate(text):
        if ch != " ":
            seen += 1
            if seen == index:
                return k > 0 and text[k - 1] == " "
    return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--faces", default="serif,ming,kai,hei")
    parser.add_argument("--sizes", default="9,10,12,14,17,20,30,40")
    parser.add_argument("--spaces", default="0.25,0.33,0.5,1.0")
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    engine = get_engine("rapidocr", args.threads)
    lines = [(t, float(s), 0.0) for t in CREDITS for s in args.spaces.split(",")]
    lines += [(t, 0.0, 0.0) for t in SHORT]
    lines += [(JUSTIFIED[k:k + 18], 0.0, s) for k in (0, 18) for s in SPREADS]
    for role in args.faces.split(","):
        for size in map(int, args.sizes.split(",")):
            for row in report(role, size, measure(engine, role, size, lines)):
                print(row, flush=True)


if __name__ == "__main__":
    main()
