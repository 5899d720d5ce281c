"""Keeping the garbage collector's passes short while the window runs work on other threads.

CPython's cyclic collector holds the interpreter lock for the whole of a pass, and a full pass visits
every container the process keeps. Once the script converters, the OCR engine and the entity model have
loaded, their tables make a full pass cost about 100 ms on a 2-core machine (97-125 ms measured after a
warm-up; 166-189 ms while a scan was read beside it), and whichever thread allocates enough starts one:
the window's event loop then stops for that long, though it did none of the work. A warm-up that builds
a large table also starts pass after pass over its own growing table (jieba's dictionary of 300,000
words: passes of 24-43 ms each, 67 ms with the window's objects).

So a warm-up runs with the collector `paused`, and ends by freezing what it left alive (`settle`):
`gc.freeze()` moves every object tracked at that moment into a permanent generation that no pass
visits (measured, a full pass after it takes a few milliseconds). Objects freed by reference counting
are still freed; only reference cycles among frozen objects that become garbage later are never
reclaimed, so the heap is frozen once per warm-up, when what is alive is what stays alive (tables and
modules). The pause is process-wide but lasts only as long as the warm-up (1-5 s: the script converters
take longest); pausing during whole entity passes was rejected for that reason (docs/decisions/entities.md).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Condition()  # `unpaused` waits on it for the last pause to end
_settled: set[str] = set()
_pauses = 0
_resume = False  # whether the collector was enabled when the first pause began


def settle(after: str, *, young: bool = True) -> bool:
    """Freeze the objects alive now, once per process for each warm-up `after` names ("scripts",
    "entities", ...); whether it froze (False when that warm-up had already been followed by one).

    `young` first collects the young generations, so their garbage is not frozen; inside a pause it is
    left out: everything the warm-up allocated is young then, and that pass would be a long one."""
    with _lock:
        if after in _settled:
            return False
        _settled.add(after)
    if young:
        gc.collect(1)
    gc.freeze()
    return True


@contextmanager
def paused() -> Iterator[None]:
    """The collector paused while the block runs (warm-ups on several threads may overlap: it resumes
    when the last ends, and only if it was running before the first began)."""
    global _pauses, _resume
    with _lock:
        if _pauses == 0:
            _resume = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0:
                if _resume:
                    gc.enable()
                _lock.notify_all()


def unpaused(timeout: float) -> bool:
    """Wait until no warm-up holds the collector paused (at most `timeout` seconds); whether none does.
    For a caller about to look at or change the collector's state, which a warm-up on another thread
    would otherwise change under it."""
    with _lock:
        return _lock.wait_for(lambda: _pauses == 0, timeout)
