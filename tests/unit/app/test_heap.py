"""The collector paused for warm-ups and the heap frozen after them (reader.app.heap)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from reader.app import heap


@pytest.fixture(autouse=True)
def _collector_as_found() -> Iterator[None]:
    """Each test leaves the process's collector running and nothing frozen, as it found it."""
    enabled = gc.isenabled()
    yield
    gc.unfreeze()
    if enabled:
        gc.enable()


def test_settle_freezes_once_per_warm_up() -> None:
    gc.unfreeze()
    kept = [[index] for index in range(1000)]  # containers alive now, as a warm-up's tables are
    assert heap.settle("test-settle-once")
    assert gc.get_freeze_count() >= len(kept)
    gc.unfreeze()
    assert not heap.settle("test-settle-once")  # the same warm-up again: nothing is frozen
    assert gc.get_freeze_count() == 0


def test_settle_without_the_young_pass_keeps_young_objects_out_of_collections() -> None:
    gc.unfreeze()
    young = [[index] for index in range(500)]
    assert heap.settle("test-settle-young", young=False)
    assert gc.get_count()[0] == 0  # everything young was moved to the permanent generation
    assert gc.get_freeze_count() >= len(young)


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
