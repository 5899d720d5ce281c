"""Radical code points that PDF text layers give instead of the ideographs they look like.

Fonts such as Noto CJK map one glyph to both an ideograph (门) and a radical (⻔); PDF producers that build
the text layer from the font's reverse map then write the radical, so the extracted text reads right but
matches nothing. Kangxi radicals (U+2F00–U+2FD5) fold to ideographs under NFKC; the CJK Radicals
Supplement (U+2E80–U+2EFF) has no decomposition, so its equivalents are listed here, from the Unicode
Character Database file EquivalentUnifiedIdeograph.txt (version 14.0).

A Kangxi radical's equivalent ideograph is the traditional form, and some radicals have a simplified
counterpart that is a character of its own: a simplified font draws KANGXI RADICAL DOOR (U+2F3E) with the
glyph of 户, so a simplified document's text layer writes U+2F3E where the page shows 户, and NFKC's 戶
is wrong there. Those radicals are left alone when a fragment is read (`fold_radicals`) and mapped once
the whole document's script is known (`for_script`): the traditional form in a traditional document, the
simplified one otherwise.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter

from reader.formats.pdf.model import Layout

_SUPPLEMENT = str.maketrans(
    "⺁⺂⺃⺄⺅⺆⺇⺈⺉⺊⺋⺌⺍⺎⺏⺐⺑⺒⺓⺔⺕⺖⺗⺘⺙⺛⺜⺝⺞⺟⺠⺡⺢⺣⺤⺥⺦⺧⺨⺩⺪⺫⺬⺭⺮⺯⺰⺱⺲⺳⺴⺵⺶⺷⺸⺹⺺⺻⺼⺽⺾⺿⻀⻁⻂⻃⻄⻅⻆⻇⻈⻉⻊⻋⻌⻍⻎⻏⻐⻒⻓⻔⻕⻖⻗⻘⻙⻚⻛⻜⻝⻞⻟⻠⻡⻢⻣⻤⻥⻦⻧⻨⻩⻪⻫⻬⻭⻮⻯⻰⻲⻳",
    "厂乛乚乙亻冂𠘨刀刂卜㔾小小兀尣尢𡯂巳幺彑彐忄心扌攵旡日月歺母民氵氺灬爫爫丬牛犭王𤴔目示礻𥫗糹纟罓罒㓁冗𦉫羊𦍌𦍋耂肀聿肉𦥑艹艹艹虎衤覀西见角𧢲讠贝𧾷车辶辶辶邑钅镸长门𨸏阝雨青韦页风飞食𩙿飠饣𩠐马骨鬼鱼鸟卤麦黄黾斉齐歯齿竜龙亀龟",
)

BY_SCRIPT: dict[str, tuple[str, str]] = {
    # radical: (traditional: its equivalent unified ideograph, simplified counterpart)
    "⼾": ("戶", "户"),
    "⾒": ("見", "见"),
    "⾙": ("貝", "贝"),
    "⾞": ("車", "车"),
    "⾧": ("長", "长"),
    "⾨": ("門", "门"),
    "⾭": ("青", "青"),  # the equivalent 靑 (U+9751) is a variant neither script writes
    "⾱": ("韋", "韦"),
    "⾴": ("頁", "页"),
    "⾵": ("風", "风"),
    "⾶": ("飛", "飞"),
    "⾺": ("馬", "马"),
    "⾾": ("鬥", "斗"),
    "⿂": ("魚", "鱼"),
    "⿃": ("鳥", "鸟"),
    "⿄": ("鹵", "卤"),
    "⿆": ("麥", "麦"),
    "⿈": ("黃", "黄"),
    "⿌": ("黽", "黾"),
    "⿑": ("齊", "齐"),
    "⿒": ("齒", "齿"),
    "⿓": ("龍", "龙"),
    "⿔": ("龜", "龟"),
    "⻑": ("長", "长"),  # CJK RADICAL LONG ONE, equivalent 長
    "⻱": ("龜", "龟"),  # CJK RADICAL TURTLE, equivalent 龜
}
"""Radicals whose ideograph differs between the scripts: the traditional form is the Unicode equivalent
(EquivalentUnifiedIdeograph.txt), the simplified one its counterpart in the General List of Standard
Chinese Characters (通用规范汉字表)."""

_TRADITIONAL = str.maketrans({radical: forms[0] for radical, forms in BY_SCRIPT.items()})
_SIMPLIFIED = str.maketrans({radical: forms[1] for radical, forms in BY_SCRIPT.items()})


_RADICAL = re.compile("[\u2e80-\u2fdf]")


def _has_radical(text: str) -> bool:
    return _RADICAL.search(text) is not None


def fold_radicals(text: str) -> str:
    """The text with radical code points replaced by the ideographs they stand for, except those whose
    ideograph depends on the document's script (`BY_SCRIPT`), which `for_script` maps."""
    if not _has_radical(text):
        return text
    text = text.translate(_SUPPLEMENT)
    return "".join(
        unicodedata.normalize("NFKC", ch) if "\u2f00" <= ch <= "\u2fd5" and ch not in BY_SCRIPT else ch for ch in text
    )


def fold_for_script(text: str, traditional: bool) -> str:
    """`fold_radicals`, then the script-dependent radicals in the form of the document's script."""
    if not _has_radical(text):
        return text
    return fold_radicals(text).translate(_TRADITIONAL if traditional else _SIMPLIFIED)


_COMMON_PAIRS = (
    "这這个個们們来來时時为為说說国國会會对對过過发發后後经經进進学學动動开開现現体體问問实實关關从從"
    "还還没沒样樣种種应應当當两兩点點无無书書东東车車长長门門马馬见見间間线線机機区區县縣务務议議"
)
_SIMPLIFIED_CHARS = frozenset(_COMMON_PAIRS[0::2])
_TRADITIONAL_CHARS = frozenset(_COMMON_PAIRS[1::2])


def is_traditional(text: str) -> bool:
    """Whether `text` is written in traditional characters: more of the common characters that differ
    between the scripts (这/這, 国/國, 会/會 …) in their traditional form. A short list rather than the
    script detector's full tables, which take most of a second to build where a text PDF is otherwise
    read in tens of milliseconds."""
    counts = Counter(text)
    return sum(counts[ch] for ch in _TRADITIONAL_CHARS) > sum(counts[ch] for ch in _SIMPLIFIED_CHARS)


def for_script(layout: Layout) -> Layout:
    """The layout with every radical folded, the script-dependent ones to the form of the script the
    document is written in (traditional only when it is mostly traditional: a document with no
    script-specific characters is read as simplified). The same layout when it holds no radical."""
    texts = [fragment.text for page in layout.pages for fragment in page.fragments]
    if not any(_has_radical(text) for text in texts):
        return layout
    traditional = is_traditional("".join(texts))
    pages = tuple(
        dataclasses.replace(
            page,
            fragments=tuple(
                dataclasses.replace(fragment, text=fold_for_script(fragment.text, traditional))
                if _has_radical(fragment.text)
                else fragment
                for fragment in page.fragments
            ),
        )
        for page in layout.pages
    )
    return Layout(pages)
