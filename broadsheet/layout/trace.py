"""What each layout pass decided, kept as typed values: `broadsheet ocr --debug-layout` draws them
(`export/debug_layout.py`), and tests hold a pass to its decisions on a recorded page."""

from __future__ import annotations

from dataclasses import dataclass, field

from broadsheet.layout.lines import LineBox
from broadsheet.layout.rules import Rule
from broadsheet.model import BBox


@dataclass
class LayoutTrace:
    """Every box in working-page pixels."""

    detected: list[BBox] = field(default_factory=list)  # the detector's line boxes, as it gave them
    rules: list[Rule] = field(default_factory=list)  # separator rules (photo frames left out)
    photos: list[BBox] = field(default_factory=list)
    cuts: list[BBox] = field(default_factory=list)  # blanks where a detector box was cut at a gutter
    kept_apart: list[BBox] = field(default_factory=list)  # blanks between pieces not joined: column edges
    lines: list[LineBox] = field(default_factory=list)  # the text lines, cut, tightened and joined
    columns: list[tuple[int, int]] = field(default_factory=list)  # x-extents of the body columns
    segments: list[BBox] = field(default_factory=list)  # runs of body lines down one column
    recovered: list[BBox] = field(default_factory=list)  # rows of ink the detector never boxed, made lines
