"""A DOCX's title and date: the properties, unless they only name the file or date the template; then what
the document prints (its title paragraph or first heading, a date line under the title or under the
signature)."""

from __future__ import annotations

import pytest

import packagegen as gen
from reader.formats import blocks, docx, docx_metadata

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


def _titled(heading: str, core: str) -> str | None:
    """The title the DOCX importer settles on for a document with no Title paragraph whose body opens
    with a level-1 heading (None leaves the choice to the app's fallback)."""
    body = gen.paragraph("各区县：") + gen.paragraph(heading, "1") + gen.paragraph("正文。")
    data = gen.make_docx(
        **{"word/document.xml": gen.w_part("w:document", f"<w:body>{body}</w:body>"), "docProps/core.xml": core}
    )
    return docx_metadata.document_metadata(blocks.from_raw(docx.IMPORTER.read(data, "x.docx").raw)).title


def test_a_numbered_section_heading_is_never_the_title() -> None:
    assert _titled("一、基本情况", _core("Microsoft Word - 2023年度工作报告.doc")) == "2023年度工作报告"
    assert _titled("一、基本情况", _core("文档1")) is None  # not a section's name
    assert _titled("年度工作报告", _core("文档1")) == "年度工作报告"  # an unnumbered heading still serves


@pytest.mark.parametrize(
    "real",
    ["Microsoft Excel - 数据分析实用教程", "Microsoft Word – 新功能速览", "文件 2023", "DOC 2024-01"],
)
def test_a_title_that_only_looks_like_a_producers_name_is_kept(real: str) -> None:
    assert not docx_metadata.placeholder_title(real)
    title, _, _ = _derive(BODY, _core(real), title_style=None)
    assert title == real


@pytest.mark.parametrize(
    "line",
    [
        "根据2019年5月10日省政府通知精神",
        "（根据2019年5月10日会议纪要整理）",
        "自2019年5月10日起施行",
        "2019年5月10日以来工作情况",
        "一、2019年5月10日以来工作情况",
    ],
)
def test_a_date_under_the_title_that_cites_or_bounds_something_else_is_not_the_date(line: str) -> None:
    _, date, _ = _derive([line, *BODY], _core(None, "2018-01-01T00:00:00Z"))
    assert date == "2018-01-01"


def test_a_heading_under_the_title_does_not_date_the_document() -> None:
    body = gen.paragraph(TITLE, "Title") + gen.paragraph("2019年5月10日工作会议", "1")
    body += "".join(gen.paragraph(text) for text in BODY)
    data = gen.make_docx(
        **{"word/document.xml": gen.w_part("w:document", f"<w:body>{body}</w:body>"), "docProps/core.xml": _core(None)}
    )
    assert docx.IMPORTER.derive(docx.IMPORTER.read(data, "x.docx")).metadata.date == "2019-03-01"


@pytest.mark.parametrize(
    "after",
    [["附件：2019年5月10日会议纪要"], ["（一）2026年6月30日前完成规划"], ["2026年6月30日"]],
    ids=["attachment", "deadline-item", "later-date-line"],
)
def test_the_signature_date_is_the_one_under_the_issuing_office(after: list[str]) -> None:
    _, date, _ = _derive([*BODY, "2025年11月18日", *after], _core(None, "2018-01-01T00:00:00Z"))
    assert date == "2025-11-18"


def test_a_date_line_is_short_and_not_a_sentence() -> None:
    created = _core(None, "2018-01-01T00:00:00Z")
    assert _derive(["2025年9月3日。", *BODY], created)[1] == "2018-01-01"  # short, but a sentence
    long_line = "2025年9月3日市政府第十二次常务会议审议通过并印发各区县执行"  # no 。, but prose
    assert _derive([long_line, *BODY], created)[1] == "2018-01-01"
    assert _derive(["2025年9月3日市政府常务会议通过", *BODY], created)[1] == "2025-09-03"


def test_a_list_item_does_not_date_the_document() -> None:
    """A numbered list item holding only a date is an entry of a schedule, not the document's date line."""
    body = gen.paragraph(TITLE, "Title") + gen.paragraph("2025年9月3日", num=(1, 0))
    body += "".join(gen.paragraph(text) for text in BODY)
    core = _core(None, "2018-01-01T00:00:00Z")
    data = gen.make_docx(
        **{"word/document.xml": gen.w_part("w:document", f"<w:body>{body}</w:body>"), "docProps/core.xml": core}
    )
    imported = docx.IMPORTER.read(data, "x.docx")
    assert any(block.kind == "item" for block in blocks.from_raw(imported.raw).blocks)
    assert docx.IMPORTER.derive(imported).metadata.date == "2018-01-01"
