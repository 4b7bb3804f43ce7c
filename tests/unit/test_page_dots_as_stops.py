"""A page whose small type sets its commas and stops centred in their em reads them `·` between
ideographs where the recogniser offers no stop at all (random seed 2007, 11.8 px Kai: 112 such dots to
233 marks read); there every such dot is read `，`. A page printing a few middle dots (names, section
labels) keeps them."""

from __future__ import annotations

from broadsheet.postprocess.punctuation import stops_for_dots

# seed 2007's body lines as read (main after wave 19), those holding a dot
READ_2007 = ["热报道:5月11日·首", "车、还车·", "他说·今年他家种的", "观鸟屋·游客只能在", "指定区域观赏·共同",
             "会工作制度·昌吉州", "河谷,土层深厚·艺", "差大·是的眼机", "的通生区·2015年以", "来·乡 里把胁模机作",
             "宙发展到2.6万亩·去", "吨·产值超过3亿元·"]
# seed 1851's printed dots (a section label, a reporter's name), among lines of body text
PRINTED_1851 = ["第5版 城事·文化", "记者苻苻·马汗、通讯员宋华"]
BODY = "近年来，我市持续推进老旧小区改造，完善配套设施、提升服务水平。"


def test_a_page_reading_its_commas_as_dots_reads_them_as_commas():
    read = stops_for_dots(READ_2007 + [BODY] * 3)
    assert read[:4] == ["热报道:5月11日，首", "车、还车·", "他说，今年他家种的", "观鸟屋，游客只能在"]
    # a dot before a digit or ending the line is left as read
    assert read[8] == "的通生区·2015年以" and read[11] == "吨，产值超过3亿元·"
    assert read[12:] == [BODY] * 3


def test_a_page_printing_middle_dots_keeps_them():
    assert stops_for_dots(PRINTED_1851 + [BODY] * 20) == PRINTED_1851 + [BODY] * 20
    # names of a foreign report: six dots, a small share of the page's marks
    names = ["约翰·史密斯和玛丽·琼斯出席", "彼得·怀特、安娜·布朗和大卫·格林", "托马斯·李表示"]
    assert stops_for_dots(names + [BODY] * 30) == names + [BODY] * 30
    # a world-news page: a dozen dots of names, an eighth of its marks
    assert stops_for_dots(names * 2 + [BODY] * 20) == names * 2 + [BODY] * 20
    # a few dots, however many of the marks: a short report's names
    assert stops_for_dots(names + ["会议。"]) == names + ["会议。"]
