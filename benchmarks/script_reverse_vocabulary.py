"""Which reviewed Taiwan terms the 简体 view may turn back into mainland words: writes
`src/reader/data/script_vocabulary_reverse_unsafe.tsv`.

Run: .venv/bin/python benchmarks/script_reverse_vocabulary.py [--ratio 0.1]

A pair of the reviewed table (mainland 文档 → Taiwan 文件) is safe one way only when the Taiwan word is
not also a mainland word: 文件 is a mainland official document, so a mainland passage of a mixed text
would lose it. The evidence is jieba's dictionary, whose frequencies were counted on mainland text: a
Taiwan word (in simplified form) written at least `ratio` times as often as the mainland word it stands
for is listed as unsafe, and the 简体 view leaves it as written. Prints the table's size and the split.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import jieba
import opencc

from reader.core.script.vocabulary import safe_entries

OUT = Path(__file__).resolve().parents[1] / "src" / "reader" / "data" / "script_vocabulary_reverse_unsafe.tsv"


def frequencies() -> dict[str, int]:
    path = Path(jieba.__file__).parent / "dict.txt"
    found: dict[str, int] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 3:
                found[parts[0]] = int(parts[1])
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ratio", type=float, default=0.1)
    args = parser.parse_args()
    freq = frequencies()
    t2s = opencc.OpenCC("t2s")
    rows: list[tuple[str, str, int, int]] = []
    pairs = 0
    for entry in safe_entries():
        if entry.region != "tw" or entry.key == entry.replacement:
            continue
        pairs += 1
        taiwan, mainland = freq.get(t2s.convert(entry.replacement), 0), freq.get(t2s.convert(entry.key), 0)
        if taiwan and taiwan >= args.ratio * mainland:
            rows.append((entry.replacement, entry.key, taiwan, mainland))
    lines = [
        "# Taiwan words of script_vocabulary_safe.tsv that the 简体 view leaves as written (regional vocabulary",
        "# on): each is also a mainland word. Source: jieba 0.42.1 dict.txt frequencies (counted on mainland",
        f"# text); listed when the Taiwan word, in simplified form, is at least {args.ratio:g} times as frequent",
        "# as the mainland word it stands for. Written by benchmarks/script_reverse_vocabulary.py.",
        "# taiwan\tmainland\tfrequency of the taiwan word\tfrequency of the mainland word",
        *(f"{tw}\t{ml}\t{ft}\t{fm}" for tw, ml, ft, fm in sorted(rows)),
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{pairs} Taiwan pairs; {len(rows)} left as written in the 简体 view, {pairs - len(rows)} turned back")
    print(OUT)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
