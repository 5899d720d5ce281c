"""Turn a file's bytes into text without guessing wrong silently.

Saved Chinese pages arrive in UTF-8, UTF-16, GB2312/GBK/GB18030 or Big5, and an HTML page's own charset
declaration is often wrong. A strict decode that succeeds is not proof of the right encoding: Big5 bytes
often decode as GBK into nonsense. So every candidate that decodes strictly is scored by how much of it
is common Chinese (the first levels of GB2312 and Big5, the characters everyday text is made of), and
the most plausible wins; a declared charset only breaks ties.
"""

from __future__ import annotations

import codecs
import re
from contextlib import suppress
from dataclasses import dataclass
from functools import lru_cache

# Files longer than this are refused with a message instead of exhausting memory. Decoding tries up to
# four encodings and the cleaner keeps several copies of the text, so a file costs a few times its size;
# 256 MB is far beyond any report or saved page (those with inline images included) and still fits.
MAX_BYTES = 256 * 1024 * 1024

# Characters a decode can yield that the rest of the app must not store: NUL (SQLite's text functions
# and Qt stop at it) and lone surrogates (no UTF-8 encoding exists for them, so storing fails).
_UNSAFE = re.compile("[\x00\ud800-\udfff]")

STRAY_NULS = 8
"""NUL bytes a text may hold (in its first 64 KB, or one in a thousand bytes) and still be read as text."""

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or office document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0", "an old office document"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7z archive"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_\-]+)""", re.IGNORECASE)

_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "cp936": "gb18030",
    "big5": "big5hkscs",
    "big5-hkscs": "big5hkscs",
    "x-big5": "big5hkscs",
    "cp950": "big5hkscs",
    "utf8": "utf-8",
}


class DecodingError(Exception):
    """The file cannot be read as text; the message is one line a user can act on."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    # Invalid byte sequences replaced by U+FFFD: real saved pages often hold a few truncated characters.
    replaced: int = 0


def too_large_reason(size: int | None, limit: int) -> str:
    """The one-line reason for refusing a file over `limit` bytes; `size` None when it is not known
    (a file that kept growing while it was read)."""

    def shown(n: int) -> str:
        if n < 1024:
            return f"{n} bytes"
        if n < 1024 * 1024:
            return f"{n / 1024:.0f} KB"
        value = n / (1024 * 1024)
        return f"{value:.0f} MB" if value >= 10 else f"{value:.1f} MB"

    what = shown(size) if size is not None else f"more than {shown(limit)}"
    return f"too large ({what}; the limit is {shown(limit)})"


def _safe(decoded: Decoded) -> Decoded:
    """Replace NULs and lone surrogates by U+FFFD: same length, so offsets hold, and always storable."""
    found = len(_UNSAFE.findall(decoded.text))
    if not found:
        return decoded
    return Decoded(_UNSAFE.sub("\ufffd", decoded.text), decoded.encoding, decoded.replaced + found)


def _canonical(name: str) -> str | None:
    name = name.strip().lower()
    name = _ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


@lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    """Characters of everyday Chinese: GB2312 level 1 and Big5's frequent-character block."""
    chars: set[str] = set()
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            with suppress(UnicodeDecodeError):
                chars.add(bytes((hi, lo)).decode("gb2312"))
    for hi in range(0xA4, 0xC7):
        for lo in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
            with suppress(UnicodeDecodeError):
                chars.add(bytes((hi, lo)).decode("big5"))
    return frozenset(chars)


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\U00020000" <= ch <= "\U0003134f"


_INSIDE_LATIN_WORD = re.compile(r"(?<=[A-Za-z])[\u3400-\u9fff](?=[a-z])")


def plausibility(text: str) -> float:
    """Share of the CJK characters in `text` that are common ones; 1.0 when there is no CJK at all."""
    common = _common_chars()
    sample = text[:200_000]
    cjk = [ch for ch in sample if _is_cjk(ch)]
    if not cjk:
        return 1.0
    # Private-use and replacement characters are strong signs of a wrong decode; so is a rare Han character
    # inside a Latin word (Größe in cp1252 read as GB18030 gives Gr鲞e: an accented letter and the next
    # one make one two-byte character). A common one there is Chinese joining two terms (pdf转word).
    bad = sum(1 for ch in sample if "\ue000" <= ch <= "\uf8ff" or ch == "\ufffd")
    bad += sum(1 for ch in _INSIDE_LATIN_WORD.findall(sample) if ch not in common)
    good = sum(1 for ch in cjk if ch in common)
    return max(0.0, (good - 2 * bad) / len(cjk))


def _declared(data: bytes, filename: str) -> str | None:
    head = data[:8192]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if match and (filename.lower().endswith((".html", ".htm", ".xhtml", ".xml")) or b"<" in head[:512]):
        return _canonical(match.group(1).decode("ascii", "ignore"))
    return None


def _looks_binary(data: bytes) -> str | None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    sample = data[:65536]
    # A few NULs in a text (a cut-and-paste from a terminal, a damaged save) leave it a text: they become
    # U+FFFD when decoded (`_safe`). Many of them make binary data, or UTF-16 without its byte-order mark.
    if sample.count(b"\x00") > max(STRAY_NULS, len(sample) // 1000):
        return "binary data"
    controls = sum(1 for b in sample if 0 < b < 9 or 13 < b < 32)  # NULs were counted above
    if sample and controls / len(sample) > 0.05:
        return "binary data"
    return None


def _lenient(data: bytes, candidates: list[str]) -> Decoded | None:
    """The most plausible candidate that needs only a handful of replacements, if any."""
    best: tuple[float, int, Decoded] | None = None
    limit = max(2, len(data) // 2000)
    for rank, encoding in enumerate(candidates):
        text = data.decode(encoding, errors="replace")
        replaced = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
        if replaced > limit:
            continue
        score = plausibility(text.replace("\ufffd", ""))
        if score >= 0.5 and (best is None or (score, -rank) > best[:2]):
            best = (score, -rank, Decoded(text, encoding, replaced))
    return None if best is None else best[2]


# Among 8-bit guesses that fit the bytes equally well, the one most Western text is written in: short
# French or Spanish in Latin-1 fits Central European cp1250 as well (è is č there), and the detector's
# first pick among equals is only the first in its own order.
_WESTERN_DEFAULT = "cp1252"


def _western(data: bytes) -> Decoded | None:
    """Not Chinese in any encoding: the detector's best 8-bit guess, with ties going to cp1252."""
    from charset_normalizer import from_bytes

    matches = [m for m in from_bytes(data) if m.encoding]
    if not matches:
        return None
    best = min((m.chaos, -m.coherence) for m in matches)
    tied = [m for m in matches if (m.chaos, -m.coherence) == best]
    chosen = next((m for m in tied if codecs.lookup(m.encoding).name == _WESTERN_DEFAULT), tied[0])
    return Decoded(str(chosen), codecs.lookup(chosen.encoding).name)


def decode_bytes(data: bytes, filename: str = "") -> Decoded:
    """Decode `data` to text, or raise DecodingError saying why it is not a text file."""
    if not data:
        raise DecodingError("empty file")
    if len(data) > MAX_BYTES:
        raise DecodingError(too_large_reason(len(data), MAX_BYTES))
    return _safe(_decode(data, filename))


def _decode(data: bytes, filename: str) -> Decoded:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding.replace("-sig", ""))
            except UnicodeDecodeError as exc:
                message = f"starts with a {encoding} byte-order mark but is not valid {encoding}"
                raise DecodingError(message) from exc
            return Decoded(text, encoding)
    what = _looks_binary(data)
    if what:
        raise DecodingError(f"not a text file ({what})")

    declared = _declared(data, filename)
    candidates: list[str] = []
    for name in ("utf-8", declared, "gb18030", "big5hkscs"):
        if name and name not in candidates:
            candidates.append(name)

    scored: list[tuple[float, int, str, str]] = []
    for rank, encoding in enumerate(candidates):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if encoding == "utf-8":
            # Valid UTF-8 of any length is practically never an accident.
            return Decoded(text, "utf-8")
        scored.append((plausibility(text), -rank, encoding, text))
    if scored:
        best = max(scored)
        if best[0] >= 0.5:
            return Decoded(best[3], best[2])
    lenient = _lenient(data, candidates)
    if lenient is not None:
        return lenient

    western = _western(data)
    if western is not None:
        return western
    if scored:
        best = max(scored)
        return Decoded(best[3], best[2])
    raise DecodingError("not text in any encoding reader knows (UTF-8, UTF-16, GB18030, Big5)")
