"""`reader import --resume`: an import the process lost halfway through a scan is finished from the page it
had reached, and a plain `reader import` says that one is waiting."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli.run import main
from reader.formats.pdf import ocr

pytest.importorskip("PIL", reason="scans are generated with Pillow (installed with the OCR engine)")
from import_holder import holding_import
from shaded_scans import ByShade, DiesOn, Killed, shaded_scan


def test_import_resume_reads_only_the_pages_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    scan = tmp_path / "report.pdf"
    scan.write_bytes(shaded_scan(4))
    lib = str(tmp_path / "lib.sqlite")
    monkeypatch.setattr(ocr, "default_engine", lambda: DiesOn(2))
    with pytest.raises(Killed):
        main(["--library", lib, "import", str(scan)])
    capsys.readouterr()

    engine = ByShade()
    monkeypatch.setattr(ocr, "default_engine", lambda: engine)
    note = tmp_path / "note.txt"
    note.write_text("一段与扫描无关的文字，单独导入。\n", encoding="utf-8")
    assert main(["--library", lib, "import", str(note)]) == 0
    said = capsys.readouterr()
    assert (
        "an earlier import did not finish (1 file(s) still to import); `reader import --resume` finishes it" in said.err
    )
    assert engine.read == []

    assert main(["--library", lib, "import", "--resume"]) == 0
    said = capsys.readouterr()
    assert "1 imported" in said.out and engine.read == [2, 3]

    assert main(["--library", lib, "import", "--resume"]) == 0
    assert "no unfinished import to resume" in capsys.readouterr().err


def test_import_needs_paths_or_resume(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--library", str(tmp_path / "lib.sqlite"), "import"]) == 1
    assert "give the files or folders to import, or --resume" in capsys.readouterr().err


def test_resume_leaves_an_import_another_process_is_finishing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = tmp_path / "lib.sqlite"
    with holding_import(lib):
        assert main(["--library", str(lib), "import", "--resume"]) == 0
        assert "being finished by another window or command" in capsys.readouterr().err
    # Its process is gone: taken up now (the file is missing, so it is skipped with its reason).
    main(["--library", str(lib), "import", "--resume"])
    err = capsys.readouterr().err
    assert "another window" not in err and "skipped /scans/held.pdf: no such file or folder" in err


def test_an_import_taken_up_elsewhere_at_the_last_moment_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.app import resuming
    from reader.store.pending_imports import ImportTaken

    def taken(*_args: object, **_kwargs: object) -> None:
        raise ImportTaken("that unfinished import was already taken up by another window")

    monkeypatch.setattr(resuming, "import_resumably", taken)
    note = tmp_path / "note.txt"
    note.write_text("正文。\n", encoding="utf-8")
    assert main(["--library", str(tmp_path / "lib.sqlite"), "import", str(note)]) == 1
    err = capsys.readouterr().err
    assert err.strip() == "reader: the unfinished import is being finished by another window or command"
