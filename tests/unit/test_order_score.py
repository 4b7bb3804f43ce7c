"""The text reading-order score (evaluate/page.py) with paragraphs printed alike in two places."""

from __future__ import annotations

from broadsheet.evaluate import evaluate_page
from broadsheet.model import Article, Page

# 1498 and 1552 (random pages, 12.1 and 10.8 px): two notices open with the same agency line; the
# one read slightly worse was matched to the first gold, crossing the pair.
AGENCY = "AGENCY: Bureau of Land Management, Interior."
FIRST = ["Notice of realty action for the Elko field office.", AGENCY, "The parcels are listed below."]
SECOND = ["Notice of intent to prepare a land use plan.", AGENCY, "Comments are due in thirty days."]


def page(first: list[str], second: list[str]) -> Page:
    return Page(width=1000, height=1000, reading_order=["a", "b"],
                articles=[Article("a", (0, 0, 400, 900), paragraphs=first),
                          Article("b", (500, 0, 900, 900), paragraphs=second)])


def test_paragraphs_printed_alike_are_scored_in_the_order_they_were_read():
    gold = page(FIRST, SECOND)
    # the first notice's agency line misread (`.` for `,`, `Intenor`), the second's read right
    misread = AGENCY.replace(", Interior.", ". Intenor")
    scores = evaluate_page(page([FIRST[0], misread, FIRST[2]], SECOND), gold)
    assert scores.reading_order == 1.0


def test_paragraphs_printed_alike_read_out_of_order_still_cost_order():
    gold = page(FIRST, SECOND)
    # the notices' bodies read in the other order: their pairs are out of order whatever the twins do
    scores = evaluate_page(page([FIRST[0], AGENCY, SECOND[2]], [SECOND[0], AGENCY, FIRST[2]]), gold)
    assert scores.reading_order < 1.0
