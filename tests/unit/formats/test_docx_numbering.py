"""What Word draws but the text does not hold, and what the file holds but Word does not draw: headings
numbered by their list (一、 （一）), circled and other Chinese list numbers, hidden runs; and the
properties' placeholder author and a report dated by month alone."""

from __future__ import annotations

import packagegen as gen
from reader.formats import blocks, docx

STYLES = (
    '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>'
    '<w:pPr><w:numPr><w:numId w:val="5"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/>'
    '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="5"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
)
NUMBERING = (
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
    "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    '<w:numFmt w:val="decimalEnclosedCircleChinese"/><w:lvlText w:val="%1"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="6"><w:abstractNumId w:val="1"/></w:num>'
)


def _document(body: str, **parts: str | None) -> blocks.BlockDocument:
    data = gen.make_docx(
        **{
            "word/document.xml": gen.w_part("w:document", f"<w:body>{body}</w:body>"),
            "word/styles.xml": gen.w_part("w:styles", STYLES),
            "word/numbering.xml": gen.w_part("w:numbering", NUMBERING),
            **parts,
        }
    )
    return blocks.from_raw(docx.IMPORTER.read(data, "plan.docx").raw)


def test_headings_numbered_by_their_style_show_their_chinese_numbers() -> None:
    body = "".join(
        [
            gen.paragraph("总体要求", "H1"),
            gen.paragraph("到2027年，社区服务设施覆盖率明显提高。"),
            gen.paragraph("重点任务", "H1"),
            gen.paragraph("完善托育设施", "H2"),
            gen.paragraph("强化资金保障", "H2"),
            gen.paragraph("第一项措施", num=(6, 0)),
            gen.paragraph("第二项措施", num=(6, 0)),
        ]
    )
    document = _document(body)
    assert [(b.kind, b.text) for b in document.blocks if b.kind in ("heading", "item")] == [
        ("heading", "一、总体要求"),
        ("heading", "二、重点任务"),
        ("heading", "（一）完善托育设施"),
        ("heading", "（二）强化资金保障"),
        ("item", "①第一项措施"),
        ("item", "②第二项措施"),
    ]


def test_hidden_runs_are_not_read() -> None:
    body = (
        "<w:p><w:r><w:t>各地</w:t></w:r>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>（内部批注：此句另议）</w:t></w:r>"
        '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>要做好</w:t></w:r>'
        "<w:r><w:t>宣传解释工作。</w:t></w:r></w:p>"
    )
    assert [b.text for b in _document(body).blocks if b.kind == "paragraph"] == ["各地要做好宣传解释工作。"]


def test_a_placeholder_author_is_no_author_and_a_month_under_the_signature_dates_the_report() -> None:
    core = gen.docx_parts()["docProps/core.xml"]
    assert core is not None and "市文化和旅游局" in core
    body = "".join(
        gen.paragraph(text)
        for text in ("区域养老服务协作研究报告", "一、研究背景", "养老服务需求呈现多层次特征。", "课题组", "2025年12月")
    )
    data = gen.make_docx(
        **{
            "word/document.xml": gen.w_part("w:document", f"<w:body>{body}</w:body>"),
            "docProps/core.xml": core.replace("市文化和旅游局", "Administrator"),
        }
    )
    derived = docx.IMPORTER.derive(docx.IMPORTER.read(data, "report.docx"))
    assert derived.metadata.author is None
    assert derived.metadata.date == "2025-12"
