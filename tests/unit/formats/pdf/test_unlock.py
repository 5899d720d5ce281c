"""A protected PDF opened once with its password and kept unlocked, so later reads need no password."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.importing import Prepared, Skipped
from reader.formats.pdf import PdfEncrypted, read_pdf
from reader.formats.pdf.model import PdfDamaged
from reader.formats.pdf.unlock import WrongPassword, needs_password, unlock
from reader.formats.prepare import prepare, prepare_data

PDFS = Path(__file__).resolve().parents[3] / "data" / "pdf"


def test_the_protected_fixture_needs_a_password_and_the_plain_one_does_not() -> None:
    assert needs_password((PDFS / "encrypted.pdf").read_bytes())
    assert not needs_password((PDFS / "bare_numbers.pdf").read_bytes())
    assert not needs_password(b"not a pdf at all")


def test_unlocked_bytes_read_like_the_unprotected_original() -> None:
    protected = (PDFS / "encrypted.pdf").read_bytes()
    with pytest.raises(PdfEncrypted):
        read_pdf(protected)
    unlocked = unlock(protected, "secret")
    assert not needs_password(unlocked)
    plain = read_pdf((PDFS / "bare_numbers.pdf").read_bytes())
    assert read_pdf(unlocked).text == plain.text


def test_a_wrong_password_and_a_non_pdf_say_so_in_one_line() -> None:
    with pytest.raises(WrongPassword, match="password does not open"):
        unlock((PDFS / "encrypted.pdf").read_bytes(), "wrong")
    with pytest.raises(PdfDamaged):
        unlock(b"plain text", "secret")


def test_prepare_marks_a_protected_pdf_and_prepares_its_unlocked_bytes() -> None:
    skipped = prepare(PDFS / "encrypted.pdf")
    assert isinstance(skipped, Skipped) and skipped.needs_password
    ready = prepare_data(PDFS / "encrypted.pdf", unlock((PDFS / "encrypted.pdf").read_bytes(), "secret"))
    assert isinstance(ready, Prepared) and ready.data != (PDFS / "encrypted.pdf").read_bytes()
    damaged = prepare_data(PDFS / "broken.pdf", b"%PDF-1.4 truncated")
    assert isinstance(damaged, Skipped) and not damaged.needs_password
