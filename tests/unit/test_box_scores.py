"""Structure scores matched by line boxes (evaluate/boxes.py) on a hand-made page: they hold when
only the text is wrong and fall when the structure is."""

from __future__ import annotations

import copy

import pytest

from broadsheet.evaluate import PlainText, evaluate_page
from broadsheet.evaluate.boxes import _blocks_of_lines
from broadsheet.model import Article, Line, Page, Photo, Region, RegionType

# Two articles side by side, each a title and paragraphs of 20 px lines, and a photo under each with
# its caption. Article a's second paragraph is hyphenated across its lines, as printed.
COLUMNS = {"a": 0, "b": 500}
ARTICLES = {
    "a": ("Harbour works begin", [["The harbour board", "met on Monday."], ["Work starts in the spr-", "ing."]]),
    "b": ("Snow in the hills", [["Roads were", "closed at dawn", "across the pass."]]),
}
PARAGRAPHS = {"a": ["The harbour board met on Monday.", "Work starts in the spring."],
              "b": ["Roads were closed at dawn across the pass."]}
CAPTIONS = {"p1": ("a", "A crane at the quay."), "p2": ("b", "Snow on the pass.")}


def gold() -> Page:
    page = Page(width=1000, height=800)
    for article_id, (title, paragraphs) in ARTICLES.items():
        x = COLUMNS[article_id]
        head = Region(f"{article_id}-title", RegionType.TITLE, (x, 0, x + 400, 30),
                      [Line(title, (x, 0, x + 400, 30), 1.0)], article=article_id)
        lines = [Line(text, (x, 40 + 25 * i, x + 400, 60 + 25 * i), 1.0)
                 for i, text in enumerate(t for p in paragraphs for t in p)]
        body = Region(f"{article_id}-body", RegionType.TEXT, (x, 40, x + 400, 160), lines, article=article_id)
        page.regions += [head, body]
        page.articles.append(Article(article_id, (x, 0, x + 400, 160), title=title,
                                     paragraphs=list(PARAGRAPHS[article_id]), regions=[head.id, body.id]))
    for photo_id, (article_id, caption) in CAPTIONS.items():
        x = COLUMNS[article_id]
        page.photos.append(Photo(photo_id, (x, 300, x + 400, 500), article=article_id, caption=[caption]))
        page.regions += [Region(f"{photo_id}-photo", RegionType.PHOTO, (x, 300, x + 400, 500), photo=photo_id),
                         Region(f"{photo_id}-caption", RegionType.CAPTION, (x, 505, x + 400, 525),
                                [Line(caption, (x, 505, x + 400, 525), 1.0)], photo=photo_id)]
    return page


def garble(text: str | None) -> str | None:
    return None if text is None else "".join("#" if c.isalpha() else c for c in text)


def misread(page: Page) -> Page:
    """The same page read badly: every letter wrong, every box a few pixels off, as a detector's."""
    page = copy.deepcopy(page)
    for region in page.regions:
        for line in region.lines:
            x0, y0, x1, y1 = line.bbox
            line.text, line.bbox = garble(line.text), (x0 + 3, y0 - 2, x1 - 5, y1 + 3)
    for article in page.articles:
        article.title, article.paragraphs = garble(article.title), [garble(p) for p in article.paragraphs]
    for photo in page.photos:
        photo.caption = [garble(c) for c in photo.caption]
    return page


def box_scores(pred: Page) -> tuple:
    s = evaluate_page(pred, gold())
    return s.box_lines_found, s.box_article_f1, s.box_paragraph_f1, s.box_caption_pairing


def test_the_truth_scores_perfect():
    assert box_scores(gold()) == (1.0, 1.0, 1.0, 1.0)


def test_misread_text_fails_the_text_scores_but_not_the_box_scores():
    pred = misread(gold())
    s = evaluate_page(pred, gold())
    assert s.paragraph_f1 == 0.0 and s.caption_pairing == 0.0
    assert box_scores(pred) == (1.0, 1.0, 1.0, 1.0)


def test_articles_run_together_fail_article_f1():
    pred = misread(gold())
    a, b = pred.articles
    a.paragraphs += b.paragraphs
    a.regions += b.regions
    pred.articles.remove(b)
    for region in pred.regions:
        if region.article == "b":
            region.article = "a"
    # a weighs 17 + 15 + 12 + 19 + 4 = 67 characters, b 14 + 9 + 12 + 14 = 49 (no spaces):
    # 1 - 49/67 = 0.27 for a, below 0 for b, so neither is matched
    lines, article_f1, paragraph_f1, pairing = box_scores(pred)
    assert (lines, article_f1, pairing) == (1.0, 0.0, 1.0)
    assert paragraph_f1 == 1.0  # each paragraph is still whole


def test_a_paragraph_boundary_one_line_off_fails_both_paragraphs():
    pred = misread(gold())
    (first, second), (third, fourth) = ARTICLES["a"][1]
    pred.articles[0].paragraphs = [garble(f"{first} {second} {third}"), garble(fourth)]
    lines, article_f1, paragraph_f1, pairing = box_scores(pred)
    assert (lines, article_f1, pairing) == (1.0, 1.0, 1.0)
    assert paragraph_f1 == pytest.approx(1 / 3)  # b's paragraph alone of three and three


def test_a_caption_given_to_the_other_photo_fails_pairing():
    pred = misread(gold())
    for region in pred.regions:
        if region.type == RegionType.CAPTION:
            region.photo = {"p1": "p2", "p2": "p1"}[region.photo]
    assert box_scores(pred) == (1.0, 1.0, 1.0, 0.0)


def test_a_line_across_the_gutter_takes_the_other_article_line():
    pred = misread(gold())
    a_body, b_body = (r for r in pred.regions if r.type == RegionType.TEXT)
    merged = a_body.lines[1]
    merged.bbox = (merged.bbox[0], merged.bbox[1], b_body.lines[1].bbox[2], merged.bbox[3])
    del b_body.lines[1]
    lines, article_f1, paragraph_f1, _ = box_scores(pred)
    assert lines == 1.0 and article_f1 == 1.0  # 12 characters of b's 49 in a: both still matched
    # but b's paragraph lost 12 of its 35 and a's first took them (27): neither is whole
    assert paragraph_f1 == pytest.approx(1 / 3)


def test_lines_not_found_count_as_missed():
    pred = misread(gold())
    next(r for r in pred.regions if r.id == "b-body").lines = []
    lines, article_f1, paragraph_f1, _ = box_scores(pred)
    assert lines == pytest.approx(1 - 35 / 146)
    # b keeps its title alone (14 of 49): one article of two matched; its paragraph stands on nothing
    assert article_f1 == pytest.approx(0.5) and paragraph_f1 == pytest.approx(2 / 3)


def test_no_line_boxes_no_box_scores():
    text_only = gold()
    text_only.regions = []
    for page in (text_only, PlainText(["Harbour works begin"])):
        s = evaluate_page(gold(), page)
        assert (s.box_lines_found, s.box_article_f1, s.box_paragraph_f1, s.box_caption_pairing) == (None,) * 4


def test_a_row_piece_read_back_into_its_paragraph_from_another_region():
    """A row's right piece boxed as a region of its own, listed after the body, and read back into
    its row by the reading: its line is found where its text stands in the paragraphs, not after
    the body's lines (the scorer used to give it the article's last paragraph)."""
    pred = gold()
    body = next(r for r in pred.regions if r.id == "a-body")
    first = body.lines[0]
    x0, y0, x1, y1 = first.bbox
    first.text, first.bbox = "The", (x0, y0, x0 + 60, y1)
    box = (x0 + 80, y0, x1, y1)
    piece = Region("a-piece", RegionType.TEXT, box, [Line("harbour board", box, 1.0)], article="a")
    pred.regions.append(piece)
    pred.articles[0].regions.append(piece.id)
    assert box_scores(pred) == (1.0, 1.0, 1.0, 1.0)


def test_lines_are_given_their_paragraphs_in_reading_order_not_region_order():
    # 1564 (27.8 px): `Environmental`, a region of its own after its row's `AGENCY:` and the line under it
    lines = ["AGENCY:", "Protection Agency (EPA).", "Environmental", "DATES: To ensure consideration,",
             "we must receive your written", "comments by July 12, 2010."]
    paragraphs = ["AGENCY: Environmental Protection Agency (EPA).",
                  "DATES: To ensure consideration, we must receive your written comments by July 12, 2010."]
    assert _blocks_of_lines(lines, paragraphs) == [0, 0, 0, 1, 1, 1]


def test_a_line_printed_twice_keeps_its_own_place():
    lines = ["Vote today", "said the mayor.", "Vote today", "read the posters."]
    paragraphs = ["Vote today said the mayor.", "Vote today read the posters."]
    assert _blocks_of_lines(lines, paragraphs) == [0, 0, 1, 1]
