"""A Word document's title and date when its properties say less than its text.

A property title that is only the producer's name for an untitled file ("Document1", "文档1", "Microsoft
Word - 文档1") gives way to the title paragraph, the file name it carries or the first heading that is not
a numbered section; a date the document prints (a date line under the title, the date under the issuing
office's signature) wins over the properties' date, which is when the file (often a template) was made;
an author that is the saving account's default name ("Administrator") is no author.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from reader.core.cleaning import metadata as md
from reader.formats import blocks, dates
from reader.formats.blocks import Block

_PRODUCER_PREFIX = re.compile(r"^\s*Microsoft\s+(?:Office\s+)?(?:Word|PowerPoint|Excel)\s*[-–—]\s*", re.IGNORECASE)
"""What a PDF printer or converter puts before the file name it writes as the title."""
_UNTITLED = re.compile(
    r"^(?:新建|new)?\s*(?:Microsoft\s+(?:Office\s+)?Word|WPS(?:\s*文字)?|DOCX?)?\s*"
    r"(?:文档|文檔|document|untitled|无标题|無標題|未命名)\s*(?:\d{1,3}|[(（]\d{1,3}[)）])?\s*$",
    re.IGNORECASE,
)
"""The name a word processor gives a new file ("Document1", "文档1", "新建 Microsoft Word 文档 (2)"):
an optional "new", an optional producer, the word for a document, an optional small number or copy
mark. Not "文件" or "DOC" alone with a year after it: "文件 2023" is a name someone chose."""
_NUMBERED = blocks.NUMBERED_SECTION
_CITED = re.compile(r"^[（(]?\s*(?:根据|根據|依据|依據|按照|遵照|附件|附表|截至|截止|自|从|從)")
"""A line that cites another document, an attachment or a period: its date is not the document's."""
_DATE_BOUND = re.compile(r"^\s*(?:前|以前|之前|起|以来|以來|止|为止|為止|后|以后|之后|後|以後|之後)")
"""What makes a date a deadline or the start of a period ("2026年6月30日前", "2019年1月1日以来")."""
_FILE_SUFFIX = re.compile(r"\.(?:docx?|dotx?|docm|wps|rtf|odt|pdf|txt)$", re.IGNORECASE)
DATE_HEAD = 3
"""Paragraphs after the title searched for a date line (a report dated under its title)."""
DATE_TAIL = 5
"""Paragraphs at the end of the body searched for a date: a notice is signed and dated there."""
DATE_MAX_EXTRA = 16
"""A date line may carry this many characters besides the date (an issuing body, 印发 …); more is prose."""
_TEXT_KINDS = frozenset({"title", "heading", "paragraph", "item"})


def placeholder_title(title: str) -> bool:
    """Whether a property title is the producer's name for the file rather than the document's title:
    a new file's default name or a file name with its suffix, alone or after a producer's prefix
    ("Microsoft Word - 文档1", "Microsoft Word - 年度报告.doc"). A title that only starts with a
    producer's name ("Microsoft Excel - 数据分析实用教程") is a real one."""
    title = title.strip()
    rest = _PRODUCER_PREFIX.sub("", title).strip()
    return not rest or bool(_UNTITLED.match(rest) or _FILE_SUFFIX.search(rest))


def _named_file(title: str) -> str | None:
    """The file name inside a placeholder title ("Microsoft Word - 年度报告.doc" → "年度报告"), unless
    it is itself a default name: the best title left when the body has no title paragraph."""
    name = _FILE_SUFFIX.sub("", _PRODUCER_PREFIX.sub("", title)).strip()
    return name if name and not _UNTITLED.match(name) else None


def _title_paragraph(body: Sequence[Block]) -> str | None:
    return next((b.text for b in body if b.kind == "title" and 0 < len(b.text) <= blocks.TITLE_MAX_CHARS), None)


def _date_line(line: str) -> str | None:
    """The date a short line gives as the document's (a date line, a signature date, a month alone), or
    None when the line is prose, cites another document, or dates a deadline or a period."""
    month = dates.month_date(line)
    if month:
        return month
    span = md.date_span(line)
    if span is None or len(line) - (span[1] - span[0]) > DATE_MAX_EXTRA or line.endswith("。"):
        return None
    if _NUMBERED.match(line) or _CITED.match(line) or _DATE_BOUND.match(line[span[1] :]):
        return None
    return md.parse_date(line)


def _issuer(line: str) -> bool:
    """A line that may be the issuing office over a signature date: short, no sentence, no date."""
    return 0 < len(line) <= 30 and md.date_span(line) is None and not re.search(r"[。，；：:;,!?！？]", line)


def printed_date(body: Sequence[Block]) -> str | None:
    """A short line holding a date just under the title, else the date under the signature: the date line
    right after the issuing office among the last paragraphs, failing that the first date line there. Only
    paragraphs count (a heading or list item dates what it is about), and a date inside a sentence, a
    cited document or a deadline is what the text talks about, not when it was issued."""
    text = [block for block in body if block.kind in _TEXT_KINDS]
    start = next((i + 1 for i, block in enumerate(text[:2]) if block.kind == "title"), 1 if text else 0)
    head = text[start : start + DATE_HEAD]
    tail = text[max(start + DATE_HEAD, len(text) - DATE_TAIL) :]
    for block in head:
        found = _date_line(block.text.strip()) if block.kind == "paragraph" else None
        if found:
            return found
    dated = [
        (i, found)
        for i, block in enumerate(tail)
        if block.kind == "paragraph" and (found := _date_line(block.text.strip()))
    ]
    signed = [found for i, found in dated if i > 0 and tail[i - 1].kind == "paragraph" and _issuer(tail[i - 1].text)]
    return next(iter(signed or [found for _, found in dated]), None)


def document_metadata(document: blocks.BlockDocument) -> md.Metadata:
    """The properties' metadata corrected by what the document prints: a placeholder title gives way to
    the Title paragraph, else to the file name it carries, else to the first heading that is not a
    numbered section; a printed date wins over the properties' date."""
    meta = document.metadata
    title = meta.title
    if title is not None and placeholder_title(title):
        # The first heading that is not a numbered section comes last: `blocks.first_heading`.
        title = _title_paragraph(document.blocks) or _named_file(title) or blocks.first_heading(document.blocks)
    author = None if meta.author is not None and placeholder_author(meta.author) else meta.author
    return replace(meta, title=title, date=printed_date(document.blocks) or meta.date, author=author)


_ACCOUNT = re.compile(
    r"^(?:administrator|admin|user|owner|author|pc|microsoft(?:\s+office)?\s*(?:user|用户|用戶)|"
    r"windows\s*(?:user|用户|用戶)|微软用户|微軟用戶|用户|用戶|作者|管理员|管理員)\d{0,3}$",
    re.IGNORECASE,
)
"""Names an operating system or office suite gives the account that saved a file when nobody set one."""


def placeholder_author(author: str) -> bool:
    """Whether the properties' author is the saving account's default name ("Administrator", "微软用户")
    rather than a person or office: shown as the author, it would be wrong on every such file."""
    return bool(_ACCOUNT.match(author.strip()))
