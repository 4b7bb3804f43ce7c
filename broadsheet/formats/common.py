"""What the ALTO and PAGE-XML readers share: boxes and types from attribute text, page facts, and
articles rebuilt from plain regions when a file (written by another tool) lacks our metadata."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import reduce

from broadsheet.formats.names import PAGE_FACTS
from broadsheet.model import Article, BBox, Region, RegionType, Subhead, union_bbox
from broadsheet.postprocess.paragraphs import join_lines


def box_from_text(text: str) -> BBox:
    x0, y0, x1, y1 = (int(round(float(v))) for v in text.split())
    return (x0, y0, x1, y1)


def region_type(value: str | None, fallback: RegionType) -> RegionType:
    try:
        return RegionType(value)
    except ValueError:
        return fallback


def page_facts(values: dict[str, str]) -> dict[str, float | int]:
    """rotation/skew_angle/text_size/working_scale from our name=value pairs; others are ignored."""
    facts: dict[str, float | int] = {}
    for key in PAGE_FACTS:
        try:
            facts[key] = (int if key == "rotation" else float)(values[key])
        except (KeyError, ValueError):
            continue
    return facts


def joined(texts: Iterable[str]) -> str:
    """Lines (or regions) as one text the way the pipeline joins them: CJK without spaces, Latin
    words with one, a word hyphenated at the line end made whole."""
    return reduce(join_lines, texts, "")


_CUT_WORD = re.compile(r"[^\W\d_][-\u2010\u00ac\u2e17=]$")  # a letter, then a hyphen at the line end
_BODY_TYPES = (RegionType.TEXT, RegionType.SUBHEAD, RegionType.BYLINE, RegionType.CONTINUATION)
_HEADING_TYPES = (RegionType.KICKER, RegionType.TITLE, RegionType.SUBTITLE)


def fallback_article(article_id: str, title: str | None, regions: list[Region]) -> Article:
    """An article from a foreign file: headings by type, one paragraph per text region. A heading
    below the start of the body is a subhead (PAGE has one `heading` type for both)."""
    boxes = [r.bbox for r in regions]
    article = Article(id=article_id, bbox=union_bbox(boxes) if boxes else (0, 0, 0, 0),
                      regions=[r.id for r in regions])
    headings: dict[RegionType, list[str]] = {}
    in_body = False
    for region in regions:
        text = joined(line.text for line in region.lines)
        if not text or region.type not in _BODY_TYPES + _HEADING_TYPES:
            continue
        if region.type in _HEADING_TYPES and not in_body:
            headings.setdefault(region.type, []).append(text)
            continue
        in_body = True
        if region.type == RegionType.TEXT:
            if article.paragraphs and _CUT_WORD.search(article.paragraphs[-1]) and text[:1].islower():
                # a region ending in a hyphenated word goes on in the next column: one paragraph
                article.paragraphs[-1] = join_lines(article.paragraphs[-1], text)
            else:
                article.paragraphs.append(text)
        elif region.type == RegionType.BYLINE:
            article.byline, article.byline_apart = text.lstrip("■□ "), True
        elif region.type == RegionType.CONTINUATION:
            notice = text.strip("()（） ")
            if article.paragraphs:
                article.continued_to = notice
            else:
                article.continued_from = notice
        else:
            article.subheads.append(Subhead(text, len(article.paragraphs)))
    article.kicker, article.title, article.subtitle = (
        joined(headings[kind]) if kind in headings else None for kind in _HEADING_TYPES)
    article.title = article.title or title
    return article
