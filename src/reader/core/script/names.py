"""Names and units that OpenCC's default for 里 and 范 turns into words (one character for one).

OpenCC writes 里 as 裏/裡 ("inside") and 范 as 範 ("model") unless a phrase says otherwise, so 埃里克
becomes 埃裡克, 50里 becomes 50裡 and 范长江 becomes 範長江. Three classes are put back:

- Transliterated names. Foreign names are transliterated with a small, fixed syllable inventory (the
  Xinhua News Agency's tables for personal and place names, 《世界人名翻译大辞典》 and 《外国地名译名手册》),
  and Mongolian and Turkic names of Chinese historiography with the transcription characters of the
  Yuan histories (《元朝秘史》, 《元史》: 忽里台, 斡难, 脱脱, 帖木儿, 札木合, 察合台, 喀什噶尔). 里 and 范
  ("van") inside a run of at least three such characters, or in a run touching the name separator ·,
  are syllables. "Inside" 裡 comes after ordinary nouns (家里, 心里, 森林里) whose characters are not in
  the inventory, or form a run of two (林里), which the rule leaves.
- 里 the unit of length after a numeral (50里, 三十里): a measure word, never "inside".
- The surname 范. 範 is a bound morpheme in modern Chinese, found only inside words (范围, 规范, 模范,
  示范, 范畴); 范 in no common two-character word of the segmenter's dictionary is the surname (严范孙, 范长江).
"""

from __future__ import annotations

import re

from reader.core.script.segment import dictionary

__all__ = ["TRANSLITERATION_CHARS", "name_edits"]

# The commonest syllable characters of the transliteration tables named above (simplified forms).
# Everyday words before 里 (家里, 心里, 这里, 城里) use characters outside the set; 林 is a syllable
# character too but is left out on purpose: 森林里 is far commoner than a name.
_FOREIGN = (
    "阿埃艾安昂奥澳巴拜班邦鲍贝本比彼毕波伯博布达戴丹道德登迪蒂丁杜多顿俄厄恩尔法凡范菲费芬"
    "丰弗福富盖冈高戈格根贡古圭哈海汉豪赫亨洪胡华霍基吉季加贾杰金卡凯坎康考柯科克肯库夸奎昆拉莱"
    "赖兰朗劳勒雷蕾利里丽列隆卢鲁伦罗洛马迈麦曼芒梅蒙米明莫姆穆纳奈内妮尼涅宁纽努诺欧帕潘佩彭皮"
    "珀普奇恰乔切钦琼丘萨塞赛桑瑟森沙莎舍什施斯松苏索塔泰坦汤特汀廷图托瓦威韦维温沃乌伍西希谢辛休"
    "雅亚扬耶叶伊因英尤约泽扎詹兹茨哥"
)
# Transcription characters of Mongolian and Turkic names in the Yuan histories that the table above
# lacks. Common words before 里 built from them (平台里, 观察里, 组合里) form runs of two and are left.
_INNER_ASIAN = "忽兀斡脱帖札赤孛阔察合台答剌噶喀匝"
TRANSLITERATION_CHARS = frozenset(_FOREIGN + _INNER_ASIAN)
_NAME_SEPARATORS = frozenset("·•‧・")
_MIN_RUN = 3
# Characters OpenCC turns into a word where a name or a unit is meant, and the word forms.
_SYLLABLES = {"里": ("裏", "裡"), "范": ("範",)}
# Dictionary words seen fewer times than this are mostly names cut wrongly (范长 from 范长江); the
# words built on 範 are common (范围 12,101, 规范 3,602, 示范 981, 典范 316, 范本 55 in jieba's counts).
_COMMON = 20
_NUMERAL_LI_RE = re.compile("[0-9０-９一二三四五六七八九十百千万两数几]里")


def name_edits(source: str, view: str, edits: dict[int, str] | None = None) -> dict[int, str]:
    """Position → 里 or 范 where the view (with `edits` over it) writes a word for a name or a unit."""
    earlier = edits or {}
    out: dict[int, str] = {}
    for ch, word_forms in _SYLLABLES.items():
        start = source.find(ch)
        while start >= 0:
            if earlier.get(start, view[start]) in word_forms and _is_syllable(source, start):
                out[start] = ch
            start = source.find(ch, start + 1)
    for m in _NUMERAL_LI_RE.finditer(source):
        i = m.end() - 1
        if earlier.get(i, view[i]) in _SYLLABLES["里"]:
            out[i] = "里"
    freq = dictionary()[0]
    start = source.find("范")
    while start >= 0:
        if earlier.get(start, view[start]) == "範" and not _in_word(source, start, freq):
            out[start] = "范"
        start = source.find("范", start + 1)
    return out


def _is_syllable(source: str, i: int) -> bool:
    """Whether position i lies in a run of transliteration characters that makes it a name."""
    n = len(source)
    lo = i
    while lo > 0 and source[lo - 1] in TRANSLITERATION_CHARS:
        lo -= 1
    hi = i + 1
    while hi < n and source[hi] in TRANSLITERATION_CHARS:
        hi += 1
    touches = (lo > 0 and source[lo - 1] in _NAME_SEPARATORS) or (hi < n and source[hi] in _NAME_SEPARATORS)
    return hi - lo >= _MIN_RUN or touches


def _in_word(source: str, i: int, freq: dict[str, int]) -> bool:
    """Whether the character at i is part of a common two-character word of the segmenter's dictionary."""
    left = freq.get(source[i - 1 : i + 1], 0) if i > 0 else 0
    return max(left, freq.get(source[i : i + 2], 0)) >= _COMMON
