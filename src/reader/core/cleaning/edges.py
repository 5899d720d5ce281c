"""The article's edges: report structure touching the densest run of prose is grown into it.

A notice's furniture is its content: numbered headings, fields, a closing formula, the issuing office and
the closing date just outside the run are the writer's, and so are a dateline or a lead standing between
the head of a story and its first paragraph. Growth stops at the first line with evidence of page chrome.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.core.cleaning import features as cf
from reader.core.cleaning import lexicons as lx
from reader.core.cleaning import metadata as md
from reader.core.cleaning import structure as cs
from reader.core.cleaning.metadata import is_signature


def keep_closing_date(lines: Sequence[cf.Line]) -> None:
    """The date that signs a notice, within three lines after its text or between two of its lines (the
    office above it, 抄送： below), was read as metadata: it stays in the text too, since the writer put
    it there. A page's own stamp under that date (`更新时间 10:30`: a date label and an hour, the page's
    update printed in its footer) is metadata, not the notice's: it does not make the date's line a line
    between two of the notice's."""
    for i in range(1, len(lines)):
        if lines[i].reason is None and cs.is_sign_date(lines[i - 1].text) and _page_stamp(lines[i]):
            lines[i].reason = "metadata"
    kept = [i for i, line in enumerate(lines) if line.reason is None]
    if not kept:
        return
    for i in range(1, kept[-1]):
        line = lines[i]
        between = lines[i - 1].reason is None and lines[i + 1].reason is None
        if line.reason == "metadata" and between and cs.is_sign_date(line.text):
            line.reason = None  # between the office and the lines that follow it (抄送：, 印发): text
    for line in lines[kept[-1] + 1 : kept[-1] + 4]:
        if line.reason == "metadata" and cs.is_sign_date(line.text):
            line.reason = None
            return
        if line.reason is not None:
            return


# A document's file name as an attachment list shows it: `115年度補助計畫申請須知.pdf`, `申请表.docx（32KB）`.
_FILE_NAME = re.compile(
    r"^\S.{0,80}\.(?:pdf|docx?|odt|ods|odp|xlsx?|pptx?|wps|et|ofd|zip|rar|7z|txt|csv)"
    r"(?:\s*[（(][^（）()]{1,20}[)）])?$",
    re.IGNORECASE,
)
ATTACHMENT_HEAD_WORDS = 12


def _announces_files(line: cf.Line) -> bool:
    """A kept line that heads an attachment list: `附件下載`, `附件：`, `相关附件`."""
    return (
        line.reason is None
        and line.words <= ATTACHMENT_HEAD_WORDS
        and (cs.is_attachment(line.text) or "附件" in line.text or "附檔" in line.text)
    )


def keep_attached_files(lines: Sequence[cf.Line]) -> None:
    """The files listed under a kept attachment heading are the document's attachments, linked as they
    always are: a notice's text points to them (請至下方附件下載), so they stay however link-like."""
    for i, line in enumerate(lines):
        if not _announces_files(line):
            continue
        j = i + 1
        while j < len(lines) and _FILE_NAME.match(lines[j].text) and lines[j].reason in (None, *_LINKED):
            lines[j].reason = None
            j += 1


_LINKED = ("navigation", "related-links")


_EDGE_STOP = frozenset(("navigation", "related-links", "boilerplate", "spam", "script", "image", "comments"))


def _edge_keeps(lines: Sequence[cf.Line], i: int) -> bool:
    """Report structure just outside the densest run: headings, items, fields, the closing date, and
    the short line (issuing office, signature) directly above a closing date."""
    line = lines[i]
    if line.link_chars or (line.chrome and not line.content_hint):
        return False
    if line.structure or cs.is_sign_date(line.text):
        return True
    if line.words <= 12 and not line.clause_punct and i + 1 < len(lines) and cs.is_citation(lines[i + 1].text):
        return True  # the heading of the list of references that follows
    if line.ends_sentence and line.words <= 20 and i > 0 and lines[i - 1].ends_sentence:
        return True  # a closing formula after the last paragraph (特此通知。)
    if i > 0 and lines[i - 1].ends_sentence and line.words <= 16 and is_signature(line.text):
        return True  # the writer's unit and name under the text
    nxt = next((other for other in lines[i + 1 : i + 3] if other.reason in (None, "metadata")), None)
    return (
        line.words <= 30
        and not line.clause_punct
        and nxt is not None
        and cs.is_sign_date(nxt.text)
        and all(cs.is_sign_date(o.text) or o.words <= 30 for o in lines[i + 1 : i + 3])
    )


def extend_edges(lines: Sequence[cf.Line], inside: list[bool], first: int, last: int) -> tuple[int, int]:
    """Grow the article over the report structure that touches it, up to the first line with evidence
    of page chrome (a link, a menu, a footer) or an unstructured short line; after an attachment note
    (附：, 附件：) that ends the text, over any line up to the first with chrome evidence."""
    i = last
    attached = cs.attachment_follows([line.text for j, line in enumerate(lines[first:last], first) if inside[j]])
    signed = False
    while i < len(lines):
        line = lines[i]
        if line.reason in _EDGE_STOP:
            break
        if line.reason == "metadata" and cs.is_sign_date(line.text):
            line.reason = None  # the closing date of a notice is read as metadata and kept as text
            inside[i] = True
            i += 1
            signed = True
            break
        if line.reason is None:
            if attached and not line.link_chars and not (line.chrome and not line.content_hint):
                inside[i] = True  # the attachment announced at the end of the text: its table, its list
                i += 1
                continue
            if _post_under_stamp(lines, inside, i, first, last):
                inside[i] = True
                i += 1
                continue
            if not _edge_keeps(lines, i):
                break
            inside[i] = True
            attached = attached or cs.is_attachment(line.text)
            if cs.is_sign_date(line.text):
                i += 1
                signed = True
                break  # the closing date is the last line of a notice, but for a note under it
        i += 1
    if signed and i < len(lines) and _closing_note(lines[i]):
        inside[i] = True  # `（此件公开发布）` under the date, `香港時間15時00分` (a press release's hour)
        i += 1
    new_last = max(last, i)
    i = first - 1
    while i >= 0:
        line = lines[i]
        if line.reason in _EDGE_STOP:
            break
        if line.reason is None:
            if line.chrome or (line.link_chars and not (line.heading and cs.is_section_number(line.text))):
                break  # (a linked section heading, `<h2><a href="#s1">一、总体要求</a></h2>`, is a part)
            if line.structure or (i == first - 1 and _dateline(line)):
                inside[i] = True
            elif i == first - 1 and (lead := _lead(lines, i)) is not None:
                for j in range(lead, i + 1):
                    inside[j] = True
                i = lead
            else:
                break
        i -= 1
    return first, new_last


# The hour a release was issued, on the line under its date: `香港時間15時00分`, `15:00`, `下午3时`.
_CLOCK_LINE = re.compile(
    r"^(?P<head>[\u4e00-\u9fff]{0,6})\s*\d{1,2}\s*(?:[:：]\s*\d{2}|[时時點点]\s*(?:\d{1,2}\s*分)?)$"
)
# A page's date label before the hour (`更新时间 10:30`, `发布时间 09:00`): the page's stamp of its own
# update, printed in its footer, not the hour the writer gave the release.
_DATE_LABEL = re.compile(rf"^(?:{lx.LABEL_DATE})$")


def _page_stamp(line: cf.Line) -> bool:
    """`更新时间 10:30`: a date label and an hour alone on a line."""
    clock = _CLOCK_LINE.match(line.text)
    return clock is not None and bool(_DATE_LABEL.match(clock.group("head")))


def _closing_note(line: cf.Line) -> bool:
    if line.reason not in (None, "metadata") or line.link_chars or line.chrome:
        return False
    if _CLOCK_LINE.match(line.text):
        return not _page_stamp(line)
    return line.reason is None and cs.is_closing_note(line.text)


def _stamp_line(line: cf.Line) -> bool:
    """A post's header read as metadata: a short line with a date (`3楼 某某 发表于 2026-04-01 11:02`)."""
    return line.reason == "metadata" and line.words <= 30 and md.date_span(line.text) is not None


def _post_under_stamp(lines: Sequence[cf.Line], inside: list[bool], i: int, first: int, last: int) -> bool:
    """A sentence right under a post's stamp, after an article that is itself posts under stamps (a
    thread whose question and answers the run holds): the next post of the same thread, however short
    (`谢谢！备案需要什么材料？`). A reply cut off as comments never reaches here."""
    line = lines[i]
    if i == 0 or not _stamp_line(lines[i - 1]) or line.link_chars or line.chrome:
        return False
    if not (line.ends_sentence or line.clause_punct):
        return False
    return any(inside[j] and _stamp_line(lines[j - 1]) for j in range(max(first, 1), last))


# `新华社北京3月5日电`, `本报讯`, `TNW中文站 10月14日报道`: where and when the story was filed, the news
# agency's or paper's head of the first paragraph, set on a line of its own.
_DATELINE = re.compile(r"^[^，。；;,!?！？]{0,24}(?:\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:电|讯|报道|消息)|本报讯|本刊讯)")
DATELINE_WORDS = 40


def _dateline(line: cf.Line) -> bool:
    """A dateline standing alone right above the first paragraph opens the story: it is the writer's."""
    return line.words <= DATELINE_WORDS and not line.ends_sentence and bool(_DATELINE.match(line.text))


LEAD_WORDS = 80
_STATEMENT_END = re.compile(r"[。.][”’」』）)\"']*$")  # a statement: a headline above a post asks or exclaims
HEADING_WORDS = 20


def _lead(lines: Sequence[cf.Line], i: int) -> int | None:
    """The start of a lead above the article's first line `i + 1`: a finished sentence (a caption of the
    photo above the text, a standfirst), maybe with one short heading under it, standing right under
    the page's title and date lines (metadata) or at the top, and touching the article. Between the head
    of a story and its text nothing but the story stands; elsewhere (under a menu) a lone sentence is
    the page's. A statement only: a post's headline over its stamp asks or exclaims as often as not."""
    j = i - 1 if _heading_like(lines[i]) else i
    if j < 0:
        return None
    line = lines[j]
    if line.reason is not None or line.link_chars or line.chrome or not _STATEMENT_END.search(line.text[-8:]):
        return None
    if not 0 < line.words <= LEAD_WORDS:
        return None
    return j if j == 0 or lines[j - 1].reason == "metadata" else None


def _heading_like(line: cf.Line) -> bool:
    return (
        line.reason is None
        and 0 < line.words <= HEADING_WORDS
        and not line.clause_punct
        and not line.link_chars
        and not line.chrome
    )
