"""Bad input of every kind, run through `reader` as a user runs it: one row per case.

Each row builds its input in a temporary folder (a copy of a library holding the seeds), runs the real
command in a subprocess with a timeout (a hang fails the row) and a memory cap (so reading `/dev/zero`
fails instead of eating the machine), and checks what a user sees: the exit code (0 ok, 1 a user error,
2 bad usage), a single line on stderr per problem, never a traceback, and a library that still passes
`PRAGMA integrity_check`. Rows that need more (a file left intact, a batch that went on) add a check.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import resource
import shutil
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
BIG = 2**63
HUGE = 2**64 + 5
TIMEOUT = 60
MEMORY_CAP = 3 * 1024**3  # address space: reading /dev/zero must fail, not take the machine down


Arg = str | bytes


@dataclass
class Run:
    """How to run the command of a row."""

    args: list[Arg]
    stdin: Path | bytes | None = None
    fsize: int | None = None  # RLIMIT_FSIZE: a write past this many bytes fails with EFBIG, as on a full disk
    lock: bool = False  # hold the library's write lock from this process while the command runs
    library: Path | None = None  # the library checked afterwards, when not the row's default one
    env: dict[str, str] = field(default_factory=dict)


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str
    tmp: Path
    library: Path


@dataclass
class Case:
    name: str
    setup: Callable[[Path, Path], Run]  # (tmp folder, library path) -> what to run
    code: int | None  # None: 0 or 1, the check decides
    stderr_lines: int | None = 1  # non-empty lines on stderr; None: not counted (the check decides)
    message: str = ""  # a regular expression the stderr must match
    check: Callable[[Result], None] | None = None
    integrity: bool = True
    marks: list[pytest.MarkDecorator] = field(default_factory=list)


# --- helpers -------------------------------------------------------------------------------------------


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("READER_LIBRARY", None)
    return env


def cli(*args: Arg, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "reader.cli", *args],
        capture_output=True,
        env=_env(),
        input=stdin,
        timeout=TIMEOUT,
        check=False,
    )


def cli_ok(*args: Arg) -> str:
    result = cli(*args)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    return result.stdout.decode("utf-8", "replace")


def lib_args(library: Path, *args: Arg) -> list[Arg]:
    return ["--library", str(library), *args]


def documents(library: Path) -> list[tuple[int, str, int]]:
    conn = sqlite3.connect(library)
    try:
        return [(r[0], r[1], r[2]) for r in conn.execute("SELECT id, title, chars FROM documents ORDER BY id")]
    finally:
        conn.close()


def annotation_count(library: Path) -> int:
    conn = sqlite3.connect(library)
    try:
        return int(conn.execute("SELECT count(*) FROM annotations").fetchone()[0])
    finally:
        conn.close()


def execute(library: Path, sql: str, params: tuple[object, ...] = ()) -> None:
    conn = sqlite3.connect(library)
    try:
        with conn:
            conn.execute(sql, params)
    finally:
        conn.close()


def annotate_first(library: Path) -> str:
    text = json.loads(cli_ok(*lib_args(library, "show", "1", "--json")))["text"]
    return cli_ok(*lib_args(library, "annotate", "1", "--quote", text[:6], "--tag", "t", "--note", "n")).strip()


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def no_control_characters(result: Result) -> None:
    assert not _CONTROL.search(result.stdout), repr(result.stdout[:300])
    assert not _CONTROL.search(result.stderr), repr(result.stderr[:300])


def w3c_item(uid: str, quote: str, *, start: int = 0, end: int = 1, note: str = "", doc: int = 1) -> dict[str, object]:
    return {
        "id": f"urn:uuid:{uid}",
        "type": "Annotation",
        "body": [{"type": "TextualBody", "purpose": "commenting", "value": note}] if note else [],
        "target": {
            "source": {"id": f"urn:reader:doc:{doc}", "reader:documentId": doc},
            "selector": [
                {"type": "TextQuoteSelector", "exact": quote, "prefix": "", "suffix": ""},
                {"type": "TextPositionSelector", "start": start, "end": end},
            ],
        },
    }


GOOD_UUID = "11111111-1111-4111-8111-111111111111"
BAD_UUIDS = ("22222222-2222-4222-8222-222222222222", "33333333-3333-4333-8333-333333333333")


def first_quote(library: Path) -> str:
    return str(json.loads(cli_ok(*lib_args(library, "show", "1", "--json")))["text"][:8])


def write_json(path: Path, value: object) -> Path:
    path.write_text(json.dumps(value, ensure_ascii=True), encoding="utf-8")
    return path


# --- setups -----------------------------------------------------------------------------------------------


def other_app_db(tmp: Path, user_version: int = 0) -> Path:
    path = tmp / "contacts.db"
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO contacts (name) VALUES ('Ada')")
        conn.execute(f"PRAGMA user_version = {user_version}")
    conn.close()
    return path


def bytes_unchanged(path: Path, before: bytes) -> Callable[[Result], None]:
    def check(result: Result) -> None:
        assert path.read_bytes() == before, f"{path} was modified"
        assert not Path(str(path) + "-wal").exists() or Path(str(path) + "-wal").stat().st_size == 0

    return check


def setup_other_app(user_version: int) -> Callable[[Path, Path], Run]:
    def setup(tmp: Path, lib: Path) -> Run:
        path = other_app_db(tmp, user_version)
        before = path.read_bytes()
        (tmp / "before").write_bytes(before)
        return Run(lib_args(path, "list"), library=path)

    return setup


def check_other_app(result: Result) -> None:
    bytes_unchanged(result.library, (result.tmp / "before").read_bytes())(result)


def setup_not_sqlite(tmp: Path, lib: Path) -> Run:
    path = tmp / "notes.txt"
    path.write_bytes(b"just some notes, not a database\n" * 100)
    (tmp / "before").write_bytes(path.read_bytes())
    return Run(lib_args(path, "list"), library=path)


def setup_flipped_page(tmp: Path, lib: Path) -> Run:
    conn = sqlite3.connect(lib)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'documents'").fetchone()[0]
    conn.close()
    data = bytearray(lib.read_bytes())
    offset = (root - 1) * page_size + (100 if root == 1 else 0)
    data[offset] = 0x6B  # the b-tree page type becomes nonsense
    lib.write_bytes(bytes(data))
    (tmp / "before").write_bytes(bytes(data))
    return Run(lib_args(lib, "list"))


def check_lib_unchanged(result: Result) -> None:
    assert result.library.read_bytes() == (result.tmp / "before").read_bytes()


def setup_bad_tags(tmp: Path, lib: Path) -> Run:
    annotate_first(lib)
    execute(lib, "UPDATE annotations SET tags = '{not json'")
    return Run(lib_args(lib, "annotations", "1"))


def setup_bad_tags_export(tmp: Path, lib: Path) -> Run:
    annotate_first(lib)
    execute(lib, "UPDATE annotations SET tags = '[1, {\"a\": 2}'")
    return Run(lib_args(lib, "export", "--all", "--format", "csv", "-o", str(tmp / "out.csv")))


def setup_bad_detected(tmp: Path, lib: Path) -> Run:
    execute(lib, "UPDATE documents SET detected = 'garbage' WHERE id = 1")
    return Run(lib_args(lib, "show", "1"))


def setup_bad_utf8_title(tmp: Path, lib: Path) -> Run:
    execute(lib, "UPDATE documents SET title = CAST(X'E4BDFF41' AS TEXT) WHERE id = 1")
    return Run(lib_args(lib, "list"))


def setup_locked(tmp: Path, lib: Path) -> Run:
    quote = first_quote(lib)
    return Run(lib_args(lib, "annotate", "1", "--quote", quote), lock=True)


def check_nothing_added(result: Result) -> None:
    assert annotation_count(result.library) == 0


def big_text(path: Path, chars: int = 300_000) -> Path:
    paragraph = "县域医疗卫生服务能力持续提升，基层首诊、双向转诊的格局正在形成。"
    lines = [f"第{i}段：{paragraph}" for i in range(chars // len(paragraph) + 1)]
    path.write_text("大型报告\n\n" + "\n\n".join(lines), encoding="utf-8")
    return path


def setup_full_disk_import(tmp: Path, lib: Path) -> Run:
    return Run(lib_args(lib, "import", str(big_text(tmp / "big.txt"))), fsize=64 * 1024)


def check_five_documents(result: Result) -> None:
    assert len(documents(result.library)) == 5


def setup_full_disk_new_library(tmp: Path, lib: Path) -> Run:
    new = tmp / "new" / "lib.sqlite"
    return Run(lib_args(new, "import", str(SEEDS)), fsize=40 * 1024, library=new)


def setup_full_disk_annotate(tmp: Path, lib: Path) -> Run:
    quote = first_quote(lib)
    return Run(lib_args(lib, "annotate", "1", "--quote", quote, "--note", "x" * 100_000), fsize=64 * 1024)


OLD_EXPORT = "precious export written yesterday\n" * 10


def setup_export_full_disk(tmp: Path, lib: Path) -> Run:
    cli_ok(*lib_args(lib, "import", str(big_text(tmp / "big.txt"))))
    out = tmp / "notes.html"
    out.write_text(OLD_EXPORT, encoding="utf-8")
    return Run(
        lib_args(lib, "export", "--all", "--include-unannotated", "--format", "html", "-o", str(out)), fsize=64 * 1024
    )


def check_old_export_intact(result: Result) -> None:
    out = result.tmp / "notes.html"
    assert out.read_text(encoding="utf-8") == OLD_EXPORT
    assert sorted(p.name for p in result.tmp.iterdir() if p.name.startswith("notes")) == ["notes.html"]


def setup_export_replace(tmp: Path, lib: Path) -> Run:
    annotate_first(lib)
    out = tmp / "notes.csv"
    out.write_text(OLD_EXPORT, encoding="utf-8")
    out.chmod(0o640)
    return Run(lib_args(lib, "export", "--all", "--format", "csv", "-o", str(out)))


def check_export_replaced(result: Result) -> None:
    out = result.tmp / "notes.csv"
    assert out.read_text(encoding="utf-8-sig").startswith("document_id,")
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert sorted(p.name for p in result.tmp.iterdir() if p.name.startswith("notes")) == ["notes.csv"]


FORMULAS = ('=HYPERLINK("http://x")', "+1+1", "-2-2", "@SUM(A1)", "\tTAB", "\rCR")


def setup_csv_injection(tmp: Path, lib: Path) -> Run:
    quote = first_quote(lib)
    item = w3c_item(GOOD_UUID, quote, start=0, end=len(quote), note="=1+1")
    item["created"] = FORMULAS[0]
    item["modified"] = FORMULAS[1]
    item["body"] = [
        {"type": "TextualBody", "purpose": "commenting", "value": FORMULAS[2]},
        {"type": "TextualBody", "purpose": "tagging", "value": FORMULAS[3]},
    ]
    target = item["target"]
    assert isinstance(target, dict)
    target["styleClass"] = "reader-=cmd"
    path = write_json(tmp / "w3c.json", [item])
    cli_ok(*lib_args(lib, "import-annotations", str(path)))
    execute(lib, "UPDATE documents SET title = ?, date = ?", (FORMULAS[4], FORMULAS[5]))
    return Run(lib_args(lib, "export", "--all", "--format", "csv", "-o", str(tmp / "out.csv")))


def check_csv_guarded(result: Result) -> None:
    rows = list(csv.reader(io.StringIO((result.tmp / "out.csv").read_text(encoding="utf-8-sig"))))
    assert len(rows) == 2
    for cell in rows[1]:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), rows[1]


ESCAPE_TITLE = "\x1b]0;owned\x07\x1b[2J\x1b[31m红色标题\x1b[0m\x08\x9b报告"


def setup_escape(*command: str) -> Callable[[Path, Path], Run]:
    def setup(tmp: Path, lib: Path) -> Run:
        path = tmp / "escape.txt"
        body = "红色报告的正文在这里，一个普通的段落，讲的是县医院的建设。" * 40
        path.write_text(ESCAPE_TITLE + "\n\n" + body + "\n", encoding="utf-8")
        cli_ok(*lib_args(lib, "import", str(path)))
        if "annotations" in command:
            cli_ok(*lib_args(lib, "annotate", "6", "--quote", "红色报告", "--note", "a\x1b[31mnote\x07"))
        return Run(lib_args(lib, *command))

    return setup


def check_escape_json(result: Result) -> None:
    assert "\x1b" not in result.stdout
    assert any("\x1b" in str(item["title"]) for item in json.loads(result.stdout)), "JSON keeps the title as stored"


def setup_escape_filename(tmp: Path, lib: Path) -> Run:
    path = tmp / "evil\x1b[2J\x07.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    return Run(lib_args(lib, "import", str(path)))


def setup_w3c_bad_items(tmp: Path, lib: Path) -> Run:
    quote = first_quote(lib)
    items = [
        w3c_item(BAD_UUIDS[0], "这段文字不在任何文档里", start=HUGE, end=HUGE + 3),
        w3c_item(GOOD_UUID, quote, start=0, end=len(quote)),
        w3c_item(BAD_UUIDS[1], quote, start=0, end=len(quote), note="\ud800 lone"),
    ]
    return Run(lib_args(lib, "import-annotations", str(write_json(tmp / "w3c.json", items))))


def setup_w3c_malformed_item(tmp: Path, lib: Path) -> Run:
    quote = first_quote(lib)
    broken = w3c_item(BAD_UUIDS[0], quote, start=-5, end=3)
    items = [broken, w3c_item(GOOD_UUID, quote, start=0, end=len(quote)), {"type": "Annotation", "id": "x"}]
    return Run(lib_args(lib, "import-annotations", str(write_json(tmp / "w3c.json", items))))


def check_good_item_in(result: Result) -> None:
    conn = sqlite3.connect(result.library)
    try:
        uuids = {r[0] for r in conn.execute("SELECT uuid FROM annotations")}
    finally:
        conn.close()
    assert uuids == {GOOD_UUID}
    assert "1 annotations added" in result.stdout


def setup_annotations_fifo(tmp: Path, lib: Path) -> Run:
    fifo = tmp / "w3c.json"
    os.mkfifo(fifo)
    return Run(lib_args(lib, "import-annotations", str(fifo)))


def setup_annotations_zero(tmp: Path, lib: Path) -> Run:
    link = tmp / "w3c.json"
    link.symlink_to("/dev/zero")
    return Run(lib_args(lib, "import-annotations", str(link)))


def setup_annotations_huge(tmp: Path, lib: Path) -> Run:
    path = tmp / "w3c.json"
    with path.open("wb") as f:
        f.truncate(3 * 1024**3)  # sparse: 3 GB on paper, nothing on disk
    return Run(lib_args(lib, "import-annotations", str(path)))


def folder_with(tmp: Path, make_bad: Callable[[Path], None]) -> Path:
    folder = tmp / "batch"
    folder.mkdir()
    (folder / "a_good.txt").write_text("第一份报告\n\n这是第一份报告的正文，内容完整。\n", encoding="utf-8")
    (folder / "z_good.txt").write_text("第二份报告\n\n这是第二份报告的正文，内容也完整。\n", encoding="utf-8")
    make_bad(folder)
    return folder


def setup_import_folder(make_bad: Callable[[Path], None]) -> Callable[[Path, Path], Run]:
    def setup(tmp: Path, lib: Path) -> Run:
        return Run(lib_args(lib, "import", str(folder_with(tmp, make_bad))))

    return setup


def check_batch_went_on(result: Result) -> None:
    titles = [t for _, t, _ in documents(result.library)]
    assert "第一份报告" in titles and "第二份报告" in titles, titles
    for line in result.stderr.splitlines():
        assert line.startswith("skipped "), line


def make_fifo(folder: Path) -> None:
    os.mkfifo(folder / "m_pipe.txt")


def make_zero(folder: Path) -> None:
    (folder / "m_zero.txt").symlink_to("/dev/zero")


def make_loop(folder: Path) -> None:
    (folder / "m_loop1.txt").symlink_to(folder / "m_loop2.txt")
    (folder / "m_loop2.txt").symlink_to(folder / "m_loop1.txt")


def make_gbk_name(folder: Path) -> None:
    name = os.fsencode(folder) + b"/m_" + "报告".encode("gbk") + b".txt"
    with open(name, "wb") as f:
        f.write("第三份报告\n\n文件名是GBK编码的报告正文。\n".encode())


def make_gbk_name_check(result: Result) -> None:
    check_batch_went_on(result)
    assert len(result.stderr.splitlines()) <= 1


PARAGRAPH = "这是深层嵌套网页里真正的段落，必须被读到。"


def setup_deep_html(tmp: Path, lib: Path) -> Run:
    path = tmp / "deep.html"
    depth = 300
    html = "<html><body>" + "<div>" * depth + f"<p>{PARAGRAPH}</p>" + "</div>" * depth + "</body></html>"
    path.write_text(html, encoding="utf-8")
    return Run(lib_args(lib, "import", str(path)))


def setup_huge_script_html(tmp: Path, lib: Path) -> Run:
    path = tmp / "script.html"
    script = "var x = '" + "a" * (12 * 1024 * 1024) + "';"
    html = f"<html><head><script>{script}</script></head><body><p>{PARAGRAPH}</p></body></html>"
    path.write_text(html, encoding="utf-8")
    return Run(lib_args(lib, "import", str(path)))


def check_text_or_reason(result: Result) -> None:
    docs = documents(result.library)
    if result.code == 0:
        assert len(docs) == 6
        text = cli_ok(*lib_args(result.library, "show", str(docs[-1][0])))
        assert PARAGRAPH in text
    else:
        assert len(docs) == 5
        assert result.stderr.startswith("skipped "), result.stderr
    assert all(chars > 0 for _, _, chars in docs)


def setup_stdin_zero(*command: str) -> Callable[[Path, Path], Run]:
    def setup(tmp: Path, lib: Path) -> Run:
        return Run(list(command), stdin=Path("/dev/zero"))

    return setup


def setup_export_dev_stdout(tmp: Path, lib: Path) -> Run:
    annotate_first(lib)
    return Run(lib_args(lib, "export", "--all", "--format", "csv", "-o", "/dev/stdout"))


def check_dev_stdout(result: Result) -> None:
    assert "document_id," in result.stdout


def setup_export_dev_full(tmp: Path, lib: Path) -> Run:
    annotate_first(lib)
    return Run(lib_args(lib, "export", "--all", "--format", "csv", "-o", "/dev/full"))


def check_dev_full(result: Result) -> None:
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode), "/dev/full must still be the device"


def simple(*args: Arg) -> Callable[[Path, Path], Run]:
    def setup(tmp: Path, lib: Path) -> Run:
        return Run(lib_args(lib, *args))

    return setup


def with_annotation(*args: Arg) -> Callable[[Path, Path], Run]:
    def setup(tmp: Path, lib: Path) -> Run:
        annotate_first(lib)
        return Run(lib_args(lib, *args))

    return setup


def quoted(*args: Arg) -> Callable[[Path, Path], Run]:
    """`annotate 1 --quote <the document's first words> ARGS`."""

    def setup(tmp: Path, lib: Path) -> Run:
        return Run(lib_args(lib, "annotate", "1", "--quote", first_quote(lib), *args))

    return setup


def library_at(make: Callable[[Path], Path], *args: str) -> Callable[[Path, Path], Run]:
    def setup(tmp: Path, lib: Path) -> Run:
        path = make(tmp)
        return Run(["--library", str(path), *args], library=path if path.is_file() else None)

    return setup


def empty_file(tmp: Path) -> Path:
    path = tmp / "empty.sqlite"
    path.write_bytes(b"")
    return path


def under_a_file(tmp: Path) -> Path:
    (tmp / "plain").write_text("x", encoding="utf-8")
    return tmp / "plain" / "lib.sqlite"


def a_folder(tmp: Path) -> Path:
    (tmp / "folder").mkdir()
    return tmp / "folder"


def check_empty_library(result: Result) -> None:
    assert result.stdout == ""
    assert documents(result.library) == []


def stdout_has(text: str) -> Callable[[Result], None]:
    def check(result: Result) -> None:
        assert text in result.stdout, result.stdout[:500]

    return check


def fifo_library(tmp: Path) -> Path:
    os.mkfifo(tmp / "lib.sqlite")
    return tmp / "lib.sqlite"


def setup_odd_library_name(name: bytes) -> Callable[[Path, Path], Run]:
    """A library whose name holds URI syntax or bytes that are not UTF-8: that exact file is used."""

    def setup(tmp: Path, lib: Path) -> Run:
        path = os.fsencode(tmp) + b"/" + name
        first_seed = str(SEEDS / sorted(os.listdir(SEEDS))[0])
        return Run([b"--library", path, "import", first_seed], library=Path(os.fsdecode(path)))

    return setup


def check_odd_library_name(result: Result) -> None:
    names = os.listdir(os.fsencode(result.tmp))
    assert names == [os.fsencode(result.library.name)], names  # not a file cut short at "?" or "#"
    conn = sqlite3.connect(result.library)
    try:
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    finally:
        conn.close()


def setup_newer_schema(tmp: Path, lib: Path) -> Run:
    execute(lib, "PRAGMA user_version = 999")
    return Run(lib_args(lib, "list"))


def setup_w3c_file(content: str) -> Callable[[Path, Path], Run]:
    def setup(tmp: Path, lib: Path) -> Run:
        path = tmp / "w3c.json"
        path.write_text(content, encoding="utf-8")
        return Run(lib_args(lib, "import-annotations", str(path)))

    return setup


def setup_latin1(*command: str) -> Callable[[Path, Path], Run]:
    def setup(tmp: Path, lib: Path) -> Run:
        return Run(lib_args(lib, *command), env={"PYTHONIOENCODING": "latin-1"})

    return setup


def check_latin1_json(result: Result) -> None:
    titles = [item["title"] for item in json.loads(result.stdout)]
    assert len(titles) == 5 and all("?" not in t for t in titles)
    assert "医院" in "".join(titles)


# --- the table ----------------------------------------------------------------------------------------------

NOT_FOUND = r"^reader: error: no document with id"
BAD_TEXT = r"^reader: error: .*not valid (UTF-8|text)"
USAGE = r"reader[ \w-]*: error:"

CASES = [
    # IDs and limits past SQLite's 64-bit integers, and negative ones
    Case("show id 2^63", simple("show", str(BIG)), 1, message=NOT_FOUND),
    Case("show id 2^64", simple("show", str(HUGE)), 1, message=NOT_FOUND),
    Case("show id -1", simple("show", "-1"), 1, message=NOT_FOUND),
    Case("annotate id 2^63", simple("annotate", str(BIG), "--quote", "x"), 1, message=NOT_FOUND),
    Case("annotations id 2^63", simple("annotations", str(BIG)), 1, message=NOT_FOUND),
    Case("entities id 2^63", simple("entities", str(BIG)), 1, message=NOT_FOUND),
    Case("export id 2^63", simple("export", str(BIG), "--format", "csv", "-o", "x.csv"), 1, message=NOT_FOUND),
    Case("annotate --end 2^63", simple("annotate", "1", "--start", "0", "--end", str(BIG)), 1, message="--start/--end"),
    Case(
        "annotate --start -2^63", simple("annotate", "1", "--start", str(-BIG - 1), "--end", "3"), 1, message="--start"
    ),
    Case("search --limit 2^63", simple("search", "医院", "--limit", str(BIG)), 0, 0, check=stdout_has("hits")),
    Case("search --limit 2^64", simple("search", "医院", "--limit", str(HUGE)), 0, 0, check=stdout_has("hits")),
    Case("search --limit -1", simple("search", "医院", "--limit", "-1"), 1, message="--limit"),
    Case("search --limit 0", simple("search", "医院", "--limit", "0"), 1, message="--limit"),
    # invalid UTF-8 in text arguments
    Case(
        "annotate --note bad UTF-8", quoted("--note", b"\xff\xfe note"), 1, message=BAD_TEXT, check=check_nothing_added
    ),
    Case("annotate --tag bad UTF-8", quoted("--tag", b"t\xc3"), 1, message=BAD_TEXT, check=check_nothing_added),
    Case("annotate --quote bad UTF-8", simple("annotate", "1", "--quote", b"\xe4\xbd"), 1, message=BAD_TEXT),
    Case("search bad UTF-8", simple("search", b"\xe5\x8c\xbb\xff"), 1, message=BAD_TEXT),
    Case("annotations --search bad UTF-8", simple("annotations", "--search", b"\xff"), 1, message=BAD_TEXT),
    Case("export --tag bad UTF-8", simple("export", "--all", "--format", "csv", "--tag", b"\xff", "-o", "x"), 1),
    # the library file: another program's, not SQLite, a folder, locked, damaged
    Case(
        "another program's SQLite file",
        setup_other_app(0),
        1,
        message="not a reader library",
        check=check_other_app,
        integrity=False,
    ),
    Case(
        "another program's SQLite file with a user_version",
        setup_other_app(3),
        1,
        message="not a reader library",
        check=check_other_app,
        integrity=False,
    ),
    Case("a text file as library", setup_not_sqlite, 1, check=check_other_app, integrity=False),
    Case("an empty file as library", library_at(empty_file, "list"), 0, 0, check=check_empty_library),
    Case("a new path as library", library_at(lambda t: t / "sub" / "new.sqlite", "list"), 0, message="no library at"),
    Case("a folder as library", library_at(a_folder, "list"), 1, message="folder"),
    Case("a library under a plain file", library_at(under_a_file, "list"), 1),
    Case("a FIFO as library", library_at(fifo_library, "list"), 1, message="not a library file"),
    Case("/dev/null as library", library_at(lambda t: Path("/dev/null"), "list"), 1, message="not a library file"),
    Case("a library named with ? # %", setup_odd_library_name(b"a?b#c%20.sqlite"), 0, 0, check=check_odd_library_name),
    Case(
        "a library named in GBK",
        setup_odd_library_name("书库.sqlite".encode("gbk")),
        0,
        0,
        check=check_odd_library_name,
    ),
    Case("a library from a newer version", setup_newer_schema, 1, message="newer version"),
    Case("a library locked by another program", setup_locked, 1, message="locked", check=check_nothing_added),
    Case("a damaged page", setup_flipped_page, 1, message="damaged", check=check_lib_unchanged, integrity=False),
    Case("bad JSON in tags: annotations", setup_bad_tags, 0, 0, check=stdout_has("{not json")),
    Case("bad JSON in tags: export", setup_bad_tags_export, 0),
    Case("bad JSON in detected: show", setup_bad_detected, 0, 0),
    Case("invalid UTF-8 in a stored title: list", setup_bad_utf8_title, 0, 0, check=stdout_has("A")),
    # a full disk (RLIMIT_FSIZE makes writes fail with EFBIG): one line, nothing half-written
    Case("full disk while importing", setup_full_disk_import, 1, message="(full|space)", check=check_five_documents),
    Case("full disk while annotating", setup_full_disk_annotate, 1, message="(full|space)", check=check_nothing_added),
    Case("full disk for a new library", setup_full_disk_new_library, 1, message="(full|space)"),
    # export: atomic replacement, guarded CSV, odd targets
    Case("export over a file on a full disk", setup_export_full_disk, 1, check=check_old_export_intact),
    Case("export replaces a file", setup_export_replace, 0, check=check_export_replaced),
    Case("CSV formula guard in every column", setup_csv_injection, 0, check=check_csv_guarded),
    Case("export to a folder", simple("export", "--all", "--format", "csv", "-o", "/tmp"), 1, message="folder"),
    Case("export into a missing folder", simple("export", "--all", "--format", "csv", "-o", "/nonexistent/x.csv"), 1),
    Case("export to /dev/stdout", setup_export_dev_stdout, 0, check=check_dev_stdout),
    Case("export to /dev/full", setup_export_dev_full, 1, check=check_dev_full),
    # terminal escapes in what the CLI prints
    Case("escapes: list", setup_escape("list"), 0, 0, check=no_control_characters),
    Case("escapes: show", setup_escape("show", "6"), 0, 0, check=no_control_characters),
    Case("escapes: search", setup_escape("search", "红色报告"), 0, 0, check=no_control_characters),
    Case("escapes: annotations", setup_escape("annotations"), 0, 0, check=no_control_characters),
    Case("escapes: entities --all", setup_escape("entities", "--all"), 0, 0, check=no_control_characters),
    Case("escapes: list --json keeps them escaped", setup_escape("list", "--json"), 0, 0, check=check_escape_json),
    Case("escapes: a file name", setup_escape_filename, 1, check=no_control_characters),
    # import-annotations: odd files and bad items
    Case("import-annotations from a FIFO", setup_annotations_fifo, 1, message="regular file"),
    Case("import-annotations from /dev/zero", setup_annotations_zero, 1, message="regular file"),
    Case("import-annotations from a 3 GB file", setup_annotations_huge, 1, message="too large"),
    Case("W3C items with huge offsets or lone surrogates", setup_w3c_bad_items, 0, 2, check=check_good_item_in),
    Case("W3C items that are malformed", setup_w3c_malformed_item, 0, 2, check=check_good_item_in),
    Case("W3C JSON nested 100000 deep", setup_w3c_file("[" * 100_000 + "]" * 100_000), 1, message="not valid JSON"),
    Case("W3C JSON with a 100000-digit number", setup_w3c_file("[" + "9" * 100_000 + "]"), 1, message="not valid JSON"),
    Case("W3C JSON of numbers", setup_w3c_file("[1, 2, 3]"), 1, 3, message="^skipped annotation 1"),
    # a terminal that does not speak UTF-8
    Case("Latin-1 output: list", setup_latin1("list"), 0, 0, check=stdout_has("?")),
    Case("Latin-1 output: list --json", setup_latin1("list", "--json"), 0, 0, check=check_latin1_json),
    # standard input that never ends
    Case("convert from /dev/zero", setup_stdin_zero("convert", "--to", "hans"), 1, message="too (large|long)"),
    Case(
        "entities --stdin from /dev/zero",
        setup_stdin_zero("entities", "--stdin", "--jsonl"),
        1,
        message="too (large|long)",
        integrity=False,
    ),
    # usage errors keep exit code 2
    Case("unknown script", simple("show", "1", "--script", "klingon"), 2, None, message=USAGE),
    Case("unknown command", simple("frobnicate-now"), 2, None, message=USAGE),
    Case("non-numeric id", simple("show", "abc"), 2, None, message=USAGE),
    Case("empty query", simple("search", ""), 0, 0, check=stdout_has("no matches")),
    Case("blank query", simple("search", "   "), 0, 0, check=stdout_has("no matches")),
    Case("unbalanced quote", simple("search", '"医院'), 1, message="bad query"),
    Case("import a missing path", simple("import", "/nonexistent/report.txt"), 1, message="^skipped "),
    # the import side: a bad file is skipped with one line and the batch goes on
    Case("import a folder with a FIFO", setup_import_folder(make_fifo), 0, None, check=check_batch_went_on),
    Case("import a folder with /dev/zero", setup_import_folder(make_zero), 0, None, check=check_batch_went_on),
    Case("import a folder with a symlink loop", setup_import_folder(make_loop), 0, None, check=check_batch_went_on),
    Case(
        "import a folder with a GBK file name", setup_import_folder(make_gbk_name), 0, None, check=make_gbk_name_check
    ),
    Case("import HTML nested 300 deep", setup_deep_html, None, None, check=check_text_or_reason),
    Case("import HTML with a 12 MB script", setup_huge_script_html, None, None, check=check_text_or_reason),
    Case(
        "import an encrypted PDF",
        simple("import", str(ROOT / "tests" / "data" / "pdf" / "encrypted.pdf")),
        1,
        message=r"^skipped .*: PDF is encrypted with a password$",
    ),
    Case(
        "import a folder with a truncated PDF",
        setup_import_folder(
            lambda f: f.joinpath("m_cut.pdf").write_bytes((ROOT / "tests/data/pdf/report_sc.pdf").read_bytes()[:50000])
        ),
        0,
        message=r"^skipped .*m_cut\.pdf: PDF is damaged or incomplete",
        check=check_batch_went_on,
    ),
]


# --- running ------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seeded") / "lib.sqlite"
    cli_ok("--library", str(path), "import", str(SEEDS))
    return path


def _limits(fsize: int | None) -> Callable[[], None]:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
        if fsize is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

    return apply


def _run(run: Run, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**_env(), **run.env}
    stdin_file = None
    stdin_bytes = None
    if isinstance(run.stdin, Path):
        stdin_file = run.stdin.open("rb")
    elif isinstance(run.stdin, bytes):
        stdin_bytes = run.stdin
    try:
        return subprocess.run(
            [sys.executable, "-m", "reader.cli", *run.args],
            stdin=stdin_file if stdin_file is not None else (None if stdin_bytes is not None else subprocess.DEVNULL),
            input=stdin_bytes,
            capture_output=True,
            env=env,
            cwd=cwd,
            timeout=TIMEOUT,
            preexec_fn=_limits(run.fsize),
            check=False,
        )
    finally:
        if stdin_file is not None:
            stdin_file.close()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input(case: Case, seeded: Path, tmp_path: Path) -> None:
    lib = tmp_path / "lib.sqlite"
    shutil.copyfile(seeded, lib)
    work = tmp_path / "work"
    work.mkdir()
    run = case.setup(work, lib)
    checked = run.library if run.library is not None else lib

    holder = None
    if run.lock:
        holder = sqlite3.connect(lib, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("UPDATE library_meta SET value = value")
    try:
        completed = _run(run, work)
    finally:
        if holder is not None:
            holder.execute("ROLLBACK")
            holder.close()

    stdout = completed.stdout.decode("utf-8", "replace")
    stderr = completed.stderr.decode("utf-8", "replace")
    shown = f"exit {completed.returncode}\nstdout: {stdout[:2000]}\nstderr: {stderr[:2000]}"
    assert "Traceback" not in stdout + stderr, shown
    assert "internal error" not in stderr, shown  # the last-resort handler caught something unforeseen
    if case.code is not None:
        assert completed.returncode == case.code, shown
    else:
        assert completed.returncode in (0, 1), shown
    lines = [line for line in stderr.splitlines() if line.strip()]
    if case.stderr_lines is not None:
        assert len(lines) == case.stderr_lines, shown
    if case.message:
        assert re.search(case.message, stderr, re.MULTILINE), shown
    if case.integrity and checked.exists() and checked.stat().st_size > 0:
        conn = sqlite3.connect(checked)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    if case.check is not None:
        case.check(Result(completed.returncode, stdout, stderr, work, checked))
