"""Word documents, EPUB books and saved web pages through `reader` as a user runs it: imported, shown as
text with the right title; a protected or damaged file skipped with one line while the rest are imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import packagegen as gen


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("READER_LIBRARY", None)
    return subprocess.run(
        [sys.executable, "-m", "reader.cli", *args], capture_output=True, text=True, env=env, timeout=120
    )


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, int]]:
    folder = tmp_path_factory.mktemp("formats")
    (folder / "report.docx").write_bytes(gen.make_docx())
    (folder / "book.epub").write_bytes(gen.make_epub())
    (folder / "notice.mhtml").write_bytes(gen.make_mhtml())
    lib = str(folder / "lib.sqlite")
    result = run("--library", lib, "import", str(folder))  # a folder import takes the new suffixes
    assert result.returncode == 0, result.stderr
    assert "3 imported" in result.stdout, result.stdout
    listed = json.loads(run("list", "--json", "--library", lib).stdout)
    return lib, {item["filename"]: int(item["id"]) for item in listed}


def _show(library: tuple[str, dict[str, int]], filename: str) -> dict[str, object]:
    lib, ids = library
    result = run("show", str(ids[filename]), "--json", "--library", lib)
    assert result.returncode == 0, result.stderr
    shown: dict[str, object] = json.loads(result.stdout)
    return shown


def test_a_word_document_shows_its_body_with_notes_and_lists_its_headers_as_removed(
    library: tuple[str, dict[str, int]],
) -> None:
    shown = _show(library, "report.docx")
    # The Title-styled paragraph is the document's title, not also the first line of its text.
    assert shown["text"] == "\n".join(gen.DOCX_BODY_TEXT[1:])
    assert shown["title"] == gen.DOCX_TITLE == gen.DOCX_BODY_TEXT[0]
    removed = shown["removed"]
    assert isinstance(removed, list)
    assert sorted(r["reason"] for r in removed) == ["metadata", "page-footer", "page-header"]


def test_a_book_shows_its_chapters_in_reading_order(library: tuple[str, dict[str, int]]) -> None:
    shown = _show(library, "book.epub")
    assert shown["text"] == "\n".join(line for title, ps in gen.EPUB_CHAPTERS for line in (title, *ps))
    assert shown["title"] == gen.EPUB_TITLE


def test_a_saved_page_shows_its_article(library: tuple[str, dict[str, int]]) -> None:
    shown = _show(library, "notice.mhtml")
    assert gen.MHTML_PARAGRAPH in str(shown["text"]).split("\n")
    assert "首页" not in str(shown["text"])
    assert shown["title"] == gen.MHTML_TITLE


def test_a_protected_book_and_a_damaged_document_are_skipped_with_one_line_each(tmp_path: Path) -> None:
    drm = gen.encryption_xml("http://www.w3.org/2001/04/xmlenc#aes128-cbc", "OEBPS/text/ch1.xhtml")
    (tmp_path / "locked.epub").write_bytes(gen.make_epub(encryption=drm))
    (tmp_path / "broken.docx").write_bytes(gen.make_docx()[:500])
    (tmp_path / "fine.docx").write_bytes(gen.make_docx())
    lib = str(tmp_path / "lib.sqlite")
    result = run(
        "--library",
        lib,
        "import",
        str(tmp_path / "locked.epub"),
        str(tmp_path / "broken.docx"),
        str(tmp_path / "fine.docx"),
    )
    assert result.returncode == 0, result.stderr  # the good file was imported
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2, lines
    assert any(line.startswith("skipped ") and "protected by DRM" in line for line in lines), lines
    assert any(line.startswith("skipped ") and "damaged Word document" in line for line in lines), lines
    assert "Traceback" not in result.stderr
    alone = run("--library", lib, "import", str(tmp_path / "locked.epub"))
    assert alone.returncode == 1  # nothing imported: a user error in one line
