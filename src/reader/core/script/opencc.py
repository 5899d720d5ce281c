"""OpenCC itself for the script views: configs, one converter per thread, per-character tables.

Thread safety (measured with opencc 1.4.2, see docs/decisions/script.md): the binding keeps the GIL
while converting, so threads never overlap inside OpenCC, and Converter::Convert is const in C++, so
one converter per config serves every thread (it would stay correct should a later binding release the
GIL while converting).
"""

from __future__ import annotations

import re
import threading
from functools import cache
from typing import TYPE_CHECKING

import opencc

from reader.core.script.vocabulary import SAFE_CONFIGS, config_path

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = [
    "ASTRAL_RE",
    "CONFIGS",
    "char_table",
    "code_points",
    "convert",
    "convert_each",
    "simplified_same_length",
]

#: Every OpenCC config this installation ships, by name without ".json".
CONFIGS: frozenset[str] = frozenset(name.removesuffix(".json") for name in opencc.CONFIGS)

_converters: dict[str, opencc.OpenCC] = {}
_building = threading.Lock()
_SURROGATE_RE = re.compile("([\ud800-\udfff]+)")


def _converter(config: str) -> opencc.OpenCC:
    """The process's one converter for `config`, built on first use. Building one keeps the GIL for 0.1 to
    0.4 s (its dictionaries load in one C++ call), so a converter per thread froze the window whenever a new
    thread (the import's, the OCR pool's) first converted; one shared converter is built once, when the
    window warms its converters or the OCR engine loads."""
    conv = _converters.get(config)
    if conv is not None:
        return conv
    with _building:
        conv = _converters.get(config)
        if conv is None:
            name = config.removesuffix(".json")
            if name in SAFE_CONFIGS:
                conv = opencc.OpenCC(config_path(name))
            elif name not in CONFIGS:
                raise ValueError(f"unknown OpenCC config {config!r}; known: {', '.join(sorted(CONFIGS))}")
            else:
                conv = opencc.OpenCC(name + ".json")
            _converters[config] = conv
    return conv


def convert(text: str, config: str) -> str:
    """`text` through the named OpenCC config ("s2t", "tw2sp", ...), with one cached converter per thread.

    Besides OpenCC's own configs, "s2twp-safe" and "s2hkp-safe" name the conservative regional
    vocabulary (`reader.core.script.vocabulary`).

    Lone surrogates (which UTF-8 cannot carry to OpenCC) are passed through untouched rather than
    failing the whole document. So are NUL characters, which end a C string: s2tw and s2hk drop
    everything after one, so each stretch between them is converted on its own.
    """
    conv = _converter(config)
    if not text:
        return text
    if "\x00" in text:
        return "\x00".join(convert(part, config) for part in text.split("\x00"))
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
        self._codes: NDArray[np.uint32] | None = None
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

        A table indexed by code point (the whole BMP, built with one OpenCC call the first time,
        about 0.1 s per config) applied as one array lookup over the text's UTF-32 code units: about
        ten times faster than `str.translate` with the same table as a list, which looks each
        character up through Python's mapping protocol. Astral characters, which the table does not
        reach, are converted one by one (memoised), as are astral characters the table produces.
        Short texts (mixed lines, words) take `str.translate`: below a few hundred characters the
        array's fixed cost is the larger.
        """
        import numpy as np

        if self._bmp is None:
            self._bmp = self._build_bmp()
        if len(text) < _SHORT:
            out = text.translate(self._bmp)
            if ASTRAL_RE.search(out):
                out = ASTRAL_RE.sub(lambda m: self._astral_char(m.group()), out)
            return out
        codes = self._codes
        if codes is None:
            codes = self._codes = np.array(self._bmp, dtype=np.uint32)
        units = code_points(text)
        if units.size and int(units.max()) >= 0x10000:
            looked_up = np.where(units < 0x10000, codes[np.minimum(units, 0xFFFF)], units)
        else:
            looked_up = codes[units]
        for k in np.flatnonzero(looked_up >= 0x10000).tolist():
            looked_up[k] = ord(self._astral_char(chr(looked_up[k])))
        return looked_up.tobytes().decode("utf-32-le", "surrogatepass")

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

    def _astral_char(self, ch: str) -> str:
        out = self._astral.get(ch)
        if out is None:
            out = convert(ch, self._config)
            self._astral[ch] = out = out if len(out) == 1 else ch
        return out


ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")
# Below this length a text is converted and compared with string operations rather than arrays, whose
# fixed cost (about 10 µs a call) is then the larger; mixed-script documents make one call per line.
_SHORT = 256


@cache
def char_table(config: str) -> _CharTable:
    return _CharTable(config)


def convert_each(text: str, config: str) -> str:
    """Each character of `text` converted on its own, as one string (same length for these configs)."""
    joined = char_table(config).translate(text)
    return joined if len(joined) == len(text) else text


def simplified_same_length(line: str) -> str:
    simplified = convert(line, "t2s")
    return simplified if len(simplified) == len(line) else line


def code_points(text: str) -> NDArray[np.uint32]:
    """The code points of `text` as an array (a view of its UTF-32 encoding; lone surrogates pass)."""
    import numpy as np

    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
