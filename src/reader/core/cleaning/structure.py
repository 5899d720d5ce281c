"""Report structure: the short lines that are content although they look like page furniture.

A notice or report is full of short unpunctuated lines: numbered headings (一、 （一） 1. 第一章 第一条),
list items, table rows, the addressee (各有关单位：), contact and attachment notes (联系电话：…, 附件：…),
and the issuing office and date that close it. Page chrome is made of short lines too, so the cleaner
needs to know these shapes to keep them: a line of report structure is removed only on evidence about
the line itself (links, a chrome container, repetition), never for being short or for where it stands.
"""

from __future__ import annotations

import re

_CN_NUM = "一二三四五六七八九十百零〇"
# Numbered headings and items of Chinese official documents (GB/T 9704 numbering: 一、 （一） 1. （1）),
# chapters and articles of regulations (第一章 第二条), circled numbers, and Markdown headings, items and quotes.
# A numeral with 、 before another single numeral is a range in a sentence (一、二季度, 二、三产业), not a
# heading; before a year in numerals (一、二〇二四年工作回顾) it is.
_NUMBERED = re.compile(
    rf"^(?:[{_CN_NUM}]{{1,3}}\s*[、．.](?![{_CN_NUM}][^{_CN_NUM}])"
    rf"|[（(]\s*[{_CN_NUM}\d]{{1,3}}\s*[）)]"
    r"|\d{1,3}\s*[、．.](?!\d)"
    rf"|第\s*[{_CN_NUM}\d]{{1,4}}\s*[章节節条條款部篇编編卷回]"
    r"|[①-⑳⑴-⒇❶-❿]"
    r"|#{1,6}\s|[-*+•·]\s|>\s?"
    r"|\^\s|\[\d{1,3}\]\s*\S"  # a citation in a list of references (^ in a wiki, [1] in a paper)
    r")"
)
# An ordered list of references shows its numbers too: `3. ^ 作者. 标题.`
_CITATION = re.compile(r"^(?:\d{1,3}\.\s)?(?:\^\s|\[\d{1,3}\]\s*\S)")


def is_citation(text: str) -> bool:
    """An entry of a list of references: `^ 作者. 标题. 2005.` (a wiki's backlink caret), `[1] 作者. 标题[J].`"""
    return bool(_CITATION.match(text))


# A field of a notice: contact person and phone, address, post code, mail, attachments, copies.
_FIELD = re.compile(
    r"^(?:联系人|聯絡人|联系电话|聯絡電話|联系方式|聯絡方式|电话|電話|传真|傳真|手机|手機|邮箱|郵箱|电子邮箱|電子郵箱"
    r"|E-?mail|地址|邮编|郵編|邮政编码|郵政編碼|附件\s*\d*|附|抄送|主送|报送|報送|印发|印發|主题词|主題詞)\s*[:：]",
    re.IGNORECASE,
)
# A row of cells separated by two or more spaces, tabs or an ideographic space (a Markdown table row,
# `| a | b |`, is told by its ends).
_CELL_GAP = re.compile(r"\S(?:\t| {2,}|\u3000)\S")
# The addressee of a notice: a short line that ends in a colon (各有关单位：, 尊敬的用户：).
_ADDRESSEE = re.compile(r"^[^。；;!?！？:：]{2,40}[:：]$")
# A closing date in the form official documents sign with (GB/T 9704: 2024年3月2日, 二〇二四年三月二日); no clock
# time, which marks a post stamp, and not the ISO form web pages print in lists and archives.
SIGN_DATE = re.compile(
    rf"^(?:(?:19|20)\d{{2}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日"
    rf"|[{_CN_NUM}]{{4}}年[{_CN_NUM}]{{1,3}}月[{_CN_NUM}]{{1,3}}日"
    rf"|(?:中华民国|中華民國|民国|民國)\s*[{_CN_NUM}\d]{{2,5}}\s*年\s*[{_CN_NUM}\d]{{1,3}}\s*月\s*[{_CN_NUM}\d]{{1,3}}\s*日)"
    # A press release signs with the weekday too: `2026年1月20日（星期二）`.
    r"(?:\s*[（(](?:星期|周|週|禮拜|礼拜)[一二三四五六日天][）)])?$"
)


# Every character a line matched by _NUMBERED or _FIELD can open with (a decimal digit besides): a line
# opening with any other is answered without running either pattern.
_HEADS = frozenset(
    _CN_NUM
    + "（(第#-*+•·>^["
    + "".join(chr(c) for c in (*range(0x2460, 0x2488), *range(0x2776, 0x2780)))
    + "联聯电電传傳手邮郵Ee地附抄主报報印"
)


# The number of an official document (GB/T 9704 发文字号) on its own line: the issuer's short name, the
# year in hexagonal (or square) brackets, the serial number and 号: `某政办发〔2025〕12号`.
_DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,12}\s*[〔［\[【(（]\s*(?:19|20)\d{2}\s*[〕］\]】)）]\s*\d{1,5}\s*[号號]$")
# The note GB/T 9704 sets in parentheses under the closing date (`（此件公开发布）`, `（联系人：…）`).
_CLOSING_NOTE = re.compile(r"^[（(][^（）()]{2,60}[）)]$")


def is_structure(text: str) -> bool:
    """A numbered heading or item, a notice field, a table row, an addressee or a document number."""
    head = text[:1]
    return bool(
        ((head in _HEADS or head.isdecimal()) and (_NUMBERED.match(text) or _FIELD.match(text)))
        or (text.endswith((":", "：")) and _ADDRESSEE.match(text))
        or (text.endswith(("号", "號")) and _DOC_NUMBER.match(text))
        or _table_row(text)
    )


# A section number of a report in words (一、 （二） 第三章): ranked headline lists number with figures.
_SECTION_NUMBER = re.compile(
    rf"^(?:[{_CN_NUM}]{{1,3}}\s*、|[（(]\s*[{_CN_NUM}]{{1,3}}\s*[）)]|第\s*[{_CN_NUM}]{{1,4}}\s*[章节節部篇编編])"
)


def is_section_number(text: str) -> bool:
    """A line opening with a report's section number written in Chinese numerals."""
    return bool(_SECTION_NUMBER.match(text))


def is_closing_note(text: str) -> bool:
    """A note in parentheses alone on its line: under a notice's closing date, part of the notice."""
    return bool(_CLOSING_NOTE.match(text))


def _table_row(text: str) -> bool:
    """A Markdown table row or a row of cells; the gap search runs only on a line that has a gap."""
    if len(text) >= 2 and text[0] == "|" and text[-1] == "|":
        return True
    return ("\t" in text or "  " in text or "\u3000" in text) and bool(_CELL_GAP.search(text))


def is_sign_date(text: str) -> bool:
    """The date that closes a notice or letter, alone on its line."""
    return bool(SIGN_DATE.match(text))


# The title of an official document (GB/T 9704-2012 7.3.3: 发文机关 + 关于 + 事由 + 文种): an optional issuer,
# 关于, the matter, and the kind of document closing it. The kinds are the fifteen of the 党政机关公文处理
# 工作条例 (2012) art. 8, with the names regulatory documents carry (办法 规定 细则 方案 规划 条例 …).
_OFFICIAL_TITLE = re.compile(
    r"^[^，。；：,;:]{0,30}关于[^。；]{2,80}(?:决议|决定|命令|公报|公告|通告|意见|通知|通报|报告|请示|批复|议案|函|"
    r"纪要|办法|规定|细则|方案|规划|条例|规则|措施|计划|要点|答复|复函)$"
)


def is_official_title(text: str) -> bool:
    """`关于加快推进…的实施意见`: shaped like the title of an official document (never a sentence: it
    holds no full stop and ends on the document's kind)."""
    return len(text) <= 120 and bool(_OFFICIAL_TITLE.match(text))


def is_markdown_heading(text: str) -> bool:
    return bool(re.match(r"^#{1,6}\s", text))


def strip_markdown_heading(text: str) -> str:
    """`# 标题` -> `标题`: the marker is syntax, not part of the title."""
    return re.sub(r"^#{1,6}\s+", "", text).rstrip("# ").strip()


# The note that announces an attachment or an appended table (附件：, 附表1：, 附：…): what follows it is
# the attachment, part of the document however it is shaped.
_ATTACHMENT = re.compile(r"^(?:附件|附表|附录|附錄|附)\s*[\d一二三四五六七八九十]*\s*[:：]")


def is_attachment(text: str) -> bool:
    return bool(_ATTACHMENT.match(text))


def attachment_follows(lines: list[str]) -> bool:
    """Whether, reading back from the end, an attachment note comes before any finished sentence: the
    short lines at the end are then the attachment (a table, a list), not page furniture."""
    for text in reversed(lines):
        if is_attachment(text):
            return True
        if text.endswith(("。", "！", "？")) and len(text) > 20:
            return False
    return False
