"""Exports of annotated notes: each format's structure, and W3C JSON read back to the same annotations."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.annotations.model import DEFAULT_COLORS, Annotation, HighlightColor
from reader.core.export import (
    CSV_COLUMNS,
    EXPORT_FORMATS,
    EXTENSIONS,
    FORMATS,
    ExportDocument,
    ExportFormatError,
    export_text,
    parse_w3c_json,
    to_csv,
    to_html,
    to_markdown,
    to_markdown_notes,
    to_w3c_json,
)

# 𠗣 (U+205E3) is outside the BMP: one code point in Python, two UTF-16 units in Qt and JavaScript.
TEXT = "𠗣字开头的第一段,有些文字。\n第二段讲数据:增长3.5%。\n\n第三段*星号*与<b>标签</b>。"


def make(uuid_tail: int, start: int, end: int, text: str = TEXT, doc_id: int = 7, **fields: object) -> Annotation:
    base = Annotation(
        uuid=f"6f1c2b9e-0000-4000-8000-{uuid_tail:012d}",
        doc_id=doc_id,
        start=start,
        end=end,
        quote=text[start:end],
        prefix=text[max(0, start - 32) : start],
        suffix=text[end : end + 32],
        created="2026-11-23T10:00:00Z",
        modified="2026-11-23T11:00:00Z",
    )
    return replace(base, **fields)  # type: ignore[arg-type]


ANNOTATIONS = [
    make(
        3, TEXT.index("第二段"), TEXT.index("增长"), color="blue", note="为什么?\n第二行, 有逗号", tags=("数据 来源",)
    ),
    make(1, 1, 4, note="**重要**", tags=("重点", "2024")),
    make(2, 3, 8, color="green"),  # overlaps the first one
    make(4, 2, 3, color="purple", orphan=True),
]
DOC = ExportDocument(
    id=7,
    title='报告: "引号" #1 \\ 第二行\n',
    date="2025-06-16",
    author="admin",
    source="https://example.com/report",
    path="/home/u/报告.txt",
    text=TEXT,
    annotations=ANNOTATIONS,
)
OTHER = ExportDocument(id=8, title="第二篇", date="", author="", source="", path="", text="短。", annotations=[])


# --- Markdown ------------------------------------------------------------------------------------


def front_matter(markdown: str) -> dict[str, object]:
    """A YAML-ish reader: `key: value` lines where a value is an integer or a double-quoted string.

    Our quoting only uses escapes JSON shares with YAML, so json.loads decodes each value exactly.
    """
    lines = markdown.split("\n")
    assert lines[0] == "---"
    end = lines.index("---", 1)
    result: dict[str, object] = {}
    for line in lines[1:end]:
        match = re.fullmatch(r'([a-z_]+): (-?\d+|".*")', line)
        assert match, line
        result[match.group(1)] = json.loads(match.group(2))
    return result


def test_markdown_single_document_has_front_matter_that_reads_back() -> None:
    md = to_markdown([DOC])
    meta = front_matter(md)
    assert meta == {
        "title": DOC.title,
        "date": "2025-06-16",
        "author": "admin",
        "source": "https://example.com/report",
        "document_id": 7,
        "path": "/home/u/报告.txt",
    }


def test_markdown_lists_annotations_in_reading_order_with_colour_location_note_and_tags() -> None:
    md = to_markdown([DOC])
    labels = re.findall(r"^\*\*(.+?)\*\* · (.+)$", md, flags=re.MULTILINE)
    assert [name for name, _ in labels] == ["重点", "数据", "疑问", "引用"]
    assert labels[0][1] == "¶1, characters 1–4"
    assert labels[2][1].startswith("¶2,")
    assert "not found in the current text" in labels[3][1]
    assert "> 字开头" in md
    assert "为什么?\n第二行, 有逗号" in md
    assert "#数据_来源" in md and "#重点" in md and "#_2024" in md


def test_markdown_escapes_report_text_but_not_notes() -> None:
    text = "前文*强调*与<b>x</b>\n- 列表项"
    doc = replace(DOC, text=text, annotations=[make(1, 0, len(text), text=text, note="**我的笔记**")])
    md = to_markdown([doc])
    assert "> 前文\\*强调\\*与\\<b\\>x\\</b\\>\n> \\- 列表项" in md
    assert "\n**我的笔记**\n" in md


def test_markdown_several_documents_are_sections_with_yaml_blocks() -> None:
    md = to_markdown([DOC, OTHER])
    assert not md.startswith("---")
    assert md.count("```yaml\n") == 2
    assert "\n# 第二篇\n" in md
    assert "document_id: 8" in md


def test_markdown_notes_get_unique_safe_file_names() -> None:
    notes = to_markdown_notes([DOC, replace(DOC, id=9), replace(OTHER, title="a/b:c?")])
    names = list(notes)
    assert names[0] == "报告 引号 1 第二行.md"
    assert len(set(names)) == 3
    assert names[1].endswith("(9).md")
    assert names[2] == "a b c.md"
    assert all(not re.search(r'[\\/:*?"<>|#\n]', n) for n in names)


# --- HTML ----------------------------------------------------------------------------------------


class BodyReader(HTMLParser):
    """The reading text of the export as it appears, with the colour behind each character."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.paragraphs: list[list[tuple[str, str | None, bool]]] = []
        self.in_text = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        if tag in ("br", "meta"):
            return
        self.stack.append((tag, attributes))
        if tag == "div" and attributes.get("class") == "text":
            self.in_text = len(self.stack)
        if self.in_text and tag == "p":
            self.paragraphs.append([])

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            open_tag, _ = self.stack.pop()
            if self.in_text > len(self.stack):
                self.in_text = 0
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        tags = [t for t, _ in self.stack]
        if not self.in_text or "p" not in tags or "sup" in tags:
            return
        color = None
        overlap = False
        for tag, attributes in self.stack:
            if tag == "span" and "hl" in attributes.get("class", "").split():
                color = re.search(r"background-color: (#[0-9a-f]{6})", attributes["style"]).group(1)  # type: ignore[union-attr]
                overlap = "overlap" in attributes["class"].split()
        self.paragraphs[-1].append((data, color, overlap))

    def characters(self) -> list[tuple[str, str | None, bool]]:
        """(character, colour, overlap) for the text, paragraphs joined by one line break."""
        out: list[tuple[str, str | None, bool]] = []
        for i, paragraph in enumerate(self.paragraphs):
            if i:
                out.append(("\n", None, False))
            out += [(ch, color, overlap) for data, color, overlap in paragraph for ch in data]
        return out


def read_body(html: str) -> list[tuple[str, str | None, bool]]:
    reader = BodyReader()
    reader.feed(html)
    return reader.characters()


def test_html_is_self_contained() -> None:
    html = to_html([DOC, OTHER])
    assert "<link" not in html.lower()
    assert "@import" not in html and "url(" not in html
    assert not re.search(r"\bsrc\s*=", html)
    assert re.findall(r'href="([^"]*)"', html)
    assert all(href.startswith("#") for href in re.findall(r'href="([^"]*)"', html))
    assert "<script" not in html.lower()
    assert "@media print" in html
    assert "Noto Serif CJK SC" in html


def test_html_highlights_the_annotated_characters_after_a_non_bmp_character() -> None:
    text = "𠗣前文重点句子后文"
    start = text.index("重点")
    doc = replace(DOC, text=text, annotations=[make(1, start, start + 4, text=text)])
    chars = read_body(to_html([doc]))
    assert "".join(c for c, _, _ in chars) == text
    highlighted = "".join(c for c, color, _ in chars if color)
    assert highlighted == "重点句子"
    assert [i for i, (_, color, _) in enumerate(chars) if color] == list(range(start, start + 4))
    assert chars[start][1] == "#ffe066"


def test_html_overlapping_annotations_show_every_character_once_with_the_innermost_colour() -> None:
    chars = read_body(to_html([DOC]))
    blank_lines_removed = re.sub(r"\n+", "\n", TEXT)
    assert "".join(c for c, _, _ in chars) == blank_lines_removed
    colours = [color for _, color, _ in chars]
    assert colours[0] is None  # 𠗣 itself is not annotated
    assert colours[1:3] == ["#ffe066", "#ffe066"]  # 字开: only the yellow one
    assert colours[3] == "#a6e3a1" and chars[3][2]  # 头: yellow and green overlap, green starts later
    assert colours[4:8] == ["#a6e3a1"] * 4 and not chars[4][2]
    assert colours[8] is None
    assert "#d7b8ff" not in colours  # the orphan is listed, not drawn


def test_html_footnotes_number_annotations_in_reading_order() -> None:
    html = to_html([DOC])
    assert re.findall(r'<sup id="r1-(\d+)">', html) == ["1", "2", "3"]  # the orphan has no place to mark
    assert re.findall(r'<div class="fn" id="n1-(\d+)">', html) == ["1", "2", "3", "4"]
    assert "为什么?<br>第二行, 有逗号" in html
    assert "not found in the current text" in html


def test_html_escapes_everything_and_ignores_bad_colours() -> None:
    evil = "<script>alert(1)</script>"
    text = f"正文{evil}结束"
    colors = [HighlightColor("yellow", '<i>名字</i>"', "red;} body{display:none")]
    doc = replace(DOC, title=evil, text=text, annotations=[make(1, 0, len(text), text=text, note=evil, tags=(evil,))])
    html = to_html([doc], colors)
    assert "<script" not in html and "<i>" not in html
    assert "&lt;script&gt;" in html
    assert "display:none" not in html


def test_html_several_documents_break_pages() -> None:
    html = to_html([DOC, OTHER])
    assert html.count('<div class="doc"') == 2
    assert html.count("page-break-before: always") == 1


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(alphabet="ab字𠗣\n", min_size=1, max_size=30),
    spans=st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=6),
)
def test_html_body_keeps_text_and_colours_exactly_the_annotated_characters(
    text: str, spans: list[tuple[int, int]]
) -> None:
    annotations = [
        make(i, min(a, b) % (len(text) + 1), max(a, b) % (len(text) + 1), text=text) for i, (a, b) in enumerate(spans)
    ]
    annotations = [a for a in annotations if a.start <= a.end]
    doc = replace(DOC, text=text, annotations=annotations)
    chars = read_body(to_html([doc]))
    # Paragraphs are the non-empty lines; compare character by character against those lines.
    expected = [(i, ch) for i, ch in enumerate(text) if ch != "\n"]
    shown = [(c, color) for c, color, _ in chars if c != "\n"]
    assert [ch for _, ch in expected] == [c for c, _ in shown]
    covered = {i for a in annotations for i in range(a.start, a.end)}
    for (i, _), (_, color) in zip(expected, shown, strict=True):
        assert (color is not None) == (i in covered)


# --- W3C JSON ------------------------------------------------------------------------------------


def test_w3c_json_is_an_annotation_collection_with_both_selectors() -> None:
    data = json.loads(to_w3c_json([DOC]))
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection"
    items = data["first"]["items"]
    assert data["total"] == len(items) == 4
    first = items[0]
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", first["id"])
    assert first["type"] == "Annotation"
    assert first["created"] == "2026-11-23T10:00:00Z" and first["modified"] == "2026-11-23T11:00:00Z"
    selectors = {s["type"]: s for s in first["target"]["selector"]}
    assert selectors["TextQuoteSelector"] == {
        "type": "TextQuoteSelector",
        "exact": "字开头",
        "prefix": "𠗣",
        "suffix": TEXT[4:36],
    }
    assert selectors["TextPositionSelector"] == {"type": "TextPositionSelector", "start": 1, "end": 4}
    source = first["target"]["source"]
    assert source["id"] == "urn:reader:doc:7" and source["label"] == DOC.title and source["reader:documentId"] == 7
    bodies = {(b["purpose"], b["value"]) for b in first["body"]}
    assert ("commenting", "**重要**") in bodies and ("tagging", "2024") in bodies and ("highlighting", "重点") in bodies
    assert next(b for b in first["body"] if b["purpose"] == "commenting")["format"] == "text/markdown"
    assert first["target"]["styleClass"] == "reader-yellow"
    assert "#ffe066" in first["stylesheet"]["value"]


def as_imported(a: Annotation, title: str) -> tuple[object, ...]:
    return (
        a.uuid,
        a.doc_id,
        title,
        a.start,
        a.end,
        a.quote,
        a.prefix,
        a.suffix,
        a.color,
        a.note,
        a.tags,
        a.created,
        a.modified,
    )


def test_w3c_round_trip_gives_the_same_annotations() -> None:
    imported = parse_w3c_json(to_w3c_json([DOC, OTHER]))
    got = {
        (
            i.uuid,
            i.document_id,
            i.document_title,
            i.start,
            i.end,
            i.quote,
            i.prefix,
            i.suffix,
            i.color,
            i.note,
            i.tags,
            i.created,
            i.modified,
        )
        for i in imported
    }
    assert got == {as_imported(a, DOC.title) for a in ANNOTATIONS}


def test_w3c_import_takes_a_bare_list_a_page_and_one_annotation() -> None:
    items = json.loads(to_w3c_json([DOC]))["first"]["items"]
    expected = parse_w3c_json(to_w3c_json([DOC]))
    assert parse_w3c_json(json.dumps(items)) == expected
    assert parse_w3c_json(json.dumps({"type": "AnnotationPage", "items": items})) == expected
    assert parse_w3c_json(json.dumps(items[0])) == expected[:1]
    assert parse_w3c_json(to_w3c_json([DOC]).encode("utf-8")) == expected


def test_w3c_import_reads_another_tools_annotation() -> None:
    foreign = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "https://annotations.example/a/1",
        "type": "Annotation",
        "body": [
            {"type": "TextualBody", "value": "a note"},
            {"type": "TextualBody", "purpose": "highlighting", "value": "疑问"},
        ],
        "target": {"source": "https://example.com/doc", "selector": {"type": "TextQuoteSelector", "exact": "字开头"}},
    }
    (one,) = parse_w3c_json(json.dumps([foreign]))
    assert one.document_id is None and one.start is None and one.end is None
    assert one.quote == "字开头" and one.prefix == "" and one.note == "a note" and one.color == "blue"
    assert one.uuid == parse_w3c_json(json.dumps(foreign))[0].uuid  # stable across imports


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("{not json", "not valid JSON"),
        ('"a string"', "expected a W3C"),
        ('{"type": "Something"}', "expected a W3C"),
        ("[1]", "annotation 1: expected a JSON object"),
        ('[{"type": "Annotation", "target": {"selector": []}}]', "has no 'id'"),
        ('[{"id": "urn:uuid:nope", "target": {"selector": []}}]', "not a valid urn:uuid"),
        ('[{"id": "x", "target": "https://example.com"}]', "target has no selector"),
        (
            '[{"id": "x", "target": {"selector": [{"type": "TextPositionSelector", "start": 1, "end": 2}]}}]',
            "TextQuoteSelector",
        ),
        (
            '[{"id": "x", "target": {"selector": {"type": "TextQuoteSelector", "exact": 5}}}]',
            "'exact' must be a string",
        ),
        (
            '[{"id": "x", "target": {"selector": [{"type": "TextQuoteSelector", "exact": "a"},'
            ' {"type": "TextPositionSelector", "start": -1, "end": 2}]}}]',
            "non-negative integer",
        ),
        (
            '[{"id": "x", "target": {"selector": [{"type": "TextQuoteSelector", "exact": "a"},'
            ' {"type": "TextPositionSelector", "start": 5, "end": 2}]}}]',
            "ends before it starts",
        ),
        ('{"type": "AnnotationCollection", "first": "https://example.com/page1"}', "not embedded"),
    ],
)
def test_w3c_import_rejects_bad_input_with_a_message(data: str, message: str) -> None:
    with pytest.raises(ExportFormatError, match=re.escape(message)):
        parse_w3c_json(data)


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(min_size=1, max_size=40),
    note=st.text(max_size=20),
    tags=st.lists(st.text(min_size=1, max_size=8), max_size=3),
    data=st.data(),
)
def test_w3c_round_trip_property(text: str, note: str, tags: list[str], data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    annotation = make(1, start, end, text=text, note=note, tags=tuple(tags), color="purple")
    doc = replace(DOC, text=text, title=text, annotations=[annotation])
    (one,) = parse_w3c_json(to_w3c_json([doc]))
    expected_note = note if note.strip() else ""
    assert as_imported(replace(annotation, note=expected_note), text) == (
        one.uuid,
        one.document_id,
        one.document_title,
        one.start,
        one.end,
        one.quote,
        one.prefix,
        one.suffix,
        one.color,
        one.note,
        one.tags,
        one.created,
        one.modified,
    )


# --- CSV -----------------------------------------------------------------------------------------


def read_csv(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline="")))


def test_csv_starts_with_bom_and_round_trips_notes_with_newlines_and_commas() -> None:
    out = to_csv([DOC, OTHER])
    rows = read_csv(out)
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows[0][:9] == ["document_id", "title", "date", "quote", "note", "color", "tags", "start", "end"]
    records = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert [r["quote"] for r in records] == ["字开头", TEXT[3:8], "第二段讲数据:", TEXT[2:3]]
    blue = records[2]
    assert blue["note"] == "为什么?\n第二行, 有逗号"
    assert blue["color"] == "疑问" and blue["color_key"] == "blue"
    assert blue["tags"] == "数据 来源"
    assert (blue["start"], blue["end"], blue["paragraph"]) == (str(TEXT.index("第二段")), str(TEXT.index("增长")), "2")
    assert blue["title"] == DOC.title and blue["document_id"] == "7" and blue["date"] == "2025-06-16"
    assert records[3]["orphan"] == "yes" and records[3]["paragraph"] == ""
    assert out.count("\r\n") >= len(records) + 1


def test_csv_guards_against_formulas_unless_asked_not_to() -> None:
    text = '=HYPERLINK("http://x")后文'
    doc = replace(DOC, text=text, annotations=[make(1, 0, 5, text=text, note="@SUM(1)")])
    guarded = dict(zip(CSV_COLUMNS, read_csv(to_csv([doc]))[1], strict=True))
    assert guarded["quote"] == "'=HYPE" and guarded["note"] == "'@SUM(1)"
    raw = dict(zip(CSV_COLUMNS, read_csv(to_csv([doc], formula_guard=False))[1], strict=True))
    assert raw["quote"] == "=HYPE" and raw["note"] == "@SUM(1)"


# --- dispatch ------------------------------------------------------------------------------------


def test_export_text_dispatches_every_text_format_and_refuses_pdf() -> None:
    assert FORMATS == ("md", "html", "pdf", "json", "csv")
    assert export_text([DOC], "md") == to_markdown([DOC])
    assert export_text([DOC], "html") == to_html([DOC])
    assert export_text([DOC], "json") == to_w3c_json([DOC])
    assert export_text([DOC], "csv") == to_csv([DOC])
    with pytest.raises(ValueError, match="pdf_export"):
        export_text([DOC], "pdf")
    with pytest.raises(ValueError, match="unknown export format"):
        export_text([DOC], "docx")


def test_the_export_registry_is_the_one_list_of_formats() -> None:
    keys = [f.key for f in EXPORT_FORMATS]
    assert len(set(keys)) == len(keys)
    assert tuple(keys) == FORMATS
    assert EXTENSIONS == {"md": ".md", "html": ".html", "pdf": ".pdf", "json": ".jsonld", "csv": ".csv"}
    # Only PDF needs Qt, and what Qt prints is the HTML export; only Markdown writes a note per document.
    assert [f.key for f in EXPORT_FORMATS if f.needs_qt] == ["pdf"]
    pdf = next(f for f in EXPORT_FORMATS if f.needs_qt)
    assert pdf.render([DOC], DEFAULT_COLORS) == to_html([DOC])
    notes = [f for f in EXPORT_FORMATS if f.render_notes is not None]
    assert [f.key for f in notes] == ["md"]
    render_notes = notes[0].render_notes
    assert render_notes is not None and render_notes([DOC], DEFAULT_COLORS) == to_markdown_notes([DOC])


# --- the export's own words, in the interface language and the export's script -----------------

TRAD_TEXT = "國家衛生健康委衛生發展研究中心主辦的會議。\n第二段。"


def traditional(language: str, script: str = "tw") -> ExportDocument:
    annotation = make(9, 2, 4, text=TRAD_TEXT, color="yellow")
    orphan = make(10, 0, 1, text=TRAD_TEXT, color="blue", orphan=True)
    return ExportDocument(
        id=9,
        title="",
        date="",
        author="",
        source="",
        path="",
        text=TRAD_TEXT,
        annotations=[annotation, orphan],
        script=script,
        language=language,
    )


def test_a_traditional_export_for_a_chinese_interface_has_traditional_labels_and_colour_names() -> None:
    doc = traditional("zh_CN")
    html = to_html([doc])
    markdown = to_markdown([doc])
    for page in (html, markdown):
        assert "重點" in page and "疑問" in page  # the default colour names 重点, 疑问, in 繁
        assert "無標題" in page  # no title
        assert "在當前文本中找不到" in page  # the orphan's place
        for simplified in ("重点", "疑问", "无标题", "当前", "没有"):
            assert simplified not in page
        for english in ("Untitled", "Notes", "characters", "not found"):
            assert english not in page
    assert "<h2>批註</h2>" in html
    assert '<html lang="zh-Hant-TW">' in html
    assert "Noto Serif CJK TC" in html.split("font-family:", 1)[1].split(",", 1)[0]


def test_a_simplified_export_for_a_traditional_interface_has_simplified_labels() -> None:
    doc = replace(traditional("zh_TW", script="hans"), text="国家卫生。", annotations=[])
    html = to_html([doc])
    assert "<h2>批注</h2>" in html and "没有批注。" in html and '<html lang="zh-Hans">' in html
    assert "_没有批注。_" in to_markdown([doc])


def test_an_english_interface_keeps_english_labels_but_colour_names_follow_the_script() -> None:
    doc = traditional("en")
    html = to_html([doc])
    assert "<h2>Notes</h2>" in html and "Untitled" in html and "not found in the current text" in html
    assert "重點" in html and "重点" not in html


def test_the_original_view_takes_its_script_from_the_text() -> None:
    doc = traditional("zh_CN", script="orig")
    assert '<html lang="zh-Hant">' in to_html([doc])
    assert "重點" in to_markdown([doc])
    simplified = replace(doc, text="国家卫生发展。", annotations=[])
    assert '<html lang="zh-Hans">' in to_html([simplified])


def test_hong_kong_exports_put_hong_kong_faces_first_and_never_japanese_ones() -> None:
    html = to_html([traditional("zh_CN", script="hk")])
    stack = html.split("font-family:", 1)[1].split(";", 1)[0]
    assert '<html lang="zh-Hant-HK">' in html
    assert stack.strip().startswith('"Noto Serif CJK HK"')
    assert "JP" not in stack


def test_csv_and_w3c_exports_name_colours_in_the_exports_script() -> None:
    doc = traditional("zh_CN")
    for page in (to_csv([doc]), to_w3c_json([doc])):
        assert "重點" in page and "疑問" in page
        assert "重点" not in page and "疑问" not in page
