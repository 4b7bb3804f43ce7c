"""The default engine: PaddleOCR's PP-OCR detection and recognition models as bundled in the
`rapidocr` wheel, run on ONNX Runtime. Nothing is downloaded; each role loads its model once."""

from __future__ import annotations

import logging
from importlib.metadata import version
from typing import Any

import numpy as np

from broadsheet.errors import BadArgsError, MissingDependencyError
from broadsheet.model import BBox, EngineInfo
from broadsheet.ocr.engine import OcrEngine
from broadsheet.ocr.reading import Reading

# The detector sees the page at the size it is given: the pipeline has already scaled the page so
# its text suits the model (rapidocr's own default squashes every page to 2000 px, whatever its
# text size). A dense broadsheet holds more lines than rapidocr's default 1000 candidates.
NO_RESIZE = 1_000_000
MAX_CANDIDATES = 20_000
# the bundled Chinese models read simplified and traditional Chinese and English
LANGUAGES = ["zh-Hans", "zh-Hant", "en"]


def create_engine(option: str | None, threads: int | None) -> OcrEngine:
    """The `rapidocr` entry point: detection and recognition by the bundled PP-OCR models."""
    if option is not None:
        raise BadArgsError(f"the rapidocr engine takes no option (got {option!r}): use --engine rapidocr")
    return OcrEngine("rapidocr", RapidDetector(threads), RapidRecognizer(threads))


def _rapidocr(threads: int | None) -> Any:
    """A RapidOCR object: it loads each model the first time that model is asked for."""
    try:
        from rapidocr import RapidOCR
    except ImportError as exc:  # pragma: no cover - install problem
        raise MissingDependencyError("rapidocr is not installed: pip install rapidocr onnxruntime") from exc
    logging.getLogger("RapidOCR").setLevel(logging.WARNING)
    return RapidOCR(params={
        "Global.log_level": "warning",
        "Det.limit_type": "max",
        "Det.limit_side_len": NO_RESIZE,
        "Det.max_candidates": MAX_CANDIDATES,
        "EngineConfig.onnxruntime.intra_op_num_threads": threads or -1,
        # every page allocates the same tensor sizes again: reusing them saves ~8% of the CPU
        "EngineConfig.onnxruntime.enable_cpu_mem_arena": True,
    })


def _info(role: str, config: Any, languages: list[str]) -> EngineInfo:
    model = f"{config.ocr_version.value}_{config.task_type.value}_{config.model_type.value}"
    return EngineInfo(role, "rapidocr", version("rapidocr"), model, languages)


class RapidDetector:
    def __init__(self, threads: int | None = None) -> None:
        ocr = _rapidocr(threads)
        self._detector = ocr._load_det_model()
        self.info = _info("detection", ocr.cfg.Det, [])  # lines of any script

    def detect(self, image: np.ndarray) -> list[BBox]:
        result = self._detector(np.ascontiguousarray(image[:, :, ::-1]))  # rapidocr wants BGR
        if result.boxes is None:
            return []
        boxes = []
        for quad in result.boxes:
            x0, y0 = np.floor(quad.min(axis=0)).astype(int)
            x1, y1 = np.ceil(quad.max(axis=0)).astype(int)
            boxes.append((int(x0), int(y0), int(x1), int(y1)))
        return boxes


class RapidRecognizer:
    def __init__(self, threads: int | None = None) -> None:
        from rapidocr.ch_ppocr_rec import TextRecInput

        ocr = _rapidocr(threads)
        self._rec_input = TextRecInput
        self._recognizer = ocr._load_rec_model()
        self.info = _info("recognition", ocr.cfg.Rec, LANGUAGES)

    def recognize(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        bgr = [np.ascontiguousarray(c[:, :, ::-1]) for c in crops]
        result = self._recognizer(self._rec_input(img=bgr))
        return [(t, float(s)) for t, s in zip(result.txts, result.scores)]

    def read(self, crops: list[np.ndarray]) -> list[Reading]:
        """Text, confidence and where each character stands: the recogniser's CTC decoder knows at
        which of its time steps (an eighth of the line height each) it emitted a character."""
        bgr = [np.ascontiguousarray(c[:, :, ::-1]) for c in crops]
        result = self._recognizer(self._rec_input(img=bgr, return_word_box=True))
        readings = []
        for crop, text, score, info in zip(crops, result.txts, result.scores, result.word_results):
            steps = [col for word in info.word_cols for col in word] if info and info.line_txt_len else []
            step = crop.shape[1] / info.line_txt_len if steps else 0.0
            centres = [(col + 0.5) * step for col in steps]
            # one position per character other than spaces, or none at all
            fits = len(centres) == sum(1 for ch in text if not ch.isspace())
            readings.append(Reading(text, float(score), centres if fits else None))
        return readings

