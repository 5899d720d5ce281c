"""The edges of the article on real pages the development data lacked: a question post whose opening
lines (a label, a file name, a line of an error message) stand above its one long paragraph, and a feed
of headlines closing a page's text whose headlines carry commas and colons. Every page here is built from
text written for the test."""

from __future__ import annotations

from reader.core.cleaning import clean_html, clean_text

NAV = "".join(f'<li><a href="/{i}">{item}</a></li>' for i, item in enumerate(["首页", "问答", "文章", "标签", "登录"]))
FOOT = '<div class="footer"><p><a href="/a">关于我们</a> | <a href="/c">联系我们</a></p></div>'
OPENING = [
    "我在项目里新加了一个统计页面，想把数据库里的记录用表格显示出来。",
    "新建的类",
    "ReportService",
    "ReportMapper",
    "启动时报错",
    "Field mapper in ReportService required a bean that could not be found",
]
PARAGRAPH = (
    "我已经在启动类上加了扫描注解，也检查了包名和目录结构，确认映射接口就在扫描的路径下面，"
    "但是重新编译以后运行依然失败，想请教一下是配置文件的问题，还是说这样添加新页面的思路本身就不对，"
    "如果方便的话，也想知道一个新功能一般应该从哪几个文件开始改起。"
)


def _question(opening: list[str], toolbar: str = "") -> str:
    bar = f"<p>{toolbar}</p>" if toolbar else ""
    body = "".join(f"<p>{line}</p>" for line in opening) + f"<p>{PARAGRAPH}</p>"
    return (
        f"<html><head><title>新加的页面启动报错</title></head><body><ul class='nav'>{NAV}</ul>"
        f"<h1>新加的页面启动报错</h1><div class='post-content'>{bar}{body}</div>{FOOT}</body></html>"
    )


def test_a_posts_opening_lines_above_its_long_paragraph_are_kept() -> None:
    """The short lines that open a question post inside its element were read as a menu above the
    article: only the long paragraph under them was kept."""
    text = clean_html(_question(OPENING, toolbar="只看楼主")).text
    assert all(line in text for line in OPENING)
    assert PARAGRAPH in text
    assert "只看楼主" not in text  # above the post's first sentence: a button, not the writer's
    assert "首页" not in text and "关于我们" not in text


def test_growth_above_the_article_stops_at_the_first_sentence() -> None:
    """Without a finished sentence among them, short lines above the paragraph stay out: a label or a
    toolbar over a post is no part of what was written."""
    text = clean_html(_question(["新建的类", "ReportService", "启动时报错"])).text
    assert PARAGRAPH in text
    assert "ReportService" not in text


MENU = ["首页", "国内", "国际", "财经", "体育", "登录"]
STORY = [
    "本报讯 市交通局今天发布消息，地铁五号线南延段将于本月底开通试运营，沿线新设车站六座。",
    "南延段全长十二公里，开通后从城南到市中心的通勤时间将缩短二十分钟左右，早晚高峰加开列车。",
    "交通局提醒乘客，试运营期间部分车站的出入口尚未全部开放，出行前可通过官方应用查询站点信息。",
]
FEED = [
    "城南房价半年涨了两成，业内人士：还有上涨空间吗？",
    "地铁站周边停车场扩容",
    "公交线路大调整这些站点停用",
    "市气象台发布预报，本周末有大风降温，最低气温将跌破零度！",
    "新能源车补贴政策延续",
    "高校毕业生就业招聘会下周举行，三百家单位提供六千个岗位！",
    "老旧小区加装电梯提速",
    "夜市重开首日客流破万，摊主直呼忙不过来，明年还要再扩大？",
    "图书馆延长夜间开放时间",
]


def test_a_feed_of_headlines_with_commas_closing_a_furnished_page_goes() -> None:
    """Headlines with a comma or a colon inside did not count as a list, so a feed closing the page
    stayed in the text; six lines in a row none of which ends a statement, half of them headlines by
    the strict test, are a list of other articles."""
    cleaned = clean_text("\n".join([*MENU, "地铁五号线南延段月底开通", *STORY, *FEED]))
    assert all(line in cleaned.text for line in STORY)
    assert not any(line in cleaned.text for line in FEED)
    assert {r.reason for r in cleaned.removed if r.text in FEED} == {"related-links"}


def test_a_text_without_furniture_keeps_its_closing_lines() -> None:
    """A note with no page furniture may close on short lines of its own: position is no evidence there."""
    cleaned = clean_text("\n".join([*STORY, *FEED]))
    assert all(line in cleaned.text for line in FEED)


QUESTIONS_ANSWERED = [
    "从城南到市中心坐地铁到底能比开车节省多少时间呢？",
    "按照交通局的测算，早高峰时段坐地铁大约可以节省二十分钟",
    "试运营期间的票价和现在的线路是不是一样的呢？",
    "试运营期间的票价和其他线路一样，也可以使用市民卡乘车",
    "还没有开放的出入口会在明年春节以前全部完工并投入使用吗？",
]


def test_closing_statements_are_no_feed() -> None:
    """Questions with their answers close the story: half of the lines are headlines by their shape
    (they only ask), but the last line ends a statement with a full stop, and a feed's headlines do
    not: the run stops there, and the story keeps its last words."""
    closing = [*QUESTIONS_ANSWERED, "交通局表示，剩下的出入口将在明年春节以前全部完工并投入使用。"]
    cleaned = clean_text("\n".join([*MENU, "地铁五号线南延段月底开通", *STORY, *closing]))
    assert all(line in cleaned.text for line in closing)


def test_closing_lines_with_clauses_are_no_feed() -> None:
    """Short lines none of which ends a statement, each with a clause mark inside, are the writer's
    closing words: a feed needs half of its lines to be headlines by the strict test."""
    closing = [
        line.rstrip("？呢吗") + "，交通局会在官方网站上公布" if "？" in line else line for line in QUESTIONS_ANSWERED
    ]
    cleaned = clean_text("\n".join([*MENU, "地铁五号线南延段月底开通", *STORY, *closing]))
    assert all(line in cleaned.text for line in closing)


def test_a_class_name_ending_in_app_letters_is_no_betting_brand() -> None:
    """`app` glued to Latin letters marked betting-site names (`xyzapp`); inside a word (`UserMapper`,
    a class named in a question) it is only letters, and the line is the writer's."""
    from reader.core.cleaning import features as cf

    assert cf.context_free_reason(cf.measure(1, "UserMapper")) is None
    assert cf.context_free_reason(cf.measure(1, "xyzapp")) == "spam"


PLAIN_OPENING = [OPENING[0], "新建了下面两个类", *OPENING[2:]]  # a label of two words alone reads as a button


def _plain_question(above: list[str]) -> str:
    return "\n".join(
        [
            "首页 问答 文章 标签 登录",
            "新加的页面启动报错",
            "张三 | 455 | 2024-01-03",
            *above,
            *PLAIN_OPENING,
            PARAGRAPH,
            "关于我们 | 联系我们",
        ]
    )


def test_a_posts_opening_lines_above_its_long_paragraph_are_kept_in_plain_text() -> None:
    """Plain text has no element that holds the post: the unflagged lines between the byline and the
    paragraph, up to the post's first statement, are the post's."""
    text = clean_text(_plain_question([])).text
    assert all(line in text for line in PLAIN_OPENING)
    assert PARAGRAPH in text
    assert "首页" not in text and "关于我们" not in text


def test_growth_in_plain_text_stops_at_a_button_and_under_a_question() -> None:
    """A word alone (an author card's follow button) ends the growth, so the card's blurb above it stays
    out; a question above the post's lines is a headline of a list, not its first statement."""
    blurb = "分享身边故事、身边知识、身边乐趣。"
    text = clean_text(_plain_question([blurb, "关注"])).text
    assert PARAGRAPH in text and PLAIN_OPENING[0] in text
    assert blurb not in text and "关注" not in text
    headline = "写代码的人还买得起房子吗？"
    text = clean_text(_plain_question([headline, "外国程序员心目中的十大开源项目"])).text
    assert PARAGRAPH in text and PLAIN_OPENING[0] in text
    assert headline not in text
