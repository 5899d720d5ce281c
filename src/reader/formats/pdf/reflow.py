"""Lines into paragraphs, across line, column and page breaks, and where each page begins in the result.

A line continues the paragraph above unless the paragraph visibly ended: the line is indented, a wider
vertical gap separates them (within a column), or the line above stopped short of the column's right
edge by more than the next line's first word would need. Headings and table rows stand alone; footnotes
are taken out of the flow and put after the section their reference is in (before the next heading).
Lines are joined with no space between CJK characters, a space between Latin words, and a line-end hyphen
between two letters is dropped.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
import statistics
import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from reader.core.cleaning import Removed
from reader.formats.pdf import brackets, furniture, layout, radicals
from reader.formats.pdf.model import FURNITURE, PITCH_MIN_UNITS, Layout, Line, PdfText, em_units

INDENT_EM = 0.8
"""A first line starting this many ems right of the column's left edge opens a paragraph."""
GAP_PITCH = 1.4
"""A line further below the previous one than this many typical line pitches opens a paragraph."""

RIGHT_SPREAD = 2.0
"""Lines ending within this many ems of a column's furthest line end are its full lines."""

_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\U00020000-\U0003ffff]")
_FIRST_WORD = re.compile(r"^[^\s\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\U00020000-\U0003ffff]+")
"""A line's first word: the Latin letters, digits and signs before a space or a CJK character (the first
word of `2025年11月18日` is `2025`, which had to fit at the end of the line above)."""


@dataclass
class _Paragraph:
    kind: str
    lines: list[Line] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # offset of each line's text in `text`
    numbers: list[int] = field(default_factory=list)  # 1-based line of `original` each line is
    text: str = ""

    def add(self, line: Line, text: str, number: int = 0) -> None:
        self.numbers.append(number)
        if not self.lines:
            self.lines.append(line)
            self.starts.append(0)
            self.text = text
            return
        joined = join(self.text, text)
        self.starts.append(len(joined) - len(text))
        self.lines.append(line)
        self.text = joined


def join(before: str, after: str) -> str:
    """Two pieces of one paragraph: no space at CJK, a dropped hyphen between letters, else a space where
    the break was one.

    Latin text breaks lines at spaces, so a break between two Latin pieces stands for a space. Chinese text
    breaks anywhere, inside a telephone number (`0512-687` / `61234`) or before a per cent sign, so where
    the text around the break is mostly CJK only two Latin letters (two words of an English phrase) are
    parted by a space."""
    if not before or not after:
        return before + after
    if before.endswith("-") and len(before) > 1 and before[-2].isalpha() and after[0].islower():
        return before[:-1] + after
    if _CJK.match(before[-1]) or _CJK.match(after[0]):
        return before + after
    if _latin_letter(before[-1]) and _latin_letter(after[0]):
        return before + " " + after
    if _mostly_cjk(before[-JOIN_CONTEXT:] + after[:JOIN_CONTEXT]):
        return before + after
    return before + " " + after


JOIN_CONTEXT = 20
"""Characters each side of a line break looked at to tell CJK text (breaks anywhere) from Latin text."""


def _latin_letter(ch: str) -> bool:
    return (ch.isascii() and ch.isalpha()) or "\u00c0" <= ch <= "\u024f"


def _mostly_cjk(text: str) -> bool:
    """Whether `text` is written in CJK: as many CJK characters as Latin words (taken as five letters)."""
    cjk = len(_CJK.findall(text))
    letters = sum(1 for ch in text if _latin_letter(ch))
    return cjk > 0 and cjk * 5 >= letters


def analyse(source: Layout, overrides: Mapping[int, bool] | None = None) -> PdfText:
    """Reflowed text, removed furniture and page maps of a PDF's layout. `overrides` maps 1-based lines of
    `original` to True (keep: a restored furniture line stands as its own paragraph) or False (remove).
    Radicals the text layer holds are read in the document's script first (`radicals.for_script`), and
    brackets on scanned pages set full-width beside CJK text (`brackets.for_scans`)."""
    source = radicals.for_script(source)
    found = furniture.find(source.pages)
    # Brackets are set after the furniture is found, which compares print sizes by the width per character
    # as OCR read the line: a running head must be measured the same on every page, as it was read.
    fixed = brackets.for_scans(source)
    if fixed is not source:
        found = {
            (new_page.index, new): found[(old_page.index, old)]
            for old_page, new_page in zip(source.pages, fixed.pages, strict=True)
            for old, new in zip(old_page.fragments, new_page.fragments, strict=True)
            if (old_page.index, old) in found
        }
        source = fixed
    ordered: list[Line] = []
    for page in source.pages:
        body = [f for f in page.fragments if (page.index, f) not in found]
        edge = [f for f in page.fragments if (page.index, f) in found]
        top = [f for f in edge if f.bottom <= page.height / 2]
        bottom = [f for f in edge if f.bottom > page.height / 2]
        ordered.extend(Line(page.index, (f,), found[(page.index, f)]) for f in sorted(top, key=lambda f: (f.top, f.x0)))
        ordered.extend(layout.page_lines(page.index, body))
        ordered.extend(
            Line(page.index, (f,), found[(page.index, f)]) for f in sorted(bottom, key=lambda f: (f.top, f.x0))
        )
    body_lines = [line for line in ordered if line.kind not in FURNITURE]
    size = layout.body_size(body_lines)
    columns = _columns(body_lines, size)
    width = max((right - left for left, right in columns.values()), default=1.0)
    kinds = iter(layout.classify(body_lines, size, width, columns))
    lines = _contents([line if line.kind in FURNITURE else next(kinds) for line in ordered])

    original_lines = [line.text for line in lines]
    original = "\n".join(original_lines)
    removed: list[Removed] = []
    kept: list[Line] = []
    numbers: list[int] = []
    overrides = overrides or {}
    for number, line in enumerate(lines, start=1):
        keep = overrides.get(number, line.kind not in FURNITURE)
        if not keep:
            removed.append(Removed(number, line.text, line.kind if line.kind in FURNITURE else "user"))
        else:
            numbers.append(number)
            kept.append(
                line if line.kind not in FURNITURE else Line(line.page, line.fragments, "restored", line.column)
            )
    paragraphs = _paragraphs(kept, columns, _pitch(kept), numbers)
    text = "\n".join(p.text for p in paragraphs)
    return PdfText(
        text=text,
        paragraphs=tuple(p.text for p in paragraphs),
        headings=tuple(i for i, p in enumerate(paragraphs) if p.kind == "heading"),
        original=original,
        removed=tuple(removed),
        pages=_page_starts(paragraphs, len(source.pages), len(text)),
        original_pages=_original_starts(lines, original_lines, len(source.pages)),
        layout=source,
        sizes=tuple(max(line.size for line in p.lines) for p in paragraphs),
        starts_on=tuple(p.lines[0].page for p in paragraphs),
        body_size=size,
        lines_of=tuple(tuple(p.numbers) for p in paragraphs),
        pitches=tuple(_pitch_of(p.lines) for p in paragraphs),
    )


_LEADER = re.compile(r"[.·…．‥⋯]{4,}\s*(?:\d{1,4}|[ivxlcIVXLC]{1,6})\s*$")
"""A contents entry's end: a row of leader dots running to the page number of what it names."""
CONTENTS_MIN = 3
"""Entries with leaders a page needs to be a contents page (one dotted line may be a form's blank)."""
CONTENTS_HEADING_CHARS = 8
"""The contents' own heading (目 录) is a short line standing right above its first entry."""


def _contents(lines: list[Line]) -> list[Line]:
    """Lines of a table of contents the document prints, marked as such (left out like furniture, with
    their own reason, restorable): entries that end in leader dots and a page number, on a page with at
    least CONTENTS_MIN of them, and the short unpunctuated line standing right above the first of them.
    A paragraph with an ellipsis in it (……) does not end in a page number after the dots and stays."""
    pages: defaultdict[int, list[int]] = defaultdict(list)
    for index, line in enumerate(lines):
        if line.kind not in FURNITURE and _LEADER.search(line.text):
            pages[line.page].append(index)
    marked = set()
    for entries in pages.values():
        if len(entries) < CONTENTS_MIN:
            continue
        marked.update(entries)
        above = entries[0] - 1
        while above >= 0 and lines[above].kind in FURNITURE:
            above -= 1
        if above >= 0 and lines[above].page == lines[entries[0]].page:
            heading = "".join(lines[above].text.split())
            if (
                0 < len(heading) <= CONTENTS_HEADING_CHARS
                and not _PUNCTUATION.search(heading)
                and not any(ch.isdigit() for ch in heading)
            ):
                marked.add(above)
    return [
        Line(line.page, line.fragments, "contents", line.column) if i in marked else line
        for i, line in enumerate(lines)
    ]


def _pitch_of(lines: list[Line]) -> float:
    """The width per character of a paragraph's lines, the median of those long enough to tell (see
    `model.pitch`); 0 when none is."""
    pitches = [(line.x1 - line.x0) / units for line in lines if (units := em_units(line.text)) >= PITCH_MIN_UNITS]
    return statistics.median(pitches) if pitches else 0.0


def _columns(lines: list[Line], size: float) -> dict[tuple[int, int], tuple[float, float]]:
    """Left and right edge of every column of every page, from its lines in the body size (a footnote or a
    heading may stand out further)."""
    edges: dict[tuple[int, int], list[Line]] = defaultdict(list)
    for line in lines:
        edges[(line.page, line.column)].append(line)
    out = {}
    counts = {}
    for key, group in edges.items():
        wide = [line for line in group if abs(line.size - size) <= 0.05 * size and len(line.fragments) == 1] or group
        # The right edge is where full lines end: the median of those within RIGHT_SPREAD ems of the furthest,
        # not the furthest itself, which a line with hanging punctuation (or an OCR box) may overshoot.
        left = min(line.x0 for line in wide)
        # Full lines run from the left edge (or a first-line indent): a signature or a date set flush right,
        # past a ragged-right text's edge, would otherwise make every line of the text read as short.
        full = [line for line in wide if line.x0 - left <= FULL_START_EM * size] or wide
        furthest = _furthest_full(sorted((line.x1 for line in full), reverse=True), RIGHT_SPREAD * size)
        right = statistics.median(line.x1 for line in full if furthest - RIGHT_SPREAD * size <= line.x1 <= furthest)
        out[key] = (left, right)
        counts[key] = len(wide)
    return _widen_sparse(out, counts)


FULL_START_EM = 3.0
"""A column's full lines start within this many ems of its left edge (a first-line indent is two)."""
FULL_SHARE = 0.25
"""Share of a column's full lines that must end together for that place to be its right edge."""


def _furthest_full(ends: list[float], spread: float) -> float:
    """The furthest line end (`ends` in descending order) that a share of the lines reach within `spread`:
    one line set wider than the text (a caption, a heading with hanging punctuation) is not the edge."""
    need = max(2, math.ceil(FULL_SHARE * len(ends)))
    rising = ends[::-1]
    for end in ends:
        if bisect.bisect_right(rising, end) - bisect.bisect_left(rising, end - spread) >= need:
            return end
    return ends[0]


SPARSE_LINES = 4
"""A page's column with fewer lines than this (a notice's signature alone on the last page) may hold no
full line, so its edges are taken from the same column on the other pages."""


def _widen_sparse(
    edges: dict[tuple[int, int], tuple[float, float]], counts: Mapping[tuple[int, int], int]
) -> dict[tuple[int, int], tuple[float, float]]:
    """Edges of sparse columns widened to those the same column has on full pages (pages of the same
    parity first: a book's margins alternate), so a short line there reads as short."""
    full = [key for key in edges if counts[key] >= SPARSE_LINES and key[1] >= 0]
    out = dict(edges)
    for key, (left, right) in edges.items():
        if counts[key] >= SPARSE_LINES or key[1] < 0:
            continue
        same = [k for k in full if k[1] == key[1]]
        peers = [k for k in same if k[0] % 2 == key[0] % 2] or same
        if peers:
            typical_left = statistics.median(edges[k][0] for k in peers)
            typical_right = statistics.median(edges[k][1] for k in peers)
            out[key] = (min(left, typical_left), max(right, typical_right))
    return out


def _pitch(lines: list[Line]) -> float:
    """The typical distance from one line's top to the next in a column (the body's line pitch)."""
    steps = [
        b.top - a.top
        for a, b in itertools.pairwise(lines)
        if a.page == b.page and a.column == b.column and a.kind == b.kind == "body" and b.top > a.top
    ]
    return statistics.median(steps) if steps else 20.0


_ITEM = re.compile(
    r"^\s*(?:(?P<n>\d{1,2})(?P<dot>[.、])(?![\d.])|[(](?P<p>\d{1,2}|[一二三四五六七八九十]{1,3})[)]"
    r"|(?P<w>[一二三四五六七八九十]{1,3})、)"
)
"""The number of a list item or numbered point: `2.` `3、` `（2）` `(二)` `②` `三、` (not `2.5`), matched on
the line's NFKC form (full-width figures and brackets folded)."""
_ITEM_BEFORE = set("。；;！？!?：:")
"""A line ending in one of these finished its sentence or announced a list, so a numbered line after it may
be a new item even when the line above runs to the column's edge."""
_CHINESE_NUMBERS = {ch: n for n, ch in enumerate("一二三四五六七八九十", start=1)}


def _item(text: str) -> tuple[str, int] | None:
    """A line's item number as (style, value): (`#.`, 2) for `2.`, (`(#)`, 2) for `（二）` and `(2)`."""
    circled = re.match(r"^\s*([\u2460-\u2473])", text)  # before NFKC, which reads ② as 2
    if circled:
        return "circled", ord(circled.group(1)) - 0x245F
    match = _ITEM.match(unicodedata.normalize("NFKC", text))
    if match is None:
        return None
    if match["n"]:
        return "#" + match["dot"], int(match["n"])
    word = match["p"] or match["w"]
    value = int(word) if word.isdigit() else _chinese_number(word)
    return ("(#)" if match["p"] else "#、", value) if value else None


def _chinese_number(word: str) -> int:
    if len(word) == 1:
        return _CHINESE_NUMBERS.get(word, 0)
    tens, _, units = word.partition("十")
    return (_CHINESE_NUMBERS.get(tens, 1) if tens else 1) * 10 + (_CHINESE_NUMBERS.get(units, 0) if units else 0)


def _new_item(paragraph: _Paragraph, prev: Line, line: Line) -> bool:
    """Whether `line` opens the next item of a numbered list whose previous item is `paragraph`: it carries
    the number after the paragraph's own in the same style (or the first number after a line announcing
    the list with a colon), and the line above finished its sentence. The number is the evidence: a line
    that merely wraps to a figure (`２、` in a sentence's run) does not follow an item of the same style."""
    end = prev.text.rstrip()[-1:]
    if end not in _ITEM_BEFORE:
        return False
    found = _item(line.text)
    if found is None:
        return False
    style, value = found
    if value == 1:
        return end in "：:"
    return _item(paragraph.text) == (style, value - 1)


def _opens(prev: Line, line: Line, columns: Mapping[tuple[int, int], tuple[float, float]], pitch: float) -> bool:
    """Whether `line` starts a new paragraph after body line `prev`."""
    left, _ = columns.get((line.page, line.column), (line.x0, line.x1))
    _, right = columns.get((prev.page, prev.column), (prev.x0, prev.x1))
    em = max(line.size, 1.0)
    if abs(line.size - prev.size) > 0.1 * em:
        return True
    if prev.page == line.page and prev.column != line.column and -1 in (prev.column, line.column):
        return True  # from a line across both columns into one of them, or back: a band of its own
    if line.x0 - left > INDENT_EM * em:
        return True
    if prev.page == line.page and prev.column == line.column and line.top - prev.top > GAP_PITCH * pitch:
        return True
    if _cut_ragged(prev, line, right, em):
        return False
    first = _FIRST_WORD.match(line.text)
    need = em * 1.5 if first is None or _CJK.match(line.text[0]) else em * 0.55 * (len(first.group()) + 1)
    return right - prev.x1 > need


RAGGED_EM = 3.0
"""A line ending within this many ems of its column's edge may have been cut there by a ragged right."""
_ENDS_SENTENCE = tuple("。！？；：.!?;:”」』）)")


def _cut_ragged(prev: Line, line: Line, right: float, em: float) -> bool:
    """Whether `prev` was cut by a ragged right edge though it stops short of the column's edge: near the
    edge, not ending a sentence, with `line` going on in the same column at the left edge (the caller
    checked the indent) and running at least as far right. A paragraph's last line is no longer than the
    lines it follows, so a longer line below shows the one above was wrapped where the setter's measure
    fell (a one-page notice set ragged: `请认真组` / `织实施。`)."""
    if (prev.page, prev.column) != (line.page, line.column) or line.top <= prev.top:
        return False
    text = prev.text.rstrip(layout.NOTE_MARKS)
    return (
        bool(text)
        and not text.endswith(_ENDS_SENTENCE)
        and right - prev.x1 <= RAGGED_EM * em
        and line.x1 >= prev.x1 - 0.5 * em
    )


SIGNATURE_MAX = 30
"""Longest line taken for the issuing body that signs a notice above its date."""
_DATE_LINE = re.compile(
    r"^(?:民国|民國|中华民国|中華民國)?[\d〇○零一二三四五六七八九]{2,4}\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
    r"\s*[\d一二三四五六七八九十]{1,3}\s*日$"
)
_PUNCTUATION = re.compile(r"[。，、；：！？,.;:!?]")


def _signs(line: Line, following: Line | None, columns: Mapping[tuple[int, int], tuple[float, float]]) -> bool:
    """Whether `line` is the issuing body signing a notice: a short line with no punctuation that stops
    short of the column's edge, with the date alone on the line below. It stands on its own line whatever
    the line above it (`附件：…建设标准` may fill its line)."""
    if following is None or following.kind != "body" or not _DATE_LINE.match(following.text.strip()):
        return False
    text = line.text.strip()
    if not 0 < len(text) <= SIGNATURE_MAX or _PUNCTUATION.search(text) or _DATE_LINE.match(text):
        return False
    _, right = columns.get((line.page, line.column), (line.x0, line.x1))
    return right - line.x1 > 1.5 * max(line.size, 1.0)


def _continues_heading(prev: Line, line: Line, columns: Mapping[tuple[int, int], tuple[float, float]]) -> bool:
    """Whether heading `line` is the second line of heading `prev`: a heading too long for its column wraps,
    so its first line runs to the column's right edge and the next follows at the next baseline, set in
    the same type. A short heading line above another heading is a heading of its own."""
    if prev.page != line.page or prev.column != line.column:
        return False
    em = max(line.size, 1.0)
    if abs(line.size - prev.size) > 0.05 * em or line.fragments[0].bold != prev.fragments[-1].bold:
        return False
    if not 0 <= line.top - prev.bottom < 0.8 * em:
        return False
    _, right = columns.get((prev.page, prev.column), (prev.x0, prev.x1))
    return right - prev.x1 < 2 * em


def _paragraphs(
    lines: list[Line],
    columns: Mapping[tuple[int, int], tuple[float, float]],
    pitch: float,
    numbers: list[int] | None = None,
) -> list[_Paragraph]:
    flow: list[_Paragraph] = []
    notes: list[tuple[int, _Paragraph]] = []  # (index in flow of the paragraph it follows, note)
    prev: Line | None = None
    for index, (line, number) in enumerate(zip(lines, numbers or [0] * len(lines), strict=True)):
        if line.kind == "footnote":
            if layout.is_footnote_start(line.text):
                note = _Paragraph("footnote")
                note.add(line, line.text, number)
                notes.append((_reference(flow, line), note))
                continue
            if notes and _continues_note(notes[-1][1].lines[-1], line):
                notes[-1][1].add(line, line.text, number)
                continue
            # Small print that neither opens a note nor runs on below one: a sidebar or box set small
            # beside the text (专栏), read where it stands, as text of its own.
            line = Line(line.page, line.fragments, "body", line.column)
        if prev is not None and (
            (
                line.kind == "body"
                and prev.kind == "body"
                and not _opens(prev, line, columns, pitch)
                and not _new_item(flow[-1], prev, line)
                and not _signs(line, lines[index + 1] if index + 1 < len(lines) else None, columns)
            )
            or (line.kind == "heading" and prev.kind == "heading" and _continues_heading(prev, line, columns))
        ):
            flow[-1].add(line, line.text, number)
        else:
            paragraph = _Paragraph(line.kind)
            paragraph.add(line, line.text, number)
            flow.append(paragraph)
        prev = line
    # Each note goes after the section citing it, notes of one section in the order they are printed.
    places = [
        (next((i for i in range(after + 1, len(flow)) if flow[i].kind == "heading"), len(flow)), n, note)
        for n, (after, note) in enumerate(notes)
    ]
    for at, _, note in sorted(places, key=lambda place: place[:2], reverse=True):
        flow.insert(at, note)
    return flow


NOTE_GAP_EM = 1.0
"""A note's next line stands within this many ems below its last one (at its own line pitch)."""


def _continues_note(last: Line, line: Line) -> bool:
    """Whether small-print `line` is the next line of the note whose last line is `last`: in the same
    column of the same page, right below it."""
    if (last.page, last.column) != (line.page, line.column):
        return False
    return 0 <= line.top - last.bottom < NOTE_GAP_EM * max(line.size, 1.0)


def _reference(flow: list[_Paragraph], note: Line) -> int:
    """Index of the paragraph whose text holds the note's marker (searched backwards), else the last one."""
    marker = layout.footnote_marker(note.text)
    if marker:
        for i in range(len(flow) - 1, -1, -1):
            if marker in flow[i].text and flow[i].kind != "footnote":
                return i
    return len(flow) - 1


def _page_starts(paragraphs: list[_Paragraph], page_count: int, end: int) -> tuple[int, ...]:
    """Offset of the first character from each page; a page with no kept text begins where the next does.

    A footnote is moved to the end of the section that cites it, which may lie before the first line of
    text on the page it is printed on: it decides where its page begins only when the page has nothing else.
    """
    first: list[int | None] = [None] * page_count
    notes: list[int | None] = [None] * page_count
    offset = 0
    for paragraph in paragraphs:
        found = notes if paragraph.kind == "footnote" else first
        for line, start in zip(paragraph.lines, paragraph.starts, strict=True):
            at = offset + start
            current = found[line.page]
            if current is None or at < current:
                found[line.page] = at
        offset += len(paragraph.text) + 1
    first = [body if body is not None else note for body, note in zip(first, notes, strict=True)]
    out = [end] * page_count
    following = end
    for page in range(page_count - 1, -1, -1):
        value = first[page]
        following = min(following, value) if value is not None else following
        out[page] = following
    return tuple(out)


def _original_starts(lines: list[Line], texts: list[str], page_count: int) -> tuple[int, ...]:
    out = [0] * page_count
    seen: set[int] = set()
    offset = 0
    for line, text in zip(lines, texts, strict=True):
        if line.page not in seen:
            seen.add(line.page)
            out[line.page] = offset
        offset += len(text) + 1
    for page in range(page_count):  # a page without text begins where the previous one ended
        if page not in seen:
            out[page] = out[page - 1] if page else 0
    return tuple(out)
