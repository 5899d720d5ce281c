"""Where the 臺灣 view is wrong although OpenCC s2tw was right, on the development half, with context.

Run: .venv/bin/python benchmarks/script_regressions.py
The correction layer must not trade OpenCC's right answers for its own; this lists the trades.
"""

from __future__ import annotations

import json

from bench_script import _TAIWAN_USAGE_VARIANTS, DRCD, _half, _variant_pairs
from reader.core.script import Script, convert, make_view


def main() -> None:
    variants = _variant_pairs()
    variants |= {(p[0], p[1]) for p in _TAIWAN_USAGE_VARIANTS} | {(p[1], p[0]) for p in _TAIWAN_USAGE_VARIANTS}
    fixed = broken = 0
    for line in DRCD.read_text(encoding="utf-8").splitlines():
        if not line.strip() or _half((row := json.loads(line))["id"]) != "dev":
            continue
        text = row["text"]
        simple = convert(text, "tw2s")
        base = convert(simple, "s2tw")
        ours = make_view(simple, Script.TW).text
        for i, (a, b, c) in enumerate(zip(text, base, ours, strict=True)):
            base_ok = a == b or (a, b) in variants
            ours_ok = a == c or (a, c) in variants
            if base_ok and not ours_ok:
                broken += 1
                print(f"{a}>{c}  {text[max(0, i - 8) : i]}[{a}]{text[i + 1 : i + 9]}".replace("\n", " "))
            fixed += ours_ok and not base_ok
    print(f"fixed {fixed}, broken {broken}")


if __name__ == "__main__":
    main()
