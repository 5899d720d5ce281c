"""Markdown syntax that is not words: rules and code fences leave the text as markup, a raw HTML block reads
as its words, footnote marks and definitions read as printed notes, wiki links as their shown words, and
the front matter's source fills the metadata."""

from __future__ import annotations

from reader.core.cleaning import clean_markdown

_NOTE = """---
title: 社区食堂走访记录
source: 个人整理
tags: [民生, 食堂]
---

# 社区食堂走访记录

本月走访了三家社区食堂，日均就餐人数约为四百人次[^a]，老人占七成。

参见 [[养老服务笔记]] 与 [[食品安全|食品安全要点]]。

<div align="center">表3 三家食堂就餐人数</div>

***

```text
食堂A 420
```

[^a]: 数据来自各食堂的登记表。
"""


def test_syntax_lines_leave_the_text_and_the_words_stay() -> None:
    cleaned = clean_markdown(_NOTE)
    lines = cleaned.text.split("\n")
    assert "本月走访了三家社区食堂，日均就餐人数约为四百人次[a]，老人占七成。" in lines
    assert "参见 养老服务笔记 与 食品安全要点。" in lines
    assert "表3 三家食堂就餐人数" in lines
    assert "食堂A 420" in lines
    assert "[a] 数据来自各食堂的登记表。" in lines
    assert not any(line.strip() in ("***", "```", "```text") for line in lines)
    assert {r.text for r in cleaned.removed if r.reason == "markup"} == {"***", "```text", "```"}


def test_the_front_matter_source_fills_the_metadata() -> None:
    meta = clean_markdown(_NOTE).metadata
    assert (meta.title, meta.source) == ("社区食堂走访记录", "个人整理")
