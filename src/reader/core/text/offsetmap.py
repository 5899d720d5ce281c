"""Code-point offsets between a converted view and the stored text it was made from.

Entities, annotations and search hits are stored as offsets into the original text, but the reader may
be looking at a view whose length differs (OpenCC phrase configs turn 老挝 into 寮 or 快閃記憶體 into
闪存). The map records only the places where lengths differ, as blocks; between blocks offsets move by
a constant shift, so a view that keeps its length costs nothing and a phrase view costs one block per
length-changing phrase. A position inside a block has no exact counterpart: a span start snaps to the
block's start and a span end to its end, so a mapped span always covers at least the characters the
user meant and mapping back and forth never loses any of them.

`align` finds the blocks by asking the converter itself where it may be cut (see its docstring), so
the view is exactly what OpenCC produces and the blocks fall on OpenCC's own segment boundaries.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import NamedTuple

__all__ = ["Block", "OffsetMap", "align"]


class Block(NamedTuple):
    """One stretch where the view and the source differ in length: [src_start, src_end) → [view_...)."""

    src_start: int
    src_end: int
    view_start: int
    view_end: int


class OffsetMap:
    """Code-point offsets between a view and the stored (source) text; see the module docstring."""

    __slots__ = ("_blocks", "_src_starts", "_view_starts", "source_length", "view_length")

    def __init__(self, source_length: int, view_length: int, blocks: Sequence[Block] = ()) -> None:
        shift = 0
        prev_src_end = prev_view_end = 0
        for b in blocks:
            if b.src_start < prev_src_end or b.view_start < prev_view_end:
                raise ValueError(f"blocks overlap or are out of order at {b}")
            if b.src_end <= b.src_start or b.view_end <= b.view_start:
                raise ValueError(f"empty side in block {b}")
            if b.view_start - b.src_start != shift:
                raise ValueError(f"block {b} does not follow the shift {shift} of the blocks before it")
            shift = b.view_end - b.src_end
            prev_src_end, prev_view_end = b.src_end, b.view_end
        if view_length - source_length != shift or prev_src_end > source_length:
            raise ValueError("blocks do not account for the difference in length")
        self._blocks: tuple[Block, ...] = tuple(blocks)
        self._src_starts = [b.src_start for b in self._blocks]
        self._view_starts = [b.view_start for b in self._blocks]
        self.source_length = source_length
        self.view_length = view_length

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls(length, length)

    @property
    def is_identity(self) -> bool:
        return not self._blocks and self.source_length == self.view_length

    @property
    def blocks(self) -> tuple[Block, ...]:
        return self._blocks

    def __repr__(self) -> str:
        return (
            f"OffsetMap(source_length={self.source_length}, view_length={self.view_length}, blocks={len(self._blocks)})"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, OffsetMap):
            return NotImplemented
        return (self.source_length, self.view_length, self._blocks) == (
            other.source_length,
            other.view_length,
            other._blocks,
        )

    def __hash__(self) -> int:
        return hash((self.source_length, self.view_length, self._blocks))

    # One routine serves both directions and both roundings so that they cannot drift apart.
    def _map(self, offset: int, *, forward: bool, ceil: bool) -> int:
        limit = self.source_length if forward else self.view_length
        if not 0 <= offset <= limit:
            raise IndexError(f"offset {offset} outside 0..{limit}")
        if not self._blocks:
            return offset
        i = bisect_right(self._src_starts if forward else self._view_starts, offset) - 1
        if i < 0:
            return offset
        b = self._blocks[i]
        start, end, other_start, other_end = (
            (b.src_start, b.src_end, b.view_start, b.view_end)
            if forward
            else (b.view_start, b.view_end, b.src_start, b.src_end)
        )
        if offset == start:
            return other_start
        if offset < end:
            return other_end if ceil else other_start
        return offset + (other_end - end)

    def to_view(self, source_offset: int) -> int:
        """The view offset for a source offset; inside a changed phrase it snaps to the phrase start."""
        return self._map(source_offset, forward=True, ceil=False)

    def to_source(self, view_offset: int) -> int:
        """The source offset for a view offset; inside a changed phrase it snaps to the phrase start."""
        return self._map(view_offset, forward=False, ceil=False)

    def span_to_view(self, start: int, end: int) -> tuple[int, int]:
        """The view span covering source [start, end); widened to whole phrases where they changed."""
        return self._span(start, end, forward=True)

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """The source span covering view [start, end); widened to whole phrases where they changed."""
        return self._span(start, end, forward=False)

    def _span(self, start: int, end: int, *, forward: bool) -> tuple[int, int]:
        if start > end:
            raise ValueError(f"span start {start} after end {end}")
        if start == end:  # a caret stays a caret
            at = self._map(start, forward=forward, ceil=False)
            return at, at
        return self._map(start, forward=forward, ceil=False), self._map(end, forward=forward, ceil=True)


# Nothing in OpenCC's dictionaries contains these, so the converter never looks across them; cutting
# the text there first keeps the search below to short pieces. `align` checks that the pieces convert
# to exactly what the whole text converts to, and falls back to converting them one by one if not.
_BREAK_RE = re.compile(r"(?<=[\s\u3000-\u3006\u3008-\u303f\uff01-\uff0f\uff1a-\uff20,.;:!?()\[\]\"'])")

# OpenCC's longest dictionary key is 15 characters (TWPhrases); any window this wide holds a cut point.
_MAX_SHIFT = 24


class _Piece(NamedTuple):
    src: str
    out: str
    chars: list[str]  # each source character converted on its own
    src_pos: int
    view_pos: int


def align(
    source: str,
    convert: Callable[[str], str],
    per_char: Callable[[str], list[str]],
) -> tuple[str, OffsetMap]:
    """Convert `source` and find which stretches of it changed length, using the converter as oracle.

    OpenCC's Python binding does not expose its segmentation, so we recover it: a piece is cut at a
    point where converting the two halves separately gives exactly the converted whole, which holds
    at OpenCC's own segment boundaries (maximum forward matching restarts cleanly there) and those are
    at most a phrase apart. Halving repeatedly isolates each length-changing phrase. A piece whose
    conversion equals its character-by-character conversion (`per_char`) needs no search at all.
    Conversions are batched (pieces joined by a private-use separator) because each call into OpenCC
    costs about as much as converting a few hundred characters.
    """
    whole = convert(source)
    chars = per_char(source)
    many = _batcher(convert, source)
    src_pieces = [p for p in _BREAK_RE.split(source) if p]
    out_pieces = [p for p in _BREAK_RE.split(whole) if p]
    # Break characters convert to themselves, so the converted text splits into the same pieces;
    # every piece whose conversion is not simply character by character is checked on its own.
    if len(src_pieces) != len(out_pieces):
        out_pieces = []
    pieces = _pieces(src_pieces, out_pieces, chars) if out_pieces else []
    suspects = [p for p in pieces if "".join(p.chars) != p.out]
    if not out_pieces or many([p.src for p in suspects]) != [p.out for p in suspects]:
        out_pieces = many(src_pieces)
        if "".join(out_pieces) != whole:
            src_pieces, out_pieces = [source], [whole]
        pieces = _pieces(src_pieces, out_pieces, chars)
    blocks: list[Block] = []
    _search(pieces, many, blocks)
    blocks.sort()
    return whole, OffsetMap(len(source), len(whole), blocks)


def _pieces(src_pieces: list[str], out_pieces: list[str], chars: list[str]) -> list[_Piece]:
    """The pieces that need a look: those not converted character by character to the same length."""
    pieces = []
    src_pos = view_pos = 0
    # When every character converts to one character, the character-wise conversion of a piece is a
    # slice of one string: comparing slices avoids joining a list for each of thousands of pieces.
    flat = "".join(chars)
    one_to_one = len(flat) == len(chars)
    for src, out in zip(src_pieces, out_pieces, strict=True):
        n = len(src)
        same = len(out) == n and (
            flat[src_pos : src_pos + n] == out if one_to_one else "".join(chars[src_pos : src_pos + n]) == out
        )
        if not same:
            pieces.append(_Piece(src, out, chars[src_pos : src_pos + n], src_pos, view_pos))
        src_pos += n
        view_pos += len(out)
    return pieces


def _batcher(convert: Callable[[str], str], source: str) -> Callable[[list[str]], list[str]]:
    """Convert many strings in one call, joined by a private-use character absent from the text."""
    sep = next((chr(c) for c in range(0xE000, 0xF900) if chr(c) not in source), None)

    def many(strings: list[str]) -> list[str]:
        if not strings:
            return []
        if sep is not None:
            out = convert(sep.join(strings)).split(sep)
            if len(out) == len(strings):
                return out
        return [convert(s) for s in strings]

    return many


def _search(pieces: list[_Piece], many: Callable[[list[str]], list[str]], blocks: list[Block]) -> None:
    """Halve every piece that differs from its character-wise conversion, one round per batch."""
    pending = [(p, 0) for p in pieces]  # (piece, index of the next cut to try)
    while pending:
        trying: list[tuple[_Piece, int, int]] = []  # (piece, candidate index, cut)
        for piece, k in pending:
            if "".join(piece.chars) == piece.out:
                _emit_chars(piece, blocks)
                continue
            cut = _candidate(len(piece.src), k)
            if cut is None:
                _emit_phrase(piece, blocks)
            else:
                trying.append((piece, k, cut))
        halves = many([h for piece, _, cut in trying for h in (piece.src[:cut], piece.src[cut:])])
        pending = []
        for i, (piece, k, cut) in enumerate(trying):
            left, right = halves[2 * i], halves[2 * i + 1]
            if left + right != piece.out:
                pending.append((piece, k + 1))
                continue
            pending.append((_Piece(piece.src[:cut], left, piece.chars[:cut], piece.src_pos, piece.view_pos), 0))
            pending.append(
                (
                    _Piece(piece.src[cut:], right, piece.chars[cut:], piece.src_pos + cut, piece.view_pos + len(left)),
                    0,
                )
            )


def _candidate(n: int, k: int) -> int | None:
    """The k-th cut to try in a piece of n characters: the middle, then alternately either side."""
    mid = n // 2
    tried = 0
    for delta in range(_MAX_SHIFT + 1):
        for cut in (mid - delta, mid + delta) if delta else (mid,):
            if 0 < cut < n:
                if tried == k:
                    return cut
                tried += 1
    return None


def _emit_chars(piece: _Piece, blocks: list[Block]) -> None:
    if len(piece.out) == len(piece.src):
        return
    src_pos, view_pos = piece.src_pos, piece.view_pos
    for ch_out in piece.chars:
        if len(ch_out) != 1:
            blocks.append(Block(src_pos, src_pos + 1, view_pos, view_pos + len(ch_out)))
        src_pos += 1
        view_pos += len(ch_out)


def _emit_phrase(piece: _Piece, blocks: list[Block]) -> None:
    src, out, chars = piece.src, piece.out, piece.chars
    n = len(src)
    if len(out) == n:
        return  # an indivisible phrase of the same length: characters correspond in order
    # An indivisible phrase that changes length. Characters at either end that convert on their own
    # exactly as they did inside the phrase (老挝人民民主共和国 → 寮人民民主共和國) stay outside the block.
    head = 0
    limit = min(n, len(out)) - 1
    while head < limit and len(chars[head]) == 1 and chars[head] == out[head]:
        head += 1
    tail = 0
    while head + tail < limit and len(chars[n - 1 - tail]) == 1 and chars[n - 1 - tail] == out[-1 - tail]:
        tail += 1
    blocks.append(
        Block(piece.src_pos + head, piece.src_pos + n - tail, piece.view_pos + head, piece.view_pos + len(out) - tail)
    )
