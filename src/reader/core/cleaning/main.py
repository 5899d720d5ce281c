"""The article's extent: the densest run of prose on a page and its further bodies.

Each line gets a value (net prose characters for punctuated lines, negative for short unpunctuated lines,
links, chrome containers and flagged noise); the maximum-sum run of lines is the article, plus further
runs that read as finished prose. Lines outside are navigation (before) or related links / boilerplate
(after). Report structure touching the run is grown into it (`edges`); a block of prose written a clause
a line counts at a discount (`spaced`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.core.cleaning import features as cf
from reader.core.cleaning.edges import extend_edges
from reader.core.cleaning.spaced import FIELD_LABEL, SPACED_WEIGHT, spaced_blocks

CHROME_REASONS = frozenset(("navigation", "spam", "script", "boilerplate", "related-links", "image"))


def has_chrome(lines: Sequence[cf.Line]) -> bool:
    """Whether the document shows any page furniture at all: a line with links or in a chrome container,
    or one the context-free detectors flagged (the author's Markdown structure is none of these, whatever
    a pass thought of it). Position at the page's edges is evidence only on a page:
    a text with no furniture (a report, a note, a saved article) loses nothing for where a line stands."""
    return any(
        (line.reason in CHROME_REASONS or line.link_chars or line.chrome) and not line.authored for line in lines
    )


def is_prose(line: cf.Line) -> bool:
    """A sentence or more of the writer's own words: punctuated inside and at the end."""
    return line.clause_punct >= 2 and line.ends_sentence and line.words >= 20


def _value(line: cf.Line, trust_chrome: bool = True) -> float:
    """How much a line argues for being inside the article: long punctuated prose is positive,
    short unpunctuated items, links and flagged noise negative. A `spaced` line is a clause of a block
    written with spaces and line breaks for punctuation (`spaced_blocks`): prose at a discount."""
    words = line.words
    if line.reason == "spam" or (line.reason == "boilerplate" and line.player_inner):
        # An advertisement or a lure slipped between paragraphs is removed for what it is; it is no sign
        # that the article ends there, and costing it its length cut the lead above it off the body. A
        # media player's own text (点击播放) stands inside the article as a picture does.
        return SPAM_VALUE
    if line.reason is not None:
        return -min(words, 30) - 2.0
    own = words - line.link_chars
    punct = line.clause_punct
    if line.spaced and not line.ends_sentence:
        value = own * SPACED_WEIGHT
    elif punct and not line.ends_sentence and punct <= 3 and punct == len(FIELD_LABEL.findall(line.text)):
        # `发文机关：… 成文日期：…`, `主办单位：… 承办：…`: fields, whose only marks are the colons after
        # their labels, carry half the evidence of a sentence of the same length.
        value = own * FIELD_WEIGHT - SHORT_CLAUSE_PENALTY
    elif own >= 20 and punct >= 1:
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


SPAM_VALUE = -2.0  # a line already removed as spam: a run crosses it as it crosses a heading
STRUCTURE_VALUE = -1.0  # a heading, item or table row costs little: a run crosses it to the next paragraph
SHORT_CLAUSE_PENALTY = 4.0
FIELD_WEIGHT = 0.5
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
    return bool(finished) and 2 * len(finished) >= len(items) and not teaser_list(lines)


TEASER_PAIRS = 3  # headline-and-summary pairs that make a run a list of other articles ...
TEASER_SHARE = 0.8  # ... when they hold this share of its lines


def _headline(line: cf.Line) -> bool:
    """A linked line, or a short unpunctuated one that is not report structure. A heading of the
    markup whose link is a small part of it (a section title with its edit button) is the article's own
    section, not the linked headline of another page."""
    if line.link_density > 0.5:
        return True
    if line.heading:
        return False
    if line.reason is not None:
        return True
    return not line.clause_punct and 0 < line.words <= 30 and not line.structure


def teaser_list(lines: Sequence[cf.Line], feed: bool = False) -> bool:
    """A run made of headlines each followed by a sentence or two of summary is a list of other
    articles (相关阅读 with teasers), not a further body of this one: a body has paragraphs that follow
    paragraphs. A feed's teaser may carry a kicker above its linked headline (the source and the time,
    `某某财经·8 小时前`) and a cut summary below it that ends without a mark: headline, kicker and summary
    are one teaser. Lines in a chrome container (an advertisement's menu between teasers) are not
    counted. Judged on a further run, or on the densest run when another run reads as a body. With
    `feed`, only teasers with a kicker count: an encyclopedia's sections (a heading with its edit link,
    a paragraph) have the shape of headline and summary, but no kicker above the heading."""
    items = [
        line
        for line in lines
        if line.words and line.reason in (None, "navigation", "related-links") and not line.chrome
    ]
    teasers = covered = 0
    for i in range(len(items) - 1):
        head, summary = items[i], items[i + 1]
        if not _headline(head) or summary.reason is not None or not summary.clause_punct:
            continue
        kicker = i > 0 and head.link_density > 0.5 and _kicker(items[i - 1])
        if kicker or (summary.ends_sentence and not feed):
            teasers += 1
            covered += 3 if kicker else 2
    return teasers >= TEASER_PAIRS and covered >= TEASER_SHARE * len(items)


KICKER_WORDS = 20


def _kicker(line: cf.Line) -> bool:
    """A short line with no clause mark right above a linked headline: its source and time, or its
    writer's name, linked to the writer's page (a columnist's name over each teaser)."""
    if line.clause_punct or not 0 < line.words <= KICKER_WORDS:
        return False
    return (line.reason is None and not line.link_chars) or (line.reason == "navigation" and line.link_density > 0.5)


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


WALL_LINES = 3  # consecutive lines of flagged furniture that no run of the article crosses
WALL = -1e6


def _walled(values: list[float], lines: Sequence[cf.Line], menu: Sequence[bool]) -> list[float]:
    """A block of furniture (a share bar, previous/next links and a list heading in a row) separates
    what stands before it from what stands after: however much prose lies beyond it (teasers of other
    articles, readers' comments), the densest run does not reach across. What lies beyond is then
    judged as a further run, which must read as a body of its own."""
    out = list(values)
    start = 0
    for i, flagged in enumerate(
        [line.reason in CHROME_REASONS or m for line, m in zip(lines, menu, strict=True)] + [False]
    ):
        if flagged:
            continue
        if i - start >= WALL_LINES:
            out[start:i] = [WALL] * (i - start)
        start = i + 1
    return out


MENU_ITEM_WORDS = 4


def _menu_item(line: cf.Line) -> bool:
    """A word or two on a line of its own with no mark and no structure (相簿, 留言, 名片): an item of a
    menu. Three in a row (`_menus`) are a wall like three flagged lines: a bar of tabs between a list of
    headlines and the post, which the densest run should not cross however strong what lies beyond it is.
    A heading of the markup (h1-h6) is no tab: section titles in a row (an outline whose sections hold
    pictures, or nothing the page kept) stand inside the article, not between it and the page."""
    return (
        line.reason is None
        and 0 < line.words <= MENU_ITEM_WORDS
        and not line.clause_punct
        and not line.structure
        and not line.authored
        and not line.heading
    )


def _menus(lines: Sequence[cf.Line]) -> list[bool]:
    """Lines inside a run of WALL_LINES or more menu items in a row. Two short lines together are as
    often a name over a fragment (a post's author, a caption) as a menu: it takes three."""
    items = [_menu_item(line) for line in lines]
    out = [False] * len(lines)
    start = 0
    for i, item in enumerate([*items, False]):
        if item:
            continue
        if i - start >= WALL_LINES:
            out[start:i] = [True] * (i - start)
        start = i + 1
    return out


def _further_runs(
    lines: Sequence[cf.Line], values: Sequence[float], walled: Sequence[float], span: tuple[float, int, int]
) -> list[tuple[int, int]]:
    """The main run `span` (score, lo, hi) and the further bodies: a forum thread or a two-part page has
    more than one. A further run counts when it reads as finished prose and is strong beside the main
    run, or when only a wall of furniture kept it apart: the densest run would have reached it across
    the lines between (a box of links set into the article)."""
    best, lo, hi = span
    keep = [(lo, hi)]
    todo = [(0, lo), (hi, len(values))]
    while todo:
        a, b = todo.pop()
        if b - a < 1:
            continue
        score, s_lo, s_hi = _best_run(walled, a, b)
        floor = max(SECONDARY_SHARE * best, SECONDARY_MIN)
        reachable = score >= SECONDARY_MIN and _reachable(values, keep, s_lo, s_hi, score)
        if reachable:
            floor = SECONDARY_MIN
        if score < floor:
            continue
        # Out of the article's reach a further body needs two sentences or more: one sentence far below
        # the article (a site's licence or notice under its menus) is the page's, not the writer's.
        if (_finished_prose if reachable else _body)(lines[s_lo:s_hi]):
            keep.append((s_lo, s_hi))
        todo += [(a, s_lo), (s_hi, b)]
    return keep


def _reachable(values: Sequence[float], keep: Sequence[tuple[int, int]], lo: int, hi: int, score: float) -> bool:
    """Whether run [lo, hi) would have joined a kept run if no wall stood between: its score outweighs
    the lines between."""
    for k_lo, k_hi in keep:
        gap = values[hi:k_lo] if hi <= k_lo else values[k_hi:lo]
        if score + sum(gap) > 0:
            return True
    return False


TEASER_TRIES = 3
BODY_SENTENCES = 2  # lines of finished prose a run needs to take the article's place from a teaser list


def _body(lines: Sequence[cf.Line]) -> bool:
    """A run that can be the article: finished prose, at least BODY_SENTENCES lines of it."""
    sentences = sum(1 for line in lines if line.reason is None and line.ends_sentence and line.clause_punct >= 2)
    return sentences >= BODY_SENTENCES and _finished_prose(lines)


PARAGRAPH_SENTENCES = 2
_SENTENCE_MARKS = re.compile(r"[。！？!?]+")


def _paragraph(lines: Sequence[cf.Line]) -> bool:
    """A one-paragraph article: a run whose finished prose holds two sentences or more, though in one line."""
    prose = [line for line in lines if line.reason is None and is_prose(line)]
    ends = sum(len(_SENTENCE_MARKS.findall(line.text)) for line in prose)
    return ends >= PARAGRAPH_SENTENCES and _finished_prose(lines)


def _past_teasers(
    lines: Sequence[cf.Line], walled: list[float], span: tuple[float, int, int]
) -> tuple[float, int, int]:
    """When the densest run is a list of teasers (headlines with summaries) and the page has another run
    that reads as a body, the article is that other run: the teasers are walled off, and `walled` is changed so
    that no further run takes them back. When the run opens with a body and its first line of furniture
    (其他人也在看 in a chrome box) starts the teasers, the article is that opening part: a short article
    above an endless feed makes one run with it. A one-paragraph article counts as a body when its
    paragraph holds two sentences or more."""
    for _ in range(TEASER_TRIES):
        _, lo, hi = span
        headlines = _unfinished(lines[lo:hi])
        if not (headlines or teaser_list(lines[lo:hi])):
            break
        cut = next((k for k in range(lo, hi) if lines[k].chrome), hi)
        if lo < cut < hi and _article_like(lines[lo:cut]) and teaser_list(lines[cut:hi], feed=True):
            walled[cut:hi] = [WALL] * (hi - cut)
            return sum(walled[lo:cut]), lo, cut
        trial = list(walled)
        trial[lo:hi] = [WALL] * (hi - lo)
        other = _best_run(trial, 0, len(trial))
        found = lines[other[1] : other[2]]
        paragraph = _paragraph(found) and (headlines or teaser_list(lines[lo:hi], feed=True))
        if other[0] <= 0 or not (_body(found) or paragraph):
            break
        walled[:] = trial
        span = other
    return span


HEADLINE_LINES = 3


def _unfinished(lines: Sequence[cf.Line]) -> bool:
    """A run of HEADLINE_LINES or more lines none of which is a finished sentence with a clause mark
    inside: headlines (with a colon or a comma, `赛事调整：游泳减少5场，篮球增加15场`, or asking in one
    clause, `透露什么信号 对市民有何影响？`), not an article, whose paragraphs are sentences that end."""
    items = [line for line in lines if line.reason is None and line.words]
    return len(items) >= HEADLINE_LINES and not any(line.ends_sentence and line.clause_punct >= 2 for line in items)


def _article_like(lines: Sequence[cf.Line]) -> bool:
    """A body of two finished lines or more, or one paragraph of two sentences or more."""
    return _body(lines) or _paragraph(lines)


def _furniture(line: cf.Line) -> bool:
    """Evidence of page furniture on the line itself: a flagged reason, links or a chrome container."""
    return line.reason in CHROME_REASONS or bool(line.link_chars) or line.chrome


def _between_bodies(lines: Sequence[cf.Line], inside: list[bool], first: int, last: int, box: int | None) -> None:
    """Between two bodies of the article, a paragraph of the writer's prose with no link or chrome
    evidence is article too (a lead paragraph between an infobox and the sections), however short it
    is beside the densest run. When the markup names the element that holds the article's paragraphs
    (`box`) and a gap between two bodies lies wholly inside it, out of any chrome container, the short
    lines of the gap are the writer's too: section titles, a story's name, a table of contents, a note
    in brackets. Lines with links stay out, and so does a short line right above them (the heading of
    a list of links, 目录 over a wiki's contents). A gap that leaves the article's element (a sidebar, a
    second copy of the page) stays judged line by line."""
    i = first
    while i < last:
        if inside[i]:
            i += 1
            continue
        end = i
        while end < last and not inside[end]:
            end += 1
        gap = lines[i:end]
        in_box = box is not None and all(box in line.boxes and not line.chrome for line in gap)
        for k, line in enumerate(gap, start=i):
            if line.reason is not None or _furniture(line):
                continue
            if in_box and not line.clause_punct and k + 1 < end and _furniture(lines[k + 1]):
                continue
            inside[k] = is_prose(line) or in_box
        i = end


def _grow_in_box(lines: Sequence[cf.Line], inside: list[bool], first: int, box: int, menu: Sequence[bool]) -> int:
    """Lines right above the article inside the element that holds its paragraphs (`box`), with no
    link, chrome container, flag or place in a menu wall, are the writer's too: the short lines that
    open a post (a label over an error message, the name of a file, a line of code) above its one long
    paragraph. Growth stops at the first line that leaves the element or shows furniture, and goes up
    only as far as the topmost finished sentence: a toolbar or label over the post (只看该作者) is
    not written. Below the article the element holds the post's footer (its author card, its buttons,
    a question to the reader), so nothing grows down."""
    top = first
    while top > 0 and lines[top - 1].reason is None and box in lines[top - 1].boxes:
        if _furniture(lines[top - 1]) or menu[top - 1]:
            break
        top -= 1
    top = next((i for i in range(top, first) if _sentence(lines[i]) or _lead(lines[i])), first)
    for i in range(top, first):
        inside[i] = True
    return top


def _grow_down_from_lead(
    lines: Sequence[cf.Line], inside: list[bool], last: int, box: int, menu: Sequence[bool]
) -> int:
    """A run that ends on a lead (`_lead`: 会议明确以下重点任务：) ends where its items begin: short unlinked
    lines, each no sentence, in the element that holds the article (新建幼儿园12所, 改造老旧小区80个). They
    are what the lead announces, and the sentence right under them (会议要求，…。) goes on with the
    article. Growth stops at the first line that leaves the element, shows furniture or stands in a menu;
    without a sentence under them the items end the element and are kept alone."""
    kept = [i for i in range(last) if inside[i]]
    if not kept or not _lead(lines[kept[-1]]) or kept[-1] != last - 1:
        return last
    end = last
    while end < len(lines):
        line = lines[end]
        if line.reason is not None or box not in line.boxes or _furniture(line) or menu[end]:
            break
        if _sentence(line):
            end += 1  # the sentence that closes the items goes on with the article
            break
        if line.words > LEAD_ITEM_WORDS:
            break
        end += 1
    if end == last:
        return last
    for i in range(last, end):
        inside[i] = True
    return end


LEAD_WORDS = 12
LEAD_ITEM_WORDS = 30  # the longest item a lead's list holds under it


def _lead(line: cf.Line) -> bool:
    """A sentence that announces what follows and ends on a colon (近日，市政府印发…，明确以下工作：): the
    writer's lead over the items under it, inside the element that holds the article. A label over a
    toolbar (只看该作者：) has no clause inside and too few words."""
    return line.words >= LEAD_WORDS and line.clause_punct >= 2 and line.text.endswith(("：", ":"))


def _grow_up_plain(lines: Sequence[cf.Line], inside: list[bool], first: int, menu: Sequence[bool]) -> int:
    """Plain text has no element to hold a post, but the lines right above the article that no detector
    flagged are as much the post's as in `_grow_in_box`: a question's opening sentence over its file
    names and error lines. Growth stops at the first flagged line (the title, a byline, a menu), at a
    word or two alone on a line (a button or a name: an author card's `关注`), and reaches up only as far
    as the topmost statement or lead (`_lead`, a sentence ending on a colon over the items it announces):
    a question standing above is a headline of a list, not the post's words."""
    top = first
    while top > 0 and lines[top - 1].reason is None and not menu[top - 1] and not _menu_item(lines[top - 1]):
        top -= 1
    top = next((i for i in range(top, first) if _statement(lines[i]) or _lead(lines[i])), first)
    for i in range(top, first):
        inside[i] = True
    return top


def _statement(line: cf.Line) -> bool:
    return _sentence(line) and not line.text.rstrip("”’」』）)\"'").endswith(("？", "?"))


def _sentence(line: cf.Line) -> bool:
    return line.ends_sentence and line.clause_punct >= 1


def select_main(lines: list[cf.Line]) -> None:
    """Keep the densest run of prose (and any other run nearly as strong); what lies outside is
    chrome before the article or related material after it."""
    if not lines:
        return
    for line, spaced in zip(lines, spaced_blocks(lines), strict=True):
        line.spaced = spaced
    values = [_value(line) for line in lines]
    menu = _menus(lines)
    walled = _walled(values, lines, menu)
    best, lo, hi = _best_run(walled, 0, len(values))
    if best <= 0:
        # Some sites wrap the whole page, article included, in a "side" or "header" box.
        values = [_value(line, trust_chrome=False) for line in lines]
        walled = _walled(values, lines, menu)
        best, lo, hi = _best_run(walled, 0, len(values))
    if best <= 0:
        return  # no prose at all: leave the decision to the per-line rules
    best, lo, hi = _past_teasers(lines, walled, (best, lo, hi))
    keep = _further_runs(lines, values, walled, (best, lo, hi))
    inside = [False] * len(lines)
    for s_lo, s_hi in keep:
        for i in range(s_lo, s_hi):
            inside[i] = True
    box = _article_box(lines[lo:hi])
    if box is not None:
        for i, line in enumerate(lines):
            if not inside[i] and line.reason is None and box in line.boxes and not line.chrome_inner:
                inside[i] = line.link_density <= BOX_LINK_DENSITY and line.tag in BOX_TAGS and not menu[i]
    first, last = min(k[0] for k in keep), max(k[1] for k in keep)
    _between_bodies(lines, inside, first, last, box)
    if box is not None:
        first = _grow_in_box(lines, inside, first, box, menu)
        last = _grow_down_from_lead(lines, inside, last, box, menu)
    elif not any(line.tag for line in lines):
        first = _grow_up_plain(lines, inside, first, menu)
    first, last = extend_edges(lines, inside, first, last)
    for i, line in enumerate(lines):
        if inside[i] or line.reason is not None:
            continue
        if i < first:
            line.reason = "navigation"
        elif i >= last:
            line.reason = "related-links" if line.words <= 60 else "boilerplate"
        else:
            line.reason = "related-links" if line.link_chars else "boilerplate"
