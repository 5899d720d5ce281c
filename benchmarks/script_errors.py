"""Errors of the 臺灣 view on the development half of the round-trip text, grouped by character pair.

Run: .venv/bin/python benchmarks/script_errors.py [--contexts N] [--opencc] [--word-check]
Each error is a character of the original zh-TW text that the round trip (tw2s, then our tw view)
does not give back, orthographic variants excepted (the benchmark's final variant set). Pairs are
listed by frequency with a few contexts each, so that fixes target classes rather than strings.
`--word-check` also counts the errors a word-boundary guard could reach at all: those where the word
jieba's route puts around the error, converted on its own, gives the original's character.
Only the development half is read.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict

from bench_script import _TAIWAN_USAGE_VARIANTS, DRCD, _half, _variant_pairs
from reader.core.script import Script, convert, make_view
from reader.core.script.segment import segment, window


def _word_gives(simple: str, i: int, want: str) -> bool:
    """Whether the word (two characters or more) jieba's route puts around i converts to `want` at i."""
    ws, we = window(simple, i, 0)
    pos = ws
    for word in segment(simple[ws:we]):
        if pos <= i < pos + len(word):
            own = convert(word, "s2tw")
            return len(word) > 1 and len(own) == len(word) and own[i - pos] == want
        pos += len(word)
    return False


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contexts", type=int, default=4)
    parser.add_argument("--opencc", action="store_true", help="count OpenCC s2tw's errors instead")
    parser.add_argument("--width", type=int, default=6)
    parser.add_argument("--word-check", action="store_true", help="count errors a word's own conversion fixes")
    args = parser.parse_args()
    variants = _variant_pairs()
    variants |= {(p[0], p[1]) for p in _TAIWAN_USAGE_VARIANTS} | {(p[1], p[0]) for p in _TAIWAN_USAGE_VARIANTS}
    pairs: Counter[tuple[str, str]] = Counter()
    contexts: dict[tuple[str, str], list[str]] = defaultdict(list)
    reachable: list[str] = []
    for line in DRCD.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if _half(row["id"]) != "dev":
            continue
        text = row["text"]
        simple = convert(text, "tw2s")
        out = convert(simple, "s2tw") if args.opencc else make_view(simple, Script.TW).text
        w = args.width
        for i, (a, b) in enumerate(zip(text, out, strict=True)):
            if a != b and (a, b) not in variants:
                pairs[(a, b)] += 1
                contexts[(a, b)].append(f"{text[max(0, i - w) : i]}[{a}>{b}]{text[i + 1 : i + 1 + w]}")
                if args.word_check and _word_gives(simple, i, a):
                    reachable.append(contexts[(a, b)][-1])
    print(f"{sum(pairs.values())} errors, {len(pairs)} pairs")
    if args.word_check:
        print(f"{len(reachable)} of them fixed by converting the word around them on its own:")
        print("  " + "  ".join(c.replace("\n", " ") for c in reachable))
    for (a, b), n in pairs.most_common():
        shown = "  ".join(c.replace("\n", " ") for c in contexts[(a, b)][: args.contexts])
        print(f"{n:4} {a}>{b}  {shown}")


if __name__ == "__main__":
    main()
