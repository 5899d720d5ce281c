"""The running head of a one-page document, which no repetition across pages can show."""

from __future__ import annotations

from reader.formats.pdf import analyse
from reader.formats.pdf.model import Fragment, Layout, PageBox

BODY = "各地在推进公共服务均等化方面取得了积极进展但城乡之间仍存在明显差距本报告据此整理而成共计"


def _frag(text: str, top: float, size: float, x0: float = 72.0) -> Fragment:
    return Fragment(text, x0, x0 + size * len(text), top, top + size * 1.2, size)


def _page(first: Fragment) -> Layout:
    body = [_frag(BODY[i : i + 30], 100.0 + 24.0 * n, 13.5) for n, i in enumerate(range(0, 60, 10))]
    return Layout((PageBox(0, 595.0, 842.0, (first, *body)),))


def test_a_small_line_above_a_one_page_notice_is_its_running_head() -> None:
    head = "臺北市政府公報"
    result = analyse(_page(_frag(head, 52.0, 11.0, x0=260.0)))
    assert [(r.text, r.reason) for r in result.removed] == [(head, "page-header")]
    assert head not in result.text


def test_a_title_above_a_one_page_notice_stays() -> None:
    title = "关于推动社区长期照顾服务的公告"
    result = analyse(_page(_frag(title, 52.0, 18.0, x0=160.0)))
    assert result.removed == ()
    assert result.paragraphs[0] == title


def test_a_small_line_run_into_the_text_stays() -> None:
    note = "（此件公开发布）"
    result = analyse(_page(_frag(note, 84.0, 11.0)))
    assert result.removed == ()
    assert note in result.text
