"""The token scheme of the search index: every folded text as overlapping character bigrams.

One token per code point (the character and the next one), so a query of n >= 2 characters is the
FTS5 phrase of its n - 1 bigrams and a one-character query is the prefix query "c"*; a phrase match is
then exactly a substring match. Changing anything here changes what is stored: bump `FORMAT` in
`search_schema` and re-index.
"""

from __future__ import annotations

import operator

__all__ = ["bigrams", "phrase"]

# ASCII characters that are not letters or digits separate tokens in FTS5's ascii tokenizer, so each is
# mapped to its own code point at the end of plane 16 (which `fold` keeps out of texts). Every other
# code point is already a token character.
_ESCAPE = {c: chr(0x10FF00 + c) for c in range(128) if not chr(c).isalnum()}
_END = "\U0010fffe"  # the bigram after the last character, so that it has a token of its own


def bigrams(folded: str) -> str:
    """The token stream for a folded text: 'abc' → 'ab bc c⟨end⟩', one token per code point."""
    if not folded:
        return ""
    t = folded.translate(_ESCAPE)
    return " ".join(map(operator.add, t, t[1:] + _END))


def phrase(term: str) -> str:
    """The FTS5 expression matching `term` (folded) as a substring of a column."""
    t = term.translate(_ESCAPE)
    if len(t) == 1:
        return f'"{t}"*'
    return '"' + " ".join(map(operator.add, t, t[1:])) + '"'
