"""Validating ALTO and PAGE-XML files offline against the official XSDs in `broadsheet/schemas/`.

`validate_alto` / `validate_page` return the error messages, an empty list when the file is valid.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from lxml import etree

from broadsheet.formats.safexml import safe_parser

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
XLINK_URL = "http://www.loc.gov/standards/xlink/xlink.xsd"
XSD_NS = "http://www.w3.org/2001/XMLSchema"


@cache
def alto_schema() -> etree.XMLSchema:
    """ALTO 4.4 with its xlink import pointed at the bundled xlink.xsd (no network)."""
    doc = etree.parse(str(SCHEMA_DIR / "alto-4-4.xsd"), safe_parser())
    for node in doc.getroot().iter(f"{{{XSD_NS}}}import"):
        if node.get("schemaLocation") == XLINK_URL:
            node.set("schemaLocation", (SCHEMA_DIR / "xlink.xsd").as_uri())
    return etree.XMLSchema(doc)


@cache
def page_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA_DIR / "pagecontent-2019-07-15.xsd"), safe_parser()))


def _validate(schema: etree.XMLSchema, path: str | os.PathLike) -> list[str]:
    doc = etree.parse(str(path), safe_parser())
    if schema.validate(doc):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


def validate_alto(path: str | os.PathLike) -> list[str]:
    return _validate(alto_schema(), path)


def validate_page(path: str | os.PathLike) -> list[str]:
    return _validate(page_schema(), path)
