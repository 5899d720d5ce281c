"""Reading the parts of a ZIP package (DOCX, EPUB) without trusting the package.

A package is untrusted input: it may be damaged, encrypted, or a "zip bomb" whose few kilobytes inflate to
gigabytes. Every part is read through `Package.read`, which counts what has been inflated across the whole
package and stops at `MAX_TOTAL` (the size headers are not trusted, the inflated bytes are counted), so a
bomb costs at most that much memory and time. XML parts are parsed without entities or network access.

A package cut short (a download that stopped) has no central directory, the index at the end of a ZIP, so
`zipfile` cannot open it. Every entry is also announced by a local header in front of its data, so the
package is then walked from the start, header by header, as archive repair tools do: each entry whose data
is all there is read whole, and the one the cut runs through is read up to the cut, so the importer reads
the document as far as its parts allow. What was recovered is said in `Package.repairs`.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from types import TracebackType

import lxml.etree

from reader.formats.base import FormatError

ZIP_MAGIC = b"PK\x03\x04"
MAX_TOTAL = 256 * 1024 * 1024
"""Bytes a package may inflate to in all; real books and reports stay far below (a 1,000-page novel is ~5 MB)."""
MAX_ENTRIES = 20_000
"""Entries a package may list; more is a crafted file (a large EPUB has a few thousand)."""
_READ_CHUNK = 1024 * 1024
_LOCAL = struct.Struct("<4sHHHHHIIIHH")
"""A local file header: signature, version, flags, method, time, date, CRC, sizes, name and extra lengths."""
_DESCRIPTOR_MAGIC = b"PK\x07\x08"
_FLAG_ENCRYPTED = 0x1
_FLAG_DESCRIPTOR = 0x8
"""The sizes follow the data (a streamed write), so the data's end is found by inflating it."""
_FLAG_UTF8 = 0x800
_STORED, _DEFLATED = 0, 8


def xml_parser() -> lxml.etree.XMLParser:
    """A parser that expands no entities and fetches nothing: a package's XML cannot reach outside it."""
    return lxml.etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, recover=False)


@dataclass(frozen=True)
class _Entry:
    """One entry found by its local header in a package without a central directory."""

    method: int
    encrypted: bool
    start: int
    end: int
    complete: bool
    """Whether all of the entry's data is in the file (False for the entry the cut runs through)."""


class Package:
    """An open ZIP package whose reads share one inflation budget; every failure is a `FormatError`.

    `repairs` lists, one line each, what was done to read a damaged package (parts recovered from a
    package cut short, parts read only up to the cut); the importer adds it to its evidence."""

    def __init__(self, data: bytes, kind: str) -> None:
        self.kind = kind
        self._budget = MAX_TOTAL
        self._walked = 0
        self.repairs: list[str] = []
        self._zip: zipfile.ZipFile | None = None
        self._data = data
        self._entries: dict[str, _Entry] = {}
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError, NotImplementedError) as exc:
            self._entries = self._walk(data)
            usable = [name for name, entry in self._entries.items() if entry.end > entry.start]
            if not usable:
                raise FormatError(f"damaged {kind}: not a readable ZIP package ({_short(exc)})") from None
            self.names = frozenset(usable)
            whole = sum(1 for name in usable if self._entries[name].complete)
            self.repairs.append(
                f"the package's ZIP directory could not be read (the file was cut short or damaged); {whole} whole"
                f" part(s){' and one cut short' if whole < len(usable) else ''} were recovered from their own headers"
            )
            return
        if len(infos) > MAX_ENTRIES:
            raise FormatError(f"damaged {kind}: {len(infos)} entries in the package is more than {MAX_ENTRIES}")
        self.names = frozenset(info.filename for info in infos)

    def __enter__(self) -> Package:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._zip is not None:
            self._zip.close()

    @property
    def salvaged(self) -> bool:
        """Whether the parts were found by walking the local headers (the directory could not be read)."""
        return self._zip is None

    def has(self, name: str) -> bool:
        return name in self.names

    def _walk(self, data: bytes) -> dict[str, _Entry]:
        """The entries the local headers announce, from the start of the file until one cannot be read
        (the cut, or damage): each with where its data lies and whether all of it is there. An entry
        whose sizes follow its data is inflated to find its end; what it inflates to counts against the
        package's budget, so a bomb is refused here as in `read`."""
        entries: dict[str, _Entry] = {}
        at = 0
        while len(entries) < MAX_ENTRIES and data.startswith(ZIP_MAGIC, at) and at + _LOCAL.size <= len(data):
            _, _, flags, method, _, _, _, compressed, _, name_len, extra_len = _LOCAL.unpack_from(data, at)
            start = at + _LOCAL.size + name_len + extra_len
            if start > len(data):
                break  # the cut runs through the header
            raw_name = data[at + _LOCAL.size : at + _LOCAL.size + name_len]
            name = raw_name.decode("utf-8" if flags & _FLAG_UTF8 else "cp437", errors="replace")
            if flags & _FLAG_DESCRIPTOR and method == _STORED:
                end, complete = _stored_end(data, start)
                after = end + 16
            elif flags & _FLAG_DESCRIPTOR:
                end, complete = self._stream_end(data, start)
                after = end + (4 if data.startswith(_DESCRIPTOR_MAGIC, end) else 0) + 12
            else:
                if compressed == 0xFFFFFFFF:
                    break  # a ZIP64 entry: sizes beyond 4 GB are beyond the budget anyway
                end = min(start + compressed, len(data))
                complete = start + compressed <= len(data)
                after = start + compressed
            if name not in entries and not name.endswith("/"):
                entries[name] = _Entry(method, bool(flags & _FLAG_ENCRYPTED), start, end, complete)
            if not complete:
                break
            at = after
        return entries

    def _stream_end(self, data: bytes, start: int) -> tuple[int, bool]:
        """Where the deflated stream from `start` ends, and whether it ends before the file does."""
        inflater = zlib.decompressobj(-15)
        try:
            for chunk in _inflated(inflater, memoryview(data)[start:]):
                # Counted apart from what `read` inflates later, so that the walk does not halve the
                # package's budget, but held to the same cap: a bomb stops here too.
                self._walked += len(chunk)
                if self._walked > MAX_TOTAL:
                    raise FormatError(f"{self.kind} inflates to more than {MAX_TOTAL // (1024 * 1024)} MB; not read")
        except zlib.error:
            return start, False
        if not inflater.eof:
            return len(data), False
        return len(data) - len(inflater.unused_data), True

    def _spend(self, size: int) -> None:
        self._budget -= size
        if self._budget < 0:
            raise FormatError(f"{self.kind} inflates to more than {MAX_TOTAL // (1024 * 1024)} MB; not read")

    def _read_walked(self, name: str) -> bytes:
        """A part found by `_walk`: inflated from its local data, up to the cut for the part cut short
        (then only up to its last complete tag, so neither a half character nor a half tag is kept)."""
        entry = self._entries[name]
        if entry.encrypted:
            raise FormatError(f"{self.kind} is password-protected; {name} cannot be read")
        raw = memoryview(self._data)[entry.start : entry.end]
        if entry.method == _STORED:
            self._spend(len(raw))
            out = bytes(raw)
        elif entry.method == _DEFLATED:
            inflater = zlib.decompressobj(-15)
            parts: list[bytes] = []
            try:
                for chunk in _inflated(inflater, raw):
                    self._spend(len(chunk))
                    parts.append(chunk)
            except zlib.error as exc:
                if entry.complete:
                    raise FormatError(f"damaged {self.kind}: {name} cannot be read ({_short(exc)})") from None
            out = b"".join(parts)
        else:
            raise FormatError(f"damaged {self.kind}: {name} uses a compression this app cannot read")
        if not entry.complete:
            out = out[: out.rfind(b">") + 1]
            if not out:
                raise FormatError(f"damaged {self.kind}: {name} was cut short before any of it could be read")
            note = f"{name} was cut short; what it held up to the cut was kept"
            if note not in self.repairs:
                self.repairs.append(note)
        return out

    def cut_short(self, name: str) -> bool:
        """Whether `name` is the part a package cut short stops in the middle of."""
        entry = self._entries.get(name)
        return entry is not None and not entry.complete

    def read(self, name: str) -> bytes:
        """One part's bytes; FormatError when it is missing, damaged, encrypted or the package too large."""
        if name not in self.names:
            raise FormatError(f"damaged {self.kind}: the part {name} is missing")
        if self._zip is None:
            return self._read_walked(name)
        parts: list[bytes] = []
        try:
            with self._zip.open(name) as stream:
                while chunk := stream.read(min(_READ_CHUNK, self._budget + 1)):
                    self._spend(len(chunk))
                    parts.append(chunk)
        except FormatError:
            raise
        except RuntimeError:  # zipfile's "File is encrypted, password required"
            raise FormatError(f"{self.kind} is password-protected; {name} cannot be read") from None
        except NotImplementedError:
            raise FormatError(f"damaged {self.kind}: {name} uses a compression this app cannot read") from None
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError) as exc:
            raise FormatError(f"damaged {self.kind}: {name} cannot be read ({_short(exc)})") from None
        return b"".join(parts)

    def xml(self, name: str) -> lxml.etree._Element:
        """One part parsed as XML; FormatError (one line) when it is not well-formed."""
        data = self.read(name)
        try:
            return lxml.etree.fromstring(data, parser=xml_parser())
        except (lxml.etree.XMLSyntaxError, ValueError) as exc:
            raise FormatError(f"damaged {self.kind}: {name} is not well-formed XML ({_short(exc)})") from None

    def xml_repaired(self, name: str, repairs: list[str]) -> lxml.etree._Element:
        """One part parsed as XML, or, when it is not well-formed, what a recovering parse keeps of it (as
        Word and e-book readers do: a few damaged bytes should not cost the whole text); each repair is
        added to `repairs` in one line. The part is inflated once for both parses. FormatError when it is
        missing or unreadable, or nothing can be recovered."""
        data = self.read(name)
        try:
            return lxml.etree.fromstring(data, parser=xml_parser())
        except (lxml.etree.XMLSyntaxError, ValueError) as exc:
            strict_error = FormatError(f"damaged {self.kind}: {name} is not well-formed XML ({_short(exc)})")
        # The same guards as `xml_parser`: no entities expanded, nothing fetched, no DTD loaded.
        recovering = lxml.etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, recover=True)
        try:
            root = lxml.etree.fromstring(data, parser=recovering)
        except (lxml.etree.XMLSyntaxError, ValueError):
            root = None
        if root is None:
            raise strict_error
        if not self.cut_short(name):  # a part cut short is already in `self.repairs`
            repairs.append(f"{name} was damaged; what could be read of it was kept (text after the damage may be lost)")
        return root


def _stored_end(data: bytes, start: int) -> tuple[int, bool]:
    """Where an uncompressed entry whose sizes follow it ends: at the first data descriptor (signature,
    CRC, sizes) whose size and CRC fit the bytes before it. Not found, the entry runs to the cut."""
    at = data.find(_DESCRIPTOR_MAGIC, start)
    while at >= 0 and at + 16 <= len(data):
        crc, size = struct.unpack_from("<II", data, at + 4)
        if size == at - start and zlib.crc32(memoryview(data)[start:at]) == crc:
            return at, True
        at = data.find(_DESCRIPTOR_MAGIC, at + 1)
    return len(data), False


def _inflated(inflater: zlib._Decompress, data: memoryview) -> Iterator[bytes]:
    """What `inflater` makes of `data`, at most `_READ_CHUNK` at a time (so a bomb is stopped between
    chunks, not after it has filled memory), until the stream ends or the data runs out."""
    pending: bytes | memoryview = data
    while not inflater.eof:
        chunk = inflater.decompress(pending, _READ_CHUNK)
        pending = inflater.unconsumed_tail
        if chunk:
            yield chunk
        elif not pending:
            break


def _short(exc: BaseException) -> str:
    """An exception as one short line (library messages can carry newlines and whole paths)."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 100 else text[:99] + "…"
