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


_ITEM_NUMBER = re.compile(r"^\d{1,3}\. ")


def _squeeze(text: str) -> str:
    return re.sub(r"\W", "", text)


def _lost(cleaned: str, gold: str) -> list[str]:
    """The gold lines missing from the cleaned text, matched in order, each on a line of its own: a gold
    line opens a cleaned line (squeezed of punctuation and spaces; after the number a browser draws before
    an <ol> item, which the gold leaves out, README), or goes on right where the gold line before it ended
    on the same cleaned line (two paragraphs joined). A short closing line (`学生工作部`) found only inside
    another line, or out of order, is lost: a search of the whole page would find it in
    `1月15日\t宿舍安全检查\t学生工作部、后勤处` and could never fail."""
    kept = [_squeeze(line) for line in cleaned.splitlines()]
    unnumbered = [_squeeze(_ITEM_NUMBER.sub("", line)) for line in cleaned.splitlines()]
    lost: list[str] = []
    row, offset = 0, 0  # where the previous gold line ended
    for line in gold.splitlines():
        want = _squeeze(line)
        if not want:
            continue
        if offset and kept[row].startswith(want, offset):
            offset += len(want)
            continue
        found = None
        for j in range(row + 1 if offset else row, len(kept)):
            if kept[j].startswith(want):
                found, offset = j, len(want)
            elif unnumbered[j].startswith(want):
                found, offset = j, len(kept[j]) - len(unnumbered[j]) + len(want)
            if found is not None:
                break
        if found is None:
            lost.append(line)
        else:
            row = found
    return lost


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
    # The box the page names an advertisement (`ad-banner`, unlinked: a link would go as navigation anyway)
    # still goes, and as an advertisement.
    assert "春季车展 报名立减五千" not in cleaned.text
    assert [r.reason for r in cleaned.removed if r.text == "春季车展 报名立减五千"] == ["spam"]


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


@pytest.mark.parametrize(("name", "line"), [("school_notice", "学生工作部"), ("school_notice", "各学院：")])
def test_the_check_finds_a_short_closing_line_lost(name: str, line: str) -> None:
    """A notice's signature or addressee whose words come back inside another line (`学生工作部、后勤处` in
    the schedule, `各学院要…`) is still found missing when the cleaned text drops it."""
    html = (UNSEEN / f"{name}.html").read_text(encoding="utf-8")
    gold = (UNSEEN / f"{name}.gold.txt").read_text(encoding="utf-8")
    cleaned = clean_html(html).text.split("\n")
    assert line in cleaned
    assert _lost("\n".join(kept for kept in cleaned if kept != line), gold) != []


@pytest.mark.parametrize(
    ("name", "mode", "signature"),
    [
        ("word_items", "text", ["某市教育局", "2024年5月10日"]),
        ("qa_table", "html", ["某市人社局", "2024年4月8日"]),
        ("qa_table", "plain", ["某市人社局", "2024年4月8日"]),
    ],
)
def test_rows_of_the_body_do_not_push_the_header_past_the_signature(name: str, mode: str, signature: list[str]) -> None:
    """Every paragraph of the body set in a row of cells (items a word processor saved as `1.\\t…`, a
    Q&A table's `答：\\t…`): the header still ends at the first of them, so the issuing office over the
    closing date is the signature, not the masthead's source."""
    if mode == "text":
        cleaned = clean_text((UNSEEN / f"{name}.page.txt").read_text(encoding="utf-8"))
    else:
        html = (UNSEEN / f"{name}.html").read_text(encoding="utf-8")
        cleaned = clean_html(html) if mode == "html" else clean_text(html_to_blocks(html))
    lines = cleaned.text.split("\n")
    assert signature[0] in lines
    at = lines.index(signature[0])
    assert lines[at : at + 2] == signature


@pytest.mark.parametrize("mode", ["html", "plain"])
def test_a_title_beside_its_date_in_a_table_row_is_the_title(mode: str) -> None:
    html = (UNSEEN / "notice_title_row.html").read_text(encoding="utf-8")
    cleaned = clean_html(html) if mode == "html" else clean_text(html_to_blocks(html))
    assert cleaned.metadata.title == "某县教育局关于做好2024年暑假安全工作的通知"
    assert [r.reason for r in cleaned.removed if r.text.startswith("某县教育局关于")] == ["metadata"]
