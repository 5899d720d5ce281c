"""The import's worker processes and Ctrl-C: stopping workers at once, never outliving the parent, and
Ctrl-C noted while documents are written but acted on at once while only computing."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from types import FrameType

_PARENT_CHECK_SECONDS = 0.5
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def stop_now(pool: ProcessPoolExecutor) -> None:
    """Drop queued work and end the workers without waiting for the file each is preparing.

    `shutdown(wait=False, cancel_futures=True)` alone would let a worker finish a large file first, and the
    interpreter waits for it at exit. Preparing is pure computation, so ending it loses nothing. The
    executor's own thread notices the ended workers and reaps them.
    """
    # The executor keeps no public list of its processes; without them a busy worker cannot be stopped.
    processes = list((pool._processes or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()


class CtrlC:
    """Ctrl-C during an import: noted while documents are written, acted on at once while only computing.

    An exception raised in the middle of a write or inside the executor's bookkeeping is what made
    interrupted imports messy, so by default Ctrl-C only sets `pressed`, which the loop reads between
    documents. Inside `abandons()` (finding files, preparing one) nothing is written and waiting could take
    minutes on a large file, so there it raises KeyboardInterrupt as usual. Only Python's default handler
    is replaced, and only on the main thread (the only one Python runs signal handlers on).
    """

    def __init__(self) -> None:
        self.pressed = threading.Event()
        self._abandoning = False

    @contextlib.contextmanager
    def installed(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
            yield
            return
        previous = signal.signal(signal.SIGINT, self._on_interrupt)
        try:
            yield
        finally:
            signal.signal(signal.SIGINT, previous)

    @contextlib.contextmanager
    def abandons(self) -> Iterator[None]:
        self._abandoning = True
        try:
            yield
        finally:
            self._abandoning = False

    @contextlib.contextmanager
    def holds(self) -> Iterator[None]:
        """Within `abandons()`, a stretch that writes (a batch's results stored between a scan's pages):
        Ctrl-C is only noted there, and acted on when the computing resumes."""
        abandoning, self._abandoning = self._abandoning, False
        try:
            yield
        finally:
            self._abandoning = abandoning

    def _on_interrupt(self, signum: int, frame: FrameType | None) -> None:
        self.pressed.set()
        if self._abandoning:
            raise KeyboardInterrupt


@contextlib.contextmanager
def sigint_blocked() -> Iterator[None]:
    """Hold SIGINT back from this thread; a process started meanwhile begins with it blocked.

    The executor starts workers from the submitting thread. Without this, Ctrl-C in the instant between a
    worker's start and its initializer would print a traceback from that worker. The parent loses nothing:
    a held-back signal is delivered when the mask is restored.
    """
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def worker_init(parent_pid: int) -> None:
    """Set up a worker process: leave Ctrl-C to the parent, and never outlive it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Ctrl-C held back since the start is discarded here
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    if sys.platform.startswith("linux"):
        _ask_kernel_for_sigterm_on_parent_death()
    watcher = threading.Thread(target=_exit_when_orphaned, args=(parent_pid,), name="parent-watch", daemon=True)
    watcher.start()
    if os.getppid() != parent_pid:  # the parent died before the kernel was asked to tell us
        os._exit(1)


def _ask_kernel_for_sigterm_on_parent_death() -> None:
    """PR_SET_PDEATHSIG: the kernel sends SIGTERM the moment the parent dies, however it died."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # an unusual libc: the watching thread still ends the worker


def _exit_when_orphaned(parent_pid: int) -> None:
    """Portable fallback: once the parent is gone the worker is re-parented, and it exits."""
    while os.getppid() == parent_pid:
        time.sleep(_PARENT_CHECK_SECONDS)
    os._exit(1)
