"""Finding the metadata lines of a document: title, dates, bylines, sources.

Metadata sits in the header (before the first paragraph of prose) and sometimes in the footer, as
`label: value` on one line, as a label line followed by a value line, or unlabelled (a bare date line,
a signature). Lines found here leave the body with reason "metadata"; repeats of the title leave with
"duplicate-title".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from reader.core.cleaning import features as cf
from reader.core.cleaning import lexicons as lx
from reader.core.cleaning import metadata as md
from reader.core.cleaning import structure as cs
from reader.core.cleaning.html_extract import PageFacts
from reader.core.cleaning.title import HEADER_LIMIT, title_of

_NOISE = ("spam", "script")
_AWAY = ("navigation", "related-links", "boilerplate", "comments")


@dataclass(frozen=True)
class MetaResult:
    metadata: md.Metadata

    def with_author(self, author: str) -> MetaResult:
        return MetaResult(replace(self.metadata, author=author))


def _first_content(lines: list[cf.Line]) -> int:
    """The first paragraph of the body: the header (title, byline) stands above it."""
    for i, line in enumerate(lines):
        if (
            line.reason is None
            and line.words >= 30
            and line.clause_punct >= 1
            and line.link_density < 0.3
            and ("\t" not in line.text or _paragraph_row(line.text))
        ):
            return i
    return len(lines)


def _paragraph_row(text: str) -> bool:
    """A row of cells is a paragraph when one of its cells is: judged by its longest cell (>= 30 words
    with a clause mark), never by the words of all its cells together. A row of an information table above
    a notice's title (`索引号：\t…\t主题分类：\t…`, short cells of labelled fields) is none; a numbered
    item a word processor saved as `1.\t…` or a Q&A table's `答：\t…` is, and the header ends above it.
    Were every row of the body refused, the header would run to the end, and the issuing office over
    the closing date would go as the masthead's source."""
    if md.labelled_fields(text):
        return False
    cell = max(text.split("\t"), key=len)
    return cf.word_count(cell) >= 30 and cf.CLAUSE_PUNCT.search(cell) is not None


def _residual_words(text: str) -> int:
    """Words left on a line once dates, times and `label:` prefixes are taken out."""
    span = md.date_span(text)
    if span:
        text = text[: span[0]] + " " + text[span[1] :]
    text = re.sub(rf"(?:{lx.LABEL_DATE}|{lx.LABEL_SOURCE}|{lx.LABEL_AUTHOR}|{lx.LABEL_OTHER})\s*[:：]?", " ", text)
    text = re.sub(r"星期.|周.|\d{1,2}[:：]\d{2}(?:[:：]\d{2})?|[上下]午", " ", text)
    return cf.word_count(text)


_LEAD_LABEL = re.compile(
    rf"^[\[【(（ ]*(?:{lx.LABEL_TITLE}|{lx.LABEL_DATE}|{lx.LABEL_AUTHOR}|{lx.LABEL_SOURCE}|{lx.LABEL_OTHER})\s*[:：]\s*"
)
_ASKED = re.compile(r"[？?！!][”’」』）)\"']*$")
SPEECH_ASKED_MIN = 2  # words of a question or exclamation after a label: a speaker's turn
SPEECH_SAID_MIN = 12  # words of a statement after a label: a sentence with a clause inside


def is_speech(text: str) -> bool:
    """A label opening a turn of dialogue (`记者：您怎么看今年的形势？`, `题目：…？`): what follows the
    label is a question, an exclamation or a sentence with a clause mark inside, and no further field.
    A byline, a date or a source is a name or a number, never a sentence; a transcript is text."""
    m = _LEAD_LABEL.match(text)
    if m is None:
        return False
    value = text[m.end() :]
    if md.labelled_fields(value):
        return False
    words = cf.word_count(value)
    if _ASKED.search(value):
        return words >= SPEECH_ASKED_MIN
    inner = cf.CLAUSE_PUNCT.findall(value[:-1])
    return words >= SPEECH_SAID_MIN and bool(cf.SENTENCE_END.search(value)) and len(inner) >= 1


def scan_metadata(
    lines: list[cf.Line], facts: PageFacts | None, site_names: frozenset[str] = frozenset()
) -> MetaResult:
    """Read title, date, author and source, marking the lines that only carry them. `site_names` are
    names seen repeated across documents of the same source (stripped from titles)."""
    first_content = _first_content(lines)
    fields, plain_dates = _label_lines(lines)
    title, title_at = title_of(lines, fields["title"], facts, first_content, site_names)
    date = _date(lines, fields["date"], plain_dates, facts, first_content, title_at)
    _keep_chronicle_dates(lines, plain_dates)
    source = _source(lines, fields, facts)
    author = next((md.author_value(v) for _, v in fields["author"] if md.author_value(v)), None)
    if author is None:
        author = _dateline_reporter(lines, first_content)
    if author is None and facts and facts.authors:
        author = facts.authors[0]
    if author is not None:
        author = author.split(" 来源")[0].strip() or None
    # The site name printed alone at the top is a masthead, not body text.
    if source:
        for line in lines[: max(first_content, 1)]:
            if line.text == source and line.reason is None:
                line.reason = "metadata"
    return MetaResult(md.Metadata(title=title, date=date, author=author, source=source))


Fields = dict[str, list[tuple[int, str]]]


def _byline(text: str) -> bool:
    """A line of labelled fields: opening with a label, holding two, or one after a bare date and time
    (`2026-03-07 09:15:22 来源：经济观察网`)."""
    if md.starts_with_label(text):
        return True
    fields = md.labelled_fields(text)
    if len(fields) >= 2:
        return True
    head = md.unlabelled_head(text) if fields else ""
    return bool(head) and md.date_span(head) is not None and cf.word_count(head) <= 16


_PAREN = re.compile(r"[（(]([^（）()]{2,20})[)）]")
DATELINE_SPAN = 40  # characters at the head of the first paragraph where a dateline stands


def _dateline_reporter(lines: list[cf.Line], first_content: int) -> str | None:
    """`中新社北京4月28日电 (记者 赵建华)`: the reporter a news agency's dateline names in parentheses at
    the head of the first paragraph (or on the line of its own above it)."""
    for line in lines[max(0, first_content - 1) : first_content + 1]:
        if line.reason is not None and line.reason != "metadata":
            continue
        m = _PAREN.search(line.text[:DATELINE_SPAN])
        if m is not None and (name := md.role_name(m.group(1))) is not None:
            return name
    return None


def _label_lines(lines: list[cf.Line]) -> tuple[Fields, list[tuple[int, str]]]:
    """Mark the lines that carry only labelled fields or a bare date; return the fields by kind and
    the bare date lines, each with its index."""
    fields: Fields = {"title": [], "date": [], "author": [], "source": []}
    plain_dates: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        if line.reason in _NOISE:
            continue
        text = line.text
        colon = ":" in text or "：" in text  # every label pattern ends in a colon
        # A label alone on its line: the value is the next line.
        if colon and text.endswith((":", "：")) and lx.LABEL_ONLY.match(text) and i + 1 < len(lines):
            _label_then_value(lines, i, fields)
            continue
        if line.words > 60 or (line.ends_sentence and line.words > 30):
            continue
        if colon and _byline(text) and not is_speech(text):
            head = md.unlabelled_head(text)
            if head and md.date_span(head):
                fields["date"].append((i, head))  # the bare date before the labels of a byline
            for kind, value in md.labelled_fields(text):
                if kind in fields and value:
                    fields[kind].append((i, value))
                if kind == "author" and md.date_span(value):
                    fields["date"].append((i, value))  # the post's date after its writer's name
            if "\t" not in text:
                # A row of a table (`发布机构：\t某局`: a notice's information table) is read, not removed.
                line.reason = "metadata"
            continue
        if md.date_span(text) and _residual_words(text) <= 12 and not text.endswith("。") and not line.structure:
            plain_dates.append((i, text))
            if (name := md.role_name(text)) is not None:
                fields["author"].append((i, name))  # `2026年3月8日 ・ 記者 黃嘉欣`: the writer of a bare byline
            # A date that closes a notice is given back by the cleaner when it stands right after the text.
            if line.reason is None:
                line.reason = "metadata"
    return fields, plain_dates


_BARE_DAY = re.compile(r"^(?:(?:19|20)\d{2}\s*[年./-]\s*)?\d{1,2}\s*[月./-]\s*\d{1,2}\s*日?$")
CHRONICLE_DATES = 3  # bare day dates standing between lines of the text: a chronicle's, a diary's, a log's


def _keep_chronicle_dates(lines: list[cf.Line], plain_dates: list[tuple[int, str]]) -> None:
    """Bare dates read as metadata go back to the text when CHRONICLE_DATES or more of them stand each
    between two kept lines of the body: the entries of a chronicle (大事记), a diary or a work log are
    dated on lines of their own. A page's date stands by the title or at the foot, once; a post's stamp
    carries a clock time and is left to the other rules."""
    inner = [
        i
        for i, text in plain_dates
        if lines[i].reason == "metadata"
        and (_BARE_DAY.match(text) is not None or cs.is_sign_date(text))
        and 0 < i < len(lines) - 1
        and lines[i - 1].reason is None
        and lines[i + 1].reason is None
    ]
    if len(inner) >= CHRONICLE_DATES:
        for i in inner:
            lines[i].reason = None


def _label_then_value(lines: list[cf.Line], i: int, fields: Fields) -> None:
    """`作者：` alone, its value on the next line. A value that is a sentence spoken or asked (an
    interview's `记者：` over its question) is dialogue: both lines are text."""
    kind = md.label_kind(lines[i].text.rstrip(":： "))
    value_line = lines[i + 1]
    if is_speech(lines[i].text + value_line.text):
        return
    lines[i].reason = "metadata"
    if kind != "other" and value_line.reason not in _NOISE and value_line.words <= 60:
        value_line.reason = "metadata"
        fields[kind].append((i + 1, value_line.text))


def _date(
    lines: list[cf.Line],
    labelled: list[tuple[int, str]],
    plain_dates: list[tuple[int, str]],
    facts: PageFacts | None,
    first_content: int,
    title_at: int | None,
) -> str | None:
    """A labelled date first, then a bare date line in the header nearest the title (a date in a menu,
    an archive list or a sidebar link is further away or flagged), then anywhere, then the page head."""
    for _, value in labelled:
        date = md.parse_labelled_date(value)
        if date:
            return date
    usable = [d for d in plain_dates if lines[d[0]].reason not in _AWAY and lines[d[0]].link_density < 0.3]
    usable = usable or plain_dates
    header_dates = [d for d in usable if d[0] < first_content] or usable
    if title_at is not None:
        header_dates = sorted(header_dates, key=lambda d: abs(d[0] - title_at))
    for _, value in header_dates:
        date = md.parse_date(value)
        if date:
            return date
    for value in facts.dates if facts else ():
        date = md.parse_date(value.replace("T", " "))
        if date:
            return date
    return None


def _source(lines: list[cf.Line], fields: Fields, facts: PageFacts | None) -> str | None:
    for _, value in fields["source"]:
        value = re.split(r"\s+(?:作者|記者|记者|编辑|編輯|时间|時間|发布)", value)[0].strip()
        name, _, rest = value.partition(" ")
        if rest and md.looks_like_site(name):
            value = name  # `中国新闻网 参与互动`: the site's name, then a button the byline prints
        if value:
            return value
    for line in lines[:HEADER_LIMIT]:
        m = lx.BREADCRUMB_LEAD.search(line.text)
        if m:
            root = lx.BREADCRUMB_SEP.split(line.text[m.end() :].strip())[0].strip()
            if root and not lx.NAV_ITEM_LINE.match(root):
                return root
    if facts and facts.site_name:
        return facts.site_name
    return None
