"""Saved web pages: the HTML part found, its transfer encoding and charset undone, then cleaned as a page."""

from __future__ import annotations

import pytest

import packagegen as gen
from reader.core.text.decoding import DecodingError
from reader.formats import html, importer_for, mhtml
from reader.formats.base import SNIFF_BYTES, FormatError


@pytest.mark.parametrize(
    ("charset", "encoding", "transfer"),
    [
        ("gb2312", "gb18030", "quoted-printable"),  # a GB2312 label on GBK text (镕 is not in GB2312)
        ("utf-8", "utf-8", "quoted-printable"),
        ("GBK", "gbk", "base64"),
    ],
)
def test_the_page_part_is_decoded_and_cleaned_as_the_same_page_saved_as_html(
    charset: str, encoding: str, transfer: str
) -> None:
    imported = mhtml.IMPORTER.read(gen.make_mhtml(charset, encoding, transfer), "notice.mhtml")
    assert imported.raw == gen.mhtml_page(charset)
    assert imported.evidence["transfer-encoding"] == transfer
    assert imported.evidence["location"] == "https://example.org/notice/2024/0315.html"
    derived = mhtml.IMPORTER.derive(imported)
    as_html = html.IMPORTER.derive(html.IMPORTER.from_raw(gen.mhtml_page(charset)))
    assert derived.text == as_html.text
    assert gen.MHTML_PARAGRAPH in derived.text.split("\n")
    assert derived.metadata.title == gen.MHTML_TITLE
    assert "navigation" in {r.reason for r in derived.removed}


def test_the_stored_html_rebuilds_the_same_page() -> None:
    imported = mhtml.IMPORTER.read(gen.make_mhtml(), "notice.mht")
    again = mhtml.IMPORTER.from_raw(imported.raw)
    assert again.original == imported.original
    assert mhtml.IMPORTER.derive(again).text == mhtml.IMPORTER.derive(imported).text


def test_a_saved_page_is_known_by_its_mime_headers_whatever_its_name() -> None:
    head = gen.make_mhtml()[:SNIFF_BYTES]
    assert mhtml.IMPORTER.sniff(head)
    assert importer_for("notice.txt", head) is mhtml.IMPORTER
    assert not mhtml.IMPORTER.sniff(b"From: someone\r\nSubject: hello\r\n\r\nplain mail")
    assert not mhtml.IMPORTER.sniff(gen.mhtml_page().encode("utf-8"))


def _without_html_part() -> bytes:
    data = gen.make_mhtml()
    return data.replace(b"Content-Type: text/html", b"Content-Type: text/plain")


BAD = {
    "no html part": (_without_html_part, "no text/html part"),
    "not MIME": (lambda: b"MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nhello", "not a saved web page"),
    "empty page": (
        lambda: (
            b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n'
            b"--b\r\nContent-Type: text/html\r\n\r\n\r\n--b--\r\n"
        ),
        "HTML part is empty",
    ),
}


@pytest.mark.parametrize("case", list(BAD))
def test_a_bad_saved_page_is_refused_with_one_line(case: str) -> None:
    make, expected = BAD[case]
    with pytest.raises(FormatError) as caught:
        mhtml.IMPORTER.read(make(), "bad.mhtml")
    assert expected in str(caught.value)
    assert "\n" not in str(caught.value)


def test_damaged_copies_are_read_or_refused_in_one_line_never_with_another_error() -> None:
    refused = 0
    for damaged in gen.corruptions(gen.make_mhtml(), 300, seed=11):
        try:
            mhtml.IMPORTER.derive(mhtml.IMPORTER.read(damaged, "damaged.mhtml"))
        except (FormatError, DecodingError) as exc:
            assert "\n" not in str(exc)
            refused += 1
    assert refused  # the damage is real: some copies cannot be read
