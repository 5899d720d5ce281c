"""Radical code points that PDF text layers give instead of the ideographs they look like.

Fonts such as Noto CJK map one glyph to both an ideograph (门) and a radical (⻔); PDF producers that build
the text layer from the font's reverse map then write the radical, so the extracted text reads right but
matches nothing. Kangxi radicals (U+2F00–U+2FD5) fold to ideographs under NFKC; the CJK Radicals
Supplement (U+2E80–U+2EFF) has no decomposition, so its equivalents are listed here, from the Unicode
Character Database file EquivalentUnifiedIdeograph.txt (version 14.0).
"""

from __future__ import annotations

import unicodedata

_SUPPLEMENT = str.maketrans(
    "⺁⺂⺃⺄⺅⺆⺇⺈⺉⺊⺋⺌⺍⺎⺏⺐⺑⺒⺓⺔⺕⺖⺗⺘⺙⺛⺜⺝⺞⺟⺠⺡⺢⺣⺤⺥⺦⺧⺨⺩⺪⺫⺬⺭⺮⺯⺰⺱⺲⺳⺴⺵⺶⺷⺸⺹⺺⺻⺼⺽⺾⺿⻀⻁⻂⻃⻄⻅⻆⻇⻈⻉⻊⻋⻌⻍⻎⻏⻐⻑⻒⻓⻔⻕⻖⻗⻘⻙⻚⻛⻜⻝⻞⻟⻠⻡⻢⻣⻤⻥⻦⻧⻨⻩⻪⻫⻬⻭⻮⻯⻰⻱⻲⻳",
    "厂乛乚乙亻冂𠘨刀刂卜㔾小小兀尣尢𡯂巳幺彑彐忄心扌攵旡日月歺母民氵氺灬爫爫丬牛犭王𤴔目示礻𥫗糹纟罓罒㓁冗𦉫羊𦍌𦍋耂肀聿肉𦥑艹艹艹虎衤覀西见角𧢲讠贝𧾷车辶辶辶邑钅長镸长门𨸏阝雨青韦页风飞食𩙿飠饣𩠐马骨鬼鱼鸟卤麦黄黾斉齐歯齿竜龙龜亀龟",
)


def fold_radicals(text: str) -> str:
    """The text with radical code points replaced by the ideographs they stand for."""
    if not any("\u2e80" <= ch <= "\u2fdf" for ch in text):
        return text
    text = text.translate(_SUPPLEMENT)
    return "".join(unicodedata.normalize("NFKC", ch) if "\u2f00" <= ch <= "\u2fd5" else ch for ch in text)
