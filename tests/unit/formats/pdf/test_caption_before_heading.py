"""A numbered heading set barely larger than the text, right under a figure's caption in small print, is
a heading: the caption ended its own paragraph (another type), so the heading opens a section, and a
note cited in the section before it is placed before it, not a section late."""

from __future__ import annotations

import pytest

from reader.formats.pdf import analyse
from reader.formats.pdf.model import Fragment, Layout, PageBox

SIZE = 13.0
TEXT = "加快推进农业生产经营数字化在茶叶蓝莓稻渔综合种养等特色产业中推广物联网监测水肥一体化和智能分拣设备"
MORE = "推动互联网加政务服务向乡村延伸将社会保障户籍办理农业补贴等高频事项纳入村级便民服务点代办范围"


def _frag(text: str, x0: float, top: float, size: float = SIZE) -> Fragment:
    return Fragment(text, x0, x0 + size * len(text), top, top + size * 1.2, size)


def _lines(text: str, top: float) -> tuple[list[Fragment], float]:
    out, first = [], True
    while text:
        room = 26 - (2 if first else 0)
        out.append(_frag(text[:room], 72.0 + (2 * SIZE if first else 0), top))
        text, first, top = text[room:], False, top + 22.0
    return out, top


@pytest.mark.parametrize("heading_size", [13.0, 14.0])
def test_a_heading_under_a_figure_caption_opens_its_section(heading_size: float) -> None:
    fragments = [_frag("（二）发展农村数字经济", 72.0, 100.0, 14.0)]
    body, top = _lines(TEXT + "②。", 130.0)
    fragments += body
    caption = "图1 2020—2024年全州农产品网络零售额"
    fragments.append(_frag(caption, 186.0, top + 110.0, 10.0))
    heading = "（三）提升乡村数字治理水平"
    fragments.append(_frag(heading, 72.0, top + 135.0, heading_size))
    more, _ = _lines(MORE + "。", top + 162.0)
    fragments += more
    fragments.append(_frag("② 稻渔综合种养是指在稻田中同时养殖鱼虾蟹的生产模式。", 72.0, 760.0, 9.0))
    result = analyse(Layout((PageBox(0, 595.0, 842.0, tuple(fragments)),)))
    paragraphs = list(result.paragraphs)
    at = paragraphs.index(heading)
    assert at in result.headings
    assert paragraphs[at - 1].startswith("② ")
