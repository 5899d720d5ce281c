"""A byline whose fields are set apart by ideographic spaces, and a release's closing date with its weekday."""

from __future__ import annotations

from reader.core.cleaning import clean_html, clean_text


def test_a_reporter_named_after_the_source_without_a_colon_is_the_author() -> None:
    page = (
        "<html><body><h1>西湖景区春节假期接待游客创新高</h1>"
        "<div class='info'>2026-02-18 08:30:00\u3000来源：杭州晚报\u3000记者 王芳</div>"
        "<div class='content'><p>春节假期，西湖景区共接待中外游客三百二十万人次，同比增长百分之十二，"
        "各主要景点秩序井然。</p>"
        "<p>景区管委会表示，假期期间共投入志愿者一千二百人次，为游客提供咨询和引导服务。</p></div></body></html>"
    )
    meta = clean_html(page).metadata
    assert (meta.source, meta.author) == ("杭州晚报", "王芳")


def test_a_press_release_keeps_its_date_with_the_weekday_and_the_time_under_it() -> None:
    text = "\n".join(
        [
            "政府新聞公報",
            "食物安全中心公布最新食品檢測結果",
            "食物安全中心今日公布，上月共檢測約五千個食物樣本，整體合格率為百分之九十九點八。",
            "中心已就不合格樣本通知有關商戶停售，並會繼續跟進。",
            "完",
            "2026年3月4日（星期三）",
            "香港時間16時05分",
        ]
    )
    lines = clean_text(text).text.split("\n")
    assert lines[-3:] == ["完", "2026年3月4日（星期三）", "香港時間16時05分"]


def test_comments_under_a_one_paragraph_brief_are_not_a_wall_of_posts() -> None:
    remarks = [
        "图书馆周末能开到晚上九点就好了，白天上班根本没时间去，希望能考虑一下上班族的需要。",
        "新馆的自习座位多吗？以前每到考试季都要一大早去排队占座，去晚了就只能站着看书。",
        "少儿阅览区能不能再扩大一点？周末带孩子去的人特别多，里面经常挤得转不开身。",
        "停车场收费标准出来了吗？希望读者能有一定时间的免费停车，不然去一次成本太高了。",
        "期待新馆早日开放，听说还有电子阅览室和古籍展厅，到时候一定带家人去看看。",
    ]
    posts = [line for k, remark in enumerate(remarks) for line in (f"读者{k} 2025-04-0{k + 2} 1{k}:05:30", remark)]
    brief = "本报讯 市图书馆新馆主体工程日前完工，新馆建筑面积四万平方米，预计明年春季对外开放。"
    text = "\n".join(["首页 新闻 本地 文化", "市图书馆新馆主体完工", "2025-04-01 09:00 来源：都市报", brief, *posts])
    cleaned = clean_text(text)
    assert cleaned.text == brief
    assert {r.reason for r in cleaned.removed if r.text in remarks} == {"comments"}
