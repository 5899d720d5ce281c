"""A scanned page read once is not read again: the PDF importer keeps each page's OCR in a `PageCache` as
it reads it and takes the pages the cache holds, so an import interrupted after page k reads only the rest.

The engine here reads each page by its shade of grey (`shaded_scans`), so what it returns depends on the
page and not on how many pages it read before: a resumed read must then give exactly what one
uninterrupted read gives.
"""

from __future__ import annotations

import hashlib

import pytest

from reader.formats.base import PageCache, PageKey
from reader.formats.pdf import IMPORTER, ocr, page_results
from reader.formats.pdf.model import Fragment
from reader.formats.registry import importer_named, read_file

pytest.importorskip("PIL", reason="scans are generated with Pillow (installed with the OCR engine)")
from shaded_scans import ByShade, shaded_scan


class DictCache:
    """The smallest page cache: a dict."""

    def __init__(self) -> None:
        self.pages: dict[PageKey, str] = {}

    def get(self, key: PageKey) -> str | None:
        return self.pages.get(key)

    def put(self, key: PageKey, result: str) -> None:
        self.pages[key] = result


def test_a_dict_is_a_page_cache() -> None:
    assert isinstance(DictCache(), PageCache)


def test_each_page_read_is_kept_under_the_files_hash_and_the_engines_version(monkeypatch: pytest.MonkeyPatch) -> None:
    engine = ByShade()
    monkeypatch.setattr(ocr, "default_engine", lambda: engine)
    data = shaded_scan(3)
    cache = DictCache()
    IMPORTER.read(data, "scan.pdf", pages=cache)
    digest = hashlib.sha256(data).hexdigest()
    assert sorted(cache.pages, key=lambda key: key.page) == [PageKey(digest, ocr.engine_version(), k) for k in range(3)]
    assert engine.read == [0, 1, 2]


def test_pages_in_the_cache_are_not_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    engine = ByShade()
    monkeypatch.setattr(ocr, "default_engine", lambda: engine)
    data = shaded_scan(3)
    cache = DictCache()
    first = IMPORTER.read(data, "scan.pdf", pages=cache)
    engine.read.clear()
    seen: list[tuple[int, int]] = []
    again = IMPORTER.read(data, "scan.pdf", pages=cache, progress=lambda d, t: seen.append((d, t)))
    assert engine.read == []
    assert again == first
    assert seen == [(1, 3), (2, 3), (3, 3)]  # cached pages still move the progress, page by page


def test_a_read_cancelled_after_two_pages_resumes_at_the_third_and_gives_the_same_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine = ByShade()
    monkeypatch.setattr(ocr, "default_engine", lambda: engine)
    data = shaded_scan(5)
    whole = IMPORTER.read(data, "scan.pdf")  # uninterrupted, without a cache
    engine.read.clear()
    cache = DictCache()
    with pytest.raises(ocr.OcrCancelled):
        IMPORTER.read(data, "scan.pdf", pages=cache, cancelled=lambda: len(cache.pages) >= 2)
    assert engine.read == [0, 1] and len(cache.pages) == 2
    engine.read.clear()
    resumed = IMPORTER.read(data, "scan.pdf", pages=cache)
    assert engine.read == [2, 3, 4]
    assert resumed.raw == whole.raw and resumed.original == whole.original and resumed.pages == whole.pages
    assert IMPORTER.derive(resumed).text == IMPORTER.derive(whole).text


def test_a_page_the_engine_failed_on_is_not_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    engine = ByShade(fail_on=1)
    monkeypatch.setattr(ocr, "default_engine", lambda: engine)
    cache = DictCache()
    IMPORTER.read(shaded_scan(3), "scan.pdf", pages=cache)
    assert sorted(key.page for key in cache.pages) == [0, 2]


def test_without_an_engine_nothing_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "default_engine", lambda: ocr.INSTALL_HINT)
    cache = DictCache()
    with pytest.raises(ocr.PdfError):
        IMPORTER.read(shaded_scan(2), "scan.pdf", pages=cache)
    assert cache.pages == {}


def test_a_damaged_cached_page_is_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    engine = ByShade()
    monkeypatch.setattr(ocr, "default_engine", lambda: engine)
    data = shaded_scan(2)
    cache = DictCache()
    first = IMPORTER.read(data, "scan.pdf", pages=cache)
    key = next(key for key in cache.pages if key.page == 1)
    cache.pages[key] = "{not json"
    engine.read.clear()
    assert IMPORTER.read(data, "scan.pdf", pages=cache) == first
    assert engine.read == [1]


def test_another_engine_version_reads_the_pages_again(monkeypatch: pytest.MonkeyPatch) -> None:
    engine = ByShade()
    monkeypatch.setattr(ocr, "default_engine", lambda: engine)
    data = shaded_scan(2)
    cache = DictCache()
    IMPORTER.read(data, "scan.pdf", pages=cache)
    monkeypatch.setattr(ocr, "engine_version", lambda: "a later model")
    engine.read.clear()
    IMPORTER.read(data, "scan.pdf", pages=cache)
    assert engine.read == [0, 1]


def test_formats_without_pages_are_read_as_before_through_the_registry() -> None:
    cache = DictCache()
    imported = read_file(importer_named("text"), "一段文字。\n".encode(), "a.txt", pages=cache)
    assert imported.raw.startswith("一段文字") and cache.pages == {}


def test_a_stored_page_reads_back_exactly() -> None:
    result = ocr.PageOcr(
        (
            Fragment("第一行", 72.123456789, 300.1, 90.0, 103.2, 12.000000001, True, 0.9731),
            Fragment("二", 1, 2, 3, 4, 5),
        ),
        "note",
    )
    assert page_results.load(page_results.dump(result)) == result
    assert page_results.load('{"form": 99, "f": []}') is None and page_results.load("[]") is None


def test_a_stored_page_keeps_the_turns_it_was_read_with() -> None:
    """A page scanned on its side reads back in the frame it was read in (its width and height swapped)."""
    result = ocr.PageOcr((Fragment("横放的一页", 10, 200, 30, 42, 12),), turns=1)
    assert page_results.load(page_results.dump(result)) == result
    older = page_results.dump(ocr.PageOcr((Fragment("旧的", 1, 2, 3, 4, 5),))).replace(',"t":0', "")
    assert page_results.load(older) == ocr.PageOcr((Fragment("旧的", 1, 2, 3, 4, 5),))  # stored before turns
