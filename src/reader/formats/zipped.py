"""Reading the parts of a ZIP package (DOCX, EPUB) without trusting the package.

A package is untrusted input: it may be damaged, encrypted, or a "zip bomb" whose few kilobytes inflate to
gigabytes. Every part is read through `Package.read`, which counts what has been inflated across the whole
package and stops at `MAX_TOTAL` (the size headers are not trusted, the inflated bytes are counted), so a
bomb costs at most that much memory and time. XML parts are parsed without entities or network access.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from types import TracebackType

import lxml.etree

from reader.formats.base import FormatError

ZIP_MAGIC = b"PK\x03\x04"
MAX_TOTAL = 256 * 1024 * 1024
"""Bytes a package may inflate to in all; real books and reports stay far below (a 1,000-page novel is ~5 MB)."""
MAX_ENTRIES = 20_000
"""Entries a package may list; more is a crafted file (a large EPUB has a few thousand)."""
_READ_CHUNK = 1024 * 1024


def xml_parser() -> lxml.etree.XMLParser:
    """A parser that expands no entities and fetches nothing: a package's XML cannot reach outside it."""
    return lxml.etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, recover=False)


class Package:
    """An open ZIP package whose reads share one inflation budget; every failure is a `FormatError`."""

    def __init__(self, data: bytes, kind: str) -> None:
        self.kind = kind
        self._budget = MAX_TOTAL
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError, NotImplementedError) as exc:
            raise FormatError(f"damaged {kind}: not a readable ZIP package ({_short(exc)})") from None
        if len(infos) > MAX_ENTRIES:
            raise FormatError(f"damaged {kind}: {len(infos)} entries in the package is more than {MAX_ENTRIES}")
        self.names = frozenset(info.filename for info in infos)

    def __enter__(self) -> Package:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self._zip.close()

    def has(self, name: str) -> bool:
        return name in self.names

    def read(self, name: str) -> bytes:
        """One part's bytes; FormatError when it is missing, damaged, encrypted or the package too large."""
        if name not in self.names:
            raise FormatError(f"damaged {self.kind}: the part {name} is missing")
        parts: list[bytes] = []
        try:
            with self._zip.open(name) as stream:
                while chunk := stream.read(min(_READ_CHUNK, self._budget + 1)):
                    self._budget -= len(chunk)
                    if self._budget < 0:
                        raise FormatError(
                            f"{self.kind} inflates to more than {MAX_TOTAL // (1024 * 1024)} MB; not read"
                        )
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
        repairs.append(f"{name} was damaged; what could be read of it was kept (text after the damage may be lost)")
        return root


def _short(exc: BaseException) -> str:
    """An exception as one short line (library messages can carry newlines and whole paths)."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 100 else text[:99] + "…"
