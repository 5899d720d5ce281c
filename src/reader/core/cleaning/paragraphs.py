"""Rejoining the kept lines of a page into paragraphs.

Page dumps break paragraphs: a bold name on its own line, a sentence cut before a comma, a text
hard-wrapped at a fixed width, a closing quote wrapped onto its own line. The cleaner keeps lines; this
module decides which neighbours are pieces of one paragraph. Headings and captions (short, no open
ending) stay on their own lines.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from reader.core.cleaning import features as cf


def _wrap_width(kept: list[cf.Line]) -> int | None:
    """The column a hard-wrapped text was wrapped at, if most unfinished lines share one length. Each
    distinct line counts once: a long report that repeats one heading or note (附件：…) many times does
    not make its length a column."""
    texts = {line.text for line in kept if not line.ends_sentence and len(line.text) >= 20 and not line.structure}
    lengths = [len(text) for text in texts]
    if len(lengths) < 4:
        return None
    counts: dict[int, int] = {}
    for n in lengths:
        for m in (n - 1, n, n + 1):
            counts[m] = counts.get(m, 0) + 1
    # Ties (every length counts for its neighbours too) go to the length most lines have exactly: the column
    # itself, not the one past it.
    exact = Counter(lengths)
    width, hits = max(counts.items(), key=lambda kv: (kv[1], exact[kv[0]], kv[0]))
    if hits < max(4, len(lengths) // 3):
        return None
    # A text wrapped at a column has few lines longer than it; a report whose numbered headings share a
    # length has its paragraphs on one line each, far past that length.
    longer = sum(1 for line in kept if len(line.text) > width + WRAP_SLACK)
    return width if longer * WRAP_LONGER_SHARE <= len(kept) else None


# A line that opens with a date, a time or a quotation starts its own sentence: the short line above it
# (a photo caption naming a person and post) is not the broken-off subject of that sentence.
_SENTENCE_START = re.compile(r"^(?:[“「『\"]|(?:19|20)?\d{1,4}\s*[年月日]|[上下]午|近日|日前|昨天|今天|本报讯|新华社)")


_NUMBER_LABEL = re.compile(r"^\d{1,7}\s*[：:](?!\d)")
WRAP_SLACK = 2  # a wrapped line ends within this many characters of the wrap column
WRAP_LONGER_SHARE = 10  # at most one line in this many runs past the column of a wrapped text
WRAP_INDENT_SLACK = 4  # ... or of the column less an indent, when the break falls between two ideographs
_CJK_END = re.compile(r"[\u3400-\u9fff]$")
_CJK_START = re.compile(r"^[\u3400-\u9fff]")


def _joins(
    prev: cf.Line,
    nxt: cf.Line,
    open_para: bool,
    wrap: int | None,
    adjacent: bool,
    blank_ends: bool = False,
    block_goes_on: bool = False,
) -> bool:
    if cf.CONTINUES.match(nxt.text):
        return True
    if _own_paragraphs(prev, nxt):
        return False
    if nxt.soft_continued and adjacent:
        return True  # the writer wrapped one Markdown paragraph over several source lines
    if (
        blank_ends
        and block_goes_on
        and wrap is not None
        and nxt.number == prev.number + 1
        and len(prev.text) >= wrap - WRAP_SLACK
        and not (nxt.structure or nxt.heading or prev.heading)
    ):
        # A text that ends its paragraphs with a blank line: a line cut at the column goes on in the line
        # right under it, even when the cut fell just after a full stop, provided the lines from there
        # down to the blank line are the rest of one paragraph (a signing office over its date is not).
        return True
    if prev.ends_sentence or nxt.heading or prev.heading:
        return False
    if prev.text.endswith(("：", ":")) and _NUMBER_LABEL.match(nxt.text):
        # A line ending in a colon announces what follows; a next line opening with a number and a colon
        # (`1：…`, an item's or a numbered line's label) is the first of those, on a line of its own.
        return False
    if wrap is not None and adjacent and nxt.words and len(prev.text) >= wrap - WRAP_SLACK:
        # A line cut at the column of a hard-wrapped text without finishing its sentence goes on in the
        # next line, whatever that line opens with: `第十二条的规定…`, `一、二季度…`, `（一）项…` and a clause
        # ending in a colon are pieces of the sentence, not a heading or an item. Only a line short of the
        # column ended where its writer ended it, and only there are the checks of structure below asked.
        return True
    if nxt.structure:
        return False  # a numbered heading or item, a field, a table row opens a line of its own
    if prev.structure and prev.text.endswith((":", "：")):
        return False  # an addressee (各有关单位：) or a field's label (附件：) stands on its own line
    if cf.OPEN_ENDING.search(prev.text):
        return True
    if not adjacent:
        return False
    if open_para and prev.clause_punct == 0 and prev.words <= 20:
        return True
    if (
        prev.words <= 40
        and nxt.words >= 30
        and cf.TITLE_END.search(prev.text)
        and prev.words >= 4
        and not _SENTENCE_START.match(nxt.text)
    ):
        return True
    if wrap is None or nxt.words == 0:
        return False
    slack = WRAP_SLACK
    if _CJK_END.search(prev.text) and _CJK_START.match(nxt.raw) and not nxt.structure and not prev.structure:
        # Broken between two ideographs, the next line not indented: the break falls inside a word or a
        # clause. A paragraph's first line is shorter by its indent (two ideographic spaces, four ASCII),
        # which the rendering may have stripped, so it still reaches the wrap column within that slack.
        slack = WRAP_INDENT_SLACK
    return len(prev.text) >= wrap - slack


PARAGRAPH_TAGS = frozenset(("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "dd", "dt"))


def _own_paragraphs(prev: cf.Line, nxt: cf.Line) -> bool:
    """Two lines of a page, each in a paragraph element of its own (`<p>…如下：</p><p>五星级：…</p>`): the
    writer ended the first where the markup says. Only lines broken inside one element (a `<br>`, a bold
    name in a `<div>`), in the text of a page with no markup, or an element that stops mid-clause (on a
    comma, an enumeration comma, an opening bracket or quote: a sentence pasted over several elements) are
    rejoined; a colon announces what follows and ends its element."""
    mid_clause = bool(cf.OPEN_ENDING.search(prev.text)) and not prev.text.endswith(("：", ":"))
    return (
        not mid_clause
        and prev.element != nxt.element
        and prev.tag in PARAGRAPH_TAGS
        and nxt.tag in PARAGRAPH_TAGS
        and prev.element > 0
        and nxt.element > 0
    )


def paragraphs(kept: list[cf.Line], all_lines: list[cf.Line]) -> list[str]:
    """Merge lines that are pieces of one paragraph; headings and captions stay on their own."""
    position = {id(line): i for i, line in enumerate(all_lines)}
    wrap = _wrap_width(kept)
    blank_ends = wrap is not None and _blank_line_paragraphs(all_lines, wrap)
    paragraphs: list[str] = []
    current: list[cf.Line] = []
    open_para = False
    for line in kept:
        if current:
            prev = current[-1]
            adjacent = (
                position[id(line)] == position[id(prev)] + 1
                or _only_removed_between(all_lines, position[id(prev)], position[id(line)])
                or _one_paragraph_between(all_lines, position[id(prev)], position[id(line)])
            )
            # A short line right under an image placeholder is its caption: a paragraph of its own.
            at = position[id(prev)]
            caption = len(current) == 1 and prev.words <= 60 and at > 0 and all_lines[at - 1].reason == "image"
            goes_on = blank_ends and wrap is not None and _rest_of_paragraph(all_lines, position[id(line)], wrap)
            if not (caption and not cf.CONTINUES.match(line.text)) and _joins(
                prev, line, open_para, wrap, adjacent, blank_ends, goes_on
            ):
                open_para = open_para or bool(cf.OPEN_ENDING.search(prev.text))
                current.append(line)
                continue
            paragraphs.append(_glue(current))
        current, open_para = [line], False
    if current:
        paragraphs.append(_glue(current))
    return paragraphs


BLANK_ENDS_MIN = 1  # paragraph ends seen before the blank lines are taken as the text's paragraph marks
BLANK_ENDS_SHARE = 0.8


def _blank_line_paragraphs(lines: list[cf.Line], wrap: int) -> bool:
    """Whether a hard-wrapped text marks its paragraphs' ends with blank lines: the lines that stop short
    of the column (a paragraph's last line, a title) are followed by a blank line, nearly all."""
    ends = [(a, b) for a, b in itertools.pairwise(lines) if len(a.text) < wrap - WRAP_SLACK]
    if len(ends) < BLANK_ENDS_MIN:
        return False
    blank = sum(1 for a, b in ends if b.number > a.number + 1)
    return blank >= BLANK_ENDS_SHARE * len(ends)


def _rest_of_paragraph(all_lines: list[cf.Line], start: int, wrap: int) -> bool:
    """Whether the lines from `start` down to the next blank line (or the end) have the shape of a wrapped
    paragraph's tail: every line but the last fills the column, and a tail of one line ends its sentence.
    A signing office over its date (short lines with no blank between) or a lone office name is a block
    of its own, not the end of the paragraph above."""
    block = [all_lines[start]]
    for line in all_lines[start + 1 :]:
        if line.number != block[-1].number + 1:
            break
        block.append(line)
    if any(len(line.text) < wrap - WRAP_SLACK for line in block[:-1]):
        return False
    return len(block) > 1 or block[0].ends_sentence


def _one_paragraph_between(all_lines: list[cf.Line], a: int, b: int) -> bool:
    """Whether every line after `a` up to `b` goes on one Markdown paragraph after a soft break: a line
    removed from the middle of a paragraph the writer wrapped does not end the paragraph."""
    return all(all_lines[k].soft_continued for k in range(a + 1, b + 1))


def _only_removed_between(all_lines: list[cf.Line], a: int, b: int) -> bool:
    return all(all_lines[k].reason in ("spam", "image") for k in range(a + 1, b))


def _glue(pieces: list[cf.Line]) -> str:
    """Join fragments; a space only between two Latin/digit characters, where one was implied."""
    out = pieces[0].text
    cjk = bool(_CJK.search(out))
    for piece in pieces[1:]:
        text = piece.text
        if out and text and out[-1].isascii() and out[-1].isalnum() and text[0].isascii() and text[0].isalnum():
            # Chinese text is wrapped at a column, not at a space: two digits across the break are one
            # number cut in two (不低于3 / 0%), where Latin words would have had a space between them.
            out += text if cjk and out[-1].isdigit() and text[0].isdigit() else " " + text
        else:
            out += text
        cjk = cjk or bool(_CJK.search(text))
    return out


_CJK = re.compile(r"[\u3400-\u9fff]")
