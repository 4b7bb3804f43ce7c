"""Reading predictions and ground truth, and pairing the files of two folders by page name.

Ground truth comes from anywhere: whatever a file holds, loading it gives a page whose every
field has its declared type, or one InputFileError line saying why not.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from lxml import etree

from broadsheet.errors import BadArgsError, BroadsheetError, InputFileError
from broadsheet.formats import MALFORMED, read_alto, read_json_page, read_pagexml
from broadsheet.formats.jsonpage import one_line
from broadsheet.model import SCHEMA_NAME, Page


@dataclass
class PlainText:
    """Text-only ground truth: blocks in reading order (the `NAME.txt` export's format)."""

    blocks: list[str] = field(default_factory=list)


Gold = Page | PlainText


def read_plain_text(path: Path) -> PlainText:
    try:
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    except UnicodeDecodeError as exc:
        raise InputFileError(f"{path}: not UTF-8 text (byte {exc.start} is {exc.object[exc.start]:#04x})") from exc
    blocks = [block.strip() for block in text.split("\n\n")]
    return PlainText([block for block in blocks if block])


# Ground-truth readers by file suffix; the longest matching suffix wins.
READERS: dict[str, Callable[[Path], Gold]] = {
    ".json": read_json_page,
    ".txt": read_plain_text,
    ".alto.xml": read_alto,
    ".page.xml": read_pagexml,
}


def reader_suffix(path: Path) -> str | None:
    name = path.name.lower()
    matching = [suffix for suffix in READERS if name.endswith(suffix)]
    return max(matching, key=len, default=None)


def load_page(path: str | Path) -> Gold:
    """Read a ground-truth page with the reader registered for its suffix."""
    path = Path(path)
    suffix = reader_suffix(path)
    if suffix is None:
        raise BadArgsError(f"{path}: unsupported ground-truth format (known: {_known()})")
    _check_file(path)
    return _read(READERS[suffix], path)


def load_prediction(path: str | Path) -> Page:
    path = Path(path)
    _check_file(path)
    return _read(read_json_page, path)


def _read(reader: Callable[[Path], Gold], path: Path) -> Gold:
    try:
        gold = reader(path)
    except BroadsheetError:
        raise
    except RecursionError as exc:
        raise InputFileError(f"{path}: nested too deeply to read") from exc
    except etree.XMLSyntaxError as exc:  # entity bombs and over-deep nesting too: libxml2 refuses them
        raise InputFileError(f"{path}: not well-formed XML ({one_line(exc.msg)})") from exc
    except MALFORMED as exc:
        raise InputFileError(f"{path}: not a page this reader understands ({one_line(exc)})") from exc
    except OSError as exc:
        raise InputFileError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    if (where := first_mistyped(gold, type(gold), "")) is not None:
        raise InputFileError(f"{path}: not a page document ({where or 'the page'} has the wrong type)")
    return gold


def first_mistyped(value: object, hint: object, where: str) -> str | None:
    """Where in `value` (a dataclass tree) a field does not hold its declared type; None if nowhere."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return None if any(first_mistyped(value, a, where) is None for a in args) else where
    if origin is list:
        if not isinstance(value, list):
            return where
        return _first(first_mistyped(v, args[0], f"{where}[{i}]") for i, v in enumerate(value))
    if origin is tuple:
        if not isinstance(value, tuple) or len(value) != len(args):
            return where
        return _first(first_mistyped(v, a, where) for v, a in zip(value, args))
    if origin is dict:
        if not isinstance(value, dict):
            return where
        return _first(first_mistyped(v, a, where) for item in value.items() for v, a in zip(item, args))
    if dataclasses.is_dataclass(hint):
        if not isinstance(value, hint):
            return where
        return _first(first_mistyped(getattr(value, name), field_hint, f"{where}.{name}".lstrip("."))
                      for name, field_hint in _field_hints(hint).items())
    expected = (int, float) if hint is float else hint
    return None if isinstance(value, expected) else where


@cache
def _field_hints(cls: type) -> dict[str, object]:
    return {f.name: typing.get_type_hints(cls)[f.name] for f in dataclasses.fields(cls)}


def _first(found: Iterable[str | None]) -> str | None:
    return next((where for where in found if where is not None), None)


@dataclass
class Pairing:
    pairs: list[tuple[str, Path | None, Path]]  # (page name, prediction or None, gold)
    unpaired_predictions: list[Path]


def pair_paths(pred: str | Path, gold: str | Path) -> Pairing:
    """Pair PRED and GOLD: two files, or two folders matched by page name (file name stem)."""
    pred, gold = Path(pred), Path(gold)
    for path in (pred, gold):
        if not path.exists():
            raise InputFileError(f"{path}: no such file or folder")
    if pred.is_file() and gold.is_file():
        return Pairing([(page_name(pred), pred, gold)], [])
    if not (pred.is_dir() and gold.is_dir()):
        raise BadArgsError("PRED and GOLD must both be files or both be folders")
    predictions = {page_name(p): p for p in sorted(pred.glob("*.json")) if p.is_file() and not _other_document(p)}
    golds = _gold_files(gold)
    pairs = [(name, predictions.get(name), path) for name, path in sorted(golds.items())]
    unpaired = [path for name, path in sorted(predictions.items()) if name not in golds]
    return Pairing(pairs, unpaired)


def page_name(path: Path) -> str:
    """`NAME.alto.xml` -> `NAME`: strip the registered suffix, else the last one."""
    suffix = reader_suffix(path)
    return path.name[: -len(suffix)] if suffix else path.stem


def _gold_files(folder: Path) -> dict[str, Path]:
    """One gold file per page name; the richest format wins (JSON, then XML readers, then text)."""

    def richness(path: Path) -> int:
        suffix = reader_suffix(path)
        return {".json": 0, ".txt": 2}.get(suffix, 1)

    chosen: dict[str, Path] = {}
    candidates = [p for p in sorted(folder.iterdir()) if p.is_file() and reader_suffix(p) and not _other_document(p)]
    for path in sorted(candidates, key=richness):
        chosen.setdefault(page_name(path), path)
    return chosen


# broadsheet's documents name their schema first: {"schema": "broadsheet.issue", …}
_SCHEMA = re.compile(rb'^\s*\{\s*"schema"\s*:\s*"([^"]*)"')
_SCHEMA_HEAD = 200  # bytes read to find it


def _other_document(path: Path) -> bool:
    """A JSON document of broadsheet's that is no page (an issue's ISSUE.json, a fixture issue's
    truth.json): not paired. Anything else stays, and loading it says what is wrong with it."""
    if path.suffix != ".json":
        return False
    try:
        with path.open("rb") as file:
            match = _SCHEMA.match(file.read(_SCHEMA_HEAD))
    except OSError:
        return False
    schema = match.group(1).decode(errors="replace") if match else ""
    return schema.startswith("broadsheet.") and schema != SCHEMA_NAME


def _check_file(path: Path) -> None:
    if not path.is_file():
        raise InputFileError(f"{path}: no such file")


def _known() -> str:
    return ", ".join(sorted(READERS))
