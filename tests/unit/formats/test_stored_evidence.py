"""Every format answers the Info tab's question (what is known about the source) from its stored form, the
same answer as rebuilding the document, and without rebuilding it where the answer does not need that."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import packagegen as gen
from reader.formats import IMPORTERS, html, importer_named, registry

PDF = Path(__file__).resolve().parents[2] / "data" / "pdf" / "report_sc.pdf"
PAGE = "<html><head><title>通知</title></head><body><nav><a href='/'>首页</a></nav><p>正文一段。</p></body></html>"

SAMPLES: dict[str, Callable[[], tuple[bytes, str]]] = {
    "text": lambda: ("通知\n\n正文一段。\n".encode("gbk"), "notice.txt"),
    "markdown": lambda: ("# 通知\n\n- 一项\n".encode(), "notes.md"),
    "html": lambda: (PAGE.encode(), "page.html"),
    "mhtml": lambda: (gen.make_mhtml(), "page.mhtml"),
    "docx": lambda: (gen.make_docx(**{"word/styles.xml": "\x00 not xml"}), "damaged.docx"),
    "epub": lambda: (gen.make_epub(), "book.epub"),
    "pdf": lambda: (PDF.read_bytes(), "report.pdf"),
}


def test_every_importer_has_a_sample_here() -> None:
    assert {importer.name for importer in IMPORTERS} == set(SAMPLES)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_the_stored_evidence_is_what_rebuilding_the_document_gives(name: str) -> None:
    importer = importer_named(name)
    data, filename = SAMPLES[name]()
    raw = importer.read(data, filename).raw
    assert importer.evidence(raw) == dict(importer.from_raw(raw).evidence)
    assert registry.evidence_of(raw, name) == importer.evidence(raw)


def test_a_damaged_part_is_told_from_the_stored_form() -> None:
    data, filename = SAMPLES["docx"]()
    raw = importer_named("docx").read(data, filename).raw
    assert "word/styles.xml" in registry.evidence_of(raw, "docx")["repairs"]


def test_a_stored_page_is_not_parsed_again_to_say_it_is_markup(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_parse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the page was parsed again")

    monkeypatch.setattr(html, "html_to_blocks", no_parse)
    assert registry.evidence_of(PAGE, "html") == {"markup": "html"}
    assert registry.evidence_of(PAGE, "mhtml") == {"markup": "html"}


def test_a_stored_form_that_is_not_one_gives_nothing_rather_than_an_error() -> None:
    for name in ("docx", "epub", "pdf"):
        assert registry.evidence_of("not a stored document", name) == {}
    assert registry.evidence_of("x", "no-such-format") == {}
