"""The first `entity:` search after an import finds names first, says how far it is, and does not fail
(or wait) when another program holds the library's write lock."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.app import operations as ops
from reader.core.importing import Prepared
from reader.formats.prepare import prepare
from reader.store.library import Library

NOTICES = [
    "关于表彰先进个人的通报\n\n经研究，决定对周国强同志予以通报表扬。\n",
    "关于召开工作会议的通知\n\n会议由李明华同志主持，地点在市政府三楼会议室。\n",
]


def _library(tmp_path: Path) -> Library:
    library = Library(tmp_path / "lib.sqlite")
    for number, text in enumerate(NOTICES):
        path = tmp_path / f"n{number}.txt"
        path.write_text(text, encoding="utf-8")
        prepared = prepare(path)
        assert isinstance(prepared, Prepared)
        ops.add_document(library, prepared)
    return library


def test_a_locked_library_answers_from_what_is_extracted(tmp_path: Path) -> None:
    library = _library(tmp_path)
    other = sqlite3.connect(tmp_path / "lib.sqlite", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        ready = ops.entities_for_query(library, "entity:周国强").value
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert (ready.extracted, ready.left) == ([], 2)


def test_names_are_found_first_with_progress(tmp_path: Path) -> None:
    library = _library(tmp_path)
    seen: list[tuple[int, int]] = []
    ready = ops.entities_for_query(library, "entity:周国强", lambda done, total: seen.append((done, total))).value
    assert len(ready.extracted) == 2 and ready.left == 0
    assert seen == [(1, 2), (2, 2)]
    assert ops.entities_for_query(library, "周国强").value.extracted == []
