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
from collections.abc import Callable, Mapping
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
_NEXT = (ZIP_MAGIC, b"PK\x01\x02", b"PK\x05\x06", b"PK\x06\x06")
"""What may follow an entry: the next local header, the directory, or its end records."""
_WINDOW = 64 * 1024
"""Compressed bytes handed to zlib at a time, at most; the first window is `_FIRST_WINDOW` and each next
one twice the last, so a small entry is not handed the 64 KB after it."""
_FIRST_WINDOW = 1024
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
    crc: int | None
    """The CRC-32 its header or data descriptor gives, checked when a whole entry is read."""


class Package:
    """An open ZIP package whose reads share one inflation budget; every failure is a `FormatError`.

    `repairs` lists, one line each, what was done to read a damaged package (parts recovered from a
    package cut short, parts read only up to the cut); the importer adds it to its evidence. `namespaces`
    maps namespace names of a format's variant to those the reader looks for (Word's Strict Open XML to
    its transitional names): XML parts are read as if written with the latter."""

    def __init__(self, data: bytes, kind: str, namespaces: Mapping[bytes, bytes] | None = None) -> None:
        self.kind = kind
        self._namespaces = dict(namespaces or {})
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
            self.repairs.insert(  # first, before what the walk noted of single parts
                0,
                f"the package's ZIP directory could not be read (the file was cut short or damaged); {whole} whole"
                f" part(s){' and one cut short' if whole < len(usable) else ''} were recovered from their own headers",
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
        package's budget, so a bomb is refused here as in `read`. Every header walked counts against
        `MAX_ENTRIES`, folders and repeated names too, so the walk's work is bounded by the file's size."""
        entries: dict[str, _Entry] = {}
        view = memoryview(data)
        walked = 0
        at = 0
        while data.startswith(ZIP_MAGIC, at) and at + _LOCAL.size <= len(data):
            walked += 1
            if walked > MAX_ENTRIES:
                raise FormatError(f"damaged {self.kind}: more than {MAX_ENTRIES} entries in the package")
            _, _, flags, method, _, _, crc, compressed, _, name_len, extra_len = _LOCAL.unpack_from(data, at)
            start = at + _LOCAL.size + name_len + extra_len
            if start > len(data):
                break  # the cut runs through the header
            raw_name = data[at + _LOCAL.size : at + _LOCAL.size + name_len].split(b"\0", 1)[0]
            name = raw_name.decode("utf-8" if flags & _FLAG_UTF8 else "cp437", errors="replace")
            checksum: int | None = crc
            if flags & _FLAG_DESCRIPTOR and method == _STORED:
                end, complete = _stored_end(data, start)
                checksum = None  # the end was found by this very checksum
                after = _after_descriptor(data, end, signed=True) if complete else end
            elif flags & _FLAG_DESCRIPTOR:
                end, complete = self._stream_end(view, start)
                signed = data.startswith(_DESCRIPTOR_MAGIC, end)
                after = _after_descriptor(data, end, signed)
                crc_at = end + (4 if signed else 0)
                checksum = struct.unpack_from("<I", data, crc_at)[0] if complete and crc_at + 4 <= len(data) else None
            else:
                if compressed == 0xFFFFFFFF:
                    size = _zip64_size(view[at + _LOCAL.size + name_len : start])
                    if size is None:
                        break
                    compressed = size
                end = min(start + compressed, len(data))
                complete = start + compressed <= len(data)
                after = start + compressed
            if not name.endswith("/"):
                earlier = entries.get(name)
                if earlier is not None:
                    note = f"{name} appears more than once in the package; the last whole copy was read"
                    if note not in self.repairs:
                        self.repairs.append(note)
                if earlier is None or complete:
                    entries[name] = _Entry(method, bool(flags & _FLAG_ENCRYPTED), start, end, complete, checksum)
            if not complete:
                break
            at = after
        return entries

    def _stream_end(self, data: memoryview, start: int) -> tuple[int, bool]:
        """Where the deflated stream from `start` ends, and whether it ends before the file does."""

        def count(chunk: bytes) -> None:
            # Counted apart from what `read` inflates later, so that the walk does not halve the
            # package's budget, but held to the same cap: a bomb stops here too.
            self._walked += len(chunk)
            if self._walked > MAX_TOTAL:
                raise FormatError(f"{self.kind} inflates to more than {MAX_TOTAL // (1024 * 1024)} MB; not read")

        try:
            used, ended = _inflate(data[start:], count)
        except zlib.error:
            return start, False
        return (start + used, True) if ended else (len(data), False)

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
            parts: list[bytes] = []

            def keep(chunk: bytes) -> None:
                self._spend(len(chunk))
                parts.append(chunk)

            try:
                _inflate(raw, keep)
            except zlib.error as exc:
                if entry.complete:
                    raise FormatError(f"damaged {self.kind}: {name} cannot be read ({_short(exc)})") from None
            out = b"".join(parts)
        else:
            raise FormatError(f"damaged {self.kind}: {name} uses a compression this app cannot read")
        if entry.complete and entry.crc is not None and zlib.crc32(out) != entry.crc:
            # As zipfile does for an intact package ("Bad CRC-32"): the bytes are not what was written.
            raise FormatError(f"damaged {self.kind}: {name} cannot be read (its checksum does not match)")
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

    def _xml_bytes(self, name: str) -> bytes:
        data = self.read(name)
        for variant, name_read in self._namespaces.items():
            data = data.replace(variant, name_read)
        return data

    def xml(self, name: str) -> lxml.etree._Element:
        """One part parsed as XML; FormatError (one line) when it is not well-formed."""
        data = self._xml_bytes(name)
        try:
            return lxml.etree.fromstring(data, parser=xml_parser())
        except (lxml.etree.XMLSyntaxError, ValueError) as exc:
            raise FormatError(f"damaged {self.kind}: {name} is not well-formed XML ({_short(exc)})") from None

    def xml_repaired(self, name: str, repairs: list[str]) -> lxml.etree._Element:
        """One part parsed as XML, or, when it is not well-formed, what a recovering parse keeps of it (as
        Word and e-book readers do: a few damaged bytes should not cost the whole text); each repair is
        added to `repairs` in one line. The part is inflated once for both parses. FormatError when it is
        missing or unreadable, or nothing can be recovered."""
        data = self._xml_bytes(name)
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
    CRC, sizes) whose size and CRC fit the bytes before it. Not found, the entry runs to the cut. The CRC
    is kept running from one candidate to the next, so each byte is summed once however many candidates
    a crafted file holds."""
    view = memoryview(data)
    crc, summed = 0, start
    at = data.find(_DESCRIPTOR_MAGIC, start)
    while at >= 0 and at + 16 <= len(data):
        crc = zlib.crc32(view[summed:at], crc)
        summed = at
        # The low four bytes of the size are the size in a 32-bit and in a ZIP64 (64-bit) descriptor alike.
        want_crc, size = struct.unpack_from("<II", data, at + 4)
        if size == (at - start) & 0xFFFFFFFF and crc == want_crc:
            return at, True
        at = data.find(_DESCRIPTOR_MAGIC, at + 1)
    return len(data), False


def _after_descriptor(data: bytes, end: int, signed: bool) -> int:
    """Where the entry after a data descriptor at `end` starts: the descriptor is 12 bytes after an
    optional signature, or 20 with ZIP64's 8-byte sizes, so the next header is looked for at each place."""
    base = end + (4 if signed else 0)
    for size in (12, 20):
        if data.startswith(_NEXT, base + size):
            return base + size
    return base + 12


def _zip64_size(extra: memoryview) -> int | None:
    """The compressed size in a local header's ZIP64 extra field (id 1: the uncompressed, then the
    compressed size, 8 bytes each), or None when it is missing."""
    at = 0
    while at + 4 <= len(extra):
        kind, length = struct.unpack_from("<HH", extra, at)
        if kind == 1 and length >= 16:
            return int(struct.unpack_from("<Q", extra, at + 12)[0])
        at += 4 + length
    return None


def _new_inflater() -> zlib._Decompress:
    return zlib.decompressobj(-15)


def _inflate(data: memoryview, sink: Callable[[bytes], None]) -> tuple[int, bool]:
    """Inflate the raw deflate stream at the start of `data`, handing `sink` at most `_READ_CHUNK` at a
    time (so a bomb is stopped between chunks, not after it has filled memory); the bytes of `data` the
    stream used, and whether it ended. The input goes in growing windows of at most `_WINDOW`: given all
    of it, zlib would copy what follows the stream (the rest of the file) at every call, which a file of
    many entries turns quadratic; so each byte of the file is handed to zlib a bounded number of times."""
    inflater = _new_inflater()
    fed, window = 0, _FIRST_WINDOW
    while not inflater.eof:
        pending: bytes | memoryview = inflater.unconsumed_tail
        if not pending and fed < len(data):
            pending = data[fed : fed + window]
            fed += len(pending)
            window = min(2 * window, _WINDOW)
        chunk = inflater.decompress(pending, _READ_CHUNK)
        if chunk:
            sink(chunk)
        elif not pending:
            break
    if not inflater.eof:
        return fed, False
    # At the stream's end the input after it is in `unused_data`; `unconsumed_tail` may still hold a
    # copy of it (when the end came in input held back by the output limit), so it is not subtracted.
    return fed - len(inflater.unused_data), True


def _short(exc: BaseException) -> str:
    """An exception as one short line (library messages can carry newlines and whole paths)."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 100 else text[:99] + "…"
