"""Pages for the export tests: a hand-built page with every region type, and fixture truth pages."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import numpy as np

from broadsheet.imageio import load_image
from broadsheet.model import Article, Line, Page, Photo, Region, RegionType, TextDirection

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"
GREY = 200


def _lines(texts: list[str], x0: int, y0: int, width: int, height: int = 30, gap: int = 6,
           confidence: float = 0.95) -> list[Line]:
    return [Line(text, (x0, y0 + i * (height + gap), x0 + width, y0 + i * (height + gap) + height),
                 confidence) for i, text in enumerate(texts)]


def handmade_page() -> Page:
    """1200 x 1600 page: masthead, two articles (one with a photo), a photo-news item, separators, a box
    read as nothing."""
    regions = [
        Region("r1", RegionType.MASTHEAD, (40, 20, 1160, 110),
               _lines(["昌吉日报", "2023年3月28日 星期二"], 60, 30, 600, 34)),
        Region("r2", RegionType.SEPARATOR, (40, 120, 1160, 126)),
        Region("r3", RegionType.KICKER, (60, 140, 700, 170), _lines(["强信心 起好步 开新局"], 60, 140, 640),
               article="a1"),
        Region("r4", RegionType.TITLE, (60, 180, 1100, 240),
               _lines(["昌吉高新区10个项目集中开工"], 60, 185, 1040, 50), article="a1"),
        Region("r5", RegionType.SUBTITLE, (60, 250, 900, 285),
               _lines(["吹响项目建设“冲锋号”"], 60, 252, 840), article="a1"),
        Region("r6", RegionType.TEXT, (60, 300, 560, 480),
               _lines(["本报讯 记者刘茜报道:3月24日上", "午,昌吉高新区举行项目集中复工", "开工仪式。",
                       "仪式现场,一台台工程车辆整装待"], 60, 300, 500, 36, 9, 0.9), article="a1"),
        Region("r7", RegionType.TEXT, (600, 300, 1100, 400),
               _lines(["发,现场车笛齐鸣。", "Total investment 2 billion yuan."], 600, 300, 500, 36, 9,
                      0.8), article="a1"),
        Region("r8", RegionType.PHOTO, (600, 410, 1100, 700), article="a1", photo="p1"),
        Region("r9", RegionType.CAPTION, (600, 705, 1100, 770),
               _lines(["开工仪式现场。", "本报记者 刘茜 摄"], 600, 708, 480, 28, 4), article="a1",
               photo="p1"),
        Region("r10", RegionType.SEPARATOR, (40, 790, 1160, 795)),
        Region("r11", RegionType.TITLE, (60, 810, 1100, 860), _lines(["春耕备耕正当时"], 60, 812, 600, 44),
               article="a2"),
        Region("r12", RegionType.TEXT, (60, 870, 560, 1100),
               [Line("竖排文字", (520, 870, 556, 1100), 0.7, TextDirection.VERTICAL_RL),
                *_lines(["田间地头一片繁忙景象。"], 60, 870, 440)], article="a2"),
        Region("r13", RegionType.PHOTO, (60, 1150, 700, 1500), photo="p2"),
        Region("r14", RegionType.CAPTION, (60, 1505, 700, 1560),
               _lines(["雪后的天山。"], 60, 1510, 300, 28), photo="p2"),
        Region("r15", RegionType.OTHER, (800, 1150, 1140, 1300), _lines(["广告 & <特价>"], 810, 1160, 300)),
        Region("r16", RegionType.UNREAD, (800, 1320, 1140, 1356), _lines([""], 800, 1320, 340, 36, confidence=0.0)),
    ]
    articles = [
        Article("a1", (60, 140, 1100, 770), kicker="强信心 起好步 开新局", title="昌吉高新区10个项目集中开工",
                subtitle="吹响项目建设“冲锋号”", byline="记者 刘茜",
                paragraphs=["本报讯 记者刘茜报道:3月24日上午,昌吉高新区举行项目集中复工开工仪式。",
                            "仪式现场,一台台工程车辆整装待发,现场车笛齐鸣。 Total investment 2 billion yuan."],
                photos=["p1"], regions=["r3", "r4", "r5", "r6", "r7", "r8", "r9"]),
        Article("a2", (60, 810, 1100, 1100), title="春耕备耕正当时",
                paragraphs=["竖排文字", "田间地头一片繁忙景象。"], regions=["r11", "r12"]),
    ]
    photos = [
        Photo("p1", (600, 410, 1100, 700), article="a1", caption=["开工仪式现场。"], credit="本报记者 刘茜 摄",
              image="handmade/photos/p1.jpg"),
        Photo("p2", (60, 1150, 700, 1500), caption=["雪后的天山。"], image="handmade/photos/p2.jpg"),
    ]
    return Page(width=1200, height=1600, source="handmade.png", articles=articles, photos=photos,
                regions=regions, reading_order=["a1", "p2", "a2"])


def grey_image(page: Page) -> np.ndarray:
    return np.full((page.height, page.width, 3), GREY, np.uint8)


def fixture_names() -> list[str]:
    """Fixture pages that have both a truth JSON and an image."""
    if not FIXTURES.is_dir():
        return []
    return sorted(p.stem for p in FIXTURES.glob("*.json")
                  if any((FIXTURES / f"{p.stem}{ext}").exists() for ext in (".jpg", ".png")))


@cache
def _fixture_image(name: str) -> np.ndarray:
    image_path = next(FIXTURES / f"{name}{ext}" for ext in (".jpg", ".png")
                      if (FIXTURES / f"{name}{ext}").exists())
    image = load_image(image_path)
    image.flags.writeable = False  # shared between tests
    return image


def load_fixture(name: str) -> tuple[Page, np.ndarray]:
    """A fresh Page (tests may change it) and the page image (read-only, loaded once)."""
    page = Page.from_dict(json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8")))
    return page, _fixture_image(name)


def pages_under_test(all_fixtures: bool = False) -> list[str]:
    """'handmade' plus the first (or every) fixture truth page, once the fixtures exist."""
    names = fixture_names()
    return ["handmade", *(names if all_fixtures else names[:1])]


def page_and_image(key: str) -> tuple[Page, np.ndarray]:
    if key == "handmade":
        page = handmade_page()
        return page, grey_image(page)
    return load_fixture(key)
