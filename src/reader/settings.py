"""The user's preferences as one typed object with a schema version, stored as JSON.

Widgets read and write fields of `Settings`, never string keys, so a typo is a type error and an
upgrade is one function.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

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
    sort_descending: bool = False
    last_import_dir: str = ""
    last_document: int = 0


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
        if key in known and isinstance(value, type(getattr(defaults, key))):
            values[key] = value
        elif key in known and isinstance(value, int) and isinstance(getattr(defaults, key), float):
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
