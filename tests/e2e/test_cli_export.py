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
    assert len(notes) == 2  # --all: the documents with notes, as the window's "Annotated documents only"
    for note in notes:
        text = note.read_text(encoding="utf-8")
        assert text.startswith("---\n") and "\ntitle: " in text and "document_id:" in text
    every = run("export", "--all", "--include-unannotated", "--format", "md", "-o", str(folder), "--library", lib)
    assert every.returncode == 0, every.stderr
    assert len(list(folder.glob("*.md"))) == 5
    assert run("export", "--all", "--format", "csv", "-o", str(folder), "--library", lib).returncode == 1


def test_a_folder_named_with_a_slash_is_made_not_written_as_a_file(
    annotated: tuple[str, list[str]], tmp_path: Path
) -> None:
    lib, _ = annotated
    folder = tmp_path / "new" / "vault"
    result = run("export", "--all", "--format", "md", "-o", f"{folder}/", "--library", lib)
    assert result.returncode == 0, result.stderr
    assert folder.is_dir() and len(list(folder.glob("*.md"))) == 2
    csv_out = run("export", "--all", "--format", "csv", "-o", f"{tmp_path / 'other'}/", "--library", lib)
    assert csv_out.returncode == 1 and "folder" in csv_out.stderr and not (tmp_path / "other").exists()


def test_a_note_edited_since_the_last_export_is_kept(annotated: tuple[str, list[str]], tmp_path: Path) -> None:
    """Exporting into an Obsidian folder again never loses a line the user added to a note."""
    lib, _ = annotated
    folder = tmp_path / "vault"
    folder.mkdir()
    assert run("export", "--all", "--format", "md", "-o", str(folder), "--library", lib).returncode == 0
    edited, untouched = sorted(folder.glob("*.md"))
    with edited.open("a", encoding="utf-8") as note:
        note.write("\n我的手写补充\n")
    before = untouched.read_text(encoding="utf-8")
    untouched.write_text(before, encoding="utf-8")  # rewritten with the same words: not an edit
    run("annotate", "1", "--start", "0", "--end", "4", "--note", "新的笔记", "--library", lib)

    again = run("export", "--all", "--format", "md", "-o", str(folder), "--library", lib)
    assert again.returncode == 0, again.stderr
    assert "我的手写补充" in edited.read_text(encoding="utf-8")
    assert f"kept 1 note changed since the last export ({edited.name})" in again.stderr
    assert "--overwrite" in again.stderr
    forced = run("export", "--all", "--format", "md", "-o", str(folder), "--overwrite", "--library", lib)
    assert forced.returncode == 0 and "kept" not in forced.stderr
    assert "我的手写补充" not in edited.read_text(encoding="utf-8")


def test_colour_names_and_tags_in_either_script_filter_every_command(
    annotated: tuple[str, list[str]], tmp_path: Path
) -> None:
    lib, ids = annotated
    listed = run("annotations", "--color", "数据", "--json", "--library", lib)
    assert [a["id"] for a in json.loads(listed.stdout)] == [ids[1]]
    assert [a["id"] for a in json.loads(run("annotations", "--tag", "政策", "--json", "--library", lib).stdout)] == [
        ids[0]
    ]
    crossed = run("annotations", "--tag", "政策", "--color", "重點", "--json", "--library", lib)
    assert [a["id"] for a in json.loads(crossed.stdout)] == [ids[0]]
    third = run("annotate", "1", "--start", "0", "--end", "4", "--tag", "臺灣", "--library", lib).stdout.strip()
    by_tag = run("annotations", "--tag", "台湾", "--json", "--library", lib)
    assert [a["id"] for a in json.loads(by_tag.stdout)] == [third]
    tagged = tmp_path / "tw.csv"
    by_tw = run("export", "--all", "--tag", "台湾", "--format", "csv", "-o", str(tagged), "--library", lib)
    assert by_tw.returncode == 0
    assert len(list(csv.DictReader(io.StringIO(tagged.read_text(encoding="utf-8-sig"))))) == 1
    out = tmp_path / "green.csv"
    done = run("export", "--all", "--color", "数据", "--format", "csv", "-o", str(out), "--library", lib)
    assert done.returncode == 0 and "1 annotation" in done.stderr
    bad = run("export", "--all", "--color", "紫红", "--format", "csv", "-o", str(out), "--library", lib)
    assert bad.returncode == 1 and "unknown colour" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
    assert run("annotations", "--color", "紫红", "--library", lib).returncode == 1
