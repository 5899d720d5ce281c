"""Post boundaries, comment sections, repeated copies and article containers, on synthetic pages."""

from __future__ import annotations

from reader.core.cleaning import clean_html, clean_text, html_extract, reason_label
from reader.core.cleaning import features as cf

PARA1 = "近日,市人民医院召开年度工作会议,总结过去一年的工作成绩,部署下一阶段的重点任务。"
PARA2 = "会议强调,要坚持以人民健康为中心,持续提升医疗服务质量,让群众看病更加方便。"
PARA3 = "与会人员围绕学科建设、人才培养等议题进行了深入交流,并提出了具体的改进建议。"
REPLY1 = "这篇文章写得很好,我们医院也在做类似的工作,希望以后能多多交流经验和做法。"
REPLY2 = "同意楼上的看法,基层医院的人才培养确实是一个难题,需要长期的投入和耐心。"
REPLY3 = "感谢分享,文中提到的几项改进建议很有参考价值,我会转给科室的同事们看看。"


def why(text: str, raw: str) -> str | None:
    for removed in clean_text(raw).removed:
        if removed.text == text:
            return removed.reason
    return None


def test_stamp_line_needs_a_date_and_a_clock_time_but_not_a_range() -> None:
    def stamp(text: str) -> bool:
        return cf.is_stamp_line(cf.measure(1, text))

    assert stamp("# re: 工作会议 2004-12-27 12:46 flyingbirds")
    assert stamp("由张三张贴 @ 2005-06-14 03:25:55 (370) 共 11 篇评论")
    assert stamp("一把辛酸泪啊。【网友甲】08-11 17:15 80字 [176/0]")
    assert stamp("发表于 2004年12月27日 12:40")
    assert not stamp("第三场：12月12日上午8:00-10:00")  # a schedule
    assert not stamp("2004-12-27")  # a date without a time
    assert not stamp("比分 10:30")  # a time without a date
    assert not stamp("2004-12-27 12:46 " + PARA1 + PARA2)  # a paragraph that opens with a stamp


def test_replies_after_the_article_are_cut_at_the_first_stamp() -> None:
    raw = "\n".join(
        [
            "医院召开工作会议",
            "发布时间:2024-03-02 10:00",  # the article's own stamp, above the text: not a boundary
            PARA1,
            PARA2,
            "# re: 医院召开工作会议 2024-03-02 11:20 网友甲",
            REPLY1,
            "# re: 医院召开工作会议 2024-03-02 12:05 网友乙",
            REPLY2,
            "# re: 医院召开工作会议 2024-03-03 08:41 网友丙",
            REPLY3,
        ]
    )
    cleaned = clean_text(raw)
    assert cleaned.text == "\n".join([PARA1, PARA2])
    assert why(REPLY2, raw) == "comments"
    assert cleaned.metadata.date == "2024-03-02T10:00"
    assert reason_label("comments") != "comments"


def test_two_stamps_are_not_a_thread() -> None:
    raw = "\n".join([PARA1, PARA2, "更新于 2024-03-02 11:20", PARA3, "# re: 2024-03-02 12:05 网友乙", REPLY1])
    assert REPLY1 in clean_text(raw).text
    assert PARA3 in clean_text(raw).text


def test_blog_page_listing_several_posts_keeps_the_first() -> None:
    posts = []
    for i, (title, body) in enumerate([("工作会议", PARA1 + PARA2), ("交流", REPLY1), ("建议", REPLY3)]):
        stamp = f"2005-06-1{4 - i} 0{3 + i}:25:55"
        posts += [title, stamp, body, f"由作者张贴 @ {stamp} 共 {i + 2} 篇评论"]
    cleaned = clean_text("\n".join(posts))
    assert cleaned.text == PARA1 + PARA2


def test_comment_section_heading_closes_the_article() -> None:
    raw = "\n".join([PARA1, PARA2, PARA3, "《医院召开工作会议》已有3条评论", "网友甲的评论", REPLY1, REPLY2])
    cleaned = clean_text(raw)
    assert cleaned.text == "\n".join([PARA1, PARA2, PARA3])
    assert why(REPLY1, raw) == "comments"
    # Above the text the same words are a button, not a boundary.
    assert clean_text("\n".join(["发表评论", PARA1, PARA2])).text == "\n".join([PARA1, PARA2])


def test_article_repeated_in_the_page_is_kept_once() -> None:
    raw = "\n".join([PARA1, PARA2, PARA3, "手机版", PARA1, PARA2, PARA3])
    cleaned = clean_text(raw)
    assert all(cleaned.text.count(para) == 1 for para in (PARA1, PARA2, PARA3))
    assert [r.line for r in cleaned.removed if r.reason == "duplicate"] == [5, 6, 7]
    # Short lines (a repeated caption, "点击查看") may well recur in an article.
    assert clean_text("\n".join([PARA1, "图为会议现场", PARA2, "图为会议现场", PARA3])).text.count("图为会议现场") == 2


def test_comments_inside_the_post_box_are_chrome() -> None:
    comments = "".join(
        f'<div class="comment"><h4>网友{i}</h4><p>{text}</p></div>' for i, text in enumerate([REPLY1, REPLY2, REPLY3])
    )
    html = f'<html><body><div class="post"><p>{PARA1}</p><p>{PARA2}</p>{comments}</div></body></html>'
    blocks = html_extract.render_blocks(html_extract.parse(html))  # type: ignore[arg-type]
    assert [b.chrome_inner for b in blocks][:2] == [False, False]
    assert all(b.chrome_inner and b.content_hint for b in blocks[2:])
    assert clean_html(html).text == "\n".join([PARA1, PARA2])


def test_article_inside_a_side_box_is_still_found() -> None:
    html = f'<html><body><div class="side"><div class="content"><p>{PARA1}</p><p>{PARA2}</p></div></div></body></html>'
    assert clean_html(html).text == "\n".join([PARA1, PARA2])


def test_tables_and_lists_inside_the_article_box_stay() -> None:
    rows = "".join(
        f"<tr><td>{year}年</td><td>第{n}张专辑</td><td>唱片公司</td></tr>"
        for n, year in enumerate((2001, 2004, 2005, 2006))
    )
    links = "".join(f'<li><a href="/n{i}">本地新闻标题第{i}条</a></li>' for i in range(6))
    html = (
        '<html><body><div class="article-body">'
        f"<p>{PARA1}</p><p>{PARA2}</p><table>{rows}</table><ul><li>地点:第二教学楼</li></ul>"
        f'<ul>{links}</ul></div><ul class="list"><li>另一栏目的条目</li></ul></body></html>'
    )
    text = clean_html(html).text
    assert "第3张专辑" in text and "地点:第二教学楼" in text
    assert "本地新闻标题第1条" not in text  # linked items stay a link list
    assert "另一栏目的条目" not in text  # outside the article's box
    # Without a box naming the article, the table is still a table by its shape (a year in every row),
    # and the links are still a list of links.
    bare = clean_html(html.replace('class="article-body"', "")).text
    assert "第3张专辑" in bare and "2005年" in bare
    assert "本地新闻标题第1条" not in bare


SHORT_REVIEWS = [
    "节奏很稳，两位主演的对手戏撑起了整部剧。每一场争吵都有来有回，看得人喘不过气，这样的剧太少见了。",
    "台词写得真好，很多句子都想抄下来。尤其是姐妹在车里聊天那一段，既克制又锋利，后劲很大。",
    "前两集有点慢，后面越看越上头。人物的选择都有来由，没有谁是纯粹的好人或者坏人，这点很难得。",
    "配乐和摄影都很用心，城市的夜景拍得很美。可惜第六集的剪辑有些乱，几条线交代得不够清楚。",
    "结局有点仓促，但整体还是值得一看。中年女性的困境拍得真实，不煽情，也不给廉价的答案。",
    "看完想给多年没联系的朋友打个电话。我们都以为自己选错了路，其实另一条路也没有那么好走。",
]


def test_a_page_of_short_posts_and_nothing_else_keeps_its_posts() -> None:
    # A wall of short reviews: no article above the first header, every post a remark. Cutting at the
    # second header would leave one remark of the page.
    posts = []
    for i, review in enumerate(SHORT_REVIEWS):
        posts += [f"{900 - i * 50} 有用 网友{i} 看过 2024-04-0{i + 1} 1{i}:19:20 上海", review]
    raw = "\n".join(["首页", "剧集", "影评", "某剧 短评", *posts, "关于我们", "帮助中心"])
    cleaned = clean_text(raw).text
    for review in SHORT_REVIEWS:
        assert review in cleaned


def test_an_article_whose_date_line_opens_a_wall_of_short_comments_keeps_only_the_article() -> None:
    # The article's date line is the first header and its paragraphs the first post: longer than a remark.
    posts = []
    for i, review in enumerate(SHORT_REVIEWS):
        posts += [f"网友{i} 2024-03-0{i + 2} 1{i}:19:20", review]
    raw = "\n".join(["医院召开工作会议", "发布时间:2024-03-02 10:00", PARA1, PARA2, PARA3, *posts])
    cleaned = clean_text(raw).text
    assert cleaned == "\n".join([PARA1, PARA2, PARA3])
