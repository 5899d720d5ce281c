"""Script views of a document (原文/简体/繁體/臺灣/香港) and script detection, on top of OpenCC.

The stored text never changes; a view is computed on demand. Character-level configs keep the length,
so stored offsets hold in those views unchanged; phrase configs (regional vocabulary, 软件→軟體,
老挝→寮) may change it, and their views carry an `OffsetMap` (see `reader.core.offsetmap`).

Mixed-script input (machine-reworded text writes 國 and 国 on one line) defeats OpenCC's phrase
dictionaries, which are keyed in one script: s2t turns 干淨 into 幹淨 because the phrase 干净 never
matches. Views towards traditional therefore convert a simplified copy of the text wherever the
author did not already write a traditional-only character; see `_unified_view`.

Thread safety (measured with opencc 1.4.2, see docs/decisions/script.md): the binding keeps the GIL
while converting, so threads never overlap inside OpenCC, and Converter::Convert is const in C++.
We still keep one converter per thread and config, which costs a few milliseconds once and stays
correct should a later binding release the GIL.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache, partial
from importlib.resources import files
from typing import Literal

import opencc

from reader.core.offsetmap import OffsetMap, align
from reader.core.script_blocked import blocked_word_edits
from reader.core.script_fix import diff_sites, guard_phrases
from reader.core.script_rules import exception_edits, transliterated_li_edits
from reader.core.script_vocabulary import SAFE_CONFIGS, Vocabulary, config_path

__all__ = [
    "CONFIGS",
    "OffsetMap",
    "Script",
    "ScriptInfo",
    "View",
    "Vocabulary",
    "config_for",
    "convert",
    "detect_script",
    "make_view",
    "script_specific_chars",
]


class Script(StrEnum):
    ORIG = "orig"
    HANS = "hans"
    HANT = "hant"
    TW = "tw"
    HK = "hk"


@dataclass(frozen=True)
class View:
    """A document as the reader sees it in one script; `offsets` relates it to the stored text."""

    text: str
    offsets: OffsetMap


#: Every OpenCC config this installation ships, by name without ".json".
CONFIGS: frozenset[str] = frozenset(name.removesuffix(".json") for name in opencc.CONFIGS)

# Regional vocabulary for 臺灣 and 香港 is by default the conservative mode (`reader.core.script_vocabulary`):
# OpenCC's own config with its phrase dictionary cut down to the reviewed unambiguous entries.
_SAFE_PHRASES = {"s2twp": "s2twp-safe", "s2hkp": "s2hkp-safe"}

_VIEW_CONFIGS: dict[tuple[Script, bool], str] = {
    (Script.HANS, False): "t2s",
    (Script.HANT, False): "s2t",
    (Script.TW, False): "s2tw",
    (Script.HK, False): "s2hk",
    # Regional vocabulary. OpenCC-standard traditional has no region, so it has no phrase variant.
    (Script.HANS, True): "tw2sp",
    (Script.HANT, True): "s2t",
    (Script.TW, True): "s2twp",
    (Script.HK, True): "s2hkp",
}

# Configs whose dictionaries map every key to a value of the same length (checked against the
# dictionaries of opencc 1.4.2); `make_view` still verifies the length before trusting it.
_LENGTH_KEEPING = frozenset({"t2s", "s2t", "s2tw", "s2hk", "tw2s", "hk2s", "t2tw", "t2hk", "tw2t", "hk2t"})

# Views towards traditional, which `_unified_view` protects against mixed-script input.
_FROM_SIMPLIFIED = frozenset({"s2t", "s2tw", "s2hk", "s2twp", "s2hkp", *SAFE_CONFIGS})

_local = threading.local()
_SURROGATE_RE = re.compile("([\ud800-\udfff]+)")


def config_for(script: Script, phrases: bool = False, vocabulary: Vocabulary = "safe") -> str | None:
    """The OpenCC config behind a view, or None for the original text.

    With `phrases`, the 臺灣 and 香港 views replace only the reviewed unambiguous terms unless
    `vocabulary="all"` asks for OpenCC's whole phrase dictionary (s2twp, s2hkp), which also turns
    支持 into 支援 and 激活 into 啟用. The 简体 phrase view (tw2sp) has no conservative variant yet.
    """
    if script is Script.ORIG:
        return None
    config = _VIEW_CONFIGS[(script, phrases)]
    return _SAFE_PHRASES.get(config, config) if vocabulary == "safe" else config


def _converter(config: str) -> opencc.OpenCC:
    cache: dict[str, opencc.OpenCC] | None = getattr(_local, "converters", None)
    if cache is None:
        cache = _local.converters = {}
    conv = cache.get(config)
    if conv is None:
        name = config.removesuffix(".json")
        if name in SAFE_CONFIGS:
            conv = cache[config] = opencc.OpenCC(config_path(name))
            return conv
        if name not in CONFIGS:
            raise ValueError(f"unknown OpenCC config {config!r}; known: {', '.join(sorted(CONFIGS))}")
        conv = cache[config] = opencc.OpenCC(name + ".json")
    return conv


def convert(text: str, config: str) -> str:
    """`text` through the named OpenCC config ("s2t", "tw2sp", ...), with one cached converter per thread.

    Besides OpenCC's own configs, "s2twp-safe" and "s2hkp-safe" name the conservative regional
    vocabulary (`reader.core.script_vocabulary`).

    Lone surrogates (which UTF-8 cannot carry to OpenCC) are passed through untouched rather than
    failing the whole document.
    """
    conv = _converter(config)
    if not text:
        return text
    try:
        return str(conv.convert(text))
    except UnicodeEncodeError:
        parts = _SURROGATE_RE.split(text)
        # re.split with a group puts the surrogate runs at the odd indices.
        return "".join(p if i % 2 else str(conv.convert(p)) if p else "" for i, p in enumerate(parts))


class _CharTable:
    """Each character converted on its own, memoised: the reference `align` compares pieces against."""

    def __init__(self, config: str) -> None:
        self._config = config
        self._table: dict[str, str] = {"\n": "\n"}
        self._bmp: list[int] | None = None
        self._astral: dict[str, str] = {}

    def __call__(self, text: str) -> list[str]:
        table = self._table
        missing = set(text).difference(table)
        if missing:
            chars = sorted(missing)
            # Newline is in no dictionary key, so joined characters are converted independently.
            converted = convert("\n".join(chars), self._config).split("\n")
            if len(converted) != len(chars):
                converted = [convert(ch, self._config) for ch in chars]
            table.update(zip(chars, converted, strict=True))
        return list(map(table.__getitem__, text))

    def translate(self, text: str) -> str:
        """`text` converted character by character, keeping its length, at C speed.

        `str.translate` with a list indexed by code point (the whole BMP, built with one OpenCC call
        the first time, about 0.1 s per config) is twice as fast as with a dict: no hashing. Astral
        characters, which the list does not reach, are converted one by one (memoised).
        """
        table = self._bmp
        if table is None:
            table = self._bmp = self._build_bmp()
        out = text.translate(table)
        if _ASTRAL_RE.search(out):
            out = _ASTRAL_RE.sub(self._astral_char, out)
        return out

    def char(self, ch: str) -> str:
        """One character converted on its own."""
        code = ord(ch)
        if code < 0x10000 and self._bmp is not None:
            return chr(self._bmp[code])
        return self.translate(ch)

    def _build_bmp(self) -> list[int]:
        # NUL ends OpenCC's C strings, lone surrogates cannot be encoded and "\n" is the separator:
        # those stay themselves; so does anything OpenCC would turn into more or fewer characters.
        table = list(range(0x10000))
        codes = [c for c in range(1, 0x10000) if c != 0x0A and not 0xD800 <= c <= 0xDFFF]
        converted = convert("\n".join(map(chr, codes)), self._config).split("\n")
        if len(converted) != len(codes):
            converted = [convert(chr(c), self._config) for c in codes]
        for code, out in zip(codes, converted, strict=True):
            if len(out) == 1:
                table[code] = ord(out)
        return table

    def _astral_char(self, m: re.Match[str]) -> str:
        ch = m.group()
        out = self._astral.get(ch)
        if out is None:
            out = convert(ch, self._config)
            self._astral[ch] = out = out if len(out) == 1 else ch
        return out


_ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")


@cache
def _char_table(config: str) -> _CharTable:
    return _CharTable(config)


# Where OpenCC's character dictionaries have entries: the unified ideographs and extension A, and
# extensions B to H. Compatibility ideographs are left out on purpose: every config normalises them,
# so they say nothing about the script.
_IDEOGRAPH_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0x20000, 0x323AF))
_CJK_RANGES = (*_IDEOGRAPH_RANGES, (0xF900, 0xFAFF))


def _is_cjk(ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _CJK_RANGES)


@lru_cache(maxsize=1)
def script_specific_chars() -> tuple[frozenset[str], frozenset[str]]:
    """(simplified-only, traditional-only) characters, derived from OpenCC's own conversions.

    Traditional-only: t2s changes it and s2t leaves it (國, 醫, 裡). Simplified-only: t2s leaves it and
    every traditional target changes it (国, 医). Requiring all of s2t, s2tw and s2hk keeps out
    characters that are standard in one region (台, 床, 群, 峰, 秘 are Taiwan or Hong Kong forms).
    A few characters remain in both scripts yet count as simplified because OpenCC's first choice
    differs (里, 干, 后); the thresholds in `detect_script` absorb them. Computed once: about 0.2 s.
    """
    chars = [chr(c) for lo, hi in _IDEOGRAPH_RANGES for c in range(lo, hi + 1)]
    joined = "\n".join(chars)
    t2s, s2t, s2tw, s2hk = (convert(joined, cfg).split("\n") for cfg in ("t2s", "s2t", "s2tw", "s2hk"))
    simplified = frozenset(
        c
        for c, a, b, tw, hk in zip(chars, t2s, s2t, s2tw, s2hk, strict=True)
        if a == c and b != c and tw != c and hk != c
    )
    traditional = frozenset(c for c, a, b in zip(chars, t2s, s2t, strict=True) if a != c and b == c)
    return simplified, traditional


@dataclass(frozen=True)
class ScriptInfo:
    """What script a text is written in, with the evidence."""

    kind: Literal["simplified", "traditional", "mixed", "none"]
    share: float  # script-specific characters / CJK characters (0.0 when there are none)
    simplified: int  # simplified-only characters
    traditional: int  # traditional-only characters
    cjk: int  # CJK ideographs


# A text is mixed when the minority script supplies at least this share of the script-specific
# characters, and at least _MIXED_MIN of them. Seeds 001-004 (simplified) reach 0.3 % and real
# traditional text about 2 % (里, 干, 后 written in both scripts); seed 000, machine-reworded, 36 %.
_MIXED_SHARE = 0.10
_MIXED_MIN = 2


def detect_script(text: str) -> ScriptInfo:
    """Classify `text` as simplified, traditional, mixed or none (no script-specific characters)."""
    # Counting distinct characters first keeps this at C speed: a document has a few thousand.
    simp_set, trad_set = script_specific_chars()
    cjk = simplified = traditional = 0
    for ch, n in Counter(text).items():
        if ch in simp_set:
            simplified += n
        elif ch in trad_set:
            traditional += n
        if _is_cjk(ch):
            cjk += n
    specific = simplified + traditional
    share = specific / cjk if cjk else 0.0
    kind: Literal["simplified", "traditional", "mixed", "none"]
    if specific == 0:
        kind = "none"
    elif min(simplified, traditional) >= max(_MIXED_MIN, _MIXED_SHARE * specific):
        kind = "mixed"
    else:
        kind = "simplified" if simplified > traditional else "traditional"
    return ScriptInfo(kind=kind, share=share, simplified=simplified, traditional=traditional, cjk=cjk)


def _bmp_class_regex(chars: frozenset[str]) -> re.Pattern[str]:
    """A regex matching the BMP members of `chars`.

    BMP characters alone compile to a bitmap that `re` scans at C speed; a class that also holds
    astral characters is matched against a linear list (about 0.3 s over 200,000 characters for
    the 4,000 traditional-only ones), so astral members are looked up separately.
    """
    return re.compile("[" + re.escape("".join(sorted(c for c in chars if ord(c) < 0x10000))) + "]")


@cache
def _script_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(simplified-only, traditional-only) BMP character regexes."""
    simp_set, trad_set = script_specific_chars()
    return _bmp_class_regex(simp_set), _bmp_class_regex(trad_set)


def _line_at(text: str, i: int) -> tuple[int, int]:
    end = text.find("\n", i)
    return text.rfind("\n", 0, i) + 1, len(text) if end < 0 else end


def _mixed_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line that has both simplified-only and traditional-only characters.

    Lines, because no OpenCC dictionary key spans a newline: converting a line alone gives the same
    result as converting it inside the document, so only the mixed lines need the slower path.
    """
    simp_set, trad_set = script_specific_chars()
    simp_re, trad_re = _script_regexes()
    astral = [(m.start(), m.group()) for m in _ASTRAL_RE.finditer(text)]
    # Only lines holding a traditional-only character can be mixed; each such line is looked at once.
    lines = {_line_at(text, i) for i, ch in astral if ch in trad_set}
    m = trad_re.search(text)
    while m:
        line = _line_at(text, m.start())
        lines.add(line)
        m = trad_re.search(text, line[1])
    spans = []
    for start, end in sorted(lines):
        if simp_re.search(text, start, end) or any(start <= i < end and ch in simp_set for i, ch in astral):
            spans.append((start, end))
    return spans


def _replace_spans(base: str, spans: list[tuple[int, int]], make: Callable[[int, int], str]) -> str:
    """`base` with each span replaced by make(start, end); the replacements keep their length."""
    parts = []
    pos = 0
    for start, end in spans:
        parts.append(base[pos:start])
        parts.append(make(start, end))
        pos = end
    parts.append(base[pos:])
    return "".join(parts)


def _unified_line(line: str, config: str) -> str:
    """A traditional view of one mixed line that lets OpenCC's phrases match where the author wrote simplified.

    The line is first made wholly simplified (t2s keeps length) so the phrase dictionaries match
    (頭发 → 头发 → 頭髮). The plain conversion of the original is kept instead at every position where
    the author wrote a traditional form (one t2s changes: 乾 standing alone is not turned into 幹, 甦
    not into 蘇), and wherever a phrase matched in the line as written (吃茶小舖 → 喫茶小舖).
    """
    plain = convert(line, config)
    simplified = convert(line, "t2s")
    unified = convert(simplified, config)
    if not len(plain) == len(unified) == len(simplified) == len(line):
        return plain
    per_char = _per_char(line, config)
    return "".join(
        [
            p if ch != s or p != d else u
            for ch, s, p, u, d in zip(line, simplified, plain, unified, per_char, strict=True)
        ]
    )


def make_view(
    text: str,
    script: Script,
    phrases: bool = False,
    *,
    guard: bool = True,
    tw_everyday: bool = False,
    vocabulary: Vocabulary = "safe",
) -> View:
    """The document `text` as shown in `script`; `phrases` picks the regional-vocabulary config.

    Regional vocabulary replaces only unambiguous terms (软件 → 軟體, 鼠标 → 滑鼠) unless
    `vocabulary="all"`, which is OpenCC's s2twp/s2hkp unchanged (支持 → 支援 even where it means
    "endorse"); see `reader.core.script_vocabulary`.

    `guard` (on by default; all of OpenCC's own cases pass with it) undoes OpenCC phrase matches that
    cut through a word in the character views towards traditional (`reader.core.script_fix`) and
    applies the reported exceptions and the transliterated-里 rule (`reader.core.script_rules`);
    `tw_everyday` writes Taiwan's everyday forms (台灣, 計畫) instead of OpenCC's standard ones
    (臺灣, 計劃) in the 臺灣 views.
    """
    config = config_for(script, phrases, vocabulary)
    if config is None:
        return View(text, OffsetMap.identity(len(text)))
    view: str | None = None
    if config in _GUARDED:
        view = _traditional_view(text, config, guard)
    elif config in _LENGTH_KEEPING:
        view = convert(text, config)
        if len(view) != len(text):
            view = None
    if view is not None:
        if tw_everyday and script is Script.TW:
            view = tw_everyday_forms(view)
        return View(view, OffsetMap.identity(len(text)))
    # Phrase configs: mixed lines are made simplified first (same length, so offsets are unaffected),
    # because their phrase dictionaries are keyed in simplified.
    mixed = _mixed_lines(text) if config in _FROM_SIMPLIFIED else []
    source = text
    if mixed:
        source = _replace_spans(text, mixed, lambda start, end: _simplified_same_length(text[start:end]))
    phrase_view, offsets = align(source, lambda s: convert(s, config), _char_table(config))
    if tw_everyday and script is Script.TW:
        phrase_view = tw_everyday_forms(phrase_view)  # same length, so the offset map still holds
    return View(phrase_view, offsets)


# Character views whose phrase matches `guard_phrases` checks against word boundaries.
_GUARDED = frozenset({"s2t", "s2tw", "s2hk"})
# OpenCC-standard traditional to each guarded view's regional forms.
_TO_REGION = {"s2t": None, "s2tw": "t2tw", "s2hk": "t2hk"}


def _traditional_view(text: str, config: str, guard: bool) -> str | None:
    """A character view towards traditional (s2t, s2tw, s2hk), or None if OpenCC changed the length.

    Work that scales with the text is done at C speed: OpenCC once, one `str.translate` for the
    character-by-character conversion, chunked string comparison for the positions where the two
    differ (about 0.6 % of real text); everything in Python looks at those positions only.
    """
    per_char = _per_char(text, config)
    chained = _chained_view(text, config, per_char)
    if chained is None:
        return None
    view, sites = chained
    mixed = _mixed_lines(text)
    if mixed:
        view = _replace_spans(view, mixed, lambda start, end: _unified_line(text[start:end], config))
    if not guard:
        return view
    source, per_source = text, per_char
    if mixed:
        source = _replace_spans(text, mixed, lambda s, e: _simplified_same_length(text[s:e]))
        per_source = _replace_spans(per_char, mixed, lambda s, e: _per_char(source[s:e], config))
        sites = _resite(sites, mixed, view, per_source)
    to_view = partial(convert, config=config)
    view = guard_phrases(source, view, per_source, to_view, written=text, sites=sites)
    blocked = blocked_word_edits(source, view, per_source, to_view, written=text)
    return _apply_rules(source, view, text, config, blocked)


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
        view = convert(text, config)
        return (view, diff_sites(view, per_char)) if len(view) == len(text) else None
    base = convert(text, "s2t")
    view = convert(base, stage)
    if not len(base) == len(view) == len(text):
        view = convert(text, config)
        return (view, diff_sites(view, per_char)) if len(view) == len(text) else None
    sites = diff_sites(view, per_char)
    variant = _char_table(stage)
    lines: list[tuple[int, int]] = []
    for i in sites:
        if view[i] != variant.char(base[i]) and not (lines and lines[-1][0] <= i < lines[-1][1]):
            end = text.find("\n", i)
            lines.append((text.rfind("\n", 0, i) + 1, len(text) if end < 0 else end))
    if lines:
        whole = _replace_spans(view, lines, lambda s, e: convert(text[s:e], config))
        if len(whole) != len(text):
            return None
        view = whole
        sites = _resite(sites, lines, view, per_char)
    return view, sites


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


def _apply_rules(source: str, view: str, written: str, config: str, first: dict[int, str]) -> str:
    """`first` (blocked words), then reported exceptions and transliterated 里 (`reader.core.script_rules`);
    characters the author wrote in traditional form (where `written` differs from `source`) are kept."""
    region = _TO_REGION[config]
    edits = dict(first)
    edits.update(exception_edits(source, (lambda t: t) if region is None else partial(convert, config=region)))
    edits.update(transliterated_li_edits(source, view, edits))
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


def _per_char(text: str, config: str) -> str:
    """Each character of `text` converted on its own, as one string (same length for these configs)."""
    joined = _char_table(config).translate(text)
    return joined if len(joined) == len(text) else text


@cache
def _tw_everyday_table() -> tuple[dict[int, str], tuple[tuple[str, str], ...]]:
    """(character map, phrase pairs) from data/script_tw_variants.tsv; see the file for sources."""
    singles: dict[int, str] = {}
    phrases: list[tuple[str, str]] = []
    raw = files("reader").joinpath("data/script_tw_variants.tsv").read_text(encoding="utf-8")
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        standard, everyday, _source = line.split("\t")
        if len(standard) != len(everyday):
            raise ValueError(f"Taiwan everyday form {everyday!r} does not keep the length of {standard!r}")
        if len(standard) == 1:
            singles[ord(standard)] = everyday
        else:
            phrases.append((standard, everyday))
    return singles, tuple(phrases)


def tw_everyday_forms(text: str) -> str:
    """Taiwan's everyday forms in a Taiwan-standard text: 臺灣 → 台灣, 計劃 → 計畫 (same length)."""
    singles, phrases = _tw_everyday_table()
    text = text.translate(singles)
    for standard, everyday in phrases:
        text = text.replace(standard, everyday)
    return text


def _simplified_same_length(line: str) -> str:
    simplified = convert(line, "t2s")
    return simplified if len(simplified) == len(line) else line
