"""Property-based fuzzing of everything that reads a file a user hands us: page images, PDFs, and
ground truth as JSON, ALTO, PAGE-XML or text. Whatever the bytes, a loader returns its value or
raises one BroadsheetError (a one-line message), never any other exception nor a warning, in
bounded time. Valid images of every mode and shape, from one pixel to long strips, read as what they
are or are refused as too small.

The suite runs a few dozen examples per loader; `python benchmarks/fuzz_loaders.py --examples 5000`
runs these same properties for longer (profile "fuzz", examples from BROADSHEET_FUZZ_EXAMPLES).
"""

from __future__ import annotations

import io
import json
import os
import re
import tempfile
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from unittest import mock

import pytest

hypothesis = pytest.importorskip("hypothesis", reason="the fuzz tests need hypothesis: pip install -e '.[test]'")
import cv2  # noqa: E402
import numpy as np  # noqa: E402
from export_helpers import handmade_page  # noqa: E402
from hypothesis import HealthCheck, event, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from lxml import etree  # noqa: E402
from PIL import Image  # noqa: E402

from broadsheet.errors import BroadsheetError  # noqa: E402
from broadsheet.evaluate import load_page, load_prediction  # noqa: E402
from broadsheet.export import alto, pagexml  # noqa: E402
from broadsheet.imageio import MIN_SIDE  # noqa: E402
from broadsheet.inputs import iter_page_images  # noqa: E402

settings.register_profile("suite", max_examples=25, deadline=timedelta(seconds=5),
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=int(os.environ.get("BROADSHEET_FUZZ_EXAMPLES", "5000")),
                          deadline=timedelta(seconds=10), suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("BROADSHEET_FUZZ_PROFILE", "suite"))

# Decoding stays small: the pixel limit itself is tested on its own (test_inputs).
FUZZ_MAX_PIXELS = 2_000_000
PAGES_READ = 3  # of each document


# --- seeds -----------------------------------------------------------------------------------

def _image_bytes(img: Image.Image, fmt: str, **params) -> bytes:
    buffer = io.BytesIO()
    img.save(buffer, format=fmt, **params)
    return buffer.getvalue()


DEEP_DTYPES = {"I;16": "<u2", "I;16B": ">u2", "I": "<i4", "F": "<f4"}


def _deep(values: np.ndarray, mode: str) -> Image.Image:
    """A 16-bit (either byte order), 32-bit integer or float image of these values."""
    height, width = values.shape
    cast = values if mode == "F" else np.rint(values)
    return Image.frombytes(mode, (width, height), cast.astype(DEEP_DTYPES[mode]).tobytes())


def _image_seeds() -> dict[str, bytes]:
    """Small valid files of every kind and mode we read: the fuzzer mutates these."""
    rgb = Image.new("RGB", (64, 48), "white")
    rgb.paste((0, 0, 0), (8, 20, 56, 28))
    rgba = rgb.convert("RGBA")
    rgba.putalpha(128)
    exif = Image.Exif()
    exif[0x0112] = 6
    palette = rgb.convert("P")
    palette.info["transparency"] = 0
    grey = np.asarray(rgb.convert("L"), dtype=np.float32) / 255
    return {
        "12bit-be.tif": _image_bytes(_deep(grey * 4095, "I;16B"), "TIFF"),
        "16bit.tif": _image_bytes(_deep(grey * 65535, "I;16"), "TIFF"),
        "int32.tif": _image_bytes(_deep(grey * 255, "I"), "TIFF"),
        "float.tif": _image_bytes(_deep(grey, "F"), "TIFF"),
        "float-rgb.tif": cv2.imencode(".tiff", np.dstack([grey] * 3))[1].tobytes(),
        "strip-wide.png": _image_bytes(rgb.resize((20_000, 32)), "PNG"),
        "strip-tall.tif": _image_bytes(rgb.resize((32, 20_000)), "TIFF"),
        "rgb.png": _image_bytes(rgb, "PNG"),
        "rgba.png": _image_bytes(rgba, "PNG"),
        "palette.png": _image_bytes(palette, "PNG"),
        "16bit.png": _image_bytes(rgb.convert("I;16"), "PNG"),
        "exif.jpg": _image_bytes(rgb, "JPEG", exif=exif.tobytes()),
        "cmyk.jpg": _image_bytes(rgb.convert("CMYK"), "JPEG"),
        "pages.tif": _image_bytes(rgb, "TIFF", save_all=True, append_images=[rgb.convert("1")]),
        "animated.gif": _image_bytes(rgb, "GIF", save_all=True, append_images=[rgb.rotate(90)]),
        "page.bmp": _image_bytes(rgb, "BMP"),
        "page.webp": _image_bytes(rgb, "WEBP"),
        "page.jp2": _image_bytes(rgb, "JPEG2000"),
    }


def _pdf_seeds() -> dict[str, bytes]:
    import pypdfium2 as pdfium

    scan = Image.new("L", (64, 48), 255)
    born_digital = pdfium.PdfDocument.new()
    born_digital.new_page(144, 72)
    buffer = io.BytesIO()
    born_digital.save(buffer)
    born_digital.close()
    return {"scan.pdf": _image_bytes(scan, "PDF", save_all=True, append_images=[scan], resolution=20),
            "born-digital.pdf": buffer.getvalue()}


def _xml_seeds() -> dict[str, bytes]:
    page = handmade_page()
    with tempfile.TemporaryDirectory() as folder:
        alto.write(page, None, Path(folder), "seed")
        pagexml.write(page, None, Path(folder), "seed")
        return {f"gold{suffix}": (Path(folder) / f"seed{suffix}").read_bytes() for suffix in (".alto.xml", ".page.xml")}


IMAGE_SEEDS, PDF_SEEDS, XML_SEEDS = _image_seeds(), _pdf_seeds(), _xml_seeds()
PAGE_DICT = handmade_page().to_dict()


# --- strategies ------------------------------------------------------------------------------

# Values that break parsers: sizes and counts at the edges of their fields.
EDGES = [b"\x00\x00\x00\x00", b"\xff\xff\xff\xff", b"\x7f\xff\xff\xff", b"\x80\x00\x00\x00", b"\xff\xfe",
         b"99999999", b"-1", b"0", b"1e308", b"NaN"]


@st.composite
def mutated_bytes(draw: st.DrawFn, seed: bytes) -> bytes:
    """The seed with a few flipped, inserted, deleted or edge-value bytes, or cut short."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        kind = draw(st.sampled_from(["flip", "insert", "delete", "edge", "cut"]))
        if kind == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif kind == "insert":
            data[at:at] = draw(st.binary(max_size=16))
        elif kind == "delete":
            del data[at:at + draw(st.integers(1, 64))]
        elif kind == "edge":
            edge = draw(st.sampled_from(EDGES))
            data[at:at + len(edge)] = edge
        elif kind == "cut":
            del data[at:]
    return bytes(data)


@st.composite
def mutated_numbers(draw: st.DrawFn, seed: bytes) -> bytes:
    """The seed with some of its numbers (PDF counts, sizes, offsets, lengths) replaced."""
    numbers = list(re.finditer(rb"-?\d+(?:\.\d+)?", seed))
    chosen = draw(st.sets(st.integers(0, len(numbers) - 1), max_size=4))
    data = seed
    for index in sorted(chosen, reverse=True):
        match = numbers[index]
        value = draw(st.one_of(st.integers(-(2 ** 40), 2 ** 40), st.sampled_from([0, -1, 10 ** 9, 2 ** 31])))
        data = data[:match.start()] + str(value).encode() + data[match.end():]
    return data


def one_of_seeds(seeds: dict[str, bytes], *mutators: Callable) -> st.SearchStrategy[tuple[str, bytes]]:
    return st.sampled_from(sorted(seeds)).flatmap(
        lambda key: st.tuples(st.just(key), st.one_of(*(m(seeds[key]) for m in mutators))))


# Every mode a page file can hand over, and the formats Pillow writes it in.
MODE_FORMATS = {"I;16": ["PNG", "TIFF"], "I;16B": ["TIFF"], "I": ["TIFF"], "F": ["TIFF"],
                "1": ["PNG", "TIFF", "BMP"], "L": ["PNG", "JPEG", "TIFF", "WEBP", "JPEG2000"], "LA": ["PNG", "TIFF"],
                "P": ["PNG", "GIF", "TIFF"], "RGB": ["PNG", "JPEG", "TIFF", "WEBP", "BMP"],
                "RGBA": ["PNG", "TIFF", "WEBP"], "CMYK": ["JPEG", "TIFF"], "YCbCr": ["TIFF"], "LAB": ["TIFF"]}
SUFFIXES = {"PNG": "png", "TIFF": "tif", "BMP": "bmp", "JPEG": "jpg", "WEBP": "webp", "JPEG2000": "jp2", "GIF": "gif"}
WEBP_MAX_SIDE = 16383
# Each side: from one pixel to a strip far longer than wide, within FUZZ_MAX_PIXELS.
SIDES = st.one_of(st.integers(1, 64), st.integers(64, 20_000))


@st.composite
def valid_images(draw: st.DrawFn) -> tuple[str, bytes, tuple[int, int], bool]:
    """A valid page file of any mode and shape: (name, bytes, (width, height), whether its values
    span more than one level of a deep mode, so the page must come out from black to white)."""
    mode = draw(st.sampled_from(sorted(MODE_FORMATS)))
    fmt = draw(st.sampled_from(MODE_FORMATS[mode]))
    width, height = draw(SIDES), draw(SIDES)
    if width * height > FUZZ_MAX_PIXELS:
        width = FUZZ_MAX_PIXELS // height
    if fmt == "WEBP":  # the format's own limit
        width, height = min(width, WEBP_MAX_SIDE), min(height, WEBP_MAX_SIDE)
    rng = np.random.default_rng(draw(st.integers(0, 2 ** 32 - 1)))
    tile = rng.random((min(height, 8), min(width, 8)))  # tiled, so strips stay quick to encode
    unit = np.tile(tile, (-(-height // tile.shape[0]), -(-width // tile.shape[1])))[:height, :width]
    spans = False
    if mode in DEEP_DTYPES:
        dtype = np.dtype(DEEP_DTYPES[mode])
        top = draw(st.sampled_from([1.0, 255.0, 4095.0, 65535.0, 2.0 ** 31 - 1] if mode in ("I", "F")
                                   else [255.0, 4095.0, 65535.0]))
        values = unit * top
        if mode == "F" and draw(st.booleans()):
            values[rng.random(values.shape) < 0.01] = draw(st.sampled_from([np.nan, np.inf, -np.inf]))
        img = _deep(values, mode)
        stored = np.asarray(img).astype(np.float64)
        spans = np.unique(stored[np.isfinite(stored)]).size > 1 if dtype.kind == "f" else np.unique(stored).size > 1
    else:
        grey = Image.fromarray(np.rint(unit * 255).astype(np.uint8))
        img = grey.convert("RGB").convert(mode) if mode in ("CMYK", "YCbCr", "LAB") else grey.convert(mode)
    return f"page.{SUFFIXES[fmt]}", _image_bytes(img, fmt), (width, height), spans


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12)


def _slots(value: object, slots: list[tuple[object, object]]) -> list[tuple[object, object]]:
    """Every (container, key) inside a JSON value."""
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
    for key, child in items:
        slots.append((value, key))
        _slots(child, slots)
    return slots


@st.composite
def mutated_page_json(draw: st.DrawFn) -> bytes:
    """A valid page document with a few values replaced by any JSON, or deleted."""
    data = json.loads(json.dumps(PAGE_DICT))
    slots = _slots(data, [])
    for _ in range(draw(st.integers(1, 4))):
        container, key = slots[draw(st.integers(0, len(slots) - 1))]
        if draw(st.booleans()) and isinstance(container, dict):
            container.pop(key, None)
        elif key in container if isinstance(container, dict) else key < len(container):
            container[key] = draw(json_values)
    return json.dumps(data, ensure_ascii=draw(st.booleans())).encode()


xml_text = st.one_of(st.integers(-(2 ** 40), 2 ** 40).map(str), st.floats().map(str),
                     st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=10))


@st.composite
def mutated_xml(draw: st.DrawFn, seed: bytes) -> bytes:
    """The seed's tree with elements dropped or duplicated, attributes removed or rewritten."""
    root = etree.fromstring(seed)
    for _ in range(draw(st.integers(1, 6))):
        elements = list(root.iter())
        element = elements[draw(st.integers(0, len(elements) - 1))]
        kind = draw(st.sampled_from(["drop", "copy", "attribute", "unset", "text"]))
        parent = element.getparent()
        if kind == "drop" and parent is not None:
            parent.remove(element)
        elif kind == "copy" and parent is not None:
            parent.append(etree.fromstring(etree.tostring(element)))
        elif kind == "attribute" and element.attrib:
            element.set(draw(st.sampled_from(sorted(element.attrib))), draw(xml_text))
        elif kind == "unset" and element.attrib:
            del element.attrib[draw(st.sampled_from(sorted(element.attrib)))]
        elif kind == "text":
            element.text = draw(xml_text)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


# --- the properties ----------------------------------------------------------------------------

@contextmanager
def file_with(name: str, data: bytes) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        yield path


@contextmanager
def small_pixel_limit() -> Iterator[None]:
    with mock.patch("broadsheet.imageio.MAX_PIXELS", FUZZ_MAX_PIXELS), \
            mock.patch.object(Image, "MAX_IMAGE_PIXELS", FUZZ_MAX_PIXELS):
        yield


def read_pages(path: Path) -> None:
    """Open the file and decode its first pages, as `ocr` and `batch` do."""
    with small_pixel_limit():
        for index, page in enumerate(iter_page_images(path, max_pages=1000)):
            if index == PAGES_READ:
                break
            image = page.load()
            assert image.ndim == 3 and image.shape[2] == 3 and image.dtype.name == "uint8"


def value_or_broadsheet_error(load: Callable[[], object]) -> None:
    """The property itself: any other exception fails the test (and Hypothesis shrinks it), and so
    does a warning, which would reach stderr beside the one line."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            load()
        except BroadsheetError as exc:
            assert "\n" not in str(exc)
            event(f"refused: {str(exc).split(': ', 1)[-1].split(' (')[0][:40]}")  # the reason, without details
        else:
            event("read")
    assert [str(w.message) for w in caught] == []


@given(one_of_seeds(IMAGE_SEEDS, mutated_bytes))
def test_image_bytes(case: tuple[str, bytes]) -> None:
    with file_with(*case) as path:
        value_or_broadsheet_error(lambda: read_pages(path))


@given(valid_images())
def test_valid_images_of_any_depth_and_shape(case: tuple[str, bytes, tuple[int, int], bool]) -> None:
    """Read as the picture it is (its size; a deep page stretched from black to white), or refused
    as too small when a side is under the minimum: never damaged, never an OpenCV or numpy error."""
    name, data, (width, height), spans = case
    with file_with(name, data) as path, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            with small_pixel_limit():
                (page,) = iter_page_images(path)
                image = page.load()
        except BroadsheetError as exc:
            assert min(width, height) < MIN_SIDE and "image too small" in str(exc), str(exc)
            event("refused: too small")
        else:
            assert min(width, height) >= MIN_SIDE
            assert image.shape == (height, width, 3) and image.dtype.name == "uint8"
            if spans:
                assert image.min() == 0 and image.max() == 255
            event(f"read {name}")
    assert [str(w.message) for w in caught] == []


@given(st.binary(max_size=512), st.sampled_from(["a.png", "a.jpg", "a.tif", "a.gif", "a.webp", "a.jp2", "a.bmp"]))
def test_any_bytes_as_an_image(data: bytes, name: str) -> None:
    with file_with(name, data) as path:
        value_or_broadsheet_error(lambda: read_pages(path))


@given(one_of_seeds(PDF_SEEDS, mutated_bytes, mutated_numbers))
def test_pdf_bytes(case: tuple[str, bytes]) -> None:
    with file_with(*case) as path:
        value_or_broadsheet_error(lambda: read_pages(path))


@given(st.one_of(mutated_page_json(), json_values.map(lambda v: json.dumps(v).encode()),
                 mutated_bytes(json.dumps(PAGE_DICT).encode())))
def test_ground_truth_and_prediction_json(data: bytes) -> None:
    with file_with("page.json", data) as path:
        value_or_broadsheet_error(lambda: load_page(path))
        value_or_broadsheet_error(lambda: load_prediction(path))


@given(one_of_seeds(XML_SEEDS, mutated_xml, mutated_bytes))
def test_ground_truth_alto_and_page_xml(case: tuple[str, bytes]) -> None:
    with file_with(*case) as path:
        value_or_broadsheet_error(lambda: load_page(path))


@given(st.one_of(st.binary(max_size=256), st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_ground_truth_text(data: bytes) -> None:
    with file_with("gold.txt", data) as path:
        value_or_broadsheet_error(lambda: load_page(path))
