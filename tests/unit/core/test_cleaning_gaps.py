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


SHORT_ARTICLE = (
    "（本报讯）市体育中心昨晚举行的城市网球公开赛决赛中，本地选手以两盘直落击败上届冠军，首次捧起奖杯。"
    "赛后他说，这座城市对他意义非凡，明年还会回来卫冕。"
)
FEED = [
    ("体育快讯·2 小时前", "青少年网球训练营开始报名", "今年的训练营共设八个班，报名截至本月底，详情请见主办方公告。"),
    (
        "本地新闻·5 小时前",
        "体育中心周边道路临时管制",
        "为保障赛事期间交通，体育中心周边道路实行临时管制，请绕行",
    ),
    ("财经频道·8 小时前", "运动品牌一季度销售增长", "多家运动品牌发布一季度业绩，销售额普遍增长，其中网球用品增幅最大"),
    ("体育快讯·1 天前", "羽毛球联赛下周开打", "新赛季羽毛球联赛下周六开打，共有十二支球队参加，比赛将持续三个月。"),
    ("生活服务·1 天前", "周末天气晴好适合户外运动", "气象台预计本周末以晴为主，气温适宜，适合户外运动和出游"),
]


def _feed_page() -> str:
    teasers = [
        f"<div class='item'><div>{kicker}</div><h4><a href='/n{i}'>{head}</a></h4><p>{summary}</p></div>"
        for i, (kicker, head, summary) in enumerate(FEED)
    ]
    ad_menu = (
        "<div class='ad'><h4>为什么你不喜欢这个广告？</h4><ul><li>这个广告令我不安</li><li>这个广告与我无关</li>"
        "<li>其他原因</li></ul><div>谢谢你的意见与建议。我们会移除这个广告，并按需要作出更改。</div></div>"
    )
    return (
        f"<html><head><title>本地选手首夺城市网球公开赛冠军</title></head><body><ul class='nav'>{NAV}</ul>"
        "<div class='main-content'><h1>本地选手首夺城市网球公开赛冠军</h1><div>2024年5月20日</div>"
        f"<div class='article-content'><p>{SHORT_ARTICLE}</p></div>"
        "<div class='recommend'>其他人也在看</div>"
        f"<div class='stream'>{''.join(t + (ad_menu if i % 3 == 2 else '') for i, t in enumerate(teasers))}</div>"
        f"</div>{FOOT}</body></html>"
    )


def test_a_feed_of_teasers_with_kickers_under_a_short_article_goes() -> None:
    """A one-paragraph article above a feed whose teasers carry a source and a time over a linked
    headline, and a summary cut without a final mark: the feed outweighed the article and was kept."""
    text = clean_html(_feed_page()).text
    assert SHORT_ARTICLE in text
    assert not any(summary in text for _, _, summary in FEED)
    assert not any(kicker in text for kicker, _, _ in FEED)
