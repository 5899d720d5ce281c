"""An unfinished import that another live process is finishing is not offered for resuming, and cannot be
taken up twice; once that process ends, however it ends, it is offered again."""

from __future__ import annotations

from pathlib import Path

import pytest

from import_holder import holding_import
from reader.store.library import Library
from reader.store.pending_imports import ImportTaken, PendingImports


def test_an_import_another_process_is_running_is_not_offered_until_that_process_dies(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    Library(path).close()
    with holding_import(path) as (held, proc), Library(path) as library:
        notes = PendingImports(library.conn)
        assert [n.id for n in notes.all()] == [held]  # noted...
        assert notes.waiting() == []  # ...but being finished elsewhere
        with pytest.raises(ImportTaken):
            notes.begin(["/scans/held.pdf"], replaces=[held])
        notes.finish([held])  # a discard cannot remove it from under its process either
        assert [n.id for n in notes.all()] == [held]
        proc.kill()
        proc.wait()
        [waiting] = notes.waiting()  # the process is gone: the import can be taken up
        assert waiting.id == held and waiting.paths == ("/scans/held.pdf",)
        resumed = notes.begin(list(waiting.paths), replaces=[held])
        assert [n.id for n in notes.all()] == [resumed] and notes.waiting() == []


def test_an_import_this_process_runs_is_not_waiting_and_is_after_leave(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite") as library:
        notes = PendingImports(library.conn)
        running = notes.begin(["/a.pdf"])
        assert notes.waiting() == []
        notes.leave([running])  # stopped halfway (the window closing): offered again, note unchanged
        assert [n.id for n in notes.waiting()] == [running]
        notes.finish([running])
        assert notes.all() == [] and not list(tmp_path.glob("*.lock"))


def test_a_note_taken_up_meanwhile_cannot_be_taken_up_again(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite") as first, Library(tmp_path / "lib.sqlite") as second:
        noted = PendingImports(first.conn).begin(["/a.pdf"])
        PendingImports(first.conn).leave([noted])
        # Both windows offered it; the first to resume takes it, the second is told so and reads nothing.
        PendingImports(first.conn).begin(["/a.pdf"], replaces=[noted])
        with pytest.raises(ImportTaken, match="another window"):
            PendingImports(second.conn).begin(["/a.pdf"], replaces=[noted])
        assert len(PendingImports(second.conn).all()) == 1


def test_an_in_memory_library_notes_without_claims(tmp_path: Path) -> None:
    from reader.store.db import open_library

    conn = open_library(Path(":memory:"))
    notes = PendingImports(conn)
    noted = notes.begin(["/a.pdf"])
    assert [n.id for n in notes.waiting()] == [noted]  # no other process can see it
    assert not list(tmp_path.glob("*.lock"))


def test_a_file_system_without_locks_leaves_imports_unclaimed_not_stuck(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import fcntl

    def no_locks(*_args: object) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    with Library(tmp_path / "lib.sqlite") as library:
        notes = PendingImports(library.conn)
        noted = notes.begin(["/a.pdf"])
        notes.leave([noted])
        monkeypatch.setattr(fcntl, "flock", no_locks)
        # Nobody can hold a lock there, so nobody is finishing it: offered, resumable and discardable.
        assert [n.id for n in notes.waiting()] == [noted]
        resumed = notes.begin(["/a.pdf"], replaces=[noted])
        notes.finish([resumed])
        assert notes.all() == []


def test_a_resume_waits_out_another_windows_instant_look(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import fcntl

    from reader.store import import_claims, pending_imports

    with Library(tmp_path / "lib.sqlite") as library:
        notes = PendingImports(library.conn)
        noted = notes.begin(["/a.pdf"])
        notes.leave([noted])
        path = import_claims.claim_path(library.path, noted)
        looking = open(path, "rb")  # noqa: SIM115 - another window's `is_claimed`, holding the lock an instant
        fcntl.flock(looking.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        pauses: list[float] = []

        def pause(seconds: float) -> None:  # the look ends while the resume waits
            pauses.append(seconds)
            fcntl.flock(looking.fileno(), fcntl.LOCK_UN)

        monkeypatch.setattr(pending_imports.time, "sleep", pause)
        resumed = notes.begin(["/a.pdf"], replaces=[noted])
        looking.close()
        assert len(pauses) == 1 and [n.id for n in notes.all()] == [resumed]
