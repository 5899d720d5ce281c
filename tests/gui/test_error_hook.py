"""An exception no controller caught reaches the reader as one line, and the window keeps running."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from reader.ui.error_hook import make_hook


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: seen.append(text))
    return seen


def _raise(exc: BaseException) -> tuple[type[BaseException], BaseException, Any]:
    try:
        raise exc
    except BaseException as caught:
        return type(caught), caught, caught.__traceback__


def test_a_full_disk_is_explained_in_one_line(
    qapp: Any, shown: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hook = make_hook(lambda: None, tmp_path / "lib.sqlite")
    hook(*_raise(sqlite3.OperationalError("database or disk is full")))
    assert len(shown) == 1 and "full" in shown[0] and "\n" not in shown[0]
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_a_locked_library_names_what_to_do(qapp: Any, shown: list[str], tmp_path: Path) -> None:
    make_hook(lambda: None, tmp_path / "lib.sqlite")(*_raise(sqlite3.OperationalError("database is locked")))
    assert "locked" in shown[0] and "try again" in shown[0]


def test_any_other_error_is_named_without_a_traceback(
    qapp: Any, shown: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("READER_DEBUG", raising=False)
    make_hook(lambda: None, tmp_path / "lib.sqlite")(*_raise(ValueError("bad")))
    assert shown == ["Something went wrong (ValueError); nothing was lost."]
    assert "Traceback" not in capsys.readouterr().err
