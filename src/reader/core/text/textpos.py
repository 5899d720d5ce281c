"""Code points ↔ UTF-16 code units: the one conversion at the boundary between the store and Qt.

Stored offsets count code points (Python `str` indices); Qt's QString, QTextCursor and
QTextDocument count UTF-16 code units, in which a character outside the BMP (𠗣, 𡃁, many rare names
and place names in extension B) takes two. Mixing the two shifts every highlight after such a
character, so all conversions go through `Utf16Index`, built once per displayed text. Note that a
script view needs its own index: t2s maps 𠗣 (two units) to 㓆 (one), keeping code points but not
UTF-16 units.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

__all__ = ["Utf16Index"]


class Utf16Index:
    """Offsets of one text in both units: O(n) to build, O(log k) per call for k astral characters.

    Most Chinese text has no character outside the BMP, and then both units agree and every call is
    a range check. Otherwise the index keeps the code-point positions of the astral characters: the
    UTF-16 offset of code point `cp` is `cp` plus the number of astral characters before it.
    """

    __slots__ = ("_astral_cp", "_astral_u16", "length", "utf16_length")

    def __init__(self, text: str) -> None:
        self.length = len(text)
        if text.isascii() or len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text):
            astral: list[int] = []
        else:
            astral = [i for i, ch in enumerate(text) if ch > "\uffff"]
        self._astral_cp = astral
        # UTF-16 offset at which each astral character starts: its code-point offset plus one
        # extra unit for every astral character before it.
        self._astral_u16 = [cp + k for k, cp in enumerate(astral)]
        self.utf16_length = self.length + len(astral)

    @property
    def is_bmp(self) -> bool:
        """True when the text has no astral characters, so both kinds of offset are the same."""
        return not self._astral_cp

    def to_utf16(self, cp: int) -> int:
        """The UTF-16 offset of code-point offset `cp` (0 ≤ cp ≤ len(text))."""
        if not 0 <= cp <= self.length:
            raise IndexError(f"code-point offset {cp} outside 0..{self.length}")
        if not self._astral_cp:
            return cp
        return cp + bisect_left(self._astral_cp, cp)

    def to_cp(self, u16: int) -> int:
        """The code-point offset of UTF-16 offset `u16`; the middle of a surrogate pair rounds down."""
        if not 0 <= u16 <= self.utf16_length:
            raise IndexError(f"UTF-16 offset {u16} outside 0..{self.utf16_length}")
        if not self._astral_cp:
            return u16
        # Astral characters starting before u16 each took one unit more than a code point; one that
        # starts at u16 - 1 is cut in half, and counting it too lands on its start.
        return u16 - bisect_right(self._astral_u16, u16 - 1)

    def span_to_utf16(self, start: int, end: int) -> tuple[int, int]:
        return self.to_utf16(start), self.to_utf16(end)

    def span_to_cp(self, start: int, end: int) -> tuple[int, int]:
        """A UTF-16 span in code points; an end inside a surrogate pair extends over that character."""
        cp_end = self.to_cp(end)
        if self.to_utf16(cp_end) < end:
            cp_end += 1
        return self.to_cp(start), cp_end
