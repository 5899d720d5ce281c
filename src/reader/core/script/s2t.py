"""OpenCC's s2t over a whole document, converting with OpenCC only where a phrase can matter.

s2t has no segmentation stage: it matches the longest dictionary key at each position, left to right
(after a normalisation of CJK compatibility ideographs, character by character). Two facts make most
of a document's conversion a table lookup, with the same result:

- A character that no multi-character key converts otherwise than alone (all but the 243 of
  `data/script_s2t_phrases.tsv`'s "changing" row: 发, 后, 里, 面, 干, 台, 只 ...) comes out as its own
  conversion whatever key covers it, so only those 243 characters can come out otherwise.
- Between two characters that are adjacent in no multi-character key, no key can match across, so the
  matching restarts there exactly as it would at the start of a text: the stretches between such cuts
  convert independently.

So the stretches holding one of the 243 characters (about a fifth of real text) are converted by
OpenCC in one call, joined by newlines (in no key), and everything else is the per-character table.
The pairs are looked up in a hashed bit table: a collision only joins two stretches, never cuts one,
so it costs time, not correctness. The data is derived from the installed OpenCC's own dictionaries
by `benchmarks/script_data.py`; for another OpenCC version, for text holding a normalised character
(U+F900-FAFF, U+2F800-2FA1F), NUL or lone surrogates, or if a converted stretch changes length, the
whole text goes to OpenCC as before.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

import opencc as opencc_binding

from reader.core.script.opencc import code_points, convert, convert_each

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = ["convert_s2t"]

# Size of the hashed table of adjacent pairs (a bit per slot, as bytes): 60,576 pairs fill under 2 %
# of 2**22 slots, so few stretches are joined by a collision, and the table (4 MB) is built in a few ms.
_SLOTS = 1 << 22
_MULTIPLIER = 0x9E3779B1
_NEWLINE = 0x0A
# Below this length OpenCC converts the whole text: the array work has a fixed cost of about 0.15 ms,
# which OpenCC alone takes to convert some 3,000 characters (mixed-script documents convert per line).
_SHORT = 4096


class _Phrases:
    """The data of `data/script_s2t_phrases.tsv` as lookup tables over code points."""

    def __init__(self, raw: str) -> None:
        import numpy as np

        rows = [line.split("\t") for line in raw.splitlines() if line and not line.startswith("#")]
        fields = {row[0]: row[1] for row in rows if row[0] != "pair"}
        self.version = fields["opencc"]
        self.changing = np.zeros(0x110000, dtype=bool)
        self.changing[[ord(ch) for ch in fields["changing"]]] = True
        # Where the whole text goes to OpenCC instead: normalised characters, NUL, lone surrogates.
        self.fallback = np.zeros(0x110000, dtype=bool)
        self.fallback[[ord(ch) for ch in fields["normalised"]]] = True
        self.fallback[0] = True
        self.fallback[0xD800:0xE000] = True
        pairs = [row for row in rows if row[0] == "pair"]
        firsts = np.repeat(code_points("".join(row[1] for row in pairs)), [len(row[2]) for row in pairs])
        seconds = code_points("".join(row[2] for row in pairs))
        self.adjacent = np.zeros(_SLOTS, dtype=bool)
        self.adjacent[_slot(firsts, seconds)] = True


def _slot(first: NDArray[np.uint32], second: NDArray[np.uint32]) -> NDArray[np.uint32]:
    """The hashed table slot of each pair of code points."""
    import numpy as np

    return (first * np.uint32(_MULTIPLIER) + second) & np.uint32(_SLOTS - 1)


@cache
def _phrases() -> _Phrases | None:
    """The tables, or None if they were derived from another OpenCC version than the one installed."""
    raw = files("reader").joinpath("data/script_s2t_phrases.tsv").read_text(encoding="utf-8")
    phrases = _Phrases(raw)
    return phrases if phrases.version == opencc_binding.__version__ else None


def convert_s2t(text: str) -> str:
    """`convert(text, "s2t")`, with OpenCC run only over the stretches where a phrase can matter."""
    import numpy as np

    if len(text) < _SHORT:
        return convert(text, "s2t")
    phrases = _phrases()
    units = code_points(text)
    if phrases is None or phrases.fallback[units].any():
        return convert(text, "s2t")
    changing = phrases.changing[units]
    if not changing.any():
        return convert_each(text, "s2t")
    # A stretch starts wherever the pair ending there is adjacent in no key (and at the start).
    starts = np.ones(units.size, dtype=bool)
    starts[1:] = ~phrases.adjacent[_slot(units[:-1], units[1:])]
    stretch = np.cumsum(starts, dtype=np.int32) - 1
    hot_stretches = np.zeros(int(stretch[-1]) + 1, dtype=bool)
    hot_stretches[stretch[changing]] = True
    hot = np.flatnonzero(hot_stretches[stretch])
    # The hot stretches in order, a newline before each but the first.
    breaks = np.flatnonzero(starts[hot])[1:]
    joined = np.insert(units[hot], breaks, _NEWLINE)
    converted = code_points(convert(joined.tobytes().decode("utf-32-le"), "s2t"))
    if converted.size != joined.size:
        return convert(text, "s2t")
    kept = np.ones(joined.size, dtype=bool)
    kept[breaks + np.arange(breaks.size)] = False
    out = code_points(convert_each(text, "s2t")).copy()
    out[hot] = converted[kept]
    return out.tobytes().decode("utf-32-le")
