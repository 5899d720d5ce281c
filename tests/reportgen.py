"""Many large, distinct Chinese reports for tests that need an import to last long enough to stop."""

from __future__ import annotations

import random
from pathlib import Path

# Common characters, so that the cleaner and entity finder do the work they do on real prose.
HANZI = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后"
    "多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还"
    "因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结"
)


def write_reports(folder: Path, count: int, size: int) -> list[Path]:
    """`count` distinct reports of about `size` bytes: one shared body, each cut at a different place."""
    rng = random.Random(7)
    lines = ["".join(rng.choices(HANZI, k=rng.randint(20, 90))) + "。" for _ in range(3000)]
    body = "\n".join(lines)
    per_file = size // 3  # three UTF-8 bytes a character
    folder.mkdir()
    files = []
    for i in range(count):
        start = (i * 997) % (len(body) - per_file)
        path = folder / f"report-{i:03d}.txt"
        path.write_text(f"第{i}号报告\n{body[start : start + per_file]}\n", encoding="utf-8")
        files.append(path)
    return files
