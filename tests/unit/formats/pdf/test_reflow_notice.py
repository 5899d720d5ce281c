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
