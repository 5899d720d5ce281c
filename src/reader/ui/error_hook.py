"""What the window does with an exception no controller caught: a one-line message, never a dead window.

A slot that raises (a full disk while a highlight is saved, a library locked by another program) would
otherwise print a traceback to a terminal the reader never sees, and the action would silently not
happen. Library failures are explained in the words the CLI uses (`store.db.explain`); anything else is
named in one line, with the traceback on stderr only when READER_DEBUG is set.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from reader.store.db import explain

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def message_for(exc: BaseException, library: Path) -> str:
    """The one line the reader is shown for `exc`."""
    if isinstance(exc, sqlite3.Error):
        return explain(library, exc)
    if isinstance(exc, MemoryError):
        return QCoreApplication.translate("ErrorHook", "Out of memory: close other programs and try again.")
    if isinstance(exc, OSError):
        return QCoreApplication.translate("ErrorHook", "A file could not be used: {0}").format(exc.strerror or exc)
    return QCoreApplication.translate("ErrorHook", "Something went wrong ({0}); nothing was lost.").format(
        type(exc).__name__
    )


def make_hook(parent: Callable[[], QWidget | None], library: Path) -> Hook:
    """An excepthook that tells the reader in one line and keeps the window running."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        line = message_for(exc, library)
        print(f"reader: error: {line}", file=sys.stderr)
        if os.environ.get("READER_DEBUG"):
            traceback.print_exception(kind, exc, tb)
        QMessageBox.warning(parent(), "reader", line)

    return hook
