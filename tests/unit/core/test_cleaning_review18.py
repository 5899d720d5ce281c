"""Shapes a review of the cleaner found mishandled, each written here from scratch (names, offices and
figures made up): a wrapped notice whose last paragraph fills the column before its signing block, one
sentence pasted over several paragraph elements, Markdown clipped from a page, media boxes holding
sentences, dates in the Republic-of-China calendar, bylines without colons, nested Markdown items."""

from __future__ import annotations

from reader.core.cleaning import clean_html, clean_markdown, clean_text

COLUMN = 22


def _wrap(paragraph: str) -> str:
    return "\n".join(paragraph[k : k + COLUMN] for k in range(0, len(paragraph), COLUMN))


# Each paragraph is an exact number of columns long except the first; the last one ends on its full stop
# exactly at the column, right above the signing office and the date.
NOTICE_PARAGRAPHS = [
    "为做好今年汛期防灾减灾工作，保障人民群众生命财产安全，现就有关事项通知如下。",
    "各镇街要组织力量对辖区内的山塘水库、低洼易涝点和地质灾害隐患点开展拉网式排查，建立问题清单，限期整改到位。",
    "各有关部门要严格落实二十四小时值班和领导带班制度，保持通信畅通，遇有重大险情第一时间上报，不得迟报漏报瞒报。",
    "各单位要加强应急物资储备，提前预置抢险队伍和排涝设备，确保险情发生时拉得出、用得上、守得住，全力保障人民群众安全度汛，坚决守住底线。",
]


def test_a_signing_office_is_not_glued_to_a_last_paragraph_that_fills_the_column() -> None:
    """The paragraph above ends on its full stop at the column; the office and the date under it are a
    block of their own (short lines with no blank between), not the rest of that paragraph."""
    assert len(NOTICE_PARAGRAPHS[-1]) % COLUMN == 0
    text = (
        "关于做好汛期防灾减灾工作的通知\n\n"
        + "\n\n".join(_wrap(p) for p in NOTICE_PARAGRAPHS)
        + "\n临江县应急管理局\n2026年5月8日\n"
    )
    lines = clean_text(text).text.split("\n")
    assert lines[-3:] == [NOTICE_PARAGRAPHS[-1], "临江县应急管理局", "2026年5月8日"]


def test_a_wrapped_paragraph_going_on_after_a_full_stop_at_the_column_still_joins() -> None:
    """The same notice with its last paragraph going on after the full stop at the column: the tail down
    to the blank line is one paragraph's end, so it joins."""
    tail = "请各单位遵照执行。"
    paragraphs = [*NOTICE_PARAGRAPHS[:-1], NOTICE_PARAGRAPHS[-1] + tail]
    text = (
        "关于做好汛期防灾减灾工作的通知\n\n"
        + "\n\n".join(_wrap(p) for p in paragraphs)
        + "\n\n临江县应急管理局\n2026年5月8日\n"
    )
    lines = clean_text(text).text.split("\n")
    assert lines[-3:] == [paragraphs[-1], "临江县应急管理局", "2026年5月8日"]


def test_one_sentence_pasted_over_paragraph_elements_is_rejoined() -> None:
    """A sentence cut into `<p>` pieces that each stop on a comma is one paragraph; a colon lead and the
    complete paragraphs around it stay apart."""
    page = (
        "<html><head><title>港区年度工作回顾</title></head><body><div class='text'>"
        "<h1>港区年度工作回顾</h1>"
        "<p>一年来，港区管委会围绕建设现代化枢纽港的目标，</p>"
        "<p>持续推进航道疏浚、码头改造、集疏运体系建设等重点工程，</p>"
        "<p>全年货物吞吐量突破一亿吨，创历史新高。</p>"
        "<p>明年的重点任务如下：</p>"
        "<p>完成二期码头主体工程建设，力争年底前投入试运行。</p>"
        "</div></body></html>"
    )
    assert clean_html(page).text.split("\n") == [
        "一年来，港区管委会围绕建设现代化枢纽港的目标，持续推进航道疏浚、码头改造、集疏运体系建设等重点工程，"
        "全年货物吞吐量突破一亿吨，创历史新高。",
        "明年的重点任务如下：",
        "完成二期码头主体工程建设，力争年底前投入试运行。",
    ]


ARTICLE = (
    "眼下正值油菜花开的时节，沿江各村的花田连成一片，吸引了不少游客前来观赏拍照，乡村民宿一房难求。\n"
    "镇文化站负责人介绍，今年的赏花活动将持续到本月底，其间还将举办农产品展销和民俗表演等活动。\n"
)


def test_a_two_digit_year_after_a_date_label_is_no_roc_year() -> None:
    """`15-03-02` and `26.03.02` after a date label are a Western year cut short or a day-first date; read
    as ROC years they would give 1926 and 1937."""
    for value in ("15-03-02", "26.03.02", "99/12/31"):
        cleaned = clean_text(f"江边赏花记\n时间：{value}\n" + ARTICLE)
        assert cleaned.metadata.date is None, value


def test_a_three_digit_roc_year_after_a_date_label_is_read() -> None:
    cleaned = clean_text("江邊賞花記\n發布日期：115-04-09\n" + ARTICLE)
    assert cleaned.metadata.date == "2026-04-09"


def test_a_byline_verb_is_no_part_of_the_reporters_name() -> None:
    cleaned = clean_text("江边赏花记\n2026年4月9日 记者陈小兰报道\n" + ARTICLE)
    assert cleaned.metadata.author == "陈小兰"


def test_every_writer_a_byline_names_after_spaces_is_the_author() -> None:
    """Reporters and a correspondent named one after another with spaces: all of them, joined by 、 as
    a list of names is written; a photographer's name after 摄影 is no writer's."""
    cleaned = clean_text("江边赏花记\n2026年4月9日 记者 陈小兰 周立 通讯员 韩梅\n" + ARTICLE)
    assert cleaned.metadata.author == "陈小兰、周立、韩梅"
    cleaned = clean_text("江边赏花记\n2026年4月9日 记者 陈小兰 摄影 周立\n" + ARTICLE)
    assert cleaned.metadata.author == "陈小兰"


CLIPPED = """# 老城区雨污分流改造启动

记者从市住建局获悉，老城区雨污分流改造工程本周正式启动，计划用两年时间完成十二条主次干道的管网改造。

市住建局相关负责人介绍，施工将分段进行，每段施工前会提前公告交通组织方案，尽量减少对市民出行的影响。

延伸阅读：

新城区排水管网完成验收

滨河路夜间施工公告发布

网友留言

河边住户 2026-04-10 09:12

总算要改了，支持！

老街坊 2026-04-10 10:40

希望施工期间注意安全。

首页 | 要闻 | 民生 | 关于我们
"""


def test_markdown_clipped_from_a_page_loses_its_headlines_comments_and_menu() -> None:
    """The short lines under a head the cleaner removes (延伸阅读：, 网友留言 and the stamps) and a row of
    menu items between bars are the page's, not the note's: they go with their heads."""
    lines = clean_markdown(CLIPPED).text.split("\n")
    assert lines == [
        "记者从市住建局获悉，老城区雨污分流改造工程本周正式启动，计划用两年时间完成十二条主次干道的管网改造。",
        "市住建局相关负责人介绍，施工将分段进行，每段施工前会提前公告交通组织方案，尽量减少对市民出行的影响。",
    ]


def test_short_markdown_paragraphs_under_the_writers_lead_stay() -> None:
    note = "# 读书会书单\n\n这个月读了下面几本：\n\n城市的形状\n\n河流与村庄\n\n街道生活史\n\n下个月继续。\n"
    assert clean_markdown(note).text.split("\n") == [
        "这个月读了下面几本：",
        "城市的形状",
        "河流与村庄",
        "街道生活史",
        "下个月继续。",
    ]


PLAYER_PAGE = """<html><head><title>老手艺人的木刻年画</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/n">新闻</a> <a href="/v">视频</a></div>
<div class="article"><h1>老手艺人的木刻年画</h1>
<div class="dplayer"><div class="dplayer-notice">视频加载中，请稍候…</div>
<p>年画艺人张师傅在作坊里刻版。</p><p>拍摄：刘晓</p><div>点击播放</div></div>
<p>在镇上的老作坊里，张师傅每天清晨就开始刻版，一块梨木版要刻上半个月才能完成，刀法讲究稳准匀。</p>
<p>张师傅说，木刻年画讲究一版一色，套印时稍有偏差，整张画就废了，所以每一步都马虎不得。</p>
<div class="player"><p>主持人：小周</p><div>00:00 / 12:30</div></div>
<p>如今，镇里办起了年画传习所，张师傅每周都去给孩子们上课。</p>
</div>
<div class="footer">版权所有 某某网</div>
</body></html>"""


def test_a_media_players_box_keeps_the_writers_lines() -> None:
    """Inside a player's box the caption sentence and the labelled 拍摄：/主持人： lines are the writer's;
    the player's controls go, and the article's last paragraph after the box is kept."""
    cleaned = clean_html(PLAYER_PAGE)
    lines = cleaned.text.split("\n")
    for kept in (
        "年画艺人张师傅在作坊里刻版。",
        "拍摄：刘晓",
        "主持人：小周",
        "如今，镇里办起了年画传习所，张师傅每周都去给孩子们上课。",
    ):
        assert kept in lines, kept
    assert "点击播放" not in lines
    assert "视频加载中，请稍候…" not in lines


def test_nested_markdown_items_two_spaces_a_level_keep_their_indent() -> None:
    """Two spaces a level is the usual way to nest a list; the item reads exactly as its source line, so
    its indent must come from the source, not from the line as measured (spaces collapsed)."""
    note = "# 采购清单\n\n- 办公用品\n  - 打印纸\n    - 再生纸\n- 清洁用品\n\n以上。\n"
    assert clean_markdown(note).text.split("\n") == [
        "- 办公用品",
        "  - 打印纸",
        "    - 再生纸",
        "- 清洁用品",
        "以上。",
    ]


LEAD_PAGE = """<html><head><title>区里今年将新建一批便民设施</title></head><body>
<div class="menu"><ul><li>首页</li><li>时政</li><li>社会</li><li>体育</li><li>财经</li><li>图片</li></ul></div>
<div class="article">
<h1>区里今年将新建一批便民设施</h1>
<p>日前，区政府召开专题会议，研究部署今年的便民设施建设工作，会议确定了以下建设项目：</p>
<p>社区食堂15个</p>
<p>公共充电桩800个</p>
<p>健身步道20公里</p>
<p>口袋公园12处</p>
<p>停车泊位3000个</p>
<p>会议强调，各街道要压实责任、倒排工期，确保项目年内建成并投入使用。</p>
</div>
<div class="sidebar"><p>猜你喜欢：</p><p><a href="/a">春季养生小贴士</a></p><p><a href="/b">周末去哪儿</a></p></div>
</body></html>"""


def test_items_under_a_lead_in_the_article_element_are_kept_when_the_title_is_inside_it() -> None:
    """The `<h1>` inside the article's element: the lead ending on a colon is the densest run alone, and
    the items and the closing sentence under it in the same element are the article's."""
    lines = clean_html(LEAD_PAGE).text.split("\n")
    assert lines == [
        "日前，区政府召开专题会议，研究部署今年的便民设施建设工作，会议确定了以下建设项目：",
        "社区食堂15个",
        "公共充电桩800个",
        "健身步道20公里",
        "口袋公园12处",
        "停车泊位3000个",
        "会议强调，各街道要压实责任、倒排工期，确保项目年内建成并投入使用。",
    ]


NOTICE_WITH_STAMP = """关于做好春季学校食堂食品安全工作的通知
各中小学校、幼儿园：
新学期即将开始，为切实保障师生饮食安全，现就做好春季学校食堂食品安全工作通知如下，请认真抓好落实。
各校要全面落实食品安全校长负责制，严格执行食材采购查验和索证索票制度，确保食材来源可追溯。
临江县教育局
2026年2月20日
{stamp}
阅读次数：856
"""


def test_a_pages_update_stamp_under_the_closing_date_leaves_the_text() -> None:
    """`更新时间 10:30` under a notice's date is the page's stamp; the hour of a release written as a place's
    time (`北京时间15时00分`) is the writer's and stays."""
    lines = clean_text(NOTICE_WITH_STAMP.format(stamp="更新时间 10:30")).text.split("\n")
    assert lines[-2:] == ["临江县教育局", "2026年2月20日"]
    lines = clean_text(NOTICE_WITH_STAMP.format(stamp="北京时间15时00分")).text.split("\n")
    assert lines[-3:] == ["临江县教育局", "2026年2月20日", "北京时间15时00分"]


def test_a_markdown_paragraph_that_is_one_cited_link_stays() -> None:
    """One link whose text is a citation or a clause is the writer's reference, not a row of links; linked
    headlines under a removed related head still go."""
    note = (
        "# 读书札记：河流与城市\n\n"
        "这个月读了一本讲城市与河流关系的书，作者从古代的码头讲起，一直写到今天的滨水空间。\n\n"
        "[《河流塑造的城市》，某某大学出版社，2024年版](https://example.org/book)\n\n"
        "书中关于堤岸步道的一章最有意思，作者认为水边应当属于每一个步行的人。\n\n"
        "[作者的访谈：为什么要把河岸还给市民](https://example.org/talk)\n\n"
        "读完以后，我沿着家门口的小河走了一圈，看到了很多以前没留意的东西。\n\n"
        "相关阅读：\n\n"
        "[专家谈滨水空间：规划要留白，设计要克制](https://example.org/a)\n\n"
        "[老码头改造完成，周末对市民开放](https://example.org/b)\n"
    )
    lines = clean_markdown(note).text.split("\n")
    assert "《河流塑造的城市》，某某大学出版社，2024年版" in lines
    assert "作者的访谈：为什么要把河岸还给市民" in lines
    assert lines[-1] == "读完以后，我沿着家门口的小河走了一圈，看到了很多以前没留意的东西。"


def test_a_time_of_day_in_parentheses_closing_the_text_is_no_author() -> None:
    for when in ("周末", "上午", "当天"):
        text = (
            "社区义诊活动通知\n"
            "为方便辖区老年人就近看病，社区卫生服务站将联合区人民医院开展义诊活动，欢迎居民参加。\n"
            f"义诊内容包括测量血压、血糖和健康咨询，请有需要的居民携带医保卡到社区服务站参加（{when}）\n"
        )
        assert clean_text(text).metadata.author is None, when
