"""Shapes of documents a black-box pass found mishandled, each written here from scratch (names and figures
made up): a Markdown note of short paragraphs, a subscription-account article of short items, a notice
whose issuing office stands above its title, two paragraph elements ending and opening with labels, a
page with ruby annotations."""

from __future__ import annotations

from reader.core.cleaning import clean_html, clean_markdown, clean_text
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
    page = "<html><body><p>据统计，今年以来全区新增养老床位，<br>较去年同期增长百分之十二，服务能力明显提升。</p></body></html>"
    assert clean_html(page).text == "据统计，今年以来全区新增养老床位，较去年同期增长百分之十二，服务能力明显提升。"


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
