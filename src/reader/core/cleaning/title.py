"""The document's title: a labelled title, else the header line the layout points to, else the page head.

A title line is scored by where it stands (first candidate, above a date line), how the page repeats it
(in the body, in `<title>` or `og:title`), its markup (a heading tag, a Markdown `# `) and its shape (a
button label or a sentence fragment is not a title). Repeats of the chosen line leave the text as
"duplicate-title"; a menu path ending in it as "navigation".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from reader.core.cleaning import features as cf
from reader.core.cleaning import lexicons as lx
from reader.core.cleaning import metadata as md
from reader.core.cleaning import structure as cs
from reader.core.cleaning.html_extract import PageFacts

HEADER_LIMIT = 30  # lines searched for a title before the first paragraph


def title_of(
    lines: list[cf.Line],
    labelled: Sequence[tuple[int, str]],
    facts: PageFacts | None,
    first_content: int,
    site_names: frozenset[str] = frozenset(),
) -> tuple[str | None, int | None]:
    """The title and the index of the line it was read from (None when it came from the page head)."""
    # A labelled title wins over any guess from the layout.
    chosen = labelled[0][0] if labelled else _best_title_line(lines, facts, first_content)
    if chosen is None:
        if facts and facts.titles:
            return md.strip_site_suffix(facts.titles[0], site_names) or None, None
        return None, None
    line = lines[chosen]
    line.reason = "metadata"
    # A labelled title is its value (`标题：某某通知` names 某某通知), whether the label stands on the line
    # or in a table's cell beside it.
    shown = labelled[0][1] if labelled else cs.strip_markdown_heading(_candidate_text(line.text) or line.text)
    title = md.strip_site_suffix(shown, site_names)
    for j, other in enumerate(lines):
        if other is line or other.words > 80:
            continue
        # strip_site_suffix keeps a line's head, so only a line opening with the title can strip to it.
        if other.text == line.text or (other.text.startswith(title) and md.strip_site_suffix(other.text) == title):
            other.reason = "duplicate-title"
        elif j < chosen and other.reason is None and _menu_path_to(other.text, title):
            other.reason = "navigation"
    return title, chosen


# A cell printed beside a title in its row: the tools of the page (`【打印】`, `[关闭窗口]`).
_TOOL_CELL = re.compile(r"(?:[【\[][^】\]]{1,8}[】\]]\s*)+")


def _candidate_text(text: str) -> str | None:
    """What a line offers as a title: the line itself, or for a table's row of cells its first cell when
    every other cell is a date or the page's tools (`某县教育局关于…的通知\t2024-07-05`, a CMS's list of one
    article). A row of labelled fields (`索引号：\t…`, an information table above a notice) or of a data
    table offers none."""
    if "\t" not in text:
        return text
    cells = [cell.strip() for cell in text.split("\t") if cell.strip()]
    if len(cells) < 2 or cells[0].endswith((":", "：")) or md.labelled_fields(text):
        return None
    return cells[0] if all(_date_or_tools(cell) for cell in cells[1:]) else None


def _date_or_tools(cell: str) -> bool:
    span = md.date_span(cell)
    if span is not None and cf.word_count(cell[: span[0]] + " " + cell[span[1] :]) <= 2:
        return True
    return _TOOL_CELL.fullmatch(cell) is not None


def _breadcrumb_leaves(lines: list[cf.Line]) -> set[str]:
    leaves = set()
    for line in lines[:HEADER_LIMIT]:
        if line.reason == "navigation":
            parts = [p for p in lx.BREADCRUMB_SEP.split(line.text) if p]
            if len(parts) >= 2:
                leaves.add(parts[-1].strip())
    return leaves


def _menu_path_to(text: str, title: str) -> bool:
    """`首页标题  新闻资讯  <title>`: above the title, a row of short items ending in the title itself is
    the menu path to the page, whatever the item words are."""
    if not text.endswith(title) or text == title:
        return False
    parts = text[: -len(title)].split()
    return 1 <= len(parts) <= 6 and all(len(p) <= 8 for p in parts)


class _Page:
    """What every candidate is compared with: the page's text, its line counts and its head titles."""

    def __init__(self, lines: Sequence[cf.Line], facts: PageFacts | None) -> None:
        self.lines = lines
        self.text = "\n".join(line.text for line in lines)
        self.counts = Counter(line.text for line in lines)
        self.titles = [md.strip_site_suffix(t) for t in facts.titles] if facts else []
        # Short lines standing right above a closing date, each with the index of its last such place; not
        # a line inside a run of line/date pairs (a "latest notices" list after the article, where the
        # page's own title may come back over its date: a headline there, not a signature).
        dated = [cs.is_sign_date(line.text) for line in lines]
        self.signers = {
            line.text: j
            for j, line in enumerate(lines[:-1])
            if line.words <= 30
            and dated[j + 1]
            and not (j > 0 and dated[j - 1])
            and not (j + 3 < len(lines) and dated[j + 3])
        }


def _best_title_line(lines: list[cf.Line], facts: PageFacts | None, first_content: int) -> int | None:
    """The header line (before the first paragraph) that scores highest as a title, if any scores >= 1."""
    leaves = _breadcrumb_leaves(lines)
    page = _Page(lines, facts)
    best: tuple[float, int] | None = None
    first_candidate = True
    for i in range(min(first_content, HEADER_LIMIT)):
        line = lines[i]
        if _prose(line):
            break  # the body has begun: a short notice's signature at its foot is no title
        text = _candidate_text(line.text)
        if text is None:
            continue  # a table's row of cells (an information table above a notice) is no title
        if line.reason is not None or line.code or not (2 <= cf.word_count(text) <= 60) or text.endswith("。"):
            continue  # a `# comment` in a code block is code, whatever it looks like
        if line.text in leaves:
            line.reason = "navigation"  # the section name that closes the breadcrumb
            continue
        score = _title_score(page, i, text) + (1.0 if first_candidate else 0.0)
        first_candidate = False
        if best is None or score > best[0]:
            best = (score, i)
    if best is None or best[0] < 1:
        return None
    return best[1]


PROSE_MIN_WORDS = 12  # a sentence with a clause inside this long is the body's, even when short


def _prose(line: cf.Line) -> bool:
    """A kept sentence of the body (`春节将至，为……，现通知如下：` too): the header, where the title
    stands, ends before it. A short notice has no paragraph long enough to be `first_content`, and then
    the issuing office over the closing date would look like a title over its date line. A headline may
    close with `！` or hold a comma; it never closes a clause-split sentence with `。` or `：`."""
    text = line.text
    return (
        line.reason is None
        and line.words >= PROSE_MIN_WORDS
        and text.endswith(("。", "："))
        and ("，" in text or "；" in text)
        and not line.link_chars
    )


def _signs_the_foot(page: _Page, i: int) -> bool:
    """Line `i` comes back later as the short line right above a closing date (成都市人民政府办公厅 over
    2026年3月2日): the office that issues and signs the document, whose title is another line."""
    return page.signers.get(page.lines[i].text, -1) > i


def _title_score(page: _Page, i: int, text: str) -> float:
    """Evidence that line `i`, offering `text` as its title, is the title: markup, repetition on the page
    and in its head, a date line below it; against it, section numbering, shortness, a fragment's ending,
    links."""
    line = page.lines[i]
    stripped = md.strip_site_suffix(cs.strip_markdown_heading(text))
    score = 0.0
    if cs.is_markdown_heading(line.text) and line.text.startswith("# "):
        score += 3  # a Markdown document names its title with one #
    elif line.structure:
        score -= 3  # a numbered section heading is not the document's title
    # Repeated elsewhere on the page (as a line, or inside one when long enough to be distinctive):
    # one search over the whole page instead of a comparison per line.
    needle = stripped if len(stripped) >= 8 else line.text
    if _signs_the_foot(page, i):
        score -= 3  # the issuing office printed on top and again over the closing date: the issuer
    elif (page.counts[line.text] > 1) if len(needle) < 8 else (page.text.count(needle) > 1):
        score += 3
    if cs.is_official_title(stripped):
        score += 3
    for page_title in page.titles:
        if stripped == page_title:
            score += 6
            break
        if len(stripped) >= 6 and (stripped in page_title or page_title in stripped):
            score += 4
            break
    if line.heading:
        score += 2
    if any(md.date_span(f.text) or f.reason == "metadata" for f in page.lines[i + 1 : i + 4]):
        score += 2
    words = cf.word_count(text)
    if words < 6:
        score -= 2
    if words < 3 or cf.OPEN_ENDING.search(text) or cf.CONTINUES.match(text):
        score -= 3  # a button label or a sentence fragment is not a title
    if line.link_density > 0.5:
        score -= 3
    return score
