"""A scanned page read turned a quarter comes back as a page of the upright frame: its width and height
swap, so running-head bands and column widths are measured on the page as it stands upright."""

from __future__ import annotations

from typing import Any

from reader.formats.pdf import ocr
from reader.formats.pdf.extract import _read_scans
from reader.formats.pdf.model import Fragment, PageBox


class _Known:
    """Stands in for the page cache: every page was read before, with the turns given."""

    def __init__(self, results: dict[int, ocr.PageOcr]) -> None:
        self.results = results

    def get(self, index: int) -> ocr.PageOcr | None:
        return self.results.get(index)

    def put(self, index: int, result: ocr.PageOcr) -> None:
        raise AssertionError("nothing is read again")


def test_a_page_read_on_its_side_takes_the_upright_size() -> None:
    line = (Fragment("横放扫描的一页", 40, 500, 60, 72, 12),)
    pages = [PageBox(i, 842.0, 595.0, ()) for i in range(3)]  # landscape as scanned
    known: Any = _Known({0: ocr.PageOcr(line, turns=1), 1: ocr.PageOcr(line, turns=2), 2: ocr.PageOcr(line)})
    _read_scans(None, pages, [0, 1, 2], "no engine needed", None, None, known)  # type: ignore[arg-type]
    assert [(p.width, p.height) for p in pages] == [(595.0, 842.0), (842.0, 595.0), (842.0, 595.0)]
    assert all(p.ocr and p.fragments == line for p in pages)
