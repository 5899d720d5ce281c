"""A page's closing lines: a sentence naming the site licence, a writer's closing tips, and a page that
carries its article twice. Every page here is built from text written for the test."""

from __future__ import annotations

from reader.core.cleaning import clean_html, clean_text

MENU = ["首页", "新闻", "评论", "专题"]
NAV = "".join(f'<li><a href="/{i}">{item}</a></li>' for i, item in enumerate(MENU))
LICENCE_NEWS = [
    "省通信管理局今天召开会议，部署今年下半年互联网信息服务的检查工作，重点是新上线的网站。",
    "会议指出，从事经营性业务的网站除了备案以外还需要取得ICP证，材料可以在管理局的系统里提交。",
    "据介绍，去年全省共抽查了两千多家网站，其中一百多家因为登记的信息与实际情况不符被要求整改。",
    "管理局提醒，网站负责人的电话或者地址发生变化时，应当及时办理变更，以免影响网站的正常访问。",
]


def test_a_sentence_naming_the_licence_is_no_footer() -> None:
    """A paragraph that names the licence (需要取得ICP证) was taken for the site's footer, and the
    paragraphs after it went as related links: a word in a sentence is no evidence of a footer."""
    cleaned = clean_text("\n".join([*MENU, *LICENCE_NEWS, "关于我们 | 联系我们"]))
    assert all(line in cleaned.text for line in LICENCE_NEWS)


STEPS = [
    "这道凉拌木耳做起来很省事，提前泡好木耳以后，十分钟就能端上桌，夏天吃起来格外清爽开胃。",
    "木耳用温水泡发两个小时，洗净后放进开水里焯一分钟，捞出来马上过一遍凉水，口感会更加脆。",
    "碗里放入蒜末、小米辣和香菜，加两勺生抽、一勺香醋和少许白糖，最后淋上烧热的油拌匀就好。",
]
TIPS = [
    "木耳不要泡太久，泡发过夜的木耳容易变质，吃了对身体不好",
    "焯水的时间一定不能太长",
    "不能吃辣的朋友可以把小米辣换成彩椒",
    "香醋也可以换成陈醋，味道会更浓一些，颜色也深一点",
    "拌好以后放进冰箱冷藏半小时更入味",
    "一次不要做太多，当天做的最好当天吃完，不要放到第二天",
]


def _recipe(tips_html: str) -> str:
    body = "".join(f"<p>{line}</p>" for line in STEPS)
    return (
        f"<html><head><title>凉拌木耳</title></head><body><ul class='nav'>{NAV}</ul><h1>凉拌木耳</h1>"
        f"<div class='article-content'>{body}{tips_html}</div>"
        "<div class='footer'><p><a href='/a'>关于我们</a> | <a href='/c'>联系我们</a></p></div></body></html>"
    )


def test_a_writers_closing_tips_in_the_articles_element_are_kept() -> None:
    """Six short tips without a final mark closing a recipe went as a feed of headlines: in the
    article's own element, with no link among them, they are the writer's."""
    text = clean_html(_recipe("".join(f"<p>{line}</p>" for line in TIPS))).text
    assert all(line in text for line in STEPS)
    assert all(line in text for line in TIPS)


def test_a_linked_feed_closing_the_articles_element_goes() -> None:
    """The same lines as links to other pages are a feed, wherever they stand."""
    feed = "".join(f"<p><a href='/p{i}'>{line}</a></p>" for i, line in enumerate(TIPS))
    text = clean_html(_recipe(feed)).text
    assert all(line in text for line in STEPS)
    assert not any(line in text for line in TIPS)


SECTIONS = [
    "一、活动时间",
    "今年的读书节从四月二十三日开始，持续一个月，全市六十家图书馆和两百多家书店一起参加活动。",
    "二、主要活动",
    "活动期间，各图书馆每个周末都会举办作家讲座和亲子阅读会，市民可以在官方账号上提前预约。",
    "三、优惠措施",
    "参加活动的书店在读书节期间全场图书八折销售，持有市民卡的读者还可以额外领取一张购书券。",
]


def test_a_page_carrying_its_article_twice_reads_once() -> None:
    """The copy's headings stand between its paragraphs, so no two copied paragraphs were neighbours
    and the copy stayed: lines seen before, whatever their length, make one stretch of copy."""
    cleaned = clean_text("\n".join([*MENU, *SECTIONS, "手机版", *SECTIONS]))
    assert all(cleaned.text.count(line) == 1 for line in SECTIONS)
    assert {r.reason for r in cleaned.removed if r.text in SECTIONS} == {"duplicate"}


def test_one_paragraph_seen_twice_among_new_lines_is_kept_twice() -> None:
    """A paragraph set again further on (a pull quote), with lines not seen before around it, is the
    writer's repetition."""
    quote = "读书不是为了和别人比较，而是为了每天都比昨天的自己多懂得一点，这句话我一直记在心里。"
    doc = [SECTIONS[1], quote, SECTIONS[3], SECTIONS[5], quote, STEPS[0]]
    cleaned = clean_text("\n".join(doc))
    assert cleaned.text.count(quote) == 2
