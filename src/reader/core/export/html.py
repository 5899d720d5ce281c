"""Annotated documents as one self-contained HTML page, readable in a browser and printable as PDF.

The page shows each cleaned document with its highlights in the user's colours and numbered notes
below it, so the reading and the commentary travel together in one file that opens anywhere offline:
no scripts, no fonts or images to fetch, styles inline. The same HTML feeds `reader.ui.pdf_export`
(QTextDocument), which understands only a subset of CSS, hence the choices below: highlight colours
as inline `background-color` on spans (both renderers honour it), overlaps marked by an underline
rather than by borders or gradients, explicit footnote numbers instead of `<ol>` counters, and page
breaks written on the element (`page-break-before`, which QTextDocument and browsers' print both use).

Highlights are built by cutting the text at every annotation boundary: each piece knows which
annotations cover it and takes the colour of the innermost one, so overlapping and nested annotations
still show every character with one colour and the overlap stays visible. Offsets are code points, as
in the store, so characters outside the BMP (𠗣) need no correction here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from reader.core.annotations.model import DEFAULT_COLORS, Annotation, HighlightColor
from reader.core.export.model import (
    ExportDocument,
    Paragraphs,
    export_labels,
    lang_tag,
    localized_color,
    reading_order,
    safe_hex,
    tag_slug,
)

__all__ = ["CJK_FONT_STACK", "FONT_STACKS", "to_html"]

_RARE_FACES = '"SimSun-ExtB", "MingLiU-ExtB", "HanaMinB", "Droid Sans Fallback", serif'

CJK_FONT_STACK = (
    '"Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", STSong, SimSun, '
    f'"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", {_RARE_FACES}'
)
"""Serif CJK faces first (reports read best in Song/Ming), then sans faces found on each platform, then
faces covering the rare characters of CJK Extension B and beyond (𠗣) that the main faces lack."""

_TC_FONT_STACK = (
    '"Noto Serif CJK TC", "Source Han Serif TC", "Songti TC", PMingLiU, MingLiU, '
    '"Noto Sans CJK TC", "Source Han Sans TC", "PingFang TC", "Microsoft JhengHei"'
)
_HK_FONT_STACK = (
    '"Noto Serif CJK HK", "Source Han Serif HK", "Noto Sans CJK HK", "Source Han Sans HK", "PingFang HK", MingLiU_HKSCS'
)

FONT_STACKS = {
    "zh-Hans": CJK_FONT_STACK,
    "zh-Hant": f"{_TC_FONT_STACK}, {CJK_FONT_STACK}",
    "zh-Hant-TW": f"{_TC_FONT_STACK}, {CJK_FONT_STACK}",
    "zh-Hant-HK": f"{_HK_FONT_STACK}, {_TC_FONT_STACK}, {CJK_FONT_STACK}",
}
"""The font stack for each `lang`: the region's faces first (Taiwan and Hong Kong glyph shapes differ
from mainland ones), then the others so a page never falls to a Japanese face. Japanese builds are
never named."""

RARE_FONT_STACK = '"SimSun-ExtB", "MingLiU-ExtB", "HanaMinB", "Noto Serif CJK SC", "Droid Sans Fallback", serif'
"""Faces for characters beyond the BMP (𠗣 is in CJK Extension B): first those made for them.

QTextDocument takes the first installed family of a list and does not fall back to the next one for a
missing glyph, so such characters get a span of their own with this stack; browsers fall back per
glyph and reach Droid Sans Fallback, which Qt 6.12 on Linux could not use for them (its
supplementary-plane cmap went unread), hence it comes after Noto, which covers part of Extension B.
"""

_RARE = re.compile("([\U00020000-\U0003ffff]+)")

_CSS = """
body {{ font-family: {stack}; font-size: 12pt; line-height: 1.7; color: #1a1a1a;
  background-color: #ffffff; max-width: 46em; margin: 2em auto; padding: 0 1em; }}
h1 {{ font-size: 18pt; margin: 0 0 0.3em 0; }}
h2 {{ font-size: 13pt; margin: 1.5em 0 0.5em 0; }}
p {{ margin: 0 0 0.7em 0; }}
.meta {{ color: #555555; font-size: 10pt; }}
.legend {{ font-size: 10pt; }}
.hl {{ border-radius: 2px; }}
.overlap {{ text-decoration: underline; }}
a {{ color: #1f4e99; text-decoration: none; }}
.notes {{ border-top: 1px solid #bbbbbb; margin-top: 2em; }}
.fn {{ margin: 0 0 1em 0; page-break-inside: avoid; }}
.fn-head {{ margin: 0; font-size: 10pt; color: #444444; }}
blockquote {{ margin: 0.2em 0 0.3em 1.5em; }}
.note {{ margin: 0.2em 0 0.2em 1.5em; }}
.tags {{ margin: 0 0 0 1.5em; color: #555555; font-size: 10pt; }}
.orphan {{ color: #8a4b00; }}
@media print {{
  body {{ max-width: none; margin: 0; padding: 0; font-size: 11pt; }}
  a {{ color: #1a1a1a; }}
}}
""".strip()
"""The page's style; `{stack}` is the font stack for the page's `lang`."""


def _h(value: str) -> str:
    """Escaped text, with runs of rare ideographs set in faces that have them (see RARE_FONT_STACK)."""
    return _RARE.sub(
        lambda m: f"<span style='font-family: {RARE_FONT_STACK};'>{m.group(1)}</span>", escape(value, quote=True)
    )


def _text(value: str) -> str:
    """Escaped text with line breaks kept: quotes and notes are multi-line."""
    return _h(value).replace("\n", "<br>")


def _is_placed(annotation: Annotation, length: int) -> bool:
    return not annotation.orphan and 0 <= annotation.start <= annotation.end <= length


def _marker_position(text: str, annotation: Annotation) -> int:
    """Where the footnote mark goes: after the last character, but before a trailing line break."""
    pos = annotation.end
    while pos > annotation.start and text[pos - 1] == "\n":
        pos -= 1
    return pos


class _DocumentRenderer:
    """Renders one document; `numbers` maps an annotation uuid to its footnote number."""

    def __init__(self, doc: ExportDocument, index: int, colors: Sequence[HighlightColor]) -> None:
        self.doc = doc
        self.index = index
        self.colors = colors
        self.ordered = reading_order(doc.annotations)
        self.numbers = {id(a): k for k, a in enumerate(self.ordered, start=1)}
        self.placed = [a for a in self.ordered if _is_placed(a, len(doc.text))]
        self.labels = export_labels(doc)

    def _color(self, key: str) -> HighlightColor:
        return localized_color(key, self.colors, self.doc)

    def _ref_id(self, number: int) -> str:
        return f"r{self.index}-{number}"

    def _note_id(self, number: int) -> str:
        return f"n{self.index}-{number}"

    def _marker(self, annotation: Annotation) -> str:
        number = self.numbers[id(annotation)]
        return f'<sup id="{self._ref_id(number)}"><a href="#{self._note_id(number)}">{number}</a></sup>'

    def _span(self, piece: str, active: list[Annotation]) -> str:
        if not active:
            return _h(piece)
        # The innermost annotation (latest start, then earliest end) is the one the reader chose last
        # inside the others; its colour shows, and the underline says more than one covers the piece.
        inner = max(active, key=lambda a: (a.start, -a.end))
        color = self._color(inner.color)
        labels = "; ".join(f"{self.numbers[id(a)]} {self._color(a.color).name}" for a in active)
        classes = "hl overlap" if len(active) > 1 else "hl"
        style = f"background-color: {safe_hex(color)};"
        if len(active) > 1:
            style += " text-decoration: underline;"
        return f'<span class="{classes}" style="{style}" title="{escape(labels, quote=True)}">{_h(piece)}</span>'

    def body(self) -> str:
        """The text as paragraphs (one per non-empty line) with highlight spans and footnote marks."""
        text = self.doc.text
        markers: dict[int, list[Annotation]] = {}
        for a in self.placed:
            markers.setdefault(_marker_position(text, a), []).append(a)
        cuts = {0, len(text)} | set(markers)
        for a in self.placed:
            cuts.update((a.start, a.end))
        for i, ch in enumerate(text):
            if ch == "\n":
                cuts.update((i, i + 1))
        points = sorted(cuts)

        paragraphs: list[str] = []
        line: list[str] = []
        line_has_content = False

        def flush() -> None:
            nonlocal line, line_has_content
            if line_has_content:
                paragraphs.append("<p>" + "".join(line) + "</p>")
            line, line_has_content = [], False

        starts = sorted(self.placed, key=lambda a: a.start)
        active: list[Annotation] = []
        next_start = 0
        for pos, end in zip(points, [*points[1:], None], strict=True):
            for a in markers.get(pos, []):
                line.append(self._marker(a))
                line_has_content = True
            if end is None:
                break
            active = [a for a in active if a.end > pos]
            while next_start < len(starts) and starts[next_start].start <= pos:
                if starts[next_start].end > pos:
                    active.append(starts[next_start])
                next_start += 1
            piece = text[pos:end]
            if piece == "\n":
                flush()
                continue
            line.append(self._span(piece, active))
            line_has_content = line_has_content or bool(piece.strip()) or bool(active)
        flush()
        return "\n".join(paragraphs)

    def notes(self, paragraph_of: Paragraphs) -> str:
        if not self.ordered:
            return f'<p class="meta">{_h(self.labels.no_annotations)}</p>'
        items = []
        for a in self.ordered:
            number = self.numbers[id(a)]
            color = self._color(a.color)
            if _is_placed(a, len(self.doc.text)):
                where = (
                    f'<a href="#{self._ref_id(number)}">{paragraph_of.label(a.start, a.end)}</a>'
                    f" · {_h(self.labels.characters.format(a.start, a.end))}"
                )
            else:
                missing = self.labels.not_found.format(a.start, a.end)
                where = f'<span class="orphan">{_h(missing)}</span>'
            head = f'<p class="fn-head"><b>{number}.</b> <b>{_h(color.name)}</b> · {where}</p>'
            quote = (
                f'<blockquote><span class="hl" style="background-color: {safe_hex(color)};">'
                f"{_text(a.quote)}</span></blockquote>"
            )
            parts = [head, quote]
            if a.note.strip():
                parts.append(f'<p class="note">{_text(a.note.strip())}</p>')
            tags = [slug for slug in (tag_slug(t) for t in a.tags) if slug]
            if tags:
                parts.append(f'<p class="tags">{_h(" ".join("#" + t for t in tags))}</p>')
            items.append(f'<div class="fn" id="{self._note_id(number)}">' + "".join(parts) + "</div>")
        return "\n".join(items)

    def render(self) -> str:
        doc = self.doc
        meta = " · ".join(_h(v) for v in (doc.date, doc.author, doc.source) if v.strip())
        used = []
        for a in self.ordered:
            color = self._color(a.color)
            if color not in used:
                used.append(color)
        legend = " ".join(
            f'<span class="hl" style="background-color: {safe_hex(c)};">&nbsp;{_h(c.name)}&nbsp;</span>' for c in used
        )
        # Each document after the first starts a printed page; the style is on the element because
        # QTextDocument ignores sibling selectors.
        brk = ' style="page-break-before: always;"' if self.index > 1 else ""
        return "\n".join(
            [
                f'<div class="doc" id="doc-{self.index}">',
                f"<h1{brk}>{_h(doc.title) or _h(self.labels.untitled)}</h1>",
                f'<p class="meta">{meta}</p>' if meta else "",
                f'<p class="legend">{legend}</p>' if legend else "",
                f'<div class="text">{self.body()}</div>',
                '<div class="notes">',
                f"<h2>{_h(self.labels.notes)}</h2>",
                self.notes(Paragraphs(doc.text)),
                "</div>",
                "</div>",
            ]
        )


def to_html(docs: Sequence[ExportDocument], colors: Sequence[HighlightColor] = DEFAULT_COLORS) -> str:
    """One self-contained HTML page with every document, its highlights and its numbered notes.

    The page's `lang` and font stack follow the first document's script, and so do the page's own words
    (in the interface language the documents carry); each document's labels follow its own.
    """
    first = docs[0] if docs else None
    labels = export_labels(first)
    lang = lang_tag(first) if first is not None else "zh-Hans"
    title = (
        (first.title or labels.untitled) if first is not None and len(docs) == 1 else labels.documents.format(len(docs))
    )
    body = "\n".join(_DocumentRenderer(doc, i, colors).render() for i, doc in enumerate(docs, start=1))
    empty = f"<p>{escape(labels.no_documents)}</p>"
    css = _CSS.format(stack=FONT_STACKS[lang])
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="reader">\n'
        f"<title>{escape(title)}</title>\n<style>\n{css}\n</style>\n</head>\n<body>\n"
        f"{body or empty}\n</body>\n</html>\n"
    )
