"""The title of a PDF as printed: after a page of front matter (a preface under its heading), on the title
page that follows; and never a numbered section heading opening a scan of inner pages, which stays in the
text as the heading it is."""

from __future__ import annotations

from reader.formats.pdf import analyse
from reader.formats.pdf.importer import title, without_title
from reader.formats.pdf.model import Fragment, Layout, PageBox

SIZE = 11.0
TEXT = (
    "本报告利用全国县域面板数据考察新能源汽车下乡活动对县域消费的带动效应研究发现活动覆盖县的新能源汽车渗透率"
    "明显提高社会消费品零售总额增速也随之提高带动效应在中部地区和人口规模较大的县更为明显充电设施是关键条件"
)


def _frag(text: str, x0: float, top: float, size: float = SIZE) -> Fragment:
    return Fragment(text, x0, x0 + size * len(text), top, top + size * 1.2, size)


def _lines(text: str, top: float) -> list[Fragment]:
    out = []
    for k in range(0, len(text), 40):
        out.append(_frag(text[k : k + 40], 72.0 + (2 * SIZE if k == 0 else 0), top))
        top += 19.0
    return out


def test_the_title_page_after_a_preface_page_gives_the_title() -> None:
    preface = PageBox(0, 595.0, 842.0, (_frag("前 言", 270.0, 90.0, 15.0), *_lines(TEXT, 130.0)))
    heading = "新能源汽车下乡对县域消费的带动效应研究"
    page = PageBox(1, 595.0, 842.0, (_frag(heading, 108.0, 90.0, 20.0), *_lines(TEXT[::-1], 140.0)))
    result = analyse(Layout((preface, page)))
    assert title(result) == heading
    text, _, _ = without_title(result, {})
    assert heading in text.split("\n")
    assert text.split("\n")[0] == "前 言"


def test_a_numbered_section_heading_opening_the_text_is_no_title_and_stays() -> None:
    first = PageBox(0, 595.0, 842.0, (_frag("一、总体要求", 72.0, 90.0, 15.0), *_lines(TEXT, 130.0)))
    second = PageBox(1, 595.0, 842.0, (_frag("二、重点任务", 72.0, 90.0, 15.0), *_lines(TEXT[::-1], 130.0)))
    result = analyse(Layout((first, second)))
    text, removed, _ = without_title(result, {})
    assert text.split("\n")[0] == "一、总体要求"
    assert not [r for r in removed if r.reason == "metadata"]
