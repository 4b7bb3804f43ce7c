"""Writing an lxml tree atomically: shared by the ALTO, PAGE-XML and hOCR writers."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from broadsheet.imageio import atomic_write


def write_xml(root: etree._Element, path: Path, doctype: str | None = None) -> list[Path]:
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", doctype=doctype, pretty_print=True)
    with atomic_write(path, "wb") as handle:
        handle.write(data)
    return [path]
