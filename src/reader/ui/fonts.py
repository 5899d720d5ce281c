"""Which installed font draws each script view, so that 繁/臺 show Taiwan glyphs, 港 Hong Kong ones, 简 mainland.

Pan-CJK families (Noto CJK, Source Han) come in regional builds that share a character set but not
glyph shapes: 骨, 户, 述, 角 or 令 are drawn differently in SC, TC, HK and JP. Qt picks glyphs by font
family only (there is no per-run language that changes shaping), so the way to get the right shapes
is to put the region's family first in the font's family list. Japanese builds are never chosen: their
shapes are wrong for every Chinese reader.

Where the region's family is missing the list falls back, in order, to other families fontconfig
says cover the language (`fc-list :lang=zh-tw`), then to families Qt lists for the writing system,
then to the other Chinese regions (TC and HK are closer to each other than to SC). What Qt finally
uses is what `QFontInfo` reports; the reading view exposes it so the Info tab can name it.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess

from PySide6.QtGui import QFont, QFontDatabase

from reader.core.script import Script

__all__ = [
    "REGION_FAMILIES",
    "cjk_families",
    "lang_tag",
    "region_for",
    "regional_font",
]

REGION_FAMILIES: dict[str, tuple[str, ...]] = {
    "sc": (
        "Noto Serif CJK SC",
        "Source Han Serif SC",
        "Songti SC",
        "STSong",
        "SimSun",
        "Noto Sans CJK SC",
        "Source Han Sans SC",
        "PingFang SC",
        "Microsoft YaHei",
        "WenQuanYi Zen Hei",
        "WenQuanYi Micro Hei",
        "AR PL UMing CN",
    ),
    "tc": (
        "Noto Serif CJK TC",
        "Source Han Serif TC",
        "Songti TC",
        "PMingLiU",
        "MingLiU",
        "Noto Sans CJK TC",
        "Source Han Sans TC",
        "PingFang TC",
        "Microsoft JhengHei",
        "AR PL UMing TW",
        "AR PL New Sung",
    ),
    "hk": (
        "Noto Serif CJK HK",
        "Source Han Serif HK",
        "Noto Sans CJK HK",
        "Source Han Sans HK",
        "PingFang HK",
        "MingLiU_HKSCS",
        "AR PL UMing HK",
    ),
}
"""Serif (Song/Ming) faces first: reports read best in them; then sans faces found on each platform."""

_FALLBACK_REGIONS = {"sc": ("tc", "hk"), "tc": ("hk", "sc"), "hk": ("tc", "sc")}
_FC_LANG = {"sc": "zh-cn", "tc": "zh-tw", "hk": "zh-hk"}
_WRITING_SYSTEM = {
    "sc": QFontDatabase.WritingSystem.SimplifiedChinese,
    "tc": QFontDatabase.WritingSystem.TraditionalChinese,
    "hk": QFontDatabase.WritingSystem.TraditionalChinese,
}
_LANG_TAGS = {
    Script.HANS: "zh-Hans",
    Script.HANT: "zh-Hant",
    Script.TW: "zh-Hant-TW",
    Script.HK: "zh-Hant-HK",
}
# A family built for another language, or a monospaced coding face: never the reading face.
_NOT_FOR_READING = re.compile(r"\b(JP|KR|Japanese|Korean|Mono)\b|Gothic|Mincho|Batang|Gulim", re.IGNORECASE)
_REGION_SUFFIX = re.compile(r"\s(SC|TC|HK|JP|KR|CN|TW)$")
_SUFFIX_FOR = {"sc": " SC", "tc": " TC", "hk": " HK"}


def region_for(script: Script | str, text_script: str = "") -> str:
    """The glyph region of a view: "sc", "tc" or "hk".

    The original-text view (原文) follows the document: `text_script` is the detected script stored
    with it ("traditional" gives TC; simplified, mixed or unknown give SC).
    """
    script = Script(script)
    if script is Script.HK:
        return "hk"
    if script in (Script.HANT, Script.TW):
        return "tc"
    if script is Script.ORIG and text_script in ("traditional", "hant"):
        return "tc"
    return "sc"


def lang_tag(script: Script | str, text_script: str = "") -> str:
    """The BCP 47 tag of a view's text (`lang` of an HTML export): zh-Hans, zh-Hant, zh-Hant-TW, zh-Hant-HK."""
    script = Script(script)
    if script is Script.ORIG:
        return "zh-Hant" if region_for(script, text_script) == "tc" else "zh-Hans"
    return _LANG_TAGS[script]


@functools.cache
def _fontconfig_families(lang: str) -> tuple[str, ...]:
    """Families fontconfig says cover `lang` (e.g. zh-tw), or none where fontconfig is absent (Windows, macOS)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return ()
    try:
        out = subprocess.run(
            [fc_list, f":lang={lang}", "family"], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return ()
    # One line per face; a face with several names lists them comma-separated, the first is the family.
    return tuple(sorted({line.split(",")[0].strip() for line in out.splitlines() if line.strip()}))


def prewarm_font_lists() -> None:
    """Ask fontconfig for each region's families now, off the GUI thread: the first traditional document
    otherwise waits for `fc-list` while it opens (10-30 ms of the GUI thread, once per region)."""
    for lang in _FC_LANG.values():
        _fontconfig_families(lang)


def _region_of(family: str) -> str:
    """The region a family's name says it is built for ("" when it does not say)."""
    match = _REGION_SUFFIX.search(family)
    if match is None:
        return ""
    return {"SC": "sc", "CN": "sc", "TC": "tc", "TW": "tc", "HK": "hk"}.get(match.group(1), "other")


def _suitable(family: str) -> bool:
    return not _NOT_FOR_READING.search(family)


def cjk_families(region: str) -> list[str]:
    """Installed families for `region` in order of preference; empty when no Chinese font is installed.

    The region's own faces come first, then faces fontconfig or Qt list for the language, then the
    other Chinese regions' faces, so text is never left to a Japanese face or to tofu.
    """
    installed = set(QFontDatabase.families())
    chosen: list[str] = []

    def add(families: tuple[str, ...] | list[str], *, only_own: bool = False) -> None:
        for family in families:
            if family in installed and family not in chosen and _suitable(family):
                if only_own and _region_of(family) not in ("", region):
                    continue  # another region's build comes after every face of this region
                chosen.append(family)

    add(REGION_FAMILIES[region])
    add(_fontconfig_families(_FC_LANG[region]), only_own=True)
    add(QFontDatabase.families(_WRITING_SYSTEM[region]), only_own=True)
    for other in _FALLBACK_REGIONS[region]:
        add(REGION_FAMILIES[other])
    return chosen


def _regional_variant(family: str, region: str) -> str:
    """The user's chosen pan-CJK family in the view's region ("Noto Sans CJK SC" → "… TC"), if installed."""
    if not _REGION_SUFFIX.search(family):
        return family
    variant = _REGION_SUFFIX.sub(_SUFFIX_FOR[region], family)
    return variant if variant in set(QFontDatabase.families()) else family


def regional_font(
    script: Script | str, size: float, *, family: str = "", text_script: str = "", serif: bool = True
) -> QFont:
    """A font for a view: the user's family (in the view's regional build) first, then the region's faces.

    Qt takes the first family in the list that has a glyph, so the regional face draws every character
    it covers and the rest fall back along the list.
    """
    region = region_for(script, text_script)
    families = cjk_families(region)
    if family:
        preferred = _regional_variant(family, region)
        families = [preferred, *(f for f in families if f != preferred)]
    font = QFont()
    if families:
        font.setFamilies(families)
    font.setPointSizeF(size)
    font.setStyleHint(QFont.StyleHint.Serif if serif else QFont.StyleHint.SansSerif)
    return font
