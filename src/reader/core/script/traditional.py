"""Character views towards traditional (s2t, s2tw, s2hk): OpenCC, mixed lines, guard and rules.

Mixed-script input defeats OpenCC's phrase dictionaries, which are keyed in one script: s2t turns
干淨 into 幹淨 because the phrase 干净 never matches. Mixed lines are therefore converted from a
simplified copy wherever the author did not already write a traditional-only character
(`_unified_line`). Then the correction layer: the phrase guard (`reader.core.script.fix`), words a
crossing phrase blocked (`reader.core.script.blocked`), Taiwan's word forms and reported exceptions
(`reader.core.script.rules`), names and units (`reader.core.script.names`). Every step keeps the length.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from functools import partial

from reader.core.script.blocked import blocked_word_edits
from reader.core.script.corpus import corpus_edits
from reader.core.script.detect import mixed_lines
from reader.core.script.fix import diff_sites, guard_phrases
from reader.core.script.names import name_edits
from reader.core.script.opencc import char_table, convert, convert_each, simplified_same_length
from reader.core.script.rules import exception_edits, tw_word_edits
from reader.core.script.s2t import convert_s2t

__all__ = ["GUARDED", "replace_spans", "traditional_view"]

# Character views whose phrase matches `guard_phrases` checks against word boundaries.
GUARDED = frozenset({"s2t", "s2tw", "s2hk"})
# OpenCC-standard traditional to each guarded view's regional forms.
_TO_REGION = {"s2t": None, "s2tw": "t2tw", "s2hk": "t2hk"}


def traditional_view(text: str, config: str, guard: bool, tw_corpus: bool = True) -> str | None:
    """A character view towards traditional (s2t, s2tw, s2hk), or None if OpenCC changed the length.

    Work that scales with the text is done at C speed: OpenCC once, one `str.translate` for the
    character-by-character conversion, chunked string comparison for the positions where the two
    differ (about 0.6 % of real text); everything in Python looks at those positions only.
    """
    per_char = convert_each(text, config)
    chained = _chained_view(text, config, per_char)
    if chained is None:
        return None
    view, sites = chained
    mixed = mixed_lines(text)
    if mixed:
        whole = view
        view = replace_spans(view, mixed, lambda s, e: _unified_line(text[s:e], config, whole[s:e], per_char[s:e]))
    if not guard:
        return view
    source, per_source = text, per_char
    if mixed:
        source = replace_spans(text, mixed, lambda s, e: simplified_same_length(text[s:e]))
        per_source = replace_spans(per_char, mixed, lambda s, e: convert_each(source[s:e], config))
        sites = _resite(sites, mixed, view, per_source)
    to_view = _pieces_converter(config)
    view = guard_phrases(source, view, per_source, to_view, written=text, sites=sites)
    blocked = blocked_word_edits(source, view, per_source, config, written=text, to_view=to_view)
    return _apply_rules(source, view, text, config, blocked, tw_corpus)


def _chained_view(text: str, config: str, per_char: str) -> tuple[str, list[int]] | None:
    """OpenCC's `config` output for `text` and the positions where it differs from `per_char`.

    s2tw and s2hk are s2t followed by a regional variant stage (t2tw, t2hk). Converting the whole
    text with s2t and then with the variant config is about 1.7x faster than s2tw itself and gives
    the same text, except where a variant-stage phrase (TWVariantsPhrases: 12 entries such as 喫茶小舖;
    HKVariantsPhrases: 272) straddles one of s2t's segments, which s2tw converts one by one. Such a
    phrase shows as a position where the variant stage did not act character by character; its line
    (no key spans a newline) is then converted with `config` itself. Returns None when the length
    changes (no such config is known).
    """
    if len(per_char) != len(text):
        return None
    stage = _TO_REGION[config]
    if stage is None:
        view = convert_s2t(text)
        return (view, diff_sites(view, per_char)) if len(view) == len(text) else None
    base = convert_s2t(text)
    view = convert(base, stage)
    if not len(base) == len(view) == len(text):
        view = convert(text, config)
        return (view, diff_sites(view, per_char)) if len(view) == len(text) else None
    sites = diff_sites(view, per_char)
    variant = char_table(stage)
    lines: list[tuple[int, int]] = []
    for i in sites:
        if view[i] != variant.char(base[i]) and not (lines and lines[-1][0] <= i < lines[-1][1]):
            end = text.find("\n", i)
            lines.append((text.rfind("\n", 0, i) + 1, len(text) if end < 0 else end))
    if lines:
        whole = replace_spans(view, lines, lambda s, e: convert(text[s:e], config))
        if len(whole) != len(text):
            return None
        view = whole
        sites = _resite(sites, lines, view, per_char)
    return view, sites


def _pieces_converter(config: str) -> Callable[[str], str]:
    """OpenCC's `config` for the many short pieces the correction layer converts (words, phrases,
    joined by newlines), computed as the document is (`_chained_view`: s2t, then the variant stage),
    which gives the same text and costs about half of s2tw or s2hk on such input."""
    if _TO_REGION[config] is None:
        return partial(convert, config=config)

    def run(text: str) -> str:
        chained = _chained_view(text, config, convert_each(text, config))
        return convert(text, config) if chained is None else chained[0]

    return run


def _resite(sites: list[int], spans: list[tuple[int, int]], view: str, per_char: str) -> list[int]:
    """`sites` with those inside `spans` recomputed after the spans of `view` or `per_char` changed."""
    out: list[int] = []
    pos = 0
    for s, e in spans:  # sorted and disjoint
        out.extend(sites[bisect_left(sites, pos) : bisect_left(sites, s)])
        out.extend(s + i for i in diff_sites(view[s:e], per_char[s:e]))
        pos = e
    out.extend(sites[bisect_left(sites, pos) :])
    return out


def _apply_rules(source: str, view: str, written: str, config: str, first: dict[int, str], tw_corpus: bool) -> str:
    """`first` (blocked words), then the word forms Taiwanese text attests (臺灣 view, unless `tw_corpus`
    is False: the table's own generator compares against the view without it, see
    `reader.core.script.corpus`), Taiwan's word forms (臺灣 view), reported exceptions
    (`reader.core.script.rules`) and names and units (`reader.core.script.names`); characters the
    author wrote in traditional form (where `written` differs from `source`) are kept."""
    region = _TO_REGION[config]
    edits = dict(first)
    to_region = (lambda t: t) if region is None else partial(convert, config=region)
    if config == "s2tw":
        if tw_corpus:
            edits.update(corpus_edits(source))
        edits.update(tw_word_edits(source, to_region))
    edits.update(exception_edits(source, to_region))
    edits.update(name_edits(source, view, edits))
    changes = sorted(
        (i, ch) for i, ch in edits.items() if view[i] != ch and (written is source or written[i] == source[i])
    )
    if not changes:
        return view
    parts = []
    pos = 0
    for i, ch in changes:
        parts.append(view[pos:i])
        parts.append(ch)
        pos = i + 1
    parts.append(view[pos:])
    return "".join(parts)


def replace_spans(base: str, spans: list[tuple[int, int]], make: Callable[[int, int], str]) -> str:
    """`base` with each span replaced by make(start, end); the replacements keep their length."""
    parts = []
    pos = 0
    for start, end in spans:
        parts.append(base[pos:start])
        parts.append(make(start, end))
        pos = end
    parts.append(base[pos:])
    return "".join(parts)


def _unified_line(line: str, config: str, plain: str, per_char: str) -> str:
    """A traditional view of one mixed line that lets OpenCC's phrases match where the author wrote simplified.

    The line is first made wholly simplified (t2s keeps length) so the phrase dictionaries match
    (頭发 → 头发 → 頭髮). The plain conversion of the original (`plain`, OpenCC's output for the line,
    and `per_char`, its character-by-character conversion, both cut from the document's) is kept
    instead at every position where the author wrote a traditional form (one t2s changes: 乾 standing
    alone is not turned into 幹, 甦 not into 蘇), and wherever a phrase matched in the line as written
    (吃茶小舖 → 喫茶小舖). The simplified line goes through the same chained conversion as the document
    (`_chained_view`: s2tw itself is several times slower on such lines, and gives the same text).
    """
    simplified = convert(line, "t2s")
    if not len(plain) == len(simplified) == len(line):
        return plain
    chained = _chained_view(simplified, config, convert_each(simplified, config))
    if chained is None:
        return plain
    unified = chained[0]
    keep = sorted(set(diff_sites(line, simplified)).union(diff_sites(plain, per_char)))
    if not keep:
        return unified
    parts = []
    pos = 0
    for i in keep:
        parts.append(unified[pos:i])
        parts.append(plain[i])
        pos = i + 1
    parts.append(unified[pos:])
    return "".join(parts)


def tw_forms_in_phrase_view(written: str, source: str, view: str, blocks: Sequence[tuple[int, int, int, int]]) -> str:
    """The 臺灣 phrase view (regional vocabulary) with Taiwan's word forms and the corpus-attested forms
    (計畫, 回歸, 家具 …), which its OpenCC config does not write. `blocks` are the offset map's
    (src_start, src_end, view_start, view_end) where lengths differ. Each run of adjacent edits applies
    whole or not at all: only between blocks (where offsets shift by a constant), where the author wrote
    no character of it in traditional form, and where the view there is still the plain conversion
    (s2tw) of the run: a word the vocabulary replaced (軟體 for 软件) is never touched."""
    edits = corpus_edits(source)
    edits.update(tw_word_edits(source, partial(convert, config="t2tw")))
    if not edits:
        return view
    starts = [b[0] for b in blocks]
    chars = list(view)
    for run in _runs(sorted(edits)):
        a, b = run[0], run[-1] + 1
        k = bisect_left(starts, a + 1) - 1
        if (k >= 0 and a < blocks[k][1]) or bisect_left(starts, b) - 1 != k:
            continue  # inside a length-changing phrase, or one lies within the run
        j = a if k < 0 else a + blocks[k][3] - blocks[k][1]
        if written[a:b] == source[a:b] and view[j : j + b - a] == convert(source[a:b], "s2tw"):
            chars[j : j + b - a] = [edits[i] for i in range(a, b)]
    return "".join(chars)


def _runs(positions: list[int]) -> list[list[int]]:
    """Sorted positions grouped into runs of consecutive ones."""
    runs: list[list[int]] = []
    for i in positions:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs
