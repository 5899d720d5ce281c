"""The program's exit: a code given back as usual when no engine load is under way."""

from __future__ import annotations

import importlib
import threading

import pytest

from reader.app.exiting import leave

# The module, not the package's `extract` function of the same name.
extract = importlib.import_module("reader.formats.pdf.extract")


def test_with_no_load_under_way_the_code_is_given_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract, "_LOADS", set())
    assert leave(3, wait_s=0.0) == 3


def test_a_load_that_ends_within_the_wait_is_waited_for(monkeypatch: pytest.MonkeyPatch) -> None:
    """The exit joins a load under way (a process ended in the middle of the real one aborted)."""
    release = threading.Event()
    ended: list[bool] = []

    def load() -> None:
        release.wait(30)
        ended.append(True)

    thread = threading.Thread(target=load, daemon=True)
    monkeypatch.setattr(extract, "_LOADS", {thread})
    thread.start()
    threading.Timer(0.1, release.set).start()
    assert leave(0, wait_s=30.0) == 0
    assert ended == [True]
