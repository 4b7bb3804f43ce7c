"""The text rules of postprocess, one case each: joining lines, paragraphs across column breaks,
credits, notices, bylines and the header band's fields."""

from __future__ import annotations

import pytest

from broadsheet.model import Line
from broadsheet.postprocess.captions import split_credit
from broadsheet.postprocess.header import read_header
from broadsheet.postprocess.notices import continuation, own_line_byline
from broadsheet.postprocess.paragraphs import byline, join_lines, paragraphs

UNIT = 20  # px: body text size of the lines below


@pytest.mark.parametrize("left, right, joined", [
    ("揭短亮", "丑，让群众", "揭短亮丑，让群众"),  # CJK: no space, even before digits
    ("总投资达", "12.5亿元", "总投资达12.5亿元"),
    ("the Bureau of Land", "Management", "the Bureau of Land Management"),
    ("a word hyphen-", "ated at the end", "a word hyphenated at the end"),
])
def test_join_lines(left, right, joined):
    assert join_lines(left, right) == joined


def _line(text: str, x0: int, y0: int, width: int = 200) -> Line:
    return Line(text, (x0, y0, x0 + width, y0 + UNIT), 0.99)


def test_a_column_that_starts_without_an_indent_continues_the_paragraph():
    first = [_line("本报讯 今年以来，我市坚持", 40, 0), _line("问题导向，揭短亮", 0, 30)]
    second = [_line("丑，推动工作落实。", 300, 0), _line("新的一段从缩进开始。", 340, 30)]
    assert paragraphs([(0, first), (300, second)], UNIT) == [
        "本报讯 今年以来，我市坚持问题导向，揭短亮丑，推动工作落实。", "新的一段从缩进开始。"]


@pytest.mark.parametrize("caption, text, credit", [
    ("3月24日上午，工人们加紧施工。 本报记者 刘茜 摄", "3月24日上午，工人们加紧施工。", "本报记者 刘茜 摄"),
    ("梁宏涛 摄", "", "梁宏涛 摄"),
    ("Workers on the new bridge. Photo: J. Smith", "Workers on the new bridge.", "Photo: J. Smith"),
    ("他说记者刘茜摄影很好", "他说记者刘茜摄影很好", None),  # no sentence end before it: not a credit
])
def test_split_credit(caption, text, credit):
    assert split_credit(caption) == (text, credit)


@pytest.mark.parametrize("text, expected", [
    ("（上接第一版）", ("上接第一版", True)),
    ("(下转第四版)", ("下转第四版", False)),
    ("（转4版）", ("转4版", False)),
    ("(接1版)", ("接1版", True)),
    ("(Continued on Page 4)", ("Continued on Page 4", False)),
    ("See TROTSKY, Page 4", ("See TROTSKY, Page 4", False)),
    ("上接第一版的报道引起关注。", None),
])
def test_continuation_notices(text, expected):
    assert continuation(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("■■本报记者 蔡茂楷", "本报记者 蔡茂楷"),
    ("本报记者 刘茜 通讯员 宋华敏", "本报记者 刘茜 通讯员 宋华敏"),
    ("By Jane Doe and John Smith", "By Jane Doe and John Smith"),
    ("本报记者蔡茂楷说，今年收成好。", None),  # a sentence is not a byline
])
def test_own_line_bylines(text, expected):
    assert own_line_byline(text) == expected


def test_a_byline_opening_the_first_paragraph():
    assert byline("本报讯 记者刘茜、通讯员宋华敏报道:3月24日上午") == "本报讯 记者刘茜、通讯员宋华敏报道"
    assert byline("3月24日上午，记者来到现场") is None


def test_header_band_fields():
    lines = [_line("昌吉日报", 0, 0, 300), _line("第2版", 1000, 10, 80),
             _line("2010年5月12日 星期三", 1200, 10, 300), _line("要闻·综合", 500, 10, 150),
             _line("本版编辑：王芳 校对：李明 电话：2345678", 0, 60, 600)]
    lines[0].bbox = (0, 0, 300, 60)  # the paper's name is set largest
    header = read_header(lines)
    assert (header.paper, header.folio, header.date, header.section) == (
        "昌吉日报", "第2版", "2010年5月12日 星期三", "要闻·综合")
    assert header.staff == "本版编辑：王芳 校对：李明 电话：2345678"


def _band(*rows: str):
    """The header fields of a band printed as these rows, each one detector piece."""
    return read_header([_line(text, 0, 40 * k, 600) for k, text in enumerate(rows)])


def test_a_polluted_header_row_is_parsed_item_by_item():
    # issue 16: the e-mail and the layout editor went into the section with a folio that lost
    # its digit, and the folio stayed empty
    header = _band("要闻·综合 E一mail;yaowen@sina.com版式制作:张祎 第版")
    assert (header.section, header.folio) == ("要闻·综合", None)
    assert header.staff == "E-mail:yaowen@sina.com 版式制作:张祎"
    header = _band("雁湖日报", "第2 版 要闻·综合 E一mail;yaowen@sina.com 版式制作:张祎 第版")
    assert (header.paper, header.folio, header.section) == ("雁湖日报", "第2版", "要闻·综合")


@pytest.mark.parametrize("row, fields", [
    ("本版编辑:王建华校对:李敏电话:0994-2345678",  # its narrow spaces not read
     {"staff": "本版编辑:王建华 校对:李敏 电话:0994-2345678"}),
    ("责任编辑 赵永红 美编：孙一鸣 校对；周静", {"staff": "责任编辑 赵永红 美编：孙一鸣 校对：周静"}),
    ("2010年5月12日 星期三 农历庚寅年三月廿九", {"date": "2010年5月12日 星期三 农历庚寅年三月廿九"}),
    ("第 3 版 综合新闻 总第8123期", {"folio": "第3版", "section": "综合新闻"}),
    ("A2 要闻 0994-2345678", {"folio": "A2", "section": "要闻", "staff": "0994-2345678"}),
    ("2", {"folio": "2"}),
    ("Page 3 Notices", {"folio": "Page 3", "section": "Notices"}),
    ("Seite 3 Nr. 12 Dienstag, den 14. Juni 2022", {"folio": "Seite 3", "date": "Dienstag, den 14. Juni 2022"}),
    ("Vol. XXIX No. 12", {}),
    ("Ročník XXIX. V Praze, v neděli 12. srpna 1888. Číslo 221.", {"date": "V Praze, v neděli 12. srpna 1888"}),
    ("Vierter Jahrgang. St. Cloud, Minn., Donnerstag, den 3. Januar, 1878.",
     {"date": "St. Cloud, Minn., Donnerstag, den 3. Januar, 1878"}),
    ("WASHINGTON, D. C., MONDAY, NOVEMBER 15, 1920-THIRTY-SIX PAGES.",
     {"date": "WASHINGTON, D. C., MONDAY, NOVEMBER 15, 1920"}),
])
def test_header_row_items(row, fields):
    header = _band(row)
    assert {k: v for k, v in vars(header).items() if v is not None} == fields
