"""Script views of a document (原文/简体/繁體/臺灣/香港) and script detection, on top of OpenCC.

The stored text never changes; a view is computed on demand. Character-level configs keep the length,
so stored offsets hold in those views unchanged; phrase configs (regional vocabulary, 软件→軟體,
老挝→寮) may change it, and their views carry an `OffsetMap` (see `reader.core.text.offsetmap`).

This module chooses the config for a view and assembles it; the work lives beside it:
`script_opencc` (OpenCC, converters per thread, per-character tables), `script_detect` (which script,
mixed lines), `script_traditional` (views towards traditional with their correction layer:
`script_fix`, `script_blocked`, `script_names`, `script_rules`, segmentation in `script_segment`),
`script_vocabulary` (conservative regional vocabulary) and `script_tw_everyday` (台灣, 占, 雇).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from reader.core.script.detect import ScriptInfo, detect_script, mixed_lines, script_specific_chars
from reader.core.script.opencc import CONFIGS, char_table, convert, simplified_same_length
from reader.core.script.traditional import GUARDED, replace_spans, traditional_view, tw_forms_in_phrase_view
from reader.core.script.tw_everyday import tw_everyday_forms
from reader.core.script.vocabulary import Vocabulary
from reader.core.text.offsetmap import OffsetMap, align

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
    "tw_everyday_forms",
    "vocabulary_applies",
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


# Regional vocabulary for 臺灣 and 香港 is by default the conservative mode (`reader.core.script.vocabulary`):
# OpenCC's own config with its phrase dictionary cut down to the reviewed unambiguous entries.
_SAFE_PHRASES = {"s2twp": "s2twp-safe", "s2hkp": "s2hkp-safe", "tw2sp": "tw2sp-safe"}

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
_FROM_SIMPLIFIED = frozenset({"s2t", "s2tw", "s2hk", "s2twp", "s2hkp", "s2twp-safe", "s2hkp-safe"})


def config_for(script: Script, phrases: bool = False, vocabulary: Vocabulary = "safe") -> str | None:
    """The OpenCC config behind a view, or None for the original text.

    With `phrases`, the 臺灣 and 香港 views replace only the reviewed unambiguous terms unless
    `vocabulary="all"` asks for OpenCC's whole phrase dictionary (s2twp, s2hkp), which also turns
    支持 into 支援 and 激活 into 啟用; the 简体 view likewise turns back only those reviewed terms (軟體 →
    软件), not a word both sides write (建立, which OpenCC's tw2sp makes 创建).
    """
    if script is Script.ORIG:
        return None
    config = _VIEW_CONFIGS[(script, phrases)]
    return _SAFE_PHRASES.get(config, config) if vocabulary == "safe" else config


def vocabulary_applies(script: Script, text_script: str) -> bool:
    """Whether regional vocabulary changes a document's words in `script`'s view: it puts one region's
    words for the other's, so it is not applied to a document already on the view's side: a mainland
    (simplified) document in 简 keeps its words (文件 is an official document there, not 文档), a
    traditional one in 臺灣 or 香港 too. Mixed or undetected text is converted as asked."""
    if script is Script.HANS:
        return text_script != "simplified"
    if script in (Script.TW, Script.HK):
        return text_script != "traditional"
    return False


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
    "endorse"); see `reader.core.script.vocabulary`.

    `guard` (on by default; all of OpenCC's own cases pass with it), in the character views towards
    traditional, undoes OpenCC phrase matches that cut through a word (`reader.core.script.fix`) or
    blocked a word's own phrase (`reader.core.script.blocked`), and applies Taiwan's word forms, the
    reported exceptions (`reader.core.script.rules`) and names and units (`reader.core.script.names`);
    `tw_everyday` writes Taiwan's everyday forms (台灣, 占, 雇) instead of the standard ones
    (臺灣, 佔, 僱) in the 臺灣 views; 計畫, Taiwan's standard form, the 臺灣 view writes anyway.
    """
    config = config_for(script, phrases, vocabulary)
    if config is None:
        return View(text, OffsetMap.identity(len(text)))
    view: str | None = None
    if config in GUARDED:
        view = traditional_view(text, config, guard)
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
    mixed = mixed_lines(text) if config in _FROM_SIMPLIFIED else []
    source = text
    if mixed:
        source = replace_spans(text, mixed, lambda start, end: simplified_same_length(text[start:end]))
    phrase_view, offsets = align(source, lambda s: convert(s, config), char_table(config))
    if guard and script is Script.TW:
        phrase_view = tw_forms_in_phrase_view(text, source, phrase_view, offsets.blocks)  # same length
    if tw_everyday and script is Script.TW:
        phrase_view = tw_everyday_forms(phrase_view)  # same length, so the offset map still holds
    return View(phrase_view, offsets)
