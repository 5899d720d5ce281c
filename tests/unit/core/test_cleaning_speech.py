"""Speaker labels: a label that opens a turn of dialogue (`记者：…？`) is body text, a label over a name or a
date is metadata. The class is decided by the value's shape (a question, or a sentence with a clause mark),
never by the label word."""

from __future__ import annotations

import pytest

from reader.core.cleaning import clean_text
from reader.core.cleaning.meta import is_speech

MENU = "首页 新闻 财经 体育 娱乐 科技"
TITLE = "专访：一位老教师的三十年"
ANSWER = "受访者：三十年来，我一直在乡村学校教书，看着一批又一批孩子走出大山，这是我最骄傲的事情。"


@pytest.mark.parametrize(
    "line",
    [
        "记者：您当初为什么选择回到家乡任教？",
        "記者：這些年來，您覺得最困難的是什麼？",
        "作者：我们不妨想一想，假如没有这些规则，城市会变成什么样子。",
        "题目：下列哪一项不属于可再生能源？",
        "记者：好吗？",
    ],
)
def test_a_label_opening_a_question_or_a_sentence_is_speech(line: str) -> None:
    assert is_speech(line)


@pytest.mark.parametrize(
    "line",
    [
        "记者：张三 李四",
        "作者：王小明",
        "来源：新华社",
        "发布时间：2024-03-02 10:15",
        "编辑：赵六。",
        "作者：张三 来源：人民日报 时间：2024年3月2日。",
    ],
)
def test_a_label_over_a_name_a_date_or_a_source_is_not_speech(line: str) -> None:
    assert not is_speech(line)


def test_interview_questions_stay_in_the_text_and_the_byline_goes() -> None:
    question = "记者：您当初为什么选择回到家乡任教？"
    raw = "\n".join([MENU, TITLE, "记者：张三", question, ANSWER, "记者：未来还有什么打算？", ANSWER[:-1] + "。"])
    cleaned = clean_text(raw)
    assert question in cleaned.text
    assert "记者：未来还有什么打算？" in cleaned.text
    assert cleaned.metadata.author == "张三"
    assert {r.text for r in cleaned.removed if r.reason == "metadata"} >= {"记者：张三"}


def test_a_label_alone_over_a_question_keeps_both_lines() -> None:
    raw = "\n".join([TITLE, "记者：", "您当初为什么选择回到家乡任教？", ANSWER])
    cleaned = clean_text(raw)
    assert "您当初为什么选择回到家乡任教？" in cleaned.text
    assert cleaned.metadata.author is None
