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
from PIL import Image, ImageOps, TiffImagePlugin, UnidentifiedImageError

from broadsheet.errors import BroadsheetError, FileAccessError, InputFileError
from broadsheet.names import fit, name_max

# A broadsheet at 600 dpi is ~10000 x 14000; past this we refuse rather than run out of memory.
MAX_PIXELS = 200_000_000
# px, each side: one line of small type with its margins; a thinner strip (1xN, 65536x8) is refused
MIN_SIDE = 32
# Pillow's own guard (89.5 Mpx by default) would refuse such a page first: ours is the one bound.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

TEMP_SUFFIX = ".part"
# Pillow's modes with more than 8 bits a sample (both byte orders of 16 bits, 32-bit int, float)
DEEP_MODES = frozenset({"I;16", "I;16B", "I;16L", "I;16N", "I", "F"})
# libjpeg refuses a side longer than this: a long strip of a page is shrunk to fit in a JPEG
JPEG_MAX_SIDE = 65500
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
        layout = tiff_layout(path)
        if layout:
            raise InputFileError(f"{path}: TIFF with {layout}, which Pillow cannot read") from exc
        raise InputFileError(f"{path}: not an image file Pillow can read") from exc
    except PermissionError as exc:
        raise FileAccessError(f"{path}: permission denied") from exc
    except BroadsheetError:
        raise
    except Exception as exc:
        # Pillow's decoders report corrupt data as OSError, EOFError, ValueError, TypeError, ...
        raise InputFileError(f"{path}: damaged image ({' '.join(str(exc).split())})") from exc


TIFF_SAMPLE_FORMATS = {1: "unsigned", 2: "signed", 3: "float"}
TIFF_HEADER_SIZES = {b"II*\0": 8, b"MM\0*": 8, b"II+\0": 16, b"MM\0+": 16}  # classic, BigTIFF


def tiff_layout(path: Path) -> str | None:
    """The pixel layout of a TIFF that Pillow has no mode for (float colour, 64-bit grey), e.g.
    "32-bit float samples, 3 per pixel": it tells the user what to convert the file to. None for
    any other file, a damaged TIFF included."""
    try:
        with open(path, "rb") as handle, warnings.catch_warnings():
            warnings.simplefilter("ignore")  # about damaged tags: the page's one line says enough
            try:
                TiffImagePlugin.TiffImageFile(handle).close()
                return None
            except SyntaxError as exc:
                if str(exc) != "unknown pixel mode":  # Pillow's words for a layout it has no mode for
                    return None
            handle.seek(0)
            header = handle.read(16)
            tags = TiffImagePlugin.ImageFileDirectory_v2(header[:TIFF_HEADER_SIZES[header[:4]]])
            handle.seek(tags.next)
            tags.load(handle)
        bits = tags.get(TiffImagePlugin.BITSPERSAMPLE, (1,))[0]
        kind = TIFF_SAMPLE_FORMATS.get(tags.get(TiffImagePlugin.SAMPLEFORMAT, (1,))[0], "unknown")
        return f"{bits}-bit {kind} samples, {tags.get(TiffImagePlugin.SAMPLESPERPIXEL, 1)} per pixel"
    except Exception:  # not a TIFF, or too damaged to say
        return None


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
        raise InputFileError(f"{source}: image too small ({width}x{height} pixels; a page needs at least {MIN_SIDE} "
                             f"on each side)")


def to_rgb_array(img: Image.Image) -> np.ndarray:
    if img.mode in DEEP_MODES:
        img = to_8_bits(img)
    if img.has_transparency_data:
        # transparent pixels are often black underneath: the page is what shows on white paper
        img = Image.alpha_composite(Image.new("RGBA", img.size, "white"), img.convert("RGBA"))
    return np.asarray(img.convert("RGB"))


def to_8_bits(img: Image.Image) -> Image.Image:
    """A 16-bit, 32-bit or float grey image as 8-bit grey, its range stretched to black..white.

    Such files come with any range: 12 bits in 16 (scanners), 0..1 floats, 8-bit values in 32-bit
    integers; a fixed divisor would turn most of them black or white. Pixels that are no number
    (NaN, infinity) or transparent show paper, as does an image of one value throughout."""
    values = np.asarray(img)
    paper = ~np.isfinite(values) if values.dtype.kind == "f" else None
    transparent = img.info.get("transparency")
    if isinstance(transparent, int):
        paper = values == transparent if paper is None else paper | (values == transparent)
    shown = values if paper is None else values[~paper]
    low, high = (float(shown.min()), float(shown.max())) if shown.size else (0.0, 0.0)
    if low == high:
        return Image.new("L", img.size, 255)
    if values.dtype.itemsize == 2:
        # a table of all 65536 values costs less than the page in floats
        grey = _stretch(np.arange(65536), low, high)[values]
    else:
        grey = _stretch(values, low, high)
    if paper is not None:
        grey[paper] = 255
    return Image.fromarray(grey)


def _stretch(values: np.ndarray, low: float, high: float) -> np.ndarray:
    scaled = values.astype(np.float32)
    scaled -= low
    scaled *= 255 / (high - low)
    return np.clip(np.rint(scaled), 0, 255).astype(np.uint8)


def is_inside(root: Path, path: Path) -> bool:
    """Whether `path` resolves inside `root`, symlinks included."""
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(root))


def create_temp_beside(path: Path) -> tuple[int, Path]:
    """A new, empty `.NAME.xxxxxxxx.part` beside `path`, open for writing.

    NAME is shortened as needed, so the temp name fits wherever `path`'s own name fits. Created
    with mode 0666 like any new file: the umask (and default ACLs) decide its permissions.
    """
    longest = name_max(path.parent)
    while True:
        token = secrets.token_hex(TEMP_TOKEN_BYTES)
        short = fit(path.name, longest - len(f"..{token}{TEMP_SUFFIX}"))
        temp = path.with_name(f".{short}.{token}{TEMP_SUFFIX}")
        try:
            return os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666), temp
        except FileExistsError:
            continue


def is_temp_name(name: str) -> bool:
    """Whether `name` is one `create_temp_beside` makes."""
    return TEMP_NAME.fullmatch(name) is not None


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


def jpeg_scale(width: int, height: int) -> float:
    """The factor (1 or less) that fits a width x height image in a JPEG."""
    return min(1.0, JPEG_MAX_SIDE / max(width, height))


def shrunk(img: Image.Image, s: float) -> Image.Image:
    """The image scaled by `s` where that shrinks it; each side keeps at least one pixel."""
    if s >= 1.0:
        return img
    return img.resize((max(1, round(img.width * s)), max(1, round(img.height * s))), Image.LANCZOS)


def fit_jpeg(img: Image.Image) -> Image.Image:
    """The image, shrunk if it would not fit in a JPEG."""
    return shrunk(img, jpeg_scale(img.width, img.height))


def save_image_atomic(img: Image.Image, path: str | os.PathLike, **params) -> None:
    fmt = Image.registered_extensions().get(Path(path).suffix.lower())
    with atomic_write(path, "wb") as handle:
        img.save(handle, format=fmt, **params)
