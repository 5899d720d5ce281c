"""Pages with a /Rotate entry, and text drawn turned on its page, read in the orientation the text stands
in: a page turned upside down read one character per cell, and a running head on a turned page was
compared with the other pages' heads at the wrong height and left in the text."""

from __future__ import annotations

import pytest

from reader.formats.pdf import read_pdf

HEAD = "Annual Report of the Water Board"
BODY = [
    "The board met eleven times during the year and",
    "approved the new plan for the northern district.",
    "Work on the reservoir began in the spring and the",
    "first section was finished before the autumn rains.",
]
PAGES = [
    [f"The {part} section tells how the board met during the year", f"and approved the plan for the {part} district."]
    for part in ("northern", "eastern", "southern")
]


def _pdf(pages: list[tuple[str, bytes]]) -> bytes:
    """A PDF of the given pages (page dictionary entries, content stream) in Helvetica (F1) and Courier
    (F2); the cross-reference offsets are computed, so the file is well formed."""
    count = len(pages)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(count)).encode()
    font = 3 + 2 * count
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count]
    for number, (entries, stream) in enumerate(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            + entries.encode()
            + b" /Contents %d 0 R /Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> >>"
            % (4 + 2 * number, font, font + 1)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>")
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


def _upright_page(number: int) -> bytes:
    """A report page drawn upright in the page's own space: a running head, two body lines, a number, each
    character placed on its own (as producers of CJK text do) in a fixed-pitch font."""
    lines = PAGES[number - 1]
    shows = [(72, 800, 9, HEAD)] + [(72, 700 - 16 * i, 12, line) for i, line in enumerate(lines)]
    shows.append((290, 40, 9, str(number)))
    out = []
    for x, y, size, text in shows:
        placed = "".join(f"1 0 0 1 {x + 0.6 * size * k:.1f} {y} Tm ({ch}) Tj " for k, ch in enumerate(text))
        out.append(f"BT /F2 {size} Tf {placed}ET\n")
    return "".join(out).encode()


def _body(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("rotate", [90, 180, 270])
def test_pages_turned_by_rotate_read_as_the_same_pages_unturned(rotate: int) -> None:
    plain = read_pdf(_pdf([("", _upright_page(n)) for n in range(1, 4)]))
    turned = read_pdf(_pdf([(f"/Rotate {rotate}" if n % 2 else "", _upright_page(n)) for n in range(1, 4)]))
    assert "\t" not in turned.text
    assert _body(turned.text) == _body(plain.text)
    for lines in PAGES:
        assert " ".join(lines) in _body(turned.text)
    # the running head of the turned page is furniture like the others'
    assert HEAD not in turned.text
    assert sorted(r.reason for r in turned.removed) == sorted(r.reason for r in plain.removed)


def test_text_drawn_turned_on_a_page_shown_upright_reads_in_its_own_line_order() -> None:
    """A landscape page made by drawing the text a quarter turn and setting /Rotate so that it shows upright:
    the lines read top to bottom as shown, each left to right."""
    shows = [(100 + 16 * i, 72, line) for i, line in enumerate(BODY)]
    # the text runs up the page's own space (a quarter turn counter-clockwise); /Rotate 90 shows it upright
    stream = "".join(f"BT /F1 12 Tf 0 1 -1 0 {x} {y} Tm ({text}) Tj ET\n" for x, y, text in shows[::-1]).encode()
    text = read_pdf(_pdf([("/Rotate 90", stream)])).text
    assert _body(text) == " ".join(BODY)
