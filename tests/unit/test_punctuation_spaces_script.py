"""Punctuation policies on a paragraph that mixes marks, spaces from measured blanks, the script
of a page, and hyphenated line ends."""

from __future__ import annotations

import pytest

from broadsheet.model import SIMPLIFIED, TRADITIONAL
from broadsheet.postprocess.paragraphs import join_lines
from broadsheet.postprocess.printed import spaced
from broadsheet.postprocess.punctuation import punctuate
from broadsheet.postprocess.script import in_script, page_script

MIXED = ["在火热氛围中，昌吉高新区(以下简称\"昌吉高新区’）举行了仪式：总投资0.52亿元,",
         "共10,000人参加！他说：‘好。’ Photo: J. Smith."]


@pytest.mark.parametrize("policy, expected", [
    ("default", ["在火热氛围中,昌吉高新区(以下简称“昌吉高新区”)举行了仪式:总投资0.52亿元,",
                 "共10,000人参加!他说:“好。” Photo: J. Smith."]),
    ("fullwidth", ["在火热氛围中，昌吉高新区（以下简称“昌吉高新区”）举行了仪式：总投资0.52亿元，",
                   "共10,000人参加！他说：“好。” Photo: J. Smith."]),
    ("as-read", MIXED),
])
def test_punctuation_policies(policy, expected):
    assert punctuate(MIXED, policy) == expected


def test_spaces_come_from_the_blanks():
    # 本报记者 刘茜 摄 as read without spaces, with the blanks measured on sample_a
    assert spaced("本报记者刘茜摄", [0.12, 0.15, 0.15, 0.81, 0.42, 0.85], over=0.28) == "本报记者 刘茜 摄"
    # a justified body line's uneven blanks are no spaces; a full-width colon's blank neither
    assert spaced("新一年项目建设的", [0.09, 0.12, 0.09, 0.21, 0.24, 0.09, 0.09], over=0.28) == "新一年项目建设的"
    assert spaced("道: 5月", [0.31, 0.81, 0.19]) == "道:5月"
    assert spaced("byJuly 12, 2010.", [0, 0.42, 0.05, 0.05, 0, 0.42, 0.16, 0.16, 0.42, 0.1, 0.16, 0.16, 0.16]) \
        == "by July 12, 2010."
    assert spaced("本报讯记者", None) == "本报讯记者"


def test_a_credits_narrow_space_is_kept_at_its_joints_only():
    # 本报讯 记者周凯 on page_c: its quarter-em space measured 0.24 over the usual blank, less than
    # a body line's space needs; after the dateline it is one
    assert spaced("本报讯记者周凯", [0.059, 0.118, 0.353, 0.059, 0.118, 0.118], over=0.28) == "本报讯 记者周凯"
    # the same blank between two characters of running text is none
    assert spaced("今年以来全市", [0.059, 0.118, 0.353, 0.059, 0.118], over=0.28) == "今年以来全市"
    # nor inside a name (刘茜 on sample_b: 0.24 over the usual, no space printed)
    assert spaced("本报记者刘茜摄", [0.176, 0.176, 0.176, 0.882, 0.412, 0.824], over=0.28) == "本报记者 刘茜 摄"


def test_script_of_a_page_and_its_slips():
    assert page_script(["增强中小学生的消防减灾意识", "开展全國中小学生安全教育日"]) == SIMPLIFIED
    assert page_script(["增強中小學生的消防減災意識"]) == TRADITIONAL
    assert in_script("团結社區和州紅十字会", SIMPLIFIED) == "团结社区和州红十字会"
    assert in_script("增強中小學生", TRADITIONAL) == "增強中小學生"
    assert in_script("乾隆年间", SIMPLIFIED) == "乾隆年间"  # a character of both scripts stays


@pytest.mark.parametrize("left, right, joined", [
    ("held in-", "person meetings", "held inperson meetings"),
    ("the BLM-", "managed lands", "the BLM-managed lands"),
    ("die Zei⸗", "tung", "die Zeitung"),
    ("im Rhein-", "Main-Gebiet", "im Rhein-Main-Gebiet"),  # before a capital the hyphen is the word's own
    ("Preise -", "Stand Mai", "Preise - Stand Mai"),  # a dash, not a hyphen
    ("the end.", "Next", "the end. Next"),
    ("本报讯", "记者", "本报讯记者"),
])
def test_hyphenated_line_ends(left, right, joined):
    assert join_lines(left, right) == joined
