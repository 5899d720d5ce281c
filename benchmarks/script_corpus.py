"""Regenerate src/reader/data/script_tw_corpus.tsv: word forms Taiwanese text writes otherwise than the 臺灣 view.

Run: .venv/bin/python benchmarks/script_corpus.py --gsd GIT_DIR --cc0 GIT_DIR --laws GIT_DIR [--check]
GIT_DIR is a clone (bare is enough) of github.com/UniversalDependencies/UD_Chinese-GSD, of
github.com/moztw/cc0-sentences and of github.com/kong0107/mojLawSplitJSON; the files are read with
`git show` at the commits pinned below, so the output does not depend on when the clone was made.
`--check` compares instead of writing (exit 1 when the file differs).

Each text of the corpus (traditional script, Taiwan) is taken to simplified with OpenCC tw2s and back
with the 臺灣 view without this table. Where the view writes another character than the text (an
orthographic variant of the benchmark's set excepted), the jieba word around it, two characters or
more, is a candidate. Every occurrence of a candidate in the simplified corpus is then counted with the
form the text writes there and the form the view gives. A candidate becomes a row when the text's
commonest form is not what the view writes, is written at least MIN_COUNT times, and holds at least
MIN_SHARE of the occurrences: a clear majority, so words Taiwan writes both ways stay as OpenCC has them.
General text (gsd, cc0) must write the form too, and in a clear majority of its occurrences of the word
when it also writes another spelling: the table cannot see a word's sense, and a simplified word with
two spellings general text both writes (不准 "not allowed", 不準 "inaccurate") is a choice of sense that
the laws, which mostly forbid, would otherwise make for every reader.
Thresholds were chosen on the development half of the round-trip benchmark only.

`ly_texts` reads a fourth corpus, the Legislative Yuan's interpellation records; it is not a source of
the table (tried on the development half: its house style, 沈重 and 當舖, and its place names made the
table worse), only of the usage counts that `benchmarks/script_usage.py` prints.

Texts that share a sentence with the round-trip evaluation text are left out (`_overlaps`): any text
holding a run of OVERLAP_RUN Han characters that also occurs in ../shared/eval/zh_tw/drcd_dev.jsonl
(both halves), so no sentence of the evaluation can lend its own word forms to the table.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bench_script import _TAIWAN_USAGE_VARIANTS, DRCD, _variant_pairs
from reader.core.script import convert
from reader.core.script.corpus import aligned
from reader.core.script.segment import segment, window
from reader.core.script.traditional import traditional_view

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "reader" / "data" / "script_tw_corpus.tsv"

# UD_Chinese-GSD at the last commit whose training file the public snapshot holds in full (2016-04-27;
# later commits change annotation, not text), and the laws at the snapshot of 2024-10-24.
GSD_COMMIT = "9eab518"
GSD_FILES = ("zh-ud-train.conllu", "zh-ud-dev.conllu", "zh-ud-test.conllu")
LAWS_COMMIT = "0d26e6c7c7"
CC0_COMMIT = "0cd8139"
CC0_LEFT_OUT = ("gpt-4.txt", "places_and_address.txt")
# The Legislative Yuan's interpellation records (4th to 8th Legislative Yuan, 2000-2012) as converted by
# clkao/ly-gazette: the last commit, which regenerated every file.
LY_COMMIT = "dd7e689"

MIN_COUNT = 3
# Corpora of general text (encyclopedia, everyday sentences), as against the laws.
GENERAL = ("gsd", "cc0")
MIN_SHARE = 0.7
# Corpora whose own majority form can keep a word out of the table: Taiwan's own text. GSD is Wikipedia,
# whose traditional-script text is written in every region and converted by the wiki's own tables; it
# counts and attests a form (GENERAL) but does not veto a form Taiwan's text agrees on (计划: GSD writes
# 計劃 36 times against 計畫 4, cc0 計畫 38 against 3, the laws 計畫 18,139 against 231).
VETO = ("cc0", "laws")
OVERLAP_RUN = 12

_HAN = re.compile(r"[\u3400-\u9fff]")
_HAN_RUNS = re.compile(r"[\u3400-\u9fff]+")


@dataclass(frozen=True)
class Row:
    """One preference: `simplified` is written `form` in `count` of its `total` occurrences; the view
    wrote something else in `gain` of those `count`."""

    simplified: str
    form: str
    count: int
    total: int
    gain: int
    source: str


def _git(git_dir: Path, spec: str) -> str:
    return subprocess.run(
        ["git", "--git-dir", str(git_dir), "show", spec], check=True, capture_output=True, text=True
    ).stdout


def _names(git_dir: Path, tree: str) -> list[str]:
    """The names of the entries of one tree of a commit (`COMMIT:folder`)."""
    return subprocess.run(
        ["git", "--git-dir", str(git_dir), "ls-tree", "--name-only", tree], check=True, capture_output=True, text=True
    ).stdout.split()


def gsd_texts(git_dir: Path) -> Iterator[str]:
    """The sentences of UD_Chinese-GSD, rebuilt from their tokens (the 2016 files have no text lines)."""
    for name in GSD_FILES:
        words: list[str] = []
        for line in _git(git_dir, f"{GSD_COMMIT}:{name}").splitlines():
            if not line.strip():
                if words:
                    yield _join(words)
                words = []
            elif not line.startswith("#"):
                cols = line.split("\t")
                if cols[0].isdigit():
                    words.append(cols[1])
        if words:
            yield _join(words)


def _join(words: list[str]) -> str:
    out = words[0]
    for w in words[1:]:
        out += (" " if out[-1].isascii() and out[-1].isalnum() and w[0].isascii() and w[0].isalnum() else "") + w
    return out


def _blobs(git_dir: Path, names: list[str]) -> Iterator[bytes]:
    """The contents of many files of a commit (`commit:path`), in order, through one `git cat-file` process
    (thousands of `git show` calls would take minutes)."""
    request = "".join(f"{name}\n" for name in names).encode()
    raw = subprocess.run(
        ["git", "--git-dir", str(git_dir), "cat-file", "--batch"], input=request, check=True, capture_output=True
    ).stdout
    pos = 0
    while pos < len(raw):
        header_end = raw.index(b"\n", pos)
        size = int(raw[pos:header_end].split()[2])
        yield raw[header_end + 1 : header_end + 1 + size]
        pos = header_end + 1 + size + 1


def law_texts(git_dir: Path) -> Iterator[str]:
    """The articles of Taiwan's laws and regulations in force (全國法規資料庫), one text per law, with
    the database's hard line breaks inside sentences removed."""
    listing = _names(git_dir, f"{LAWS_COMMIT}:FalVMingLing")
    names = [f"{LAWS_COMMIT}:FalVMingLing/{name}" for name in listing if name.endswith(".json")]
    for body in _blobs(git_dir, names):
        law = json.loads(body)
        if law.get("廢止註記"):
            continue
        parts = [law.get("前言") or ""] + [a.get("條文內容") or "" for a in law.get("法規內容") or []]
        yield "\n".join(re.sub(r"\r?\n\s*", "", p) for p in parts if p)


def cc0_texts(git_dir: Path) -> Iterator[str]:
    """The zh-TW sentences of MozTW's CC0 sentence collection (everyday Taiwanese Mandarin: chat logs,
    press releases, titles, exam text), one per line. Left out: the machine-written sentences, and the
    list of place names and addresses, which attests names (山里, 南庄 as villages), not how words are
    written (在山里 "in the mountains" is 山裡)."""
    listing = _names(git_dir, f"{CC0_COMMIT}:zh-TW")
    for name in listing:
        if name.endswith(".txt") and name not in CC0_LEFT_OUT:
            yield from (line for line in _git(git_dir, f"{CC0_COMMIT}:zh-TW/{name}").splitlines() if line.strip())


_SPEAKER = re.compile(r"^[\u3000 ]*[^：\s]{1,12}：")


def ly_texts(git_dir: Path) -> Iterator[str]:
    """The Legislative Yuan's interpellations (立法院公報, plenary sittings of 2000-2012): questions and
    answers of legislators and ministers as the Yuan's staff transcribed them, one text per
    interpellation, with the speaker labels (主席：, 唐院長飛：) taken off: names are not usage."""
    listing = [n for n in _names(git_dir, f"{LY_COMMIT}:json") if re.fullmatch(r"\d+_interp\.json", n)]
    for body in _blobs(git_dir, [f"{LY_COMMIT}:json/{name}" for name in listing]):
        for section in json.loads(body):
            lines = section[1] if len(section) == 2 and isinstance(section[1], list) else []
            text = "\n".join(_speech(line) for line in lines)
            if text.strip():
                yield text


def _speech(line: object) -> str:
    """One turn of an interpellation without its speaker: older files write "主席：…" as a string, later
    ones {"speaker": …, "content": …}."""
    if isinstance(line, dict):
        return str(line.get("content") or "").strip()
    return _SPEAKER.sub("", line).strip() if isinstance(line, str) else ""


def _evaluation_runs() -> set[str]:
    """Every run of OVERLAP_RUN Han characters of the round-trip evaluation text (both halves)."""
    runs: set[str] = set()
    for line in DRCD.read_text(encoding="utf-8").splitlines():
        if line.strip():
            han = "".join(_HAN.findall(json.loads(line)["text"]))
            runs.update(han[i : i + OVERLAP_RUN] for i in range(len(han) - OVERLAP_RUN + 1))
    return runs


def _overlaps(text: str, runs: set[str]) -> bool:
    han = "".join(_HAN.findall(text))
    return any(han[i : i + OVERLAP_RUN] in runs for i in range(len(han) - OVERLAP_RUN + 1))


def _same(a: str, b: str, variants: set[tuple[str, str]]) -> bool:
    return all(x == y or (x, y) in variants for x, y in zip(a, b, strict=True))


@dataclass
class Corpus:
    """A corpus taken through the round trip: its texts, their tw2s form and the view of that, joined."""

    name: str
    original: str
    simple: str
    view: str
    candidates: set[str]


def round_trip(name: str, texts: list[str], variants: set[tuple[str, str]]) -> Corpus:
    """The corpus through tw2s and the view without this table, with the candidate words: the jieba word
    (two characters or more) around each character the view gets wrong."""
    originals, simples, views = [], [], []
    candidates: set[str] = set()
    for text in texts:
        simple = convert(text, "tw2s")
        view = traditional_view(simple, "s2tw", guard=True, tw_corpus=False)
        if view is None or len(simple) != len(text):
            continue
        originals.append(text)
        simples.append(simple)
        views.append(view)
        for i, (a, b) in enumerate(zip(text, view, strict=True)):
            if a != b and (a, b) not in variants and _HAN.match(a):
                word = _word_at(simple, i)
                if word is not None and len(word[1]) > 1:
                    candidates.add(word[1])
    return Corpus(name, "\n".join(originals), "\n".join(simples), "\n".join(views), candidates)


def _word_at(simple: str, i: int) -> tuple[int, str] | None:
    """(start, word) of the jieba word around position i of `simple` (its clause, within a window)."""
    ws, we = window(simple, i, 0)
    pos = ws
    for word in segment(simple[ws:we]):
        if pos <= i < pos + len(word):
            return pos, word
        pos += len(word)
    return None


@dataclass(frozen=True)
class Stats:
    """How one corpus writes one simplified word: occurrences as a substring, how many the segmenter
    reads as that word, the forms written (by count) and, per form, how often the view writes otherwise."""

    total: int
    as_word: int
    forms: tuple[tuple[str, int, int], ...]  # (form, count, view wrote otherwise)


def stats(corpus: Corpus, word: str, variants: set[tuple[str, str]]) -> Stats:
    forms: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    total = as_word = 0
    start = corpus.simple.find(word)
    while start >= 0:
        end = start + len(word)
        orig, got = corpus.original[start:end], corpus.view[start:end]
        total += 1
        if aligned(corpus.simple, start, end):
            as_word += 1
            forms[orig] += 1
            missed[orig] += not _same(got, orig, variants)
        start = corpus.simple.find(word, end)
    merged: dict[str, list[int]] = {}
    for form, n in forms.most_common():
        key = next((k for k in merged if _same(form, k, variants)), form)
        entry = merged.setdefault(key, [0, 0])
        entry[0] += n
        entry[1] += missed[form]
    return Stats(total, as_word, tuple((f, n, m) for f, (n, m) in merged.items()))


def choose(word: str, per_corpus: dict[str, Stats]) -> Row | None:
    """A row when the corpora together write `word` one way in a clear majority of the occurrences
    the segmenter reads as whole words, no corpus writes it another way in most of its own, and general
    text (GENERAL) writes that form at least once: the laws are a register of their own (壓製 "press-mould"
    is their commonest 压制, "suppress" is everyone else's), so they weigh in only for forms general
    text shares. Words Taiwanese sources (VETO) write differently stay as they are, and so do words
    general text writes both ways without a clear majority (`general_text_agrees`: 不准/不準)."""
    counts: Counter[str] = Counter()
    gains: Counter[str] = Counter()
    total = 0
    for st in per_corpus.values():
        total += st.as_word
        for form, n, m in st.forms:
            counts[form] += n
            gains[form] += m
    if not counts:
        return None
    form, count = counts.most_common(1)[0]
    if any(st.forms and st.forms[0][0] != form for name, st in per_corpus.items() if name in VETO):
        return None
    if not general_text_agrees(form, per_corpus):
        return None
    row = Row(word, form, count, total, gains[form], "+".join(k for k, st in per_corpus.items() if st.forms))
    return row if selected(row) else None


def general_text_agrees(form: str, per_corpus: dict[str, Stats]) -> bool:
    """Whether general text (GENERAL) writes `form` at least once and, where it also writes another
    spelling, in a clear majority (MIN_SHARE) of the occurrences it has of the word.

    Two spellings that survive the variant merge are two characters OpenCC keeps apart, most often two
    meanings: 不准 "not allowed" and 不準 "inaccurate" are one simplified word, and the segmenter keeps
    it whole in both senses. The table's rows apply without knowing the sense, so a word whose two
    spellings general text both writes in earnest is a choice of sense, not of form, and only the
    reader's context could make it. The laws cannot settle it: they are a register that uses mostly
    one sense (the permit sense of 不准). A spelling general text never writes (銷燬 beside 銷毀, say)
    is no such evidence and does not hold a row back."""
    written: Counter[str] = Counter()
    for name in GENERAL:
        if name in per_corpus:
            for f, n, _ in per_corpus[name].forms:
                written[f] += n
    agree = written[form]
    return agree > 0 and agree >= MIN_SHARE * sum(written.values())


def render(rows: list[Row], sources: list[str]) -> str:
    header = [
        "# Word forms Taiwanese text writes otherwise than the 臺灣 view (s2tw with its correction layer), for",
        "# the 臺灣 views only. Derived by benchmarks/script_corpus.py (which see for the method); do not edit.",
        f"# Kept: the corpus's commonest form, written >= {MIN_COUNT} times and in >= {MIN_SHARE:.0%} of the",
        "# word's occurrences, where the view wrote another form in most of them. Texts sharing a run of",
        f"# {OVERLAP_RUN} Han characters with the round-trip evaluation text were left out. Only Taiwan's own",
        f"# text ({', '.join(VETO)}) can veto a form; gsd (Wikipedia, written in every region) counts and attests.",
        f"# General text ({', '.join(GENERAL)}) must write the form, in >= {MIN_SHARE:.0%} of its occurrences of the",
        "# word if it also writes another: a word it writes both ways (不准/不準) is a sense, not a form.",
        "# Sources (only counts are derived; no text of them is stored here):",
        *sources,
        "# Columns: simplified word, Taiwan form (same length), count of the form, occurrences, occurrences",
        "# the view wrote otherwise, source.",
    ]
    lines = [f"{r.simplified}\t{r.form}\t{r.count}\t{r.total}\t{r.gain}\t{r.source}" for r in rows]
    return "\n".join(header + lines) + "\n"


GSD_NOTE = (
    "# gsd: UD_Chinese-GSD (Universal Dependencies; Shen Mo, Ryan McDonald, Daniel Zeman, Peng Qi; text from\n"
    "#   Wikipedia), https://github.com/UniversalDependencies/UD_Chinese-GSD commit 9eab518, CC BY-SA 4.0."
)
CC0_NOTE = (
    "# cc0: MozTW's CC0 sentences, zh-TW (sentences for Mozilla Common Voice: chat logs, press releases, book\n"
    "#   titles, exam text; not its machine-written or place-name files), https://github.com/moztw/cc0-sentences\n"
    "#   commit 0cd8139, CC0 1.0."
)
LY_NOTE = (
    "# ly: the Legislative Yuan's interpellation records (立法院公報, plenary sittings 2000-2012), as converted by\n"
    "#   https://github.com/clkao/ly-gazette commit dd7e689; public statements of a central organ and official\n"
    "#   documents, free to use (Copyright Act of the Republic of China, arts. 9 and 62)."
)
LAWS_NOTE = (
    "# laws: Taiwan's laws and regulations in force, 全國法規資料庫 (Ministry of Justice) as converted by\n"
    "#   https://github.com/kong0107/mojLawSplitJSON commit 0d26e6c7c7; laws and regulations are not subject\n"
    "#   to copyright (Copyright Act of the Republic of China, art. 9)."
)


def selected(row: Row) -> bool:
    """Whether a row's counts pass the thresholds (the table's tests check every row with this)."""
    return row.count >= MIN_COUNT and row.count >= MIN_SHARE * row.total and row.gain * 2 > row.count


def corpora(
    gsd: Path | None, cc0: Path | None, laws: Path | None, ly: Path | None = None
) -> tuple[list[Corpus], list[str]]:
    """The corpora given, through the round trip, with their source notes; overlapping texts left out.

    `ly` is for callers that count usage (`script_usage.py`, experiments on the development half); the
    table's own command line (`main`, `build`) has no --ly on purpose, as ly is not a source of the table
    (module docstring), and a table built with it would not be the one the file's header describes."""
    variants = variant_set()
    runs = _evaluation_runs()
    out: list[Corpus] = []
    notes: list[str] = []
    given = (
        (gsd, gsd_texts, "gsd", GSD_NOTE),
        (cc0, cc0_texts, "cc0", CC0_NOTE),
        (laws, law_texts, "laws", LAWS_NOTE),
        (ly, ly_texts, "ly", LY_NOTE),
    )
    for git_dir, reader, name, note in given:
        if git_dir is None:
            continue
        texts = list(reader(git_dir))
        kept = [t for t in texts if not _overlaps(t, runs)]
        print(f"{name}: {len(texts)} texts, {len(texts) - len(kept)} left out for overlap", file=sys.stderr)
        out.append(round_trip(name, kept, variants))
        notes.append(note)
    return out, notes


def variant_set() -> set[tuple[str, str]]:
    """The benchmark's final variant set: pairs that are not errors."""
    variants = _variant_pairs()
    return variants | {(p[0], p[1]) for p in _TAIWAN_USAGE_VARIANTS} | {(p[1], p[0]) for p in _TAIWAN_USAGE_VARIANTS}


def rows_for(found: list[Corpus]) -> list[Row]:
    variants = variant_set()
    rows = []
    for word in sorted(set().union(*(c.candidates for c in found))):
        row = choose(word, {c.name: stats(c, word, variants) for c in found})
        if row is not None:
            rows.append(row)
    return rows


def build(gsd: Path | None, cc0: Path | None, laws: Path | None) -> str:
    found, notes = corpora(gsd, cc0, laws)
    return render(rows_for(found), notes)


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Regenerate the Taiwan corpus table from gsd, cc0 and the laws. There is no --ly: the "
        "Legislative Yuan's records are read only for usage counts (script_usage.py), never as a table source."
    )
    parser.add_argument("--gsd", type=Path)
    parser.add_argument("--cc0", type=Path)
    parser.add_argument("--laws", type=Path)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    text = build(args.gsd, args.cc0, args.laws)
    if args.check:
        same = args.out.read_text(encoding="utf-8") == text
        print("same" if same else f"{args.out} differs from what the corpus gives")
        sys.exit(0 if same else 1)
    args.out.write_text(text, encoding="utf-8")
    print(f"{sum(1 for line in text.splitlines() if not line.startswith('#'))} rows written to {args.out}")


if __name__ == "__main__":
    main()
