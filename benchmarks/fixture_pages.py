"""The pages a benchmark runs on: fixture pages by name (`sample_b`), or any image by path."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"
IMAGE_SUFFIXES = (".jpg", ".png")


def page_paths(names: list[str]) -> list[Path]:
    """Every fixture page when `names` is empty."""
    if not names:
        return sorted(p for p in FIXTURES.iterdir() if p.suffix in IMAGE_SUFFIXES)
    return [Path(name) if Path(name).is_file() else fixture(name) for name in names]


def fixture(name: str) -> Path:
    found = [p for p in FIXTURES.iterdir() if p.stem == name and p.suffix in IMAGE_SUFFIXES]
    if not found:
        known = ", ".join(sorted(p.stem for p in FIXTURES.iterdir() if p.suffix in IMAGE_SUFFIXES))
        raise SystemExit(f"{name}: neither an image file nor a fixture page ({known})")
    return found[0]
