"""Clean report-shaped documents the cleaner must leave whole: the regression set for "never eat real text".

Every document here contains nothing to remove. They are assembled deterministically from public clean text
in the evaluation data beside the project (`../shared/eval`, see its README for sources and licences):

- `web_zh/cleaned/*.txt`: the hand-made gold main texts of the Chinese-Web-Content-Extraction-Dataset (MIT),
  used as they are (one plain-text document each);
- `ner/msra_val_sentences.txt` (MSRA NER validation sentences, spaces between characters removed) and
  `ner/cluener_dev.json` (CLUENER2020 dev sentences): grouped into notices with numbered sections
  (一、 （一） 1. 第一章 第一条), short list items, a table, contact lines, an attachment note, and the issuing
  office and date at the end; each also as a Markdown version (# headings, - bullets).

The structure words (第一章, 附件, 联系电话) are the conventions of Chinese official documents; the text inside
the structure comes from the sentences, so no heading repeats across documents. Nothing is written into the
repository: the test and the benchmark call `build()`; `python make_clean_reports.py OUT_DIR` writes the
documents out for reading.

Split: a document belongs to the frozen test half when the last byte of sha1(its source id) is odd, to the
development half otherwise. Rules are tuned on dev only.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

EVAL = Path(__file__).resolve().parents[4] / "shared" / "eval"

SENTENCES_PER_DOC = 14


@dataclass(frozen=True)
class CleanDoc:
    """One document that must come out of the cleaner with no line removed."""

    doc_id: str  # source id: the split and any failure message refer to it
    name: str  # file name, its suffix tells the importer the kind (.txt / .md)
    text: str
    half: str  # "dev" or "test"


def half_of(source_id: str) -> str:
    """The fixed split: test when the last byte of sha1(source id) is odd."""
    return "test" if hashlib.sha1(source_id.encode("utf-8")).digest()[-1] % 2 else "dev"


def _pick(seed: str, n: int) -> int:
    """A deterministic choice in range(n) from a string."""
    return int(hashlib.sha1(seed.encode("utf-8")).hexdigest()[:8], 16) % n


def _msra_sentences(root: Path) -> list[str]:
    path = root / "ner" / "msra_val_sentences.txt"
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        text = line.replace(" ", "")
        if 12 <= len(text) <= 160:
            out.append(text)
    return out


def _cluener(root: Path) -> tuple[list[str], list[str], list[str]]:
    """Sentences, person names and organisation names of CLUENER2020 dev."""
    path = root / "ner" / "cluener_dev.json"
    if not path.exists():
        return [], [], []
    raw = path.read_text(encoding="utf-8")
    decoder = json.JSONDecoder()
    pos, sentences, names, orgs = 0, [], [], []
    while True:
        while pos < len(raw) and raw[pos].isspace():
            pos += 1
        if pos >= len(raw):
            break
        obj, pos = decoder.raw_decode(raw, pos)
        text = obj["text"].strip()
        if 12 <= len(text) <= 160:
            sentences.append(text)
        labels = obj.get("label", {})
        names += [n for n in labels.get("name", {}) if 2 <= len(n) <= 4]
        orgs += [o for kind in ("government", "organization") for o in labels.get(kind, {}) if 4 <= len(o) <= 16]
    return sentences, names, orgs


def _clause(sentence: str, limit: int = 18) -> str:
    """The opening clause of a sentence, without end punctuation: a plausible heading."""
    head = re.split(r"[，,。；;：:！？!?]", sentence)[0].strip('“”"《》（）() ')
    return head[:limit] or sentence[:limit]


def _full(sentence: str) -> str:
    """A sentence as a paragraph: NER sentences are sometimes cut at a comma; end them properly."""
    sentence = sentence.rstrip("，,、；;： ")
    return sentence if re.search(r"[。！？!?”」）)…]$", sentence) else sentence + "。"


CHAPTER = "一二三四五六七八九十"


def _report(doc_id: str, sents: list[str], names: list[str], orgs: list[str], markdown: bool) -> str:
    """A notice: title, addressee, numbered sections, list items, a table, attachments, contact, office, date."""
    k = _pick(doc_id, 1000)
    office = orgs[k % len(orgs)] if orgs else "市人民政府办公室"
    person = names[k % len(names)] if names else "王明"
    year, month, day = 2000 + k % 25, 1 + k % 12, 1 + k % 28
    h1 = "# " if markdown else ""
    h2 = "## " if markdown else ""
    bullet = "- " if markdown else ""
    lines: list[str] = [f"{h1}关于{_clause(sents[0], 14)}的通知", ""]
    lines += ["各有关单位：", "", _full(sents[1]), ""]
    style = k % 3
    s = 2
    for section in range(3):
        if s >= len(sents):
            break
        if style == 0:
            head = f"{CHAPTER[section]}、{_clause(sents[s])}"
        elif style == 1:
            head = f"第{CHAPTER[section]}章 {_clause(sents[s])}"
        else:
            head = f"（{CHAPTER[section]}）{_clause(sents[s])}"
        lines += [f"{h2}{head}", ""]
        for j in range(2):
            if s + j < len(sents):
                prefix = f"第{CHAPTER[section * 2 + j]}条 " if style == 1 else ""
                lines += [prefix + _full(sents[s + j]), ""]
        s += 2
        if section == 1 and s + 2 < len(sents):
            # Short numbered or bulleted items: no end punctuation, as lists are often printed.
            for n in range(3):
                item = _clause(sents[s + n], 16)
                if not re.search(r"\w", item):
                    item = f"第{n + 1}项"
                lines.append(f"{bullet}{n + 1}. {item}" if not markdown else f"{bullet}{item}")
            lines.append("")
            s += 3
    # A small table: spaces between cells, as text dumps of tables come out.
    lines += ["序号 单位 联系人 人数"]
    for row in range(3):
        org = orgs[(k + row + 1) % len(orgs)] if orgs else "某单位"
        who = names[(k + row + 1) % len(names)] if names else "李华"
        lines.append(f"{row + 1} {org} {who} {3 + (k + row) % 9}")
    lines.append("")
    # A line of words with spaces between them (headline style) and the closing sentences.
    if s < len(sents):
        words = re.findall(r"[\u4e00-\u9fff]{2,4}", sents[s])[:4]
        if len(words) >= 3:
            lines += [" ".join(words), ""]
        lines += [_full(sents[s]), ""]
    lines += [f"附件：1. {_clause(sents[2], 12)}情况汇总表", f"2. {_clause(sents[3], 12)}名单", ""]
    lines += [f"联系人：{person}", f"联系电话：0{10 + k % 80}-{6000_0000 + k * 7919 % 3999_9999}", ""]
    lines += [office, f"{year}年{month}月{day}日"]
    return "\n".join(lines) + "\n"


def _groups(prefix: str, sentences: list[str]) -> Iterator[tuple[str, list[str]]]:
    for start in range(0, len(sentences) - SENTENCES_PER_DOC + 1, SENTENCES_PER_DOC):
        yield f"{prefix}-{start // SENTENCES_PER_DOC:04d}", sentences[start : start + SENTENCES_PER_DOC]


def build(root: Path = EVAL, max_reports: int = 60) -> list[CleanDoc]:
    """Every clean document, in a fixed order; empty when the evaluation data is absent."""
    docs: list[CleanDoc] = []
    cleaned = root / "web_zh" / "cleaned"
    if cleaned.exists():
        for path in sorted(cleaned.glob("*.txt")):
            text = path.read_bytes().decode("utf-8", "replace")
            doc_id = f"web_zh/{path.stem}"
            docs.append(CleanDoc(doc_id, path.name, text, half_of(doc_id)))
    msra = _msra_sentences(root)
    clue, names, orgs = _cluener(root)
    groups = list(_groups("msra", msra))[: max_reports // 2] + list(_groups("cluener", clue))[: max_reports // 2]
    for doc_id, sents in groups:
        half = half_of(doc_id)
        docs.append(CleanDoc(doc_id, f"{doc_id}.txt", _report(doc_id, sents, names, orgs, False), half))
        docs.append(CleanDoc(doc_id + "-md", f"{doc_id}.md", _report(doc_id, sents, names, orgs, True), half))
    return docs


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: make_clean_reports.py OUT_DIR", file=sys.stderr)
        return 2
    out = Path(argv[1])
    docs = build()
    for doc in docs:
        target = out / doc.half / doc.name.replace("/", "_")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(doc.text, encoding="utf-8")
    print(f"{len(docs)} documents written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
