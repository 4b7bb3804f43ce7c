"""Parsing XML that comes from anywhere (ground truth, files users hand us).

No network, no external or internal entity expansion, libxml2's size and depth limits kept: an
entity bomb or an over-deep tree is a syntax error, never a hang or a read of another file.
"""

from __future__ import annotations

import os
from pathlib import Path

from lxml import etree

from broadsheet.errors import InputFileError


def safe_parser() -> etree.XMLParser:
    return etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False, huge_tree=False)


def parse_root(path: str | os.PathLike, namespace: str, root_name: str, kind: str) -> etree._Element:
    """The root element, when it is `root_name` in `namespace`; else one line naming what it is."""
    # from bytes: bad bytes for the declared encoding are then a syntax error like any other
    root = etree.fromstring(Path(path).read_bytes(), safe_parser())
    name = etree.QName(root)
    if name.localname == root_name and name.namespace != namespace:
        raise InputFileError(f"{path}: {kind} in namespace {name.namespace!r}; broadsheet reads {namespace!r}")
    if name.localname != root_name:
        raise InputFileError(f"{path}: not {kind} (its root element is {name.localname!r}, not {root_name!r})")
    return root
