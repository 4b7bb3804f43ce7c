"""broadsheet beside Tesseract's own page layout (`--psm 3`) on real scans with their publishers' truth.

    python benchmarks/real_pages.py [--folder DIR] [--pages NAME...] [--engine NAME]...
                                    [--keep DIR [--reuse]] [--json FILE] [--missed FILE] [--memo]

The scans are `../shared/realpages/` (relative to the repo root; its README names them and their
truth); without the folder the benchmark says so in one line and exits 0. Each page is read by
broadsheet once per `--engine` (default: broadsheet's default engine; `tesseract` alone means
`tesseract:LANG` in the page's language, as PAGES name it) and by `tesseract IMG OUT --psm 3 -l
LANG txt tsv`, whose answers are cached under ~/.cache/broadsheet-bench/tesseract/ by image hash,
Tesseract version and arguments. Our text is the page's text in reading order (the txt writer's walk), our
lines and their articles come from the page's regions; Tesseract's text is its txt output, its
lines and blocks (standing for articles) its TSV. Metrics: `real_metrics.py`.
`--missed FILE` lists every chunk not found whole, each of its truth lines with where it stands
in our text (`-`: found nowhere alone) or Tesseract's, to tell a lost line from lines cut apart.
`--keep DIR` writes broadsheet's JSON, txt and overlay per engine under DIR; `--reuse` then reads
the JSON kept there instead of reading the page again (to change metrics without OCR). `--memo`
replays the engine's answers by pixels (`ocr_memo.py`), so a run after a layout change reads only
the crops that changed.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
from lxml import etree

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # this checkout's broadsheet, not the one the environment installed

from ocr_memo import MEMO_DIR, Memo, memoized  # noqa: E402
from real_metrics import Box, Polygon, missed_chunks, region_scores, text_scores  # noqa: E402

from broadsheet.export.text import page_text  # noqa: E402
from broadsheet.formats.safexml import safe_parser  # noqa: E402
from broadsheet.imageio import load_image  # noqa: E402
from broadsheet.model import Page  # noqa: E402
from broadsheet.ocr import DEFAULT_ENGINE  # noqa: E402
from broadsheet.pipeline import Pipeline  # noqa: E402

FOLDER = REPO.parent / "shared" / "realpages"
CACHE = Path.home() / ".cache" / "broadsheet-bench" / "tesseract"
KEPT_FORMATS = ("json", "txt", "overlay")


@dataclass(frozen=True)
class RealPage:
    name: str
    image: str
    truth: str
    language: str  # Tesseract's, for its own run and for `--engine tesseract`


PAGES = [
    RealPage("star", "star_19201115.jpg", "star_19201115.alto.xml", "eng"),
    RealPage("nordstern", "nordstern_18780103_p11.jpg", "nordstern_18780103_p11.alto.xml", "frk"),
    RealPage("czech_news", "czech_news_1b8adb50.jpg", "czech_news_1b8adb50.page.xml", "ces"),
    RealPage("czech_ads", "czech_ads_6ab93746.jpg", "czech_ads_6ab93746.page.xml", "ces"),
    RealPage("pionier", "pionier_18880121_p02.png", "pionier_18880121_p02.page.xml", "frk"),
    RealPage("kolonie", "kolonie_18630131_p04.png", "kolonie_18630131_p04.page.xml", "frk"),
]


@dataclass
class Truth:
    blocks: list[str]  # text blocks in the truth's order; empty for region truth
    regions: list[Polygon]  # text regions in image pixels
    separators: list[Polygon]
    ordered: bool = True  # the blocks stand in reading order (else `order` is scored within blocks)


@dataclass
class Reading:
    """One system's answer on one page: text in reading order, lines with their article or block."""

    text: str
    lines: list[tuple[Box, str | None]]
    seconds: float


def _root(path: Path) -> etree._Element:
    return etree.fromstring(path.read_bytes(), safe_parser())


def read_alto(path: Path) -> Truth:
    """ALTO (any version): each TextBlock's lines in document order, the truth's own order."""
    blocks = []
    for block in _root(path).iter("{*}TextBlock"):
        lines = [" ".join(s.get("CONTENT", "") for s in line.iter("{*}String")) for line in block.iter("{*}TextLine")]
        blocks.append("\n".join(lines))
    return Truth(blocks, [], [])


def _points(element: etree._Element, scale: float) -> Polygon:
    coords = element.find("{*}Coords")
    pairs = re.findall(r"(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)", coords.get("points", ""))
    return [(float(x) * scale, float(y) * scale) for x, y in pairs]


def read_page_xml(path: Path, image_width: int) -> Truth:
    """PAGE (2017 or 2019): regions in document order, their lines by `index`; polygons scaled from
    the truth's image width to the image's. Without a `ReadingOrder` that order is no reading order."""
    root = _root(path)
    page = root.find("{*}Page")
    scale = image_width / float(page.get("imageWidth") or image_width)
    blocks, regions = [], []
    for region in page.iter("{*}TextRegion"):
        regions.append(_points(region, scale))
        lines = sorted(region.findall("{*}TextLine"), key=lambda line: int(line.get("index", 0)))
        texts = [line.findtext("{*}TextEquiv/{*}Unicode") or "" for line in lines]
        if any(t.strip() for t in texts):
            blocks.append("\n".join(texts))
    separators = [_points(s, scale) for s in page.iter("{*}SeparatorRegion")]
    return Truth(blocks, regions, separators, ordered=page.find("{*}ReadingOrder") is not None)


def read_truth(page: RealPage, folder: Path, image_width: int) -> Truth:
    path = folder / page.truth
    return read_alto(path) if page.truth.endswith(".alto.xml") else read_page_xml(path, image_width)


def tesseract_version() -> str:
    return subprocess.run(["tesseract", "--version"], capture_output=True, text=True, check=True).stdout.split("\n")[0]


def tesseract_reading(image: Path, language: str) -> Reading:
    """Tesseract's own layout and text, from the cache when this image, version and arguments were read before."""
    args = ["--psm", "3", "-l", language]
    key = hashlib.sha256(image.read_bytes() + json.dumps([tesseract_version(), args]).encode()).hexdigest()[:32]
    cached = CACHE / f"{key}.json"
    if not cached.exists():
        with tempfile.TemporaryDirectory() as scratch:
            start = time.perf_counter()
            # one thread, as broadsheet's Tesseract engine runs it: OpenMP's threads spin idle on a busy
            # machine, and the text is the same (the Star, byte for byte)
            subprocess.run(["tesseract", str(image), f"{scratch}/out", *args, "txt", "tsv"],
                           capture_output=True, check=True, env={**os.environ, "OMP_THREAD_LIMIT": "1"})
            answer = {"seconds": round(time.perf_counter() - start, 2),
                      "text": Path(f"{scratch}/out.txt").read_text(encoding="utf-8"),
                      "tsv": Path(f"{scratch}/out.tsv").read_text(encoding="utf-8")}
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.part")  # several benchmarks may share the cache
        partial.write_text(json.dumps(answer), encoding="utf-8")
        partial.replace(cached)  # a cache entry is whole or absent
    answer = json.loads(cached.read_text(encoding="utf-8"))
    return Reading(answer["text"], tsv_lines(answer["tsv"]), answer["seconds"])


def tsv_lines(tsv: str) -> list[tuple[Box, str | None]]:
    """Lines (TSV level 4) holding some word, each with its block number as its article."""
    rows = list(csv.DictReader(tsv.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))
    key = ("block_num", "par_num", "line_num")
    worded = {tuple(r[k] for k in key) for r in rows if r["level"] == "5" and (r.get("text") or "").strip()}
    lines = []
    for r in rows:
        if r["level"] == "4" and tuple(r[k] for k in key) in worded:
            x, y, w, h = (int(r[k]) for k in ("left", "top", "width", "height"))
            lines.append(((x, y, x + w, y + h), f"block{r['block_num']}"))
    return lines


def page_reading(page: Page, seconds: float) -> Reading:
    lines = [(line.bbox, region.article) for region in page.regions for line in region.lines]
    return Reading(page_text(page), lines, seconds)


class Broadsheet:
    """broadsheet's reading of each page per engine; pipelines load once per engine."""

    def __init__(self, keep: Path | None, reuse: bool, memo: bool = False) -> None:
        self.keep, self.reuse = keep, reuse
        self.pipelines: dict[str, Pipeline] = {}
        self.memos: dict[str, Memo] = {}
        self.memo = memo

    def read(self, engine: str, image: np.ndarray, source: str, name: str) -> Reading:
        out = self.keep / engine.replace(":", "_") if self.keep else None
        if self.reuse and out and (out / f"{name}.json").exists():
            page = Page.from_dict(json.loads((out / f"{name}.json").read_text(encoding="utf-8")))
            return page_reading(page, sum(page.timings.values()))
        if engine not in self.pipelines:
            self.pipelines[engine] = pipeline = Pipeline(engine)
            if self.memo:
                self.memos[engine] = Memo(MEMO_DIR / f"real-{pipeline.engine.name}.pickle")
                pipeline.engine = memoized(pipeline.engine, self.memos[engine])
        start = time.perf_counter()
        if out:
            out.mkdir(parents=True, exist_ok=True)
            page = self.pipelines[engine].process_and_write(image, out, name, KEPT_FORMATS, source).page
        else:
            page = self.pipelines[engine].process_image(image, source)
        if engine in self.memos:
            self.memos[engine].save()
        return page_reading(page, time.perf_counter() - start)


def measure(page: RealPage, folder: Path, engines: list[str], broadsheet: Broadsheet) -> list[dict]:
    path = folder / page.image
    image = load_image(path)
    image_size = image.shape[1::-1]
    truth = read_truth(page, folder, image_size[0])
    theirs = tesseract_reading(path, page.language)
    records = []
    for engine in engines:
        engine = f"tesseract:{page.language}" if engine == "tesseract" else engine
        ours = broadsheet.read(engine, image, path.name, page.name)
        record = {"page": page.name, "engine": engine, "tesseract": f"psm 3 -l {page.language}",
                  "seconds": round(ours.seconds, 1), "tesseract_seconds": theirs.seconds, "ordered": truth.ordered}
        for system, reading in (("ours", ours), ("theirs", theirs)):
            if truth.blocks:
                record[system] = asdict(text_scores(truth.blocks, reading.text, truth.ordered))
                record[system]["missed"] = [asdict(m) for m in missed_chunks(truth.blocks, reading.text)]
            else:
                scores = region_scores(image_size, truth.regions, truth.separators, reading.lines)
                record[system] = {**asdict(scores), "merge_share": scores.merge_share}
        records.append(record)
        print(f"{page.name} {engine}: {record['seconds']:.0f} s (Tesseract {theirs.seconds:.0f} s)", file=sys.stderr)
    return records


def _num(value: float, digits: int) -> str:
    return "–" if math.isnan(value) else f"{value:.{digits}f}"


def text_table(records: list[dict]) -> list[str]:
    rows = ["| page | engine | chunks | broadsheet contig / order / NED / NED ordered / words found / words right "
            "| Tesseract psm 3 | seconds (ours / Tesseract) |",
            "|---|---|---|---|---|---|"]
    for r in records:
        cells = [f"{_num(s['contig'], 2)} / {_num(s['order'], 2)} / {_num(s['ned'], 3)} / "
                 f"{_num(s['ned_ordered'], 3)} / "
                 f"{_num(s['words_found'], 2)} / {_num(s['words_right'], 2)}" for s in (r["ours"], r["theirs"])]
        page = r["page"] if r["ordered"] else f"{r['page']} (order within truth regions)"
        rows.append(f"| {page} | {r['engine']} | {r['ours']['chunks']} | {cells[0]} | {cells[1]} | "
                    f"{r['seconds']:.0f} / {r['tesseract_seconds']:.0f} |")
    return rows


def region_table(records: list[dict]) -> list[str]:
    """A row per page and broadsheet engine, then one for Tesseract's own reading of the page."""
    rows = ["| page | system | column merges | item splits | item merges | seconds |", "|---|---|---|---|---|---|"]
    for index, r in enumerate(records):
        systems = [(f"broadsheet {r['engine']}", r["ours"], r["seconds"])]
        if index + 1 == len(records) or records[index + 1]["page"] != r["page"]:
            systems.append((f"Tesseract {r['tesseract']}", r["theirs"], r["tesseract_seconds"]))
        for system, s, seconds in systems:
            rows.append(f"| {r['page']} | {system} | {_num(s['merge_share'] * 100, 1)}% "
                        f"({s['column_merges']}/{s['lines']} lines) | {s['item_splits']}/{s['regions']} regions | "
                        f"{s['item_merges']}/{s['articles']} articles | {seconds:.0f} |")
    return rows


def missed_report(records: list[dict]) -> list[str]:
    """Per page and system, each missed chunk's truth lines, each with where it ends in the text."""
    out = []
    for r in records:
        for system in ("ours", "theirs"):
            missed = r[system]["missed"]
            who = r["engine"] if system == "ours" else "Tesseract"
            out.append(f"# {r['page']} {who}: {len(missed)} chunks not found whole")
            for m in missed:
                out.append(f"block {m['block']}:")
                out += [f"  {'-' if end is None else end:>7} {line}" for line, end in m["lines"]]
    return out + [""]


def _nan_as_null(value):
    """JSON has no NaN (an order of fewer than two found chunks, a share of no lines)."""
    if isinstance(value, dict):
        return {k: _nan_as_null(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_nan_as_null(v) for v in value]
    return None if isinstance(value, float) and math.isnan(value) else value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=FOLDER, help=f"the scans and their truth (default {FOLDER})")
    parser.add_argument("--pages", nargs="+", choices=[p.name for p in PAGES], metavar="NAME",
                        help=f"a subset of {', '.join(p.name for p in PAGES)} (default: all)")
    parser.add_argument("--engine", action="append", metavar="NAME",
                        help=f"broadsheet's engine, repeatable (default {DEFAULT_ENGINE}); "
                        "tesseract: in the page's language")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep broadsheet's JSON, txt and overlay here")
    parser.add_argument("--reuse", action="store_true", help="read the JSON kept in --keep DIR, not the pages")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write every number here")
    parser.add_argument("--memo", action="store_true", help="keep the engine's answers by pixels "
                        f"({MEMO_DIR}): a rerun after a layout change reads only changed crops")
    parser.add_argument("--missed", type=Path, metavar="FILE", help="list the chunks not found whole here")
    args = parser.parse_args()
    if not args.folder.is_dir():
        print(f"real_pages: skipped: no real scans at {args.folder} (--folder DIR: where they are)")
        return 0
    if args.reuse and not args.keep:
        parser.error("--reuse reads what --keep DIR kept: give --keep")

    broadsheet = Broadsheet(args.keep, args.reuse, args.memo)
    records = []
    for page in (p for p in PAGES if not args.pages or p.name in args.pages):
        missing = [f for f in (page.image, page.truth) if not (args.folder / f).is_file()]
        if missing:
            print(f"real_pages: {page.name} skipped: no {', '.join(missing)} in {args.folder}", file=sys.stderr)
        else:
            records += measure(page, args.folder, args.engine or [DEFAULT_ENGINE], broadsheet)
    text = [r for r in records if "contig" in r["ours"]]
    regions = [r for r in records if r not in text]
    print("\n\n".join("\n".join(table) for table in (text_table(text) if text else [],
                                                     region_table(regions) if regions else []) if table))
    if args.missed:
        args.missed.write_text("\n".join(missed_report(text)), encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(_nan_as_null(records), indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
