"""Entities with a regular written form: dates, figures with units, quoted terms and document titles.

These need no model: reports write them in a few fixed shapes, and a pattern gets the whole span
(`13,000多位`, `90%以上`) where a word segmenter would cut it into pieces. Patterns run on the
normalised text (full-width digits folded), so offsets are offsets in the input.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from reader.core.entities.gazetteers import dictionary
from reader.core.text.numerals import DIGITS, chinese_number


@dataclass(frozen=True)
class Found:
    """A pattern match: span in the normalised text, its type, normalised form and value."""

    type: str
    start: int
    end: int
    normalized: str
    value: str | None = None


_CN_YEAR = "[〇零一二三四五六七八九]{4}"
_CN_SMALL = "[一二三四五六七八九十]{1,3}"
_NUM = r"\d{1,4}"

# The Republic of China era (民国 or 中华民国, year 1 = 1912), still used for dates in Taiwan: the year
# in Arabic numerals (民国114年), digit by digit (一一四) or counted (三十八, 一百零五). Runs on the
# normalised text, where 民國 and 中華民國 are already simplified.
_ERA = r"(?:中华民国|民国)\s*(?P<ry>\d{1,3}|[〇零一二三四五六七八九十百]{1,5})"
# A year named relative to the document's (今年12月15日前, 明年3月): the month and day are a date.
_RELATIVE_YEAR = {"去": -1, "今": 0, "明": 1}
# The part of a month a report dates by (截至3月底, 2025年6月上旬): the month is the date's value.
_MONTH_PART = "底|末|初|上旬|中旬|下旬"
# Spaces inside a date are the writer's (2025 年 3 月) or a line wrapped inside it (2019\n年); none is
# taken after the date's last character: the line break after 截至2025年 is not part of the date.
_MONTH_DAY = (
    rf"(?:\s*(?P<m>\d{{1,2}}|{_CN_SMALL})\s*月(?:\s*(?P<d>\d{{1,2}}|{_CN_SMALL})\s*[日号]|(?P<part>{_MONTH_PART}))?)?"
)
_DATE = re.compile(
    rf"(?:(?<![\d〇零一二三四五六七八九])(?P<y>\d{{4}}|{_CN_YEAR})|{_ERA}|(?P<rel>[今明去]))\s*年{_MONTH_DAY}(?P<fy>度)?"
    rf"|(?<!\d)(?P<iy>\d{{4}})(?P<sep>[-/.])(?P<im>\d{{1,2}})(?P=sep)(?P<id>\d{{1,2}})(?!\d)"
    rf"|(?<![\d年〇零一二三四五六七八九十])(?P<m2>\d{{1,2}}|{_CN_SMALL})月(?P<d2>\d{{1,2}}|{_CN_SMALL})[日号]"
    rf"|(?<![\d年〇零一二三四五六七八九十])(?P<m3>\d{{1,2}}|{_CN_SMALL})月(?:{_MONTH_PART})"
)
# A time of day on the date's own line: a figure on the next line (a table cell, a list item) is not.
_TIME = re.compile(
    r"[ \t\u3000]*(?:(?:上午|下午|晚上|早上|凌晨)[ \t\u3000]*)?(?P<h>\d{1,2})[:：时点](?P<mi>\d{2})(?::(?P<s>\d{2}))?"
)

_UNITS = re.findall(
    r"\S+",
    "个百分点 平方公里 平方米 公里 千米 厘米 毫米 米 公顷 亩 吨 公斤 千克 克 升 毫升 元 美元 欧元 港元 "
    "人次 人 位 名 家 个 所 项 次 例 张 床 篇 台 套 种 座 条 批 支 份 件 岁 倍 户 "
    "小时 分钟 秒 天 周 年 床位 万元 亿元 "
    # Measure words of the counts statistical reports give (vehicles, aircraft, ships, livestock, trees,
    # buildings, rooms, sites, volumes, events, incidents) and units of power and volume: standard
    # Chinese classifiers (辆 for vehicles: 85万辆汽车; 起 for incidents: 17起, but see `figures`).
    "辆 架 艘 头 只 棵 栋 幢 间 处 册 场 起 千瓦 千瓦时 立方米 标准箱",
)
_UNIT = "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True))
# Not after 第: 第1项, 第三十二条 are ordinals (which one), not figures (how many).
_FIGURE = re.compile(
    r"(?<![\d.,a-z第])(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?"
    r"(?P<pre>[余多来]?)(?P<mult>万亿|[万亿千百]?)(?P<pre2>[余多]?)"
    rf"(?:(?P<pct>[%‰])|(?P<unit>{_UNIT}))?(?P<plus>\+)?(?P<post>以上|以下|左右|之多)?"
)
# A count in Chinese numerals (四十二个, 三千余人, 五百万元): the whole number, not after 第 or inside a
# longer numeral; its unit is required (see `_cn_figures` for which counts are kept).
_CN_FIGURE = re.compile(
    r"(?<![\d第〇零一二三四五六七八九十百千万亿两几数])(?P<cn>[一二两三四五六七八九十][〇零一二三四五六七八九十百千万亿]*)"
    rf"(?P<pre>[余多来]?)(?P<unit>{_UNIT})(?P<post>以上|以下|左右|之多)?"
)
_COUNTED = re.compile("[十百千万亿]")
# A percentage written out (百分之九十五, 百分之三点五): the same figure as 95%, 3.5%.
_CN_PERCENT = re.compile(
    r"百分之(?P<cn>[一二两三四五六七八九十][〇零一二三四五六七八九十百]*|零)(?:点(?P<frac>[〇零一二三四五六七八九]+))?"
    r"(?P<post>以上|以下|左右)?"
)
_QUOTED = re.compile(r"[“\"「『‘]([^“”\"「」『』‘’\n，。！？；：,;!?]{2,20})[”\"」』’]")
_TITLE = re.compile(r"《([^《》\n]{1,60})》")
_MULT = {"": 1, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000, "万亿": 1_000_000_000_000}


def _cn_number(text: str) -> int:
    """A number the patterns matched in Chinese numerals (their classes admit numerals only)."""
    return chinese_number(text) or 0


def _num(text: str | None) -> int | None:
    if not text:
        return None
    return int(text) if text.isdigit() else _cn_number(text)


def _iso(year: int | None, month: int | None, day: int | None) -> str | None:
    if year is None:
        if month is None or day is None or not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        return f"--{month:02d}-{day:02d}"
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _resolve(month: int, day: int, doc: date | None) -> str | None:
    """A month and day without a year take the document's year; a date more than half a year after
    the document is read as the previous year's (a report in January looking back at 12月28日)."""
    if doc is None:
        return _iso(None, month, day)
    for year in (doc.year, doc.year - 1):
        try:
            found = date(year, month, day)
        except ValueError:
            continue
        if (found - doc).days <= 183:
            return found.isoformat()
    return None


def parse_doc_date(text: str | None) -> date | None:
    """The document date from an ISO-like string ("2023-09-30", "2023-09-30 23:03"), or None."""
    if not text:
        return None
    m = re.match(r"\s*(\d{4})\D(\d{1,2})\D(\d{1,2})", text)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def dates(text: str, doc: date | None) -> list[Found]:
    return _dates(text, doc)[0]


def _dates(text: str, doc: date | None) -> tuple[list[Found], list[tuple[int, int]]]:
    """The valid dates, and the span of every date-shaped match (valid or not), from one scan."""
    out: list[Found] = []
    shaped: list[tuple[int, int]] = []
    for m in _DATE.finditer(text):
        shaped.append(m.span())
        if m["y"] is not None or m["ry"] is not None:
            year = _num(m["y"]) if m["y"] is not None else (_num(m["ry"]) or 0) + 1911
            iso = _iso(year, _num(m["m"]), _num(m["d"]))
            full = m["d"] is not None
        elif m["rel"] is not None:
            # 今年12月15日: the document's year; without a document date, a month and day alone.
            month, day = _num(m["m"]), _num(m["d"])
            if doc is not None:
                iso = _iso(doc.year + _RELATIVE_YEAR[m["rel"]], month, day) if month else None
            else:
                iso = _iso(None, month, day) if month and day else None
            full = m["d"] is not None
        elif m["iy"] is not None:
            iso = _iso(int(m["iy"]), int(m["im"]), int(m["id"]))
            full = True
        elif m["m3"] is not None:
            iso = _month_of(_num(m["m3"]) or 0, doc)
            full = False
        else:
            month, day = _num(m["m2"]), _num(m["d2"])
            iso = _resolve(month, day, doc) if month and day else None
            full = True
        if iso is None:
            continue
        end = m.end()
        if full:
            t = _TIME.match(text, end)
            if t and int(t["h"]) < 24 and int(t["mi"]) < 60:
                iso += f"T{int(t['h']):02d}:{t['mi']}" + (f":{t['s']}" if t["s"] else "")
                end = t.end()
        # The value names the date, however it is written: 2026年2月10日, 二〇二六年二月十日 and
        # 中华民国一一五年二月十日 are one date, so one entity.
        out.append(Found("date", m.start(), end, iso, iso))
    return out, shaped


def _month_of(month: int, doc: date | None) -> str | None:
    """A month without a year (3月底): the document's year, or the year before when the month would
    be more than half a year after the document (as `_resolve`); `--MM` without a document date."""
    if not 1 <= month <= 12:
        return None
    if doc is None:
        return f"--{month:02d}"
    year = doc.year if (month - doc.month) <= 6 else doc.year - 1
    return f"{year:04d}-{month:02d}"


def figures(text: str) -> list[Found]:
    """Numbers that carry a unit, a percent sign or an approximation; bare numbers are not figures."""
    out: list[Found] = []
    for m in _FIGURE.finditer(text):
        if m["unit"] == "起" and (m["mult"] or m["frac"]):
            continue  # a price "from" (售价9.98万起): incidents are counted in whole numbers
        unit = m["pct"] or m["unit"] or ""
        approx = m["pre"] or m["pre2"] or m["plus"] or m["post"]
        if not unit and not approx and not m["mult"]:
            continue
        if not unit and m["mult"] and not approx:
            continue  # "3千" alone is too often part of a word
        try:
            value = Decimal(m["num"].replace(",", "") + (m["frac"] or "")) * _MULT[m["mult"]]
        except InvalidOperation:
            continue
        number = format(value.normalize(), "f")
        if number.endswith(".0"):
            number = number[:-2]
        qualifier = {"以下": "<", "左右": "~"}.get(m["post"] or "", ">" if approx else "")
        if unit in ("万元", "亿元"):
            number = format((value * _MULT[unit[0]]).normalize(), "f")
            unit = "元"
        out.append(Found("figure", m.start(), m.end(), m.group(), f"{qualifier}{number} {unit}".strip()))
    return out


def _cn_figures(text: str) -> list[Found]:
    """Counts in Chinese numerals. Only a counted number (with 十, 百, 千, 万 or 亿: 四十二个, 两千人) or
    an approximate one (十余项, 三千余人) is kept: a single numeral and its measure word is most often part
    of a phrase (一个重要, 三个代表), and digits written one by one (一一四) are a year or a code."""
    out: list[Found] = []
    for m in _CN_FIGURE.finditer(text):
        approx = m["pre"] or m["post"]
        if not approx and not _COUNTED.search(m["cn"]):
            continue
        value = _cn_number(m["cn"])
        unit = m["unit"]
        if unit in ("万元", "亿元"):
            value *= _MULT[unit[0]]
            unit = "元"
        qualifier = {"以下": "<", "左右": "~"}.get(m["post"] or "", ">" if approx else "")
        out.append(Found("figure", m.start(), m.end(), m.group(), f"{qualifier}{value} {unit}"))
    for m in _CN_PERCENT.finditer(text):
        frac = "".join(str(DIGITS[ch]) for ch in m["frac"]) if m["frac"] else ""
        number = f"{_cn_number(m['cn'])}.{frac}" if frac else str(_cn_number(m["cn"]))
        qualifier = {"以下": "<", "左右": "~", "以上": ">"}.get(m["post"] or "", "")
        out.append(Found("figure", m.start(), m.end(), m.group(), f"{qualifier}{number} %"))
    return out


# What comes right before a string literal of program code: a call's opening bracket after a name
# (read_csv(", groupby(" ), an index or a list ([" ), an assignment or a keyword argument (= "). Not a
# comma: the text is normalised, so a Chinese comma before a straight quote reads as ",".
_CODE_BEFORE = re.compile(r"(?:[A-Za-z0-9_\]]\(|[\[=])[ \t]*$")


def terms(text: str) -> list[Found]:
    """Short phrases in quotation marks: in reports these are policy and project names.

    A string in straight quotes written as program code (df.groupby("城市"), name = "值") is a value
    in a script the report quotes, not a name the report gives."""
    out: list[Found] = []
    for m in _QUOTED.finditer(text):
        if text[m.start()] == '"' and _CODE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue
        out.append(Found("term", m.start(1), m.end(1), m[1].strip()))
    return out


def titles(text: str) -> list[Found]:
    """Titles of documents, books and periodicals in 《》."""
    return [Found("title", m.start(1), m.end(1), m[1].strip()) for m in _TITLE.finditer(text)]


def find_all(text: str, doc: date | None) -> list[Found]:
    found_dates, shaped = _dates(text, doc)
    # Date-shaped text that is no valid date (2023年13月45日) is not a figure either.
    taken = Spans([(f.start, f.end) for f in found_dates] + shaped)
    found_figures = [
        f
        for f in figures(text) + _cn_figures(text)
        if not taken.overlaps(f.start, f.end) and not _names_a_programme(text, f)
    ]
    return found_dates + found_figures + terms(text) + titles(text)


# A period written right before the word for a plan or programme is the programme's span, part of its
# name (十年计划, 五年规划, 三年行动, 百日攻坚): general usage in the names of Chinese plans.
_PROGRAMME = re.compile(r"计划|计画|规划|行动|工程|纲要|攻坚|战略")
_PERIODS = frozenset({"年", "天", "周"})


# Word classes that, right before a period, make it a stretch of time the sentence measures (未来三年计划
# 新建…: 计划 is the verb "plans to"; 经过十年, 近五年): time words, prepositions, adverbs, pronouns,
# numerals, localisers, conjunctions, particles (the dictionary's tags).
_TIME_CONTEXT_TAGS = ("t", "p", "d", "r", "m", "f", "c", "u")
_TIME_CONTEXT_CHARS = frozenset("近前后这那每再共约历用经在于近达逾")


def _names_a_programme(text: str, found: Found) -> bool:
    """The figure is a period that names a programme (长照十年计划: the ten-year plan is its name, no
    quantity the text measures): a name's characters before it, a plan's word after it."""
    unit = found.value.rsplit(" ", 1)[-1] if found.value else ""
    if unit not in _PERIODS or _PROGRAMME.match(text, found.end) is None or found.start < 2:
        return False
    before = text[found.start - 2 : found.start]
    if not all("\u4e00" <= ch <= "\u9fff" for ch in before) or before[-1] in _TIME_CONTEXT_CHARS:
        return False
    entry = dictionary().get(before)
    return entry is None or not entry[1].startswith(_TIME_CONTEXT_TAGS)


class Spans:
    """A fixed set of [start, end) spans answering "does anything overlap this?" by binary search, so
    a long report with thousands of dates, figures or names stays fast (a scan per query is quadratic)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        # The furthest end among the spans starting at or before each index.
        self._reach: list[int] = []
        furthest = -1
        for _, e in ordered:
            furthest = max(furthest, e)
            self._reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self._starts, end) - 1  # the last span starting before `end`
        return i >= 0 and self._reach[i] > start
