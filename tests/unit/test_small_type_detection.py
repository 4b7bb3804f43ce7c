"""Small type enlarged to the working size: a detector box that holds lines stacked one under
another (the higher cut of the probability map says where) is cut between them; other boxes stay
as the detector gave them."""

from __future__ import annotations

from broadsheet.ocr.rapid import split_stacked


def test_a_box_over_three_lines_is_cut_between_them():
    usual = [(10, 100, 300, 160)]
    finer = [(12, 102, 295, 118), (12, 122, 290, 138), (12, 142, 200, 158)]
    assert split_stacked(usual, finer) == [(10, 100, 300, 120), (10, 120, 300, 140), (10, 140, 300, 160)]


def test_a_line_in_pieces_is_one_row_and_stays_whole():
    usual = [(10, 100, 300, 122)]
    finer = [(12, 102, 80, 120), (90, 103, 200, 119), (210, 101, 295, 120)]
    assert split_stacked(usual, finer) == usual


def test_a_finer_box_over_two_others_does_not_join_their_rows():
    usual = [(10, 100, 300, 160)]
    finer = [(12, 102, 295, 118), (12, 106, 295, 156), (12, 142, 295, 158)]
    assert split_stacked(usual, finer) == [(10, 100, 300, 130), (10, 130, 300, 160)]


def test_vertical_boxes_stay_and_lost_lines_come_back():
    usual = [(10, 100, 30, 300)]
    finer = [(12, 102, 28, 190), (12, 200, 28, 298), (100, 100, 300, 118)]
    assert split_stacked(usual, finer) == [(100, 100, 300, 118), (10, 100, 30, 300)]
