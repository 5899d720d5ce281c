"""Text PDFs made by Qt's PDF writer (tests/data/pdf/make_fixtures.py) read back exactly as laid out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.formats.pdf import PdfDamaged, PdfEncrypted, PdfError, analyse, layout_from_json, layout_to_json, read_pdf

DATA = Path(__file__).resolve().parents[3] / "data" / "pdf"
NAMES = ["report_sc", "report_tc", "two_column", "dash_numbers", "bare_numbers"]


def _load(name: str) -> tuple[bytes, dict[str, object]]:
    return (DATA / f"{name}.pdf").read_bytes(), json.loads((DATA / f"{name}.expected.json").read_text())


@pytest.mark.parametrize("name", NAMES)
def test_paragraphs_in_reading_order(name: str) -> None:
    data, expected = _load(name)
    assert list(read_pdf(data).paragraphs) == expected["paragraphs"]


@pytest.mark.parametrize("name", NAMES)
def test_page_starts(name: str) -> None:
    data, expected = _load(name)
    result = read_pdf(data)
    assert list(result.pages) == expected["pages"]
    assert len(result.original_pages) == expected["page_count"]


@pytest.mark.parametrize("name", NAMES)
def test_furniture_removed_with_reasons(name: str) -> None:
    data, expected = _load(name)
    result = read_pdf(data)
    lines = result.original.split("\n")
    got = sorted((r.text, r.reason) for r in result.removed)
    want = sorted((text, reason) for page in expected["furniture"] for text, reason in page)  # type: ignore[attr-defined]
    assert got == want
    for removed in result.removed:
        assert lines[removed.line - 1] == removed.text


def test_restoring_a_removed_line_puts_it_back() -> None:
    data, _ = _load("report_sc")
    first = read_pdf(data)
    header = first.removed[0]
    restored = read_pdf(data, overrides={header.line: True})
    assert header.text in restored.paragraphs
    assert header not in restored.removed


def test_stored_layout_gives_the_same_text() -> None:
    data, _ = _load("two_column")
    first = read_pdf(data)
    again = analyse(layout_from_json(layout_to_json(first.layout)))
    assert again.text == first.text
    assert again.removed == first.removed


def test_cjk_radicals_read_as_ideographs() -> None:
    data, _ = _load("report_sc")
    text = read_pdf(data).text
    assert not any("\u2e80" <= ch <= "\u2fdf" for ch in text)
    assert "门" in text or "一" in text


def test_encrypted_pdf_is_refused_in_one_line() -> None:
    with pytest.raises(PdfEncrypted) as caught:
        read_pdf((DATA / "encrypted.pdf").read_bytes())
    assert "\n" not in str(caught.value) and "password" in str(caught.value)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"hello, not a pdf",
        b"%PDF-1.7\n%broken\n1 0 obj <<>>\n",
        DATA.joinpath("report_sc.pdf").read_bytes()[:5000],
    ],
)
def test_damaged_pdf_is_refused_in_one_line(data: bytes) -> None:
    with pytest.raises(PdfError) as caught:
        read_pdf(data)
    assert isinstance(caught.value, PdfDamaged)
    assert str(caught.value) and "\n" not in str(caught.value)
