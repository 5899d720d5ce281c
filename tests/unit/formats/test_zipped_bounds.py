"""A package without its ZIP directory is walked header by header; the walk reads hostile input, so its
work must grow with the file's size (never with the square of it), every header must count against the
entry limit, and what it recovers must be what zipfile would read from the intact package."""

from __future__ import annotations

import io
import struct
import warnings
import zipfile
import zlib

import pytest

import packagegen as gen
from reader.formats import docx, zipped
from reader.formats.base import FormatError

_LOCAL = struct.Struct("<4sHHHHHIIIHH")
_DESCRIPTOR = 0x8


def _local(name: str, payload: bytes, *, flags: int = 0, method: int = 8, crc: int = 0, size: int = 0) -> bytes:
    """A local header and its data, as a crafted file would write it."""
    raw = name.encode()
    return _LOCAL.pack(b"PK\x03\x04", 20, flags, method, 0, 0, crc, len(payload), size, len(raw), 0) + raw + payload


def _deflated(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


class _CountingInflater:
    """An inflater that adds up the compressed bytes handed to it, so the walk's work can be measured
    without a clock."""

    fed = 0

    def __init__(self) -> None:
        self._inner = zlib.decompressobj(-15)

    def decompress(self, data: bytes | memoryview, max_length: int = 0) -> bytes:
        _CountingInflater.fed += len(data)
        return self._inner.decompress(data, max_length)

    @property
    def eof(self) -> bool:
        return self._inner.eof

    @property
    def unused_data(self) -> bytes:
        return self._inner.unused_data

    @property
    def unconsumed_tail(self) -> bytes:
        return self._inner.unconsumed_tail


def _streamed_entries(count: int) -> bytes:
    """`count` small streamed entries (sizes in a data descriptor after each), no directory."""
    payload = _deflated(b"<a>" + b"x" * 40 + b"</a>")
    return b"".join(_local(f"p{i}.xml", payload, flags=_DESCRIPTOR) + b"PK\x07\x08" + b"\0" * 12 for i in range(count))


def _fed_to_zlib(monkeypatch: pytest.MonkeyPatch, data: bytes) -> int:
    monkeypatch.setattr(_CountingInflater, "fed", 0)
    monkeypatch.setattr(zipped, "_new_inflater", _CountingInflater)
    zipped.Package(data, "Word document")
    return _CountingInflater.fed


def test_walking_many_streamed_entries_hands_zlib_each_byte_a_bounded_number_of_times(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    small, large = _streamed_entries(300), _streamed_entries(600)
    fed_small, fed_large = _fed_to_zlib(monkeypatch, small), _fed_to_zlib(monkeypatch, large)
    # Handing each entry the rest of the file made this grow with the square of the entries (x4 here).
    assert fed_large <= 2.1 * fed_small
    assert fed_large <= len(large) + 600 * zipped._FIRST_WINDOW


def test_the_end_of_a_stored_streamed_entry_is_summed_once_however_many_false_descriptors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A stored entry with its sizes after it ends at the descriptor whose size and CRC fit; a crafted
    file puts a descriptor whose size fits (and CRC does not) after every block."""

    def crafted(blocks: int) -> bytes:
        header = _local("word/document.xml", b"", flags=_DESCRIPTOR, method=0)
        body = bytearray()
        for _ in range(blocks):
            body += b"y" * 499 + b">"
            body += b"PK\x07\x08" + struct.pack("<III", 1, len(body), len(body))
        return header + bytes(body)

    summed = 0
    real_crc32 = zlib.crc32

    def counting(data: bytes | memoryview, value: int = 0) -> int:
        nonlocal summed
        summed += len(data)
        return real_crc32(data, value)

    monkeypatch.setattr(zipped.zlib, "crc32", counting)
    data = crafted(400)
    package = zipped.Package(data, "Word document")
    assert package.cut_short("word/document.xml")  # no descriptor fits: the entry runs to the end of the file
    assert 0 < summed <= len(data)  # each byte summed once (summing each candidate's prefix: 200 times more)


def test_every_header_walked_counts_against_the_entry_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zipped, "MAX_ENTRIES", 50)
    entry = _local("a.xml", b"<a/>", method=0, crc=zlib.crc32(b"<a/>"), size=4)
    assert zipped.Package(entry * 50, "Word document").names == {"a.xml"}
    with pytest.raises(FormatError, match="more than 50 entries"):
        zipped.Package(entry * 51, "Word document")  # one name repeated is no way around the limit
    folders = b"".join(_local(f"d{i}/", b"", method=0) for i in range(51))
    with pytest.raises(FormatError, match="more than 50 entries"):
        zipped.Package(folders + entry, "Word document")


def _document(text: str) -> str:
    return gen.w_part("w:document", f"<w:body>{gen.paragraph(text)}</w:body>")


def test_a_part_written_twice_is_read_from_its_last_copy_as_zipfile_does() -> None:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile warns of the duplicate name it writes
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in gen.docx_parts(**{"word/document.xml": _document("旧版本草稿")}).items():
                archive.writestr(name, content)
            archive.writestr("word/document.xml", _document("新版本发布稿"))
    data = buffer.getvalue()
    intact = docx.IMPORTER.read(data, "a.docx").original
    assert "新版本发布稿" in intact and "旧版本草稿" not in intact
    cut = docx.IMPORTER.read(data[: data.find(b"PK\x05\x06")], "a.docx")
    assert cut.original == intact
    repairs = cut.evidence["repairs"]
    assert repairs.startswith("the package's ZIP directory could not be read")
    assert "; word/document.xml appears more than once in the package; the last whole copy was read" in repairs


class _Unseekable(io.RawIOBase):
    """A stream zipfile cannot seek back in, so it writes each entry's sizes after its data."""

    def __init__(self) -> None:
        self.buffer = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        chunk = bytes(data)  # type: ignore[call-overload]
        self.buffer.extend(chunk)
        return len(chunk)


@pytest.mark.parametrize("streamed", [False, True], ids=["sizes-in-headers", "data-descriptors"])
def test_a_zip64_package_without_its_directory_is_read_whole(streamed: bool) -> None:
    """ZIP64 records: 8-byte sizes in the header's extra field, or a 24-byte data descriptor."""
    parts = gen.docx_parts(**{"word/document.xml": _document("正文第一段。")})
    sink: io.RawIOBase | io.BytesIO = _Unseekable() if streamed else io.BytesIO()
    with zipfile.ZipFile(sink, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            with archive.open(name, "w", force_zip64=True) as stream:
                stream.write(content.encode())
    data = bytes(sink.buffer) if isinstance(sink, _Unseekable) else sink.getvalue()
    whole = docx.IMPORTER.read(data, "a.docx")
    cut = docx.IMPORTER.read(data[: data.rfind(b"PK\x01\x02")], "a.docx")
    assert cut.original == whole.original and "正文第一段" in cut.original
    assert "recovered from their own headers" in cut.evidence["repairs"]
    assert "cut short;" not in cut.evidence["repairs"]  # every part was found whole


def test_a_recovered_part_whose_checksum_fails_is_refused_as_zipfile_refuses_it() -> None:
    text = "正文第一段，校验和保护的内容。"
    data = bytearray(gen.zip_bytes(dict(gen.docx_parts(**{"word/document.xml": _document(text)})), "word/document.xml"))
    at = data.find(text.encode())
    data[at : at + 3] = "反".encode()  # one character changed in the stored body
    with pytest.raises(FormatError, match=r"word/document\.xml cannot be read"):
        docx.IMPORTER.read(bytes(data), "a.docx")  # zipfile: "Bad CRC-32"
    with pytest.raises(FormatError, match=r"word/document.xml cannot be read \(its checksum does not match\)"):
        docx.IMPORTER.read(bytes(data[: data.rfind(b"PK\x01\x02")]), "a.docx")


def _bomb_body(size: int) -> dict[str, str]:
    padding = "<w:p><w:r><w:t>" + "重" * (size // 3) + "</w:t></w:r></w:p>"
    return gen.docx_parts(**{"word/document.xml": gen.w_part("w:document", f"<w:body>{padding}</w:body>")})


def _streamed(parts: dict[str, str]) -> bytes:
    sink = _Unseekable()
    with zipfile.ZipFile(sink, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return bytes(sink.buffer)


def test_the_walk_itself_stops_a_streamed_bomb(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zipped, "MAX_TOTAL", 1024 * 1024)
    data = _streamed(_bomb_body(2 * 1024 * 1024))
    with pytest.raises(FormatError, match="inflates to more than 1 MB"):
        zipped.Package(data[: data.rfind(b"PK\x01\x02") - 1], "Word document")  # before any part is read


def test_the_walk_does_not_spend_the_budget_the_parts_are_read_with(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zipped, "MAX_TOTAL", 1024 * 1024)
    parts = _bomb_body(600 * 1024)  # 0.6 of the cap: walked once and read once, it is under the cap each time
    data = _streamed(parts)
    with zipped.Package(data[: data.rfind(b"PK\x01\x02") - 1], "Word document") as package:
        assert package.salvaged
        assert package.read("word/document.xml") == parts["word/document.xml"].encode()


def test_a_walked_name_ends_at_a_nul_as_zipfile_ends_it() -> None:
    body = _document("正文。").encode()
    entry = _local("word/document.xml\0.exe", body, method=0, crc=zlib.crc32(body), size=len(body))
    with zipped.Package(entry, "Word document") as package:
        assert package.names == {"word/document.xml"}


def test_a_streamed_part_larger_than_one_inflated_chunk_ends_where_its_stream_ends() -> None:
    """Its end is found from the input zlib used, however the output was split; the part after it and
    the part's own CRC then check that the end is exact."""
    big = "<a>" + " " * (5 * zipped._READ_CHUNK) + "</a>"  # its stream ends inside input zlib held back
    parts = {"big.xml": big, "after.xml": "<b>后</b>"}
    data = _streamed(parts)
    with zipped.Package(data[: data.rfind(b"PK\x01\x02")], "Word document") as package:
        assert package.names == {"big.xml", "after.xml"}
        assert package.read("big.xml") == big.encode() and package.read("after.xml") == "<b>后</b>".encode()
