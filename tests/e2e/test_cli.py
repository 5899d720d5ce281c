"""`reader` as a user runs it: a real subprocess, real files, a temporary library."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


def run(
    *args: str, env_extra: dict[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-m", "reader.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        timeout=120,
    )


@pytest.fixture
def lib(tmp_path: Path) -> str:
    return str(tmp_path / "lib.sqlite")


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("reader ")


def test_import_list_show_round_trip(lib: str) -> None:
    result = run("--library", lib, "import", str(SEEDS))
    assert result.returncode == 0, result.stderr
    assert "5 imported" in result.stdout
    again = run("import", str(SEEDS), "--library", lib, "--json")
    report = json.loads(again.stdout)
    assert report["imported"] == [] and len(report["duplicates"]) == 5

    listed = json.loads(run("list", "--json", "--library", lib).stdout)
    assert len(listed) == 5
    for item in listed:
        assert {"id", "title", "date", "author", "source", "path", "chars", "script"} <= item.keys()
        assert item["chars"] > 0

    doc_id = str(listed[0]["id"])
    shown = json.loads(run("show", doc_id, "--json", "--library", lib).stdout)
    assert {"id", "title", "date", "author", "source", "text", "removed"} <= shown.keys()
    assert shown["text"] == run("show", doc_id, "--library", lib).stdout.rstrip("\n")
    raw = run("show", doc_id, "--raw", "--library", lib).stdout
    assert raw.rstrip("\n") == Path(listed[0]["path"]).read_text(encoding="utf-8").rstrip("\n")


def test_library_from_environment(lib: str) -> None:
    assert run("import", str(SEEDS / "002_5045f0a61367bacf.txt"), env_extra={"READER_LIBRARY": lib}).returncode == 0
    assert len(json.loads(run("list", "--json", "--library", lib).stdout)) == 1


def test_user_errors_exit_1_with_one_line(lib: str, tmp_path: Path) -> None:
    run("import", str(SEEDS / "002_5045f0a61367bacf.txt"), "--library", lib)
    missing = run("show", "999", "--library", lib)
    assert missing.returncode == 1
    assert missing.stderr.strip() == "reader: error: no document with id 999"
    assert "Traceback" not in missing.stderr

    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"garbage" * 1000)
    damaged = run("list", "--library", str(bad))
    assert damaged.returncode == 1
    assert len(damaged.stderr.strip().splitlines()) == 1
    assert "Traceback" not in damaged.stderr

    (tmp_path / "empty.txt").write_bytes(b"")
    only_bad = run("import", str(tmp_path / "empty.txt"), "--library", lib)
    assert only_bad.returncode == 1
    assert "empty file" in only_bad.stderr


def test_usage_errors_exit_2(lib: str) -> None:
    assert run("show", "--library", lib).returncode == 2
    assert run("show", "notanumber", "--library", lib).returncode == 2
    assert run("frobnicate").returncode == 2


def test_killed_import_leaves_only_whole_documents(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    body = (SEEDS / "001_29e33ccc7e60c1ac.txt").read_text(encoding="utf-8")
    for i in range(300):
        (folder / f"{i:03}.txt").write_text(f"第{i}号文件\n{body}\n", encoding="utf-8")
    lib = tmp_path / "lib.sqlite"
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader.cli", "import", str(folder), "--library", str(lib)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    count = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if lib.exists():
            try:
                conn = sqlite3.connect(lib, timeout=1)
                count = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
                conn.close()
            except sqlite3.DatabaseError:
                count = 0
            if count >= 5:
                break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    conn = sqlite3.connect(lib)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = conn.execute("SELECT id, text, chars, title FROM documents").fetchall()
    assert rows, "the import was killed before writing anything; the test proves nothing"
    for _, text, chars, title in rows:
        assert text and chars == len(text) and title
    conn.close()
    # The library is still usable and the import can simply be run again.
    result = run("import", str(folder), "--library", str(lib))
    assert result.returncode == 0
    assert "already in the library" in result.stdout


def test_listing_a_library_that_does_not_exist_makes_none(tmp_path: Path) -> None:
    """A mistyped --library is said, and never left behind as a new empty library."""
    missing = tmp_path / "typo" / "lib.sqlite"
    result = run("--library", str(missing), "list", "--json")
    assert result.returncode == 0 and json.loads(result.stdout) == []
    assert f"no library at {missing}" in result.stderr
    assert not missing.parent.exists()


def test_regional_vocabulary_leaves_a_documents_own_words(tmp_path: Path) -> None:
    lib = str(tmp_path / "lib.sqlite")
    notice = "关于印发养老服务设施建设文件汇编的通知\n\n现将文件汇编印发给你们。\n"
    (tmp_path / "notice.txt").write_text(notice, encoding="utf-8")
    assert run("--library", lib, "import", str(tmp_path / "notice.txt")).returncode == 0
    shown = run("--library", lib, "show", "1", "--script", "hans", "--phrases")
    assert "文件汇编" in shown.stdout and "文档" not in shown.stdout
