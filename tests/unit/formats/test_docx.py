"""Word documents: body in order with its structure, notes after the text, headers and footers as furniture,
and every damaged or hostile package refused with one line."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace

import pytest

import packagegen as gen
from reader.core.text.decoding import DecodingError
from reader.formats import blocks, docx, importer_for, zipped
from reader.formats.base import SNIFF_BYTES, FormatError

HEADER = "市文化和旅游局"
FOOTER = "内部资料 注意保存"


def test_the_body_reads_in_order_with_numbers_tables_and_notes_and_furniture_is_removed() -> None:
    imported = docx.IMPORTER.read(gen.make_docx(), "report.docx")
    assert imported.original.split("\n") == [HEADER, *gen.DOCX_BODY_TEXT, FOOTER]
    derived = docx.IMPORTER.derive(imported)
    # The Title-styled paragraph is the document's title (it matches the properties), not a line of text.
    assert gen.DOCX_BODY_TEXT[0] == gen.DOCX_TITLE
    assert derived.text.split("\n") == gen.DOCX_BODY_TEXT[1:]
    assert [(r.line, r.text, r.reason) for r in derived.removed] == [
        (1, HEADER, "page-header"),
        (2, gen.DOCX_TITLE, "metadata"),
        (len(gen.DOCX_BODY_TEXT) + 2, FOOTER, "page-footer"),
    ]
    assert (derived.metadata.title, derived.metadata.author, derived.metadata.date) == (
        gen.DOCX_TITLE,
        "市文化和旅游局",
        "2024-03-15",
    )


def test_headings_come_from_the_outline_level_or_a_heading_style_name_in_english_or_chinese() -> None:
    document = blocks.from_raw(docx.IMPORTER.read(gen.make_docx(), "r.docx").raw)
    kinds = {b.text: (b.kind, b.level) for b in document.blocks}
    assert kinds["城市公共文化设施运行情况报告"] == ("title", 1)
    assert kinds["一、总体情况"] == ("heading", 1)  # style "heading 1" with outline level 0
    assert kinds["（一）设施建设"] == ("heading", 2)  # style named "标题 2", no outline level
    assert kinds["新建社区阅览室四十二个。"] == ("paragraph", 0)
    assert kinds["2. 开放夜间阅读空间。"] == ("item", 0)
    assert kinds["图书馆\t38\t5%"] == ("row", 0)
    assert kinds["[2] 以开放时长计算。"] == ("note", 0)


def test_a_paragraphs_own_outline_level_makes_it_a_heading_and_level_nine_is_body_text() -> None:
    body = (
        '<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>三级标题</w:t></w:r></w:p>'
        '<w:p><w:pPr><w:pStyle w:val="1"/><w:outlineLvl w:val="9"/></w:pPr><w:r><w:t>正文</w:t></w:r></w:p>'
    )
    document = gen.w_part("w:document", f"<w:body>{body}</w:body>")
    parsed = blocks.from_raw(docx.IMPORTER.read(gen.make_docx(**{"word/document.xml": document}), "r.docx").raw)
    assert [(b.kind, b.level, b.text) for b in parsed.blocks if b.kind not in ("header", "footer")] == [
        ("heading", 3, "三级标题"),
        ("paragraph", 0, "正文"),
    ]


def test_without_properties_the_title_is_the_title_styled_paragraph() -> None:
    imported = docx.IMPORTER.read(gen.make_docx(**{"docProps/core.xml": None}), "r.docx")
    derived = docx.IMPORTER.derive(imported)
    assert derived.metadata.title == gen.DOCX_BODY_TEXT[0]
    assert derived.metadata.date is None
    assert derived.text.split("\n")[0] == gen.DOCX_BODY_TEXT[1]


def test_a_title_paragraph_unlike_the_properties_title_stays_and_an_override_restores_the_title_line() -> None:
    imported = docx.IMPORTER.read(gen.make_docx(), "r.docx")
    restored = docx.IMPORTER.derive(imported, {2: True})
    assert restored.text.split("\n")[0] == gen.DOCX_TITLE
    assert all(r.reason != "metadata" for r in restored.removed)
    document = blocks.from_raw(imported.raw)
    renamed = blocks.BlockDocument(document.blocks, replace(document.metadata, title="另一个标题"), document.evidence)
    other = blocks.derive(blocks.imported(blocks.to_raw(renamed), renamed))
    assert other.text.split("\n")[0] == gen.DOCX_TITLE and other.metadata.title == "另一个标题"


def test_the_stored_raw_text_rebuilds_the_same_document_and_overrides_are_honoured() -> None:
    imported = docx.IMPORTER.read(gen.make_docx(), "report.docx")
    again = docx.IMPORTER.from_raw(imported.raw)
    assert again.original == imported.original
    assert docx.IMPORTER.derive(again).text == docx.IMPORTER.derive(imported).text
    derived = docx.IMPORTER.derive(again, {1: True, 6: False})
    lines = derived.text.split("\n")
    assert lines[0] == HEADER
    assert "新建社区阅览室四十二个。" not in lines
    assert (6, "新建社区阅览室四十二个。", "user") in [(r.line, r.text, r.reason) for r in derived.removed]


def test_a_docx_is_chosen_by_its_content_or_its_suffix() -> None:
    data = gen.make_docx()
    assert docx.IMPORTER.sniff(data[:SNIFF_BYTES])
    assert importer_for("report.bin", data[:SNIFF_BYTES]) is docx.IMPORTER
    assert importer_for("report.docx", b"PK\x03\x04") is docx.IMPORTER
    assert not docx.IMPORTER.sniff(gen.make_epub()[:SNIFF_BYTES])


def _flag_encrypted(data: bytes) -> bytes:
    """The same package with every entry marked encrypted, as a password-protected ZIP's entries are."""
    out = bytearray(data)
    for magic, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = out.find(magic)
        while at >= 0:
            out[at + offset] |= 1
            at = out.find(magic, at + 4)
    return bytes(out)


def _bad_xml() -> bytes:
    return gen.make_docx(**{"word/document.xml": "<w:document><w:body><w:p>"})


BAD = {
    "truncated": (lambda: gen.make_docx()[:700], "damaged Word document"),
    "not a zip": (lambda: b"PK\x03\x04 not really a zip at all", "damaged Word document"),
    "no document part": (lambda: gen.make_docx(**{"word/document.xml": None}), "no word/document.xml"),
    "malformed XML": (_bad_xml, "word/document.xml is not well-formed and no text could be recovered"),
    "no body": (lambda: gen.make_docx(**{"word/document.xml": gen.w_part("w:document", "")}), "has no body"),
    "encrypted entries": (lambda: _flag_encrypted(gen.make_docx()), "password-protected"),
    "protected by Word": (lambda: docx.OLE_MAGIC + bytes(600), "password-protected Word document"),
    "entity expansion": (
        lambda: gen.make_docx(
            **{
                "word/document.xml": '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
                f'<w:document xmlns:w="{gen.W_NS}"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body>'
                "</w:document>"
            }
        ),
        None,
    ),
}


@pytest.mark.parametrize("case", list(BAD))
def test_a_bad_package_is_refused_with_one_line(case: str) -> None:
    make, expected = BAD[case]
    if expected is None:  # entities are not expanded: the text is empty rather than grown
        imported = docx.IMPORTER.read(make(), "bad.docx")
        assert "aaaa" not in imported.original
        return
    with pytest.raises(FormatError) as caught:
        docx.IMPORTER.read(make(), "bad.docx")
    assert expected in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_damaged_styles_part_costs_the_headings_not_the_text() -> None:
    good = docx.IMPORTER.read(gen.make_docx(), "good.docx")
    assert "repairs" not in good.evidence
    damaged = docx.IMPORTER.read(gen.make_docx(**{"word/styles.xml": "\x00\x01 not xml at all"}), "bad.docx")
    assert damaged.original == good.original  # the same text, only the headings' levels are lost
    assert "word/styles.xml could not be read and was left out" in damaged.evidence["repairs"]


def test_a_truncated_body_keeps_what_comes_before_the_damage() -> None:
    whole = gen.docx_parts()["word/document.xml"]
    assert whole is not None
    cut = whole[: whole.index(gen.DOCX_BODY_TEXT[4])]  # the part stops in the middle of the body
    imported = docx.IMPORTER.read(gen.make_docx(**{"word/document.xml": cut}), "cut.docx")
    assert gen.DOCX_BODY_TEXT[0] in imported.original and gen.DOCX_BODY_TEXT[3] in imported.original
    assert gen.DOCX_BODY_TEXT[4] not in imported.original
    assert "word/document.xml was damaged; what could be read of it was kept" in imported.evidence["repairs"]


def test_a_body_damaged_at_its_start_is_refused_rather_than_imported_empty() -> None:
    whole = gen.docx_parts()["word/document.xml"]
    assert whole is not None
    start = whole.index("<w:body>") + len("<w:body>")
    broken = whole[:start] + '<w:p w:rsidR="00' + whole[start:]  # an unclosed attribute quote
    with pytest.raises(FormatError, match="no text could be recovered"):
        docx.IMPORTER.read(gen.make_docx(**{"word/document.xml": broken}), "broken.docx")


def test_a_damaged_header_is_left_out_and_said() -> None:
    parts = gen.docx_parts()
    header = next(name for name in parts if name.startswith("word/header"))
    imported = docx.IMPORTER.read(gen.make_docx(**{header: "<<<"}), "bad.docx")
    assert gen.DOCX_BODY_TEXT[0] in imported.original
    assert header in imported.evidence["repairs"]


def test_a_zip_bomb_stops_at_the_inflation_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zipped, "MAX_TOTAL", 1024 * 1024)
    padding = "<w:p><w:r><w:t>" + "重" * (2 * 1024 * 1024) + "</w:t></w:r></w:p>"
    data = gen.make_docx(**{"word/document.xml": gen.w_part("w:document", f"<w:body>{padding}</w:body>")})
    assert len(data) < 100_000  # a few kilobytes that inflate to megabytes
    with pytest.raises(FormatError, match="inflates to more than 1 MB"):
        docx.IMPORTER.read(data, "bomb.docx")


def test_a_package_listing_too_many_entries_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zipped, "MAX_ENTRIES", 20)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for i in range(21):
            archive.writestr(f"word/media/{i}.bin", b"")
    with pytest.raises(FormatError, match="21 entries"):
        docx.IMPORTER.read(buffer.getvalue(), "many.docx")


def test_damaged_copies_are_read_or_refused_in_one_line_never_with_another_error() -> None:
    refused = 0
    for damaged in gen.corruptions(gen.make_docx(), 300, seed=11):
        try:
            docx.IMPORTER.derive(docx.IMPORTER.read(damaged, "damaged.docx"))
        except (FormatError, DecodingError) as exc:
            assert "\n" not in str(exc)
            refused += 1
    assert refused  # the damage is real: some copies cannot be read


def test_headings_are_marked_in_the_cleaned_text_with_their_outline_levels() -> None:
    derived = docx.IMPORTER.derive(docx.IMPORTER.read(gen.make_docx(), "report.docx"))
    lines = derived.text.split("\n")
    assert [(lines[line], level) for line, level in blocks.headings(derived)][:2] == [
        ("一、总体情况", 1),
        ("（一）设施建设", 2),
    ]
    restored = docx.IMPORTER.derive(docx.IMPORTER.read(gen.make_docx(), "report.docx"), {2: True})
    assert blocks.headings(restored)[0] == (0, 1)  # the title put back is the top of the outline
