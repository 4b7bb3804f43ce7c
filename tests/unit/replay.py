"""The OCR engine's answers for the fixture pages, recorded once from the real models and replayed,
so that layout and postprocess run in the unit layer without loading a model.

A call is recognised by what it is asked (the image's shape for detection, the crops' shapes for
recognition) and, asked again, by its turn: when layout or normalisation change what they ask, the
replay says the recording is stale. Re-record (about four minutes) with

    python tests/unit/replay.py            # every fixture page
    python tests/unit/replay.py page_c     # some

The `auto` engine's choice on a Latin page rests on what Tesseract's languages read of a sample of
its lines; those answers are recorded apart (`recorded/samples/`, about a minute a page):

    python tests/unit/replay.py --samples page_j page_k
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from broadsheet.model import BBox, EngineInfo, Page
from broadsheet.ocr import LineRecognizer, OcrEngine, get_engine
from broadsheet.ocr.reading import Reading

RECORDED = Path(__file__).resolve().parent / "recorded"
SAMPLES = RECORDED / "samples"
FIXTURE_PAGES = Path(__file__).resolve().parents[2] / "fixtures" / "pages"


class StaleRecording(AssertionError):
    pass


def _key(shapes: list[tuple[int, ...]]) -> str:
    return ";".join("x".join(map(str, shape[:2])) for shape in shapes)


@dataclass
class Recording:
    """The answers to each question, in the order they were asked (the same crops are asked twice
    when orientation reads them upright and turned over)."""

    engines: list[EngineInfo]
    detections: dict[str, list[list[BBox]]] = field(default_factory=dict)
    readings: dict[str, list[list[Reading]]] = field(default_factory=dict)

    def save(self, path: Path) -> None:
        readings = {k: [[[r.text, r.confidence, r.centres] for r in answer] for answer in answers]
                    for k, answers in self.readings.items()}
        data = {"engines": [vars(e) for e in self.engines], "detections": self.detections, "readings": readings}
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Recording:
        data = json.loads(path.read_text(encoding="utf-8"))
        detections = {k: [[tuple(b) for b in boxes] for boxes in answers] for k, answers in data["detections"].items()}
        readings = {k: [[Reading(*r) for r in answer] for answer in answers] for k, answers in data["readings"].items()}
        return cls([EngineInfo(**e) for e in data["engines"]], detections, readings)


class _Recorder:
    def __init__(self, real: OcrEngine, recording: Recording) -> None:
        self.real, self.recording = real, recording

    def detect(self, image: np.ndarray) -> list[BBox]:
        boxes = self.real.detect(image)
        self.recording.detections.setdefault(_key([image.shape]), []).append(boxes)
        return boxes

    def read(self, crops: list[np.ndarray], candidates: bool = False) -> list[Reading]:
        readings = self.real.read(crops)  # recordings keep no step candidates: see `_Replayer.read`
        self.recording.readings.setdefault(_key([c.shape for c in crops]), []).append(readings)
        return readings

    def recognize(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        return [(r.text, r.confidence) for r in self.read(crops)]


class _Replayer:
    def __init__(self, recording: Recording, name: str) -> None:
        self.recording, self.name = recording, name
        self.asked: Counter[str] = Counter()

    def _answer(self, answers: dict[str, list], key: str, what: str) -> list:
        turn = self.asked[key]
        self.asked[key] += 1
        if turn >= len(answers.get(key, [])):
            raise StaleRecording(f"{self.name}: no {what} recorded for this call ({key[:40]}...); "
                                 "re-record with python tests/unit/replay.py")
        return list(answers[key][turn])

    def detect(self, image: np.ndarray) -> list[BBox]:
        return self._answer(self.recording.detections, _key([image.shape]), "detection")

    def read(self, crops: list[np.ndarray], candidates: bool = False) -> list[Reading]:
        """The recorded readings, without step candidates whether asked or not: a language model
        replayed here rescores nothing (its own tests replay recorded steps)."""
        return self._answer(self.recording.readings, _key([c.shape for c in crops]), "reading")

    def recognize(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        return [(r.text, r.confidence) for r in self.read(crops)]


@dataclass
class _Role:
    """One role of an engine whose work another object does."""

    info: EngineInfo
    does: _Recorder | _Replayer

    def detect(self, image: np.ndarray) -> list[BBox]:
        return self.does.detect(image)

    def read(self, crops: list[np.ndarray], candidates: bool = False) -> list[Reading]:
        return self.does.read(crops, candidates)

    def recognize(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        return self.does.recognize(crops)


def recording_engine(real: OcrEngine) -> tuple[OcrEngine, Recording]:
    recording = Recording(real.info())
    recorder = _Recorder(real, recording)
    return OcrEngine(real.name, _Role(real.detector.info, recorder), _Role(real.recognizer.info, recorder)), recording


def replay_engine(name: str) -> OcrEngine:
    """An engine that answers as the real one did on fixture page `name`, call by call."""
    recording = Recording.load(RECORDED / f"{name}.json")
    replayer = _Replayer(recording, name)
    detection, recognition = recording.engines
    return OcrEngine("replay", _Role(detection, replayer), _Role(recognition, replayer))


def record(names: list[str]) -> None:
    from broadsheet.pipeline import Pipeline

    real = get_engine("rapidocr")
    for name in names:
        engine, recording = recording_engine(real)
        Pipeline(engine=engine).process(fixture_image(name))
        recording.save(RECORDED / f"{name}.json")
        print(name, sum(map(len, recording.detections.values())), "detections,",
              sum(map(len, recording.readings.values())), "recognitions")


class _FirstRead:
    """A recogniser that keeps its first answer (auto's sample lines) under its language."""

    def __init__(self, real: LineRecognizer, lang: str, reads: dict[str, list[tuple[str, float]]]) -> None:
        self.real, self.lang, self.reads, self.info = real, lang, reads, real.info
        self.paper_margin = getattr(real, "paper_margin", False)

    def recognize(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        results = self.real.recognize(crops)
        self.reads.setdefault(self.lang, results)
        return results


def record_samples(names: list[str]) -> None:
    from broadsheet.ocr.auto import AutoEngine
    from broadsheet.pipeline import Pipeline

    auto = get_engine("auto")
    SAMPLES.mkdir(exist_ok=True)
    for name in names:
        reads: dict[str, list[tuple[str, float]]] = {}
        latin = {lang: _FirstRead(real, lang, reads) for lang, real in auto.latin.items()}
        Pipeline(engine=AutoEngine("auto", auto.detector, auto.recognizer, latin)).process(fixture_image(name))
        (SAMPLES / f"{name}.json").write_text(json.dumps(reads, ensure_ascii=False, indent=1), encoding="utf-8")
        print(name, {lang: len(results) for lang, results in reads.items()}, "sample lines")


def recorded_samples(name: str) -> dict[str, list[tuple[str, float]]]:
    """What auto's Tesseract languages read of the page's sample lines."""
    data = json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    return {lang: [(text, confidence) for text, confidence in results] for lang, results in data.items()}


def fixture_image(name: str) -> Path:
    return next(p for p in FIXTURE_PAGES.glob(f"{name}.*") if p.suffix in (".jpg", ".png"))


def gold(name: str) -> Page:
    """The fixture page's ground truth."""
    return Page.from_dict(json.loads((FIXTURE_PAGES / f"{name}.json").read_text(encoding="utf-8")))


def recorded_pages() -> list[str]:
    return sorted(path.name.removesuffix(".json") for path in RECORDED.glob("*.json"))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--samples"]:
        record_samples(sys.argv[2:])
    else:
        pages = sorted(p.stem for p in FIXTURE_PAGES.iterdir() if p.suffix in (".jpg", ".png"))
        record(sys.argv[1:] or pages)
