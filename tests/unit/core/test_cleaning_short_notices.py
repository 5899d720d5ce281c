"""Short notices written as text (a handful of lines, no paragraph long enough to open "the body"): the
title is the line at the head, and the issuing office with the closing date at the foot stays as text."""

from __future__ import annotations

from reader.core.cleaning import clean_text

_NOTICE = "\n".join(
    [
        "关于开展冬季供暖设施检查的通知",
        "各社区居委会、物业服务企业：",
        "入冬以来气温持续走低，为保障居民温暖过冬，现将有关事项通知如下：",
        "请于本月底前完成一次供暖管网全面检查。",
        "检查要求：",
        "发现问题及时整改，不留隐患。",
        "区住房和城乡建设局",
        "2025年11月3日",
    ]
)


def test_a_short_notice_takes_its_title_from_the_head_and_keeps_its_signature() -> None:
    cleaned = clean_text(_NOTICE)
    assert cleaned.metadata.title == "关于开展冬季供暖设施检查的通知"
    assert cleaned.text.split("\n")[-2:] == ["区住房和城乡建设局", "2025年11月3日"]
    assert [r.text for r in cleaned.removed] == ["关于开展冬季供暖设施检查的通知"]


def test_a_headline_ending_in_an_exclamation_is_still_a_title() -> None:
    page = "\n".join(
        [
            "首页 新闻中心 工作动态",
            "全省首届青年技能大赛(杭州赛区)圆满落幕!",
            "2025-10-12 09:30",
            "10月11日，全省首届青年技能大赛杭州赛区比赛在市职业技术学院结束，来自各地的两百余名选手参加了比赛。",
        ]
    )
    assert clean_text(page).metadata.title == "全省首届青年技能大赛(杭州赛区)圆满落幕!"


def test_a_long_plan_keeps_its_signature_date_and_the_note_under_them() -> None:
    items = []
    for n in range(1, 9):
        items += [
            f"（{n}）完成第{n}片区雨污分流改造，新建管网{n * 3}公里。",
            "牵头单位：区水利局",
            f"完成时间：2026年{n}月底前",
        ]
    text = "\n".join(["关于印发城区排水设施提升行动方案的通知", "各街道办事处：", *items])
    cleaned = clean_text(text + "\n区人民政府办公室\n二〇二六年二月九日\n（此件主动公开）")
    assert cleaned.text.split("\n")[-3:] == ["区人民政府办公室", "二〇二六年二月九日", "（此件主动公开）"]


_PORTAL = """<html><head><title>关于做好学校食堂安全管理工作的通知</title></head><body>
<div class="nav"><a href="/">首页</a> | <a href="/zw">政务公开</a> | <a href="/fw">办事服务</a></div>
<div class="content"><h1>关于做好学校食堂安全管理工作的通知</h1>
<p>某教发〔2025〕18号</p>
<p>各中小学校、幼儿园：</p>
<p>为切实保障师生饮食安全，根据有关规定，结合我市实际，现就加强学校食堂安全管理有关事项通知如下，请认真抓好落实。</p>
<p>一、落实食品安全校长负责制，明确专人负责食堂日常管理和检查记录。</p>
<p>二、严格执行食材采购查验制度，建立进货台账，做到来源可查、去向可追。</p>
<p>市教育局</p><p>2025年9月1日</p><p>（此件主动公开）</p></div>
<div class="footer">版权所有 某市教育局 <a href="/map">网站地图</a></div></body></html>"""


def test_a_document_number_and_the_note_under_the_date_are_kept_on_a_page() -> None:
    from reader.core.cleaning import clean_html

    lines = clean_html(_PORTAL).text.split("\n")
    assert lines[0] == "某教发〔2025〕18号"
    assert lines[-3:] == ["市教育局", "2025年9月1日", "（此件主动公开）"]


def test_a_labelled_title_is_its_value() -> None:
    text = "\n".join(
        [
            "首页 通知公告 政策文件",
            "标题：关于调整部分公交线路的通告",
            "发布日期：2025-03-02",
            "因道路施工需要，经研究决定，自即日起对部分公交线路的走向进行临时调整，请广大乘客相互转告。",
        ]
    )
    assert clean_text(text).metadata.title == "关于调整部分公交线路的通告"


def test_linked_section_headings_of_a_notice_are_its_parts() -> None:
    from reader.core.cleaning import clean_html

    paras = [
        "各街道要在月底前完成辖区内全部消防通道的排查，建立问题清单，逐项明确整改责任人和完成时限。",
        "区消防救援大队将会同街道开展联合检查，对占用、堵塞消防通道的行为依法处理，并定期通报。",
        "各单位要加强宣传引导，通过社区公告栏和业主群等渠道，提醒居民不得在通道内停放车辆。",
    ]
    heads = ["一、排查整治", "二、联合执法", "三、宣传引导"]
    body = "".join(
        f"<h2><a href='#p{k}'>{h}</a></h2><p>{p}</p>" for k, (h, p) in enumerate(zip(heads, paras, strict=True))
    )
    page = (
        "<html><body><div class='nav'><a href='/'>首页</a> <a href='/n'>通知公告</a></div>"
        f"<div class='content'><h1>关于开展消防通道专项整治的通知</h1>{body}</div></body></html>"
    )
    lines = clean_html(page).text.split("\n")
    assert [line for line in lines if line in heads] == heads
