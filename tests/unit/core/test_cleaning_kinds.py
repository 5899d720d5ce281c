"""Page kinds the first development sets lacked: question pages, threads whose first post is short,
field lines in a footer. Synthetic pages in the shape of tests/data/web_pages/make_kind_pages.py."""

from __future__ import annotations

from reader.core.cleaning import clean_html, clean_text

MENU = ["问答社区", "首页", "发现", "等你来答", "提问", "消息"]
ANSWER1 = (
    "这个问题要分两步看，先看本地的政策规定，再看自己的实际情况，不同城市的办理流程并不完全相同，所需材料也各有差别。"
)
ANSWER2 = (
    "我去年刚办过，材料准备齐全的话一周左右就能拿到，建议提前在网上预约，可以少跑很多冤枉路。窗口的工作人员也很耐心。"
)
ANSWER3 = "补充一点，如果是外地户口，还需要提供居住证明，具体可以打电话问一下当地的办事大厅。各区的要求略有不同。"
POST = "今天去看了新开的图书馆，环境非常安静。"
REPLY = "楼主说得对，我上周也去过，那里的阅览室宽敞明亮，周末人也不算多，特别适合带孩子去看书学习。"


def _answers_page() -> str:
    lines = [*MENU, "办理居住证需要多长时间？", "关注问题 写回答 12人关注", "3个回答"]
    for n, answer in enumerate((ANSWER1, ANSWER2, ANSWER3)):
        lines += [f"用户{n}", answer, f"发布于 2021-0{n + 1}-12 10:2{n}", "赞同 12 添加评论 分享 收藏"]
    lines += ["相关问题", "居住证过期了怎么办？", "关于我们 | 联系我们 | 网站地图"]
    return "\n".join(lines)


def test_a_page_that_asks_a_question_keeps_every_answer() -> None:
    text = clean_text(_answers_page()).text
    for answer in (ANSWER1, ANSWER2, ANSWER3):
        assert answer in text


def test_an_article_with_stamped_comments_still_loses_them() -> None:
    """The same shape under a title that does not ask: the stamped posts are comments."""
    raw = _answers_page().replace("办理居住证需要多长时间？", "本市居住证办理时间缩短")
    text = clean_text(raw).text
    assert ANSWER1 in text
    assert ANSWER2 not in text and ANSWER3 not in text


def test_a_headline_that_asks_keeps_comments_out_when_no_answers_are_counted() -> None:
    """A news story whose headline asks, with stamped readers' comments: no answer count over them."""
    raw = _answers_page().replace("3个回答", "")
    text = clean_text(raw).text
    assert ANSWER1 in text
    assert ANSWER2 not in text and ANSWER3 not in text


def test_short_posts_under_a_question_are_comments() -> None:
    raw = _answers_page().replace(ANSWER2, "同问。").replace(ANSWER3, "顶一下")
    text = clean_text(raw).text
    assert "同问" not in text and "顶一下" not in text


def test_a_thread_keeps_its_short_first_post_over_a_long_reply() -> None:
    lines = ["本地论坛", "首页 论坛 搜索 帮助", "本地论坛 » 生活杂谈 » 新图书馆", "查看: 120 | 回复: 3"]
    lines += ["张三", "发表于 2020-05-01 10:00", "只看该作者", POST, "回复 引用 举报"]
    for floor, said in ((2, REPLY), (3, "顶一下"), (4, "同去")):
        lines += ["李四", f"{floor}楼 发表于 2020-05-0{floor} 11:00", said, "回复 引用 举报"]
    lines += ["1 2 下一页 返回列表", "您需要登录后才可以回帖 登录 | 注册"]
    text = clean_text("\n".join(lines)).text
    assert POST in text
    assert REPLY not in text


def test_a_footer_of_fields_does_not_outweigh_a_one_sentence_article() -> None:
    menu = ["新闻网", "首页", "新闻", "国内", "国际", "财经", "科技", "体育"]
    side = ["热点新闻", *[f"{n} 第{n}条热点新闻的标题文字" for n in range(1, 7)]]
    lines = [*menu, "老人获得社区照顾", "2009-02-03 10:29 来源：新闻网", "这期间，她将老人照顾得非常周到。"]
    lines += ["分享到：微信 微博", *side, "关于我们 | 联系我们 | 版权声明"]
    lines += ["主办单位：某某新闻网 承办：某某新闻网信息中心", "网站标识码：1234567890 京ICP备12345678号"]
    text = clean_text("\n".join(lines)).text
    assert "这期间，她将老人照顾得非常周到。" in text
    assert "主办单位" not in text


NOTICE = [
    "各有关单位：",
    "为进一步做好本年度的安全生产工作，切实保障人民群众生命财产安全，现将有关事项通知如下。",
    "一、提高认识，加强领导，各单位要把安全生产工作摆在重要位置，层层落实责任。",
    "二、突出重点，强化检查，对排查出的隐患要立即整改，不能立即整改的要制定方案。",
]


def test_a_table_of_fields_a_field_a_line_above_a_notice_is_kept_as_structure() -> None:
    fields = [
        "索引号：12345678/2020-00012",
        "主题分类：综合政务",
        "发布机构：市应急管理局",
        "发文字号：市应急〔2020〕3号",
    ]
    html = (
        "<html><head><title>关于做好安全生产工作的通知</title></head><body>"
        "<div class='nav'><a href='/'>首页</a> <a href='/g'>政务公开</a> <a href='/z'>政策文件</a></div>"
        + "".join(f"<p>{f}</p>" for f in fields)
        + "<h1>关于做好安全生产工作的通知</h1>"
        + "".join(f"<p>{p}</p>" for p in NOTICE)
        + "<div class='footer'><a href='/a'>关于我们</a> | <a href='/m'>网站地图</a></div></body></html>"
    )
    text = clean_html(html).text
    for field in fields:
        assert field in text
    assert NOTICE[1] in text


def test_three_fields_are_not_a_table() -> None:
    from reader.core.cleaning import features as cf
    from reader.core.cleaning.passes import mark_tables

    lines = [
        cf.measure(i + 1, t) for i, t in enumerate(["索引号：1234", "主题分类：综合", "发布机构：某局", "正文开始。"])
    ]
    mark_tables(lines)
    assert not any(line.structure for line in lines)


ARTICLE = [
    "记者从市交通部门获悉，本市今年将新建和改造公交站台三百余座，进一步方便市民出行。",
    "据介绍，新站台将配备电子站牌和无障碍设施，部分站台还将增设候车座椅和遮阳棚。",
    "市交通部门有关负责人表示，改造工程将分批进行，施工期间将尽量减少对交通的影响。",
]


def test_a_box_of_dated_headlines_above_an_article_is_not_a_thread() -> None:
    box = [f"第{n}条滚动新闻的标题文字内容 2021-0{n}-0{n} 1{n}:2{n}" for n in range(1, 6)]
    lines = ["新闻网", "首页 新闻 国内 国际", "滚动新闻", *box, "2021-06-01 10:00 来源：新闻网", *ARTICLE]
    lines += ["关于我们 | 联系我们 | 网站地图"]
    text = clean_text("\n".join(lines)).text
    for paragraph in ARTICLE:
        assert paragraph in text
    assert "滚动新闻的标题" not in text


def test_linked_headlines_with_times_are_not_post_headers() -> None:
    items = "".join(
        f"<p><a href='/n{n}'>第{n}条滚动新闻的标题文字内容</a> 0{n}-1{n} 1{n}:3{n}</p><p>{ARTICLE[n % 3][:30]}。</p>"
        for n in range(1, 6)
    )
    html = (
        "<html><body><div class='c1'>" + items + "</div><div class='c2'><h1>公交站台改造</h1>"
        "<p>2021-06-01 10:00 来源：新闻网</p>" + "".join(f"<p>{p}</p>" for p in ARTICLE) + "</div></body></html>"
    )
    text = clean_html(html).text
    for paragraph in ARTICLE:
        assert paragraph in text
