"""One idea of an ideograph for every stage (`broadsheet/charsets.py`)."""

import re

from broadsheet.charsets import FULLWIDTH, WIDE, is_ideograph


def test_ideographs_beyond_the_basic_block_count():
    # extension A, compatibility, extension B: rare in print, but names use them
    assert all(is_ideograph(ch) for ch in "中㐀丽\U00020000")
    assert not any(is_ideograph(ch) for ch in "。，a·ー")


def test_wide_holds_every_one_em_sign_of_a_cjk_face():
    wide = re.compile(f"[{WIDE}]")
    assert all(wide.match(ch) for ch in "中。「ー㈠㎡，（︰")
    assert not any(wide.match(ch) for ch in "a1,.·é")
    assert re.fullmatch(f"[{FULLWIDTH}]+", "，：（）")
