"""The page's script, decided from its own text, and the recogniser's slips into the other Chinese
script put back into it.

PP-OCR's dictionary holds simplified and traditional characters alike, so on a simplified page it
now and then reads 增強 for 增强. OpenCC converts in context (乾隆 keeps its 乾 in simplified), so a
line is converted whole and a character is replaced only where the conversion changed it: what
the page prints in its own script is never touched. A traditional page stays traditional.
"""

from __future__ import annotations

import re
from functools import cache

from broadsheet.charsets import IDEOGRAPH
from broadsheet.errors import MissingDependencyError
from broadsheet.model import LATIN, SIMPLIFIED, TRADITIONAL

_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


@cache
def _converter(config: str):
    try:
        import opencc
    except ImportError as exc:  # pragma: no cover - install problem
        raise MissingDependencyError("opencc is not installed: pip install opencc") from exc
    return opencc.OpenCC(config)


def _changed(text: str, config: str) -> int:
    """Characters the conversion changes: those that belong to the other script only."""
    converted = _converter(config).convert(text)
    if len(converted) != len(text):
        return sum(_converter(config).convert(ch) != ch for ch in text)
    return sum(a != b for a, b in zip(text, converted))


def page_script(texts: list[str]) -> str | None:
    """Hans or Hant for a Chinese page (whichever script more of its characters belong to only),
    Latn for a page with more Latin letters than Han characters, None for a page with neither."""
    text = "".join(texts)
    han, latin = len(IDEOGRAPH.findall(text)), len(_LATIN.findall(text))
    if not han and not latin:
        return None
    if latin > han:
        return LATIN
    return TRADITIONAL if _changed(text, "t2s") > _changed(text, "s2t") else SIMPLIFIED


def in_script(text: str, script: str | None) -> str:
    """The text with every character of the other Chinese script converted into `script`."""
    config = {SIMPLIFIED: "t2s", TRADITIONAL: "s2t"}.get(script or "")
    if config is None or not IDEOGRAPH.search(text):
        return text
    convert = _converter(config).convert
    converted = convert(text)
    if len(converted) == len(text):
        return converted
    # a conversion that changed the length (rare): character by character instead
    return "".join(single if len(single := convert(ch)) == 1 else ch for ch in text)
