"""NAME.md: headings per titled article, an image link per photo, reading order kept."""

from __future__ import annotations

import html
import re

import pytest
from export_helpers import fixture_names, page_and_image, pages_under_test

from broadsheet.export import markdown
from broadsheet.model import Article, Page, Photo


@pytest.mark.parametrize("key", pages_under_test())
def test_markdown_articles_and_photos(key, tmp_path):
    page, image = page_and_image(key)
    for photo in page.photos:
        photo.image = f"{key}/photos/{photo.id}.jpg"
    path = markdown.write(page, image, tmp_path, key)[0]
    assert path.name == f"{key}.md"
    md = path.read_text(encoding="utf-8")
    lines = md.splitlines()
    for article in page.articles:
        if article.title:
            assert f"## {article.title}" in lines
        if article.subtitle:
            assert f"*{article.subtitle}*" in lines
        for paragraph in article.paragraphs:
            assert markdown.escape(paragraph) in lines
    for photo in page.photos:
        image_lines = [line for line in lines if line.startswith("![") and line.endswith(f"]({photo.image})")]
        assert len(image_lines) == 1, photo.id
        at = lines.index(image_lines[0])
        if photo.credit:
            assert markdown.escape(photo.credit) in lines[at:]
    assert md.count("![") == len(page.photos)
    assert "\n\n\n" not in md  # exactly one blank line between blocks

    # items appear in reading order
    def position(item_id):
        if any(a.id == item_id for a in page.articles):
            article = page.article(item_id)
            return lines.index(f"## {article.title}") if article.title else None
        return next(i for i, line in enumerate(lines) if line.endswith(f"({page.photo(item_id).image})"))

    positions = [p for p in (position(i) for i in page.reading_order) if p is not None]
    assert positions == sorted(positions)


@pytest.mark.parametrize("key", [k for k in ("page_h", "page_i") if k in fixture_names()])
def test_markdown_body_as_printed(key):
    """Own-line bylines and subheads in bold where they stand, continuation notices in italics
    before the first and after the last paragraph, a caption's title in bold under its photo."""
    page, _ = page_and_image(key)
    blocks = markdown.page_markdown(page, key).rstrip("\n").split("\n\n")
    checked = 0
    for article in page.articles:
        paragraphs = [markdown.escape(p) for p in article.paragraphs]
        for subhead in article.subheads:
            at = blocks.index(f"**{markdown.escape(subhead.text)}**")
            assert blocks[at + 1] == paragraphs[subhead.before]
            checked += 1
        if article.byline_apart:
            at = blocks.index(f"**{markdown.escape(article.byline)}**")
            assert blocks[at - 1] == f"*{markdown.escape(article.subtitle)}*" and blocks[at + 1] == paragraphs[0]
            checked += 1
        if article.continued_from:
            assert blocks[blocks.index(f"*{markdown.escape(article.continued_from)}*") + 1] == paragraphs[0]
            checked += 1
        if article.continued_to:
            assert blocks[blocks.index(f"*{markdown.escape(article.continued_to)}*") - 1] == paragraphs[-1]
            checked += 1
    for photo in page.photos:
        if photo.caption_title:
            at = blocks.index(f"**{markdown.escape(photo.caption_title)}**")
            assert blocks[at - 1].startswith("![") and blocks[at + 1] == markdown.escape(photo.caption[0])
            checked += 1
    assert checked >= 3


def test_markdown_escapes_markup():
    assert markdown.escape("# not a heading *x* [y]") == r"\# not a heading \*x\* \[y\]"
    assert markdown.escape("1. item") == r"1\. item"


def test_captions_and_file_names_cannot_inject_markup():
    """A caption with <script> went raw into the alt text; a page named `javascript:...` became a link
    that a Markdown renderer turns into a javascript: URL."""
    from markdown_it import MarkdownIt

    caption = "<script>alert(1)</script> [x](javascript:alert(2)) & co"
    name = "javascript:alert(1)"
    page = Page(300, 200, photos=[Photo("p1", (0, 0, 10, 10), caption=[caption], credit="记者 <b>张三</b> 摄",
                                        image=f"{name}/photos/p1.jpg")], reading_order=["p1"])
    text = markdown.page_markdown(page, name)
    renderer = MarkdownIt("commonmark", {"html": True})  # raw HTML allowed, as many renderers do
    renderer.validateLink = lambda url: True  # and no link filter of its own
    rendered = renderer.render(text)
    assert "<script" not in rendered and "<b>" not in rendered
    assert re.findall(r'(?:src|href)="([^"]*)"', rendered) == ["javascript%3Aalert%281%29/photos/p1.jpg"]
    (alt,) = re.findall(r'alt="([^"]*)"', rendered)
    assert html.unescape(alt) == caption  # the alt text is the caption, as text


def test_strikethrough_and_bare_urls_render_as_the_text_they_are():
    """Rendered as GitHub does (cmark-gfm), `~~strike~~` was struck through and a bare URL a link."""
    import cmarkgfm
    from cmarkgfm.cmark import Options

    read = "~~strike~~ http://evil.example, HTTPS://x.y/z?q=1 见www.evil.cn ~one~ 3~5 ftp://f.example"
    page = Page(300, 200, articles=[Article("a1", (0, 0, 10, 10), title=read, paragraphs=[read])],
                photos=[Photo("p1", (0, 0, 10, 10), caption=[read, read], credit=read)],
                reading_order=["a1", "p1"])
    rendered = cmarkgfm.github_flavored_markdown_to_html(markdown.page_markdown(page, "x"),
                                                         options=Options.CMARK_OPT_UNSAFE)
    assert "<del>" not in rendered and "<a " not in rendered
    shown = [html.unescape(t) for t in re.findall(r">([^<]+)<", rendered) if t.strip()]
    assert shown == [read] * 5  # title, paragraph, two caption paragraphs, credit
    assert re.findall(r'alt="([^"]*)"', rendered) == [html.escape(read, quote=True)]  # as text


def test_link_keeps_readable_names_and_encodes_the_rest():
    page = Page(300, 200, photos=[Photo("p1", (0, 0, 10, 10), image="第一 版(2)/photos/p1.jpg")], reading_order=["p1"])
    assert markdown.page_markdown(page, "第一 版(2)").splitlines()[0] == "![p1](第一%20版%282%29/photos/p1.jpg)"
