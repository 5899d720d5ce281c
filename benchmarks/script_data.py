"""Regenerate the data files derived from OpenCC's own dictionaries.

Run: .venv/bin/python benchmarks/script_data.py
Writes src/reader/data/script_blocking_pairs.tsv: for each simplified character with several
traditional forms (a key of STCharacters with more than one value), the next characters with which
OpenCC's phrase dictionary gives it another form than its own (制 with 造, 作, 品 ...): the first two
characters of STPhrases keys, kept where converting the pair does so.
Reads the dictionaries with the `opencc_dict` tool shipped in the opencc wheel.
"""

from __future__ import annotations

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


def main() -> None:
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
