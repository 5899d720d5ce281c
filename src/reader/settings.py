"""The user's preferences as one typed object with a schema version, stored as JSON.

Widgets read and write fields of `Settings`, never string keys, so a typo is a type error and an
upgrade is one function.
"""

from __future__ import annotations

import copy
import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from reader.core.annotations.model import DEFAULT_COLORS, HighlightColor

SCHEMA_VERSION = 1


@dataclass
class Settings:
    schema_version: int = SCHEMA_VERSION
    font_family: str = ""
    font_size: float = 15.0
    line_height: float = 1.75
    measure_em: int = 38
    theme: str = "system"
    script: str = "orig"
    phrases: bool = False
    last_color: str = "yellow"
    document_scripts: dict[str, str] = field(default_factory=dict)
    show_cleaned: bool = True
    window_geometry: str = ""
    window_state: str = ""
    splitter_state: str = ""
    sort_column: int = 0
    # Keys of the document list's columns shown besides the title (DocumentTableModel.COLUMNS).
    list_columns: list[str] = field(default_factory=lambda: ["date"])
    sort_descending: bool = False
    last_import_dir: str = ""
    last_document: int = 0
    # "system" follows the desktop's locale; otherwise one of reader.ui.i18n.LANGUAGES.
    language: str = "system"
    # Empty means the default location (paths.default_library()); read at start-up only.
    library_path: str = ""
    # Per colour key (annotation_model.DEFAULT_COLORS): the user's own name and hex; absent keys keep defaults.
    color_names: dict[str, str] = field(default_factory=dict)
    color_hex: dict[str, str] = field(default_factory=dict)
    # The export dialog's last choices (ExportDialog.choices(): format, scope, script; switches as
    # "true"/"false") and the folder it saved in, so the next export starts there after a restart too.
    export_choices: dict[str, str] = field(default_factory=dict)
    last_export_dir: str = ""


def settings_path(config_dir: Path) -> Path:
    return config_dir / "settings.json"


def load(path: Path) -> Settings:
    """Read the settings; anything unreadable or unknown falls back to defaults instead of failing start-up."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    known = {f.name: f for f in fields(Settings)}
    values: dict[str, object] = {}
    defaults = Settings()
    for key, value in data.items():
        if key not in known:
            continue
        default = getattr(defaults, key)
        if isinstance(default, list):
            if isinstance(value, list):
                values[key] = [v for v in value if isinstance(v, str)]
        elif isinstance(default, dict):
            # A hand-edited file may hold anything in a mapping; keep only the string pairs widgets expect.
            if isinstance(value, dict):
                values[key] = {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str)}
        elif isinstance(value, bool) != isinstance(default, bool):
            continue  # JSON true is not a number, nor is 1 a switch
        elif isinstance(value, type(default)):
            values[key] = value
        elif isinstance(value, int) and isinstance(default, float):
            values[key] = float(value)
    settings = Settings(**values)  # type: ignore[arg-type]
    settings.schema_version = SCHEMA_VERSION
    return settings


def save(settings: Settings, path: Path) -> None:
    """Write atomically: a crash mid-write keeps the previous file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, path)


def save_changes(settings: Settings, base: Settings, path: Path) -> Settings:
    """Write what this window changed since `base` (the settings as it last read or wrote them) over the
    file as it is now, and return what was written: the new base.

    Two windows (on two libraries, or a second one on the same) each keep their own copy; saved whole,
    the last to quit replaced everything the other had saved (its last document, script, colour). A
    mapping is merged key by key, so a document's script chosen in one window and another's in the
    other are both kept."""
    current = load(path) if path.exists() else Settings()
    for f in fields(Settings):
        mine, before = getattr(settings, f.name), getattr(base, f.name)
        if mine == before:
            continue
        if isinstance(mine, dict) and isinstance(before, dict):
            merged = dict(getattr(current, f.name))
            for key in before.keys() - mine.keys():
                merged.pop(key, None)
            merged.update({key: value for key, value in mine.items() if before.get(key) != value})
            setattr(current, f.name, merged)
        else:
            setattr(current, f.name, copy.deepcopy(mine))
    save(current, path)
    return copy.deepcopy(current)


def highlight_colors(settings: Settings) -> tuple[HighlightColor, ...]:
    """The five highlight colours with the user's names and shades; keys stay fixed so stored notes keep theirs."""
    result = []
    for color in DEFAULT_COLORS:
        name = settings.color_names.get(color.key, "").strip() or color.name
        hex_ = settings.color_hex.get(color.key, "")
        valid = len(hex_) == 7 and hex_.startswith("#") and all(c in "0123456789abcdefABCDEF" for c in hex_[1:])
        result.append(HighlightColor(color.key, name, hex_.lower() if valid else color.hex))
    return tuple(result)
