"""Marks in an EPUB chapter's XHTML that are not its running text, rewritten before the chapter is rendered:
note references, print page breaks and line breaks that wrap a sentence.

- A note reference (`epub:type="noteref"`, `role="doc-noteref"`, or a lone short link in `<sup>` to a
  place in the book) printed as a bare figure read as a digit of the text before it (`逾一萬處1`): it is
  kept as a bracketed mark (`[1]`) that is no part of any number.
- A print page break carrying its number (`epub:type="pagebreak"`, `role="doc-pagebreak"`) marks where
  the printed book turned a page; its number is not text.
- A `<br/>` between two characters of one sentence (`街巷肌理<br/>和传统`) is where the converter kept the
  printed line's end: the paragraph is one. A break after closing punctuation, or before a label with a
  colon (`电话：`), is a line of its own (an address, a verse) and stays.
"""

from __future__ import annotations

import re

_ATTRS = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_LINK = re.compile(r"<a\b([^>]*)>(.{0,200}?)</a>", re.IGNORECASE | re.DOTALL)
_SUP_LINK = re.compile(r"(<sup\b[^>]*>\s*)<a\b([^>]*)>([^<]{1,4})</a>(\s*</sup>)", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_BARE_MARK = re.compile(r"^(?:\d{1,3}|[a-zA-Z]|[*†‡§]{1,3}|[ivxIVX]{1,4})$")
_PAGE_BREAK_EMPTY = re.compile(r"<(\w+)\b([^>]*)/>", re.IGNORECASE)
_PAGE_BREAK_TEXT = re.compile(r"<(\w+)\b([^>]*)>([^<]{0,12})</\1\s*>", re.IGNORECASE)
_BREAK = re.compile(r"(?<=[^\s<>])\s*<br\b[^>]*>\s*(?=[^\s<>])", re.IGNORECASE)
_CLOSES = set("。！？；：…”」』）)!?;:.")
_LABEL = re.compile(r"^[^\s<>，。：:]{1,6}[：:]")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")


def _attrs(text: str) -> dict[str, str]:
    return {m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3) for m in _ATTRS.finditer(text)}


def _typed(attrs: dict[str, str], word: str) -> bool:
    types = (attrs.get("epub:type", "") + " " + attrs.get("role", "")).split()
    return word in types or f"doc-{word}" in types


def _bracketed(inner: str) -> str | None:
    """A bare note mark (`1`, `a`, `*`) in brackets; None when the mark already stands apart (`[1]`, `①`)."""
    text = _TAG.sub("", inner).strip()
    return f"[{text}]" if _BARE_MARK.match(text) else None


def note_references(text: str) -> str:
    """The chapter with every note reference printed as a bare figure turned into a bracketed mark."""

    def typed(match: re.Match[str]) -> str:
        attrs = _attrs(match.group(1))
        if not _typed(attrs, "noteref"):
            return match.group(0)
        mark = _bracketed(match.group(2))
        return match.group(0) if mark is None else f"<a{match.group(1)}>{mark}</a>"

    def superscript(match: re.Match[str]) -> str:
        attrs = _attrs(match.group(2))
        mark = _bracketed(match.group(3))
        if mark is None or "#" not in attrs.get("href", ""):
            return match.group(0)
        return f"{match.group(1)}<a{match.group(2)}>{mark}</a>{match.group(4)}"

    return _SUP_LINK.sub(superscript, _LINK.sub(typed, text))


def without_page_breaks(text: str) -> str:
    """The chapter without its print page-break marks and the page numbers they carry."""

    def drop(match: re.Match[str]) -> str:
        return "" if _typed(_attrs(match.group(2)), "pagebreak") else match.group(0)

    return _PAGE_BREAK_TEXT.sub(drop, _PAGE_BREAK_EMPTY.sub(drop, text))


def joined_breaks(text: str) -> str:
    """The chapter with each line break inside a sentence taken out (a space kept between Latin words)."""

    def join(match: re.Match[str]) -> str:
        before, rest = text[match.start() - 1], text[match.end() : match.end() + 12]
        if before in _CLOSES or _LABEL.match(rest):
            return match.group(0)
        return "" if _CJK.match(before) or _CJK.match(rest) else " "

    return _BREAK.sub(join, text)
