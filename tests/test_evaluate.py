"""Metric definitions on hand-built pages, with hand-computed expected values."""

from __future__ import annotations

import copy
import json
import unicodedata

import pytest

from broadsheet.errors import BadArgsError
from broadsheet.evaluate import (
    READERS,
    PlainText,
    cer,
    evaluate_page,
    evaluate_pages,
    failed_bounds,
    load_page,
    normalize,
    pair_paths,
    parse_bounds,
    tokens,
    wer,
)
from broadsheet.evaluate.text import char_counts
from broadsheet.model import Article, Page, Photo

# Normalized lengths: title 8, A1 26, A2 25 -> article A 59; title 8 + B1 12 -> article B 20;
# captions 10 and 9, credits 5 each -> page text 59 + 15 + 20 + 14 = 108 characters.
A_TITLE = "城市交通新规实施"
A1 = "本市今日起实施新的交通管理规定，市民出行需注意安全。"
A2 = "交警部门表示将加强路面巡查力度，确保新规落到实处。"
B_TITLE = "春季植树活动启动"
B1 = "全市共种植树木三千余株。"
PAGE_CHARS = 108


def gold_page() -> Page:
    return Page(
        width=1000,
        height=1400,
        articles=[
            Article("a", (0, 0, 500, 700), title=A_TITLE, paragraphs=[A1, A2], photos=["p1"]),
            Article("b", (500, 0, 1000, 700), title=B_TITLE, paragraphs=[B1], photos=["p2"]),
        ],
        photos=[
            Photo(
                "p1",
                (0, 0, 100, 100),
                article="a",
                caption=["交警在路口指挥交通。"],
                credit="记者 张三 摄",
            ),
            Photo(
                "p2",
                (200, 200, 300, 300),
                article="b",
                caption=["市民参加植树活动。"],
                credit="记者 李四 摄",
            ),
        ],
        reading_order=["a", "b"],
    )


def test_perfect_prediction_scores_perfectly():
    scores = evaluate_page(gold_page(), gold_page())
    assert scores.cer == 0.0
    assert scores.wer == 0.0
    assert scores.chars.reference == PAGE_CHARS
    assert scores.article_cer == 0.0
    for value in (
        scores.article_f1,
        scores.paragraph_f1,
        scores.reading_order,
        scores.photo_precision,
        scores.photo_recall,
        scores.caption_accuracy,
        scores.photo_link_accuracy,
        scores.headline_accuracy,
    ):
        assert value == 1.0


def test_split_paragraph_lowers_paragraph_f1_only():
    pred = gold_page()
    pred.articles[0].paragraphs = [A1[:13], A1[13:], A2]  # each half has CER 0.5 against A1
    scores = evaluate_page(pred, gold_page())
    # found whole: A2 and B1. P = 2/4, R = 2/3, F1 = 2PR/(P+R) = 4/7
    assert scores.paragraph_precision == pytest.approx(0.5)
    assert scores.paragraph_recall == pytest.approx(2 / 3)
    assert scores.paragraph_f1 == pytest.approx(4 / 7)
    assert scores.cer == 0.0  # same characters, only the paragraph boundary moved
    assert scores.article_f1 == 1.0


def test_merged_paragraphs_are_not_found_whole():
    pred = gold_page()
    pred.articles[0].paragraphs = [A1 + A2]
    scores = evaluate_page(pred, gold_page())
    # found: B1 only. P = 1/2, R = 1/3, F1 = 2/5
    assert scores.paragraph_f1 == pytest.approx(0.4)


def _misread(text: str, count: int) -> str:
    """`count` characters of `text` read as 某, spread over it."""
    chars = list(text)
    for k in range(count):
        chars[1 + k * (len(text) - 2) // count] = "某"
    return "".join(chars)


def test_a_misread_paragraph_cut_right_is_found_whole():
    pred = gold_page()
    pred.articles[0].paragraphs[0] = _misread(A1, 6)  # CER 6/26, small type's misreading
    scores = evaluate_page(pred, gold_page())
    assert scores.paragraph_f1 == 1.0
    assert scores.reading_cer == pytest.approx(6 / PAGE_CHARS)  # the reading's score pays for it


def test_a_paragraph_misread_past_half_is_not_found():
    pred = gold_page()
    pred.articles[0].paragraphs[0] = _misread(A1, 14)  # CER 14/26
    scores = evaluate_page(pred, gold_page())
    assert scores.paragraph_f1 == pytest.approx(2 / 3)  # A2 and B1 of three


def test_a_line_moved_across_a_break_is_no_paragraph_found_however_misread():
    pred = gold_page()
    # A1's last four characters start A2 (4/26 and 4/25 lacked and added), both misread a little
    pred.articles[0].paragraphs = [_misread(A1[:-4], 2), _misread(A1[-4:] + A2, 2)]
    scores = evaluate_page(pred, gold_page())
    assert scores.paragraph_f1 == pytest.approx(1 / 3)  # B1 alone


def test_caption_on_the_wrong_photo_lowers_caption_accuracy():
    pred = gold_page()
    p1, p2 = pred.photos
    p1.caption, p2.caption = p2.caption, p1.caption
    p1.credit, p2.credit = p2.credit, p1.credit
    scores = evaluate_page(pred, gold_page())
    assert scores.caption_accuracy == 0.0
    assert scores.photo_precision == 1.0 and scores.photo_recall == 1.0
    assert scores.photo_link_accuracy == 1.0


def test_wrong_credit_alone_fails_the_caption():
    pred = gold_page()
    pred.photos[0].credit = None
    assert evaluate_page(pred, gold_page()).caption_accuracy == 0.5


def test_merged_articles_lower_article_f1_and_links():
    gold = gold_page()
    merged = Article(
        "m", (0, 0, 1000, 700), title=A_TITLE, paragraphs=[A1, A2, B_TITLE, B1], photos=["p1", "p2"]
    )
    pred = copy.deepcopy(gold)
    pred.articles = [merged]
    pred.reading_order = ["m"]
    for photo in pred.photos:
        photo.article = "m"
    scores = evaluate_page(pred, gold)
    # "m" vs A: 20 extra characters over 59 -> CER 20/59, similarity ≥ 0.5: matched; B is missed.
    assert scores.article_precision == 1.0
    assert scores.article_recall == 0.5
    assert scores.article_f1 == pytest.approx(2 / 3)
    assert scores.article_cer == pytest.approx((20 / 59 + 1.0) / 2)
    # p1 belongs to "m" -> A (right); p2 belongs to "m" -> A, gold says B (wrong).
    assert scores.photo_link_accuracy == 0.5


def test_swapped_articles_break_reading_order_between_them():
    pred = gold_page()
    pred.reading_order = ["b", "a"]
    scores = evaluate_page(pred, gold_page())
    # gold pairs (A1, A2) in order, (A2, B1) reversed
    assert scores.reading_order == 0.5
    assert scores.article_f1 == 1.0


def test_swapped_articles_cost_page_cer_but_no_reading_cer():
    pred = gold_page()
    pred.reading_order = ["b", "a"]
    scores = evaluate_page(pred, gold_page())
    assert scores.cer > 0.1  # article B's text moved: its characters deleted and inserted
    assert scores.reading_cer == 0.0
    assert scores.reading_chars.reference == PAGE_CHARS


def test_a_dropped_paragraph_costs_reading_cer_as_page_cer():
    pred = gold_page()
    pred.reading_order = ["b", "a"]
    del pred.articles[0].paragraphs[1]
    scores = evaluate_page(pred, gold_page())
    assert scores.reading_chars.deletions == len(normalize(A2))
    assert scores.reading_cer == pytest.approx(len(normalize(A2)) / PAGE_CHARS)


def test_a_doubled_paragraph_costs_reading_cer():
    pred = gold_page()
    pred.articles[1].paragraphs.append(A1)  # A1 again, in article B
    scores = evaluate_page(pred, gold_page())
    assert scores.reading_chars.insertions == len(normalize(A1))


def test_a_heading_printed_twice_finds_both_places():
    gold = gold_page()
    gold.articles[1].title = A_TITLE  # both articles under one heading, read in the other order
    pred = copy.deepcopy(gold)
    pred.reading_order = ["b", "a"]
    scores = evaluate_page(pred, gold)
    assert scores.cer > 0.1 and scores.reading_cer == 0.0


def test_reading_cer_is_never_above_page_cer():
    pred = gold_page()
    pred.articles[1].paragraphs = ["园林工人修剪树枝", "植树三千余株全市"]  # misread past placing
    scores = evaluate_page(pred, gold_page())
    assert 0 < scores.reading_cer <= scores.cer


def test_photo_detection_by_iou():
    pred = gold_page()
    pred.photos[1].bbox = (250, 250, 350, 350)  # IoU 2500 / 17500 < 0.5
    scores = evaluate_page(pred, gold_page())
    assert scores.photo_precision == 0.5
    assert scores.photo_recall == 0.5
    assert scores.caption_accuracy == 0.5  # the unmatched gold photo counts as wrong
    assert scores.photo_link_accuracy == 0.5


def test_wrong_title_lowers_headline_accuracy():
    pred = gold_page()
    pred.articles[0].title = "城市交通新规"  # 2 of 8 characters missing: CER 0.25
    assert evaluate_page(pred, gold_page()).headline_accuracy == 0.5


def test_one_substitution_gives_page_cer_over_all_characters():
    pred = gold_page()
    pred.articles[0].paragraphs[1] = A2.replace("巡查", "巡察")
    scores = evaluate_page(pred, gold_page())
    assert scores.cer == pytest.approx(1 / PAGE_CHARS)
    assert scores.wer == pytest.approx(1 / PAGE_CHARS)  # every CJK character is a word
    assert scores.chars.substitutions == 1
    assert scores.article_cer == pytest.approx((1 / 59) / 2)


def test_missing_prediction_scores_zero():
    scores = evaluate_page(Page(1000, 1400), gold_page())
    assert scores.cer == 1.0
    for value in (
        scores.article_f1,
        scores.paragraph_f1,
        scores.reading_order,
        scores.photo_precision,
        scores.photo_recall,
        scores.caption_accuracy,
        scores.photo_link_accuracy,
    ):
        assert value == 0.0


def test_page_blocks_keep_unlisted_articles():
    page = gold_page()
    page.reading_order = []
    assert page.text_blocks()[:3] == [A_TITLE, A1, A2]
    assert len(page.text_blocks()) == 9  # 3 + 2 + 2 + 2


def test_known_edit_pair():
    # one substitution (气 -> 汽) and one insertion (啊) over 6 gold characters
    assert cer("今天天汽很好啊", "今天天气很好") == pytest.approx(2 / 6)
    counts = char_counts("今天天汽很好啊", "今天天气很好")
    assert (counts.substitutions, counts.insertions, counts.deletions) == (1, 1, 0)
    assert cer("今天", "今天天气很好") == pytest.approx(4 / 6)
    assert cer("", "") == 0.0 and cer("x", "") == 1.0


def test_nfkc_and_whitespace_are_not_errors():
    assert normalize("你好，\n世界 ＡＢＣ") == "你好,世界ABC"
    assert cer("你好,世 界\n", "你好，世界") == 0.0
    assert cer("ＡＢＣ１２３", "ABC123") == 0.0
    assert wer("hello  world，你好", "hello world,你好") == 0.0


def test_word_tokens_and_wer():
    assert tokens("hello world 你好！OCR2024年") == ["hello", "world", "你", "好", "!OCR2024", "年"]
    assert wer("hello word 你好", "hello world 你好") == pytest.approx(1 / 4)


@pytest.mark.parametrize(
    ("pred", "gold"),
    [
        ("中华人民共和国成立于一九四九年", "中华人民共和国成立于一九四九年"),
        ("中华人民共合国成立于一九四九", "中华人民共和国成立于一九四九年"),
        ("今天天气很好我们去公园散步吧", "今天天气很好,我们去公园散步。"),
        ("记者张三报道北京时间", "新华社记者张三北京报道"),
        ("Broadsheet第3版:OCR精度达到98%", "Broadsheet第三版:OCR准确率达到98.5%"),
        ("abcdef", "ABCdef中文"),
        ("完全不同的文字", "毫无关系"),
    ],
)
def test_cer_agrees_with_dinglehopper(pred, gold):
    dinglehopper = pytest.importorskip(
        "dinglehopper", reason="the CER cross-check needs dinglehopper: pip install -e '.[agreement]'")
    character_error_rate = dinglehopper.character_error_rate

    # Both tools see whitespace-free NFKC text, so their definitions coincide.
    pred, gold = unicodedata.normalize("NFKC", pred), unicodedata.normalize("NFKC", gold)
    assert cer(pred, gold) == pytest.approx(character_error_rate(gold, pred), abs=0.001)


def test_plain_text_gold_scores_text_only():
    gold = PlainText(gold_page().text_blocks())
    pred = gold_page()
    pred.photos[0].caption = ["交警在路口指挥车辆。"]  # 交通 -> 车辆: 2 substitutions
    scores = evaluate_page(pred, gold)
    assert scores.cer == pytest.approx(2 / PAGE_CHARS)
    assert scores.article_f1 is None and scores.caption_accuracy is None
    assert len(scores.pairs) == 9
    assert scores.pairs[3].pred == "交警在路口指挥车辆。"


def test_overall_cer_is_micro_averaged():
    pred = gold_page()
    pred.articles[0].paragraphs[1] = A2.replace("巡查", "巡察")
    report = evaluate_pages([("one", pred, gold_page()), ("two", Page(10, 10), PlainText(["你好世界"]))])
    overall = report.overall()
    assert overall["cer"] == pytest.approx((1 + 4) / (PAGE_CHARS + 4))  # not the page mean 0.505
    assert overall["reading_cer"] == pytest.approx((1 + 4) / (PAGE_CHARS + 4))
    assert overall["article_f1"] == 1.0  # "two" is text-only: article F1 undefined, not averaged
    assert overall["pages"] == 2
    page = report.to_dict()["pages"][1]
    assert page["text_only"] and page["metrics"]["cer"] == 1.0


def test_gold_pages_without_prediction_are_named_not_scored():
    """2 predictions against 7 gold pages used to score 0.73: the 5 missing pages counted as empty."""
    pairs = [(f"p{n}", gold_page() if n < 2 else None, gold_page()) for n in range(7)]
    report = evaluate_pages(pairs)
    assert report.overall()["cer"] == 0.0 and report.overall()["pages"] == 2
    assert report.missing_predictions == ["p2", "p3", "p4", "p5", "p6"]
    data = report.to_dict()
    assert [p["name"] for p in data["pages"]] == ["p0", "p1"]
    assert data["missing_predictions"] == ["p2", "p3", "p4", "p5", "p6"]
    assert failed_bounds(report.overall(), parse_bounds("cer=0.02"), report.missing_predictions) == [
        "gold pages without a prediction: 5 (p2, p3, p4, p5, p6)"]


def test_load_page_formats(tmp_path, monkeypatch):
    json_path = tmp_path / "p.json"
    json_path.write_text(json.dumps(gold_page().to_dict()), encoding="utf-8")
    assert load_page(json_path) == gold_page()

    txt_path = tmp_path / "p.txt"
    txt_path.write_text("标题\n\n第一段\n第一段续\n\n\n第二段\n", encoding="utf-8")
    assert load_page(txt_path) == PlainText(["标题", "第一段\n第一段续", "第二段"])

    with pytest.raises(BadArgsError, match="unsupported ground-truth format"):
        load_page(tmp_path / "p.docx")

    mets = tmp_path / "p.mets.xml"
    mets.write_text("<mets/>", encoding="utf-8")
    monkeypatch.setitem(READERS, ".mets.xml", lambda path: gold_page())
    monkeypatch.setitem(READERS, ".xml", lambda path: Page(1, 1))
    assert load_page(mets) == gold_page()  # the longest registered suffix wins


def test_pair_folders_by_page_name(tmp_path):
    pred, gold = tmp_path / "pred", tmp_path / "gold"
    pred.mkdir(), gold.mkdir()
    for name in ("a.json", "a.txt", "b.json"):  # a.txt is an export beside the prediction
        (pred / name).write_text("{}")
    for name in ("a.txt", "a.json", "c.txt", "README.md"):
        (gold / name).write_text("x")
    pairing = pair_paths(pred, gold)
    assert pairing.pairs == [("a", pred / "a.json", gold / "a.json"), ("c", None, gold / "c.txt")]
    assert pairing.unpaired_predictions == [pred / "b.json"]
    with pytest.raises(BadArgsError):
        pair_paths(pred / "a.json", gold)


def test_pair_folders_skips_documents_that_are_no_page(tmp_path):
    """An issue's OUT/ISSUE.json beside the pages, a fixture issue's truth.json beside theirs: other
    documents, neither a page without truth nor truth without a page."""
    pred, gold = tmp_path / "pred", tmp_path / "gold"
    pred.mkdir(), gold.mkdir()
    (pred / "p01.json").write_text('{"schema": "broadsheet.page", "version": "1.3"}')
    (pred / "ISSUE.json").write_text('{"schema": "broadsheet.issue", "version": "1.0"}')
    (gold / "p01.json").write_text('{\n "schema": "broadsheet.page"}')
    (gold / "truth.json").write_text('{\n "schema": "broadsheet.fixture-issue",\n "version": "1.0"}')
    (gold / "p02.json").write_text("not JSON at all")  # still a gold page: loading it says what is wrong
    pairing = pair_paths(pred, gold)
    assert pairing.pairs == [("p01", pred / "p01.json", gold / "p01.json"), ("p02", None, gold / "p02.json")]
    assert pairing.unpaired_predictions == []


def test_fail_under_bounds():
    bounds = parse_bounds("cer=0.02, caption=0.9,article=0.5")
    overall = {"cer": 0.03, "caption_accuracy": 0.95, "article_f1": None}
    assert failed_bounds(overall, bounds) == [
        "cer 0.0300 is above the maximum cer=0.02",
        "article_f1 was not measured (text-only ground truth, or no such items), so article=0.5 cannot be met",
    ]
    assert failed_bounds({"article_f1": 0.8}, parse_bounds("article=0.9")) == [
        "article_f1 0.8000 is below the minimum article=0.9"]
    with pytest.raises(BadArgsError, match="unknown key 'speed'"):
        parse_bounds("speed=3")
    with pytest.raises(BadArgsError):
        parse_bounds("cer=abc")
