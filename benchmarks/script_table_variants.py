"""Variants of the Taiwan usage table and of a Taiwan default character, weighed on the development half.

Run: .venv/bin/python benchmarks/script_table_variants.py --gsd DIR --cc0 DIR --laws DIR --ly DIR
(git directories of the corpora `script_corpus.py` names). Rebuilds the corpora as the table's generator does
(overlap with the evaluation text left out), computes each variant's rows from their counts and prints, for
the 臺灣 view with those rows in place of data/script_tw_corpus.tsv, the development half's errors and the
places fixed and broken against OpenCC s2tw (final variant set), with the rows each variant adds. Only the
development half is read. The variants are the ninth round's in docs/decisions/script.md.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import script_corpus as sc
from bench_script import DRCD, _half
from reader.core.script import Script, convert, make_view
from reader.core.script import corpus as layer

Rule = Callable[[str, dict[str, sc.Stats]], str | None]


def _top(st: sc.Stats) -> tuple[str, int, int] | None:
    """(commonest form, its count, all occurrences) of one corpus, or None without occurrences."""
    return (st.forms[0][0], st.forms[0][1], sum(n for _, n, _ in st.forms)) if st.forms else None


def _pooled(per: dict[str, sc.Stats], names: tuple[str, ...]) -> tuple[Counter[str], Counter[str], int]:
    counts: Counter[str] = Counter()
    gains: Counter[str] = Counter()
    total = 0
    for name in names:
        total += per[name].as_word
        for form, n, m in per[name].forms:
            counts[form] += n
            gains[form] += m
    return counts, gains, total


def registers(min_count: int, share: float) -> Rule:
    """A row where the laws and the Legislative Yuan's records both write one form (each at least
    `min_count` times and in `share` of their occurrences) and general text writes no other majority."""

    def rule(word: str, per: dict[str, sc.Stats]) -> str | None:
        laws, ly = _top(per["laws"]), _top(per["ly"])
        if laws is None or ly is None or laws[0] != ly[0]:
            return None
        if min(laws[1], ly[1]) < min_count or laws[1] < share * laws[2] or ly[1] < share * ly[2]:
            return None
        for name in sc.GENERAL:
            top = _top(per[name])
            if top is not None and (top[0] != laws[0] or top[1] < sc.MIN_SHARE * top[2]):
                return None
        counts, gains, total = _pooled(per, ("gsd", "cc0", "laws", "ly"))
        row = sc.Row(word, laws[0], counts[laws[0]], total, gains[laws[0]], "")
        return laws[0] if sc.selected(row) else None

    return rule


def pooled(names: tuple[str, ...], min_count: int, share: float) -> Rule:
    """A row where the corpora named, pooled, write one form in `share` of at least `min_count` occurrences
    and none of them writes another form most often; general text need not attest it."""

    def rule(word: str, per: dict[str, sc.Stats]) -> str | None:
        counts, gains, total = _pooled(per, names)
        if not counts:
            return None
        form, count = counts.most_common(1)[0]
        if any(per[n].forms and per[n].forms[0][0] != form for n in names):
            return None
        if count < min_count or count < share * total or gains[form] * 2 <= count:
            return None
        return form

    return rule


class DevHalf:
    """The development half's texts, their tw2s form and OpenCC's s2tw of that, for repeated views."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str]] = []
        for line in DRCD.read_text(encoding="utf-8").splitlines():
            if line.strip() and _half((row := json.loads(line))["id"]) == "dev":
                simple = convert(row["text"], "tw2s")
                self.rows.append((row["text"], simple, convert(simple, "s2tw")))

    def score(self, forms: dict[str, str], defaults: dict[str, str], variants: set[tuple[str, str]]) -> tuple[int, ...]:
        """(errors, fixed, broken) of the 臺灣 view with `forms` as its usage table and `defaults` replacing
        OpenCC's character-by-character form wherever the view keeps it."""
        saved = layer.corpus_forms
        layer.corpus_forms = lambda: forms  # type: ignore[assignment]
        layer._pattern.cache_clear()
        try:
            errors = fixed = broken = 0
            for text, simple, base in self.rows:
                view = list(make_view(simple, Script.TW).text)
                for i, ch in enumerate(simple):
                    if ch in defaults and view[i] == convert(ch, "s2tw"):
                        view[i] = defaults[ch]
                for a, b, o in zip(text, view, base, strict=True):
                    bad_view = a != b and (a, b) not in variants
                    bad_opencc = a != o and (a, o) not in variants
                    errors += bad_view
                    fixed += bad_opencc and not bad_view
                    broken += bad_view and not bad_opencc
            return errors, fixed, broken
        finally:
            layer.corpus_forms = saved
            layer._pattern.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser()
    for name in ("gsd", "cc0", "laws", "ly"):
        parser.add_argument(f"--{name}", type=Path, required=True)
    args = parser.parse_args()
    found, _ = sc.corpora(args.gsd, args.cc0, args.laws, args.ly)
    variants = sc.variant_set()
    words = sorted(set().union(*(c.candidates for c in found)))
    per_word = {w: {c.name: sc.stats(c, w, variants) for c in found} for w in words}
    table = dict(layer.corpus_forms())
    dev = DevHalf()
    print(f"{'variant':<58}{'rows added':>11}{'errors':>8}{'fixed':>7}{'broken':>8}")
    print(f"{'no table':<58}{-len(table):>11}" + "".join(f"{n:>8}" for n in dev.score({}, {}, variants)))
    print(f"{'the table as it is':<58}{0:>11}" + "".join(f"{n:>8}" for n in dev.score(table, {}, variants)))
    four = ("gsd", "cc0", "laws", "ly")
    rules: list[tuple[str, Rule]] = [
        ("laws and ly agree, >= 3, 90 %", registers(3, 0.9)),
        ("laws and ly agree, >= 5, 90 %", registers(5, 0.9)),
        ("laws and ly agree, >= 3, 95 %", registers(3, 0.95)),
        ("laws and ly agree, >= 10, 95 %", registers(10, 0.95)),
        ("laws and ly agree, >= 3, 80 %", registers(3, 0.8)),
        ("four pooled, all veto, no attestation, >= 20, 90 %", pooled(four, 20, 0.9)),
        ("four pooled, all veto, no attestation, >= 5, 90 %", pooled(four, 5, 0.9)),
        ("four pooled, all veto, no attestation, >= 50, 95 %", pooled(four, 50, 0.95)),
        ("gsd, cc0, laws pooled, all veto, no attestation, >= 5, 90 %", pooled(four[:3], 5, 0.9)),
    ]
    for label, rule in rules:
        added = {w: f for w in words if w not in table and (f := rule(w, per_word[w])) is not None}
        scores = dev.score({**table, **added}, {}, variants)
        print(f"{label:<58}{len(added):>11}" + "".join(f"{n:>8}" for n in scores))
        print("    " + " ".join(f"{w}>{f}" for w, f in sorted(added.items())))
    for label, defaults in (
        ("Taiwan default 岩 (for 巖)", {"岩": "岩"}),
        ("Taiwan defaults 岩, 桿", {"岩": "岩", "杆": "桿"}),
    ):
        print(f"{label:<58}{0:>11}" + "".join(f"{n:>8}" for n in dev.score(table, defaults, variants)))


if __name__ == "__main__":
    main()
