"""EPUB 2 and 3 books: the chapters in reading (spine) order, each through the app's HTML rendering.

The package says where everything is: META-INF/container.xml names the OPF file, whose manifest lists
the chapters and whose spine orders them; the EPUB 3 navigation document (a table of contents) is left
out, as a reader skips it. A chapter is XHTML, rendered to blocks by `core.html_extract` as a web page is,
but not cleaned as one: a book has no menus or related links, so every block is kept (the web cleaner's
guesses would only lose text). Title, author and date come from the OPF's Dublin Core metadata.

A book whose content is encrypted (DRM) cannot be read and says so; an encryption.xml that only
obfuscates embedded fonts (as the EPUB specification allows) does not stop the book from being read.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import unquote

import lxml.etree

from reader.core.cleaning import SourceHints, html_extract
from reader.core.cleaning import metadata as md
from reader.core.derive import Derived
from reader.core.text.decoding import DecodingError, decode_bytes
from reader.formats import blocks, epub_marks
from reader.formats.base import FormatError, ImportedText
from reader.formats.blocks import Block
from reader.formats.zipped import ZIP_MAGIC, Package

CONTAINER = "META-INF/container.xml"
ENCRYPTION = "META-INF/encryption.xml"
MIMETYPE = b"application/epub+zip"
_NS = {
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "enc": "http://www.w3.org/2001/04/xmlenc#",
}
FONT_OBFUSCATION = frozenset({"http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"})
"""The algorithms that only scramble embedded fonts (IDPF and Adobe): the text is not encrypted."""
CHAPTER_TYPES = frozenset({"application/xhtml+xml", "text/html", "application/x-dtbook+xml"})


def _protected(package: Package) -> bool:
    """Whether any part other than a font is encrypted (a book with DRM)."""
    if not package.has(ENCRYPTION):
        return False
    root = package.xml(ENCRYPTION)
    methods = [m.get("Algorithm", "") for m in root.iterfind(".//enc:EncryptedData/enc:EncryptionMethod", _NS)]
    return not methods or any(method not in FONT_OBFUSCATION for method in methods)


def _rootfile(package: Package, repairs: list[str]) -> str:
    """The package (OPF) file the container names; when the container is damaged beyond repair or names
    none, the package's only `.opf` part, as reading systems do."""
    try:
        container = package.xml_repaired(CONTAINER, repairs)
    except FormatError:
        container = None
    if container is not None:
        for rootfile in container.iterfind(".//c:rootfile", _NS):
            path = rootfile.get("full-path")
            media = rootfile.get("media-type", "application/oebps-package+xml")
            if path and media == "application/oebps-package+xml":
                return unquote(path)
    found = sorted(name for name in package.names if name.lower().endswith(".opf"))
    if len(found) == 1:
        repairs.append(f"{CONTAINER} named no package file; {found[0]} was read")
        return found[0]
    raise FormatError("damaged EPUB: META-INF/container.xml names no package (OPF) file")


def _first(opf: lxml.etree._Element, path: str) -> str | None:
    for el in opf.iterfind(path, _NS):
        text = " ".join("".join(str(t) for t in el.itertext()).split())
        if text:
            return text
    return None


def _metadata(opf: lxml.etree._Element) -> md.Metadata:
    date = _first(opf, "opf:metadata/dc:date") or _first(opf, "opf:metadata/opf:meta[@property='dcterms:modified']")
    return md.Metadata(
        title=_first(opf, "opf:metadata/dc:title"),
        author=_first(opf, "opf:metadata/dc:creator"),
        date=blocks.iso_date(date),
        source=_first(opf, "opf:metadata/dc:publisher"),
    )


def _spine(opf: lxml.etree._Element, base: str) -> list[str]:
    """The chapter parts in reading order, as paths in the package; the navigation document left out."""
    manifest: dict[str, tuple[str, str, str]] = {}
    for item in opf.iterfind("opf:manifest/opf:item", _NS):
        href = item.get("href")
        if item.get("id") and href:
            path = posixpath.normpath(posixpath.join(base, unquote(href.split("#")[0])))
            manifest[item.get("id", "")] = (path, item.get("media-type", ""), item.get("properties", ""))
    chapters: list[str] = []
    for ref in opf.iterfind("opf:spine/opf:itemref", _NS):
        entry = manifest.get(ref.get("idref", ""))
        if entry is None:
            continue
        path, media, properties = entry
        if media in CHAPTER_TYPES and "nav" not in properties.split() and path not in chapters:
            chapters.append(path)
    return chapters


def _by_name(package: Package, repairs: list[str]) -> list[str]:
    """When the spine cannot be read: the package's XHTML parts in natural file-name order (ch2 before
    ch10), navigation documents left out, so a damaged package file does not cost the book."""
    pages = [
        name
        for name in package.names
        if name.lower().endswith((".xhtml", ".html", ".htm"))
        and posixpath.splitext(posixpath.basename(name))[0].lower() not in ("nav", "toc")
    ]
    pages.sort(key=lambda name: [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)])
    if pages:
        repairs.append("the spine could not be read; chapters were taken in file-name order")
    return pages


_LINK = re.compile(r"<a\b([^>]*)>([^<]{0,12})</a>", re.IGNORECASE)
_OPENING_LINK = re.compile(r"<a\b([^>]*)>", re.IGNORECASE)
_ATTR = re.compile(r"""\b(id|href)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_CONTENTS_TYPE = re.compile(r"\btype\s*=\s*[\"'][^\"']*\btoc\b", re.IGNORECASE)
OPS = "http://www.idpf.org/2007/ops"


def _link_attrs(attrs: str) -> dict[str, str]:
    return {m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3) for m in _ATTR.finditer(attrs)}


def _references(chapters: Mapping[str, str]) -> set[tuple[str, str]]:
    """(chapter, id) of every link that carries an id: a note reference, the place a note's backlink
    returns to."""
    out = set()
    for name, text in chapters.items():
        for match in _OPENING_LINK.finditer(text):
            attrs = _link_attrs(match.group(1))
            if attrs.get("id") and attrs.get("href"):
                out.add((name, attrs["id"]))
    return out


def _without_backlinks(text: str, name: str, references: set[tuple[str, str]]) -> str:
    """The chapter without the short links that lead from a note back to its reference (`返回`, `↩`): a
    reader follows them, and read as text they end every note with a word that is not the note's."""

    def drop(match: re.Match[str]) -> str:
        href = _link_attrs(match.group(1)).get("href", "")
        target, _, fragment = href.partition("#")
        place = posixpath.normpath(posixpath.join(posixpath.dirname(name), unquote(target))) if target else name
        return "" if fragment and (place, fragment) in references else match.group(0)

    return _LINK.sub(drop, text)


def _contents_text(text: str) -> str | None:
    """The text of a table of contents printed in the book (an element typed `toc`, as EPUB 3 marks a
    contents page that is not the navigation document), without spaces; None when the chapter has none."""
    if not _CONTENTS_TYPE.search(text):
        return None
    try:
        root = lxml.etree.fromstring(
            text.encode("utf-8"), parser=lxml.etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
        )
    except (lxml.etree.XMLSyntaxError, ValueError):
        return None
    if root is None:
        return None
    found = [el for el in root.iter() if "toc" in (el.get(f"{{{OPS}}}type") or "").split()]
    return "".join("".join(str(t) for el in found for t in el.itertext()).split()) if found else None


_BARE_PAGE = re.compile(r"^(?:[1-9]\d{0,2}|[ivxlc]{1,7})$")
"""A paragraph holding only a number of up to three figures (or a front-matter roman one) is the printed
page's number a book converted from print keeps (a table's figure is a cell, a list's an item, a
chapter's number a heading; four figures alone are a year, the date under a signature)."""
_PARAGRAPH_TAGS = frozenset({"p", "div", "span"})


def _chapter_blocks(
    data: bytes, name: str, repairs: list[str], references: set[tuple[str, str]] | None = None
) -> list[Block]:
    """One chapter's visible blocks: headings keep their level, list items and table cells their kind.
    A chapter whose bytes are damaged is read as UTF-8 (what EPUB requires of its XHTML) with the bad
    bytes shown as U+FFFD, and the repair noted: one damaged chapter must not cost the book."""
    if not data.strip():
        return []  # an empty part (a blank page between parts) is not damage
    try:
        text = decode_bytes(data, name).text
    except DecodingError:
        text = data.decode("utf-8", errors="replace")
        repairs.append(f"{name} held bytes that are not text; they show as \ufffd")
    if references:
        text = _without_backlinks(text, name, references)
    text = epub_marks.joined_breaks(epub_marks.without_page_breaks(epub_marks.note_references(text)))
    contents = _contents_text(text)
    out: list[Block] = []
    for block in html_extract.blocks_of(text):
        if contents and "".join(block.text.split()) in contents:
            out.append(Block("contents", block.text))  # left out of the text like furniture, restorable
            continue
        if block.tag in _PARAGRAPH_TAGS and _BARE_PAGE.match(block.text.strip()):
            out.append(Block("page", block.text))  # a printed page's number kept as a paragraph: furniture
            continue
        if block.heading:
            level = int(block.tag[1]) if len(block.tag) == 2 and block.tag[0] == "h" else 1
            out.append(Block("heading", block.text, level))
        elif block.tag == "li":
            out.append(Block("item", block.text))
        else:
            out.append(Block("paragraph", block.text))
    return out


def read_epub(data: bytes) -> blocks.BlockDocument:
    with Package(data, "EPUB") as package:
        if _protected(package):
            raise FormatError("EPUB is protected by DRM; its text cannot be read")
        if not package.has(CONTAINER) and not any(name.lower().endswith(".opf") for name in package.names):
            if package.salvaged:
                raise FormatError("damaged EPUB: the file is cut short or damaged before its package file")
            raise FormatError("not an EPUB: the package has no META-INF/container.xml")
        repairs: list[str] = []
        opf_path = _rootfile(package, repairs)
        opf: lxml.etree._Element | None = None
        try:
            opf = package.xml_repaired(opf_path, repairs)
        except FormatError as exc:
            if package.has(opf_path) and "not well-formed" not in str(exc):
                raise  # encrypted, or too large: not damage a repair can get round
            repairs.append(f"{opf_path} could not be read; the book's title and order were lost")
        spine = _spine(opf, posixpath.dirname(opf_path)) if opf is not None else []
        chapters = spine or _by_name(package, repairs)
        if spine and any(repair.startswith(opf_path) for repair in repairs):
            # The package file was cut short: its spine may stop early, so the chapters it no longer lists
            # follow in file-name order rather than being lost.
            unlisted = [name for name in _by_name(package, []) if name not in spine]
            if unlisted:
                chapters = [*spine, *unlisted]
                repairs.append(f"{len(unlisted)} chapter(s) the damaged spine did not list were added by file name")
        if not chapters:
            raise FormatError("damaged EPUB: its spine lists no chapters")
        content: list[Block] = []
        parts: dict[str, bytes] = {}
        for chapter in chapters:
            if not package.has(chapter):  # a chapter the manifest lists but the package lacks is skipped
                continue
            try:
                parts[chapter] = package.read(chapter)
            except FormatError as exc:
                if "password-protected" in str(exc) or "inflates to more than" in str(exc):
                    raise
                repairs.append(f"{chapter} could not be read and was left out")
        references = _references({name: part.decode("utf-8", errors="replace") for name, part in parts.items()})
        for chapter, part in parts.items():
            content.extend(_chapter_blocks(part, chapter, repairs, references))
        read = len(parts)
        if not read:
            raise FormatError("damaged EPUB: none of the chapters its spine lists is in the package")
        metadata = _metadata(opf) if opf is not None else md.Metadata()
        repairs[:0] = package.repairs
    evidence = {"markup": "epub", "chapters": str(read)}
    if repairs:
        evidence["repairs"] = "; ".join(repairs)
    return blocks.BlockDocument(blocks=tuple(content), metadata=metadata, evidence=evidence)


@dataclass(frozen=True)
class EpubImporter:
    """EPUB books. A conforming EPUB's first ZIP entry is an uncompressed `mimetype` naming the format,
    so its first bytes show what it is whatever its name; others are chosen by the suffix."""

    name: str = "epub"
    label: str = "EPUB books"
    suffixes: frozenset[str] = frozenset({".epub"})

    def sniff(self, head: bytes) -> bool:
        return head.startswith(ZIP_MAGIC) and head[30:38] == b"mimetype" and head[38:58] == MIMETYPE

    def read(
        self,
        data: bytes,
        filename: str,
        *,
        cancelled: Callable[[], bool] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportedText:
        document = read_epub(data)
        return blocks.imported(blocks.to_raw(document), document)

    def from_raw(self, raw: str) -> ImportedText:
        return blocks.imported(raw, blocks.from_raw(raw))

    def evidence(self, raw: str) -> dict[str, str]:
        return dict(blocks.from_raw(raw).evidence)

    def derive(
        self, imported: ImportedText, overrides: Mapping[int, bool] | None = None, *, hints: SourceHints | None = None
    ) -> Derived:
        return blocks.derive(imported, overrides)


IMPORTER = EpubImporter()
