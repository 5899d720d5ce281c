"""Rules over OpenCC's views towards traditional that a phrase dictionary cannot express.

Two kinds, both one character for one (views keep their length):

- Reported errors (`data/script_exceptions.tsv`): contexts where OpenCC's greedy matching is known to
  go wrong, each row citing the public report. Applied where the simplified context occurs.
- 里 in transliterated names. OpenCC writes 里 as 裏/裡 (inside) unless a phrase says otherwise, so
  埃里克 becomes 埃裡克. Foreign names are transliterated with a small, fixed syllable inventory (the
  Xinhua News Agency's transliteration tables for personal and place names, 《世界人名翻译大辞典》 and
  《外国地名译名手册》); 里 inside a run of at least three such characters, or next to the name
  separator ·, is the syllable "li" and stays 里. "Inside" 裡 comes after ordinary nouns (家里, 心里,
  森林里) whose characters are not in the inventory, or form a run of two (林里), which the rule leaves.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib.resources import files

__all__ = ["exception_edits", "transliterated_li_edits"]

# The commonest syllable characters of the transliteration tables named above (simplified forms).
# Everyday words before 里 (家里, 心里, 这里, 城里) use characters outside the set; 林 is a syllable
# character too but is left out on purpose: 森林里 is far commoner than a name.
TRANSLITERATION_CHARS = frozenset(
    "阿埃艾安昂奥澳巴拜班邦鲍贝本比彼毕波伯博布达戴丹道德登迪蒂丁杜多顿俄厄恩尔法凡范菲费芬"
    "丰弗福富盖冈高戈格根贡古圭哈海汉豪赫亨洪胡华霍基吉季加贾杰金卡凯坎康考柯科克肯库夸奎昆拉莱"
    "赖兰朗劳勒雷蕾利里丽列隆卢鲁伦罗洛马迈麦曼芒梅蒙米明莫姆穆纳奈内妮尼涅宁纽努诺欧帕潘佩彭皮"
    "珀普奇恰乔切钦琼丘萨塞赛桑瑟森沙莎舍什施斯松苏索塔泰坦汤特汀廷图托瓦威韦维温沃乌伍西希谢辛休"
    "雅亚扬耶叶伊因英尤约泽扎詹兹茨哥"
)
_NAME_SEPARATORS = frozenset("·•‧・")
_MIN_RUN = 3


@cache
def _exceptions() -> tuple[tuple[str, str], ...]:
    rows = []
    raw = files("reader").joinpath("data/script_exceptions.tsv").read_text(encoding="utf-8")
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        simplified, traditional, _source = line.split("\t")
        if len(simplified) != len(traditional):
            raise ValueError(f"exception {simplified!r} → {traditional!r} does not keep the length")
        rows.append((simplified, traditional))
    return tuple(rows)


def exception_edits(source: str, to_region: Callable[[str], str]) -> dict[int, str]:
    """Position → right character for every reported context found in `source`.

    `to_region` takes OpenCC-standard traditional to the view's regional forms (identity for 繁體).
    """
    edits: dict[int, str] = {}
    for simplified, traditional in _exceptions():
        start = source.find(simplified)
        if start < 0:
            continue
        right = to_region(traditional)
        if len(right) != len(traditional):
            right = traditional
        while start >= 0:
            edits.update(enumerate(right, start))
            start = source.find(simplified, start + len(simplified))
    return edits


def transliterated_li_edits(source: str, view: str, edits: dict[int, str] | None = None) -> dict[int, str]:
    """Position → 里 where the view (with `edits` over it) writes 裏/裡 for the syllable "li" of a
    transliterated name."""
    out: dict[int, str] = {}
    earlier = edits or {}
    n = len(source)
    start = source.find("里")
    while start >= 0:
        i = start
        if earlier.get(i, view[i]) in ("裏", "裡"):
            lo = i
            while lo > 0 and source[lo - 1] in TRANSLITERATION_CHARS:
                lo -= 1
            hi = i + 1
            while hi < n and source[hi] in TRANSLITERATION_CHARS:
                hi += 1
            beside_separator = (i > 0 and source[i - 1] in _NAME_SEPARATORS) or (
                i + 1 < n and source[i + 1] in _NAME_SEPARATORS
            )
            if hi - lo >= _MIN_RUN or beside_separator:
                out[i] = "里"
        start = source.find("里", start + 1)
    return out
