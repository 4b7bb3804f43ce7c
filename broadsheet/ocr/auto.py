"""The default engine, `auto`: PP-OCR's detector finds every page's lines, and each page is read by
the recogniser its script needs. PP-OCR's recogniser (Chinese and English) reads CJK pages; on Latin
pages it runs words together and misreads Fraktur, where Tesseract with the right language data
reads the page (README "Latin and Fraktur pages").

The pipeline decides the script from what the orientation check already read (no extra cost on a
CJK page) and asks `for_page` for the page's reader. On a Latin page a sample of body lines is read
with Tesseract's `eng` and `frk`: Fraktur when `frk` reads it with clearly more confidence than
`eng` (or nearly so, and than `deu`, which then reads it too), else the language whose common words
the `eng` reading holds most of (`eng` keeps the words of any language in Latin type, diacritics
aside). Antiqua, and Fraktur enlarged 1.5 times or more to the working size, is read by rapidocr
where it reads the sample clearly surer than Tesseract (small, blurred or bilevel type, which
Tesseract misreads). Without Tesseract or its `eng` data, every page is read with rapidocr, and
`missing_tesseract` says why.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np

from broadsheet.errors import BadArgsError
from broadsheet.model import BBox, Line, TextDirection
from broadsheet.ocr.engine import LineRecognizer, OcrEngine, line_crop
from broadsheet.ocr.rapid import create_engine as create_rapid

PROBE = "eng"  # reads any Latin type (Tesseract's own default, installed with it on Debian)
FRAKTUR = "frk"
# Mean confidence of `frk` over `eng` on the sample that makes a page Fraktur. Measured on 12
# body lines: the Fraktur pages (page_k and the four real ones) +0.16 to +0.21, the Antiqua ones
# (page_j, the Star, two Czech pages) -0.10 to +0.02. German Antiqua comes closer: `frk` knows
# German words and umlauts that `eng` is unsure of (on 91 Latin dev pages from 14 px, seeds
# 1242-1737: 20 Fraktur pages +0.134 to +0.390, 71 Antiqua -0.213 to +0.094; at 0.08 three German
# sans pages were read by `frk`, which takes a sans `s` for `S`: seed 1690 reading CER 10.7%).
FRAKTUR_MARGIN = 0.115
# ... or by this much and over `deu` by FRAKTUR_OVER_GERMAN: `deu` knows the German words that bring
# `frk` near on German Antiqua (wave 17's sans pages at 0.08), so beating it too tells the type where
# `eng` is as unsure (2327, 14.7 px bilevel Fraktur: +0.113 over `eng`, +0.179 over `deu`; read by
# PP-OCR at 73% where `frk` line CER is 34%) or reads large blackletter half right (2186, 40 px:
# +0.100, +0.042; read by `deu`: line CER 3.4% against `frk`'s 1.3%). On the 121 Latin pages of
# 1840-2439: Fraktur between the margins 1847, 2186, 2327 (+0.042 or more over `deu`); Antiqua over
# 0.08 only 2119 (13 px German sans, +0.088), which `deu` reads surer than `frk` (-0.012).
NEAR_FRAKTUR_MARGIN = 0.08
GERMAN = "deu"
FRAKTUR_OVER_GERMAN = 0.035
# Body lines read for the language: enough words for the common-word count, few enough to cost a
# second or two; at least this many heights wide, so whole lines of running text, not headings.
SAMPLE_LINES = 12
SAMPLE_MIN_WIDTH = 12
# Latin type this small (the page enlarged this much to bring its body text to the working size:
# under about 9 px in the input), blurred or compressed, Tesseract misreads where PP-OCR still
# reads the letters and the spaces (line CER on the truth's lines of random seeds 72, 108, 49, 89,
# 7-9.5 px: Tesseract 0.46, 0.41, 0.11, 0.08; PP-OCR 0.25, 0.06, 0.05, 0.03): Fraktur too, from
# this scale on, for want of a better reader of small blackletter.
SMALL_TYPE_SCALE = 1.5
# A Latin page is read by PP-OCR when its mean confidence on the sample is this much above
# Tesseract's (seeds 72, 108, 49, 89: by 0.29, 0.48, 0.21, 0.15); bilevel type that both fail
# on keeps Tesseract (seed 139: 0.35 and 0.41, CER 0.56 against PP-OCR's 0.85). Antiqua at any
# size: blurred, bilevel or worn type from 10 px on Tesseract misreads where PP-OCR reads letters
# and spaces (seed 1461, 14 px: confidence 0.71 against 0.93; 1479 0.82 / 0.98); on 54 antiqua
# pages of 10-69 px (`line_reading.py`, line CER with spaces: 0.045 -> 0.038) it now picks 13 more,
# none read worse (1389 0.042 -> 0.005, 1475 0.027 -> 0.011); at 0.05 or 0.08 seventeen or seven
# would read worse (clean type whose word spaces Tesseract keeps better). Under SMALL_TYPE_SCALE
# Fraktur keeps `frk`: PP-OCR has no blackletter and is surer of its misreadings (1494, 15 px:
# 0.92 against 0.83, line CER 0.083 against 0.038).
SMALL_TYPE_MARGIN = 0.1

# The commonest short words of each language auto tells apart by them, as `eng` reads them
# (Czech also without its diacritics). Shared words (a, in, to, de) count for each.
COMMON_WORDS = {
    "eng": "the of and to in a is was that for it with as on by at be he his which from this have are not "
           "or an had but has will were been their said",
    "deu": "der die und in den von zu das mit sich des auf für fur ist im dem nicht ein eine als auch es an "
           "werden aus er hat daß dass sie nach wird bei einer um am sind noch wie einem über uber so zum zur "
           "war haben nur oder aber vor wurde",
    "ces": "a v ve se na je že ze s z o do to k i jako pro by za od po jen jeho ale byl byla bylo jsou tak "
           "které ktere který ktery při pri již jiz také take než nez",
    "fra": "de la le et les des en un une du est que qui dans pour pas au sur par il ne se plus sont avec",
    "spa": "de la que el en y los del se las por un para con no una su al lo como más mas es",
    "ita": "di e il la che in per un del della non è le si con una da dei alla al sono gli",
    "nld": "de het een en van in is dat op te zijn met voor niet aan er die als door maar",
    "pol": "i w na z się sie do że ze nie to o jest jak po od za przez dla jego oraz",
}
_COMMON = {lang: frozenset(words.split()) for lang, words in COMMON_WORDS.items()}
_WORD = re.compile(r"[^\W\d_]+")


def create_engine(option: str | None, threads: int | None) -> AutoEngine:
    """The `auto` entry point: rapidocr for CJK pages, Tesseract for Latin and Fraktur ones."""
    if option is not None:
        raise BadArgsError(f"the auto engine takes no option ({option!r}): name an engine instead, "
                           "e.g. --engine tesseract:frk")
    rapid = create_rapid(None, threads)
    latin: dict[str, LineRecognizer] = {}
    if missing_tesseract() is None:
        from broadsheet.ocr.tesseract import TesseractRecognizer, installed_languages

        wanted = [lang for lang in (*COMMON_WORDS, FRAKTUR) if lang in installed_languages()]
        latin = {lang: TesseractRecognizer(lang, threads) for lang in wanted}
    return AutoEngine("auto", rapid.detector, rapid.recognizer, latin)


def missing_tesseract() -> str | None:
    """Why auto cannot read Latin pages with Tesseract here, or None when it can."""
    if shutil.which("tesseract") is None:
        return ("tesseract is not installed: the auto engine reads Latin pages with rapidocr "
                "(apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-frk)")
    from broadsheet.ocr.tesseract import installed_languages

    if PROBE not in installed_languages():
        return ("Tesseract's English data is not installed: the auto engine reads Latin pages with rapidocr "
                "(apt-get install tesseract-ocr-eng)")
    return None


@dataclass(frozen=True)
class AutoEngine(OcrEngine):
    """Detection and the orientation check by PP-OCR; the recogniser chosen per page."""

    latin: Mapping[str, LineRecognizer] = field(default_factory=dict)  # Tesseract, by language

    def for_page(self, latin: bool, lines: list[Line], pixels: Callable[[BBox], np.ndarray],
                 scale: float = 1.0) -> OcrEngine:
        rapidocr = OcrEngine("rapidocr", self.detector, self.recognizer)
        if not latin or PROBE not in self.latin:
            return rapidocr
        sample = sample_lines(lines)
        if not sample:
            return self._tesseract(PROBE)
        paper_margin = getattr(self.latin[PROBE], "paper_margin", False)
        crops = [line_crop(pixels, line, paper_margin) for line in sample]
        probe = self.latin[PROBE].recognize(crops)
        fraktur = self.latin[FRAKTUR].recognize(crops) if FRAKTUR in self.latin else None
        # `deu`'s reading decides only where `frk` is ahead of `eng` by the near margin, not the full one
        german = self.latin[GERMAN].recognize(crops) if GERMAN in self.latin and _near_fraktur(probe, fraktur) else None
        lang = choose_language(probe, fraktur, [k for k in self.latin if k != FRAKTUR], german)
        if scale >= SMALL_TYPE_SCALE or lang != FRAKTUR:
            read = {PROBE: probe, FRAKTUR: fraktur, GERMAN: german}
            chosen = read.get(lang) or self.latin[lang].recognize(crops)
            rapid = self.recognizer.recognize([line_crop(pixels, line) for line in sample])
            if _mean(rapid) > _mean(chosen) + SMALL_TYPE_MARGIN:
                return rapidocr
        return self._tesseract(lang)

    def _tesseract(self, lang: str) -> OcrEngine:
        return OcrEngine(f"tesseract:{lang}", self.detector, self.latin[lang])


def sample_lines(lines: list[Line]) -> list[Line]:
    """Up to SAMPLE_LINES whole body lines, spread over the page (lines come in column order)."""
    running = [line for line in lines if line.direction == TextDirection.HORIZONTAL_LR
               and line.bbox[2] - line.bbox[0] >= SAMPLE_MIN_WIDTH * (line.bbox[3] - line.bbox[1])]
    if len(running) <= SAMPLE_LINES:
        return running
    return [running[round(k * (len(running) - 1) / (SAMPLE_LINES - 1))] for k in range(SAMPLE_LINES)]


def _near_fraktur(probe: list[tuple[str, float]], fraktur: list[tuple[str, float]] | None) -> bool:
    """`frk` surer than `eng` by `NEAR_FRAKTUR_MARGIN` but not by `FRAKTUR_MARGIN`: where `choose_language`
    asks the `deu` reading."""
    return bool(fraktur) and not _mean(fraktur) > _mean(probe) + FRAKTUR_MARGIN \
        and _mean(fraktur) > _mean(probe) + NEAR_FRAKTUR_MARGIN


def choose_language(probe: list[tuple[str, float]], fraktur: list[tuple[str, float]] | None,
                    languages: list[str], german: list[tuple[str, float]] | None = None) -> str:
    """`frk` when the Fraktur reading of the sample is clearly the surer (than `eng`'s, or nearly so
    and clearly surer than `german`, the `deu` reading), else the language among `languages` whose
    common words the probe (`eng`) reading holds most of."""
    if fraktur and (_mean(fraktur) > _mean(probe) + FRAKTUR_MARGIN or german and
                    _mean(fraktur) > _mean(probe) + NEAR_FRAKTUR_MARGIN and
                    _mean(fraktur) > _mean(german) + FRAKTUR_OVER_GERMAN):
        return FRAKTUR
    return text_language(" ".join(text for text, _ in probe), languages)


def text_language(text: str, languages: list[str]) -> str:
    """The language among `languages` (PROBE first wins a tie) with most common words in the text."""
    words = [word.lower() for word in _WORD.findall(text)]
    hits = {lang: sum(word in _COMMON[lang] for word in words) for lang in languages if lang in _COMMON}
    best = max(sorted(hits, key=lambda lang: lang != PROBE), key=hits.get, default=PROBE)
    return best if hits.get(best) else PROBE


def _mean(results: list[tuple[str, float]]) -> float:
    return float(np.mean([confidence for _, confidence in results]))
