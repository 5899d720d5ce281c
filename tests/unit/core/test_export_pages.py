"""Exports cite the printed page of each annotation of a paged document: Markdown after the quote,
CSV in a `page` column; documents without pages and orphans cite none."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

from reader.core.annotations.model import Annotation
from reader.core.export.csv import CSV_COLUMNS, to_csv
from reader.core.export.markdown import to_markdown
from reader.core.export.model import ExportDocument

TEXT = "第一页的第一段。\n第一页的第二段,跨页\n接着第二页。\n第三页开头。"
PAGES = (0, TEXT.index("接着"), TEXT.index("第三页"))


def _annotation(tail: int, quote: str, **fields: object) -> Annotation:
    start = TEXT.index(quote)
    base = Annotation(
        uuid=f"6f1c2b9e-0000-4000-8000-{tail:012d}",
        doc_id=1,
        start=start,
        end=start + len(quote),
        quote=quote,
        prefix=TEXT[max(0, start - 8) : start],
        suffix=TEXT[start + len(quote) : start + len(quote) + 8],
        created="2026-01-01T00:00:00Z",
        modified="2026-01-01T00:00:00Z",
    )
    return replace(base, **fields)  # type: ignore[arg-type]


ANNOTATIONS = [
    _annotation(1, "第一段"),
    _annotation(2, "接着第二页"),
    _annotation(3, "第三页开头"),
    _annotation(4, "第二段", orphan=True),
]


def _doc(pages: tuple[int, ...], language: str = "") -> ExportDocument:
    return ExportDocument(
        id=1,
        title="分页",
        date="",
        author="",
        source="",
        path="",
        text=TEXT,
        annotations=ANNOTATIONS,
        pages=pages,
        language=language,
    )


def test_markdown_cites_the_page_after_the_quote() -> None:
    out = to_markdown([_doc(PAGES)])
    assert "> 第一段 (p. 1)" in out
    assert "> 接着第二页 (p. 2)" in out
    assert "> 第三页开头 (p. 3)" in out
    assert "> 第二段\n" in out + "\n" and "第二段 (p." not in out  # an orphan has no page
    chinese = to_markdown([_doc(PAGES, language="zh_CN")])
    assert "> 第三页开头 (第 3 页)" in chinese


def test_markdown_without_pages_cites_none() -> None:
    out = to_markdown([_doc(())])
    assert "(p." not in out and "> 第三页开头" in out


def test_csv_has_a_page_column() -> None:
    rows = list(csv.reader(io.StringIO(to_csv([_doc(PAGES)])[1:], newline="")))
    column = CSV_COLUMNS.index("page")
    assert rows[0][column] == "page"
    pages = {row[CSV_COLUMNS.index("quote")]: row[column] for row in rows[1:]}
    assert pages == {"第一段": "1", "接着第二页": "2", "第三页开头": "3", "第二段": ""}
    unpaged = list(csv.reader(io.StringIO(to_csv([_doc(())])[1:], newline="")))
    assert {row[column] for row in unpaged[1:]} == {""}
