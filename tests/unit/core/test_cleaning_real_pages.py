"""Shapes of real pages the cleaner lost text on: prose written with spaces and line breaks for
punctuation (a clause a line), a bar of menu tabs between a headline list and the post, a news dateline
on a line of its own, and a caption or standfirst between a story's head and its text. Every page here
is built from text written for the test."""

from __future__ import annotations

from reader.core.cleaning import clean_html, clean_text
from reader.core.cleaning.features import Line, measure
from reader.core.cleaning.main import _menus
from reader.core.cleaning.spaced import spaced_blocks

MENU = ["首頁", "部落格", "相簿", "留言", "名片"]
# A travel diary set a clause a line: spaces where commas would stand, no mark at the end of a line.
DIARY = [
    "週末一早從市區出發 沿著山路慢慢往上開了兩個多小時",
    "山腰的雲霧還沒散去 車窗外的樹林若隱若現很有味道",
    "抵達營地時已經接近中午 主人熱情地招呼我們先喝杯熱茶",
    "營地不大但整理得很乾淨 每一區都有遮雨棚和獨立的水槽",
    "下午在溪邊散步 看到好多小魚在石頭縫裡鑽來鑽去",
    "孩子們玩得不亦樂乎 連晚餐時間到了都捨不得回來",
    "晚上氣溫降得很快 大家圍著火爐聊天一直到深夜才休息",
    "第二天清晨被鳥叫聲吵醒 推開帳篷就看見滿山的金黃色",
    "收拾好裝備準備下山 心裡已經在計畫下一次再來的日子",
]
FOOTER = ["上一篇：海邊露營初體驗", "下一篇：老街美食散步地圖", "留言列表", "發表留言"]


def _kept(raw: str) -> str:
    return clean_text(raw).text


def test_prose_written_a_clause_a_line_without_marks_is_the_article() -> None:
    raw = "\n".join([*MENU, "山中營地兩日遊", *DIARY, *FOOTER])
    text = _kept(raw)
    assert all(line in text for line in DIARY)
    assert "相簿" not in text and "發表留言" not in text


def test_prose_written_a_clause_a_line_is_the_article_in_html_too() -> None:
    menu = "".join(f'<li><a href="/{i}">{item}</a></li>' for i, item in enumerate(MENU))
    body = "".join(f"<p>{line}</p>" for line in DIARY)
    footer = "".join(f'<p><a href="/p{i}">{line}</a></p>' for i, line in enumerate(FOOTER))
    html = (
        f"<html><head><title>山中營地兩日遊</title></head><body><ul class='nav'>{menu}</ul>"
        f"<h1>山中營地兩日遊</h1><div class='article-content'>{body}</div><div>{footer}</div></body></html>"
    )
    text = clean_html(html).text
    assert all(line in text for line in DIARY)


ARTICLE = [
    "市政府昨日召开新闻发布会，介绍了今年城市绿化工作的进展情况和下一步的工作安排。",
    "据介绍，今年全市新增绿地面积一百二十公顷，新建口袋公园三十个，市民的满意度明显提高。",
    "下一步，有关部门将继续推进道路绿化提升工程，并加强对已建成绿地的日常养护和管理。",
]
# Headlines run together with the name of the column or site after a separator, a space between
# two headlines: the shape of a headline wall, not of a clause a line.
HEADLINE_WALL = [
    "城东新区规划方案公布 三年建成_今日快讯",
    "夏季用电高峰来临 电网全力保供_本地新闻",
    "老旧小区改造提速 居民出行更方便|城市观察",
    "暑期托管服务启动 覆盖全部城区_教育频道",
    "地铁五号线试运行 沿线站点一览_交通资讯",
    "本周天气多变 出行请注意防雨_生活服务",
    "文化馆推出系列讲座 免费预约_文化动态",
]


def test_a_wall_of_headlines_with_site_names_is_not_prose_without_marks() -> None:
    raw = "\n".join(["首页 新闻 财经 体育", "市区绿化工作取得新进展", *ARTICLE, *HEADLINE_WALL, "关于我们 | 联系我们"])
    text = _kept(raw)
    assert all(line in text for line in ARTICLE)
    assert not any(line in text for line in HEADLINE_WALL)


def test_a_few_spaced_headlines_are_not_a_block_of_prose() -> None:
    spaced = DIARY[:3]  # three lines of the shape make no block: one such line is as likely a headline
    raw = "\n".join(["首页 新闻 财经 体育", "市区绿化工作取得新进展", *ARTICLE, "相关阅读", *spaced])
    text = _kept(raw)
    assert all(line in text for line in ARTICLE)
    assert not any(line in text for line in spaced)


# Headlines of other posts that carry punctuation, so that as plain text they weigh like prose.
OTHER_POSTS = [
    "【山城小旅行】老街散步，吃遍三家人氣小吃！",
    "海邊露營初體驗 風大到帳篷差點飛走",
    "【親子景點】農場餵羊，孩子玩到不想回家！",
    "秋天賞楓路線整理 五條私房步道一次看",
    "週末市集巡禮 手作攤位與咖啡香",
]
MORE_DIARY = [
    "回程順路繞到山下的小鎮 買了幾罐當地的蜂蜜當伴手禮",
    "店家說今年雨水多 花開得比往年晚了快兩個禮拜",
    "路邊的橘子園正好在採收 一斤只要三十塊非常划算",
    "傍晚回到家洗完澡 整個人累得倒頭就睡著了",
]


def test_a_bar_of_menu_tabs_walls_a_headline_list_off_the_post() -> None:
    diary = DIARY + MORE_DIARY
    raw = "\n".join(["旅行日記", *OTHER_POSTS, "登入", "相簿", "部落格", "留言", "名片", *diary, *FOOTER])
    text = _kept(raw)
    assert all(line in text for line in diary)
    assert not any(line in text for line in OTHER_POSTS)


def test_it_takes_three_menu_items_in_a_row_to_make_a_wall() -> None:
    """A name over a fragment beside a flagged footer (an answer's 赞同 line, its author, a word) is two
    short lines: not a wall; the tabs of a menu, three or more, are."""
    texts = [ARTICLE[0], "赞同 220 添加评论 分享", "王小明", "其中", ARTICLE[1], "相簿", "部落格", "留言", ARTICLE[2]]
    lines = [measure(i + 1, text) for i, text in enumerate(texts)]
    lines[1].reason = "boilerplate"
    assert _menus(lines) == [False, False, False, False, False, True, True, True, False]


def test_a_dateline_on_its_own_line_opens_the_story() -> None:
    raw = "\n".join(
        [
            "首页 新闻 财经 体育",
            "市区绿化工作取得新进展",
            "2024年06月03日 08:15",
            "本报讯 6月2日报道",
            *ARTICLE,
            "关于我们",
        ]
    )
    text = _kept(raw)
    assert text.startswith("本报讯 6月2日报道")
    assert all(line in text for line in ARTICLE)


def test_a_short_line_that_is_no_dateline_does_not_open_the_story() -> None:
    raw = "\n".join(["首页 新闻 财经 体育", "市区绿化工作取得新进展", "2024年06月03日 08:15", "分享到朋友圈", *ARTICLE])
    assert "分享到朋友圈" not in _kept(raw)


def test_a_caption_and_a_subheading_under_the_head_of_a_story_are_its_own() -> None:
    caption = "图为市民在新建的口袋公园里散步休闲。"
    raw = "\n".join(
        [
            "首页 新闻 财经 体育",
            "市区绿化工作取得新进展",
            "发布时间：2024-06-03 08:15",
            caption,
            "城区绿地面积持续增加",
            *ARTICLE,
            "关于我们",
        ]
    )
    text = _kept(raw)
    assert caption in text and "城区绿地面积持续增加" in text
    assert all(line in text for line in ARTICLE)


def test_a_headline_over_a_post_stamp_is_not_taken_for_a_lead() -> None:
    """A lead touches the article: a post's headline stands above its stamp, not above its text."""
    raw = "\n".join(
        [
            "首页 新闻 财经 体育",
            "城市绿化专栏",
            "城区绿地又多了三十处。",
            "王小明 发表于 2024-06-03 08:15",
            *ARTICLE,
            "关于我们",
        ]
    )
    assert "城区绿地又多了三十处。" not in _kept(raw)


def test_a_question_under_the_head_is_a_headline_not_a_lead() -> None:
    """A lead states: a line that asks, between the head and the text, is the headline of a post."""
    raw = "\n".join(
        ["首页 新闻 财经 体育", "城市绿化专栏", "2024-06-03", "绿地为什么多了？", "绿化在身边", *ARTICLE, "关于我们"]
    )
    assert "绿地为什么多了？" not in _kept(raw)


SITE_FOOTER = [
    "主办单位：城南区人民政府办公室 承办单位：城南区政务数据中心",
    "联系地址：城南区人民路一号行政中心大楼 邮政编码：二一零零零一",
    "服务热线：城南区政务服务便民热线 工作时间：周一至周五上午九时至下午五时",
    "网站标识码：城南区政府门户网站 备案编号：城南区政务网站备案第一号",
    "建议使用：宽屏显示器浏览本站 最佳分辨率：一千九百二十乘一千零八十",
    "版权所有：城南区人民政府 未经许可：不得复制或者镜像本站的任何内容",
]


def test_fields_set_with_spaces_are_not_a_block_of_clauses() -> None:
    """Fields (`label：value`) paired with spaces pause like a clause a line, but a label and its colon
    are a field's mark: a footer of them is no diary. The diary itself is one block."""
    footer = [measure(i + 1, text) for i, text in enumerate(SITE_FOOTER)]
    diary = [measure(i + 1, text) for i, text in enumerate(DIARY)]
    assert spaced_blocks(diary) == [True] * len(DIARY)
    assert spaced_blocks(footer) == [False] * len(SITE_FOOTER)


# Clauses a line, most without a pause inside: a quieter form of the same layout.
QUIET_DIARY = [
    "早上醒來發現窗外下起了小雨",
    "原本計畫好的爬山行程只好取消",
    "索性窩在家裡把上週買的小說看完",
    "故事講的是一個小鎮裡的麵包師傅 和他收養的一隻老狗",
    "看到最後 忍不住紅了眼眶",
    "下午雨停了就帶著相機到附近公園走走",
    "地上的積水倒映著剛冒出來的藍天",
    "晚餐隨便煮了一鍋蔬菜湯 配著吐司",
]


def _measured(texts: list[str]) -> list[Line]:
    return [measure(i + 1, text) for i, text in enumerate(texts)]


def test_with_links_shown_an_unlinked_block_needs_less_of_the_shape() -> None:
    """As plain text a block that seldom pauses inside a line could be a list of headlines; on a page
    whose markup shows its links (the headline lists are linked), an unlinked block of clauses is prose."""
    plain = _measured(QUIET_DIARY)
    assert not any(spaced_blocks(plain))
    marked = _measured(["最新文章：山中營地兩日遊", *QUIET_DIARY])
    marked[0].link_chars = marked[0].words
    assert spaced_blocks(marked) == [False] + [True] * len(QUIET_DIARY)


def test_a_short_clause_does_not_break_a_block() -> None:
    lines = _measured([*DIARY[:4], "今年四月", *DIARY[4:]])
    assert spaced_blocks(lines) == [True] * (len(DIARY) + 1)


def test_a_dash_in_a_clause_is_prose_not_a_site_name() -> None:
    """A headline's site name follows a hyphen, `_` or `|`; the writer's dash (—) is punctuation."""
    lines = _measured([*DIARY[:3], "這趟旅程讓我想起了小時候—那段無憂無慮的日子", *DIARY[3:]])
    assert all(spaced_blocks(lines))


def test_an_editor_label_after_the_source_is_not_part_of_the_source() -> None:
    """`本文来源：某某日报 责任编辑：…` on news portals: 责任 opens the editor's label, it is no word of the
    paper's name."""
    raw = "\n".join(
        [
            "首页 新闻 财经",
            "某地出台新规 支持小微企业发展",
            "2015-07-04 16:15:40",
            "记者从有关部门获悉，新规自下月起施行，小微企业可以享受多项减免政策，申请手续也将进一步简化。",
            "业内人士认为，这一举措有助于缓解企业资金压力，稳定就业，预计受益企业将超过一万家。",
            "本文来源：东方日报 责任编辑：王明",
        ]
    )
    assert clean_text(raw).metadata.source == "东方日报"
