"""Reading a page document (`NAME.json`, `Page.to_dict()`) from a file that may hold anything."""

from __future__ import annotations

import json
from pathlib import Path

from broadsheet.errors import InputFileError
from broadsheet.model import Page

# What reading a document that is well-formed but not what a reader expects can raise.
MALFORMED = (ValueError, TypeError, AttributeError, KeyError, IndexError, OverflowError)
_JSON_TYPES = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "true or false",
               type(None): "null"}


def read_json_page(path: Path) -> Page:
    try:
        data = json.loads(path.read_bytes())
    except ValueError as exc:  # undecodable bytes too
        raise InputFileError(f"{path}: not JSON ({one_line(exc)})") from exc
    if not isinstance(data, dict):
        raise InputFileError(f"{path}: not a broadsheet page document ({_JSON_TYPES[type(data)]}, "
                             "not a JSON object)")
    try:
        return Page.from_dict(data)
    except MALFORMED as exc:
        raise InputFileError(f"{path}: not a broadsheet page document ({one_line(exc)})") from exc


def one_line(message: object) -> str:
    return " ".join(str(message).split())
