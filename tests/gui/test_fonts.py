"""Each script view is drawn in its region's faces: TC for 繁 and 臺, HK for 港, SC for 简, never JP."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtGui import QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

from reader.core.script import Script
from reader.ui import fonts
from reader.ui.fonts import cjk_families, lang_tag, region_for, regional_font
from reader.ui.main_window import MainWindow


def _needs(family: str) -> None:
    if family not in QFontDatabase.families():
        pytest.skip(f"{family} is not installed here (apt-get install fonts-noto-cjk-extra)")


def test_regions_of_the_views() -> None:
    assert [region_for(s) for s in (Script.HANS, Script.HANT, Script.TW, Script.HK)] == ["sc", "tc", "tc", "hk"]
    assert region_for(Script.ORIG, "traditional") == "tc"
    assert region_for(Script.ORIG, "simplified") == "sc" and region_for(Script.ORIG, "mixed") == "sc"
    assert lang_tag(Script.TW) == "zh-Hant-TW" and lang_tag(Script.HK) == "zh-Hant-HK"
    assert lang_tag(Script.ORIG, "traditional") == "zh-Hant"


@pytest.mark.parametrize(
    ("script", "family"),
    [
        (Script.HANS, "Noto Serif CJK SC"),
        (Script.HANT, "Noto Serif CJK TC"),
        (Script.TW, "Noto Serif CJK TC"),
        (Script.HK, "Noto Serif CJK HK"),
    ],
)
def test_each_view_resolves_to_its_regional_face(qapp: QApplication, script: Script, family: str) -> None:
    _needs(family)
    assert QFontInfo(regional_font(script, 14)).family() == family


def test_no_japanese_or_korean_face_is_ever_offered(qapp: QApplication) -> None:
    for region in ("sc", "tc", "hk"):
        for family in cjk_families(region):
            assert not any(mark in family for mark in (" JP", " KR", "Mono")), family


def test_a_chosen_pan_cjk_family_follows_the_view_region(qapp: QApplication) -> None:
    _needs("Noto Sans CJK TC")
    font = regional_font(Script.TW, 14, family="Noto Sans CJK SC")
    assert QFontInfo(font).family() == "Noto Sans CJK TC"
    assert font.families()[0] == "Noto Sans CJK TC"


def test_a_missing_regional_face_falls_back_to_a_chinese_one(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        pytest.skip("no Chinese font installed here")
    missing = {"sc": ("No Such Face SC",), "tc": ("No Such Face TC",), "hk": ("No Such Face HK",)}
    monkeypatch.setattr(fonts, "REGION_FAMILIES", missing)
    chosen = cjk_families("tc")
    assert chosen, "fontconfig or Qt's writing-system list should still offer a Chinese face"
    family = QFontInfo(regional_font(Script.TW, 14)).family()
    assert family in chosen and "JP" not in family


def test_the_reading_view_switches_faces_with_the_script_and_names_the_one_in_use(window: MainWindow) -> None:
    _needs("Noto Serif CJK TC")
    _needs("Noto Serif CJK HK")
    window.set_script(Script.TW)
    assert window.reading.font_family == "Noto Serif CJK TC"
    assert window.reading.pane.document().defaultFont().families()[0] == "Noto Serif CJK TC"
    window.set_script(Script.HK)
    assert window.reading.font_family == "Noto Serif CJK HK"
    window.set_script(Script.HANS)
    assert window.reading.font_family == "Noto Serif CJK SC"


def test_printing_uses_the_view_face(window: MainWindow) -> None:
    _needs("Noto Serif CJK TC")
    window.set_script(Script.HANT)
    document = window.exports.printable_document()
    assert QFontInfo(document.defaultFont()).family() == "Noto Serif CJK TC"


def test_info_tab_names_the_font_of_the_view(window: MainWindow) -> None:
    """Where the view's regional face is missing, the reader can see which one stands in."""
    _needs("Noto Serif CJK TC")
    _needs("Noto Serif CJK SC")
    window.set_script(Script.TW)
    assert window.info.value("Font") == window.reading.font_family == "Noto Serif CJK TC"
    window.set_script(Script.HANS)
    assert window.info.value("Font") == "Noto Serif CJK SC"


def test_font_lists_prewarmed_off_the_gui_thread_spare_it_fontconfig(monkeypatch: pytest.MonkeyPatch) -> None:
    """After the prewarm (run on the prewarm thread), choosing a face for any region asks fontconfig nothing."""
    fonts._fontconfig_families.cache_clear()
    calls: list[list[str]] = []
    real_run = fonts.subprocess.run

    def counting_run(args: list[str], **kwargs: object) -> object:
        calls.append(list(args))
        return real_run(args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(fonts.subprocess, "run", counting_run)
    monkeypatch.setattr(fonts.shutil, "which", lambda name: "/usr/bin/fc-list" if name == "fc-list" else None)
    thread = threading.Thread(target=fonts.prewarm_font_lists)
    thread.start()
    thread.join()
    asked = len(calls)
    for region in ("sc", "tc", "hk"):
        fonts.cjk_families(region)
    assert asked == 3
    assert len(calls) == asked
