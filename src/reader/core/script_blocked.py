"""Words whose own conversion an OpenCC phrase from the left context blocked.

OpenCC matches phrases greedily from the left. When a phrase ends inside the next word and converts
its last character to the default form, the word's own phrase never gets a chance: in 半导体制造商
(半导体|制造商) the phrase 体制 (體制) takes 制, so 制造 is never matched and 製造商 comes out as 制造商;
in 进行复制 the phrase 行复 leaves 复制 as 復制 instead of 複製. The view shows no trace of this, as
the character keeps its default form, so the phrase guard (`reader.core.script_fix`), which looks where
OpenCC changed a character, does not see it.

Candidates are positions of characters with several traditional forms (`data/script_one_to_many.txt`)
where the view has the default form but a two-character stretch around it converts otherwise: rare in
real text, so the work stays small. A candidate is corrected to the conversion of the word jieba's
route picks around it when three witnesses agree: the word on its own converts differently there; the
word with a few characters of left context converts to the view's character, that context starting
inside the word before or taking the whole of it (two words overlap: 半导|体制|造商, 联合制|造); and
reading the blocking phrase as a word is far less probable than jieba's segmentation (`MARGIN`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from importlib.resources import files

from reader.core.script_segment import MARGIN, convert_many, score, segment, window

__all__ = ["blocked_word_edits"]

# Longest blocking phrase looked for, in characters of left context before the word.
_MAX_LEFT = 4


@cache
def _one_to_many() -> re.Pattern[str]:
    raw = files("reader").joinpath("data/script_one_to_many.txt").read_text(encoding="utf-8")
    chars = "".join(line.strip() for line in raw.splitlines() if not line.startswith("#"))
    return re.compile("[" + re.escape(chars) + "]")


def _candidates(source: str, view: str, per_char: str, convert: Callable[[str], str]) -> list[int]:
    """Positions holding the default form where a two-character stretch around them converts otherwise."""
    positions = [m.start() for m in _one_to_many().finditer(source) if view[m.start()] == per_char[m.start()]]
    n = len(source)
    pairs = {source[i - 1 : i + 1] for i in positions if i > 0} | {source[i : i + 2] for i in positions if i + 1 < n}
    strings = list(pairs)
    converted = dict(zip(strings, convert_many(convert, strings), strict=True))
    out = []
    for i in positions:
        left = converted.get(source[i - 1 : i + 1], "") if i > 0 else ""
        right = converted.get(source[i : i + 2], "") if i + 1 < n else ""
        if (len(left) == 2 and left[1] != view[i]) or (len(right) == 2 and right[0] != view[i]):
            out.append(i)
    return out


def blocked_word_edits(
    source: str, view: str, per_char: str, convert: Callable[[str], str], written: str | None = None
) -> dict[int, str]:
    """Position → the character of the word's own conversion, where a left-context phrase blocked it.

    `view` is the (guarded) conversion of `source`, `per_char` its character-by-character conversion,
    all the same length; positions where `written` differs from `source` are the author's and kept.
    """
    if not len(source) == len(view) == len(per_char):
        return {}
    edits: dict[int, str] = {}
    for i in _candidates(source, view, per_char, convert):
        if written is not None and written[i] != source[i]:
            continue
        fix = _unblocked(source, view, i, convert)
        if fix is not None:
            edits[i] = fix
    return edits


def _word_at(source: str, i: int) -> tuple[int, int, int, int, int]:
    """(window start, window end, word start, word end, start of the word before) of the word jieba's
    route puts around i."""
    ws, we = window(source, i, 0)
    pos = previous = ws
    for word in segment(source[ws:we]):
        if pos <= i < pos + len(word):
            return ws, we, pos, pos + len(word), previous
        previous = pos
        pos += len(word)
    return ws, we, i, i + 1, i


def _unblocked(source: str, view: str, i: int, convert: Callable[[str], str]) -> str | None:
    ws, we, a, b, before = _word_at(source, i)
    if b - a < 2 or a - before < 2:
        return None
    own = convert(source[a:b])
    if len(own) != b - a or own[i - a] == view[i]:
        return None
    # Only the overlap of two words: the phrase starts strictly inside the word before (半导|体制|造商),
    # or takes the whole of a word of two or more characters (联合制 over 联合|制造). A single character
    # before the word with the word is rather a name OpenCC lists whole (今|周刊 as 今周刊).
    first = before if a - before >= 2 else before + 1
    for start in range(a - 1, max(first, a - _MAX_LEFT) - 1, -1):
        with_left = convert(source[start:b])
        if len(with_left) == b - start and with_left[i - start] == view[i]:
            break
    else:
        return None
    # The blocking phrase runs from `start` to the site; reading it as a word must be far less probable
    # than jieba's own segmentation.
    text = source[ws:we]
    s, e = start - ws, i + 1 - ws
    forced = score(text[:s]) + score(text[s:e]) + score(text[e:])
    return own[i - a] if score(text) - forced > MARGIN else None
