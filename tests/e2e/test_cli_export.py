"""Notes out of the library in every format, and back into another library unchanged."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from test_cli import SEEDS, run  # shared helpers of the CLI tests


@pytest.fixture
def annotated(tmp_path: Path) -> tuple[str, list[str]]:
    lib = str(tmp_path / "lib.sqlite")
    run("import", str(SEEDS), "--library", lib)
    docs = json.loads(run("list", "--json", "--library", lib).stdout)
    first, second = docs[0]["id"], docs[1]["id"]
    text = json.loads(run("show", str(first), "--json", "--library", lib).stdout)["text"]
    quote = text[20:32]
    ids = [
        run(
            "annotate",
            str(first),
            "--quote",
            quote,
            "--note",
            "第一条笔记, with a comma\n第二行",
            "--tag",
            "政策",
            "--library",
            lib,
        ).stdout.strip(),
        run(
            "annotate", str(second), "--start", "5", "--end", "15", "--color", "green", "--library", lib
        ).stdout.strip(),
    ]
    return lib, ids


@pytest.mark.parametrize("fmt", ["md", "html", "json", "csv", "pdf"])
def test_every_format_is_written(annotated: tuple[str, list[str]], tmp_path: Path, fmt: str) -> None:
    lib, _ = annotated
    out = tmp_path / f"notes.{fmt}"
    result = run("export", "--all", "--format", fmt, "-o", str(out), "--library", lib)
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data
    if fmt == "pdf":
        assert data.startswith(b"%PDF")
    elif fmt == "csv":
        assert data.startswith(b"\xef\xbb\xbf")
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
        assert len(rows) == 2
        assert any(r["note"] == "第一条笔记, with a comma\n第二行" for r in rows)
    elif fmt == "json":
        doc = json.loads(data)
        assert "http://www.w3.org/ns/anno.jsonld" in json.dumps(doc)
    elif fmt == "md":
        assert data.decode().startswith("#") or data.decode().startswith("---")
        assert "#政策" in data.decode()
    else:
        assert b"<html" in data.lower() and b"http://" not in data.replace(b"http://www.w3.org", b"")


def test_round_trip_into_an_empty_library_with_the_same_documents(
    annotated: tuple[str, list[str]], tmp_path: Path
) -> None:
    lib, ids = annotated
    out = tmp_path / "notes.json"
    assert run("export", "--all", "--format", "json", "-o", str(out), "--library", lib).returncode == 0
    other = tmp_path / "other"
    other.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"), reverse=True):  # a different order gives different ids
        shutil.copy(seed, other / seed.name)
    lib2 = str(tmp_path / "lib2.sqlite")
    for path in sorted(other.iterdir(), reverse=True):
        run("import", str(path), "--library", lib2)
    first = json.loads(run("import-annotations", str(out), "--json", "--library", lib2).stdout)
    assert sorted(first["added"]) == sorted(ids) and first["orphaned"] == []
    again = json.loads(run("import-annotations", str(out), "--json", "--library", lib2).stdout)
    assert again["added"] == [] and sorted(again["duplicates"]) == sorted(ids)

    def by_quote(library: str) -> dict[str, tuple[str, str, str, list[str]]]:
        items = json.loads(run("annotations", "--json", "--library", library).stdout)
        return {a["id"]: (a["quote"], a["note"], a["color"], a["tags"]) for a in items}

    assert by_quote(lib) == by_quote(lib2)


def test_export_in_another_script_and_filtered(annotated: tuple[str, list[str]], tmp_path: Path) -> None:
    lib, _ = annotated
    out = tmp_path / "notes.csv"
    run("export", "--all", "--format", "csv", "--script", "hant", "--tag", "政策", "-o", str(out), "--library", lib)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert len(rows) == 1
    assert rows[0]["note"].startswith("第一条笔记")  # notes stay as written


def test_export_errors(annotated: tuple[str, list[str]], tmp_path: Path) -> None:
    lib, _ = annotated
    assert run("export", "--format", "md", "-o", str(tmp_path / "x.md"), "--library", lib).returncode == 1
    assert run("export", "999", "--format", "md", "-o", str(tmp_path / "x.md"), "--library", lib).returncode == 1
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    result = run("import-annotations", str(bad), "--library", lib)
    assert result.returncode == 1 and "Traceback" not in result.stderr


def test_markdown_into_a_folder_gives_one_note_per_document(annotated: tuple[str, list[str]], tmp_path: Path) -> None:
    lib, _ = annotated
    folder = tmp_path / "vault"
    folder.mkdir()
    result = run("export", "--all", "--format", "md", "-o", str(folder), "--library", lib)
    assert result.returncode == 0, result.stderr
    notes = sorted(folder.glob("*.md"))
    assert len(notes) == 5
    for note in notes:
        text = note.read_text(encoding="utf-8")
        assert text.startswith("---\n") and "\ntitle: " in text and "document_id:" in text
    assert run("export", "--all", "--format", "csv", "-o", str(folder), "--library", lib).returncode == 1
