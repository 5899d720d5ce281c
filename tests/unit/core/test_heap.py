"""The collector paused for warm-ups and the heap frozen after them (reader.core.heap)."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator

import pytest

from reader.core import heap

# The longest a warm-up of an earlier test's window (on its own thread) may hold the collector paused.
WARM_UP_S = 30.0


class _Node:
    """A container that can refer to itself: a reference cycle only the collector frees."""

    me: _Node | None = None


@pytest.fixture(autouse=True)
def _collector_as_found() -> Iterator[None]:
    """Each test starts with no warm-up pausing the collector (one left by an earlier test's window would
    change its state under the test) and leaves it as it found it: running or not, and nothing frozen
    if nothing was (what was frozen cannot be told apart from what a test froze: it stays frozen)."""
    assert heap.unpaused(WARM_UP_S)
    enabled, frozen = gc.isenabled(), gc.get_freeze_count()
    yield
    if frozen == 0:
        gc.unfreeze()
    if enabled:
        gc.enable()
    else:
        gc.disable()


def _garbage_cycle() -> weakref.ref[_Node]:
    """A reference cycle nothing else refers to, made with the collector off so it is not freed at once."""
    gc.disable()
    node = _Node()
    node.me = node
    return weakref.ref(node)


def test_settle_freezes_once_per_warm_up() -> None:
    before = gc.get_freeze_count()
    kept = [[index] for index in range(1000)]  # containers alive now, as a warm-up's tables are
    assert heap.settle("test-settle-once")
    frozen = gc.get_freeze_count()
    assert frozen - before >= len(kept)
    more = [[index] for index in range(1000)]
    assert not heap.settle("test-settle-once")  # the same warm-up again: nothing more is frozen
    assert gc.get_freeze_count() == frozen
    assert len(more) == len(kept)


def test_settle_without_the_young_pass_freezes_young_garbage_too() -> None:
    """Inside a warm-up's pause the young pass is left out: its garbage is frozen with what it keeps,
    and no later pass frees it."""
    cycle = _garbage_cycle()
    assert heap.settle("test-settle-young-left-out", young=False)
    gc.collect()
    assert cycle() is not None  # frozen: the full pass did not visit it


def test_settle_with_the_young_pass_frees_young_garbage_first() -> None:
    cycle = _garbage_cycle()
    assert heap.settle("test-settle-young-collected", young=True)
    assert cycle() is None  # collected before the freeze


def test_paused_stops_the_collector_until_the_last_overlapping_pause_ends() -> None:
    gc.enable()
    inner_started, outer_may_end = threading.Event(), threading.Event()
    seen: list[bool] = []

    def other_warm_up() -> None:
        with heap.paused():
            inner_started.set()
            outer_may_end.wait(5)
            seen.append(gc.isenabled())

    with heap.paused():
        assert not gc.isenabled()
        thread = threading.Thread(target=other_warm_up)
        thread.start()
        assert inner_started.wait(5)
    assert not gc.isenabled()  # the other warm-up still runs
    outer_may_end.set()
    thread.join(5)
    assert seen == [False]
    assert gc.isenabled()


def test_paused_leaves_a_collector_that_was_off_off() -> None:
    gc.disable()
    with heap.paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_paused_resumes_the_collector_when_the_warm_up_fails() -> None:
    gc.enable()
    with pytest.raises(RuntimeError), heap.paused():
        raise RuntimeError("the model could not load")
    assert gc.isenabled()
