"""Writing from a test the way the window does: through its one writer, never on its reading connection."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from reader.app.changes import Outcome
from reader.store.library import Library
from reader.ui.main_window import MainWindow

T = TypeVar("T")


def write(window: MainWindow, change: Callable[[Library], T]) -> T:
    """Run `change` on the window's writing library, on the writer's thread, and return its value.

    The panels are not told (tests that need them refreshed say so), as when another program writes."""
    return window.writes.run(lambda library: Outcome(change(library)))
