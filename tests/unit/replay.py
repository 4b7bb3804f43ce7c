"""The OCR engine's answers for the fixture pages, recorded once from the real models and replayed,
so that layout and postprocess run in the unit layer without loading a model.

A call is recognised by what it is asked (the image's shape for detection, the crops' shapes for
recognition): when layout or normalisation change what they ask, the replay says the recording is
stale. Re-record (about a minute) with

    python tests/unit/replay.py            # every fixture page
    python tests/unit/replay.py page_c     # some
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from broadsheet.model import BBox, EngineInfo, Page
from broadsheet.ocr import OcrEngine, get_engine
from broadsheet.ocr.reading import Reading

RECORDED = Path(__file__).resolve().parent / "recorded"
FIXTURE_PAGES = Path(__file__).resolve().parents[2] / "fixtures" / "pages"


class StaleRecording(AssertionError):
    pass


def _key(shapes: list[tuple[int, ...]]) -> str:
    return ";".join("x".join(map(str, shape[:2])) for shape in shapes)


@dataclass
class Recording:
    engines: list[EngineInfo]
    detections: dict[str, list[BBox]] = field(default_factory=dict)
    readings: dict[str, list[Reading]] = field(default_factory=dict)

    def save(self, path: Path) -> None:
        data = {"engines": [vars(e) for e in self.engines], "detections": self.detections,
                "readings": {k: [[r.text, r.confidence, r.centres] for r in v] for k, v in self.readings.items()}}
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Recording:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls([EngineInfo(**e) for e in data["engines"]],
                   {k: [tuple(b) for b in v] for k, v in data["detections"].items()},
                   {k: [Reading(*r) for r in v] for k, v in data["readings"].items()})


class _RecordingDetector:
    def __init__(self, real, recording: Recording) -> None:
        self.real, self.recording, self.info = real, recording, real.info

    def detect(self, image: np.ndarray) -> list[BBox]:
        boxes = self.real.detect(image)
        self.recording.detections[_key([image.shape])] = boxes
        return boxes


class _RecordingRecognizer:
    def __init__(self, real: OcrEngine, recording: Recording) -> None:
        self.real, self.recording, self.info = real, recording, real.recognizer.info

    def recognize(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        results = self.real.recognize(crops)
        self.recording.readings[_key([c.shape for c in crops])] = [Reading(t, c) for t, c in results]
        return results

    def read(self, crops: list[np.ndarray]) -> list[Reading]:
        readings = self.real.read(crops)
        self.recording.readings[_key([c.shape for c in crops])] = readings
        return readings


class _ReplayDetector:
    def __init__(self, recording: Recording, name: str) -> None:
        self.recording, self.name = recording, name
        self.info = next(e for e in recording.engines if e.role == "detection")

    def detect(self, image: np.ndarray) -> list[BBox]:
        key = _key([image.shape])
        if key not in self.recording.detections:
            raise StaleRecording(f"{self.name}: no detection recorded for an image of {key}; "
                                 "re-record with python tests/unit/replay.py")
        return list(self.recording.detections[key])


class _ReplayRecognizer:
    def __init__(self, recording: Recording, name: str) -> None:
        self.recording, self.name = recording, name
        self.info = next(e for e in recording.engines if e.role == "recognition")

    def read(self, crops: list[np.ndarray]) -> list[Reading]:
        key = _key([c.shape for c in crops])
        if key not in self.recording.readings:
            raise StaleRecording(f"{self.name}: no reading recorded for these {len(crops)} line crops; "
                                 "re-record with python tests/unit/replay.py")
        return list(self.recording.readings[key])

    def recognize(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        return [(r.text, r.confidence) for r in self.read(crops)]


def recording_engine(real: OcrEngine) -> tuple[OcrEngine, Recording]:
    recording = Recording(real.info())
    return OcrEngine(real.name, _RecordingDetector(real.detector, recording),
                     _RecordingRecognizer(real, recording)), recording


def replay_engine(name: str) -> OcrEngine:
    """An engine that answers as the real one did on fixture page `name`."""
    recording = Recording.load(RECORDED / f"{name}.json")
    return OcrEngine("replay", _ReplayDetector(recording, name), _ReplayRecognizer(recording, name))


def record(names: list[str]) -> None:
    from broadsheet.pipeline import Pipeline

    real = get_engine()
    for name in names:
        engine, recording = recording_engine(real)
        Pipeline(engine=engine).process(fixture_image(name))
        recording.save(RECORDED / f"{name}.json")
        print(name, len(recording.detections), "detections", len(recording.readings), "recognitions")


def fixture_image(name: str) -> Path:
    return next(p for p in FIXTURE_PAGES.glob(f"{name}.*") if p.suffix in (".jpg", ".png"))


def gold(name: str) -> Page:
    """The fixture page's ground truth."""
    return Page.from_dict(json.loads((FIXTURE_PAGES / f"{name}.json").read_text(encoding="utf-8")))


def recorded_pages() -> list[str]:
    return sorted(path.name.removesuffix(".json") for path in RECORDED.glob("*.json"))


if __name__ == "__main__":
    pages = sorted(p.stem for p in FIXTURE_PAGES.iterdir() if p.suffix in (".jpg", ".png"))
    record(sys.argv[1:] or pages)
