"""The Info tab's question "which pages were read by OCR" is answered from a stored PDF without its layout
analysis, and the answer is the same as the full reading's."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.formats import registry
from reader.formats.pdf import importer as pdf_importer

DATA = Path(__file__).resolve().parents[3] / "data" / "pdf"


@pytest.mark.parametrize("name", ["report_sc", "two_column", "scan-1page"])
def test_quick_evidence_equals_the_full_readings(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    importer = pdf_importer.IMPORTER
    imported = importer.read((DATA / f"{name}.pdf").read_bytes(), f"{name}.pdf")
    full = dict(importer.from_raw(imported.raw).evidence)

    def no_analysis(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the layout was analysed again")

    monkeypatch.setattr(pdf_importer, "analyse", no_analysis)
    assert registry.evidence_of(imported.raw, "pdf") == full
    assert full["pages"] == str(len(imported.pages))
