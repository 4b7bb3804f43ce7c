"""What a pipeline is asked to do, in one picklable value: the CLI builds it once and every worker of
every executor (local processes, Ray actors, Dask workers) builds its Pipeline from the same one."""

from __future__ import annotations

from dataclasses import dataclass

from broadsheet.export import DEFAULT_FORMATS
from broadsheet.ocr import DEFAULT_ENGINE


@dataclass(frozen=True)
class PipelineOptions:
    # auto, rapidocr[:openvino], tesseract or tesseract:LANG (the language is the engine's)
    engine: str = DEFAULT_ENGINE
    deskew: bool = True
    formats: tuple[str, ...] = DEFAULT_FORMATS
    scale: float | None = None  # a forced working scale; None: from the measured text size
    punctuation: str = "default"  # "default", "fullwidth" or "as-read"
    debug_layout: bool = False  # a picture per layout pass in OUT/NAME.debug/
    language_model: bool = True  # CJK lines of enlarged small type rescored by character bigrams

    def engine_note(self) -> str | None:
        """What a run says once before its pages: that `auto` will read Latin pages with rapidocr
        here, and why."""
        if self.engine != "auto":
            return None
        from broadsheet.ocr.auto import missing_tesseract

        return missing_tesseract()


DEFAULT_OPTIONS = PipelineOptions()
