"""Reading page images safely and writing outputs atomically."""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
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

TEMP_SUFFIX = ".part"
TEMP_TOKEN_BYTES = 4  # the random part of a temp name: 8 hex digits
# `.NAME.xxxxxxxx.part`, and nothing else: a user's own `.notes.part` in OUT is not ours to delete
TEMP_NAME = re.compile(rf"\..*\.[0-9a-f]{{{2 * TEMP_TOKEN_BYTES}}}{re.escape(TEMP_SUFFIX)}", re.DOTALL)


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


def is_inside(root: Path, path: Path) -> bool:
    """Whether `path` resolves inside `root`, symlinks included."""
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(root))


def create_temp_beside(path: Path) -> tuple[int, Path]:
    """A new, empty `.NAME.xxxxxxxx.part` beside `path`, open for writing.

    NAME is shortened as needed, so the temp name fits wherever `path`'s own name fits. Created
    with mode 0666 like any new file: the umask (and default ACLs) decide its permissions.
    """
    name_max = _name_max(path.parent)
    while True:
        token = secrets.token_hex(TEMP_TOKEN_BYTES)
        room = name_max - len(f"..{token}{TEMP_SUFFIX}")
        short = path.name
        while short and len(os.fsencode(short)) > room:
            short = short[:-1]
        temp = path.with_name(f".{short}.{token}{TEMP_SUFFIX}")
        try:
            return os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666), temp
        except FileExistsError:
            continue


def is_temp_name(name: str) -> bool:
    """Whether `name` is one `create_temp_beside` makes."""
    return TEMP_NAME.fullmatch(name) is not None


def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):
        return 255


@contextmanager
def atomic_write(path: str | os.PathLike, mode: str = "w") -> Iterator[IO]:
    """Write to a temp file beside `path` and rename it into place only if the block succeeds.

    Text is UTF-8; the undecodable bytes of a file name (lone surrogates) are written as `\\udcXX`,
    which is JSON's own escape for them."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = create_temp_beside(path)
    try:
        text = "b" not in mode
        with os.fdopen(fd, mode, encoding="utf-8" if text else None,
                       errors="backslashreplace" if text else None) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def save_image_atomic(img: Image.Image, path: str | os.PathLike, **params) -> None:
    fmt = Image.registered_extensions().get(Path(path).suffix.lower())
    with atomic_write(path, "wb") as handle:
        img.save(handle, format=fmt, **params)
