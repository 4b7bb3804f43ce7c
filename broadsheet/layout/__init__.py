"""Layout stage: deskew, find text lines, rules and photos, and group them into typed regions."""

from broadsheet.layout.structure import PageLayout, analyze

__all__ = ["PageLayout", "analyze"]
