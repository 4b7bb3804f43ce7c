"""OCR stage: the roles an engine plays (line detector, line recogniser), engines by name, the
default engine (auto: rapidocr or Tesseract, by the page's script), and `read_lines` to fill line texts."""

from broadsheet.ocr.engine import LineDetector, LineRecognizer, OcrEngine, detect_lines, read_lines
from broadsheet.ocr.registry import DEFAULT_ENGINE, get_engine, registered_engines

__all__ = ["DEFAULT_ENGINE", "LineDetector", "LineRecognizer", "OcrEngine", "detect_lines", "get_engine",
           "read_lines", "registered_engines"]
