"""A one-page notice set ragged right: a paragraph's wrapped lines rejoin though a line stops short of the
text's right edge, when it ends no sentence and the next line goes on at the left edge running as far;
a line that ends its sentence there still ends the paragraph."""

from __future__ import annotations

import pytest

from reader.formats.pdf import analyse
from reader.formats.pdf.model import Fragment, Layout, PageBox


def _frag(text: str, x0: float, top: float, size: float) -> Fragment:
    return Fragment(text, x0, x0 + size * len(text), top, top + size * 1.2, size)


def _notice(lines: list[tuple[str, int]], size: float) -> Layout:
    """Title, addressee, the body lines given as (text, indent in ems), the signature and date flush right."""
    fragments = [
        _frag("关于做好养老服务设施建设工作的通知", 150.0, 120.0, 18.0),
        _frag("各区人民政府：", 80.0, 180.0, size),
    ]
    top = 210.0
    for text, indent in lines:
        fragments.append(_frag(text, 80.0 + indent * size, top, size))
        top += 1.85 * size
    fragments.append(_frag("市人民政府办公厅", 515.0 - 8 * size, top + 20, size))
    fragments.append(_frag("2026年2月10日", 515.0 - 7 * size, top + 46, size))
    return Layout((PageBox(0, 595.0, 842.0, tuple(fragments)),))


@pytest.mark.parametrize("size", [12.0, 14.0, 16.0])
def test_a_ragged_paragraphs_lines_rejoin_inside_a_word(size: float) -> None:
    # The middle line stops two and a half ems short of the lines around it (a character would have
    # fitted), the word 组织 cut at its end; the paragraph's last line runs further.
    body = [
        ("《养老服务设施专项规划》已经市人民政府同意", 2),
        ("，现予以印发。请结合实际抓好落实，请认真组", 0),
        ("织实施。实施中遇到的问题，请径向市民政局反映。", 0),
    ]
    result = analyse(_notice(body, size))
    assert "".join(text for text, _ in body) in result.paragraphs


def test_a_line_ending_its_sentence_short_of_the_edge_still_ends_the_paragraph() -> None:
    body = [
        ("《养老服务设施专项规划》已经市人民政府同意", 2),
        ("，现予以印发。请结合实际抓好落实及时报告。", 0),
        ("实施中遇到的问题，请径向市民政局反映，及时报告。", 0),
    ]
    result = analyse(_notice(body, 14.0))
    assert body[0][0] + body[1][0] in result.paragraphs
    assert body[2][0] in result.paragraphs
