"""Markdown read with a Markdown parser: an authored note loses nothing (headings, quotes, lists of links,
tables, code, images, rules), its front matter is metadata, and a row of links in a saved page is still
a menu."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from reader.core.cleaning import clean_markdown, clean_text

ROOT = Path(__file__).resolve().parents[3]
PARA = "这本书讲述了一座城市和它的河流之间的关系，作者用了很多年走访沿岸的村镇，记下了许多故事。"
NOTE = f"""---
title: 读书笔记
tags: [阅读, 笔记]
---

# 读书笔记：城市与河流

{PARA}

## 摘录

> 河流是城市的记忆，也是城市的未来。
> —— 作者序

```python
def count(words):
    return {{w: words.count(w) for w in set(words)}}
```

| 年份 | 人口 | 面积 |
|------|------|------|
| 1990 | 120万 | 300 |

- [出版社主页](https://example.com/press)
- [作者访谈](https://example.com/interview)
  - 第一部分

![沿岸的村镇](images/1.png)

---

**重点**：作者认为*保护河流*就是保护城市。参见[原书](https://example.com/book)。

<!-- 待补充 -->

1. 第一章 河流的起源
2. 第二章 城市的兴起
"""


def _lost(cleaned_removed: list[tuple[int, str, str]], title: str | None, front: int) -> list[str]:
    """Removed lines that held words: not the title, the front matter, or syntax alone (a table's rule
    row leaves the text as "markup", with its line, and loses nothing)."""
    return [
        text
        for line, text, reason in cleaned_removed
        if line > front and reason != "markup" and text.lstrip("# ").strip() != title
    ]


def test_an_authored_note_loses_nothing_but_its_title_line_and_front_matter() -> None:
    cleaned = clean_markdown(NOTE)
    removed = [(r.line, r.text, r.reason) for r in cleaned.removed]
    assert cleaned.metadata.title == "读书笔记：城市与河流"
    assert _lost(removed, cleaned.metadata.title, 4) == []
    assert [r for r in removed if r[0] <= 4] == [
        (1, "---", "metadata"),
        (2, "title: 读书笔记", "metadata"),
        (3, "tags: [阅读, 笔记]", "metadata"),
        (4, "---", "metadata"),
    ]
    for kept in ("def count(words):", "1990\t120万\t300", "- 作者访谈"):
        assert kept in cleaned.text.split("\n") or kept in cleaned.text


REPORT = """# 社区书屋调研小结

## 一、总体情况

调研走访了**东城区**和*西城区*的 8 个社区书屋，名单见[附表](https://example.org/shuwu.xlsx)。

- 藏书总量：4.2 万册
- 月均借阅：3100 人次

| 社区 | 藏书（册） |
| :--- | ---: |
| 东园 | 5200 |

> 居民希望延长`周末`开放时间。
> > 也有人建议增加儿童读物。

### 二、存在问题 ###

![书屋外景](images/out.jpg)
部分书屋位置偏僻，知晓率不高。
"""


def test_markdown_syntax_leaves_the_reading_text() -> None:
    """The reading text carries the words, not the syntax: headings without hashes, emphasis without
    stars, a link and an image as their text, a table row as cells joined by tabs (its rule row gone),
    quotes without `>`. The original keeps every mark; a line that held nothing but syntax (the table's
    rule row) leaves the text as "markup", with its line number, as every removed line does."""
    cleaned = clean_markdown(REPORT)
    lines = cleaned.text.split("\n")
    assert lines == [
        "一、总体情况",
        "调研走访了东城区和西城区的 8 个社区书屋，名单见附表。",
        "- 藏书总量：4.2 万册",
        "- 月均借阅：3100 人次",
        "社区\t藏书（册）",
        "东园\t5200",
        "居民希望延长周末开放时间。",
        "也有人建议增加儿童读物。",
        "二、存在问题",
        "书屋外景",
        "部分书屋位置偏僻，知晓率不高。",
    ]
    assert [(r.line, r.reason) for r in cleaned.removed] == [(1, "metadata"), (11, "markup")]
    assert cleaned.metadata.title == "社区书屋调研小结"


def test_the_same_note_read_as_plain_text_loses_its_structure() -> None:
    """Why Markdown needs its parser: read as lines, code and table rows look like furniture."""
    cleaned = clean_text(NOTE)
    removed = [(r.line, r.text, r.reason) for r in cleaned.removed]
    assert _lost(removed, cleaned.metadata.title, 4) != []


def test_a_row_of_links_in_a_saved_page_is_still_a_menu() -> None:
    menu = "[首页](/) [新闻](/news) [体育](/sports) [财经](/money) [科技](/tech)"
    raw = "\n\n".join(
        [menu, "# 城市与河流", PARA, PARA.replace("这本书", "那本书"), "[关于我们](/about) | [联系我们](/contact)"]
    )
    cleaned = clean_markdown(raw)
    reasons = {r.text: r.reason for r in cleaned.removed}
    assert reasons.get(menu) == "navigation"
    assert PARA in cleaned.text


def _notes() -> ModuleType:
    path = ROOT / "tests" / "data" / "markdown_notes" / "make_notes.py"
    spec = importlib.util.spec_from_file_location("make_notes", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_notes"] = module
    spec.loader.exec_module(module)
    return module


def test_generated_notes_of_the_development_half_lose_nothing() -> None:
    notes = [n for n in _notes().build() if n.half == "dev"]
    if not notes:
        pytest.skip("evaluation data beside the project not found")
    for note in notes:
        cleaned = clean_markdown(note.text)
        lines = note.text.split("\n")
        front = lines.index("---", 1) + 1 if lines[0] == "---" else 0
        removed = [(r.line, r.text, r.reason) for r in cleaned.removed]
        assert _lost(removed, cleaned.metadata.title, front) == [], note.note_id


WRAPPED = """# 周报

本周完成了**数据
清洗**模块的重构，详见[设计
文档](https://example.com/design)。
"""


def test_inline_syntax_over_a_soft_break_leaves_the_reading_text() -> None:
    """Emphasis and a link that run over a soft line break are read from the whole paragraph: neither line
    keeps stars, brackets or the link target, and the line holding only the link's end stays text (its
    link is a reference inside the author's paragraph, not a row of links). The paragraph the writer
    wrapped in the source reads as one paragraph, as CommonMark reads it."""
    cleaned = clean_markdown(WRAPPED)
    assert cleaned.text.split("\n") == ["本周完成了数据清洗模块的重构，详见设计文档。"]
    assert [(r.line, r.reason) for r in cleaned.removed] == [(1, "metadata")]


def test_code_keeps_its_spacing_and_a_setext_underline_is_no_text() -> None:
    """Code is shown as written (indent and runs of spaces included); the `===` under a setext heading and
    the fences around a code block are syntax, like a heading's hashes."""
    note = "# 笔记\n\n二、代码示例\n======\n\n```python\nx = 1    # 对齐  注释\nif x:\n    print(x)\n```\n"
    lines = clean_markdown(note).text.split("\n")
    assert lines == ["二、代码示例", "x = 1    # 对齐  注释", "if x:", "    print(x)"]


def test_a_comment_in_a_code_block_is_not_the_title() -> None:
    """`# 安装依赖…` inside a fenced block is a shell comment, not a heading: it is never the title, and the
    code block keeps it."""
    note = (
        "学习笔记\n\n这一周主要读的是关于城市排水系统的几篇综述。\n\n配置文件的写法如下：\n\n"
        "```bash\n# 安装依赖并启动服务程序\npip install reader\n```\n\n## 雨水花园\n\n"
        "关于雨水花园的设计，文献中给出的下渗速率差别很大，需要找原始数据核对一下。\n"
    )
    cleaned = clean_markdown(note)
    assert cleaned.metadata.title != "安装依赖并启动服务程序"
    assert "# 安装依赖并启动服务程序" in cleaned.text.split("\n")
    assert [r.reason for r in cleaned.removed] == ["markup", "markup"]  # the fences


def test_a_footnote_giving_a_bare_address_is_text() -> None:
    """`[^2]: 另见 <https://…>。` is the author's note: a bare address written in angle brackets is a
    reference, not the link text a menu is made of."""
    note = (
        "# 雨水花园读书笔记\n\n这一周主要读的是关于城市排水系统的几篇综述，其中两篇提到了海绵城市的建设经验。\n\n"
        "[^1]: 脚注内容。\n[^2]: 另见 <https://example.org/x>。\n"
    )
    cleaned = clean_markdown(note)
    assert [(r.line, r.reason) for r in cleaned.removed] == [(1, "metadata")]
    assert cleaned.text.split("\n")[-1] == "[2] 另见 https://example.org/x。"  # read as a printed note


def test_a_paragraph_wrapped_in_the_source_reads_as_one() -> None:
    """Soft line breaks inside a paragraph are the writer's wrapping, not the paragraph's end: the lines
    join (no space between ideographs, one between Latin words); a hard break, a blank line, a list item
    and a heading still end a line."""
    note = (
        "# 周报\n\n本周完成了数据清洗模块的重构，\n测试全部通过，\n下周开始联调。\n\n"
        "The parser reads each\nblock once.\n\n第一行以两个空格结束  \n第二行另起。\n\n"
        "- 列表项一\n- 列表项二\n"
    )
    assert clean_markdown(note).text.split("\n") == [
        "本周完成了数据清洗模块的重构，测试全部通过，下周开始联调。",
        "The parser reads each block once.",
        "第一行以两个空格结束",
        "第二行另起。",
        "- 列表项一",
        "- 列表项二",
    ]


def test_a_removed_line_inside_a_wrapped_paragraph_does_not_end_it() -> None:
    """A user's override takes a line out of the middle of a wrapped paragraph: the rest still reads as
    one paragraph; a wrapped list item reads as one item too."""
    note = (
        "# 通知\n\n各单位要认真学习，\n请认真\n（此行删去）\n贯彻执行。\n\n- 第一项工作在源文件中\n  换行继续说明。\n"
    )
    cleaned = clean_markdown(note, overrides={5: False})
    assert cleaned.text.split("\n") == ["各单位要认真学习，请认真贯彻执行。", "- 第一项工作在源文件中换行继续说明。"]


def test_a_code_span_over_a_line_break_is_read_once() -> None:
    note = "# 笔记\n\n这一段有`代码\n片段`跨行，\n第三行的文字。\n"
    text = clean_markdown(note).text
    assert text.count("第三行的文字") == 1 and "跨行" in text
