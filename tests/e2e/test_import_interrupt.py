"""An import interrupted from outside: Ctrl-C stops it cleanly, and a killed one leaves no process behind.

The command runs in its own session, as from a terminal: Ctrl-C there reaches the whole process group
(the command and its workers), and the group's id finds every process it started even after the command
itself is gone. The library must afterwards hold only whole documents and pass SQLite's own check.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import closing, suppress
from pathlib import Path

import pytest

from reportgen import write_reports

FILES = 400

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds processes through /proc"),
]


@pytest.fixture(scope="module")
def large_reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Slow to prepare: the workers are busy when the import is stopped."""
    folder = tmp_path_factory.mktemp("large") / "reports"
    write_reports(folder, FILES, 60_000)
    return folder


@pytest.fixture(scope="module")
def small_reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Quick to prepare, with results small enough to wait in the pipe: the workers soon wait for work."""
    folder = tmp_path_factory.mktemp("small") / "reports"
    write_reports(folder, FILES, 3_000)
    return folder


@pytest.fixture
def importing(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[tuple[subprocess.Popen[str], Path]]:
    """`reader import` of 400 reports, started as a terminal would: a session of its own."""
    reports = request.getfixturevalue(request.param)
    library = tmp_path / "lib.sqlite"
    process = subprocess.Popen(
        [sys.executable, "-m", "reader.cli", "import", "--library", str(library), str(reports)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=_as_in_a_terminal,
    )
    try:
        yield process, library
    finally:
        # Whatever the outcome, nothing this test started keeps running.
        for pid in group(process.pid):
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        if process.poll() is None:
            process.kill()
        process.communicate()


def _as_in_a_terminal() -> None:
    """Ctrl-C acts on the command as on a shell's foreground job: a command started in the background
    (CI under `nohup … &`, then make) inherits SIGINT ignored, and a program rightly keeps a disposition
    it was started with."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def group(pgid: int) -> list[int]:
    """Live processes (zombies hold nothing) of a process group, read from /proc."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # gone meanwhile
        state, _ppid, process_group = stat[stat.rindex(")") + 2 :].split()[:3]
        if state != "Z" and int(process_group) == pgid:
            members.append(int(entry.name))
    return members


def workers_idle(pgid: int, samples: int = 10) -> bool:
    """Every worker of the group asleep (waiting for work) over `samples` looks 50 ms apart."""
    for _ in range(samples):
        states = [state(pid) for pid in group(pgid) if b"spawn_main" in cmdline(pid)]
        if not states or any(s != "S" for s in states):
            return False
        time.sleep(0.05)
    return True


def state(pid: int) -> str:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return "gone"
    return stat[stat.rindex(")") + 2 :].split()[0]


def cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def documents(library: Path) -> int:
    if not library.exists():
        return 0
    try:
        with closing(sqlite3.connect(f"file:{library}?mode=ro", uri=True, timeout=5)) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:
        return 0  # the schema is not there yet


def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"{what} within {timeout} s")
        time.sleep(0.05)


def wait_for_busy_workers(process: subprocess.Popen[str], library: Path) -> None:
    """Until documents are being written: the workers exist and are preparing the next files."""
    wait_until(lambda: documents(library) > 0 or process.poll() is not None, 120, "no document imported")
    assert process.poll() is None, "the import ended before it could be stopped"
    assert len(group(process.pid)) > 1, "no worker processes"


def assert_only_whole_documents(library: Path) -> int:
    with closing(sqlite3.connect(library)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        rows = conn.execute("SELECT path, raw, text, chars, cleaner_version FROM documents").fetchall()
    for path, raw, text, chars, cleaner_version in rows:
        assert raw == Path(path).read_text(encoding="utf-8")
        assert text and chars == len(text) and cleaner_version > 0
    return len(rows)


@pytest.mark.parametrize("importing", ["small_reports"], indirect=True)
def test_ctrl_c_stops_the_import_with_one_line(importing: tuple[subprocess.Popen[str], Path]) -> None:
    process, library = importing
    wait_for_busy_workers(process, library)
    # Ctrl-C while the workers wait for work (as when writing is the slower side): hold the command still
    # until they have taken every queued file and sit idle, press Ctrl-C, then let the command go on.
    os.kill(process.pid, signal.SIGSTOP)
    try:
        wait_until(lambda: workers_idle(process.pid), 60, "the workers never went idle")
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole group
    finally:
        os.kill(process.pid, signal.SIGCONT)
    _, stderr = process.communicate(timeout=60)

    assert "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1, stderr
    assert "interrupted" in stderr
    assert "(cancelled)" in stderr  # the one line says how far the batch got
    assert process.returncode == 130
    wait_until(lambda: not group(process.pid), 30, "worker processes still running")
    stored = assert_only_whole_documents(library)
    assert 0 < stored < FILES
    assert f"{stored} imported" in stderr


@pytest.mark.parametrize("importing", ["large_reports"], indirect=True)
def test_a_killed_import_leaves_no_process_behind(importing: tuple[subprocess.Popen[str], Path]) -> None:
    process, library = importing
    wait_for_busy_workers(process, library)

    process.kill()  # SIGKILL to the command alone: it cannot clean up after itself
    process.wait()

    wait_until(lambda: not group(process.pid), 30, "worker processes outlived the killed import")
    assert 0 < assert_only_whole_documents(library) < FILES
