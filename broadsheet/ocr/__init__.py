"""OCR stage: an engine interface, the default engine (rapidocr), and `read_lines` to fill line texts."""

from broadsheet.ocr.engine import OcrEngine, detect_lines, get_engine, read_lines

__all__ = ["OcrEngine", "detect_lines", "get_engine", "read_lines"]
