"""A notes folder is the user's too: an export replaces only what it wrote itself and nobody changed."""

from __future__ import annotations

from pathlib import Path

from reader.app.note_folder import RECORD, write_note_folder


def _write(target: Path, text: str) -> None:
    target.write_text(text, encoding="utf-8")


def test_only_notes_unchanged_since_the_last_export_are_replaced(tmp_path: Path) -> None:
    first = write_note_folder({"a.md": "A1\n", "b.md": "B1\n"}, tmp_path, _write)
    assert [p.name for p in first.written] == ["a.md", "b.md"] and first.kept == []
    assert (tmp_path / RECORD).is_file()
    with (tmp_path / "a.md").open("a", encoding="utf-8") as note:
        note.write("我的手写补充\n")
    (tmp_path / "mine.md").write_text("a note of the user's own\n", encoding="utf-8")

    second = write_note_folder({"a.md": "A2\n", "b.md": "B2\n", "mine.md": "exported\n"}, tmp_path, _write)
    assert [p.name for p in second.kept] == ["a.md", "mine.md"]
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "A1\n我的手写补充\n"
    assert (tmp_path / "mine.md").read_text(encoding="utf-8") == "a note of the user's own\n"
    assert (tmp_path / "b.md").read_text(encoding="utf-8") == "B2\n"
    assert "kept 2 notes changed since the last export (a.md, mine.md)" in second.warning()

    forced = write_note_folder({"a.md": "A3\n"}, tmp_path, _write, overwrite=True)
    assert forced.kept == [] and (tmp_path / "a.md").read_text(encoding="utf-8") == "A3\n"
    # Written by the export, so replaced without asking next time; b.md's record is kept meanwhile.
    assert write_note_folder({"a.md": "A4\n", "b.md": "B3\n"}, tmp_path, _write).kept == []
