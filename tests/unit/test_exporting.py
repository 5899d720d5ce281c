"""Writing exports: a file is the old one or the complete new one, and CSV never carries a formula."""

from __future__ import annotations

import csv
import io
import os
import stat
from pathlib import Path

import pytest

from reader.app.exporting import write_atomically, write_export
from reader.core.annotations.model import Annotation, HighlightColor
from reader.core.export.csv import to_csv
from reader.core.export.model import ExportDocument


def _fail_halfway(target: Path) -> None:
    target.write_text("half of the new ", encoding="utf-8")
    raise OSError(28, "No space left on device")


def test_a_failed_write_leaves_the_old_file_and_no_debris(tmp_path: Path) -> None:
    out = tmp_path / "notes.md"
    out.write_text("the old export", encoding="utf-8")
    with pytest.raises(OSError, match="No space"):
        write_atomically(out, _fail_halfway)
    assert out.read_text(encoding="utf-8") == "the old export"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.md"]


def test_the_new_file_keeps_the_old_permissions_and_a_link_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_text("old", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    write_atomically(link, lambda target: target.write_text("new", encoding="utf-8"))
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


def test_a_new_file_follows_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_atomically(tmp_path / "new.csv", lambda target: target.write_text("x", encoding="utf-8"))
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.csv").stat().st_mode) == 0o640


def test_a_device_is_written_to_not_replaced(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_export([], "csv", Path("/dev/full"))
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError):
        write_export([], "csv", tmp_path)


def test_every_csv_text_column_is_guarded() -> None:
    note = Annotation(
        uuid="@uuid",
        doc_id=1,
        start=0,
        end=2,
        quote="=1+1",
        prefix="",
        suffix="",
        color="-key",
        note="+note",
        tags=("@tag",),
        created="=HYPERLINK(1)",
        modified="\tmodified",
    )
    doc = ExportDocument(
        id=1, title="\rtitle", date="-2024", author="", source="", path="", text="正文", annotations=[note]
    )
    palette = (HighlightColor("-key", "=colour", "#ffeb3b"),)
    rows = list(csv.reader(io.StringIO(to_csv([doc], palette).lstrip("\ufeff"))))
    cells = rows[1]
    assert all(not c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells), cells
    assert "'=HYPERLINK(1)" in cells and "'=colour" in cells and "'-key" in cells


def test_a_folder_export_says_which_notes_it_kept(tmp_path: Path) -> None:
    """The window exports a folder through `write_export` too: the notes kept for the user's lines are
    in its answer, so it can warn instead of closing as if every note were written."""
    doc = ExportDocument(id=3, title="通知", date="", author="", source="", path="", text="正文。", annotations=[])
    first = write_export([doc], "md", tmp_path)
    assert [p.name for p in first.written] == ["通知.md"] and first.kept == []
    with (tmp_path / "通知.md").open("a", encoding="utf-8") as note:
        note.write("我的补充\n")
    again = write_export([doc], "md", tmp_path)
    assert [p.name for p in again.kept] == ["通知.md"] and again.written == []
    assert "export with --overwrite" in again.warning()
    forced = write_export([doc], "md", tmp_path, overwrite=True)
    assert forced.kept == [] and "我的补充" not in (tmp_path / "通知.md").read_text(encoding="utf-8")
