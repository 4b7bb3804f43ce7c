"""The real-scan benchmark's metrics (`benchmarks/real_metrics.py`) on made-up texts and boxes."""

from __future__ import annotations

import importlib.util
import random
import string
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "real_metrics.py"
spec = importlib.util.spec_from_file_location("real_metrics", SCRIPT)
metrics = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = metrics  # its dataclasses look themselves up there
spec.loader.exec_module(metrics)

# Three blocks of 40 made-up words (about 300 normalized characters: two chunks each), no two alike.
_letters = random.Random(16)
BLOCKS = [" ".join("".join(_letters.choices(string.ascii_lowercase, k=_letters.randint(4, 10))) for _ in range(40))
          for _ in range(3)]


def test_normalize_keeps_letters_and_digits_only():
    assert metrics.normalize("Vla-\nku, ſtraße  ČESKÝ 1888!") == "vlakustrassečeský1888"


def test_chunks_cut_each_block_evenly_and_pass_over_short_ones():
    pieces = metrics.chunks(BLOCKS + ["Page 27."])
    assert len(pieces) == 6
    assert "".join(pieces) == "".join(metrics.normalize(b) for b in BLOCKS)


def test_the_same_text_scores_whole_and_in_order():
    scores = metrics.text_scores(BLOCKS, "\n\n".join(BLOCKS))
    assert (scores.chunks, scores.contig, scores.order, scores.ned) == (6, 1.0, 1.0, 0.0)


def test_misread_letters_within_the_tolerance_still_find_a_chunk():
    misread = "\n".join(b.replace("a", "o").replace("e", "c") for b in BLOCKS)  # ~10% of letters
    assert metrics.text_scores(BLOCKS, misread).contig == 1.0


def test_interleaved_columns_break_chunks_but_not_order():
    # two columns read across: each line of the first followed by the line beside it
    left, right = BLOCKS[0].split(), BLOCKS[1].split()
    lines = [" ".join(left[i:i + 4]) + " " + " ".join(right[i:i + 4]) for i in range(0, 40, 4)]
    scores = metrics.text_scores(BLOCKS[:2], "\n".join(lines))
    assert scores.contig == 0.0
    assert scores.ned > 0.3


def test_blocks_out_of_order_keep_contig_and_lose_order():
    scores = metrics.text_scores(BLOCKS, "\n\n".join(reversed(BLOCKS)))
    assert scores.contig == 1.0
    assert scores.order == pytest.approx(3 / 5)  # within each block in order, the two block changes not


def test_without_a_reading_order_only_chunks_of_one_block_are_ordered():
    # a truth that lists its blocks in no reading order: the blocks' order is not scored, their insides are
    shuffled = metrics.text_scores(BLOCKS, "\n\n".join(reversed(BLOCKS)), ordered=False)
    assert (shuffled.contig, shuffled.order, shuffled.order_pairs) == (1.0, 1.0, 3)
    halves = [metrics.chunks([block]) for block in BLOCKS]
    inside_out = "".join(second + first for first, second in halves)  # each block's chunks swapped
    swapped = metrics.text_scores(BLOCKS, inside_out, ordered=False)
    assert (swapped.order, swapped.order_pairs) == (0.0, 3)
    assert metrics.text_scores(BLOCKS, inside_out).order == pytest.approx(2 / 5)  # the block changes count


def test_ned_ordered_mends_the_order_of_paragraphs_not_what_is_inside_them():
    reversed_blocks = metrics.text_scores(BLOCKS, "\n\n".join(reversed(BLOCKS)))
    assert reversed_blocks.ned > 0.5 and reversed_blocks.ned_ordered == 0.0
    left, right = BLOCKS[0].split(), BLOCKS[1].split()  # two columns read across, in one paragraph
    lines = [" ".join(left[i:i + 4]) + " " + " ".join(right[i:i + 4]) for i in range(0, 40, 4)]
    assert metrics.text_scores(BLOCKS[:2], "\n".join(lines)).ned_ordered > 0.3
    extra = metrics.text_scores(BLOCKS, "\n\n".join(reversed(BLOCKS + ["Something else entirely."])))
    assert 0 < extra.ned_ordered < 0.1  # what is added stays added


def test_a_chunk_split_in_two_places_is_not_found():
    first, second = metrics.chunks([BLOCKS[0]])
    # another block read into the middle of the first chunk
    text = first[:75] + metrics.normalize(BLOCKS[2]) + first[75:] + second
    assert metrics.locate(first, text) is None
    assert metrics.locate(second, text) == len(text)


def test_missed_chunks_locate_each_of_their_lines():
    lines = ["The council met on Monday evening to hear the mayor's", "report on the new water works, which",
             "were opened last spring and cost the city", "more than ninety thousand dollars in all."]
    advert = "An advertisement for a cure of every ill, sold by all druggists in bottles of two sizes."
    output = "\n".join([*lines[:2], advert, advert, *lines[2:]])  # read into the chunk's middle
    missed = metrics.missed_chunks(["\n".join(lines)], output)
    assert len(missed) == 1 and missed[0].block == 0
    ends = [end for _, end in missed[0].lines]
    assert all(end is not None for end in ends) and ends == sorted(ends)  # cut apart, not lost
    assert metrics.missed_chunks(["\n".join(lines)], "\n".join(lines)) == []
    lost = metrics.missed_chunks(["\n".join(lines)], "\n".join([lines[0], lines[3]]))
    assert [end is None for _, end in lost[0].lines] == [False, True, True, False]


def test_substring_distance_counts_edits_against_the_best_stretch():
    assert metrics.substring_distance("abcdef", "xxabcxefyy") == (1, 8)
    assert metrics.substring_distance("abc", "") == (3, 0)


# Two columns (regions 0 and 1) with a column rule between them at x 500, and below the first a
# second item (region 2) under a horizontal rule at y 520.
REGIONS = [[(0, 0), (480, 0), (480, 500), (0, 500)],
           [(520, 0), (1000, 0), (1000, 1000), (520, 1000)],
           [(0, 540), (480, 540), (480, 1000), (0, 540 + 460)]]
SEPARATORS = [[(495, 0), (505, 0), (505, 1000), (495, 1000)],
              [(0, 515), (480, 515), (480, 525), (0, 525)]]


def line(x0: int, x1: int, y: int) -> tuple[int, int, int, int]:
    return (x0, y, x1, y + 20)


def test_lines_within_their_column_merge_nothing():
    lines = [(line(10, 470, y), "a1") for y in range(0, 480, 40)]
    lines += [(line(530, 990, y), "a2") for y in range(0, 980, 40)]
    lines += [(line(10, 470, y), "a3") for y in range(560, 980, 40)]
    scores = metrics.region_scores((1000, 1000), REGIONS, SEPARATORS, lines)
    assert (scores.lines, scores.column_merges, scores.item_splits, scores.item_merges) == (48, 0, 0, 0)
    assert scores.regions == 3


def test_a_line_across_the_column_rule_merges_columns():
    lines = [(line(10, 990, 100), "a1"), (line(10, 470, 140), "a1"), (line(530, 990, 140), "a2")]
    scores = metrics.region_scores((1000, 1000), REGIONS, SEPARATORS, lines)
    assert (scores.lines, scores.column_merges) == (3, 1)
    assert scores.merge_share == pytest.approx(1 / 3)


def test_a_line_over_two_regions_side_by_side_merges_them_without_a_rule():
    lines = [(line(10, 990, 100), "a1")]
    assert metrics.region_scores((1000, 1000), REGIONS, [], lines).column_merges == 1


def test_a_line_box_over_two_stacked_regions_is_no_column_merge():
    stacked = [[(0, 0), (480, 0), (480, 500), (0, 500)], [(0, 500), (480, 500), (480, 1000), (0, 1000)]]
    lines = [((10, 470, 470, 530), "a1")]  # half in each, for all its width
    assert metrics.region_scores((1000, 1000), stacked, [], lines).column_merges == 0
    assert metrics.region_scores((1000, 1000), stacked, [], [(line(10, 470, 470), "a1")]).lines == 1


def test_a_line_reaching_just_past_the_rule_does_not_cross_it():
    lines = [(line(10, 510, 100), "a1")]
    assert metrics.region_scores((1000, 1000), REGIONS, SEPARATORS, lines).column_merges == 0


def test_a_region_given_to_two_articles_is_split_and_an_article_over_a_rule_merges_items():
    lines = [(line(10, 470, 100), "a1"), (line(10, 470, 200), "a2"),  # region 0 split
             (line(10, 470, 400), "a3"), (line(10, 470, 600), "a3"),  # a3 over the horizontal rule
             (line(530, 990, 100), "a4"), (line(530, 990, 900), "a4")]  # beside the rule's reach
    scores = metrics.region_scores((1000, 1000), REGIONS, SEPARATORS, lines)
    assert (scores.regions, scores.item_splits) == (3, 1)
    assert (scores.articles, scores.item_merges) == (4, 1)


def test_masks_are_drawn_small_on_big_pages():
    scale = 20
    regions = [[(x * scale, y * scale) for x, y in polygon] for polygon in REGIONS]
    separators = [[(x * scale, y * scale) for x, y in polygon] for polygon in SEPARATORS]
    lines = [(tuple(v * scale for v in line(10, 990, 100)), "a1"), (tuple(v * scale for v in line(10, 470, 140)), "a1")]
    scores = metrics.region_scores((1000 * scale, 1000 * scale), regions, separators, lines)
    assert (scores.lines, scores.column_merges) == (2, 1)


def test_a_line_grazing_the_next_column_by_a_letter_merges_nothing():
    lines = [(line(10, 540, 100), "a1")]  # 20 px into the region beside it: one line height
    assert metrics.region_scores((1000, 1000), REGIONS, [], lines).column_merges == 0


def test_words_count_what_run_together_lines_lose_and_chunks_do_not():
    run_together = "\n\n".join(block.replace(" ", "") for block in BLOCKS)
    scores = metrics.text_scores(BLOCKS, run_together)
    assert (scores.contig, scores.ned) == (1.0, 0.0)
    assert scores.words_found == scores.words_right == 0.0
    whole = metrics.text_scores(BLOCKS, "\n\n".join(BLOCKS) + " extra")
    assert whole.words_found == 1.0 and whole.words_right == 120 / 121
