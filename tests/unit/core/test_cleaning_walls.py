"""Blocks of furniture inside a page: what lies beyond a share bar, previous/next links and a list
heading must read as a body of its own to be kept; a list of headlines with summaries does not, the
second half of an article around a box of links does."""

from __future__ import annotations

from reader.core.cleaning import clean_html, clean_text

MENU = "首页 新闻 财经 体育 娱乐 科技"
PARAS = [
    "近日，市人民医院召开年度工作会议，总结过去一年的工作成绩，部署下一阶段的重点任务和工作安排。",
    "会议强调，要坚持以人民健康为中心，持续提升医疗服务质量，让群众看病更加方便、更加放心。",
    "与会人员围绕学科建设、人才培养等议题进行了深入交流，并提出了具体的改进建议和工作措施。",
]
TEASERS = [
    (
        "沿江公路改造工程全面完工",
        "经过两年多的施工，全长四十公里的沿江公路改造工程日前全面完工，沿线居民出行更加便利。",
    ),
    ("全市中小学开展安全教育周", "本周起，全市各中小学陆续开展安全教育活动，内容包括防溺水、交通安全和消防演练等。"),
    ("新建图书馆下月对外开放", "位于城东的新图书馆建筑面积两万平方米，藏书百万册，将于下月起免费向市民开放。"),
    ("郊区蔬菜基地喜获丰收", "今年以来，郊区蔬菜基地引进新品种、推广新技术，亩产比去年提高了两成以上。"),
]
FURNITURE = ["分享到：微信 微博 QQ空间", "上一篇：春季植树活动启动", "下一篇：全市召开防汛工作会议", "相关新闻"]


def _kept(raw: str) -> str:
    return clean_text(raw).text


def test_headlines_with_summaries_beyond_furniture_are_not_the_article() -> None:
    teasers = [line for pair in TEASERS for line in pair]
    raw = "\n".join([MENU, "市人民医院召开年度工作会议", *PARAS, *FURNITURE, *teasers, "关于我们 | 联系我们"])
    text = _kept(raw)
    assert all(p in text for p in PARAS)
    assert not any(summary in text for _, summary in TEASERS)


def test_teasers_outweighing_a_short_article_still_give_way_to_it() -> None:
    teasers = [line for pair in TEASERS * 2 for line in pair]
    raw = "\n".join([MENU, "市人民医院召开年度工作会议", *PARAS[:2], *FURNITURE, *teasers, "关于我们 | 联系我们"])
    text = _kept(raw)
    assert all(p in text for p in PARAS[:2])
    assert not any(summary in text for _, summary in TEASERS)


def test_an_article_split_by_a_box_of_links_keeps_both_halves() -> None:
    second = [p.replace("会议", "座谈会") for p in PARAS]
    links = "".join(f"<li><a href='/{i}'>{head}</a></li>" for i, (head, _) in enumerate(TEASERS))
    page = (
        "<html><body><div><a href='/'>首页</a> <a href='/n'>新闻</a> <a href='/c'>财经</a></div>"
        + "".join(f"<p>{p}</p>" for p in PARAS)
        + f"<p>延伸阅读：</p><ul>{links}</ul>"
        + "".join(f"<p>{p}</p>" for p in second)
        + "<div><a href='/a'>关于我们</a> | <a href='/b'>联系我们</a></div></body></html>"
    )
    text = clean_html(page).text
    assert all(p in text for p in PARAS + second)
    assert not any(head in text for head, _ in TEASERS)


def test_a_sub_headed_article_with_nothing_beyond_it_is_kept_whole() -> None:
    body = [line for pair in TEASERS for line in pair]
    raw = "\n".join(["郊区农业发展情况调查", *body])
    assert all(line in _kept(raw) for line in body)


CELLS = ["专业名称", "研究方向", "导师", "人数", "艺术学", "艺术学原理", "王明", "3", "音乐学", "乐史", "李华", "2"]


def test_the_table_after_an_attachment_note_is_part_of_the_document() -> None:
    raw = "\n".join([MENU, *PARAS, "附：招生专业及导师", *CELLS, "发表评论", "Copyright © 2000-2006 example.com"])
    text = _kept(raw)
    assert all(cell in text.split("\n") for cell in CELLS)
    assert "发表评论" not in text


def test_short_lines_after_the_text_without_an_attachment_note_are_still_a_list() -> None:
    heads = [head for head, _ in TEASERS]
    raw = "\n".join([MENU, *PARAS, *heads, "发表评论", "Copyright © 2000-2006 example.com"])
    text = _kept(raw)
    assert not any(head in text for head in heads)


def test_teasers_each_under_their_writers_linked_name_are_a_list_of_other_articles() -> None:
    # A box of columns below the article: the writer's name (a link), the linked headline, a summary.
    # The linked name above each headline is part of the teaser, as a source and time would be.
    columns = "".join(
        f'<div class="author"><a href="/w/{k}">作者{k}</a></div><h2><a href="/c/{k}">{title}</a></h2><p>{summary}</p>'
        for k, (title, summary) in enumerate(TEASERS)
    )
    page = (
        f"<html><head><title>市人民医院召开年度工作会议</title></head><body>"
        f'<div class="nav">{"".join(f"<a href=/{k}>{w}</a>" for k, w in enumerate(MENU.split()))}</div>'
        f'<div class="article"><h1>市人民医院召开年度工作会议</h1>{"".join(f"<p>{p}</p>" for p in PARAS)}</div>'
        f'<div class="share"><a href="/s1">微信</a><a href="/s2">微博</a><a href="/s3">QQ空间</a></div>'
        f'<div class="columns">{columns}</div>'
        f'<div class="footer"><a href="/about">关于我们</a> | <a href="/contact">联系我们</a></div></body></html>'
    )
    text = clean_html(page).text
    assert all(p in text for p in PARAS)
    assert not any(summary in text for _, summary in TEASERS)
