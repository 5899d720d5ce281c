"""A DOCX's title and date: the properties, unless they only name the file or date the template; then what
the document prints (its title paragraph or first heading, a date line under the title or under the
signature)."""

from __future__ import annotations

import pytest

import packagegen as gen
from reader.formats import docx

TITLE = "关于进一步加强社区服务设施建设的通知"
BODY = [
    "各区县人民政府：",
    "为做好社区服务设施建设工作，各区县要在2026年6月30日前完成专项规划编制，现就有关事项通知如下。",
    "一、总体要求",
    "坚持统筹布局，推动设施建设与住宅同步规划、同步验收。",
    "市人民政府办公室",
]


def _core(title: str | None, created: str = "2019-03-01T08:00:00Z") -> str:
    title_el = f"<dc:title>{title}</dc:title>" if title is not None else ""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f'{title_el}<dc:creator>Administrator</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">{created}'
        "</dcterms:created></cp:coreProperties>"
    )


def _derive(paragraphs: list[str], core: str | None, title_style: str | None = "Title") -> tuple[str | None, ...]:
    body = gen.paragraph(TITLE, title_style) + "".join(gen.paragraph(text) for text in paragraphs)
    data = gen.make_docx(
        **{"word/document.xml": gen.w_part("w:document", f"<w:body>{body}</w:body>"), "docProps/core.xml": core}
    )
    derived = docx.IMPORTER.derive(docx.IMPORTER.read(data, "notice.docx"))
    return derived.metadata.title, derived.metadata.date, derived.text.split("\n")[0]


@pytest.mark.parametrize(
    "placeholder",
    [
        "Microsoft Word - 文档1",
        "Microsoft Word - 关于印发方案的通知.doc",
        "Document1",
        "文档3",
        "新建 Microsoft Word 文档 (2)",
        "New Microsoft Word Document",
        "新建 DOCX 文档",
        "报告终稿.docx",
    ],
)
def test_a_placeholder_property_title_gives_way_to_the_title_paragraph(placeholder: str) -> None:
    title, _, first_line = _derive([*BODY, "2025年11月18日"], _core(placeholder))
    assert title == TITLE
    assert first_line == BODY[0]  # the title paragraph is shown as the title, not read twice


@pytest.mark.parametrize("real", ["社区服务设施建设工作方案", "2024年度文档管理办法", "Document Management Rules"])
def test_a_real_property_title_is_kept(real: str) -> None:
    title, _, first_line = _derive(BODY, _core(real))
    assert title == real
    assert first_line == TITLE  # a title paragraph unlike the properties' title is content and stays


def test_a_placeholder_title_with_no_title_in_the_body_keeps_the_file_name_it_carries() -> None:
    title, _, _ = _derive(BODY, _core("Microsoft Word - 年度工作报告.doc"), title_style=None)
    assert title == "年度工作报告"
    untitled, _, _ = _derive(BODY, _core("Microsoft Word - 文档1"), title_style=None)
    assert untitled is None  # the app's own fallback (the file name) is better than "文档1"


def test_the_signature_date_wins_over_the_properties_creation_date() -> None:
    _, date, _ = _derive([*BODY, "2025年11月18日"], _core("Microsoft Word - 文档1"))
    assert date == "2025-11-18"


def test_a_date_line_under_the_title_is_the_date() -> None:
    _, date, _ = _derive(["（2025年9月3日市政府常务会议通过）", *BODY], _core(None))
    assert date == "2025-09-03"


def test_without_properties_the_signature_date_is_found() -> None:
    _, date, _ = _derive([*BODY, "2025年11月25日"], None, title_style=None)
    assert date == "2025-11-25"


def test_a_date_inside_a_sentence_is_not_the_documents_date() -> None:
    _, date, _ = _derive(BODY, _core(None))
    assert date == "2019-03-01"  # 2026年6月30日 is a deadline in the text; the properties' date stands
    _, none, _ = _derive(BODY, None)
    assert none is None
