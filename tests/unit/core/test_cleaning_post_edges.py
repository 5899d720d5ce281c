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


DIALOG = [
    "匿名举报，为防止滥用，仅管理员可见举报者。",
    "垃圾广告：恶意灌水、广告、推广等内容，或者与本站主题无关的宣传",
    "无意义内容：测试、灌水、文不对题、消极内容、文章品质太差等情况",
    "违规内容：色情、暴力、血腥、敏感信息等，一经发现立即删除处理",
    "不友善内容：人身攻击、挑衅辱骂、恶意行为，严重者将被封禁账号",
]


def test_text_after_the_sites_registration_number_is_an_overlay() -> None:
    """A report dialog rendered after the footer outweighed a short post; the site's registration
    number prints once, in the footer, and what comes after it is no part of the article."""
    post = ["我的电脑分辨率调高以后，游戏全屏时有一部分界面显示不出来，调了很多次设置都没用，这是什么问题？"]
    footer = ["关于我们 联系我们", "某某公司 版权所有 京ICP备12345678号"]
    cleaned = clean_text("\n".join([*MENU, *post, *footer, *DIALOG]))
    assert post[0] in cleaned.text
    assert not any(line in cleaned.text for line in DIALOG)


QUOTE = "无论是减仓防御还是逆市加仓，每个人都在凭借自己的信念做出选择，而市场终将给出答案。"


def test_one_paragraph_seen_twice_is_the_writers() -> None:
    """A pull quote set again inside the text (or a caption under two photos) is the writer's: only a
    copy of the article, paragraphs repeated in a row, goes as a duplicate."""
    text = [STORY[0], QUOTE, STORY[1], QUOTE, STORY[2]]
    cleaned = clean_text("\n".join(text))
    assert cleaned.text.count(QUOTE) == 2
    copy = clean_text("\n".join([*STORY, "手机版", *STORY]))
    assert all(copy.text.count(line) == 1 for line in STORY)
    assert [r.reason for r in copy.removed if r.text in STORY] == ["duplicate"] * 3


LEAD = [
    "青石镇是一座位于河谷中的小镇，以出产青色石材闻名，镇上现有居民约八千人。",
    "小镇始建于明代，历史上曾是附近山区货物集散的重要码头，至今保留着大量石砌民居。",
]
SECTIONS = {
    "历史": "明代中期，沿河而居的石匠在此开采青石，逐渐形成集镇，清代设巡检司管理往来商旅与船只。",
    "地理": "小镇坐落在两山之间的河谷平地上，河流由北向南穿镇而过，年平均气温约十六摄氏度左右。",
    "经济": "石材开采和加工曾是小镇的支柱产业，近年来转向发展旅游和手工艺品，游客数量逐年增加。",
    "文化": "每年春季举行的石匠节是镇上最重要的节日，居民会在河边搭台演戏并展示传统石雕技艺。",
}


def _wiki_page() -> str:
    contents = "".join(f'<li><a href="#s{i}">{i + 1} {name}</a></li>' for i, name in enumerate(SECTIONS))
    sections = "".join(
        f'<h2>{name}<a href="/edit?section={i}">[编辑]</a></h2><p>{text}</p>'
        for i, (name, text) in enumerate(SECTIONS.items())
    )
    lead = "".join(f"<p>{line}</p>" for line in LEAD)
    return (
        f"<html><head><title>青石镇</title></head><body><ul class='nav'>{NAV}</ul><h1>青石镇</h1>"
        f"<div id='content'>{lead}<div class='toc'><p>目录</p><ul>{contents}</ul></div>{sections}</div>"
        f"{FOOT}</body></html>"
    )


def test_sections_with_edit_buttons_are_no_teaser_list() -> None:
    """A section title of the markup with its edit button over one paragraph has the shape of a
    headline over a summary: the sections read as a list of other articles and the lead took the
    article's place. A heading whose link is a small part of it is the article's own section."""
    text = clean_html(_wiki_page()).text
    assert all(line in text for line in LEAD)
    assert all(paragraph in text for paragraph in SECTIONS.values())


def test_a_players_menu_inside_the_article_element_stays_out() -> None:
    """List items inside the article's element are kept as its lists; a bar of one-word items in a
    row above the text (a video player's speed and quality menu) is a menu wall, not a list the
    writer made."""
    controls = ["倍速", "1.5X", "1.0X", "高清", "标清"]
    items = ["第一步，打开设置页面并选择网络选项。", "第二步，输入服务器地址后保存设置。"]
    body = (
        f"<ul>{''.join(f'<li>{c}</li>' for c in controls)}</ul>"
        f"<p>{STORY[0]}</p><p>{STORY[1]}</p><p>{STORY[2]}</p><ul>{''.join(f'<li>{i}</li>' for i in items)}</ul>"
    )
    page = (
        f"<html><head><title>地铁五号线南延段月底开通</title></head><body><ul class='nav'>{NAV}</ul>"
        f"<div class='article-content'>{body}</div>{FOOT}</body></html>"
    )
    text = clean_html(page).text
    assert all(line in text for line in STORY + items)
    assert not any(c in text.split("\n") for c in controls)
