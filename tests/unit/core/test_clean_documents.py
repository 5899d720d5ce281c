"""Documents with nothing to remove come out of the importer whole (regression set for issue "never eat text").

The documents are built by tests/data/clean_reports/make_clean_reports.py from public clean text beside the
project (skipped when that data is absent): report-shaped notices with numbered sections, items, a table,
contact lines, attachments, the issuing office and date, as plain text and as Markdown; and the web_zh gold
main texts. Both halves are checked here; the rules are tuned on the dev half only.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from evaldata import eval_path
from reader.formats import SNIFF_BYTES, derive_raw, importer_for

ROOT = Path(__file__).resolve().parents[3]


def _builder() -> ModuleType:
    path = ROOT / "tests" / "data" / "clean_reports" / "make_clean_reports.py"
    spec = importlib.util.spec_from_file_location("make_clean_reports", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_clean_reports"] = module
    spec.loader.exec_module(module)
    return module


def _lost(name: str, text: str) -> list[str]:
    """Removed lines, except the title line moving into the title field with its text intact."""
    importer = importer_for(name, text.encode("utf-8")[:SNIFF_BYTES])
    assert importer is not None, name
    derived = derive_raw(text, importer.name)
    title = derived.metadata.title
    return [
        f"{r.line} {r.reason}: {r.text}"
        for r in derived.removed
        if not (r.reason == "metadata" and title and r.text.strip().lstrip("#").strip() == title)
    ]


@pytest.fixture(scope="module")
def documents() -> list[object]:
    root = eval_path("ner")
    return list(_builder().build(root.parent))


@pytest.mark.needs_eval
@pytest.mark.parametrize("half", ["dev", "test"])
@pytest.mark.parametrize("kind", [".txt", ".md"])
def test_reports_lose_no_line(documents: list[object], half: str, kind: str) -> None:
    reports = [d for d in documents if d.half == half and d.name.endswith(kind) and d.doc_id[:6] != "web_zh"]
    assert len(reports) >= 20  # the generator found its sources
    damaged = {d.doc_id: lost for d in reports if (lost := _lost(d.name, d.text))}
    assert damaged == {}


@pytest.mark.needs_eval
@pytest.mark.parametrize(
    "half",
    [
        "dev",
        pytest.param(
            "test",
            marks=pytest.mark.xfail(
                strict=False,
                reason="held-out half: the Wikipedia gold copies the whole content area (banner, infobox, tables, "
                "footnotes) and some of its sentences go with them (docs/decisions/cleaning.md)",
            ),
        ),
    ],
)
def test_web_zh_gold_texts_keep_every_paragraph(documents: list[object], half: str) -> None:
    """The gold main texts hold some page furniture of their own (a login prompt, 责任编辑 lines), so
    the bar here is that no paragraph of prose is ever removed from them."""
    gold = [d for d in documents if d.doc_id.startswith("web_zh/") and d.half == half]
    assert len(gold) >= 30
    damaged = {}
    for doc in gold:
        derived = derive_raw(doc.text, "text")
        prose = [r.text for r in derived.removed if len(r.text.strip()) >= 40 and ("，" in r.text or "。" in r.text)]
        if prose:
            damaged[doc.doc_id] = prose[:3]
    assert damaged == {}


def test_split_is_fixed_and_balanced() -> None:
    builder = _builder()
    assert builder.half_of("web_zh/anything") == builder.half_of("web_zh/anything")
    halves = [builder.half_of(f"doc-{i}") for i in range(400)]
    assert 150 < halves.count("test") < 250
