from broadsheet.issue.model import ArticlePart, Issue, IssueArticle, IssueFacts, IssuePage
from broadsheet.model import Subhead


def test_issue_round_trips_through_its_dict():
    issue = Issue(
        source="issue.pdf",
        facts=IssueFacts(paper="昌吉日报", date="2010年5月12日"),
        pages=[IssuePage(1, "issue_p001", "issue.pdf", 1, "第1版", 1),
               IssuePage(2, "issue_p002", "issue.pdf", 2, None, None)],
        articles=[IssueArticle("j1", [ArticlePart(1, "a2"), ArticlePart(2, "a1")], title="题",
                               paragraphs=["甲。", "乙。"], subheads=[Subhead("小标题", 1)])],
        warnings=["page 2: no folio"],
    )
    data = issue.to_dict()
    assert data["schema"] == "broadsheet.issue"
    assert Issue.from_dict(data) == issue
    assert issue.articles[0].joined
    assert issue.articles[0].text_blocks() == ["题", "甲。", "小标题", "乙。"]
