"""`in_rows`: the order of a region's lines (issue 16, the real scans' tightly set columns)."""

from broadsheet.model import in_rows


def test_short_last_line_stays_below_the_full_line_its_box_overlaps():
    # Detector boxes of the 1920 Evening Star (one column, lines 15 px apart, boxes 25 px tall): the
    # paragraph's short last line starts a pixel further left, and its middle falls inside the box
    # of the full line above it; it was read first ("of and opposition leader. Demetrio Kounaris").
    boxes = [(1086, 2553, 1417, 2578), (1086, 2568, 1417, 2595), (1085, 2585, 1276, 2604),
             (1098, 2600, 1415, 2625)]
    assert in_rows(boxes, key=lambda b: b) == boxes


def test_a_bold_head_run_in_keeps_its_line_above_the_next():
    # Czech news: a run-in head's taller box ("Galantní generál. Jak turecké listy ozna-") and the
    # line under it ("mují, uloupil ..."), which starts further left.
    head, below = (996, 1043, 1382, 1072), (961, 1062, 1382, 1081)
    assert in_rows([below, head], key=lambda b: b) == [head, below]


def test_pieces_of_one_line_stay_together_left_to_right():
    # A price set apart from its line, its box a few pixels lower and shorter, and the next line.
    boxes = [(2165, 3148, 2448, 3170), (2118, 3157, 2168, 3170), (2117, 3163, 2448, 3180)]
    assert in_rows(boxes, key=lambda b: b) == [boxes[1], boxes[0], boxes[2]]
