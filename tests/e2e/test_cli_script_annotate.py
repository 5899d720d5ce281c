"""Script views and annotations from the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from test_cli import SEEDS, run  # shared helpers of the CLI tests

TRADITIONAL_CHARS = set("國醫學會議們東這進時")


def _seeded(tmp_path: Path) -> tuple[str, int]:
    lib = str(tmp_path / "lib.sqlite")
    run("import", str(SEEDS / "000_13a43e52a168809e.txt"), "--library", lib)
    (doc,) = json.loads(run("list", "--json", "--library", lib).stdout)
    return lib, int(doc["id"])


def test_show_in_each_script(tmp_path: Path) -> None:
    lib, doc_id = _seeded(tmp_path)
    original = json.loads(run("show", str(doc_id), "--json", "--library", lib).stdout)
    assert original["script"] == "mixed"
    hans = json.loads(run("show", str(doc_id), "--json", "--script", "hans", "--library", lib).stdout)
    assert len(hans["text"]) == len(original["text"])
    assert not (set(hans["text"]) & TRADITIONAL_CHARS)
    hant = run("show", str(doc_id), "--script", "tw", "--library", lib).stdout
    assert "國家" in hant or "國度" in hant
    raw_tw = run("show", str(doc_id), "--raw", "--script", "hk", "--library", lib).stdout
    assert "Powered by Discuz!" in raw_tw


def test_convert_filters_stdin() -> None:
    assert run("convert", "--to", "tw", "--phrases", stdin="软件和鼠标").stdout == "軟體和滑鼠"
    assert run("convert", "--to", "hans", stdin="醫院發展").stdout == "医院发展"
    assert run("convert", "--to", "klingon", stdin="x").returncode == 2


def test_convert_reads_big5_and_gbk_as_import_does() -> None:
    """Text in a legacy encoding is piped in as it is saved; the output is UTF-8."""
    for source, encoding, to, expected in (
        (
            "臺灣的醫院發展計畫，各縣市政府應於年底前提出報告。",
            "big5",
            "hans",
            "台湾的医院发展计划，各县市政府应于年底前提出报告。",
        ),
        ("医院发展计划，各省市人民政府应于年底前报送。", "gbk", "hant", "醫院發展計劃，各省市人民政府應於年底前報送。"),
    ):
        result = subprocess.run(
            [sys.executable, "-m", "reader.cli", "convert", "--to", to],
            input=source.encode(encoding),
            capture_output=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.decode("utf-8") == expected


def test_annotate_and_list(tmp_path: Path) -> None:
    lib, doc_id = _seeded(tmp_path)
    made = run(
        "annotate",
        str(doc_id),
        "--quote",
        "张宗久",
        "--color",
        "blue",
        "--note",
        "人物",
        "--tag",
        "人",
        "--tag",
        "会议",
        "--library",
        lib,
    )
    assert made.returncode == 0, made.stderr
    uuid = made.stdout.strip()
    listed = json.loads(run("annotations", str(doc_id), "--json", "--library", lib).stdout)
    (a,) = listed
    assert a["id"] == uuid and a["quote"] == "张宗久" and a["color"] == "blue" and a["tags"] == ["人", "会议"]
    assert {
        "id",
        "document",
        "start",
        "end",
        "quote",
        "prefix",
        "suffix",
        "color",
        "note",
        "tags",
        "orphan",
    } <= a.keys()
    text = json.loads(run("show", str(doc_id), "--json", "--library", lib).stdout)["text"]
    assert text[a["start"] : a["end"]] == "张宗久"
    by_pos = run("annotate", str(doc_id), "--start", "0", "--end", "4", "--library", lib, "--json")
    assert json.loads(by_pos.stdout)["quote"] == text[0:4]
    assert len(json.loads(run("annotations", "--json", "--library", lib).stdout)) == 2


def test_annotate_errors(tmp_path: Path) -> None:
    lib, doc_id = _seeded(tmp_path)
    missing = run("annotate", str(doc_id), "--quote", "不存在的句子", "--library", lib)
    assert missing.returncode == 1 and "does not occur" in missing.stderr
    bad_span = run("annotate", str(doc_id), "--start", "5", "--end", "2", "--library", lib)
    assert bad_span.returncode == 1
    bad_color = run("annotate", str(doc_id), "--quote", "张宗久", "--color", "plaid", "--library", lib)
    assert bad_color.returncode == 1 and "unknown colour" in bad_color.stderr


def test_convert_refuses_bytes_it_cannot_read_rather_than_changing_them() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader.cli", "convert", "--to", "hk"],
        input="café\n".encode("latin-1"),
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 1 and not result.stdout
    assert len(result.stderr.decode().strip().splitlines()) == 1


def test_a_quote_typed_in_the_other_script_is_found(tmp_path: Path) -> None:
    lib, doc_id = _seeded(tmp_path)
    made = run("annotate", str(doc_id), "--quote", "張宗久", "--library", lib)  # the text writes 张宗久
    assert made.returncode == 0, made.stderr
    (a,) = json.loads(run("annotations", str(doc_id), "--json", "--library", lib).stdout)
    assert a["quote"] == "张宗久"


def test_a_reimported_file_whose_quoted_figure_changed_orphans_the_note_and_says_so(tmp_path: Path) -> None:
    lib = str(tmp_path / "lib.sqlite")
    source = tmp_path / "report.txt"
    source.write_text("研究报告\n\n2025年全市研发投入强度为4.2%，高于全国平均水平。\n", encoding="utf-8")
    run("import", str(source), "--library", lib)
    run("annotate", "1", "--quote", "研发投入强度为4.2%", "--note", "核对", "--library", lib)
    revised = "研究报告\n\n新增的一段说明。\n\n2025年全市研发投入强度为4.5%，高于全国平均水平。\n"
    source.write_text(revised, encoding="utf-8")
    again = run("import", str(source), "--library", lib)
    assert again.returncode == 0 and "1 updated" in again.stdout
    assert "1 annotation no longer matches the changed text" in again.stderr
    (note,) = json.loads(run("annotations", "1", "--json", "--library", lib).stdout)
    assert note["orphan"] and note["quote"] == "研发投入强度为4.2%" and note["page"] is None
