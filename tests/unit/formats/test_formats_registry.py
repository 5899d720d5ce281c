"""The formats registry: one list decides which files are read, by whom, and how stored ones re-derive."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from reader.core.importing import Prepared
from reader.formats import (
    IMPORTERS,
    SUPPORTED_SUFFIXES,
    FormatError,
    Importer,
    derive_raw,
    dialog_patterns,
    importer_for,
    importer_named,
)
from reader.formats.prepare import prepare

PAGE = (
    "<!DOCTYPE html><html><head><title>关于开展专科建设的通知</title></head><body>"
    "<nav><a href='/'>首页</a> | <a href='/news'>新闻</a></nav>"
    "<p>县域医院综合能力提升项目医学专科交流会顺利召开。国家卫生健康委主办，会议讨论了专科建设。</p>"
    "</body></html>"
)
TEXT = "关于开展专科建设的通知\n\n县域医院综合能力提升项目医学专科交流会顺利召开。国家卫生健康委主办。\n"


def test_every_importer_keeps_the_interface_and_a_name_and_suffixes_of_its_own() -> None:
    names = [i.name for i in IMPORTERS]
    assert len(set(names)) == len(names)
    seen: set[str] = set()
    for importer in IMPORTERS:
        assert isinstance(importer, Importer)
        assert importer.suffixes and not importer.suffixes & seen, importer.name
        assert all(s.startswith(".") and s == s.lower() for s in importer.suffixes)
        seen |= importer.suffixes
    assert seen == SUPPORTED_SUFFIXES


def test_todays_files_are_still_supported_and_the_dialog_filter_lists_them() -> None:
    assert {".txt", ".text", ".md", ".html", ".htm"} <= SUPPORTED_SUFFIXES
    patterns = dialog_patterns().split()
    assert sorted(patterns) == sorted(f"*{s}" for s in SUPPORTED_SUFFIXES)


@pytest.mark.parametrize(
    ("filename", "data", "expected"),
    [
        ("notice.txt", TEXT.encode("gbk"), "text"),
        ("notice.TEXT", TEXT.encode("utf-8"), "text"),
        ("notes.md", b"# \xe6\xa0\x87\xe9\xa2\x98\n", "markdown"),
        ("page.htm", b"<p>fragment without a doctype</p>", "html"),
        # Content wins over the name: pages travel as ".txt", in any encoding a browser saves.
        ("saved.txt", PAGE.encode("gbk"), "html"),
        ("saved.txt", b"\n  <HTML><body>x</body></HTML>", "html"),
        ("saved.txt", codecs.BOM_UTF8 + PAGE.encode("utf-8"), "html"),
        ("saved.txt", codecs.BOM_UTF16_LE + PAGE.encode("utf-16-le"), "html"),
        ("saved.txt", PAGE.encode("utf-16-be"), "html"),
        ("saved.txt", codecs.BOM_UTF32_LE + PAGE.encode("utf-32-le"), "html"),
        ("report.docx", b"PK\x03\x04", "docx"),
        ("README", TEXT.encode("utf-8"), None),
    ],
)
def test_importer_for_asks_the_content_first_then_the_name(filename: str, data: bytes, expected: str | None) -> None:
    found = importer_for(filename, data)
    assert (found.name if found else None) == expected


@pytest.mark.parametrize(
    ("filename", "data"), [("a.txt", TEXT.encode("gb18030")), ("a.html", PAGE.encode("big5", "replace"))]
)
def test_what_read_gives_can_be_rebuilt_from_the_stored_raw_text(filename: str, data: bytes) -> None:
    importer = importer_for(filename, data)
    assert importer is not None
    imported = importer.read(data, filename)
    assert imported.evidence["encoding"]
    rebuilt = importer.from_raw(imported.raw)
    assert (rebuilt.raw, rebuilt.original, rebuilt.pages) == (imported.raw, imported.original, imported.pages)
    assert importer.derive(rebuilt) == importer.derive(imported)
    assert derive_raw(imported.raw, importer.name) == importer.derive(imported)


def test_html_is_shown_as_blocks_and_cleaned_with_its_markup() -> None:
    html = importer_named("html")
    imported = html.read(PAGE.encode("utf-8"), "page.html")
    assert imported.evidence["markup"] == "html"
    assert "<p>" not in imported.original and "县域医院" in imported.original
    derived = html.derive(imported)
    assert "首页" not in derived.text and "县域医院" in derived.text
    assert any(r.text.startswith("首页") for r in derived.removed)


def test_overrides_refer_to_lines_of_the_original_view() -> None:
    text = importer_named("text")
    imported = text.from_raw("首页 | 新闻 | 专题\n" + TEXT)
    removed = text.derive(imported).removed
    assert removed and removed[0].line == 1
    kept = text.derive(imported, {1: True})
    assert kept.text.startswith("首页")


def test_documents_stored_with_an_old_or_unknown_kind() -> None:
    # Markdown was stored as "text" before it had an importer of its own: it still re-derives.
    assert derive_raw(TEXT, "text") == importer_named("markdown").derive(importer_named("markdown").from_raw(TEXT))
    with pytest.raises(FormatError, match="'djvu' cannot be read by this version"):
        derive_raw(TEXT, "djvu")


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("notice.txt", TEXT.encode("gbk"), "text"),
        ("notes.md", TEXT.encode(), "markdown"),
        ("saved.txt", PAGE.encode(), "html"),
    ],
)
def test_prepare_stores_the_name_of_the_importer_that_read_the_file(
    tmp_path: Path, name: str, data: bytes, kind: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    prepared = prepare(path)
    assert isinstance(prepared, Prepared), prepared
    assert prepared.kind == kind


def test_markdown_is_cleaned_with_its_structure_known() -> None:
    note = (
        "---\ntitle: 会议纪要\n---\n\n# 一、工作进展\n\n- 完成调研\n- 形成报告\n\n"
        "| 项目 | 进度 |\n|---|---|\n| 医共体 | 80% |\n\n> 引用一段原文。\n"
    )
    importer = importer_named("markdown")
    derived = importer.derive(importer.read(note.encode("utf-8"), "note.md"))
    for kept in ("完成调研", "形成报告", "医共体", "80%", "引用一段原文"):
        assert kept in derived.text
    # The front matter and the heading that titles the note are metadata (shown above the text); the
    # table's rule row is syntax only, listed with its own reason and line like every removed line.
    assert {r.reason for r in derived.removed} == {"metadata", "markup"}
    assert [(r.line, r.text) for r in derived.removed if r.reason == "markup"] == [(11, "|---|---|")]
    assert derived.metadata.title == "一、工作进展"
