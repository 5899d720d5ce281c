"""Words whose own conversion an OpenCC phrase from the left context blocked.

OpenCC matches phrases greedily from the left. When a phrase ends inside the next word and converts
its last character to the default form, the word's own phrase never gets a chance: in 半导体制造商
(半导体|制造商) the phrase 体制 (體制) takes 制, so 制造 is never matched and 製造商 comes out as 制造商;
in 进行复制 the phrase 行复 leaves 复制 as 復制 instead of 複製. The view shows no trace of this, as
the character keeps its default form, so the phrase guard (`reader.core.script.fix`), which looks where
OpenCC changed a character, does not see it.

Candidates are positions where the view has a character's default form but the two characters starting
there form the start of an OpenCC phrase that gives it another (制造, 复制; `data/script_blocking_pairs.tsv`):
rare in real text, so the work stays small. A candidate is corrected to the conversion of the word jieba's
route picks around it when three witnesses agree: the word on its own converts differently there; the
word with a few characters of left context converts to the view's character, that context starting
inside the word before or taking the whole of it (two words overlap: 半导|体制|造商, 联合制|造); and
reading the blocking phrase as a word is far less probable than jieba's segmentation (`MARGIN`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, partial
from importlib.resources import files
from typing import TYPE_CHECKING

from reader.core.script.opencc import code_points, convert
from reader.core.script.segment import (
    MARGIN,
    convert_many,
    function_chars,
    locative_chars,
    score,
    segment,
    window,
)

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = ["blocked_word_edits", "clear_memos", "pair_positions"]

# Longest blocking phrase looked for, in characters of left context before the word.
_MAX_LEFT = 4

# Where jieba's route puts a word: (window start, window end, word start, word end, start of the word
# before).
_Word = tuple[int, int, int, int, int]


class _PairTables:
    """`data/script_blocking_pairs.tsv` as lookups over code points: which characters may begin a pair,
    which may end one, and the pairs themselves as sorted codes (first << 21 | second)."""

    def __init__(self, raw: str) -> None:
        import numpy as np

        rows = [line.split("\t") for line in raw.splitlines() if line.strip() and not line.startswith("#")]
        self.firsts = np.zeros(0x110000, dtype=bool)
        self.firsts[[ord(first) for first, _ in rows]] = True
        self.seconds = np.zeros(0x110000, dtype=bool)
        self.seconds[[ord(ch) for _, nexts in rows for ch in nexts]] = True
        self.codes = np.array(
            sorted(ord(first) << 21 | ord(ch) for first, nexts in rows for ch in nexts), dtype=np.uint64
        )


@cache
def _pairs() -> _PairTables:
    raw = files("reader").joinpath("data/script_blocking_pairs.tsv").read_text(encoding="utf-8")
    return _PairTables(raw)


# Per config: pair → the first character OpenCC gives it (制造 → 製), remembered across calls (at most
# the 2,170 listed pairs per config).
_FORMS: dict[str, dict[str, str]] = {}


def clear_memos() -> None:
    """Forget the remembered pair conversions (benchmarks measure a first view with this)."""
    _FORMS.clear()


def _forms(pairs: set[str], config: str, to_view: Callable[[str], str]) -> dict[str, str]:
    known = _FORMS.setdefault(config, {})
    new = [p for p in pairs if p not in known]
    for pair, out in zip(new, convert_many(to_view, new), strict=True):
        known[pair] = out[0] if len(out) == 2 else pair[0]
    return known


def pair_positions(source: str) -> NDArray[np.intp]:
    """Every position where a pair of `data/script_blocking_pairs.tsv` starts, in order."""
    import numpy as np

    tables = _pairs()
    units = code_points(source)
    if units.size < 2:
        return np.zeros(0, dtype=np.intp)
    maybe = np.flatnonzero(tables.firsts[units[:-1]] & tables.seconds[units[1:]])
    codes = units[maybe].astype(np.uint64) << np.uint64(21) | units[maybe + 1].astype(np.uint64)
    return maybe[np.isin(codes, tables.codes)]


def _candidates(source: str, view: str, per_char: str, config: str, to_view: Callable[[str], str]) -> list[int]:
    """Positions holding the default form where the two characters starting there convert otherwise.

    A blocked word is found from its first ambiguous character; `_unblocked` then mends the whole word.
    The pairs come from OpenCC's phrase dictionary (`data/script_blocking_pairs.tsv`, about 2,200).
    Finding them, and keeping those where the view has the character's own conversion, are array
    operations over the text's code points (about 8,600 positions in 200,000 characters of real text
    have a possible first and second character; a few hundred are pairs); each pair is converted once
    per config and remembered.
    """

    maybe = pair_positions(source)
    # The view must hold the character's own conversion there (no phrase changed it).
    maybe = maybe[code_points(view)[maybe] == code_points(per_char)[maybe]]
    positions: list[int] = maybe.tolist()
    forms = _forms({source[i : i + 2] for i in positions}, config, to_view)
    return [i for i in positions if per_char[i] != forms[source[i : i + 2]]]


def blocked_word_edits(
    source: str,
    view: str,
    per_char: str,
    config: str,
    written: str | None = None,
    to_view: Callable[[str], str] | None = None,
) -> dict[int, str]:
    """Position → the character of the word's own conversion, where a left-context phrase blocked it.

    `view` is the (guarded) conversion of `source` with OpenCC's `config`, `per_char` its
    character-by-character conversion, all the same length; positions where `written` differs from
    `source` are the author's and kept. `to_view`, when given, is OpenCC's `config` computed another
    way with the same result (the views use s2t followed by the variant stage, faster on short pieces).
    """
    if not len(source) == len(view) == len(per_char):
        return {}
    edits: dict[int, str] = {}
    if to_view is None:
        to_view = partial(convert, config=config)
    candidates = _candidates(source, view, per_char, config, to_view)
    words = {i: _word_at(source, i) for i in candidates}
    converted = _batch(source, words, to_view)
    for i in candidates:
        if i not in edits:
            edits.update(_unblocked(source, view, i, words[i], lambda s: converted.get(s) or to_view(s)))
    if written is not None:
        edits = {k: ch for k, ch in edits.items() if written[k] == source[k]}
    return edits


def _batch(source: str, words: dict[int, _Word], to_view: Callable[[str], str]) -> dict[str, str]:
    """Every piece `_unblocked` may convert for these candidates (the word, and the word with one to
    `_MAX_LEFT` characters of left context), converted in one OpenCC call: a call costs about as much
    as converting a few hundred characters, and there are up to five per candidate."""
    pieces: set[str] = set()
    for _ws, _we, a, b, before in words.values():
        pieces.add(source[a:b])
        pieces.update(source[start:b] for start in range(a - 1, max(before, a - _MAX_LEFT) - 1, -1))
    ordered = sorted(pieces)
    return dict(zip(ordered, convert_many(to_view, ordered), strict=True))


def _word_at(source: str, i: int) -> _Word:
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


def _unblocked(source: str, view: str, i: int, word: _Word, convert: Callable[[str], str]) -> dict[int, str]:
    """The word around candidate i (`word`, from `_word_at`) in its own conversion (the positions where
    it differs from the view), or nothing when the witnesses do not agree."""
    ws, we, a, b, before = word
    # Only the overlap of two words: the phrase starts inside the word before (半导|体制|造商) or takes
    # the whole of it (联合制 over 联合|制造); that word has two or more characters or is a function word
    # (40|家|制造商 read through 家制) or a locative, which closes the phrase before it (会议上|签订 read
    # through 上签). Another single character before the word with the word is rather a name OpenCC
    # lists whole (今|周刊 as 今周刊).
    single = a - before < 2
    if b - a < 2 or (single and source[before] not in function_chars() and source[before] not in locative_chars()):
        return {}
    own = convert(source[a:b])
    if len(own) != b - a or own[i - a] == view[i]:
        return {}
    for start in range(a - 1, max(before, a - _MAX_LEFT) - 1, -1):
        with_left = convert(source[start:b])
        if len(with_left) == b - start and with_left[i - start] == view[i]:
            break
    else:
        return {}
    # The blocking phrase runs from `start` to the site; reading it as a word must be far less probable
    # than jieba's own segmentation.
    text = source[ws:we]
    s, e = start - ws, i + 1 - ws
    if score(text) - (score(text[:s]) + score(text[s:e]) + score(text, e)) <= MARGIN:
        return {}
    return {k: ch for k, ch in enumerate(own, a) if ch != view[k]}
