"""What a language model could add to the bundled recogniser on CJK lines, measured on truth lines.

    python benchmarks/ctc_lm.py DIR WORDS [--seeds 140-239] [--lines 40] [--weights 0.3,0.2,0.9 ...]

DIR is a `random_pages.py --keep` folder; WORDS a word-frequency list, a line per word, `word count
[tag]` (jieba's `dict.txt`, MIT, in the `jieba` sdist on PyPI; nothing in broadsheet reads it).
Each truth line is cut as `line_reading.py` cuts it and read by the bundled PP-OCR model once; its
per-step character probabilities are decoded greedily (what rapidocr does) and by a CTC prefix
beam search that adds, for each pair of ideographs, ALPHA times the log of a character bigram
model made from the word list (in-word pairs, by frequency, mixed with LAMBDA of the bigram and
the rest unigram) and BETA for each character. Prints line CER per page and in all for greedy and
each --weights ALPHA,BETA,LAMBDA, and how many of greedy's substitutions had the true character
among the model's TOP_K likeliest at that step (what any rescoring of its steps could reach).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from line_reading import truth_lines, working_page  # noqa: E402
from missed_text import seeds_of  # noqa: E402

from broadsheet.evaluate.text import EditCounts, char_counts  # noqa: E402
from broadsheet.imageio import load_image  # noqa: E402
from broadsheet.ocr.engine import line_crop, neighbour_limits  # noqa: E402

TOP_K = 5  # candidates a step offers the beam search (and the reach counted)
BEAM = 8  # prefixes kept a step
# a character unseen in the word list still gets this many counts, so no reading scores -inf
UNSEEN = 0.5


class Bigrams:
    """Log P(b | a) of ideographs from the in-word pairs of a word-frequency list."""

    def __init__(self, path: Path, mix: float) -> None:
        self.unigrams: Counter[str] = Counter()
        self.pairs: Counter[str] = Counter()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            fields = line.split(" ")
            if len(fields) < 2 or not fields[1].isdigit():
                raise ValueError(f"{path}:{number}: not `word count [tag]`: {line[:40]!r}")
            word, count = fields[0], int(fields[1])
            for a in word:
                self.unigrams[a] += count
            for a, b in zip(word, word[1:]):
                self.pairs[a + b] += count
        self.total = sum(self.unigrams.values()) + UNSEEN * len(self.unigrams)
        self.mix = mix
        self._memo: dict[str, float] = {}

    def log_p(self, a: str, b: str) -> float:
        if a + b not in self._memo:
            unigram = (self.unigrams[b] + UNSEEN) / self.total
            bigram = self.pairs[a + b] / self.unigrams[a] if self.unigrams[a] else 0.0
            self._memo[a + b] = math.log(self.mix * bigram + (1 - self.mix) * unigram)
        return self._memo[a + b]


def ideograph(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def greedy(probs: np.ndarray, chars: list[str]) -> str:
    best = probs.argmax(axis=1)
    return "".join(chars[c] for t, c in enumerate(best) if c and (t == 0 or c != best[t - 1]))


def beam_search(probs: np.ndarray, chars: list[str], model: Bigrams, alpha: float, beta: float) -> str:
    """CTC prefix beam search (blank = class 0) with the bigram model's score on each new pair."""
    log_probs = np.log(np.maximum(probs, 1e-8))
    beams: dict[tuple[int, ...], tuple[float, float]] = {(): (0.0, -np.inf)}  # prefix -> (ends blank, ends char)
    lm: dict[tuple[int, ...], float] = {(): 0.0}
    for step in log_probs:
        grown: defaultdict[tuple[int, ...], list[float]] = defaultdict(lambda: [-np.inf, -np.inf])
        for prefix, (blank, char) in beams.items():
            both = np.logaddexp(blank, char)
            for c in np.argsort(-step)[:TOP_K].tolist():
                p = step[c]
                if c == 0:
                    grown[prefix][0] = np.logaddexp(grown[prefix][0], both + p)
                    continue
                longer = prefix + (c,)
                if longer not in lm:
                    a, b = (chars[prefix[-1]] if prefix else ""), chars[c]
                    pair = model.log_p(a, b) if ideograph(a) and ideograph(b) else 0.0
                    lm[longer] = lm[prefix] + alpha * pair + beta
                if prefix and c == prefix[-1]:  # a repeat extends only across a blank
                    grown[longer][1] = np.logaddexp(grown[longer][1], blank + p)
                    grown[prefix][1] = np.logaddexp(grown[prefix][1], char + p)
                else:
                    grown[longer][1] = np.logaddexp(grown[longer][1], both + p)
        ranked = sorted(grown.items(), key=lambda kv: -(np.logaddexp(*kv[1]) + lm[kv[0]]))
        beams = {prefix: (ends[0], ends[1]) for prefix, ends in ranked[:BEAM]}
    best = max(beams, key=lambda prefix: np.logaddexp(*beams[prefix]) + lm[prefix])
    return "".join(chars[c] for c in best)


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


def _weights(text: str) -> tuple[float, float, float]:
    try:
        alpha, beta, mix = (float(v) for v in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not ALPHA,BETA,LAMBDA: {text!r}") from None
    return alpha, beta, mix


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("keep", type=Path, help="a --keep folder: randN.json and its image")
    parser.add_argument("words", type=Path, help="word-frequency list: word count [tag] a line")
    parser.add_argument("--seeds", help="e.g. 140-239 (default: every page in DIR); Latin pages are skipped")
    parser.add_argument("--lines", type=int, default=40, help="lines a page, spread over it")
    parser.add_argument("--weights", type=_weights, action="append", default=[],
                        help="ALPHA,BETA,LAMBDA (repeatable)")
    args = parser.parse_args()
    if not args.keep.is_dir():
        parser.error(f"no such folder: {args.keep}")
    if not args.words.is_file():
        parser.error(f"no such word list: {args.words}")
    from rapidocr import RapidOCR

    recogniser = RapidOCR(params={"Global.log_level": "warning"})._load_rec_model()
    chars = recogniser.postprocess_op.character
    weights = args.weights or [(0.3, 0.2, 0.9)]
    try:
        models = {mix: Bigrams(args.words, mix) for mix in {w[2] for w in weights}}
    except (ValueError, UnicodeDecodeError) as exc:
        parser.error(str(exc))
    seeds = seeds_of(args.seeds) if args.seeds else sorted(
        int(p.stem[4:]) for p in args.keep.glob("rand*.json") if p.stem[4:].isdigit())
    totals: defaultdict[str, EditCounts] = defaultdict(EditCounts)
    swaps = offered = 0
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
            for alpha, beta, mix in weights:
                row[f"{alpha},{beta},{mix}"] += char_counts(beam_search(probs, chars, models[mix], alpha, beta), gold)
            s, o = reach(probs, chars, gold)
            swaps, offered = swaps + s, offered + o
        for name, counts in row.items():
            totals[name] += counts
        print(f"seed {seed:<4} scale {page.frame.scale:.2f} {len(lines):3d} lines | "
              + " | ".join(f"{name} CER {counts.rate:.3f}" for name, counts in row.items()), flush=True)
    print("all | " + " | ".join(f"{name} CER {counts.rate:.4f}" for name, counts in totals.items()))
    print(f"greedy's substitutions {swaps}, the truth among the top {TOP_K} at that step: {offered}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
