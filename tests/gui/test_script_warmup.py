"""The script converters are warmed on a thread after start-up; a switch made while the warm-up runs waits
for it rather than loading the same tables beside it on the GUI thread."""

from __future__ import annotations

import threading

import pytest

from reader.core.script import Script
from reader.ui import app
from reader.ui.main_window import MainWindow


def test_a_switch_waits_for_a_running_warmup(monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()
    loaded: list[str] = []

    def slow_prewarm() -> None:
        release.wait(10)
        loaded.append("converters")

    monkeypatch.setattr(app, "prewarm", slow_prewarm)
    monkeypatch.setattr(app, "prewarm_font_lists", lambda: loaded.append("fonts"))
    warmup = app.ScriptWarmup()
    warmup.wait()  # not started: returns at once, the switch loads what it needs itself
    warmup.start()
    assert not warmup.ready
    waited = threading.Event()
    waiter = threading.Thread(target=lambda: (warmup.wait(), waited.set()))
    waiter.start()
    assert not waited.wait(0.2)  # held while the converters load
    release.set()
    waiter.join(10)
    assert waited.is_set() and warmup.ready and loaded[0] == "converters"


def test_a_failed_warmup_never_holds_a_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> None:
        raise MemoryError

    monkeypatch.setattr(app, "prewarm", broken)
    monkeypatch.setattr(app, "prewarm_font_lists", lambda: None)
    monkeypatch.setattr(threading, "excepthook", lambda _args: None)  # the thread's error is expected
    warmup = app.ScriptWarmup()
    warmup.start()
    done = threading.Event()
    threading.Thread(target=lambda: (warmup.wait(), done.set()), daemon=True).start()
    assert done.wait(10)


def test_the_window_waits_for_the_warmup_before_converting(window: MainWindow) -> None:
    bound = window.view.before_convert
    assert isinstance(getattr(bound, "__self__", None), app.ScriptWarmup)
    calls: list[Script] = []
    window.view.before_convert = lambda: calls.append(window.reading.script)
    window.set_script(Script.HANT)
    assert calls == [Script.ORIG]  # asked before the view in the new script was built
    assert window.reading.script == Script.HANT
