"""Carrying offsets from an old version of a text to a new one.

The library re-anchors annotations only when it replaces a stored text, so it always has both versions;
a diff then says exactly where every unchanged passage went.
"""

from __future__ import annotations

import difflib
from bisect import bisect_right

__all__ = ["OffsetCarrier"]


class OffsetCarrier:
    """Where offsets of an old text went in its new version, from a line diff refined inside changed lines.

    The library knows both texts whenever it re-anchors (a re-import, a better cleaner, a restored line),
    and a diff says exactly where unchanged passages moved: more than any quote and context can when the
    document holds look-alike copies.
    """

    def __init__(self, old: str, new: str) -> None:
        self._old_starts, self._new_starts = _line_starts(old), _line_starts(new)
        old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
        self._ops = _line_opcodes(old_lines, new_lines)
        self._old, self._new = old, new
        self._old_lines_n, self._new_lines_n = len(old_lines), len(new_lines)

    def _offset(self, starts: list[int], line: int, total: int) -> int:
        return starts[line] if line < len(starts) else total

    def carry(self, offset: int) -> int:
        line = max(0, bisect_right(self._old_starts, offset) - 1)
        for tag, i1, i2, j1, j2 in self._ops:
            if not i1 <= line < i2:  # pure insertions hold no old offset
                continue
            o1 = self._offset(self._old_starts, i1, len(self._old))
            n1 = self._offset(self._new_starts, j1, len(self._new))
            if tag == "equal":
                return n1 + (offset - o1)
            if tag == "delete" or j1 == j2:
                return n1
            # A changed stretch of lines: align its characters to place the offset inside it.
            o2 = self._offset(self._old_starts, i2, len(self._old))
            n2 = self._offset(self._new_starts, j2, len(self._new))
            chars = difflib.SequenceMatcher(None, self._old[o1:o2], self._new[n1:n2], autojunk=False)
            local = offset - o1
            for ctag, a1, a2, b1, b2 in chars.get_opcodes():
                if a1 <= local < a2 or (a1 == a2 == local):
                    return n1 + b1 + (local - a1 if ctag == "equal" else min(local - a1, b2 - b1))
            return n1 + min(local, n2 - n1)
        return min(offset, len(self._new))


Opcode = tuple[str, int, int, int, int]


def _line_opcodes(old: list[str], new: list[str]) -> list[Opcode]:
    """A line diff that first keeps the common head and tail as they are.

    SequenceMatcher takes the longest matching block wherever it lies, so among repeated lines it can
    match the wrong copies (one blank line inserted among three equal lines came out as two lines inserted
    at the top and the last line deleted), and an offset in the "deleted" line went to the end of the text.
    Lines shared at both ends are the same lines in any sensible reading, so only the middle is diffed.
    """
    head = 0
    while head < len(old) and head < len(new) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < len(old) - head and tail < len(new) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    ops: list[Opcode] = [("equal", 0, head, 0, head)] if head else []
    middle = difflib.SequenceMatcher(None, old[head : len(old) - tail], new[head : len(new) - tail], autojunk=False)
    for tag, i1, i2, j1, j2 in middle.get_opcodes():
        ops.append((tag, i1 + head, i2 + head, j1 + head, j2 + head))
    if tail:
        ops.append(("equal", len(old) - tail, len(old), len(new) - tail, len(new)))
    return ops


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    if starts[-1] == len(text) and len(starts) > 1:
        starts.pop()
    return starts
