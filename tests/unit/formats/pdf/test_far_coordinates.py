"""A damaged PDF can place text millions of points off its page. Such text is invisible when printed and
is left out; and the column finder's work stays bounded whatever coordinates it is given (a damaged file
once held an import for minutes while it probed every point of a 20-million-point line)."""

from __future__ import annotations

import pytest

from reader.formats.pdf import read_pdf
from reader.formats.pdf.layout import Fragment, _gutter, page_lines


def _pdf(*shows: tuple[float, float, str], page: str = "/MediaBox [0 0 595 842]") -> bytes:
    """A one-page PDF (A4 unless `page` gives other boxes or a rotation) in Helvetica with each (x, y, text)
    shown where it says; the cross-reference offsets are computed, so the file is well formed."""
    stream = "".join(f"BT /F1 12 Tf 1 0 0 1 {x:.0f} {y:.0f} Tm ({text}) Tj ET\n" for x, y, text in shows).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R " + page.encode() + b" /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_text_placed_far_off_the_page_is_left_out() -> None:
    data = _pdf((72, 760, "Annual report"), (20_000_000, 700, "far away"), (72, 700, "Body text here."))
    text = "\n".join(read_pdf(data).paragraphs)
    assert "Annual report" in text and "Body text here." in text
    assert "far away" not in text


def test_text_just_inside_the_page_is_kept() -> None:
    data = _pdf((72, 760, "Annual report"), (540, 40, "edge"))
    assert "edge" in "\n".join(read_pdf(data).paragraphs)


@pytest.mark.parametrize(
    ("page", "dx", "dy"),
    [
        ("/MediaBox [1000 1000 1595 1842]", 1000, 1000),  # a page whose origin is not at 0, 0
        ("/MediaBox [-300 -400 295 442]", -300, -400),  # nor in the positive quadrant
        ("/MediaBox [0 0 1190 842] /CropBox [595 0 1190 842]", 595, 0),  # the right half of an A3 sheet
        ("/MediaBox [0 0 595 842] /Rotate 90", 0, 0),  # a portrait page turned to landscape
        ("/MediaBox [0 0 595 842] /Rotate 270", 0, 0),
    ],
)
def test_text_on_pages_of_every_shape_is_kept(page: str, dx: int, dy: int) -> None:
    data = _pdf((72 + dx, 800 + dy, "Heading at the top"), (72 + dx, 60 + dy, "Line at the foot."), page=page)
    text = "\n".join(read_pdf(data).paragraphs)
    assert "Heading at the top" in text and "Line at the foot." in text


def test_the_column_finder_probes_a_bounded_number_of_positions() -> None:
    body = [Fragment("正文" * 10, 72.0, 300.0, 100.0 + 20 * i, 112.0 + 20 * i, 12.0) for i in range(12)]
    huge = Fragment("坏", -417_872.0, 19_687_836.0, 400.0, 412.0, 12.0)
    fragments = [*body, huge]
    assert _gutter(fragments) is None  # one line spans everything: no gap between columns
    lines = page_lines(0, fragments)
    assert sorted(f.text for line in lines for f in line.fragments) == sorted(f.text for f in fragments)
