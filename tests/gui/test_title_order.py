"""Ordering titles by pinyin: the ranks kept between sorts give the same order as collating afresh,
when titles arrive a few at a time and when many arrive at once."""

from __future__ import annotations

import random
from pathlib import Path

from reader.store.library import Library
from reader.ui.document_model import DocumentTableModel

TITLES = ["长治市", "阿坝州", "北京市", "重庆市", "中山市", "第10期", "第2期", "Zeta", "alpha", "澳门", "安徽", "长沙"]


def fresh_order(library: Library, titles: list[tuple[int, str]], descending: bool) -> list[int]:
    return DocumentTableModel(library).pinyin_order(titles, descending)


def test_ranks_kept_between_sorts_match_a_fresh_collation(tmp_path: Path) -> None:
    rng = random.Random(5)
    with Library(tmp_path / "lib.sqlite") as library:
        model = DocumentTableModel(library)
        titles: list[tuple[int, str]] = []
        next_id = 1
        for round_ in range(40):
            # Mostly a title or two at a time (binary search), now and then a large batch (re-collation).
            batch = 30 if round_ % 13 == 0 else rng.randint(1, 2)
            for _ in range(batch):
                title = rng.choice(TITLES) + rng.choice(["", "卫生", "第3期", "x", "医院"]) * rng.randint(0, 2)
                titles.append((next_id, title))
                next_id += 1
            if rng.random() < 0.3:  # a title disappears: its rank may stay, harmlessly
                titles.pop(rng.randrange(len(titles)))
            for descending in (False, True):
                assert model.pinyin_order(titles, descending) == fresh_order(library, titles, descending)


def test_pinyin_and_numbers(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite") as library:
        order = DocumentTableModel(library).pinyin_order(list(enumerate(TITLES, start=1)))
    shown = [TITLES[i - 1] for i in order]
    assert shown.index("阿坝州") < shown.index("北京市") < shown.index("重庆市") < shown.index("中山市")
    assert shown.index("第2期") < shown.index("第10期")
    assert shown.index("安徽") < shown.index("澳门")
