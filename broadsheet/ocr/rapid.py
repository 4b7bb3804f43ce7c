"""The default engine: PaddleOCR's PP-OCR detection and recognition models as bundled in the
`rapidocr` wheel, run on ONNX Runtime. Nothing is downloaded; models load once per engine."""

from __future__ import annotations

import logging

import numpy as np

from broadsheet.errors import MissingDependencyError
from broadsheet.model import BBox

# The detector sees the page at most this large (rapidocr's own default): body text of a 300 dpi
# broadsheet stays ~17 px there, enough for it, and detection time grows with the square of it.
DETECT_MAX_SIDE = 2000


class RapidOcrEngine:
    name = "rapidocr"

    def __init__(self, detect_max_side: int = DETECT_MAX_SIDE, threads: int | None = None) -> None:
        try:
            from rapidocr import RapidOCR
            from rapidocr.ch_ppocr_rec import TextRecInput
        except ImportError as exc:  # pragma: no cover - install problem
            raise MissingDependencyError("rapidocr is not installed: pip install rapidocr onnxruntime") from exc
        logging.getLogger("RapidOCR").setLevel(logging.WARNING)
        self._ocr = RapidOCR(params={
            "Global.log_level": "warning",
            "Det.limit_type": "max",
            "Det.limit_side_len": detect_max_side,
            "EngineConfig.onnxruntime.intra_op_num_threads": threads or -1,
        })
        self._rec_input = TextRecInput
        self._detector = self._ocr._load_det_model()
        self._recognizer = self._ocr._load_rec_model()
        self.detect_max_side = detect_max_side

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

    def recognize(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        bgr = [np.ascontiguousarray(c[:, :, ::-1]) for c in crops]
        result = self._recognizer(self._rec_input(img=bgr))
        return [(t, float(s)) for t, s in zip(result.txts, result.scores)]

