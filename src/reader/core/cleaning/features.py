"""Per-line features and context-free noise detectors for the line cleaner.

Every detector looks at the shape of a line (length, punctuation, character classes, separators,
repetition) and only then at vocabulary, so that it carries over to pages nobody here has seen.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from reader.core.cleaning import lexicons as lx
from reader.core.cleaning import structure as cs

# Whitespace of every width (NBSP, ideographic space, zero-width, BOM) collapses to one ASCII space.
_SPACES = re.compile(r"[\s\u00a0\u3000\u2000-\u200b\u202f\u205f\ufeff]+")
_NON_WORD = re.compile(r"[\W_]+")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
CLAUSE_PUNCT = re.compile(r"[，,、；;：:。！？!?…]")
SENTENCE_END = re.compile(r"(?:[。！？!?…；;]|[。！？!?…][”’」』）)\"'】]+|\.{3})$")
# A line that opens with punctuation continuing a clause cannot start a sentence.
CONTINUES = re.compile(r"^[，,、；;：:。！？!?）)」』”’]")
OPEN_ENDING = re.compile(r"[，,、；;：:（(「『“‘《—]$")
_SCRIPT_WORDS = re.compile(
    r"\bfunction\s*\(|\bvar\s+\w+\s*=|\bdocument\.\w+|\bwindow\.\w+|\breturn\s|=>|\$\(|\bnew\s+\w+\(|"
    r"\bif\s*\(|[{};]\s*[}]|@media|\{\s*[\w-]+\s*:\s*[^;]+;"
)
_CODE_CHARS = re.compile(r"[{}();=<>\[\]\"'$&|+*/\\]")
_URL = re.compile(r"https?://\S+|www\.\S+", re.IGNORECASE)
_LIST_SEP = re.compile(r"\s*[|｜]\s*")
_SEO_SEP = re.compile(r"\s*[_|｜]\s*")
TITLE_END = lx.TITLE_THEN_NAME
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
# A post or comment time stamp: a date (year optional) and a clock time, "2005-06-14 03:25" or "08-11 16:06";
# a time range ("9:00-10:30") is a schedule, not a stamp.
_STAMP = re.compile(
    r"(?<![\d:：.])(?:(?:19|20)\d{2}\s*[-/.年]\s*)?(?:1[0-2]|0?[1-9])\s*[-/.月]\s*(?:3[01]|[12]\d|0?[1-9])(?!\d)"
    r"\s*[日号號]?\s*(?:[T,，]|[上下]午)?\s*(?:[01]?\d|2[0-3])[:：][0-5]\d(?:[:：][0-5]\d)?(?!\d|\s*[-—–~～至到]\s*\d)"
)


_END_SPAN = 24  # characters at the end of a line that can hold a sentence end with its closing marks
# Every way SENTENCE_END can match ends in one of these: a line ending otherwise is answered without a search.
_END_CHARS = frozenset("。！？!?…；;”’」』）)\"'】.")
# Whitespace that str.split() does not split on but _SPACES collapses (zero-width space, BOM).
_ODD_SPACES = ("\u200b", "\ufeff")


# Reference marks after a sentence in an encyclopedia article: "。[4]", "。 [2] [5]", "。[3-4]", "。[注 1]".
_CITATIONS = re.compile(r"(?:\s*\[(?:\d{1,3}(?:\s*[-–,，]\s*\d{1,3})*|注\s*\d{1,3}|[a-z])\])+$")


def ends_sentence(text: str) -> bool:
    """Whether the line ends a sentence (its mark, maybe closing quotes or brackets after it, maybe the
    reference marks an encyclopedia sets after it). Searched in the line's tail only: the pattern is
    anchored at the end, and a search over a long paragraph would try it at every character."""
    if text[-1:] == "]":
        text = _CITATIONS.sub("", text[-_END_SPAN - 40 :])
    return text[-1:] in _END_CHARS and bool(SENTENCE_END.search(text[-_END_SPAN:]))


def normalise_space(line: str) -> str:
    """Collapse every kind of whitespace to one space: characters of the text never change. str.split()
    splits on the same whitespace as `_SPACES` except the zero-width space and the BOM, and is three
    times faster, so the pattern runs only on a line holding one of those two."""
    if _ODD_SPACES[0] in line or _ODD_SPACES[1] in line:
        return _SPACES.sub(" ", line).strip()
    return " ".join(line.split())


def word_count(text: str) -> int:
    """Letters, digits and ideographs: what a reader would call the text of the line."""
    return len(_NON_WORD.sub("", text))


@dataclass(slots=True)
class Line:
    """One input line and the measurements the cleaner decides by."""

    number: int  # 1-based
    raw: str
    text: str  # whitespace-normalised
    words: int
    clause_punct: int
    ends_sentence: bool
    link_chars: int = 0
    chrome: bool = False
    heading: bool = False
    content_hint: bool = False
    chrome_inner: bool = False
    ad_inner: bool = False  # the nearest class/id hint of its HTML block names an advertisement
    player_inner: bool = False  # ... names a media player (its loading and button text)
    boxes: tuple[int, ...] = ()
    tag: str = ""
    element: int = 0  # HTML: the id of the block element the line stands in (0: not from HTML)
    structure: bool = False  # a numbered heading, list item, notice field, table row or addressee
    authored: bool = False  # Markdown structure (heading, item, quote, table, code): never removed for shape
    code: bool = False  # a Markdown code block or raw HTML line: shown as written, never a title or heading
    soft_continued: bool = False  # a Markdown paragraph's line after a soft break: the same paragraph
    written: bool = False  # a Markdown paragraph line with no link text: never removed for its shape or place
    preset: str | None = None  # a reason the reader of the format already knows (front matter: metadata)
    reason: str | None = None
    stamp: bool | None = None  # is_stamp_line, computed once
    spaced: bool = False  # in a block of prose written with spaces for punctuation (main.spaced_blocks)

    @property
    def link_density(self) -> float:
        return self.link_chars / self.words if self.words else 0.0


def table_row(raw: str) -> str | None:
    """A row of a table as its cells joined by tabs (an HTML data table's row as the renderer writes it,
    a PDF's or a spreadsheet's row), each cell's spaces normalised; None unless two or more cells hold
    text. A tab that only indents a paragraph leaves one cell: not a row."""
    cells = [normalise_space(cell) for cell in raw.split("\t")]
    if sum(1 for cell in cells if cell) < 2:
        return None
    while cells and not cells[-1]:
        cells.pop()
    return "\t".join(cells)


def measure(number: int, raw: str) -> Line:
    row = table_row(raw) if "\t" in raw else None
    text = row if row is not None else normalise_space(raw)
    # One scan for both counts: the characters that are not words, whose clause marks are then counted in
    # that short string instead of a second scan of the line (every clause mark is such a character).
    marks = "".join(_NON_WORD.findall(text))
    return Line(
        number=number,
        raw=raw,
        text=text,
        words=len(text) - len(marks),
        clause_punct=len(CLAUSE_PUNCT.findall(marks)) if marks else 0,
        ends_sentence=ends_sentence(text),
        structure=row is not None or (bool(text) and cs.is_structure(text)),
    )


def is_stamp_line(line: Line) -> bool:
    """The header or footer of a post or comment: a time stamp with a few words (name, title, counts)
    around it, not a paragraph that merely starts with a time. Remembered on the line: several passes
    ask."""
    if line.stamp is None:
        line.stamp = _is_stamp(line)
    return line.stamp


# A post's or a teaser's age instead of its time, set apart from the name before it and closing a short
# line: `某某晚报·2 天前`, `张三 3小时前`. Glued to the words before it (`我们在五年前`) it is a clause's.
_AGO = re.compile(
    r"(?:^|(?<=[\s·•・|｜/]))(?:\d{1,3}|[一两二三四五六七八九十半]{1,3})\s*"
    r"(?:秒|分鐘|分钟|小時|小时|天|日|週|周|星期|個月|个月|年)前$"
)
AGO_WORDS = 30
AGO_NAME = 2  # characters of a source's or poster's name beside the age


def _is_stamp(line: Line) -> bool:
    if line.text[-1:] == "前" and not line.clause_punct and line.words <= AGO_WORDS:
        m = _AGO.search(line.text)
        if m is not None:
            # Who posted and how long ago: the header of a post or of a teaser in a feed names its source
            # beside the age. A bare age (`11 天前`) under a reply is too little to tell a header by.
            return line.words - word_count(m.group()) >= AGO_NAME
    if line.words > 70 or (":" not in line.text and "：" not in line.text):
        return False
    m = _STAMP.search(line.text)
    return m is not None and line.words - word_count(m.group()) <= 40


def is_comment_head(line: Line) -> bool:
    """The short heading or counter that opens a comment section."""
    return line.words <= 40 and not line.ends_sentence and bool(lx.COMMENT_HEAD.search(line.text))


def is_script(line: Line) -> bool:
    """JavaScript or CSS: code punctuation dense, ASCII heavy, with the grammar of code."""
    text = line.text
    if len(text) < 12:
        return False
    # Both tests below need more than 4 % code punctuation: prose fails here, before the grammar is searched.
    code = len(_CODE_CHARS.findall(text))
    if code / len(text) <= 0.04:
        return False
    hits = len(_SCRIPT_WORDS.findall(text))
    if hits == 0:
        return False
    ascii_share = sum(1 for ch in text if ch.isascii()) / len(text) if len(text) < 2000 else 1.0
    return (hits >= 2 and code / len(text) > 0.04 and ascii_share > 0.5) or (hits >= 1 and code / len(text) > 0.12)


def _repeated_token(text: str) -> bool:
    """Keyword stuffing: the same 2+ character CJK or Latin token three times in a short line."""
    tokens = _CJK_RUN.findall(text) + re.findall(r"[A-Za-z0-9]{2,}", text)
    if len(tokens) < 2:
        return False
    counts: Counter[str] = Counter()
    for tok in tokens:
        for size in (2, 3, 4):
            for i in range(0, max(0, len(tok) - size + 1)):
                counts[tok[i : i + size]] += 1
    return bool(counts) and counts.most_common(1)[0][1] >= 3


def is_spam(line: Line) -> bool:
    """Gambling promotion or SEO keyword stuffing. A word from the lexicon counts only on a short line
    with no clause punctuation that is not report structure: a sentence or a numbered heading that
    mentions 博彩 is text about gambling, not an advertisement."""
    text = line.text
    if line.clause_punct == 0 and line.words <= 40 and not line.structure:
        hits = len(lx.SPAM.findall(text)) + len(lx.SPAM_BRAND.findall(text))
        if hits >= 2 or (hits == 1 and line.words <= 12):
            return True
    if line.clause_punct == 0 and 4 <= line.words <= 40 and _has_seo_sep(text):
        parts = [p for p in _SEO_SEP.split(text) if p]
        if len(parts) >= 3 and _repeated_token(text):
            return True
    return False


LURE_WORDS = 40  # a lure is one short line; a paragraph that gives an account among its sentences is text


def is_contact_lure(line: Line) -> bool:
    """An advertisement slipped between paragraphs: a short line that gives a messaging-app account (an
    invitation to add it and an account id) and urges or promises in the same breath (名额有限, 领取…).
    Neither alone is evidence: a notice may give an office's account for questions, and a sentence may
    tell of a subsidy to claim. Never report structure (a contact field, 联系方式：…).

    The account and the offer must be the line's own words: inside quotation marks they are cited, and a
    line that says who speaks or who was swindled (警方提醒：, 据民警介绍, 骗子, 受害人) is a report about a
    lure, as news on scams prints them. A lure is one pitch, not a paragraph: no full stop inside it."""
    text = line.text
    if line.words > LURE_WORDS or line.structure or lx.LURE.search(text) is None:
        return False
    if lx.CONTACT_HANDLE.search(text) is None:
        return False
    own = lx.QUOTED.sub("", text) if any(q in text for q in '“「『"') else text
    if own is not text and (lx.LURE.search(own) is None or lx.CONTACT_HANDLE.search(own) is None):
        return False
    return "。" not in own.rstrip("。！!？?…") and lx.REPORTED.search(own) is None


def is_banner(line: Line) -> bool:
    """The wording of a wiki maintenance notice about the article itself."""
    return bool(lx.WIKI_BANNER.match(line.text))


def is_ad_label(line: Line) -> bool:
    """`广告`, `【推广】`: the label of an advertisement box printed on its own line."""
    return line.words <= 13 and bool(lx.AD_LABEL.match(line.text))


def _has_seo_sep(text: str) -> bool:
    """Whether `_SEO_SEP` can split the line at all: without a separator it is one part."""
    return "_" in text or "|" in text or "｜" in text


def is_seo_links(line: Line) -> bool:
    """`罗勇泰国_罗勇府_罗勇`: search-engine bait, keywords joined by _ around one repeated stem."""
    if line.clause_punct or line.words > 40 or not _has_seo_sep(line.text):
        return False
    parts = [p for p in _SEO_SEP.split(line.text) if p]
    if len(parts) < 3:
        return False
    stem = Counter(p[:2] for p in parts).most_common(1)[0][1]
    return stem >= 3 or _repeated_token(line.text)


def is_site_list(line: Line) -> bool:
    """Lists of sites or sections joined by `|`: short items, no sentence."""
    if "|" not in line.text and "｜" not in line.text:
        return False
    parts = [p for p in _LIST_SEP.split(line.text) if p]
    if len(parts) < 3:
        return False
    return max(len(p) for p in parts) <= 16 and not line.ends_sentence


_CRUMB_SEP_CHAR = re.compile(r"[>»›→＞\\]")  # every separator BREADCRUMB_SEP splits at holds one


def is_breadcrumb(line: Line) -> bool:
    text = line.text
    if lx.BREADCRUMB_LEAD.match(text):  # the pattern is anchored at the start
        return True
    if len(text) > 120 or line.ends_sentence or not _CRUMB_SEP_CHAR.search(text):
        return False
    parts = [p for p in lx.BREADCRUMB_SEP.split(text) if p]
    if len(parts) >= 3:
        return sum(len(p) for p in parts[:-1]) / (len(parts) - 1) <= 12
    return False


def is_menu(line: Line) -> bool:
    """A tool or menu item on its own line, or a row of space-separated items of which at least two are
    whole menu items (or one, when every item is as short as a menu entry and nothing is punctuated)."""
    text = line.text
    if line.words <= 12 and lx.NAV_ITEM_LINE.match(text):
        return True
    if line.structure and not line.link_chars:
        return False
    if (line.clause_punct == 0 or line.words < 60) and text.count(" ") >= 2:
        parts = text.split(" ")
        if len(parts) >= 3:
            navs = sum(1 for p in parts if lx.NAV_ITEM_LINE.match(p))
            if navs >= 2 or (navs >= 1 and line.clause_punct == 0 and max(len(p) for p in parts) <= 8):
                return True
    return False


# Where a footer label stands in a sentence: at the start of the line or of a clause. Inside a clause the
# same characters are words of the sentence (他就能分享到一份光荣 is not a share button).
_CLAUSE_START = re.compile(r"[，,、；;：:。！？!?…\s（(【\[|｜]$")


def is_boilerplate(line: Line) -> bool:
    text = line.text
    hits = list(lx.BOILERPLATE.finditer(text))
    if not hits:
        return False
    sentence = line.clause_punct >= 2 and line.words >= 20
    if sentence and not any(h.start() == 0 or _CLAUSE_START.search(text[: h.start()]) for h in hits):
        return False  # in a sentence the label must open a clause somewhere, not sit inside one
    # An article paragraph may quote 版权 or 编辑; footers are short or unpunctuated.
    return line.words <= 60 or line.clause_punct <= 1 or bool(_URL.search(text))


def is_image(line: Line) -> bool:
    return line.words <= 60 and bool(lx.IMAGE.match(line.text))  # both alternatives are anchored at the start


def context_free_reason(line: Line) -> str | None:
    """The reason to drop a line whatever surrounds it, or None."""
    if line.words == 0:
        if not line.text:
            return "blank"
        if len(line.text) <= 4 and CONTINUES.match(line.text):
            return None  # the end of a sentence wrapped onto its own line ("。”"): rejoined, not dropped
        # Punctuation-only residue ("|", "»", "...") carries nothing a reader wants.
        return "punctuation"
    if is_script(line):
        return "script"
    if is_spam(line) or is_ad_label(line) or is_contact_lure(line):
        return "spam"
    if is_seo_links(line):
        return "spam"
    if is_image(line):
        return "image"
    if is_breadcrumb(line):
        return "navigation"
    if is_menu(line):
        return "navigation"
    if is_boilerplate(line):
        return "boilerplate"
    if line.structure:
        return None
    if is_site_list(line):
        return "related-links"
    return None
