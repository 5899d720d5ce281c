"""Authored Markdown notes the cleaner must leave whole: the regression set for Markdown read as Markdown.

Each note is written by a seeded generator around public clean text from the evaluation data beside the
project (`../shared/eval`: MSRA and CLUENER sentences, see the clean reports generator and the README there)
and uses what notes written in Markdown use: front matter, `#` and `##` headings, paragraphs with emphasis
and inline links, quotes with an attribution line, bullet lists of links, nested and ordered lists, a
table, a fenced code block, an HTML comment, an image, a rule. Nothing in a note is furniture: the title
line moving into the title field and the front matter read as metadata are not losses; any other removed
line is.

Split: a note is in the frozen test half when the last byte of sha1("md/<n>") is odd, else dev.
`python make_notes.py OUT_DIR` writes the notes out for reading.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
EVAL = HERE.parents[3] / "shared" / "eval"
NOTES = 60
SEED = 1129

CODE = (
    ["```python", "def count(words):", "    return {w: words.count(w) for w in set(words)}", "```"],
    ["```bash", "mkdir -p notes && cd notes", "grep -rn 'TODO' . | sort | uniq -c", "```"],
    ["```js", "const total = items.reduce((a, b) => a + b.price, 0);", "console.log(total);", "```"],
    ["```", "SELECT name, COUNT(*) FROM visits GROUP BY name;", "```"],
)


def _reports() -> ModuleType:
    name = "make_clean_reports"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, HERE.parent / "clean_reports" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


R = _reports()


@dataclass(frozen=True)
class Note:
    note_id: str
    name: str
    text: str
    title: str
    half: str


def _parts(rng: random.Random, sents: list[str], names: list[str]) -> list[list[str]]:
    """The blocks of a note body, in a random order after the first paragraph."""
    clause = R._clause
    blocks = [
        [f"## {clause(rng.choice(sents), 10)}", "", R._full(rng.choice(sents))],
        [f"> {R._full(rng.choice(sents))}", f"> —— {rng.choice(names)}"],
        list(rng.choice(CODE)),
        [
            f"| {clause(rng.choice(sents), 4)} | 数量 | 备注 |",
            "|---|---|---|",
            *(f"| {rng.choice(names)} | {rng.randint(1, 99)} | {clause(rng.choice(sents), 6)} |" for _ in range(3)),
        ],
        [f"- [{clause(rng.choice(sents), 12)}](https://example.org/{k})" for k in range(rng.randint(2, 4))],
        [
            f"- {clause(rng.choice(sents), 10)}",
            f"  - {clause(rng.choice(sents), 8)}",
            f"  - {clause(rng.choice(sents), 8)}",
        ],
        [f"{n}. {clause(rng.choice(sents), 14)}" for n in range(1, 4)],
        [f"**{clause(rng.choice(sents), 4)}**：{R._full(rng.choice(sents))}"],
        [f"参见[{clause(rng.choice(sents), 6)}](https://example.org/ref)，{R._full(rng.choice(sents))}"],
        ["<!-- 待补充 -->"],
        [f"![{clause(rng.choice(sents), 6)}](images/{rng.randint(1, 9)}.png)"],
        ["---"],
    ]
    rng.shuffle(blocks)
    return blocks[: rng.randint(5, len(blocks))]


def _note(rng: random.Random, n: int, sents: list[str], names: list[str]) -> Note:
    title = R._clause(rng.choice(sents), 16)
    lines: list[str] = []
    if rng.random() < 0.4:
        lines += [
            "---",
            f"title: {title}",
            f"date: 2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
            "tags: [笔记]",
            "---",
            "",
        ]
    lines += [f"# {title}", "", R._full(rng.choice(sents)), ""]
    for block in _parts(rng, sents, names):
        lines += [*block, ""]
    note_id = f"md/{n}"
    return Note(note_id, f"note{n}.md", "\n".join(lines), title, R.half_of(note_id))


def build(root: Path = EVAL) -> list[Note]:
    """Every note, the same on every run."""
    msra = R._msra_sentences(root)
    cluener, names, _ = R._cluener(root)
    if not msra or not names:
        return []
    rng = random.Random(SEED)
    return [_note(rng, n, msra + cluener, names) for n in range(NOTES)]


if __name__ == "__main__":
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for note in build():
        (out / note.name).write_text(note.text, encoding="utf-8")
