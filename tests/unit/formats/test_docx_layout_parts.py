"""Word documents as held-out files show them: Strict Open XML names, ruby readings over the text, header
cells merged across columns, text boxes anchored in a paragraph, and a table of contents (a contents
block, contents styles, a TOC field), which is left out of the text like furniture, restorable."""

from __future__ import annotations

import packagegen as gen
from reader.formats import docx

P = gen.paragraph
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"


def _derive(body: str, **parts: str | None) -> tuple[list[str], list[tuple[str, str]]]:
    data = gen.make_docx(**{"word/document.xml": gen.w_part("w:document", f"<w:body>{body}</w:body>")}, **parts)
    derived = docx.IMPORTER.derive(docx.IMPORTER.read(data, "report.docx"))
    return derived.text.split("\n"), [(r.text, r.reason) for r in derived.removed]


def test_a_strict_open_xml_document_reads_as_its_transitional_twin() -> None:
    transitional = gen.docx_parts()
    strict = {
        name: part.replace(gen.W_NS, "http://purl.oclc.org/ooxml/wordprocessingml/main")
        for name, part in transitional.items()
    }
    assert strict["word/document.xml"] != transitional["word/document.xml"]
    read = [docx.IMPORTER.read(gen.zip_bytes(dict(parts)), "r.docx") for parts in (transitional, strict)]
    assert read[1].original == read[0].original
    assert read[1].original.split("\n")[1:-1] == gen.DOCX_BODY_TEXT


def test_a_ruby_reading_is_left_out_and_its_base_text_kept() -> None:
    ruby = (
        '<w:r><w:ruby><w:rubyPr><w:rubyAlign w:val="center"/></w:rubyPr>'
        "<w:rt><w:r><w:t>táng qī</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>塘栖</w:t></w:r></w:rubyBase></w:ruby></w:r>"
    )
    lines, _ = _derive(f"<w:p>{ruby}<w:r><w:t>古镇保护性修缮已经完成。</w:t></w:r></w:p>")
    assert lines == ["塘栖古镇保护性修缮已经完成。"]


def test_a_header_cell_merged_over_two_columns_leaves_an_empty_cell_after_it() -> None:
    span = '<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>' + P("指标") + "</w:tc>"
    table = (
        "<w:tbl>"
        f"<w:tr>{span}{gen.cell('分值')}</w:tr>"
        f"<w:tr>{gen.cell('服务能力')}{gen.cell('日均服务人次')}{gen.cell('20')}</w:tr>"
        "</w:tbl>"
    )
    lines, _ = _derive(table)
    assert lines == ["指标\t\t分值", "服务能力\t日均服务人次\t20"]


def test_a_text_box_reads_as_its_own_lines_after_the_paragraph_it_is_anchored_in() -> None:
    box = (
        f'<w:r><mc:AlternateContent xmlns:mc="{MC}"><mc:Choice Requires="wps"><w:drawing>'
        f'<wps:wsp xmlns:wps="{WPS}"><wps:txbx><w:txbxContent>'
        f"{P('专栏1 浙江数字乡村一张图')}{P('浙江省建成数字乡村一张图平台。')}"
        "</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><w:txbxContent>{P('专栏1 浙江数字乡村一张图')}</w:txbxContent></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )
    body = f"<w:p><w:r><w:t>深化平安乡村建设，推进</w:t></w:r>{box}<w:r><w:t>综治中心规范化建设。</w:t></w:r></w:p>"
    lines, _ = _derive(body)
    assert lines == [
        "深化平安乡村建设，推进综治中心规范化建设。",
        "专栏1 浙江数字乡村一张图",
        "浙江省建成数字乡村一张图平台。",
    ]


def _toc_entry(text: str, page: int) -> str:
    return (
        f"<w:r><w:t>{text}</w:t></w:r><w:r><w:tab/></w:r>"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF _Toc1 \\h </w:instrText></w:r>'
        f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>{page}</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


BODY = [
    P("一、总体要求", "1"),
    P("全州行政村光纤网络通达率达到百分之百。"),
    P("二、重点任务", "1"),
    P("推进智慧广电入村入户。"),
]


def test_a_contents_field_is_left_out_with_its_reason_and_the_body_after_it_stays() -> None:
    toc = (
        P("目录")
        + '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o "1-3" \\h </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + _toc_entry("一、总体要求", 1)
        + "</w:p>"
        + f"<w:p>{_toc_entry('二、重点任务', 2)}</w:p>"
        + '<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    lines, removed = _derive(toc + "".join(BODY))
    assert lines == [
        "目录",
        "一、总体要求",
        "全州行政村光纤网络通达率达到百分之百。",
        "二、重点任务",
        "推进智慧广电入村入户。",
    ]
    assert ("一、总体要求\t1", "contents") in removed or ("一、总体要求 1", "contents") in removed
    assert [reason for _, reason in removed].count("contents") == 2


def test_a_contents_block_and_contents_styles_are_left_out() -> None:
    gallery = (
        '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
        "<w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>"
        f"{P('目 录')}{P('一、总体要求 1')}{P('二、重点任务 2')}</w:sdtContent></w:sdt>"
    )
    lines, removed = _derive(gallery + "".join(BODY))
    assert lines == ["一、总体要求", "全州行政村光纤网络通达率达到百分之百。", "二、重点任务", "推进智慧广电入村入户。"]
    assert [text for text, reason in removed if reason == "contents"] == ["目 录", "一、总体要求 1", "二、重点任务 2"]
    styles = gen.w_part(
        "w:styles",
        '<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>',
    )
    styled = P("一、总体要求 1", "TOC1") + P("二、重点任务 2", "TOC1")
    lines, removed = _derive(styled + "".join(BODY), **{"word/styles.xml": styles})
    assert lines[0] == "一、总体要求" and "二、重点任务 2" not in lines
    assert [text for text, reason in removed if reason == "contents"] == ["一、总体要求 1", "二、重点任务 2"]
