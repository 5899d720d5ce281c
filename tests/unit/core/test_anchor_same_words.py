"""The same-words check after a file changed: width, script and junk the cleaner drops are not edits,
a revised figure is."""

from __future__ import annotations

import pytest

from reader.core.annotations.anchoring import Selector, anchor_many, same_words_only
from reader.core.annotations.selectors import describe


def _carried(old: str, new: str, quote: str) -> str | None:
    start = old.index(quote)
    d = describe(old, start, start + len(quote))
    selector = Selector(d.start, d.end, d.quote, d.prefix, d.suffix)
    found = same_words_only(new, [selector], anchor_many(new, [selector], old_text=old))[0]
    return None if found is None else new[found.start : found.end]


@pytest.mark.parametrize(
    ("old", "new", "quote", "placed"),
    [
        (
            "摘要。研发投入强度为4.2%，比上年提高。",
            "摘要。研发投入强度为４.２%，比上年提高。",
            "研发投入强度为4.2%",
            "研发投入强度为４.２%",
        ),
        (
            "附则。本办法自2026年1月1日起施行。完。",
            "附则。本办法自２０２６年１月１日起施行。完。",
            "本办法自2026年1月1日起施行",
            "本办法自２０２６年１月１日起施行",
        ),
        (
            "前言。养老服务体系建设成效明显。后记。",
            "前言。养老服务體系建设成效明显。后记。",
            "养老服务体系建设成效明显",
            "养老服务體系建设成效明显",
        ),
        (
            "前言。养老服务体系建设成效明显。后记。",
            "前言。養老服務體系建設成效明顯。后记。",
            "养老服务体系建设成效明显",
            "養老服務體系建設成效明顯",
        ),
        (
            "全國已布建ABC據點逾一萬處1。政府持續推動。",
            "全國已布建ABC據點逾一萬處。政府持續推動。",
            "據點逾一萬處1",
            "據點逾一萬處",
        ),
        (
            "今年全市新建养老服务设施\n3\n一百二十处，超额完成任务。",
            "今年全市新建养老服务设施一百二十处，超额完成任务。",
            "养老服务设施\n3\n一百二十处",
            "养老服务设施一百二十处",
        ),
        (
            "到社區關ㄍㄨㄢ懷ㄏㄨㄞˊ據點參加活動。長照服務。",
            "到社區關懷據點參加活動。長照服務。",
            "關ㄍㄨㄢ懷ㄏㄨㄞˊ據點參加活動",
            "關懷據點參加活動",
        ),
    ],
)
def test_width_script_and_dropped_junk_keep_the_highlight(old: str, new: str, quote: str, placed: str) -> None:
    assert _carried(old, new, quote) == placed


@pytest.mark.parametrize(
    ("old", "new", "quote"),
    [
        ("摘要。研发投入强度为4.2%，比上年提高。", "摘要。研发投入强度为4.5%，比上年提高。", "研发投入强度为4.2%"),
        ("摘要。研发投入强度为42%，比上年提高。", "摘要。研发投入强度为%，比上年提高。", "研发投入强度为42%"),
        ("附则。本办法自2026年1月1日起施行。完。", "附则。本办法自年1月1日起施行。完。", "本办法自2026年1月1日起施行"),
        ("共建成一百八十萬名志愿者队伍。完。", "共建成二百萬名志愿者队伍。完。", "共建成一百八十萬名志愿者队伍"),
    ],
)
def test_a_changed_or_vanished_figure_is_still_an_orphan(old: str, new: str, quote: str) -> None:
    assert _carried(old, new, quote) is None
