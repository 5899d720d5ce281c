"""A second process that notes an import on a library and keeps it under way until it is killed: what a
second window reading scans looks like to this one."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_HOLDER = textwrap.dedent(
    """
    import sys, time
    from reader.store.library import Library
    from reader.store.pending_imports import PendingImports
    with Library(sys.argv[1]) as library:
        print(PendingImports(library.conn).begin([sys.argv[2]]), flush=True)
        time.sleep(120)
    """
)


@contextmanager
def holding_import(library: Path, path: str = "/scans/held.pdf") -> Iterator[tuple[int, subprocess.Popen[str]]]:
    """The id of the import another process holds, and that process (killed on leaving, if still alive)."""
    proc = subprocess.Popen([sys.executable, "-c", _HOLDER, str(library), path], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        assert line.isdigit(), f"the holding process did not start: {line!r}"
        yield int(line), proc
    finally:
        proc.kill()
        proc.wait()
