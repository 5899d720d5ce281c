"""One OpenCC converter per config for the whole process: building one keeps the GIL for a tenth of a
second or more, so a thread that converted for the first time (the import's, the OCR pool's) froze the
window while it built its own."""

from __future__ import annotations

import threading

from reader.core.script import opencc as occ


def test_every_thread_uses_the_converter_built_first() -> None:
    built = occ._converter("s2tw")
    seen: list[object] = []
    threads = [threading.Thread(target=lambda: seen.append(occ._converter("s2tw"))) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == [built, built, built]


def test_threads_converting_at_once_get_the_same_text() -> None:
    text = "国家卫生健康委卫生发展研究中心发布了关于头发和发展的报告。" * 50
    expected = occ.convert(text, "s2tw")
    results: list[str] = []
    threads = [threading.Thread(target=lambda: results.append(occ.convert(text, "s2tw"))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 4 and "發展" in expected and "頭髮" in expected
