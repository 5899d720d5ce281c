"""Regenerate the data files derived from OpenCC's own dictionaries.

Run: .venv/bin/python benchmarks/script_data.py
Writes src/reader/data/script_blocking_pairs.tsv: for each simplified character with several
traditional forms (a key of STCharacters with more than one value), the next characters with which
OpenCC's phrase dictionary gives it another form than its own (制 with 造, 作, 品 ...): the first two
characters of STPhrases keys, kept where converting the pair does so.
Also writes src/reader/data/script_s2t_phrases.tsv, what `reader.core.script.s2t` needs to convert with
s2t only the stretches of a text where a phrase can give a character another form than its own: the
characters some multi-character key of s2t's phrase dictionaries converts otherwise than alone, every
pair of characters adjacent inside such a key, and the keys of the normalisation dictionary.
Reads the dictionaries with the `opencc_dict` tool shipped in the opencc wheel.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import tempfile
from collections import defaultdict
from pathlib import Path

import opencc

from reader.core.script import convert

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "reader" / "data"
CLIB = Path(opencc.__file__).parent / "clib"


def _dump(name: str) -> list[tuple[str, list[str]]]:
    """(key, values) of one of OpenCC's compiled dictionaries."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"{name}.txt"
        env = {**os.environ, "LD_LIBRARY_PATH": str(CLIB / "lib64")}
        src = CLIB / "share" / "opencc" / f"{name}.ocd2"
        cmd = [str(CLIB / "bin" / "opencc_dict"), "-i", str(src), "-o", str(out), "-f", "ocd2", "-t", "text"]
        subprocess.run(cmd, check=True, env=env)
        rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines() if line]
    return [(key, values.split(" ")) for key, values in rows]


def _s2t_dictionaries() -> tuple[list[str], list[str]]:
    """(phrase and character dictionaries, normalisation dictionaries) that s2t.json names, by file."""
    config = json.loads((CLIB / "share" / "opencc" / "s2t.json").read_text(encoding="utf-8"))

    def files(node: object) -> list[str]:
        if isinstance(node, dict):
            own = [node["file"].removesuffix(".ocd2")] if "file" in node else []
            return own + [f for value in node.values() for f in files(value)]
        if isinstance(node, list):
            return [f for item in node for f in files(item)]
        return []

    assert "segmentation" not in config, "s2t.json now names a segmentation: revisit reader.core.script.s2t"
    return files(config["conversion_chain"]), files(config.get("normalization", []))


def write_s2t_phrases(target: Path = DATA / "script_s2t_phrases.tsv") -> None:
    """data/script_s2t_phrases.tsv (see the module docstring and `reader.core.script.s2t`)."""
    version = opencc.__version__
    chains, normalisation = _s2t_dictionaries()
    keys = sorted({key for name in chains for key, _values in _dump(name) if len(key) > 1})
    values = {key: vals[0] for name in chains for key, vals in _dump(name) if len(key) > 1}
    alone = dict(zip(keys, convert("\n".join(keys), "s2t").split("\n"), strict=True))
    changing: set[str] = set()
    pairs: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        value = values[key]
        each = "".join(convert(ch, "s2t") for ch in key)
        if len(value) != len(key) or len(each) != len(key):
            changing.update(key)
        else:
            changing.update(k for k, v, e in zip(key, value, each, strict=True) if v != e)
        for a, b in itertools.pairwise(key):
            pairs[a].add(b)
        assert len(alone[key]) == len(key), key
    # Every character converts to one character alone, so the per-character table is exact.
    assert all(len(vals[0]) == 1 for name in chains for key, vals in _dump(name) if len(key) == 1)
    normalised = sorted({key for name in normalisation for key, _values in _dump(name)})
    lines = [
        "# What reader.core.script.s2t needs to convert with s2t only where a phrase can matter. Written by",
        f"# benchmarks/script_data.py from opencc {version}'s s2t dictionaries ({', '.join(chains)};",
        f"# normalisation: {', '.join(normalisation)}), Apache-2.0. Rows: the opencc version; the characters",
        "# some multi-character key converts otherwise than alone; the normalisation keys; then each",
        "# character with every character that follows it inside a multi-character key.",
        f"opencc\t{version}",
        "changing\t" + "".join(sorted(changing)),
        "normalised\t" + "".join(normalised),
    ]
    lines += [f"pair\t{a}\t{''.join(sorted(b))}" for a, b in sorted(pairs.items())]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"s2t: {len(keys)} phrase keys, {len(changing)} changing characters, "
          f"{sum(map(len, pairs.values()))} pairs")  # fmt: skip


def main() -> None:
    write_s2t_phrases()
    version = opencc.__version__
    ambiguous = "".join(key for key, values in _dump("STCharacters") if len(values) > 1)
    pairs = sorted({key[:2] for key, _ in _dump("STPhrases") if len(key) >= 2 and key[0] in ambiguous})
    outs = convert("\n".join(pairs), "s2t").split("\n")
    defaults = convert("\n".join(p[0] for p in pairs), "s2t").split("\n")
    follow: dict[str, str] = defaultdict(str)
    for pair, out, default in zip(pairs, outs, defaults, strict=True):
        if len(out) == 2 and out[0] != default:
            follow[pair[0]] += pair[1]
    lines = [f"{first}\t{nexts}" for first, nexts in sorted(follow.items())]
    (DATA / "script_blocking_pairs.tsv").write_text(
        "# Pairs whose OpenCC phrase gives the first character another form than its own (制造 → 製造):\n"
        f"# first character, the characters that may follow it. From STPhrases (opencc {version}), the first\n"
        "# two characters of each key, kept where s2t converts the pair so. Written by benchmarks/script_data.py.\n"
        + "\n".join(lines)
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(ambiguous)} ambiguous characters, {sum(map(len, follow.values()))} pairs")


if __name__ == "__main__":
    main()
