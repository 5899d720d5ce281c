"""The search box's little language, parsed into clauses the store can run.

Readers type what they remember of a passage: a few characters of Chinese, in whichever script their
keyboard gives them, perhaps a source or a year. So the language is small and forgiving:

    医院 改革            both substrings (terms are ANDed)
    "县级 医院"          a phrase, spaces included (also “…” as typed by a Chinese input method)
    -广告                documents that do not contain 广告
    title:医院  source:新华网  author:张  tag:卫生  entity:张宗久  collection:政策
    date:2023  date:2023..2024  date:2023-05..  date:..2024-06-30

Chinese has no spaces between words, so a term is matched as a substring of any length, down to one
character. The whole query is first put through `fold` (simplified script, NFKC, case-folded), exactly
like the documents, so 醫院 finds 医院, ＴＩＴＬＥ：x is title:x and 標題:x is 标题:x. Every mistake the
parser can detect raises `QueryError` with a message short enough for a status bar; nothing else escapes.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from reader.core.text.normalise import normalise

__all__ = [
    "FIELDS",
    "MAX_QUERY_LENGTH",
    "Clause",
    "DateRange",
    "Query",
    "QueryError",
    "clean",
    "date_key",
    "fold",
    "parse",
]

MAX_QUERY_LENGTH = 1000
"""Longer input is almost certainly a paste by mistake; refusing it keeps the SQL small."""

_MAX_CLAUSES = 32

FIELDS = ("title", "source", "author", "tag", "entity", "date", "collection")
"""Filter names; `None` as a clause field means plain text (title, body and notes)."""

# Chinese aliases, already in the folded (simplified) form because the query is folded before parsing.
_ALIASES = {
    **{name: name for name in FIELDS},
    "标题": "title",
    "来源": "source",
    "作者": "author",
    "标签": "tag",
    "实体": "entity",
    "日期": "date",
    "收藏夹": "collection",
    "合集": "collection",
}

_OPEN_QUOTES = {'"': '"', "“": "”"}


class QueryError(ValueError):
    """A query the user has to fix; `str(error)` is a one-line message meant for them."""


def clean(text: str) -> str:
    """`text` with what search cannot store replaced by U+FFFD, one code point for one.

    Lone surrogates cannot be stored by SQLite nor converted by OpenCC, and the last 256 code points
    of plane 16 are the search index's escape characters.
    """
    return _UNSAFE.sub("\ufffd", text) if _UNSAFE.search(text) else text


def fold(text: str) -> str:
    """`normalise`, made total by `clean`: the form both documents and queries are matched in."""
    return normalise(clean(text))


_UNSAFE = re.compile("[\ud800-\udfff\U0010ff00-\U0010ffff]")


@dataclass(frozen=True)
class DateRange:
    """Inclusive bounds on a sortable date key (see `date_key`); an empty bound is open."""

    low: str = ""
    high: str = ""

    def contains(self, key: str | None) -> bool:
        """Whether a document's date key falls inside; a document without a date never does."""
        if key is None:
            return False
        return (not self.low or key >= self.low) and (not self.high or key <= self.high)


@dataclass(frozen=True)
class Clause:
    """One condition. `value` is folded; for dates it is the text typed and `dates` holds the range."""

    field: str | None
    value: str
    negated: bool = False
    dates: DateRange | None = None


@dataclass(frozen=True)
class Query:
    """A parsed query: every clause must hold (negated ones must not)."""

    clauses: tuple[Clause, ...] = field(default_factory=tuple)

    @property
    def is_empty(self) -> bool:
        return not self.clauses

    @property
    def terms(self) -> tuple[str, ...]:
        """Plain terms that must be present: what the reading pane highlights and F3 steps through."""
        return tuple(c.value for c in self.clauses if c.field is None and not c.negated)


def parse(text: str) -> Query:
    """Parse what the user typed. Raises `QueryError` with a message meant for the user."""
    if not isinstance(text, str):
        raise QueryError("the query must be text")
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(f"the query is longer than {MAX_QUERY_LENGTH} characters")
    s = fold(text)
    clauses: list[Clause] = []
    i, n = 0, len(s)
    while i < n:
        if s[i].isspace():
            i += 1
            continue
        negated = s[i] == "-" and i + 1 < n and not s[i + 1].isspace()
        if negated:
            i += 1
        if s[i] in _OPEN_QUOTES:
            value, i = _read_phrase(s, i)
            clauses.append(Clause(None, value, negated))
        else:
            start = i
            while i < n and not s[i].isspace() and s[i] not in _OPEN_QUOTES and s[i] != "”":
                i += 1
            if i == start:  # a stray closing quote
                raise QueryError("unbalanced quotes: ” without an opening “")
            word = s[start:i]
            name, colon, value = word.partition(":")
            if colon and name in _ALIASES:
                fld = _ALIASES[name]
                if not value and i < n and s[i] in _OPEN_QUOTES:
                    value, i = _read_phrase(s, i)
                if not value:
                    raise QueryError(f"{name}: needs a value, e.g. {name}:{_EXAMPLES[fld]}")
                clauses.append(_filter(fld, value, negated))
            else:
                clauses.append(Clause(None, word, negated))
        if len(clauses) > _MAX_CLAUSES:
            raise QueryError(f"too many terms: at most {_MAX_CLAUSES}")
    return Query(tuple(clauses))


_EXAMPLES = {
    "title": "医院",
    "source": "新华网",
    "author": "张",
    "tag": "卫生",
    "entity": "张宗久",
    "date": "2023..2024",
    "collection": "政策",
}


def _read_phrase(s: str, i: int) -> tuple[str, int]:
    """Read a quoted phrase starting at s[i]; returns its content and the index after it."""
    close = _OPEN_QUOTES[s[i]]
    end = s.find(close, i + 1)
    if end < 0:
        raise QueryError(f"unbalanced quotes: add the closing {close}")
    value = s[i + 1 : end]
    if not value:
        raise QueryError("empty quotes: put the phrase between them")
    return value, end + 1


def _filter(fld: str, value: str, negated: bool) -> Clause:
    if fld == "date":
        return Clause(fld, value, negated, _parse_dates(value))
    if fld in ("tag", "entity", "collection"):
        value = value.strip()
        if not value:
            raise QueryError(f"{fld}: needs a value, e.g. {fld}:{_EXAMPLES[fld]}")
    return Clause(fld, value, negated)


_DATE = re.compile(r"(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?")


def _parse_dates(value: str) -> DateRange:
    low_text, sep, high_text = value.partition("..")
    if not sep:
        low, high = _date_bounds(value)
        return DateRange(low, high)
    if not low_text and not high_text:
        raise QueryError("date:.. needs at least one end, e.g. date:2023..")
    low = _date_bounds(low_text)[0] if low_text else ""
    high = _date_bounds(high_text)[1] if high_text else ""
    if low and high and low > high:
        raise QueryError(f"date:{value} ends before it starts")
    return DateRange(low, high)


def _date_bounds(text: str) -> tuple[str, str]:
    """The lowest and highest date keys a typed date stands for (2023-05 → 2023-05-00 … 2023-05-99)."""
    m = _DATE.fullmatch(text)
    if m is None:
        raise QueryError(f"date:{text} is not a date; try date:2023, date:2023-05 or date:2023..2024")
    year, month, day = m.group(1), m.group(2), m.group(3)
    if month is not None and not 1 <= int(month) <= 12:
        raise QueryError(f"date:{text} has no month {int(month)}")
    if day is not None:
        try:
            _dt.date(int(year), int(month or 1), int(day))
        except ValueError:
            raise QueryError(f"date:{text} is not a day of the calendar") from None
    mm = f"{int(month):02d}" if month else None
    dd = f"{int(day):02d}" if day else None
    return f"{year}-{mm or '00'}-{dd or '00'}", f"{year}-{mm or '99'}-{dd or '99'}"


_DOC_DATE = re.compile(r"\s*(\d{4})(?:\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2}))?)?")


def date_key(date: str) -> str | None:
    """A document date as a sortable key 'YYYY-MM-DD' ('00' for an unknown month or day), or None.

    Metadata arrives as '2025-6-16 19:16', '2023年5月14日', '2023/05' or just '2023'; `date:` filters
    and the year facet compare these keys as strings, so unknown parts sort before any known one.
    """
    m = _DOC_DATE.match(fold(date)) if date else None
    if m is None:
        return None
    year, month, day = m.group(1), m.group(2), m.group(3)
    mm = int(month) if month and 1 <= int(month) <= 12 else 0
    dd = int(day) if mm and day and 1 <= int(day) <= 31 else 0
    return f"{year}-{mm:02d}-{dd:02d}"
