"""Lists of other pages that plain text cannot tell by their links: a feed of teasers under a short
article (each teaser headed by its source and age), boxes of ranked headlines, and a list of related
headlines that outweighs a one-paragraph article."""

from __future__ import annotations

from reader.core.cleaning import clean_text
from reader.core.cleaning import features as cf
from reader.core.cleaning.lists import mark_ranked_lists

ARTICLE = [
    "（本报讯）市体育局今天公布了今年夏季全民健身活动的安排，全市将举办各类赛事一百二十场。",
    "活动从六月持续到九月，市民可通过社区服务中心报名参加，所有项目均免费开放。",
]
MENU = ["首页", "新闻", "体育", "财经", "娱乐", "登录"]


def _teaser(source: str, age: str, headline: str, summary: str) -> list[str]:
    return [f"{source}·{age}", headline, summary]


FEED = [
    "其他人也在看",
    *_teaser(
        "晚报",
        "2 小时前",
        "城南新建体育公园下月开放 设有足球场和游泳馆",
        "城南体育公园经过两年建设即将完工，园区内设有标准足球场、室内游泳馆和环湖跑道，预计下月正式向市民开放，届时将",
    ),
    *_teaser(
        "都市报",
        "5 小时前",
        "马拉松报名人数创新高 组委会增加名额",
        "今年城市马拉松报名人数突破五万，创下历史新高，组委会决定增加两千个参赛名额，并对抽签规则作出调整，具体安排",
    ),
    *_teaser(
        "新闻网",
        "1 天前",
        "青少年篮球联赛开幕 六十支球队参赛",
        "第十届青少年篮球联赛昨日开幕，来自全市各区的六十支球队将在未来两个月内展开角逐，比赛采用分组循环赛制，冠军",
    ),
    *_teaser(
        "电视台",
        "2 天前",
        "社区健身器材更新 三百个小区受益",
        "市体育局联合各区对老旧小区的健身器材进行了更新，共涉及三百多个小区，新器材更加注重安全性和适老化设计，居民",
    ),
]


def test_an_age_beside_a_name_is_a_post_or_teaser_stamp() -> None:
    def stamp(text: str) -> bool:
        return cf.is_stamp_line(cf.measure(1, text))

    assert stamp("某某晚报·2 天前")
    assert stamp("Daily 財經·19 小時前")
    assert stamp("张三 3小时前")
    assert not stamp("11 天前")  # a bare age: too little to tell a header by
    assert not stamp("他说，这件事发生在三天前")  # a clause of a sentence
    assert not stamp("这是我们在五年前")  # no age at the line's end that stands apart


def test_a_feed_of_teasers_under_a_short_article_is_cut_in_plain_text() -> None:
    raw = "\n".join([*MENU, "全民健身活动安排公布", *ARTICLE, *FEED])
    cleaned = clean_text(raw)
    assert cleaned.text == "\n".join([*ARTICLE, "其他人也在看"])
    assert all(r.reason == "comments" for r in cleaned.removed if r.text in FEED[1:])


RANKED = [
    [
        "1城南新建体育公园下月开放，设有足球场和游泳馆",
        "2马拉松报名人数创新高，组委会为何增加名额？",  # a headline may ask
        "3青少年篮球联赛开幕：六十支球队参赛",
        "4社区健身器材更新，三百个小区受益",
        "5游泳馆暑期延长开放时间 夜场票价减半",
    ],
    [
        "1银行理财产品收益率回落，投资者转向存款",
        "2多家银行下调大额存单利率：三年期跌破3%",
        "3消费贷利率走低，银行加大营销力度",
        "4信用卡分期手续费调整 部分银行取消优惠",
        "5农村金融服务站覆盖全部行政村",
    ],
]


def test_boxes_of_ranked_headlines_do_not_outweigh_a_one_paragraph_article() -> None:
    article = ARTICLE[0] + ARTICLE[1]
    head = [*MENU, "全民健身活动安排公布", article, "分享到：", "相关阅读", "热门排行"]
    raw = "\n".join([*head, *RANKED[0], *RANKED[1]])
    cleaned = clean_text(raw)
    assert cleaned.text == article
    assert {r.reason for r in cleaned.removed if r.text in RANKED[0] + RANKED[1]} == {"related-links"}


def _ranked(texts: list[str]) -> list[str | None]:
    lines = [cf.measure(i + 1, text) for i, text in enumerate(texts)]
    mark_ranked_lists(lines)
    return [line.reason for line in lines]


def test_a_ranking_is_told_by_glued_ranks_or_by_boxes_that_restart_the_count() -> None:
    """A standard's contents (`1 范围`, `2 规范性引用文件` ...): one run, the numbers set off by a space,
    nothing glued, no second box after it: not a ranking. Report items with a separator are structure."""
    outline = ["1 范围", "2 规范性引用文件", "3 术语和定义", "4 总体要求", "5 检验方法", "6 标志和包装"]
    assert _ranked(outline) == [None] * len(outline)
    assert _ranked([f"{i}. {text[2:]}" for i, text in enumerate(outline, 1)] * 2) == [None] * 12
    assert _ranked(RANKED[0]) == ["related-links"] * 5  # glued
    spaced = [text[0] + " " + text[1:] for text in RANKED[0] + RANKED[1]]
    assert _ranked(spaced) == ["related-links"] * 10  # two boxes, the count restarting
    assert _ranked(spaced[:4]) == [None] * 4  # too short to be a ranking


RELATED = [
    "11月报名情况出炉：全市健身活动参与人数维持高位",
    "10月赛事安排不变 游泳比赛为3场，篮球比赛为5场",
    "专家解读：全民健身活动规模或已行至合意区间，四季度仍有扩大空间",
    "8月赛事非对称调整 透露什么信号 对市民有何影响？",
    "赛事调整：游泳减少5场，篮球增加15场，足球维持不变",
]


def test_related_headlines_with_clause_marks_give_way_to_a_one_paragraph_article() -> None:
    """Headlines with a colon or a comma count as prose line by line; as a run they finish no sentence,
    and a paragraph of two sentences elsewhere on the page is the article."""
    article = ARTICLE[0] + ARTICLE[1]
    head = [*MENU, "全民健身活动安排公布", "打印", "字号", article]
    raw = "\n".join([*head, "分享到：", "返回顶部", "相关阅读", *RELATED])
    cleaned = clean_text(raw)
    assert cleaned.text == article


ASKING = [
    "荷兰画家生平经历 他最著名的画有哪些？",
    "唐代名臣生平简介 他是个怎样的人？",
    "一份古代条约的内容 它带来了什么影响？",
    "一位山水画家的生平故事和主要作品",
]


def test_headlines_that_ask_closing_a_page_are_a_list_of_other_pages() -> None:
    raw = "\n".join([*MENU, "全民健身活动安排公布", *ARTICLE, "图文推荐", *ASKING])
    cleaned = clean_text(raw)
    assert cleaned.text == "\n".join(ARTICLE)
    assert {r.reason for r in cleaned.removed if r.text in ASKING} == {"related-links"}


def test_a_text_without_furniture_keeps_the_questions_it_closes_on() -> None:
    questions = ["这次活动为什么选在夏季举办？", "哪些项目最受市民欢迎？", "明年还会继续举办吗？"]
    raw = "\n".join(["全民健身活动安排公布", *ARTICLE, "思考题", *questions])
    cleaned = clean_text(raw)
    assert [r.text for r in cleaned.removed] == ["全民健身活动安排公布"]  # the title, read as the title
    assert cleaned.text.split("\n")[-3:] == questions


DATED = [
    "转型当前，这位演员如何做到一人千面？2024-05-15",
    "专访|新片引发争议？导演独家回应2024-05-08",
    "独家专访：多重身份转变，爱电影的初心不变 2024-04-24",
    "诗意刻画、披露珍贵史料…这部电影这样拍成2024-04-17",
]


def test_headlines_each_closing_with_a_date_are_a_list_of_other_pages() -> None:
    raw = "\n".join([*MENU, "全民健身活动安排公布", *ARTICLE, "相关新闻", *DATED, ARTICLE[0]])
    cleaned = clean_text(raw)
    assert [r.reason for r in cleaned.removed if r.text in DATED] == ["related-links"] * 4


def test_a_sentence_closing_with_its_date_is_no_headline() -> None:
    """A diary's entries, each a finished statement with its day after it, are the writer's."""
    entries = [f"今天去公园跑了五公里，天气很好。2024-05-{day:02d}" for day in (1, 2, 3)]
    raw = "\n".join(["跑步日记", *ARTICLE, *entries])
    assert all(entry in clean_text(raw).text for entry in entries)


def _record(headline: str, writer: str, stamp: str, summary: str) -> list[str]:
    return [headline, f"{writer}的博客", stamp, summary]


RECORDS = [
    *_record(
        "城南体育公园使用指南",
        "跑步的人",
        "05-11 2271",
        "城南体育公园经过两年建设即将完工，园区内设有标准足球场、室内游泳馆和环湖跑道，预计下月开放。",
    ),
    *_record(
        "马拉松报名经验分享",
        "lin_2020",
        "5-16",
        "今年城市马拉松报名人数突破五万，创下历史新高，组委会决定增加两千个参赛名额，并调整抽签规则。",
    ),
    *_record(
        "青少年篮球联赛观赛记录",
        "球迷老张",
        "03-07",
        "第十届青少年篮球联赛昨日开幕，来自全市各区的六十支球队将在未来两个月内展开角逐，赛制为分组循环。",
    ),
    *_record(
        "社区健身器材更新一览",
        "wx_118",
        "05-23 821",
        "市体育局联合各区对老旧小区的健身器材进行了更新，共涉及三百多个小区，新器材注重安全性和适老化。",
    ),
    *_record(
        "夏季游泳馆开放时间",
        "水中鱼",
        "10-14",
        "全市十二座公共游泳馆将于七月一日起延长开放时间，每天开放至晚上十点，学生凭证件可享受半价优惠。",
    ),
]


def test_a_feed_of_records_each_stamped_with_bare_figures_is_a_list_of_other_pages() -> None:
    # A post followed by its site's feed: a headline, a writer, a stamp (day and views), a summary each.
    # The summaries are finished sentences, so only the repeated record shape tells the feed.
    text = "\n".join([*MENU, "全民健身活动安排", *ARTICLE, *RECORDS, "关于我们", "联系方式"])
    cleaned = clean_text(text).text
    assert ARTICLE[0] in cleaned and ARTICLE[1] in cleaned
    for line in RECORDS:
        assert line not in cleaned


def test_a_diary_dated_alone_on_a_line_keeps_its_entries() -> None:
    # Entries under bare dates, each a paragraph with no headline: the writer's, not a feed.
    entries = [
        "今天去城南体育公园跑了五公里，园区的环湖跑道很平整，傍晚的风很舒服，跑完还在湖边坐了一会儿。",
        "下午带孩子去游泳馆上了第一节课，他一开始很害怕下水，后来在教练的鼓励下终于敢把头埋进水里。",
        "晚上和朋友打了两个小时篮球，腿有点酸，明天打算休息一天，顺便把这周的训练计划重新整理一遍。",
        "周末报名了城市马拉松，虽然只是半程，但这是我第一次参加正式比赛，接下来要认真准备才行。",
        "雨下了一整天，只好在家做了半小时拉伸和核心训练，顺便读完了那本关于跑步的书，收获不少。",
    ]
    diary = [line for k, entry in enumerate(entries) for line in (f"05-{11 + k}", entry)]
    cleaned = clean_text("\n".join([*MENU, "我的运动日记", *diary, "关于我们"])).text
    for entry in entries:
        assert entry in cleaned
