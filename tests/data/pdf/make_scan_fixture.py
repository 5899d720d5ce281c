"""Writes scan-1page.pdf: one scanned A4 page (an image, no text layer) for the packaged app's smoke test.

    PYTHONPATH=src .venv/bin/python tests/data/pdf/make_scan_fixture.py

Made by the scan generator the OCR tests use (tests/unit/formats/pdf/pdf_scans.py): the project's own
sentences, 150 dpi, turned by up to 1°, light noise and JPEG artefacts (kept light so the file stays under
100 KB). Its printed paragraphs go to
scan-1page.expected.txt, one per line, so a check can measure what OCR gave back.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "unit" / "formats" / "pdf"))

from pdf_scans import make_scan, paragraphs  # noqa: E402


def main() -> None:
    scan = make_scan([paragraphs(seed=7, count=2)], seed=7, noise=5.0, quality=35)
    (HERE / "scan-1page.pdf").write_bytes(scan.data)
    (HERE / "scan-1page.expected.txt").write_text(scan.text + "\n", encoding="utf-8")
    print(f"scan-1page.pdf: {len(scan.data)} bytes")


if __name__ == "__main__":
    main()
