"""The default engine: PaddleOCR's PP-OCR detection and recognition models as bundled in the
`rapidocr` wheel, run on ONNX Runtime (`rapidocr`) or, where it is installed, on OpenVINO
(`rapidocr:openvino`). Nothing is downloaded; each role loads its model once."""

from __future__ import annotations

import copy
import logging
from importlib.metadata import version
from typing import Any

import numpy as np

from broadsheet.charsets import MIDDLE_DOT, dot_between_ideographs
from broadsheet.errors import BadArgsError, MissingDependencyError
from broadsheet.model import BBox, EngineInfo, holds_middle
from broadsheet.ocr.engine import OcrEngine
from broadsheet.ocr.language_model import step_candidates
from broadsheet.ocr.reading import Reading

# The detector sees the page at the size it is given: the pipeline has already scaled the page so
# its text suits the model (rapidocr's own default squashes every page to 2000 px, whatever its
# text size). A dense broadsheet holds more lines than rapidocr's default 1000 candidates.
NO_RESIZE = 1_000_000
MAX_CANDIDATES = 20_000
# Small type enlarged to the working size comes out blurred, and on tightly leaded pages the
# detector's text probability runs on from one line into the next: cut at rapidocr's 0.3, a
# quarter of the body lines of random seed 1009 (Latin, 8.2 px) were boxed two or three together
# and one in ten not at all. Cut at 0.6 the lines part (body lines boxed alone on the 26 dev pages
# of 8-10 px: seed 1009 0.71 -> 0.94, 922 0.91 -> 0.95, 970 0.95 -> 0.98, none fewer). Those
# boxes are tighter, which moves everything sized from them (the rule search lost seed 936's
# dotted column rules), so they only say where a box of the usual cut holds lines stacked, and
# it is cut there (boxed alone: 1009 0.71 -> 0.87, 922 0.91 -> 0.92; 936 as before).
SMALL_TYPE_THRESHOLD = 0.6
# Boxes of the higher cut are rows of one box of the usual cut when they overlap by less than
# this share of the lower one's height (lines stacked, not one line's pieces).
STACKED_OVERLAP = 0.5
# the bundled Chinese models read simplified and traditional Chinese and English
LANGUAGES = ["zh-Hans", "zh-Hant", "en"]
# Where the same models run. OpenVINO computes in bfloat16 on CPUs with AMX (and in float32
# elsewhere, where it is slower than ONNX Runtime): measured in README "Speed".
RUNTIMES = ("onnxruntime", "openvino")


def create_engine(option: str | None, threads: int | None) -> OcrEngine:
    """The `rapidocr` entry point: detection and recognition by the bundled PP-OCR models;
    `option` names the runtime (`rapidocr:openvino`), ONNX Runtime by default."""
    runtime = option or "onnxruntime"
    if runtime not in RUNTIMES:
        raise BadArgsError(f"rapidocr runs on {' or '.join(RUNTIMES)}, not {option!r}: "
                           "use --engine rapidocr or --engine rapidocr:openvino")
    if runtime == "openvino":
        try:
            import openvino  # noqa: F401
        except ImportError as exc:
            raise MissingDependencyError("openvino is not installed: pip install 'broadsheet[openvino]'") from exc
    name = "rapidocr" if runtime == "onnxruntime" else f"rapidocr:{runtime}"
    return OcrEngine(name, RapidDetector(threads, runtime), RapidRecognizer(threads, runtime))


def _rapidocr(threads: int | None, runtime: str) -> Any:
    """A RapidOCR object: it loads each model the first time that model is asked for."""
    try:
        from rapidocr import EngineType, RapidOCR
    except ImportError as exc:  # pragma: no cover - install problem
        raise MissingDependencyError("rapidocr is not installed: pip install rapidocr onnxruntime") from exc
    logging.getLogger("RapidOCR").setLevel(logging.WARNING)
    engine_type = EngineType(runtime)
    return RapidOCR(params={
        "Global.log_level": "warning",
        "Det.limit_type": "max",
        "Det.limit_side_len": NO_RESIZE,
        "Det.max_candidates": MAX_CANDIDATES,
        "Det.engine_type": engine_type,
        "Rec.engine_type": engine_type,
        "EngineConfig.onnxruntime.intra_op_num_threads": threads or -1,
        # every page allocates the same tensor sizes again: reusing them saves ~8% of the CPU
        "EngineConfig.onnxruntime.enable_cpu_mem_arena": True,
        "EngineConfig.openvino.inference_num_threads": threads or -1,
    })


def _finish_loading(model: Any, runtime: str) -> str:
    """Ready a model rapidocr has loaded; what the engine's info adds to the model's name."""
    if runtime == "onnxruntime":
        _flush_denormals(model.session)
        return ""
    import openvino

    # OpenVINO picks the precision for the CPU it runs on (bf16 with AMX): say which it chose
    precision = model.session.session.get_compiled_model().get_property("INFERENCE_PRECISION_HINT")
    return f" on OpenVINO {openvino.get_version().split('-')[0]} ({precision.get_type_name()})"


def _flush_denormals(infer_session: Any) -> None:
    """Reload a model with its denormal weights set to zero. PP-OCR's detector has 255,000 weights
    below float32's smallest normal number, most in two 768-channel 1x1 convolutions; x86 CPUs
    multiply such numbers in microcode, and those two layers took 1.1 of the detector's 1.8 s on
    a page. Zeroed, every output is the same (checked on every fixture page) and the detector's
    model takes 0.65 s (the recogniser has a few hundred, zeroed alike). ONNX Runtime's own
    denormal flag covers its pool threads, not the calling one."""
    import onnx
    import onnxruntime
    from onnx import numpy_helper

    loaded = infer_session.session
    model = onnx.load(loaded._model_path)  # the file rapidocr chose (its own model registry)
    smallest_normal = np.finfo(np.float32).tiny
    for weights in model.graph.initializer:
        if weights.data_type != onnx.TensorProto.FLOAT:
            continue
        values = numpy_helper.to_array(weights)
        denormal = (values != 0) & (np.abs(values) < smallest_normal)
        if denormal.any():
            weights.CopyFrom(numpy_helper.from_array(np.where(denormal, np.float32(0), values), weights.name))
    infer_session.session = onnxruntime.InferenceSession(
        model.SerializeToString(), loaded.get_session_options(), providers=loaded.get_providers())


def _info(role: str, config: Any, languages: list[str], runs_on: str) -> EngineInfo:
    model = f"{config.ocr_version.value}_{config.task_type.value}_{config.model_type.value}{runs_on}"
    return EngineInfo(role, "rapidocr", version("rapidocr"), model, languages)


class RapidDetector:
    def __init__(self, threads: int | None = None, runtime: str = "onnxruntime") -> None:
        ocr = _rapidocr(threads, runtime)
        self._detector = ocr._load_det_model()
        self.info = _info("detection", ocr.cfg.Det, [], _finish_loading(self._detector, runtime))  # any script
        # the same model's probability map also cut higher, for small type
        self._small_type = copy.copy(self._detector.postprocess_op)
        self._small_type.thresh = SMALL_TYPE_THRESHOLD

    def detect(self, image: np.ndarray) -> list[BBox]:
        return detected_boxes(self._detector, image)

    def detect_small_type(self, image: np.ndarray) -> list[BBox]:
        """`detect` for a page whose small type was enlarged to the working size: each box that
        holds lines stacked one under another (`SMALL_TYPE_THRESHOLD`) is cut between them."""
        bgr = np.ascontiguousarray(image[:, :, ::-1])  # rapidocr wants BGR
        batch = self._detector.get_preprocess()(bgr)
        if batch is None:
            return []
        probability = self._detector.session(batch)
        usual, _ = self._detector.postprocess_op(probability, bgr.shape[:2])
        if len(usual) == 0:
            return []
        higher, _ = self._small_type(probability, bgr.shape[:2])
        return split_stacked(_axis_aligned(self._detector.sorted_boxes(usual)), _axis_aligned(higher))


def split_stacked(boxes: list[BBox], finer: list[BBox]) -> list[BBox]:
    """`boxes`, each horizontal one cut between the rows of the `finer` boxes whose centres it
    holds where they stand one under another: at the middle between neighbouring rows' centres,
    keeping the box's own width, top and bottom (its lines not stacked are left as they are); and
    the finer boxes that stand in none (lines the usual cut lost)."""
    out = [b for b in finer if not any(holds_middle(box, b) for box in boxes)]
    for box in boxes:
        x0, y0, x1, y1 = box
        inside = [b for b in finer if holds_middle(box, b) and b[2] - b[0] > b[3] - b[1]]
        # a finer box over two others' middles has run lines together too: the others say where they are
        inside = sorted((b for b in inside if sum(holds_middle(b, c) for c in inside if c is not b) < 2),
                        key=lambda b: (b[1] + b[3]) / 2)
        rows: list[list[BBox]] = []
        for b in inside:
            last = rows[-1] if rows else None
            if last and min(b[3], max(r[3] for r in last)) - max(b[1], min(r[1] for r in last)) \
                    >= STACKED_OVERLAP * min(b[3] - b[1], min(r[3] - r[1] for r in last)):
                last.append(b)
            else:
                rows.append([b])
        if x1 - x0 <= y1 - y0 or len(rows) < 2:
            out.append(box)
            continue
        centres = [sum((b[1] + b[3]) / 2 for b in row) / len(row) for row in rows]
        cuts = [y0] + [round((a + b) / 2) for a, b in zip(centres, centres[1:])] + [y1]
        out += [(x0, top, x1, bottom) for top, bottom in zip(cuts, cuts[1:])]
    return out


def detected_boxes(detector: Any, image: np.ndarray) -> list[BBox]:
    """The axis-aligned boxes of the text lines a rapidocr detection model finds on an RGB page."""
    result = detector(np.ascontiguousarray(image[:, :, ::-1]))  # rapidocr wants BGR
    return [] if result.boxes is None else _axis_aligned(result.boxes)


def _axis_aligned(quads: Any) -> list[BBox]:
    boxes = []
    for quad in quads:
        x0, y0 = np.floor(quad.min(axis=0)).astype(int)
        x1, y1 = np.ceil(quad.max(axis=0)).astype(int)
        boxes.append((int(x0), int(y0), int(x1), int(y1)))
    return boxes


# A comma or full stop set centred in its em (as the Kai face sets it) at 14-15 px is read `·` between
# two ideographs (random seeds 36, 111, 233: 131 commas, 30 stops on the 14-20 px pages), and so are
# commas, stops and enumeration commas 、 on sharp low-quality JPEG pages from 10 px (1309, 1832,
# 1379, 1825: 332 dots on the truth lines of six dev pages, none a printed middle dot). The model
# puts some of its weight on the mark it saw; a middle dot printed as one (苻·马, 社会·民生,
# 要闻·综合) puts 0.0014 at most on any of them. Over 0.01 (until wave 18) left 251 of those 332 dots
# as read; over 0.003, 170.
DOT_AS_STOP = 0.003
_STOPS = "，。、"
# On a Latin page the model reads the comma of blurred small antiqua (9-14 px) as a full stop, yet
# puts some weight on the comma. Of the 513 stops it read after a word on the truth lines of 12
# Latin dev pages of 9-14 px (seeds 1842-1935, 1970-1979, 1999, 2003), 100 are printed commas:
# before a lowercase word (where a stop is rare: 1 of 52) 48 of 51 commas put 0.01 or more on the
# comma, the stop less; before a capital or at the line's end 0.1 or more: 32 of 49 commas, 4 of 412 stops.
COMMA_AS_STOP = 0.1
COMMA_BEFORE_LOWER = 0.01
# A comma or enumeration comma 、 that ends a line of blurred CJK type (10-15 px) is read `。`, the
# model putting much of its weight on the mark it saw. Of the 210 lines read ending with `。` on five
# dev pages (seeds 1908, 1919, 1983, 2049, 2083), 61 print `，` and 12 `、`: 22 of those commas put
# 0.2 or more on `，` at the stop's steps, and 5 of the 、 on `、`; of the 137 printed stops none
# does (3 reach 0.15). Inside a line no weight parts them (18 of 130 stops put 0.2 on the comma).
MARK_ENDING_LINE = 0.2
_COMMAS = "，、"


def _character_steps(text: str, steps: np.ndarray) -> list[tuple[int, int]] | None:
    """For each character of `text`, the steps (first, past the last) at which the CTC decoder
    emitted it from the per-step probabilities `steps`; None where the decoder dropped or joined
    something, so the text and the steps no longer match."""
    best = steps.argmax(axis=1)
    spans = []
    for t in range(len(best)):
        if best[t] != 0 and (t == 0 or best[t] != best[t - 1]):
            spans.append([t, t + 1])
        elif spans and best[t] == best[t - 1] and spans[-1][1] == t:
            spans[-1][1] = t + 1
    return [(a, b) for a, b in spans] if len(spans) == len(text) else None


class RapidRecognizer:
    def __init__(self, threads: int | None = None, runtime: str = "onnxruntime") -> None:
        from rapidocr.ch_ppocr_rec import TextRecInput

        ocr = _rapidocr(threads, runtime)
        self._rec_input = TextRecInput
        self._recognizer = ocr._load_rec_model()
        self.info = _info("recognition", ocr.cfg.Rec, LANGUAGES, _finish_loading(self._recognizer, runtime))
        # the model's answers per time step, kept for `_stops_for_dots` (the decoder keeps only the best)
        self._outputs = _KeptOutputs(self._recognizer.session, copy=runtime != "onnxruntime")
        self._recognizer.session = self._outputs
        self._alphabet = self._recognizer.postprocess_op.character

    reads_latin = True  # `read` knows the marks of Latin type (`LatinReading`)

    def recognize(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        result, _ = self._run(crops, False)
        return [(t, float(s)) for t, s in zip(result.txts, result.scores)]

    def _run(self, crops: list[np.ndarray], word_box: bool) -> tuple[Any, list[np.ndarray]]:
        """rapidocr's result, and each crop's per-step character probabilities."""
        bgr = [np.ascontiguousarray(c[:, :, ::-1]) for c in crops]
        self._outputs.batches = []
        result = self._recognizer(self._rec_input(img=bgr, return_word_box=word_box))
        # the recogniser reads the crops in batches, narrowest first
        order = np.argsort(np.array([c.shape[1] / float(c.shape[0]) for c in bgr]))
        steps = [row for batch in self._outputs.batches for row in batch]
        per_crop = [None] * len(bgr)
        for position, index in enumerate(order):
            per_crop[index] = steps[position]
        result.txts = tuple(self._comma_ending_line(self._stops_for_dots(t, p), p)
                            for t, p in zip(result.txts, per_crop))
        return result, per_crop

    def _commas_for_stops(self, text: str, steps: np.ndarray) -> str:
        """`text` with each full stop that ends a word (a letter or digit before it, a space or the
        line's end after it, no stop two characters back as in `p.m.`) read as a comma where the
        model put `COMMA_AS_STOP` on the comma at its steps (`COMMA_BEFORE_LOWER` before a
        lowercase word)."""
        spans = _character_steps(text, steps) if "." in text else None
        if spans is None:
            return text
        chars = list(text)
        comma = self._alphabet.index(",")
        for k, (t, end) in enumerate(spans):
            if (chars[k] != "." or k == 0 or not chars[k - 1].isalnum() or (k > 1 and chars[k - 2] == ".")
                    or (k + 1 < len(chars) and not chars[k + 1].isspace())):
                continue
            lower = k + 2 < len(chars) and chars[k + 2].islower()
            if steps[t:end, comma].max() >= (COMMA_BEFORE_LOWER if lower else COMMA_AS_STOP):
                chars[k] = ","
        return "".join(chars)

    def _comma_ending_line(self, text: str, steps: np.ndarray) -> str:
        """`text` with the `。` that ends it read as the comma or enumeration comma the model put
        `MARK_ENDING_LINE` on at its steps (the likelier of the two)."""
        spans = _character_steps(text, steps) if text.endswith("。") else None
        if spans is None:
            return text
        t, end = spans[-1]
        likely = steps[t:end, [self._alphabet.index(ch) for ch in _COMMAS]].max(axis=0)
        return text[:-1] + _COMMAS[int(likely.argmax())] if likely.max() >= MARK_ENDING_LINE else text

    def _stops_for_dots(self, text: str, steps: np.ndarray) -> str:
        """`text` with each `·` between two ideographs that the model all but read as a comma, full
        stop or enumeration comma (`DOT_AS_STOP`) read as that one."""
        spans = _character_steps(text, steps) if MIDDLE_DOT in text else None
        if spans is None:
            return text
        chars = list(text)
        stops = [self._alphabet.index(ch) for ch in _STOPS]
        for k, (t, end) in enumerate(spans):
            if not dot_between_ideographs(text, k):
                continue
            likely = steps[t:end, stops].max(axis=0)
            if likely.max() >= DOT_AS_STOP:
                chars[k] = _STOPS[int(likely.argmax())]
        return "".join(chars)

    def read(self, crops: list[np.ndarray], candidates: bool = False, latin: bool = False) -> list[Reading]:
        """Text, confidence and where each character stands: the recogniser's CTC decoder knows at
        which of its time steps (an eighth of the line height each) it emitted a character. With
        `candidates` (the language model asks, `broadsheet.ocr.language_model`), a line of
        ideographs read with doubts keeps the likeliest characters of each step. `latin`: the
        crops are lines of a Latin page (`_commas_for_stops`)."""
        result, per_crop = self._run(crops, True)
        readings = []
        for crop, text, score, info, probs in zip(crops, result.txts, result.scores, result.word_results, per_crop):
            text = self._commas_for_stops(text, probs) if latin else text
            steps = [col for word in info.word_cols for col in word] if info and info.line_txt_len else []
            step = crop.shape[1] / info.line_txt_len if info and info.line_txt_len else 0.0
            centres = [(col + 0.5) * step for col in steps]
            # one position per character other than spaces, or none at all
            fits = len(centres) == sum(1 for ch in text if not ch.isspace())
            kept = step_candidates(probs, self._alphabet, step) if candidates and step else None
            readings.append(Reading(text, float(score), centres if fits else None, kept))
        return readings



class _KeptOutputs:
    """The recogniser's model session, keeping each batch's per-step character probabilities."""

    def __init__(self, session: Any, copy: bool) -> None:
        self._session = session
        # OpenVINO's output is a view of its request's buffer, reallocated by the next batch: kept as a
        # copy. ONNX Runtime's is an array of its own (copying it took a tenth of a CJK page's CPU).
        self._copy = copy
        self.batches: list[np.ndarray] = []

    def __call__(self, batch: np.ndarray) -> np.ndarray:
        output = self._session(batch)
        self.batches.append(np.array(output, copy=True) if self._copy else output)
        return output

    def __getattr__(self, name: str) -> Any:
        return getattr(self._session, name)
