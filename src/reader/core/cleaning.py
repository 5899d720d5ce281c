"""Cleaned reading: the article a scraped page contains, with a reason for every line left out.

Scraped Chinese pages carry menus, breadcrumbs, forum footers, injected gambling spam, lists of
unrelated headlines and scripts around (and sometimes inside) the article. The cleaner decides line by
line from general features (length, punctuation, character classes, separators, repetition, the
neighbouring lines, markup evidence when the input was HTML) plus lexicons of generic boilerplate and
spam vocabulary, never from strings of particular documents. It never rewrites the text: the cleaned
text is made of input lines, with whitespace normalised and fragments of one paragraph rejoined, so a
user can always see what was dropped and put it back (`overrides`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reader.core import cleaning_features as cf
from reader.core import cleaning_structure as cs
from reader.core import html_extract
from reader.core.cleaning_meta import MetaResult, scan_metadata
from reader.core.cleaning_paragraphs import paragraphs
from reader.core.metadata import Metadata, is_signature, trailing_byline

__all__ = [
    "Cleaned",
    "Metadata",
    "Removed",
    "SourceHints",
    "clean_html",
    "clean_text",
    "html_to_blocks",
    "reason_label",
]

REASON_LABELS: dict[str, str] = {
    "navigation": "Navigation, menu or breadcrumb",
    "spam": "Injected spam or advertising",
    "related-links": "List of related or unrelated links",
    "script": "JavaScript or CSS",
    "boilerplate": "Site footer, comment form or counter",
    "metadata": "Title, date, author or source line",
    "image": "Image placeholder or file name",
    "duplicate-title": "Title repeated in the body",
    "comments": "Comments, replies or further posts after the article",
    "duplicate": "Paragraph repeated from earlier in the page",
    "punctuation": "Punctuation or symbols only",
    "blank": "Blank line",
    "user": "Removed by you",
    "page-header": "Page header",
    "page-footer": "Page footer",
    "page-number": "Page number",
}


def reason_label(code: str) -> str:
    """Human wording for a reason code; unknown codes are shown as they are rather than hidden."""
    return REASON_LABELS.get(code, code)


@dataclass(frozen=True)
class Removed:
    """A non-blank input line that is not in the cleaned text, and why."""

    line: int  # 1-based line number in the input (or in the block rendering of an HTML page)
    text: str  # the line as in the input
    reason: str  # stable code, see reason_label()


@dataclass(frozen=True)
class Cleaned:
    text: str  # paragraphs separated by "\n"
    removed: list[Removed]
    metadata: Metadata


@dataclass(frozen=True)
class SourceHints:
    """What other documents of the same source (site, folder) say about this one's furniture: lines
    that recur across many of them (menus, footers, slogans) and names that recur as title suffixes.
    The caller collects these; the cleaner treats them as evidence, never as the only word on prose."""

    repeated_lines: frozenset[str] = frozenset()
    site_names: frozenset[str] = frozenset()


def _split_lines(raw: str) -> list[str]:
    return raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def clean_text(raw: str, overrides: Mapping[int, bool] | None = None, hints: SourceHints | None = None) -> Cleaned:
    """Clean a plain-text dump of a page (one line per text block)."""
    lines = [cf.measure(i + 1, line) for i, line in enumerate(_split_lines(raw))]
    return _clean(lines, None, overrides, hints)


def html_to_blocks(html: str) -> str:
    """The block rendering of a page that clean_html's line numbers refer to."""
    return html_extract.html_to_blocks(html)


def clean_html(html: str, overrides: Mapping[int, bool] | None = None, hints: SourceHints | None = None) -> Cleaned:
    """Clean an HTML page: render it to blocks, then clean those with the markup as extra evidence."""
    root = html_extract.parse(html)
    if root is None:
        return clean_text(html_to_blocks(html), overrides, hints)
    blocks = html_extract.render_blocks(root)
    lines: list[cf.Line] = []
    for i, block in enumerate(blocks):
        line = cf.measure(i + 1, block.text)
        line.link_chars = block.link_chars
        line.chrome = block.chrome
        line.heading = block.heading
        line.content_hint = block.content_hint
        line.chrome_inner = block.chrome_inner
        line.boxes = block.boxes
        line.tag = block.tag
        lines.append(line)
    return _clean(lines, html_extract.page_facts(root), overrides, hints)


# ---------------------------------------------------------------------------------------------
# The pipeline


def _clean(
    all_lines: list[cf.Line],
    facts: html_extract.PageFacts | None,
    overrides: Mapping[int, bool] | None,
    hints: SourceHints | None = None,
) -> Cleaned:
    hints = hints or SourceHints()
    lines = [line for line in all_lines if line.text]
    for line in lines:
        line.reason = cf.context_free_reason(line)
        if line.reason is None and line.link_chars and _link_list(line):
            line.reason = "navigation"
        if line.reason is None and line.text in hints.repeated_lines and not _prose(line):
            line.reason = "boilerplate"  # the same line in many documents of this source is its furniture
    _keep_drawings(lines)
    _mark_banners(lines)
    _mark_tables(lines)
    _mark_injections(lines)
    meta = scan_metadata(lines, facts, hints.site_names)
    if _has_chrome(lines):
        _select_main(lines)
    _keep_closing_date(lines)
    _cut_replies(lines)
    _drop_repeats(lines)
    _trim_list_edges(lines)
    meta = _trailing_author(lines, meta)
    if overrides:
        for line in lines:
            decision = overrides.get(line.number)
            if decision is True:
                line.reason = None
            elif decision is False:
                line.reason = line.reason or "user"
    text = "\n".join(paragraphs([line for line in lines if line.reason is None], lines))
    removed = [Removed(line.number, line.raw, line.reason) for line in lines if line.reason is not None]
    return Cleaned(text=text, removed=removed, metadata=meta.metadata)


CHROME_REASONS = frozenset(("navigation", "spam", "script", "boilerplate", "related-links", "image"))


def _has_chrome(lines: Sequence[cf.Line]) -> bool:
    """Whether the document shows any page furniture at all: a line with links or in a chrome container,
    or one the context-free detectors flagged. Position at the page's edges is evidence only on a page:
    a text with no furniture (a report, a note, a saved article) loses nothing for where a line stands."""
    return any(line.reason in CHROME_REASONS or line.link_chars or line.chrome for line in lines)


def _prose(line: cf.Line) -> bool:
    """A sentence or more of the writer's own words: punctuated inside and at the end."""
    return line.clause_punct >= 2 and line.ends_sentence and line.words >= 20


_BOX = re.compile(r"[\u2500-\u257f]")
_ARROW_LINE = re.compile(r"^[\u2190-\u21ff\u2500-\u257f\s\-_=|+]+$")
# Written punctuation that stands for words: a quoted silence (“……”), a blank to fill in (______。).
_SPOKEN = re.compile(r"^(?:[“「『\"][…。.\-—]+[”」』\"][。！？!?]?|_{4,}[。．.！？]?)$")


def _keep_drawings(lines: list[cf.Line]) -> None:
    """Lines without a letter that still carry the writer's text: a diagram drawn with box characters
    (a run of them, arrows included), a quoted silence, a blank to fill in. Residue of markup (|, », ...)
    has none of these shapes and stays removed."""
    boxy = [line.reason in (None, "punctuation") and bool(_BOX.search(line.text)) for line in lines]
    for i, line in enumerate(lines):
        if line.reason != "punctuation":
            continue
        near = any(boxy[j] for j in range(max(0, i - 2), min(len(lines), i + 3)) if j != i)
        if (boxy[i] and near) or (near and _ARROW_LINE.match(line.text)) or _SPOKEN.match(line.text):
            line.reason = None


BANNER_ZONE = 5  # lines at the top of a document where a maintenance banner stands


def _mark_banners(lines: list[cf.Line]) -> None:
    """Wiki maintenance banners (此条目需要补充更多来源。) stand above the article: the wording alone would not
    be evidence, the wording in the first lines, before the text begins, is."""
    for line in lines[:BANNER_ZONE]:
        if line.reason is None and line.words <= 120 and cf.is_banner(line):
            line.reason = "boilerplate"


def _keep_closing_date(lines: Sequence[cf.Line]) -> None:
    """The date that signs a notice, within three lines after its text, was read as metadata: it stays
    in the text too, since the writer put it there."""
    kept = [i for i, line in enumerate(lines) if line.reason is None]
    if not kept:
        return
    for line in lines[kept[-1] + 1 : kept[-1] + 4]:
        if line.reason == "metadata" and cs.is_sign_date(line.text):
            line.reason = None
            return
        if line.reason is not None:
            return


def _link_list(line: cf.Line) -> bool:
    """Mostly-link blocks are menus and headline lists; a linked word inside a paragraph is not."""
    density = line.link_density
    return (density > 0.5 and (line.words < 80 or not line.ends_sentence)) or (density > 0.3 and line.words < 12)


TABLE_MIN_CELLS = 3


def _mark_tables(lines: list[cf.Line]) -> None:
    """Rows of a table dumped as text: two or more adjacent unpunctuated lines split by spaces into the
    same number (3+) of cells. A menu row is already flagged by then and breaks the table."""
    cells = [
        len(line.text.split(" ")) if line.reason is None and not line.clause_punct and not line.link_chars else 0
        for line in lines
    ]
    for i, n in enumerate(cells):
        if n >= TABLE_MIN_CELLS and ((i > 0 and cells[i - 1] == n) or (i + 1 < len(cells) and cells[i + 1] == n)):
            lines[i].structure = True


def _mark_injections(lines: list[cf.Line]) -> None:
    """A short unpunctuated line that splits a sentence (the previous line is unfinished and the next
    opens with a comma) was injected into the text: no writer breaks a line before a comma."""
    for i in range(1, len(lines) - 1):
        line, prev, nxt = lines[i], lines[i - 1], lines[i + 1]
        if line.reason is not None or line.clause_punct or line.words > 8:
            continue
        if cf.CONTINUES.match(nxt.text) and not prev.ends_sentence and prev.reason is None:
            line.reason = "spam"


def _value(line: cf.Line, trust_chrome: bool = True) -> float:
    """How much a line argues for being inside the article: long punctuated prose is positive,
    short unpunctuated items, links and flagged noise negative."""
    words = line.words
    if line.reason is not None:
        return -min(words, 30) - 2.0
    own = words - line.link_chars
    if own >= 20 and line.clause_punct >= 1:
        value = float(own) + (5.0 if line.ends_sentence else 0.0)
    elif line.clause_punct >= 1 and line.ends_sentence:
        value = own - 4.0
    elif line.clause_punct >= 1:
        value = -SHORT_CLAUSE_PENALTY
    else:
        value = -min(words, 20) * SHORT_WEIGHT - 4.0
    value -= 1.5 * line.link_chars
    if line.structure and not line.link_chars and not line.chrome:
        return max(value, STRUCTURE_VALUE)
    if trust_chrome and line.chrome and (line.chrome_inner or not line.content_hint):
        value = min(value, 0.0) - min(words, 40) * CHROME_WEIGHT - 5
    elif line.content_hint:
        value += 3
    return value


STRUCTURE_VALUE = -1.0  # a heading, item or table row costs little: a run crosses it to the next paragraph
SHORT_CLAUSE_PENALTY = 4.0
SHORT_WEIGHT = 1.0
CHROME_WEIGHT = 1.0
SECONDARY_SHARE = 0.1  # a second body must be this strong relative to the first ...
SECONDARY_MIN = 40.0  # ... and at least this many characters of net prose


def _finished_prose(lines: Sequence[cf.Line]) -> bool:
    """A further run is a body (a forum reply, the second part of a page) when it reads as sentences:
    most of its unlinked lines end a sentence, with clause marks inside. A list of headlines is a run of
    items that mostly do not end a sentence, however long each is."""
    items = [line for line in lines if line.reason is None and line.words and line.link_density < 0.3]
    finished = [line for line in items if line.ends_sentence and line.clause_punct >= 2]
    return bool(finished) and 2 * len(finished) >= len(items)


def _best_run(values: Sequence[float], lo: int, hi: int) -> tuple[float, int, int]:
    """Maximum-sum contiguous run in values[lo:hi] (Kadane)."""
    best, best_lo, best_hi = 0.0, lo, lo
    acc, start = 0.0, lo
    for i in range(lo, hi):
        if acc <= 0:
            acc, start = values[i], i
        else:
            acc += values[i]
        if acc > best:
            best, best_lo, best_hi = acc, start, i + 1
    return best, best_lo, best_hi


BOX_LINK_DENSITY = 0.5
BOX_TAGS = frozenset(("td", "th", "li", "dd", "dt", "caption"))


def _article_box(run: Sequence[cf.Line]) -> int | None:
    """The innermost element named as the article body (class/id content, article, post...) that holds
    every paragraph of the main run, if the markup has one."""
    common: tuple[int, ...] | None = None
    for line in run:
        if line.reason is not None or line.words < 20 or not line.clause_punct:
            continue
        if common is None:
            common = line.boxes
        else:
            n = 0
            while n < min(len(common), len(line.boxes)) and common[n] == line.boxes[n]:
                n += 1
            common = common[:n]
        if not common:
            return None
    return common[-1] if common else None


def _select_main(lines: list[cf.Line]) -> None:
    """Keep the densest run of prose (and any other run nearly as strong); what lies outside is
    chrome before the article or related material after it."""
    if not lines:
        return
    values = [_value(line) for line in lines]
    best, lo, hi = _best_run(values, 0, len(values))
    if best <= 0:
        # Some sites wrap the whole page, article included, in a "side" or "header" box.
        values = [_value(line, trust_chrome=False) for line in lines]
        best, lo, hi = _best_run(values, 0, len(values))
    if best <= 0:
        return  # no prose at all: leave the decision to the per-line rules
    keep = [(lo, hi)]
    # Secondary runs: a forum thread or a two-part page has more than one body.
    todo = [(0, lo), (hi, len(values))]
    while todo:
        a, b = todo.pop()
        if b - a < 1:
            continue
        score, s_lo, s_hi = _best_run(values, a, b)
        if score < max(SECONDARY_SHARE * best, SECONDARY_MIN):
            continue
        if _finished_prose(lines[s_lo:s_hi]):
            keep.append((s_lo, s_hi))
        todo += [(a, s_lo), (s_hi, b)]
    inside = [False] * len(lines)
    for s_lo, s_hi in keep:
        for i in range(s_lo, s_hi):
            inside[i] = True
    box = _article_box(lines[lo:hi])
    if box is not None:
        for i, line in enumerate(lines):
            if not inside[i] and line.reason is None and box in line.boxes and not line.chrome_inner:
                inside[i] = line.link_density <= BOX_LINK_DENSITY and line.tag in BOX_TAGS
    first, last = min(k[0] for k in keep), max(k[1] for k in keep)
    for i in range(first, last):
        # Between two bodies of the article, a paragraph of the writer's prose with no link or chrome
        # evidence is article too (a lead paragraph between an infobox and the sections), however
        # short it is beside the densest run.
        line = lines[i]
        if not inside[i] and line.reason is None and _prose(line) and not line.link_chars and not line.chrome:
            inside[i] = True
    first, last = _extend_edges(lines, inside, first, last)
    for i, line in enumerate(lines):
        if inside[i] or line.reason is not None:
            continue
        if i < first:
            line.reason = "navigation"
        elif i >= last:
            line.reason = "related-links" if line.words <= 60 else "boilerplate"
        else:
            line.reason = "related-links" if line.link_chars else "boilerplate"


_EDGE_STOP = frozenset(("navigation", "related-links", "boilerplate", "spam", "script", "image", "comments"))


def _edge_keeps(lines: Sequence[cf.Line], i: int) -> bool:
    """Report structure just outside the densest run: headings, items, fields, the closing date, and
    the short line (issuing office, signature) directly above a closing date."""
    line = lines[i]
    if line.link_chars or (line.chrome and not line.content_hint):
        return False
    if line.structure or cs.is_sign_date(line.text):
        return True
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


def _extend_edges(lines: Sequence[cf.Line], inside: list[bool], first: int, last: int) -> tuple[int, int]:
    """Grow the article over the report structure that touches it, up to the first line with evidence
    of page chrome (a link, a menu, a footer) or an unstructured short line."""
    i = last
    while i < len(lines):
        line = lines[i]
        if line.reason in _EDGE_STOP:
            break
        if line.reason == "metadata" and cs.is_sign_date(line.text):
            line.reason = None  # the closing date of a notice is read as metadata and kept as text
            inside[i] = True
            i += 1
            break
        if line.reason is None:
            if not _edge_keeps(lines, i):
                break
            inside[i] = True
            if cs.is_sign_date(line.text):
                i += 1
                break  # the closing date is the last line of a notice
        i += 1
    new_last = max(last, i)
    i = first - 1
    while i >= 0:
        line = lines[i]
        if line.reason in _EDGE_STOP:
            break
        if line.reason is None:
            if not (line.structure and not line.link_chars and not line.chrome):
                break
            inside[i] = True
        i -= 1
    return first, new_last


REPLY_STAMPS = 3  # time-stamped lines after the start of the text that make a page a thread of posts
REPLY_AFTER = 50  # characters of prose that must come before the first of them


def _cut_replies(lines: list[cf.Line]) -> None:
    """A blog page listing several posts, or an article followed by comments, repeats a time-stamped
    header or footer line per post. Once the text has begun (REPLY_AFTER characters of kept prose), the
    first such line closes the article if at least REPLY_STAMPS of them follow: the rest are further
    posts and replies. A stamp above the first paragraph is the article's own date line. A comment
    section heading ("已有3条评论", "网友评论") after the start of the text closes it too."""
    prose = 0
    for i, line in enumerate(lines):
        if prose >= REPLY_AFTER and cf.is_comment_head(line):
            for later in lines[i + 1 :]:
                if later.reason is None:
                    later.reason = "comments"
            return
        if prose >= REPLY_AFTER and cf.is_stamp_line(line):
            stamps = sum(1 for other in lines[i:] if cf.is_stamp_line(other))
            if stamps >= REPLY_STAMPS:
                for later in lines[i:]:
                    if later.reason is None:
                        later.reason = "comments"
            return
        if line.reason is None and line.clause_punct >= 1:
            prose += line.words


REPEAT_MIN = 30  # a paragraph this long seen twice is the page repeating itself, not the writer


def _drop_repeats(lines: list[cf.Line]) -> None:
    """Pages that carry the article twice (a print or mobile copy, a teaser above the body) would
    otherwise read twice: a long paragraph identical to one already kept goes."""
    seen: set[str] = set()
    for line in lines:
        if line.reason is not None or line.words < REPEAT_MIN:
            continue
        if line.text in seen:
            line.reason = "duplicate"
        else:
            seen.add(line.text)


def _trim_list_edges(lines: list[cf.Line]) -> None:
    """Inside the article, a run of three or more short unpunctuated lines ending the text is a list
    of headlines, not the article's last words."""
    kept = [line for line in lines if line.reason is None]
    if kept and cs.is_sign_date(kept[-1].text):
        return  # an office and a date close a notice: the lines above them are its last words
    run: list[cf.Line] = []
    for line in reversed(kept):
        if line.clause_punct == 0 and line.words <= 30 and not line.heading and not line.structure:
            run.append(line)
        else:
            break
    if len(run) >= 3:
        for line in run:
            line.reason = "related-links"


def _trailing_author(lines: list[cf.Line], meta: MetaResult) -> MetaResult:
    """A signature (unit and name) right after the last paragraph names the author; so does a name in
    parentheses closing the last paragraph. The signature stays in the text: it is part of what the
    writer wrote, the metadata only reads it."""
    if meta.metadata.author is not None:
        return meta
    kept = [i for i, line in enumerate(lines) if line.reason is None]
    if not kept:
        return meta
    last = lines[kept[-1]]
    if last.words <= 16 and not last.clause_punct and is_signature(last.text) and len(kept) >= 2:
        before = lines[kept[-2]]
        if before.ends_sentence:
            return meta.with_author(last.text)
    name = trailing_byline(last.text)
    return meta.with_author(name) if name else meta
