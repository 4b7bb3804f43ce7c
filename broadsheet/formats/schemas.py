"""Validating ALTO, PAGE-XML and METS files offline against the official XSDs in `broadsheet/schemas/`.

`validate_alto` / `validate_page` / `validate_mets` return the error messages, an empty list when
the file is valid.
"""

from __future__ import annotations

import copy
import os
from functools import cache
from pathlib import Path

from lxml import etree

from broadsheet.formats.names import MODS_NS
from broadsheet.formats.safexml import safe_parser

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
XLINK_URL = "http://www.loc.gov/standards/xlink/xlink.xsd"
XSD_NS = "http://www.w3.org/2001/XMLSchema"


def _with_local_xlink(file_name: str) -> etree.XMLSchema:
    """A schema whose xlink import is pointed at the bundled xlink.xsd (no network)."""
    doc = etree.parse(str(SCHEMA_DIR / file_name), safe_parser())
    for node in doc.getroot().iter(f"{{{XSD_NS}}}import"):
        if node.get("schemaLocation") == XLINK_URL:
            node.set("schemaLocation", (SCHEMA_DIR / "xlink.xsd").as_uri())
    return etree.XMLSchema(doc)


@cache
def alto_schema() -> etree.XMLSchema:
    return _with_local_xlink("alto-4-4.xsd")


@cache
def mets_schema() -> etree.XMLSchema:
    return _with_local_xlink("mets-1-12-1.xsd")


@cache
def mods_schema() -> etree.XMLSchema:
    """MODS 3.8 (its imports name the bundled xml.xsd and xlink.xsd beside it). Its
    accessConditionDefinition extends extensionDefinition and adds the IDAttributeGroup its base
    already has; libxml2 refuses the duplicate, so an extension's repeats of its base's attribute
    groups are dropped (the same attributes either way)."""
    doc = etree.parse(str(SCHEMA_DIR / "mods-3-8.xsd"), safe_parser())
    root = doc.getroot()
    groups = {node.get("name"): {ref.get("ref") for ref in node.findall(f"{{{XSD_NS}}}attributeGroup")}
              for node in root.findall(f"{{{XSD_NS}}}complexType")}
    for extension in root.iter(f"{{{XSD_NS}}}extension"):
        inherited = groups.get(extension.get("base"), set())
        for ref in extension.findall(f"{{{XSD_NS}}}attributeGroup"):
            if ref.get("ref") in inherited:
                extension.remove(ref)
    return etree.XMLSchema(doc)


@cache
def page_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA_DIR / "pagecontent-2019-07-15.xsd"), safe_parser()))


def _validate(schema: etree.XMLSchema, path: str | os.PathLike) -> list[str]:
    return _errors(schema, etree.parse(str(path), safe_parser()))


def _errors(schema: etree.XMLSchema, doc) -> list[str]:
    if schema.validate(doc):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


def validate_alto(path: str | os.PathLike) -> list[str]:
    return _validate(alto_schema(), path)


def validate_page(path: str | os.PathLike) -> list[str]:
    return _validate(page_schema(), path)


def validate_mets(path: str | os.PathLike) -> list[str]:
    """METS 1.12.1, and each MODS record in it against MODS 3.8: METS checks what its xmlData
    holds laxly, so a MODS record is only checked where the MODS schema is loaded too."""
    doc = etree.parse(str(path), safe_parser())
    errors = _errors(mets_schema(), doc)
    for record in doc.getroot().iter(f"{{{MODS_NS}}}mods"):
        errors += _errors(mods_schema(), etree.ElementTree(copy.deepcopy(record)))
    return errors
