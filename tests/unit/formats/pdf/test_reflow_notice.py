"""A notice's layout as a word processor sets it, built fragment by fragment: numbered paragraphs in a
two-column page, a last page holding only the signature, and the signature and date lines at the end."""

from __future__ import annotations

from reader.formats.pdf import analyse
from reader.formats.pdf.model import Fragment, Layout, PageBox

SIZE = 11.0
PITCH = 19.8
COLUMNS = ((72.0, 285.0), (309.0, 523.0))
TEXT = (
    "坚持以人民为中心的发展思想统筹城乡社区养老服务设施布局推动居家社区机构相协调医养康养相结合的养老服务体系建设"
    "切实增强老年人的获得感幸福感和安全感各区县要在规定期限前完成养老服务设施专项规划编制新建住宅小区按标准配建"
)


def _frag(text: str, x0: float, top: float, size: float = SIZE) -> Fragment:
    return Fragment(text, x0, x0 + size * len(text), top, top + size * 1.2, size)


def _paragraph(marker: str, chars: int, column: int, top: float, start: int = 0) -> tuple[list[Fragment], str]:
    """A paragraph with a two-em first-line indent filling its column, its last line short."""
    left, right = COLUMNS[column]
    per_line = int((right - left) // SIZE)
    text = marker + TEXT[start : start + chars] + "。"
    out: list[Fragment] = []
    rest, first = text, True
    while rest:
        room = per_line - (2 if first else 0)
        piece, rest = rest[:room], rest[room:]
        out.append(_frag(piece, left + (2 * SIZE if first else 0), top))
        top += PITCH
        first = False
    return out, text


def test_a_numbered_paragraph_in_a_column_is_not_a_heading_followed_by_its_body() -> None:
    title = "关于进一步加强城乡社区养老服务设施建设的通知"
    fragments = [_frag(title, 100.0, 60.0, 16.0)]
    texts = []
    top = 100.0
    for n, marker in enumerate(("（一）指导思想。", "（二）主要目标。")):
        made, text = _paragraph(marker, 50, 0, top, start=n * 7)
        fragments += made
        texts.append(text)
        top += PITCH * (len(made) + 1)
    made, text = _paragraph("（三）完善设施布局。", 60, 1, 100.0, start=20)
    fragments += made
    texts.append(text)
    result = analyse(Layout((PageBox(0, 595.0, 842.0, tuple(fragments)),)))
    assert list(result.paragraphs) == [title, *texts]
    assert result.headings == (0,)


def _full_page(index: int, column: int = 0) -> list[Fragment]:
    """A column of paragraphs filling one page."""
    out: list[Fragment] = []
    top = 100.0
    for n in range(6):
        made, _ = _paragraph("", 40, column, top, start=n * 5)
        out += made
        top += PITCH * len(made)
    return out


def test_the_signature_and_date_alone_on_the_last_page_are_lines_of_their_own() -> None:
    signature, dated = "苏州市人民政府办公室", "2025年11月18日"
    fragments = [*_full_page(0, 0), *_full_page(0, 1)]
    last = [_frag(signature, 72.0, 88.0), _frag(dated, 72.0, 108.0)]
    pages = (PageBox(0, 595.0, 842.0, tuple(fragments)), PageBox(1, 595.0, 842.0, tuple(last)))
    result = analyse(Layout(pages))
    assert list(result.paragraphs[-2:]) == [signature, dated]


def test_a_signature_below_a_line_that_fills_the_column_is_its_own_line() -> None:
    size, left = 18.0, 72.0
    right = left + 25 * size
    annex = "附件：城乡社区养老服务设施建设标准与验收规范表"  # indented two ems, it runs to the right edge
    signature, dated = "苏州市人民政府办公室", "2025年11月18日"
    body = [_frag(TEXT[k : k + 25], left, 100.0 + 32.0 * i, size) for i, k in enumerate(range(0, 100, 25))]
    tail = [
        _frag("联系人：王建国。", left + 2 * size, 228.0, size),
        _frag(annex, left + 2 * size, 260.0, size),
        _frag(signature, left, 292.0, size),
        _frag(dated, left, 324.0, size),
    ]
    assert all(f.x1 == right for f in [*body, tail[1]])
    result = analyse(Layout((PageBox(0, 595.0, 842.0, (*body, *tail)),)))
    assert list(result.paragraphs[-3:]) == [annex, signature, dated]
