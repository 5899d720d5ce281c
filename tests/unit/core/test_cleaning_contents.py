"""A serial's table of contents is the page's content; a numbered list beside an article is not. And the
fast paths of the line measurements answer as the patterns they stand in front of. Every page here is
built from text written for the test."""

from __future__ import annotations

import re

from reader.core.cleaning import clean_html
from reader.core.cleaning import features as cf
from reader.core.cleaning.contents import CONTENTS_MIN

MENU = "".join(f"<li><a href='/{i}'>{w}</a></li>" for i, w in enumerate(["首页", "玄幻", "武侠", "都市", "排行榜"]))
BLURB = "少年离开山村去城里求学，一路上结识了许多朋友，也经历了许多挫折。这是一个关于成长与坚持的故事。"
TITLES = ["山村", "出发", "渡口", "雨夜", "旧友", "考试", "灯火", "归途", "长街", "重逢"]
FOOTER = "<div class='footer'><p>Copyright © 2024 某某书屋 All Rights Reserved.</p></div>"
PARAGRAPH = "清晨的雾气还没有散去，他背着行李走到村口，回头看了一眼熟悉的院子，心里说不出是什么滋味。"


def _chapters(count: int, form: str = "第{n}章 {t}") -> list[str]:
    return [form.format(n=n, t=TITLES[n % len(TITLES)]) for n in range(1, count + 1)]


def _linked(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li><a href='/c/{i}'>{x}</a></li>" for i, x in enumerate(items)) + "</ul>"


def _page(*parts: str) -> str:
    return f"<html><head><title>书名_某某书屋</title></head><body><ul>{MENU}</ul>{''.join(parts)}{FOOTER}</body></html>"


def test_the_index_of_a_serial_keeps_its_blurb_and_every_chapter() -> None:
    chapters = _chapters(60, "{n}.第{n}章 {t}")
    text = clean_html(_page("<h1>书名</h1>", f"<p>{BLURB}</p>", _linked(chapters))).text
    lines = text.split("\n")
    assert BLURB in text
    assert all(chapter in lines for chapter in chapters)
    assert "排行榜" not in text and "Copyright" not in text


def test_a_misprinted_or_skipped_chapter_number_does_not_break_the_list() -> None:
    chapters = _chapters(50)
    chapters[20] = chapters[20].replace("第", "弟")  # a misprint: no number can be read
    del chapters[30]  # a chapter withdrawn: the numbers skip one
    text = clean_html(_page(f"<p>{BLURB}</p>", _linked(chapters))).text
    assert all(chapter in text.split("\n") for chapter in chapters)


def test_a_short_numbered_ranking_beside_an_article_stays_furniture() -> None:
    ranking = _chapters(CONTENTS_MIN - 1, "{n}.{t}的故事")
    article = "".join(f"<p>{PARAGRAPH}</p>" for _ in range(3))
    text = clean_html(_page(f"<div class='content'>{article}</div>", _linked(ranking))).text
    assert PARAGRAPH in text
    assert not any(item in text for item in ranking)


def test_the_chapter_list_beside_a_chapter_is_the_sidebar() -> None:
    sidebar = _chapters(40)
    chapter = "".join(f"<p>{PARAGRAPH}第{i}天过去了。</p>" for i in range(12))
    text = clean_html(_page(f"<div class='content'><h1>第3章 渡口</h1>{chapter}</div>", _linked(sidebar))).text
    assert PARAGRAPH in text
    assert not any(item in text.split("\n") for item in sidebar)


def test_a_list_numbered_newest_first_is_not_a_table_of_contents() -> None:
    latest = list(reversed(_chapters(45)))
    text = clean_html(_page(f"<p>{BLURB}</p>", _linked(latest))).text
    assert not any(item in text.split("\n") for item in latest)


def test_whitespace_fast_path_collapses_exactly_what_the_pattern_does() -> None:
    pattern = re.compile(r"[\s\u00a0\u3000\u2000-\u200b\u202f\u205f\ufeff]+")
    spaces = [chr(i) for i in range(0x3100) if pattern.fullmatch(chr(i))] + ["\ufeff"]
    for space in spaces:
        for raw in (f"{space}甲{space}{space}乙{space}", f"甲 {space} 乙", f"{space}\u200b甲"):
            assert cf.normalise_space(raw) == pattern.sub(" ", raw).strip(), repr(raw)


def test_sentence_end_shortcut_agrees_with_the_pattern() -> None:
    for text in ["他走了。", "他说：“走吧。”", "真的吗？」", "等等...", "未完，", "标题", "好！）", "a.", ""]:
        expected = bool(cf.SENTENCE_END.search(text[-24:]))
        assert cf.ends_sentence(text) is expected, text


def test_one_scan_counts_words_and_clause_marks_as_two_scans_do() -> None:
    samples = ["他说：“走吧，快走！”", "Copyright © 2024 某某 All_Rights", "一、总体要求", "", "   ", "a,b;c:d…e_f"]
    for text in samples:
        line = cf.measure(1, text)
        assert line.words == cf.word_count(line.text), text
        assert line.clause_punct == len(cf.CLAUSE_PUNCT.findall(line.text)), text
