"""s2t converted by OpenCC only where a phrase can matter must be OpenCC's s2t, character for character."""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path
from types import ModuleType

import opencc
import pytest

from reader.core.script import convert
from reader.core.script import s2t as script_s2t
from reader.core.script.s2t import convert_s2t

ROOT = Path(__file__).resolve().parents[3]
BENCHMARKS = ROOT / "benchmarks"


@pytest.fixture(autouse=True)
def _stretches_for_any_length(monkeypatch: pytest.MonkeyPatch) -> None:
    """Texts shorter than `_SHORT` go to OpenCC whole; these tests check the stretch path on any text."""
    monkeypatch.setattr(script_s2t, "_SHORT", 0)


def _rows() -> list[list[str]]:
    raw = files("reader").joinpath("data/script_s2t_phrases.tsv").read_text(encoding="utf-8")
    return [line.split("\t") for line in raw.splitlines() if line and not line.startswith("#")]


def _seed_texts() -> list[str]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    rng = random.Random(5)
    mixed = ["".join(c if rng.random() < 0.5 else t for c, t in zip(s, convert(s, "s2t"), strict=True)) for s in seeds]
    return seeds + mixed


@pytest.mark.parametrize(
    "text",
    [
        "",
        "发",
        "头发",
        "国家卫生健康委卫生发展研究中心",
        "a\x00头发",  # NUL: the whole text goes to OpenCC, which `convert` splits there
        "头\ud800发",  # a lone surrogate
        "豈有此理的头发",  # U+F900, a CJK compatibility ideograph OpenCC normalises first
        "𠮶𠗣头发干净，𫖮𬴃",  # astral characters, some inside OpenCC's keys
        "公里\n里面\r\n面条，干部。后来",
        "三K党和Ｔ恤",
    ],
)
def test_equals_opencc_on_edge_cases(text: str) -> None:
    assert convert_s2t(text) == convert(text, "s2t")


def test_equals_opencc_on_the_seeds_and_mixed_copies() -> None:
    for text in _seed_texts():
        assert convert_s2t(text) == convert(text, "s2t")


def test_equals_opencc_on_chains_of_phrase_pairs() -> None:
    # Strings built by walking the file's adjacent pairs (so they are made of overlapping pieces of
    # OpenCC's keys, where greedy matching is most delicate), mixed with changing characters,
    # punctuation and characters in no key.
    rows = _rows()
    follows = {row[1]: row[2] for row in rows if row[0] == "pair"}
    changing = next(row[1] for row in rows if row[0] == "changing")
    starts = sorted(follows)
    rng = random.Random(11)
    texts = []
    for _ in range(400):
        out: list[str] = []
        while len(out) < 60:
            ch = rng.choice(starts) if rng.random() < 0.7 else rng.choice(changing)
            out.append(ch)
            while ch in follows and rng.random() < 0.85:
                ch = rng.choice(follows[ch])
                out.append(ch)
            if rng.random() < 0.2:
                out.append(rng.choice("，。的\n a"))
        texts.append("".join(out))
    joined = "\n".join(texts)
    assert convert_s2t(joined) == convert(joined, "s2t")
    assert [t for t in texts if convert_s2t(t) != convert(t, "s2t")] == []


def test_only_stretches_with_a_changing_character_go_to_opencc(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def spy(text: str, config: str) -> str:
        calls.append(text)
        return convert(text, config)

    monkeypatch.setattr(script_s2t, "convert", spy)
    text = "我们的研究，卫生发展研究中心。这是一个很好的例子"
    assert convert_s2t(text) == convert(text, "s2t")
    (sent,) = calls
    assert "发" in sent and "例子" not in sent and len(sent) < len(text)


def test_short_texts_go_to_opencc_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def spy(text: str, config: str) -> str:
        calls.append(text)
        return convert(text, config)

    monkeypatch.setattr(script_s2t, "_SHORT", 4096)
    monkeypatch.setattr(script_s2t, "convert", spy)
    text = "我们的研究，卫生发展研究中心。"
    assert convert_s2t(text) == convert(text, "s2t")
    assert calls == [text]


def test_data_file_is_for_the_installed_opencc() -> None:
    rows = _rows()
    assert next(row[1] for row in rows if row[0] == "opencc") == opencc.__version__
    changing = next(row[1] for row in rows if row[0] == "changing")
    assert set("发后里面干只台制系") <= set(changing)
    assert not set("的是我们研究") & set(changing)
    assert script_s2t._phrases() is not None


@pytest.fixture(scope="module")
def script_data() -> Iterator[ModuleType]:
    """The generator (benchmarks/script_data.py), imported as the benchmarks run it."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import script_data

        yield script_data
    finally:
        sys.path.remove(str(BENCHMARKS))


def test_data_file_equals_a_fresh_derivation(script_data: ModuleType, tmp_path: Path) -> None:
    # Reads OpenCC's dictionaries with the `opencc_dict` tool its wheel ships (a few seconds).
    target = tmp_path / "script_s2t_phrases.tsv"
    script_data.write_s2t_phrases(target)
    assert target.read_text(encoding="utf-8") == files("reader").joinpath("data/script_s2t_phrases.tsv").read_text(
        encoding="utf-8"
    )


def test_importing_the_script_package_does_not_import_numpy() -> None:
    # The command line imports the views' package at start; numpy (about 0.1 s) waits for a first view.
    import subprocess

    code = "import sys, reader.core.script; print('numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
