"""Engines by name. Every engine, ours included, is registered as an entry point in the group
`broadsheet.engines`, so another package adds one without editing broadsheet:

    [project.entry-points."broadsheet.engines"]
    myocr = "myocr.broadsheet:create_engine"

The entry point is a factory `create_engine(option: str | None, threads: int | None) -> OcrEngine`;
`--engine myocr:OPTION` passes OPTION (a language, a model name...), plain `myocr` passes None.
"""

from __future__ import annotations

from importlib.metadata import EntryPoint, entry_points

from broadsheet.errors import BadArgsError, MissingDependencyError
from broadsheet.ocr.engine import OcrEngine

ENTRY_POINT_GROUP = "broadsheet.engines"
DEFAULT_ENGINE = "auto"  # rapidocr for CJK pages, Tesseract for Latin and Fraktur ones


def registered_engines() -> dict[str, EntryPoint]:
    return {point.name: point for point in entry_points(group=ENTRY_POINT_GROUP)}


def get_engine(name: str = DEFAULT_ENGINE, threads: int | None = None) -> OcrEngine:
    """`name`: a registered engine, optionally with an option after a colon: "auto" (the engine
    the page's script needs), "rapidocr", "tesseract" (Simplified Chinese), "tesseract:eng" or
    any installed Tesseract language.
    `threads`: CPU threads for the models (None: all cores); set it when running several
    pipelines side by side, so they do not fight over the cores."""
    kind, colon, option = name.partition(":")
    engines = registered_engines()
    if kind not in engines:
        known = ", ".join(sorted(engines)) or "none (is broadsheet installed? pip install -e .)"
        raise BadArgsError(f"unknown OCR engine {name!r}; registered: {known}")
    try:
        factory = engines[kind].load()
    except ImportError as exc:
        raise MissingDependencyError(f"OCR engine {kind!r} cannot be loaded: {exc}") from exc
    return factory(option if colon else None, threads)
