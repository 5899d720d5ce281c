"""The conservative regional-vocabulary configs: OpenCC's s2twp and s2hkp with a reviewed phrase list.

OpenCC's Taiwan and Hong Kong phrase dictionaries (TWPhrases, HKPhrases) replace words whose mainland
form has several senses with the word for one of them: 支持 (also "endorse") becomes 支援 ("assist"),
激活 in 激活新动能 becomes 啟用 ("enable a device"). The 臺灣 and 香港 views with regional vocabulary on
therefore use a copy of OpenCC's config in which the phrase dictionary is replaced by the entries of
`data/script_vocabulary_safe.tsv`: words that name the same thing in every sense (软件 → 軟體,
鼠标 → 滑鼠, place and full personal names), and the entries of `data/script_vocabulary_unsafe.tsv`
mapped to themselves. Everything else about the conversion (segmentation, the s2t stage, variant
characters) is OpenCC's own, so the view differs from `s2twp` exactly where an unsafe entry matched,
and there it is what the character view (s2tw) writes. The excluded entries and why are in
`data/script_vocabulary_unsafe.tsv` and docs/decisions/script.md.

The configs are written once per process into a private temporary folder (OpenCC reads dictionaries
from files), pointing at the installed OpenCC data by absolute path.
"""

from __future__ import annotations

import atexit
import json
import shutil
import tempfile
import threading
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal

import opencc

__all__ = [
    "SAFE_CONFIGS",
    "Entry",
    "Vocabulary",
    "config_path",
    "safe_entries",
    "unsafe_entries",
]

#: "safe": only the reviewed unambiguous terms (the default); "all": OpenCC's whole phrase dictionary.
Vocabulary = Literal["safe", "all"]

#: Conservative config name → (OpenCC config it is derived from, the phrase dictionary it filters, region).
SAFE_CONFIGS: dict[str, tuple[str, str, str]] = {
    "s2twp-safe": ("s2twp", "TWPhrases.ocd2", "tw"),
    "s2hkp-safe": ("s2hkp", "HKPhrases.ocd2", "hk"),
    "tw2sp-safe": ("tw2sp", "TWPhrasesRev.ocd2", "tw"),
}

# Configs that go from the region's words back to the mainland's: their dictionary is the table read the
# other way round (TWPhrasesRev is TWPhrases reversed). A word both sides write (建立, 文件, 支援) must not
# be turned into the mainland word it stands for in one sense only: in a document mixing a mainland
# passage with a Taiwan one, 建立统一的目录 would read 创建统一的目录.
_REVERSED = frozenset({"tw2sp-safe"})


@dataclass(frozen=True)
class Entry:
    """One row of a vocabulary table: an OpenCC phrase-dictionary key and what OpenCC replaces it with."""

    region: str
    key: str  # OpenCC-standard traditional, as the phrase dictionary sees it after s2t
    replacement: str
    note: str  # kind (safe table) or reason (unsafe table)
    example: str = ""


def _rows(name: str) -> list[list[str]]:
    raw = files("reader").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return [line.split("\t") for line in raw.splitlines() if line.strip() and not line.startswith("#")]


@cache
def safe_entries() -> tuple[Entry, ...]:
    """The reviewed unambiguous entries (data/script_vocabulary_safe.tsv)."""
    return tuple(Entry(region, key, value, kind) for region, key, value, kind in _rows("script_vocabulary_safe.tsv"))


@cache
def unsafe_entries() -> tuple[Entry, ...]:
    """The entries judged unsafe, with reason and example (data/script_vocabulary_unsafe.tsv)."""
    return tuple(Entry(*row) for row in _rows("script_vocabulary_unsafe.tsv"))


@cache
def reverse_unsafe_words() -> frozenset[str]:
    """Taiwan words of the reviewed table that are mainland words too, so the 简体 view keeps them
    (data/script_vocabulary_reverse_unsafe.tsv, written by benchmarks/script_reverse_vocabulary.py)."""
    return frozenset(row[0] for row in _rows("script_vocabulary_reverse_unsafe.tsv"))


def _opencc_data_dir() -> Path:
    """Where the installed OpenCC keeps its configs and .ocd2 dictionaries."""
    here = Path(opencc.__file__).parent
    for candidate in (here / "clib" / "share" / "opencc", here.parent.parent / "data" / "config"):
        if (candidate / "s2twp.json").is_file():
            return candidate
    raise RuntimeError(f"the installed OpenCC has no s2twp.json near {here}; regional vocabulary is unavailable")


def _rewrite(node: Any, data_dir: Path, phrase_dict: str, safe_file: Path, swapped: list[str]) -> Any:
    """A config tree with the phrase dictionary swapped for `safe_file` and every other file made absolute."""
    if isinstance(node, list):
        return [_rewrite(n, data_dir, phrase_dict, safe_file, swapped) for n in node]
    if not isinstance(node, dict):
        return node
    if node.get("type") in ("ocd2", "ocd", "text") and "file" in node:
        if node["file"] == phrase_dict:
            swapped.append(node["file"])
            return {"type": "text", "file": str(safe_file)}
        return {**node, "file": str(data_dir / node["file"])}
    return {k: _rewrite(v, data_dir, phrase_dict, safe_file, swapped) for k, v in node.items()}


# OpenCC-standard traditional to each region's variant characters, for the unsafe entries' own form.
_VARIANT_CONFIGS = {"tw": "t2tw", "hk": "t2hk"}

_lock = threading.Lock()
_paths: dict[str, str] = {}
_folder: list[Path] = []


def config_path(name: str) -> str:
    """The path of the generated OpenCC config `name` (a key of SAFE_CONFIGS), written on first use."""
    with _lock:
        path = _paths.get(name)
        if path is not None:
            return path
        base, phrase_dict, region = SAFE_CONFIGS[name]
        if not _folder:
            folder = Path(tempfile.mkdtemp(prefix="reader-opencc-"))
            atexit.register(shutil.rmtree, folder, ignore_errors=True)
            _folder.append(folder)
        folder = _folder[0]
        data_dir = _opencc_data_dir()
        safe_file = folder / f"{name}.txt"
        # Unsafe entries stay in the dictionary mapped to their plain regional form, so a shorter safe
        # entry never matches inside them (函數式編程 would otherwise become 函式式程式設計) and OpenCC
        # segments the text exactly as with its own dictionary.
        variants = opencc.OpenCC(_VARIANT_CONFIGS[region])
        if name in _REVERSED:
            # The region's word back to the mainland's where the pair is safe; an unsafe pair's regional
            # word mapped to itself (and winning over a safe pair that shares it), so it stays as written.
            # Several mainland words may stand for one regional word (互联网, 互联网络 → 網際網路): the first
            # in key order is taken, as OpenCC's reversed dictionary does; and a regional word that is also a
            # mainland word (文件, 核心: `reverse_unsafe_words`) stays as written.
            table: dict[str, str] = {}
            for e in sorted((e for e in safe_entries() if e.region == region), key=lambda e: e.key):
                table.setdefault(e.replacement, e.key)
            kept = reverse_unsafe_words() | {e.replacement for e in unsafe_entries() if e.region == region}
            table.update({word: word for word in kept})
            pairs = sorted(table.items())
        else:
            pairs = sorted(
                {(e.key, e.replacement) for e in safe_entries() if e.region == region}
                | {(e.key, str(variants.convert(e.key))) for e in unsafe_entries() if e.region == region}
            )
        safe_file.write_text("".join(f"{k}\t{v}\n" for k, v in pairs), encoding="utf-8")
        config = json.loads((data_dir / f"{base}.json").read_text(encoding="utf-8"))
        swapped: list[str] = []
        config = _rewrite(config, data_dir, phrase_dict, safe_file, swapped)
        if not swapped:
            # A later OpenCC that renamed the dictionary would otherwise give the full vocabulary silently.
            raise RuntimeError(f"OpenCC's {base}.json has no {phrase_dict}; the reviewed vocabulary cannot be applied")
        config["name"] = f"{config.get('name', base)} (reviewed phrases only)"
        out = folder / f"{name}.json"
        out.write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
        _paths[name] = path = str(out)
        return path
