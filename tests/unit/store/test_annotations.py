"""Annotations are the user's own work: saved at once, moved with the text, never dropped."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from reader.app.importing import import_paths
from reader.core.annotations.model import Annotation
from reader.store.annotations import check_storable, read_tags
from reader.store.library import Library

BODY = (
    "第一段讲县域医院的改革背景，内容完整，句子通顺。\n"
    "第二段提到国家卫生健康委医政医管局原局长张宗久的讲话，他指出千县工程要落地落实。\n"
    "第三段总结会议成果，各地代表150余人出席。\n"
)


@pytest.fixture
def doc(tmp_path: Path) -> tuple[Library, int, Path]:
    path = tmp_path / "a.txt"
    path.write_text(BODY, encoding="utf-8")
    lib = Library(tmp_path / "lib.sqlite")
    (doc_id,) = import_paths(lib, [path], workers=1).imported
    yield lib, doc_id, path  # type: ignore[misc]
    lib.close()


def test_create_stores_both_selectors(doc: tuple[Library, int, Path]) -> None:
    lib, doc_id, _ = doc
    text = lib.get(doc_id).text  # type: ignore[union-attr]
    start = text.index("张宗久")
    a = lib.annotations.create(
        doc_id, start, start + 3, color="blue", note="谁？\n查一下", tags=["人物", "#人物", " 会议 "]
    )
    assert a.quote == "张宗久"
    assert text.endswith(a.suffix) or a.suffix == text[start + 3 : start + 3 + 32]
    assert a.prefix == text[max(0, start - 32) : start]
    assert a.tags == ("人物", "会议")
    assert len(a.uuid) == 36 and a.created and a.modified
    assert lib.annotations.for_document(doc_id) == [a]


def test_update_delete_and_undo(doc: tuple[Library, int, Path]) -> None:
    lib, doc_id, _ = doc
    a = lib.annotations.create(doc_id, 0, 3)
    b = lib.annotations.update(a.uuid, note="新的笔记", tags=["x"])
    assert b.note == "新的笔记" and b.tags == ("x",) and b.created == a.created
    removed = lib.annotations.delete(a.uuid)
    assert removed == b and lib.annotations.for_document(doc_id) == []
    lib.annotations.put(removed)
    assert lib.annotations.for_document(doc_id) == [b]


def test_reimport_of_a_changed_file_keeps_annotations_in_place(doc: tuple[Library, int, Path]) -> None:
    lib, doc_id, path = doc
    text = lib.get(doc_id).text  # type: ignore[union-attr]
    start = text.index("千县工程")
    a = lib.annotations.create(doc_id, start, start + 4, note="关键词")
    path.write_text("新增的导语段落，介绍了本文的来龙去脉，句子完整。\n" + BODY, encoding="utf-8")
    report = import_paths(lib, [path], workers=1)
    assert report.updated == [doc_id]
    new_text = lib.get(doc_id).text  # type: ignore[union-attr]
    (moved,) = lib.annotations.for_document(doc_id)
    assert moved.uuid == a.uuid and not moved.orphan
    assert new_text[moved.start : moved.end] == "千县工程"
    assert moved.start > a.start


def test_annotation_whose_text_disappears_becomes_an_orphan(doc: tuple[Library, int, Path]) -> None:
    lib, doc_id, path = doc
    text = lib.get(doc_id).text  # type: ignore[union-attr]
    start = text.index("各地代表")
    a = lib.annotations.create(doc_id, start, start + 8, note="保留这条笔记")
    path.write_text(BODY.replace("第三段总结会议成果，各地代表150余人出席。\n", ""), encoding="utf-8")
    import_paths(lib, [path], workers=1)
    (orphan,) = lib.annotations.for_document(doc_id)
    assert orphan.orphan and orphan.note == "保留这条笔记" and orphan.quote == a.quote
    again = lib.annotations.reattach(orphan.uuid, 0, 3)
    assert not again.orphan and again.quote == lib.get(doc_id).text[0:3]  # type: ignore[union-attr]


def test_bad_span_is_refused(doc: tuple[Library, int, Path]) -> None:
    lib, doc_id, _ = doc
    with pytest.raises(ValueError, match="outside"):
        lib.annotations.create(doc_id, 5, 5)
    with pytest.raises(ValueError, match="outside"):
        lib.annotations.create(doc_id, 0, 10_000)


def test_library_wide_search_by_quote_note_tag_and_colour(doc: tuple[Library, int, Path]) -> None:
    lib, doc_id, _ = doc
    lib.annotations.create(doc_id, 0, 3, color="green", note="醫院改革", tags=["政策"])
    lib.annotations.create(doc_id, 10, 14, color="red", tags=["人物"])
    assert len(lib.annotations.all()) == 2
    assert len(lib.annotations.all(query="医院")) == 1  # cross-script on the note
    assert len(lib.annotations.all(color="red")) == 1
    assert len(lib.annotations.all(tag="#政策")) == 1
    assert dict(lib.annotations.tags()) == {"政策": 1, "人物": 1}


def test_killed_process_loses_no_annotation(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BODY, encoding="utf-8")
    lib_path = tmp_path / "lib.sqlite"
    with Library(lib_path) as lib:
        (doc_id,) = import_paths(lib, [path], workers=1).imported
    script = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from reader.store.library import Library\n"
        f"lib = Library(Path({str(lib_path)!r}))\n"
        f"a = lib.annotations.create({doc_id}, 0, 5, note='刚写的笔记')\n"
        "print(a.uuid, flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert proc.returncode == -9
    uuid = proc.stdout.strip()
    with Library(lib_path) as lib:
        saved = lib.annotations.get(uuid)
    assert saved is not None and saved.note == "刚写的笔记"


def test_a_copy_pasted_above_does_not_capture_the_edited_original(doc: tuple[Library, int, Path]) -> None:
    """The library knows the old text when it re-anchors, so a look-alike copy cannot win."""
    lib, doc_id, path = doc
    text = lib.get(doc_id).text  # type: ignore[union-attr]
    sentence = "第二段提到国家卫生健康委医政医管局原局长张宗久的讲话，他指出千县工程要落地落实。"
    start = text.index("张宗久的讲话")
    made = lib.annotations.create(doc_id, start, start + 6)
    edited = BODY.replace(sentence, sentence.replace("他指出", "他强调"))
    path.write_text(sentence + "\n" + edited, encoding="utf-8")  # the copy comes first, the original is edited
    import_paths(lib, [path], workers=1)
    new_text = lib.get(doc_id).text  # type: ignore[union-attr]
    (moved,) = lib.annotations.for_document(doc_id)
    assert moved.uuid == made.uuid and new_text[moved.start : moved.end] == "张宗久的讲话"
    assert moved.start > new_text.index("他强调") - 20  # the edited original, not the copy above


@pytest.mark.parametrize(
    ("raw", "tags"),
    [
        ('["a", "b"]', ("a", "b")),
        ("{not json", ("{not json",)),
        ("red, blue; green", ("red", "blue", "green")),
        ('"solo"', ("solo",)),
        ("[1, null]", ("1", "null")),
        ("", ()),
        (None, ()),
    ],
)
def test_damaged_tags_are_read_not_raised(raw: str | None, tags: tuple[str, ...]) -> None:
    assert read_tags(raw) == tags


@pytest.mark.parametrize(
    "change",
    [{"start": 2**63}, {"end": 2**64}, {"note": "bad \ud800"}, {"tags": ("ok", "\udcff")}, {"doc_id": 2**63}],
)
def test_what_sqlite_cannot_hold_is_refused_before_writing(change: dict[str, object]) -> None:
    good = Annotation(
        uuid="u",
        doc_id=1,
        start=0,
        end=1,
        quote="q",
        prefix="",
        suffix="",
        color="yellow",
        note="",
        tags=(),
        created="",
        modified="",
    )
    with pytest.raises(ValueError, match=r"out of range|not valid Unicode"):
        check_storable(replace(good, **change))  # type: ignore[arg-type]
    check_storable(good)
