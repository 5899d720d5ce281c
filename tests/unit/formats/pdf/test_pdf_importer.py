"""Text PDFs through the importer interface: chosen by content, stored as layout, re-derived without PDFium."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core.importing import Prepared, Skipped
from reader.formats import SUPPORTED_SUFFIXES, FormatError, blocks, derive_raw, dialog_patterns, importer_for
from reader.formats.pdf import IMPORTER, Layout, PdfEncrypted, layout_from_json, layout_to_json
from reader.formats.pdf.model import Fragment, PageBox
from reader.formats.prepare import prepare

DATA = Path(__file__).resolve().parents[3] / "data" / "pdf"
NAMES = ["report_sc", "report_tc", "two_column", "dash_numbers", "bare_numbers"]


def _expected(name: str) -> dict[str, object]:
    loaded: dict[str, object] = json.loads((DATA / f"{name}.expected.json").read_text(encoding="utf-8"))
    return loaded


@pytest.mark.parametrize("filename", ["report.pdf", "report.txt", "report.html", "report"])
def test_registry_picks_pdf_by_content_whatever_the_name(filename: str) -> None:
    head = (DATA / "report_sc.pdf").read_bytes()[:4096]
    chosen = importer_for(filename, head)
    assert chosen is not None and chosen.name == "pdf"


def test_pdf_files_are_offered_for_folder_import_and_in_the_dialog() -> None:
    assert ".pdf" in SUPPORTED_SUFFIXES
    assert "*.pdf" in dialog_patterns().split()


@pytest.mark.parametrize("name", NAMES)
def test_read_then_derive_gives_the_reflowed_paragraphs_and_page_starts(name: str) -> None:
    expected = _expected(name)
    imported = IMPORTER.read((DATA / f"{name}.pdf").read_bytes(), f"{name}.pdf")
    derived = IMPORTER.derive(imported)
    title, *body = expected["paragraphs"]  # type: ignore[misc]
    assert derived.metadata.title == title
    # The printed title becomes the document's title and leaves the text, which begins after it.
    assert derived.text == "\n".join(body)
    cut = len(title) + 1
    assert list(derived.pages) == [max(0, start - cut) for start in expected["pages"]]  # type: ignore[attr-defined]
    assert imported.evidence == {"engine": "pdfium", "pages": str(expected["page_count"])}
    assert len(imported.pages) == expected["page_count"] and imported.pages[0] == 0
    lines = imported.original.split("\n")
    for start in imported.pages[1:]:
        assert imported.original[start - 1] == "\n"  # every page begins at the start of a line of `original`
    furniture = sorted((t, r) for page in expected["furniture"] for t, r in page)  # type: ignore[attr-defined]
    assert sorted((r.text, r.reason) for r in derived.removed) == sorted([*furniture, (title, "metadata")])
    for removed in derived.removed:
        assert lines[removed.line - 1] == removed.text


@pytest.mark.parametrize("name", NAMES)
def test_stored_raw_rebuilds_the_same_document(name: str) -> None:
    imported = IMPORTER.read((DATA / f"{name}.pdf").read_bytes(), f"{name}.pdf")
    rebuilt = IMPORTER.from_raw(imported.raw)
    assert rebuilt.raw == imported.raw
    assert rebuilt.original == imported.original
    assert rebuilt.pages == imported.pages
    assert IMPORTER.derive(rebuilt) == IMPORTER.derive(imported)
    assert derive_raw(imported.raw, "pdf") == IMPORTER.derive(imported)
    assert len(layout_from_json(imported.raw).pages) == _expected(name)["page_count"]


def test_an_override_restores_a_page_number_line_and_another_removes_a_line() -> None:
    imported = IMPORTER.read((DATA / "dash_numbers.pdf").read_bytes(), "dash_numbers.pdf")
    first = IMPORTER.derive(imported)
    number = next(r for r in first.removed if r.reason == "page-number")
    restored = derive_raw(imported.raw, "pdf", {number.line: True})
    assert number not in restored.removed
    assert number.text in restored.text.split("\n")
    assert len(restored.removed) == len(first.removed) - 1

    body_line = next(i for i, line in enumerate(imported.original.split("\n"), 1) if len(line) > 20)
    dropped = derive_raw(imported.raw, "pdf", {body_line: False})
    assert [r.reason for r in dropped.removed if r.line == body_line] == ["user"]


def test_the_printed_title_leaves_the_text_for_removed_and_an_override_puts_it_back() -> None:
    imported = IMPORTER.read((DATA / "report_sc.pdf").read_bytes(), "report_sc.pdf")
    derived = IMPORTER.derive(imported)
    title = derived.metadata.title
    assert title is not None and not derived.text.startswith(title)
    (line,) = [r.line for r in derived.removed if r.reason == "metadata"]
    assert imported.original.split("\n")[line - 1] == title
    restored = IMPORTER.derive(imported, {line: True})
    assert restored.text.split("\n")[0] == title
    assert restored.metadata.title == title and all(r.reason != "metadata" for r in restored.removed)
    assert restored.pages[1] - derived.pages[1] == len(title) + 1


def test_title_is_the_large_first_line_in_either_script() -> None:
    derived = IMPORTER.derive(IMPORTER.read((DATA / "report_sc.pdf").read_bytes(), "report_sc.pdf"))
    assert derived.metadata.title == "关于基层公共服务情况的调查报告"
    assert derived.script == "simplified"
    traditional = IMPORTER.derive(IMPORTER.read((DATA / "report_tc.pdf").read_bytes(), "report_tc.pdf"))
    assert traditional.metadata.title == "關於基層公共服務情況的調查報告"
    assert traditional.script == "traditional"


def test_pdf_errors_are_format_errors_so_an_import_skips_with_one_line(tmp_path: Path) -> None:
    with pytest.raises(FormatError):
        IMPORTER.read((DATA / "encrypted.pdf").read_bytes(), "encrypted.pdf")
    assert issubclass(PdfEncrypted, FormatError)

    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes((DATA / "report_sc.pdf").read_bytes()[:3000])
    encrypted = tmp_path / "locked.txt"  # a wrong name: the content still says PDF
    encrypted.write_bytes((DATA / "encrypted.pdf").read_bytes())
    for path, reason in ((damaged, "PDF is damaged or incomplete"), (encrypted, "PDF is encrypted with a password")):
        skipped = prepare(path)
        assert isinstance(skipped, Skipped), path
        assert skipped.reason.startswith(reason) and "\n" not in skipped.reason


def test_prepare_reads_a_pdf_into_a_document() -> None:
    prepared = prepare(DATA / "two_column.pdf")
    assert isinstance(prepared, Prepared)
    assert prepared.kind == "pdf"
    assert prepared.derived.metadata.title == "社区服务调查简报"
    assert prepared.derived.text.startswith("一、总体情况")
    reasons = {r.reason for r in prepared.derived.removed}
    assert reasons == {"page-header", "page-footer", "page-number", "metadata"}


def _line(text: str, top: float, size: float = 10.0, x0: float = 72.0) -> Fragment:
    return Fragment(text, x0, x0 + size * len(text), top, top + size * 1.2, size)


def test_metadata_from_a_laid_out_page_title_by_size_and_a_dated_line() -> None:
    body = "各地在推进公共服务均等化方面取得了积极进展但城乡之间仍存在明显差距本报告据此整理。"
    page = PageBox(
        0,
        595.0,
        842.0,
        (
            _line("一、总体情况", 100.0, 12.0),
            _line("基层公共服务情况调查", 140.0, 20.0),
            _line("2024年3月15日", 180.0),
            _line(body, 220.0, x0=60.0),
            _line(body, 236.0, x0=60.0),
        ),
    )
    derived = derive_raw(layout_to_json(Layout((page,))), "pdf")
    assert derived.metadata.title == "基层公共服务情况调查"
    assert derived.metadata.date == "2024-03-15"


def test_without_a_larger_line_the_first_heading_is_the_title_and_no_date_is_made_up() -> None:
    body = "各地在推进公共服务均等化方面取得了积极进展，但城乡之间仍存在明显差距。"
    page = PageBox(
        0, 595.0, 842.0, (_line("一、总体情况", 100.0), _line(body, 130.0), _line(body, 146.0), _line(body, 162.0))
    )
    derived = derive_raw(layout_to_json(Layout((page,))), "pdf")
    assert derived.metadata.title == "一、总体情况"
    assert derived.metadata.date is None


def test_a_heading_taken_as_the_title_leaves_the_text_unless_it_is_a_numbered_section() -> None:
    body = "各地在推进公共服务均等化方面取得了积极进展，但城乡之间仍存在明显差距。"
    lines = (_line(body, 130.0), _line(body, 146.0), _line(body, 162.0))
    # Set a little larger than the body: a heading, not printed as a title.
    titled = PageBox(0, 595.0, 842.0, (_line("乡村图书室使用情况", 100.0, 11.0), *lines))
    derived = derive_raw(layout_to_json(Layout((titled,))), "pdf")
    assert derived.metadata.title == "乡村图书室使用情况"
    assert not derived.text.startswith("乡村图书室")  # shown once, as the title
    assert any(r.reason == "metadata" and r.text == "乡村图书室使用情况" for r in derived.removed)
    numbered = PageBox(0, 595.0, 842.0, (_line("一、总体情况", 100.0), *lines))
    assert derive_raw(layout_to_json(Layout((numbered,))), "pdf").text.startswith("一、总体情况")


def test_headings_are_marked_in_the_cleaned_text_with_levels_by_print_size() -> None:
    derived = IMPORTER.derive(IMPORTER.read((DATA / "report_sc.pdf").read_bytes(), "report_sc.pdf"))
    lines = derived.text.split("\n")
    marked = {lines[line]: level for line, level in blocks.headings(derived)}
    assert marked["一、总体情况"] == 1 and marked["三、存在问题"] == 1
    assert marked["（一）调查范围与方法"] == 2
    assert derived.metadata.title not in marked  # the title left the text, and its line with it
    assert all(not text.endswith("。") for text in marked)
