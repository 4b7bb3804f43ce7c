"""Reading page images safely and writing outputs atomically."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from broadsheet.errors import BroadsheetError, FileAccessError, InputFileError

# A broadsheet at 600 dpi is ~10000 x 14000; past this we refuse rather than run out of memory.
MAX_PIXELS = 200_000_000
MIN_SIDE = 32
# Pillow's own guard (89.5 Mpx by default) would refuse such a page first: ours is the one bound.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS


def stat_input(path: Path) -> os.stat_result:
    """The input's stat, with the ways a path itself can be wrong as one-line errors."""
    try:
        return path.stat()
    except FileNotFoundError as exc:
        raise InputFileError(f"{path}: no such file") from exc
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputFileError(f"{path}: symbolic link loop") from exc
        if isinstance(exc, PermissionError):
            raise FileAccessError(f"{path}: permission denied") from exc
        raise FileAccessError(f"{path}: cannot read ({exc.strerror})") from exc


@contextmanager
def open_image(path: str | os.PathLike) -> Iterator[Image.Image]:
    """Pillow's image, with every way of failing turned into a one-line BroadsheetError."""
    path = Path(path)
    info = stat_input(path)
    if stat.S_ISDIR(info.st_mode):
        raise InputFileError(f"{path}: is a folder, not an image")
    if not stat.S_ISREG(info.st_mode):
        raise InputFileError(f"{path}: not a regular file")
    if info.st_size == 0:
        raise InputFileError(f"{path}: empty file")
    try:
        with warnings.catch_warnings():
            # Pillow warns about damaged metadata on stderr; the page either reads or fails here
            warnings.simplefilter("ignore")
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as img:
                yield img
    except FileNotFoundError as exc:
        raise InputFileError(f"{path}: no such file") from exc
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
        raise InputFileError(f"{path}: image too large (more than {MAX_PIXELS:,} pixels)") from exc
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
        return to_rgb_array(upright(img))


def upright(img: Image.Image) -> Image.Image:
    """The image as viewers show it: a camera's EXIF orientation applied, so crops come out upright."""
    return ImageOps.exif_transpose(img)


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
    if img.has_transparency_data:
        # transparent pixels are often black underneath: the page is what shows on white paper
        img = Image.alpha_composite(Image.new("RGBA", img.size, "white"), img.convert("RGBA"))
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
