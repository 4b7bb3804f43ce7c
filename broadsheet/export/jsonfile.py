"""NAME.json: the structured page (schema in the README)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from broadsheet.imageio import atomic_write
from broadsheet.inputs import PageOrigin
from broadsheet.model import Page


def write(page: Page, image: np.ndarray, out_dir: Path, name: str,
          origin: PageOrigin | None = None) -> list[Path]:
    path = out_dir / f"{name}.json"
    with atomic_write(path) as handle:
        json.dump(page.to_dict(), handle, ensure_ascii=False, indent=1)
    return [path]
