"""The end of the program: bounded, whatever a background load is doing.

The OCR engine's first load runs on a daemon thread (`reader.formats.pdf.extract`). Ending the interpreter
while it is half-way through OpenCV's and ONNX Runtime's set-up aborts the process, and a load reading from a
stalled disk may never end. So the program's exit (`reader.cli.run.main`, for the window as for the
commands) gives a load under way a few seconds; if it is still loading after that, everything this program
writes has been written and closed by then (the window closes its writer, its library and its settings
before `QApplication.exec` returns; a command closes its library before it returns its code), so the
process ends at once with its code, without the interpreter's finalisation.
"""

from __future__ import annotations

import atexit
import os
import sys
from contextlib import suppress

ENGINE_LOAD_WAIT_S = 5.0
"""How long the exit waits for an engine load under way (one took 4.1 s on a loaded machine)."""


def leave(code: int, *, wait_s: float | None = None) -> int:
    """`code`, to exit with as usual; or, when an engine load is still under way after `wait_s` seconds
    (`ENGINE_LOAD_WAIT_S`), the process ended here with `code` once the exit handlers ran and the output
    was flushed."""
    if "reader.formats.pdf.extract" not in sys.modules:
        return code  # no scan was read: no load was ever started (and the PDF reader is not loaded for this)
    from reader.formats.pdf.extract import engine_loads_done

    if engine_loads_done(ENGINE_LOAD_WAIT_S if wait_s is None else wait_s):
        return code
    with suppress(Exception):  # the handlers registered to run at exit (temporary folders removed)
        atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with suppress(Exception):  # a closed or broken stream has nothing more to give
            stream.flush()
    os._exit(code)
