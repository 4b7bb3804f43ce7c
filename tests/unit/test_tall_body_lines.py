"""A body line made headline-tall (brackets, a detector box run into the line above) between a
paragraph's short last line and the next paragraph's indented first: neither neighbour is a full
line it could continue, yet in letters of the body's size it is body text, not a one-line title
that starts an article of its own (recorded lines of random seeds 28 and 32)."""

from __future__ import annotations

from broadsheet.layout.lines import LineBox, split_by_size


def _lines(rows: list[tuple[tuple[int, int, int, int], float]]) -> list[LineBox]:
    return [LineBox(box, letters=letters) for box, letters in rows]


def test_a_tall_first_line_under_a_short_last_line_is_body():
    """Seed 28 (13 px): `ACTION: Notice of`, indented, 23 px tall, under `Interior.`."""
    lines = _lines([((307, 1234, 511, 1247), 0.942), ((307, 1254, 378, 1267), 0.942),
                    ((324, 1265, 514, 1288), 1.0), ((306, 1298, 420, 1308), 1.0),
                    ((325, 1315, 512, 1328), 1.0), ((306, 1339, 512, 1349), 1.0)])
    heads, body = split_by_size(lines, 13.0, [])
    assert heads == [] and len(body) == 6


def test_a_tall_last_line_over_an_indented_first_line_is_body():
    """Seed 32 (16 px): `Agency (EPA).`, its brackets 1.25 body heights tall, a paragraph's last
    line; the line above it is cut in two at a wide word space."""
    lines = _lines([((96, 779, 322, 796), 1.0), ((70, 809, 143, 821), 1.0), ((69, 830, 221, 850), 1.062),
                    ((96, 855, 323, 872), 1.062), ((69, 880, 151, 897), 1.062)])
    heads, body = split_by_size(lines, 16.0, [])
    assert heads == [] and len(body) == 5


def test_a_title_a_size_up_over_an_indented_paragraph_stays_a_headline():
    """Letters a size up (a subhead set 1.3 body heights) are no body line, wherever they stand."""
    lines = _lines([((307, 1234, 511, 1247), 1.0), ((307, 1254, 378, 1267), 1.0),
                    ((310, 1272, 500, 1290), 1.3), ((324, 1298, 512, 1308), 1.0),
                    ((306, 1315, 512, 1328), 1.0)])
    heads, _ = split_by_size(lines, 13.0, [])
    assert [h.bbox for h in heads] == [(310, 1272, 500, 1290)]
