"""Finding and reading files for import: whatever a folder holds, the batch goes on with one-line reasons.

Cases that would hang or eat memory if they regressed (pipes, devices, files larger than memory) run in a
child process with a memory cap and a time limit, so a regression fails the test instead of the suite.
"""

from __future__ import annotations

import codecs
import json
import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from reader.app.deriving import add_prepared
from reader.core import importing
from reader.core.importing import Prepared, Skipped, discover, printable_path, stored_path
from reader.formats import SUPPORTED_SUFFIXES
from reader.formats import text as formats_text
from reader.formats.prepare import prepare
from reader.store.library import Library

TEXT = "县域医院综合能力提升项目医学专科交流会顺利召开。国家卫生健康委主办，会议讨论了专科建设。"
# "测试" and "报告" in GBK: how names look after unpacking a zip made on a Chinese Windows system.
GBK_NAME = "测试.txt".encode("gbk")
GBK_OTHER = "报告.txt".encode("gbk")

# Pipes, device files, sockets, symbolic links and names that are any bytes: what POSIX systems have.
posix_only = pytest.mark.skipif(os.name != "posix", reason="needs POSIX file types and byte names")

_CHILD_PRELUDE = """
import json, resource, sys
from pathlib import Path
# A regression that reads an endless or huge file fails with MemoryError here instead of eating the machine.
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
from reader.core.importing import Skipped, discover
from reader.formats import SUPPORTED_SUFFIXES
from reader.formats.prepare import prepare

def show(result):
    if isinstance(result, Skipped):
        return {"skipped": result.path, "reason": result.reason}
    return {"prepared": result.path, "chars": len(result.derived.text)}
"""


def _isolated(code: str, *args: str) -> Any:
    """Run `code` in a child with 1 GB of address space and 60 s; it prints one JSON value."""
    script = _CHILD_PRELUDE + textwrap.dedent(code)
    try:
        proc = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("the import hung (killed after 60 s)")
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout)


def _write(path: Path, text: str = TEXT) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _unix_socket(path: Path) -> socket.socket | None:
    """A listening socket file at `path`, or None when the path is too long for one."""
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.bind(str(path))
    except OSError:
        sock.close()
        return None
    return sock


# --- pipes, devices, sockets --------------------------------------------------------------------------


@posix_only
def test_pipes_devices_and_sockets_in_a_folder_are_skipped_and_the_rest_imported(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _write(folder / "a.txt")
    os.mkfifo(folder / "pipe.txt")
    os.symlink("/dev/zero", folder / "zero.txt")
    os.symlink("/dev/urandom", folder / "random.html")
    sock = _unix_socket(folder / "sock.txt")
    try:
        out = _isolated(
            """
            files, skipped = discover([Path(sys.argv[1])], SUPPORTED_SUFFIXES)
            print(json.dumps({
                "files": [Path(p).name for p in files],
                "skipped": {Path(s.path).name: s.reason for s in skipped},
                "results": [show(prepare(p)) for p in files],
            }))
            """,
            str(folder),
        )
    finally:
        if sock is not None:
            sock.close()
    assert out["files"] == ["a.txt"]
    assert out["results"][0]["chars"] > 0
    expected = {"pipe.txt": "a named pipe", "zero.txt": "a character device", "random.html": "a character device"}
    if sock is not None:
        expected["sock.txt"] = "a socket"
    assert out["skipped"] == {name: f"not a regular file ({what})" for name, what in expected.items()}


@posix_only
def test_prepare_refuses_pipes_and_devices_given_directly(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    os.symlink("/dev/zero", tmp_path / "zero.txt")
    paths = [str(tmp_path / "pipe.txt"), str(tmp_path / "zero.txt"), "/dev/zero"]
    out = _isolated("print(json.dumps([show(prepare(Path(p))) for p in sys.argv[1:]]))", *paths)
    assert [r.get("reason") for r in out] == [
        "not a regular file (a named pipe)",
        "not a regular file (a character device)",
        "not a regular file (a character device)",
    ]


@posix_only
def test_a_file_larger_than_memory_is_refused_before_it_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(2 << 30)  # 2 GB, sparse: twice the child's whole address space
    out = _isolated("print(json.dumps(show(prepare(Path(sys.argv[1])))))", str(huge))
    assert out == {"skipped": printable_path(huge), "reason": "too large (2048 MB; the limit is 256 MB)"}


def test_a_file_longer_than_its_stat_size_is_read_only_to_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    # /proc files announce size 0 and then deliver more: the same as a file growing while it is read.
    status = Path("/proc/self/status")
    if not status.exists():
        pytest.skip("needs /proc")
    seen: list[int] = []
    monkeypatch.setattr(formats_text, "decode_bytes", lambda data, name: seen.append(len(data)))
    result = prepare(status, max_bytes=100)
    assert result == Skipped(str(status), "too large (more than 100 bytes; the limit is 100 bytes)")
    assert seen == []  # nothing past the limit reached decoding


def test_read_limited_reads_a_small_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 100)
    assert importing.read_limited(path, 100) == b"x" * 100
    with pytest.raises(importing.Unreadable, match="too large"):
        importing.read_limited(path, 99)


# --- links ------------------------------------------------------------------------------------------


@posix_only
def test_symbolic_link_loops_are_skipped_with_a_reason_and_the_rest_imported(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / "one").mkdir(parents=True)
    (root / "two").mkdir()
    _write(root / "a.txt")
    _write(root / "one" / "b.txt", TEXT + "一")
    _write(root / "two" / "c.txt", TEXT + "二")
    os.symlink("self.txt", root / "self.txt")  # a link to itself
    os.symlink("ping.txt", root / "pong.txt")  # two links to each other
    os.symlink("pong.txt", root / "ping.txt")
    os.symlink("..", root / "one" / "up")  # a folder link back to its parent
    os.symlink(root / "two", root / "one" / "to_two")  # a cycle between two folders
    os.symlink(root / "one", root / "two" / "to_one")

    files, skipped = discover([root], SUPPORTED_SUFFIXES)

    assert sorted(p.relative_to(root).as_posix() for p in files) == ["a.txt", "one/b.txt", "two/c.txt"]
    reasons = {Path(s.path).relative_to(root).as_posix(): s.reason for s in skipped}
    assert reasons["self.txt"].startswith("symbolic link loop")
    assert reasons["ping.txt"].startswith("symbolic link loop")
    assert reasons["pong.txt"].startswith("symbolic link loop")
    assert reasons["one/up"] == "symbolic link loop (leads back to a folder above it)"
    assert all(len(r.splitlines()) == 1 for r in reasons.values())


@posix_only
def test_a_symbolic_link_loop_given_directly_is_skipped(tmp_path: Path) -> None:
    os.symlink("self.txt", tmp_path / "self.txt")
    files, skipped = discover([tmp_path / "self.txt"], SUPPORTED_SUFFIXES)
    assert files == []
    assert skipped == [Skipped(str(tmp_path / "self.txt"), "symbolic link loop (the link leads back to itself)")]
    assert isinstance(prepare(tmp_path / "self.txt"), Skipped)


@posix_only
def test_links_to_folders_are_followed_and_broken_links_reported(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    _write(elsewhere / "linked.txt")
    root = tmp_path / "in"
    root.mkdir()
    os.symlink(elsewhere, root / "shelf")
    os.symlink(tmp_path / "gone.txt", root / "broken.txt")

    os.symlink(elsewhere, root / "zshelf")  # a second way to the same folder

    # The folder and, again, a file inside it: each file is found once.
    files, skipped = discover([root, root / "shelf" / "linked.txt", elsewhere / "linked.txt"], SUPPORTED_SUFFIXES)

    assert files == [root / "shelf" / "linked.txt"]
    assert skipped == [Skipped(str(root / "broken.txt"), "broken link (its target does not exist)")]


# --- names that are not UTF-8 -----------------------------------------------------------------------


def _bytes_dir(tmp_path: Path) -> bytes:
    # A folder whose own name is GBK, holding files whose names are GBK too.
    folder = os.fsencode(tmp_path) + b"/" + "资料".encode("gbk")
    os.mkdir(folder)
    return folder


@posix_only
def test_names_that_are_not_utf8_are_read_stored_and_printed(tmp_path: Path) -> None:
    folder = _bytes_dir(tmp_path)
    for name, text in ((GBK_NAME, TEXT), (GBK_OTHER, TEXT + "第二份。")):
        fd = os.open(folder + b"/" + name, os.O_WRONLY | os.O_CREAT, 0o644)
        os.write(fd, text.encode("utf-8"))
        os.close(fd)

    files, skipped = discover([Path(os.fsdecode(folder))], SUPPORTED_SUFFIXES)
    assert skipped == []
    assert sorted(os.fsencode(p.name) for p in files) == sorted([GBK_NAME, GBK_OTHER])

    results = [prepare(p) for p in files]
    assert all(isinstance(r, Prepared) for r in results)
    prepared = [r for r in results if isinstance(r, Prepared)]
    for r in prepared:
        # Everything meant for output or storage is valid UTF-8 and one line...
        json.dumps([r.path, r.filename], ensure_ascii=False).encode("utf-8")
        assert "\ufffd" in r.filename and r.filename.endswith(".txt")
    # ...and two different names stay two different documents.
    assert len({r.path for r in prepared}) == 2

    library = Library(tmp_path / "lib.db")
    try:
        outcomes = [add_prepared(library, r)[0] for r in prepared]
    finally:
        library.close()
    assert outcomes == ["imported", "imported"]


@posix_only
def test_skipped_files_with_names_that_are_not_utf8_have_printable_paths(tmp_path: Path) -> None:
    folder = _bytes_dir(tmp_path)
    os.mkfifo(folder + b"/" + GBK_NAME)
    os.symlink(b"/nowhere", folder + b"/" + GBK_OTHER)
    files, skipped = discover([Path(os.fsdecode(folder))], SUPPORTED_SUFFIXES)
    assert files == []
    assert len(skipped) == 2
    for s in skipped:
        s.path.encode("utf-8")  # would raise on a surrogate escape
        assert "\ufffd" in s.path


@posix_only
def test_printable_and_stored_paths_differ_only_for_undecodable_bytes() -> None:
    raw = os.fsdecode(b"/tmp/\xb2\xe2.txt")
    assert printable_path(raw) == "/tmp/\ufffd\ufffd.txt"
    assert stored_path(raw) == "/tmp/\\xb2\\xe2.txt"
    assert printable_path("/tmp/报告.txt") == stored_path("/tmp/报告.txt") == "/tmp/报告.txt"


@posix_only
def test_control_characters_in_names_never_reach_reasons_or_titles(tmp_path: Path) -> None:
    _write(tmp_path / "evil\x1b[2J.txt")
    os.mkfifo(tmp_path / "line\nbreak.txt")
    files, skipped = discover([tmp_path], SUPPORTED_SUFFIXES)
    assert [s.path for s in skipped] == [str(tmp_path / "line\ufffdbreak.txt")]
    (result,) = [prepare(p) for p in files]
    assert isinstance(result, Prepared)
    assert result.filename == "evil\ufffd[2J.txt"


def test_a_nul_in_a_given_name_is_a_reason_not_a_crash(tmp_path: Path) -> None:
    files, skipped = discover([tmp_path / "a\x00b.txt"], SUPPORTED_SUFFIXES)
    assert files == []
    assert skipped == [Skipped(str(tmp_path / "a\ufffdb.txt"), "not a valid file name")]


# --- contents that give no text ---------------------------------------------------------------------


def test_a_page_of_scripts_only_is_skipped_not_stored_empty(tmp_path: Path) -> None:
    page = tmp_path / "app.html"
    page.write_text("<html><head><script>var x = 1;</script></head><body><div id=app></div></body></html>")
    assert prepare(page) == Skipped(str(page), "no readable text found")


@pytest.mark.parametrize("depth", [300, 5000])
def test_deeply_nested_html_keeps_its_text(tmp_path: Path, depth: int) -> None:
    page = tmp_path / "deep.html"
    page.write_text(f"<html><body>{'<div>' * depth}<p>{TEXT}</p>{'</div>' * depth}</body></html>", encoding="utf-8")
    result = prepare(page)
    assert isinstance(result, Prepared)
    assert TEXT in result.derived.original


def test_html_with_a_script_over_10_mb_keeps_its_text(tmp_path: Path) -> None:
    page = tmp_path / "big.html"
    script = "var data = '" + "x" * (11 * 1024 * 1024) + "';"
    page.write_text(f"<html><body><script>{script}</script><p>{TEXT}</p></body></html>", encoding="utf-8")
    result = prepare(page)
    assert isinstance(result, Prepared)
    assert TEXT in result.derived.text


def test_nul_characters_past_the_binary_sniff_are_stored_as_replacement_characters(tmp_path: Path) -> None:
    # UTF-16 passes the binary check by its byte-order mark; NUL is a valid UTF-16 character.
    path = tmp_path / "nul.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + (TEXT + "\x00" + TEXT).encode("utf-16-le"))
    result = prepare(path)
    assert isinstance(result, Prepared)
    assert "\x00" not in result.raw
    assert result.raw == TEXT + "\ufffd" + TEXT
    library = Library(tmp_path / "lib.db")
    try:
        outcome, doc_id = add_prepared(library, result)
        doc = library.get(doc_id)
    finally:
        library.close()
    assert outcome == "imported"
    assert doc is not None and "\x00" not in doc.text
