"""Settings survive a round trip, and a broken or foreign file never stops the application starting."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from reader.core.annotations.model import DEFAULT_COLORS
from reader.settings import SCHEMA_VERSION, Settings, highlight_colors, load, save, settings_path


def test_round_trip(tmp_path: Path) -> None:
    path = settings_path(tmp_path / "config")
    settings = Settings(
        font_family="Noto Serif CJK TC",
        font_size=18.5,
        theme="sepia",
        language="zh_TW",
        library_path="/data/报告.sqlite",
        color_names={"yellow": "要点"},
        color_hex={"blue": "#3366ff"},
        document_scripts={"3": "tw"},
        export_choices={"format": "csv", "phrases": "true"},
        last_export_dir="/home/读者/导出",
    )
    save(settings, path)
    assert load(path) == settings
    assert "要点" in path.read_text(encoding="utf-8")  # readable JSON, not \\u escapes


def test_missing_and_garbage_files_give_defaults(tmp_path: Path) -> None:
    assert load(tmp_path / "absent.json") == Settings()
    for content in ("", "{not json", "[1, 2]", '"text"', "null", "\xff\xfe"):
        path = tmp_path / "settings.json"
        path.write_text(content, encoding="utf-8", errors="surrogateescape")
        assert load(path) == Settings(), content


def test_wrong_types_and_unknown_keys_fall_back_per_field(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps(
            {
                "font_size": "huge",
                "line_height": 2,
                "phrases": 1,
                "sort_column": True,
                "theme": "dark",
                "color_names": {"yellow": 5, "blue": "问题"},
                "color_hex": ["#ffffff"],
                "from_the_future": 42,
            }
        ),
        encoding="utf-8",
    )
    loaded = load(path)
    assert loaded.font_size == Settings().font_size
    assert loaded.line_height == 2.0 and isinstance(loaded.line_height, float)
    assert loaded.phrases is False  # 1 is not a switch
    assert loaded.sort_column == 0  # nor is true a column
    assert loaded.theme == "dark"
    assert loaded.color_names == {"blue": "问题"}
    assert loaded.color_hex == {}


def test_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    assert asdict(Settings())["schema_version"] == SCHEMA_VERSION
    path.write_text(json.dumps({"schema_version": 0, "theme": "light"}), encoding="utf-8")
    loaded = load(path)
    assert loaded.schema_version == SCHEMA_VERSION
    assert loaded.theme == "light"
    save(loaded, path)
    assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION


def test_save_is_atomic(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save(Settings(theme="dark"), path)
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_highlight_colors_apply_names_and_valid_hex_only() -> None:
    settings = Settings(color_names={"yellow": "要点", "blue": "  "}, color_hex={"green": "#00AA00", "red": "red"})
    colors = {c.key: c for c in highlight_colors(settings)}
    assert [c.key for c in highlight_colors(settings)] == [c.key for c in DEFAULT_COLORS]
    assert colors["yellow"].name == "要点"
    assert colors["blue"].name == DEFAULT_COLORS[1].name  # blank keeps the default name
    assert colors["green"].hex == "#00aa00"
    assert colors["red"].hex == DEFAULT_COLORS[4].hex  # not a colour: default


def test_saving_changes_keeps_what_another_window_saved_meanwhile(tmp_path: Path) -> None:
    from reader.settings import save_changes

    path = settings_path(tmp_path / "config")
    save(Settings(last_document=3, document_scripts={"1": "tw"}), path)
    first, second = load(path), load(path)  # two windows started on the same settings
    first_base, second_base = load(path), load(path)
    first.last_document, first.script = 7, "hant"
    first.document_scripts["2"] = "hk"
    second.last_color = "blue"
    second.document_scripts.pop("1")
    second.document_scripts["5"] = "hans"
    first_base = save_changes(first, first_base, path)
    second_base = save_changes(second, second_base, path)  # quits last: writes only what it changed
    stored = load(path)
    assert (stored.last_document, stored.script, stored.last_color) == (7, "hant", "blue")
    assert stored.document_scripts == {"2": "hk", "5": "hans"}
    assert second_base == stored
    # Saved again with nothing changed since its last save: what another window wrote since stays.
    save(Settings(last_document=9), path)
    save_changes(first, first_base, path)
    assert load(path).last_document == 9
