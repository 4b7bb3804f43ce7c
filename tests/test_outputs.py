"""How outputs are written: inside OUT whatever the name, a page whole or not at all, temp names
that fit wherever the final name fits, permissions from the umask. No OCR here."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from broadsheet.errors import FileAccessError
from broadsheet.export import FORMATS, write_page
from broadsheet.imageio import atomic_write
from broadsheet.inputs import output_stems
from broadsheet.model import Article, Page, Photo


def page_with_a_photo() -> tuple[Page, np.ndarray]:
    image = np.full((200, 300, 3), 255, np.uint8)
    image[110:190, 10:110] = (200, 30, 30)
    page = Page(300, 200, source="x.png",
                articles=[Article("a1", (0, 0, 300, 100), title="标题", paragraphs=["正文。"], photos=["p1"])],
                photos=[Photo("p1", (10, 110, 110, 190), article="a1", caption=["图片说明。"])],
                reading_order=["a1"])
    return page, image


def files_under(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if not p.is_dir()}


# --- inside OUT ------------------------------------------------------------------------------

def test_a_name_that_is_not_a_file_name_takes_the_whole_file_name(tmp_path: Path) -> None:
    """`...jpg` has the stem `..`: its outputs went to OUT/../ and its JSON said ../photos/p1.jpg."""
    assert output_stems(["...jpg", "..jpg", "a.jpg"]) == {"...jpg": "...jpg", "..jpg": "..jpg", "a.jpg": "a"}
    from broadsheet.batch import plan_files  # what `ocr` reads the names it is given with

    Image.new("RGB", (100, 100), "white").save(tmp_path / "...jpg", format="JPEG")
    (task,) = plan_files([tmp_path / "...jpg"], tmp_path / "out").tasks
    assert task.name == "...jpg"


@pytest.mark.parametrize("name", ["..", ".", "", "a/b"])
def test_write_page_refuses_a_name_that_leaves_out(tmp_path: Path, name: str) -> None:
    out = tmp_path / "out"
    page, image = page_with_a_photo()
    with pytest.raises(FileAccessError, match="cannot name output files"):
        write_page(page, image, out, name)
    assert files_under(tmp_path) == set()


def test_write_page_refuses_a_symlink_out_of_out(tmp_path: Path) -> None:
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir(), elsewhere.mkdir()
    (out / "x").symlink_to(elsewhere)  # OUT/x/photos/ would land in elsewhere/
    page, image = page_with_a_photo()
    with pytest.raises(FileAccessError, match="outside"):
        write_page(page, image, out, "x")
    assert list(elsewhere.iterdir()) == [] and [p.name for p in out.iterdir()] == ["x"]


def test_a_page_and_its_photo_links_stay_inside_out(tmp_path: Path) -> None:
    out = tmp_path / "out"
    page, image = page_with_a_photo()
    write_page(page, image, out, "...jpg")
    assert files_under(tmp_path) == {"out/...jpg.txt", "out/...jpg.json", "out/...jpg/photos/p1.jpg"}
    assert page.photos[0].image == "...jpg/photos/p1.jpg"


# --- all or nothing --------------------------------------------------------------------------

@pytest.mark.parametrize("failure", [OSError(errno.ENOSPC, "No space left on device"),
                                     UnicodeEncodeError("utf-8", "\udcff", 0, 1, "surrogates not allowed")])
def test_a_page_cut_short_leaves_nothing_behind(tmp_path: Path, monkeypatch, failure: Exception) -> None:
    """The JSON is written last; when it fails, the .txt and the crops written before it go too."""
    out = tmp_path / "out"
    page, image = page_with_a_photo()
    write_page(page, image, out, "a")  # an earlier, complete run of the page
    assert files_under(out) == {"a.txt", "a.json", "a/photos/p1.jpg"}

    def full_disk(*args):
        raise failure

    monkeypatch.setitem(FORMATS, "json", full_disk)
    with pytest.raises(FileAccessError if isinstance(failure, OSError) else UnicodeError):
        write_page(page, image, out, "a", ("md", "txt", "json"))
    assert files_under(out) == set() and list(out.iterdir()) == []


# --- long names --------------------------------------------------------------------------------

def test_temp_names_fit_wherever_the_final_name_fits(tmp_path: Path) -> None:
    for name in ["版" * 83 + ".txt", "a" * 251 + ".txt"]:  # 253 and 255 bytes: NAME_MAX is 255
        with atomic_write(tmp_path / name) as handle:
            handle.write("x")
        assert (tmp_path / name).read_text() == "x"
    assert sorted(os.listdir(tmp_path)) == sorted(["版" * 83 + ".txt", "a" * 251 + ".txt"])


def test_a_240_byte_name_is_written_and_a_name_too_long_leaves_no_crops(tmp_path: Path) -> None:
    out = tmp_path / "out"
    page, image = page_with_a_photo()
    stem = "a" * 240
    write_page(page, image, out, stem, ("txt", "json", "alto"))
    assert files_under(out) == {f"{stem}.txt", f"{stem}.json", f"{stem}.alto.xml", f"{stem}/photos/p1.jpg"}

    longer = "b" * 245  # fits as NAME.json, not as NAME.overlay.jpg
    with pytest.raises(FileAccessError, match="File name too long"):
        write_page(page, image, out, longer, ("overlay", "txt", "json"))
    assert not [name for name in files_under(out) if name.startswith("b")]


# --- permissions -------------------------------------------------------------------------------

@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)], ids=["022", "002", "077"])
def test_outputs_follow_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    out = tmp_path / "out"
    page, image = page_with_a_photo()
    old = os.umask(umask)
    try:
        write_page(page, image, out, "a", ("txt", "json", "md"))
    finally:
        os.umask(old)
    modes = {name: stat.S_IMODE((out / name).stat().st_mode) for name in files_under(out)}
    assert modes == dict.fromkeys(["a.txt", "a.json", "a.md", "a/photos/p1.jpg"], mode)


# --- images within JPEG's limits ---------------------------------------------------------------

@pytest.mark.parametrize("size", [(40, 70_000), (70_000, 40)])
def test_a_page_longer_than_a_jpeg_can_be_writes_every_format(tmp_path: Path, size) -> None:
    """The overlay, the HTML's page image and a photo crop are JPEGs, at most 65500 px a side: a
    40 x 70000 page failed as `broken data stream`, with libjpeg's own line on stderr."""
    width, height = size
    image = np.full((height, width, 3), 255, np.uint8)
    image[10:-10, 10:-10] = (200, 30, 30)
    photo = (10, 10, width - 10, height - 10)
    page = Page(width, height, source="strip.png", photos=[Photo("p1", photo)], reading_order=["p1"])

    written = write_page(page, image, tmp_path, "strip", tuple(FORMATS))

    assert {p.name for p in written} >= {"strip.overlay.jpg", "strip.html", "p1.jpg"}
    for jpeg in ("strip.overlay.jpg", "strip/photos/p1.jpg"):
        with Image.open(tmp_path / jpeg) as img:
            assert max(img.size) <= 65500
            red, green, _ = img.getpixel((img.width // 2, img.height // 2))
            assert red > green + 50, "the page's red is in it"
    assert not list(tmp_path.rglob("*.part"))
