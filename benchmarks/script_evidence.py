"""How much of what is left could usage evidence fix? Each remaining error of the 臺灣 view on the development
half, weighed against how Taiwanese corpora write the word around it.

Run: .venv/bin/python benchmarks/script_evidence.py --gsd DIR --cc0 DIR --laws DIR --ly DIR [--examples N] [--defaults]
(git directories of the corpora `script_corpus.py` names; texts overlapping the evaluation text are left out
as there). For every error (the benchmark's final variant set) the segmenter's word around it is looked up in
each corpus at the occurrences the segmenter reads as whole words (`script_corpus.stats`), and the error is
put in one class: no corpus has the word; the corpora write it as the reference does (a clear majority,
`script_corpus.MIN_SHARE`, of at least `script_corpus.MIN_COUNT` occurrences: what a usage table could fix);
they write it as the view does (the reference chose the other form: no usage table fixes it without turning
the view against Taiwan's own majority); or split / too few. Separately for general text (gsd, cc0) and for
all four. Only counts and the development half's own contexts are printed; the test half is not read.

`--defaults` asks instead whether any character's default should change in the 臺灣 view: for each simplified
character, at the corpus positions where the view writes OpenCC's character-by-character conversion, how often
each corpus writes another form there (characters with at least 20 such misses in all).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from functools import cache, partial
from pathlib import Path

from bench_script import DRCD, _half
from reader.core.script import Script, convert, make_view
from script_corpus import MIN_COUNT, MIN_SHARE, Corpus, Stats, _same, _word_at, corpora, stats, variant_set

GENERAL = ("gsd", "cc0")


def verdict(reference: str, view: str, forms: Counter[str], variants: set[tuple[str, str]]) -> str:
    """The class of one error from the forms the corpora write for its word."""
    total = sum(forms.values())
    if not total:
        return "no occurrence"
    form, count = forms.most_common(1)[0]
    if count < MIN_COUNT or count < MIN_SHARE * total:
        return "split or too few"
    if _same(form, reference, variants):
        return "corpora write the reference's form"
    if _same(form, view, variants):
        return "corpora write the view's form"
    return "corpora write a third form"


_STATS: dict[tuple[str, str], Stats] = {}


def pooled(
    found: list[Corpus], names: tuple[str, ...] | None, word: str, variants: set[tuple[str, str]]
) -> Counter[str]:
    """The forms the corpora named (all when None) write for `word`, variants merged; stats are memoised
    per corpus and word, as a word recurs (计划 43 times on the development half)."""
    forms: Counter[str] = Counter()
    for corpus in found:
        if names is None or corpus.name in names:
            key = (corpus.name, word)
            if key not in _STATS:
                _STATS[key] = stats(corpus, word, variants)
            for form, n, _ in _STATS[key].forms:
                key = next((k for k in forms if _same(form, k, variants)), form)
                forms[key] += n
    return forms


def defaults(found: list[Corpus], variants: set[tuple[str, str]]) -> None:
    """Per simplified character: where the view keeps OpenCC's default, what each corpus writes instead."""
    default = cache(partial(convert, config="s2tw"))
    missed: Counter[str] = Counter()
    for corpus in found:
        for wrote, simple, got in zip(corpus.original, corpus.simple, corpus.view, strict=True):
            wrong = wrote != got and (wrote, got) not in variants and "\u3400" <= wrote <= "\u9fff"
            if wrong and got == default(simple):
                missed[simple] += 1
    chars = {ch for ch, n in missed.items() if n >= 20}
    per: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for corpus in found:
        for wrote, simple, got in zip(corpus.original, corpus.simple, corpus.view, strict=True):
            if simple in chars and got == default(simple):
                per[simple][corpus.name][got if wrote == got or (wrote, got) in variants else wrote] += 1
    print("character  default  per corpus: forms written where the view keeps OpenCC's default")
    for simple, _ in missed.most_common(len(chars)):
        shown = "; ".join(
            f"{name} " + ", ".join(f"{f} {k}" for f, k in forms.most_common()) for name, forms in per[simple].items()
        )
        print(f"{simple:<10} {default(simple):<8} {shown}")


def main() -> None:
    parser = argparse.ArgumentParser()
    for name in ("gsd", "cc0", "laws", "ly"):
        parser.add_argument(f"--{name}", type=Path)
    parser.add_argument("--examples", type=int, default=4)
    parser.add_argument("--defaults", action="store_true")
    args = parser.parse_args()
    found, _ = corpora(args.gsd, args.cc0, args.laws, args.ly)
    variants = variant_set()
    if args.defaults:
        defaults(found, variants)
        return
    classes: dict[str, Counter[str]] = {"general": Counter(), "all": Counter()}
    examples: dict[str, list[str]] = defaultdict(list)
    errors = 0
    for line in DRCD.read_text(encoding="utf-8").splitlines():
        if not line.strip() or _half((row := json.loads(line))["id"]) != "dev":
            continue
        text = row["text"]
        simple = convert(text, "tw2s")
        view = make_view(simple, Script.TW).text
        for i, (a, b) in enumerate(zip(text, view, strict=True)):
            if a == b or (a, b) in variants:
                continue
            errors += 1
            at = _word_at(simple, i)
            start, word = at if at is not None else (i, simple[i])
            span = slice(start, start + len(word))
            for label, names in (("general", GENERAL), ("all", None)):
                kind = verdict(text[span], view[span], pooled(found, names, word, variants), variants)
                classes[label][kind] += 1
                if label == "all" and len(examples[kind]) < args.examples:
                    examples[kind].append(f"{word}: {text[span]} (view {view[span]})")
    print(f"{errors} errors of the 臺灣 view on the development half; the word around each, in Taiwanese corpora:")
    kinds = sorted(set(classes["general"]) | set(classes["all"]), key=lambda k: -classes["all"][k])
    print(f"{'class':<38}{'general text':>14}{'all four':>10}  examples (all four)")
    for kind in kinds:
        print(f"{kind:<38}{classes['general'][kind]:>14}{classes['all'][kind]:>10}  " + "; ".join(examples[kind]))


if __name__ == "__main__":
    main()
