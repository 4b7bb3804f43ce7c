"""The engine's answers kept on disk by what it was asked (the page or crops' pixels), so a benchmark
run again after a layout or postprocess change reads only the lines whose crops changed. For
benchmarks only: the answers are the real models', replayed exactly when the same pixels come back.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
from pathlib import Path
from typing import Any

import numpy as np

from broadsheet.ocr import OcrEngine

MEMO_DIR = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "broadsheet-bench" / "ocr-memo"
ASKED = ("detect", "detect_small_type", "read", "recognize")
# Asked again under a new key when what an answer holds changes, by method and, where one role alone
# changed, by role (`recognizer` is PP-OCR in `auto`): 2, readings keep their step candidates (for
# the CJK language model); 3, PP-OCR reads more of its `·` between ideographs as the stop it saw
# (wave 18; Tesseract's answers stay good); 4, PP-OCR reads a line's final `。` as the comma it saw (wave 21).
ANSWER_VERSION = {"read": 2, "recognizer/read": 4, "recognizer/recognize": 4}


class Memo:
    """Answers by (engine role, method, pixels); `save` adds them to the file (temp file, then rename)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.answers: dict[str, Any] = pickle.loads(path.read_bytes()) if path.exists() else {}
        self.added = 0

    def save(self) -> None:
        if not self.added:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.path.exists():  # another run may have added answers since this one loaded
            self.answers = pickle.loads(self.path.read_bytes()) | self.answers
        temp = self.path.with_suffix(f".{os.getpid()}.part")
        temp.write_bytes(pickle.dumps(self.answers))
        temp.replace(self.path)
        self.added = 0


class _Memoized:
    """One role of an engine (detector or recogniser) answering from the memo when it can."""

    def __init__(self, real: Any, role: str, memo: Memo) -> None:
        self._real, self._role, self._memo = real, role, memo

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._real, name)  # an AttributeError here keeps `hasattr(role, "read")` honest
        if name not in ASKED:
            return attr

        def answer(arg: np.ndarray | list[np.ndarray], candidates: bool = False, latin: bool = False) -> Any:
            arrays = [arg] if isinstance(arg, np.ndarray) else arg
            asked = ANSWER_VERSION.get(f"{self._role.rsplit('/', 1)[-1]}/{name}", ANSWER_VERSION.get(name))
            version = f":{asked}" if asked else ""
            # a Latin page's lines (`LatinReading`) are read with their marks: answers of their own
            digest = hashlib.sha1(f"{self._role}:{name}{version}{':latin' if latin else ''}".encode())
            for a in arrays:
                digest.update(repr(a.shape).encode())
                digest.update(np.ascontiguousarray(a).tobytes())
            key = digest.hexdigest()
            if key not in self._memo.answers:
                # a recogniser reads with its step candidates only when asked (the language model
                # asks, on enlarged CJK pages); the memo always asks and hands them only to a caller
                # that did, so one answer serves both, and the answers recorded so far stay good
                options = {"latin": True} if latin else {}
                self._memo.answers[key] = attr(arg, candidates=True, **options) if name == "read" else attr(arg)
                self._memo.added += 1
            if name == "read" and not candidates:
                return [dataclasses.replace(r, candidates=None) for r in self._memo.answers[key]]
            return self._memo.answers[key]

        return answer


def memoized(engine: OcrEngine, memo: Memo) -> OcrEngine:
    """`engine` with every role (and auto's Tesseract languages) answering through `memo`."""
    changes: dict[str, Any] = {"detector": _Memoized(engine.detector, f"{engine.name}/detector", memo),
                               "recognizer": _Memoized(engine.recognizer, f"{engine.name}/recognizer", memo)}
    if isinstance(getattr(engine, "latin", None), dict):
        changes["latin"] = {lang: _Memoized(r, f"{engine.name}/{lang}", memo) for lang, r in engine.latin.items()}
    return dataclasses.replace(engine, **changes)
