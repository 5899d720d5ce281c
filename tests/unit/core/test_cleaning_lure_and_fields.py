"""A contact lure slipped between an article's paragraphs, and the page's tools printed after the source
field. Every document here is written for the test."""

from __future__ import annotations

from reader.core.cleaning import clean_text
from reader.core.cleaning.metadata import labelled_fields

STORY = [
    "区图书馆今年新开了三家社区分馆，居民在家门口就能借到新书，周末还有志愿者讲故事。",
    "分馆的藏书由总馆统一调配，读者在任何一个分馆借的书都可以就近归还，不用再跑回总馆。",
]


def test_a_messaging_handle_with_an_urgent_offer_between_paragraphs_is_spam() -> None:
    """An account to add on a messaging app and an urgent offer, on one short line between paragraphs,
    is an advertisement slipped into the text."""
    lure = "添加VX readmore2025 免费领取电子借书卡，限时三天！！"
    cleaned = clean_text("\n".join(["社区分馆开门迎客", STORY[0], lure, STORY[1]]))
    assert lure not in cleaned.text
    assert all(line in cleaned.text for line in STORY)
    assert [r.reason for r in cleaned.removed if r.text == lure] == ["spam"]


def test_an_office_account_for_questions_is_text() -> None:
    """An account given for questions, with no offer or urgency, is the article's own information; an
    urgent offer with no account is a sentence about the offer."""
    account = "读者如有疑问，可以添加微信 tsgfw2025 咨询借阅规则。"
    offer = "开馆首周办卡的读者可以免费领取一个帆布袋，名额有限，送完为止。"
    cleaned = clean_text("\n".join(["社区分馆开门迎客", STORY[0], account, offer, STORY[1]]))
    assert account in cleaned.text and offer in cleaned.text


def test_a_source_field_stops_at_the_pages_tools() -> None:
    """A view counter or a font-size control printed after the source is no part of it."""
    assert ("source", "区融媒体中心") in labelled_fields("来源：区融媒体中心 浏览次数：2048")
    assert ("source", "区融媒体中心") in labelled_fields("来源：区融媒体中心　【字体：大 中 小】")
    meta = clean_text("\n".join(["社区分馆开门迎客", "来源：区融媒体中心 点击数：77", *STORY])).metadata
    assert meta.source == "区融媒体中心"


SCAM_NEWS = [
    "本报讯（记者陈静）近日，市公安局反诈中心通报了多起以“免费领取红包”为诱饵的电信诈骗案件，涉案金额累计超过三十万元。",
    "警方提醒：不法分子常在短视频评论区留言“加微信abc12345免费领取红包”，一旦添加，对方便以激活红包为名索要验证码。",
    "据办案民警介绍，骗子惯用“名额有限、先到先得”等话术，受害人加QQ 12345678后，被拉进所谓的福利群，再被诱导大额转账。",
    "民警表示，正规平台发放红包不会要求添加私人账号，更不会索要验证码和银行卡密码，市民遇到此类情况应立即拨打反诈专线。",
]


def test_a_news_report_quoting_a_scam_keeps_every_paragraph() -> None:
    """A report on scams cites the scammers' account and offer, in quotation marks or as what a police
    officer said: the paragraphs are the article, and so is the lead above them."""
    cleaned = clean_text("\n".join(["警惕短视频评论区的“免费红包”", *SCAM_NEWS]))
    assert cleaned.text.split("\n") == SCAM_NEWS


def test_a_lure_under_the_lead_does_not_cut_the_lead_off() -> None:
    """Two lures removed under a short lead cost the run of prose so much that the lead went as
    navigation; a removed advertisement is no sign the article ends there."""
    lead = "本报讯（记者陈静）近日，区图书馆新开的三家社区分馆同时开门迎客。"
    lures = ["添加VX readmore2025 免费领取电子借书卡，限时三天！！", "加微信 shuyou8888 名额有限先到先得"]
    cleaned = clean_text("\n".join(["社区分馆开门迎客", lead, *lures, *STORY]))
    assert cleaned.text.split("\n") == [lead, *STORY]
    assert [r.reason for r in cleaned.removed if r.text in lures] == ["spam", "spam"]
