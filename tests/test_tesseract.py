"""The tesseract engine for real (the CLI, its chi_sim and eng models, no mocks): a fixture page
scored against its truth, rendered lines read back in order, and its errors."""

from __future__ import annotations

import shutil

import numpy as np
import pytest
from conftest import FIXTURE_PAGES, reading_with, truth
from PIL import Image, ImageDraw, ImageFont

from broadsheet.errors import BadArgsError, MissingDependencyError
from broadsheet.evaluate import cer, evaluate_page
from broadsheet.ocr import get_engine

pytestmark = pytest.mark.skipif(
    shutil.which("tesseract") is None,
    reason="tesseract CLI not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim)")

NOTO_SC = ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2)  # face 2 of the collection: SC


def render(text: str, size: int = 28) -> np.ndarray:
    """One line of text as a line crop: black on white, margins like `line_crop`'s."""
    font = ImageFont.truetype(NOTO_SC[0], size, index=NOTO_SC[1])
    left, top, right, bottom = font.getbbox(text or " ")
    pad = size // 3
    image = Image.new("RGB", (right - left + 2 * pad, bottom - top + 2 * pad), "white")
    ImageDraw.Draw(image).text((pad - left, pad - top), text, font=font, fill="black")
    return np.asarray(image)


@pytest.mark.slow
def test_page_c_scores(pipeline):
    from broadsheet.ocr.tesseract import TesseractRecognizer

    image = FIXTURE_PAGES / "page_c.jpg"
    tesseract = reading_with(pipeline, "tesseract:chi_sim", TesseractRecognizer("chi_sim"))  # `--engine tesseract`
    scores = evaluate_page(tesseract.process(image), truth(image))
    # measured: article CER 0.009 (rapidocr: 0.0005); detection and layout are PP-OCR's, as with rapidocr
    assert scores.article_cer <= 0.05, scores.article_cer
    assert scores.article_f1 >= 0.9, scores.article_f1


def test_recognize_returns_each_crop_text_in_order():
    lines = ["北庭区春耕生产进展顺利", "", "街道食堂日均服务居民两千人次", "气象专家提醒大家注意防寒保暖"]
    # two workers: the crops go to two stacked images, read side by side, and must come back in order
    engine = get_engine("tesseract", threads=2)
    results = engine.recognize([render(text) for text in lines])
    texts = [text for text, _ in results]
    assert texts[1] == "" and results[1][1] == 0.0
    # chi_sim misreads about a character in a hundred (保暖 -> 保上暖 at some sizes): each text
    # must be near its own line, which also pins the order, since the lines share no characters
    for read, line in zip(texts, lines):
        assert cer(read, line) <= 0.1, texts
    assert all(0.5 < confidence <= 1 for text, confidence in results if text)


def test_recognize_keeps_spaces_between_latin_words():
    text = "Broadsheet reads three hundred pages a day."
    [(read, confidence)] = get_engine("tesseract:eng").recognize([render(text)])
    assert read == text
    assert confidence > 0.5


DEJAVU_SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def render_latin(text: str, band: float | None = None, size: int = 28) -> np.ndarray:
    """A Latin line crop, black on white; with `band`, light on a dark band that fills this share
    of the crop's height, the page's paper above and below (a reversed kicker, its crop's margin)."""
    font = ImageFont.truetype(DEJAVU_SANS, size)
    left, top, right, bottom = font.getbbox(text)
    pad = size // 2
    width, height = right - left + 2 * pad, bottom - top + 2 * pad
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    if band is not None:
        edge = round(height * (1 - band) / 2)
        draw.rectangle((0, edge, width, height - edge), fill=(40, 40, 40))
    draw.text((pad - left, pad - top), text, font=font, fill="black" if band is None else (235, 235, 235))
    return np.asarray(image)


@pytest.mark.parametrize("band", [1.0, 0.8, 0.6])
def test_a_reversed_line_among_others_is_read(band):
    # Flipped, the paper around a band framed its letters in black, and among other lines Tesseract
    # read the framed line as nothing (random seeds 255, 273: kickers on a dark bar lost); a band
    # filling only the crop's middle was not flipped at all
    lines = ["the council met on Tuesday evening", "DEPARTMENT OF THE INTERIOR",
             "and voted to repair the old bridge", "before the winter comes"]
    crops = [render_latin(text, band if k == 1 else None) for k, text in enumerate(lines)]
    # one worker: every crop in one stack, as a page's lines are
    texts = [text for text, _ in get_engine("tesseract:eng", threads=1).recognize(crops)]
    assert texts == lines


def test_unknown_language_names_the_installed_ones():
    with pytest.raises(BadArgsError, match=r"'xyz' is not installed; installed: .*chi_sim.*eng"):
        get_engine("tesseract:xyz")


def test_missing_tesseract_names_the_packages(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(MissingDependencyError, match="tesseract-ocr tesseract-ocr-chi-sim"):
        get_engine("tesseract")
