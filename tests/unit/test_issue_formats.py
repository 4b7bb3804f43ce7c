"""`--formats` of `broadsheet issue`: page formats with the pages' JSON always among them, issue
formats apart; the page commands refuse an issue-only format in one line."""

from __future__ import annotations

import pytest

from broadsheet.errors import BadArgsError
from broadsheet.export import FORMATS
from broadsheet.issue import formats
from broadsheet.issue.formats import page_formats, split_formats


def test_page_and_issue_formats_apart_with_the_pages_json():
    assert split_formats("alto,mets") == (("alto", "json"), ("mets",))
    assert split_formats("pdf") == (("pdf", "json"), ("pdf",))  # a name of both kinds is both
    assert split_formats("mets") == (("txt", "json"), ("mets",))  # pages as by default
    assert split_formats("all") == (tuple(FORMATS), tuple(formats.ISSUE_FORMATS))
    assert {"mets", "overlay", "pdf"} <= set(formats.ISSUE_FORMATS)


def test_an_unknown_format_names_every_format():
    with pytest.raises(BadArgsError, match=r"unknown format\(s\) docx; choose from txt, json, .*, pdf, mets, all"):
        split_formats("txt,docx")


def test_page_commands_take_page_formats_only():
    assert page_formats("txt,alto") == ("txt", "alto")
    with pytest.raises(BadArgsError, match="^--formats mets is a format of a whole issue: broadsheet issue INPUT"):
        page_formats("txt,mets")
