"""Finding a person's posts (titles and offices) in the text around the name: after a space, in
brackets, after a comma or a verb of office, and in lists joined by 、 or 和."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from reader.core.entities.gazetteers import dictionary, gazetteers, longest_ending

_POST_SEP = "、,，"
_BOUNDARY = re.compile(r"[。！？；;:：!?\n\r()（）“”\"《》【】\[\]|]")
_JOIN = re.compile(r"(?:以及|与|和|及|同|跟)")
_LEAD = re.compile(r"^(?:由|是|为|和|与|及|以及|并|在|据|请|邀请|特邀|原任|现任|曾任|担任|任|系|会上|随后|其中|包括)+")


def posts_of(
    text: str,
    start: int,
    end: int,
    name_ends: frozenset[int] | set[int] = frozenset(),
    bodies: Sequence[tuple[int, int]] = (),
    name_starts: frozenset[int] | set[int] = frozenset(),
) -> list[tuple[int, int]]:
    """Spans of the posts the text gives a person at text[start:end].

    Before the name: the phrases back to the clause boundary, separated by 、 or commas, each ending
    with a post title (`国家卫生健康委医政医管局原局长、清华大学医院管理研究院常务副院长张宗久`).
    After the name: a post title right after it (`黄二丹研究员`), or a list of posts after a space
    (`罗勇 重庆医科大学第一附属医院党委副书记、院长`). `bodies` are organisation and place spans, sorted
    (searched by bisection, so a long report stays fast): a post that contains one starts there, so
    `会议由长沙市卫健委党组书记` gives `长沙市卫健委党组书记`.
    """
    posts = _posts_before(text, start, name_ends, bodies)
    g = gazetteers()
    after = text[end : end + g.max_post]
    for size in range(min(g.max_post, len(after)), 1, -1):
        if after[:size] in g.post_words:
            posts.append((end, end + size))
            return posts
    posts.extend(_posts_after(text, end, name_starts))
    return posts


def _posts_before(
    text: str, start: int, name_ends: frozenset[int] | set[int], bodies: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The posts written before the name, segment by segment back to a clause boundary or another name."""
    g = gazetteers()
    posts: list[tuple[int, int]] = []
    pos = start
    floor = max(0, start - 120)
    while pos > floor:
        seg_start = pos
        while seg_start > floor and text[seg_start - 1] not in _POST_SEP and not _BOUNDARY.match(text[seg_start - 1]):
            seg_start -= 1
            if seg_start in name_ends:
                break
        segment = text[seg_start:pos]
        stripped = segment.strip()
        if not stripped or not longest_ending(stripped, g.post_words, g.max_post):
            break
        lead = _LEAD.match(stripped)
        offset = seg_start + (len(segment) - len(segment.lstrip())) + (lead.end() if lead else 0)
        post_end = seg_start + len(segment.rstrip())
        offset = _after_agent_mark(text, offset, post_end)
        offset = _body_start(text, offset, post_end, bodies)
        if post_end - offset >= 2:
            posts.append((offset, post_end))
        if seg_start <= floor or seg_start in name_ends or _BOUNDARY.match(text[seg_start - 1]):
            break
        pos = seg_start - 1
    posts.reverse()
    return posts


# Marks that introduce who does something (会议由…主持, 大会邀请…作报告): the post starts after them.
_AGENT = re.compile(r"由|邀请")


def _after_agent_mark(text: str, offset: int, post_end: int) -> int:
    """Where the post starts in a clause whose subject comes first (会议由市政府副秘书长…主持): after the
    last 由 or 邀请 in it that is no part of a word (自由, 理由, 由于: the dictionary says which)."""
    words = dictionary()
    start = offset
    for m in _AGENT.finditer(text, offset, post_end - 2):
        a, b = m.span()
        if text[a - 1 : b] in words or text[a : b + 1] in words or text[a : b + 1][-3:] in words:
            continue  # part of a word: 自由, 由于, 邀请赛
        start = b
    return start


def _body_start(text: str, offset: int, post_end: int, bodies: Sequence[tuple[int, int]]) -> int:
    """Where a post phrase text[offset:post_end] starts once the bodies inside it are known: at the
    first body wholly inside it, or after a body joined to the post by 与/和 (莫斯科与俄罗斯总统普京: the
    first body is a second party, not the post's body)."""
    i = bisect_left(bodies, (offset, -1))
    ends: dict[int, int] = {}
    while i < len(bodies) and bodies[i][0] < post_end:
        b, e = bodies[i]
        if e <= post_end:
            ends[b] = e
        i += 1
    if not ends:
        return offset
    offset = min(ends)
    while offset in ends:
        join = _JOIN.match(text, ends[offset])
        if join is None:
            break
        offset = join.end()
    return offset


# After a name: a list of posts after a space (罗勇 重庆医科大学…副书记、院长), in brackets (张三（县委书记）),
# as an apposition between commas (张三，县委书记，…), or after a verb of appointment (周全同志任县委书记).
_AFTER_SPACE = re.compile(r"[ \t\u3000]+([^。！？；;:：!?\n\r,，]{2,60})")
_AFTER_BRACKET = re.compile(r"[（(]([^（()）\n\r]{2,60})[）)]")
_AFTER_COMMA = re.compile(r"[，,]([^。！？；;:：!?\n\r,，（(]{2,40})(?=[，,。；;\n\r]|$)")
_AFTER_VERB = re.compile(
    r"(?:同志|先生|女士)?(?:曾经|曾)?(?:现任|担任|出任|兼任|升任|调任|任|系|是)过?([^。！？；;:：!?\n\r,，、（()）]{2,40})"
)


def _posts_after(text: str, end: int, name_starts: frozenset[int] | set[int]) -> list[tuple[int, int]]:
    g = gazetteers()
    window = text[end : end + 100]
    for pattern in (_AFTER_SPACE, _AFTER_BRACKET, _AFTER_COMMA):
        m = pattern.match(window)
        if not m:
            continue
        stop = end + m.end(1)
        if pattern is _AFTER_COMMA and stop in name_starts:
            continue  # 张三，县委书记李四: the post belongs to the name after it
        parts = re.split(r"[、，,]", m[1].rstrip())
        if all(p and longest_ending(p.strip(), g.post_words, g.max_post) for p in parts):
            out: list[tuple[int, int]] = []
            pos = end + m.start(1)
            for p in parts:
                out.append((pos, pos + len(p.rstrip())))
                pos += len(p) + 1
            return out
    m = _AFTER_VERB.match(window)
    if m:
        phrase = m[1]
        size = 0
        for cut in range(len(phrase), 1, -1):  # the longest stretch that ends with a post
            if longest_ending(phrase[:cut], g.post_words, g.max_post):
                size = cut
                break
        if size:
            return [(end + m.start(1), end + m.start(1) + size)]
    return []
