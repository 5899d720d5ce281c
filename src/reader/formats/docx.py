"""Word documents (.docx): the body in document order, read from the package's XML with no Word at hand.

What a reader of a report needs from a DOCX is its text with its structure: headings (from the paragraph
style's outline level, which is what Word's navigation pane uses, so a Chinese "标题 1" counts like
"Heading 1"), paragraphs, list items with their numbers, tables row by row (cells joined by tabs, never
interleaved), and footnotes and endnotes after the text, each marked as the body marks it ("[1]"). The
headers and footers are kept as page furniture that the Removed tab lists, as a PDF's running heads are.
Title, author and date come from the document properties, unless the document says otherwise: a
property title that is only the producer's name for an untitled file ("Document1", "文档1", "Microsoft
Word - 文档1") gives way to the title paragraph, the file name it carries or the first heading that is
not a numbered section, and a date the document prints (a date line under the title, the date under the
issuing office's signature) wins over the properties' date, which is when the file (often a template) was
made, not when the report was issued.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace

import lxml.etree

from reader.core.cleaning import SourceHints
from reader.core.cleaning import metadata as md
from reader.core.derive import Derived
from reader.core.text.numerals import roman
from reader.formats import blocks
from reader.formats.base import FormatError, ImportedText
from reader.formats.blocks import Block
from reader.formats.docx_metadata import document_metadata
from reader.formats.zipped import ZIP_MAGIC, Package

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_W = f"{{{W}}}"
_CORE = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
}
STRICT = {
    f"http://purl.oclc.org/ooxml/{strict}".encode(): f"http://schemas.openxmlformats.org/{transitional}".encode()
    for strict, transitional in (
        ("wordprocessingml/main", "wordprocessingml/2006/main"),
        ("officeDocument/relationships", "officeDocument/2006/relationships"),
        ("officeDocument/math", "officeDocument/2006/math"),
        ("officeDocument/extendedProperties", "officeDocument/2006/extended-properties"),
        ("drawingml/main", "drawingml/2006/main"),
        ("drawingml/wordprocessingDrawing", "drawingml/2006/wordprocessingDrawing"),
        ("drawingml/picture", "drawingml/2006/picture"),
    )
}
"""Word's "Strict Open XML" names for the namespaces of its transitional format, which this reader looks
for: the elements are the same, only the names differ, so a Strict document is read as a transitional one."""
DOCUMENT = "word/document.xml"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""A compound file: what Word writes for a password-protected .docx (and for the old .doc format)."""
_HEADING_NAME = re.compile(r"^(?:heading|标题|標題)\s*([1-9])$", re.IGNORECASE)
_BODY_LEVEL = 9
"""OOXML's outline level for body text; 0-8 are heading levels 1-9."""
_SKIPPED = frozenset(
    f"{_W}{tag}" for tag in ("del", "delText", "instrText", "moveFrom", "rPrChange", "pPrChange", "rt", "txbxContent")
)
"""Deleted (tracked) text and field codes: in the file, never on the page; a ruby's reading (pinyin set over
its base text), which would split the words it annotates; a text box's paragraphs, read as paragraphs of
their own after the paragraph they are anchored in."""
_CONTENTS_STYLE = re.compile(r"^(?:toc\s*\d|toc heading|table of contents|目录\s*\d*|目錄\s*\d*)$", re.IGNORECASE)
"""Word's built-in styles of a table of contents (`toc 1`, `TOC Heading`), under their English or Chinese
names."""
_FURNITURE = re.compile(r"^word/(header|footer)\d*\.xml$")


def _attr(el: lxml.etree._Element | None, name: str) -> str | None:
    return None if el is None else el.get(f"{_W}{name}")


@dataclass
class _Style:
    name: str = ""
    outline: int | None = None
    based_on: str | None = None
    numbered: bool = False
    num_id: str | None = None  # the list the style numbers its paragraphs in (headings 一、 （一）)
    num_level: int = 0


@dataclass
class _Numbering:
    """List numbering (numbering.xml): each list's per-level format and text, and the running counters."""

    formats: dict[tuple[str, int], tuple[str, str, int]] = field(default_factory=dict)
    counters: dict[str, list[int]] = field(default_factory=dict)

    def label(self, num_id: str, level: int) -> str:
        fmt, text, start = self.formats.get((num_id, level), ("bullet", "•", 1))
        counts = self.counters.setdefault(num_id, [0] * 9)
        level = min(max(level, 0), 8)
        counts[level] = counts[level] + 1 if counts[level] else start
        for deeper in range(level + 1, 9):
            counts[deeper] = 0
        if fmt == "bullet":
            return "•"
        if fmt == "none":
            return ""

        def number(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            lvl_fmt = self.formats.get((num_id, index), (fmt, "", 1))[0]
            return _format_number(counts[index] or 1, lvl_fmt)

        return re.sub(r"%([1-9])", number, text)


_CJK_DIGITS = "〇一二三四五六七八九"
_COUNTING = (
    "chineseCounting",
    "chineseCountingThousand",
    "taiwaneseCounting",
    "taiwaneseCountingThousand",
    "japaneseCounting",
)
_LEGAL_SIMPLIFIED = "零壹贰叁肆伍陆柒捌玖拾"
_LEGAL_TRADITIONAL = "零壹貳參肆伍陸柒捌玖拾"


def _format_number(n: int, fmt: str) -> str:
    if fmt == "ideographTraditional" and 1 <= n <= 10:
        return "甲乙丙丁戊己庚辛壬癸"[n - 1]
    if fmt in _COUNTING:
        if n < 10:
            return _CJK_DIGITS[n]
        if n < 100:
            tens, ones = divmod(n, 10)
            return ("" if tens == 1 else _CJK_DIGITS[tens]) + "十" + (_CJK_DIGITS[ones] if ones else "")
        return str(n)
    if fmt == "ideographDigital":
        return "".join(_CJK_DIGITS[int(d)] for d in str(n))
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman"):
        numeral = roman(n)
        return numeral.lower() if fmt == "lowerRoman" else numeral
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return chr(0x2474 + n - 1)  # ⑴
    if fmt == "decimalEnclosedFullstop" and 1 <= n <= 20:
        return chr(0x2488 + n - 1)  # ⒈
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional") and 1 <= n < 100:
        digits = _LEGAL_SIMPLIFIED if fmt == "chineseLegalSimplified" else _LEGAL_TRADITIONAL
        tens, ones = divmod(n, 10)
        if not tens:
            return digits[ones]
        return ("" if tens == 1 else digits[tens]) + digits[10] + (digits[ones] if ones else "")
    if fmt == "decimalFullWidth":
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    return str(n)


class _Reader:
    """One package's body, notes and furniture as blocks; footnote numbers follow the order of reference."""

    def __init__(self, package: Package) -> None:
        self.package = package
        self.repairs: list[str] = []  # parts read with repair or left out, one line each
        self.styles = self._styles()
        self.numbering = self._numbering()
        self.note_numbers: dict[tuple[str, str], int] = {}
        self.note_counts: dict[str, int] = {}
        self.field_depth = 0  # complex fields open at the paragraph being read
        self.toc_depth = 0  # the depth the open TOC field began at; 0 outside one

    def _optional(self, name: str) -> lxml.etree._Element | None:
        """A part the body can be read without (styles, numbering, notes, header, footer, properties):
        damaged, it is repaired or, failing that, left out with a note, rather than costing the text."""
        if not self.package.has(name):
            return None
        try:
            return self.package.xml_repaired(name, self.repairs)
        except FormatError as exc:
            if "password-protected" in str(exc) or "inflates to more than" in str(exc):
                raise
            self.repairs.append(f"{name} could not be read and was left out")
            return None

    def _styles(self) -> dict[str, _Style]:
        root = self._optional("word/styles.xml")
        styles: dict[str, _Style] = {}
        if root is None:
            return styles
        for el in root.iter(f"{_W}style"):
            if _attr(el, "type") not in (None, "paragraph"):
                continue
            outline = _attr(el.find(f"{_W}pPr/{_W}outlineLvl"), "val")
            num_id = _attr(el.find(f"{_W}pPr/{_W}numPr/{_W}numId"), "val")
            num_level = _attr(el.find(f"{_W}pPr/{_W}numPr/{_W}ilvl"), "val") or "0"
            styles[_attr(el, "styleId") or ""] = _Style(
                name=_attr(el.find(f"{_W}name"), "val") or "",
                outline=int(outline) if outline and outline.isdigit() else None,
                based_on=_attr(el.find(f"{_W}basedOn"), "val"),
                numbered=el.find(f"{_W}pPr/{_W}numPr/{_W}numId") is not None,
                num_id=num_id,
                num_level=int(num_level) if num_level.isdigit() else 0,
            )
        return styles

    def _numbering(self) -> _Numbering:
        numbering = _Numbering()
        root = self._optional("word/numbering.xml")
        if root is None:
            return numbering
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for el in root.iter(f"{_W}abstractNum"):
            levels: dict[int, tuple[str, str, int]] = {}
            for lvl in el.iter(f"{_W}lvl"):
                start = _attr(lvl.find(f"{_W}start"), "val") or "1"
                levels[int(_attr(lvl, "ilvl") or 0)] = (
                    _attr(lvl.find(f"{_W}numFmt"), "val") or "decimal",
                    _attr(lvl.find(f"{_W}lvlText"), "val") or "",
                    int(start) if start.isdigit() else 1,
                )
            abstract[_attr(el, "abstractNumId") or ""] = levels
        for num in root.iter(f"{_W}num"):
            levels = abstract.get(_attr(num.find(f"{_W}abstractNumId"), "val") or "", {})
            for ilvl, spec in levels.items():
                numbering.formats[(_attr(num, "numId") or "", ilvl)] = spec
        return numbering

    def _style_chain(self, style_id: str | None) -> Iterator[_Style]:
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            style = self.styles[style_id]
            yield style
            style_id = style.based_on

    def heading_level(self, p: lxml.etree._Element) -> int:
        """1-9 for a heading (own outline level, else the style's, else a style named "Heading N"), else 0."""
        own = _attr(p.find(f"{_W}pPr/{_W}outlineLvl"), "val")
        if own and own.isdigit():
            return int(own) + 1 if int(own) < _BODY_LEVEL else 0
        for style in self._style_chain(_attr(p.find(f"{_W}pPr/{_W}pStyle"), "val")):
            if style.outline is not None:
                return style.outline + 1 if style.outline < _BODY_LEVEL else 0
            named = _HEADING_NAME.match(style.name.strip())
            if named:
                return int(named.group(1))
        return 0

    def is_title(self, p: lxml.etree._Element) -> bool:
        return any(s.name.lower() == "title" for s in self._style_chain(_attr(p.find(f"{_W}pPr/{_W}pStyle"), "val")))

    def list_label(self, p: lxml.etree._Element) -> str | None:
        """The number or bullet Word would draw before a list paragraph; None for a paragraph not in a list."""
        num_pr = p.find(f"{_W}pPr/{_W}numPr")
        chain = list(self._style_chain(_attr(p.find(f"{_W}pPr/{_W}pStyle"), "val")))
        styled = next((s for s in chain if s.numbered), None)
        if num_pr is None or num_pr.find(f"{_W}numId") is None:
            if styled is None:
                return None
            if not styled.num_id or styled.num_id == "0":
                return "•"
            own = _attr(num_pr.find(f"{_W}ilvl"), "val") if num_pr is not None else None
            level = int(own) if own and own.isdigit() else styled.num_level
            return self.numbering.label(styled.num_id, level)
        num_id = _attr(num_pr.find(f"{_W}numId"), "val") or ""
        if num_id == "0":  # numbering switched off for this paragraph
            return None
        level_text = _attr(num_pr.find(f"{_W}ilvl"), "val")
        level = int(level_text) if level_text and level_text.isdigit() else (styled.num_level if styled else 0)
        return self.numbering.label(num_id, level)

    def text(self, el: lxml.etree._Element, notes: bool = True) -> str:
        """The visible text under `el`: runs, tabs and breaks, note marks; deleted text and field codes left out."""
        parts: list[str] = []
        stack = [el]
        while stack:
            node = stack.pop()
            tag = node.tag
            if not isinstance(tag, str) or tag in _SKIPPED or tag == f"{{{MC}}}Fallback":
                continue
            if tag == f"{_W}r" and _hidden(node):
                continue
            if tag == f"{_W}t":
                parts.append(node.text or "")
            elif tag == f"{_W}tab":
                parts.append("\t")
            elif tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
            elif tag == f"{_W}noBreakHyphen":
                parts.append("-")
            elif tag in (f"{_W}footnoteReference", f"{_W}endnoteReference") and notes:
                parts.append(f"[{self._note_number(tag, _attr(node, 'id') or '')}]")
            else:
                stack.extend(reversed(node))
        return "".join(parts)

    def _note_number(self, tag: str, note_id: str) -> int:
        key = (tag, note_id)
        if key not in self.note_numbers:
            self.note_counts[tag] = self.note_counts.get(tag, 0) + 1
            self.note_numbers[key] = self.note_counts[tag]
        return self.note_numbers[key]

    def body(self, container: lxml.etree._Element) -> list[Block]:
        out: list[Block] = []
        for child in container:
            if child.tag == f"{_W}p":
                found = self.paragraph(child)
                if self._in_contents(child):
                    found = [Block("contents", b.text) if b.kind != "title" else b for b in found]
                out.extend(found)
            elif child.tag == f"{_W}tbl":
                out.extend(self.table(child))
            elif child.tag in (f"{_W}sdt", f"{_W}customXml", f"{_W}ins", f"{_W}moveTo"):
                content = child.find(f"{_W}sdtContent")
                inner = self.body(content if content is not None else child)
                gallery = _attr(child.find(f"{_W}sdtPr/{_W}docPartObj/{_W}docPartGallery"), "val") or ""
                if gallery.lower() == "table of contents":  # Word's contents block
                    inner = [Block("contents", b.text) for b in inner]
                out.extend(inner)
        return out

    def _in_contents(self, p: lxml.etree._Element) -> bool:
        """Whether paragraph `p` is a line of a table of contents: set in a contents style, or inside a TOC
        field (which runs from its first paragraph to its last, its entries' PAGEREF fields nested in it)."""
        inside = self.toc_depth > 0
        for node in p.iter(f"{_W}fldChar", f"{_W}instrText", f"{_W}fldSimple"):
            if node.tag == f"{_W}fldSimple":
                inside = inside or (_attr(node, "instr") or "").split()[:1] == ["TOC"]
            elif node.tag == f"{_W}instrText":
                if (node.text or "").split()[:1] == ["TOC"] and self.toc_depth == 0:
                    self.toc_depth, inside = self.field_depth, True
            elif _attr(node, "fldCharType") == "begin":
                self.field_depth += 1
            elif _attr(node, "fldCharType") == "end":
                self.field_depth = max(0, self.field_depth - 1)
                if self.toc_depth and self.field_depth < self.toc_depth:
                    self.toc_depth = 0
        styled = any(
            _CONTENTS_STYLE.match(s.name.strip())
            for s in self._style_chain(_attr(p.find(f"{_W}pPr/{_W}pStyle"), "val"))
        )
        return inside or styled

    def paragraph(self, p: lxml.etree._Element) -> list[Block]:
        """The paragraph's blocks, then those of the text boxes anchored in it (a sidebar, 专栏), each box
        paragraph on its own line: Word draws the box beside the text, never inside its sentence."""
        boxes = [
            box
            for box in p.iter(f"{_W}txbxContent")
            if not any(a.tag in (f"{{{MC}}}Fallback", f"{_W}txbxContent") for a in box.iterancestors())
        ]
        own = self._paragraph(p)
        return own + [block for box in boxes for block in self.body(box)]

    def _paragraph(self, p: lxml.etree._Element) -> list[Block]:
        text = self.text(p)
        if not text.strip():
            return []
        level = self.heading_level(p)
        if self.is_title(p):
            return blocks.single_lines("title", text, 1)
        label = self.list_label(p)
        if level:
            # A heading numbered by its list (一、 （一） 1.1) shows the number Word draws: a reader cites it.
            shown = _labelled(label, text) if label and label != "•" else text
            return blocks.single_lines("heading", shown, level)
        if label is not None:
            return blocks.single_lines("item", _labelled(label, text) if label else text)
        return blocks.single_lines("paragraph", text)

    def table(self, tbl: lxml.etree._Element) -> list[Block]:
        """One block per row, cells joined by tabs; a cell's paragraphs (and nested tables) joined by spaces."""
        out: list[Block] = []
        for row in tbl.iter(f"{_W}tr"):
            if _enclosing_table(row) is not tbl:  # a nested table's rows belong to its cell
                continue
            cells = []
            for cell in row.findall(f"{_W}tc"):
                span = _attr(cell.find(f"{_W}tcPr/{_W}gridSpan"), "val") or "1"
                # a cell merged across columns stands over several: the columns after its first are empty,
                # so the row's cells stay under the columns of the rows below
                spanned = [""] * (min(int(span), 64) - 1 if span.isdigit() and int(span) > 1 else 0)
                merged = cell.find(f"{_W}tcPr/{_W}vMerge")
                if merged is not None and _attr(merged, "val") in (None, "continue"):
                    cells.append("")  # the lower part of a vertically merged cell holds no text of its own
                    cells.extend(spanned)
                    continue
                cells.append(" ".join(self.text(cell).split()))
                cells.extend(spanned)
            if any(cells):
                out.append(Block("row", "\t".join(cells).rstrip("\t")))
        return out

    def notes(self, part: str, kind: str) -> list[Block]:
        """Footnotes or endnotes in the order the body refers to them, each led by its mark."""
        root = self._optional(part)
        if root is None:
            return []
        tag = f"{_W}{kind}Reference"
        by_id = {_attr(n, "id") or "": n for n in root.iter(f"{_W}{kind}") if _attr(n, "type") in (None, "normal")}
        numbered = sorted((number, note_id) for (t, note_id), number in self.note_numbers.items() if t == tag)
        out: list[Block] = []
        for number, note_id in numbered:
            note = by_id.get(note_id)
            if note is not None:
                text = " ".join(self.text(note, notes=False).split())
                out.extend(blocks.single_lines("note", f"[{number}] {text}"))
        return out

    def furniture(self) -> tuple[list[Block], list[Block]]:
        """Header and footer text, each distinct line once (sections repeat them)."""
        found: dict[str, list[Block]] = {"header": [], "footer": []}
        seen: set[tuple[str, str]] = set()
        for name in sorted(self.package.names):
            match = _FURNITURE.match(name)
            if not match:
                continue
            kind = match.group(1)
            root = self._optional(name)
            if root is None:
                continue
            for block in self.body(root):
                if (kind, block.text) not in seen:
                    seen.add((kind, block.text))
                    found[kind].append(Block(kind, block.text))
        return found["header"], found["footer"]

    def properties(self) -> md.Metadata:
        root = self._optional("docProps/core.xml")
        if root is None:
            return md.Metadata()

        def prop(path: str) -> str | None:
            value = root.findtext(path, namespaces=_CORE)
            return " ".join(value.split()) or None if value else None

        date = prop("dcterms:created") or prop("dcterms:modified")
        return md.Metadata(title=prop("dc:title"), author=prop("dc:creator"), date=blocks.iso_date(date))


def _hidden(run: lxml.etree._Element) -> bool:
    """A run formatted as hidden text (w:vanish): in the file, never on the printed page."""
    vanish = run.find(f"{_W}rPr/{_W}vanish")
    return vanish is not None and (_attr(vanish, "val") or "true") not in ("0", "false", "off")


_TIGHT_LABEL = re.compile(r"[\u2460-\u24ff\u3000-\u9fff\uff00-\uffef]$")


def _labelled(label: str, text: str) -> str:
    """A list label before its text: set close after a Chinese label (一、 （一） ①), with a space after others."""
    return f"{label}{text}" if _TIGHT_LABEL.search(label) else f"{label} {text}"


def _enclosing_table(el: lxml.etree._Element) -> lxml.etree._Element | None:
    parent = el.getparent()
    while parent is not None and parent.tag != f"{_W}tbl":
        parent = parent.getparent()
    return parent


def read_docx(data: bytes) -> blocks.BlockDocument:
    """The document's blocks: headers first, then the body, its footnotes and endnotes, then footers."""
    if data.startswith(OLE_MAGIC):
        raise FormatError("password-protected Word document (or an old .doc file); save it as an unprotected .docx")
    with Package(data, "Word document", STRICT) as package:
        if not package.has(DOCUMENT) and package.salvaged:
            raise FormatError(f"damaged Word document: the file is cut short or damaged before its text ({DOCUMENT})")
        if not package.has(DOCUMENT):
            raise FormatError("not a Word document: the package has no word/document.xml")
        reader = _Reader(package)
        root = package.xml_repaired(DOCUMENT, reader.repairs)
        body = root.find(f"{_W}body")
        repaired = any(repair.startswith(DOCUMENT) for repair in (*package.repairs, *reader.repairs))
        unrecoverable = f"damaged Word document: {DOCUMENT} is not well-formed and no text could be recovered"
        if body is None:
            raise FormatError(unrecoverable if repaired else f"damaged Word document: {DOCUMENT} has no body")
        content = reader.body(body)
        if not content and repaired:
            raise FormatError(unrecoverable)
        notes = reader.notes("word/footnotes.xml", "footnote") + reader.notes("word/endnotes.xml", "endnote")
        headers, footers = reader.furniture()
        metadata = reader.properties()
        repairs = [*package.repairs, *reader.repairs]
    evidence = {"markup": "docx", "paragraphs": str(len(content)), "notes": str(len(notes))}
    if repairs:
        evidence["repairs"] = "; ".join(repairs)
    return blocks.BlockDocument(blocks=(*headers, *content, *notes, *footers), metadata=metadata, evidence=evidence)


@dataclass(frozen=True)
class DocxImporter:
    """Word's .docx. A ZIP is only known to be a DOCX by a part name, which the first bytes show only
    sometimes, so the suffix decides and `read` checks for word/document.xml."""

    name: str = "docx"
    label: str = "Word documents"
    suffixes: frozenset[str] = frozenset({".docx"})

    def sniff(self, head: bytes) -> bool:
        return head.startswith(ZIP_MAGIC) and b"word/document.xml" in head and b"mimetypeapplication/epub" not in head

    def read(
        self,
        data: bytes,
        filename: str,
        *,
        cancelled: Callable[[], bool] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportedText:
        document = read_docx(data)
        return blocks.imported(blocks.to_raw(document), document)

    def from_raw(self, raw: str) -> ImportedText:
        return blocks.imported(raw, blocks.from_raw(raw))

    def evidence(self, raw: str) -> dict[str, str]:
        return dict(blocks.from_raw(raw).evidence)

    def derive(
        self, imported: ImportedText, overrides: Mapping[int, bool] | None = None, *, hints: SourceHints | None = None
    ) -> Derived:
        # Decided here rather than at import, so a document already in the library is corrected when it
        # is derived again; the stored raw text keeps what the properties say.
        document = blocks.from_raw(imported.raw)
        metadata = document_metadata(document)
        if metadata != document.metadata:
            imported = replace(imported, raw=blocks.to_raw(replace(document, metadata=metadata)))
        return blocks.derive(imported, overrides)


IMPORTER = DocxImporter()
