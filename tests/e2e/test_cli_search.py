"""`reader search` as a script uses it."""

from __future__ import annotations

import json
from pathlib import Path

from test_cli import SEEDS, run  # shared helpers of the CLI tests


def test_search_json_and_cross_script(tmp_path: Path) -> None:
    lib = str(tmp_path / "lib.sqlite")
    run("import", str(SEEDS), "--library", lib)
    simplified = json.loads(run("search", "医院", "--json", "--library", lib).stdout)
    traditional = json.loads(run("search", "醫院", "--json", "--library", lib).stdout)
    assert simplified and [r["id"] for r in simplified] == [r["id"] for r in traditional]
    for r in simplified:
        assert {"id", "title", "snippet", "hits"} <= r.keys()
        assert r["hits"] >= 1 and "[医院]" in r["snippet"]
    one_char = json.loads(run("search", "罗", "--json", "--limit", "1", "--library", lib).stdout)
    assert len(one_char) == 1
    hant = json.loads(run("search", "医院", "--json", "--script", "hant", "--library", lib).stdout)
    assert "[醫院]" in hant[0]["snippet"]


def test_annotation_notes_and_tags_are_searchable(tmp_path: Path) -> None:
    lib = str(tmp_path / "lib.sqlite")
    run("import", str(SEEDS / "004_41a3f7201d4af7ee.txt"), "--library", lib)
    assert json.loads(run("search", "tag:待核实", "--json", "--library", lib).stdout) == []
    run("annotate", "1", "--quote", "罗勇", "--note", "独角兽笔记", "--tag", "待核实", "--library", lib)
    assert [r["id"] for r in json.loads(run("search", "tag:待核实", "--json", "--library", lib).stdout)] == [1]
    assert [r["id"] for r in json.loads(run("search", "独角兽", "--json", "--library", lib).stdout)] == [1]


def test_bad_query_exits_1_with_a_message(tmp_path: Path) -> None:
    lib = str(tmp_path / "lib.sqlite")
    run("import", str(SEEDS / "004_41a3f7201d4af7ee.txt"), "--library", lib)
    result = run("search", '"unclosed', "--library", lib)
    assert result.returncode == 1
    assert result.stderr.startswith("reader: error: bad query:") and "Traceback" not in result.stderr


def test_entity_search_sees_documents_whose_names_were_never_asked_for(tmp_path: Path) -> None:
    """Right after an import nothing has extracted the names yet; `entity:` must still find them."""
    lib = str(tmp_path / "lib.sqlite")
    (tmp_path / "notice.txt").write_text(
        "关于社区养老服务的通知\n\n市民政局局长周国强表示，今年将新建老年助餐点一百个。\n", encoding="utf-8"
    )
    run("import", str(tmp_path / "notice.txt"), "--library", lib)
    found = json.loads(run("search", "entity:周国强", "--json", "--library", lib).stdout)
    assert [r["id"] for r in found] == [1]
    assert json.loads(run("search", "entity:李四光", "--json", "--library", lib).stdout) == []
