"""A notes folder is the user's too: an export replaces only what it wrote itself and nobody changed,
and a document's note keeps its name whatever else the export holds."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from reader.app.note_folder import RECORD, Note, write_note_folder


def _write(target: Path, text: str) -> None:
    target.write_text(text, encoding="utf-8")


def test_only_notes_unchanged_since_the_last_export_are_replaced(tmp_path: Path) -> None:
    first = write_note_folder([Note(1, "a.md", "A1\n"), Note(2, "b.md", "B1\n")], tmp_path, _write)
    assert [p.name for p in first.written] == ["a.md", "b.md"] and first.kept == []
    assert (tmp_path / RECORD).is_file()
    with (tmp_path / "a.md").open("a", encoding="utf-8") as note:
        note.write("我的手写补充\n")

    second = write_note_folder([Note(1, "a.md", "A2\n"), Note(2, "b.md", "B2\n")], tmp_path, _write)
    assert [p.name for p in second.kept] == ["a.md"]
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "A1\n我的手写补充\n"
    assert (tmp_path / "b.md").read_text(encoding="utf-8") == "B2\n"
    assert "kept 1 note changed since the last export (a.md)" in second.warning()

    forced = write_note_folder([Note(1, "a.md", "A3\n")], tmp_path, _write, overwrite=True)
    assert forced.kept == [] and (tmp_path / "a.md").read_text(encoding="utf-8") == "A3\n"
    # Written by the export, so replaced without asking next time; b.md's record is kept meanwhile.
    assert write_note_folder([Note(1, "a.md", "A4\n"), Note(2, "b.md", "B3\n")], tmp_path, _write).kept == []


def test_a_file_no_export_wrote_is_never_replaced_not_even_with_overwrite(tmp_path: Path) -> None:
    (tmp_path / "通知.md").write_text("我自己的笔记，不是导出的\n", encoding="utf-8")
    for overwrite in (False, True):
        done = write_note_folder([Note(4, "通知.md", "导出\n")], tmp_path, _write, overwrite=overwrite)
        assert (tmp_path / "通知.md").read_text(encoding="utf-8") == "我自己的笔记，不是导出的\n"
        assert (tmp_path / "通知 (4).md").read_text(encoding="utf-8") == "导出\n"
        assert [p.name for p in done.written] == ["通知 (4).md"]
        if not overwrite:  # said once, when the note first went beside the user's file
            assert [p.name for p in done.foreign] == ["通知.md"]
            assert "left 1 file no export wrote (通知.md): never replaced" in done.warning()
    again = write_note_folder([Note(4, "通知.md", "导出\n")], tmp_path, _write)
    assert again.foreign == [] and [p.name for p in again.written] == ["通知 (4).md"]


def test_a_document_keeps_its_note_name_whatever_else_is_exported(tmp_path: Path) -> None:
    """Two documents titled alike: the one exported first keeps the plain name in every later export,
    so the user's lines in it are guarded for that document and never overwritten with the other's."""
    write_note_folder([Note(3, "第二份报告.md", "doc 3 v1\n")], tmp_path, _write)
    with (tmp_path / "第二份报告.md").open("a", encoding="utf-8") as note:
        note.write("我的补充\n")
    both = [Note(2, "第二份报告.md", "doc 2 v1\n"), Note(3, "第二份报告.md", "doc 3 v2\n")]
    done = write_note_folder(both, tmp_path, _write)
    assert [p.name for p in done.kept] == ["第二份报告.md"]
    assert (tmp_path / "第二份报告 (2).md").read_text(encoding="utf-8") == "doc 2 v1\n"
    assert not (tmp_path / "第二份报告 (3).md").exists()
    forced = write_note_folder(both, tmp_path, _write, overwrite=True)
    assert (tmp_path / "第二份报告.md").read_text(encoding="utf-8") == "doc 3 v2\n"
    assert sorted(p.name for p in forced.written) == ["第二份报告 (2).md", "第二份报告.md"]
    record = json.loads((tmp_path / RECORD).read_text(encoding="utf-8"))["notes"]
    assert {name: entry["document"] for name, entry in record.items()} == {
        "第二份报告.md": 3,
        "第二份报告 (2).md": 2,
    }


def test_a_folder_recorded_by_the_first_version_still_replaces_its_own_notes(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("A1\n", encoding="utf-8")
    digest = hashlib.sha256(b"A1\n").hexdigest()
    (tmp_path / RECORD).write_text(json.dumps({"version": 1, "notes": {"a.md": digest}}), encoding="utf-8")
    done = write_note_folder([Note(1, "a.md", "A2\n")], tmp_path, _write)
    assert [p.name for p in done.written] == ["a.md"] and (tmp_path / "a.md").read_text(encoding="utf-8") == "A2\n"
