"""Layouts the held-out report files showed were read wrong, built fragment by fragment: running heads
that alternate between odd and even pages, and headings too long for one line."""

from __future__ import annotations

from reader.formats.pdf import analyse, importer
from reader.formats.pdf.model import Fragment, Layout, PageBox

LEFT, RIGHT = 72.0, 523.0
BODY = "各地在推进公共服务均等化方面取得了积极进展但城乡之间仍存在明显差距本报告据此整理而成共计"


def _frag(text: str, top: float, size: float = 11.0, x0: float = LEFT, x1: float | None = None) -> Fragment:
    return Fragment(text, x0, x1 if x1 is not None else min(RIGHT, x0 + size * len(text)), top, top + size * 1.2, size)


def _body(page: int, top: float = 100.0, lines: int = 12) -> list[Fragment]:
    """Full lines of prose (each its own paragraph's worth of text, different on every page)."""
    out = []
    for i in range(lines):
        text = f"{BODY[(page * 7 + i) % 20 :]}{BODY}"[:41]
        out.append(_frag(text, top + i * 19.0, x1=RIGHT))
    return out


def _page(index: int, fragments: list[Fragment]) -> PageBox:
    return PageBox(index, 595.0, 842.0, tuple(fragments))


def test_a_running_head_printed_on_even_pages_only_is_removed_beside_the_odd_pages_head() -> None:
    odd, even = "关于基层公共服务情况的调查报告", "某某研究院 · 内部参考"
    pages = tuple(
        _page(i, [_frag(odd if i % 2 == 0 else even, 40.0, 8.5), *_body(i), _frag(f"— {i + 1} —", 800.0, 8.5)])
        for i in range(3)
    )
    result = analyse(Layout(pages))
    reasons = {(r.text, r.reason) for r in result.removed}
    assert (even, "page-header") in reasons and (odd, "page-header") in reasons
    assert even not in result.text and odd not in result.text
    assert all(not p.startswith(("某某", "关于")) for p in result.paragraphs)


def test_a_pages_first_line_of_text_is_not_taken_for_a_missing_running_head() -> None:
    head = "关于基层公共服务情况的调查报告"
    pages = tuple(
        _page(i, [*([_frag(head, 40.0, 8.5)] if i != 1 else []), *_body(i, top=100.0 if i != 1 else 44.0)])
        for i in range(3)
    )
    result = analyse(Layout(pages))
    first_of_middle = pages[1].fragments[0].text
    assert {r.text for r in result.removed} == {head}
    assert first_of_middle in result.text


def test_a_heading_that_wraps_at_the_column_edge_is_one_heading() -> None:
    first = "二〇二四年度全省基层公共服务设施运行情况"  # runs to the right edge of the column
    second = "调查报告"
    fragments = [
        _frag(first, 80.0, 16.0, x1=RIGHT),
        _frag(second, 104.0, 16.0),
        *_body(0, top=140.0),
    ]
    result = analyse(Layout((_page(0, fragments),)))
    assert result.paragraphs[0] == first + second
    assert result.headings[0] == 0


def test_a_numbered_heading_after_a_sentence_that_ends_with_a_note_mark_is_a_heading() -> None:
    closing = BODY[:30] + "。①"  # a paragraph's last line: its sentence ends, then cites a footnote
    fragments = [
        *_body(0, top=80.0, lines=4),
        _frag(closing, 156.0),
        _frag("（二）再看服务设施的运行", 184.0),
        *_body(1, top=212.0, lines=4),
    ]
    result = analyse(Layout((_page(0, fragments),)))
    assert "（二）再看服务设施的运行" in result.paragraphs
    assert result.paragraphs.index("（二）再看服务设施的运行") in result.headings


def test_a_short_heading_above_another_heading_stays_apart() -> None:
    fragments = [_frag("一、总体情况", 80.0, 16.0), _frag("（一）调查范围", 104.0, 16.0), *_body(0, top=140.0)]
    result = analyse(Layout((_page(0, fragments),)))
    assert result.paragraphs[:2] == ("一、总体情况", "（一）调查范围")


def test_a_footnote_moved_to_its_section_does_not_move_the_start_of_the_page_it_is_printed_on() -> None:
    # Page 1: a section whose last paragraph cites ①, then the next section's heading and text; the note is
    # printed at the foot of page 2, where the text of the second section goes on.
    page_one = [
        _frag("一、总体情况", 80.0, 16.0),
        *_body(0, top=110.0, lines=6),
        _frag("调查覆盖十二个省份。①", 110.0 + 6 * 19.0),
        _frag("二、主要做法", 260.0, 16.0),
        *_body(1, top=290.0, lines=10),
    ]
    note = "① 数据来源：课题组问卷调查。"
    opening = "第二页开头的这一行文字与其他各行都不相同所以能够找到它在全文中的位置并且长到行尾"
    page_two = [_frag(opening, 81.0, x1=RIGHT), *_body(2, top=100.0, lines=8), _frag(note, 770.0, 8.5)]
    result = analyse(Layout((_page(0, page_one), _page(1, page_two))))
    at = result.text.index(note)
    assert result.text.index("二、主要做法") > at  # the note closes the section that cites it
    assert result.pages[1] == result.text.index(opening) > at


def test_a_scans_title_is_told_by_its_character_pitch_when_box_heights_give_every_line_one_size() -> None:
    # OCR sizes come from line-box heights: here the title reads as the body's size and a later heading,
    # with taller brackets, as larger. The title's characters are still printed wider apart.
    title = "新闻资料选编第三辑"
    fragments = [
        Fragment(title, 72.0, 72.0 + 9 * 17.0, 90.0, 110.0, 16.0),
        *(Fragment(BODY[:30], 72.0, 72.0 + 30 * 12.0, 130.0 + 20 * i, 146.0 + 20 * i, 16.0) for i in range(12)),
        Fragment("二、烈日当空", 72.0, 72.0 + 6 * 17.0, 400.0, 420.0, 19.5),
        *(Fragment(BODY[5:35], 72.0, 72.0 + 30 * 12.0, 440.0 + 20 * i, 456.0 + 20 * i, 16.0) for i in range(6)),
    ]
    scanned = analyse(Layout((PageBox(0, 595.0, 842.0, tuple(fragments), ocr=True),)))
    assert importer.printed_title(scanned) == 0 and importer.title(scanned) == title
    printed = analyse(Layout((PageBox(0, 595.0, 842.0, tuple(fragments)),)))
    assert importer.title(printed) == "二、烈日当空"  # a text layer's sizes are the print's own


def test_page_numbers_whose_dashes_a_scan_lost_are_known_by_the_page_order_and_free_the_footer() -> None:
    numbers = ["1-", "2", "— 3 —"]  # as OCR read "— 1 —", "— 2 —", "— 3 —"
    pages = tuple(
        _page(i, [*_body(i), _frag("仅供研究参考", 797.0, 8.5), _frag(numbers[i], 815.0, 8.5, x0=290.0)])
        for i in range(3)
    )
    result = analyse(Layout(pages))
    removed = {(r.text, r.reason) for r in result.removed}
    assert {(n, "page-number") for n in numbers} <= removed
    assert ("仅供研究参考", "page-footer") in removed
    assert "仅供研究参考" not in result.text


def test_a_scans_running_head_misread_on_one_page_is_still_the_running_head() -> None:
    heads = ["关于基层公共服务情况的调查报告", "某某研究院 · 内部参考", "关于基层公共服务情况的调査报告"]  # 査: misread
    feet = ["谨供研究参考", "仅供研究参考", "谨供研究参考"]  # a footer above the page number, misread once
    fragments = [
        [_frag(heads[i], 40.0, 8.5), *_body(i), _frag(feet[i], 797.0, 8.5), _frag(f"— {i + 1} —", 815.0, 8.5)]
        for i in range(3)
    ]
    scanned = analyse(Layout(tuple(PageBox(i, 595.0, 842.0, tuple(f), ocr=True) for i, f in enumerate(fragments))))
    removed = {(r.text, r.reason) for r in scanned.removed}
    assert {(h, "page-header") for h in heads} | {(f, "page-footer") for f in feet} <= removed
    printed = analyse(Layout(tuple(_page(i, f) for i, f in enumerate(fragments))))
    assert heads[0] in printed.text  # a text layer's two different lines are two different lines


def test_copies_of_one_page_keep_their_text_and_lose_only_the_page_numbers() -> None:
    """A notice printed twice into one file repeats every line at the same place; that is no running
    head, so the text stays (once per copy) and only the numbers that follow the pages go."""
    lines = ["关于做好年度统计工作的通知", "各有关单位：", "请于本月底前报送年度统计数据。", "办公室"]
    pages = tuple(
        _page(i, [*(_frag(text, 40.0 + k * 19.0) for k, text in enumerate(lines)), _frag(f"- {i + 1} -", 800.0)])
        for i in range(3)
    )
    result = analyse(Layout(pages))
    assert {(r.text, r.reason) for r in result.removed if r.reason != "metadata"} == {
        ("- 1 -", "page-number"),
        ("- 2 -", "page-number"),
        ("- 3 -", "page-number"),
    }
    assert result.text.count("请于本月底前报送年度统计数据。") == 3


def test_a_running_head_is_still_found_when_two_of_the_pages_are_copies() -> None:
    """The copied page's first line stands at the top of two pages, which would be enough for a running
    head in a four-page file; counted once, it stays text, and the real head is still found."""
    head = "关于基层公共服务情况的调查报告"
    bodies = [_body(0), _body(1), _body(1), _body(2)]
    pages = tuple(_page(i, [_frag(head, 40.0, 8.5), *body]) for i, body in enumerate(bodies))
    result = analyse(Layout(pages))
    assert {r.text for r in result.removed} == {head}


def test_a_bare_page_number_found_on_one_page_only_is_still_a_page_number() -> None:
    """OCR reads the faint number on the second page only; it is that page's place in the file."""
    pages = tuple(_page(i, [*_body(i), *([_frag("2", 800.0, 9.0, x0=290.0)] if i == 1 else [])]) for i in range(3))
    result = analyse(Layout(pages))
    assert {(r.text, r.reason) for r in result.removed} == {("2", "page-number")}


def test_a_bare_number_that_is_not_the_pages_place_stays_text() -> None:
    pages = tuple(_page(i, [*_body(i), *([_frag("7", 800.0, 9.0, x0=290.0)] if i == 1 else [])]) for i in range(3))
    result = analyse(Layout(pages))
    assert not result.removed
    assert "7" in result.text
