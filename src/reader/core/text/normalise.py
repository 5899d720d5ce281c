"""The normal form that search and entity matching run on.

Readers meet the same name in both scripts and in full-width or half-width forms; matching on a
normal form makes 醫院 and 医院, ＡＢＣ and abc one thing. The normal form has exactly as many code
points as the input, so an offset found in it is an offset in the stored text: no map is needed.
"""

from __future__ import annotations

import threading
import unicodedata
from functools import lru_cache

import opencc

_local = threading.local()


def _t2s() -> opencc.OpenCC:
    # OpenCC converters are cheap to use but not documented as thread-safe: one per thread.
    conv = getattr(_local, "t2s", None)
    if conv is None:
        conv = opencc.OpenCC("t2s.json")
        _local.t2s = conv
    return conv


@lru_cache(maxsize=65536)
def _fold_char(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch).casefold()
    return folded if len(folded) == 1 else ch


def _fold(text: str) -> str:
    if text.isascii():
        return text.lower()
    return "".join([_fold_char(ch) for ch in text])


def to_simplified_same_length(text: str) -> str:
    """t2s that never changes the length: phrase rules that would are undone character by character."""
    converted: str = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    conv = _t2s()
    return "".join([c if len(c := conv.convert(ch)) == 1 else ch for ch in text])


def normalise(text: str) -> str:
    """Simplified script, NFKC, full-width folded and case-folded, with the same length as `text`."""
    return _fold(to_simplified_same_length(text))
