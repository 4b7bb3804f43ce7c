"""Reading predictions and ground truth, and pairing the files of two folders by page name."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from broadsheet.errors import BadArgsError, InputFileError
from broadsheet.export.readers import read_alto, read_pagexml
from broadsheet.model import Page


@dataclass
class PlainText:
    """Text-only ground truth: blocks in reading order (the `NAME.txt` export's format)."""

    blocks: list[str] = field(default_factory=list)


Gold = Page | PlainText


def read_json_page(path: Path) -> Page:
    try:
        return Page.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, KeyError, TypeError) as exc:
        raise InputFileError(f"{path}: not a broadsheet page document ({exc})") from exc


def read_plain_text(path: Path) -> PlainText:
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
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
    return READERS[suffix](path)


def load_prediction(path: str | Path) -> Page:
    path = Path(path)
    _check_file(path)
    return read_json_page(path)


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
    predictions = {page_name(p): p for p in sorted(pred.glob("*.json")) if p.is_file()}
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
    candidates = [p for p in sorted(folder.iterdir()) if p.is_file() and reader_suffix(p)]
    for path in sorted(candidates, key=richness):
        chosen.setdefault(page_name(path), path)
    return chosen


def _check_file(path: Path) -> None:
    if not path.is_file():
        raise InputFileError(f"{path}: no such file")


def _known() -> str:
    return ", ".join(sorted(READERS))
