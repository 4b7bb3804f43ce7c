"""What the character bigram model (`broadsheet.ocr.language_model`) adds to the bundled
recogniser on CJK lines, measured on truth lines.

    python benchmarks/ctc_lm.py DIR [--seeds 140-239] [--lines 40] [--words dict.txt] [--table T.tsv.gz ...]
                                    [--min-prob P ...]

DIR is a `random_pages.py --keep` folder. Each truth line is cut as `line_reading.py` cuts it and
read by the bundled PP-OCR model once; its per-step character probabilities are decoded greedily
(what rapidocr does) and by the pipeline's beam search over `step_candidates` with the shipped
table (or, with --words, a table of every pair of a `word count [tag]` list such as jieba's
`dict.txt`; with --table, each table built by `build_bigrams.py --out`, side by side, the lines
read once). Prints line CER per page and in all, the decoder's time a line, and how many of
greedy's substitutions had the true character among the model's TOP_K likeliest at that step
(what any rescoring of its steps could reach). --min-prob P (repeatable) tries other candidate
floors than the pipeline's MIN_PROB.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_bigrams import counts  # noqa: E402
from line_reading import truth_lines, working_page  # noqa: E402
from missed_text import seeds_of  # noqa: E402

from broadsheet.evaluate.text import EditCounts, char_counts  # noqa: E402
from broadsheet.imageio import load_image  # noqa: E402
from broadsheet.ocr import language_model  # noqa: E402
from broadsheet.ocr.engine import line_crop, neighbour_limits  # noqa: E402
from broadsheet.ocr.language_model import TOP_K, CharBigrams, beam_search, bigrams, step_candidates  # noqa: E402


def greedy(probs: np.ndarray, chars: list[str]) -> str:
    best = probs.argmax(axis=1)
    return "".join(chars[c] for t, c in enumerate(best) if c and (t == 0 or c != best[t - 1]))


def decoded(probs: np.ndarray, chars: list[str], model: CharBigrams, min_prob: float) -> tuple[str, float]:
    """The beam search's text with candidates offered from `min_prob`, and the seconds it took."""
    start = time.perf_counter()
    language_model.MIN_PROB = min_prob
    candidates = step_candidates(probs, chars, 1.0)
    text = greedy(probs, chars) if candidates is None else "".join(ch for ch, _, _ in beam_search(candidates, model))
    return text, time.perf_counter() - start


def table_model(path: Path) -> CharBigrams:
    """The model of a table file (`build_bigrams.py --out PATH`)."""
    with gzip.open(path, "rt", encoding="utf-8") as table:
        counts = dict(line.rstrip("\n").split("\t") for line in table if not line.startswith("#"))
    return CharBigrams({key: int(count) for key, count in counts.items()}, path.name)


def reach(probs: np.ndarray, chars: list[str], gold: str) -> tuple[int, int]:
    """Greedy's substitutions (spaces ignored), and how many had the truth in its step's top K."""
    best = probs.argmax(axis=1)
    read, offered = [], []
    for t, c in enumerate(best):
        if c and (t == 0 or c != best[t - 1]):
            read.append(chars[c])
            offered.append(set())
        if c:
            offered[-1] |= {chars[k] for k in np.argsort(-probs[t])[:TOP_K]}
    kept = [(ch, cands) for ch, cands in zip(read, offered) if not ch.isspace()]
    text, gold = "".join(ch for ch, _ in kept), "".join(gold.split())
    swaps = [op for op in Levenshtein.editops(text, gold) if op.tag == "replace"]
    return len(swaps), sum(gold[op.dest_pos] in kept[op.src_pos][1] for op in swaps)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("keep", type=Path, help="a --keep folder: randN.json and its image")
    parser.add_argument("--words", type=Path, help="a word-frequency list (word count [tag] a line) "
                        "to build the whole table from, instead of the shipped one")
    parser.add_argument("--seeds", help="e.g. 140-239 (default: every page in DIR); Latin pages are skipped")
    parser.add_argument("--lines", type=int, default=40, help="lines a page, spread over it")
    parser.add_argument("--table", type=Path, action="append", default=[],
                        help="a table as build_bigrams.py writes it, instead of the shipped one (repeatable)")
    parser.add_argument("--min-prob", type=float, action="append", default=[],
                        help=f"candidate floor (repeatable; default {language_model.MIN_PROB})")
    args = parser.parse_args()
    if not args.keep.is_dir():
        parser.error(f"no such folder: {args.keep}")
    if args.words:
        try:
            unigrams, pairs = counts(args.words.read_text(encoding="utf-8"))
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            parser.error(str(exc))
        models = {args.words.name: CharBigrams(dict(unigrams) | dict(pairs), args.words.name)}
    elif args.table:
        try:
            models = {path.name: table_model(path) for path in args.table}
        except (OSError, ValueError) as exc:
            parser.error(str(exc))
    else:
        models = {"": bigrams()}
    from rapidocr import RapidOCR

    recogniser = RapidOCR(params={"Global.log_level": "warning"})._load_rec_model()
    chars = recogniser.postprocess_op.character
    floors = args.min_prob or [language_model.MIN_PROB]
    seeds = seeds_of(args.seeds) if args.seeds else sorted(
        int(p.stem[4:]) for p in args.keep.glob("rand*.json") if p.stem[4:].isdigit())
    totals: defaultdict[str, EditCounts] = defaultdict(EditCounts)
    seconds: defaultdict[str, float] = defaultdict(float)
    swaps = offered = lines_read = 0
    for seed in seeds:
        images = [p for p in args.keep.glob(f"rand{seed}.*") if p.suffix != ".json"]
        if not images:
            continue
        truth = json.loads((args.keep / f"rand{seed}.json").read_text(encoding="utf-8"))
        if truth.get("script") == "Latn":
            continue
        page = working_page(load_image(images[0]))
        lines, texts = truth_lines(truth, page, args.lines)
        row: defaultdict[str, EditCounts] = defaultdict(EditCounts)
        for line, between, gold in zip(lines, neighbour_limits(lines), texts):
            crop = np.ascontiguousarray(line_crop(page.pixels, line, False, between)[:, :, ::-1])
            batch = recogniser.resize_norm_img(crop, max(320 / 48, crop.shape[1] / crop.shape[0]))[np.newaxis]
            probs = recogniser.session(batch.astype(np.float32))[0]
            row["greedy"] += char_counts(greedy(probs, chars), gold)
            for name, model in models.items():
                for floor in floors:
                    text, took = decoded(probs, chars, model, floor)
                    row[f"bigrams {name} {floor:g}".replace("  ", " ")] += char_counts(text, gold)
                    seconds[f"bigrams {name} {floor:g}".replace("  ", " ")] += took
            s, o = reach(probs, chars, gold)
            swaps, offered, lines_read = swaps + s, offered + o, lines_read + 1
        for name, counts_ in row.items():
            totals[name] += counts_
        print(f"seed {seed:<4} scale {page.frame.scale:.2f} {len(lines):3d} lines | "
              + " | ".join(f"{name} CER {c.rate:.3f}" for name, c in row.items()), flush=True)
    print("all | " + " | ".join(f"{name} CER {c.rate:.4f}" for name, c in totals.items()))
    print("decoding a line | " + " | ".join(f"{name} {1000 * s / max(1, lines_read):.1f} ms"
                                             for name, s in seconds.items()))
    print(f"greedy's substitutions {swaps}, the truth among the top {TOP_K} at that step: {offered}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
