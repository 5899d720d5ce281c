"""Text PDFs through `reader` as a user runs it: imported, shown reflowed, furniture listed with reasons;
an encrypted or damaged PDF is skipped with one line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
PDFS = ROOT / "tests" / "data" / "pdf"
TEXT_PDFS = ["bare_numbers", "dash_numbers", "report_sc", "report_tc", "two_column"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("READER_LIBRARY", None)
    return subprocess.run(
        [sys.executable, "-m", "reader.cli", *args], capture_output=True, text=True, env=env, timeout=120
    )


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> str:
    lib = str(tmp_path_factory.mktemp("pdf") / "lib.sqlite")
    result = run("--library", lib, "import", *(str(PDFS / f"{name}.pdf") for name in TEXT_PDFS))
    assert result.returncode == 0, result.stderr
    assert f"{len(TEXT_PDFS)} imported" in result.stdout
    return lib


def _by_filename(lib: str) -> dict[str, int]:
    listed = json.loads(run("list", "--json", "--library", lib).stdout)
    return {item["filename"]: int(item["id"]) for item in listed}


def _as_read(expected: dict[str, Any]) -> tuple[str, list[int]]:
    """The text and page starts the reader gives for a fixture: the printed title (the first paragraph of
    the answer) is the document's title, not a line of its text, so the text and its pages begin after it."""
    title, *body = expected["paragraphs"]
    cut = len(title) + 1
    return "\n".join(body), [max(0, start - cut) for start in expected["pages"]]


@pytest.mark.parametrize("name", TEXT_PDFS)
def test_show_json_has_the_reflowed_text_and_the_page_furniture(library: str, name: str) -> None:
    expected = json.loads((PDFS / f"{name}.expected.json").read_text(encoding="utf-8"))
    doc_id = _by_filename(library)[f"{name}.pdf"]
    shown = json.loads(run("show", str(doc_id), "--json", "--library", library).stdout)
    assert shown["text"] == _as_read(expected)[0]
    assert shown["title"] == expected["paragraphs"][0]
    furniture = sorted((text, reason) for page in expected["furniture"] for text, reason in page)
    title = (expected["paragraphs"][0], "metadata")
    assert sorted((r["text"], r["reason"]) for r in shown["removed"]) == sorted([*furniture, title])
    assert {r["reason"] for r in shown["removed"]} <= {"page-header", "page-footer", "page-number", "metadata"}


def test_a_pdf_under_another_name_is_read_as_a_pdf(tmp_path: Path) -> None:
    lib = str(tmp_path / "lib.sqlite")
    renamed = tmp_path / "report.txt"
    renamed.write_bytes((PDFS / "dash_numbers.pdf").read_bytes())
    assert run("--library", lib, "import", str(renamed)).returncode == 0
    shown = json.loads(run("show", "1", "--json", "--library", lib).stdout)
    assert shown["title"] == "公共文化设施运行情况"
    assert "page-number" in {r["reason"] for r in shown["removed"]}


def _damaged(tmp_path: Path) -> Path:
    path = tmp_path / "damaged.pdf"
    data = (PDFS / "report_sc.pdf").read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _encrypted(tmp_path: Path) -> Path:
    return PDFS / "encrypted.pdf"


@pytest.mark.parametrize(
    ("make", "reason"),
    [(_encrypted, "PDF is encrypted with a password"), (_damaged, "PDF is damaged or incomplete")],
)
def test_a_bad_pdf_is_skipped_with_one_line(tmp_path: Path, make: object, reason: str) -> None:
    assert callable(make)
    path: Path = make(tmp_path)
    lib = str(tmp_path / "lib.sqlite")
    alone = run("--library", lib, "import", str(path))
    assert alone.returncode == 1  # nothing imported: a user error
    lines = alone.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in alone.stderr
    assert lines[0].startswith("skipped ") and reason in lines[0], lines

    # In a batch the bad file is one line and the rest is imported.
    batch = run("--library", lib, "import", str(path), str(PDFS / "report_sc.pdf"))
    assert batch.returncode == 0
    assert batch.stderr.strip().splitlines() == lines
    assert "1 imported" in batch.stdout


@pytest.mark.parametrize("name", TEXT_PDFS)
def test_show_json_gives_where_each_page_begins(library: str, name: str) -> None:
    expected = json.loads((PDFS / f"{name}.expected.json").read_text(encoding="utf-8"))
    doc_id = _by_filename(library)[f"{name}.pdf"]
    shown = json.loads(run("show", str(doc_id), "--json", "--library", library).stdout)
    pages = _as_read(expected)[1]
    assert shown["pages"] == pages
    assert len(shown["pages"]) == expected["page_count"]
    # A paragraph that runs over a page break stays one; its page still begins inside it.
    assert shown["pages"] == sorted(set(shown["pages"])) and shown["pages"][-1] < len(shown["text"])
    hant = json.loads(run("show", str(doc_id), "--json", "--script", "hant", "--library", library).stdout)
    assert hant["pages"] == pages  # character views keep offsets
    raw = json.loads(run("show", str(doc_id), "--json", "--raw", "--library", library).stdout)
    assert raw["pages"] == []  # the stored layout has no pages of its own in text offsets


def test_show_raw_is_the_text_before_cleaning_and_its_lines_are_the_removed_ones(library: str) -> None:
    """`--raw` of a PDF is the text as read, page furniture included, not the importer's stored layout; each
    removed line's number points at that line of it."""
    doc_id = str(_by_filename(library)["report_sc.pdf"])
    shown = json.loads(run("show", doc_id, "--json", "--library", library).stdout)
    raw = run("show", doc_id, "--raw", "--library", library).stdout
    assert not raw.lstrip().startswith("{")
    lines = raw.split("\n")
    as_json = json.loads(run("show", doc_id, "--json", "--raw", "--library", library).stdout)
    assert as_json["text"] == raw.rstrip("\n") and as_json["chars"] == len(as_json["text"])
    assert shown["removed"]
    for removed in shown["removed"]:
        assert lines[removed["line"] - 1].strip() == removed["text"].strip()


def test_annotations_know_their_page(library: str) -> None:
    expected = json.loads((PDFS / "report_sc.expected.json").read_text(encoding="utf-8"))
    doc_id = _by_filename(library)["report_sc.pdf"]
    text, pages = _as_read(expected)
    third = pages[2]
    quote = text[third : text.index("\n", third)]  # the paragraph that opens page 3
    assert text.find(quote) == third
    made = run("annotate", str(doc_id), "--quote", quote, "--json", "--library", library)
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["page"] == 3
    last_of_two = run(
        "annotate", str(doc_id), "--start", str(third - 3), "--end", str(third - 1), "--json", "--library", library
    )
    assert json.loads(last_of_two.stdout)["page"] == 2
    listed = json.loads(run("annotations", str(doc_id), "--json", "--library", library).stdout)
    assert sorted(a["page"] for a in listed) == [2, 3]
    everything = json.loads(run("annotations", "--json", "--library", library).stdout)
    assert sorted(a["page"] for a in everything if a["document"] == doc_id) == [2, 3]


def test_exports_cite_the_page(tmp_path: Path) -> None:
    lib = str(tmp_path / "lib.sqlite")
    assert run("--library", lib, "import", str(PDFS / "report_sc.pdf")).returncode == 0
    expected = json.loads((PDFS / "report_sc.expected.json").read_text(encoding="utf-8"))
    text, pages = _as_read(expected)
    third = pages[2]
    quote = text[third : text.index("\n", third)]
    assert run("annotate", "1", "--quote", quote, "--library", lib).returncode == 0
    out = tmp_path / "notes.md"
    done = run("export", "1", "--format", "md", "--output", str(out), "--library", lib)
    assert done.returncode == 0, done.stderr
    assert "p. 3" in out.read_text(encoding="utf-8")
    csv_out = tmp_path / "notes.csv"
    assert run("export", "1", "--format", "csv", "--output", str(csv_out), "--library", lib).returncode == 0
    header, row = csv_out.read_text(encoding="utf-8-sig").splitlines()[:2]
    assert row.split(",")[header.split(",").index("page")] == "3"


def test_a_text_file_has_no_pages(tmp_path: Path) -> None:
    lib = str(tmp_path / "lib.sqlite")
    source = tmp_path / "a.txt"
    source.write_text("没有页的文字。\n第二段。\n", encoding="utf-8")
    assert run("--library", lib, "import", str(source)).returncode == 0
    shown = json.loads(run("show", "1", "--json", "--library", lib).stdout)
    assert shown["pages"] == []
    made = json.loads(run("annotate", "1", "--quote", "第二段", "--json", "--library", lib).stdout)
    assert made["page"] is None
