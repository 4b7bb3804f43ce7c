"""Build `broadsheet/data/cjk_bigrams.tsv.gz`, the character bigram table the CJK reader rescores
small type with (`broadsheet.ocr.language_model`), from jieba's word list.

    pip download jieba==0.42.1 --no-deps --no-binary :all: -d /tmp/jieba
    python benchmarks/build_bigrams.py /tmp/jieba/jieba-0.42.1.tar.gz

The source is `jieba/dict.txt` of the jieba 0.42.1 sdist on PyPI (MIT licence, as its setup.py
declares; 349,046 words with counts). Each word adds its count to each of its ideographs and to
each pair of neighbouring ideographs in it. The table keeps every ideograph's count and the
PAIRS commonest pairs (docs/issue16.md "Wave 5: reading CJK body type at 10-14 px": the 100,000 commonest
kept the whole gain of all 299,000). Newspaper words jieba lacks or counts as rare
(`NEWSPAPER_WORDS`, written here) are added to its list first. The output is the same bytes for the
same sdist.
"""

from __future__ import annotations

import argparse
import gzip
import io
import sys
import tarfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from broadsheet.charsets import is_ideograph  # noqa: E402

MEMBER = "jieba-0.42.1/jieba/dict.txt"
PAIRS = 100_000
OUT = ROOT / "broadsheet" / "data" / "cjk_bigrams.tsv.gz"
HEADER = ("# character bigram counts from jieba 0.42.1 dict.txt (PyPI sdist, MIT licence) and"
          " broadsheet's newspaper words; built by benchmarks/build_bigrams.py\n")

# Words a Chinese daily prints on most pages, which jieba lacks or counts as rare (二版 3, 上接 3,
# 本报讯 3, 供图 and 下转 absent): without them the bigrams read dev seed 909's jump line
# `(上接第一版)` as `…第一级` (一级 6006) and lost the continuation. Written by us from the forms
# named below; each counts NEWSPAPER, as often as jieba counts 本报 ("this paper"), so that 一版
# holds against 一般 where the recogniser reads 版 (seed 324: 版 0.55, 般 0.30; at 1000 it fell).
NUMERALS = "一二三四五六七八九十"
NEWSPAPER = 5675
NEWSPAPER_WORDS = (
    # jump lines, as the generator prints them and the issue step reads them (README "Whole
    # issues": `下转第四版`, `转4版`, `上接第一版`, `接1版`): their heads and the pages they name
    "上接第", "下转第", *(f"第{n}版" for n in NUMERALS),
    # bylines and credits (issue 16: `本报讯 记者陈晓东报`, `本报记者 刘茜 摄`; the generator's
    # `… 通讯员 …`, `… 供图`, `图/…`)
    "本报讯", "本报记者", "特约记者", "见习记者", "通讯员", "供图", "图文",
    # staff lines of a header band (issue 16's real daily: `版式制作:张祎`; editors, proof-readers)
    "责任编辑", "责编", "美编", "版式制作", "校对",
)


def counts(words: str) -> tuple[Counter[str], Counter[str]]:
    """Ideograph and in-word ideograph-pair counts of a `word count [tag]` list."""
    unigrams: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    for number, line in enumerate(words.splitlines(), 1):
        fields = line.split(" ")
        if len(fields) < 2 or not fields[1].isdigit():
            raise ValueError(f"dict.txt:{number}: not `word count [tag]`: {line[:40]!r}")
        word, count = fields[0], int(fields[1])
        for a in word:
            if is_ideograph(a):
                unigrams[a] += count
        for a, b in zip(word, word[1:]):
            if is_ideograph(a) and is_ideograph(b):
                pairs[a + b] += count
    return unigrams, pairs


def table(unigrams: Counter[str], pairs: Counter[str]) -> bytes:
    """The gzipped table: a header line, then `key<TAB>count` a line, ideographs then pairs,
    each by falling count (ties by the key, so the order is fixed)."""
    kept = sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[:PAIRS]
    lines = [f"{key}\t{count}\n" for key, count in sorted(unigrams.items(), key=lambda kv: (-kv[1], kv[0]))]
    lines += [f"{key}\t{count}\n" for key, count in kept]
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0, compresslevel=9) as packed:
        packed.write((HEADER + "".join(lines)).encode("utf-8"))
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sdist", type=Path, help="jieba-0.42.1.tar.gz from PyPI")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    try:
        with tarfile.open(args.sdist) as sdist:
            words = sdist.extractfile(MEMBER).read().decode("utf-8")  # type: ignore[union-attr]
    except (OSError, KeyError, tarfile.TarError) as exc:
        parser.error(f"cannot read {MEMBER} from {args.sdist}: {exc}")
    unigrams, pairs = counts(words + "".join(f"{word} {NEWSPAPER}\n" for word in NEWSPAPER_WORDS))
    data = table(unigrams, pairs)
    temp = args.out.with_suffix(".part")
    temp.write_bytes(data)
    temp.replace(args.out)
    print(f"{args.out}: {len(unigrams)} ideographs, {min(PAIRS, len(pairs))} of {len(pairs)} pairs, {len(data)} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
