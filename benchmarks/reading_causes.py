"""Reading CER sorted by cause, over pages kept by `random_pages.py --keep DIR --formats json`.

    python benchmarks/reading_causes.py DIR [--pred DIR2] [--seeds 40-139]

Each page's truth lines and predicted lines are lined up on their boxes (groups of lines that share
a row). What a group's reading loses, adds or misreads is that line's fault: a truth line with no
predicted line is lost (inside a photo's box, a heading or a line never boxed, or taken for the
masthead), a predicted line over none of the truth's is added, two truth lines side by side under
one predicted line are merged over a gutter, and the edits inside a group are sorted into a cut
(3 or more characters missing), added text, punctuation, heading and body type misread. The page's
reading CER edits beyond all of these are text read right but put in a block of other text (the
reading CER places whole blocks, so such text costs its characters twice).
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # this checkout's broadsheet, not the one the environment installed

from missed_text import seeds_of  # noqa: E402
from rapidfuzz.distance import Levenshtein  # noqa: E402

from broadsheet.evaluate import load_prediction  # noqa: E402
from broadsheet.evaluate.loading import load_page  # noqa: E402
from broadsheet.evaluate.text import normalize, reading_counts  # noqa: E402

HEADINGS = {"title", "kicker", "subtitle", "subhead"}
SAME_ROW = 0.5  # of the smaller height two boxes share to lie on one row
BIG = 3  # characters: an edit run this long is a piece of a line lost or added, not a misreading
BLOCKS = "text in another block"


def _lines(page: dict, truth: bool) -> list[dict]:
    return [{"text": normalize(line["text"]).replace("■", "") if truth else normalize(line["text"]),
             "bbox": line["bbox"], "type": region["type"], "vertical": line.get("direction") == "vertical-rl"}
            for region in page["regions"] if region["type"] not in ("separator", "photo") for line in region["lines"]
            if not truth or line["text"].strip()]


def _same_row(a: list[int], b: list[int], vertical: bool) -> bool:
    across, along = (0, 1) if vertical else (1, 0)
    shared = min(a[across + 2], b[across + 2]) - max(a[across], b[across])
    size = min(a[across + 2] - a[across], b[across + 2] - b[across])
    return shared >= SAME_ROW * size and min(a[along + 2], b[along + 2]) > max(a[along], b[along])


def _inside(box: list[int], boxes: list[list[int]]) -> bool:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in boxes)


def _punctuation(text: str) -> bool:
    return all(unicodedata.category(ch)[0] in "PS" for ch in text)


def line_causes(truth: dict, pred: dict) -> Counter:
    """Characters of line-level edits by cause."""
    tl, pl = _lines(truth, True), _lines(pred, False)
    photos = [r["bbox"] for r in pred["regions"] if r["type"] == "photo"]
    true_photos = [r["bbox"] for r in truth["regions"] if r["type"] == "photo"]
    parent = list(range(len(tl) + len(pl)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, t in enumerate(tl):
        for j, p in enumerate(pl):
            if _same_row(t["bbox"], p["bbox"], t["vertical"] or p["vertical"]):
                parent[root(i)] = root(len(tl) + j)
    groups: dict[int, tuple[list, list]] = defaultdict(lambda: ([], []))
    for i, t in enumerate(tl):
        groups[root(i)][0].append(t)
    for j, p in enumerate(pl):
        groups[root(len(tl) + j)][1].append(p)
    causes: Counter = Counter()
    for ts, ps in groups.values():
        ts = [t for t in ts if t["type"] != "masthead"]
        order = (lambda l: (l["bbox"][1], l["bbox"][0])) if any(t["vertical"] for t in ts) else \
            (lambda l: (l["bbox"][0], l["bbox"][1]))
        ts.sort(key=order)
        ps.sort(key=order)
        read = [p for p in ps if p["type"] != "masthead"]
        gold, ours = "".join(t["text"] for t in ts), "".join(p["text"] for p in read)
        if not read:
            if ps:
                causes["lost: taken for the masthead"] += len(gold)
            elif any(_inside(t["bbox"], photos) for t in ts):
                causes["lost: inside a photo's box"] += len(gold)
            elif HEADINGS & {t["type"] for t in ts}:
                causes["lost: a heading never boxed"] += len(gold)
            else:
                causes["lost: a line never boxed"] += len(gold)
            continue
        if not ts:
            where = "in a photo" if any(_inside(p["bbox"], true_photos) for p in read) else "where the truth has none"
            causes[f"added: text read {where}"] += len(ours)
            continue
        vertical = any(t["vertical"] for t in ts)
        tops = [t["bbox"][1] for t in ts]
        if len(ts) > 1 and len(read) == 1 and not vertical and \
                max(tops) - min(tops) < SAME_ROW * (ts[0]["bbox"][3] - ts[0]["bbox"][1]):
            causes["merged: one line over a gutter"] += Levenshtein.distance(gold, ours)
            continue
        heading = all(t["type"] in HEADINGS for t in ts)
        for tag, i1, i2, j1, j2 in Levenshtein.opcodes(gold, ours):
            if tag == "equal":
                continue
            a, b = gold[i1:i2], ours[j1:j2]
            if vertical:
                cause = "misread: vertical headline"
            elif len(a) - len(b) >= BIG:
                cause = "cut: part of a line lost"
            elif len(b) - len(a) >= BIG:
                cause = "added: text in a line"
            elif _punctuation(a + b):
                cause = "misread: punctuation"
            else:
                cause = "misread: heading type" if heading else "misread: body type"
            causes[cause] += max(len(a), len(b))
    return causes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("keep", type=Path, help="a --keep folder: randN.json (truth) and pred/randN.json")
    parser.add_argument("--pred", type=Path, help="read the predictions from this folder's pred/ instead")
    parser.add_argument("--seeds", help="e.g. 40-139 (default: every page with a prediction)")
    args = parser.parse_args()
    preds = args.pred or args.keep
    names = sorted((p.stem for p in (preds / "pred").glob("rand*.json")), key=lambda n: int(n[4:]))
    if args.seeds:
        names = [n for n in names if int(n[4:]) in set(seeds_of(args.seeds))]
    total, errors, reference, pages = Counter(), 0, 0, 0
    for name in names:
        truth_path = args.keep / f"{name}.json"
        if not truth_path.exists():
            continue
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        pred = json.loads((preds / "pred" / f"{name}.json").read_text(encoding="utf-8"))
        counts = reading_counts(load_prediction(preds / "pred" / f"{name}.json").text_blocks(),
                                "".join(load_page(truth_path).text_blocks()))
        causes = line_causes(truth, pred)
        causes[BLOCKS] = max(0, counts.errors - sum(causes.values()))
        total += causes
        pages += 1
        errors, reference = errors + counts.errors, reference + counts.reference
    print(f"{pages} pages, reading CER {errors / max(1, reference):.2%} ({errors} of {reference} characters)")
    for cause, chars in total.most_common():
        print(f"{chars:>7}  {cause}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
