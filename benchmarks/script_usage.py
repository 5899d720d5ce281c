"""How Taiwanese corpora write given words: the evidence behind the 臺灣 view's choice between two forms.

Run: .venv/bin/python benchmarks/script_usage.py --gsd DIR --cc0 DIR --laws DIR --ly DIR [WORD ...]
(git directories of the corpora `script_corpus.py` names, plus clkao/ly-gazette for the Legislative
Yuan's interpellation records). WORDs are simplified; the default set is the one the decision record
cites. For each corpus and word it prints the traditional forms written at the occurrences the
segmenter reads as whole words (the same alignment test as the table's), with their counts. Texts
overlapping the round-trip evaluation text are left out, as for the table. Only counts are printed.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from reader.core.script import convert
from reader.core.script.corpus import aligned
from script_corpus import _evaluation_runs, _overlaps, cc0_texts, gsd_texts, law_texts, ly_texts

WORDS = ("计划", "计划经济", "五年计划", "规划", "都市计划", "沉重", "当铺", "厘米")


def usage(texts: Iterable[str], words: tuple[str, ...]) -> dict[str, Counter[str]]:
    """Word → Counter of the forms the texts write where the segmenter reads the word whole."""
    found: dict[str, Counter[str]] = {w: Counter() for w in words}
    for text in texts:
        simple = convert(text, "tw2s")
        if len(simple) != len(text):
            continue
        for word in words:
            start = simple.find(word)
            while start >= 0:
                end = start + len(word)
                if aligned(simple, start, end):
                    found[word][text[start:end]] += 1
                start = simple.find(word, end)
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    readers: dict[str, Callable[[Path], Iterator[str]]] = {
        "gsd": gsd_texts, "cc0": cc0_texts, "laws": law_texts, "ly": ly_texts
    }  # fmt: skip
    for name in readers:
        parser.add_argument(f"--{name}", type=Path)
    parser.add_argument("words", nargs="*")
    args = parser.parse_args()
    words = tuple(args.words) or WORDS
    runs = _evaluation_runs()
    for name, reader in readers.items():
        git_dir = getattr(args, name)
        if git_dir is None:
            continue
        kept = [t for t in reader(git_dir) if not _overlaps(t, runs)]
        for word, forms in usage(kept, words).items():
            total = sum(forms.values())
            shown = ", ".join(f"{f} {n} ({n / total:.0%})" for f, n in forms.most_common()) if total else "-"
            print(f"{name:<5} {word:<6} {shown}")


if __name__ == "__main__":
    main()
