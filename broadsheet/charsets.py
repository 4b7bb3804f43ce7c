"""Unicode ranges the stages tell East Asian text by: one definition, so that the reader, the
postprocess, the exporters and the scorer agree on what an ideograph is."""

import re

# Unified ideographs (with extension A, and B to H beyond the BMP) and the compatibility block.
IDEOGRAPHS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
CJK_MARKS = "\u3000-\u303f"  # ideographic space and punctuation: 。、「」
FULLWIDTH = "\uff00-\uffef"  # full-width ASCII forms (，：（）) and half-width kana
# Everything set one em wide in a CJK face: radicals, marks, kana, bopomofo, enclosed and
# compatibility signs (㈠, ㎡), ideographs, vertical forms, full-width forms.
WIDE = f"\u2e80-\u33ff{IDEOGRAPHS}\ufe30-\ufe4f{FULLWIDTH}"

IDEOGRAPH = re.compile(f"[{IDEOGRAPHS}]")


def is_ideograph(ch: str) -> bool:
    return IDEOGRAPH.fullmatch(ch) is not None


MIDDLE_DOT = "·"
# A middle dot stands between ideographs also after a closing quote or bracket, or before an opening one
_BEFORE_DOT, _AFTER_DOT = "”」）", "“「（"


def dot_between_ideographs(text: str, k: int) -> bool:
    """`text[k]` is a middle dot set between two ideographs: as a name's (卡尔·马克思) or as the
    recogniser's misreading of a comma or stop centred in its em."""
    if not (0 < k < len(text) - 1) or text[k] != MIDDLE_DOT:
        return False
    before, after = text[k - 1], text[k + 1]
    return (is_ideograph(before) or before in _BEFORE_DOT) and (is_ideograph(after) or after in _AFTER_DOT)
