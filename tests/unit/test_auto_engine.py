"""The `auto` engine's choice of recogniser, on recorded answers: the script from what the
orientation check read, the Latin page's language from what Tesseract read of its sample lines,
and a Chinese page read by rapidocr exactly as before, Tesseract never asked."""

from __future__ import annotations

import numpy as np
import pytest

from broadsheet.errors import BadArgsError
from broadsheet.imageio import load_image
from broadsheet.model import LATIN, SIMPLIFIED, EngineInfo, Line, TextDirection
from broadsheet.normalize import normalize_page
from broadsheet.ocr import get_engine, registered_engines
from broadsheet.ocr.auto import (
    FRAKTUR_MARGIN,
    FRAKTUR_OVER_GERMAN,
    NEAR_FRAKTUR_MARGIN,
    SAMPLE_LINES,
    SMALL_TYPE_MARGIN,
    SMALL_TYPE_SCALE,
    AutoEngine,
    choose_language,
    missing_tesseract,
    sample_lines,
    text_language,
)
from broadsheet.ocr.engine import line_crop, neighbour_limits
from broadsheet.pipeline import Pipeline
from broadsheet.postprocess.script import page_script
from unit.replay import fixture_image, recorded_samples, replay_engine

LANGUAGES = ["eng", "deu", "ces"]  # the Latin languages installed beside frk where these were measured


class Refuse:
    """A Tesseract recogniser that must not be asked."""

    info = EngineInfo("recognition", "tesseract", "5.3.0", "eng", ["en"])

    def recognize(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        raise AssertionError("Tesseract asked to read a line of a Chinese page")


def _auto(name: str) -> AutoEngine:
    replay = replay_engine(name)
    return AutoEngine("auto", replay.detector, replay.recognizer, {"eng": Refuse(), "frk": Refuse()})


def test_auto_is_registered_and_takes_no_option():
    assert "auto" in registered_engines()
    with pytest.raises(BadArgsError, match="the auto engine takes no option"):
        get_engine("auto:frk")


@pytest.mark.parametrize("name, script", [("sample_b", SIMPLIFIED), ("page_f", SIMPLIFIED), ("page_j", LATIN),
                                          ("page_k", LATIN)])
def test_the_orientation_check_reads_tell_the_script(name, script):
    assert page_script(normalize_page(load_image(fixture_image(name)), replay_engine(name)).sample) == script


@pytest.mark.parametrize("name", ["sample_b", "page_c", "page_f"])
def test_a_chinese_page_is_read_by_rapidocr_as_before(replayed, name):
    """Same calls as rapidocr alone (the replay refuses any other), same page; page_f has a vertical title."""
    page = Pipeline(engine=_auto(name)).process(fixture_image(name))
    expected = replayed[name]
    assert [(e.role, e.name) for e in page.engines] == [("detection", "rapidocr"), ("recognition", "rapidocr")]
    page.timings = expected.timings = {}
    assert page.to_dict() == expected.to_dict()


@pytest.mark.parametrize("name, lang", [("page_j", "eng"), ("page_k", "frk")])
def test_a_latin_page_gets_its_language_from_its_sample(name, lang):
    reads = recorded_samples(name)
    assert len(reads["eng"]) == len(reads["frk"]) == SAMPLE_LINES
    assert choose_language(reads["eng"], reads["frk"], LANGUAGES) == lang
    # without frk data the Fraktur page is read as German Antiqua, its language from its words
    assert choose_language(reads["eng"], None, LANGUAGES) == {"page_j": "eng", "page_k": "deu"}[name]


def test_german_antiqua_is_read_by_deu_though_frk_is_surer_than_eng():
    """Random seed 1690 (German sans, 26 px, blurred): `eng` is unsure of German words, and `frk` reads
    the sample 0.094 surer, but reads a sans `s` as `S` (`Der Plan Sieht vor`); `deu` reads the page."""
    reads = recorded_samples("rand1690")
    assert 0.08 < np.mean([c for _, c in reads["frk"]]) - np.mean([c for _, c in reads["eng"]]) < FRAKTUR_MARGIN
    assert choose_language(reads["eng"], reads["frk"], LANGUAGES) == "deu"


def _mean(reads: list[tuple[str, float]]) -> float:
    return float(np.mean([c for _, c in reads]))


@pytest.mark.parametrize("name", ["rand2327", "rand2186"])
def test_fraktur_that_eng_is_as_unsure_of_or_reads_half_right_is_told_by_frk_beating_deu(name):
    """Random seed 2327 (14.7 px Fraktur, bilevel, blurred: every reader unsure) and 2186 (40 px Fraktur,
    which `eng` reads half right): `frk` beats `eng` by less than FRAKTUR_MARGIN, so 2327 went to PP-OCR
    (page CER 73%, `frk` line CER 34%) and 2186 to `deu` (line CER 3.4% for `frk`'s 1.3%). `frk` beats
    `deu` too, as it does not on German Antiqua."""
    reads = recorded_samples(name)
    assert _mean(reads["frk"]) - _mean(reads["eng"]) < FRAKTUR_MARGIN
    assert choose_language(reads["eng"], reads["frk"], LANGUAGES) != "frk"
    assert choose_language(reads["eng"], reads["frk"], LANGUAGES, reads["deu"]) == "frk"


@pytest.mark.parametrize("name", ["rand2119", "rand2181", "rand2268", "rand2017"])
def test_antiqua_that_frk_reads_surer_than_eng_stays_antiqua(name):
    """The Antiqua pages `frk` comes nearest on. Random seed 2119 (13.4 px German sans: `frk` +0.088 over
    `eng`, past NEAR_FRAKTUR_MARGIN) is read as sure by `deu`; 2181 (9.2 px serif, blurred: +0.077) and 2268
    (25 px German sans: +0.066) stay under that margin; 2017 (10.8 px bilevel serif, every reader unsure:
    `frk` +0.049 over `eng`, +0.077 over `deu`) too, and goes on to PP-OCR."""
    reads = recorded_samples(name)
    assert _mean(reads["frk"]) - _mean(reads["eng"]) > FRAKTUR_OVER_GERMAN
    assert choose_language(reads["eng"], reads["frk"], LANGUAGES, reads["deu"]) != "frk"


def test_fraktur_only_when_frk_reads_clearly_surer():
    antiqua = [("the land was sold", 0.90)]
    assert choose_language(antiqua, [("the land was sold", 0.90 + FRAKTUR_MARGIN / 2)], LANGUAGES) == "eng"
    assert choose_language(antiqua, [("the land was sold", 0.90 + FRAKTUR_MARGIN * 1.5)], LANGUAGES) == "frk"
    near = [("die Land", 0.90 + (NEAR_FRAKTUR_MARGIN + FRAKTUR_MARGIN) / 2)]
    assert choose_language(antiqua, near, LANGUAGES) == "eng"
    assert choose_language(antiqua, near, LANGUAGES, [("die Land", 0.80)]) == "frk"  # `deu` far behind
    # German Antiqua: `deu` as sure as `frk` (wave 17's sans pages, `frk` taking a sans `s` for `S`)
    assert choose_language(antiqua, near, LANGUAGES, [("die Land", near[0][1] - FRAKTUR_OVER_GERMAN / 2)]) == "eng"
    # everything unsure (bilevel Antiqua, random seeds 2017 and 1981): `frk` ahead of both, not near `eng`'s margin
    unsure = [("the land was sold", 0.40)]
    assert choose_language(unsure, [("die Land", 0.40 + NEAR_FRAKTUR_MARGIN / 2)], LANGUAGES,
                           [("die Land", 0.30)]) == "eng"


@pytest.mark.parametrize("text, lang", [
    ("The Secretary of the Interior said that the land was sold to the county by the Bureau.", "eng"),
    ("Die Feuerwehr hat am Samstag mit dem neuen Fahrzeug auf dem Platz gezeigt, dass sie für das Fest bereit ist.",
     "deu"),
    ("Obecní rada se usnesla, že na jaře bude v ulici postavena nová škola a do ní se přestěhuje i knihovna.",
     "ces"),
    # as `eng` reads Czech: the diacritics gone, the words still Czech
    ("Obecni rada se usnesla, ze na jare bude v ulici postavena nova skola a do ni se prestehuje i knihovna.", "ces"),
])
def test_the_language_whose_common_words_the_text_holds(text, lang):
    assert text_language(text, LANGUAGES) == lang


def test_only_installed_languages_and_english_when_no_word_tells():
    german = "Die Feuerwehr hat am Samstag mit dem neuen Fahrzeug auf dem Platz gezeigt"
    assert text_language(german, ["eng"]) == "eng"
    assert text_language("1920 -- 34,5 ¶", LANGUAGES) == "eng"
    assert text_language("Le conseil de la ville a décidé que les écoles sont fermées pour un mois",
                         ["eng", "fra"]) == "fra"


def test_sample_lines_are_whole_body_lines_spread_over_the_page():
    running = [Line("", (0, 20 * k, 400, 20 * k + 16), 0.0) for k in range(50)]
    heading = Line("", (0, 0, 100, 16), 0.0)  # 6 heights wide
    vertical = Line("", (0, 0, 16, 400), 0.0, TextDirection.VERTICAL_RL)
    sample = sample_lines([heading, vertical, *running])
    assert len(sample) == SAMPLE_LINES and sample[0] is running[0] and sample[-1] is running[-1]
    assert sample_lines([heading, vertical]) == []


def test_without_tesseract_auto_reads_latin_pages_with_rapidocr_and_says_why(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    assert missing_tesseract().startswith("tesseract is not installed: the auto engine reads Latin pages with rapidocr")
    replay = replay_engine("page_j")
    auto = AutoEngine("auto", replay.detector, replay.recognizer, {})
    reader = auto.for_page(True, [Line("", (0, 0, 400, 16), 0.0)], lambda box: np.zeros((16, 400, 3), np.uint8))
    assert reader.name == "rapidocr" and reader.recognizer is replay.recognizer


class Sure:
    """A recogniser that reads every crop as `text` with the same confidence."""

    def __init__(self, name: str, text: str, confidence: float) -> None:
        self.info = EngineInfo("recognition", name, "1", name, ["en"])
        self.text, self.confidence = text, confidence

    def recognize(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        return [(self.text, self.confidence)] * len(crops)


@pytest.mark.parametrize("scale, rapid_over, reader", [
    (1.0, SMALL_TYPE_MARGIN / 2, "tesseract:eng"),  # neither reads it clearly better
    (1.0, SMALL_TYPE_MARGIN * 1.5, "rapidocr"),  # blurred or bilevel antiqua at 14 px (random seed 1461)
    (SMALL_TYPE_SCALE, SMALL_TYPE_MARGIN / 2, "tesseract:eng"),
    (SMALL_TYPE_SCALE, SMALL_TYPE_MARGIN * 1.5, "rapidocr"),
    (2.0, 0.3, "rapidocr"),
])
def test_latin_type_is_read_by_whichever_reads_it_surer(scale, rapid_over, reader):
    """Antiqua body text blurred, bilevel or small: Tesseract misreads it where PP-OCR reads it
    (random seeds 72, 108 under 9 px; 1461, 1479 at 14 px); their confidence on the sample tells."""
    tesseract = 0.45
    replay = replay_engine("page_j")
    auto = AutoEngine("auto", replay.detector, Sure("rapidocr", "the land was sold", tesseract + rapid_over),
                      {"eng": Sure("tesseract", "the land was sold", tesseract),
                       "frk": Sure("tesseract", "die Land", tesseract)})
    lines = [Line("", (0, 20 * k, 400, 20 * k + 16), 0.0) for k in range(20)]
    chosen = auto.for_page(True, lines, lambda box: np.full((16, 400, 3), 255, np.uint8), scale)
    assert chosen.name == reader
    assert chosen.recognizer is (auto.recognizer if reader == "rapidocr" else auto.latin["eng"])


@pytest.mark.parametrize("scale, reader", [(1.0, "tesseract:frk"), (SMALL_TYPE_SCALE - 0.1, "tesseract:frk"),
                                           (SMALL_TYPE_SCALE, "rapidocr")])
def test_fraktur_is_read_by_pp_ocr_only_when_small(scale, reader):
    """PP-OCR has no blackletter and is surer of its misreadings of Fraktur at working sizes (random
    seed 1494, 15 px: 0.92 against `frk`'s 0.83, line CER 0.083 against 0.038); read here 0.95 against 0.83."""
    replay = replay_engine("page_j")
    auto = AutoEngine("auto", replay.detector, Sure("rapidocr", "bie Lanb", 0.95),
                      {"eng": Sure("tesseract", "bic Lanb", 0.62), "frk": Sure("tesseract", "die Land", 0.83)})
    lines = [Line("", (0, 20 * k, 400, 20 * k + 16), 0.0) for k in range(20)]
    assert auto.for_page(True, lines, lambda box: np.full((16, 400, 3), 255, np.uint8), scale).name == reader


def test_an_engine_that_does_not_choose_reads_every_page_itself():
    replay = replay_engine("page_c")
    assert replay.for_page(True, [], lambda box: np.zeros((1, 1, 3), np.uint8)) is replay


def test_a_paper_margin_hides_the_neighbouring_lines():
    """Tesseract's crops: the feet and tops of the lines next to it, in a tight column, papered
    over; the line's own strokes kept; rapidocr's crops keep the page as it is."""
    page = np.full((80, 200, 3), 250, np.uint8)
    for top in (5, 28, 51):  # lines 20 px tall, 3 px apart, strokes on every third column
        page[top:top + 20, 10:190:3] = 0

    def pixels(box):
        x0, y0, x1, y1 = box
        return page[y0:y1, x0:x1]

    middle = Line("", (10, 28, 190, 48), 0.0)
    as_is, paper = line_crop(pixels, middle), line_crop(pixels, middle, paper_margin=True)
    assert as_is.shape == paper.shape == (30, 190, 3)  # a margin of 5 px all round
    assert (as_is[:2] == 0).any() and (as_is[-2:] == 0).any()  # the feet and tops of the neighbours
    assert (paper[:5] == 250).all() and (paper[-5:] == 250).all() and (paper[5:25] == as_is[5:25]).all()
    page[48:51, 10:190:3] = 0  # the middle line's strokes run on past its box, to the next line's
    paper = line_crop(pixels, middle, paper_margin=True)
    assert (paper[5:, 5:185:3] == 0).all() and (paper[:5] == 250).all()  # its own, and only them


def test_overlapping_boxes_lose_the_halves_of_their_neighbours():
    """Tightly leaded type (the 1920 Star): the detector's boxes are taller than the line pitch, so
    a box holds the foot of the line above and the head of the line below whole, away from the
    crop's edge; ink centred past halfway to a neighbour's centre is papered over, the line's own
    kept, whichever the recogniser. Two boxes of one line, lines of columns side by side, or a
    speck's box on a line, limit nothing."""
    page = np.full((60, 400, 3), 250, np.uint8)
    for top, bottom in ((8, 16), (20, 30), (34, 42)):  # three lines, strokes on every third column
        page[top:bottom, 10:190:3] = 0

    def pixels(box):
        x0, y0, x1, y1 = box
        return page[y0:y1, x0:x1]

    lines = [Line("", (10, 2, 190, 22), 0.0), Line("", (10, 12, 190, 38), 0.0), Line("", (10, 28, 190, 50), 0.0),
             Line("", (200, 12, 390, 38), 0.0), Line("", (12, 14, 188, 37), 0.0), Line("", (180, 28, 182, 30), 0.0)]
    limits = neighbour_limits(lines)
    assert limits[1] == (18.5, 32.0) and limits[3] is None  # the fourth stands in the next column
    assert limits[5] is None and neighbour_limits(lines[1:2] + lines[5:]) == [None, None]  # a speck
    assert neighbour_limits(lines[1:2] + lines[4:5]) == [None, None]  # two boxes of one line
    middle = lines[1]
    old, new = line_crop(pixels, middle, paper_margin=True), line_crop(pixels, middle, True, limits[1])
    assert old.shape == new.shape == (38, 192, 3)  # page rows 6..44, columns 4..196
    assert (old[2:10] == 0).any() and (old[28:36] == 0).any()  # the neighbours, inside the crop
    assert (new[:14] == 250).all() and (new[24:] == 250).all()  # papered over
    assert (new[14:24, 6:186:3] == 0).all() and (new[14:24] == old[14:24]).all()  # its own line kept
    assert (line_crop(pixels, middle, between=limits[1]) == new).all()  # rapidocr's crop alike


def test_a_paper_margin_hides_a_column_rule_beside_the_line():
    """A column rule a few pixels from the line's first or last letter runs through its crop's side
    margin from top to bottom: Tesseract read it as a character (Der Nordstern: `Die|`, `[Voſto..`
    for `Boſton,`). It is papered over; a letter of the line touching the box's edge is kept."""
    page = np.full((60, 220, 3), 250, np.uint8)
    page[20:40, 20:200:3] = 0  # the line's strokes
    page[:, 201:203] = 0  # a rule 3 px to its right, down the whole page
    page[:, 16:18] = 0  # and one 3 px to its left

    def pixels(box):
        x0, y0, x1, y1 = box
        return page[y0:y1, x0:x1]

    line = Line("", (20, 20, 199, 40), 0.0)
    as_is, paper = line_crop(pixels, line), line_crop(pixels, line, paper_margin=True)
    assert as_is.shape == paper.shape == (30, 189, 3)  # 5 px of margin all round
    assert (as_is[:, 186:188] == 0).all() and (as_is[:, 1:3] == 0).all()  # the rules, in rapidocr's crop
    assert (paper[:, :5] == 250).all() and (paper[:, 184:] == 250).all()  # papered over in Tesseract's
    assert (paper[5:25, 5:185:3] == 0).all()  # the line's own strokes kept
