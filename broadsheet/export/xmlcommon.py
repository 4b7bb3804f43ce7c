"""What the ALTO, PAGE-XML and hOCR writers share: XML ids and XML-safe text, boxes as text, the
page's language and page number, and writing a tree atomically. The order they lay blocks out in
is `broadsheet.export.order`; the namespaces they share with the readers, `broadsheet.formats.names`."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from broadsheet.charsets import IDEOGRAPH
from broadsheet.formats.names import PAGE_FACTS
from broadsheet.imageio import atomic_write
from broadsheet.model import BBox, Page, RegionType

_NCNAME = re.compile(r"^[A-Za-z_][\w.\-]*$")


def xml_id(value: str) -> str:
    """An XML ID (NCName) for one of our ids: unchanged when already valid."""
    if _NCNAME.match(value):
        return value
    return "id_" + re.sub(r"[^\w.\-]", "_", value)


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value: str) -> str:
    """`value` without characters XML 1.0 cannot hold (control characters from OCR)."""
    return _XML_INVALID.sub("", value)


def xml_safe(page: Page) -> Page:
    """A copy of `page` without characters XML 1.0 cannot hold (control characters from OCR)."""
    def clean(value):
        if isinstance(value, str):
            return xml_text(value)
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        if isinstance(value, list):
            return [clean(v) for v in value]
        return value

    return Page.from_dict(clean(page.to_dict()))




def page_language(page: Page) -> str:
    """The page's language (BCP 47), among those its recogniser reads: Chinese when ideographs are
    at least 30% of its letters (in the page's script where the recogniser reads both), else its
    first other language. A page that does not say what read it (an older JSON) chooses between
    Chinese and English, all PP-OCR's Chinese model reads."""
    readers = [engine.languages for engine in page.engines if engine.role == "recognition" and engine.languages]
    languages = readers[0] if readers else ["zh", "en"]
    chinese = [tag for tag in languages if tag.split("-")[0] == "zh"]
    others = [tag for tag in languages if tag.split("-")[0] != "zh"]
    text = "".join(line.text for region in page.regions for line in region.lines)
    letters = sum(ch.isalpha() for ch in text)
    if chinese and (not others or len(IDEOGRAPH.findall(text)) >= 0.3 * letters):
        if len(chinese) == 1:
            return chinese[0]
        return f"zh-{page.script}" if f"zh-{page.script}" in chinese else "zh"
    return others[0]


def page_facts(page: Page) -> list[tuple[str, str]]:
    return [(key, str(getattr(page, key))) for key in PAGE_FACTS if getattr(page, key) is not None]


def folio_regions(page: Page) -> set[str]:
    """Ids of masthead regions that print just the header's folio: the page number."""
    folio = page.header.folio if page.header else None
    return {r.id for r in page.regions
            if folio and r.type == RegionType.MASTHEAD and r.text.strip() == folio.strip()}


def format_box(bbox: BBox) -> str:
    return " ".join(str(v) for v in bbox)


def write_xml(root: etree._Element, path: Path, doctype: str | None = None) -> list[Path]:
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", doctype=doctype, pretty_print=True)
    with atomic_write(path, "wb") as handle:
        handle.write(data)
    return [path]
