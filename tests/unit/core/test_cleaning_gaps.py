"""Short lines the writer set between the article's paragraphs: section titles in a row, a table of
contents, a story's name. Seen on real pages (a long blog note of many short stories, a project page whose
sections hold only pictures), where they went as navigation or boilerplate while plain text kept them.
Every page here is built from text written for the test."""

from __future__ import annotations

from reader.core.cleaning import clean_html

NAV = "".join(f'<li><a href="/{i}">{item}</a></li>' for i, item in enumerate(["首页", "话题", "标签", "关于", "登录"]))
FOOT = (
    '<div class="footer"><p><a href="/a">关于我们</a> | <a href="/c">联系我们</a></p>'
    "<p>版权所有 未经许可不得转载</p></div>"
)
INTRO = [
    "这个项目是为了解决一个老问题而写的：每做一个新系统，登录、角色和权限都要从头再写一遍。",
    "写多了以后发现，不同时间写的代码逻辑还不一样，维护起来非常吃力，改一处就要改几十个地方。",
]
BODY = [
    "于是我们把这些基础功能抽成一个独立的服务，各个业务系统只需要通过接口调用它就可以了。",
    "这样一来，基础功能的核心逻辑只有一套，需要改动时也只维护这一个服务，其他系统自动受益。",
    "目前这个服务已经在三个项目里用了半年，接入一个新项目通常只需要一个下午的时间就能完成。",
]


def _page(article: str, sidebar: str = "") -> str:
    return (
        f"<html><head><title>基础服务的设计</title></head><body><ul class='nav'>{NAV}</ul>"
        f"<h1>基础服务的设计</h1><div class='article-content'>{article}</div>{sidebar}{FOOT}</body></html>"
    )


def _p(lines: list[str]) -> str:
    return "".join(f"<p>{line}</p>" for line in lines)


def test_section_titles_in_a_row_are_no_menu_wall() -> None:
    """Three headings with nothing kept between them (their sections held screenshots) looked like a
    bar of tabs, a wall the article's run did not cross: the introduction above them was lost."""
    titles = ["项目架构", "功能结构", "痛点分析"]
    article = _p(INTRO) + "".join(f"<h2>{t}</h2>" for t in titles) + _p(BODY)
    text = clean_html(_page(article)).text
    assert all(line in text for line in INTRO + BODY)
    assert all(title in text for title in titles)
    assert "首页" not in text and "版权所有" not in text


def test_a_table_of_contents_inside_the_article_is_kept() -> None:
    """A contents list of two dozen short lines costs the run more than the paragraphs above it bring:
    they came back as a further body, the list between them went as boilerplate."""
    chapters = ["传说", "童话", "神话", "诗文", "戏剧", "小说", "纪实", "尾声"]
    contents = [f"—— 第{i}章 {name}" for i, name in enumerate(chapters, 1)]
    contents += [f"———— {name}{k}则" for name in chapters for k in ("一", "两")]
    article = _p(INTRO) + "<h2>目录</h2>" + _p(contents) + _p(BODY)
    text = clean_html(_page(article)).text
    assert all(line in text for line in contents)
    assert all(line in text for line in INTRO + BODY)


def test_a_heading_over_a_list_of_links_between_bodies_stays_out() -> None:
    links = "".join(f'<li><a href="#s{i}">{i}. 第{i}节</a></li>' for i in range(1, 6))
    article = _p(INTRO) + f"<div>目錄</div><ul>{links}</ul>" + _p(BODY)
    text = clean_html(_page(article)).text
    assert all(line in text for line in INTRO + BODY)
    assert "目錄" not in text
