"""EPUB books: chapters in spine order through the HTML rendering, every block kept, metadata from the OPF;
DRM and damaged packages refused with one line, font obfuscation read."""

from __future__ import annotations

import pytest

import packagegen as gen
from reader.core.text.decoding import DecodingError
from reader.formats import blocks, epub, importer_for
from reader.formats.base import SNIFF_BYTES, FormatError

CHAPTER_LINES = [line for title, paragraphs in gen.EPUB_CHAPTERS for line in (title, *paragraphs)]


def test_chapters_follow_the_spine_not_the_manifest_and_the_contents_page_is_left_out() -> None:
    imported = epub.IMPORTER.read(gen.make_epub(), "book.epub")
    assert imported.original.split("\n") == CHAPTER_LINES
    derived = epub.IMPORTER.derive(imported)
    assert derived.text.split("\n") == CHAPTER_LINES  # a book's blocks are content: none is removed
    assert derived.removed == []
    assert imported.evidence["chapters"] == "2"
    meta = derived.metadata
    assert (meta.title, meta.author, meta.date, meta.source) == (gen.EPUB_TITLE, "林河", "2021-06-01", "河畔出版社")


def test_chapter_headings_keep_their_level() -> None:
    document = blocks.from_raw(epub.IMPORTER.read(gen.make_epub(), "book.epub").raw)
    assert [(b.kind, b.level) for b in document.blocks if b.text == "第二章 码头"] == [("heading", 1)]


def test_an_epub2_book_without_a_navigation_document_reads_its_spine() -> None:
    opf = (
        '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="2.0">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">'
        "<dc:title>运河记</dc:title></metadata>"
        '<manifest><item id="c1" href="text/ch1.xhtml" media-type="application/xhtml+xml"/>'
        '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/></manifest>'
        '<spine toc="ncx"><itemref idref="c1"/></spine></package>'
    )
    imported = epub.IMPORTER.read(gen.make_epub(**{"OEBPS/content.opf": opf, "OEBPS/nav.xhtml": None}), "b.epub")
    assert imported.original.split("\n") == CHAPTER_LINES[:3]
    assert epub.IMPORTER.derive(imported).metadata.date is None


def test_the_stored_raw_text_rebuilds_the_book_and_a_removed_line_stays_removed() -> None:
    imported = epub.IMPORTER.read(gen.make_epub(), "book.epub")
    again = epub.IMPORTER.from_raw(imported.raw)
    assert again.original == imported.original
    derived = epub.IMPORTER.derive(again, {2: False})
    assert CHAPTER_LINES[1] not in derived.text.split("\n")
    assert [(r.line, r.reason) for r in derived.removed] == [(2, "user")]


def test_an_epub_is_known_by_its_mimetype_entry_whatever_its_name() -> None:
    head = gen.make_epub()[:SNIFF_BYTES]
    assert epub.IMPORTER.sniff(head)
    assert importer_for("book.zip", head) is epub.IMPORTER
    assert importer_for("book.docx", head) is epub.IMPORTER
    assert not epub.IMPORTER.sniff(gen.make_docx()[:SNIFF_BYTES])


def test_fonts_obfuscated_as_the_specification_allows_do_not_stop_the_book() -> None:
    fonts = gen.encryption_xml("http://www.idpf.org/2008/embedding", "OEBPS/fonts/kai.otf")
    imported = epub.IMPORTER.read(gen.make_epub(encryption=fonts), "book.epub")
    assert imported.original.split("\n") == CHAPTER_LINES


DRM = gen.encryption_xml("http://www.w3.org/2001/04/xmlenc#aes128-cbc", "OEBPS/text/ch1.xhtml")
BAD = {
    "DRM": (lambda: gen.make_epub(encryption=DRM), "protected by DRM"),
    "truncated": (lambda: gen.make_epub()[:400], "damaged EPUB"),
    "no container, no package file": (
        lambda: gen.make_epub(**{"META-INF/container.xml": None, "OEBPS/content.opf": None}),
        "no META-INF/container.xml",
    ),
    "chapters missing": (
        lambda: gen.make_epub(**{"OEBPS/text/ch1.xhtml": None, "OEBPS/text/ch 2.xhtml": None}),
        "none of the chapters",
    ),
}


REPAIRED = {
    # A damaged container: the package's only OPF is read, as reading systems do.
    "no container": ({"META-INF/container.xml": None}, "named no package file"),
    "container names nothing": ({"META-INF/container.xml": "<container xmlns='x'/>"}, "named no package file"),
    # A damaged or missing OPF: the chapters in natural file-name order (ch1 before "ch 2"), contents page out.
    "OPF missing": ({"OEBPS/content.opf": None}, "could not be read"),
    "OPF malformed": ({"OEBPS/content.opf": "<package><metadata>"}, "damaged; what could be read"),
    "empty spine": (
        {"OEBPS/content.opf": '<package xmlns="http://www.idpf.org/2007/opf"><manifest/><spine/></package>'},
        "file-name order",
    ),
}


@pytest.mark.parametrize("case", list(REPAIRED))
def test_a_damaged_package_is_read_with_its_repair_noted(case: str) -> None:
    replace, said = REPAIRED[case]
    imported = epub.IMPORTER.read(gen.make_epub(**replace), "damaged.epub")  # type: ignore[arg-type]
    lines = imported.original.split("\n")
    assert lines == CHAPTER_LINES  # every chapter, in order, and not the contents page
    assert said in imported.evidence["repairs"] and "\n" not in imported.evidence["repairs"]


def test_chapters_a_cut_spine_no_longer_lists_follow_it() -> None:
    opf = gen.epub_parts()["OEBPS/content.opf"]
    assert isinstance(opf, str)
    cut = opf[: opf.rindex("<itemref")]  # the file stops before its spine's last entry, the second chapter
    imported = epub.IMPORTER.read(gen.make_epub(**{"OEBPS/content.opf": cut}), "cut.epub")
    assert imported.original.split("\n") == CHAPTER_LINES  # the second chapter too, after the first
    assert "did not list were added by file name" in imported.evidence["repairs"]


def test_a_chapter_with_bytes_that_are_not_text_costs_only_those_bytes() -> None:
    good = gen.epub_parts()
    damaged = good["OEBPS/text/ch1.xhtml"]
    assert isinstance(damaged, str)
    raw = bytearray(damaged.encode("utf-8"))
    middle = raw.find(gen.EPUB_CHAPTERS[0][1][0].encode("utf-8")) + 3
    raw[middle : middle + 2] = b"\xff\xfe"  # a flipped pair of bytes inside the first paragraph
    book = gen.zip_bytes({**good, "OEBPS/text/ch1.xhtml": bytes(raw)}, stored_first="mimetype")
    imported = epub.IMPORTER.read(book, "damaged.epub")
    lines = imported.original.split("\n")
    assert len(lines) == len(CHAPTER_LINES) and lines[-1] == CHAPTER_LINES[-1]  # the other chapter whole
    assert "\ufffd" in lines[1] and "OEBPS/text/ch1.xhtml" in imported.evidence["repairs"]
    assert "repairs" not in epub.IMPORTER.read(gen.make_epub(), "good.epub").evidence


@pytest.mark.parametrize("case", list(BAD))
def test_a_bad_book_is_refused_with_one_line(case: str) -> None:
    make, expected = BAD[case]
    with pytest.raises(FormatError) as caught:
        epub.IMPORTER.read(make(), "bad.epub")
    assert expected in str(caught.value)
    assert "\n" not in str(caught.value)


def test_damaged_copies_are_read_or_refused_in_one_line_never_with_another_error() -> None:
    refused = 0
    for damaged in gen.corruptions(gen.make_epub(), 300, seed=11):
        try:
            epub.IMPORTER.derive(epub.IMPORTER.read(damaged, "damaged.epub"))
        except (FormatError, DecodingError) as exc:
            assert "\n" not in str(exc)
            refused += 1
    assert refused  # the damage is real: some copies cannot be read


def test_a_package_whose_directory_cannot_be_read_is_read_from_its_local_headers() -> None:
    data = bytearray(gen.make_epub())
    directory = data.find(b"PK\x01\x02")
    data[directory + 6] = 70  # "version needed to extract": 7.0, which zipfile does not implement
    imported = epub.IMPORTER.read(bytes(data), "new.epub")
    assert imported.original.split("\n") == CHAPTER_LINES
    assert "ZIP directory could not be read" in imported.evidence["repairs"]


def test_parts_in_a_compression_the_app_cannot_read_are_refused_in_one_line() -> None:
    data = bytearray(gen.make_epub())
    directory = data.find(b"PK\x01\x02")
    data[directory + 6] = 70
    at = data.find(b"PK\x03\x04")
    while 0 <= at < directory:
        data[at + 8] = 93  # the method of every entry: Zstandard, which the app does not read
        at = data.find(b"PK\x03\x04", at + 4)
    with pytest.raises(FormatError, match="compression this app cannot read") as caught:
        epub.IMPORTER.read(bytes(data), "new.epub")
    assert "\n" not in str(caught.value)


def test_an_empty_chapter_part_is_a_blank_page_not_damage() -> None:
    imported = epub.IMPORTER.read(gen.make_epub(**{"OEBPS/text/ch1.xhtml": ""}), "book.epub")
    assert imported.original.split("\n") == CHAPTER_LINES[3:]


def test_chapter_headings_are_marked_in_the_cleaned_text() -> None:
    derived = epub.IMPORTER.derive(epub.IMPORTER.read(gen.make_epub(), "book.epub"))
    lines = derived.text.split("\n")
    marked = [(lines[line], level) for line, level in blocks.headings(derived)]
    assert ("第二章 码头", 1) in marked
    assert all(text in [title for title, _ in gen.EPUB_CHAPTERS] for text, _ in marked)
