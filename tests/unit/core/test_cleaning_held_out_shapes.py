"""Shapes of documents a black-box pass found mishandled, each written here from scratch (names and figures
made up): a Markdown note of short paragraphs, a subscription-account article of short items, a notice
whose issuing office stands above its title, two paragraph elements ending and opening with labels, a
page with ruby annotations."""

from __future__ import annotations

from reader.core.cleaning import clean_html, clean_markdown, clean_text, html_to_blocks
from reader.core.cleaning.html_extract import flat_blocks

SHORT_NOTE = """# 社区食堂走访记录

本季度走访了以下几处：

东湖街道长者饭堂

西岭社区助餐点

南桥村互助食堂

北站片区中央厨房
"""


def test_markdown_short_paragraphs_are_the_authors() -> None:
    """Four short unlinked paragraphs in a row read like a list of headlines in a page dump; in a Markdown
    note they are what the author wrote."""
    cleaned = clean_markdown(SHORT_NOTE)
    assert cleaned.text.split("\n") == [
        "本季度走访了以下几处：",
        "东湖街道长者饭堂",
        "西岭社区助餐点",
        "南桥村互助食堂",
        "北站片区中央厨房",
    ]
    assert [r.reason for r in cleaned.removed] == ["metadata"]  # the title heading only


def test_markdown_row_of_links_still_goes() -> None:
    note = "# 标题\n\n[首页](/) [新闻](/n) [图片](/p) [视频](/v) [关于](/a)\n\n正文第一段，写了一些内容。\n"
    cleaned = clean_markdown(note)
    assert "首页" not in cleaned.text
    assert "正文第一段，写了一些内容。" in cleaned.text


ARTICLE_OF_ITEMS = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>图说｜社区文化节安排</title></head>
<body><div id="page"><h1 class="post_title">图说｜社区文化节安排</h1>
<div class="meta"><span>原创</span> <a>河西文旅</a> <em>2025-09-03 08:30</em></div>
<div class="post_body" id="article_content">
<p>日前，河西区文旅局发布本年度社区文化节安排，今年的活动分为以下几项：</p>
<p>广场舞展演12场</p>
<p>书法摄影联展3期</p>
<p>少儿戏曲体验课40节</p>
<p>老年合唱比赛1场</p>
<p>区文旅局工作人员介绍，各项活动均免费参加，名额有限，报名请留意各社区通知。</p>
</div>
<div class="qrcode">扫一扫</div><div>关注公众号</div><a href="/more">更多</a><div>点赞</div><div>分享</div>
</div></body></html>"""


def test_short_unlinked_items_in_the_article_body_are_kept() -> None:
    """The lead ends on a colon and the items under it have no mark and no link: the writer's list inside
    the element that holds the article, not a menu."""
    text = clean_html(ARTICLE_OF_ITEMS).text.split("\n")
    assert text[0].startswith("日前，河西区文旅局发布本年度社区文化节安排")
    for item in ("广场舞展演12场", "书法摄影联展3期", "少儿戏曲体验课40节", "老年合唱比赛1场"):
        assert item in text
    assert "扫一扫" not in text


def test_short_items_under_a_lead_are_kept_in_the_page_copied_as_text() -> None:
    text = clean_text(html_to_blocks(ARTICLE_OF_ITEMS)).text.split("\n")
    assert text[0].startswith("日前，河西区文旅局发布本年度社区文化节安排")
    assert text[1:5] == ["广场舞展演12场", "书法摄影联展3期", "少儿戏曲体验课40节", "老年合唱比赛1场"]


OFFICE_ON_TOP = """南江县人民政府办公室
关于进一步做好农村饮水安全工程管护工作的通知
南府办发〔2025〕7号
各乡镇人民政府，县级有关部门：
为巩固农村饮水安全成果，保障群众饮水安全，经县政府同意，现就有关事项通知如下。
一、明确管护责任
各乡镇要落实属地管理责任，明确每处工程的管护主体和管护人员。
二、加强水质监测
县水利局会同县卫生健康局每季度开展一次水质抽检，结果向社会公布。
联系人：周敏，电话：0827-8812345
南江县人民政府办公室
2025年6月18日
"""


def test_issuing_office_on_top_is_not_the_title_and_the_signature_stays() -> None:
    cleaned = clean_text(OFFICE_ON_TOP)
    assert cleaned.metadata.title == "关于进一步做好农村饮水安全工程管护工作的通知"
    lines = cleaned.text.split("\n")
    assert lines[-2:] == ["南江县人民政府办公室", "2025年6月18日"]  # the signature block
    assert lines[0] == "南江县人民政府办公室"  # the office printed on top is the document's too
    assert [r.text for r in cleaned.removed] == ["关于进一步做好农村饮水安全工程管护工作的通知"]


def test_separate_paragraph_elements_are_never_joined() -> None:
    page = (
        "<html><head><title>评选结果</title></head><body>"
        "<p>依据《社区服务质量评价规范》地方标准，经街道推荐和专家评审，现将2025年度优秀社区名单公布如下：</p>"
        "<p>一等奖：东湖社区、西岭社区。</p><p>二等奖：南桥社区、北站社区、中山社区。</p>"
        "<p>对名单有异议的，可在七日内向区民政局反映。</p></body></html>"
    )
    lines = clean_html(page).text.split("\n")
    assert "依据《社区服务质量评价规范》地方标准，经街道推荐和专家评审，现将2025年度优秀社区名单公布如下：" in lines
    assert "一等奖：东湖社区、西岭社区。" in lines


def test_a_line_broken_inside_one_element_is_still_rejoined() -> None:
    page = "<p>据统计，今年全区新增养老床位，<br>较去年同期增长百分之十二，服务能力明显提升。</p>"
    assert clean_html(page).text == "据统计，今年全区新增养老床位，较去年同期增长百分之十二，服务能力明显提升。"


RUBY = (
    "<html><head><title>識字課</title></head><body><h1>識字課</h1>"
    "<p>小明放學後去<ruby>圖<rp>(</rp><rt>ㄊㄨˊ</rt><rp>)</rp></ruby><ruby>書<rt>ㄕㄨ</rt></ruby>館借書，"
    "他最喜歡看關於海洋的故事，每週都會去兩次。</p></body></html>"
)


def test_ruby_annotations_are_left_out_of_the_text() -> None:
    assert "去圖書館借書" in clean_html(RUBY).text
    assert "ㄊㄨˊ" not in clean_html(RUBY).text


def test_ruby_annotation_without_end_tags_hides_nothing_after_it() -> None:
    """An `<rt>` may leave out its end tag; the page read without a tree must not hide what follows."""
    page = "<p>去<ruby>圖<rt>ㄊㄨˊ<rt>x</ruby>書館借書。</p><p>第二段。</p>"
    assert [b.text for b in flat_blocks(page)] == ["去圖書館借書。", "第二段。"]


THREAD = """<html><head><title>求助：退休金跨省转移怎么办理？</title></head><body>
<div class="nav"><a href="/">论坛首页</a> <a href="/f">社保论坛</a> <a href="/p">发帖</a> <a href="/l">登录</a></div>
<div class="pages"><a>上一页</a> <a>1</a> <a>2</a> <a>下一页</a></div>
<h1>求助：退休金跨省转移怎么办理？</h1>
<div class="post"><div class="author">楼主：西湖老周 发表于 2025-05-06 08:40</div>
<div class="message">我在武汉工作了二十年，去年调到长沙，养老保险关系要怎么转过去？需要本人跑两边吗？</div></div>
<div class="post"><div class="author">2楼 社保小帮手 发表于 2025-05-06 09:55</div>
<div class="message">不用跑两边，在新参保地的社保经办机构提出转移申请，两地系统会自动办理接续手续。</div></div>
<div class="post"><div class="author">3楼 西湖老周 发表于 2025-05-06 10:20</div>
<div class="message">明白了！要带身份证吗？</div></div>
<div class="pages"><a>上一页</a> <a>1</a> <a>2</a> <a>下一页</a></div>
</body></html>"""


def test_a_thread_keeps_its_short_reply_and_reads_the_questions_byline() -> None:
    cleaned = clean_html(THREAD)
    assert "明白了！要带身份证吗？" in cleaned.text.split("\n")
    assert cleaned.metadata.author == "西湖老周"
    assert cleaned.metadata.date == "2025-05-06T08:40"


TW_GOV = """<html><head><meta charset="utf-8"><title>勞動部-114年度職業訓練補助公告</title></head><body>
<a href="#C" accesskey="C" title="中央內容區塊">:::</a>
<div class="header"><a>首頁</a> <a>網站導覽</a> <a>English</a> 字級：<a>小</a><a>中</a><a>大</a></div>
<div id="C" class="cp"><h2>114年度職業訓練補助公告</h2>
<ul class="info"><li>發布日期：114-07-15</li><li>更新日期：114-07-20</li><li>點閱次數：812</li></ul>
<p>一、為提升在職勞工技能，本部辦理114年度職業訓練補助，受理期間自即日起至114年9月30日止。</p>
<p>二、申請資格、補助額度及應備文件，請參閱下方附件。</p>
<div class="file"><h3>相關附件</h3><ul><li><a href="x.pdf">114年度補助作業要點.pdf</a></li>
<li><a href="y.odt">補助申請書.odt</a></li></ul></div></div>
<div class="func"><a>回上一頁</a> <a>友善列印</a></div></body></html>"""


def test_a_government_page_keeps_its_attachments_and_reads_the_roc_date() -> None:
    cleaned = clean_html(TW_GOV)
    lines = cleaned.text.split("\n")
    assert lines[-3:] == ["相關附件", "114年度補助作業要點.pdf", "補助申請書.odt"]
    assert cleaned.metadata.date == "2025-07-15"  # 民國 114 = 2025
    assert cleaned.metadata.author is None  # not the attachments' heading
    assert "點閱次數：812" not in lines and "更新日期：114-07-20" not in lines


PRESS = """<html><head><title>長者社區照顧服務券增加名額</title></head><body>
<div class="topbar">新聞公報 English 简体版</div><h1>長者社區照顧服務券增加名額</h1>
<div id="pressrelease">
<p>勞工及福利局今日（九月二日）宣布，長者社區照顧服務券下月起增加一千個名額。</p>
<p>局方發言人表示，合資格長者可透過社區中心遞交申請，有關詳情將上載局方網頁。</p>
<p>完</p><p>2025年9月2日（星期二）<br>香港時間16時30分</p></div>
<div class="footer">2025 | 重要告示 | 私隱政策</div></body></html>"""


def test_a_press_release_keeps_its_hour_and_has_no_weekday_author() -> None:
    cleaned = clean_html(PRESS)
    assert cleaned.text.split("\n")[-2:] == ["2025年9月2日（星期二）", "香港時間16時30分"]
    assert cleaned.metadata.author is None


def test_bylines_without_colons_name_their_writer_and_source() -> None:
    text = (
        "市区公交线路优化调整\n2025-08-12 10:05:31 来源：城市晚报网\n"
        "记者从市交通运输局获悉，本月起全市将优化调整十二条公交线路，方便市民出行，减少换乘次数。\n"
    )
    assert clean_text(text).metadata.source == "城市晚报网"
    byline = (
        "公園增設共融遊具\n2025年8月3日 ・ 記者 張美玲\n"
        "市府今日宣布，將於年底前在全市十座公園增設共融遊具，讓不同能力的孩子都能一起遊戲。\n"
    )
    assert clean_text(byline).metadata.author == "張美玲"
    dateline = (
        "多地推进老旧小区改造\n"
        "新华社成都8月5日电 (记者 孙立平)记者从四川省住房和城乡建设厅获悉，"
        "今年全省计划改造老旧小区两千个，惠及居民三十万户。\n"
    )
    assert clean_text(dateline).metadata.author == "孙立平"


def test_ads_player_text_and_picture_credits_leave_the_article() -> None:
    page = """<html><head><title>夜市经济</title></head><body><div class="article_content">
<p>入夏以来，全市夜市客流明显回升，餐饮、文创等摊位的营业额同比增长约两成，带动周边就业。</p>
<div class="video-player">视频加载中，请稍候... 点击播放</div>
<p class="pic">图片来源：城市图库</p>
<p>商务部门表示，将继续优化夜市布局，完善停车、照明和环境卫生等配套设施，提升消费体验。</p>
<div class="adsbygoogle">赞助内容：装修报价一键获取，立即咨询！</div>
</div></body></html>"""
    lines = clean_html(page).text.split("\n")
    assert len(lines) == 2
    assert lines[1].startswith("商务部门表示")


COLUMN = 24


def _wrap(paragraph: str) -> str:
    return "\n".join(paragraph[k : k + COLUMN] for k in range(0, len(paragraph), COLUMN))


# The first sentence is exactly two columns long: its full stop falls at the end of a wrapped line.
FIRST = "近期我市发生多起老年人居家跌倒和燃气使用不当等安全事故，致多人受伤，请广大市民朋友务必提高警惕。"
PARAGRAPHS = [
    FIRST + "各社区要组织网格员入户排查，重点关注独居、高龄老人，对发现的安全隐患要及时督促整改并做好记录。",
    "请各位家属多与老人沟通，帮助老人掌握用电用气安全常识，定期检查家中燃气管道和电线插座，共同营造安全的居家环境。",
    "社区服务中心将于下月起开展居家安全宣传周活动，欢迎老年朋友和家属积极参加，具体时间另行通知。",
]
WRAPPED = "关于加强老年人居家安全的提示\n\n" + "\n\n".join(_wrap(p) for p in PARAGRAPHS) + "\n"


def test_a_wrapped_line_ending_in_a_full_stop_at_the_column_goes_on() -> None:
    """The file ends its paragraphs with blank lines; a line that fills the column and happens to end on
    a full stop is followed by the rest of its paragraph, not by a new one."""
    assert len(FIRST) == 2 * COLUMN
    assert clean_text(WRAPPED).text.split("\n") == PARAGRAPHS


def test_nested_markdown_items_keep_their_indent() -> None:
    note = "# 走访安排\n\n1. 东城片区\n   - 长者饭堂两处\n   - 日间照料中心\n2. 西城片区\n   1. 护理院\n\n结束。\n"
    assert clean_markdown(note).text.split("\n") == [
        "1. 东城片区",
        "  - 长者饭堂两处",
        "  - 日间照料中心",
        "2. 西城片区",
        "  1. 护理院",
        "结束。",
    ]
