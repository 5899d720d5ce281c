"""Passes of the line cleaner that judge a line by its neighbours or by the page around it, before or
after the article's extent is chosen: drawings and banners, tables, injected words, reply threads,
repeated paragraphs, headline lists at the end of the text.
"""

from __future__ import annotations

import itertools
import re
import statistics

from reader.core.cleaning import features as cf
from reader.core.cleaning import lexicons as lx
from reader.core.cleaning import metadata as md
from reader.core.cleaning import structure as cs

_BOX = re.compile(r"[\u2500-\u257f]")
_ARROW_LINE = re.compile(r"^[\u2190-\u21ff\u2500-\u257f\s\-_=|+]+$")
# Written punctuation that stands for words: a quoted silence (“……”), a blank to fill in (______。).
_SPOKEN = re.compile(r"^(?:[“「『\"][…。.\-—]+[”」』\"][。！？!?]?|_{4,}[。．.！？]?)$")


def keep_drawings(lines: list[cf.Line]) -> None:
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


def mark_banners(lines: list[cf.Line]) -> None:
    """Wiki maintenance banners (此条目需要补充更多来源。) stand above the article: the wording alone would not
    be evidence, the wording in the first lines, before the text begins, is."""
    for line in lines[:BANNER_ZONE]:
        if line.reason is None and line.words <= 120 and cf.is_banner(line):
            line.reason = "boilerplate"


def link_list(line: cf.Line) -> bool:
    """Mostly-link blocks are menus and headline lists; a linked word inside a paragraph is not."""
    density = line.link_density
    return (density > 0.5 and (line.words < 80 or not line.ends_sentence)) or (density > 0.3 and line.words < 12)


TABLE_MIN_CELLS = 3


def mark_tables(lines: list[cf.Line]) -> None:
    """Rows of a table dumped as text: two or more adjacent unpunctuated lines split by spaces into the
    same number (3+) of cells. A menu row is already flagged by then and breaks the table. Tables
    rendered one cell a line are found by their shape too: a column of numbers or dates every k lines
    (`_cell_table`), labels alternating with values (`_field_table`, an infobox or a fact sheet)."""
    cells = [
        len(line.text.split(" ")) if line.reason is None and not line.clause_punct and not line.link_chars else 0
        for line in lines
    ]
    for i, n in enumerate(cells):
        if n >= TABLE_MIN_CELLS and ((i > 0 and cells[i - 1] == n) or (i + 1 < len(cells) and cells[i + 1] == n)):
            lines[i].structure = True
    _mark_blocks(lines)
    _mark_field_lines(lines)


_FIELD_LINE = re.compile(r"^([^\s\d：:，,。；;]{2,6})\s*[：:]\s*\S")


def _mark_field_lines(lines: list[cf.Line]) -> None:
    """A table of fields rendered a field a line (`索引号：…`, `发布机构：…`, `成文日期：…`): FIELD_PAIRS or
    more adjacent unlinked lines, each one short label (no digit) and its value, no label twice, none
    a sentence. A notice's information table, a fact sheet: report structure, kept where it touches the
    text. The fields that carry a date or a source are still read as metadata."""
    run: list[cf.Line] = []
    labels: set[str] = set()
    for line in [*lines, None]:
        colon = line is not None and ("：" in line.text or ":" in line.text)
        m = _FIELD_LINE.match(line.text) if line is not None and colon else None
        ok = (
            line is not None
            and m is not None
            and m.group(1) not in labels
            and line.reason is None
            and not line.link_chars
            and not line.ends_sentence
            and line.words <= FIELD_LINE_WORDS
        )
        if ok and line is not None and m is not None:
            run.append(line)
            labels.add(m.group(1))
            continue
        if len(run) >= FIELD_PAIRS:
            for field in run:
                field.structure = True
        run, labels = [], set()
        if line is not None and m is not None and line.reason is None and not line.link_chars:
            run, labels = [line], {m.group(1)}


FIELD_LINE_WORDS = 40


_NUMBER_CELL = re.compile(r"^(?=.*\d)[\d.,:/\-–~年月日号號%％]+$")
CELL_COLUMNS = range(2, 7)  # periods tried; a table needs three columns or more (two is a ranked list)
CELL_ROWS = 3  # rows, besides a header row, that show the table's shape
CELL_MAX_WORDS = 30


def _cell(line: cf.Line) -> bool:
    return line.reason is None and not line.link_chars and not line.ends_sentence and 0 < line.words <= CELL_MAX_WORDS


def _mark_blocks(lines: list[cf.Line]) -> None:
    """Mark as report structure the part of each block of cells (short unlinked unflagged lines) that
    is a table rendered one cell a line (`_cell_table`: a column of numbers; `_field_table`: labels
    and values). Blocks too short to hold either are passed over."""
    cells = [_cell(line) for line in lines]
    shortest = min(CELL_ROWS * min(CELL_COLUMNS), 2 * FIELD_PAIRS)
    i = 0
    while i < len(lines):
        if not cells[i]:
            i += 1
            continue
        j = i
        while j < len(lines) and cells[j]:
            j += 1
        if j - i >= shortest:
            for span in (_cell_table(lines, i, j), _field_table(lines, i, j)):
                if span is not None:
                    for line in lines[span[0] : span[1]]:
                        line.structure = True
        i = j


def _cell_table(lines: list[cf.Line], lo: int, hi: int) -> tuple[int, int] | None:
    """The part of block [lo, hi) that is a table rendered one cell a line, or None: the fewest columns
    that frame it, the framing whose rows run longest, and the row of column names above it."""
    numeric = [bool(_NUMBER_CELL.match(line.text)) for line in lines[lo:hi]]
    firsts = [i for i, n in enumerate(numeric) if n][: max(CELL_COLUMNS) + 1]
    for k in CELL_COLUMNS:
        best: tuple[int, int] | None = None  # (rows, first row's start)
        for col in range(k):
            for first in firsts:
                start = first - col
                if start < 0:
                    continue
                rows = 0
                while start + (rows + 1) * k <= len(numeric) and numeric[start + rows * k + col]:
                    rows += 1
                if rows >= CELL_ROWS and (best is None or rows > best[0]):
                    best = (rows, start)
        if best is not None:
            if k < 3:
                return None  # numbers every other line: a ranked or numbered list, not a table
            rows, start = best
            if start >= k and not any(numeric[start - k : start]):
                start -= k  # the row of column names
                rows += 1
            return lo + start, lo + start + rows * k
    return None


FIELD_PAIRS = 4  # label-and-value pairs that make a block a table of fields (an infobox, a fact sheet)
FIELD_LABEL_CHARS = 6
MENU_WORD_CHARS = 4  # a menu item or a short name
FIELD_VALUE_CHARS = 16  # longer, a line is a headline or a sentence, not a field's value
_DIGIT = re.compile(r"\d")


def _label(line: cf.Line) -> bool:
    return len(line.text) <= FIELD_LABEL_CHARS and " " not in line.text and not _DIGIT.search(line.text)


def _plain_word(text: str) -> bool:
    return len(text) <= MENU_WORD_CHARS and not _DIGIT.search(text)


def _field_table(lines: list[cf.Line], lo: int, hi: int) -> tuple[int, int] | None:
    """A table of fields rendered one cell a line: label, value, label, value ..., the labels short
    names without digits and all different, the values short too (a headline is no field's value),
    at least half of them a number or a date or longer than a label. Pairs of two short words at its
    start are the end of a menu, not fields (a menu alternates short names only; a ranked list starts
    each pair with a number). The longest such run of pairs in block [lo, hi), if it has FIELD_PAIRS."""
    best: tuple[int, int] | None = None
    for i in range(lo, hi - 1):
        j, labels, rich = i, set(), 0
        while j + 1 < hi and _label(lines[j]) and lines[j].text not in labels:
            value = lines[j + 1].text
            if len(value) > FIELD_VALUE_CHARS and not _DIGIT.search(value):
                break
            if j == i and _plain_word(lines[j].text) and _plain_word(value):
                break  # a run does not open on a menu's two words
            labels.add(lines[j].text)
            rich += bool(_DIGIT.search(value)) or len(value) > FIELD_LABEL_CHARS
            j += 2
        pairs = (j - i) // 2
        if pairs >= FIELD_PAIRS and 2 * rich >= pairs and (best is None or j - i > best[1] - best[0]):
            best = (i, j)
    return best


def mark_injections(lines: list[cf.Line]) -> None:
    """A short unpunctuated line that splits a sentence (the previous line is unfinished and the next
    opens with a comma) was injected into the text: no writer breaks a line before a comma."""
    for i in range(1, len(lines) - 1):
        line, prev, nxt = lines[i], lines[i - 1], lines[i + 1]
        if line.reason is not None or line.clause_punct or line.words > 8 or line.authored:
            continue
        if cf.CONTINUES.match(nxt.text) and not prev.ends_sentence and prev.reason is None:
            line.reason = "spam"


REPLY_STAMPS = 3  # time-stamped lines after the start of the text that make a page a thread of posts
REPLY_AFTER = 50  # characters of prose that must come before the first of them


_ASKS = ("？", "?")


def is_question(lines: list[cf.Line], title: str | None) -> bool:
    """A page whose title asks a question (a question-and-answer page, a help thread): its stamped
    posts are the answers it exists for, not replies to an article. A plain text dump has no page
    head and its title is a guess, so a short question before any paragraph and any post stamp
    counts as well. Run before the article is selected: only the context-free flags count here."""
    if title and title.rstrip().endswith(_ASKS):
        return True
    for line in lines[:HEAD_LINES]:
        if cf.is_stamp_line(line) or (line.reason is None and line.clause_punct >= 2 and line.words >= 20):
            return False
        if line.reason is None and 2 <= line.words <= 40 and not line.link_chars and line.text.endswith(_ASKS):
            return line.clause_punct <= 2
    return False


HEAD_LINES = 30  # lines searched for the page's question


def cut_replies(lines: list[cf.Line], question: bool = False) -> None:
    """A blog page listing several posts, or an article followed by comments, repeats a time-stamped
    header or footer line per post. Once the text has begun (REPLY_AFTER characters of kept prose), the
    first such line closes the article if at least REPLY_STAMPS of them follow: the rest are further
    posts and replies. A stamp above the first paragraph is the article's own date line. A comment
    section heading ("已有3条评论", "网友评论") after the start of the text closes it too. On a page
    whose title is a question and whose posts are answers (`_answers`), only a comment heading closes it."""
    stamps = [i for i, line in enumerate(lines) if cf.is_stamp_line(line) and not _stamped_headline(line)]
    question = question and _answers(lines, stamps)
    if _wall_of_posts(lines, stamps):
        return
    if (
        not question
        and _byline_then_posts(lines, stamps)
        # A comment section with its heading (`已有8条评论`) is closed at the heading, further down.
        and not any(cf.is_comment_head(line) for line in lines[stamps[0] + 1 :])
    ):
        for later in lines[stamps[1] :]:
            if later.reason is None:
                later.reason = "comments"
        return
    if not question and _first_post(lines, stamps):
        for later in lines[stamps[1] :]:
            if later.reason is None:
                later.reason = "comments"
        return
    prose, above, at = 0, 0, set(stamps)
    for i, line in enumerate(lines):
        if prose >= REPLY_AFTER and cf.is_comment_head(line):
            for later in lines[i + 1 :]:
                if later.reason is None:
                    later.reason = "comments"
            return
        if prose >= REPLY_AFTER and not question and i in at:
            # The first post's own header counts: it has the shape every reply's header repeats.
            if above + sum(1 for j in stamps if j >= i) >= REPLY_STAMPS:
                for later in lines[i:]:
                    if later.reason is None:
                        later.reason = "comments"
            return
        if i in at:
            above = 1
        if line.reason is None and line.clause_punct >= 1:
            prose += line.words


HEADLINE_LINK_CHARS = 8  # linked characters that make a stamped line a headline in a list


def _stamped_headline(line: cf.Line) -> bool:
    """A linked headline with its time (a rolling-news box, a list of latest posts) is an item of a
    list of other pages, not the header of a post on this one: a post header links a name at most."""
    return line.link_chars >= HEADLINE_LINK_CHARS


ANSWER_WORDS = 20  # characters of finished sentences in the typical post of a page of answers: a sentence


def _answers(lines: list[cf.Line], stamps: list[int]) -> bool:
    """Whether the posts of a question-titled page are answers: the page counts them over their list
    (`5个回答`, a short line of its own) and the typical post (the median of those after the first
    stamp) holds ANSWER_WORDS characters of finished sentences. Readers' comments under a news story
    that asks in its headline are a remark or a sentence each; a blog's front page whose latest post
    asks in its title has long posts but counts no answers."""
    if not any(line.words <= 12 and lx.ANSWER_HEAD.match(line.text) for line in lines):
        return False
    posts = [
        sum(line.words for line in lines[a + 1 : b] if line.clause_punct and line.ends_sentence)
        for a, b in itertools.pairwise([*stamps, len(lines)])
    ][1:]
    return bool(posts) and statistics.median(posts) >= ANSWER_WORDS


WALL_POSTS = 5  # stamped posts that can make a page of posts with no article above them
SHORT_POST = 150  # characters of the typical post on such a page: a remark, a short review


def _wall_of_posts(lines: list[cf.Line], stamps: list[int]) -> bool:
    """A page that is a list of short posts and nothing else (a wall of short reviews, a guestbook, a
    thread of remarks): no prose above the first post header, and a first post no longer than twice the
    typical one, which is short. There the first post is one entry among equals, not an article the
    others answer: cutting at the second header would leave a reader one remark of the page. A thread
    opened by a longer post, or an article with its comments (its date line is the first header, its
    paragraphs the first post), keeps being cut."""
    # Headers of the page's own posts (kept, or read as a date), not stamped items of its menus.
    stamps = [i for i in stamps if lines[i].reason in (None, "metadata")]
    if len(stamps) < WALL_POSTS:
        return False
    above = sum(line.words for line in lines[: stamps[0]] if line.reason is None and line.clause_punct)
    if above >= REPLY_AFTER:
        return False
    if _byline_then_posts(lines, stamps):
        return False
    posts = [
        sum(line.words for line in lines[a + 1 : b] if line.reason is None)
        for a, b in itertools.pairwise([*stamps, len(lines)])
    ]
    typical = statistics.median(posts[1:])
    return 0 < typical <= SHORT_POST and posts[0] <= min(SHORT_POST, 2 * typical)


def _byline_then_posts(lines: list[cf.Line], stamps: list[int]) -> bool:
    """The first stamped line names a source or an author (`2024-03-02 10:00 来源：晚报`) and none of the
    REPLY_STAMPS or more after it does: the first is the article's byline, the others head the comments
    under the article, however short it is."""
    return (
        len(stamps) > REPLY_STAMPS and _labelled(lines[stamps[0]]) and not any(_labelled(lines[i]) for i in stamps[1:])
    )


def _labelled(line: cf.Line) -> bool:
    return ("：" in line.text or ":" in line.text) and any(
        kind in ("source", "author") for kind, _ in md.labelled_fields(line.text)
    )


def _first_post(lines: list[cf.Line], stamps: list[int]) -> bool:
    """A thread (REPLY_STAMPS or more post headers) whose densest run of prose fell in a reply (post
    headers above and below it): the first post is the page's article, however short beside a long
    reply. Its sentences between the first and second headers, set aside only for where they stood (no
    link, no chrome, no detector's flag), are given back (True); the replies then go with the rest of
    the thread."""
    if len(stamps) < REPLY_STAMPS:
        return False
    first, second = stamps[0], stamps[1]
    if any(line.reason is None and line.clause_punct for line in lines[: second + 1]):
        return False  # the text already starts in the first post (or above the thread)
    kept = [i for i, line in enumerate(lines) if line.reason is None]
    if not kept or stamps[-1] < kept[-1]:
        return False  # no post header after the text: it is no reply (stamped headlines above an article)
    post = [
        line
        for line in lines[first + 1 : second]
        if line.reason == "navigation"
        and line.ends_sentence
        and line.clause_punct >= 1
        and not line.link_chars
        and not line.chrome
        and cf.context_free_reason(line) is None
    ]
    for line in post:
        line.reason = None
    return bool(post)


REPEAT_MIN = 30  # a paragraph this long seen twice is the page repeating itself, not the writer


def drop_repeats(lines: list[cf.Line]) -> None:
    """Pages that carry the article twice (a print or mobile copy, a teaser above the body) would
    otherwise read twice. A copy of the article repeats its lines in a row: a stretch of kept lines each
    seen before (headings, short items and paragraphs alike) that holds two or more long paragraphs
    (REPEAT_MIN) is a copy, and goes whole. One paragraph seen twice alone, among lines not seen before,
    is the writer's (a pull quote set again in the text, a caption under each of two photos, a code
    listing and its rendering)."""
    kept = [line for line in lines if line.reason is None]
    seen: set[str] = set()
    repeat = []
    for line in kept:
        repeat.append(line.text in seen)
        seen.add(line.text)
    start = 0
    for i in range(len(kept) + 1):
        if i < len(kept) and repeat[i]:
            continue
        stretch = kept[start:i]
        if sum(1 for line in stretch if line.words >= REPEAT_MIN) >= 2:
            for line in stretch:
                line.reason = "duplicate"
        start = i + 1


SIGN_DATE_TAIL = 3  # the closing date of a notice, and at most two short notes under it


def trim_list_edges(lines: list[cf.Line], furnished: bool = False) -> None:
    """Inside the article, a run of three or more short unpunctuated lines ending the text is a list
    of headlines, not the article's last words, unless they are clauses of a block written with spaces
    for punctuation (`Line.spaced`): there every line is short and unpunctuated. On a page with
    furniture a headline that only asks or exclaims counts too (`_listed`)."""
    kept = [line for line in lines if line.reason is None]
    if any(cs.is_sign_date(line.text) for line in kept[-SIGN_DATE_TAIL:]):
        # An office and a date close a notice, perhaps with a note under them (`（此件公开发布）`, a
        # copy-to line): the lines above them are its last words.
        return
    if cs.attachment_follows([line.text for line in kept]):
        return  # the short lines after an attachment note are the attachment
    run: list[cf.Line] = []
    for line in reversed(kept):
        if _listed(line, furnished) and line.words <= 30 and not (line.heading or line.structure or line.spaced):
            run.append(line)
        else:
            break
    if furnished:
        run = max(run, _headline_tail(kept), key=len)
    if len(run) >= 3:
        for line in run:
            line.reason = "related-links"


FEED_LINES = 5  # headlines in a row that close a furnished page's text: a feed of other articles
FEED_WORDS = 40
FEED_SHARE = 2  # at least one line in FEED_SHARE is a headline by the strict test


def _headline_tail(kept: list[cf.Line]) -> list[cf.Line]:
    """The run of headlines closing a furnished page's kept text when some of them have clause marks
    inside (`某地：某事，某人回应`): FEED_LINES or more short lines in a row, none a statement that ends
    with a full stop, at least half of them headlines by the strict test (`_listed`). The article's
    paragraphs end their statements; a feed's headlines announce, ask or exclaim."""
    run: list[cf.Line] = []
    for line in reversed(kept):
        if (
            line.words > FEED_WORDS
            or _STATEMENT.search(line.text[-4:])
            or line.heading
            or line.structure
            or line.spaced
        ):
            break
        run.append(line)
    listed = sum(1 for line in run if _listed(line, True))
    if len(run) < FEED_LINES or FEED_SHARE * listed < len(run):
        return []
    return run if _outside_the_writing(run, kept[: len(kept) - len(run)]) else []


def _outside_the_writing(run: list[cf.Line], above: list[cf.Line]) -> bool:
    """On a page whose markup is known, a closing run of short lines is a feed only on evidence beyond
    its shape: a link or a chrome container among its lines, or lines that leave the element holding
    the article's last paragraph. A writer's closing tips or notes, short and unpunctuated at the end,
    stand in the article's own element with no link. Plain text has no such evidence: shape decides."""
    if not any(line.tag for line in run):
        return True
    if any(line.link_chars or line.chrome for line in run):
        return True
    body = next((line for line in reversed(above) if line.clause_punct and line.words >= 20 and line.boxes), None)
    if body is None:
        return True
    box = body.boxes[-1]
    return not all(box in line.boxes for line in run)


_STATEMENT = re.compile(r"[。.；;][”’」』）)\"']*$")


_ASKED = ("？", "?", "！", "!")


def _listed(line: cf.Line, furnished: bool) -> bool:
    """A headline of a list: no clause mark, or, on a page that shows furniture (`furnished`), only the
    question or exclamation mark that ends it (`这位画家最著名的画有哪些？`): a headline asks or exclaims in
    one breath, a sentence of the text has its clauses. A text with no furniture may close on short
    questions of its own (思考题), and keeps them."""
    return line.clause_punct == 0 or (furnished and line.clause_punct == 1 and line.text.endswith(_ASKED))
