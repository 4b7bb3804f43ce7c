"""A second engine: PP-OCR's detector (from the rapidocr wheel) finds the lines, the Tesseract CLI
(LSTM) reads them in any installed language -- scripts PP-OCR's bundled model lacks included
(layout analysis is tuned on PP-OCR's boxes, and its detector is language-agnostic).

A process per line would be far too slow (hundreds of lines a page), so a page's line crops are
stacked into a few tall images, one Tesseract process each, and words go back to crops by where
they sit in the stack."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from bisect import bisect_right
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from functools import cache

import cv2
import numpy as np

from broadsheet.charsets import WIDE
from broadsheet.errors import BadArgsError, BroadsheetError, MissingDependencyError
from broadsheet.model import EngineInfo
from broadsheet.ocr.engine import OcrEngine
from broadsheet.ocr.rapid import RapidDetector

LINE_HEIGHT = 48  # every crop is scaled to this height (page_c: 40 and 48 read alike, 64 worse)
GAP = LINE_HEIGHT  # blank band between crops, so Tesseract never merges two of them into one line
MARGIN = 16  # paper around the stack
MAX_STACK = 30_000  # px; a taller stack is split, keeping each image (and its memory) bounded
# Of a crop's middle rows dark (Otsu) that make it light print on a dark band (see _dark_band)
REVERSED_SHARE = 0.65
# ... in a crop at least this tall (px, as cut): blur fills the middle rows of small type as much
# (61 word crops of 8-11 px on five Latin pages under 12 px; of 9,671 dev crops from 32 px, 273's band alone)
REVERSED_MIN_HEIGHT = 32
# psm 6 ("one uniform block of text") read the stacks better than psm 4 (variable-size column):
# page CER 1.2% vs 4.7% on page_d, equal or better on page_c and page_g
PSM = "6"
# Ideographs, CJK punctuation, kana, full-width forms. Tesseract puts spaces around each of them,
# Chinese print has none (not even next to digits or Latin: 72岁); spaces between Latin words stay
_CJK_SPACE = re.compile(rf"(?<=[{WIDE}])\s+|\s+(?=[{WIDE}])")


# Tesseract's language data -> BCP 47; data not listed keeps its own name
BCP47 = {"chi_sim": "zh-Hans", "chi_tra": "zh-Hant", "eng": "en", "deu": "de", "frk": "de-Latf",
         "fra": "fr", "ita": "it", "spa": "es", "jpn": "ja", "kor": "ko", "rus": "ru"}


def create_engine(option: str | None, threads: int | None) -> OcrEngine:
    """The `tesseract` entry point: `tesseract` reads Simplified Chinese, `tesseract:LANG` any
    installed language data (`eng`, `chi_sim+eng`, ...)."""
    lang = "chi_sim" if option is None else option
    return OcrEngine(f"tesseract:{lang}", RapidDetector(threads), TesseractRecognizer(lang, threads))


class TesseractRecognizer:
    # Tesseract reads the feet and tops of the neighbouring lines in a crop's margin as words of
    # its own (on the 1920 Star `Gen. E. _ M. Weaver dies.`, `Irvill activities VVVITIS there. Li`):
    # its crops get blank paper there (line_crop)
    paper_margin = True

    def __init__(self, lang: str = "chi_sim", threads: int | None = None) -> None:
        if shutil.which("tesseract") is None:
            raise MissingDependencyError(
                "the tesseract engine needs the tesseract CLI: apt-get install tesseract-ocr tesseract-ocr-chi-sim"
                " (other languages: tesseract-ocr-<lang>, e.g. tesseract-ocr-eng)")
        installed = installed_languages()
        missing = [part for part in lang.split("+") if part not in installed]
        if not lang or missing:
            raise BadArgsError(f"tesseract language {lang!r} is not installed; installed: "
                               f"{', '.join(sorted(installed))}")
        self.lang = lang
        # `threads` single-threaded processes side by side, not one process with OpenMP threads:
        # on 2 cores OpenMP made page_c's recognition 4x slower (23 s vs 6 s in one process)
        self.workers = threads or os.cpu_count() or 1
        self._env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        self.info = EngineInfo("recognition", "tesseract", _version(), lang,
                               [BCP47.get(part, part) for part in lang.split("+")])

    def recognize(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        if not crops:
            return []
        per_stack = min((MAX_STACK - 2 * MARGIN) // (LINE_HEIGHT + GAP), -(-len(crops) // self.workers))
        stacks = [[_scaled_gray(c) for c in crops[start:start + per_stack]]
                  for start in range(0, len(crops), per_stack)]
        with ThreadPoolExecutor(self.workers) as pool:
            return [result for results in pool.map(self._read_stack, stacks) for result in results]

    def _read_stack(self, lines: list[np.ndarray]) -> list[tuple[str, float]]:
        width = max(line.shape[1] for line in lines) + 2 * MARGIN
        stack = np.full((2 * MARGIN + len(lines) * (LINE_HEIGHT + GAP) - GAP, width), 255, np.uint8)
        tops = [MARGIN + k * (LINE_HEIGHT + GAP) for k in range(len(lines))]
        for top, line in zip(tops, lines):
            stack[top:top + LINE_HEIGHT, MARGIN:MARGIN + line.shape[1]] = line
        words: dict[int, list[tuple[int, str, float]]] = defaultdict(list)
        for left, centre, text, conf in self._words(stack):
            # the band of crop k runs from half a gap above it to half a gap below it
            words[max(0, bisect_right(tops, centre + GAP // 2) - 1)].append((left, text, conf))
        results = []
        for k in range(len(lines)):
            found = sorted(words.get(k, []))
            text = _CJK_SPACE.sub("", " ".join(text for _, text, _ in found))
            results.append((text, sum(c for _, _, c in found) / len(found) / 100 if found else 0.0))
        return results

    def _words(self, image: np.ndarray) -> list[tuple[int, float, str, float]]:
        """(left, vertical centre, text, confidence 0..100) of each word Tesseract reads."""
        png = cv2.imencode(".png", image)[1].tobytes()
        out = _run(["tesseract", "stdin", "stdout", "-l", self.lang, "--oem", "1", "--psm", PSM, "tsv"],
                   png, self._env)
        words = []
        for row in out.splitlines()[1:]:
            cols = row.split("\t")
            # level 5 = word; columns: ... left top width height conf text
            if len(cols) == 12 and cols[0] == "5" and cols[11].strip():
                left, top, height = int(cols[6]), int(cols[7]), int(cols[9])
                words.append((left, top + height / 2, cols[11].strip(), max(0.0, float(cols[10]))))
        return words


def _scaled_gray(crop: np.ndarray) -> np.ndarray:
    """The crop in gray at LINE_HEIGHT, its contrast stretched so its paper is white and its ink
    black: crops come from tinted boxes and faded print alike, and Tesseract thresholds the whole
    stack at once (without this, page_d's article CER went from 0.6% to 4.1%)."""
    if crop.size == 0:
        return np.full((LINE_HEIGHT, 1), 255, np.uint8)
    gray = cv2.cvtColor(crop, cv2.COLOR_RGB2GRAY)
    tall = gray.shape[0] >= REVERSED_MIN_HEIGHT
    width = max(1, round(gray.shape[1] * LINE_HEIGHT / gray.shape[0]))
    gray = cv2.resize(gray, (width, LINE_HEIGHT), interpolation=cv2.INTER_AREA if gray.shape[0] > LINE_HEIGHT
                      else cv2.INTER_CUBIC)
    paper, ink = float(np.median(gray)), float(gray.min())
    # light print on a dark band: flip it first, or the stretch below would whiten it away; a band
    # set askew may fill only the crop's middle, its margins the page's paper (random seed 273)
    light = paper - ink < float(gray.max()) - paper
    band = tall and (light or _dark_band(gray))
    if light or band:
        gray = 255 - gray
        # a band's paper, flipped, is what stands around its letters in the middle rows
        paper = float(np.median(gray[LINE_HEIGHT // 4:LINE_HEIGHT - LINE_HEIGHT // 4])) if band else 255 - paper
        ink = float(gray.min())
    if paper - ink < 32:  # blank (or nearly): nothing to stretch
        return np.full_like(gray, 255)
    stretched = np.clip((gray.astype(np.float32) - ink) * 255 / (paper - ink), 0, 255).astype(np.uint8)
    return _paper_beyond_band(stretched) if band else stretched


def _dark_band(gray: np.ndarray) -> bool:
    """The crop's middle rows, where its line stands, are mostly dark: light print on a band (0.7
    and more around its letters on random seeds 255, 273; a bold headline's 0.5)."""
    middle = gray[LINE_HEIGHT // 4:LINE_HEIGHT - LINE_HEIGHT // 4]
    _, dark = cv2.threshold(middle, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return float(dark.mean()) >= REVERSED_SHARE


def _paper_beyond_band(gray: np.ndarray) -> np.ndarray:
    """A flipped crop with the page's paper around the band papered white again: flipped, it frames
    the letters in black, and in a stack Tesseract takes the framed line for a picture and reads
    nothing (random seeds 255, 273: reversed kickers read alone, empty among the page's lines).
    The letters stand inside the crop's margin, so only what touches its edge is the frame."""
    _, dark = cv2.threshold(gray, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    _, labels = cv2.connectedComponents(dark, connectivity=8)
    edge = np.unique(np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]]))
    edge = edge[edge > 0]
    if edge.size == 0:
        return gray
    cleaned = gray.copy()
    cleaned[np.isin(labels, edge)] = 255
    return cleaned


@cache
def installed_languages() -> frozenset[str]:
    out = _run(["tesseract", "--list-langs"], b"", None)
    # first line is 'List of available languages in "<dir>" (n):'; osd is layout, not a language
    return frozenset(line.strip() for line in out.splitlines()[1:] if line.strip() and line.strip() != "osd")


def _version() -> str:
    # first line: "tesseract 5.3.0"
    return _run(["tesseract", "--version"], b"", None).split("\n", 1)[0].removeprefix("tesseract").strip()


def _run(args: list[str], stdin: bytes, env: dict[str, str] | None) -> str:
    proc = subprocess.run(args, input=stdin, capture_output=True, env=env)
    if proc.returncode != 0:
        raise BroadsheetError(f"tesseract failed: {proc.stderr.decode(errors='replace').strip()}")
    return proc.stdout.decode("utf-8")
