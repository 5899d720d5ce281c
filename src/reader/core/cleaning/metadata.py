"""Title, date, author and source: parsing the fields a page prints about itself.

Pages print these in a dozen shapes (labelled or not, one line or a label line and a value line,
full-width colons, Chinese or ISO dates). This module only parses strings; deciding which line of a
document is the title is the cleaner's job, because it needs the document's layout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.cleaning import lexicons as lx
from reader.core.text.numerals import chinese_number


@dataclass(frozen=True)
class Metadata:
    """What the document says about itself; None when it does not say."""

    title: str | None = None
    date: str | None = None  # ISO 8601: "2023-09-30T23:03", "2023-09-09" or "2023-09"
    author: str | None = None
    source: str | None = None


_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d)\s*[日号號]?"
    r"(?:\s*(?:[T]|\s)?\s*(\d{1,2})\s*[:：时時]\s*(\d{2})(?:\s*[:：分]\s*(\d{2}))?)?"
)
_YEAR_MONTH = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?!\s*\d)")
_LABEL = re.compile(
    rf"(?P<label>{lx.LABEL_TITLE}|{lx.LABEL_DATE}|{lx.LABEL_AUTHOR}|{lx.LABEL_SOURCE}|{lx.LABEL_OTHER})\s*[:：]\s*"
)
# The same labels where they follow another field on a line: an editor's label may carry its post in front
# (责任编辑：), which belongs to the label and not to the value before it (来源：某某日报 责任编辑：…). Only
# for cutting a line into fields: a line opening with 责任编辑 is not thereby a line of labelled fields.
_LABEL_IN_LINE = re.compile(rf"(?:责任|責任)?{_LABEL.pattern}")
_LABEL_KIND = (
    ("title", re.compile(rf"^(?:{lx.LABEL_TITLE})$")),
    ("date", re.compile(rf"^(?:{lx.LABEL_DATE})$")),
    ("author", re.compile(rf"^(?:{lx.LABEL_AUTHOR})$")),
    ("source", re.compile(rf"^(?:{lx.LABEL_SOURCE})$")),
)
# "(董奇光)" or "（记者 张三 李四）" closing an article.
_TRAILING_BYLINE = re.compile(
    r"[（(]\s*(?:(?:记者|記者|通讯员|通訊員|作者|文|图|圖|编辑|編輯)[:：\s/]*)?"
    r"(?P<name>[\u4e00-\u9fff·]{2,4}(?:[\s、,，][\u4e00-\u9fff·]{2,4}){0,3})\s*[)）]$"
)
# A day of the week or a time of day in parentheses at a paragraph's end (`2026年3月10日（星期二）`,
# `活动安排在（周末）`, `（上午）`) is no writer's name: the words that name a time, not a person.
_WEEKDAY = re.compile(
    r"^(?:(?:星期|週|周|禮拜|礼拜)[一二三四五六日天]"
    r"|[上下中]午|晚上|早上|清晨|凌晨|傍晚|夜间|夜間|周末|週末|当天|當天|当日|當日|次日|今天|昨天|明天|前天|全天)$"
)
# A standalone signature line: optional unit, then a 2-4 character name.
_SIGNATURE = re.compile(r"^(?:[\u4e00-\u9fff]{2,12}\s+)?[\u4e00-\u9fff·]{2,4}$")
_SITE_SUFFIX = re.compile(r"\s*(?:[|｜_]|\s[-–—]\s|(?<=[\u4e00-\u9fff）)!！?？])[-–—])\s*(?P<tail>[^|｜_]{1,16})$")


_CN = "〇零○Ｏ一二三四五六七八九十百"
# A date written in Chinese numerals (二〇二五年十二月二十日, the form official documents sign with) or on the
# calendar of the Republic of China (中華民國一一四年十一月二十日, 民國114年11月20日: year 1 is 1912).
_CN_DATE = re.compile(
    rf"(?P<roc>(?:中华民国|中華民國|民国|民國)\s*)?(?P<y>[{_CN}\d]{{2,5}})\s*年\s*(?P<m>[{_CN}\d]{{1,3}})\s*月"
    rf"(?:\s*(?P<d>[{_CN}\d]{{1,3}})\s*[日号號])?"
)
ROC_OFFSET = 1911


def _cn_date(m: re.Match[str]) -> str | None:
    """The ISO form of a `_CN_DATE` match: ROC years shifted, others only with four-digit years of 19xx/20xx."""
    year, month = chinese_number(m.group("y")), chinese_number(m.group("m"))
    day = chinese_number(m.group("d")) if m.group("d") else None
    if year is None or month is None or not 1 <= month <= 12:
        return None
    if m.group("roc"):
        year += ROC_OFFSET
    elif m.group("y").isdecimal() or not 1900 <= year < 2100:
        return None  # Arabic Gregorian dates are _DATE's; a two-digit year in numerals names no calendar
    if m.group("d") is None:
        return f"{year:04d}-{month:02d}"
    if day is None or not 1 <= day <= 31:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_date(text: str) -> str | None:
    """The first plausible date in `text`, as ISO 8601 with the precision the text gives; dates in
    Chinese numerals and on the ROC calendar are read too (`_CN_DATE`)."""
    first = _first_date(text)
    if first is not None:
        return first[0]
    m2 = _YEAR_MONTH.search(text)
    if m2 and 1 <= int(m2.group(2)) <= 12:
        return f"{int(m2.group(1)):04d}-{int(m2.group(2)):02d}"
    return None


def _first_date(text: str) -> tuple[str, int, int] | None:
    """The date that comes first in `text`, whichever way it is written, with its span: a line dated in
    Arabic numerals that cites a rule of 二〇一九年十月一日 is dated by its own date, the first. parse_date and
    date_span both answer from here, so the date read and the span removed are one."""
    arabic: tuple[str, int, int] | None = None
    for m in _DATE.finditer(text):
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        iso = f"{year:04d}-{month:02d}-{day:02d}"
        if m.group(4) is not None:
            hour, minute = int(m.group(4)), int(m.group(5))
            if hour < 24 and minute < 60:
                iso += f"T{hour:02d}:{minute:02d}"
                if m.group(6) is not None and int(m.group(6)) < 60:
                    iso += f":{int(m.group(6)):02d}"
        arabic = (iso, m.start(), m.end())
        break
    if "年" in text:
        # Only a numeral date starting before the Arabic one can come first.
        stop = arabic[1] if arabic is not None else len(text)
        for cn in _CN_DATE.finditer(text):
            if cn.start() >= stop:
                break
            if (numeral := _cn_date(cn)) is not None:
                return (numeral, cn.start(), cn.end())
    return arabic


# A date on the ROC calendar in digits only (`115-03-02`, `115/3/2`), as Taiwan's government sites print
# it after a date label. Only a labelled value is read this way, and only a three-digit year from 100
# (2011 to 2110): two digits before two numbers are far more often a Western year cut short (`15-03-02`)
# or a day-first date (`26.03.02`) than an ROC year before 2011.
_ROC_DIGITS = re.compile(r"^(?P<y>1\d{2})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})(?!\d)")


def parse_labelled_date(value: str) -> str | None:
    """The date a date label's value gives: any form parse_date reads, or an ROC year in digits."""
    date = parse_date(value)
    if date is not None:
        return date
    m = _ROC_DIGITS.match(value.strip())
    if m is None:
        return None
    year, month, day = int(m.group("y")) + ROC_OFFSET, int(m.group("m")), int(m.group("d"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


# Where a byline names its writer after the role, with no colon (`2026年3月8日 ・ 記者 黃嘉欣`,
# `記者 林志明／新北報導`, `中新社北京4月28日电 (记者 赵建华)`, `记者张三报道`): the role, then a name of two to
# four characters, the verb of the byline (报道, 摄, 电 …) if written right after it, and a space, a slash, a
# bracket or the end of the line. More names may follow, each after a space, with or without a role of
# their own (`记者 张三 李四 通讯员 王五`).
_WRITER_ROLE = r"(?:实习记者|實習記者|记者|記者|作者|通讯员|通訊員|实习生|實習生|撰稿|撰文|编译|編譯)"
_NAME = r"[\u4e00-\u9fff·]{2,4}?"
_BYLINE_VERB = r"(?:报道|報導|报导|采写|採寫|摄|攝|讯|訊|电|電)?"
_NAME_END = r"(?=$|[\s／/)）|｜,，])"
_ROLE_NAME = re.compile(
    rf"(?:^|[\s(（・·|｜]){_WRITER_ROLE}\s*[:：]?\s*(?P<name>{_NAME}(?:、{_NAME}){{0,3}}){_BYLINE_VERB}{_NAME_END}"
)
_MORE_NAME = re.compile(rf"\s+(?:{_WRITER_ROLE}\s*[:：]?\s*)?(?P<name>{_NAME}){_BYLINE_VERB}{_NAME_END}")
# Words standing after a space in a byline that are no one's name: the kind of report, another role whose
# holder is not a writer (a photographer, an editor), a time of day.
_NOT_A_NAME = frozenset(
    (
        "综合", "綜合", "报道", "報導", "整理", "联合", "聯合", "现场", "現場", "摄影", "攝影", "编辑", "編輯",
        "责编", "責編", "校对", "校對", "上午", "下午", "晚上", "中午", "凌晨", "当天", "當天",
    )
)  # fmt: skip
AUTHOR_SEPARATOR = "、"  # between the names of several writers in the author field


def role_name(text: str) -> str | None:
    """The writer (or writers, joined by AUTHOR_SEPARATOR) a byline or a dateline names after a
    reporter's role, if any."""
    m = _ROLE_NAME.search(text)
    if m is None:
        return None
    names = [m.group("name")]
    at = m.end()
    while (more := _MORE_NAME.match(text, at)) is not None and more.group("name") not in _NOT_A_NAME:
        names.append(more.group("name"))
        at = more.end()
    return AUTHOR_SEPARATOR.join(names)


# What follows a name in a byline's author value: the post's date (`江南老李 发表于 2026-04-01 09:12`).
_POSTED = re.compile(r"\s*(?:发表于|發表於|发布于|發佈於|發布於|发表|發表|于|於)?\s*$")


def author_value(value: str) -> str:
    """An author field's value without the date and time printed after the name."""
    span = date_span(value)
    if span is not None and span[0] > 0:
        value = _POSTED.sub("", value[: span[0]])
    return value.strip()


def date_span(text: str) -> tuple[int, int] | None:
    """Where the date parse_date reads stands in `text` (else the first date-shaped run, as before)."""
    first = _first_date(text)
    if first is not None:
        return (first[1], first[2])
    m = _DATE.search(text)
    return (m.start(), m.end()) if m else None


def label_kind(label: str) -> str:
    label = re.sub(r"\s+", "", label)
    for kind, pattern in _LABEL_KIND:
        if pattern.match(label):
            return kind
    return "other"


# Where a field's value ends before the page's tools printed after it on the same line: a bracketed
# control (【字体：大 中 小】, [打印]) or another field of any label after a space (浏览次数：1234, 点击数：56).
_TOOL_FIELD = re.compile(r"[【\[]|(?<=\s)[\u4e00-\u9fff]{2,6}\s*[:：]")


def labelled_fields(text: str) -> list[tuple[str, str]]:
    """("date", "2023-05-23 19:26:05"), ("source", "黄河新闻网") ... for each `label: value` on a line.
    A value stops at the page's tools printed after it (`_TOOL_FIELD`): they are no part of it."""
    matches = list(_LABEL_IN_LINE.finditer(text))
    fields: list[tuple[str, str]] = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        tool = _TOOL_FIELD.search(text, m.end(), end)
        if tool is not None and tool.start() > m.end():
            end = tool.start()
        value = text[m.end() : end].strip(" \u3000|｜/,，;；")
        role = _ROLE_AND_NAME.search(value)
        if role is not None:
            # `来源：某某日报　记者 李明`: the reporter's role, a space and the name, with no colon, close the
            # value of the field before (spaces and ideographic spaces alike, as normalised).
            fields.append((label_kind(m.group("label")), value[: role.start()].strip()))
            fields.append(("author", role.group("name")))
            continue
        fields.append((label_kind(m.group("label")), value))
    return fields


_ROLE_AND_NAME = re.compile(
    r"\s(?:记者|記者|作者|通讯员|通訊員|撰稿|撰文)\s+(?P<name>[^\s:：]{2,4}(?:[\s、][^\s:：]{2,4}){0,3})$"
)


def unlabelled_head(text: str) -> str:
    """What a line of labelled fields prints before its first label: a byline's bare date and time
    (`2025年11月21日 08:45 来源：某某日报`)."""
    m = _LABEL_IN_LINE.search(text)
    return text[: m.start()].strip() if m else ""


def starts_with_label(text: str) -> bool:
    m = _LABEL.match(text.lstrip("[【(（ "))
    return m is not None


_SITE_WORD = re.compile(
    r"(?:网|網|站|报|報|刊|台|频道|頻道|论坛|論壇|社区|社區|博客|新闻|新聞|资讯|資訊|在线|在線|官网|官網|中心|平台|日报|日報"
    r"|晚报|晚報|时报|時報|blog|news|online|\.(?:com|cn|net|org|gov|edu|tw|hk)(?:\.\w+)?)$",
    re.IGNORECASE,
)


def looks_like_site(tail: str, site_names: frozenset[str] = frozenset()) -> bool:
    """A domain, a name ending like a site or channel (…网, …频道, …日报, …blog), or a name the
    caller has seen repeated across documents of the same source."""
    tail = tail.strip()
    return tail in site_names or (tail.isascii() and "." in tail) or bool(_SITE_WORD.search(tail))


def strip_site_suffix(title: str, site_names: frozenset[str] = frozenset()) -> str:
    """Drop `|某某网`, `_天天资讯`, ` - 某某日报`: the site or channel a title was published under. After `|`
    and `_`, which titles themselves do not use, a short tail goes; after a dash, which titles do use
    for subtitles (——记…), only a tail that looks like a site (see looks_like_site) goes."""
    title = title.strip()
    for _ in range(3):
        m = _SITE_SUFFIX.search(title)
        if not m:
            break
        head, tail = title[: m.start()].strip(), m.group("tail")
        site = looks_like_site(tail, site_names)
        by_bar = m.group().strip()[:1] in "|｜_"
        if len(head) < 2 or not (site or (by_bar and len(head) >= 4 and len(tail) <= len(head))):
            break
        title = head
    return title


def trailing_byline(text: str) -> str | None:
    """The author named in parentheses at the end of an article paragraph, if any."""
    m = _TRAILING_BYLINE.search(text)
    if m is None or _WEEKDAY.match(m.group("name")):
        return None
    return m.group("name")


def is_signature(text: str) -> bool:
    return bool(_SIGNATURE.match(text))
