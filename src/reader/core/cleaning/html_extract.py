"""Render an HTML page as one line per text block, remembering what the markup said about each block.

The line cleaner works on plain lines; HTML only adds evidence a text dump has lost: how much of a
block is link text (menus, related-headline lists), whether an ancestor is called nav/footer/comment,
and which tag holds it (a heading, a list item). The rendering is also what the app shows as the
"original" of an HTML document, so it keeps every visible block, noise included: the cleaner, not the
renderer, decides what goes, and says why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser as _TokenParser

import lxml.etree
import lxml.html

from reader.core.text.numerals import roman


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Elements that start and end a visual block: text on either side of them is not one line.
BLOCK_TAGS = _words(
    "address article aside blockquote body br caption center dd details div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section "
    "summary table tbody td tfoot th thead tr ul title option select "
)
# Elements whose content a reader never sees as text.
SKIP_TAGS = _words("script style noscript template head iframe object embed svg math textarea button rt rp ")
HEADING_TAGS = _words("h1 h2 h3 h4 h5 h6 ")
# A ruby's annotation (注音, pinyin over the characters) and its fallback parentheses: drawn above the text or
# left out by a browser's copy-as-text and reader view, never read inline (關ㄍㄨㄢ懷 is no word).
_RUBY_TEXT = _words("rt rp ")

# Class/id words that mark page chrome; matched as whole tokens (split on non-letters) so that
# "navigation" or "footer-links" count but "canavas" does not.
_CHROME_WORDS = _words(
    "nav navbar navigation menu menus breadcrumb breadcrumbs crumb crumbs footer foot "
    "copyright header topbar toolbar sidebar side aside share sharing social related relate "
    "recommend recommended hot rank ranking comment comments reply replies login subscribe "
    "advert ads ad sitemap links friendlink tags pager pagination page_nav "
    "adsbygoogle adsense advertisement advertising sponsored "
)
# Chrome words that name an advertisement. `banner` is in neither list: CMSs name a strip of pictures so (a
# slide show, a photo story's frames inside the article) as often as an ad box, and as a chrome word its short
# lines broke the article's densest run, costing the paragraph beside the box (`ad-banner` is still an ad).
# `sponsor` is not one: a Chinese event page names its organisers' box so (主办单位, 承办单位).
_AD_WORDS = _words("advert ads ad adsbygoogle adsense advertisement advertising sponsored ")
# Class/id words of a media player: the text inside it is the player's (视频加载中，请稍候… 点击播放), shown
# until the video loads, not the writer's. Only words that name a player: `video` and `audio` also name the
# box of a video report, whose caption, 拍摄： and 主持人： lines are the writer's.
_PLAYER_WORDS = _words("player vjs jwplayer dplayer flowplayer videoplayer ")
_CONTENT_WORDS = _words(
    "content article post entry main text body story detail article_content post_content "
    "artibody news_content newscontent "
)
_TOKEN_SPLIT = re.compile(r"[^a-z]+")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_SPACES = re.compile(r"[\s\u00a0\u3000\u2000-\u200b\u202f\u205f\ufeff]+")


@dataclass
class Block:
    """One rendered line with the markup evidence about it."""

    text: str
    link_chars: int = 0
    tag: str = ""
    heading: bool = False
    chrome: bool = False  # an ancestor's class/id names page chrome
    content_hint: bool = False  # an ancestor's class/id names the article body
    chrome_inner: bool = False  # the nearest ancestor with a hint names chrome (comments inside a post box)
    ad_inner: bool = False  # ... and names an advertisement (`inline-ad`, `ad-box`)
    player_inner: bool = False  # ... and names a media player (`video-player`)
    path: tuple[int, ...] = field(default_factory=tuple)  # ids of enclosing block elements
    boxes: tuple[int, ...] = ()  # ids of the enclosing elements with a content hint, outermost first


def _class_tokens(el: lxml.etree._Element) -> set[str]:
    raw = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    return {t for t in _TOKEN_SPLIT.split(raw) if t} | {t for t in raw.split() if t}


def parse(html: str) -> lxml.etree._Element | None:
    """Parse leniently; None when the page has no tree lxml can give whole.

    lxml refuses a str that still carries an XML encoding declaration. Without `huge_tree`, libxml2
    stops at 256 levels of nesting and at text nodes over 10 MB (an inline script or data URI), and
    returns what it had: a page that "imports" with no text. With it the limits are 2048 levels and
    1 GB; a page past those is reported by a fatal error, and its partial tree is not trusted: the
    caller falls back to `flat_blocks`, which has no depth limit.
    """
    # NUL would come back as U+FFFD, a character the page never had.
    html = _XML_DECL.sub("", html.replace("\x00", ""), count=1)
    if not html.strip():
        return None
    # One parser per call: a parser's error log is its own, and workers may parse side by side.
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        root = lxml.html.document_fromstring(html, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None
    if any(error.level == lxml.etree.ErrorLevels.FATAL for error in parser.error_log):
        return None
    return root


def _collapse(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


_CELL_BREAK = "\x1f"  # between two cells of a row while it is being rendered; a tab in the block's text
CELL_TAGS = _words("td th ")
# What a data table's cell may hold besides inline text: paragraphs and breaks (a word processor's table
# puts each cell in a <p>). A cell holding any other block (a nested table, a list, a box) is a layout
# table's, whose cells are parts of the page and stay blocks of their own.
_CELL_BLOCKS = _words("p br span ")
ROW_CELL_CHARS = 200  # a cell longer than this is a column of the page's layout, not a table's value
TABLE_LINK_SHARE = 0.2  # more of a table's text in links than this: a menu or a headline grid
TABLE_EMPTY_SHARE = 0.25  # more empty cells than this: spacers of a layout grid


def _rows(table: lxml.etree._Element) -> list[list[lxml.etree._Element]]:
    """The cells of each row of `table` (not of tables nested in it)."""
    rows = []
    for group in [
        table,
        *(c for c in table if isinstance(c.tag, str) and c.tag.lower() in ("thead", "tbody", "tfoot")),
    ]:
        for tr in group:
            if isinstance(tr.tag, str) and tr.tag.lower() == "tr":
                rows.append([c for c in tr if isinstance(c.tag, str) and c.tag.lower() in CELL_TAGS])
    return rows


def _data_table(table: lxml.etree._Element) -> bool:
    """A table of data, whose rows read as lines of cells: two or more rows, most of two or more cells;
    no cell holding a block of the page (`_CELL_BLOCKS`) or a text as long as a column of the layout
    (`ROW_CELL_CHARS`); few empty cells (`TABLE_EMPTY_SHARE`) and little link text (`TABLE_LINK_SHARE`).
    Statistics, a schedule, units and their duties: the cells of a row are the values of one record.
    A page laid out in a table, a grid of menu links or headlines, is not one: its cells stay blocks."""
    rows = _rows(table)
    if len(rows) < 2 or 2 * sum(1 for r in rows if len(r) >= 2) < len(rows) + 1:
        return False
    cells = [cell for row in rows for cell in row]
    empty = chars = links = 0
    for cell in cells:
        for inner in cell.iterdescendants():
            tag = inner.tag.lower() if isinstance(inner.tag, str) else ""
            if tag in BLOCK_TAGS and tag not in _CELL_BLOCKS:
                return False
            if tag == "a":
                links += len(_collapse("".join(str(t) for t in inner.itertext())))
        text = _collapse("".join(str(t) for t in cell.itertext()))
        if len(text) > ROW_CELL_CHARS:
            return False
        chars += len(text)
        empty += not text
    return empty <= TABLE_EMPTY_SHARE * len(cells) and links <= TABLE_LINK_SHARE * chars


def _data_row(el: lxml.etree._Element) -> bool:
    """A row of two or more cells in a data table (`_data_table`)."""
    if sum(1 for c in el if isinstance(c.tag, str) and c.tag.lower() in CELL_TAGS) < 2:
        return False
    table = next((a for a in el.iterancestors() if isinstance(a.tag, str) and a.tag.lower() == "table"), None)
    return table is not None and _data_table(table)


def _start(el: lxml.etree._Element) -> int:
    try:
        return int((el.get("start") or "1").strip())
    except ValueError:
        return 1


_OWN_MARKS = frozenset("^↑[")
LIST_LINK_SHARE = 0.5  # an ordered list with more of its text in links is a menu or a pager: not numbered


def _numbered(el: lxml.etree._Element, tag: str) -> bool:
    """Whether a browser's numbers are part of what list `el` says: an <ol> of the writer's items, not a
    menu, a ranking of headlines or a pager built as one (mostly link text, `LIST_LINK_SHARE`), whose
    numbers would only dilute the evidence of its links."""
    if tag != "ol":
        return False
    chars = len(_collapse("".join(str(t) for t in el.itertext())))
    links = sum(len(_collapse("".join(str(t) for t in a.itertext()))) for a in el.iter("a"))
    return links <= LIST_LINK_SHARE * chars


def _item_number(li: lxml.etree._Element, state: list[str | int]) -> str:
    """The number an ordered list shows before item `li` (`3. `, `b. `, `iv. `), as a browser draws it:
    from the list's start= and type=, or the item's own value=; `state` holds the list's next number."""
    value = li.get("value")
    number = int(state[1])
    own = _collapse("".join(str(t) for t in li.itertext()))
    if not own or own[:1] in _OWN_MARKS or own.isdigit():
        # An empty item shows no number worth a line; an entry of references opens with its own mark (a
        # backlink ^, [3]) and a pager's item is its number: none is numbered again.
        state[1] = number + 1
        return ""
    if value and value.strip().lstrip("-").isdigit():
        number = int(value)
    state[1] = number + 1
    kind = str(state[0])
    if kind in ("a", "A") and 1 <= number <= 26:
        mark = chr(ord(kind) + number - 1)
    elif kind in ("i", "I") and 1 <= number < 4000:
        mark = roman(number) if kind == "I" else roman(number).lower()
    else:
        mark = str(number)
    return f"{mark}. "


class _Renderer:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.link_parts: int = 0
        self.link_depth = 0
        self.block_stack: list[tuple[int, str]] = [(0, "")]
        self.chrome_depth = 0
        self.boxes: list[int] = []  # ids of the open elements whose class/id names the article body
        self.heading_depth = 0
        self.hints: list[bool] = []  # class/id hints of the open ancestors, innermost last; True = chrome
        self.ads: list[bool] = []  # beside `hints`: True where the hint names an advertisement
        self.next_id = 1
        self.row_depth = 0  # inside a data table's row (`_data_row`): cells are parts of one line
        self.lists: list[list[str | int]] = []  # open ol/ul, innermost last: [kind, next number]
        self.number = ""  # the number of the ordered list's item just opened, until its first text
        self.players: list[bool] = []  # beside `hints`: True where the hint names a media player
        self._state: dict[int, tuple[bool, bool, bool, bool, bool, bool]] = {}

    def add(self, text: str | None) -> None:
        if not text:
            return
        if self.number and not text.isspace():
            # The item's number goes before its first words, also when they stand in a <p> inside the <li>.
            self.parts.append(self.number)
            self.number = ""
        self.parts.append(text)
        if self.link_depth:
            self.link_parts += sum(1 for ch in text if ch.isalnum())

    def flush(self) -> None:
        if not self.parts:
            return
        joined = "".join(self.parts)
        row = _CELL_BREAK in joined
        text = "\t".join(_collapse(cell) for cell in joined.split(_CELL_BREAK)) if row else _collapse(joined)
        link = self.link_parts
        self.parts = []
        self.link_parts = 0
        if not text.strip():
            return
        self.blocks.append(
            Block(
                text=text,
                link_chars=link,
                tag=self.block_stack[-1][1],
                heading=self.heading_depth > 0,
                chrome=self.chrome_depth > 0,
                content_hint=bool(self.boxes),
                boxes=tuple(self.boxes),
                chrome_inner=bool(self.hints) and self.hints[-1],
                ad_inner=bool(self.ads) and self.ads[-1],
                player_inner=bool(self.players) and self.players[-1],
                path=tuple(i for i, _ in self.block_stack),
            )
        )

    def render(self, root: lxml.etree._Element) -> list[Block]:
        # Iterative walk: real pages nest deeper than Python's recursion limit.
        stack: list[tuple[lxml.etree._Element, bool]] = [(root, False)]
        while stack:
            el, closing = stack.pop()
            tag = el.tag if isinstance(el.tag, str) else ""
            tag = tag.lower()
            if closing:
                self._close(el, tag)
                continue
            if not tag or tag in SKIP_TAGS:
                # Comments, processing instructions and invisible elements: only their tail shows.
                self.add(el.tail)
                continue
            self._open(el, tag)
            stack.append((el, True))
            stack.extend((child, False) for child in reversed(el))
        self.flush()
        return self.blocks

    def _open(self, el: lxml.etree._Element, tag: str) -> None:
        tokens = _class_tokens(el)
        chrome = bool(tokens & _CHROME_WORDS) or tag in ("nav", "footer", "aside")
        content = bool(tokens & _CONTENT_WORDS) or tag in ("article", "main")
        row = tag == "tr" and not self.row_depth and _data_row(el)
        player = not (chrome or content) and bool(tokens & _PLAYER_WORDS)
        el_state = (chrome, content, tag in HEADING_TAGS, tag == "a", row, player)
        self._state[id(el)] = el_state
        if self.row_depth and tag in BLOCK_TAGS:
            # Inside a data row: a cell starts the next field of the line, a paragraph or break a space.
            self.parts.append(_CELL_BREAK if tag in CELL_TAGS and self.parts else " ")
        elif tag in BLOCK_TAGS:
            self.flush()
            self.block_stack.append((self.next_id, tag))
            self.next_id += 1
        if row:
            self.row_depth += 1
        if tag in ("ol", "ul"):
            self.lists.append([(el.get("type") or "1").strip() if _numbered(el, tag) else "", _start(el)])
        elif tag == "li" and self.lists and self.lists[-1][0]:
            self.number = _item_number(el, self.lists[-1])  # shown before the item's first text
        if chrome:
            self.chrome_depth += 1
        if content:
            self.boxes.append(self.next_id)
            self.next_id += 1
        if chrome or content or player:
            self.hints.append(chrome)
            self.ads.append(chrome and bool(tokens & _AD_WORDS))
            self.players.append(player)
        if el_state[2]:
            self.heading_depth += 1
        if el_state[3]:
            self.link_depth += 1
        if tag == "pre":
            for line in (el.text or "").splitlines():
                self.add(line)
                self.flush()
        else:
            self.add(el.text)

    def _close(self, el: lxml.etree._Element, tag: str) -> None:
        chrome, content, heading, link, row, player = self._state.pop(id(el))
        if row:
            self.row_depth -= 1
        if self.row_depth and tag in BLOCK_TAGS:
            self.parts.append(" ")
        elif tag in BLOCK_TAGS:
            self.flush()
            self.block_stack.pop()
        if tag in ("ol", "ul") and self.lists:
            self.lists.pop()
        if tag == "li":
            self.number = ""
        if chrome:
            self.chrome_depth -= 1
        if content:
            self.boxes.pop()
        if chrome or content or player:
            self.hints.pop()
            self.ads.pop()
            self.players.pop()
        if heading:
            self.heading_depth -= 1
        if link:
            self.link_depth -= 1
        self.add(el.tail)


def render_blocks(root: lxml.etree._Element) -> list[Block]:
    """The visible blocks of a parsed page, in document order."""
    renderer = _Renderer()
    body = root.find("body")
    return renderer.render(body if body is not None else root)


class _FlatRenderer(_TokenParser):
    """Visible text blocks from the token stream, without building a tree.

    The fallback for pages lxml cannot give whole (nested past its depth limit, usually by thousands of
    unclosed tags): nothing here grows with nesting except counters, so any depth renders. Only block
    boundaries and invisible elements are honoured; the markup evidence of `Block` is left empty.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.hidden: list[str] = []  # open invisible elements, innermost last

    def flush(self) -> None:
        text = _collapse("".join(self.parts))
        self.parts = []
        if text:
            self.blocks.append(Block(text=text))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.hidden.clear()  # a <head> left open ends where the body starts
        if tag in BLOCK_TAGS or tag in _RUBY_TEXT:
            self._end_ruby_text()
        if tag in BLOCK_TAGS:
            self.flush()
        if tag in SKIP_TAGS:
            self.hidden.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS:
            self.flush()

    def _end_ruby_text(self) -> None:
        """A ruby's annotation (`<rt>`, `<rp>`) may leave out its end tag: it ends at the next one, at the
        ruby's end or at a block, never hiding the text after the ruby."""
        while self.hidden and self.hidden[-1] in _RUBY_TEXT:
            self.hidden.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag == "ruby" or tag in BLOCK_TAGS:
            self._end_ruby_text()
        if tag in self.hidden:
            while self.hidden.pop() != tag:
                pass
        if tag in BLOCK_TAGS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def flat_blocks(html: str) -> list[Block]:
    """The visible text blocks of a page that has no usable tree; see `_FlatRenderer`."""
    renderer = _FlatRenderer()
    renderer.feed(html.replace("\x00", ""))
    renderer.close()
    renderer.flush()
    return renderer.blocks


def blocks_of(html: str) -> list[Block]:
    """Parse and render in one step; a page without a usable tree is rendered from its token stream."""
    root = parse(html)
    if root is None:
        return flat_blocks(html)
    return render_blocks(root)


def html_to_blocks(html: str) -> str:
    """One line per visible text block: the "original" the app shows for an HTML document."""
    return "\n".join(b.text for b in blocks_of(html))


@dataclass
class PageFacts:
    """What the markup states about the page outside its visible body text."""

    titles: list[str] = field(default_factory=list)  # <title>, og:title, h1, in order of trust
    dates: list[str] = field(default_factory=list)  # meta tags and <time datetime>
    authors: list[str] = field(default_factory=list)
    site_name: str | None = None


_META_DATE = _words(
    "article:published_time og:published_time pubdate publishdate publish_date date dc.date "
    "dc.date.issued dcterms.created datepublished sailthru.date parsely-pub-date "
)
_META_TITLE = _words("og:title twitter:title title dc.title ")
_META_AUTHOR = _words("author article:author dc.creator byl ")


def page_facts(root: lxml.etree._Element) -> PageFacts:
    """Title, date, author and site name from head tags, <time> and <h1>."""
    facts = PageFacts()
    title = root.findtext(".//title")
    meta_titles: list[str] = []
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower().strip()
        value = _collapse(meta.get("content") or "")
        if not key or not value:
            continue
        if key in _META_TITLE:
            meta_titles.append(value)
        elif key in _META_DATE:
            facts.dates.append(value)
        elif key in _META_AUTHOR:
            facts.authors.append(value)
        elif key == "og:site_name":
            facts.site_name = value
    for el in root.iter("time"):
        stamp = el.get("datetime") or el.get("pubdate") or ""
        if stamp:
            facts.dates.append(stamp)
    h1s = [_collapse("".join(str(t) for t in h.itertext())) for h in root.iter("h1")]
    facts.titles = [t for t in [*meta_titles, _collapse(title or ""), *h1s] if t]
    return facts
