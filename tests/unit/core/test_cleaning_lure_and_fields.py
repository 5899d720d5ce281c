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
