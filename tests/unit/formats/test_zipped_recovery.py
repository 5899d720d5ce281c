"""Packages cut short (a download that stopped): no ZIP directory, so the parts are found by their local
headers, the document is read as far as its parts allow, and the evidence says what was recovered."""

from __future__ import annotations

import io
import random
import zipfile

import pytest

import packagegen as gen
from reader.formats import docx, epub, zipped
from reader.formats.base import FormatError

_RNG = random.Random(7)


def _sentence(index: int) -> str:
    """A paragraph of varied characters, so the package does not compress to nothing and cuts land inside
    the body rather than all before it."""
    chars = "".join(chr(_RNG.randrange(0x4E00, 0x9FA5)) for _ in range(40))
    return f"第{index}条 {chars}。"


PARAGRAPHS = [_sentence(i) for i in range(1, 41)]
TITLE = "关于做好年度检查工作的通知"


def _docx_parts() -> dict[str, str]:
    body = gen.paragraph(TITLE, "Title") + "".join(gen.paragraph(text) for text in PARAGRAPHS)
    parts = gen.docx_parts(**{"word/document.xml": gen.w_part("w:document", f"<w:body>{body}</w:body>")})
    return {name: text for name, text in parts.items() if not name.startswith(("word/header", "word/footer"))}


class _Unseekable(io.RawIOBase):
    """A stream that cannot seek back: zipfile then writes each entry's sizes after its data (the data
    descriptor), as streaming producers do."""

    def __init__(self) -> None:
        self.buffer = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        chunk = bytes(data)  # type: ignore[call-overload]
        self.buffer.extend(chunk)
        return len(chunk)


def _zip(parts: dict[str, str], streamed: bool, stored_first: str | None = None) -> bytes:
    if not streamed:
        return gen.zip_bytes(dict(parts), stored_first=stored_first)
    sink = _Unseekable()
    with zipfile.ZipFile(sink, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content, zipfile.ZIP_STORED if name == stored_first else zipfile.ZIP_DEFLATED)
    return bytes(sink.buffer)


def _cuts(data: bytes) -> list[int]:
    """Cut points from the first header to the central directory (a cut after it loses only the index)."""
    directory = data.rfind(b"PK\x01\x02")
    return [*range(0, directory, max(1, directory // 60)), directory - 1, directory + 10]


def _check_cuts(read: object, data: bytes, whole: str) -> list[str]:
    """Read every cut copy: each is refused in one line or gives a prefix of the whole text."""
    assert callable(read)
    texts = []
    for cut in _cuts(data):
        try:
            text = read(data[:cut])
        except FormatError as exc:
            assert "\n" not in str(exc)
            continue
        assert whole.startswith(text), f"cut at {cut}: not a prefix"
        texts.append(text)
    return texts


@pytest.mark.parametrize("streamed", [False, True], ids=["sizes-in-headers", "data-descriptors"])
def test_a_docx_cut_anywhere_reads_a_prefix_of_its_text(streamed: bool) -> None:
    data = _zip(_docx_parts(), streamed)
    whole = docx.IMPORTER.read(data, "whole.docx").original

    def read(cut: bytes) -> str:
        imported = docx.IMPORTER.read(cut, "cut.docx")
        docx.IMPORTER.derive(imported)  # what the library does next must not fail either
        return imported.original

    texts = _check_cuts(read, data, whole)
    partial = [text for text in texts if 0 < len(text) < len(whole)]
    assert len(partial) >= 5  # cuts inside word/document.xml keep the paragraphs before the cut
    assert whole in texts  # a cut after the last part loses nothing but the index


@pytest.mark.parametrize("streamed", [False, True], ids=["sizes-in-headers", "data-descriptors"])
def test_an_epub_cut_anywhere_reads_a_prefix_of_its_text(streamed: bool) -> None:
    chapters = {
        "OEBPS/text/ch1.xhtml": gen.chapter("第一章 源头", PARAGRAPHS[:20]),
        "OEBPS/text/ch 2.xhtml": gen.chapter("第二章 码头", PARAGRAPHS[20:]),
    }
    parts = {name: content for name, content in gen.epub_parts(**chapters).items() if isinstance(content, str)}
    data = _zip(parts, streamed, stored_first="mimetype")
    whole = epub.IMPORTER.read(data, "whole.epub").original

    texts = _check_cuts(lambda cut: epub.IMPORTER.read(cut, "cut.epub").original, data, whole)
    assert len([text for text in texts if 0 < len(text) < len(whole)]) >= 5
    assert whole in texts


def test_the_evidence_says_what_was_recovered_and_which_part_was_cut() -> None:
    data = gen.zip_bytes(dict(_docx_parts()))
    body = data.find(b"word/document.xml")
    cut = data[: body + (data.find(b"PK\x03\x04", body) - body) // 2]  # halfway through the body's data
    imported = docx.IMPORTER.read(cut, "cut.docx")
    repairs = imported.evidence["repairs"]
    assert "ZIP directory could not be read" in repairs
    assert "word/document.xml was cut short; what it held up to the cut was kept" in repairs
    text = docx.IMPORTER.derive(imported).text
    assert PARAGRAPHS[0] in text and PARAGRAPHS[-1] not in text


def test_a_cut_package_with_nothing_usable_is_refused_in_one_line() -> None:
    data = gen.make_docx()
    with pytest.raises(FormatError, match="not a readable ZIP package") as caught:
        docx.IMPORTER.read(data[:20], "cut.docx")
    assert "\n" not in str(caught.value)
    before_body = data[: data.find(b"PK\x03\x04", data.find(b"word/document.xml") - 30)]
    with pytest.raises(FormatError, match="damaged Word document: the file is cut short or damaged before its text"):
        docx.IMPORTER.read(before_body, "cut.docx")
    epub_data = gen.make_epub()
    with pytest.raises(FormatError, match="damaged EPUB: the file is cut short or damaged before its package"):
        epub.IMPORTER.read(epub_data[: epub_data.find(b"META-INF/container.xml") - 30], "cut.epub")


@pytest.mark.parametrize("streamed", [False, True], ids=["sizes-in-headers", "data-descriptors"])
def test_a_cut_zip_bomb_still_stops_at_the_inflation_cap(monkeypatch: pytest.MonkeyPatch, streamed: bool) -> None:
    monkeypatch.setattr(zipped, "MAX_TOTAL", 1024 * 1024)
    padding = "<w:p><w:r><w:t>" + "重" * (2 * 1024 * 1024) + "</w:t></w:r></w:p>"
    parts = gen.docx_parts(**{"word/document.xml": gen.w_part("w:document", f"<w:body>{padding}</w:body>")})
    data = _zip(parts, streamed)
    cut = data[: data.rfind(b"PK\x01\x02") - 1]
    with pytest.raises(FormatError, match="inflates to more than 1 MB"):
        docx.IMPORTER.read(cut, "bomb.docx")
