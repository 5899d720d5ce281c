"""Saved web pages (.mhtml, .mht): one file holding the page and its images as a MIME message.

Browsers save "Webpage, single file" as a multipart/related message: the page's HTML is one part, in a
transfer encoding (quoted-printable, base64) and a charset its headers name. The standard library's email
parser undoes both; the page then goes through the HTML importer, so it is cleaned as the same page
saved as .html would be, and it is the decoded HTML that is stored.
"""

from __future__ import annotations

import codecs
import email
import email.message
import email.policy
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from reader.core.cleaning import SourceHints
from reader.core.derive import Derived
from reader.core.text.decoding import decode_bytes
from reader.formats import html
from reader.formats.base import FormatError, ImportedText

_HEADERS_END = (b"\r\n\r\n", b"\n\n")
_CHARSET_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs", "ascii": "utf-8"}
"""Pages declare the older charset and use characters of its superset; decoding by the superset loses none."""


def _headers(head: bytes) -> dict[str, str]:
    """The top-level MIME headers in the first bytes (lower-cased names), or {} if they do not end there."""
    ends = [i for i in (head.find(end) for end in _HEADERS_END) if i >= 0]
    if not ends:
        return {}
    text = head[: min(ends)].decode("latin-1")
    message = email.message_from_string(text + "\n\n", policy=email.policy.compat32)
    return {name.lower(): str(value) for name, value in message.items()}


def _page(message: email.message.Message) -> email.message.Message | None:
    """The page's HTML part: the one the multipart's `start` names, else the first text/html part."""
    start = (message.get_param("start") or "") if message.is_multipart() else ""
    htmls = [part for part in message.walk() if part.get_content_type() == "text/html"]
    if isinstance(start, str) and start:
        for part in htmls:
            if part.get("Content-ID", "").strip() == start.strip():
                return part
    return htmls[0] if htmls else None


def _decode(payload: bytes, charset: str | None, filename: str) -> tuple[str, str]:
    """The HTML part as text, by its declared charset when that decodes it cleanly, else detected."""
    if charset:
        name = _CHARSET_SUPERSETS.get(charset.lower(), charset.lower())
        try:
            codecs.lookup(name)
            return payload.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass
    decoded = decode_bytes(payload, filename)
    return decoded.text, decoded.encoding


@dataclass(frozen=True)
class MhtmlImporter:
    name: str = "mhtml"
    label: str = "Saved web pages"
    suffixes: frozenset[str] = frozenset({".mhtml", ".mht"})

    def sniff(self, head: bytes) -> bool:
        """A MIME message whose top-level type is multipart/related (what browsers write), whatever its name."""
        headers = _headers(head)
        return "mime-version" in headers and headers.get("content-type", "").lower().startswith("multipart/related")

    def read(
        self,
        data: bytes,
        filename: str,
        *,
        cancelled: Callable[[], bool] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportedText:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
        if not message.is_multipart() and message.get_content_type() != "text/html":
            raise FormatError("not a saved web page: no MIME parts (expected multipart/related)")
        part = _page(message)
        if part is None:
            raise FormatError("saved web page holds no HTML page (no text/html part)")
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes) or not payload.strip():
            raise FormatError("saved web page's HTML part is empty")
        text, encoding = _decode(payload, part.get_content_charset(), filename)
        imported = html.IMPORTER.from_raw(text)
        evidence = {
            "encoding": encoding,
            "markup": "mhtml",
            "transfer-encoding": str(part.get("Content-Transfer-Encoding", "7bit")).lower(),
        }
        location = message.get("Snapshot-Content-Location") or part.get("Content-Location")
        if location:
            evidence["location"] = str(location)
        return ImportedText(raw=imported.raw, original=imported.original, evidence=evidence)

    def from_raw(self, raw: str) -> ImportedText:
        return html.IMPORTER.from_raw(raw)

    def evidence(self, raw: str) -> dict[str, str]:
        return html.IMPORTER.evidence(raw)

    def derive(
        self, imported: ImportedText, overrides: Mapping[int, bool] | None = None, *, hints: SourceHints | None = None
    ) -> Derived:
        return html.IMPORTER.derive(imported, overrides, hints=hints)


IMPORTER = MhtmlImporter()
