"""Reading page images safely and writing outputs atomically."""

from __future__ import annotations

import os
import tempfile
import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

import numpy as np
from PIL import Image, UnidentifiedImageError

from broadsheet.errors import BroadsheetError, FileAccessError, InputFileError

# A broadsheet at 600 dpi is ~10000 x 14000; past this we refuse rather than run out of memory.
MAX_PIXELS = 200_000_000
MIN_SIDE = 32


@contextmanager
def open_image(path: str | os.PathLike) -> Iterator[Image.Image]:
    """Pillow's image, with every way of failing turned into a one-line BroadsheetError."""
    path = Path(path)
    try:
        if path.is_dir():
            raise InputFileError(f"{path}: is a folder, not an image")
        if path.stat().st_size == 0:
            raise InputFileError(f"{path}: empty file")
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as img:
                yield img
    except FileNotFoundError as exc:
        raise InputFileError(f"{path}: no such file") from exc
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
        raise InputFileError(f"{path}: image too large ({exc})") from exc
    except UnidentifiedImageError as exc:
        raise InputFileError(f"{path}: not an image file Pillow can read") from exc
    except PermissionError as exc:
        raise FileAccessError(f"{path}: permission denied") from exc
    except BroadsheetError:
        raise
    except Exception as exc:
        # Pillow's decoders report corrupt data as OSError, EOFError, ValueError, TypeError, ...
        raise InputFileError(f"{path}: damaged image ({' '.join(str(exc).split())})") from exc


def load_image(path: str | os.PathLike) -> np.ndarray:
    """Decode a page image to an RGB uint8 array, or raise InputFileError with a one-line reason."""
    with open_image(path) as img:
        check_dimensions(path, img.width, img.height)
        img.load()
        return to_rgb_array(img)


def check_dimensions(source: object, width: int, height: int) -> None:
    if width * height > MAX_PIXELS:
        raise InputFileError(
            f"{source}: image too large ({width}x{height} pixels, limit {MAX_PIXELS:,})"
        )
    if min(width, height) < MIN_SIDE:
        raise InputFileError(f"{source}: image too small ({width}x{height} pixels)")


def to_rgb_array(img: Image.Image) -> np.ndarray:
    if img.mode in ("I;16", "I;16B", "I"):
        img = img.point(lambda v: v / 256).convert("L")
    return np.asarray(img.convert("RGB"))


@contextmanager
def atomic_write(path: str | os.PathLike, mode: str = "w") -> Iterator[IO]:
    """Write to a temp file beside `path` and rename it into place only if the block succeeds."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        encoding = None if "b" in mode else "utf-8"
        with os.fdopen(fd, mode, encoding=encoding) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_image_atomic(img: Image.Image, path: str | os.PathLike, **params) -> None:
    fmt = Image.registered_extensions().get(Path(path).suffix.lower())
    with atomic_write(path, "wb") as handle:
        img.save(handle, format=fmt, **params)
