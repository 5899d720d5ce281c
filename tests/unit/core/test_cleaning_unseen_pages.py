"""Pages written for the tests in shapes the development sets lack (tests/data/web_pages/unseen): what
the cleaner must not touch (article tables, numbered steps, short turns, captions, a notice's closing
lines) and what it must not keep. Each gold line is checked in the cleaned text, through the HTML
importer and from the page's text as plain lines."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.core.cleaning import clean_html, clean_text, html_to_blocks

UNSEEN = Path(__file__).parents[2] / "data" / "web_pages" / "unseen"
PAGES = sorted(p.name.removesuffix(".html") for p in UNSEEN.glob("*.html"))
TEXTS = sorted(p.name.removesuffix(".page.txt") for p in UNSEEN.glob("*.page.txt"))
# Known losses, each a class of its own still open (xfail strict: the test says when one is fixed).
OPEN = {
    "diary_short": "a diary's first and last short entries fall outside the densest run of its prose",
}


def _squeeze(text: str) -> str:
    return re.sub(r"\W", "", text)


def _lost(cleaned: str, gold: str) -> list[str]:
    kept = _squeeze(cleaned)
    return [line for line in gold.splitlines() if line.strip() and _squeeze(line) not in kept]


def _param(name: str) -> object:
    if name in OPEN:
        return pytest.param(name, marks=pytest.mark.xfail(reason=OPEN[name], strict=True))
    return name


def test_the_folder_holds_pages() -> None:
    assert len(PAGES) >= 10 and len(TEXTS) >= 2


@pytest.mark.parametrize("name", [_param(n) for n in PAGES])
def test_no_line_of_the_article_is_lost_through_the_html_importer(name: str) -> None:
    html = (UNSEEN / f"{name}.html").read_text(encoding="utf-8")
    gold = (UNSEEN / f"{name}.gold.txt").read_text(encoding="utf-8")
    assert _lost(clean_html(html).text, gold) == []


@pytest.mark.parametrize("name", [_param(n) for n in PAGES])
def test_no_line_of_the_article_is_lost_from_plain_text(name: str) -> None:
    html = (UNSEEN / f"{name}.html").read_text(encoding="utf-8")
    gold = (UNSEEN / f"{name}.gold.txt").read_text(encoding="utf-8")
    assert _lost(clean_text(html_to_blocks(html)).text, gold) == []


@pytest.mark.parametrize("name", TEXTS)
def test_no_line_of_a_page_copied_as_text_is_lost(name: str) -> None:
    raw = (UNSEEN / f"{name}.page.txt").read_text(encoding="utf-8")
    gold = (UNSEEN / f"{name}.gold.txt").read_text(encoding="utf-8")
    assert _lost(clean_text(raw).text, gold) == []


def test_captions_in_a_strip_of_pictures_named_banner_stay() -> None:
    html = (UNSEEN / "photo_news_banner.html").read_text(encoding="utf-8")
    cleaned = clean_html(html)
    for caption in ("白鹭在水面上空飞翔。", "小朋友在父母陪同下观察水鸟。", "摄影爱好者架起长焦镜头。"):
        assert caption in cleaned.text.split("\n")
    # The box the page names an advertisement still goes.
    assert "春季车展 报名立减五千" not in cleaned.text


@pytest.mark.parametrize("mode", ["html", "plain"])
def test_the_title_under_an_information_table_leaves_the_text(mode: str) -> None:
    html = (UNSEEN / "gov_info_table.html").read_text(encoding="utf-8")
    cleaned = clean_html(html) if mode == "html" else clean_text(html_to_blocks(html))
    title = "某市人民政府办公室关于印发某市2024年为民办实事项目的通知"
    assert cleaned.metadata.title == title
    assert title not in cleaned.text.split("\n")
    assert cleaned.text.split("\n")[-3:] == ["某市人民政府办公室", "2024年2月20日", "（此件公开发布）"]


def test_a_sidebar_of_data_tables_is_not_the_article() -> None:
    cleaned = clean_html((UNSEEN / "news_sidebar_table.html").read_text(encoding="utf-8"))
    assert "上证指数" not in cleaned.text and "小雪" not in cleaned.text


def test_comments_under_a_brief_are_not_its_posts() -> None:
    cleaned = clean_html((UNSEEN / "brief_with_comments.html").read_text(encoding="utf-8"))
    assert "终于通了" not in cleaned.text and "末班车能不能再晚一点" not in cleaned.text
